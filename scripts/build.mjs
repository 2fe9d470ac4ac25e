#!/usr/bin/env node
// Bundles src/bundle.ts with ncc into dist/aegis/, writes the action and CLI shims that
// import it, and records bundle sizes.
// Type checking is `tsc --noEmit` (npm run lint); ncc only transpiles.
// `--check` builds into a temporary directory and fails on any difference from dist/:
// the committed bundles are what users run, so they must be exactly what the source builds.
import './require-node.mjs';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { tsImport } from 'tsx/esm/api';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
// Every stage of the registry (src/stages/index.ts) gets an action shim.
const { STAGE_NAMES } = await tsImport('../src/stages/index.ts', import.meta.url);
const { writeShims } = await tsImport('./shims.ts', import.meta.url);
const stages = [...STAGE_NAMES].sort();

function ncc(entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        entry,
        '-o',
        outDir,
        '--license',
        'licenses.txt',
        '--quiet',
        '--target',
        'es2023',
        '--transpile-only',
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ncc failed for ${entry} (exit ${code})`))));
  });
}

function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => statSync(join(dir, file)).isFile())
    .sort();
}

function sizesTable(dir) {
  const files = listFiles(join(dir, 'aegis')).filter((file) => file.endsWith('.js'));
  const size = (file) => statSync(join(dir, 'aegis', file)).size;
  const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
  const rows = files
    .sort((a, b) => size(b) - size(a))
    .map(
      (file) => `| ${file === 'index.js' ? '`index.js` (loaded at start: platform layer, runner)' : `\`${file}\``} | ${kib(size(file))} |`,
    );
  return [
    '# Bundle sizes',
    '',
    'Written by `npm run build`. Every action (`dist/<stage>/index.js`) and the CLI (`dist/cli/index.js`) import the one',
    'bundle in `dist/aegis/`; each stage and each forge client is a chunk loaded only when used.',
    '',
    '| file | size |',
    '|---|---|',
    ...rows,
    `| **total** | **${kib(files.reduce((sum, file) => sum + size(file), 0))}** |`,
    '',
  ].join('\n');
}

const out = mkdtempSync(join(tmpdir(), 'aegis-dist-'));
try {
  await ncc('src/bundle.ts', join(out, 'aegis'));
  writeShims(out, stages);
  writeFileSync(join(out, 'SIZES.md'), sizesTable(out));

  const dist = join(root, 'dist');
  if (check) {
    const built = listFiles(out);
    const committed = listFiles(dist);
    const differences = [
      ...built.filter((file) => !committed.includes(file)).map((file) => `missing from dist/: ${file}`),
      ...committed.filter((file) => !built.includes(file)).map((file) => `stale in dist/: ${file}`),
      ...built
        .filter((file) => committed.includes(file))
        .filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(dist, file))))
        .map((file) => `differs: dist/${file}`),
    ];
    if (differences.length > 0) {
      console.error(`dist/ does not match the source. Run 'npm run build' and commit dist/.\n${differences.join('\n')}`);
      process.exitCode = 1;
    } else console.log(`dist/ matches the source (${built.length} files).`);
  } else {
    rmSync(dist, { recursive: true, force: true });
    cpSync(out, dist, { recursive: true });
    console.log(readFileSync(join(dist, 'SIZES.md'), 'utf8'));
    console.log(`built dist/aegis and ${stages.length} action shims into ${relative(process.cwd(), dist) || 'dist'}/`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

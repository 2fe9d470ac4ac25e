#!/usr/bin/env node
// Bundles every entry in src/entry/ with ncc into dist/<name>/ and records bundle sizes.
// Type checking is `tsc --noEmit` (npm run lint); ncc only transpiles.
// `--check` builds into a temporary directory and fails on any difference from dist/:
// the committed bundles are what users run, so they must be exactly what the source builds.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
// `node scripts/build.mjs cli gitops-bump` rebuilds only those bundles (for a quick local loop).
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const entries = readdirSync(join(root, 'src/entry'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((entry) => only.length === 0 || only.includes(entry))
  .sort();

function ncc(entry, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        `src/entry/${entry}.ts`,
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
  const rows = entries.map((entry) => {
    const files = listFiles(join(dir, entry)).filter((file) => file.endsWith('.js'));
    const main = statSync(join(dir, entry, 'index.js')).size;
    const total = files.reduce((sum, file) => sum + statSync(join(dir, entry, file)).size, 0);
    return `| ${entry} | ${(main / 1024).toFixed(0)} KiB | ${(total / 1024).toFixed(0)} KiB | ${files.length} |`;
  });
  return [
    '# Bundle sizes',
    '',
    'Written by `npm run build`; `index.js` is what loads at start, lazy chunks (forge clients) load on demand.',
    '',
    '| bundle | index.js | all chunks | files |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const out = mkdtempSync(join(tmpdir(), 'aegis-dist-'));
try {
  // Two at a time: the machines this runs on have two cores.
  const queue = [...entries];
  await Promise.all(
    [0, 1].map(async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) await ncc(entry, join(out, entry));
    }),
  );
  if (only.length === 0) writeFileSync(join(out, 'SIZES.md'), sizesTable(out));

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
      process.exit(1);
    }
    console.log(`dist/ matches the source (${built.length} files).`);
  } else {
    if (only.length === 0) rmSync(dist, { recursive: true, force: true });
    mkdirSync(dist, { recursive: true });
    for (const entry of entries) rmSync(join(dist, entry), { recursive: true, force: true });
    cpSync(out, dist, { recursive: true });
    console.log(readFileSync(join(dist, 'SIZES.md'), 'utf8'));
    console.log(`built ${entries.length} bundles into ${relative(process.cwd(), dist) || 'dist'}/`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}

/**
 * dist/ as the tests run it: the layout of the committed bundles (dist/<stage>/index.js,
 * dist/cli/index.js), each file a shim that runs the TypeScript source through tsx. A test
 * of the CLI, an action or a component therefore runs src/ as it is now, never a stale
 * bundle (dist/ itself is checked by `npm run check-dist`). AEGIS_TEST_SRC points the shims
 * at another copy of src/: test/integration/source-under-test.test.ts breaks one on purpose.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { STAGE_NAMES } from '../../src/stages/index.js';

const ROOT = join(import.meta.dirname, '../..');
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
const built = new Map<string, string>();

/** The source tree the shims run: AEGIS_TEST_SRC, else this repository's src/. */
export function sourceRoot(): string {
  return process.env.AEGIS_TEST_SRC || join(ROOT, 'src');
}

function shim(src: string, module: string, call: string): string {
  return [
    '// Written by test/helpers/source-dist.ts: runs the TypeScript source, not a bundle.',
    `import { register } from ${JSON.stringify(TSX_API)};`,
    'register();',
    `const module = await import(${JSON.stringify(pathToFileURL(join(src, module)).href)});`,
    call,
    '',
  ].join('\n');
}

/** A directory laid out like dist/ whose entry points run `src` (default: sourceRoot()). */
export function sourceDist(src = sourceRoot()): string {
  const existing = built.get(src);
  if (existing) return existing;
  const dir = mkdtempSync(join(tmpdir(), 'aegis-source-dist-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const stage of STAGE_NAMES) {
    mkdirSync(join(dir, stage));
    writeFileSync(join(dir, stage, 'index.js'), shim(src, `entry/${stage}.ts`, 'await module.run();'));
  }
  mkdirSync(join(dir, 'cli'));
  const cli = [
    'module.cli(process.argv.slice(2)).catch((error) => {',
    '  console.error(error instanceof Error ? error.message : String(error));',
    '  process.exitCode = 2;',
    '});',
  ].join('\n');
  writeFileSync(join(dir, 'cli', 'index.js'), shim(src, 'cli.ts', cli));
  built.set(src, dir);
  return dir;
}

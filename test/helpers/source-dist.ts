/**
 * dist/ as the tests run it: the layout of the committed bundles (dist/<stage>/index.js,
 * dist/cli/index.js) over a bundle esbuild makes from src/ once per test process (under a
 * second). A test of the CLI, an action or a component therefore runs src/ as it is now,
 * never a stale bundle (dist/ itself is checked by `npm run check-dist`). AEGIS_TEST_SRC
 * points it at another copy of src/: test/integration/source-under-test.test.ts breaks one.
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { writeShims } from '../../scripts/shims.js';
import { STAGE_NAMES } from '../../src/stages/index.js';

const ROOT = join(import.meta.dirname, '../..');
const built = new Map<string, string>();

/** The source tree the shims run: AEGIS_TEST_SRC, else this repository's src/. */
export function sourceRoot(): string {
  return process.env.AEGIS_TEST_SRC || join(ROOT, 'src');
}

/** A directory laid out like dist/ whose entry points run a fresh bundle of `src` (default: sourceRoot()). */
export function sourceDist(src = sourceRoot()): string {
  const existing = built.get(src);
  if (existing) return existing;
  const dir = mkdtempSync(join(tmpdir(), 'aegis-source-dist-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  // Like ncc's bundle, but packages stay imports, resolved from the repository's node_modules.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  buildSync({
    entryPoints: [join(src, 'bundle.ts')],
    outdir: join(dir, 'aegis'),
    entryNames: 'index',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    logLevel: 'silent',
  });
  writeShims(dir, STAGE_NAMES);
  built.set(src, dir);
  return dir;
}

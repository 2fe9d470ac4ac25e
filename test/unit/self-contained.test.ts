import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SCANNED = ['src', 'test', 'scripts', 'bench'];
const SKIPPED = new Set(['node_modules', 'results', 'reference']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|mjs|js|sh)$/.test(entry.name)) yield path;
  }
}

// A plain clone has no sibling folders: a path that climbs out of the repository, or an
// absolute path into this machine's work area, only works beside this checkout.
const OUTSIDE = [/(?:\.\.\/){1,}shared\//, /['"`]\/work\//, /join\([^)]*'\.\.',\s*'\.\.',\s*'\.\.'/];

test('no test, source, script or benchmark names a path outside the repository', () => {
  const offenders: string[] = [];
  for (const dir of SCANNED) {
    for (const file of sourceFiles(join(ROOT, dir))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (file.endsWith('self-contained.test.ts')) return;
        if (OUTSIDE.some((pattern) => pattern.test(line))) offenders.push(`${relative(ROOT, file)}:${index + 1}: ${line.trim()}`);
      });
    }
  }
  expect(offenders).toEqual([]);
});

test('the check itself catches a path outside the repository', () => {
  // Built from parts so that this file itself names no such path.
  const shared = ['shared', 'data'].join('/');
  expect(OUTSIDE.some((pattern) => pattern.test(`const DATA = '/${'work'}/${shared}/trivy';`))).toBe(true);
  expect(OUTSIDE.some((pattern) => pattern.test(`join(ROOT, '..${'/'}${shared}/x')`))).toBe(true);
  expect(OUTSIDE.some((pattern) => pattern.test("join(import.meta.dirname, '../fixtures/reference')"))).toBe(false);
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');
const FORBIDDEN =
  /from\s+['"](@actions\/[^'"]+|@gitbeaker\/[^'"]+)['"]|import\(\s*['"](@actions\/|@gitbeaker\/)|require\(\s*['"](@actions\/|@gitbeaker\/)/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

test('src/core never imports a platform SDK (@actions/*, @gitbeaker/*) nor src/platform', () => {
  const files = sources(CORE);
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return FORBIDDEN.test(text) || /from\s+['"][./]*\/platform\//.test(text);
  });
  expect(offenders).toEqual([]);
});

test('the boundary check recognises an offending import', () => {
  expect(FORBIDDEN.test("import * as core from '@actions/core';")).toBe(true);
  expect(FORBIDDEN.test("const { Gitlab } = await import('@gitbeaker/rest');")).toBe(true);
  expect(FORBIDDEN.test("import { parse } from 'yaml';")).toBe(false);
});

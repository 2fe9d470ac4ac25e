/**
 * One module per concept: these fail when a second definition, or a way around the module,
 * appears in src/. Each rule names the module to use instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Source text without comments, so prose may mention what code may not do. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FILES = sources(SRC).map((path) => ({ file: relative(ROOT, path).replaceAll('\\', '/'), text: code(path) }));

function offenders(pattern: RegExp, allowed: (file: string) => boolean): string[] {
  return FILES.filter(({ file, text }) => !allowed(file) && pattern.test(text)).map(({ file }) => file);
}

function definitions(pattern: RegExp): string[] {
  return FILES.flatMap(({ file, text }) => (text.match(new RegExp(pattern.source, 'gm')) ?? []).map(() => file));
}

describe('one module per concept', () => {
  test.each([
    ['ImageReference', /^export (?:interface|type) ImageReference\b/, 'src/core/images/reference.ts'],
    ['parseDuration', /^export function parseDuration\b|function parseDuration\b/, 'src/core/duration.ts'],
    ['Fetch', /^export type Fetch\b|^type Fetch\b/, 'src/core/http.ts'],
    ['RegistryCredentials', /^export interface RegistryCredentials\b|^interface RegistryCredentials\b/, 'src/core/build/registry.ts'],
    ['forgeProjectPath', /function forgeProjectPath\b/, 'src/core/git/remote.ts'],
    ['the verdict list', /\[\s*'Successful',\s*'Failed',\s*'Inconclusive',\s*'Error'\s*\]/, 'src/core/verdict.ts'],
    ['MeasurementPhase', /^export type MeasurementPhase\b|^type MeasurementPhase\b/, 'src/core/verdict.ts'],
  ])('%s is defined once, in its module', (_name, pattern, home) => {
    expect(definitions(pattern)).toEqual([home]);
  });

  test('no raw fetch outside src/core/http.ts (use httpFetch: timeout, typed errors, retries)', () => {
    expect(
      offenders(
        /(?<![.\w$]|async |private )fetch\s*\(|typeof fetch\b|globalThis\.fetch\b|\?\?\s*fetch\b|=\s*fetch\b/,
        (file) => file === 'src/core/http.ts',
      ),
    ).toEqual([]);
  });

  test('no raw git argv outside src/core/git (use the named operations of Git)', () => {
    const rawGit = /(?:run|spawn|spawnSync|execFile|execFileSync|exec|execSync)\(\s*['"`]git['"`]|\bgit\.(?:run|output)\(/;
    expect(offenders(rawGit, (file) => file.startsWith('src/core/git/'))).toEqual([]);
  });

  test('the rules see what they forbid', () => {
    const probe = (text: string, pattern: RegExp) => pattern.test(text);
    expect(probe("await run('git', ['log'])", /run\(\s*['"`]git['"`]/)).toBe(true);
    expect(probe('const r = await fetch(url)', /(?<![.\w$])fetch\s*\(/)).toBe(true);
    expect(probe('await git.fetch(remote, [])', /(?<![.\w$])fetch\s*\(/)).toBe(false);
    expect(FILES.length).toBeGreaterThan(50);
  });
});

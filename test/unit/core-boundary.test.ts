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

const STAGES = join(import.meta.dirname, '../../src/stages');
/** A platform's name compared with a literal, in either order, or switched on. */
const BRANCHES_ON_PLATFORM =
  /\b(?:platform|platformName)(?:\.name)?\s*[!=]==?\s*['"](?:github|gitlab|local)['"]|['"](?:github|gitlab|local)['"]\s*[!=]==?\s*(?:platform|platformName)\b|switch\s*\(\s*(?:platform|platformName)(?:\.name)?\s*\)|\.name\s*[!=]==?\s*['"](?:github|gitlab|local)['"]/;

test('stages ask the Platform (src/platform) instead of branching on its name, and never read process.env', () => {
  const files = sources(STAGES);
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return BRANCHES_ON_PLATFORM.test(text) || /\bprocess\.env\b/.test(text);
  });
  expect(offenders).toEqual([]);
});

test('src/core reads no environment (only core/process.ts hands it on to child processes)', () => {
  const offenders = sources(CORE).filter((file) => !file.endsWith('/process.ts') && /\bprocess\.env\b/.test(readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the platform-branch check recognises what it forbids', () => {
  for (const text of [
    "platform === 'gitlab' ? 'oauth2' : 'x'",
    "if (platform.name !== 'github') return;",
    "'local' === platform",
    'switch (platform.name) {',
  ]) {
    expect(BRANCHES_ON_PLATFORM.test(text), text).toBe(true);
  }
  expect(BRANCHES_ON_PLATFORM.test("if (forge !== 'github' && forge !== 'gitlab') throw")).toBe(false);
});

/** A GitHub or GitLab REST request written out: its paths, API hosts or auth headers. */
const FORGE_REQUEST =
  /['"`][^'"`\n]*\/(?:repos|projects)\/\$\{|\/dispatches['"`]|\/trigger\/pipeline|api\.github\.com|\/api\/v4\b|x-github-api-version|private-token/i;

test('src/core builds no forge API requests: pull requests, releases and dependents go through the Forge (src/platform/forge)', () => {
  const offenders = sources(CORE).filter((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      // Comments may name the endpoint a type describes.
      .some((line) => !/^\s*(?:\/\/|\*|\/\*\*)/.test(line) && FORGE_REQUEST.test(line)),
  );
  expect(offenders).toEqual([]);
});

test('the forge-request check recognises what it forbids', () => {
  for (const text of [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the check reads, not a template
    'url: `${base}/repos/${owner}/${repo}/dispatches`,',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the check reads, not a template
    'url: `${base}/projects/${encodeURIComponent(id)}/trigger/pipeline`,',
    "'x-github-api-version': '2022-11-28',",
    "const api = 'https://gitlab.example.com/api/v4';",
  ]) {
    expect(FORGE_REQUEST.test(text), text).toBe(true);
  }
  // biome-ignore lint/suspicious/noTemplateCurlyInString: source text the check reads, not a template
  expect(FORGE_REQUEST.test('const url = `${server}/api/v1/applications/${name}`;')).toBe(false);
});

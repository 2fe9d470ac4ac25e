import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  computeMetadata,
  type ImageMetadata,
  metadataContext,
  parseFlavor,
  parseImageNames,
  parseTagRules,
} from '../../src/core/build/metadata.js';
import { githubEvent } from '../../src/platform/event.js';

// docker/metadata-action's own cases (__tests__/meta.test.ts, vendored with its fixtures; see
// test/fixtures/build/metadata-action/SOURCE.md), run through our engine and our GitHub event
// normalisation. Every case must match; a deliberate difference is listed in DIFFERENCES with
// its reason.
const DATA = join(import.meta.dirname, '../fixtures/build/metadata-action');
const CLOCK = new Date('2020-01-10T00:30:00.000Z');

interface Case {
  group: string;
  name: string;
  envFile: string;
  inputs: { images: string[]; tags?: string[]; flavor?: string[]; labels?: string[]; annotations?: string[]; sepTags?: string };
  version?: { main?: string; partial: string[]; latest: boolean };
  tags?: string[];
  labels?: string[];
  annotations?: string[] | null;
  json?: { tags: string[]; 'tag-names': string[]; labels: Record<string, string> };
  tagsText?: string;
}

const CASES = JSON.parse(readFileSync(join(DATA, 'meta-cases.json'), 'utf8')) as Case[];
const REPO = JSON.parse(readFileSync(join(DATA, 'fixtures/repo.json'), 'utf8')) as {
  name: string;
  description: string;
  html_url: string;
  license: { spdx_id: string };
};

/** Deliberate differences: case name -> reason. Empty: every case is identical. */
const DIFFERENCES: Record<string, string> = {};

function readEnv(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(join(DATA, 'fixtures', file), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) env[match[1] as string] = (match[2] as string).replace(/^"(.*)"$/, '$1');
  }
  return env;
}

function run(testCase: Case): ImageMetadata {
  const env = readEnv(testCase.envFile);
  const eventFile = env.GITHUB_EVENT_PATH?.replace('./__tests__/fixtures/', '');
  const payload = eventFile ? (JSON.parse(readFileSync(join(DATA, 'fixtures', eventFile), 'utf8')) as Record<string, unknown>) : {};
  const event = githubEvent(env, payload);
  const pullRequest = payload.pull_request as { head?: { sha?: string } } | undefined;
  // The commit checked out (GITHUB_SHA: the merge commit on pull requests) unless the PR head is asked for.
  const sha = testCase.group === 'pr-head-sha' && pullRequest?.head?.sha ? pullRequest.head.sha : (env.GITHUB_SHA ?? '');
  const context = metadataContext(event, {
    sha,
    commitDate: CLOCK,
    now: CLOCK,
    baseRef: typeof payload.base_ref === 'string' ? payload.base_ref : undefined,
  });
  return computeMetadata(
    {
      images: parseImageNames(testCase.inputs.images),
      rules: parseTagRules(testCase.inputs.tags ?? []),
      flavor: parseFlavor(testCase.inputs.flavor ?? []),
      labels: testCase.inputs.labels ?? [],
      annotations: testCase.inputs.annotations ?? testCase.inputs.labels ?? [],
      repository: { name: REPO.name, description: REPO.description, url: REPO.html_url, license: REPO.license.spdx_id },
    },
    context,
  );
}

const identical = CASES.filter((c) => !DIFFERENCES[c.name]);

describe("metadata-action's own meta.test.ts cases", () => {
  test.each(identical.filter((c) => c.version).map((c) => [`${c.group}/${c.name}`, c] as const))('%s', (_, testCase) => {
    const result = run(testCase);
    expect({ ...result.version, main: result.version.main }).toEqual({
      main: testCase.version?.main,
      partial: testCase.version?.partial,
      latest: testCase.version?.latest,
    });
    expect(result.tags).toEqual(testCase.tags);
    expect(result.labels).toEqual(testCase.labels);
    expect(result.annotations).toEqual(testCase.annotations ?? testCase.labels);
  });

  test.each(identical.filter((c) => c.json).map((c) => [`${c.group}/${c.name}`, c] as const))('%s (json output)', (_, testCase) => {
    const result = run(testCase);
    expect(result.tags).toEqual(testCase.json?.tags);
    expect(result.tagNames).toEqual(testCase.json?.['tag-names']);
    expect(
      Object.fromEntries(result.labels.map((label) => [label.slice(0, label.indexOf('=')), label.slice(label.indexOf('=') + 1)])),
    ).toEqual(testCase.json?.labels);
  });

  test.each(identical.filter((c) => c.tagsText !== undefined).map((c) => [`${c.group}/${c.name}`, c] as const))(
    '%s (sep-tags)',
    (_, testCase) => {
      expect(run(testCase).tags.join(testCase.inputs.sepTags ?? '\n')).toBe(testCase.tagsText);
    },
  );

  test('at least 95 % of the cases are identical and every difference has a reason', () => {
    expect(identical.length / CASES.length).toBeGreaterThanOrEqual(0.95);
    for (const reason of Object.values(DIFFERENCES)) expect(reason.length).toBeGreaterThan(20);
  });
});

/**
 * Each stage's parse(inputs) → options, through the module shape every stage has
 * (src/stages/index.ts): a table per stage of inputs and what they must parse to, or which
 * input the error must name.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import type { CiEvent } from '../../src/core/event.js';
import { loadStageModule, STAGE_NAMES, type StageName } from '../../src/stages/index.js';
import { InputReader } from '../../src/stages/inputs.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const workspace = tempDir('aegis-stage-parse-');
execFileSync('git', ['init', '--quiet', workspace]);
writeFileSync(join(workspace, 'Dockerfile'), 'FROM scratch\n');
writeFileSync(join(workspace, 'package.json'), '{ "name": "lib", "version": "1.0.0" }\n');
afterAll(() => execFileSync('rm', ['-rf', workspace]));

const HEAD = 'a'.repeat(40);
const GITOPS = 'https://github.com/org/gitops.git';
const CHECK = '- name: api\n  http: {url: "https://api.example.com/healthz"}';

async function parse(stage: StageName, inputs: Record<string, string>, event: Partial<CiEvent> = { head: HEAD }): Promise<unknown> {
  const module = await loadStageModule(stage);
  const platform = new RecordingPlatform(workspace, inputs, { event });
  return module.parse(new InputReader(platform, module.definition.inputs), platform);
}

type Row = [description: string, inputs: Record<string, string>, expected: Record<string, unknown>];
type Refusal = [description: string, inputs: Record<string, string>, input: string];

const ACCEPTED: Record<StageName, Row[]> = {
  detect: [
    ['defaults', {}, { request: { directory: workspace, changeTypes: ['added', 'modified', 'deleted', 'renamed'], remote: 'origin' } }],
    ['explicit range', { base: 'HEAD~1', head: 'HEAD' }, { request: { remote: 'origin' } }],
  ],
  build: [
    ['an image name', { image: 'registry.example.com/team/api' }, { request: { push: true } }],
    ['no push', { image: 'registry.example.com/team/api', push: 'false' }, { request: { push: false } }],
  ],
  scan: [
    ['an image', { image: 'alpine:3.20' }, { source: { kind: 'scan', target: { kind: 'image', image: 'alpine:3.20' } } }],
    ['fail-on', { image: 'alpine:3.20', 'fail-on': 'CRITICAL' }, { inputRules: { failOn: 'CRITICAL' } }],
  ],
  'gitops-bump': [
    [
      'one image line',
      { repository: GITOPS, paths: 'overlays/dev', images: 'api=registry/api:1.2.3' },
      { mode: 'push', request: { paths: ['overlays/dev'], images: [{ name: 'api', newName: 'registry/api', newTag: '1.2.3' }] } },
    ],
    ['dry run', { repository: GITOPS, paths: 'overlays/dev', images: 'api:2', 'dry-run': 'true' }, { dryRun: true }],
  ],
  promote: [
    ['staging → prod', { repository: GITOPS, from: 'staging', to: 'prod' }, { route: { from: { name: 'staging' }, to: { name: 'prod' } } }],
  ],
  'health-gate': [['watch only', { checks: CHECK, rollback: 'none' }, { dryRun: false }]],
  release: [
    ['defaults', {}, { publish: 'none', dryRun: false, options: { tagPrefix: 'v', path: '.' } }],
    ['a tag prefix', { 'tag-prefix': 'lib-v' }, { options: { tagPrefix: 'lib-v' } }],
  ],
  insight: [
    [
      'a window of two weeks to a given end',
      { repository: GITOPS, since: '2w', until: '2026-11-30T00:00:00Z' },
      { windowSeconds: 14 * 86_400, now: Date.parse('2026-11-30T00:00:00Z') / 1000, fixWithinSeconds: 3600 },
    ],
    ['a Pushgateway', { repository: GITOPS, 'pushgateway-url': 'https://pg.example.com' }, { pushgateway: { job: 'aegis-insight' } }],
  ],
};

const REFUSED: Record<StageName, Refusal[]> = {
  detect: [
    ['a negative deepen step', { 'deepen-step': '0' }, 'deepen-step'],
    ['an unknown change type', { 'change-types': 'added, exploded' }, 'change-types'],
  ],
  build: [
    ['no image', {}, 'image'],
    ['an image with a tag', { image: 'registry.example.com/api:1' }, 'image'],
    ['an unknown builder', { image: 'registry.example.com/api', builder: 'kaniko' }, 'builder'],
  ],
  scan: [
    ['no target', {}, 'image'],
    ['an unknown severity', { image: 'alpine', 'fail-on': 'SEVERE' }, 'fail-on'],
    ['a fractional timeout', { image: 'alpine', timeout: '1.5m' }, 'timeout'],
  ],
  'gitops-bump': [
    ['no repository', { paths: 'overlays/dev', images: 'api:1' }, 'repository'],
    ['no image lines', { repository: GITOPS, paths: 'overlays/dev' }, 'images'],
    ['an empty tag', { repository: GITOPS, paths: 'overlays/dev', images: 'api=reg/api:' }, 'images'],
  ],
  promote: [
    ['no from', { repository: GITOPS, to: 'prod' }, 'from'],
    ['an unknown environment', { repository: GITOPS, from: 'staging', to: 'moon' }, 'to'],
  ],
  'health-gate': [
    ['no checks', {}, 'checks'],
    ['git-revert without a commit', { checks: CHECK }, 'rollback-commit'],
    ['a bad interval', { checks: CHECK, rollback: 'none', interval: 'often' }, 'interval'],
  ],
  release: [
    ['an unknown publisher', { publish: 'maven' }, 'publish'],
    ['a path outside the workspace', { path: '../elsewhere' }, 'path'],
  ],
  insight: [
    ['no repository', {}, 'repository'],
    ['a window that is not a duration', { repository: GITOPS, since: 'a month' }, 'since'],
    ['CI runs without a token', { repository: GITOPS, 'ci-project': 'acme/app' }, 'ci-token'],
  ],
};

test('every stage of the registry has a table here', () => {
  expect(Object.keys(ACCEPTED).sort()).toEqual([...STAGE_NAMES].sort());
  expect(Object.keys(REFUSED).sort()).toEqual([...STAGE_NAMES].sort());
});

describe.each(STAGE_NAMES)('%s parse', (stage) => {
  test('has the module shape: definition, parse, plan, execute, report', async () => {
    const module = await loadStageModule(stage);
    expect(module.definition.name).toBe(stage);
    expect(Object.keys(module)).not.toContain('run');
    for (const step of ['parse', 'plan', 'execute', 'report'] as const)
      expect(typeof (module as unknown as Record<string, unknown>)[step]).toBe('function');
  });

  test.each(ACCEPTED[stage])('accepts: %s', async (_description, inputs, expected) => {
    expect(await parse(stage, inputs)).toMatchObject(expected);
  });

  test.each(REFUSED[stage])('refuses %s, naming the input', async (_description, inputs, input) => {
    const error = await parse(stage, inputs).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
  });
});

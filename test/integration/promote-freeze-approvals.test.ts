/**
 * promote's freeze windows, recorded approvals and per-region registries, against a real
 * GitOps repository on disk (registry checks off, as in promote.test.ts).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { activeFreeze, parseFreeze, parseFreezeWindow } from '../../src/core/promote/freeze.js';
import { githubEvent } from '../../src/platform/event.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { gitopsFiles, overlay } from '../fixtures/promote/gitops.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const REGISTRY = 'registry.example.com';
const VERSIONS = {
  dev: { api: '1.3.0', worker: '2.1.0', web: '3.0.1' },
  staging: { api: '1.2.0', worker: '2.0.5', web: '3.0.0' },
  prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
};
const event = githubEvent(
  {
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_ACTOR: 'release-manager',
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_RUN_ID: '7',
  },
  {},
);
const iso = (ms: number) => new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');

function platform(repo: BareRepo, inputs: Record<string, string>) {
  return new RecordingPlatform(
    tempDir('aegis-promote-ws-'),
    {
      repository: repo.bare,
      from: 'staging',
      to: 'prod',
      mode: 'push',
      'verify-images': 'false',
      'pin-digest': 'false',
      ...inputs,
    },
    { event, throwOnFail: true },
  );
}

describe('freeze windows', () => {
  let repo: BareRepo;
  beforeEach(() => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
  });
  afterEach(() => repo.cleanup());

  test('a promotion into a frozen environment is refused naming the window, and nothing is written', async () => {
    const tip = repo.tip();
    const window = `${iso(Date.now() - 3_600_000)}/${iso(Date.now() + 3_600_000)}`;
    const fake = platform(repo, { freeze: `prod:\n  - "${window}"\n` });
    await expect(runPromote(fake)).rejects.toThrow(/target-environment-frozen.*prod is frozen/s);
    expect(repo.tip()).toBe(tip);
    expect(JSON.parse(fake.outputs.refusals as string)).toEqual([
      expect.objectContaining({ subject: 'prod', rule: 'target-environment-frozen' }),
    ]);
  });

  test('freeze-override lets it through and records the window, the reason and the actor', async () => {
    const window = `${iso(Date.now() - 3_600_000)}/${iso(Date.now() + 3_600_000)}`;
    const fake = platform(repo, { freeze: `prod: ["${window}"]`, 'freeze-override': 'hotfix for INC-42' });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
    expect(repo.message()).toContain(`Aegis-Freeze-Override: ${window}: hotfix for INC-42 (by release-manager)`);
  });

  test('a window of another environment, or one that is over, does not freeze prod', async () => {
    const past = `${iso(Date.now() - 7_200_000)}/${iso(Date.now() - 3_600_000)}`;
    const fake = platform(repo, {
      freeze: `prod: ["${past}"]\nstaging: ["${iso(Date.now() - 3_600_000)}/${iso(Date.now() + 3_600_000)}"]`,
    });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
  });

  test.each([
    ['prod: ["2027-01-04/2026-12-20"]', /ends before it starts/],
    ['qa: ["2026-12-20/2027-01-04"]', /an environment from 'environments'/],
    ['prod: ["Fri 25:00 - Mon 08:00"]', /not a time of day/],
    ['prod: ["Fri 16:00 - Mon 08:00 Mars/Olympus"]', /not an IANA time zone/],
    ['prod: ["soon"]', /Input 'freeze'/],
  ])('bad freeze %s is refused by name before anything is read', async (freeze, message) => {
    const tip = repo.tip();
    await expect(runPromote(platform(repo, { freeze }))).rejects.toThrow(message);
    expect(repo.tip()).toBe(tip);
  });
});

describe('freeze window semantics', () => {
  const windows = parseFreeze('prod:\n  - Fri 16:00 - Mon 08:00 Europe/Berlin\n  - 2026-12-20/2027-01-04\n', ['dev', 'prod']);
  test.each([
    ['2026-12-04T15:30:00Z', true], // Friday 16:30 in Berlin (UTC+1)
    ['2026-12-04T14:30:00Z', false], // Friday 15:30 in Berlin
    ['2026-12-06T12:00:00Z', true], // Sunday
    ['2026-12-07T07:30:00Z', false], // Monday 08:30 in Berlin
    ['2026-12-24T12:00:00Z', true], // inside the year-end dates
    ['2027-01-04T12:00:00Z', false], // the end date is excluded (Monday 13:00 in Berlin, outside the weekly window too)
  ])('%s frozen: %s', (now, frozen) => {
    expect(Boolean(activeFreeze(windows, 'prod', new Date(now)))).toBe(frozen);
    expect(activeFreeze(windows, 'dev', new Date(now))).toBeUndefined();
  });
  test('a weekly window within one day', () => {
    const window = parseFreezeWindow('Wed 12:00 - Wed 13:00');
    expect(activeFreeze(new Map([['prod', [window]]]), 'prod', new Date('2026-12-02T12:30:00Z'))).toBe(window);
  });
});

describe('recorded approvals and per-region registries', () => {
  let repo: BareRepo;
  beforeEach(() => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
  });
  afterEach(() => repo.cleanup());

  test('a promotion into a protected environment records who approved it; into others it does not', async () => {
    await runPromote(platform(repo, {}));
    expect(repo.message()).toContain('Aegis-Approved-By: release-manager');
    await runPromote(platform(repo, { from: 'dev', to: 'staging', 'approved-by': 'alice (environment reviewers: platform-team)' }));
    expect(repo.message()).not.toContain('Aegis-Approved-By');
    await runPromote(platform(repo, { from: 'staging', to: 'prod', 'approved-by': 'alice (environment reviewers: platform-team)' }));
    expect(repo.message()).toContain('Aegis-Approved-By: alice (environment reviewers: platform-team)');
  });

  test('keep-target-registry: prod keeps its own registry, only tag and digest move', async () => {
    const files = gitopsFiles(REGISTRY, VERSIONS);
    const regional = overlay('prod', REGISTRY, VERSIONS.prod).replace(
      `  - name: ${REGISTRY}/shop/api # api in prod\n`,
      `  - name: ${REGISTRY}/shop/api # api in prod\n    newName: eu.registry.example.com/shop/api # the EU mirror\n`,
    );
    repo.cleanup();
    repo = createBareRepo({ ...files, 'overlays/prod/kustomization.yaml': regional });
    await runPromote(platform(repo, { 'keep-target-registry': 'prod', services: 'api' }));
    const written = repo.show('overlays/prod/kustomization.yaml');
    expect(written).toContain('newName: eu.registry.example.com/shop/api # the EU mirror');
    expect(written).toContain('newTag: "1.2.0"');
  });

  test('without keep-target-registry the target takes the source value exactly (kustomize replace semantics)', async () => {
    const regional = overlay('prod', REGISTRY, VERSIONS.prod).replace(
      `  - name: ${REGISTRY}/shop/api # api in prod\n`,
      `  - name: ${REGISTRY}/shop/api # api in prod\n    newName: eu.registry.example.com/shop/api\n`,
    );
    repo.cleanup();
    repo = createBareRepo({ ...gitopsFiles(REGISTRY, VERSIONS), 'overlays/prod/kustomization.yaml': regional });
    await runPromote(platform(repo, { services: 'api' }));
    expect(repo.show('overlays/prod/kustomization.yaml')).not.toContain('eu.registry.example.com');
  });

  test('keep-target-registry names only known environments', async () => {
    await expect(runPromote(platform(repo, { 'keep-target-registry': 'qa' }))).rejects.toThrow(/Input 'keep-target-registry'/);
  });
});

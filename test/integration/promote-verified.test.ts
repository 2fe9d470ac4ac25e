/**
 * Verified and soaked sources, end to end with real git: the real health-gate stage watches a
 * real HTTP server after a staging deploy and records its verdict as a note under
 * refs/notes/aegis in the bare GitOps repository; promote staging → prod then requires
 * `verified: true` and `soak: 30m`. Commit times are set with GIT_COMMITTER_DATE.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { describeRemote } from '../../src/core/git/remote.js';
import { parseVerdictNote, recordVerdict, VERDICT_NOTES_REF, verdictNote } from '../../src/core/gitops/verdicts.js';
import { silentLog } from '../../src/core/log.js';
import { formatSoak } from '../../src/core/promote/verified.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { json, runHealthGate, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { gitopsFiles, overlay } from '../fixtures/promote/gitops.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const REGISTRY = 'registry.example.com';
const VERSIONS = {
  dev: { api: '1.3.0', worker: '2.1.0', web: '3.0.1' },
  staging: { api: '1.2.0', worker: '2.0.5', web: '3.0.0' },
  prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
};
const MINUTE = 60_000;
const AUTHOR = { name: 'aegis-bot', email: 'bot@example.com' };

/** Commits `staging` versions into the staging overlay, committed `agoMs` ago; returns the commit. */
function deployStaging(repo: BareRepo, versions: Record<string, string>, agoMs: number): string {
  const dir = repo.checkout();
  writeFileSync(join(dir, 'overlays/staging/kustomization.yaml'), overlay('staging', REGISTRY, versions));
  git(dir, 'add', '-A');
  const date = `@${Math.floor((Date.now() - agoMs) / 1000)} +0000`;
  execFileSync('git', ['commit', '--quiet', '-m', 'chore(gitops): bump staging'], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
      GIT_COMMITTER_DATE: date,
    },
  });
  git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
  return git(dir, 'rev-parse', 'HEAD');
}

function promote(repo: BareRepo, inputs: Record<string, string>) {
  return new RecordingPlatform(
    tempDir('aegis-promote-ws-'),
    {
      repository: repo.bare,
      from: 'staging',
      to: 'prod',
      mode: 'push',
      services: 'api',
      'verify-images': 'false',
      'pin-digest': 'false',
      ...inputs,
    },
    { event: { actor: 'release-manager' }, throwOnFail: true },
  );
}

describe('verified and soaked sources (real health gate, real git)', () => {
  let server: TestServer;
  let repo: BareRepo;
  beforeAll(async () => {
    server = await startServer((request, _body, response) => {
      if (request.url === '/healthy') return json(response, 200, { status: 'UP' });
      response.statusCode = 503;
      response.end('unavailable');
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
  });
  afterEach(() => repo.cleanup());

  const healthGate = (commit: string, path: '/healthy' | '/failing', environment = 'staging') =>
    runHealthGate(
      {
        checks: `- name: api\n  http: {url: "${server.url}${path}", expect-status: 200}`,
        interval: '100ms',
        count: '1',
        timeout: '20s',
        rollback: 'none',
        repository: repo.bare,
        'rollback-commit': commit,
        ...(environment ? { environment } : {}),
      },
      tempDir('aegis-health-ws-'),
    );
  const staged = { ...VERSIONS.staging, api: '1.3.0' };

  test('a staging deploy whose health gate failed is refused by verified, and nothing is written', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    const gate = await healthGate(deploy, '/failing');
    expect(gate.outputs.verdict).toBe('Failed');
    const note = parseVerdictNote(git(repo.bare, 'notes', '--ref=aegis', 'show', deploy));
    expect(note).toEqual([expect.objectContaining({ verdict: 'Failed', environment: 'staging' })]);

    const tip = repo.tip();
    const fake = promote(repo, { verified: 'true', soak: '30m' });
    await expect(runPromote(fake)).rejects.toThrow(/source-not-verified: the health gate recorded Failed for staging commit/);
    expect(repo.tip()).toBe(tip);
    const refusals = JSON.parse(fake.outputs.refusals as string);
    expect(refusals).toEqual([expect.objectContaining({ subject: `${REGISTRY}/shop/api`, rule: 'source-not-verified' })]);
    expect(fake.summaries.join('')).toMatch(/Required of staging: a Successful health-gate verdict and a soak of 30m/);
    expect(fake.summaries.join('')).toContain(`| ${deploy.slice(0, 12)} | Failed at `);
  });

  test('one that passed 10 minutes ago is refused by soak: 30m', async () => {
    const deploy = deployStaging(repo, staged, 10 * MINUTE);
    expect((await healthGate(deploy, '/healthy')).outputs.verdict).toBe('Successful');
    const tip = repo.tip();
    const fake = promote(repo, { verified: 'true', soak: '30m' });
    await expect(runPromote(fake)).rejects.toThrow(
      /source-not-soaked: staging has run .*shop\/api:1\.3\.0 for 10m .*soak needs 30m: promote after /,
    );
    expect(repo.tip()).toBe(tip);
    expect(JSON.parse(fake.outputs.refusals as string).map((refusal: { rule: string }) => refusal.rule)).toEqual(['source-not-soaked']);
  });

  test('a verified, soaked one is promoted; a later commit for another service does not restart its soak', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    expect((await healthGate(deploy, '/healthy')).outputs.verdict).toBe('Successful');
    // worker moves a minute ago in the same overlay: api's value was still set by `deploy`.
    deployStaging(repo, { ...staged, worker: '2.1.0' }, MINUTE);
    const fake = promote(repo, { verified: 'true', soak: '30m' });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
    expect(repo.show('overlays/prod/kustomization.yaml')).toContain('newTag: "1.3.0"');
    const summary = fake.summaries.join('');
    expect(summary).toContain(`| ${REGISTRY}/shop/api:1.3.0 | ${deploy.slice(0, 12)} | Successful at `);
    expect(summary).toMatch(/\| 2h \(since /);
  });

  test('the worker, set a minute ago and never gated, is refused for both rules', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    await healthGate(deploy, '/healthy');
    deployStaging(repo, { ...staged, worker: '2.1.0' }, MINUTE);
    const fake = promote(repo, { verified: 'true', soak: '30m', services: 'api,worker' });
    await expect(runPromote(fake)).rejects.toThrow(/PromotionRefused|Promotion refused/);
    const refusals = JSON.parse(fake.outputs.refusals as string) as Array<{ subject: string; rule: string; detail: string }>;
    expect(refusals.map((refusal) => [refusal.subject.split('/').pop(), refusal.rule])).toEqual([
      ['worker', 'source-not-verified'],
      ['worker', 'source-not-soaked'],
    ]);
    expect(refusals[0]?.detail).toMatch(/no health-gate verdict is recorded/);
  });

  test('a verdict recorded without an environment does not verify, and says how to fix it', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    await healthGate(deploy, '/healthy', '');
    const fake = promote(repo, { verified: 'true' });
    await expect(runPromote(fake)).rejects.toThrow(/only 1 without an environment: set health-gate's environment to 'staging'/);
  });

  test('the newest verdict for the environment wins: a rerun that passed after a failure verifies', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    await healthGate(deploy, '/failing');
    await healthGate(deploy, '/healthy');
    const fake = promote(repo, { verified: 'true' });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
  });

  test('the commit that set the value lies beyond the shallow history: promote fetches more and finds it', async () => {
    const deploy = deployStaging(repo, staged, 3 * 60 * MINUTE);
    await healthGate(deploy, '/healthy');
    const dir = repo.checkout();
    for (let index = 0; index < 205; index++) git(dir, 'commit', '--quiet', '--allow-empty', '-m', `unrelated ${index}`);
    git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
    const fake = promote(repo, { verified: 'true', soak: '1h' });
    await runPromote(fake);
    expect(fake.outputs.changed).toBe('true');
    expect(fake.summaries.join('')).toContain(`| ${deploy.slice(0, 12)} | Successful at `);
  });

  test('a dry-run gate records nothing; a note the server refuses is a warning and the verdict stands', async () => {
    const deploy = deployStaging(repo, staged, 2 * 60 * MINUTE);
    const dry = await runHealthGate(
      {
        checks: `- name: api\n  http: {url: "${server.url}/healthy", expect-status: 200}`,
        interval: '100ms',
        count: '1',
        rollback: 'none',
        repository: repo.bare,
        'rollback-commit': deploy,
        environment: 'staging',
        'dry-run': 'true',
      },
      tempDir('aegis-health-ws-'),
    );
    expect(dry.outputs.verdict).toBe('Successful');
    expect(() => git(repo.bare, 'rev-parse', '--verify', '--quiet', VERDICT_NOTES_REF)).toThrow();

    writeFileSync(join(repo.bare, 'hooks', 'pre-receive'), '#!/bin/sh\necho "notes are not allowed here" >&2\nexit 1\n', { mode: 0o755 });
    const refused = await healthGate(deploy, '/healthy');
    expect(refused.outputs.verdict).toBe('Successful');
    expect(refused.failure).toBeUndefined();
    expect(refused.logs.find((line) => line.startsWith('WARNING Verdict not recorded'))).toMatch(/notes are not allowed here/);
  });

  test('bad soak is refused by name before anything is read', async () => {
    await expect(runPromote(promote(repo, { soak: '30 minutes' }))).rejects.toThrow(
      /Input 'soak' has an invalid value "30 minutes": expected a duration/,
    );
  });
});

describe('the verdict notes', () => {
  test('a note paragraph round-trips; paragraphs that are not verdicts are ignored', () => {
    const checkedAt = new Date('2026-12-01T08:00:00.000Z');
    const text = `${verdictNote({ verdict: 'Failed', environment: 'staging', checkedAt })}\nsome note a person added\n\n${verdictNote({ verdict: 'Successful', environment: 'staging', checkedAt, sourceRun: 'https://ci/run/1' })}`;
    expect(text).toContain('Aegis-Verdict: Failed\nAegis-Environment: staging\nAegis-Checked-At: 2026-12-01T08:00:00.000Z\n');
    expect(parseVerdictNote(text)).toEqual([
      { verdict: 'Failed', environment: 'staging', checkedAt },
      { verdict: 'Successful', environment: 'staging', checkedAt, sourceRun: 'https://ci/run/1' },
    ]);
    expect(parseVerdictNote('Aegis-Verdict: Great\nAegis-Checked-At: 2026-12-01T08:00:00Z')).toEqual([]);
  });

  test('formatSoak', () => {
    expect([formatSoak(45_000), formatSoak(30 * MINUTE), formatSoak(90 * MINUTE), formatSoak(24 * 60 * MINUTE)]).toEqual([
      '45s',
      '30m',
      '1.5h',
      '24h',
    ]);
  });

  test('eight health gates recording at once all land: a lost push appends again on the new notes tip', async () => {
    const repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    try {
      const commits = Array.from({ length: 8 }, (_, index) => deployStaging(repo, { ...VERSIONS.staging, api: `1.3.${index}` }, MINUTE));
      const remote = describeRemote(repo.bare, {}, process.cwd());
      const results = await Promise.all(
        commits.map((commit, index) =>
          recordVerdict({
            remote,
            branch: 'main',
            // Half of them abbreviated, as rollback-commit may be.
            commit: index % 2 ? commit.slice(0, 10) : commit,
            verdict: { verdict: 'Successful', environment: 'staging', checkedAt: new Date() },
            author: AUTHOR,
            maxAttempts: 20,
            log: silentLog,
            backoff: { baseMs: 5, maxMs: 50 },
          }),
        ),
      );
      expect(results.map((result) => result.commit)).toEqual(commits);
      for (const commit of commits) {
        expect(parseVerdictNote(git(repo.bare, 'notes', '--ref=aegis', 'show', commit))).toHaveLength(1);
      }
      expect(git(repo.bare, 'rev-parse', '--verify', VERDICT_NOTES_REF)).toMatch(/^[0-9a-f]{40}$/);
    } finally {
      repo.cleanup();
    }
  });
});

/**
 * promote's Aegis-Approved-By: the environment reviewers the forge reports for this run (GitHub's
 * run approvals, GitLab's approvals of the job's deployment) against the FAKE forge APIs
 * (test/helpers/fake-forge.ts) and the real GitHubForge/GitLabForge clients, recorded in a
 * commit of a real GitOps repository on disk (registry checks off, as in promote.test.ts).
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { approverTrailers } from '../../src/core/promote/approvals.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import { GitHubForge } from '../../src/platform/forge/github.js';
import { GitLabForge } from '../../src/platform/forge/gitlab.js';
import type { CiEvent, Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { tokenIsForRunForge } from '../../src/stages/promote.js';
import { gitopsFiles } from '../fixtures/promote/gitops.js';
import { startFakeApprovalsForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const REGISTRY = 'registry.example.com';
const VERSIONS = {
  dev: { api: '1.3.0', worker: '2.1.0', web: '3.0.1' },
  staging: { api: '1.2.0', worker: '2.0.5', web: '3.0.0' },
  prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
};
const TOKEN = 'forge-token-approvals';

const githubRun = githubEvent(
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
const gitlabJob = (env: Record<string, string> = {}) =>
  gitlabEvent({
    CI_PIPELINE_SOURCE: 'web',
    CI_COMMIT_SHA: 'b'.repeat(40),
    CI_COMMIT_REF_NAME: 'main',
    CI_COMMIT_BRANCH: 'main',
    CI_PROJECT_ID: '42',
    CI_PROJECT_PATH: 'acme/app',
    CI_PIPELINE_ID: '900',
    CI_JOB_ID: '77',
    CI_ENVIRONMENT_NAME: 'prod',
    GITLAB_USER_LOGIN: 'job-starter',
    ...env,
  });

type Fake = Awaited<ReturnType<typeof startFakeApprovalsForge>>;

function platform(repo: BareRepo, fake: Fake, kind: 'github' | 'gitlab', event: CiEvent, inputs: Record<string, string> = {}) {
  return new RecordingPlatform(
    tempDir('aegis-promote-ws-'),
    {
      repository: repo.bare,
      from: 'staging',
      to: 'prod',
      mode: 'push',
      'verify-images': 'false',
      'pin-digest': 'false',
      token: TOKEN,
      // The GitOps repository is a path on disk here: forge-url says the token is for the (fake) forge.
      'forge-url': fake.apiUrl,
      ...inputs,
    },
    {
      event,
      throwOnFail: true,
      forge: async () => (kind === 'github' ? new GitHubForge(TOKEN, fake.apiUrl) : new GitLabForge(TOKEN, fake.apiUrl)),
    },
  );
}

const approvers = (message: string) =>
  message
    .split('\n')
    .filter((line) => line.startsWith('Aegis-Approved-By: '))
    .map((line) => line.slice('Aegis-Approved-By: '.length));

describe('Aegis-Approved-By from GitHub run approvals', () => {
  let repo: BareRepo;
  let fake: Fake;
  beforeEach(async () => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    fake = await startFakeApprovalsForge('github');
  });
  afterEach(async () => {
    repo.cleanup();
    await fake.close();
  });

  test("each reviewer who approved the target environment is recorded; rejections and other environments' approvals are not", async () => {
    fake.reviews.set('acme/app#7', [
      { environments: ['staging'], state: 'approved', user: 'carol', comment: 'staging only' },
      { environments: ['prod'], state: 'rejected', user: 'bob', comment: 'not yet' },
      { environments: ['prod', 'prod-us'], state: 'approved', user: 'alice', comment: 'ship it\nafter the\tfreeze' },
      { environments: ['Prod'], state: 'approved', user: 'dave' },
    ]);
    const recording = platform(repo, fake, 'github', githubRun);
    await runPromote(recording);
    expect(recording.outputs.changed).toBe('true');
    expect(approvers(repo.message())).toEqual(['alice (environment prod: ship it after the freeze)', 'dave (environment prod)']);
    expect(recording.summaries.at(-1)).toContain(
      'Approved by: alice (environment prod: ship it after the freeze); dave (environment prod).',
    );
    const call = fake.calls.find((candidate) => candidate.path.includes('/approvals'));
    expect(call).toMatchObject({ method: 'GET', path: '/repos/acme/app/actions/runs/7/approvals' });
    expect(call?.authorization).toContain(TOKEN);
    expect(recording.secrets).toContain(TOKEN);
  });

  test('no approval of the target environment: the actor is recorded', async () => {
    fake.reviews.set('acme/app#7', [{ environments: ['prod'], state: 'rejected', user: 'bob' }]);
    const recording = platform(repo, fake, 'github', githubRun);
    await runPromote(recording);
    expect(approvers(repo.message())).toEqual(['release-manager']);
    expect(recording.infos.join('\n')).toMatch(/No reviewer approved prod in run 7; recording the actor release-manager/);
  });

  test('a failed lookup is a warning: the actor is recorded and the promotion lands', async () => {
    fake.failNext(500);
    const recording = platform(repo, fake, 'github', githubRun);
    await runPromote(recording);
    expect(recording.outputs.changed).toBe('true');
    expect(approvers(repo.message())).toEqual(['release-manager']);
    expect(fake.calls).toHaveLength(1);
    expect(recording.warnings.join('\n')).toMatch(/Environment reviewers of run 7 not read .*recording the actor release-manager/);
  });

  test('no token, an explicit approved-by, or an unprotected target: the forge is not asked', async () => {
    fake.reviews.set('acme/app#7', [{ environments: ['prod'], state: 'approved', user: 'alice' }]);
    await runPromote(platform(repo, fake, 'github', githubRun, { token: '' }));
    expect(approvers(repo.message())).toEqual(['release-manager']);
    repo.cleanup();
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    await runPromote(platform(repo, fake, 'github', githubRun, { 'approved-by': 'change-board (CAB-7)' }));
    expect(approvers(repo.message())).toEqual(['change-board (CAB-7)']);
    await runPromote(platform(repo, fake, 'github', githubRun, { from: 'dev', to: 'staging' }));
    expect(approvers(repo.message())).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});

describe("the token goes to the run's forge only when it is meant for it", () => {
  let repo: BareRepo;
  let fake: Fake;
  beforeEach(async () => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    fake = await startFakeApprovalsForge('github');
    fake.reviews.set('acme/app#7', [{ environments: ['prod'], state: 'approved', user: 'alice' }]);
  });
  afterEach(async () => {
    repo.cleanup();
    await fake.close();
  });

  test('a GitOps repository on another host (no forge-url): the forge is not asked, the actor is recorded', async () => {
    await runPromote(platform(repo, fake, 'github', githubRun, { 'forge-url': '' }));
    expect(approvers(repo.message())).toEqual(['release-manager']);
    await runPromote(platform(repo, fake, 'github', githubRun, { from: 'dev', to: 'staging' }));
    await runPromote(platform(repo, fake, 'github', githubRun, { 'forge-url': '', forge: 'gitlab' }));
    expect(approvers(repo.message())).toEqual(['release-manager']);
    expect(fake.calls).toEqual([]);
  });
});

test.each([
  ['https://github.com/acme/gitops.git', {}, githubRun, true],
  ['git@GitHub.com:acme/gitops.git', {}, githubRun, true],
  ['https://git.example.com/acme/gitops.git', {}, githubRun, false],
  ['https://git.example.com/acme/gitops.git', { forgeUrl: 'https://api.github.com' }, githubRun, true],
  ['https://github.com/acme/gitops.git', { forge: 'gitlab' as const }, githubRun, false],
  ['/srv/gitops.git', {}, githubRun, false],
  ['https://gitlab.com/acme/gitops.git', {}, gitlabJob({ CI_PROJECT_URL: 'https://gitlab.com/acme/app' }), true],
  ['https://gitlab.com/acme/gitops.git', {}, gitlabJob({ CI_PROJECT_URL: 'https://gitlab.corp/acme/app' }), false],
])('the token for %s %o is for the run forge: %s', (url, target, event, expected) => {
  expect(tokenIsForRunForge(url, target, event)).toBe(expected);
});

describe('Aegis-Approved-By from GitLab deployment approvals', () => {
  let repo: BareRepo;
  let fake: Fake;
  beforeEach(async () => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    fake = await startFakeApprovalsForge('gitlab');
  });
  afterEach(async () => {
    repo.cleanup();
    await fake.close();
  });

  test("the approvals of the job's own deployment are recorded, rejections ignored", async () => {
    fake.deployments.push(
      { project: '42', id: 4, jobId: 70, environment: 'prod', approvals: [{ user: { username: 'old-approver' }, status: 'approved' }] },
      {
        project: '42',
        id: 5,
        jobId: 77,
        environment: 'prod',
        approvals: [
          { user: { username: 'erin' }, status: 'approved', comment: 'LGTM' },
          { user: { username: 'frank' }, status: 'rejected', comment: 'wait' },
        ],
      },
    );
    const recording = platform(repo, fake, 'gitlab', gitlabJob());
    await runPromote(recording);
    expect(approvers(repo.message())).toEqual(['erin (environment prod: LGTM)']);
    expect(fake.calls.map((call) => call.path)).toEqual([
      expect.stringMatching(/^\/api\/v4\/projects\/42\/deployments\?.*environment=prod/),
      '/api/v4/projects/42/deployments/5',
    ]);
    expect(fake.calls[0]?.privateToken).toBe(TOKEN);
  });

  test('a deployment nobody approved (a tier without approvals): the actor is recorded', async () => {
    fake.deployments.push({ project: '42', id: 5, jobId: 77, environment: 'prod', approvals: [] });
    await runPromote(platform(repo, fake, 'gitlab', gitlabJob()));
    expect(approvers(repo.message())).toEqual(['job-starter']);
  });

  test("the job's deployment is unknown: said so, and the actor is recorded", async () => {
    fake.deployments.push({
      project: '42',
      id: 4,
      jobId: 70,
      environment: 'prod',
      approvals: [{ user: { username: 'x' }, status: 'approved' }],
    });
    const recording = platform(repo, fake, 'gitlab', gitlabJob());
    await runPromote(recording);
    expect(approvers(repo.message())).toEqual(['job-starter']);
    expect(recording.infos.join('\n')).toMatch(
      /No deployment of job 77 in prod: its environment reviewers are unknown; recording the actor job-starter/,
    );
  });

  test('a job without an environment is not looked up', async () => {
    const recording = platform(repo, fake, 'gitlab', gitlabJob({ CI_ENVIRONMENT_NAME: '' }));
    await runPromote(recording);
    expect(approvers(repo.message())).toEqual(['job-starter']);
    expect(fake.calls).toEqual([]);
    expect(recording.infos.join('\n')).toMatch(/The job 77 names no environment \(CI_ENVIRONMENT_NAME\).*recording the actor job-starter/);
  });
});

describe('approverTrailers', () => {
  test('one value per approving reviewer, comments on one line and bounded', () => {
    const long = 'x'.repeat(500);
    expect(
      approverTrailers(
        [
          { user: 'alice', state: 'approved', environments: ['prod'], comment: long },
          { user: 'alice', state: 'approved', environments: ['prod'] },
          { user: 'bob', state: 'pending', environments: ['prod'] },
        ],
        'prod',
      ),
    ).toEqual([`alice (environment prod: ${'x'.repeat(199)}…)`]);
    expect(approverTrailers([], 'prod')).toEqual([]);
  });
});

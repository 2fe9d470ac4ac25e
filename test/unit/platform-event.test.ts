import webhookExamples from '@octokit/webhooks-examples';
import { describe, expect, test } from 'vitest';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const M = 'c'.repeat(40);
const ZERO = '0'.repeat(40);
const ghEnv = { GITHUB_REPOSITORY: 'org/app', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://github.com', GITHUB_ACTOR: 'ana' };

describe('githubEvent', () => {
  test.each([
    {
      name: 'push to a branch',
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: B },
      payload: { before: A, after: B, forced: false, repository: { default_branch: 'main' } },
      expected: { kind: 'push', head: B, base: A, before: A, branch: 'main', forced: false, defaultBranch: 'main' },
    },
    {
      name: 'push creating a branch (all-zero before)',
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature', GITHUB_SHA: B },
      payload: { before: ZERO, after: B, created: true },
      expected: { kind: 'push', head: B, base: undefined, before: undefined, branch: 'feature' },
    },
    {
      name: 'force push',
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: B },
      payload: { before: A, after: B, forced: true },
      expected: { kind: 'push', forced: true, base: A },
    },
    {
      name: 'tag push',
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: B },
      payload: { before: ZERO, after: B },
      expected: { kind: 'tag', tag: 'v1.2.3', head: B },
    },
    {
      name: 'pull request uses the PR head, not the synthetic merge commit',
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/7/merge',
        GITHUB_SHA: M,
        GITHUB_HEAD_REF: 'feat',
        GITHUB_BASE_REF: 'main',
      },
      payload: { number: 7, pull_request: { number: 7, head: { sha: B, ref: 'feat' }, base: { sha: A, ref: 'main' } } },
      expected: {
        kind: 'pull_request',
        head: B,
        base: A,
        branch: 'feat',
        pullRequest: { number: 7, baseRef: 'main', headRef: 'feat', baseSha: A, headSha: B },
      },
    },
    {
      name: 'merge group',
      env: { GITHUB_EVENT_NAME: 'merge_group', GITHUB_SHA: M },
      payload: { merge_group: { head_sha: B, base_sha: A, head_ref: 'refs/heads/gh-readonly-queue/main/pr-7' } },
      expected: { kind: 'merge_group', head: B, base: A },
    },
    {
      name: 'schedule',
      env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: B },
      payload: {},
      expected: { kind: 'schedule', head: B, branch: 'main' },
    },
    {
      name: 'workflow_dispatch is manual',
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: B },
      payload: {},
      expected: { kind: 'manual', source: 'workflow_dispatch', head: B },
    },
  ])('$name', ({ env, payload, expected }) => {
    const event = githubEvent({ ...ghEnv, ...env }, payload);
    expect(event).toMatchObject(expected);
    expect(event.runUrl).toBe('https://github.com/org/app/actions/runs/42');
    expect(event.repositoryUrl).toBe('https://github.com/org/app');
  });
});

const glEnv = {
  CI_PROJECT_URL: 'https://gitlab.example.com/g/app',
  CI_PIPELINE_URL: 'https://gitlab.example.com/g/app/-/pipelines/9',
  CI_DEFAULT_BRANCH: 'main',
};

describe('gitlabEvent', () => {
  test.each([
    {
      name: 'push',
      env: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B, CI_COMMIT_BEFORE_SHA: A, CI_COMMIT_BRANCH: 'main' },
      expected: { kind: 'push', head: B, base: A, before: A, branch: 'main' },
    },
    {
      name: 'push of a new branch (zero before)',
      env: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B, CI_COMMIT_BEFORE_SHA: ZERO, CI_COMMIT_BRANCH: 'feat' },
      expected: { kind: 'push', head: B, base: undefined, before: undefined },
    },
    {
      name: 'merge request pipeline',
      env: {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_COMMIT_SHA: B,
        CI_MERGE_REQUEST_IID: '5',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: A,
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feat',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        CI_MERGE_REQUEST_EVENT_TYPE: 'detached',
      },
      expected: {
        kind: 'pull_request',
        head: B,
        base: A,
        pullRequest: { number: 5, baseRef: 'main', headRef: 'feat', mergedResult: false },
      },
    },
    {
      name: 'merged-results pipeline uses the source branch tip, not the merge commit',
      env: {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_COMMIT_SHA: M,
        CI_MERGE_REQUEST_IID: '5',
        CI_MERGE_REQUEST_DIFF_BASE_SHA: A,
        CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: B,
        CI_MERGE_REQUEST_TARGET_BRANCH_SHA: A,
        CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
      },
      expected: { kind: 'pull_request', head: B, base: A, pullRequest: { mergedResult: true, headSha: B } },
    },
    {
      name: 'tag',
      env: { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_SHA: B, CI_COMMIT_TAG: 'v2.0.0', CI_COMMIT_BEFORE_SHA: ZERO },
      expected: { kind: 'tag', tag: 'v2.0.0', head: B },
    },
    {
      name: 'schedule',
      env: { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_SHA: B, CI_COMMIT_BEFORE_SHA: ZERO, CI_COMMIT_BRANCH: 'main' },
      expected: { kind: 'schedule', head: B, base: undefined },
    },
    {
      name: 'web (run pipeline button) is manual',
      env: { CI_PIPELINE_SOURCE: 'web', CI_COMMIT_SHA: B, CI_COMMIT_BRANCH: 'main' },
      expected: { kind: 'manual', source: 'web' },
    },
  ])('$name', ({ env, expected }) => {
    const event = gitlabEvent({ ...glEnv, ...env });
    expect(event).toMatchObject(expected);
    expect(event.defaultBranch).toBe('main');
    expect(event.runUrl).toBe(glEnv.CI_PIPELINE_URL);
  });
});

// GitHub's documented example payloads (octokit/webhooks, the payloads GitHub's docs show),
// fed for every event a workflow can run on. The expectations are GitHub's docs, "Events that
// trigger workflows": what GITHUB_SHA/GITHUB_REF are for the event, and which payload fields
// name the commits. GITHUB_SHA is set as the runner sets it for the event.
const DEFAULT_TIP = 'd'.repeat(40); // "last commit on the default branch"
const RUN_SHA = 'e'.repeat(40); // GITHUB_SHA where the docs give an event-specific commit
// biome-ignore lint/suspicious/noExplicitAny: payload fields are read as GitHub documents them
type Payload = Record<string, any>;
type Expectation = { sha: string; ref?: (p: Payload) => string; expected: (p: Payload) => Record<string, unknown> };
const pr = (p: Payload) => ({ kind: 'pull_request', head: p.head.sha, base: p.base.sha, pullRequest: { number: p.number } });
const fromDefaultBranch: Expectation = { sha: DEFAULT_TIP, expected: () => ({ kind: 'manual', head: DEFAULT_TIP }) };
const suite = (subject: Payload, suiteOf: Payload) =>
  subject.pull_requests.length > 0
    ? pr(subject.pull_requests[0])
    : { kind: 'push', head: subject.head_sha, base: suiteOf.before, branch: suiteOf.head_branch };
const GITHUB_EXPECTATIONS: Record<string, Expectation> = {
  // pull_request: GITHUB_SHA is the last merge commit of refs/pull/N/merge; the PR head is what was written.
  pull_request: { sha: RUN_SHA, expected: (p) => pr(p.pull_request) },
  pull_request_target: { sha: DEFAULT_TIP, expected: (p) => pr(p.pull_request) },
  pull_request_review: { sha: RUN_SHA, expected: (p) => pr(p.pull_request) },
  pull_request_review_comment: { sha: RUN_SHA, expected: (p) => pr(p.pull_request) },
  pull_request_review_thread: { sha: RUN_SHA, expected: (p) => pr(p.pull_request) },
  // push: the tip pushed to ref; a deleted ref has nothing to build.
  push: {
    sha: RUN_SHA,
    ref: (p) => p.ref,
    expected: (p) => {
      const tag = p.ref.startsWith('refs/tags/');
      if (p.deleted) return { kind: tag ? 'tag' : 'push', deleted: true };
      if (tag) return { kind: 'tag', head: p.after, tag: p.ref.slice(10) };
      return { kind: 'push', head: p.after, base: /^0+$/.test(p.before) ? undefined : p.before, forced: p.forced };
    },
  },
  // create: GITHUB_SHA is the last commit on the created branch or tag.
  create: {
    sha: RUN_SHA,
    expected: (p) =>
      p.ref_type === 'tag' ? { kind: 'tag', tag: p.ref, head: RUN_SHA } : { kind: 'push', branch: p.ref, head: RUN_SHA, base: undefined },
  },
  delete: { sha: DEFAULT_TIP, expected: (p) => ({ deleted: true, [p.ref_type === 'tag' ? 'tag' : 'branch']: p.ref }) },
  // release: GITHUB_SHA is the last commit in the tagged release, GITHUB_REF refs/tags/<tag_name>: previous tag..tag.
  release: {
    sha: RUN_SHA,
    ref: (p) => `refs/tags/${p.release.tag_name}`,
    expected: (p) =>
      p.action === 'deleted'
        ? { kind: 'tag', deleted: true, tag: p.release.tag_name }
        : { kind: 'tag', head: RUN_SHA, tag: p.release.tag_name },
  },
  merge_group: { sha: RUN_SHA, expected: (p) => ({ kind: 'merge_group', head: p.merge_group.head_sha, base: p.merge_group.base_sha }) },
  // check_suite/check_run/workflow_run: GITHUB_SHA is the default branch; the payload names the suite's commits.
  check_suite: { sha: DEFAULT_TIP, expected: (p) => suite(p.check_suite, p.check_suite) },
  check_run: { sha: DEFAULT_TIP, expected: (p) => suite(p.check_run, p.check_run.check_suite) },
  workflow_run: {
    sha: DEFAULT_TIP,
    expected: (p) =>
      p.workflow_run.pull_requests.length > 0 ? pr(p.workflow_run.pull_requests[0]) : { kind: 'manual', head: p.workflow_run.head_sha },
  },
  // deployment(_status): GITHUB_SHA is the commit to be deployed.
  deployment: { sha: RUN_SHA, expected: (p) => ({ kind: 'manual', head: p.deployment.sha }) },
  deployment_status: { sha: RUN_SHA, expected: (p) => ({ kind: 'manual', head: p.deployment.sha }) },
  status: { sha: DEFAULT_TIP, expected: (p) => ({ kind: 'manual', head: p.sha }) },
  // Events of the default branch without commits of their own: a manual run of GITHUB_SHA.
  branch_protection_rule: fromDefaultBranch,
  discussion: fromDefaultBranch,
  discussion_comment: fromDefaultBranch,
  fork: fromDefaultBranch,
  gollum: fromDefaultBranch,
  issue_comment: fromDefaultBranch,
  issues: fromDefaultBranch,
  label: fromDefaultBranch,
  milestone: fromDefaultBranch,
  page_build: fromDefaultBranch,
  public: fromDefaultBranch,
  registry_package: fromDefaultBranch,
  repository_dispatch: fromDefaultBranch,
  watch: fromDefaultBranch,
  workflow_dispatch: { sha: RUN_SHA, expected: () => ({ kind: 'manual', head: RUN_SHA }) },
};

describe("githubEvent on GitHub's documented example payloads (@octokit/webhooks-examples)", () => {
  const examples = webhookExamples as unknown as { name: string; examples: Payload[] }[];
  const cases = examples
    .filter((event) => event.name in GITHUB_EXPECTATIONS)
    .flatMap((event) => event.examples.map((payload, index) => ({ name: event.name, index, action: payload.action ?? '', payload })));

  test('covers every event a workflow may run on that has documented examples', () => {
    const covered = new Set(cases.map((item) => item.name));
    const withoutExamples = Object.keys(GITHUB_EXPECTATIONS).filter((name) => !covered.has(name));
    expect(withoutExamples.sort()).toEqual(
      ['pull_request_target', 'registry_package', 'workflow_dispatch'].filter((name) => !covered.has(name)),
    );
    expect(cases.length).toBeGreaterThan(100);
  });

  test.each(cases)('$name #$index $action', ({ name, payload }) => {
    const expectation = GITHUB_EXPECTATIONS[name] as Expectation;
    const ref = expectation.ref?.(payload) ?? 'refs/heads/main';
    const event = githubEvent({ ...ghEnv, GITHUB_EVENT_NAME: name, GITHUB_SHA: expectation.sha, GITHUB_REF: ref }, payload);
    const expected = expectation.expected(payload);
    expect(event).toMatchObject({ source: name, ...expected });
    if (expected.deleted) expect(event.head).toBeUndefined();
  });

  test('every one of the payloads (any event name) normalises without throwing', () => {
    for (const event of examples)
      for (const payload of event.examples) expect(() => githubEvent({ GITHUB_EVENT_NAME: event.name }, payload)).not.toThrow();
  });
});

// Every CI_PIPELINE_SOURCE in GitLab's docs ("Predefined CI/CD variables", CI_PIPELINE_SOURCE),
// with the variables GitLab sets for it. CI_COMMIT_BEFORE_SHA is all zeros except on pushes
// and pipelines a push started.
describe('gitlabEvent for every pipeline source GitLab documents', () => {
  const branch = { CI_COMMIT_SHA: B, CI_COMMIT_BRANCH: 'main' };
  const pushed = { ...branch, CI_COMMIT_BEFORE_SHA: A };
  const notPushed = { ...branch, CI_COMMIT_BEFORE_SHA: ZERO };
  test.each([
    ['push', pushed, { kind: 'push', head: B, base: A, before: A }],
    ['push', { ...branch, CI_COMMIT_BEFORE_SHA: ZERO }, { kind: 'push', head: B, base: undefined }],
    ['push', { CI_COMMIT_SHA: ZERO, CI_COMMIT_BRANCH: 'gone', CI_COMMIT_BEFORE_SHA: A }, { kind: 'push', deleted: true }],
    ['push', { CI_COMMIT_SHA: B, CI_COMMIT_TAG: 'v1.0.0', CI_COMMIT_BEFORE_SHA: ZERO }, { kind: 'tag', tag: 'v1.0.0', head: B }],
    ['web', notPushed, { kind: 'manual', head: B, base: undefined }],
    ['trigger', notPushed, { kind: 'manual', head: B, base: undefined }],
    ['schedule', notPushed, { kind: 'schedule', head: B, base: undefined }],
    ['api', notPushed, { kind: 'manual', head: B, base: undefined }],
    ['external', notPushed, { kind: 'manual', head: B }],
    ['external', pushed, { kind: 'push', head: B, base: A }],
    ['pipeline', notPushed, { kind: 'manual', head: B }],
    ['pipeline', pushed, { kind: 'push', head: B, base: A }],
    ['chat', notPushed, { kind: 'manual', head: B }],
    ['webide', notPushed, { kind: 'manual', head: B }],
    // A child pipeline of a push pipeline: the parent's SHAs are passed down.
    ['parent_pipeline', pushed, { kind: 'push', head: B, base: A, branch: 'main' }],
    // A child pipeline of a merge request pipeline inherits CI_MERGE_REQUEST_*.
    [
      'parent_pipeline',
      { ...notPushed, CI_MERGE_REQUEST_IID: '4', CI_MERGE_REQUEST_DIFF_BASE_SHA: A, CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' },
      { kind: 'pull_request', head: B, base: A, mergeBase: A },
    ],
    [
      'merge_request_event',
      { CI_COMMIT_SHA: B, CI_MERGE_REQUEST_IID: '4', CI_MERGE_REQUEST_DIFF_BASE_SHA: A, CI_MERGE_REQUEST_EVENT_TYPE: 'detached' },
      { kind: 'pull_request', head: B, base: A, mergeBase: A, pullRequest: { number: 4 } },
    ],
    [
      'external_pull_request_event',
      {
        CI_COMMIT_SHA: B,
        CI_EXTERNAL_PULL_REQUEST_IID: '12',
        CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA: B,
        CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA: A,
        CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME: 'feat',
        CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME: 'main',
      },
      { kind: 'pull_request', head: B, base: A, pullRequest: { number: 12, baseRef: 'main', headRef: 'feat' } },
    ],
    ['ondemand_dast_scan', notPushed, { kind: 'manual', head: B }],
    ['ondemand_dast_validation', notPushed, { kind: 'manual', head: B }],
    ['security_orchestration_policy', notPushed, { kind: 'manual', head: B }],
  ] as const)('%s %#', (source, env, expected) => {
    const event = gitlabEvent({ ...glEnv, CI_PIPELINE_SOURCE: source, ...env });
    expect(event).toMatchObject({ source, ...expected });
    if ('deleted' in expected) expect(event.head).toBeUndefined();
  });
});

describe('the run on its forge (for deployment approvals)', () => {
  test('GitHub: the repository and run id; none without GITHUB_RUN_ID', () => {
    expect(githubEvent({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REPOSITORY: 'acme/app', GITHUB_RUN_ID: '7' }, {}).run).toEqual({
      forge: 'github',
      repository: 'acme/app',
      runId: '7',
    });
    expect(githubEvent({ GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REPOSITORY: 'acme/app' }, {}).run).toBeUndefined();
  });
  test("GitLab: the project id (else path), pipeline, job and the job's environment", () => {
    const env = { CI_PIPELINE_SOURCE: 'web', CI_PROJECT_PATH: 'acme/app', CI_PIPELINE_ID: '900', CI_JOB_ID: '77' };
    expect(gitlabEvent({ ...env, CI_PROJECT_ID: '42', CI_ENVIRONMENT_NAME: 'prod' }).run).toEqual({
      forge: 'gitlab',
      repository: '42',
      runId: '900',
      jobId: '77',
      environment: 'prod',
    });
    expect(gitlabEvent(env).run).toEqual({ forge: 'gitlab', repository: 'acme/app', runId: '900', jobId: '77' });
    expect(gitlabEvent({ CI_PIPELINE_SOURCE: 'web' }).run).toBeUndefined();
  });
});

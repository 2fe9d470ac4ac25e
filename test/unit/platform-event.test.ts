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

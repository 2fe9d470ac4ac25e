import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { detect } from '../../src/core/detect/detect.js';
import { parseManifest } from '../../src/core/detect/manifest.js';
import type { CiEvent } from '../../src/core/event.js';
import type { Log } from '../../src/core/log.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import { g, MANIFEST, removeScenarios, Scenario } from '../fixtures/detect/repo.js';

// Depth-1 (actions/checkout) and GIT_DEPTH-20 (GitLab) clones of a 12,000-commit history whose
// server, like GitHub's and git's protocol-v2 server, serves force-pushed commits by SHA.
// The right base must be found with a bounded number of fetches and without the history.

afterAll(removeScenarios);

const HISTORY = 12_000;
/** ls-remote is not a fetch; the shallow-exclude path needs at most the exclude fetch and the merge base's tree. */
const MAX_FETCHES = 3;
const manifest = parseManifest(MANIFEST, '.aegis/services.yaml');

function log(): Log & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, debug() {}, error() {}, warning: (message) => warnings.push(message), group: (_title, body) => body() };
}

async function run(directory: string, event: CiEvent) {
  const recorder = log();
  const result = await detect(
    {
      directory,
      manifest,
      global: [],
      changeTypes: ['added', 'modified', 'deleted', 'renamed'],
      event,
      remote: 'origin',
      deepenStep: 32,
      maxDeepenRounds: 12,
    },
    recorder,
  );
  return {
    base: result.range.base,
    reason: result.range.reason,
    services: result.selection.services,
    fetches: result.range.fetches,
    warnings: recorder.warnings,
    commitsInClone: Scenario.count(directory, '--all'),
  };
}

let s: Scenario;
let fork: string;
beforeAll(() => {
  s = new Scenario({ history: HISTORY });
  fork = s.sha();
  // main moves on after the fork, so "merge base" and "tip of main" differ
  s.commit({ 'README.md': 'main moved on' });
  s.push('main');
  s.git('checkout', '--quiet', '-b', 'base-point', fork);
});

describe('shallow clones of a long history', () => {
  test(`the history is at least 10,000 commits`, () => {
    expect(Scenario.count(s.dev, 'main')).toBeGreaterThanOrEqual(10_000);
  });

  test('GitHub force push on a feature branch (forced: true), depth 1: merge base with main, few fetches', async () => {
    s.git('checkout', '--quiet', '-B', 'gh-feature', fork);
    const oldTip = s.commit({ 'services/api/main.go': 'dropped' });
    s.push('gh-feature');
    s.git('reset', '--quiet', '--hard', fork);
    s.commit({ 'services/worker/main.py': 'kept' });
    const head = s.commit({ 'README.md': 'feature' });
    s.push('gh-feature', true);
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/gh-feature', GITHUB_SHA: head },
      { before: oldTip, after: head, forced: true, repository: { default_branch: 'main' } },
    );
    const result = await run(s.clone({ branch: 'gh-feature', depth: 1 }), event);
    expect(result).toMatchObject({ base: fork, services: ['worker'], warnings: [] });
    expect(result.reason).toContain(`merge base with main ${fork.slice(0, 12)}`);
    expect(result.fetches).toBeLessThanOrEqual(MAX_FETCHES);
    expect(result.commitsInClone).toBeLessThan(20);
  });

  test('GitLab force push on a feature branch at GIT_DEPTH 20 (no forced flag): ancestry decides, merge base with main', async () => {
    s.git('checkout', '--quiet', '-B', 'gl-feature', fork);
    const oldTip = s.commit({ 'services/web/index.js': 'dropped' });
    s.push('gl-feature');
    s.git('reset', '--quiet', '--hard', fork);
    const head = s.commit({ 'services/api/main.go': 'kept' });
    s.push('gl-feature', true);
    const event = gitlabEvent({
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: oldTip,
      CI_COMMIT_BRANCH: 'gl-feature',
      CI_DEFAULT_BRANCH: 'main',
    });
    const dir = s.clone({ branch: 'gl-feature', depth: 20 });
    const result = await run(dir, event);
    expect(result).toMatchObject({ base: fork, services: ['api'], warnings: [] });
    // the clone keeps (at least) the 20 commits of history it had
    expect(Scenario.count(dir, head)).toBeGreaterThanOrEqual(20);
    expect(result.reason).toContain('is not an ancestor of head');
    expect(result.fetches).toBeLessThanOrEqual(MAX_FETCHES + 2);
  });

  test('GitLab ordinary push on a feature branch, depth 1: the previous tip', async () => {
    s.git('checkout', '--quiet', '-B', 'gl-normal', fork);
    s.commit({ 'services/web/index.js': 'first' });
    s.push('gl-normal');
    const before = s.sha();
    const head = s.commit({ 'services/api/main.go': 'second' });
    s.push('gl-normal');
    const event = gitlabEvent({
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: before,
      CI_COMMIT_BRANCH: 'gl-normal',
      CI_DEFAULT_BRANCH: 'main',
    });
    const result = await run(s.clone({ branch: 'gl-normal', depth: 1 }), event);
    expect(result).toMatchObject({ base: before, services: ['api'], warnings: [] });
    expect(result.fetches).toBeLessThanOrEqual(MAX_FETCHES + 1);
  });

  test('force push on the default branch, depth 1: old tip..new tip (the dropped commit’s service is rebuilt)', async () => {
    s.git('checkout', '--quiet', '-B', 'release', fork);
    s.push('release');
    const oldTip = s.commit({ 'services/web/index.js': 'dropped' });
    s.push('release');
    s.git('reset', '--quiet', '--hard', fork);
    const head = s.commit({ 'services/worker/main.py': 'new' });
    s.push('release', true);
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/release', GITHUB_SHA: head },
      { before: oldTip, after: head, forced: true, repository: { default_branch: 'release' } },
    );
    const result = await run(s.clone({ branch: 'release', depth: 1 }), event);
    expect(result).toMatchObject({ base: oldTip, services: ['worker', 'web'], warnings: [] });
    expect(result.fetches).toBeLessThanOrEqual(1);
  });

  test('a feature branch that merged main in between: the newest merged main commit is the merge base', async () => {
    s.git('checkout', '--quiet', '-B', 'merger', `${fork}~50`);
    s.commit({ 'services/web/index.js': 'early work' });
    s.git('merge', '--quiet', '--no-edit', `${fork}~10`);
    const head = s.commit({ 'services/api/main.go': 'late work' });
    s.push('merger');
    const expected = g(s.dev, 'merge-base', 'main', head);
    expect(expected).toBe(g(s.dev, 'rev-parse', `${fork}~10`));
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/merger', GITHUB_SHA: head },
      { before: '0'.repeat(40), after: head, created: true, forced: false, repository: { default_branch: 'main' } },
    );
    const result = await run(s.clone({ branch: 'merger', depth: 1 }), event);
    expect(result).toMatchObject({ base: expected, services: ['api', 'web'], warnings: [] });
    expect(result.fetches).toBeLessThanOrEqual(MAX_FETCHES + 1);
    expect(result.commitsInClone).toBeLessThan(200);
  });

  test('pull request from a depth-1 clone: merge base with the base branch, few fetches', async () => {
    s.git('checkout', '--quiet', '-B', 'pr', fork);
    s.commit({ 'libs/shared/lib.ts': 'pr' });
    const head = s.commit({ 'README.md': 'pr' });
    s.push('pr');
    const baseTip = g(s.bare, 'rev-parse', 'main');
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/5/merge', GITHUB_SHA: 'f'.repeat(40) },
      {
        number: 5,
        pull_request: { number: 5, base: { ref: 'main', sha: baseTip }, head: { ref: 'pr', sha: head } },
        repository: { default_branch: 'main' },
      },
    );
    const result = await run(s.clone({ branch: 'pr', depth: 1 }), event);
    expect(result).toMatchObject({ base: fork, services: ['worker'], warnings: [] });
    expect(result.fetches).toBeLessThanOrEqual(MAX_FETCHES);
  });
  test('release 500 commits after the previous tag, depth 1: previous tag..tag with a bounded number of fetches', async () => {
    s.git('tag', 'v1.0.0', fork);
    const stream: string[] = [`commit refs/heads/rel\ncommitter t <t@example.com> 1800000000 +0000\ndata 1\nr\nfrom ${fork}\n`];
    stream.push('M 100644 inline services/web/index.js\ndata 8\nrelease\n\n');
    for (let index = 1; index <= 500; index++)
      stream.push(
        `commit refs/heads/rel\ncommitter t <t@example.com> ${1_800_000_000 + index} +0000\ndata 1\nr\nM 100644 inline notes/${index}.txt\ndata 2\nn\n\n`,
      );
    execFileSync('git', ['fast-import', '--quiet'], { cwd: s.dev, input: stream.join('') });
    const head = g(s.dev, 'rev-parse', 'rel');
    g(s.dev, 'tag', 'v2.0.0', head);
    g(s.dev, 'push', '--quiet', 'origin', 'rel:refs/heads/rel', 'v1.0.0', 'v2.0.0');
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: head },
      { action: 'published', release: { tag_name: 'v2.0.0', target_commitish: 'rel' }, repository: { default_branch: 'main' } },
    );
    const result = await run(s.clone({ branch: 'rel', depth: 1 }), event);
    expect(result).toMatchObject({ base: fork, services: ['web'], warnings: [] });
    expect(result.reason).toBe(`tag v2.0.0: previous tag v1.0.0 (${fork.slice(0, 12)})`);
    // one --shallow-exclude fetch down to the tags, one for the tagged commit (the doubling deepen needed 5)
    expect(result.fetches).toBeLessThanOrEqual(2);
  });
});

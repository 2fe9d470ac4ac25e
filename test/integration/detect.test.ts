import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { formatChangedFiles } from '../../src/core/detect/changed-files.js';
import { type DetectRequest, detect, listChanges } from '../../src/core/detect/detect.js';
import { type Manifest, parseManifest } from '../../src/core/detect/manifest.js';
import type { CiEvent as DetectEvent } from '../../src/core/event.js';
import { Git } from '../../src/core/git/git.js';
import type { Log } from '../../src/core/log.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import { g, MANIFEST, removeScenarios, Scenario } from '../fixtures/detect/repo.js';

afterAll(removeScenarios);

interface RecordingLog extends Log {
  warnings: string[];
}

function recordingLog(): RecordingLog {
  const warnings: string[] = [];
  return { warnings, info() {}, debug() {}, error() {}, warning: (message) => warnings.push(message), group: (_title, body) => body() };
}

const manifest: Manifest = parseManifest(MANIFEST, '.aegis/services.yaml');

async function run(directory: string, event: DetectEvent, overrides: Partial<DetectRequest> = {}, log = recordingLog()) {
  const result = await detect(
    {
      directory,
      manifest,
      global: [],
      changeTypes: ['added', 'modified', 'deleted', 'renamed'],
      event,
      remote: 'origin',
      deepenStep: 2,
      maxDeepenRounds: 12,
      ...overrides,
    },
    log,
  );
  return {
    base: result.range.base,
    reason: result.range.reason,
    fallback: result.range.fallback,
    selected: result.selection.selected.map((service) => service.name),
    services: result.selection.services,
    files: result.changedFiles,
    warnings: log.warnings,
  };
}

const push = (before: string | undefined, head: string, branch = 'main', extra: Partial<DetectEvent> = {}): DetectEvent => ({
  kind: 'push',
  source: 'push',
  before,
  base: before,
  head,
  branch,
  defaultBranch: 'main',
  ...extra,
});

describe('detect on real git repositories', () => {
  test('push: compares with the previous tip', async () => {
    const s = new Scenario();
    const before = s.sha();
    s.commit({ 'services/api/main.go': '2' });
    const head = s.commit({ 'README.md': '2' });
    s.push('main');
    const result = await run(s.clone(), push(before, head));
    expect(result).toMatchObject({ base: before, services: ['api'], files: ['README.md', 'services/api/main.go'], fallback: false });
    expect(result.reason).toBe(`push to main: previous tip ${before.slice(0, 12)}`);
  });

  test('new branch (all-zero before): merge base with the default branch, which moved on', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'feature');
    s.commit({ 'services/worker/main.py': '2' });
    const head = s.commit({ 'services/worker/util.py': '1' });
    s.push('feature');
    s.git('checkout', '--quiet', 'main');
    s.commit({ 'services/web/index.js': '2' });
    s.push('main');
    // GitHub's all-zero `before` is normalised by the platform layer to undefined
    const result = await run(s.clone({ branch: 'feature' }), push(undefined, head, 'feature'));
    expect(result).toMatchObject({ base: fork, services: ['worker'], selected: ['worker'] });
    expect(result.reason).toBe(`new branch feature: merge base with main ${fork.slice(0, 12)}`);
  });

  test('GitLab push of a new branch (CI_COMMIT_BEFORE_SHA zeros) behaves the same', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'topic');
    const head = s.commit({ 'services/web/index.js': '3' });
    s.push('topic');
    const event = gitlabEvent({
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: '0'.repeat(40),
      CI_COMMIT_BRANCH: 'topic',
      CI_DEFAULT_BRANCH: 'main',
    });
    const result = await run(s.clone({ branch: 'topic', depth: 1 }), event);
    expect(result).toMatchObject({ base: fork, services: ['web'] });
  });

  test('force push: merge base with the default branch, not the old tip and not HEAD^', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'feature');
    const oldTip = s.commit({ 'services/web/index.js': 'old' });
    s.push('feature');
    s.git('reset', '--quiet', '--hard', fork);
    s.commit({ 'services/api/main.go': 'new' });
    const head = s.commit({ 'README.md': 'new' });
    s.push('feature', true);
    const result = await run(s.clone({ branch: 'feature' }), push(oldTip, head, 'feature', { forced: true }));
    // HEAD^ would give only README.md; the old tip would add web
    expect(result).toMatchObject({ base: fork, services: ['api'] });
    expect(result.reason).toBe(
      `force push to feature: previous tip ${oldTip.slice(0, 12)} was replaced: merge base with main ${fork.slice(0, 12)}`,
    );
  });

  test('force push to the default branch: old tip..new tip, so what the dropped commits built is rebuilt', async () => {
    const s = new Scenario();
    const fork = s.commit({ 'README.md': 'base' });
    s.push('main');
    const oldTip = s.commit({ 'services/web/index.js': 'old' });
    s.push('main');
    s.git('reset', '--quiet', '--hard', fork);
    const head = s.commit({ 'services/worker/main.py': 'new' });
    s.push('main', true);
    const result = await run(s.clone(), push(oldTip, head, 'main', { forced: true }));
    // web's deployed image was built from the dropped commit: it is rebuilt from the new tip
    expect(result).toMatchObject({ base: oldTip, services: ['worker', 'web'] });
    expect(result.reason).toBe(`force push to main: old tip ${oldTip.slice(0, 12)}..new tip (rebuilds what the dropped commits built)`);
    expect(fork).not.toBe(oldTip);
  });

  test('pull request whose base branch moved on: merge base of base SHA and the PR head (not the merge commit)', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'feature');
    const head = s.commit({ 'services/worker/main.py': 'pr' });
    s.push('feature');
    s.git('checkout', '--quiet', 'main');
    const baseTip = s.commit({ 'services/web/index.js': 'moved on' });
    s.push('main');
    const event: DetectEvent = {
      kind: 'pull_request',
      source: 'pull_request',
      head,
      base: baseTip,
      branch: 'feature',
      pullRequest: { number: 7, baseRef: 'main', headRef: 'feature', baseSha: baseTip },
    };
    const result = await run(s.clone({ branch: 'feature' }), event);
    expect(result).toMatchObject({ base: fork, services: ['worker'] });
    expect(result.reason).toBe(`pull request #7 into main: merge base ${fork.slice(0, 12)} of main (${baseTip.slice(0, 12)}) and the head`);
  });

  test('GitHub merge queue: the merge group’s base and head, from its event payload', async () => {
    const s = new Scenario();
    const base = s.sha();
    s.git('checkout', '--quiet', '-b', 'gh-readonly-queue/main/pr-9');
    const head = s.commit({ 'services/web/index.js': 'queued' });
    s.push('gh-readonly-queue/main/pr-9');
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'merge_group', GITHUB_SHA: head },
      { merge_group: { head_sha: head, base_sha: base, head_ref: 'refs/heads/gh-readonly-queue/main/pr-9' } },
    );
    const result = await run(s.clone({ branch: 'gh-readonly-queue/main/pr-9' }), event);
    expect(result).toMatchObject({ base, services: ['web'] });
  });

  test('GitLab merged-results pipeline: diff base SHA and the source branch tip', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'mr');
    const head = s.commit({ 'libs/shared/lib.ts': 'mr' });
    s.push('mr');
    const event = gitlabEvent({
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
      CI_MERGE_REQUEST_IID: '3',
      CI_COMMIT_SHA: 'f'.repeat(40), // the merge commit GitLab made: never used
      CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: head,
      CI_MERGE_REQUEST_DIFF_BASE_SHA: fork,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'mr',
    });
    const result = await run(s.clone({ branch: 'mr' }), event);
    expect(result).toMatchObject({ base: fork, selected: ['worker', 'shared'], services: ['worker'] });
    expect(result.reason).toContain('merge request !3 into main');
  });

  test('merge commit pushed to main: everything the merge brought in', async () => {
    const s = new Scenario();
    s.git('checkout', '--quiet', '-b', 'feature');
    s.commit({ 'libs/shared/lib.ts': 'f' });
    s.git('checkout', '--quiet', 'main');
    const before = s.commit({ 'README.md': 'main' });
    s.push('main');
    s.git('merge', '--quiet', '--no-ff', '-m', 'merge feature', 'feature');
    const head = s.sha();
    s.push('main');
    const result = await run(s.clone({ depth: 1 }), push(before, head));
    expect(result).toMatchObject({ base: before, selected: ['worker', 'shared'], services: ['worker'], files: ['libs/shared/lib.ts'] });
  });

  test('rename: both the old and the new path count', async () => {
    const s = new Scenario();
    const before = s.sha();
    s.git('mv', 'services/api/main.go', 'services/web/main.go');
    const head = s.commit({});
    s.push('main');
    const result = await run(s.clone(), push(before, head));
    expect(result).toMatchObject({ base: before, services: ['api', 'web'], files: ['services/api/main.go', 'services/web/main.go'] });
    const renamesIgnored = await run(s.clone(), push(before, head), { changeTypes: ['added', 'modified', 'deleted'] });
    expect(renamesIgnored.services).toEqual([]);
  });

  test('without rename detection git reports a rename as its deletion and its addition: the same two paths', async () => {
    const s = new Scenario();
    const before = s.sha();
    s.git('mv', 'services/api/main.go', 'services/web/main.go');
    const head = s.commit({});
    s.push('main');
    const git = new Git(s.clone());
    expect(await listChanges(git, before, head, true)).toEqual([
      { path: 'services/api/main.go', type: 'renamed' },
      { path: 'services/web/main.go', type: 'renamed' },
    ]);
    expect(await listChanges(git, before, head, false)).toEqual([
      { path: 'services/api/main.go', type: 'deleted' },
      { path: 'services/web/main.go', type: 'added' },
    ]);
  });

  test('a rename whose new path sorts first: both paths listed in path order, with or without rename detection', async () => {
    const s = new Scenario();
    const before = s.sha();
    s.git('mv', 'services/web/index.js', 'services/api/index.js');
    const head = s.commit({});
    s.push('main');
    // Default change-types: no rename detection, so git lists the addition and the deletion in path order.
    const plain = await run(s.clone(), push(before, head));
    expect(plain).toMatchObject({ services: ['api', 'web'], files: ['services/api/index.js', 'services/web/index.js'] });
    // renamed without added/deleted: git pairs them; the list is the same, in the same order.
    const detected = await run(s.clone(), push(before, head), { changeTypes: ['modified', 'renamed'] });
    expect(detected).toMatchObject({ services: ['api', 'web'], files: ['services/api/index.js', 'services/web/index.js'] });
  });

  test('delete: a deleted file marks its service unless deletions are not a change type', async () => {
    const s = new Scenario();
    const before = s.sha();
    const head = s.commit({ 'services/worker/main.py': null });
    s.push('main');
    const dir = s.clone();
    expect(await run(dir, push(before, head))).toMatchObject({ base: before, services: ['worker'], files: ['services/worker/main.py'] });
    expect((await run(dir, push(before, head), { changeTypes: ['added', 'modified'] })).services).toEqual([]);
  });

  test('a file name with a newline is one path: lines format quotes it exactly as git does, nul and json carry it as it is', async () => {
    const s = new Scenario();
    const before = s.sha();
    const evil = 'services/api/evil\nservices/web/index.js';
    const head = s.commit({ [evil]: 'x', 'services/api/tab\tand "quote" and \\.txt': 'y', 'services/api/ünïcode.txt': 'z' });
    s.push('main');
    const dir = s.clone();
    const result = await run(dir, push(before, head));
    expect(result.services).toEqual(['api']); // web is not touched, whatever the name says
    expect(result.files).toHaveLength(3);
    const lines = formatChangedFiles(result.files, 'lines');
    // git's own quoting of the same diff is the reference for the line format
    expect(lines).toBe(`${g(dir, '-c', 'core.quotePath=false', 'diff', '--name-only', before, head)}\n`);
    expect(lines.split('\n').filter(Boolean)).toHaveLength(3);
    expect(formatChangedFiles(result.files, 'nul').split('\0').filter(Boolean).sort()).toEqual([...result.files].sort());
    expect(JSON.parse(formatChangedFiles(result.files, 'json'))).toEqual(result.files);
  });

  test('tag: compares with the previous tag, found in a shallow clone without fetched tags', async () => {
    const s = new Scenario();
    const first = s.sha();
    s.git('tag', '-a', '-m', 'v1.0.0', 'v1.0.0');
    s.commit({ 'services/api/main.go': 'v1.1' });
    for (let index = 0; index < 6; index++) s.commit({ 'README.md': `r${index}` });
    const head = s.sha();
    s.git('tag', 'v1.1.0');
    s.git('tag', 'also-at-head');
    s.push('main');
    s.git('push', '--quiet', 'origin', '--tags');
    const event: DetectEvent = { kind: 'tag', source: 'push', head, tag: 'v1.1.0' };
    const result = await run(s.clone({ depth: 1 }), event);
    expect(result).toMatchObject({ base: first, services: ['api'] });
    expect(result.reason).toBe(`tag v1.1.0: previous tag v1.0.0 (${first.slice(0, 12)})`);
  });

  test('deleted tag (push with deleted: true): an empty matrix and a reason that says so', async () => {
    const s = new Scenario();
    const tagged = s.sha();
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.0.0', GITHUB_SHA: tagged },
      { ref: 'refs/tags/v1.0.0', before: tagged, after: '0'.repeat(40), deleted: true, repository: { default_branch: 'main' } },
    );
    const result = await run(s.clone({ depth: 1 }), event);
    expect(result).toMatchObject({ base: undefined, services: [], selected: [], files: [], fallback: false, warnings: [] });
    expect(result.reason).toBe('push: tag v1.0.0 was deleted; nothing to build');
  });

  test('deleted merged branch (push deleted: true, and the delete event): an empty matrix', async () => {
    const s = new Scenario();
    s.git('checkout', '--quiet', '-b', 'merged');
    const tip = s.commit({ 'services/api/main.go': 'merged work' });
    const dir = s.clone({ depth: 1 });
    const pushed = githubEvent(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/merged', GITHUB_SHA: tip },
      { ref: 'refs/heads/merged', before: tip, after: '0'.repeat(40), deleted: true, repository: { default_branch: 'main' } },
    );
    expect(await run(dir, pushed)).toMatchObject({ services: [], reason: 'push: branch merged was deleted; nothing to build' });
    const deleted = githubEvent({ GITHUB_EVENT_NAME: 'delete', GITHUB_SHA: s.sha('main') }, { ref: 'merged', ref_type: 'branch' });
    expect(await run(dir, deleted)).toMatchObject({ services: [], reason: 'delete: branch merged was deleted; nothing to build' });
    const gitlab = gitlabEvent({
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: '0'.repeat(40),
      CI_COMMIT_BEFORE_SHA: tip,
      CI_COMMIT_BRANCH: 'merged',
    });
    expect(await run(dir, gitlab)).toMatchObject({ services: [], reason: 'push: branch merged was deleted; nothing to build' });
  });

  test('release published: previous tag..tag, as a tag push', async () => {
    const s = new Scenario();
    const first = s.sha();
    s.git('tag', 'v1.0.0');
    s.commit({ 'services/web/index.js': 'release 2' });
    const head = s.sha();
    s.git('tag', 'v2.0.0');
    s.push('main');
    s.git('push', '--quiet', 'origin', '--tags');
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: head },
      { action: 'published', release: { tag_name: 'v2.0.0', target_commitish: 'main' } },
    );
    const result = await run(s.clone({ depth: 1 }), event);
    expect(result).toMatchObject({ base: first, services: ['web'] });
    expect(result.reason).toBe(`tag v2.0.0: previous tag v1.0.0 (${first.slice(0, 12)})`);
  });

  test('pull_request_review names the PR head and base: compared like the pull request', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'reviewed');
    const head = s.commit({ 'services/api/main.go': 'reviewed' });
    s.push('reviewed');
    const event = githubEvent(
      { GITHUB_EVENT_NAME: 'pull_request_review', GITHUB_REF: 'refs/pull/3/merge', GITHUB_SHA: 'f'.repeat(40) },
      { action: 'submitted', pull_request: { number: 3, head: { sha: head, ref: 'reviewed' }, base: { sha: fork, ref: 'main' } } },
    );
    expect(await run(s.clone({ branch: 'reviewed', depth: 1 }), event)).toMatchObject({ base: fork, services: ['api'] });
  });

  test('first tag: every service, explicitly', async () => {
    const s = new Scenario();
    const head = s.sha();
    s.git('tag', 'v0.1.0');
    s.push('main');
    s.git('push', '--quiet', 'origin', '--tags');
    const result = await run(s.clone(), { kind: 'tag', source: 'push', head, tag: 'v0.1.0' });
    expect(result).toMatchObject({ base: undefined, services: ['api', 'worker', 'web'], reason: 'tag v0.1.0: there is no earlier tag' });
    expect(result.files).toContain('services/api/main.go');
  });

  test('depth-1 clone: finds the merge base with --shallow-exclude (no deepening), and stays shallow', async () => {
    const s = new Scenario();
    for (let index = 0; index < 30; index++) s.commit({ 'README.md': `old ${index}` });
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'long');
    s.commit({ 'services/web/index.js': 'x' });
    for (let index = 0; index < 20; index++) s.commit({ [`notes/${index}.txt`]: 'n' });
    const head = s.sha();
    s.push('long');
    s.git('checkout', '--quiet', 'main');
    for (let index = 0; index < 5; index++) s.commit({ [`main-notes/${index}.txt`]: 'n' });
    const baseTip = s.sha();
    s.push('main');
    const dir = s.clone({ branch: 'long', depth: 1 });
    const event: DetectEvent = {
      kind: 'pull_request',
      source: 'pull_request',
      head,
      base: baseTip,
      pullRequest: { number: 1, baseRef: 'main', headRef: 'feature', baseSha: baseTip },
    };
    const result = await run(dir, event);
    expect(result).toMatchObject({ base: fork, services: ['web'], fallback: false, warnings: [] });
    expect(g(dir, 'rev-parse', '--is-shallow-repository')).toBe('true');
  });

  test('two jobs deepening the same depth-1 clone at once both succeed with the same answer', async () => {
    const s = new Scenario();
    const fork = s.sha();
    s.git('checkout', '--quiet', '-b', 'long');
    s.commit({ 'services/api/main.go': 'x' });
    for (let index = 0; index < 40; index++) s.commit({ [`notes/${index}.txt`]: 'n' });
    const head = s.sha();
    s.push('long');
    for (let attempt = 0; attempt < 3; attempt++) {
      const dir = s.clone({ branch: 'long', depth: 1 });
      const event = push(undefined, head, 'long');
      const results = await Promise.all([run(dir, event), run(dir, event), run(dir, event)]);
      for (const result of results) expect(result).toMatchObject({ base: fork, services: ['api'], fallback: false });
      expect(g(dir, 'fsck', '--connectivity-only', '--no-dangling')).toBe('');
    }
  });

  test('a merge base that cannot be fetched: a warning and an explicit fallback to every service', async () => {
    const s = new Scenario();
    s.git('checkout', '--quiet', '-b', 'long');
    for (let index = 0; index < 5; index++) s.commit({ [`notes/${index}.txt`]: 'n' });
    const head = s.sha();
    s.push('long');
    const dir = s.clone({ branch: 'long', depth: 1 });
    rmSync(s.bare, { recursive: true, force: true }); // the server is gone: nothing can be deepened
    const result = await run(dir, push(undefined, head, 'long'), { defaultBranch: 'long-gone' });
    expect(result).toMatchObject({ base: undefined, fallback: true, services: ['api', 'worker', 'web'] });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('Treating every service as changed');
  });

  test('unrelated histories in a full clone: a warning, never a silent grafted diff', async () => {
    const s = new Scenario();
    s.git('checkout', '--quiet', '--orphan', 'island');
    const head = s.commit({ 'services/api/main.go': 'island' });
    s.push('island');
    const main = g(s.bare, 'rev-parse', 'main');
    const result = await run(s.clone({ branch: 'island' }), push(undefined, head, 'island'), { base: main });
    expect(result).toMatchObject({ base: undefined, fallback: true, services: ['api', 'worker', 'web'] });
    expect(result.warnings[0]).toContain('the complete history has no common commit');
  });

  test('schedule: every service unless a base is given', async () => {
    const s = new Scenario();
    const before = s.sha();
    const head = s.commit({ 'services/web/index.js': 's' });
    s.push('main');
    const dir = s.clone();
    const schedule: DetectEvent = { kind: 'schedule', source: 'schedule', head };
    expect(await run(dir, schedule)).toMatchObject({
      base: undefined,
      services: ['api', 'worker', 'web'],
      reason: "schedule run without a 'base' input",
      fallback: false,
    });
    expect(await run(dir, schedule, { base: before })).toMatchObject({ base: before, services: ['web'], reason: `input 'base' ${before}` });
    expect(await run(dir, schedule, { base: 'HEAD~1' })).toMatchObject({ base: before, services: ['web'] });
  });

  test('a base that is not in the repository is an input error naming it', async () => {
    const s = new Scenario();
    const dir = s.clone();
    const missing = '1234567890abcdef1234567890abcdef12345678';
    await expect(run(dir, { kind: 'manual', source: 'workflow_dispatch' }, { base: missing })).rejects.toThrow(
      `Input 'base' has an invalid value "${missing}"`,
    );
    await expect(run(dir, { kind: 'manual', source: 'workflow_dispatch' }, { base: 'no-such-branch' })).rejects.toThrow("Input 'base'");
    await expect(run(dir, { kind: 'manual', source: 'workflow_dispatch' }, { head: missing })).rejects.toThrow("Input 'head'");
  });
});

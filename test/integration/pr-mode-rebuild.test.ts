/**
 * Pull-request mode rebuilds the proposal branch from the base tip on every run (issue 19).
 * GitHub's default keeps a squash-merged PR's branch; the next promotion must not build on that
 * stale tip. Real git (bare repositories on disk, `git merge-tree --write-tree`), FAKE
 * GitHub/GitLab API (test/helpers/fake-forge.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { describeRemote } from '../../src/core/git/remote.js';
import { commitAndPush, ProposalBranchMoved } from '../../src/core/git/transaction.js';
import { silentLog } from '../../src/core/log.js';
import { loadForge } from '../../src/platform/forge/load.js';
import type { Platform } from '../../src/platform/types.js';
import * as gitopsBumpStage from '../../src/stages/gitops-bump.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo, git } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);
const runGitopsBump = (platform: Platform) => runStageModule(gitopsBumpStage, platform);

const IMAGE = 'registry.example.com/shop/api';
const overlay = (tag: string, namespace?: string) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${namespace ? `namespace: ${namespace}\n` : ''}images:\n  - name: ${IMAGE}\n    newTag: "${tag}"\n`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A working copy of the bare repository (all branches as origin/*), for what people do by hand. */
function workingCopy(repo: BareRepo): string {
  const dir = join(repo.root, `work-${Math.random().toString(36).slice(2)}`);
  git(repo.root, 'clone', '--quiet', repo.bare, dir);
  return dir;
}

/** "Squash and merge" on the forge: one commit on main with the branch's changes; the branch is kept. */
function squashMerge(repo: BareRepo, branch: string): void {
  const dir = workingCopy(repo);
  git(dir, 'merge', '--quiet', '--squash', `origin/${branch}`);
  git(dir, 'commit', '--quiet', '-m', `Squashed ${branch} (#1)`);
  git(dir, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
}

function commitFiles(repo: BareRepo, ref: string, files: Record<string, string>, message: string): string {
  const dir = workingCopy(repo);
  git(dir, 'checkout', '--quiet', '--detach', `origin/${ref}`);
  for (const [path, content] of Object.entries(files)) execFileSync('sh', ['-c', 'cat > "$1"', 'sh', join(dir, path)], { input: content });
  git(dir, 'commit', '--quiet', '-am', message);
  git(dir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${ref}`);
  return git(dir, 'rev-parse', 'HEAD');
}

/** `git merge-tree --write-tree main <branch>`: exit 0 when the branch merges into main without conflicts. */
function mergesCleanly(repo: BareRepo, branch: string): boolean {
  try {
    execFileSync('git', ['merge-tree', '--write-tree', 'main', branch], { cwd: repo.bare, stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function aegisBranches(repo: BareRepo): string[] {
  return git(repo.bare, 'for-each-ref', '--format=%(refname:strip=2)', 'refs/heads/aegis').split('\n').filter(Boolean);
}

for (const kind of ['github', 'gitlab'] as const) {
  describe(`${kind}: a squash-merged proposal whose branch was kept`, () => {
    async function setup() {
      const forge = await startFakeForge(kind);
      const repo = createBareRepo({
        'overlays/staging/kustomization.yaml': overlay('1.0.0'),
        'overlays/prod/kustomization.yaml': overlay('0.9.0'),
      });
      cleanups.push(
        () => repo.cleanup(),
        () => forge.close(),
      );
      const platform = (inputs: Record<string, string>) =>
        new RecordingPlatform(
          repo.root,
          { repository: repo.bare, token: 'forge-token-123456', forge: kind, 'forge-project': 'org/gitops', ...inputs },
          { forge: () => loadForge({ kind, token: 'forge-token-123456', apiUrl: forge.apiUrl }) },
        );
      /** The PR was merged: the forge no longer lists it as open. */
      const markMerged = () => {
        for (const pull of forge.pulls) pull.state = 'closed';
      };
      return { forge, repo, platform, markMerged };
    }

    /** After the merge main moved on: a hotfix and a namespace in the same prod overlay. */
    const hotfix = overlay('0.9.5', 'shop-prod');

    test('promote: the second proposal is main + the promotion only, planned against main', async () => {
      const { forge, repo, platform, markMerged } = await setup();
      const inputs = { from: 'staging', to: 'prod', 'verify-images': 'false', 'pin-digest': 'false' };
      const branch = 'aegis/promote/main/prod';
      const first = platform(inputs);
      await runPromote(first);
      expect(first.outputs.changed).toBe('true');
      expect(repo.show('overlays/prod/kustomization.yaml', branch)).toContain('newTag: "1.0.0"');
      const stale = repo.tip(branch);

      squashMerge(repo, branch);
      markMerged();
      commitFiles(repo, 'main', { 'overlays/prod/kustomization.yaml': hotfix }, 'prod: hotfix 0.9.5, namespace');
      commitFiles(repo, 'main', { 'overlays/staging/kustomization.yaml': overlay('1.1.0') }, 'staging: 1.1.0');
      expect(repo.tip(branch)).toBe(stale); // the kept branch predates both

      const second = platform(inputs);
      await runPromote(second);
      expect(second.outputs.changed).toBe('true');
      expect(repo.tip(`${branch}~1`)).toBe(repo.tip('main'));
      expect(repo.count(branch)).toBe(repo.count('main') + 1);
      expect(mergesCleanly(repo, branch)).toBe(true);
      expect(repo.show('overlays/prod/kustomization.yaml', branch)).toBe(overlay('1.1.0', 'shop-prod').trimEnd()); // show() trims
      expect(second.outputs['commit-sha']).toBe(repo.tip(branch));
      // "Current" is main's hotfix, not the stale branch's 1.0.0.
      expect(JSON.parse(second.outputs.plan ?? '[]')).toEqual([expect.objectContaining({ to: `${IMAGE}:0.9.5`, next: `${IMAGE}:1.1.0` })]);
      expect(repo.message(branch)).toContain(`Aegis-Previous-Image: ${IMAGE}=${IMAGE}:0.9.5`);
      expect(forge.pulls.filter((pull) => pull.state === 'open')).toEqual([
        expect.objectContaining({ head: branch, base: 'main', number: 2 }),
      ]);

      // Nothing new: nothing pushed, the open request reported and not rewritten.
      const tip = repo.tip(branch);
      const calls = forge.calls.length;
      const rerun = platform(inputs);
      await runPromote(rerun);
      expect(rerun.outputs.changed).toBe('false');
      expect(repo.tip(branch)).toBe(tip);
      expect(rerun.outputs['commit-sha']).toBe(tip);
      expect(rerun.outputs['pull-request-url']).toBe(second.outputs['pull-request-url']);
      expect(forge.calls.slice(calls).filter((call) => call.method !== 'GET')).toEqual([]);
    });

    test('gitops-bump: the second proposal is main + the bump only; the previous value is main’s', async () => {
      const { forge, repo, platform, markMerged } = await setup();
      const bump = (tag: string) =>
        platform({ mode: 'pull-request', paths: 'overlays/prod', images: `${IMAGE}:${tag}`, environment: 'prod' });
      const first = bump('1.0.0');
      await runGitopsBump(first);
      expect(first.outputs.changed).toBe('true');
      const [branch] = aegisBranches(repo) as [string];
      expect(branch).toMatch(/^aegis\/gitops-bump\/main\//);

      squashMerge(repo, branch);
      markMerged();
      commitFiles(repo, 'main', { 'overlays/prod/kustomization.yaml': hotfix }, 'prod: hotfix 0.9.5, namespace');

      const second = bump('2.0.0');
      await runGitopsBump(second);
      expect(aegisBranches(repo)).toEqual([branch]);
      expect(second.outputs.changed).toBe('true');
      expect(repo.tip(`${branch}~1`)).toBe(repo.tip('main'));
      expect(mergesCleanly(repo, branch)).toBe(true);
      expect(repo.show('overlays/prod/kustomization.yaml', branch)).toBe(overlay('2.0.0', 'shop-prod').trimEnd()); // show() trims
      expect(JSON.parse(second.outputs.previous ?? '[]')).toEqual([
        expect.objectContaining({ previous: `${IMAGE}:0.9.5`, next: `${IMAGE}:2.0.0` }),
      ]);
      expect(forge.pulls.filter((pull) => pull.state === 'open')).toEqual([expect.objectContaining({ head: branch, number: 2 })]);

      const tip = repo.tip(branch);
      const calls = forge.calls.length;
      const rerun = bump('2.0.0');
      await runGitopsBump(rerun);
      expect(rerun.outputs.changed).toBe('false');
      expect(repo.tip(branch)).toBe(tip);
      expect(rerun.outputs['pull-request-url']).toBe(second.outputs['pull-request-url']);
      expect(forge.calls.slice(calls).filter((call) => call.method !== 'GET')).toEqual([]);
    });
  });
}

describe('the lease on the proposal branch', () => {
  const author = { name: 'aegis-bot', email: 'aegis-bot@example.com' };
  const proposal = 'aegis/gitops-bump/main/prod-api';
  function propose(repo: BareRepo, tag: string, during?: (attempt: number) => void) {
    return commitAndPush(
      {
        remote: describeRemote(repo.bare, {}, process.cwd()),
        branch: 'main',
        pushBranch: proposal,
        author,
        maxAttempts: 3,
        backoff: { baseMs: 1, maxMs: 1 },
        log: silentLog,
      },
      async ({ attempt }) => {
        // Runs after the proposal tip was read and before the push: a writer slipping in here.
        during?.(attempt);
        return { files: [{ path: 'overlays/prod/kustomization.yaml', content: overlay(tag) }], message: `bump ${tag}`, detail: tag };
      },
    );
  }

  test('a commit pushed to the proposal branch by someone else after the read is not overwritten; main is untouched', async () => {
    const repo = createBareRepo({ 'overlays/prod/kustomization.yaml': overlay('0.9.0') });
    cleanups.push(() => repo.cleanup());
    await propose(repo, '1.0.0');
    const main = repo.tip('main');
    let reviewer = '';
    const attempt = propose(repo, '1.1.0', (n) => {
      if (n === 1) reviewer = commitFiles(repo, proposal, { 'overlays/prod/kustomization.yaml': overlay('1.0.0-reviewed') }, 'review fix');
    });
    await expect(attempt).rejects.toThrow(ProposalBranchMoved);
    await expect(attempt).rejects.toThrow(
      /moved while this run rebuilt it: .*now [0-9a-f]{12} by test <test@example.com>.*not overwritten/,
    );
    expect(repo.tip(proposal)).toBe(reviewer);
    expect(repo.tip('main')).toBe(main);
  });

  test('a concurrent rebuild by the same bot loses nothing of ours: the proposal is rebuilt from scratch on the newest tips', async () => {
    const repo = createBareRepo({ 'overlays/prod/kustomization.yaml': overlay('0.9.0') });
    cleanups.push(() => repo.cleanup());
    let concurrent = '';
    const result = await propose(repo, '1.1.0', (n) => {
      if (n === 1) {
        // Another job of ours creates the branch first: the "must not exist" lease fails.
        const dir = workingCopy(repo);
        git(dir, 'checkout', '--quiet', '-b', 'other');
        execFileSync('sh', ['-c', 'cat > "$1"', 'sh', join(dir, 'overlays/prod/kustomization.yaml')], { input: overlay('1.0.5') });
        execFileSync('git', ['commit', '--quiet', '-am', 'bump 1.0.5'], {
          cwd: dir,
          env: {
            ...process.env,
            GIT_AUTHOR_NAME: author.name,
            GIT_AUTHOR_EMAIL: author.email,
            GIT_COMMITTER_NAME: author.name,
            GIT_COMMITTER_EMAIL: author.email,
          },
        });
        git(dir, 'push', '--quiet', 'origin', `HEAD:refs/heads/${proposal}`);
        concurrent = git(dir, 'rev-parse', 'HEAD');
      }
    });
    expect(concurrent).not.toBe('');
    expect(result).toMatchObject({ changed: true, attempts: 2 });
    expect(repo.tip(proposal)).toBe(result.sha);
    expect(repo.tip(`${proposal}~1`)).toBe(repo.tip('main'));
    expect(repo.show('overlays/prod/kustomization.yaml', proposal)).toBe(overlay('1.1.0').trimEnd()); // show() trims
  });

  test('a rerun whose rebuilt tree equals the proposal tip pushes nothing', async () => {
    const repo = createBareRepo({ 'overlays/prod/kustomization.yaml': overlay('0.9.0') });
    cleanups.push(() => repo.cleanup());
    const first = await propose(repo, '1.0.0');
    const again = await propose(repo, '1.0.0');
    expect(again).toMatchObject({ changed: false, sha: first.sha, pendingOnPushBranch: true });
    expect(repo.tip(proposal)).toBe(first.sha);
  });
});

/**
 * pushToGitops, the one write path of gitops-bump, promote and health-gate's revert, in its
 * three modes: push, pull-request and dry run. Real git (a bare repository on disk), FAKE
 * GitHub API (test/helpers/fake-forge.ts).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { revertChange, revertResult } from '../../src/core/health/rollback.js';
import { silentLog } from '../../src/core/log.js';
import { loadForge } from '../../src/platform/forge/load.js';
import { type GitopsPush, gitopsPushStatus, pushToGitops, writeGitopsPushOutputs } from '../../src/stages/gitops-push.js';
import type { GitopsRepository } from '../../src/stages/gitops-repository.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const AUTHOR = { name: 'aegis-bot', email: 'bot@example.com' };
const TOKEN = 'forge-token-123456';
const WORDING = { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' };
const overlay = (tag: string) => `images:\n  - name: api\n    newTag: "${tag}"\n`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function setup(): { repo: BareRepo; repository: GitopsRepository } {
  const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0') });
  cleanups.push(() => repo.cleanup());
  const repository: GitopsRepository = {
    url: repo.bare,
    branch: 'main',
    credentials: { token: TOKEN },
    acceptNewHostKeys: false,
    author: AUTHOR,
    maxAttempts: 3,
    remoteRetries: 1,
    stallSeconds: 60,
  };
  return { repo, repository };
}

/** Sets the dev overlay's tag: the change a bump computes from the tip. */
const setTag = (tag: string) => async () => ({
  files: [{ path: 'overlays/dev/kustomization.yaml', content: overlay(tag) }],
  message: `chore(gitops): bump api to ${tag}`,
  detail: { tag },
});

function outputs(push: GitopsPush<unknown>): Record<string, string> {
  const platform = new RecordingPlatform('/nonexistent', {});
  writeGitopsPushOutputs(platform, push);
  return platform.outputs;
}

describe('pushToGitops', () => {
  test('push mode: commits to the branch; a second run with the same change pushes nothing', async () => {
    const { repo, repository } = setup();
    const platform = new RecordingPlatform(repo.root, {});
    const push = await pushToGitops(platform, { repository, change: setTag('1.1.0'), dryRun: false });
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.1.0').trim());
    expect(repo.tip()).toBe(push.transaction.sha);
    expect(push).toMatchObject({ branch: 'main', pushBranch: 'main', proposed: true, pullRequest: undefined });
    expect(outputs(push)).toEqual({ changed: 'true', 'commit-sha': repo.tip(), 'pull-request-url': '', attempts: '1' });
    expect(gitopsPushStatus(push, WORDING)).toBe(`Pushed \`${repo.tip().slice(0, 12)}\` to \`main\`.`);

    const again = await pushToGitops(platform, { repository, change: setTag('1.1.0'), dryRun: false });
    expect(again.proposed).toBe(false);
    expect(repo.count()).toBe(2);
    expect(gitopsPushStatus(again, WORDING)).toBe(`No change: \`main\` at \`${repo.tip().slice(0, 12)}\` already has these values.`);
  });

  test('dry run: computes the change, pushes nothing, opens no pull request', async () => {
    const { repo, repository } = setup();
    const seed = repo.tip();
    const platform = new RecordingPlatform(repo.root, {}, { forge: () => Promise.reject(new Error('a dry run asks no forge')) });
    const push = await pushToGitops(platform, {
      repository,
      change: setTag('2.0.0'),
      pullRequest: { target: {}, branch: 'aegis/gitops-bump/main/dev-api', body: () => 'never opened' },
      dryRun: true,
    });
    expect(repo.tip()).toBe(seed);
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.0.0').trim());
    expect(push.transaction.change.detail).toEqual({ tag: '2.0.0' });
    expect(push).toMatchObject({ dryRun: true, proposed: false, pullRequest: undefined });
    expect(outputs(push)).toMatchObject({ changed: 'false', 'pull-request-url': '' });
    expect(gitopsPushStatus(push, WORDING)).toBe('Dry run: nothing was pushed. 1 file(s) would change.');
  });

  test('pull-request mode: pushes the proposal branch, opens its pull request, and a rerun only finds it', async () => {
    const { repo, repository } = setup();
    const seed = repo.tip();
    const forge = await startFakeForge('github');
    cleanups.push(() => forge.close());
    const platform = new RecordingPlatform(
      repo.root,
      {},
      { forge: () => loadForge({ kind: 'github', token: TOKEN, apiUrl: forge.apiUrl }) },
    );
    const branch = 'aegis/gitops-bump/main/dev-api';
    const request = {
      repository,
      change: setTag('1.2.0'),
      pullRequest: { target: { forge: 'github' as const, forgeProject: 'org/gitops' }, branch, body: () => 'Bump api to 1.2.0.' },
      dryRun: false,
    };
    const push = await pushToGitops(platform, request);
    expect(repo.tip()).toBe(seed);
    expect(repo.tip(branch)).toBe(push.transaction.sha);
    expect(repo.show('overlays/dev/kustomization.yaml', branch)).toBe(overlay('1.2.0').trim());
    expect(forge.pulls).toHaveLength(1);
    expect(forge.pulls[0]).toMatchObject({
      head: branch,
      base: 'main',
      title: 'chore(gitops): bump api to 1.2.0',
      body: 'Bump api to 1.2.0.',
    });
    expect(push.pullRequest?.created).toBe(true);
    expect(outputs(push)).toEqual({
      changed: 'true',
      'commit-sha': push.transaction.sha,
      'pull-request-url': push.pullRequest?.url,
      attempts: '1',
    });
    expect(gitopsPushStatus(push, WORDING)).toBe(`Pushed \`${push.transaction.sha.slice(0, 12)}\` to \`${branch}\`.`);

    const rerun = await pushToGitops(platform, request);
    expect(rerun.transaction.pendingOnPushBranch).toBe(true);
    expect(rerun).toMatchObject({ proposed: false, pullRequest: { url: push.pullRequest?.url, created: false } });
    expect(forge.pulls).toHaveLength(1);
    expect(gitopsPushStatus(rerun, WORDING)).toBe(
      `\`${branch}\` at \`${push.transaction.sha.slice(0, 12)}\` (pushed by an earlier run) has these values; \`main\` does not yet.`,
    );
  });

  test("a revert (health-gate's change) goes through the same push", async () => {
    const { repo, repository } = setup();
    const platform = new RecordingPlatform(repo.root, {});
    const bump = await pushToGitops(platform, { repository, change: setTag('1.3.0'), dryRun: false });
    const change = revertChange({
      branch: 'main',
      commit: bump.transaction.sha,
      author: AUTHOR,
      log: silentLog,
      reason: 'health-gate verdict: Failed',
    });
    const revert = revertResult((await pushToGitops(platform, { repository, change, dryRun: false })).transaction);
    expect(revert).toMatchObject({ changed: true, reverted: bump.transaction.sha, files: ['overlays/dev/kustomization.yaml'] });
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.0.0').trim());
    expect(repo.message()).toContain(`Aegis-Reverts: ${bump.transaction.sha}`);
  });
});

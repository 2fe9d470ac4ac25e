import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { describeRemote } from '../../src/core/git/remote.js';
import { commitAndPush } from '../../src/core/git/transaction.js';
import { RevertConflictError, revertChange, revertResult } from '../../src/core/health/rollback.js';
import { silentLog } from '../../src/core/log.js';
import { type BareRepo, createBareRepo, git } from '../helpers/git.js';

const AUTHOR = { name: 'aegis-bot', email: 'bot@example.com' };

/** Commits each set of `files` on top of the bare repository's tip, pushes once; returns the commits. */
function pushCommits(repo: BareRepo, commits: Array<[Record<string, string>, string]>): string[] {
  const dir = repo.checkout();
  const shas = commits.map(([files, message]) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
  });
  git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
  return shas;
}

const push = (repo: BareRepo, files: Record<string, string>, message: string) => pushCommits(repo, [[files, message]])[0] as string;

const overlay = (tag: string, comment = '') => `images:\n  - name: api${comment}\n    newTag: "${tag}"\n`;

describe('git-revert of the GitOps commit', () => {
  let repo: BareRepo;
  afterEach(() => repo.cleanup());
  // As pushToGitops runs it (src/stages/gitops-push.ts): the revert as a change of the race-safe transaction.
  const revert = async (commit: string, dryRun = false) =>
    revertResult(
      await commitAndPush(
        { remote: describeRemote(repo.bare, {}, process.cwd()), branch: 'main', author: AUTHOR, maxAttempts: 3, dryRun, log: silentLog },
        revertChange({ branch: 'main', commit, author: AUTHOR, log: silentLog, reason: 'health-gate verdict: Failed' }),
      ),
    );

  test('reaches back through many later commits in the shallow clone', async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0') });
    const bump = push(
      repo,
      { 'overlays/dev/kustomization.yaml': overlay('1.4.3') },
      'bump api\n\nAegis-Image: api=api:1.4.3\nAegis-Previous-Image: api=api:1.0.0',
    );
    pushCommits(
      repo,
      Array.from({ length: 30 }, (_, index): [Record<string, string>, string] => [
        { [`other/file-${index}.txt`]: String(index) },
        `later ${index}`,
      ]),
    );
    const result = await revert(bump.slice(0, 10));
    expect(result).toMatchObject({ changed: true, reverted: bump, files: ['overlays/dev/kustomization.yaml'] });
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.0.0').trimEnd());
    expect(repo.show('other/file-29.txt')).toBe('29');
    expect(repo.message()).toContain(`Aegis-Reverts: ${bump}`);
  });

  test('a dry run computes the revert and pushes nothing', async () => {
    repo = createBareRepo({ 'a.yaml': overlay('1.0.0') });
    const bump = push(repo, { 'a.yaml': overlay('2.0.0') }, 'bump');
    const tip = repo.tip();
    const result = await revert(bump, true);
    expect(result).toMatchObject({ changed: false, dryRun: true, files: ['a.yaml'] });
    expect(repo.tip()).toBe(tip);
  });

  test('a revert that conflicts with a later edit is reported, never forced', async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0') });
    const bump = push(repo, { 'overlays/dev/kustomization.yaml': overlay('1.4.3') }, 'bump to 1.4.3');
    push(repo, { 'overlays/dev/kustomization.yaml': overlay('1.4.4') }, 'bump to 1.4.4');
    const tip = repo.tip();
    const error = await revert(bump).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RevertConflictError);
    expect((error as Error).message).toContain('conflicts with later commits');
    expect((error as Error).message).toContain('overlays/dev/kustomization.yaml');
    expect(repo.tip()).toBe(tip);
  });

  test('a commit that is not on the branch is refused', async () => {
    repo = createBareRepo({ 'a.yaml': 'a: 1\n' });
    await expect(revert('0123456789abcdef0123456789abcdef01234567')).rejects.toThrow('is not in the history of');
  });

  test('reverting content already restored by hand changes nothing', async () => {
    repo = createBareRepo({ 'a.yaml': overlay('1.0.0') });
    const bump = push(repo, { 'a.yaml': overlay('2.0.0') }, 'bump');
    push(repo, { 'a.yaml': overlay('1.0.0') }, 'manual rollback');
    const tip = repo.tip();
    const result = await revert(bump);
    expect(result.changed).toBe(false);
    expect(repo.tip()).toBe(tip);
  });

  test('a person reverted our revert: a rerun notices the bad change is live again and reverts it again', async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0') });
    const bad = push(repo, { 'overlays/dev/kustomization.yaml': overlay('1.4.3') }, 'chore(gitops): bump api to 1.4.3');
    const first = await revert(bad);
    expect(first.changed).toBe(true);
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.0.0').trimEnd());
    // Someone undoes our revert with git itself ("This reverts commit <our revert>.").
    const dir = repo.checkout();
    git(dir, '-c', 'user.name=dev', '-c', 'user.email=dev@example.com', 'revert', '--no-edit', first.sha);
    git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.4.3').trimEnd());

    const again = await revert(bad);
    expect(again.changed).toBe(true);
    expect(again.alreadyRevertedBy).toBeUndefined();
    expect(again.undoneReverts).toEqual([first.sha, git(repo.bare, 'rev-parse', 'main~1')]);
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(overlay('1.0.0').trimEnd());
    expect(repo.count()).toBe(5);

    // Reverted again: a further rerun changes nothing.
    const third = await revert(bad);
    expect(third.changed).toBe(false);
    expect(third.alreadyRevertedBy).toBe(again.sha);
    expect(repo.count()).toBe(5);
  });
});

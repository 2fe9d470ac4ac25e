/** The named operations of src/core/git/git.ts against real git repositories. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CommandError } from '../../src/core/errors.js';
import { Git, mustSucceed } from '../../src/core/git/git.js';
import { createBareRepo, git as gitCli, tempDir } from '../helpers/git.js';

const AUTHOR = { name: 'aegis-test', email: 'test@example.com' };
const repo = createBareRepo({ 'app.yaml': 'image: api:1\n' });
afterAll(() => repo.cleanup());

async function cloneOf(): Promise<Git> {
  const git = new Git(tempDir('aegis-git-ops-'));
  mustSucceed(await git.clone(repo.bare, { branch: 'main' }));
  return git;
}

async function commitFile(git: Git, content: string, message: string): Promise<string> {
  writeFileSync(join(git.dir, 'app.yaml'), content);
  await git.add(['app.yaml']);
  return git.commit(message, AUTHOR);
}

describe('Git named operations (real git)', () => {
  test('commit, log with trailers, resolveCommit, isAncestor, parentCount', async () => {
    const git = await cloneOf();
    const seed = await git.head();
    const sha = await commitFile(git, 'image: api:2\n', 'chore: bump api\n\nAegis-Image: api=api:2\nAegis-Previous-Image: api=api:1\n');
    const [latest] = await git.log({ range: `${seed}..HEAD` });
    expect(latest).toMatchObject({
      sha,
      trailers: [
        { key: 'Aegis-Image', value: 'api=api:2' },
        { key: 'Aegis-Previous-Image', value: 'api=api:1' },
      ],
    });
    expect(await git.log({ range: `${seed}..HEAD`, grep: 'Aegis-Image: api=api:2' })).toHaveLength(1);
    expect(await git.log({ range: `${seed}..HEAD`, grep: 'Aegis-Image: api=api:3' })).toHaveLength(0);
    expect(await git.resolveCommit('HEAD~1')).toBe(seed);
    expect(await git.resolveCommit('--output=/tmp/x')).toBeUndefined();
    expect(await git.resolveCommit('no-such-ref')).toBeUndefined();
    expect(await git.isAncestor(seed, sha)).toBe(true);
    expect(await git.isAncestor(sha, seed)).toBe(false);
    expect(await git.parentCount(sha)).toBe(1);
    expect(await git.message(sha)).toContain('Aegis-Image: api=api:2');
  });

  test('push: a rejection is returned, not thrown; a lease only moves the ref while it is where we saw it', async () => {
    const mine = await cloneOf();
    const theirs = await cloneOf();
    const seen = await mine.head();
    await commitFile(theirs, 'image: api:theirs\n', 'theirs');
    mustSucceed(await theirs.push('origin', ['HEAD:refs/heads/main']));

    await commitFile(mine, 'image: api:mine\n', 'mine');
    const plain = await mine.push('origin', ['HEAD:refs/heads/main'], { porcelain: true });
    expect(plain.ok).toBe(false);
    expect(`${plain.stdout}${plain.stderr}`).toMatch(/rejected|non-fast-forward|fetch first/);

    const leased = await mine.push('origin', ['HEAD:refs/heads/main'], { lease: { ref: 'refs/heads/main', expected: seen } });
    expect(leased.ok).toBe(false);
    expect(repo.show('app.yaml')).toBe('image: api:theirs');
    expect(() => mustSucceed(leased)).toThrow(CommandError);
  });

  test('revert without committing, staged name-status and the staged file; reset leaves it clean', async () => {
    const git = await cloneOf();
    const sha = await commitFile(git, 'image: api:9\n', 'bump to 9');
    expect((await git.revert(sha, { author: AUTHOR })).ok).toBe(true);
    expect(await git.stagedNameStatus()).toEqual(['M\tapp.yaml']);
    expect(await git.hasStagedChanges()).toBe(true);
    expect(await git.showStaged('app.yaml')).not.toContain('api:9');
    await git.resetHard();
    expect(await git.status()).toEqual([]);
  });

  test('fetch and remote refs: a failure is an outcome with the reason', async () => {
    const git = await cloneOf();
    const refs = await git.remoteRefs('origin', ['refs/heads/main'], 'heads');
    expect(refs.refs).toEqual([{ sha: repo.tip(), ref: 'refs/heads/main' }]);
    expect(await git.remoteDefaultBranch('origin')).toBe('main');
    const missing = await git.fetch('origin', ['refs/heads/no-such-branch'], { depth: 1 });
    expect(missing.ok).toBe(false);
    expect(missing.stderr).toMatch(/no-such-branch/);
    expect(gitCli(git.dir, 'rev-parse', '--is-shallow-repository')).toBe('false');
  });
});

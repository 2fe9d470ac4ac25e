import { describe, expect, test } from 'vitest';
import { commitsSince, isUnborn, releaseTags } from '../../src/core/release/history.js';
import { fakeGit } from '../helpers/fake-git.js';

describe('release history over the Git interface (fake git)', () => {
  test('release tags: the prefix, strict semver only, newest version first, merged into HEAD when asked', async () => {
    const git = fakeGit({ tags: async () => ['v1.2.0', 'v1.10.0', 'v1.9.0-rc.1', 'lib-v3.0.0', 'v1.x', 'v2'] });
    expect(await releaseTags(git, 'v', true)).toEqual([
      { tag: 'v1.10.0', version: '1.10.0' },
      { tag: 'v1.9.0-rc.1', version: '1.9.0-rc.1' },
      { tag: 'v1.2.0', version: '1.2.0' },
    ]);
    expect(git.calls).toEqual([{ operation: 'tags', args: [{ mergedIntoHead: true }] }]);
  });

  test('commits since a tag: the range and path asked for, merges left out, parsed as conventional commits', async () => {
    const git = fakeGit({
      log: async () => [{ sha: 'b'.repeat(40), message: 'feat(api)!: drop v1\n\nBREAKING CHANGE: gone\n', trailers: [] }],
    });
    const [commit] = await commitsSince(git, 'v1.2.0', 'libs/shared');
    expect(commit).toMatchObject({ hash: 'b'.repeat(40), type: 'feat', breaking: true });
    expect(git.calls[0]?.args).toEqual([{ range: 'v1.2.0..HEAD', paths: ['libs/shared'], noMerges: true }]);
  });

  test('an unborn HEAD is what resolveCommit cannot resolve', async () => {
    expect(await isUnborn(fakeGit({ resolveCommit: async () => undefined }))).toBe(true);
    expect(await isUnborn(fakeGit({ resolveCommit: async () => 'a'.repeat(40) }))).toBe(false);
  });
});

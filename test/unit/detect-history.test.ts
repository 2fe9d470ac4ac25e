import { describe, expect, test } from 'vitest';
import { History } from '../../src/core/detect/history.js';
import { silentLog } from '../../src/core/log.js';
import { fakeGit, gitOutcome, inTurn } from '../helpers/fake-git.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const noSleep = async () => {};

describe('History over the Git interface (fake git)', () => {
  test('a shallow clone is deepened in doubling steps until the merge base appears', async () => {
    const git = fakeGit({
      mergeBase: inTurn(gitOutcome(1), gitOutcome(1), gitOutcome(0, `${B}\n`)),
      isShallow: async () => true,
      fetch: async () => gitOutcome(0),
    });
    const history = new History(git, silentLog, { remote: 'origin', deepenStep: 10, maxDeepenRounds: 5, sleep: noSleep });
    expect(await history.mergeBase(A, B)).toEqual({ found: true, sha: B });
    const fetches = git.calls.filter((call) => call.operation === 'fetch').map((call) => call.args);
    expect(fetches).toEqual([
      ['origin', [A, B], { deepen: 10, writeFetchHead: false }],
      ['origin', [A, B], { deepen: 20, writeFetchHead: false }],
    ]);
  });

  test('the deepening stops at max-deepen-rounds and says so', async () => {
    const git = fakeGit({ mergeBase: async () => gitOutcome(1), isShallow: async () => true, fetch: async () => gitOutcome(0) });
    const history = new History(git, silentLog, { remote: 'origin', deepenStep: 1, maxDeepenRounds: 2, sleep: noSleep });
    expect(await history.mergeBase(A, B)).toMatchObject({ found: false, cause: 'limit' });
    expect(git.calls.filter((call) => call.operation === 'fetch')).toHaveLength(2);
  });

  test('a complete history without a common commit is unrelated, with no fetch', async () => {
    const git = fakeGit({ mergeBase: async () => gitOutcome(1), isShallow: async () => false });
    const history = new History(git, silentLog, { remote: 'origin', deepenStep: 1, maxDeepenRounds: 2 });
    expect(await history.mergeBase(A, B)).toMatchObject({ found: false, cause: 'unrelated' });
  });

  test("a fetch blocked by another job's lock is retried; another failure is reported", async () => {
    const locked = gitOutcome(128, '', "fatal: Unable to create '/r/.git/shallow.lock': File exists.");
    const git = fakeGit({
      resolveCommit: inTurn(undefined, A),
      isShallow: async () => true,
      fetch: inTurn(locked, locked, gitOutcome(0)),
    });
    const history = new History(git, silentLog, { remote: 'origin', deepenStep: 1, maxDeepenRounds: 1, sleep: noSleep });
    expect(await history.obtain(A)).toBe(true);
    expect(git.calls.filter((call) => call.operation === 'fetch')).toHaveLength(3);
    expect(git.calls.find((call) => call.operation === 'fetch')?.args).toEqual(['origin', [A], { depth: 1, writeFetchHead: false }]);
  });

  test('an unscripted operation fails the test instead of reaching a real repository', async () => {
    const history = new History(fakeGit({}), silentLog, { remote: 'origin', deepenStep: 1, maxDeepenRounds: 1 });
    await expect(history.isShallow()).rejects.toThrow(/'isShallow' was called but not scripted/);
  });
});

/**
 * A fake of the Git interface (src/core/git/git.ts) for unit tests: each named operation a
 * test scripts answers as scripted; any other throws, so a test states every git
 * interaction the code under test has. Every call is recorded in order.
 */
import type { GitOperations, GitOutcome } from '../../src/core/git/git.js';

export interface GitCall {
  operation: string;
  args: unknown[];
}

export type FakeGit = GitOperations & { readonly calls: GitCall[] };

export function fakeGit(script: Partial<GitOperations>, dir = '/fake/repository'): FakeGit {
  const calls: GitCall[] = [];
  return new Proxy({ dir, calls } as unknown as FakeGit, {
    get(target, property) {
      if (property === 'dir' || property === 'calls' || typeof property === 'symbol' || property === 'then') {
        return (target as unknown as Record<string | symbol, unknown>)[property];
      }
      const answer = (script as Record<string, unknown>)[property];
      return (...args: unknown[]) => {
        calls.push({ operation: property, args });
        if (typeof answer !== 'function') throw new Error(`FakeGit: '${property}' was called but not scripted`);
        return answer(...args);
      };
    },
  });
}

/** A GitOutcome as a named operation returns it. */
export function gitOutcome(exitCode: number, stdout = '', stderr = ''): GitOutcome {
  return { ok: exitCode === 0, exitCode, stdout, stderr, args: ['(fake)'] };
}

/** Answers taken in turn, the last one repeated. */
export function inTurn<T>(...answers: T[]): () => Promise<T> {
  let index = 0;
  return async () => answers[Math.min(index++, answers.length - 1)] as T;
}

import { describe, expect, test } from 'vitest';
import type { TransactionResult } from '../../src/core/git/transaction.js';
import { type GitopsPush, gitopsPushStatus, writeGitopsPushOutputs } from '../../src/stages/gitops-push.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const wording = { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' };
const sha = '0123456789abcdef0123456789abcdef01234567';
const twoFiles = [
  { path: 'a.yaml', content: 'a' },
  { path: 'b.yaml', content: 'b' },
];

function push(overrides: Partial<TransactionResult<unknown>>, dryRun: boolean): GitopsPush<unknown> {
  const transaction = {
    changed: false,
    sha,
    attempts: 1,
    dryRun,
    change: { files: twoFiles, message: 'chore: bump', detail: {} },
    ...overrides,
  };
  return { transaction, branch: 'main', pushBranch: 'main', dryRun, proposed: transaction.changed };
}

// The push report gitops-bump and promote share: the status line and the outputs they both write.
describe('gitopsPushStatus and writeGitopsPushOutputs (push mode)', () => {
  test.each([
    ['dry run', {}, true, 'Dry run: nothing was pushed. 2 file(s) would change.', 'false'],
    ['pushed', { changed: true }, false, 'Pushed `0123456789ab` to `main`.', 'true'],
    ['pushed after a race', { changed: true, attempts: 3 }, false, 'Pushed `0123456789ab` to `main` after 3 attempts.', 'true'],
    [
      'pending on the proposal branch',
      { pendingOnPushBranch: true },
      false,
      '`main` at `0123456789ab` (pushed by an earlier run) has these values; `main` does not yet.',
      'false',
    ],
    ['no change', {}, false, 'No change: `main` at `0123456789ab` already has these values.', 'false'],
  ] as const)('%s', (_name, overrides, dryRun, status, changed) => {
    const platform = new RecordingPlatform('/nonexistent', {});
    const result = push(overrides, dryRun);
    expect(gitopsPushStatus(result, wording)).toBe(status);
    writeGitopsPushOutputs(platform, result);
    expect(platform.outputs).toEqual({
      changed,
      'commit-sha': sha,
      'pull-request-url': '',
      attempts: String((overrides as Partial<TransactionResult<unknown>>).attempts ?? 1),
    });
  });
});

import { describe, expect, test } from 'vitest';
import type { TransactionResult } from '../../src/core/git/transaction.js';
import { type GitopsRepository, reportGitopsPush } from '../../src/stages/gitops-repository.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const repository: GitopsRepository = {
  url: 'https://git.example/acme/gitops.git',
  branch: 'main',
  credentials: {},
  acceptNewHostKeys: false,
  author: { name: 'aegis', email: 'aegis@example.com' },
  maxAttempts: 3,
  remoteRetries: 3,
  stallSeconds: 60,
};
const wording = { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' };
const sha = '0123456789abcdef0123456789abcdef01234567';

function result(overrides: Partial<TransactionResult<unknown>>): TransactionResult<unknown> {
  return { changed: false, sha, attempts: 1, dryRun: false, change: { files: [], message: 'chore: bump', detail: {} }, ...overrides };
}

// The push-and-report block gitops-bump and promote share: the status line and the outputs they both write.
describe('reportGitopsPush (push mode)', () => {
  test.each([
    ['dry run', { dryRun: true }, true, 'Dry run: nothing was pushed. 2 file(s) would change.', 'false'],
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
  ] as const)('%s', async (_name, overrides, dryRun, status, changed) => {
    const platform = new RecordingPlatform('/nonexistent', {});
    const report = await reportGitopsPush(platform, repository, {
      result: result(overrides),
      pushBranch: 'main',
      mode: 'push',
      pullRequest: {},
      dryRun,
      body: () => {
        throw new Error('push mode opens no pull request');
      },
      wording,
      files: 2,
    });
    expect(report.status).toBe(status);
    expect(platform.outputs).toEqual({
      changed,
      'commit-sha': sha,
      'pull-request-url': '',
      attempts: String((overrides as Partial<TransactionResult<unknown>>).attempts ?? 1),
    });
  });
});

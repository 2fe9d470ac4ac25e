import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateDir, removePrivateDir } from '../cleanup.js';
import { AegisError } from '../errors.js';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomic.js';
import { Git, type Identity, isRaceRejection, mustSucceed } from './git.js';
import type { Remote } from './remote.js';
import { DEFAULT_RETRIES, type RetryOptions, remoteFailureText, retryTransient } from './remote-failure.js';

export interface FileWrite {
  /** Path relative to the repository root. */
  path: string;
  content: string;
}

/** What one attempt wants to commit. `files` empty means the repository already says this. */
export interface Change<T> {
  files: FileWrite[];
  message: string;
  /** Whatever the caller wants back (the plan, the values replaced). */
  detail: T;
}

export interface TransactionOptions {
  remote: Remote;
  /** The branch read from; also pushed to unless `pushBranch` is set. */
  branch: string;
  /** Pull-request mode: the branch the commit goes to, built on its own tip when it exists. */
  pushBranch?: string;
  author: Identity;
  maxAttempts: number;
  dryRun?: boolean;
  log: Log;
  /** Backoff between attempts: full jitter over min(maxMs, baseMs·2^(n-1)). */
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  /** Connection failures and 5xx of clone, fetch and push: attempts and backoff. */
  retries?: RetryOptions;
}

export interface TransactionResult<T> {
  changed: boolean;
  /** The pushed commit, or the tip that already held the change. */
  sha: string;
  attempts: number;
  /** The change as planned on the last attempt (also on dry runs and no-ops). */
  change: Change<T>;
  dryRun: boolean;
  /**
   * Pull-request mode: the push branch already holds the change but the base branch does not
   * (pushed by an earlier run whose pull request was never opened). `change` is then the change
   * as planned against the base, i.e. what the pull request proposes.
   */
  pendingOnPushBranch?: boolean;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Backoff before retrying a push lost to a race: full jitter over min(maxMs, baseMs·2^(attempt-1)). */
export const DEFAULT_BACKOFF = { baseMs: 50, maxMs: 1000 };
export function raceBackoffMs(attempt: number, backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1)));
}

/**
 * Commit-and-push that survives concurrent writers: clone the tip, let `prepare` compute the
 * change from what is there, commit, push; when the push loses a race, fetch the new tip and
 * call `prepare` again so the *semantic* edit is re-applied — never a force push, never a
 * replayed diff. `prepare` must not write; it may throw to abort before anything is written.
 */
export async function commitAndPush<T>(
  options: TransactionOptions,
  prepare: (checkout: { dir: string; git: Git; attempt: number }) => Promise<Change<T>>,
): Promise<TransactionResult<T>> {
  const { remote, branch, log } = options;
  const pushBranch = options.pushBranch ?? branch;
  const dir = createPrivateDir(tmpdir(), 'aegis-gitops-');
  const git = new Git(dir, remote.env);

  try {
    const retries: RetryOptions = {
      ...DEFAULT_RETRIES,
      ...options.retries,
      onRetry: (n, ms, why) => log.info(`${remote.url} did not answer (${why}); attempt ${n + 1} in ${ms} ms.`),
    };
    const cloned = await retryTransient(() => git.clone(remote.url, { branch, depth: 1 }), retries);
    if (!cloned.ok) {
      throw new AegisError(`Could not clone branch '${branch}' of ${remote.url}: ${remoteFailureText(cloned.stderr)}`);
    }

    for (let attempt = 1; ; attempt++) {
      const onPushBranch = attempt > 1 || pushBranch !== branch ? (await syncToTip(git, branch, pushBranch, retries)) !== branch : false;
      const change = await prepare({ dir, git, attempt });
      const tip = await git.head();
      if (change.files.length === 0 && onPushBranch) {
        // Already on the push branch: is it also on the base? If not, it still needs its pull request.
        await git.resetHard(`refs/remotes/origin/${branch}`);
        const onBase = await prepare({ dir, git, attempt });
        if (onBase.files.length > 0) {
          return {
            changed: false,
            sha: tip,
            attempts: attempt,
            change: onBase,
            dryRun: Boolean(options.dryRun),
            pendingOnPushBranch: true,
          };
        }
      }
      if (change.files.length === 0 || options.dryRun) {
        return { changed: false, sha: tip, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
      }

      for (const file of change.files) writeFileAtomic(join(dir, file.path), file.content);
      await git.add(change.files.map((file) => file.path));
      if (!(await git.hasStagedChanges())) {
        // The edit produced identical bytes (the caller reported a change that is not one).
        return { changed: false, sha: tip, attempts: attempt, change, dryRun: false };
      }
      const sha = await git.commit(change.message, options.author);

      const push = await retryTransient(() => git.push('origin', [`HEAD:refs/heads/${pushBranch}`], { porcelain: true }), retries);
      if (push.ok) {
        log.info(`Pushed ${sha.slice(0, 12)} to ${pushBranch}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
        return { changed: true, sha, attempts: attempt, change, dryRun: false };
      }
      const reason = `${push.stdout}\n${push.stderr}`;
      if (!isRaceRejection(reason)) {
        // The remote's own words (a hook's message, the status line), not a guess.
        throw new AegisError(`Push to ${pushBranch} failed: ${remoteFailureText(`${push.stderr}\n${push.stdout}`, 6)}`);
      }
      if (attempt >= options.maxAttempts) {
        throw new AegisError(
          `Push to ${pushBranch} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${options.maxAttempts}). Nothing was force-pushed.`,
        );
      }
      const delay = raceBackoffMs(attempt, options.backoff, options.random);
      log.info(`Push to ${pushBranch} lost a race (attempt ${attempt}/${options.maxAttempts}); re-applying on the new tip in ${delay} ms.`);
      await sleep(delay);
    }
  } finally {
    removePrivateDir(dir);
  }
}

/** Moves the clone to the newest tip of the push branch when it exists, else of the base branch; returns which. */
async function syncToTip(git: Git, branch: string, pushBranch: string, retries: RetryOptions): Promise<string> {
  let target = branch;
  if (pushBranch !== branch) {
    const exists = await retryTransient(() => git.remoteRefs('origin', [`refs/heads/${pushBranch}`], 'heads'), retries);
    if (exists.ok && exists.refs.length > 0) target = pushBranch;
  }
  mustSucceed(
    await retryTransient(() => git.fetch('origin', [`+refs/heads/${target}:refs/remotes/origin/${target}`], { depth: 1 }), retries),
  );
  await git.resetHard(`refs/remotes/origin/${target}`);
  return target;
}

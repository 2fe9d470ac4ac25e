import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AegisError } from '../errors.js';
import type { Log } from '../log.js';
import { writeFileAtomic } from './atomic.js';
import { Git, type Identity, isRaceRejection, mustSucceed } from './git.js';
import type { Remote } from './remote.js';

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
}

export interface TransactionResult<T> {
  changed: boolean;
  /** The pushed commit, or the tip that already held the change. */
  sha: string;
  attempts: number;
  /** The change as planned on the last attempt (also on dry runs and no-ops). */
  change: Change<T>;
  dryRun: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  const backoff = options.backoff ?? { baseMs: 50, maxMs: 1000 };
  const random = options.random ?? Math.random;
  const dir = mkdtempSync(join(tmpdir(), 'aegis-gitops-'));
  const git = new Git(dir, remote.env);

  try {
    const cloned = await git.clone(remote.url, { branch, depth: 1 });
    if (!cloned.ok) {
      throw new AegisError(`Could not clone branch '${branch}' of ${remote.url}: ${cloned.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }

    for (let attempt = 1; ; attempt++) {
      if (attempt > 1 || pushBranch !== branch) await syncToTip(git, branch, pushBranch);
      const change = await prepare({ dir, git, attempt });
      const tip = await git.head();
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

      const push = await git.push('origin', [`HEAD:refs/heads/${pushBranch}`], { porcelain: true });
      if (push.ok) {
        log.info(`Pushed ${sha.slice(0, 12)} to ${pushBranch}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
        return { changed: true, sha, attempts: attempt, change, dryRun: false };
      }
      const reason = `${push.stdout}\n${push.stderr}`;
      if (!isRaceRejection(reason)) {
        throw new AegisError(`Push to ${pushBranch} failed: ${push.stderr.trim().split('\n').slice(-3).join(' ')}`);
      }
      if (attempt >= options.maxAttempts) {
        throw new AegisError(
          `Push to ${pushBranch} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${options.maxAttempts}). Nothing was force-pushed.`,
        );
      }
      const delay = Math.round(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1)));
      log.info(`Push to ${pushBranch} lost a race (attempt ${attempt}/${options.maxAttempts}); re-applying on the new tip in ${delay} ms.`);
      await sleep(delay);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Moves the clone to the newest tip of the push branch when it exists, else of the base branch. */
async function syncToTip(git: Git, branch: string, pushBranch: string): Promise<void> {
  let target = branch;
  if (pushBranch !== branch) {
    const exists = await git.remoteRefs('origin', [`refs/heads/${pushBranch}`], 'heads');
    if (exists.ok && exists.refs.length > 0) target = pushBranch;
  }
  mustSucceed(await git.fetch('origin', [`+refs/heads/${target}:refs/remotes/origin/${target}`], { depth: 1 }));
  await git.resetHard(`refs/remotes/origin/${target}`);
}

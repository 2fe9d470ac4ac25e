import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrivateDir, removePrivateDir } from '../cleanup.js';
import { AegisError } from '../errors.js';
import type { Log } from '../log.js';
import { neutralizeLogText } from '../markdown.js';
import { writeFileAtomic } from './atomic.js';
import { Git, type GitOutcome, type Identity, isRaceRejection, mustSucceed } from './git.js';
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
  /**
   * Pull-request mode: the proposal branch the commit goes to. It is rebuilt on every run as
   * one commit on the base tip and pushed with a lease on this branch only.
   */
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
   * Pull-request mode: the proposal branch already holds exactly the base plus this change
   * (same tree), so nothing was pushed; the base does not have it yet. `sha` is the proposal
   * tip, `change` the change as planned against the base, i.e. what the pull request proposes.
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
 * With a `pushBranch` (pull-request mode) see rebuildProposal.
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

    if (pushBranch !== branch) return await rebuildProposal(options, pushBranch, { dir, git, retries }, prepare);

    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) await syncToTip(git, branch, retries);
      const change = await prepare({ dir, git, attempt });
      const tip = await git.head();
      if (change.files.length === 0 || options.dryRun) {
        return { changed: false, sha: tip, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
      }

      const sha = await commitChange(git, dir, change, options.author);
      if (!sha) return { changed: false, sha: tip, attempts: attempt, change, dryRun: false };

      const push = await retryTransient(() => git.push('origin', [`HEAD:refs/heads/${branch}`], { porcelain: true }), retries);
      if (push.ok) {
        log.info(`Pushed ${sha.slice(0, 12)} to ${branch}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
        return { changed: true, sha, attempts: attempt, change, dryRun: false };
      }
      assertRaceLost(push, branch, attempt, options.maxAttempts);
      const delay = raceBackoffMs(attempt, options.backoff, options.random);
      log.info(`Push to ${branch} lost a race (attempt ${attempt}/${options.maxAttempts}); re-applying on the new tip in ${delay} ms.`);
      await sleep(delay);
    }
  } finally {
    removePrivateDir(dir);
  }
}

/**
 * Pull-request mode. The proposal is always the base tip plus one commit of the semantic edit,
 * planned against the base (so "current" values are the base's, never a stale proposal's), and
 * pushed with `--force-with-lease` on the proposal branch only: the lease is the proposal tip
 * read before planning, or "must not exist". The base branch is only read.
 *
 * A rebuilt commit whose tree equals the proposal tip's is not pushed (a rerun changes nothing).
 * A lost lease means someone pushed to the proposal branch after we read it: when that tip is
 * another run of ours (same author), the proposal is rebuilt from scratch on the newest tips;
 * a commit by anyone else is never overwritten unseen — the run fails with ProposalBranchMoved.
 */
async function rebuildProposal<T>(
  options: TransactionOptions,
  proposal: string,
  checkout: { dir: string; git: Git; retries: RetryOptions },
  prepare: (checkout: { dir: string; git: Git; attempt: number }) => Promise<Change<T>>,
): Promise<TransactionResult<T>> {
  const { branch, log } = options;
  const { dir, git, retries } = checkout;
  for (let attempt = 1; ; attempt++) {
    const leased = await fetchProposalTip(git, proposal, retries);
    await syncToTip(git, branch, retries);
    const base = await git.head();
    const change = await prepare({ dir, git, attempt });
    if (change.files.length === 0 || options.dryRun) {
      return { changed: false, sha: base, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
    }
    const sha = await commitChange(git, dir, change, options.author);
    if (!sha) return { changed: false, sha: base, attempts: attempt, change, dryRun: false };

    if (leased && (await git.tree(sha)) === (await git.tree(leased))) {
      log.info(`${proposal} at ${leased.slice(0, 12)} already proposes this change on ${branch}; nothing pushed.`);
      return { changed: false, sha: leased, attempts: attempt, change, dryRun: false, pendingOnPushBranch: true };
    }
    const lease = { ref: `refs/heads/${proposal}`, expected: leased ?? '' };
    const push = await retryTransient(() => git.push('origin', [`HEAD:refs/heads/${proposal}`], { porcelain: true, lease }), retries);
    if (push.ok) {
      log.info(
        `Pushed ${sha.slice(0, 12)} to ${proposal}: ${branch} at ${base.slice(0, 12)} plus this change${leased ? `, replacing ${leased.slice(0, 12)}` : ''}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`,
      );
      return { changed: true, sha, attempts: attempt, change, dryRun: false };
    }
    assertRaceLost(push, proposal, attempt, options.maxAttempts);
    const moved = await fetchProposalTip(git, proposal, retries);
    if (moved) {
      const author = await git.commitAuthor(moved);
      if (author.name !== options.author.name || author.email !== options.author.email) {
        throw new ProposalBranchMoved(proposal, leased, moved, author);
      }
    }
    const delay = raceBackoffMs(attempt, options.backoff, options.random);
    log.info(
      `${proposal} moved while this run rebuilt it (attempt ${attempt}/${options.maxAttempts}); rebuilding on the newest tips in ${delay} ms.`,
    );
    await sleep(delay);
  }
}

/** Someone other than this bot pushed to the proposal branch between our read and our push. */
export class ProposalBranchMoved extends AegisError {
  override name = 'ProposalBranchMoved';
  constructor(branch: string, expected: string | undefined, found: string, author: Identity) {
    super(
      `${branch} moved while this run rebuilt it: it was ${expected ? `at ${expected.slice(0, 12)}` : 'absent'}, now ${found.slice(0, 12)} by ${neutralizeLogText(author.name)} <${neutralizeLogText(author.email)}>. Nothing was pushed; that commit is not overwritten. Rerun to rebuild the proposal on the base branch (it replaces the branch).`,
    );
  }
}

/** Writes, stages and commits the change; undefined when the bytes are already there. */
async function commitChange<T>(git: Git, dir: string, change: Change<T>, author: Identity): Promise<string | undefined> {
  for (const file of change.files) writeFileAtomic(join(dir, file.path), file.content);
  await git.add(change.files.map((file) => file.path));
  // Identical bytes: the caller reported a change that is not one.
  if (!(await git.hasStagedChanges())) return undefined;
  return git.commit(change.message, author);
}

/** A rejected push: returns when another writer won the race and attempts remain, else throws. */
function assertRaceLost(push: GitOutcome, branch: string, attempt: number, maxAttempts: number): void {
  if (!isRaceRejection(`${push.stdout}\n${push.stderr}`)) {
    // The remote's own words (a hook's message, the status line), not a guess.
    throw new AegisError(`Push to ${branch} failed: ${remoteFailureText(`${push.stderr}\n${push.stdout}`, 6)}`);
  }
  if (attempt >= maxAttempts) {
    throw new AegisError(
      `Push to ${branch} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${maxAttempts}). Nothing was force-pushed.`,
    );
  }
}

/** Fetches the proposal branch's tip into refs/remotes/origin/<branch>; undefined when the branch does not exist. */
async function fetchProposalTip(git: Git, proposal: string, retries: RetryOptions): Promise<string | undefined> {
  const ref = `refs/heads/${proposal}`;
  const listed = mustSucceed(await retryTransient(() => git.remoteRefs('origin', [ref], 'heads'), retries));
  if (!listed.refs.some((entry) => entry.ref === ref)) return undefined;
  mustSucceed(await retryTransient(() => git.fetch('origin', [`+${ref}:refs/remotes/origin/${proposal}`], { depth: 1 }), retries));
  return await git.resolveCommit(`refs/remotes/origin/${proposal}`);
}

/** Moves the clone to the newest tip of `branch`. */
async function syncToTip(git: Git, branch: string, retries: RetryOptions): Promise<void> {
  mustSucceed(
    await retryTransient(() => git.fetch('origin', [`+refs/heads/${branch}:refs/remotes/origin/${branch}`], { depth: 1 }), retries),
  );
  await git.resetHard(`refs/remotes/origin/${branch}`);
}

import { type ArgoApplication, fetchArgoApplication, postArgoRollback, sameRevision } from '../argocd.js';
import { AegisError } from '../errors.js';
import type { GitOperations, Identity } from '../git/git.js';
import { remoteFailureText } from '../git/remote-failure.js';
import { parseTrailers, type Trailer } from '../git/trailers.js';
import type { Change, FileWrite, TransactionResult } from '../git/transaction.js';
import { buildCommitMessage, TRAILER } from '../gitops/commit-message.js';
import type { Fetch } from '../http.js';
import type { Log } from '../log.js';
import { run } from '../process.js';
import type { ArgoCdCheck, KubernetesCheck } from './checks.js';
import { kubectlTarget } from './provider/kubernetes.js';

export type RollbackMethod = 'git-revert' | 'argocd' | 'kubectl' | 'none';

/** A revert would overwrite later commits' edits: a person decides, nothing is forced. */
export class RevertConflictError extends AegisError {
  override name = 'RevertConflictError';
  constructor(
    readonly commit: string,
    readonly branch: string,
    readonly files: string[],
  ) {
    super(
      `Reverting ${commit.slice(0, 12)} conflicts with later commits on '${branch}' (${files.join(', ') || 'unknown files'}). ` +
        'Nothing was pushed and nothing was forced: revert it by hand, or roll forward.',
    );
  }
}

/** What a revert needs besides the transaction: the branch, the commit, why, and the run recorded. */
export interface RevertRequest {
  branch: string;
  /** The commit to revert (full or abbreviated SHA), normally the gitops-bump or promote commit. */
  commit: string;
  author: Identity;
  log: Log;
  /** Why (the verdict and the check that decided), written into the commit body. */
  reason: string;
  sourceRun?: string;
}

export interface GitRevertResult {
  changed: boolean;
  /** The revert commit pushed (or the tip that already holds the revert). */
  sha: string;
  /** The full SHA of the reverted commit. */
  reverted: string;
  /** A commit already reverting it (Aegis-Reverts trailer), when that is why nothing changed. */
  alreadyRevertedBy?: string;
  /** Earlier reverts that were undone by later commits, so the change was live again. */
  undoneReverts: string[];
  files: string[];
  attempts: number;
  dryRun: boolean;
  message: string;
}

export interface RevertDetail {
  reverted: string;
  alreadyRevertedBy?: string;
  /** Earlier reverts of it that were themselves undone (the change came back). */
  undoneReverts?: string[];
  files: string[];
}

/**
 * The revert as a change for the race-safe transaction (commitAndPush): computed again on each
 * attempt from the tip. Idempotent: a commit already reverted (by a commit with
 * `Aegis-Reverts: <sha>`, or by content) is not reverted twice.
 */
export function revertChange(request: RevertRequest): (checkout: { git: GitOperations }) => Promise<Change<RevertDetail>> {
  return ({ git }) => prepareRevert(git, request);
}

/** The transaction's result as a revert's. */
export function revertResult(result: TransactionResult<RevertDetail>): GitRevertResult {
  const detail = result.change.detail;
  return {
    changed: result.changed,
    sha: result.sha,
    reverted: detail.reverted,
    alreadyRevertedBy: detail.alreadyRevertedBy,
    undoneReverts: detail.undoneReverts ?? [],
    files: detail.files,
    attempts: result.attempts,
    dryRun: result.dryRun,
    message: result.change.message,
  };
}

async function prepareRevert(git: GitOperations, options: RevertRequest): Promise<Change<RevertDetail>> {
  const reverted = await fetchHistoryTo(git, options.commit, options.branch);
  // Each commit undoing the previous one: our revert, a person's revert of our revert, ...
  // An odd chain means the change is reverted now; an even one (≥ 2) that it is live again.
  const chain = await revertChain(git, reverted);
  if (chain.length % 2 === 1) {
    const by = chain[chain.length - 1] as string;
    options.log.info(`${reverted.slice(0, 12)} was already reverted by ${by.slice(0, 12)}; nothing to do.`);
    return { files: [], message: '', detail: { reverted, alreadyRevertedBy: by, files: [] } };
  }
  if (chain.length > 0) {
    options.log.warning(
      `${reverted.slice(0, 12)} was reverted by ${(chain[0] as string).slice(0, 12)}, but ${chain
        .slice(1)
        .map((sha) => sha.slice(0, 12))
        .join(' then ')} undid that: the change is live again on '${options.branch}'. Reverting it again.`,
    );
  }

  const mainline = (await git.parentCount(reverted)) > 1 ? 1 : undefined;
  const attempt = await git.revert(reverted, { mainline, author: options.author });
  if (!attempt.ok) {
    const conflicted = await git.conflictedFiles();
    await git.abortRevert();
    await git.resetHard();
    if (conflicted.length > 0) throw new RevertConflictError(reverted, options.branch, conflicted);
    throw new AegisError(`git revert ${reverted.slice(0, 12)} failed: ${remoteFailureText(attempt.stderr)}`);
  }

  // The transaction writes and commits files itself: take the reverted contents, then leave the checkout clean.
  // --no-renames: a rename shows as a delete plus an add, so the delete guard below sees it.
  const status = await git.stagedNameStatus();
  const deleted = status.filter((line) => line.startsWith('D')).map((line) => line.slice(1).trim());
  if (deleted.length > 0) {
    await git.resetHard();
    throw new AegisError(
      `Reverting ${reverted.slice(0, 12)} would delete ${deleted.join(', ')}; health-gate reverts edits only. Revert it by hand.`,
    );
  }
  const paths = status.map((line) => line.split('\t').pop() as string);
  const files: FileWrite[] = [];
  for (const path of paths) files.push({ path, content: await git.showStaged(path) });
  await git.resetHard();
  if (files.length === 0)
    options.log.info(`The tip of '${options.branch}' already has the content from before ${reverted.slice(0, 12)}; nothing to revert.`);

  const original = await git.message(reverted);
  return { files, message: revertMessage(original, reverted, options), detail: { reverted, files: paths, undoneReverts: chain } };
}

/**
 * The commits that revert `commit`, then revert that revert, and so on: found by our
 * `Aegis-Reverts:` trailer or by git's own "This reverts commit <sha>." line.
 */
async function revertChain(git: GitOperations, commit: string): Promise<string[]> {
  const chain: string[] = [];
  let current = commit;
  for (let depth = 0; depth < 20; depth++) {
    // While the change is live (even chain), a new revert of the commit itself also ends it again.
    const targets = chain.length % 2 === 0 && current !== commit ? [current, commit] : [current];
    const patterns = targets.flatMap((target) => [`${TRAILER.reverts}: ${target}`, `This reverts commit ${target}`]);
    const later = (await git.log({ range: `${current}..HEAD` })).reverse();
    const next = later.find((entry) => patterns.some((pattern) => entry.message.includes(pattern)))?.sha;
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

/**
 * Fetches history until `commit` and its parent are in the shallow clone and `commit` is
 * known to be on `branch`; returns its full SHA.
 */
async function fetchHistoryTo(git: GitOperations, commit: string, branch: string): Promise<string> {
  const present = async () => {
    if ((await git.resolveCommit(`${commit}^1`)) === undefined) return false;
    const full = await git.resolveCommit(commit);
    return full !== undefined && (await git.isAncestor(full, 'HEAD'));
  };
  for (const depth of [20, 200, 2000]) {
    if (await present()) break;
    await git.fetch('origin', [branch], { deepen: depth });
  }
  if (!(await present())) {
    await git.fetch('origin', [branch], { unshallow: true });
  }
  const full = await git.resolveCommit(commit);
  if (full === undefined) throw new AegisError(`Commit ${commit} (rollback-commit) is not in the history of '${branch}'.`);
  if (!(await git.isAncestor(full, 'HEAD'))) {
    throw new AegisError(`Commit ${commit} (rollback-commit) is not on branch '${branch}'.`);
  }
  if ((await git.resolveCommit(`${full}^1`)) === undefined) {
    throw new AegisError(`Commit ${commit} (rollback-commit) has no parent: the first commit of a repository cannot be reverted.`);
  }
  return full;
}

/**
 * `Revert "<subject>"`, the reason, and trailers read back from the reverted commit with
 * image and value pairs swapped: what it set becomes the previous value, what it replaced
 * is what runs again.
 */
export function revertMessage(original: string, reverted: string, options: Pick<RevertRequest, 'reason' | 'sourceRun'>): string {
  const subject = original.split('\n')[0]?.trim() || reverted.slice(0, 12);
  const swapped: Trailer[] = [];
  const kept: Trailer[] = [];
  for (const trailer of parseTrailers(original)) {
    if (trailer.key === TRAILER.previousImage) swapped.push({ key: TRAILER.image, value: trailer.value });
    else if (trailer.key === TRAILER.image) swapped.push({ key: TRAILER.previousImage, value: trailer.value });
    else if (trailer.key === TRAILER.previousValue) swapped.push({ key: TRAILER.value, value: trailer.value });
    else if (trailer.key === TRAILER.value) swapped.push({ key: TRAILER.previousValue, value: trailer.value });
    else if (trailer.key === TRAILER.environment) kept.push(trailer);
  }
  const trailers: Trailer[] = [{ key: TRAILER.reverts, value: reverted }, ...swapped, ...kept];
  if (options.sourceRun) trailers.push({ key: TRAILER.sourceRun, value: options.sourceRun });
  trailers.push({ key: TRAILER.stage, value: 'health-gate' });
  return buildCommitMessage(`Revert "${subject}"`, `This reverts commit ${reverted}.\n\n${options.reason}`, trailers);
}

export interface ArgoRollbackResult {
  application: string;
  historyId: number;
  revision?: string;
  autoSync: boolean;
  dryRun: boolean;
}

/**
 * Argo CD's history rollback (POST /api/v1/applications/{name}/rollback) to the deployment
 * before `spec.revision`. Argo CD refuses it while automated sync is on — and with auto-sync
 * the next sync would bring the bad commit back from Git anyway — so that is warned about;
 * git-revert is the rollback that keeps Git and the cluster in step.
 */
export async function argoRollback(
  spec: ArgoCdCheck,
  options: { historyId?: number; dryRun: boolean; log: Log; fetch?: Fetch },
): Promise<ArgoRollbackResult> {
  const app: ArgoApplication = await fetchArgoApplication(spec, { fetch: options.fetch });
  const autoSync = Boolean(app.spec?.syncPolicy?.automated);
  if (autoSync) {
    options.log.warning(
      `Argo CD application '${spec.application}' has automated sync: Argo CD refuses a history rollback while it is on, and a later sync would re-apply the bad commit from Git. Prefer rollback: git-revert.`,
    );
  }
  const entry = pickHistoryEntry(app, spec.revision, options.historyId);
  const revision = entry.revision ?? entry.revisions?.[0];
  options.log.info(`Argo CD rollback of '${spec.application}' to history id ${entry.id}${revision ? ` (${revision.slice(0, 12)})` : ''}.`);
  if (!options.dryRun) await postArgoRollback(spec, entry.id as number, { fetch: options.fetch });
  return { application: spec.application, historyId: entry.id as number, revision, autoSync, dryRun: options.dryRun };
}

/** The history entry to go back to: the one given, else the last deployment before `revision`. */
export function pickHistoryEntry(app: ArgoApplication, revision: string, historyId?: number) {
  const history = [...(app.status?.history ?? [])]
    .filter((entry) => typeof entry.id === 'number')
    .sort((a, b) => (a.id as number) - (b.id as number));
  if (historyId !== undefined) {
    const entry = history.find((candidate) => candidate.id === historyId);
    if (!entry) throw new AegisError(`Argo CD history of '${app.metadata?.name ?? 'the application'}' has no id ${historyId}.`);
    return entry;
  }
  const revisionOf = (entry: (typeof history)[number]) => entry.revision ?? entry.revisions?.[0];
  const bad = history.findLastIndex((entry) => sameRevision(revisionOf(entry), revision));
  const before = (bad === -1 ? history : history.slice(0, bad)).filter((entry) => !sameRevision(revisionOf(entry), revision));
  const entry = before[before.length - 1];
  if (!entry) throw new AegisError(`Argo CD history has no deployment before ${revision.slice(0, 12)} to roll back to.`);
  return entry;
}

/** `kubectl rollout undo deployment/<name>` with the check's namespace, context and kubeconfig. */
export function kubectlUndoArgs(spec: KubernetesCheck): string[] {
  return ['rollout', 'undo', `deployment/${spec.deployment}`, ...kubectlTarget(spec)];
}

export async function kubectlUndo(spec: KubernetesCheck, options: { dryRun: boolean; log: Log }): Promise<string> {
  const args = kubectlUndoArgs(spec);
  options.log.info(`kubectl ${args.join(' ')}${options.dryRun ? ' (dry run: not run)' : ''}`);
  if (options.dryRun) return '';
  const result = await run('kubectl', args, { allowFailure: true });
  if (result.exitCode !== 0)
    throw new AegisError(`kubectl ${args.slice(0, 3).join(' ')} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return result.stdout.trim();
}

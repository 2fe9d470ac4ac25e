import { AegisError, InputError } from '../core/errors.js';
import type { Git } from '../core/git/git.js';
import { forgeProjectPath, type Remote } from '../core/git/remote.js';
import { type Change, commitAndPush, type TransactionResult } from '../core/git/transaction.js';
import { neutralizeLogText } from '../core/markdown.js';
import type { Platform, PullRequestResult } from '../platform/types.js';
import type { OutputSpec } from './definition.js';
import { type GitopsRepository, type PullRequestTarget, withGitopsRemote } from './gitops-repository.js';

// The one way a stage writes to the GitOps repository (gitops-bump, promote, health-gate's
// revert): the race-safe transaction with the repository's settings, then, in pull-request
// mode, the pull/merge request; and the outputs and summary line every such stage shares.

export interface GitopsPushRequest<T> {
  repository: GitopsRepository;
  /** The remote, when the stage already has it open (promote reads its source through it); else opened for this push. */
  remote?: Remote;
  /** Computes the change from the tip, again on every attempt: a file edit, or core's revertChange. */
  change: (checkout: { dir: string; git: Git; attempt: number }) => Promise<Change<T>>;
  /** Pull-request mode: the change goes to `branch`, then its PR/MR is opened or updated. Without it the change is pushed to the repository's branch. */
  pullRequest?: { target: PullRequestTarget; branch: string; body: (result: TransactionResult<T>) => string };
  dryRun: boolean;
  /** Log group around the transaction. */
  group?: string;
}

export interface GitopsPush<T> {
  transaction: TransactionResult<T>;
  /** The base branch, and the branch pushed to (the proposal branch in pull-request mode). */
  branch: string;
  pushBranch: string;
  dryRun: boolean;
  /** The PR/MR opened, updated or found open (pull-request mode, not on dry runs). */
  pullRequest?: PullRequestResult;
  /** The base gains a change: a commit was pushed, or a branch an earlier run pushed got its request now. */
  proposed: boolean;
}

/** Commits and pushes the change to the GitOps repository, and in pull-request mode opens or updates its PR/MR. */
export async function pushToGitops<T>(platform: Platform, request: GitopsPushRequest<T>): Promise<GitopsPush<T>> {
  const { repository, dryRun } = request;
  const { log } = platform;
  const { pullRequest } = request;
  const pushBranch = pullRequest?.branch ?? repository.branch;
  const push = (remote: Remote) => {
    const transaction = () =>
      commitAndPush<T>(
        {
          remote,
          branch: repository.branch,
          pushBranch,
          author: repository.author,
          maxAttempts: repository.maxAttempts,
          retries: { attempts: repository.remoteRetries, baseMs: 1000 },
          dryRun,
          log,
        },
        request.change,
      );
    return request.group ? log.group(request.group, transaction) : transaction();
  };
  const transaction = request.remote ? await push(request.remote) : await withGitopsRemote(platform, repository, push);
  let opened: PullRequestResult | undefined;
  if (pullRequest && !dryRun) {
    opened = await openPullRequest(platform, repository, pullRequest.target, {
      head: pushBranch,
      title: transaction.change.message.split('\n')[0] as string,
      body: pullRequest.body(transaction),
      changed: transaction.changed,
      pending: transaction.pendingOnPushBranch,
    });
  }
  // A branch pushed by an earlier run whose request is only now opened is a change the base lacks.
  const proposed = transaction.changed || Boolean(transaction.pendingOnPushBranch && opened?.created);
  return { transaction, branch: repository.branch, pushBranch, dryRun, pullRequest: opened, proposed };
}

/** The outputs every GitOps-writing stage shares: changed, commit-sha, pull-request-url, attempts. */
/**
 * The outputs every stage that pushes to the GitOps repository declares, written by
 * writeGitopsPushOutputs; `unchanged` says when this stage reports 'false'.
 */
export function gitopsPushOutputs(unchanged: string): Record<'changed' | 'commit-sha' | 'pull-request-url' | 'attempts', OutputSpec> {
  return {
    changed: {
      kind: 'boolean',
      description: `'true' when a commit was pushed (or, in pull-request mode, a branch pushed earlier got its request); 'false' when ${unchanged}.`,
    },
    'commit-sha': { kind: 'text', description: 'The pushed commit, or the branch tip that already held the values.' },
    'pull-request-url': { kind: 'text', description: 'URL of the opened or updated pull/merge request (pull-request mode).' },
    attempts: { kind: 'number', description: 'Number of push attempts used (more than 1 when other jobs pushed concurrently).' },
  };
}

/** The outputs of gitopsPushOutputs, from the push. */
export function writeGitopsPushOutputs(platform: Platform, push: GitopsPush<unknown>): void {
  platform.setOutput('changed', String(push.proposed));
  platform.setOutput('commit-sha', push.transaction.sha);
  platform.setOutput('pull-request-url', push.pullRequest?.url ?? '');
  platform.setOutput('attempts', String(push.transaction.attempts));
}

/** e.g. proposal 'has these values', base 'does not yet', unchanged 'already has these values'. */
export interface PushWording {
  proposal: string;
  base: string;
  unchanged: string;
}

/** One markdown line for the summary: dry run, pushed, pending on the proposal branch, or no change. */
export function gitopsPushStatus(push: GitopsPush<unknown>, wording: PushWording): string {
  const { transaction, pushBranch } = push;
  const sha = `\`${transaction.sha.slice(0, 12)}\``;
  if (push.dryRun) return `Dry run: nothing was pushed. ${transaction.change.files.length} file(s) would change.`;
  if (transaction.changed)
    return `Pushed ${sha} to \`${pushBranch}\`${transaction.attempts > 1 ? ` after ${transaction.attempts} attempts` : ''}.`;
  if (transaction.pendingOnPushBranch)
    return `\`${pushBranch}\` at ${sha} (pushed by an earlier run) ${wording.proposal}; \`${push.branch}\` ${wording.base}.`;
  return `No change: \`${push.branch}\` at ${sha} ${wording.unchanged}.`;
}

/**
 * After `head` was rebuilt on the base (src/core/git/transaction.ts): opens its pull/merge
 * request or updates the open one. A rerun that pushed nothing opens the request when `head`
 * still holds a change the base lacks (an earlier run pushed it and the forge then failed);
 * otherwise the open one (if any) is only reported — a rerun never rewrites it, and a merged
 * change needs no new one. A forge that refuses fails the stage: the summary must never claim
 * a request that does not exist.
 */
async function openPullRequest(
  platform: Platform,
  repository: GitopsRepository,
  target: PullRequestTarget,
  request: { head: string; title: string; body: string; changed: boolean; pending?: boolean },
): Promise<PullRequestResult | undefined> {
  const token = repository.credentials.token;
  if (!token) throw new InputError('token', '', 'a token with permission to open pull/merge requests', 'mode is pull-request');
  const project = target.forgeProject ?? forgeProjectPath(repository.url);
  if (!project) throw new InputError('forge-project', '', 'the repository path on the forge (owner/repo or group/project)');
  const forge = await platform.forge({ token, kind: target.forge, apiUrl: target.forgeUrl });
  const { changed, pending, ...pull } = request;
  try {
    if (!changed) {
      const open = await forge.findPullRequest({ repository: project, base: repository.branch, head: request.head });
      if (open || !pending) {
        platform.log.info(open ? `Unchanged: ${open.url} already proposes these values.` : 'Nothing to propose: no pull request needed.');
        return open;
      }
    }
    const result = await forge.upsertPullRequest({ repository: project, base: repository.branch, ...pull });
    platform.log.info(
      `${result.created ? 'Opened' : 'Updated'} ${result.url}${pending ? ` for ${request.head}, pushed by an earlier run` : ''}`,
    );
    return result;
  } catch (error) {
    if (error instanceof AegisError) throw error;
    throw new ForgeRefusal(forge.kind, project, request.head, repository.branch, error);
  }
}

/** The forge answered with an error: the branch is pushed, the pull/merge request is not open. */
export class ForgeRefusal extends AegisError {
  override name = 'ForgeRefusal';
  constructor(kind: 'github' | 'gitlab', project: string, head: string, base: string, cause: unknown) {
    const status =
      (cause as { status?: number }).status ?? (cause as { cause?: { response?: { status?: number } } }).cause?.response?.status;
    const detail = neutralizeLogText(String((cause as Error)?.message ?? cause).split('\n')[0] ?? '').slice(0, 300);
    super(
      `${kind === 'github' ? 'GitHub' : 'GitLab'} refused the ${kind === 'github' ? 'pull' : 'merge'} request ${head} → ${base} in ${project}${status ? ` (HTTP ${status})` : ''}: ${detail}. The branch ${head} is pushed; rerun to open the request.`,
    );
  }
}

import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPrivateDir } from '../core/cleanup.js';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { AegisError, InputError } from '../core/errors.js';
import { knownHostsContent } from '../core/git/known-hosts.js';
import { describeRemote, forgeProjectPath, type Remote, type RemoteCredentials } from '../core/git/remote.js';
import type { TransactionOptions, TransactionResult } from '../core/git/transaction.js';
import type { Log } from '../core/log.js';
import { neutralizeLogText } from '../core/markdown.js';
import { tokenUserFor } from '../platform/conventions.js';
import type { Platform, PlatformName, PullRequestResult } from '../platform/types.js';
import type { InputSpec } from './definition.js';
import type { InputReader } from './inputs.js';
import { assertForgeRepository, parseIdentity } from './shared.js';

// Everything the stages that write to the GitOps repository (gitops-bump, promote,
// health-gate's revert) share: the same inputs, defaults and credential handling, and the
// same pull/merge request path.

/** The repository inputs; `repository` is required unless the stage only sometimes needs it (`use` says when). */
export function gitopsRepositoryInputs(options: {
  required: boolean;
  branch: string;
  author: string;
  use?: string;
}): Record<string, InputSpec> {
  return {
    repository: {
      description: `GitOps repository${options.use ? ` (${options.use})` : ''}: https:// or ssh:// URL, git@host:path, file:// URL or a local path.`,
      ...(options.required ? { required: true } : {}),
    },
    branch: { description: options.branch, default: 'main' },
    token: { description: 'Token for HTTPS remotes and for opening pull/merge requests. Never logged or written to disk.', secret: true },
    'token-username': {
      description: "User name sent with the token; by default 'oauth2' on GitLab and 'x-access-token' elsewhere (GitHub).",
    },
    'ssh-key': { description: 'Private SSH key for ssh remotes (written to a private temporary file, removed afterwards).', secret: true },
    'ssh-known-hosts': {
      description:
        "known_hosts lines for ssh remotes, in addition to the published keys of github.com and gitlab.com; other hosts are refused unless listed (or 'ssh-accept-new').",
    },
    'ssh-accept-new': {
      description: "Trust on first use: accept the key of an ssh host that is not in the known hosts. 'false' refuses unknown hosts.",
      default: 'false',
    },
    author: { description: options.author, default: 'aegis-bot <aegis-bot@users.noreply.github.com>' },
    'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: '20' },
    'remote-retries': {
      description: 'Attempts of each clone, fetch and push when the remote cannot be reached or answers 5xx (backoff 1 s, doubling).',
      default: '4',
    },
    'remote-stall-timeout': {
      description: 'A transfer that stalls this long (below 1 KB/s over https; no keepalive answer over ssh) fails instead of hanging.',
      default: '60s',
    },
  };
}

/** The inputs of pull-request mode. */
export function pullRequestInputs(defaultBranch: string): Record<string, InputSpec> {
  return {
    'pull-request-branch': { description: `Branch for pull-request mode; by default ${defaultBranch}.` },
    forge: { description: "Forge API for pull-request mode: 'github' or 'gitlab'; defaults to the platform running the job." },
    'forge-url': { description: 'Forge API URL (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
    'forge-project': {
      description: 'Repository path on the forge (owner/repo or group/project); defaults to the path of the repository URL.',
    },
  };
}

export interface GitopsRepository {
  url: string;
  branch: string;
  credentials: RemoteCredentials;
  sshKey?: string;
  knownHosts?: string;
  acceptNewHostKeys: boolean;
  author: { name: string; email: string };
  maxAttempts: number;
  /** Attempts per remote operation on connection failures and 5xx. */
  remoteRetries: number;
  stallSeconds: number;
}

export interface PullRequestTarget {
  branch?: string;
  forge?: 'github' | 'gitlab';
  forgeUrl?: string;
  forgeProject?: string;
}

const INVALID_BRANCH = /^-|\.\.|[\s~^:?*[\\]|@\{|\/\/|\/$|\.lock$|^\/|\.$/;

/** The rules of `git check-ref-format --branch`, enough to refuse what git would misread as an option or a range. */
export function assertBranchName(input: string, value: string): void {
  if (INVALID_BRANCH.test(value)) throw new InputError(input, value, 'a valid git branch name');
}

/** Reads the repository inputs (all checked, also when `repository` is empty). */
export function parseGitopsRepository(reader: InputReader, platform: PlatformName): GitopsRepository;
export function parseGitopsRepository(reader: InputReader, platform: PlatformName, optional: 'optional'): GitopsRepository | undefined;
export function parseGitopsRepository(reader: InputReader, platform: PlatformName, optional?: 'optional'): GitopsRepository | undefined {
  const url = optional ? reader.optional('repository') : reader.required('repository');
  const branch = reader.required('branch');
  assertBranchName('branch', branch);
  const repository = {
    url: url ?? '',
    branch,
    credentials: {
      token: reader.optional('token'),
      username: reader.optional('token-username') ?? tokenUserFor(platform),
    },
    sshKey: reader.optional('ssh-key'),
    knownHosts: reader.optional('ssh-known-hosts'),
    acceptNewHostKeys: reader.boolean('ssh-accept-new'),
    author: parseIdentity('author', reader.string('author')),
    maxAttempts: reader.integer('max-attempts', { min: 1, max: 100 }),
    remoteRetries: reader.integer('remote-retries', { min: 1, max: 20 }),
    stallSeconds: Math.max(1, Math.round(reader.duration('remote-stall-timeout') / 1000)),
  };
  return url ? repository : undefined;
}

export function parsePullRequestTarget(reader: InputReader): PullRequestTarget {
  const branch = reader.optional('pull-request-branch');
  if (branch) assertBranchName('pull-request-branch', branch);
  const forge = reader.optional('forge');
  if (forge !== undefined && forge !== 'github' && forge !== 'gitlab') throw new InputError('forge', forge, "'github' or 'gitlab'");
  const forgeUrl = reader.optional('forge-url');
  // The token goes to this API only: https, or this machine.
  if (forgeUrl) assertCredentialUrl('forge-url', forgeUrl, true);
  const forgeProject = reader.optional('forge-project');
  if (forgeProject) assertForgeRepository('forge-project', forgeProject, true);
  return { branch, forge, forgeUrl, forgeProject };
}

/**
 * `aegis/<stage>/<base>/<slug>`: the same change always lands on the same branch, hence the
 * same pull request. Long slugs keep a readable prefix and a hash of the whole.
 */
export function pullRequestBranchName(stage: string, base: string, parts: readonly string[]): string {
  let slug = parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 48) slug = `${slug.slice(0, 39)}-${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`;
  return `aegis/${stage}/${base}/${slug}`;
}

/**
 * Runs `body` with the repository's remote: an SSH key lives in a private temporary file for
 * exactly that long, and every credential is registered as a secret before anything is logged.
 */
export async function withGitopsRemote<T>(
  platform: Platform,
  repository: GitopsRepository,
  body: (remote: Remote) => Promise<T>,
): Promise<T> {
  // Under the runner's temp dir, and removed by the stage runner on SIGINT/SIGTERM too.
  return withPrivateDir(platform.tempDir, 'aegis-ssh-', async (dir) => {
    const credentials: RemoteCredentials = {
      ...repository.credentials,
      acceptNewHostKeys: repository.acceptNewHostKeys,
      stallSeconds: repository.stallSeconds,
    };
    if (repository.sshKey) {
      credentials.sshKeyFile = join(dir, 'key');
      writeFileSync(credentials.sshKeyFile, repository.sshKey.endsWith('\n') ? repository.sshKey : `${repository.sshKey}\n`, {
        mode: 0o600,
      });
    }
    credentials.knownHostsFile = join(dir, 'known_hosts');
    writeFileSync(credentials.knownHostsFile, knownHostsContent(repository.knownHosts), { mode: 0o600 });
    const remote = describeRemote(repository.url, credentials, platform.workspace);
    for (const secret of remote.secrets) platform.secret(secret);
    return await body(remote);
  });
}

/**
 * After `head` was rebuilt on the base (src/core/git/transaction.ts): opens its pull/merge
 * request or updates the open one. A rerun that pushed nothing opens the request when `head`
 * still holds a change the base lacks (an earlier run pushed it and the forge then failed);
 * otherwise the open one (if any) is only
 * reported — a rerun never rewrites it, and a merged change needs no new one. A forge that
 * refuses fails the stage: the summary must never claim a request that does not exist.
 */
export async function openPullRequest(
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

/** How a GitOps stage pushes to the repository its inputs name: attempts, remote retries, author, dry run. Shared by commitAndPush and revertCommit. */
export function gitopsPushSettings(
  repository: GitopsRepository,
  settings: { remote: Remote; dryRun: boolean; log: Log },
): Required<Pick<TransactionOptions, 'remote' | 'branch' | 'author' | 'maxAttempts' | 'retries' | 'dryRun' | 'log'>> {
  return {
    remote: settings.remote,
    branch: repository.branch,
    author: repository.author,
    maxAttempts: repository.maxAttempts,
    retries: { attempts: repository.remoteRetries, baseMs: 1000 },
    dryRun: settings.dryRun,
    log: settings.log,
  };
}

export interface GitopsPushReport {
  /** The base gains a change: a commit was pushed, or a branch an earlier run pushed got its request now. */
  proposed: boolean;
  pullRequestUrl: string;
  /** One markdown line for the summary: dry run, pushed, pending on the proposal branch, or no change. */
  status: string;
}

/**
 * After a GitOps push (gitops-bump, promote): in pull-request mode the PR/MR is opened or updated,
 * then the outputs every such stage shares (changed, commit-sha, pull-request-url, attempts) are
 * written. `wording` is what the stage says when the proposal branch or the base already has it.
 */
export async function reportGitopsPush<T>(
  platform: Platform,
  repository: GitopsRepository,
  push: {
    result: TransactionResult<T>;
    pushBranch: string;
    mode: 'push' | 'pull-request';
    pullRequest: PullRequestTarget;
    dryRun: boolean;
    /** Body of the PR/MR. */
    body: () => string;
    /** e.g. proposal 'has these values', base 'does not yet', unchanged 'already has these values'. */
    wording: { proposal: string; base: string; unchanged: string };
    /** How many files a dry run would change. */
    files: number;
  },
): Promise<GitopsPushReport> {
  const { result, pushBranch } = push;
  let pullRequestUrl = '';
  let openedNow = false;
  if (push.mode === 'pull-request' && !push.dryRun) {
    const pr = await openPullRequest(platform, repository, push.pullRequest, {
      head: pushBranch,
      title: result.change.message.split('\n')[0] as string,
      body: push.body(),
      changed: result.changed,
      pending: result.pendingOnPushBranch,
    });
    pullRequestUrl = pr?.url ?? '';
    openedNow = Boolean(pr?.created);
  }
  // A branch pushed by an earlier run whose request is only now opened is a change the base lacks.
  const proposed = result.changed || Boolean(result.pendingOnPushBranch && openedNow);
  platform.setOutput('changed', String(proposed));
  platform.setOutput('commit-sha', result.sha);
  platform.setOutput('pull-request-url', pullRequestUrl);
  platform.setOutput('attempts', String(result.attempts));
  const sha = `\`${result.sha.slice(0, 12)}\``;
  const status = push.dryRun
    ? `Dry run: nothing was pushed. ${push.files} file(s) would change.`
    : result.changed
      ? `Pushed ${sha} to \`${pushBranch}\`${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}.`
      : result.pendingOnPushBranch
        ? `\`${pushBranch}\` at ${sha} (pushed by an earlier run) ${push.wording.proposal}; \`${repository.branch}\` ${push.wording.base}.`
        : `No change: \`${repository.branch}\` at ${sha} ${push.wording.unchanged}.`;
  return { proposed, pullRequestUrl, status };
}

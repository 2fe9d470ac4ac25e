import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPrivateDir } from '../core/cleanup.js';
import { assertCredentialUrl } from '../core/credential-scope.js';
import { InputError } from '../core/errors.js';
import { knownHostsContent } from '../core/git/known-hosts.js';
import { describeRemote, type Remote, type RemoteCredentials } from '../core/git/remote.js';
import { tokenUserFor } from '../platform/conventions.js';
import type { Platform, PlatformName } from '../platform/types.js';
import type { InputSpec } from './definition.js';
import type { InputReader } from './inputs.js';
import { assertForgeRepository, parseIdentity } from './shared.js';

// Everything the stages that read or write the GitOps repository (gitops-bump, promote,
// health-gate, insight) share: the same inputs, defaults and credential handling. How they
// push to it is ./gitops-push.ts.

const DEFAULT_AUTHOR = 'aegis-bot <aegis-bot@users.noreply.github.com>';
const DEFAULT_MAX_ATTEMPTS = '20';

/**
 * The repository inputs; `repository` is required unless the stage only sometimes needs it
 * (`use` says when). A stage that only reads the repository (no `author`) declares no push inputs.
 */
export function gitopsRepositoryInputs(options: {
  required: boolean;
  branch: string;
  /** What the author is used for; absent for a stage that never commits. */
  author?: string;
  use?: string;
}): Record<string, InputSpec> {
  const pushInputs: Record<string, InputSpec> = options.author
    ? {
        author: { description: options.author, default: DEFAULT_AUTHOR },
        'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: DEFAULT_MAX_ATTEMPTS },
      }
    : {};
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
    ...pushInputs,
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
    // A read-only stage declares neither: it never commits or pushes, so the defaults stand unused.
    author: parseIdentity('author', reader.declares('author') ? reader.string('author') : DEFAULT_AUTHOR),
    maxAttempts: reader.declares('max-attempts') ? reader.integer('max-attempts', { min: 1, max: 100 }) : Number(DEFAULT_MAX_ATTEMPTS),
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

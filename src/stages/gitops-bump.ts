import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.js';
import { describeRemote, forgeProjectPath, type RemoteCredentials } from '../core/git/remote.js';
import { commitAndPush } from '../core/git/transaction.js';
import { type BumpPlan, type BumpRequest, describeImageChanges, planBump } from '../core/gitops/bump.js';
import { buildCommitMessage, renderTemplate, TRAILER, type Trailer } from '../core/gitops/commit-message.js';
import { formatImage, parseImageLines } from '../core/images/image-line.js';
import { parseSetLines } from '../core/yaml/values.js';
import type { CiEvent, Platform, PlatformName } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';
import { markdownTable, parseIdentity } from './shared.js';

export interface GitopsBumpOptions {
  repository: string;
  branch: string;
  credentials: RemoteCredentials;
  sshKey?: string;
  request: BumpRequest;
  mode: 'push' | 'pull-request';
  pullRequestBranch?: string;
  forge?: 'github' | 'gitlab';
  forgeUrl?: string;
  forgeProject?: string;
  environment?: string;
  commitMessage: string;
  author: { name: string; email: string };
  maxAttempts: number;
  dryRun: boolean;
  sourceCommit?: string;
  sourceRun?: string;
}

const definition = {
  name: 'gitops-bump',
  title: 'GitOps bump',
  description:
    'Set image references in Kustomize overlays (and values in Helm values files) of a GitOps repository, commit with provenance trailers and push, safely when many jobs push at once.',
  inputs: {
    repository: {
      description: 'GitOps repository: https:// or ssh:// URL, git@host:path, file:// URL or a local path.',
      required: true,
    },
    branch: { description: 'Branch to update (the base branch in pull-request mode).', default: 'main' },
    token: { description: 'Token for HTTPS remotes and for opening pull/merge requests. Never logged or written to disk.', secret: true },
    'token-username': {
      description: "User name sent with the token; by default 'oauth2' on GitLab and 'x-access-token' elsewhere (GitHub).",
    },
    'ssh-key': { description: 'Private SSH key for ssh remotes (written to a private temporary file, removed afterwards).', secret: true },
    'ssh-known-hosts': { description: 'known_hosts lines for ssh remotes; without them the first host key is accepted.' },
    paths: {
      description:
        'Kustomization files, directories holding one, or globs (one per line or comma-separated), relative to the repository root.',
    },
    images: {
      description:
        'Images to set, one per line, in `kustomize edit set image` syntax (name=newName:tag@sha256:…, name:tag, name@sha256:…, * keeps a value).',
    },
    set: { description: 'Values to set in YAML files such as Helm values, one per line: <file>:<dotted.path>=<value>.' },
    'add-missing': {
      description: 'Add an images entry to kustomizations that have none for the image, as kustomize does.',
      default: 'true',
    },
    mode: {
      description: "'push' commits to the branch; 'pull-request' commits to a deterministic branch and opens or updates a PR/MR.",
      default: 'push',
    },
    'pull-request-branch': { description: 'Branch for pull-request mode; by default aegis/gitops-bump/<branch>/<images>.' },
    forge: { description: "Forge API for pull-request mode: 'github' or 'gitlab'; defaults to the platform running the job." },
    'forge-url': { description: 'Forge API URL (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
    'forge-project': {
      description: 'Repository path on the forge (owner/repo or group/project); defaults to the path of the repository URL.',
    },
    environment: {
      description: 'Environment name recorded in the commit (Aegis-Environment trailer) and usable in the message as {environment}.',
    },
    'commit-message': {
      description: 'Commit subject template; placeholders {images}, {environment}, {files}.',
      default: 'chore(gitops): bump {images}',
    },
    author: { description: 'Commit author as "Name <email>".', default: 'aegis-bot <aegis-bot@users.noreply.github.com>' },
    'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: '20' },
    'dry-run': { description: 'Print the plan and stop: nothing is committed or pushed.', default: 'false' },
    'source-commit': { description: 'Commit recorded as Aegis-Source-Commit; defaults to the commit that triggered the run.' },
    'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
  },
  outputs: {
    changed: { description: "'true' when a commit was pushed, 'false' when the repository already had these values (or on dry runs)." },
    'commit-sha': { description: 'The pushed commit, or the branch tip that already held the values.' },
    previous: { description: 'JSON array of {file, image or path, previous, next} for every value replaced.' },
    'pull-request-url': { description: 'URL of the opened or updated pull/merge request (pull-request mode).' },
    attempts: { description: 'Push attempts used (more than 1 when other jobs pushed concurrently).' },
  },
  run: (platform: Platform) => runGitopsBump(platform),
} satisfies StageDefinition;

export const gitopsBump: StageDefinition = definition;

/** Reads and validates every input before anything is cloned or written. */
export function parseGitopsBumpInputs(reader: InputReader, event: CiEvent, platform: PlatformName = 'local'): GitopsBumpOptions {
  const images = parseImageLines(reader.string('images'), 'images');
  const values = parseSetLines(reader.string('set'), 'set');
  if (images.length === 0 && values.length === 0) {
    throw new InputError('images', '', "at least one image line (or a 'set' line)", 'there is nothing to bump');
  }
  const paths = reader.list('paths');
  if (images.length > 0 && paths.length === 0) {
    throw new InputError('paths', '', 'kustomization files, directories or globs to set the images in');
  }
  const branch = reader.required('branch');
  assertBranchName('branch', branch);
  const pullRequestBranch = reader.optional('pull-request-branch');
  if (pullRequestBranch) assertBranchName('pull-request-branch', pullRequestBranch);
  const forge = reader.optional('forge');
  if (forge !== undefined && forge !== 'github' && forge !== 'gitlab') throw new InputError('forge', forge, "'github' or 'gitlab'");
  return {
    repository: reader.required('repository'),
    branch,
    credentials: {
      token: reader.optional('token'),
      username: reader.optional('token-username') ?? (platform === 'gitlab' ? 'oauth2' : 'x-access-token'),
    },
    sshKey: reader.optional('ssh-key'),
    request: { paths, images, values, addMissing: reader.boolean('add-missing') },
    mode: reader.choice('mode', ['push', 'pull-request'] as const),
    pullRequestBranch,
    forge,
    forgeUrl: reader.optional('forge-url'),
    forgeProject: reader.optional('forge-project'),
    environment: reader.optional('environment'),
    commitMessage: reader.string('commit-message'),
    author: parseIdentity('author', reader.string('author')),
    maxAttempts: reader.integer('max-attempts', { min: 1, max: 100 }),
    dryRun: reader.boolean('dry-run'),
    sourceCommit: reader.optional('source-commit') ?? event.head,
    sourceRun: reader.optional('source-run') ?? event.runUrl,
  };
}

function assertBranchName(input: string, value: string): void {
  // The rules of `git check-ref-format --branch`, enough to refuse what would be misread as an option or a range.
  if (/^-|\.\.|[\s~^:?*[\\]|@\{|\/\/|\/$|\.lock$|^\/|\.$/.test(value)) {
    throw new InputError(input, value, 'a valid git branch name');
  }
}

/** `aegis/gitops-bump/<branch>/<env>-<images>`: the same bump always lands on the same PR. */
export function pullRequestBranchFor(options: Pick<GitopsBumpOptions, 'branch' | 'environment' | 'request'>): string {
  const targets = [
    ...options.request.images.map((image) => image.name.split('/').pop() as string),
    ...options.request.values.map((value) => value.file),
  ].sort();
  let slug = [options.environment, ...targets]
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 48) slug = `${slug.slice(0, 39)}-${createHash('sha256').update(slug).digest('hex').slice(0, 8)}`;
  return `aegis/gitops-bump/${options.branch}/${slug}`;
}

function commitMessageFor(options: GitopsBumpOptions, plan: BumpPlan): string {
  const images = describeImageChanges(plan.imageChanges);
  const shortImages = [
    ...images.map((image) => `${image.name.split('/').pop()} to ${image.version}`),
    ...plan.valueChanges.map((value) => `${value.path} to ${value.next}`),
  ].join(', ');
  const subject = renderTemplate(options.commitMessage, {
    images: shortImages,
    environment: options.environment ?? '',
    files: plan.files.map((file) => file.path).join(', '),
  });
  const body = plan.files.map((file) => `- ${file.path}`).join('\n');
  const trailers: Trailer[] = [];
  for (const image of images) {
    trailers.push({ key: TRAILER.image, value: `${image.name}=${image.next}` });
    if (image.previous) trailers.push({ key: TRAILER.previousImage, value: `${image.name}=${image.previous}` });
  }
  for (const value of plan.valueChanges) {
    trailers.push({ key: TRAILER.value, value: `${value.file}:${value.path}=${value.next}` });
    if (value.previous !== null) trailers.push({ key: TRAILER.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
  }
  if (options.environment) trailers.push({ key: TRAILER.environment, value: options.environment });
  if (options.sourceCommit) trailers.push({ key: TRAILER.sourceCommit, value: options.sourceCommit });
  if (options.sourceRun) trailers.push({ key: TRAILER.sourceRun, value: options.sourceRun });
  trailers.push({ key: TRAILER.stage, value: 'gitops-bump' });
  return buildCommitMessage(subject, `Files:\n${body}`, trailers);
}

function planTable(plan: BumpPlan): string {
  const rows = [
    ...plan.imageChanges.map((change) => [
      change.file,
      change.name,
      change.previous ? formatImage({ name: change.name, ...change.previous }) : '(added)',
      formatImage({ name: change.name, ...change.next }),
    ]),
    ...plan.valueChanges.map((change) => [change.file, change.path, change.previous ?? '(added)', change.next]),
  ];
  return rows.length === 0
    ? 'Nothing to change: the repository already has these values.'
    : markdownTable(['file', 'image / path', 'previous', 'new'], rows);
}

export async function runGitopsBump(platform: Platform): Promise<void> {
  const reader = new InputReader(platform, definition.inputs);
  const options = parseGitopsBumpInputs(reader, platform.event(), platform.name);
  const { log } = platform;

  const secretsDir = mkdtempSync(join(tmpdir(), 'aegis-ssh-'));
  try {
    const credentials: RemoteCredentials = { ...options.credentials };
    if (options.sshKey) {
      credentials.sshKeyFile = join(secretsDir, 'key');
      writeFileSync(credentials.sshKeyFile, options.sshKey.endsWith('\n') ? options.sshKey : `${options.sshKey}\n`, { mode: 0o600 });
    }
    const knownHosts = reader.optional('ssh-known-hosts');
    if (knownHosts) {
      credentials.knownHostsFile = join(secretsDir, 'known_hosts');
      writeFileSync(credentials.knownHostsFile, `${knownHosts}\n`, { mode: 0o600 });
    }
    const remote = describeRemote(options.repository, credentials, platform.workspace);
    for (const secret of remote.secrets) platform.secret(secret);

    const pushBranch = options.mode === 'pull-request' ? (options.pullRequestBranch ?? pullRequestBranchFor(options)) : options.branch;
    const result = await log.group(`Bump ${options.repository} (${pushBranch})`, () =>
      commitAndPush(
        {
          remote,
          branch: options.branch,
          pushBranch,
          author: options.author,
          maxAttempts: options.maxAttempts,
          dryRun: options.dryRun,
          log,
        },
        async ({ dir, attempt }) => {
          const plan = planBump(dir, options.request);
          if (attempt === 1 || plan.files.length > 0) log.info(`Plan (attempt ${attempt}):\n${planTable(plan)}`);
          return { files: plan.files, message: commitMessageFor(options, plan), detail: plan };
        },
      ),
    );

    const plan = result.change.detail;
    let pullRequestUrl = '';
    if (options.mode === 'pull-request' && !options.dryRun && (result.changed || plan.files.length === 0)) {
      const token = options.credentials.token;
      if (!token) throw new InputError('token', '', 'a token with permission to open pull/merge requests', "mode is 'pull-request'");
      const project = options.forgeProject ?? forgeProjectPath(options.repository);
      if (!project) throw new InputError('forge-project', '', 'the repository path on the forge (owner/repo or group/project)');
      const forge = await platform.forge({ token, kind: options.forge, apiUrl: options.forgeUrl });
      const pr = await forge.upsertPullRequest({
        repository: project,
        head: pushBranch,
        base: options.branch,
        title: result.change.message.split('\n')[0] as string,
        body: `${planTable(plan)}\n\n<sub>Opened by aegis gitops-bump.</sub>`,
      });
      pullRequestUrl = pr.url;
      log.info(`${pr.created ? 'Opened' : 'Updated'} ${pr.url}`);
    }

    const previous = [
      ...plan.imageChanges.map((change) => ({
        file: change.file,
        image: change.name,
        previous: change.previous ? formatImage({ name: change.name, ...change.previous }) : null,
        next: formatImage({ name: change.name, ...change.next }),
      })),
      ...plan.valueChanges.map((change) => ({ file: change.file, path: change.path, previous: change.previous, next: change.next })),
    ];
    platform.setOutput('changed', String(result.changed));
    platform.setOutput('commit-sha', result.sha);
    platform.setOutput('previous', JSON.stringify(previous));
    platform.setOutput('pull-request-url', pullRequestUrl);
    platform.setOutput('attempts', String(result.attempts));

    const status = options.dryRun
      ? `Dry run: nothing was pushed. ${plan.files.length} file(s) would change.`
      : result.changed
        ? `Pushed \`${result.sha.slice(0, 12)}\` to \`${pushBranch}\`${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}.`
        : `No change: \`${pushBranch}\` at \`${result.sha.slice(0, 12)}\` already has these values.`;
    await platform.summary(
      `### aegis gitops-bump\n\n${status}${pullRequestUrl ? `\n\nPull request: ${pullRequestUrl}` : ''}\n\n${planTable(plan)}\n`,
    );
  } finally {
    rmSync(secretsDir, { recursive: true, force: true });
  }
}

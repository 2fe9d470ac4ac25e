import { InputError } from '../core/errors.js';
import type { Trailer } from '../core/git/trailers.js';
import { type BumpPlan, type BumpRequest, describeImageChanges, planBump } from '../core/gitops/bump.js';
import { buildCommitMessage, renderTemplate, TRAILER } from '../core/gitops/commit-message.js';
import { formatImage, parseImageLines } from '../core/images/image-line.js';
import { commitTime, isoSeconds, parseTime } from '../core/insight/source-time.js';
import { markdownTable } from '../core/markdown.js';
import { parseSetLines } from '../core/yaml/values.js';
import type { Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import { type GitopsPush, gitopsPushOutputs, gitopsPushStatus, pushToGitops, writeGitopsPushOutputs } from './gitops-push.js';
import {
  type GitopsRepository,
  gitopsRepositoryInputs,
  type PullRequestTarget,
  parseGitopsRepository,
  parsePullRequestTarget,
  pullRequestBranchName,
  pullRequestInputs,
} from './gitops-repository.js';
import type { InputReader } from './inputs.js';

export interface GitopsBumpOptions {
  repository: GitopsRepository;
  request: BumpRequest;
  mode: 'push' | 'pull-request';
  pullRequest: PullRequestTarget;
  environment?: string;
  commitMessage: string;
  dryRun: boolean;
  sourceCommit?: string;
  sourceRun?: string;
  /** ISO 8601 time of the source commit (Aegis-Source-Time, for lead time). */
  sourceTime?: string;
}

const definition = {
  name: 'gitops-bump',
  title: 'GitOps bump',
  description:
    'Set image references in Kustomize overlays (and values in Helm values files) of a GitOps repository, commit with provenance trailers and push, safely when many jobs push at once.',
  inputs: {
    ...gitopsRepositoryInputs({
      required: true,
      branch: 'Branch to update (the base branch in pull-request mode).',
      author: 'Commit author as "Name <email>".',
    }),
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
    ...pullRequestInputs('aegis/gitops-bump/<branch>/<environment>-<images>'),
    environment: {
      description: 'Environment name recorded in the commit (Aegis-Environment trailer) and usable in the message as {environment}.',
    },
    'commit-message': {
      description: 'Commit subject template; placeholders {images}, {environment}, {files}.',
      default: 'chore(gitops): bump {images}',
    },
    'dry-run': { description: 'Print the plan and stop: nothing is committed or pushed.', default: 'false' },
    'source-commit': { description: 'Commit recorded as Aegis-Source-Commit; defaults to the commit that triggered the run.' },
    'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
    'source-time': {
      description:
        'Time of the source commit (ISO 8601) recorded as Aegis-Source-Time, from which insight measures lead time; defaults to the committer time of source-commit in the workspace checkout.',
    },
  },
  outputs: {
    ...gitopsPushOutputs('the repository already had these values (or on dry runs)'),
    previous: {
      kind: 'json',
      description:
        "JSON array of {file, image or path, current, written} for every value replaced: current the value before this run (null: no entry), written what is written (as in promote's plan). Deprecated: previous (= current) and next (= written), kept for one release.",
    },
  },
} satisfies StageMetadata;

export interface GitopsBumpPlan {
  options: GitopsBumpOptions;
  /** The branch pushed to: the repository's branch, or the proposal branch in pull-request mode. */
  pushBranch: string;
}

export interface GitopsBumpResult {
  plan: GitopsBumpPlan;
  push: GitopsPush<BumpPlan>;
}

/** Reads and validates every input before anything is cloned or written. */
export function parse(reader: InputReader, platform: Platform): GitopsBumpOptions {
  const event = platform.event();
  const images = parseImageLines(reader.string('images'), 'images');
  const values = parseSetLines(reader.string('set'), 'set');
  if (images.length === 0 && values.length === 0) {
    throw new InputError('images', '', "at least one image line (or a 'set' line)", 'there is nothing to bump');
  }
  const paths = reader.list('paths');
  if (images.length > 0 && paths.length === 0) {
    throw new InputError('paths', '', 'kustomization files, directories or globs to set the images in');
  }
  return {
    repository: parseGitopsRepository(reader, platform.name),
    request: { paths, images, values, addMissing: reader.boolean('add-missing') },
    mode: reader.choice('mode', ['push', 'pull-request'] as const),
    pullRequest: parsePullRequestTarget(reader),
    environment: reader.optional('environment'),
    commitMessage: reader.string('commit-message'),
    dryRun: reader.boolean('dry-run'),
    sourceCommit: reader.optional('source-commit') ?? event.head,
    sourceRun: reader.optional('source-run') ?? event.runUrl,
    sourceTime: parseSourceTime(reader.optional('source-time')),
  };
}

function parseSourceTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = parseTime(value);
  if (time === undefined) throw new InputError('source-time', value, 'an ISO 8601 time such as 2026-01-31T12:00:00Z');
  return isoSeconds(time);
}

/** The same bump (branch, environment, images) always lands on the same PR. */
export function pullRequestBranchFor(options: Pick<GitopsBumpOptions, 'repository' | 'environment' | 'request'>): string {
  const targets = [
    ...options.request.images.map((image) => image.name.split('/').pop() as string),
    ...options.request.values.map((value) => value.file),
  ].sort();
  return pullRequestBranchName('gitops-bump', options.repository.branch, [options.environment ?? '', ...targets]);
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
  if (options.sourceTime) trailers.push({ key: TRAILER.sourceTime, value: options.sourceTime });
  trailers.push({ key: TRAILER.stage, value: 'gitops-bump' });
  return buildCommitMessage(subject, `Files:\n${body}`, trailers);
}

/** A `previous` output entry: current/written, plus their old names (`previous`, `next`): deprecated, kept for one release. */
function replacement<Subject extends { file: string }>(subject: Subject, current: string | null, written: string) {
  return { ...subject, current, written, previous: current, next: written };
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

/** The branch pushed to, and the source commit's time (read from the workspace checkout when not given). */
export async function plan(options: GitopsBumpOptions, platform: Platform): Promise<GitopsBumpPlan> {
  const sourceTime = options.sourceTime ?? (await commitTime(platform.workspace, options.sourceCommit));
  const pushBranch =
    options.mode === 'pull-request' ? (options.pullRequest.branch ?? pullRequestBranchFor(options)) : options.repository.branch;
  return { options: { ...options, sourceTime }, pushBranch };
}

/** Plans the bump on the tip (again after each lost race), commits and pushes it, and opens its PR/MR in pull-request mode. */
export async function execute(plan: GitopsBumpPlan, platform: Platform): Promise<GitopsBumpResult> {
  const { options, pushBranch } = plan;
  const { log } = platform;
  const push = await pushToGitops<BumpPlan>(platform, {
    repository: options.repository,
    group: `Bump ${options.repository.url} (${pushBranch})`,
    change: async ({ dir, attempt }) => {
      const bump = planBump(dir, options.request);
      if (attempt === 1 || bump.files.length > 0) log.info(`Plan (attempt ${attempt}):\n${planTable(bump)}`);
      return { files: bump.files, message: commitMessageFor(options, bump), detail: bump };
    },
    pullRequest:
      options.mode === 'pull-request'
        ? {
            target: options.pullRequest,
            branch: pushBranch,
            body: (result) => `${planTable(result.change.detail)}\n\n<sub>Opened by aegis gitops-bump.</sub>`,
          }
        : undefined,
    dryRun: options.dryRun,
  });
  return { plan, push };
}

export async function report(result: GitopsBumpResult, platform: Platform): Promise<void> {
  const { push } = result;
  const bump = push.transaction.change.detail;
  writeGitopsPushOutputs(platform, push);
  const status = gitopsPushStatus(push, { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' });
  const pullRequestUrl = push.pullRequest?.url ?? '';
  const previous = [
    ...bump.imageChanges.map((change) =>
      replacement(
        { file: change.file, image: change.name },
        change.previous ? formatImage({ name: change.name, ...change.previous }) : null,
        formatImage({ name: change.name, ...change.next }),
      ),
    ),
    ...bump.valueChanges.map((change) => replacement({ file: change.file, path: change.path }, change.previous, change.next)),
  ];
  platform.setOutput('previous', JSON.stringify(previous));

  await platform.summary(
    `### aegis gitops-bump\n\n${status}${pullRequestUrl ? `\n\nPull request: ${pullRequestUrl}` : ''}\n\n${planTable(bump)}\n`,
  );
}

// The module shape of every stage (src/stages/module.ts).
export { definition };

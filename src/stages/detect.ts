import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { type ChildPipelineTemplate, parseChildPipelineTemplate, renderChildPipeline } from '../core/detect/child-pipeline.js';
import { type DetectRequest, type DetectResult, detect } from '../core/detect/detect.js';
import { checkPattern } from '../core/detect/globs.js';
import { CHANGE_TYPES, type ChangeType, discoverServices, type Manifest, parseManifest } from '../core/detect/manifest.js';
import { describeReason } from '../core/detect/select.js';
import { InputError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { Git } from '../core/git/git.js';
import { displayPath } from '../core/paths.js';
import { gitlabArtifacts } from '../platform/gitlab.js';
import type { Platform } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';
import { markdownTable } from './shared.js';

const definition = {
  name: 'detect',
  title: 'Detect changed services',
  description:
    'Decide which services of a monorepo changed between base and head (with dependency closure and global files) and hand CI a build matrix; on GitLab, also a child pipeline with a job per changed service.',
  gitlab: {
    stage: '.pre',
    defaults: { 'child-pipeline-file': `${gitlabArtifacts.stageDir('detect')}/child-pipeline.yml` },
    inputs: {
      'children-stage': { description: 'Stage of the job that triggers the generated child pipeline (after job-stage).', default: 'build' },
    },
    jobs: {
      // GitLab runs the generated pipeline as a child, failing this job when a child job fails.
      '$[[ inputs.job-name ]]-children': {
        stage: '$[[ inputs.children-stage ]]',
        needs: [{ job: '$[[ inputs.job-name ]]', artifacts: true }],
        trigger: {
          include: [{ artifact: '$[[ inputs.child-pipeline-file ]]', job: '$[[ inputs.job-name ]]' }],
          strategy: 'depend',
        },
        rules: [{ if: '"$[[ inputs.child-pipeline-template ]]" != ""' }],
      },
    },
  },
  inputs: {
    'working-directory': { description: 'The git checkout to inspect, relative to the workspace.', default: '.' },
    config: {
      description:
        'Service manifest, relative to the checkout. When the default file is absent, services are discovered (see discover); a non-default path must exist.',
      default: '.aegis/services.yaml',
    },
    base: { description: 'Commit, branch or tag to compare against, overriding the event (its merge base with head is used).' },
    head: { description: 'Commit to inspect, overriding the event (default: the event head, else HEAD).' },
    global: {
      description: "Extra globs (one per line or comma-separated) whose change marks every service, added to the manifest's global list.",
    },
    discover: {
      description: 'Without a manifest: globs of directories that may be services (one per line or comma-separated).',
      default: 'services/*',
    },
    'discover-marker': {
      description: 'Without a manifest: a discovered directory is a service when it holds this file.',
      default: 'Dockerfile',
    },
    'change-types': {
      description:
        'Kinds of change that mark a service (added, modified, deleted, renamed); a manifest entry may set its own change-types.',
      default: 'added, modified, deleted, renamed',
    },
    'default-branch': { description: 'Branch new branches and force pushes are compared with (default: from the event or the remote).' },
    remote: { description: 'Remote that missing commits are fetched from when the clone is shallow.', default: 'origin' },
    'image-prefix': {
      description: 'Registry and namespace for services without an image field: the image becomes <image-prefix>/<service>.',
    },
    'deepen-step': {
      description: 'Commits fetched by the first deepening of a shallow clone; each further round doubles it.',
      default: '32',
    },
    'max-deepen-rounds': { description: 'Deepening rounds before giving up and selecting every service (with a warning).', default: '12' },
    'changed-files-file': {
      description:
        "Where the full list of changed paths is written (one per line): a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
    },
    'child-pipeline-template': {
      description:
        'GitLab: a CI YAML template (path relative to the checkout) whose jobs named with a placeholder, e.g. "build {{service}}:", are instantiated per changed service; other keys are copied. Empty: no child pipeline.',
    },
    'child-pipeline-file': {
      description:
        "Where the generated child pipeline is written (trigger it with trigger:include:artifact): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
    },
  },
  outputs: {
    matrix: {
      description:
        'JSON {"include":[{service, path, context, dockerfile, image, …manifest fields}]} of changed services (libraries excluded).',
    },
    services: { description: 'JSON array of the changed service names in the matrix.' },
    'has-changes': { description: "'true' when the matrix is not empty." },
    base: { description: 'Commit compared against; empty when every service was selected without comparing.' },
    head: { description: 'Commit inspected.' },
    'base-reason': { description: 'Why this base was chosen (or why every service was selected).' },
    'changed-files': {
      description: 'Path of the file listing every changed path, one per line (relative to the workspace when inside it).',
    },
    'child-pipeline': {
      description:
        'Path of the generated GitLab child pipeline (relative to the workspace when inside it); empty without child-pipeline-template.',
    },
  },
  run: (platform: Platform) => runDetect(platform),
} satisfies StageDefinition;

export const detectStage: StageDefinition = definition;

export interface DetectOptions {
  request: DetectRequest;
  changedFilesFile: string;
  childPipeline?: { template: ChildPipelineTemplate; file: string };
}

/** Every input, the manifest and the child-pipeline template are read and checked here, before git or any write. */
export async function parseDetectInputs(reader: InputReader, platform: Platform): Promise<DetectOptions> {
  const directory = await checkoutRoot(reader, platform.workspace);
  const changeTypes = reader.list('change-types').map((type) => {
    if (!(CHANGE_TYPES as readonly string[]).includes(type))
      throw new InputError('change-types', type, `any of ${CHANGE_TYPES.join(', ')}`);
    return type as ChangeType;
  });
  if (changeTypes.length === 0) throw new InputError('change-types', '', `at least one of ${CHANGE_TYPES.join(', ')}`);
  const global = reader
    .list('global')
    .map((pattern) => checkPattern(pattern, (value, problem) => new InputError('global', value, 'repository-relative globs', problem)));
  const remote = reader.required('remote');
  if (remote.startsWith('-')) throw new InputError('remote', remote, 'a remote name or URL');
  const base = reader.optional('base');
  const head = reader.optional('head');
  for (const [name, value] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (value?.startsWith('-') || (value && /\s/.test(value))) throw new InputError(name, value, 'a commit SHA, branch or tag');
  }
  const templatePath = reader.path('child-pipeline-template', directory);
  const childPipeline = templatePath
    ? {
        template: parseChildPipelineTemplate(readInputFile('child-pipeline-template', templatePath), relative(directory, templatePath)),
        file: reader.outputPath('child-pipeline-file', 'child-pipeline.yml'),
      }
    : undefined;
  return {
    request: {
      directory,
      manifest: loadManifest(reader, directory),
      global,
      changeTypes,
      imagePrefix: reader.optional('image-prefix'),
      event: platform.event(),
      base,
      head,
      defaultBranch: reader.optional('default-branch'),
      remote,
      deepenStep: reader.integer('deepen-step', { min: 1, max: 100_000 }),
      maxDeepenRounds: reader.integer('max-deepen-rounds', { min: 0, max: 30 }),
    },
    changedFilesFile: reader.outputPath('changed-files-file', 'changed-files.txt'),
    childPipeline,
  };
}

async function checkoutRoot(reader: InputReader, workspace: string): Promise<string> {
  const value = reader.string('working-directory');
  const directory = reader.path('working-directory', workspace) ?? workspace;
  const root = await new Git(directory).topLevel().catch(() => undefined);
  if (root === undefined) throw new InputError('working-directory', value, 'a git checkout', 'git rev-parse --show-toplevel failed there');
  return root;
}

function loadManifest(reader: InputReader, directory: string): Manifest {
  const value = reader.string('config');
  const path = reader.path('config', directory) as string;
  if (existsSync(path)) return parseManifest(readInputFile('config', path), value);
  if (value !== definition.inputs.config.default)
    throw new InputError('config', value, 'an existing services manifest file', 'there is no such file');
  const patterns = reader.list('discover');
  for (const pattern of patterns) checkPattern(pattern, (raw, problem) => new InputError('discover', raw, 'globs of directories', problem));
  return discoverServices(directory, { patterns, marker: reader.required('discover-marker') });
}

function readInputFile(input: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(input, path, 'a readable file', (error as Error).message);
  }
}

export async function runDetect(platform: Platform): Promise<void> {
  const reader = new InputReader(platform, definition.inputs);
  const options = await parseDetectInputs(reader, platform);
  const { log } = platform;
  const { request } = options;
  const source =
    request.manifest.file ?? `discovered (${request.manifest.services.length} directories with ${reader.string('discover-marker')})`;
  log.info(`Services: ${request.manifest.services.length} from ${source}.`);

  const result = await log.group('Resolve base and head, list changes', () => detect(request, log));
  log.info(`base ${result.range.base ?? '(none)'} head ${result.range.head}: ${result.range.reason}`);
  log.info(`${result.changedFiles.length} changed paths; ${result.selection.services.length} services in the matrix.`);

  writeFile(options.changedFilesFile, result.changedFiles.length > 0 ? `${result.changedFiles.join('\n')}\n` : '');
  let childPipelineFile = '';
  if (options.childPipeline) {
    writeFile(
      options.childPipeline.file,
      renderChildPipeline(options.childPipeline.template, result.selection.matrix.include, { ...result.range }),
    );
    childPipelineFile = workspacePath(platform, options.childPipeline.file);
  }

  platform.setOutput('matrix', JSON.stringify(result.selection.matrix));
  platform.setOutput('services', JSON.stringify(result.selection.services));
  platform.setOutput('has-changes', String(result.selection.services.length > 0));
  platform.setOutput('base', result.range.base ?? '');
  platform.setOutput('head', result.range.head);
  platform.setOutput('base-reason', result.range.reason);
  platform.setOutput('changed-files', workspacePath(platform, options.changedFilesFile));
  platform.setOutput('child-pipeline', childPipelineFile);
  await platform.summary(summaryMarkdown(result, request.manifest.services.length));
}

function writeFile(path: string, content: string): void {
  writeFileSafely(path, content);
}

function workspacePath(platform: Platform, path: string): string {
  return displayPath(platform.workspace, path);
}

const SUMMARY_ROWS = 300;

export function summaryMarkdown(result: DetectResult, total: number): string {
  const { range, selection } = result;
  const lines = [
    '### aegis detect',
    '',
    `**base** \`${range.base ? range.base.slice(0, 12) : '(none)'}\` → **head** \`${range.head.slice(0, 12)}\`: ${range.reason}${range.fallback ? ' ⚠️' : ''}`,
    '',
    `${result.changedFiles.length} changed paths; ${selection.selected.length} of ${total} services marked, ${selection.services.length} in the build matrix.`,
    '',
  ];
  if (selection.selected.length === 0) return [...lines, 'No service changed.'].join('\n');
  const rows = selection.selected
    .slice(0, SUMMARY_ROWS)
    .map((service) => [`\`${service.name}\``, service.kind, describeReason(service.reason)]);
  lines.push(markdownTable(['service', 'kind', 'reason'], rows));
  if (selection.selected.length > SUMMARY_ROWS) lines.push('', `… and ${selection.selected.length - SUMMARY_ROWS} more.`);
  return lines.join('\n');
}

// The module shape of every stage (src/stages/index.ts): definition, parse, run.
export { definition, parseDetectInputs as parse, runDetect as run };

import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CHANGED_FILES_FORMATS, type ChangedFilesFormat, formatChangedFiles } from '../core/detect/changed-files.js';
import { type ChildPipelineTemplate, parseChildPipelineTemplate, renderChildPipeline } from '../core/detect/child-pipeline.js';
import { type DetectRequest, type DetectResult, detect } from '../core/detect/detect.js';
import { filtersManifest, parseFilters } from '../core/detect/filters.js';
import { checkPattern } from '../core/detect/globs.js';
import { CHANGE_TYPES, type ChangeType, discoverServices, type Manifest, parseManifest } from '../core/detect/manifest.js';
import { describeReason, type FilterSet } from '../core/detect/select.js';
import { InputError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { Git } from '../core/git/git.js';
import { code, markdownTable, markup } from '../core/markdown.js';
import { displayPath } from '../core/paths.js';
import { gitlabArtifacts } from '../platform/gitlab.js';
import type { Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import type { InputReader } from './inputs.js';

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
    filters: {
      description:
        "dorny/paths-filter's filters (inline YAML, or a path to a YAML file in the checkout): each filter is treated as a service, with a boolean output named after it. Replaces the service manifest.",
    },
    'predicate-quantifier': {
      description:
        "With filters: 'some' (a file matches a filter when any of its patterns matches) or 'every' (all of them), as in paths-filter.",
      default: 'some',
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
        'Kinds of change that mark a service (added, modified, deleted, renamed: a rename counts for its old and its new path); a manifest entry may set its own change-types. git looks for renames only when some list takes renamed without added or deleted (or the reverse); otherwise a rename is a deletion plus an addition, which selects the same services.',
      default: 'added, modified, deleted, renamed',
    },
    'default-branch': { description: 'Branch new branches and force pushes are compared with (default: from the event or the remote).' },
    remote: { description: 'Remote that missing commits are fetched from when the clone is shallow.', default: 'origin' },
    'image-prefix': {
      description: 'Registry and namespace for services without an image field: the image becomes <image-prefix>/<service>.',
    },
    'deepen-step': {
      description:
        'Last resort in a shallow clone (when --shallow-exclude cannot answer): commits fetched by the first deepening; each further round doubles it.',
      default: '32',
    },
    'max-deepen-rounds': {
      description: 'Last-resort deepening rounds before giving up and selecting every service (with a warning).',
      default: '12',
    },
    'changed-files-file': {
      description:
        "Where the full list of changed paths is written (in changed-files-format): a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
    },
    'changed-files-format': {
      description:
        'Format of the changed-files file: lines (one path per line; a path with a newline, quote or backslash is C-quoted as git quotes it), nul (each path followed by a NUL byte, for xargs -0) or json (an array of strings).',
      default: 'lines',
    },
    'child-pipeline-template': {
      description:
        'GitLab: a CI YAML template (path relative to the checkout) whose jobs named with a placeholder, e.g. "build {{service}}:", are instantiated per changed service; other keys are copied. Empty: no child pipeline.',
    },
    'matrix-file': {
      description:
        "Where the matrix JSON is also written (on GitLab the only place, with the child pipeline): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
    },
    'services-file': {
      description:
        "Where the JSON array of changed service names is also written: a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
    },
    'child-pipeline-file': {
      description:
        "Where the generated child pipeline is written (trigger it with trigger:include:artifact): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
    },
  },
  outputs: {
    matrix: {
      kind: 'json',
      description:
        'JSON {"include":[{service, path, context, dockerfile, image, …manifest fields}]} of changed services (libraries excluded). Not in the GitLab dotenv report (see matrix-file).',
    },
    services: {
      kind: 'json',
      description: 'JSON array of the changed service names in the matrix. Not in the GitLab dotenv report (see services-file).',
    },
    changes: {
      kind: 'json',
      description:
        "JSON array of every marked name, libraries included (paths-filter's 'changes': the filters that matched). Not in the GitLab dotenv report.",
    },
    'has-changes': { kind: 'boolean', description: "'true' when the matrix is not empty." },
    base: { kind: 'text', description: 'Commit compared against; empty when every service was selected without comparing.' },
    head: { kind: 'text', description: 'Commit inspected.' },
    'base-reason': { kind: 'text', description: 'Why this base was chosen (or why every service was selected).' },
    'changed-files': {
      kind: 'path',
      description: 'Path of the file listing every changed path, in changed-files-format (relative to the workspace when inside it).',
    },
    'matrix-file': { kind: 'path', description: 'Path of the file holding the matrix JSON (relative to the workspace when inside it).' },
    'services-file': {
      kind: 'path',
      description: 'Path of the file holding the services JSON array (relative to the workspace when inside it).',
    },
    'child-pipeline': {
      kind: 'path',
      description:
        'Path of the generated GitLab child pipeline (relative to the workspace when inside it); empty without child-pipeline-template.',
    },
  },
} satisfies StageMetadata;

export interface DetectOptions {
  request: DetectRequest;
  /** Where the services come from, for the log: the manifest or filters file, or how they were discovered. */
  servicesSource: string;
  changedFilesFile: string;
  changedFilesFormat: ChangedFilesFormat;
  matrixFile: string;
  servicesFile: string;
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
  const filters = loadFilters(reader, directory);
  const manifest = filters?.manifest ?? loadManifest(reader, directory);
  return {
    request: {
      directory,
      manifest,
      filters: filters?.filters,
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
    servicesSource: manifest.file ?? `discovered (${manifest.services.length} directories with ${reader.string('discover-marker')})`,
    changedFilesFile: reader.outputPath('changed-files-file', 'changed-files.txt'),
    changedFilesFormat: changedFilesFormat(reader),
    matrixFile: reader.outputPath('matrix-file', 'matrix.json'),
    servicesFile: reader.outputPath('services-file', 'services.json'),
    childPipeline,
  };
}

function changedFilesFormat(reader: InputReader): ChangedFilesFormat {
  return reader.choice('changed-files-format', CHANGED_FILES_FORMATS);
}

/** paths-filter's rule: a value without a newline or a colon is a file path, anything else inline YAML. */
function loadFilters(reader: InputReader, directory: string): { manifest: Manifest; filters: FilterSet } | undefined {
  const value = reader.optional('filters');
  if (!value) return undefined;
  if (reader.string('config') !== definition.inputs.config.default)
    throw new InputError('filters', value.split('\n')[0] ?? '', "either 'filters' or 'config', not both");
  const inline = value.includes('\n') || value.includes(':');
  const source = inline ? "input 'filters'" : value;
  const text = inline ? value : readInputFile('filters', reader.path('filters', directory) as string);
  const filters = parseFilters(text, source);
  if (filters.length === 0) throw new InputError('filters', value, 'at least one filter (paths-filter syntax)');
  return {
    manifest: filtersManifest(filters, source),
    filters: { filters, quantifier: reader.choice('predicate-quantifier', ['some', 'every'] as const) },
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

/** What a run does, before git is asked: the range it resolves and the files it writes. */
export interface DetectPlan {
  options: DetectOptions;
  /** Every file the run writes, in order. */
  files: string[];
}

export interface DetectRun {
  plan: DetectPlan;
  detection: DetectResult;
}

export function planDetect(options: DetectOptions): DetectPlan {
  const files = [options.changedFilesFile, options.childPipeline?.file, options.matrixFile, options.servicesFile];
  return { options, files: files.filter((file): file is string => file !== undefined) };
}

/** Resolves base and head (fetching what a shallow clone lacks), lists and matches the changes, writes the files. */
export async function executeDetect(plan: DetectPlan, platform: Platform): Promise<DetectRun> {
  const { options } = plan;
  const { request } = options;
  const { log } = platform;
  log.info(`Services: ${request.manifest.services.length} from ${options.servicesSource}.`);
  const detection = await log.group('Resolve base and head, list changes', () => detect(request, log));
  writeFile(options.changedFilesFile, formatChangedFiles(detection.changedFiles, options.changedFilesFormat));
  if (options.childPipeline) {
    writeFile(
      options.childPipeline.file,
      renderChildPipeline(options.childPipeline.template, detection.selection.matrix.include, { ...detection.range }),
    );
  }
  writeFile(options.matrixFile, `${JSON.stringify(detection.selection.matrix)}\n`);
  writeFile(options.servicesFile, `${JSON.stringify(detection.selection.services)}\n`);
  return { plan, detection };
}

export async function reportDetect(run: DetectRun, platform: Platform): Promise<void> {
  const { options } = run.plan;
  const { request } = options;
  const { range, changedFiles, selection } = run.detection;
  const { log } = platform;
  log.info(`base ${range.base ?? '(none)'} head ${range.head || '(none)'}: ${range.reason}`);
  if (range.fetches) log.info(`Fetched from '${request.remote}' ${range.fetches} time(s) for the missing commits.`);
  log.info(`${changedFiles.length} changed paths; ${selection.services.length} services in the matrix.`);
  platform.setOutputs(
    detectOutputs(
      run.detection,
      request.manifest,
      platform.outputSizeLimit !== undefined,
      {
        changedFiles: workspacePath(platform, options.changedFilesFile),
        childPipeline: options.childPipeline ? workspacePath(platform, options.childPipeline.file) : '',
        matrixFile: workspacePath(platform, options.matrixFile),
        servicesFile: workspacePath(platform, options.servicesFile),
      },
      request.filters !== undefined,
    ),
  );
  await platform.summary(summaryMarkdown(run.detection, request.manifest.services.length));
}

/** Outputs that never go to a GitLab dotenv report: they grow with the number of services (GitLab caps the report at 5,120 bytes). */
const GROWING_OUTPUTS = new Set(['matrix', 'services', 'changes']);

/**
 * Every output, in order. The matrix and service list are also files; on GitLab they are
 * only files (and the child pipeline), so the dotenv report keeps small values and paths
 * whatever the number of services. Elsewhere every service also gets a boolean output
 * named after it (paths-filter's per-filter outputs), unless the name is a fixed output.
 */
export function detectOutputs(
  result: DetectResult,
  manifest: Manifest,
  sizeLimited: boolean,
  files: { changedFiles: string; childPipeline: string; matrixFile: string; servicesFile: string },
  filtersUsed = false,
): [string, string][] {
  const outputs: [string, string][] = [
    ['matrix', JSON.stringify(result.selection.matrix)],
    ['services', JSON.stringify(result.selection.services)],
    ['changes', JSON.stringify(result.selection.selected.map((service) => service.name))],
    ['has-changes', String(result.selection.services.length > 0)],
    ['base', result.range.base ?? ''],
    ['head', result.range.head],
    ['base-reason', result.range.reason],
    ['changed-files', files.changedFiles],
    ['child-pipeline', files.childPipeline],
    ['matrix-file', files.matrixFile],
    ['services-file', files.servicesFile],
  ];
  // Where outputs share a size limit (GitLab's dotenv report), lists that grow with the services go to files only.
  if (sizeLimited) return outputs.filter(([name]) => !GROWING_OUTPUTS.has(name));
  const selected = new Set(result.selection.selected.map((service) => service.name));
  const counts = new Map(
    result.selection.selected.map((service) => [service.name, service.reason.kind === 'files' ? service.reason.count : 0]),
  );
  for (const service of manifest.services) {
    if (service.name in definition.outputs) continue;
    outputs.push([service.name, String(selected.has(service.name))]);
    // paths-filter's <filter>_count: how many changed files the filter matched
    if (filtersUsed) outputs.push([`${service.name}_count`, String(counts.get(service.name) ?? 0)]);
  }
  return outputs;
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
    .map((service) => [code(service.name), service.kind, markup(describeReason(service.reason))]);
  lines.push(markdownTable(['service', 'kind', 'reason'], rows));
  if (selection.selected.length > SUMMARY_ROWS) lines.push('', `… and ${selection.selected.length - SUMMARY_ROWS} more.`);
  return lines.join('\n');
}

// The module shape of every stage (src/stages/module.ts).
export { definition, executeDetect as execute, parseDetectInputs as parse, planDetect as plan, reportDetect as report };

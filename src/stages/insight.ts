import { LONG_DURATION_EXPECTED, parseDuration } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { computeDora, type DoraReport } from '../core/insight/dora.js';
import { insightFamilies, renderFamilies } from '../core/insight/exposition.js';
import { parseTime } from '../core/insight/history.js';
import { type PipelineFigures, pipelineFigures } from '../core/insight/pipelines.js';
import { pushMetrics } from '../core/insight/pushgateway.js';
import { cloneGitops, readRepository } from '../core/insight/repository.js';
import { isoSeconds } from '../core/insight/source-time.js';
import { computeStatus, type StatusEntry } from '../core/insight/status.js';
import { insightSummary } from '../core/insight/summary.js';
import { displayPath } from '../core/paths.js';
import { type Environment, parseEnvironments } from '../core/promote/environments.js';
import type { Platform, PlatformName } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import {
  assertBranchName,
  type GitopsRepository,
  gitopsRepositoryInputs,
  parseGitopsRepository,
  withGitopsRemote,
} from './gitops-repository.js';
import type { InputReader } from './inputs.js';
import { writeRootFor } from './shared.js';

export interface InsightOptions {
  repository: GitopsRepository;
  environments: Environment[];
  /** Window end and length, seconds. */
  now: number;
  windowSeconds: number;
  fixWithinSeconds: number;
  statusFile: string;
  metricsFile: string;
  openmetricsFile: string;
  pushgateway?: { url: string; job: string; grouping: Array<[string, string]>; username?: string; password?: string };
  /** The CI runs behind the deployments, from the forge; only when `ci-project` is given. */
  ci?: { project: string; token: string; kind?: 'github' | 'gitlab'; apiUrl?: string; branch?: string; limit: number };
}

export interface InsightPlan {
  options: InsightOptions;
  /** What will be read and written, for the log. */
  steps: string[];
}

export interface InsightResult {
  plan: InsightPlan;
  status: StatusEntry[];
  dora: DoraReport;
  commits: number;
  unattributed: number;
  pushedTo?: string;
  ci?: { project: string } & PipelineFigures;
}

const definition = {
  name: 'insight',
  title: 'Insight',
  description:
    "What runs where, and DORA's four keys, read from the GitOps repository's history and its Aegis-* trailers: a status per environment × service (with drift), deployment frequency, lead time, change failure rate and time to restore, as JSON, OpenMetrics, a Pushgateway push and a job summary.",
  inputs: {
    ...gitopsRepositoryInputs({
      required: true,
      branch: 'Branch whose history and overlays are read.',
    }),
    environments: {
      description: 'YAML mapping of environment → overlay path or list of paths, in promotion order (as promote reads it).',
      default: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod',
    },
    since: { description: 'Window of the DORA figures, back from until: a duration (12h, 30d, 8w) or an ISO 8601 time.', default: '30d' },
    until: { description: 'End of the window (ISO 8601); now by default.' },
    'fix-within': {
      description:
        "A deployment followed this soon by the next deployment of the same service to the same environment counts as failed and fixed forward (12h, 30m, 1d); '0' counts only health-gate reverts.",
      default: '1h',
    },
    'status-file': {
      description:
        "Where the status JSON is written: a path in the workspace or the runner's temp directory; by default status.json in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
    },
    'metrics-file': { description: "Where the DORA metrics JSON is written; by default metrics.json in the stage's output directory." },
    'openmetrics-file': {
      description: "Where the OpenMetrics text exposition is written; by default metrics.txt in the stage's output directory.",
    },
    'pushgateway-url': { description: 'Prometheus Pushgateway to push the metrics to (http:// or https://); no push without it.' },
    'pushgateway-job': { description: 'Job label of the pushed group.', default: 'aegis-insight' },
    'pushgateway-grouping': {
      description:
        'More grouping-key labels of the pushed group, one label=value per line or comma-separated (e.g. repository=platform/gitops).',
    },
    'pushgateway-username': { description: 'Basic auth user for the Pushgateway (with pushgateway-password, which is the secret).' },
    'pushgateway-password': { description: 'Basic auth password for the Pushgateway.', secret: true },
    'ci-project': {
      description:
        'Repository on the forge (owner/repo or group/project) whose CI runs (GitHub workflow runs, GitLab pipelines) to count and time over the window; none read without it.',
    },
    'ci-forge': { description: "Forge of ci-project: 'github' or 'gitlab'; defaults to the platform running the job." },
    'ci-forge-url': { description: 'Forge API URL for ci-project (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
    'ci-token': { description: 'Token that may read the CI runs of ci-project; defaults to token.', secret: true },
    'ci-branch': { description: 'Only CI runs of this branch.' },
    'ci-limit': { description: 'At most this many CI runs are read (newest first, pages of 100).', default: '1000' },
  },
  outputs: {
    'status-file': {
      kind: 'path',
      description:
        'Path of the status JSON: per environment × service image, since, commit, run, promoted-from, behind, drift (relative to the workspace when inside it).',
    },
    'metrics-file': {
      kind: 'path',
      description:
        'Path of the DORA JSON: the four keys per environment and per service, with bands and their source (relative to the workspace when inside it).',
    },
    'openmetrics-file': {
      kind: 'path',
      description: 'Path of the OpenMetrics text exposition (relative to the workspace when inside it).',
    },
    deployments: { kind: 'number', description: 'Number of deployments within the window, all environments.' },
    drift: {
      kind: 'boolean',
      description: "'true' when an overlay sets something no trailer records (a hand edit) or overlays of one environment differ.",
    },
    pushed: { kind: 'boolean', description: "'true' when the metrics were pushed to the Pushgateway." },
  },
  gitlab: { stage: 'deploy' },
} satisfies StageMetadata;

/** Seconds of `30d`, `12h`, `8w`, `90m`; `0` is zero where allowed. */
function span(input: string, value: string, allowZero: boolean): number {
  if (allowZero && value === '0') return 0;
  const ms = parseDuration(value, { days: true });
  if (ms === undefined || ms < 1000) throw new InputError(input, value, `${LONG_DURATION_EXPECTED}${allowZero ? ", or '0'" : ''}`);
  return ms / 1000;
}

function grouping(reader: InputReader): Array<[string, string]> {
  return reader.list('pushgateway-grouping').map((item) => {
    const match = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/.exec(item);
    if (!match || match[1] === 'job' || match[1]?.startsWith('__'))
      throw new InputError('pushgateway-grouping', item, 'label=value with a Prometheus label name other than job');
    return [match[1] as string, match[2] as string];
  });
}

export function parseInsightInputs(reader: InputReader, platform: PlatformName, clock: () => number): InsightOptions {
  const environments = parseEnvironments(reader.string('environments'));
  const untilInput = reader.optional('until');
  const now = untilInput === undefined ? Math.floor(clock() / 1000) : parseTime(untilInput);
  if (now === undefined) throw new InputError('until', untilInput as string, 'an ISO 8601 time such as 2026-01-31T12:00:00Z');
  const sinceInput = reader.string('since');
  const sinceTime = parseTime(sinceInput);
  const windowSeconds = sinceTime !== undefined ? now - sinceTime : span('since', sinceInput, false);
  if (windowSeconds <= 0) throw new InputError('since', sinceInput, `a time before until (${isoSeconds(now)})`);
  const url = reader.optional('pushgateway-url');
  if (url !== undefined && !/^https?:\/\/[^\s/@]+(\/\S*)?$/.test(url)) {
    // Never quoted: a URL with user:password@ in it is a secret.
    throw new InputError('pushgateway-url', '***', 'an http:// or https:// URL without credentials (use pushgateway-username/-password)');
  }
  const username = reader.optional('pushgateway-username');
  const password = reader.optional('pushgateway-password');
  if (url?.startsWith('http://') && (username || password) && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url)) {
    throw new InputError('pushgateway-url', url, 'an https:// URL: basic auth is never sent over plain http except to this machine');
  }
  const job = reader.string('pushgateway-job');
  const labels = grouping(reader);
  if (!job) throw new InputError('pushgateway-job', job, 'a job name');
  const repository = parseGitopsRepository(reader, platform);
  const ciProject = reader.optional('ci-project');
  const ciForge = reader.optional('ci-forge');
  if (ciForge !== undefined && ciForge !== 'github' && ciForge !== 'gitlab')
    throw new InputError('ci-forge', ciForge, "'github' or 'gitlab'");
  const ciLimit = reader.integer('ci-limit', { min: 1, max: 10_000 });
  const ciBranch = reader.optional('ci-branch');
  if (ciBranch) assertBranchName('ci-branch', ciBranch);
  let ci: InsightOptions['ci'];
  if (ciProject) {
    const token = reader.optional('ci-token') ?? repository.credentials.token;
    if (!token) throw new InputError('ci-token', '', 'a token that may read the CI runs of ci-project (or token)');
    ci = { project: ciProject, token, kind: ciForge, apiUrl: reader.optional('ci-forge-url'), branch: ciBranch, limit: ciLimit };
  }
  return {
    repository,
    ci,
    environments,
    now,
    windowSeconds,
    fixWithinSeconds: span('fix-within', reader.string('fix-within'), true),
    statusFile: reader.outputPath('status-file', 'status.json'),
    metricsFile: reader.outputPath('metrics-file', 'metrics.json'),
    openmetricsFile: reader.outputPath('openmetrics-file', 'metrics.txt'),
    pushgateway: url ? { url, job, grouping: labels, username, password } : undefined,
  };
}

export function planInsight(options: InsightOptions): InsightPlan {
  const steps = [
    `Read the history of ${options.repository.url} (${options.repository.branch}) and the overlays of ${options.environments.map((e) => e.name).join(', ')}.`,
    `DORA window: ${isoSeconds(options.now - options.windowSeconds)} → ${isoSeconds(options.now)}.`,
    `Write ${options.statusFile}, ${options.metricsFile}, ${options.openmetricsFile}.`,
  ];
  if (options.pushgateway) steps.push(`Push to ${new URL(options.pushgateway.url).host} (job ${options.pushgateway.job}).`);
  return { options, steps };
}

/** Its directory is created inside the workspace (or the input root holding it), never through a symlink out of it. */
function writeFile(platform: Platform, path: string, content: string): void {
  writeFileSafely(path, content, { root: writeRootFor(platform, path) });
}

export async function executeInsight(plan: InsightPlan, platform: Platform): Promise<InsightResult> {
  platform.log.info(`Plan:\n${plan.steps.map((step) => `- ${step}`).join('\n')}`);
  return platform.log.group('Insight', () => readAndPublish(plan, platform));
}

async function readAndPublish(plan: InsightPlan, platform: Platform): Promise<InsightResult> {
  const { options } = plan;
  const computed = await withGitopsRemote(platform, options.repository, async (remote) => {
    const clone = await cloneGitops(remote, options.repository.branch, 'checkout');
    try {
      const { history, overlays, lastTouch } = await readRepository(clone, options.environments);
      const names = options.environments.map((environment) => environment.name);
      const status = computeStatus(history, names, overlays, lastTouch);
      const dora = computeDora(history, {
        now: options.now,
        windowSeconds: options.windowSeconds,
        fixWithinSeconds: options.fixWithinSeconds,
      });
      return { history, status, dora };
    } finally {
      clone.close();
    }
  });
  const { history, status, dora } = computed;
  const result: InsightResult = { plan, status, dora, commits: history.commits, unattributed: history.unattributed };
  if (options.ci) {
    // Loaded only now: a run without ci-project never loads a forge client.
    const { project, token, kind, apiUrl, branch, limit } = options.ci;
    const forge = await platform.forge({ token, kind, apiUrl });
    const runs = await forge.pipelineRuns(project, { since: dora.window.from, branch, limit });
    result.ci = { project, ...pipelineFigures(runs, dora.window) };
  }
  const families = insightFamilies(history, status, dora, result.ci);
  writeFile(
    platform,
    options.statusFile,
    `${JSON.stringify({ repository: options.repository.url, branch: options.repository.branch, tip: history.tip, status }, null, 2)}\n`,
  );
  const { outcomes, ...figures } = dora;
  writeFile(
    platform,
    options.metricsFile,
    `${JSON.stringify(
      {
        ...figures,
        commits: history.commits,
        unattributed: history.unattributed,
        ci: result.ci ?? null,
        deployments: outcomes.map((o) => ({
          environment: o.event.environment,
          service: o.event.service,
          commit: o.event.commit,
          time: o.event.time,
          reference: o.event.reference,
          leadTimeSeconds: o.leadTimeSeconds ?? null,
          failure: o.failure ?? null,
        })),
      },
      null,
      2,
    )}\n`,
  );
  writeFile(platform, options.openmetricsFile, renderFamilies(families, 'openmetrics'));
  if (options.pushgateway) {
    const { url, job, grouping, username, password } = options.pushgateway;
    result.pushedTo = await pushMetrics({ url, job, grouping, username, password, body: renderFamilies(families, 'prometheus') });
  }
  return result;
}

export async function reportInsight(result: InsightResult, platform: Platform): Promise<void> {
  const { options } = result.plan;
  const deployments = Object.values(result.dora.environments).reduce((sum, keys) => sum + keys.deployments, 0);
  const drift = result.status.some((entry) => entry.drift);
  platform.setOutput('status-file', displayPath(platform.workspace, options.statusFile));
  platform.setOutput('metrics-file', displayPath(platform.workspace, options.metricsFile));
  platform.setOutput('openmetrics-file', displayPath(platform.workspace, options.openmetricsFile));
  platform.setOutput('deployments', String(deployments));
  platform.setOutput('drift', String(drift));
  platform.setOutput('pushed', String(Boolean(result.pushedTo)));
  if (result.unattributed > 0) {
    platform.log.warning(
      `${result.unattributed} commit(s) set images without an Aegis-Environment trailer; they are not attributed to an environment.`,
    );
  }
  for (const entry of result.status.filter((e) => e.drift)) {
    platform.log.warning(
      `Drift in ${entry.environment}: ${entry.service} runs ${entry.reference}, which no Aegis trailer records as deployed there.`,
    );
  }
  await platform.summary(
    insightSummary({
      repository: options.repository.url,
      status: result.status,
      dora: result.dora,
      environments: options.environments.map((e) => e.name),
      pushed: result.pushedTo ? new URL(result.pushedTo).host : undefined,
      ci: result.ci,
    }),
  );
}

// The module shape of every stage (src/stages/module.ts).
export { definition };
export const parse = (reader: InputReader, platform: Platform): InsightOptions => parseInsightInputs(reader, platform.name, Date.now);
export { executeInsight as execute, planInsight as plan, reportInsight as report };

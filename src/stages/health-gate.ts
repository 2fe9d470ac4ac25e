import { AegisError, InputError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { CommitHistory } from '../core/git/history.js';
import type { Remote } from '../core/git/remote.js';
import { recordVerdict } from '../core/gitops/verdicts.js';
import { type CheckSpec, checkSecrets, describeConditions, parseChecks } from '../core/health/checks.js';
import { decideRollback, describeRollback, type RollbackOptions } from '../core/health/decision.js';
import { DEFAULT_LIMITS } from '../core/health/evaluator.js';
import { CHECK_TYPES, type MeasureContext, measure, PROVIDERS, providerOf } from '../core/health/providers.js';
import { type Decision, measurementsDocument, renderSummary } from '../core/health/report.js';
import { type RollbackMethod, revertChange, revertResult } from '../core/health/rollback.js';
import { type WatchResult, watch } from '../core/health/watch.js';
import { markdownTable } from '../core/markdown.js';
import { displayPath } from '../core/paths.js';
import { MEASUREMENT_PHASES, type MeasurementPhase, measurementPhaseOf } from '../core/verdict.js';
import { Redactor } from '../platform/redact.js';
import type { Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import { pushToGitops } from './gitops-push.js';
import { type GitopsRepository, gitopsRepositoryInputs, parseGitopsRepository, withGitopsRemote } from './gitops-repository.js';
import type { InputReader } from './inputs.js';

const METHODS: readonly RollbackMethod[] = ['git-revert', 'argocd', 'kubectl', 'none'];

export interface HealthGateOptions {
  checks: CheckSpec[];
  timeoutMs: number;
  rollback: RollbackMethod;
  rollbackOn: MeasurementPhase[];
  failOn: MeasurementPhase[];
  rollbackCommit?: string;
  /** Where rollback-commit is reverted (git-revert). */
  repository?: GitopsRepository;
  argocdHistoryId?: number;
  environment?: string;
  measurementsFile: string;
  dryRun: boolean;
  sourceRun?: string;
  /** Replaces every secret of the checks (and the stage's secret inputs) in text written anywhere. */
  redact: (text: string) => string;
}

/** Applies `redact` to every string in a JSON-like value. */
function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, redact)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)])) as T;
  }
  return value;
}

const definition = {
  name: 'health-gate',
  title: 'Health gate',
  description:
    'Watch a deployment with HTTP, Prometheus, Argo CD and Kubernetes checks under Argo Rollouts analysis rules, and roll back a failed one by reverting the exact GitOps commit.',
  inputs: {
    checks: {
      description: `YAML list of checks, each a \`name\` and one of: ${CHECK_TYPES.map((type) => `${type} {${PROVIDERS[type].keys.join(', ')}}`).join('; ')}. A check may override interval, count, initial-delay, failure-limit, inconclusive-limit, consecutive-error-limit, consecutive-success-limit, error-retry-interval and set dry-run. Every header value is treated as a secret. The condition language, the defaults and the differences from Argo Rollouts: README, health-gate: how it decides.`,
      required: true,
    },
    interval: { description: 'Time between measurements of a check (500ms, 10s, 1m).', default: '10s' },
    count: {
      description:
        "Measurements (errors excluded) after which a check is done; '0' watches until the run ends. A check that sets its own interval and no count runs until the run ends (Argo Rollouts).",
      default: '5',
    },
    'initial-delay': { description: 'Wait before the first measurement.', default: '0s' },
    'failure-limit': {
      description: "Failed measurements tolerated per check; one more fails it. '-1' disables it (then consecutive-success-limit decides).",
      default: '0',
    },
    'inconclusive-limit': { description: 'Inconclusive measurements tolerated per check; one more makes it Inconclusive.', default: '0' },
    'consecutive-error-limit': {
      description: 'Consecutive Error measurements tolerated per check; one more makes it Error.',
      default: '4',
    },
    'consecutive-success-limit': {
      description: "Consecutive Successful measurements that make a check Successful; '0' disables it.",
      default: '0',
    },
    'error-retry-interval': { description: 'Wait after an Error measurement before retrying (Argo Rollouts: 10s).', default: '10s' },
    timeout: {
      description: 'Overall limit on watching; checks still running then end (README: "When the timeout ends a run").',
      default: '10m',
    },
    rollback: {
      description: "What to do when the verdict is in 'rollback-on': git-revert, argocd, kubectl or none.",
      default: 'git-revert',
    },
    'rollback-on': { description: 'Verdicts that trigger the rollback (comma-separated).', default: 'Failed, Error' },
    'rollback-commit': {
      description: 'The GitOps commit to revert (commit-sha of gitops-bump or promote); also the revision argocd checks expect by default.',
    },
    'expected-revision': { description: 'Revision argocd checks expect when it differs from rollback-commit.' },
    ...gitopsRepositoryInputs({
      required: false,
      use: 'for git-revert; with argocd checks it also lets a later commit that contains rollback-commit count as deployed',
      branch: 'Branch of the GitOps repository holding rollback-commit.',
      author: 'Author of the revert commit, "Name <email>".',
    }),
    'argocd-token': { description: 'Argo CD API token for argocd checks (and the argocd rollback) that set none.', secret: true },
    'argocd-history-id': { description: "History id for 'rollback: argocd'; by default the deployment before the expected revision." },
    'notify-webhook': {
      description: "Deprecated: use 'notify' (common to every stage). Still taken as one more notify webhook.",
      secret: true,
    },
    environment: {
      description:
        "Environment name for messages (dev, staging, prod); with repository and rollback-commit it is recorded with the verdict in refs/notes/aegis, where promote's verified reads it.",
    },
    'fail-on': { description: 'Verdicts that fail the job (comma-separated).', default: 'Failed, Error, Inconclusive' },
    'measurements-file': {
      description:
        "Where to write every measurement as JSON: a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
    },
    'dry-run': { description: 'Watch and decide, but only print the rollback instead of doing it.', default: 'false' },
    'source-run': { description: 'Run URL recorded in the revert commit (Aegis-Source-Run); defaults to the current run.' },
  },
  outputs: {
    verdict: { kind: 'text', description: 'Successful, Failed, Inconclusive or Error: the worst phase across checks.' },
    'rolled-back': { kind: 'boolean', description: "'true' when a rollback was made." },
    'revert-sha': { kind: 'text', description: 'The revert commit pushed by git-revert (empty otherwise).' },
    measurements: {
      kind: 'path',
      description: 'Path of the JSON file with every measurement and the decision (relative to the workspace when inside it).',
    },
  },
} satisfies StageMetadata;

export interface HealthGatePlan {
  options: HealthGateOptions;
  /** The checks and what a rollback would do, as logged before watching. */
  text: string;
  /** Warnings about the checks found before watching (a query that does not parse, no conditions). */
  warnings: string[];
  /** What the gate does about the verdict: the method, when, and its targets. */
  rollback: RollbackOptions;
}

export interface HealthGateResult {
  plan: HealthGatePlan;
  watch: WatchResult;
  decision: Decision;
  /** The rollback's failure, when it failed: report throws it after writing everything. */
  rollbackError?: unknown;
}

function errorRetryInterval(reader: InputReader): number {
  const ms = reader.duration('error-retry-interval');
  if (ms < 100) throw new InputError('error-retry-interval', reader.string('error-retry-interval'), 'a duration of at least 100ms');
  return ms;
}

function phaseList(reader: InputReader, name: string): MeasurementPhase[] {
  return reader.list(name).map((value) => {
    const phase = measurementPhaseOf(value);
    if (!phase) throw new InputError(name, value, `verdicts among ${MEASUREMENT_PHASES.join(', ')}`);
    return phase;
  });
}

/** Reads and validates every input before anything is watched, written or pushed. */
export function parse(reader: InputReader, platform: Platform): HealthGateOptions {
  const rollbackCommit = reader.optional('rollback-commit');
  if (rollbackCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(rollbackCommit)) {
    throw new InputError('rollback-commit', rollbackCommit, 'a commit SHA (7 to 64 hexadecimal characters)');
  }
  const expectedRevision = reader.optional('expected-revision') ?? rollbackCommit;
  const count = reader.integer('count', { min: 0, max: 100_000 });
  const intervalMs = reader.duration('interval');
  if (intervalMs < 100) throw new InputError('interval', reader.string('interval'), 'a duration of at least 100ms');
  const timeoutMs = reader.duration('timeout');
  const argocdToken = reader.optional('argocd-token');
  const limits = {
    ...DEFAULT_LIMITS,
    count: count === 0 ? undefined : count,
    failureLimit: reader.integer('failure-limit', { min: -1 }),
    inconclusiveLimit: reader.integer('inconclusive-limit', { min: 0 }),
    consecutiveErrorLimit: reader.integer('consecutive-error-limit', { min: 0 }),
    consecutiveSuccessLimit: reader.integer('consecutive-success-limit', { min: 0 }),
  };
  const checks = parseChecks(reader.required('checks'), {
    intervalMs,
    initialDelayMs: reader.duration('initial-delay'),
    limits,
    errorRetryIntervalMs: errorRetryInterval(reader),
    expectedRevision,
    argocdToken,
  });
  for (const check of checks) {
    if (check.initialDelayMs >= timeoutMs) {
      throw new InputError(
        'timeout',
        reader.string('timeout'),
        `a timeout longer than the initial-delay of check '${check.name}' (${check.initialDelayMs / 1000}s)`,
        'it would time out before measuring',
      );
    }
  }

  const rollback = reader.choice('rollback', METHODS);
  const repository = parseGitopsRepository(reader, platform.name, 'optional');
  if (rollback === 'git-revert') {
    if (!rollbackCommit) {
      throw new InputError(
        'rollback-commit',
        '',
        'the GitOps commit to revert',
        "rollback is 'git-revert' (set rollback: none to only watch)",
      );
    }
    if (!repository) throw new InputError('repository', '', 'the GitOps repository holding rollback-commit', "rollback is 'git-revert'");
  }
  if (rollback === 'argocd' && !checks.some((check) => check.provider.type === 'argocd')) {
    throw new InputError(
      'rollback',
      rollback,
      'an argocd check naming the application to roll back, or another rollback',
      "rollback is 'argocd'",
    );
  }
  if (rollback === 'kubectl' && !checks.some((check) => check.provider.type === 'kubernetes')) {
    throw new InputError(
      'rollback',
      rollback,
      'a kubernetes check naming the deployment to undo, or another rollback',
      "rollback is 'kubectl'",
    );
  }
  const historyId = reader.optional('argocd-history-id');
  if (historyId !== undefined && !/^\d+$/.test(historyId)) throw new InputError('argocd-history-id', historyId, 'a non-negative integer');

  const redactor = new Redactor();
  for (const secret of checkSecrets(checks)) redactor.add(secret);
  for (const name of ['token', 'argocd-token', 'notify-webhook']) {
    const value = name in definition.inputs ? reader.optional(name) : undefined;
    if (value) redactor.add(value);
  }
  return {
    checks,
    timeoutMs,
    redact: (text) => redactor.redact(text),
    rollback,
    rollbackOn: phaseList(reader, 'rollback-on'),
    failOn: phaseList(reader, 'fail-on'),
    rollbackCommit,
    repository,
    argocdHistoryId: historyId === undefined ? undefined : Number(historyId),
    environment: reader.optional('environment'),
    measurementsFile: reader.outputPath('measurements-file', 'measurements.json'),
    dryRun: reader.boolean('dry-run'),
    sourceRun: reader.optional('source-run') ?? platform.event().runUrl,
  };
}

function planText(options: HealthGateOptions): string {
  const rows = options.checks.map((check) => [
    check.name,
    check.provider.type,
    `${check.intervalMs / 1000}s × ${check.limits.count ?? 'until the run ends'}${check.initialDelayMs ? ` after ${check.initialDelayMs / 1000}s` : ''}`,
    `${check.limits.failureLimit}/${check.limits.inconclusiveLimit}/${check.limits.consecutiveErrorLimit}${check.limits.consecutiveSuccessLimit ? `; ${check.limits.consecutiveSuccessLimit} consecutive successes` : ''}`,
    describeConditions(check),
  ]);
  const rollback = describeRollback({ method: options.rollback, commit: options.rollbackCommit, branch: options.repository?.branch });
  return `${markdownTable(['check', 'type', 'interval × count', 'limits failed/inconclusive/consecutive errors', 'decides by'], rows)}\n\nTimeout ${options.timeoutMs / 1000}s. On ${options.rollbackOn.join(' or ') || 'no verdict'}: rollback ${rollback}${options.dryRun ? ' (dry run: printed, not done)' : ''}.`;
}

function targets<T extends CheckSpec['provider']['type']>(options: HealthGateOptions, type: T) {
  return options.checks.map((check) => check.provider).filter((provider) => provider.type === type) as Array<
    Extract<CheckSpec['provider'], { type: T }>
  >;
}

/** The checks and the rollback, as text; every secret of the checks registered before anything is logged. */
export async function plan(options: HealthGateOptions, platform: Platform): Promise<HealthGatePlan> {
  // Every header value, token and password in the checks is a secret, whatever the header is called.
  for (const secret of checkSecrets(options.checks)) platform.secret(secret);
  const warnings: string[] = [];
  for (const check of options.checks) {
    const warning = await providerOf(check.provider).preflight?.(check.name, check.provider);
    if (warning) warnings.push(warning);
    // A query without conditions passes whatever it returns (Argo's rule): worth a word.
    if (check.provider.type === 'prometheus' && !check.provider.success && !check.provider.failure) {
      warnings.push(`Check '${check.name}' has no success-condition or failure-condition: ${describeConditions(check)}.`);
    }
  }
  const rollback: RollbackOptions = {
    method: options.rollback,
    on: options.rollbackOn,
    dryRun: options.dryRun,
    commit: options.rollbackCommit,
    branch: options.repository?.branch,
    argocd: targets(options, 'argocd'),
    kubernetes: targets(options, 'kubernetes'),
    argocdHistoryId: options.argocdHistoryId,
    log: platform.log,
  };
  return { options, text: planText(options), warnings, rollback };
}

/** Watches, records the verdict on the rolled-out commit, and rolls back when the verdict calls for it. */
export async function execute(plan: HealthGatePlan, platform: Platform): Promise<HealthGateResult> {
  const { options } = plan;
  const { log } = platform;
  log.info(`Plan:\n${plan.text}`);
  for (const warning of plan.warnings) log.warning(warning);

  const result = await watchChecks(options, platform);
  const { repository } = options;
  if (repository && options.rollbackCommit && !options.dryRun) {
    const verdict = { verdict: result.verdict, environment: options.environment, checkedAt: new Date(), sourceRun: options.sourceRun };
    const record = (remote: Remote) => recordVerdict({ ...repository, remote, commit: options.rollbackCommit as string, verdict, log });
    await withGitopsRemote(platform, repository, record).catch((error) => log.warning(`Verdict not recorded: ${(error as Error).message}`));
  }
  const { decision, error } = await decideRollback(plan.rollback, result, {
    revert: async (reason) => {
      const gitops = repository as GitopsRepository;
      const push = await pushToGitops(platform, {
        repository: gitops,
        change: revertChange({
          branch: gitops.branch,
          commit: options.rollbackCommit as string,
          author: gitops.author,
          log,
          reason: options.redact(reason),
          sourceRun: options.sourceRun,
        }),
        dryRun: options.dryRun,
      });
      return revertResult(push.transaction);
    },
  });
  log.info(decision.text);
  return { plan, watch: result, decision, rollbackError: error };
}

function watchChecks(options: HealthGateOptions, platform: Platform): Promise<WatchResult> {
  const { log } = platform;
  const watchWith = (includesCommit?: MeasureContext['includesCommit']) =>
    log.group('Watching', () =>
      watch(
        options.checks.map((spec) => ({
          spec,
          measure: (signal: AbortSignal) => measure(spec.provider, { signal, includesCommit }),
          waitTimeoutMs: providerOf(spec.provider).waitTimeoutMs?.(spec.provider),
        })),
        { timeoutMs: options.timeoutMs, log },
      ),
    );
  // With the GitOps repository known, Argo CD synced at a later commit that contains ours (other
  // jobs pushed on top) counts as ours deployed; without it only the exact commit does.
  const repository = options.repository;
  const argocd = options.checks.some((check) => check.provider.type === 'argocd');
  if (!repository || !argocd) return watchWith();
  return withGitopsRemote(platform, repository, async (remote) => {
    const history = new CommitHistory(remote, repository.branch);
    try {
      return await watchWith((revision, commit) => history.includes(revision, commit));
    } finally {
      history.close();
    }
  });
}

/** The measurements file, the outputs and the summary; then the rollback's failure, then the fail-on verdict. */
export async function report(result: HealthGateResult, platform: Platform): Promise<void> {
  const { options } = result.plan;
  const { watch: watched, decision } = result;
  // Services echo what they are sent: everything written is redacted, not only the logs.
  const document = redactDeep(measurementsDocument(watched, options.checks, decision), options.redact);
  writeFileSafely(options.measurementsFile, `${JSON.stringify(document, null, 2)}\n`);
  platform.setOutput('verdict', watched.verdict);
  platform.setOutput('rolled-back', String(decision.rolledBack));
  platform.setOutput('revert-sha', decision.revertSha ?? '');
  platform.setOutput('measurements', displayPath(platform.workspace, options.measurementsFile));
  await platform.summary(options.redact(renderSummary(watched, options.checks, decision)));

  if (result.rollbackError) throw result.rollbackError;
  if (options.failOn.includes(watched.verdict)) {
    // Each check that did not pass, with its last measurement: that names the host and what it said.
    const why = watched.checks
      .filter((check) => check.phase !== 'Successful')
      .map((check) => {
        const last = watched.measurements.filter((measurement) => measurement.check === check.name).at(-1);
        return `${check.name}: ${check.phase}, ${check.reason}${last?.message ? `; last: ${last.message}` : ''}`;
      });
    throw new AegisError(`Health gate verdict: ${watched.verdict}${why.length > 0 ? ` (${why.join('; ')})` : ''}. ${decision.text}`);
  }
}

// The module shape of every stage (src/stages/module.ts).
export { definition };

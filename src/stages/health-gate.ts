import { AegisError, InputError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { CommitHistory } from '../core/git/history.js';
import type { Remote } from '../core/git/remote.js';
import { recordVerdict } from '../core/gitops/verdicts.js';
import {
  type ArgoCdCheck,
  type CheckSpec,
  checkSecrets,
  describeConditions,
  type KubernetesCheck,
  parseChecks,
} from '../core/health/checks.js';
import { DEFAULT_LIMITS, type MeasurementPhase } from '../core/health/evaluator.js';
import { CHECK_TYPES, type MeasureContext, measure, PROVIDERS, providerOf } from '../core/health/providers.js';
import { type Decision, measurementsDocument, renderSummary } from '../core/health/report.js';
import { argoRollback, kubectlUndo, type RollbackMethod, revertCommit } from '../core/health/rollback.js';
import { type WatchResult, watch } from '../core/health/watch.js';
import { markdownTable } from '../core/markdown.js';
import { displayPath } from '../core/paths.js';
import { Redactor } from '../platform/redact.js';
import type { Platform, PlatformName } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import {
  type GitopsRepository,
  gitopsPushSettings,
  gitopsRepositoryInputs,
  parseGitopsRepository,
  withGitopsRemote,
} from './gitops-repository.js';
import { InputReader } from './inputs.js';

const PHASES: readonly MeasurementPhase[] = ['Successful', 'Failed', 'Inconclusive', 'Error'];
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
  run: (platform: Platform) => runHealthGate(platform),
} satisfies StageDefinition;

export const healthGate: StageDefinition = definition;

function errorRetryInterval(reader: InputReader): number {
  const ms = reader.duration('error-retry-interval');
  if (ms < 100) throw new InputError('error-retry-interval', reader.string('error-retry-interval'), 'a duration of at least 100ms');
  return ms;
}

function phaseList(reader: InputReader, name: string): MeasurementPhase[] {
  return reader.list(name).map((value) => {
    const phase = PHASES.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    if (!phase) throw new InputError(name, value, `verdicts among ${PHASES.join(', ')}`);
    return phase;
  });
}

/** Reads and validates every input before anything is watched, written or pushed. */
export function parseHealthGateInputs(
  reader: InputReader,
  _workspace: string,
  platform: PlatformName = 'local',
  runUrl?: string,
): HealthGateOptions {
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
  const repository = parseGitopsRepository(reader, platform, 'optional');
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
    sourceRun: reader.optional('source-run') ?? runUrl,
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
  const rollback =
    options.rollback === 'git-revert'
      ? `git-revert of ${options.rollbackCommit?.slice(0, 12)} on ${options.repository?.branch}`
      : options.rollback === 'none'
        ? 'none'
        : options.rollback;
  return `${markdownTable(['check', 'type', 'interval × count', 'limits failed/inconclusive/consecutive errors', 'decides by'], rows)}\n\nTimeout ${options.timeoutMs / 1000}s. On ${options.rollbackOn.join(' or ') || 'no verdict'}: rollback ${rollback}${options.dryRun ? ' (dry run: printed, not done)' : ''}.`;
}

function firstProvider<T extends CheckSpec['provider']['type']>(options: HealthGateOptions, type: T) {
  return options.checks.map((check) => check.provider).filter((provider) => provider.type === type) as Array<
    Extract<CheckSpec['provider'], { type: T }>
  >;
}

function verdictReason(result: WatchResult): string {
  const decisive = result.checks.filter((check) => check.phase === result.verdict && !check.dryRun);
  const lines = decisive.map((check) => {
    const last = [...result.measurements].reverse().find((m) => m.check === check.name && m.phase !== 'Running');
    return `- ${check.name}: ${check.phase} (${check.reason})${last ? `; last measurement: ${last.message}` : ''}`;
  });
  return `health-gate verdict: ${result.verdict}\n${lines.join('\n')}`;
}

async function performRollback(
  options: HealthGateOptions,
  result: WatchResult,
  platform: Platform,
): Promise<Pick<Decision, 'rolledBack' | 'text' | 'revertSha'>> {
  const { log } = platform;
  const dry = options.dryRun ? 'Dry run: would ' : '';
  switch (options.rollback) {
    case 'none':
      return { rolledBack: false, text: `Verdict ${result.verdict}; rollback is 'none', nothing was rolled back.` };
    case 'git-revert': {
      const repository = options.repository as GitopsRepository;
      const { branch } = repository;
      const revert = await withGitopsRemote(platform, repository, (remote) =>
        revertCommit({
          ...gitopsPushSettings(repository, { remote, dryRun: options.dryRun, log }),
          commit: options.rollbackCommit as string,
          reason: options.redact(verdictReason(result)),
          sourceRun: options.sourceRun,
        }),
      );
      if (options.dryRun)
        return {
          rolledBack: false,
          text: `${dry}revert ${revert.reverted.slice(0, 12)} on ${branch} (${revert.files.join(', ')}).`,
        };
      if (revert.alreadyRevertedBy) {
        return {
          rolledBack: false,
          text: `${revert.reverted.slice(0, 12)} was already reverted by ${revert.alreadyRevertedBy.slice(0, 12)}.`,
        };
      }
      if (!revert.changed)
        return { rolledBack: false, text: `${branch} already has the content from before ${revert.reverted.slice(0, 12)}.` };
      const again =
        revert.undoneReverts.length > 0
          ? ` again: its earlier revert ${revert.undoneReverts[0]?.slice(0, 12)} had been undone, so the change was live again`
          : '';
      return {
        rolledBack: true,
        revertSha: revert.sha,
        text: `Reverted ${revert.reverted.slice(0, 12)}${again} with ${revert.sha.slice(0, 12)} pushed to ${branch}${revert.attempts > 1 ? ` (attempt ${revert.attempts})` : ''}.`,
      };
    }
    case 'argocd':
      return rollBackEach(firstProvider(options, 'argocd') as ArgoCdCheck[], options.dryRun, async (spec) => {
        const done = await argoRollback(spec, { historyId: options.argocdHistoryId, dryRun: options.dryRun, log });
        return `${dry}roll back Argo CD application ${done.application} to history ${done.historyId}${done.autoSync ? ' (auto-sync is on: it may re-sync the bad commit)' : ''}.`;
      });
    case 'kubectl':
      return rollBackEach(firstProvider(options, 'kubernetes') as KubernetesCheck[], options.dryRun, async (spec) => {
        await kubectlUndo(spec, { dryRun: options.dryRun, log });
        return `${dry}undo the rollout of deployment/${spec.deployment} in ${spec.namespace} (kubectl rollout undo; Git still holds the bad commit).`;
      });
  }
}

/** A rollback of several targets where some failed: what was done still counts. */
class PartialRollbackError extends AegisError {
  constructor(
    message: string,
    readonly done: Pick<Decision, 'rolledBack' | 'text'>,
  ) {
    super(message);
  }
}

/** Rolls back every target even when one fails, so the outputs say exactly what happened. */
async function rollBackEach<T>(
  targets: readonly T[],
  dryRun: boolean,
  rollBack: (target: T) => Promise<string>,
): Promise<Pick<Decision, 'rolledBack' | 'text'>> {
  const texts: string[] = [];
  const failures: string[] = [];
  for (const target of targets) {
    try {
      texts.push(await rollBack(target));
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  const done = { rolledBack: !dryRun && texts.length > 0, text: texts.join(' ') };
  if (failures.length > 0) {
    throw new PartialRollbackError(`${failures.length} of ${targets.length} rollbacks failed: ${failures.join('; ')}`, done);
  }
  return done;
}

export async function runHealthGate(platform: Platform): Promise<void> {
  const reader = new InputReader(platform, definition.inputs);
  const event = platform.event();
  const options = parseHealthGateInputs(reader, platform.workspace, platform.name, event.runUrl);
  const { log } = platform;
  // Every header value, token and password in the checks is a secret, whatever the header is called.
  for (const secret of checkSecrets(options.checks)) platform.secret(secret);

  log.info(`Plan:\n${planText(options)}`);
  for (const check of options.checks) {
    const warning = await providerOf(check.provider).preflight?.(check.name, check.provider);
    if (warning) log.warning(warning);
    // A query without conditions passes whatever it returns (Argo's rule): worth a word.
    if (check.provider.type === 'prometheus' && !check.provider.success && !check.provider.failure) {
      log.warning(`Check '${check.name}' has no success-condition or failure-condition: ${describeConditions(check)}.`);
    }
  }

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
  const result =
    repository && argocd
      ? await withGitopsRemote(platform, repository, async (remote) => {
          const history = new CommitHistory(remote, repository.branch);
          try {
            return await watchWith((revision, commit) => history.includes(revision, commit));
          } finally {
            history.close();
          }
        })
      : await watchWith();

  if (repository && options.rollbackCommit && !options.dryRun) {
    const verdict = { verdict: result.verdict, environment: options.environment, checkedAt: new Date(), sourceRun: options.sourceRun };
    const record = (remote: Remote) => recordVerdict({ ...repository, remote, commit: options.rollbackCommit as string, verdict, log });
    await withGitopsRemote(platform, repository, record).catch((error) => log.warning(`Verdict not recorded: ${(error as Error).message}`));
  }
  const wanted = options.rollbackOn.includes(result.verdict);
  let decision: Decision = {
    method: options.rollback,
    wanted,
    rolledBack: false,
    dryRun: options.dryRun,
    text: `Verdict ${result.verdict}: no rollback needed.`,
  };
  let rollbackError: unknown;
  if (wanted) {
    try {
      decision = {
        ...decision,
        ...(await log.group(`Rollback (${options.rollback})`, () => performRollback(options, result, platform))),
      };
    } catch (error) {
      rollbackError = error;
      const done = error instanceof PartialRollbackError ? error.done : { rolledBack: false, text: '' };
      decision = {
        ...decision,
        rolledBack: done.rolledBack,
        text: `${done.text} Rollback (${options.rollback}) FAILED: ${(error as Error).message}`.trim(),
      };
    }
  }
  log.info(decision.text);

  // Services echo what they are sent: everything written is redacted, not only the logs.
  const document = redactDeep(measurementsDocument(result, options.checks, decision), options.redact);
  writeFileSafely(options.measurementsFile, `${JSON.stringify(document, null, 2)}\n`);
  platform.setOutput('verdict', result.verdict);
  platform.setOutput('rolled-back', String(decision.rolledBack));
  platform.setOutput('revert-sha', decision.revertSha ?? '');
  platform.setOutput('measurements', displayPath(platform.workspace, options.measurementsFile));
  await platform.summary(options.redact(renderSummary(result, options.checks, decision)));

  if (rollbackError) throw rollbackError;
  if (options.failOn.includes(result.verdict)) {
    // Each check that did not pass, with its last measurement: that names the host and what it said.
    const why = result.checks
      .filter((check) => check.phase !== 'Successful')
      .map((check) => {
        const last = result.measurements.filter((measurement) => measurement.check === check.name).at(-1);
        return `${check.name}: ${check.phase}, ${check.reason}${last?.message ? `; last: ${last.message}` : ''}`;
      });
    throw new AegisError(`Health gate verdict: ${result.verdict}${why.length > 0 ? ` (${why.join('; ')})` : ''}. ${decision.text}`);
  }
}

// The module shape of every stage (src/stages/index.ts): definition, parse, run.
export { definition, runHealthGate as run };
export const parse = (reader: InputReader, platform: Platform) =>
  parseHealthGateInputs(reader, platform.workspace, platform.name, platform.event().runUrl);

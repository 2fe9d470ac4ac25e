import { writeFileSync } from 'node:fs';
import { AegisError, InputError } from '../core/errors.js';
import { CommitHistory } from '../core/git/history.js';
import { type ArgoCdCheck, type CheckSpec, describeConditions, type KubernetesCheck, parseChecks } from '../core/health/checks.js';
import { DEFAULT_LIMITS, type MeasurementPhase } from '../core/health/evaluator.js';
import { type MeasureContext, measure, validatePrometheusQuery } from '../core/health/providers.js';
import { type Decision, measurementsDocument, renderSummary } from '../core/health/report.js';
import { argoRollback, kubectlUndo, type RollbackMethod, revertCommit } from '../core/health/rollback.js';
import { type WatchResult, watch } from '../core/health/watch.js';
import type { Platform, PlatformName } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { type GitopsRepository, gitopsRepositoryInputs, parseGitopsRepository, withGitopsRemote } from './gitops-repository.js';
import { InputReader } from './inputs.js';
import { markdownTable } from './shared.js';

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
}

const definition = {
  name: 'health-gate',
  title: 'Health gate',
  description:
    'Watch a deployment with HTTP, Prometheus, Argo CD and Kubernetes checks under Argo Rollouts analysis rules, and roll back a failed one by reverting the exact GitOps commit.',
  inputs: {
    checks: {
      description:
        'YAML list of checks, each a `name` and one of: http {url, method, headers, body, expect-status, body-contains, json-path, success-condition, failure-condition, max-latency, timeout}; prometheus {address, query, success-condition, failure-condition, empty-result, headers, timeout}; argocd {server, application, app-namespace, token, revision, wait-timeout}; kubernetes {deployment, namespace, context, kubeconfig, wait-timeout}. A check may override interval, count, initial-delay, failure-limit, inconclusive-limit and consecutive-error-limit.',
      required: true,
    },
    interval: { description: 'Time between measurements of a check (500ms, 10s, 1m).', default: '10s' },
    count: {
      description: "Measurements (errors excluded) after which a check is Successful; '0' watches until the timeout.",
      default: '5',
    },
    'initial-delay': { description: 'Wait before the first measurement.', default: '0s' },
    'failure-limit': { description: 'Failed measurements tolerated per check; one more fails it.', default: '0' },
    'inconclusive-limit': { description: 'Inconclusive measurements tolerated per check; one more makes it Inconclusive.', default: '0' },
    'consecutive-error-limit': {
      description: 'Consecutive Error measurements tolerated per check; one more makes it Error.',
      default: '4',
    },
    timeout: { description: 'Overall limit on watching; checks still running then end (see the README for how).', default: '10m' },
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
    environment: { description: 'Environment name for messages (dev, staging, prod).' },
    'fail-on': { description: 'Verdicts that fail the job (comma-separated).', default: 'Failed, Error, Inconclusive' },
    'measurements-file': {
      description: 'Where to write every measurement as JSON (relative to the workspace).',
      default: 'health-gate-measurements.json',
    },
    'dry-run': { description: 'Watch and decide, but only print the rollback instead of doing it.', default: 'false' },
    'source-run': { description: 'Run URL recorded in the revert commit (Aegis-Source-Run); defaults to the current run.' },
  },
  outputs: {
    verdict: { description: 'Successful, Failed, Inconclusive or Error: the worst phase across checks.' },
    'rolled-back': { description: "'true' when a rollback was made." },
    'revert-sha': { description: 'The revert commit pushed by git-revert (empty otherwise).' },
    measurements: { description: 'Path of the JSON file with every measurement and the decision.' },
  },
  run: (platform: Platform) => runHealthGate(platform),
} satisfies StageDefinition;

export const healthGate: StageDefinition = definition;

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
  workspace: string,
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
  const checks = parseChecks(reader.required('checks'), {
    intervalMs,
    initialDelayMs: reader.duration('initial-delay'),
    limits: {
      ...DEFAULT_LIMITS,
      count: count === 0 ? undefined : count,
      failureLimit: reader.integer('failure-limit', { min: 0 }),
      inconclusiveLimit: reader.integer('inconclusive-limit', { min: 0 }),
      consecutiveErrorLimit: reader.integer('consecutive-error-limit', { min: 0 }),
    },
    expectedRevision,
    argocdToken,
  });

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

  return {
    checks,
    timeoutMs,
    rollback,
    rollbackOn: phaseList(reader, 'rollback-on'),
    failOn: phaseList(reader, 'fail-on'),
    rollbackCommit,
    repository,
    argocdHistoryId: historyId === undefined ? undefined : Number(historyId),
    environment: reader.optional('environment'),
    measurementsFile: reader.path('measurements-file', workspace) as string,
    dryRun: reader.boolean('dry-run'),
    sourceRun: reader.optional('source-run') ?? runUrl,
  };
}

function planText(options: HealthGateOptions): string {
  const rows = options.checks.map((check) => [
    check.name,
    check.provider.type,
    `${check.intervalMs / 1000}s × ${check.limits.count ?? 'until timeout'}${check.initialDelayMs ? ` after ${check.initialDelayMs / 1000}s` : ''}`,
    `${check.limits.failureLimit}/${check.limits.inconclusiveLimit}/${check.limits.consecutiveErrorLimit}`,
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
  const decisive = result.checks.filter((check) => check.phase === result.verdict);
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
          remote,
          branch,
          commit: options.rollbackCommit as string,
          author: repository.author,
          maxAttempts: repository.maxAttempts,
          dryRun: options.dryRun,
          log,
          reason: verdictReason(result),
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
      return {
        rolledBack: true,
        revertSha: revert.sha,
        text: `Reverted ${revert.reverted.slice(0, 12)} with ${revert.sha.slice(0, 12)} pushed to ${branch}${revert.attempts > 1 ? ` (attempt ${revert.attempts})` : ''}.`,
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
  for (const { provider } of options.checks) {
    if (provider.type === 'argocd' && provider.token) platform.secret(provider.token);
    for (const [name, value] of Object.entries('headers' in provider ? provider.headers : {})) {
      if (/authorization|token|key|secret|cookie|password/i.test(name)) platform.secret(value);
    }
  }

  log.info(`Plan:\n${planText(options)}`);
  for (const check of options.checks) {
    if (check.provider.type === 'prometheus') {
      const warning = await validatePrometheusQuery(check.name, check.provider);
      if (warning) log.warning(warning);
    }
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
          waitTimeoutMs: 'waitTimeoutMs' in spec.provider ? spec.provider.waitTimeoutMs : undefined,
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

  writeFileSync(options.measurementsFile, `${JSON.stringify(measurementsDocument(result, options.checks, decision), null, 2)}\n`);
  platform.setOutput('verdict', result.verdict);
  platform.setOutput('rolled-back', String(decision.rolledBack));
  platform.setOutput('revert-sha', decision.revertSha ?? '');
  platform.setOutput('measurements', options.measurementsFile);
  await platform.summary(renderSummary(result, options.checks, decision));

  if (rollbackError) throw rollbackError;
  if (options.failOn.includes(result.verdict)) {
    throw new AegisError(`Health gate verdict: ${result.verdict}. ${decision.text}`);
  }
}

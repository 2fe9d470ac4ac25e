/**
 * The decision rules of the health gate, as a pure state machine: a completed measurement
 * goes in, the check's phase comes out. The rules are those of Argo Rollouts' analysis
 * controller (analysis/analysis.go: assessMetricStatus, assessMetricFailureInconclusiveOrError,
 * assessRunStatus; utils/evaluate: EvaluateResult), so a team that knows one knows the other:
 *
 * - A measurement is Successful, Failed, Inconclusive or Error (see `phaseFromConditions`).
 * - Successful, Failed and Inconclusive measurements increase `count`; Error measurements do
 *   not (they are retried after error-retry-interval) but increase `consecutiveError`, which
 *   any other measurement resets. A Successful measurement increases `consecutiveSuccess`;
 *   any other resets it.
 * - After each measurement: failed > failure-limit (unless -1) → Failed; then inconclusive >
 *   inconclusive-limit → Inconclusive; then consecutive errors > consecutive-error-limit →
 *   Error (a later rule overrides an earlier one, as in Argo); then consecutive successes ≥
 *   consecutive-success-limit (when > 0) → Successful; then count reached → Successful, or
 *   Inconclusive / Failed when a consecutive-success-limit was set and not met.
 * - The run is Running while any check runs; once every check has completed its phase is the
 *   worst of the checks that are not dry-run: Successful < Inconclusive < Error < Failed.
 * - A check (not dry-run) completing Failed, Error or Inconclusive terminates the run; a check
 *   still running then completes Successful (also one that never measured), unless a limit
 *   was already violated.
 *
 * Our one addition, the overall `timeout` (Argo has none), ends the run like a termination,
 * except that a check that could not conclude is Inconclusive, not Successful: one whose
 * `count` or consecutive-success-limit was not reached, or one without a single measurement
 * that is not an Error. A check without count and without consecutive-success-limit (it runs
 * until the run ends) is Successful when the timeout ends it within its limits.
 */

import { MEASUREMENT_PHASES, type MeasurementPhase } from '../verdict.js';

export type { MeasurementPhase };
export type CheckPhase = 'Pending' | 'Running' | MeasurementPhase;

/** How many of each kind are tolerated, and when a check is done. */
export interface Limits {
  /** Measurements (errors excluded) after which the check is done; undefined: until the run ends. */
  count?: number;
  /** Failed measurements tolerated; -1 disables the limit (consecutive-success-limit decides). */
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
  /** Consecutive Successful measurements that make the check Successful; 0 disables it. */
  consecutiveSuccessLimit: number;
}

/** Argo Rollouts' defaults (utils/defaults: DefaultConsecutiveErrorLimit 4; limits 0). */
export const DEFAULT_LIMITS: Limits = { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0 };

/** Counters of one check (Argo's MetricResult without the measurement list). */
export interface Tally {
  phase: CheckPhase;
  /** Successful + Failed + Inconclusive measurements. */
  count: number;
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  consecutiveError: number;
  consecutiveSuccess: number;
  /** Why the phase is what it is, for people. */
  reason: string;
}

export function initialTally(): Tally {
  return {
    phase: 'Pending',
    count: 0,
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    consecutiveError: 0,
    consecutiveSuccess: 0,
    reason: 'no measurement yet',
  };
}

const COMPLETED = new Set<CheckPhase>(MEASUREMENT_PHASES);
export const isCompleted = (phase: CheckPhase): phase is MeasurementPhase => COMPLETED.has(phase);

/** Best to worst, as Argo Rollouts orders completed phases (utils/analysis/helpers.go analysisStatusOrder). */
const SEVERITY: Record<MeasurementPhase, number> = { Successful: 0, Inconclusive: 1, Error: 2, Failed: 3 };

export function worse(a: MeasurementPhase, b: MeasurementPhase): MeasurementPhase {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}

/** Argo's `EvaluateResult`: the phase of one measurement from its success/failure conditions. */
export function phaseFromConditions(success: boolean | undefined, failure: boolean | undefined): MeasurementPhase {
  if (success === undefined && failure === undefined) return 'Successful';
  const failed = failure ?? !success;
  const succeeded = success ?? !failure;
  if (failed) return 'Failed';
  return succeeded ? 'Successful' : 'Inconclusive';
}

/** Records one completed measurement and re-assesses the check. A completed check does not change. */
export function record(tally: Tally, limits: Limits, measurement: MeasurementPhase): Tally {
  if (isCompleted(tally.phase)) return tally;
  const next = { ...tally };
  if (measurement === 'Error') {
    next.error++;
    next.consecutiveError++;
    next.consecutiveSuccess = 0;
  } else {
    next.count++;
    next.consecutiveError = 0;
    if (measurement === 'Successful') {
      next.successful++;
      next.consecutiveSuccess++;
    } else {
      next.consecutiveSuccess = 0;
      if (measurement === 'Failed') next.failed++;
      else next.inconclusive++;
    }
  }
  return assess(next, limits, 'running');
}

/** Argo's assessMetricFailureInconclusiveOrError: a later violated limit overrides an earlier one. */
function violatedLimit(tally: Tally, limits: Limits): { phase: MeasurementPhase; reason: string } | undefined {
  let verdict: { phase: MeasurementPhase; reason: string } | undefined;
  if (limits.failureLimit >= 0 && tally.failed > limits.failureLimit) {
    verdict = { phase: 'Failed', reason: `failed ${tally.failed} > failure-limit ${limits.failureLimit}` };
  }
  if (tally.inconclusive > limits.inconclusiveLimit) {
    verdict = { phase: 'Inconclusive', reason: `inconclusive ${tally.inconclusive} > inconclusive-limit ${limits.inconclusiveLimit}` };
  }
  if (tally.consecutiveError > limits.consecutiveErrorLimit) {
    verdict = {
      phase: 'Error',
      reason: `consecutive errors ${tally.consecutiveError} > consecutive-error-limit ${limits.consecutiveErrorLimit}`,
    };
  }
  return verdict;
}

/**
 * The check's phase from its counters (Argo's assessMetricStatus). `ending` says why the run
 * stops early, if it does: 'terminated' (another check completed badly) or 'timeout'.
 */
export function assess(tally: Tally, limits: Limits, ending: 'running' | 'terminated' | 'timeout'): Tally {
  if (isCompleted(tally.phase)) return tally;
  const done = (phase: CheckPhase, reason: string): Tally => ({ ...tally, phase, reason });
  if (tally.count + tally.error === 0) {
    if (ending === 'running') return done('Pending', 'no measurement yet');
    return ending === 'terminated'
      ? done('Successful', 'the run ended before this check measured (Argo Rollouts: Successful)')
      : done('Inconclusive', 'the timeout came before this check measured');
  }
  const violated = violatedLimit(tally, limits);
  if (violated) return done(violated.phase, violated.reason);
  const successLimit = limits.consecutiveSuccessLimit;
  if (successLimit > 0 && tally.consecutiveSuccess >= successLimit) {
    return done('Successful', `consecutive successes ${tally.consecutiveSuccess} reached consecutive-success-limit ${successLimit}`);
  }
  if (limits.count !== undefined && tally.count >= limits.count) {
    if (successLimit > 0) {
      return limits.failureLimit >= 0
        ? done('Inconclusive', `count ${limits.count} reached without ${successLimit} consecutive successes, failure-limit not exceeded`)
        : done('Failed', `count ${limits.count} reached without ${successLimit} consecutive successes`);
    }
    return done('Successful', `count ${limits.count} reached`);
  }
  if (ending === 'terminated') return done('Successful', `run terminated after ${tally.count} measurement(s) within limits`);
  if (ending === 'timeout') {
    if (tally.count === 0) return done('Inconclusive', `timed out with only Error measurements (${tally.error})`);
    if (limits.count !== undefined) return done('Inconclusive', `timed out after ${tally.count} of ${limits.count} measurements`);
    if (successLimit > 0) {
      return done('Inconclusive', `timed out before ${successLimit} consecutive successes (${tally.consecutiveSuccess} so far)`);
    }
    return done('Successful', `watched until the timeout: ${tally.count} measurement(s) within limits`);
  }
  return done('Running', `${tally.count} measurement(s) within limits`);
}

/** A check's phase and whether it is dry-run (measured and reported, never decides). */
export interface PhaseOf {
  phase: CheckPhase;
  dryRun?: boolean;
}

/** Argo's `IsTerminating`: a check that is not dry-run completing Failed, Error or Inconclusive stops the run. */
export function isTerminating(checks: readonly PhaseOf[]): boolean {
  return checks.some(({ phase, dryRun }) => !dryRun && (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive'));
}

/** The run's phase: Running until every check has completed, then the worst of those not dry-run. */
export function runPhase(checks: readonly PhaseOf[]): CheckPhase {
  let worst: MeasurementPhase | undefined;
  for (const { phase, dryRun } of checks) {
    if (!isCompleted(phase)) return 'Running';
    if (dryRun) continue;
    worst = worst ? worse(worst, phase) : phase;
  }
  return worst ?? 'Successful';
}

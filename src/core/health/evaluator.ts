/**
 * The decision rules of the health gate, as a pure state machine: a completed measurement
 * goes in, the check's phase comes out. The rules are those of Argo Rollouts' analysis
 * controller (AnalysisRun metrics), so a team that knows one knows the other:
 *
 * - A measurement is Successful, Failed, Inconclusive or Error. From conditions (see
 *   `phaseFromConditions`): no conditions → Successful; only a success condition → Failed
 *   when it is false; only a failure condition → Successful when it is false; both → Failed
 *   if the failure condition holds, Successful if only the success condition holds,
 *   Inconclusive if neither. A condition that cannot be evaluated → Error.
 * - Successful, Failed and Inconclusive measurements increase `count`; Error measurements
 *   do not (they are retried) but increase `consecutiveError`, which any other measurement
 *   resets to 0.
 * - After each measurement the check is assessed, in this order:
 *   failed > failure-limit → Failed; inconclusive > inconclusive-limit → Inconclusive;
 *   consecutive errors > consecutive-error-limit → Error; count reached → Successful;
 *   otherwise Running. Limits are "how many are tolerated": failure-limit 0 means the first
 *   Failed measurement fails the check.
 * - The run (the gate) is Running while any check runs; once every check has completed its
 *   phase is the worst one, in the order Successful < Inconclusive < Error < Failed.
 * - As soon as one check completes Failed, Error or Inconclusive, the run terminates:
 *   no further measurements; a running check that has measurements completes Successful.
 *
 * Where the gate deliberately differs from Argo Rollouts (both stated in the summary):
 * - a check that the run ends before it produced one measurement without error is Error,
 *   not Successful — a gate that never looked must not pass;
 * - the overall `timeout` ends a run that Argo would leave running: a check with a `count`
 *   still unreached is Inconclusive (it could not conclude), a check without a count (runs
 *   until the timeout) is Successful.
 */

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';
export type CheckPhase = 'Pending' | 'Running' | MeasurementPhase;

/** How many of each kind are tolerated, and when a check is done. */
export interface Limits {
  /** Measurements (errors excluded) after which the check is Successful; undefined: until the run ends. */
  count?: number;
  failureLimit: number;
  inconclusiveLimit: number;
  consecutiveErrorLimit: number;
}

export const DEFAULT_LIMITS: Limits = { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4 };

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
    reason: 'no measurement yet',
  };
}

const COMPLETED = new Set<CheckPhase>(['Successful', 'Failed', 'Inconclusive', 'Error']);
export const isCompleted = (phase: CheckPhase): phase is MeasurementPhase => COMPLETED.has(phase);

/** Best to worst, as Argo Rollouts orders completed phases. */
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
  } else {
    next.count++;
    next.consecutiveError = 0;
    if (measurement === 'Successful') next.successful++;
    else if (measurement === 'Failed') next.failed++;
    else next.inconclusive++;
  }
  return assess(next, limits, 'running');
}

/**
 * The check's phase from its counters. `ending` says why the run stops early, if it does:
 * 'terminated' (another check completed badly) or 'timeout' (the overall timeout).
 */
export function assess(tally: Tally, limits: Limits, ending: 'running' | 'terminated' | 'timeout'): Tally {
  if (isCompleted(tally.phase)) return tally;
  const measured = tally.count + tally.error;
  const done = (phase: CheckPhase, reason: string): Tally => ({ ...tally, phase, reason });
  if (measured === 0 && ending === 'running') return done('Pending', 'no measurement yet');
  if (tally.failed > limits.failureLimit) return done('Failed', `failed ${tally.failed} > failure-limit ${limits.failureLimit}`);
  if (tally.inconclusive > limits.inconclusiveLimit) {
    return done('Inconclusive', `inconclusive ${tally.inconclusive} > inconclusive-limit ${limits.inconclusiveLimit}`);
  }
  if (tally.consecutiveError > limits.consecutiveErrorLimit) {
    return done('Error', `consecutive errors ${tally.consecutiveError} > consecutive-error-limit ${limits.consecutiveErrorLimit}`);
  }
  if (limits.count !== undefined && tally.count >= limits.count) return done('Successful', `count ${limits.count} reached`);
  if (ending !== 'running' && tally.count === 0) {
    return done('Error', `the run ${ending === 'timeout' ? 'timed out' : 'ended'} before this check produced a measurement without error`);
  }
  if (ending === 'terminated') return done('Successful', `run terminated after ${tally.count} measurement(s) within limits`);
  if (ending === 'timeout') {
    return limits.count === undefined
      ? done('Successful', `watched until the timeout: ${tally.count} measurement(s) within limits`)
      : done('Inconclusive', `timed out after ${tally.count} of ${limits.count} measurements`);
  }
  return done('Running', `${tally.count} measurement(s) within limits`);
}

/** Argo's `IsTerminating`: one check completed Failed, Error or Inconclusive stops the whole run. */
export function isTerminating(phases: readonly CheckPhase[]): boolean {
  return phases.some((phase) => phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive');
}

/** The run's phase: Running until every check has completed, then the worst of them. */
export function runPhase(phases: readonly CheckPhase[]): CheckPhase {
  let worst: MeasurementPhase | undefined;
  for (const phase of phases) {
    if (!isCompleted(phase)) return 'Running';
    worst = worst ? worse(worst, phase) : phase;
  }
  return worst ?? 'Successful';
}

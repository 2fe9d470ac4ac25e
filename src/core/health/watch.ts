import type { Log } from '../log.js';
import type { CheckSpec } from './checks.js';
import {
  assess,
  type CheckPhase,
  initialTally,
  isCompleted,
  isTerminating,
  type MeasurementPhase,
  record,
  runPhase,
  type Tally,
} from './evaluator.js';
import type { Observation } from './providers.js';

/** A check ready to run: its spec and how to take one measurement. */
export interface WatchedCheck {
  spec: CheckSpec;
  measure: (signal: AbortSignal) => Promise<Observation>;
  /** How long a `Running` (in-flight) measurement may last before it completes Failed. */
  waitTimeoutMs?: number;
}

/** One line of the measurements file: a completed measurement, or a poll of an in-flight one. */
export interface MeasurementRecord {
  check: string;
  /** 1-based number of the measurement in its check (in-flight polls share the number). */
  index: number;
  /** ISO time the measurement finished. */
  time: string;
  /** Milliseconds since the gate started watching. */
  elapsedMs: number;
  phase: MeasurementPhase | 'Running';
  value?: number;
  message: string;
  /** The check's phase after this measurement. */
  checkPhase: CheckPhase;
}

export interface CheckOutcome {
  name: string;
  phase: MeasurementPhase;
  /** Reported, not counted in the verdict. */
  dryRun: boolean;
  reason: string;
  tally: Tally;
}

export interface WatchResult {
  verdict: MeasurementPhase;
  /** 'completed': every check finished; 'terminated': a check completed badly; 'timeout': the overall timeout. */
  endedBy: 'completed' | 'terminated' | 'timeout';
  checks: CheckOutcome[];
  measurements: MeasurementRecord[];
  startedAt: string;
  durationMs: number;
}

export interface WatchOptions {
  timeoutMs: number;
  log: Log;
  /** Called as each measurement lands (after it is logged). */
  onMeasurement?: (measurement: MeasurementRecord) => void;
  /** How often a check waiting out its initial-delay says so (default 10 s). */
  delayProgressMs?: number;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/**
 * Runs every check concurrently on its own interval and feeds each completed measurement to
 * the evaluator (evaluator.ts). The first check to complete Failed, Error or Inconclusive
 * terminates the run: sleeping checks wake, in-flight requests are abandoned. The overall
 * timeout ends the run the same way, with the timeout rules of the evaluator.
 */
export async function watch(checks: readonly WatchedCheck[], options: WatchOptions): Promise<WatchResult> {
  const { log } = options;
  const start = Date.now();
  const stop = new AbortController();
  const ended: { by: WatchResult['endedBy'] } = { by: 'completed' };
  const timer = setTimeout(() => {
    ended.by = 'timeout';
    stop.abort();
  }, options.timeoutMs);
  const tallies = new Map(checks.map((check) => [check.spec.name, initialTally()]));
  const waiting = new Map<string, { since: number; observation: Observation; index: number }>();
  const measurements: MeasurementRecord[] = [];

  const land = (check: WatchedCheck, index: number, observation: Observation, checkPhase: CheckPhase): void => {
    const entry: MeasurementRecord = {
      check: check.spec.name,
      index,
      time: new Date().toISOString(),
      elapsedMs: Date.now() - start,
      phase: observation.phase,
      ...(observation.value !== undefined ? { value: observation.value } : {}),
      message: observation.message,
      checkPhase,
    };
    measurements.push(entry);
    const seconds = (entry.elapsedMs / 1000).toFixed(1).padStart(6);
    const tally = tallies.get(check.spec.name) as Tally;
    const status = isCompleted(checkPhase) ? ` → check ${checkPhase} (${tally.reason})` : '';
    log.info(`${seconds}s  [${check.spec.name}] #${index} ${observation.phase}: ${observation.message}${status}`);
    options.onMeasurement?.(entry);
  };

  const complete = (check: WatchedCheck, index: number, observation: Observation & { phase: MeasurementPhase }): Tally => {
    const tally = record(tallies.get(check.spec.name) as Tally, check.spec.limits, observation.phase);
    tallies.set(check.spec.name, tally);
    land(check, index, observation, tally.phase);
    return tally;
  };

  const waitInitialDelay = async (spec: WatchedCheck['spec']): Promise<void> => {
    const until = start + spec.initialDelayMs;
    const every = options.delayProgressMs ?? 10_000;
    if (spec.initialDelayMs > 0) log.info(`[${spec.name}] initial-delay: first measurement in ${(spec.initialDelayMs / 1000).toFixed(1)}s`);
    while (!stop.signal.aborted && Date.now() < until) {
      await pause(Math.min(every, until - Date.now()), stop.signal);
      const left = until - Date.now();
      if (left > 0 && !stop.signal.aborted) log.info(`[${spec.name}] initial-delay: first measurement in ${(left / 1000).toFixed(1)}s`);
    }
  };

  const runCheck = async (check: WatchedCheck): Promise<void> => {
    const { spec } = check;
    await waitInitialDelay(spec);
    let index = 1;
    while (!stop.signal.aborted) {
      const started = Date.now();
      let observation: Observation;
      try {
        observation = await check.measure(stop.signal);
      } catch (error) {
        if (stop.signal.aborted) break;
        observation = { phase: 'Error', message: (error as Error).message };
      }
      // A measurement still in flight when the run ends is abandoned, as Argo terminates it.
      if (stop.signal.aborted) break;
      if (observation.phase === 'Running') {
        const wait = waiting.get(spec.name) ?? { since: started, observation, index };
        wait.observation = observation;
        waiting.set(spec.name, wait);
        const limit = check.waitTimeoutMs ?? Number.POSITIVE_INFINITY;
        if (Date.now() - wait.since < limit) {
          land(check, index, observation, tallies.get(spec.name)?.phase ?? 'Pending');
          await pause(spec.intervalMs, stop.signal);
          continue;
        }
        observation = {
          ...observation,
          phase: 'Failed',
          message: `${observation.message} — not done after ${limit / 1000}s (wait-timeout)`,
        };
      }
      waiting.delete(spec.name);
      const tally = complete(check, index++, observation as Observation & { phase: MeasurementPhase });
      if (isCompleted(tally.phase)) {
        if (isTerminating([{ phase: tally.phase, dryRun: spec.dryRun }]) && !stop.signal.aborted) {
          ended.by = 'terminated';
          stop.abort();
        }
        // The run is complete once every check is (Argo's assessRunStatus); nothing else to wait for.
        return;
      }
      // Argo retries an Error after DefaultErrorRetryInterval, not the check's interval.
      await pause(observation.phase === 'Error' ? spec.errorRetryIntervalMs : spec.intervalMs, stop.signal);
    }
  };

  try {
    await Promise.all(checks.map(runCheck));
  } finally {
    clearTimeout(timer);
  }

  const endedBy = ended.by;
  const ending = endedBy === 'timeout' ? 'timeout' : 'terminated';
  for (const check of checks) {
    const name = check.spec.name;
    let tally = tallies.get(name) as Tally;
    const wait = waiting.get(name);
    // At the timeout, a measurement still waiting (Argo CD never reached the commit) has failed to arrive.
    if (wait && endedBy === 'timeout' && !isCompleted(tally.phase)) {
      tally = complete(check, wait.index, {
        ...wait.observation,
        phase: 'Failed',
        message: `${wait.observation.message} — not done when the gate timed out`,
      });
    }
    if (!isCompleted(tally.phase)) {
      tally = assess(tally, check.spec.limits, ending);
      tallies.set(name, tally);
      log.info(`[${name}] → check ${tally.phase} (${tally.reason})`);
    }
  }

  const outcomes = checks.map((check) => {
    const tally = tallies.get(check.spec.name) as Tally;
    return { name: check.spec.name, phase: tally.phase as MeasurementPhase, dryRun: check.spec.dryRun, reason: tally.reason, tally };
  });
  return {
    verdict: runPhase(outcomes) as MeasurementPhase,
    endedBy,
    checks: outcomes,
    measurements,
    startedAt: new Date(start).toISOString(),
    durationMs: Date.now() - start,
  };
}

import { describe, expect, test } from 'vitest';
import {
  assess,
  type CheckPhase,
  DEFAULT_LIMITS,
  initialTally,
  isTerminating,
  type Limits,
  type MeasurementPhase,
  phaseFromConditions,
  record,
  runPhase,
  worse,
} from '../../src/core/health/evaluator.js';

const S = 'Successful';
const F = 'Failed';
const I = 'Inconclusive';
const E = 'Error';

/** Feeds measurements in order and returns the phase after each one (stopping once completed). */
function phases(limits: Partial<Limits>, measurements: MeasurementPhase[]): CheckPhase[] {
  const effective = { ...DEFAULT_LIMITS, ...limits };
  let tally = initialTally();
  const out: CheckPhase[] = [];
  for (const measurement of measurements) {
    tally = record(tally, effective, measurement);
    out.push(tally.phase);
  }
  return out;
}

describe('check phase after each measurement (Argo Rollouts assessMetricStatus)', () => {
  test.each<[string, Partial<Limits>, MeasurementPhase[], CheckPhase[]]>([
    ['count reached with all Successful', { count: 3 }, [S, S, S], ['Running', 'Running', 'Successful']],
    ['failure-limit 0: the first Failed fails', { count: 5 }, [S, F], ['Running', 'Failed']],
    ['failure-limit 1 tolerates one Failed', { count: 4, failureLimit: 1 }, [F, S, S, S], ['Running', 'Running', 'Running', 'Successful']],
    ['failure-limit 1: the second Failed fails', { count: 5, failureLimit: 1 }, [F, S, F], ['Running', 'Running', 'Failed']],
    ['inconclusive-limit 0: the first Inconclusive ends Inconclusive', { count: 5 }, [S, I], ['Running', 'Inconclusive']],
    [
      'inconclusive-limit 2 tolerates two',
      { count: 4, inconclusiveLimit: 2 },
      [I, I, S, S],
      ['Running', 'Running', 'Running', 'Successful'],
    ],
    ['failure is checked before inconclusive', { count: 5 }, [F], ['Failed']],
    ['four consecutive errors are tolerated (default limit 4)', { count: 5 }, [E, E, E, E], ['Running', 'Running', 'Running', 'Running']],
    ['the fifth consecutive error is Error', { count: 5 }, [E, E, E, E, E], ['Running', 'Running', 'Running', 'Running', 'Error']],
    ['a success resets consecutive errors', { count: 9 }, [E, E, E, E, S, E, E, E, E], Array(9).fill('Running')],
    ['consecutive-error-limit 0: the first error is Error', { count: 5, consecutiveErrorLimit: 0 }, [E], ['Error']],
    ['errors do not count toward count', { count: 2 }, [S, E, S], ['Running', 'Running', 'Successful']],
    ['Failed measurements count toward count when within the limit', { count: 2, failureLimit: 1 }, [F, S], ['Running', 'Successful']],
    ['limits are checked before count', { count: 2, failureLimit: 1 }, [F, F], ['Running', 'Failed']],
    ['no count: runs until the run ends', {}, [S, S, S, S, S, S], Array(6).fill('Running')],
    ['a completed check ignores later measurements', { count: 1 }, [S, F], ['Successful', 'Successful']],
  ])('%s', (_name, limits, measurements, expected) => {
    expect(phases(limits, measurements)).toEqual(expected);
  });

  test('the reason names the limit that decided', () => {
    let tally = initialTally();
    tally = record(tally, { ...DEFAULT_LIMITS, count: 5, failureLimit: 1 }, F);
    tally = record(tally, { ...DEFAULT_LIMITS, count: 5, failureLimit: 1 }, F);
    expect(tally.reason).toBe('failed 2 > failure-limit 1');
    expect(tally).toMatchObject({ count: 2, failed: 2, successful: 0, error: 0 });
  });
});

describe('ending a run early', () => {
  const tallyAfter = (limits: Partial<Limits>, measurements: MeasurementPhase[]) => {
    const effective = { ...DEFAULT_LIMITS, ...limits };
    return { tally: measurements.reduce((tally, m) => record(tally, effective, m), initialTally()), limits: effective };
  };

  test.each<[string, Partial<Limits>, MeasurementPhase[], 'terminated' | 'timeout', CheckPhase]>([
    ['terminated with measurements within limits: Successful (Argo)', { count: 5 }, [S, S], 'terminated', 'Successful'],
    [
      'terminated before any measurement: Successful (Argo: the run verdict comes from the check that ended it)',
      { count: 5 },
      [],
      'terminated',
      'Successful',
    ],
    ['terminated with only errors within the limit: Successful (Argo)', { count: 5 }, [E, E], 'terminated', 'Successful'],
    ['timeout with a count unreached: Inconclusive', { count: 5 }, [S, S], 'timeout', 'Inconclusive'],
    ['timeout without a count: Successful', {}, [S, S, S], 'timeout', 'Successful'],
    ['timeout before any measurement: Inconclusive (it could not conclude)', {}, [], 'timeout', 'Inconclusive'],
    ['limits still apply when ending', { count: 5 }, [E, E, E, E, E], 'timeout', 'Error'],
  ])('%s', (_name, limits, measurements, ending, expected) => {
    const { tally, limits: effective } = tallyAfter(limits, measurements);
    expect(assess(tally, effective, ending).phase).toBe(expected);
  });

  test('still running when not ending, pending before the first measurement', () => {
    expect(assess(initialTally(), DEFAULT_LIMITS, 'running').phase).toBe('Pending');
  });
});

describe('measurement phase from conditions (Argo Rollouts EvaluateResult)', () => {
  test.each<[string, boolean | undefined, boolean | undefined, MeasurementPhase]>([
    ['no conditions: Successful', undefined, undefined, S],
    ['success only, true', true, undefined, S],
    ['success only, false: Failed', false, undefined, F],
    ['failure only, true: Failed', undefined, true, F],
    ['failure only, false: Successful', undefined, false, S],
    ['both true: failure wins', true, true, F],
    ['success true, failure false', true, false, S],
    ['neither holds: Inconclusive', false, false, I],
  ])('%s', (_name, success, failure, expected) => {
    expect(phaseFromConditions(success, failure)).toBe(expected);
  });
});

describe('the run (AnalysisRun) phase', () => {
  test.each<[string, CheckPhase[], CheckPhase, boolean]>([
    ['all Successful', [S, S], S, false],
    ['one still running', [S, 'Running'], 'Running', false],
    ['pending counts as running', ['Pending', S], 'Running', false],
    ['worst wins: Failed over Error', [E, F, S], F, true],
    ['Error over Inconclusive', [I, E], E, true],
    ['Inconclusive over Successful', [S, I], I, true],
    ['a failed check terminates even while another runs', [F, 'Running'], 'Running', true],
  ])('%s', (_name, checks, expected, terminating) => {
    const phases = checks.map((phase) => ({ phase }));
    expect(runPhase(phases)).toBe(expected);
    expect(isTerminating(phases)).toBe(terminating);
  });

  test('severity order is Successful < Inconclusive < Error < Failed', () => {
    expect(worse(S, I)).toBe(I);
    expect(worse(I, E)).toBe(E);
    expect(worse(E, F)).toBe(F);
    expect(worse(F, S)).toBe(F);
  });
});

import { describe, expect, test } from 'vitest';
import type { CheckSpec } from '../../src/core/health/checks.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/core/health/evaluator.js';
import type { Observation } from '../../src/core/health/providers.js';
import { type WatchedCheck, watch } from '../../src/core/health/watch.js';
import type { Log } from '../../src/core/log.js';

/** watch() with scripted measurements: each check answers from its list (the last answer repeats). */
function scripted(
  name: string,
  answers: Observation['phase'][],
  options: Partial<Omit<CheckSpec, 'limits'>> & { limits?: Partial<Limits> } = {},
): WatchedCheck & { calls: number[] } {
  const calls: number[] = [];
  const start = Date.now();
  const spec: CheckSpec = {
    name,
    provider: { type: 'kubernetes', deployment: name, namespace: 'default', waitTimeoutMs: 1000, timeoutMs: 1000 },
    intervalMs: options.intervalMs ?? 20,
    initialDelayMs: options.initialDelayMs ?? 0,
    errorRetryIntervalMs: options.errorRetryIntervalMs ?? 20,
    dryRun: options.dryRun ?? false,
    limits: { ...DEFAULT_LIMITS, count: 3, ...options.limits },
  };
  return {
    spec,
    calls,
    measure: async () => {
      calls.push(Date.now() - start);
      const phase = answers[Math.min(calls.length - 1, answers.length - 1)] as Observation['phase'];
      return { phase, message: `${phase} #${calls.length}` };
    },
  };
}

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  const log = {
    lines,
    info: (message: string) => lines.push(message),
    warning: (message: string) => lines.push(`WARNING ${message}`),
    error: (message: string) => lines.push(`ERROR ${message}`),
    debug: () => {},
    group: async <T>(_title: string, body: () => Promise<T>) => body(),
  };
  return log as unknown as Log & { lines: string[] };
}

describe('watch()', () => {
  test('one check still in initial-delay while another ends Inconclusive: the verdict is Inconclusive, not Error (issue 14)', async () => {
    const log = recordingLog();
    const result = await watch([scripted('waiting', ['Successful'], { initialDelayMs: 5000 }), scripted('unsure', ['Inconclusive'])], {
      timeoutMs: 10_000,
      log,
    });
    expect(result.verdict).toBe('Inconclusive');
    expect(result.endedBy).toBe('terminated');
    expect(result.checks.map((check) => check.phase)).toEqual(['Successful', 'Inconclusive']);
  });

  test('progress is printed while a check waits out its initial-delay', async () => {
    const log = recordingLog();
    // The first line is printed at once, the next one a progress period later: a delay ten periods long leaves room for a slow machine.
    await watch([scripted('late', ['Successful'], { initialDelayMs: 1000, limits: { count: 1 } })], {
      timeoutMs: 5000,
      log,
      delayProgressMs: 100,
    });
    const waiting = log.lines.filter((line) => line.includes('[late] initial-delay: first measurement in'));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
  });

  test('an Error is retried after error-retry-interval, not after the interval', async () => {
    const check = scripted('flaky', ['Error', 'Successful'], { intervalMs: 2000, errorRetryIntervalMs: 30, limits: { count: 1 } });
    // The run times out at 1 s: only a retry sooner than the 2 s interval can reach the second answer.
    const result = await watch([check], { timeoutMs: 1000, log: recordingLog() });
    expect(result.verdict).toBe('Successful');
    expect(check.calls).toHaveLength(2);
  });

  test('a dry-run check that fails neither ends the run nor decides the verdict', async () => {
    const dry = scripted('dry', ['Failed'], { dryRun: true });
    const wet = scripted('wet', ['Successful']);
    const result = await watch([dry, wet], { timeoutMs: 10_000, log: recordingLog() });
    expect(result.verdict).toBe('Successful');
    expect(result.endedBy).toBe('completed');
    expect(result.checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'dry', phase: 'Failed', dryRun: true })]));
    expect(wet.calls).toHaveLength(3);
  });

  test('a check without count runs until the run ends; the timeout then makes it Successful within its limits', async () => {
    const result = await watch([scripted('forever', ['Successful'], { limits: { count: undefined } })], {
      timeoutMs: 200,
      log: recordingLog(),
    });
    expect(result).toMatchObject({ verdict: 'Successful', endedBy: 'timeout' });
    expect(result.checks[0]?.tally.count).toBeGreaterThan(2);
  });

  test('the timeout: a check short of its count, or one that never measured, is Inconclusive', async () => {
    const result = await watch(
      [
        scripted('short', ['Successful'], { intervalMs: 50, limits: { count: 100 } }),
        scripted('never', ['Successful'], { initialDelayMs: 5000 }),
      ],
      { timeoutMs: 150, log: recordingLog() },
    );
    expect(result.verdict).toBe('Inconclusive');
    expect(result.checks.map((check) => check.phase)).toEqual(['Inconclusive', 'Inconclusive']);
  });

  test('consecutive-success-limit ends a check Successful as soon as it is reached', async () => {
    const check = scripted('settle', ['Failed', 'Successful', 'Successful'], {
      limits: { count: undefined, failureLimit: -1, consecutiveSuccessLimit: 2 },
    });
    const result = await watch([check], { timeoutMs: 5000, log: recordingLog() });
    expect(result.verdict).toBe('Successful');
    expect(check.calls).toHaveLength(3);
    expect(result.checks[0]?.reason).toContain('consecutive-success-limit 2');
  });

  test('the first Failed check terminates the others, which end Successful (Argo), and the verdict is Failed', async () => {
    const result = await watch(
      [scripted('bad', ['Failed']), scripted('good', ['Successful'], { intervalMs: 1000, limits: { count: 50 } })],
      {
        timeoutMs: 10_000,
        log: recordingLog(),
      },
    );
    expect(result).toMatchObject({ verdict: 'Failed', endedBy: 'terminated' });
    expect(result.checks[1]).toMatchObject({ phase: 'Successful', reason: expect.stringMatching(/run (terminated|ended)/) });
  });
});

/**
 * The health gate's decision rules, row by row against Argo Rollouts' own tests and docs
 * (vendored in test/fixtures/health-gate/argo/, see SOURCE.md). Each row cites the Argo test
 * (file + test name, or the case comment of a table test) or the doc line it reproduces; the
 * last test checks every citation exists in the vendored files. Where we deliberately differ
 * (bad input refused before watching instead of an Error measurement at run time), the row
 * says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { type CheckSpec, parseChecks } from '../../src/core/health/checks.js';
import { evaluateConditions } from '../../src/core/health/conditions.js';
import {
  assess,
  type CheckPhase,
  DEFAULT_LIMITS,
  initialTally,
  isTerminating,
  type Limits,
  type MeasurementPhase,
  record,
  runPhase,
  type Tally,
  worse,
} from '../../src/core/health/evaluator.js';
import { Expression, type Value } from '../../src/core/health/expression.js';
import { measure, type Observation } from '../../src/core/health/providers.js';

const ARGO = 'test/fixtures/health-gate/argo';
const cited: Array<{ file: string; anchor: string }> = [];
/** Records a citation: a Go test name / table case in a vendored test file, or a text in a vendored doc. */
function cite(file: string, anchor: string): string {
  cited.push({ file, anchor });
  return `${file} › ${anchor}`;
}
const A = (name: string) => cite('analysis_test.go.txt', name);
const V = (name: string) => cite('factory_test.go.txt', name);
const H = (name: string) => cite('helpers_test.go.txt', name);
const EV = (name: string) => cite('evaluate_test.go.txt', name);
const W = (name: string) => cite('webmetric_test.go.txt', name);
const P = (name: string) => cite('prometheus_test.go.txt', name);
const DOC = (file: 'analysis.md' | 'prometheus.md' | 'web.md', text: string) => cite(file, text);

const defaults = { intervalMs: 1000, initialDelayMs: 0, limits: { ...DEFAULT_LIMITS, count: 5 } };
const parse = (yaml: string): CheckSpec[] => parseChecks(yaml, defaults);
const signal = new AbortController().signal;

function tally(counts: Partial<Tally>): Tally {
  const base = { ...initialTally(), phase: 'Running' as CheckPhase, ...counts };
  // Argo's fixtures set Count directly; here it is the Successful + Failed + Inconclusive it stands for.
  return { ...base, count: counts.count ?? base.successful + base.failed + base.inconclusive };
}

describe('check phase (analysis.go assessMetricStatus)', () => {
  type Row = [string, Partial<Limits>, Partial<Tally>, boolean, CheckPhase];
  const limits = (l: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, count: undefined, ...l });
  test.each<Row>([
    [A('TestAssessMetricStatusNoMeasurements'), {}, { count: 0 }, false, 'Pending'],
    [A('TestAssessMetricStatusNoMeasurements'), {}, { count: 0 }, true, 'Successful'],
    [A('TestAssessMetricStatusFailureLimit'), { failureLimit: 2 }, { failed: 3 }, false, 'Failed'],
    [A('TestAssessMetricStatusFailureLimit'), { failureLimit: 2 }, { failed: 3 }, true, 'Failed'],
    [A('TestAssessMetricStatusFailureLimit'), { failureLimit: 3 }, { failed: 3 }, false, 'Running'],
    [A('TestAssessMetricStatusFailureLimit'), { failureLimit: 3 }, { failed: 3 }, true, 'Successful'],
    ...((): Row[] => {
      const r = { failed: 3, successful: 4, consecutiveSuccess: 3 };
      const c = 'TestAssessMetricStatusConsecutiveSuccessLimit';
      return [
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 3 }, r, false, 'Successful'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 5 }, r, false, 'Running'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 5 }, r, true, 'Successful'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 5, count: 7 }, r, false, 'Failed'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 3, count: 7 }, r, true, 'Successful'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 3, count: 9 }, r, false, 'Successful'],
        [A(c), { failureLimit: -1, consecutiveSuccessLimit: 5, count: 9 }, r, false, 'Running'],
      ];
    })(),
    ...((): Row[] => {
      const c = 'TestAssessMetricStatusFailureLimitAndConsecutiveSuccessLimit';
      const l = { failureLimit: 4, consecutiveSuccessLimit: 4 };
      return [
        [A(c), l, { failed: 3, successful: 4, consecutiveSuccess: 3 }, false, 'Running'],
        [A(c), l, { failed: 3, successful: 4, consecutiveSuccess: 3 }, true, 'Successful'],
        [A(c), l, { failed: 5, successful: 9, count: 9, consecutiveSuccess: 0 }, false, 'Failed'],
        [A(c), l, { failed: 3, successful: 5, consecutiveSuccess: 4 }, false, 'Successful'],
        [A(c), l, { failed: 5, successful: 5, consecutiveSuccess: 4 }, true, 'Failed'],
        [A(c), { ...l, count: 10 }, { failed: 4, successful: 6, consecutiveSuccess: 3 }, false, 'Inconclusive'],
        [A(c), { ...l, count: 10 }, { failed: 5, successful: 5, consecutiveSuccess: 3 }, false, 'Failed'],
        [A(c), { ...l, count: 10 }, { failed: 4, successful: 6, consecutiveSuccess: 4 }, false, 'Successful'],
        [A(c), { ...l, count: 10 }, { failed: 3, successful: 5, consecutiveSuccess: 3 }, false, 'Running'],
        [A(c), { ...l, count: 10 }, { failed: 3, successful: 5, consecutiveSuccess: 3 }, true, 'Successful'],
      ];
    })(),
    [A('TestAssessMetricStatusInconclusiveLimit'), { inconclusiveLimit: 2 }, { inconclusive: 3 }, false, 'Inconclusive'],
    [A('TestAssessMetricStatusInconclusiveLimit'), { inconclusiveLimit: 3 }, { inconclusive: 3 }, false, 'Running'],
    [A('TestAssessMetricStatusInconclusiveLimit'), { inconclusiveLimit: 3 }, { inconclusive: 3 }, true, 'Successful'],
    [A('TestAssessMetricStatusConsecutiveErrors'), {}, { successful: 5, consecutiveError: 5, error: 5 }, false, 'Error'],
    [A('TestAssessMetricStatusConsecutiveErrors'), {}, { successful: 5, consecutiveError: 4, error: 4 }, true, 'Successful'],
    [A('TestAssessMetricStatusConsecutiveErrors'), {}, { successful: 5, consecutiveError: 4, error: 4 }, false, 'Running'],
    [A('TestAssessMetricStatusCountReached'), { count: 10 }, { successful: 10 }, false, 'Successful'],
    [A('TestAssessMetricStatusCountReached'), { count: 10 }, { successful: 5, inconclusive: 5, count: 10 }, false, 'Inconclusive'],
    [A('TestAssessMetricFailureInconclusiveOrError'), {}, { failed: 1 }, true, 'Failed'],
    [A('TestAssessMetricFailureInconclusiveOrError'), {}, { inconclusive: 1 }, true, 'Inconclusive'],
    [A('TestAssessMetricFailureInconclusiveOrError'), {}, { consecutiveError: 5, error: 5 }, true, 'Error'],
    [
      DOC('analysis.md', '`failureLimit` is violated and `consecutiveSuccessLimit` is not satisfied: Failure.'),
      { failureLimit: 1, consecutiveSuccessLimit: 3, count: 5 },
      { failed: 2, successful: 3, consecutiveSuccess: 1 },
      false,
      'Failed',
    ],
    [
      DOC('analysis.md', 'When terminating analyses prematurely, they are always terminated successfully'),
      { count: 10 },
      { successful: 2 },
      true,
      'Successful',
    ],
  ])('%s', (_source, l, counts, terminating, expected) => {
    expect(assess(tally(counts), limits(l), terminating ? 'terminated' : 'running').phase).toBe(expected);
  });

  test(A('TestRunMeasurementsResetConsecutiveErrorCounter'), () => {
    const next = record(tally({ successful: 4, consecutiveError: 4, error: 4 }), { ...DEFAULT_LIMITS, consecutiveErrorLimit: 9 }, 'Error');
    expect(next).toMatchObject({ consecutiveError: 5, error: 5, count: 4 });
    expect(record(next, { ...DEFAULT_LIMITS, consecutiveErrorLimit: 9 }, 'Successful')).toMatchObject({ consecutiveError: 0, count: 5 });
  });

  test(A('TestAssessMetricFailureInconclusiveOrError') + ' (the reasons)', () => {
    expect(assess(tally({ failed: 1 }), DEFAULT_LIMITS, 'running').reason).toBe('failed 1 > failure-limit 0');
    expect(assess(tally({ inconclusive: 1 }), DEFAULT_LIMITS, 'running').reason).toBe('inconclusive 1 > inconclusive-limit 0');
    expect(assess(tally({ consecutiveError: 5, error: 5 }), DEFAULT_LIMITS, 'running').reason).toBe(
      'consecutive errors 5 > consecutive-error-limit 4',
    );
  });
});

describe('run phase (assessRunStatus, IsTerminating, IsWorse)', () => {
  type C = { phase: CheckPhase; dryRun?: boolean };
  test.each<[string, C[], CheckPhase, boolean]>([
    [A('TestAssessRunStatus'), [{ phase: 'Successful' }, { phase: 'Running' }], 'Running', false],
    [A('TestAssessRunStatus'), [{ phase: 'Successful' }, { phase: 'Failed' }], 'Failed', true],
    [H('TestIsFastFailTerminating'), [{ phase: 'Running' }, { phase: 'Error', dryRun: true }], 'Running', false],
    [H('TestIsFastFailTerminating'), [{ phase: 'Error', dryRun: true }, { phase: 'Error' }], 'Error', true],
    [H('TestIsFastFailTerminating'), [{ phase: 'Inconclusive' }, { phase: 'Running' }], 'Running', true],
    [H('TestIsFastFailTerminating'), [], 'Successful', false],
    [A('TestAssessRunStatusWithOnlyDryRunMetrics'), [{ phase: 'Failed', dryRun: true }], 'Successful', false],
    [A('TestAssessRunStatusWithMixedMetrics'), [{ phase: 'Inconclusive' }, { phase: 'Successful', dryRun: true }], 'Inconclusive', true],
    [
      A('TestAssessRunStatusMultipleFailuresInDryRunMode'),
      [
        { phase: 'Failed', dryRun: true },
        { phase: 'Failed', dryRun: true },
      ],
      'Successful',
      false,
    ],
    [
      A('TestAssessRunStatusErrorMessageAnalysisPhaseFailInDryRunMode'),
      [
        { phase: 'Successful', dryRun: true },
        { phase: 'Failed', dryRun: true },
      ],
      'Successful',
      false,
    ],
    [
      DOC('analysis.md', "A metric running \nin the dry-run mode won't impact the final state"),
      [{ phase: 'Successful' }, { phase: 'Failed', dryRun: true }],
      'Successful',
      false,
    ],
  ])('%s', (_source, checks, expected, terminating) => {
    expect(runPhase(checks)).toBe(expected);
    expect(isTerminating(checks)).toBe(terminating);
  });

  test(H('TestIsWorst'), () => {
    const order: MeasurementPhase[] = ['Successful', 'Inconclusive', 'Error', 'Failed'];
    for (const [i, a] of order.entries()) for (const [j, b] of order.entries()) expect(worse(a, b)).toBe(order[Math.max(i, j)]);
  });

  test(A('TestTerminateAnalysisRun') + ': terminated before any measurement is Successful', () => {
    expect(assess(initialTally(), DEFAULT_LIMITS, 'terminated').phase).toBe('Successful');
  });
});

describe('limits refused before watching (factory.go ValidateMetric)', () => {
  const check = (extra: string, type = 'prometheus: {address: "http://p:9090", query: up}') => `- name: success-rate\n${extra}  ${type}\n`;
  test.each<[string, string, string | undefined]>([
    [
      V('Ensure count >= failureLimit + consecutiveSuccessLimit'),
      check('  count: 1\n  failure-limit: 2\n'),
      'count (1) must be >= failure-limit + consecutive-success-limit (2 + 0)',
    ],
    [V('Ensure count >= failureLimit + consecutiveSuccessLimit'), check('  count: 0\n  failure-limit: 2\n'), undefined],
    [
      V('Ensure count must be >= inconclusiveLimit'),
      check('  count: 1\n  inconclusive-limit: 2\n'),
      'count (1) must be >= inconclusive-limit (2)',
    ],
    [V('Validate metric'), check('  count: 2\n  interval: 60s\n  failure-limit: 2\n'), undefined],
    [V('Ensure valid internal string'), check('  interval: 60s-typo\n'), "a duration such as '500ms'"],
    [V('Ensure valid initialDelay string'), check('  initial-delay: 60s-typo\n'), "a duration such as '500ms'"],
    [V('Ensure metric provider listed'), '[]', 'no checks were given'],
    [V('Ensure no duplicate metric names'), `${check('')}${check('')}`, "'success-rate' appears twice"],
    [V('Ensure failureLimit >= -1'), check('  failure-limit: -2\n'), 'failure-limit must be >= 0, or -1 to be disabled'],
    [V('Ensure inconclusiveLimit >= 0'), check('  inconclusive-limit: -1\n'), 'inconclusive-limit must be >= 0'],
    [V('Ensure consecutiveErrorLimit >= 0'), check('  consecutive-error-limit: -1\n'), 'consecutive-error-limit must be >= 0'],
    [V('Ensure metric has provider'), '- name: success-rate\n  count: 1\n', "check 'success-rate' has no type"],
    [V('Ensure metric does not have more than 1 provider'), check('  http: {url: "http://a"}\n'), 'exactly one check type per check'],
    [V('Ensure consecutiveSuccessLimit >= 0'), check('  consecutive-success-limit: -1\n'), 'consecutive-success-limit must be >= 0'],
    [
      V('Ensure consecutiveSuccessLimit and failureLimit are not both disabled'),
      check('  consecutive-success-limit: 0\n  failure-limit: -1\n'),
      'failure-limit and consecutive-success-limit cannot both be disabled',
    ],
    [DOC('analysis.md', 'failureLimit: -1'), check('  failure-limit: -1\n  consecutive-success-limit: 4\n'), undefined],
  ])('%s', (_source, yaml, refusal) => {
    if (refusal === undefined) expect(() => parse(yaml)).not.toThrow();
    else expect(() => parse(yaml)).toThrow(refusal);
  });

  test(
    DOC('analysis.md', 'since\nno interval is specified, the analysis will perform a single measurement') +
      ' — a check with its own interval and no count runs until the run ends',
    () => {
      expect(parse(check('  interval: 5m\n'))[0]?.limits.count).toBeUndefined();
      expect(parse(check('  count: 0\n'))[0]?.limits.count).toBeUndefined();
      expect(parse(check(''))[0]?.limits.count).toBe(5);
    },
  );
});

/** A fetch that answers like a server would, recording what it was sent. */
function fakeFetch(status: number, body: string | null, seen: Array<{ url: string; init: RequestInit }> = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    return new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof fetch;
}

async function measureWith(
  yaml: string,
  status: number,
  body: string | null,
  seen?: Array<{ url: string; init: RequestInit }>,
): Promise<Observation> {
  const spec = parse(yaml)[0] as CheckSpec;
  return measure(spec.provider, { signal, fetch: fakeFetch(status, body, seen) });
}

describe('http check = Argo web metric provider (webmetric_test.go TestRunSuite)', () => {
  const web = (fields: Record<string, unknown>) =>
    `- name: web\n  http: ${JSON.stringify({ url: 'http://svc.test/metrics', ...fields })}\n`;
  const doc = '{"a": 1, "b": true, "c": [1, 2, 3, 4], "d": null}';
  const all = 'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil';
  test.each<[string, Record<string, unknown>, number, string | null, MeasurementPhase, string?]>([
    [
      W('When_noJSONPathSpecified_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': all, headers: { key: 'value' } },
      200,
      doc,
      'Successful',
    ],
    [
      W('When_matchesNeitherCondition_Then_Inconclusive'),
      {
        'success-condition': 'result.a >= 2 && result.b && all(result.c, {# < 5}) && result.d == nil',
        'failure-condition': 'result.a <= 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
      },
      200,
      doc,
      'Inconclusive',
    ],
    [
      W('When_intStringReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'asInt(result) > 0', 'failure-condition': 'asInt(result) <= 0', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "1"}}]}',
      'Successful',
    ],
    [
      W('When_intStringReturnedInJson_And_DoesNotMatcheConditions_Then_Failure'),
      { 'success-condition': 'asInt(result) > 0', 'failure-condition': 'asInt(result) <= 0', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "0"}}]}',
      'Failed',
    ],
    [
      W('When_floatStringReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'asFloat(result) > 1.1', 'failure-condition': 'asFloat(result) <= 0', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "1.2"}}]}',
      'Successful',
    ],
    [
      W('When_floatStringReturnedInJson_And_DoesNotMatcheConditions_Then_Failure'),
      { 'success-condition': 'asFloat(result) > 1.1', 'failure-condition': 'asFloat(result) < 1.3', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "1.2"}}]}',
      'Failed',
    ],
    [
      W('When_numberReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'result > 0', 'failure-condition': 'result <= 0', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": 1}}]}',
      'Successful',
    ],
    [
      W('When_floatReturnedInJson_And_DoesNotMatchConditions_Then_Failure'),
      { 'success-condition': 'result > 0', 'failure-condition': 'result <= 0', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": -1.1}}]}',
      'Failed',
    ],
    [
      W('When_stringReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'result == "true"', 'failure-condition': 'result == "false"', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "true"}}]}',
      'Successful',
    ],
    [
      W('When_stringReturnedInJson_And_DoesNotMatchConditions_Then_Fail'),
      { 'success-condition': 'result == "true"', 'failure-condition': 'result == "true"', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": "true"}}]}',
      'Failed',
    ],
    [
      W('When_boolReturnedInJson_And_DoesNotMatchConditions_Then_Fail'),
      { 'success-condition': 'result == true', 'failure-condition': 'result == false', 'json-path': '{$.key[0].key2.value}' },
      200,
      '{"key": [{"key2": {"value": false}}]}',
      'Failed',
    ],
    [
      W('When_listReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'any(result, {# > 5})', 'json-path': '{$.key}' },
      200,
      '{"key": [1, 2, 3, 4, 5, 6]}',
      'Successful',
    ],
    [
      W('When_listReturnedInJson_And_DoesNotMatchConditions_Then_Fail'),
      { 'success-condition': 'any(result, {# > 6})', 'json-path': '{$.key}' },
      200,
      '{"key": [1, 2, 3, 4, 5, 6]}',
      'Failed',
    ],
    [
      W('When_mapReturnedInJson_And_MatchesConditions_Then_Succeed'),
      { 'success-condition': 'result.num > 1.1 && result.bool && result.mapfield.foo == "bar"', 'json-path': '{$.key}' },
      200,
      '{"key":{"num":1.2, "bool":true, "mapfield":{"foo":"bar"}}}',
      'Successful',
    ],
    [
      W('When_non200_Then_Error'),
      { 'success-condition': 'true', 'failure-condition': 'true', 'json-path': '{$.key[0].key2.value}' },
      300,
      '{"key": [{"key2": {"value": "true"}}]}',
      'Error',
      'received non 2xx response code: 300',
    ],
    [
      W('When_200Response_And_EmptyBody_Then_Succeed'),
      { 'success-condition': 'true', 'json-path': '{$.key[0].key2.value}' },
      200,
      '',
      'Successful',
    ],
    [
      W('When_200Response_And_EmptyBody_And_SuccessConditionNotMet_Then_Fail (#4535)'),
      { 'success-condition': "result == 'fail123'" },
      200,
      '',
      'Failed',
    ],
    [
      W('When_200Response_And_NonJsonBody_Then_Succeed'),
      { 'success-condition': "result == 'test: notJson'", 'json-path': '{$.key[0].key2.value}' },
      200,
      'test: notJson',
      'Successful',
    ],
    [
      W('When_200Response_And_NonJsonBody_And_SuccessConditionNotMet_Then_Fail (#4535)'),
      { 'success-condition': "result == 'fail123'" },
      200,
      'OK',
      'Failed',
    ],
    [
      W('When_200Response_And_JsonPathHasNoMatch_Then_Error'),
      { 'success-condition': 'true', 'failure-condition': 'true', 'json-path': '{$.key[0].key2.novalue}' },
      200,
      '{"key": [{"key2": {"value": "true"}}]}',
      'Error',
      'Could not find JSONPath in body',
    ],
    [W('When_200Response_And_AnyJson_Then_Succeed'), { 'success-condition': 'true' }, 200, '{}', 'Successful'],
    [W('When_non200Response_And_NoBody_Then_Failure'), {}, 400, '', 'Error'],
    [DOC('web.md', 'result == "I am OK"'), { 'success-condition': 'result == "I am OK"' }, 200, 'I am OK', 'Successful'],
    [
      DOC('web.md', 'result.ok && result.successPercent >= 0.90'),
      { 'success-condition': 'result.ok && result.successPercent >= 0.90', 'json-path': '{$.data}' },
      200,
      '{"data": {"ok": true, "successPercent": 0.95}}',
      'Successful',
    ],
  ])('%s', async (_source, fields, status, body, expected, message) => {
    const observation = await measureWith(web(fields), status, body);
    expect(observation.phase).toBe(expected);
    if (message) expect(observation.message).toContain(message);
  });

  test(W('When_methodPOST_Then_server_gets_body'), async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const observation = await measureWith(web({ method: 'POST', body: 'some body', 'success-condition': all }), 200, doc, seen);
    expect(observation.phase).toBe('Successful');
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: 'some body' });
  });

  test(W('When_methodPUT_Then_server_gets_jsonBody_Then_Succeed'), async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    await measureWith(
      web({ method: 'PUT', 'json-body': { key1: 'value1', key2: { key3: 'value3' } }, 'success-condition': all }),
      200,
      doc,
      seen,
    );
    expect(seen[0]?.init.method).toBe('PUT');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ key1: 'value1', key2: { key3: 'value3' } });
    expect(seen[0]?.init.headers).toMatchObject({ 'Content-Type': 'application/json' });
  });

  test.each<[string, Record<string, unknown>, string]>([
    [W('When_sendingBodyWithGet_Then_Failure'), { body: 'some body' }, 'method is GET'],
    [W('When_sendingJsonBodyWithGet_Then_Failure'), { 'json-body': { key1: 'value1' } }, 'method is GET'],
    [
      W('When_sending_BothBodyAndJsonBodyWithGet_Then_Failure'),
      { body: 'test body', 'json-body': { key1: 'value1' } },
      'use either Body or JSONBody',
    ],
  ])('%s — refused before watching (Argo: an Error measurement)', (_source, fields, message) => {
    expect(() => parse(web(fields))).toThrow(message);
  });
});

describe('prometheus check = Argo Prometheus provider (prometheus_test.go)', () => {
  const prom = (fields: Record<string, unknown>) =>
    `- name: prom\n  prometheus: ${JSON.stringify({ address: 'http://prom.test:9090', query: 'test', ...fields })}\n`;
  const ok = (resultType: string, result: unknown) => JSON.stringify({ status: 'success', data: { resultType, result } });
  const scalar = (value: string) => ok('scalar', [0, value]);
  const vector = (...values: string[]) =>
    ok(
      'vector',
      values.map((value) => ({ metric: {}, value: [0, value] })),
    );
  const matrix = ok('matrix', [
    {
      metric: {},
      values: [
        [1234, '11'],
        [1234, '12'],
      ],
    },
    {
      metric: {},
      values: [
        [1234, '13'],
        [1234, '14'],
      ],
    },
  ]);
  test.each<[string, Record<string, unknown>, number, string, MeasurementPhase, string?]>([
    [
      P('TestRunSuccessfully'),
      { 'success-condition': 'result == 10', 'failure-condition': 'result != 10' },
      200,
      scalar('10'),
      'Successful',
    ],
    [
      P('TestRunSuccessfullyWithRangeQuery'),
      {
        'success-condition': 'all(result, # > 10)',
        'failure-condition': 'all(result, # < 10)',
        'range-query': { start: 'now() - duration("1h")', end: 'now()', step: '1m' },
      },
      200,
      matrix,
      'Successful',
      'result [11,12,13,14]',
    ],
    [
      P('TestRunWithQueryError'),
      { 'success-condition': 'result == 10' },
      422,
      JSON.stringify({ status: 'error', errorType: 'execution', error: 'bad big bug :(' }),
      'Error',
      'bad big bug :(',
    ],
    [
      P('TestRunWithEvaluationError'),
      { 'success-condition': 'result == 10' },
      200,
      ok('string', [0, 'x']),
      'Error',
      'Prometheus metric type not supported',
    ],
    [
      P('TestProcessNaNResponse') + ' inconclusive',
      { 'success-condition': 'result >= 0.9', 'failure-condition': 'result < 0.9' },
      200,
      scalar('NaN'),
      'Inconclusive',
    ],
    [P('TestProcessNaNResponse') + ' success', { 'success-condition': 'result >= 0.9 || isNaN(result)' }, 200, scalar('NaN'), 'Successful'],
    [P('TestProcessNaNResponse') + ' failure', { 'success-condition': 'result >= 0.9' }, 200, scalar('NaN'), 'Failed'],
    [P('TestProcessInfResponse') + ' success', { 'success-condition': 'result >= 0.9' }, 200, scalar('+Inf'), 'Successful'],
    [P('TestProcessInfResponse') + ' failure', { 'failure-condition': 'isInf(result)' }, 200, scalar('+Inf'), 'Failed'],
    [
      P('TestProcessVectorResponse'),
      { 'success-condition': '10 in result', 'failure-condition': 'len(result) != 2' },
      200,
      vector('10', '11'),
      'Successful',
      'result [10,11]',
    ],
    [P('TestProcessInvalidResponse'), { 'success-condition': 'true', 'failure-condition': 'true' }, 200, 'null', 'Error', 'null'],
    [
      P('TestRunErrorBasicAuthFailure'),
      { 'success-condition': 'result[0] == 10', 'basic-auth': { username: 'wronguser', password: 'wrongpassword' } },
      401,
      '',
      'Error',
    ],
    [
      DOC('analysis.md', 'successCondition: len(result) == 0 || result[0] >= 0.95'),
      { 'success-condition': 'len(result) == 0 || result[0] >= 0.95' },
      200,
      vector(),
      'Successful',
    ],
    [
      DOC('analysis.md', 'successCondition: len(result) > 0 && result[0] >= 0.95'),
      { 'success-condition': 'len(result) > 0 && result[0] >= 0.95' },
      200,
      vector(),
      'Failed',
    ],
    [EV('TestEvaluateResultErrorMessageWithEmptySlice'), { 'success-condition': 'result[0] >= 0.95' }, 200, vector(), 'Error', 'empty'],
    [
      DOC('prometheus.md', 'successCondition: result[0] >= 0.95'),
      { 'success-condition': 'result[0] >= 0.95' },
      200,
      vector('0.97'),
      'Successful',
    ],
  ])('%s', async (_source, fields, status, body, expected, message) => {
    const observation = await measureWith(prom(fields), status, body);
    expect(observation.phase).toBe(expected);
    if (message) expect(observation.message).toContain(message);
  });

  test(P('TestRunSuccessfulWithBasicAuth'), async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const observation = await measureWith(
      prom({ 'success-condition': 'result[0] == 10', 'basic-auth': { username: 'myuser', password: 'mypassword' } }),
      200,
      vector('10'),
      seen,
    );
    expect(observation.phase).toBe('Successful');
    expect(((seen[0] as { init: RequestInit }).init.headers as Record<string, string>).Authorization).toBe(
      `Basic ${Buffer.from('myuser:mypassword').toString('base64')}`,
    );
  });

  test(P('TestRunSuccessfullyWithRangeQuery') + ': start, end and step sent as Argo computes them', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    await measureWith(
      prom({
        'success-condition': 'all(result, # > 10)',
        'range-query': {
          start: 'date("2023-08-14 00:00:00", "2006-01-02 15:04:05", "UTC") - duration("1h")',
          end: 'date("2023-08-14 00:00:00", "2006-01-02 15:04:05", "UTC")',
          step: '1m',
        },
      }),
      200,
      matrix,
      seen,
    );
    const url = new URL(seen[0]?.url as string);
    expect(url.pathname).toBe('/api/v1/query_range');
    expect(url.searchParams.get('start')).toBe(String(Date.UTC(2023, 7, 13, 23) / 1000));
    expect(url.searchParams.get('end')).toBe(String(Date.UTC(2023, 7, 14) / 1000));
    expect(url.searchParams.get('step')).toBe('60');
  });

  test.each<[string, Record<string, unknown>, string]>([
    [
      P('TestRunUnparsableStartTime'),
      { 'range-query': { start: 'now() - duration("??")', end: 'now()', step: '1m' } },
      'time: invalid duration',
    ],
    [P('TestRunUnparsableStep'), { 'range-query': { start: 'now()', end: 'now()', step: '??' } }, 'a step of at least 1s'],
    [
      P('TestNewPrometheusAPIMissingBasicAuthUsername'),
      { 'basic-auth': { password: 'mypassword' } },
      'missing mandatory parameter in metric for basic auth setup: username',
    ],
    [
      P('TestNewPrometheusAPIMissingBasicAuthPassword'),
      { 'basic-auth': { username: 'myuser' } },
      'missing mandatory parameter in metric for basic auth setup: password',
    ],
    [P('TestNewPrometheusNegativeTimeout'), { timeout: -20 }, 'a positive number of seconds'],
    [P('TestNewPrometheusAPI'), { address: ':invalid::url' }, 'an http:// or https:// URL'],
  ])('%s — refused before watching (Argo: an Error at run time)', (_source, fields, message) => {
    expect(() => parse(prom(fields))).toThrow(message);
  });
});

describe('condition language = expr as Argo evaluates it (evaluate_test.go, docs)', () => {
  const phase = (success: string | undefined, failure: string | undefined, result: Value) =>
    evaluateConditions(success ? Expression.parse(success) : undefined, failure ? Expression.parse(failure) : undefined, { result }).phase;
  test.each<[string, string | undefined, string | undefined, Value, MeasurementPhase]>([
    [EV('TestEvaluateResultWithSuccess'), 'true', 'false', true, 'Successful'],
    [EV('TestEvaluateResultWithFailure'), 'true', 'true', true, 'Failed'],
    [EV('TestEvaluateResultInconclusive'), 'false', 'false', true, 'Inconclusive'],
    [EV('TestEvaluateResultNoSuccessConditionAndNotFailing'), undefined, 'false', true, 'Successful'],
    [EV('TestEvaluateResultNoFailureConditionAndNotSuccessful'), 'false', undefined, true, 'Failed'],
    [EV('TestEvaluateResultNoFailureConditionAndNoSuccessCondition'), undefined, undefined, true, 'Successful'],
    [EV('TestEvaluateResultWithErrorOnSuccessCondition'), 'result.a == true', 'true', true, 'Error'],
    [EV('TestEvaluateResultWithErrorOnFailureCondition'), 'true', 'result.a == true', true, 'Error'],
    [EV('TestEvaluateResultErrorMessageWithNilResult'), 'result[0] >= 0.95', undefined, null, 'Error'],
  ])('%s', (_source, success, failure, result, expected) => {
    expect(phase(success, failure, result)).toBe(expected);
  });

  test.each<[string, string, Value, boolean]>([
    [EV('TestEvaluateConditionWithSuccess'), 'result == true', true, true],
    [EV('TestEvaluateConditionWithFailure'), 'result == false', true, false],
    [
      EV('TestEvaluateArray'),
      'all(result.service_apdex.values.values, {# > 1})',
      { service_apdex: { label: null, values: { values: [2, 2] } } },
      true,
    ],
    [EV('TestEvaluateInOperator'), '2 in result', [2, 2], true],
    [EV('TestEvaluateFloat64'), 'result > 1', 5, true],
    [EV('TestEvaluateAsInt'), 'asInt(result) == 1', '1', true],
    [EV('TestEvaluateAsInt'), 'asInt(result) == 1', 1, true],
    [EV('TestEvaluateAsInt'), 'asInt(result) == 1', 1.123, true],
    [EV('TestEvaluateAsFloat'), 'asFloat(result) == 1.1', '1.1', true],
    [EV('TestEvaluateAsFloat'), 'asFloat(result) >= 1.1', '1.1', true],
    [EV('TestEvaluateAsFloat'), 'asFloat(result) >= 1', 1, true],
    [EV('TestIsNil'), 'isNil(result)', null, true],
    [EV('TestIsNil'), 'isNil(result)', [1, 2], false],
    [EV('TestDefaultFunc'), 'default(result, 2) == 2', null, true],
    [EV('TestDefaultFunc'), 'default(result, 0) == 1', 1, true],
    [DOC('analysis.md', 'successCondition: default(result, 0) < 0.05'), 'default(result, 0) < 0.05', null, true],
    [DOC('prometheus.md', 'successCondition: "all(result, # < 1000)"'), 'all(result, # < 1000)', [12, 999], true],
    [DOC('prometheus.md', '`result[0] < 1000` - this will only check the first value returned'), 'result[0] < 1000', [12, 5000], true],
    [DOC('analysis.md', "successCondition: result == 'true'"), "result == 'true'", 'true', true],
    [
      W('When_noJSONPathSpecified_And_MatchesConditions_Then_Succeed') + ' (the expression)',
      'result.a > 0 && result.b && all(result.c, {# < 5}) && result.d == nil',
      { a: 1, b: true, c: [1, 2, 3, 4], d: null },
      true,
    ],
  ])('%s: %s', (_source, source, result, expected) => {
    expect(Expression.parse(source).test({ result })).toBe(expected);
  });

  test.each<[string, string, Value, string]>([
    [EV('TestErrorWithNonBoolReturn'), '1', true, 'expected bool, but got'],
    [EV('TestEvaluateAsIntPanic'), 'asInt(result) == 1.1', '1.1', 'asInt() cannot convert'],
    [EV('TestEvaluateAsFloatError'), 'asFloat(result) == 1.1', 'NotANum', 'asFloat() cannot convert'],
  ])('%s: %s is an evaluation error', (_source, source, result, message) => {
    expect(() => Expression.parse(source).test({ result })).toThrow(message);
  });

  test.each<[string, string, string]>([
    [EV('TestErrorWithInvalidReference'), 'invalidVariable', "unknown variable 'invalidVariable'"],
    [EV('TestEvaluateInvalidStruct'), "result.Name() == 'hi'", 'method calls'],
  ])('%s — refused when the checks are read', (_source, condition, message) => {
    expect(() =>
      parse(`- name: c\n  prometheus: {address: "http://p", query: up, success-condition: "${condition.replace(/"/g, '\\"')}"}`),
    ).toThrow(message);
  });
});

test('every row cites a test or doc line that exists in the vendored Argo files', () => {
  expect(cited.length).toBeGreaterThanOrEqual(40);
  const files = new Map<string, string>();
  for (const { file, anchor } of cited) {
    if (!files.has(file)) files.set(file, readFileSync(`${ARGO}/${file}`, 'utf8'));
    const text = files.get(file) as string;
    const name = anchor.replace(/ \(#\d+\)$/, '');
    const found = file.endsWith('.md')
      ? text.replace(/\s+/g, ' ').includes(anchor.replace(/\s+/g, ' '))
      : text.includes(`func ${name}(`) || text.includes(`// ${anchor}`) || text.includes(`t.Run("${name}"`);
    expect(found, `${file} › ${anchor}`).toBe(true);
  }
});

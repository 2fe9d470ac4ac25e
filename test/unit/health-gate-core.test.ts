import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { parseTrailers } from '../../src/core/git/trailers.js';
import { type CheckDefaults, type CheckSpec, checkSecrets, describeConditions, parseChecks } from '../../src/core/health/checks.js';
import { DEFAULT_LIMITS } from '../../src/core/health/evaluator.js';
import { Expression, type Value } from '../../src/core/health/expression.js';
import { parseJsonPath, selectJsonPath } from '../../src/core/health/json-path.js';
import { assessArgoApplication, assessDeployment, measure } from '../../src/core/health/providers.js';
import { measurementChart } from '../../src/core/health/report.js';
import { kubectlUndoArgs, pickHistoryEntry, revertMessage } from '../../src/core/health/rollback.js';

const NEW = 'a'.repeat(40);
const OLD = 'b'.repeat(40);

describe('condition expressions', () => {
  test.each<[string, Record<string, Value>, Value]>([
    ['result < 0.05', { result: [0.01] }, true],
    ['result < 0.05', { result: 0.2 }, false],
    ['result[0] >= 0.95', { result: [0.97] }, true],
    ['len(result) == 2 && result[1] > 1', { result: [0, 2] }, true],
    ['not isNaN(result) and result <= 100', { result: [Number.NaN] }, false],
    ['result.status == "UP"', { result: { status: 'UP' } }, true],
    ["result.checks[-1].name == 'db'", { result: { checks: [{ name: 'x' }, { name: 'db' }] } }, true],
    ['status == 200 || latency < 250', { status: 503, latency: 100 }, true],
    ['max(result) - min(result) < 0.1', { result: [0.5, 0.55] }, true],
    ['-result + 2 * 3 == 5', { result: 1 }, true],
    ['contains(body, "ok")', { body: 'all ok' }, true],
    ['result == null', { result: null }, true],
    ['(result > 1) == false', { result: 0 }, true],
  ])('%s with %j', (source, variables, expected) => {
    expect(Expression.parse(source).evaluate(variables)).toBe(expected);
  });

  test.each([
    ['result <', 'unexpected end of expression'],
    ['result < 1 < 2', 'cannot be chained'],
    ['eval(result)', "unknown function 'eval'"],
    ['result ; 1', "unexpected character ';'"],
    ["'open", 'unterminated string'],
    ['', 'empty'],
  ])('parse error: %s', (source, message) => {
    expect(() => Expression.parse(source)).toThrow(message);
  });

  test.each<[string, Record<string, Value>, string]>([
    ['result < 0.05', { result: [] }, 'mismatched types list and number'],
    ['result < 0.05', { result: [1, 2] }, 'mismatched types list and number'],
    ['result[0] < 1', { result: [] }, 'out of range'],
    ['result < 1', { result: 'x' }, 'mismatched types string and number'],
    ['result', { result: 1 }, 'expected bool, but got number 1'],
    ['constructor == 1', { result: 1 }, 'unknown name constructor'],
  ])('evaluation error (an Error measurement): %s with %j', (source, variables, message) => {
    expect(() => Expression.parse(source).test(variables)).toThrow(message);
  });

  test('property access cannot reach the prototype', () => {
    expect(Expression.parse('result.constructor == null').test({ result: {} })).toBe(true);
  });
});

describe('JSONPath subset', () => {
  const doc = { data: { ok: true, items: [{ name: 'a' }, { name: 'b' }], 'dotted.key': 1 } } as Value;
  test.each<[string, Value]>([
    ['$.data.ok', true],
    ['{$.data.ok}', true],
    ['$.data.items[1].name', 'b'],
    ["$.data['dotted.key']", 1],
    ['$.data.items[-1].name', 'b'],
    ['$.data.missing.deeper', null],
    ['$', doc],
  ])('%s', (path, expected) => {
    expect(selectJsonPath(doc, parseJsonPath(path))).toEqual(expected);
  });
  test('filters are refused, not half-supported', () => {
    expect(() => parseJsonPath('$.items[?(@.x)]')).toThrow('unsupported JSONPath');
  });
});

const defaults: CheckDefaults = { intervalMs: 1000, initialDelayMs: 0, limits: { ...DEFAULT_LIMITS, count: 5 }, expectedRevision: NEW };

describe('checks input', () => {
  test('parses every type, with per-check overrides of the stage-wide settings', () => {
    const checks = parseChecks(
      `
- name: api
  http: {url: "http://127.0.0.1:1/healthz", expect-status: [200, 3xx], max-latency: 500ms, json-path: $.status, success-condition: result == "UP"}
- name: error-rate
  interval: 2s
  failure-limit: 2
  count: 0
  prometheus:
    address: http://127.0.0.1:9090/
    query: sum(rate(x[1m]))
    success-condition: result < 0.05
    empty-result: inconclusive
- name: synced
  argocd: {server: "https://argocd.example.com", application: api-dev}
- name: rollout
  kubernetes: {deployment: api, namespace: dev, wait-timeout: 30s}
`,
      defaults,
    );
    expect(checks.map((check) => check.provider.type)).toEqual(['http', 'prometheus', 'argocd', 'kubernetes']);
    expect(checks[0]?.provider).toMatchObject({
      expectStatus: [
        [200, 200],
        [300, 399],
      ],
      maxLatencyMs: 500,
      jsonPath: ['status'],
    });
    expect(checks[1]).toMatchObject({ intervalMs: 2000, limits: { count: undefined, failureLimit: 2, consecutiveErrorLimit: 4 } });
    expect(checks[1]?.provider).toMatchObject({ address: 'http://127.0.0.1:9090', emptyResult: 'Inconclusive' });
    expect(checks[2]?.provider).toMatchObject({ revision: NEW, waitTimeoutMs: 300_000 });
    expect(checks[3]).toMatchObject({ intervalMs: 1000, limits: { count: 5 }, provider: { namespace: 'dev', waitTimeoutMs: 30_000 } });
  });

  test.each([
    ['unknown check type', '- name: x\n  graphite: {query: q}', 'exactly one check type'],
    ['two types', '- name: x\n  http: {url: "http://a"}\n  prometheus: {address: "http://b", query: q}', 'exactly one check type'],
    ['a typo in a field', '- name: x\n  http: {url: "http://a", sucess-condition: "result"}', 'sucess-condition'],
    ['bad duration', '- name: x\n  interval: 10 seconds\n  http: {url: "http://a"}', "a duration such as '500ms'"],
    ['bad condition', '- name: x\n  prometheus: {address: "http://a", query: q, success-condition: "result <"}', 'a condition expression'],
    [
      'unknown variable',
      '- name: x\n  prometheus: {address: "http://a", query: q, success-condition: "value < 1"}',
      "unknown variable 'value'",
    ],
    ['duplicate names', '- name: x\n  http: {url: "http://a"}\n- name: x\n  http: {url: "http://b"}', 'appears twice'],
    ['credentials in a URL', '- name: x\n  http: {url: "http://u:p@a"}', 'without credentials'],
    ['not a list', 'name: x', 'no checks were given'],
    ['bad YAML', '- name: [', 'not valid YAML'],
    ['bad status', '- name: x\n  http: {url: "http://a", expect-status: ok}', 'a status such as 200'],
    ['negative limit', '- name: x\n  failure-limit: -2\n  http: {url: "http://a"}', 'failure-limit must be >= 0, or -1 to be disabled'],
  ])('%s is refused naming the input', (_name, text, message) => {
    const error = (() => {
      try {
        parseChecks(text, defaults);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('checks');
    expect((error as Error).message).toContain(message);
  });

  test('an argocd check without any expected revision is refused', () => {
    expect(() =>
      parseChecks('- name: s\n  argocd: {server: "https://a", application: x}', { ...defaults, expectedRevision: undefined }),
    ).toThrow('the commit the application must be synced to');
  });

  test('a check without conditions says so explicitly', () => {
    const [check] = parseChecks('- name: q\n  prometheus: {address: "http://a", query: up}', defaults);
    expect(describeConditions(check as never)).toContain(
      'no success-condition or failure-condition: every measurement without error is Successful',
    );
  });
});

describe('Argo CD application assessment', () => {
  const app = (sync: string, revision: string, health: string) => ({
    status: { sync: { status: sync, revision }, health: { status: health } },
  });
  test.each([
    ['Synced at the old revision and Healthy does NOT pass', app('Synced', OLD, 'Healthy'), 'Running'],
    ['OutOfSync at the new revision', app('OutOfSync', NEW, 'Healthy'), 'Running'],
    ['Synced at the new revision, Progressing', app('Synced', NEW, 'Progressing'), 'Running'],
    ['Synced at the new revision and Healthy', app('Synced', NEW, 'Healthy'), 'Successful'],
    ['abbreviated expected revision matches', app('Synced', NEW, 'Healthy'), 'Successful'],
    ['Synced at the new revision, Degraded', app('Synced', NEW, 'Degraded'), 'Failed'],
  ])('%s', (_name, application, phase) => {
    expect(assessArgoApplication(application, NEW.slice(0, 10)).phase).toBe(phase);
  });
  test('a failed sync operation to the revision is Failed', () => {
    const application = {
      status: {
        sync: { status: 'OutOfSync', revision: OLD },
        operationState: { phase: 'Failed', message: 'boom', syncResult: { revision: NEW } },
      },
    };
    expect(assessArgoApplication(application, NEW)).toMatchObject({ phase: 'Failed' });
  });
  test('history rollback picks the deployment before the revision', () => {
    const application = {
      status: {
        history: [
          { id: 1, revision: 'c'.repeat(40) },
          { id: 2, revision: OLD },
          { id: 3, revision: NEW },
        ],
      },
    };
    expect(pickHistoryEntry(application, NEW).id).toBe(2);
    expect(pickHistoryEntry(application, NEW, 1).id).toBe(1);
    expect(() => pickHistoryEntry(application, NEW, 9)).toThrow('has no id 9');
  });
});

describe('deployment rollout assessment (kubectl rollout status rules)', () => {
  const deployment = (generation: number, observed: number, replicas: number, updated: number, available: number, total = replicas) => ({
    metadata: { generation },
    spec: { replicas },
    status: { observedGeneration: observed, replicas: total, updatedReplicas: updated, availableReplicas: available },
  });
  test.each([
    ['complete', deployment(2, 2, 3, 3, 3), 'Successful'],
    ['generation not observed', deployment(3, 2, 3, 3, 3), 'Running'],
    ['updating', deployment(2, 2, 3, 1, 3, 4), 'Running'],
    ['old replicas pending termination', deployment(2, 2, 3, 3, 3, 4), 'Running'],
    ['not yet available', deployment(2, 2, 3, 3, 2), 'Running'],
  ])('%s', (_name, value, phase) => {
    expect(assessDeployment(value, 'api').phase).toBe(phase);
  });
  test('ProgressDeadlineExceeded is Failed', () => {
    const value = {
      ...deployment(2, 2, 3, 1, 1),
      status: { observedGeneration: 2, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] },
    };
    expect(assessDeployment(value, 'api').phase).toBe('Failed');
  });
  test('rollout undo arguments', () => {
    expect(
      kubectlUndoArgs({ type: 'kubernetes', deployment: 'api', namespace: 'dev', context: 'kind', waitTimeoutMs: 1, timeoutMs: 1 }),
    ).toEqual(['rollout', 'undo', 'deployment/api', '--namespace', 'dev', '--context', 'kind']);
  });
});

test('the revert message swaps image trailers and records what it reverts', () => {
  const original = `chore(gitops): bump api to 1.4.3\n\nFiles:\n- overlays/dev/kustomization.yaml\n\nAegis-Image: registry/api=registry/api:1.4.3\nAegis-Previous-Image: registry/api=registry/api:1.0.0\nAegis-Environment: dev\nAegis-Source-Commit: ${'f'.repeat(40)}\nAegis-Stage: gitops-bump\n`;
  const message = revertMessage(original, NEW, { reason: 'health-gate verdict: Failed', sourceRun: 'https://ci/run/2' });
  expect(message.split('\n')[0]).toBe('Revert "chore(gitops): bump api to 1.4.3"');
  expect(message).toContain(`This reverts commit ${NEW}.`);
  expect(parseTrailers(message)).toEqual([
    { key: 'Aegis-Reverts', value: NEW },
    { key: 'Aegis-Previous-Image', value: 'registry/api=registry/api:1.4.3' },
    { key: 'Aegis-Image', value: 'registry/api=registry/api:1.0.0' },
    { key: 'Aegis-Environment', value: 'dev' },
    { key: 'Aegis-Source-Run', value: 'https://ci/run/2' },
    { key: 'Aegis-Stage', value: 'health-gate' },
  ]);
});

test('the measurement chart is a mermaid xychart of values over time', () => {
  const chart = measurementChart('error-rate', [
    { check: 'error-rate', index: 1, time: '', elapsedMs: 1000, phase: 'Successful', value: 0.01, message: '', checkPhase: 'Running' },
    { check: 'error-rate', index: 2, time: '', elapsedMs: 2000, phase: 'Failed', value: 0.5, message: '', checkPhase: 'Failed' },
    { check: 'other', index: 1, time: '', elapsedMs: 2000, phase: 'Failed', value: 9, message: '', checkPhase: 'Failed' },
  ]);
  expect(chart).toContain('xychart-beta');
  expect(chart).toContain('x-axis ["1.0s", "2.0s"]');
  expect(chart).toContain('line [0.01, 0.5]');
});

test('Error measurements are gaps in the chart, never zeros, and are listed under it', () => {
  const chart = measurementChart('error-rate', [
    { check: 'error-rate', index: 1, time: '', elapsedMs: 1000, phase: 'Successful', value: 0.01, message: '', checkPhase: 'Running' },
    { check: 'error-rate', index: 2, time: '', elapsedMs: 2000, phase: 'Error', message: 'no answer', checkPhase: 'Running' },
    { check: 'error-rate', index: 2, time: '', elapsedMs: 3000, phase: 'Successful', value: 0.02, message: '', checkPhase: 'Running' },
  ]) as string;
  expect(chart).toContain('x-axis ["1.0s", "3.0s"]');
  expect(chart).toContain('line [0.01, 0.02]');
  expect(chart).not.toMatch(/line \[(.*[ ,])?0[,\]]/);
  expect(chart).toContain('1 Error measurement(s) have no value and are not drawn (gaps): 2.0s');
  const onlyErrors = measurementChart('x', [
    { check: 'x', index: 1, time: '', elapsedMs: 1000, phase: 'Error', message: '', checkPhase: 'Running' },
  ]) as string;
  expect(onlyErrors).not.toContain('xychart-beta');
});

describe('the condition language: every form of expr the Argo docs and examples use', () => {
  const result = { code: 200, name: 'api-7f9', version: '1.4.3', values: [0.01, 0.2, 0.03], checks: { db: 'ok' } };
  test.each<[string, Value]>([
    ['all(result.values, {# < 0.5})', true],
    ['any(result.values, {# > 0.1})', true],
    ['none(result.values, {# > 0.5})', true],
    ['one(result.values, {# > 0.1})', true],
    ['len(filter(result.values, {# < 0.1})) == 2', true],
    ['count(result.values, # < 0.1) == 2', true],
    ['map(result.values, {# * 100})[1] == 20', true],
    ['all(map(result.values, {# * 100}), {# < 50})', true],
    ['"db" in result.checks', true],
    ['0.2 in result.values', true],
    ['0.5 not in result.values', true],
    ['result.version matches "^1\\\\.4\\\\."', true],
    ['result.name contains "7f"', true],
    ['result.name matches "(?i)^API-"', true],
    ['result.name startsWith "api-"', true],
    ['result.name endsWith "7f9"', true],
    ['result.code == 200 ? result.values[0] < 0.05 : false', true],
    ['asInt("42") == 42 && asFloat("0.5") == 0.5', true],
    ['default(result.missing, 0) == 0', true],
    ['isNil(result.missing)', true],
    ['len(result.values) == 3 && len(result.name) == 7 && len(result.checks) == 1', true],
    ['result.missing?.deeper == nil', true],
    ['(result.missing ?? 3) == 3', true],
    ['2 ** 3 == 8 && 7 % 4 == 3', true],
    ['not (result.code != 200) and result.code >= 200', true],
  ])('%s', (source, expected) => {
    expect(Expression.parse(source).evaluate({ result: result as unknown as Value })).toBe(expected);
  });

  test.each<[string, string]>([
    ['{a: 1} == result', 'map literals'],
    ['1..3', "the range operator '..'"],
    ['result | len', "the pipe operator '|'"],
    ['let x = 1; x', "'let' declarations"],
    ['result.values[0:2]', 'slices'],
    ['result.name.upper()', 'method calls'],
    ['# > 1', "'#' is only meaningful inside a predicate"],
    ['sortBy(result, #)', "unknown function 'sortBy'"],
    ['result matches "("', 'invalid regular expression'],
    ['$env.HOME == ""', "'$env' is not supported"],
    ['result < 1 < 2', 'comparisons cannot be chained'],
    ['all(result)', "expected ','"],
  ])('%s is refused naming the construct', (source, message) => {
    expect(() => Expression.parse(source)).toThrow(message);
  });
});

describe('prometheus authentication and secrets', () => {
  const parsed = (fields: string) => parseChecks(`- name: p\n  prometheus: {address: "http://p:9090", query: up, ${fields}}`, defaults);
  test('bearer-token and custom headers are sent; every value among them is a secret', async () => {
    const checks = parsed('bearer-token: tok-123456, headers: {X-Scope-OrgID: tenant-a, X-Other: v4lue}');
    const seen: RequestInit[] = [];
    const fetch = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    }) as unknown as typeof globalThis.fetch;
    await measure((checks[0] as CheckSpec).provider, { signal: new AbortController().signal, fetch });
    expect(seen[0]?.headers).toMatchObject({ Authorization: 'Bearer tok-123456', 'X-Scope-OrgID': 'tenant-a', 'X-Other': 'v4lue' });
    expect(checkSecrets(checks)).toEqual(expect.arrayContaining(['Bearer tok-123456', 'tok-123456', 'tenant-a', 'v4lue']));
  });

  test('basic-auth: the password and the Authorization header it makes are secrets', () => {
    const secrets = checkSecrets(parsed('basic-auth: {username: u, password: pa55word}'));
    expect(secrets).toEqual(expect.arrayContaining(['pa55word', `Basic ${Buffer.from('u:pa55word').toString('base64')}`]));
  });

  test('two ways to authenticate at once are refused', () => {
    expect(() => parsed('bearer-token: t0k3n1, headers: {Authorization: Basic x}')).toThrow('one way to authenticate');
    expect(() => parsed('bearer-token: t0k3n1, basic-auth: {username: u, password: p}')).toThrow('one way to authenticate');
  });

  test('every http header value is a secret, whatever the header is called', () => {
    const checks = parseChecks('- name: h\n  http: {url: "http://h", headers: {X-Trace: abc-123, Accept: application/json}}', defaults);
    expect(checkSecrets(checks)).toEqual(['abc-123', 'application/json']);
  });
});

test('limits that break ValidateMetric name what was written: the check when it set them, else the stage input', () => {
  const stage: CheckDefaults = { ...defaults, limits: { ...DEFAULT_LIMITS, count: 5, failureLimit: 10 } };
  const refusal = (yaml: string) => {
    try {
      parseChecks(yaml, stage);
    } catch (error) {
      return error as InputError;
    }
    return undefined;
  };
  expect(refusal('- name: a\n  count: 20\n  http: {url: "http://a"}')).toBeUndefined();
  expect(refusal('- name: a\n  http: {url: "http://a"}')?.message).toMatch(
    /^Input 'failure-limit' has an invalid value "count 5, failure-limit 10/,
  );
  expect(refusal('- name: a\n  count: 3\n  http: {url: "http://a"}')?.message).toMatch(/^Input 'checks' has an invalid value "check 'a'"/);
});

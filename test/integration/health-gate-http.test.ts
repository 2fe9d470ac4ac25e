import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseChecks } from '../../src/core/health/checks.js';
import { DEFAULT_LIMITS } from '../../src/core/health/evaluator.js';
import { measure } from '../../src/core/health/providers.js';
import { json, runHealthGate, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { tempDir } from '../helpers/git.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('http checks against real local servers', () => {
  let server: TestServer;
  let workspace: string;
  let flap = 0;
  beforeAll(async () => {
    workspace = tempDir('aegis-health-http-');
    server = await startServer(async (request, _body, response) => {
      const path = request.url ?? '/';
      if (path === '/healthy') return json(response, 200, { status: 'UP', checks: [{ name: 'db', ok: true }] });
      if (path === '/degraded') return json(response, 200, { status: 'DEGRADED' });
      if (path === '/slow') {
        await sleep(400);
        return json(response, 200, { status: 'UP' });
      }
      if (path === '/failing') {
        response.statusCode = 503;
        return response.end('unavailable');
      }
      if (path === '/flapping') {
        flap++;
        response.statusCode = flap % 2 === 0 ? 500 : 200;
        return response.end(String(flap));
      }
      if (path === '/auth') {
        response.statusCode = request.headers.authorization === 'Bearer s3cret-token' ? 204 : 401;
        return response.end();
      }
      response.statusCode = 404;
      response.end();
    });
  });
  afterAll(async () => {
    await server.close();
  });

  const gate = (check: string, inputs: Record<string, string> = {}) =>
    runHealthGate({ checks: check, interval: '100ms', count: '3', rollback: 'none', timeout: '20s', ...inputs }, workspace);

  test('the measurements output is the path relative to the workspace when the file is in it (README, Inputs and outputs)', async () => {
    const run = await gate(`- name: api\n  http: {url: "${server.url}/healthy"}`, {
      count: '1',
      'measurements-file': 'out/measurements.json',
    });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.measurements).toBe('out/measurements.json');
    expect(JSON.parse(readFileSync(join(workspace, 'out/measurements.json'), 'utf8')).measurements).toHaveLength(1);
  });

  test('a healthy endpoint passes after count measurements, with a JSONPath condition', async () => {
    const run = await gate(
      `- name: api\n  http: {url: "${server.url}/healthy", json-path: "$.checks[0].ok", success-condition: "result == true", max-latency: 2s}`,
    );
    expect(run.failure).toBeUndefined();
    expect(run.outputs).toMatchObject({ verdict: 'Successful', 'rolled-back': 'false', 'revert-sha': '' });
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Successful', 'Successful', 'Successful']);
    // Progress is printed as each measurement lands.
    expect(run.logs.filter((line) => /\[api\] #\d Successful: HTTP 200/.test(line))).toHaveLength(3);
  });

  test('a body that does not satisfy the condition fails the check', async () => {
    const run = await gate(
      `- name: api\n  http: {url: "${server.url}/degraded", json-path: $.status, success-condition: 'result == "UP"'}`,
    );
    expect(run.outputs.verdict).toBe('Failed');
    expect(run.failure).toContain('Health gate verdict: Failed');
    expect(run.summary).toContain('result "DEGRADED"');
  });

  test('a slow endpoint fails its latency limit', async () => {
    const run = await gate(`- name: slow\n  http: {url: "${server.url}/slow", max-latency: 150ms}`);
    expect(run.outputs.verdict).toBe('Failed');
    expect(run.summary).toMatch(/slower than max-latency 150 ms/);
  });

  test('with expect-status, a failing endpoint fails on its status, and the first Failed ends the run (failure-limit 0)', async () => {
    const before = server.requests.filter((r) => r.path === '/failing').length;
    const run = await gate(`- name: down\n  http: {url: "${server.url}/failing", expect-status: 2xx}`, { count: '10' });
    expect(run.outputs.verdict).toBe('Failed');
    expect(server.requests.filter((r) => r.path === '/failing').length - before).toBe(1);
  });

  test('without expect-status, a non-2xx answer is an Error, retried at error-retry-interval (Argo web provider)', async () => {
    const run = await gate(`- name: down\n  consecutive-error-limit: 1\n  http: {url: "${server.url}/failing"}`, {
      count: '10',
      'error-retry-interval': '100ms',
    });
    expect(run.outputs.verdict).toBe('Error');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Error', 'Error']);
    expect(document.measurements[0].message).toContain('received non 2xx response code: 503');
  });

  test('a flapping endpoint: tolerated within failure-limit, failed beyond it', async () => {
    flap = 0;
    const tolerated = await gate(`- name: flap\n  failure-limit: 2\n  http: {url: "${server.url}/flapping", expect-status: 200}`, {
      count: '4',
    });
    expect(tolerated.outputs.verdict).toBe('Successful');
    flap = 0;
    const failed = await gate(`- name: flap\n  failure-limit: 1\n  http: {url: "${server.url}/flapping", expect-status: 200}`, {
      count: '10',
    });
    expect(failed.outputs.verdict).toBe('Failed');
    const document = JSON.parse(readFileSync(failed.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Successful', 'Failed', 'Successful', 'Failed']);
  });

  test('an unreachable endpoint errors; after consecutive-error-limit the verdict is Error', async () => {
    const closed = await startServer(() => {});
    await closed.close();
    const run = await gate(`- name: gone\n  consecutive-error-limit: 2\n  http: {url: "${closed.url}/"}`, {
      'fail-on': 'Failed',
      'error-retry-interval': '100ms',
    });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('Error');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.checks[0]).toMatchObject({ phase: 'Error', reason: 'consecutive errors 3 > consecutive-error-limit 2' });
  });

  test('headers are sent and secrets in them are registered for redaction', async () => {
    const run = await gate(
      `- name: auth\n  http: {url: "${server.url}/auth", expect-status: 204, headers: {Authorization: Bearer s3cret-token}}`,
      { count: '1' },
    );
    expect(run.outputs.verdict).toBe('Successful');
    expect(run.secrets).toContain('Bearer s3cret-token');
  });

  test('a Failed check terminates a slower check that has not measured yet: that one is not an Error (Argo: Successful), the verdict is Failed', async () => {
    const run = await gate(
      `- name: down\n  http: {url: "${server.url}/failing", expect-status: 2xx}\n- name: later\n  initial-delay: 5s\n  http: {url: "${server.url}/healthy"}`,
      { count: '3' },
    );
    expect(run.outputs.verdict).toBe('Failed');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.endedBy).toBe('terminated');
    expect(document.checks[1]).toMatchObject({
      name: 'later',
      phase: 'Successful',
      reason: expect.stringContaining('before this check measured'),
    });
    expect(document.durationMs).toBeLessThan(3000);
  });

  test('the overall timeout ends checks still short of their count as Inconclusive', async () => {
    const run = await gate(`- name: api\n  http: {url: "${server.url}/healthy"}`, { count: '100', timeout: '450ms', interval: '200ms' });
    expect(run.outputs.verdict).toBe('Inconclusive');
    expect(run.failure).toContain('Inconclusive');
  });

  test('an abandoned measurement is cancelled promptly', async () => {
    const [check] = parseChecks(`- name: slow\n  http: {url: "${server.url}/slow"}`, {
      intervalMs: 100,
      initialDelayMs: 0,
      limits: DEFAULT_LIMITS,
    });
    const controller = new AbortController();
    const pending = measure(check!.provider, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    // /slow answers 200 after 400 ms: only a request really cancelled at 50 ms rejects.
    await expect(pending).rejects.toThrow();
  });
});

describe('bad input fails clearly before watching', () => {
  const workspace = tempDir('aegis-health-input-');
  test.each([
    [{ checks: '- name: x\n  graphite: {query: q}' }, "Input 'checks'", 'exactly one check type'],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', interval: 'often' }, "Input 'interval'", "a duration such as '500ms'"],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}' }, "Input 'rollback-commit'", "rollback is 'git-revert'"],
    [
      { checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', 'rollback-commit': 'abcdef1' },
      "Input 'repository'",
      'the GitOps repository',
    ],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', 'rollback-commit': 'main' }, "Input 'rollback-commit'", 'a commit SHA'],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', rollback: 'argocd' }, "Input 'rollback'", 'an argocd check'],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', rollback: 'helm' }, "Input 'rollback'", "one of 'git-revert'"],
    [{ checks: '- name: x\n  http: {url: "http://127.0.0.1:9"}', rollback: 'none', 'fail-on': 'Bad' }, "Input 'fail-on'", 'verdicts among'],
  ])('%j', async (inputs, input, expected) => {
    const run = await runHealthGate(inputs as Record<string, string>, workspace);
    expect(run.failure).toContain(input);
    expect(run.failure).toContain(expected);
    expect(run.outputs).toEqual({});
    expect(run.logs).toEqual([]);
  });
});

describe('limits that could never decide are refused before watching (Argo ValidateMetric)', () => {
  test('failure-limit 10 with count 5: refused, naming the inputs (issue 14: it used to pass a failing service)', async () => {
    const workspace = tempDir('aegis-health-limits-');
    const run = await runHealthGate(
      { checks: '- name: api\n  http: {url: "http://127.0.0.1:9/"}', 'failure-limit': '10', rollback: 'none' },
      workspace,
    );
    expect(run.failure).toContain("Input 'failure-limit'");
    expect(run.failure).toContain('count (5) must be >= failure-limit + consecutive-success-limit (10 + 0)');
    expect(run.outputs.verdict).toBeUndefined();
  });

  test('an initial-delay not shorter than the timeout is refused', async () => {
    const run = await runHealthGate(
      { checks: '- name: api\n  initial-delay: 10m\n  http: {url: "http://127.0.0.1:9/"}', rollback: 'none' },
      tempDir('aegis-health-delay-'),
    );
    expect(run.failure).toContain("Input 'timeout'");
  });
});

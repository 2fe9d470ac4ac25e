// What health-gate does with answers that are not what it expects, end to end through the
// stage: a FAKE Prometheus (a local server answering recorded and broken API shapes) for
// malformed answers, and a real local service that echoes the secret it is sent.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { LocalPlatform } from '../../src/platform/local.js';
import { loadStage } from '../../src/stages/index.js';
import { runStage } from '../../src/stages/runner.js';
import { json, runHealthGate, runInMemory, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';

const OVERLAY = 'images:\n  - name: registry.example.com/shop/api\n    newTag: "1.0.0"\n';

/** A bare GitOps repository with one bump commit to revert. */
async function bumped(workspace: string): Promise<{ repo: BareRepo; bump: string }> {
  const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': OVERLAY });
  const run = await runInMemory(
    'gitops-bump',
    { repository: repo.bare, paths: 'overlays/dev', images: 'registry.example.com/shop/api:1.4.3' },
    workspace,
  );
  return { repo, bump: run.outputs['commit-sha'] as string };
}

describe('malformed Prometheus answers (fake Prometheus API) are Error measurements, never a crash, never Failed', () => {
  let prometheus: TestServer;
  let answer: { status: number; type: string; body: string } = { status: 200, type: 'application/json', body: 'null' };
  let workspace: string;
  beforeAll(async () => {
    workspace = tempDir('aegis-health-answers-');
    prometheus = await startServer((_request, _body, response) => {
      response.writeHead(answer.status, { 'Content-Type': answer.type });
      response.end(answer.body);
    });
  });
  afterAll(async () => {
    await prometheus.close();
  });

  const vector = (value: unknown) => JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value }] } });
  test.each<[string, number, string, string, string]>([
    ['null', 200, 'application/json', 'null', 'with null, not an API response'],
    ['an HTML error page', 502, 'text/html', '<html><body>Bad Gateway</body></html>', 'with HTML'],
    ['truncated JSON', 200, 'application/json', '{"status":"success","data":{"resultType":"vec', 'truncated or invalid JSON'],
    ['a value that is not a number', 200, 'application/json', vector([1, 'abc']), 'not a number: "abc"'],
    [
      'a sample without a value',
      200,
      'application/json',
      JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: {} }] } }),
      'is not a [timestamp, "value"] pair',
    ],
    ['an empty body', 200, 'application/json', '', 'an empty body'],
    [
      'an unknown result type',
      200,
      'application/json',
      JSON.stringify({ status: 'success', data: { resultType: 'streams', result: [] } }),
      'not supported',
    ],
  ])('%s: Error, and no rollback while Error is not in rollback-on', async (_name, status, type, body, message) => {
    answer = { status, type, body };
    const { repo, bump } = await bumped(workspace);
    const tip = repo.tip();
    const run = await runHealthGate(
      {
        checks: `- name: error-rate\n  prometheus: {address: "${prometheus.url}", query: up, success-condition: "len(result) == 0 || result[0] < 0.05"}`,
        interval: '100ms',
        count: '3',
        'consecutive-error-limit': '1',
        'error-retry-interval': '100ms',
        'rollback-on': 'Failed',
        'rollback-commit': bump,
        repository: repo.bare,
      },
      workspace,
    );
    expect(run.outputs).toMatchObject({ verdict: 'Error', 'rolled-back': 'false' });
    expect(run.failure).toContain('Health gate verdict: Error');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Error', 'Error']);
    expect(document.measurements[0].message).toContain(message);
    expect(repo.tip()).toBe(tip);
    repo.cleanup();
  });

  test('with Error in rollback-on (the default), the same answer does revert', async () => {
    answer = { status: 200, type: 'application/json', body: 'null' };
    const { repo, bump } = await bumped(workspace);
    const run = await runHealthGate(
      {
        checks: `- name: error-rate\n  prometheus: {address: "${prometheus.url}", query: up, success-condition: "result[0] < 0.05"}`,
        interval: '100ms',
        'consecutive-error-limit': '0',
        'rollback-commit': bump,
        repository: repo.bare,
      },
      workspace,
    );
    expect(run.outputs).toMatchObject({ verdict: 'Error', 'rolled-back': 'true' });
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(OVERLAY.trimEnd());
    repo.cleanup();
  });
});

describe('a service that echoes the secret it is sent', () => {
  const SECRET = 'sk-live-7f3a9c2e51d04b8a';
  const BEARER = 'tok-0c9d1e2f3a4b5c6d';
  let service: TestServer;
  beforeAll(async () => {
    // Echoes both header values back: the bad service every gate eventually meets.
    service = await startServer((request, _body, response) =>
      json(response, 200, { seen: request.headers['x-api-key'], auth: request.headers.authorization, status: 'DEGRADED' }),
    );
  });
  afterAll(async () => {
    await service.close();
  });

  test('the secret appears nowhere: not in the GitOps history, the measurements file, the summary or stdout/stderr', async () => {
    const workspace = tempDir('aegis-health-echo-');
    const { repo, bump } = await bumped(workspace);
    const summaryFile = join(workspace, 'summary.md');
    const env: Record<string, string> = {
      // A header whose name does not look secret: every header value is a secret all the same.
      INPUT_CHECKS: `- name: api\n  http:\n    url: ${service.url}/status\n    headers: {X-Api-Key: ${SECRET}, Authorization: Bearer ${BEARER}}\n    success-condition: result.status == "UP"`,
      INPUT_INTERVAL: '100ms',
      INPUT_COUNT: '2',
      'INPUT_ROLLBACK-COMMIT': bump,
      INPUT_REPOSITORY: repo.bare,
    };
    const printed: string[] = [];
    const capture = (chunk: unknown) => {
      printed.push(String(chunk));
      return true;
    };
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const platform = new LocalPlatform('health-gate', env, { cwd: workspace, summaryFile });
    try {
      await runStage(await loadStage('health-gate'), platform);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    const output = printed.join('');
    expect(output).toContain('verdict=Failed');
    expect(output).toContain('rolled-back=true');
    // The echo did reach the gate (redacted where it is written).
    expect(output).toContain('"seen":"***"');

    const history = git(repo.bare, 'log', '--all', '-p', '--format=%B');
    const measurementsFile = /^measurements=(.+)$/m.exec(output)?.[1] as string;
    const measurements = readFileSync(measurementsFile, 'utf8');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(history).toContain('health-gate verdict: Failed');
    for (const written of [history, measurements, summary, output]) {
      expect(written).not.toContain(SECRET);
      expect(written).not.toContain(BEARER);
    }
    repo.cleanup();
  });
});

// The Prometheus checks the examples ship, run verbatim against a real Prometheus (Debian's
// prometheus) scraping a fresh local service: no 5xx series exists until the first error, so
// the query returns no sample. A gate that reverts a healthy release here gets switched off.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { runHealthGate, runInMemory, startService } from '../fixtures/health-gate/harness.js';
import { PROMETHEUS, type RunningPrometheus, startPrometheus, waitFor } from '../fixtures/health-gate/prometheus.js';
import { type BareRepo, createBareRepo, requireTool, tempDir } from '../helpers/git.js';

const hasPrometheus = requireTool('prometheus', () => existsSync(PROMETHEUS));

interface Step {
  uses?: string;
  with?: Record<string, string>;
}

/** Every health-gate step's checks in examples/github/promote.yml, with the address pointed at `url`. */
function exampleChecks(url: string): string[] {
  const workflow = parse(readFileSync('examples/github/promote.yml', 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  return steps
    .filter((step) => step.uses?.includes('/actions/health-gate@') && step.with?.checks?.includes('prometheus:'))
    .map((step) => ((step.with as Record<string, string>).checks as string).replace(/address: \S+/g, `address: ${url}`));
}

const OVERLAY = 'images:\n  - name: registry.example.com/shop/api\n    newTag: "1.0.0"\n';

describe.skipIf(!hasPrometheus)("the examples' Prometheus checks against a real Prometheus and a fresh service", () => {
  let service: Awaited<ReturnType<typeof startService>>;
  let prometheus: RunningPrometheus;
  let repo: BareRepo;
  let workspace: string;
  let checks: string[];

  beforeAll(async () => {
    service = await startService({ fresh: true });
    // The examples select namespace="shop-staging": the scrape attaches it, as a Kubernetes SD relabel would.
    prometheus = await startPrometheus(`127.0.0.1:${service.port}`, { namespace: 'shop-staging' });
    repo = createBareRepo({ 'overlays/staging/kustomization.yaml': OVERLAY });
    workspace = tempDir('aegis-health-examples-');
    checks = exampleChecks(prometheus.url);
    await waitFor(
      () => prometheus.samples('sum(rate(http_requests_total{namespace="shop-staging"}[1m]))'),
      (values) => values.length === 1 && (values[0] as number) > 0,
      30_000,
      'a request rate',
    );
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await prometheus?.stop();
    repo?.cleanup();
  });

  test('a service that never errs: every example query is Successful and nothing is reverted; once it fails, Failed and the revert lands', async () => {
    expect(checks.length).toBeGreaterThan(0);
    const bump = await runInMemory(
      'gitops-bump',
      { repository: repo.bare, paths: 'overlays/staging', images: 'registry.example.com/shop/api:1.4.3', environment: 'staging' },
      workspace,
    );
    const bumpSha = bump.outputs['commit-sha'] as string;
    const tip = repo.tip();
    const common = { interval: '500ms', 'rollback-commit': bumpSha, repository: repo.bare, environment: 'staging', timeout: '40s' };

    for (const check of checks) {
      const query = /query: (.+)/.exec(check)?.[1] as string;
      // The premise: no 5xx series yet, so the example's query has no sample at all.
      expect(await prometheus.samples(query)).toEqual([]);
      const healthy = await runHealthGate({ checks: check, count: '4', ...common }, workspace);
      expect(healthy.failure).toBeUndefined();
      expect(healthy.outputs).toMatchObject({ verdict: 'Successful', 'rolled-back': 'false', 'revert-sha': '' });
      const document = JSON.parse(readFileSync(healthy.outputs.measurements as string, 'utf8'));
      expect(document.measurements.map((m: { message: string }) => m.message)).toContain('result []');
      expect(repo.tip()).toBe(tip);
      // The condition the example used to ship: on no sample it cannot be evaluated (Argo: Error), and says why.
      const old = await runHealthGate(
        {
          checks: check.replace(/success-condition: .+/, 'success-condition: result < 0.05'),
          count: '1',
          'consecutive-error-limit': '0',
          rollback: 'none',
          'fail-on': 'Failed',
        },
        workspace,
      );
      expect(old.outputs.verdict).toBe('Error');
      expect(old.summary).toContain('the result is empty');
    }

    service.turnBad();
    const failing = await runHealthGate({ checks: checks[0] as string, count: '0', ...common }, workspace);
    expect(failing.outputs.verdict).toBe('Failed');
    expect(failing.outputs['rolled-back']).toBe('true');
    expect(failing.outputs['revert-sha']).toBe(repo.tip());
    expect(repo.show('overlays/staging/kustomization.yaml')).toBe(OVERLAY.trimEnd());
  }, 120_000);

  test('a range query hands the conditions every value of every series (a matrix), as Argo does', async () => {
    const run = await runHealthGate(
      {
        checks: [
          '- name: request-rate',
          '  prometheus:',
          `    address: ${prometheus.url}`,
          '    query: sum(rate(http_requests_total{namespace="shop-staging"}[5s]))',
          '    range-query: {start: now() - duration("10s"), end: now(), step: 2s}',
          '    success-condition: len(result) >= 2 && all(result, {# > 0})',
        ].join('\n'),
        interval: '300ms',
        count: '2',
        rollback: 'none',
      },
      workspace,
    );
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('Successful');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements[0].message).toMatch(/^result \[[\d.e+-]+(,[\d.e+-]+)+\]/);
  }, 60_000);
});

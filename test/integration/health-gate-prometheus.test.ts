import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTrailers } from '../../src/core/git/trailers.js';
import { runHealthGate, runInMemory, startService } from '../fixtures/health-gate/harness.js';
import { PROMETHEUS, type RunningPrometheus, startPrometheus, waitFor } from '../fixtures/health-gate/prometheus.js';
import { type BareRepo, createBareRepo, git, hasCommand, requireTool, tempDir } from '../helpers/git.js';

const hasPrometheus = requireTool('prometheus', () => existsSync(PROMETHEUS));
const hasKubectl = hasCommand('kubectl', ['version', '--client']);

const ERROR_RATE = 'sum(rate(http_requests_total{code=~"5.."}[5s])) / sum(rate(http_requests_total[5s]))';

const OVERLAY = `# dev overlay
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
  - name: registry.example.com/aegis/api # the API
    newTag: "1.0.0"
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: registry.example.com/aegis/api:0.0.1
`;

describe.skipIf(!hasPrometheus)('health-gate against a real Prometheus scraping a service that turns bad', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  let prometheus: RunningPrometheus;
  let repo: BareRepo;
  let workspace: string;

  beforeAll(async () => {
    service = await startService();
    prometheus = await startPrometheus(`127.0.0.1:${service.port}`);
    repo = createBareRepo({
      'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
      'base/deployment.yaml': DEPLOYMENT,
      'overlays/dev/kustomization.yaml': OVERLAY,
      'README.md': 'gitops\n',
    });
    workspace = tempDir('aegis-health-ws-');
    // Prometheus needs two scrapes before the rate has a value.
    await waitFor(
      () => prometheus.query(ERROR_RATE),
      (value) => value !== undefined && Number.isFinite(value),
      20_000,
      'a first error-rate sample',
    );
  });
  afterAll(async () => {
    await service?.stop();
    await prometheus?.stop();
    repo?.cleanup();
  });

  test('a query Prometheus rejects (400 bad_data) fails before watching', async () => {
    const run = await runHealthGate(
      {
        checks: `- name: broken\n  prometheus: {address: "${prometheus.url}", query: "sum(rate(http_requests_total[5s]", success-condition: result < 1}`,
        rollback: 'none',
        interval: '1s',
      },
      workspace,
    );
    expect(run.failure).toMatch(
      /Input 'checks' has an invalid value "sum\(rate\(http_requests_total\[5s\]".*a PromQL query Prometheus accepts.*Prometheus: .*parse error/,
    );
    expect(run.outputs).toEqual({});
    expect(run.logs.some((line) => line.includes('#1'))).toBe(false);
  });

  test('the gate fails within the limits once the error rate rises, and the bump commit is reverted', async () => {
    // The deployment being watched: gitops-bump moves dev to 1.4.3, with its trailers.
    const bump = await runInMemory(
      'gitops-bump',
      {
        repository: repo.bare,
        paths: 'overlays/dev',
        images: 'registry.example.com/aegis/api:1.4.3',
        environment: 'dev',
        'source-commit': 'f'.repeat(40),
      },
      workspace,
    );
    expect(bump.failure).toBeUndefined();
    const bumpSha = bump.outputs['commit-sha'] as string;
    // A later, unrelated commit: the revert must still apply (and the shallow clone must reach back).
    const later = repo.checkout();
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '-m', 'unrelated'], {
      cwd: later,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    });
    git(later, 'push', '--quiet', 'origin', 'HEAD:main');

    const interval = 1000;
    // Two good error-rate measurements first (however late the gate starts), then every other request fails.
    let good = 0;
    let twoGood: () => void = () => {};
    const goodMeasured = new Promise<void>((resolve) => {
      twoGood = resolve;
    });
    const gate = runHealthGate(
      {
        checks: [
          '- name: error-rate',
          '  prometheus:',
          `    address: ${prometheus.url}`,
          `    query: '${ERROR_RATE}'`,
          '    success-condition: result < 0.05',
          '- name: liveness',
          '  http:',
          `    url: ${service.url}/metrics`,
          '    body-contains: http_requests_total',
        ].join('\n'),
        interval: `${interval}ms`,
        count: '0',
        'failure-limit': '1',
        timeout: '40s',
        'rollback-commit': bumpSha,
        repository: repo.bare,
        environment: 'dev',
      },
      workspace,
      (line) => {
        if (/\[error-rate\] #\d+ Successful/.test(line) && ++good === 2) twoGood();
      },
    );
    await Promise.race([goodMeasured, gate]);
    const badSince = service.turnBad();
    const run = await gate;
    const detectedAfter = Date.now() - badSince;

    expect(run.outputs.verdict).toBe('Failed');
    expect(run.failure).toContain('Health gate verdict: Failed');
    expect(run.outputs['rolled-back']).toBe('true');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    const errorRate = document.checks.find((check: { name: string }) => check.name === 'error-rate');
    // failure-limit 1: exactly two Failed measurements, and good ones before the service turned bad.
    expect(errorRate).toMatchObject({ phase: 'Failed', reason: 'failed 2 > failure-limit 1' });
    expect(errorRate.counts.successful).toBeGreaterThanOrEqual(2);
    const liveness = document.checks.find((check: { name: string }) => check.name === 'liveness');
    expect(liveness).toMatchObject({ phase: 'Successful', reason: expect.stringContaining('run terminated') });
    // Two failed measurements one interval apart, after the scrape and rate window catch up.
    expect(detectedAfter).toBeLessThan(15_000);

    // The revert landed on the GitOps branch, on top of the later commit, with provenance trailers.
    expect(run.outputs['revert-sha']).toBe(repo.tip());
    expect(repo.log()).toEqual([
      expect.stringMatching(/^Revert "chore\(gitops\): bump /),
      'unrelated',
      expect.stringMatching(/^chore\(gitops\)/),
      'seed',
    ]);
    const trailers = parseTrailers(repo.message());
    expect(trailers).toEqual(
      expect.arrayContaining([
        { key: 'Aegis-Reverts', value: bumpSha },
        { key: 'Aegis-Image', value: 'registry.example.com/aegis/api=registry.example.com/aegis/api:1.0.0' },
        { key: 'Aegis-Previous-Image', value: 'registry.example.com/aegis/api=registry.example.com/aegis/api:1.4.3' },
        { key: 'Aegis-Environment', value: 'dev' },
        { key: 'Aegis-Stage', value: 'health-gate' },
      ]),
    );
    // Byte for byte the file from before the bump (same blob as the seed).
    expect(git(repo.bare, 'rev-parse', 'main:overlays/dev/kustomization.yaml')).toBe(
      git(repo.bare, 'rev-parse', 'main~3:overlays/dev/kustomization.yaml'),
    );
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(OVERLAY.trimEnd());
    expect(run.summary).toContain('xychart-beta');
    expect(run.summary).toContain('Reverted');

    // Running the gate's rollback again does not revert twice.
    const again = await runHealthGate(
      {
        checks: `- name: error-rate\n  prometheus: {address: "${prometheus.url}", query: '${ERROR_RATE}', success-condition: result < 0.05}`,
        interval: '500ms',
        count: '1',
        'rollback-on': 'Failed, Error, Successful',
        'fail-on': 'Error',
        'rollback-commit': bumpSha,
        repository: repo.bare,
      },
      workspace,
    );
    expect(again.outputs['rolled-back']).toBe('false');
    expect(again.logs.join('\n')).toContain('was already reverted by');
    expect(repo.count()).toBe(4);

    if (hasKubectl) {
      const checkout = repo.checkout();
      const rendered = execFileSync('kubectl', ['kustomize', join(checkout, 'overlays/dev')], { encoding: 'utf8' });
      expect(rendered).toContain('image: registry.example.com/aegis/api:1.0.0');
      expect(rendered).not.toContain('1.4.3');
    }
  });
});

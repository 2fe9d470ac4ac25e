// The insight exposition read back by real parsers: promtool (Debian's prometheus package)
// lints the Prometheus text the Pushgateway gets; a real Pushgateway (Debian's
// prometheus-pushgateway, basic auth on) takes the push; a real Prometheus scrapes it and a
// PromQL query returns the deployment count per environment. Prometheus also scrapes the
// OpenMetrics file, served as application/openmetrics-text, with its strict OpenMetrics parser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { computeDora } from '../../src/core/insight/dora.js';
import { insightFamilies, renderFamilies } from '../../src/core/insight/exposition.js';
import { buildHistory, HISTORY_FORMAT, parseHistory } from '../../src/core/insight/history.js';
import { loadStage } from '../../src/stages/index.js';
import { runInMemory, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { waitFor } from '../fixtures/health-gate/prometheus.js';
import {
  PUSH_PASSWORD,
  PUSH_USER,
  PUSHGATEWAY,
  type Running,
  type RunningPrometheus,
  startPrometheusFor,
  startPushgateway,
} from '../fixtures/insight/prometheus.js';
import { type BareRepo, createBareRepo, git, hasCommand, requireTool, tempDir } from '../helpers/git.js';

const insight = await loadStage('insight');

const present = requireTool('prometheus-pushgateway', () => existsSync(PUSHGATEWAY)) && hasCommand('promtool', ['--version']);
const NOW = Date.parse('2026-11-09T00:00:00Z') / 1000;
const API = 'registry.example.com/shop/api';

function commitAt(dir: string, time: number, file: string, content: string, message: string): string {
  writeFileSync(join(dir, file), content);
  git(dir, 'add', '-A');
  spawnSync('git', ['commit', '--quiet', '-F', '-'], {
    cwd: dir,
    input: message,
    env: {
      ...process.env,
      GIT_AUTHOR_DATE: `@${time} +0000`,
      GIT_COMMITTER_DATE: `@${time} +0000`,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@e',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@e',
    },
  });
  return git(dir, 'rev-parse', 'HEAD');
}

const overlay = (tag: string) => `images:\n  - name: ${API}\n    newTag: "${tag}"\n`;
const trailers = (environment: string, tag: string, sourceTime: number) =>
  `Aegis-Image: ${API}=${API}:${tag}\nAegis-Environment: ${environment}\nAegis-Source-Time: ${new Date(sourceTime * 1000).toISOString()}\nAegis-Stage: gitops-bump`;

describe.skipIf(!present)('insight metrics in a real Pushgateway and Prometheus', () => {
  let repo: BareRepo;
  let pushgateway: Running;
  let prometheus: RunningPrometheus;
  let openmetrics: TestServer;
  let exposition = '';

  beforeAll(async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('0'), 'overlays/prod/kustomization.yaml': overlay('0') });
    const dir = repo.checkout();
    // dev: 3 deployments, prod: 1 (a quote and a backslash in a tag would be refused by the stages; service names are plain).
    for (const [index, environment] of ['dev', 'dev', 'prod', 'dev'].entries()) {
      const time = NOW - (5 - index) * 86_400;
      commitAt(
        dir,
        time,
        `overlays/${environment}/kustomization.yaml`,
        overlay(`1.${index}`),
        `bump ${index}\n\n${trailers(environment, `1.${index}`, time - 3600)}\n`,
      );
    }
    git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
    openmetrics = await startServer((_request, _body, response) => {
      response.writeHead(200, { 'Content-Type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
      response.end(exposition);
    });
    pushgateway = await startPushgateway();
    prometheus = await startPrometheusFor(pushgateway.url, `${openmetrics.url}/metrics`);
  }, 60_000);
  afterAll(async () => {
    await prometheus?.stop();
    await pushgateway?.stop();
    await openmetrics?.close();
    repo?.cleanup();
  });

  test('pushed with grouping key and basic auth; PromQL returns deployments per environment', async () => {
    const out = tempDir('aegis-insight-prom-');
    const run = await runInMemory(
      insight,
      {
        repository: repo.bare,
        environments: 'dev: overlays/dev\nprod: overlays/prod',
        until: new Date(NOW * 1000).toISOString(),
        'pushgateway-url': pushgateway.url,
        'pushgateway-grouping': 'repository=shop/gitops',
        'pushgateway-username': PUSH_USER,
        'pushgateway-password': PUSH_PASSWORD,
      },
      out,
    );
    expect(run.failure, run.logs.join('\n')).toBeUndefined();
    expect(run.outputs.pushed).toBe('true');
    expect(run.secrets).toContain(PUSH_PASSWORD);
    expect(run.logs.join('\n')).not.toContain(PUSH_PASSWORD);
    exposition = readFileSync(run.outputs['openmetrics-file'] as string, 'utf8');

    const series = await waitFor(
      () => prometheus.query('sum by (environment) (aegis_deployments_total{job="aegis-insight",repository="shop/gitops"})'),
      (result) => result.length === 2,
      30_000,
      'the pushed deployment counts',
    );
    const counts = Object.fromEntries(series.map((s) => [s.metric.environment, s.value]));
    expect(counts).toEqual({ dev: 3, prod: 1 });
    const lead = await prometheus.query('aegis_lead_time_seconds{job="aegis-insight",environment="dev",service="api"}');
    expect(lead.map((s) => s.value)).toEqual([3600]);

    // The OpenMetrics file, scraped with Prometheus' OpenMetrics parser, says the same.
    const scraped = await waitFor(
      () => prometheus.query('sum by (environment) (aegis_deployments_total{job="openmetrics"})'),
      (result) => result.length === 2,
      30_000,
      'the scraped OpenMetrics file',
    );
    expect(Object.fromEntries(scraped.map((s) => [s.metric.environment, s.value]))).toEqual({ dev: 3, prod: 1 });
    const up = await prometheus.query('up{job="openmetrics"}');
    expect(up.map((s) => s.value)).toEqual([1]);
  }, 90_000);

  test('a wrong password is a clear error naming the Pushgateway host, never the password', async () => {
    const out = tempDir('aegis-insight-prom-bad-');
    const run = await runInMemory(
      insight,
      {
        repository: repo.bare,
        environments: 'dev: overlays/dev\nprod: overlays/prod',
        'pushgateway-url': pushgateway.url,
        'pushgateway-username': PUSH_USER,
        'pushgateway-password': 'wrong-password',
      },
      out,
    );
    expect(run.failure).toContain(`Pushgateway ${new URL(pushgateway.url).host} answered HTTP 401`);
    expect(run.failure).not.toContain('wrong-password');
  });

  test('promtool check metrics parses and lints the pushed exposition cleanly', () => {
    const output = git(repo.bare, 'log', `--format=${HISTORY_FORMAT}`, 'main');
    const history = buildHistory(parseHistory(output));
    const dora = computeDora(history, { now: NOW, windowSeconds: 30 * 86_400, fixWithinSeconds: 3600 });
    const text = renderFamilies(insightFamilies(history, [], dora), 'prometheus');
    const checked = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.status).toBe(0);
    const broken = spawnSync('promtool', ['check', 'metrics'], {
      input: text.replace('environment="dev"', 'environment="dev'),
      encoding: 'utf8',
    });
    expect(broken.status).not.toBe(0);
  });
});

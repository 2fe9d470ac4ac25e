// The evidence for insight: a GitOps history made by the stages themselves — gitops-bump,
// promote, a health-gate that fails and reverts, an old-style bump without a source time, a
// fix-forward and a hand edit — with every commit's date set (GIT_COMMITTER_DATE), then the
// insight stage's status and DORA figures compared with values computed by hand from the
// timeline below.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadStage } from '../../src/stages/index.js';
import { runInMemory, type StageRun, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';

const insight = await loadStage('insight');

const H = 3600;
const D = 86_400;
const T = Date.parse('2026-11-02T00:00:00Z') / 1000; // a Monday
const iso = (time: number) => new Date(time * 1000).toISOString().replace('.000', '');
const API = 'registry.example.com/shop/api';
const WORKER = 'registry.example.com/shop/worker';
const overlay = (api: string, worker: string) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [../../base]\nimages:\n  - name: ${API}\n    newTag: "${api}"\n  - name: ${WORKER}\n    newTag: "${worker}"\n`;
const ENVIRONMENTS = 'dev: overlays/dev\nprod: overlays/prod';

/** Runs `body` with git's author and committer dates at `time`. */
async function at<T>(time: number, body: () => Promise<T>): Promise<T> {
  const saved = { author: process.env.GIT_AUTHOR_DATE, committer: process.env.GIT_COMMITTER_DATE };
  process.env.GIT_AUTHOR_DATE = `@${time} +0000`;
  process.env.GIT_COMMITTER_DATE = `@${time} +0000`;
  try {
    return await body();
  } finally {
    for (const [key, value] of [
      ['GIT_AUTHOR_DATE', saved.author],
      ['GIT_COMMITTER_DATE', saved.committer],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function succeeded(run: StageRun): StageRun {
  expect(run.failure, run.logs.join('\n')).toBeUndefined();
  return run;
}

describe('insight over a history the stages wrote', () => {
  let repo: BareRepo;
  let workspace: string;
  let service: TestServer;
  const sha: Record<string, string> = {};
  let sourceCommit: string;

  beforeAll(async () => {
    // Answers, but says it is down: the gate's condition fails (a non-2xx answer would be an Error, not Failed).
    service = await startServer((_request, _body, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end('{"status": "DOWN"}');
    });
    repo = await at(T - D, async () =>
      createBareRepo({
        'base/kustomization.yaml': 'resources: []\n',
        'overlays/dev/kustomization.yaml': overlay('1.0.0', '1.0.0'),
        'overlays/prod/kustomization.yaml': overlay('1.0.0', '1.0.0'),
      }),
    );
    // The workspace is the source checkout: step 1 reads its commit time by default.
    workspace = tempDir('aegis-insight-ws-');
    git(workspace, 'init', '--quiet');
    writeFileSync(join(workspace, 'app.txt'), 'v1.1.0\n');
    git(workspace, 'add', '-A');
    await at(T, async () => git(workspace, 'commit', '--quiet', '-m', 'feat: api 1.1.0'));
    sourceCommit = git(workspace, 'rev-parse', 'HEAD');

    const bump = (time: number, image: string, extra: Record<string, string>) =>
      at(
        time,
        async () =>
          succeeded(
            await runInMemory(
              'gitops-bump',
              { repository: repo.bare, paths: 'overlays/dev', images: image, environment: 'dev', ...extra },
              workspace,
            ),
          ).outputs['commit-sha'] as string,
      );
    // 1. T+1h bump dev api 1.1.0; source time from the workspace commit (T): lead 1 h.
    sha.a = await bump(T + H, `${API}:1.1.0`, { 'source-commit': sourceCommit, 'source-run': 'https://ci.example.com/run/1' });
    // 2. T+2h bump dev worker 2.0.0, source time T+1.5h: lead 30 min.
    sha.b = await bump(T + 2 * H, `${WORKER}:2.0.0`, { 'source-time': iso(T + 1.5 * H), 'source-run': 'https://ci.example.com/run/2' });
    // 3. T+1d promote dev → prod: source times carried (api T, worker T+1.5h).
    const promoted = await at(T + D, async () =>
      succeeded(
        await runInMemory(
          'promote',
          {
            repository: repo.bare,
            from: 'dev',
            to: 'prod',
            environments: ENVIRONMENTS,
            mode: 'push',
            'verify-images': 'false',
            'pin-digest': 'false',
            'source-run': 'https://ci.example.com/run/3',
          },
          workspace,
        ),
      ),
    );
    sha.c = promoted.outputs['commit-sha'] as string;
    // 4. T+2d bump dev api 1.2.0, source time T+2d-3h: lead 3 h …
    sha.d = await bump(T + 2 * D, `${API}:1.2.0`, { 'source-time': iso(T + 2 * D - 3 * H), 'source-run': 'https://ci.example.com/run/4' });
    // 5. … which fails its health gate at T+2d+30min and is reverted: restored after 30 min.
    const gate = await at(T + 2 * D + 30 * 60, () =>
      runInMemory(
        'health-gate',
        {
          checks: `- name: api\n  http: {url: "${service.url}/healthz", json-path: $.status, success-condition: 'result == "UP"'}`,
          interval: '100ms',
          count: '1',
          timeout: '20s',
          rollback: 'git-revert',
          'rollback-commit': sha.d as string,
          repository: repo.bare,
          environment: 'dev',
        },
        workspace,
      ),
    );
    expect(gate.outputs.verdict).toBe('Failed');
    expect(gate.outputs['rolled-back']).toBe('true');
    sha.r = gate.outputs['revert-sha'] as string;
    // 6. T+3d a bump that records no source time (as commits from before the trailer): lead unknown …
    sha.e = await bump(T + 3 * D, `${API}:1.3.0`, { 'source-commit': 'f'.repeat(40), 'source-run': 'https://ci.example.com/run/6' });
    // 7. … fixed forward 20 min later (within fix-within 1h): failed, restored after 20 min; lead 20 min.
    sha.f = await bump(T + 3 * D + 20 * 60, `${API}:1.3.1`, {
      'source-time': iso(T + 3 * D),
      'source-run': 'https://ci.example.com/run/7',
    });
    // 8. T+4d someone edits prod's worker by hand: drift.
    await at(T + 4 * D, async () => {
      const dir = repo.checkout();
      writeFileSync(join(dir, 'overlays/prod/kustomization.yaml'), overlay('1.1.0', '2.0.1'));
      git(dir, 'commit', '--quiet', '-am', 'hotfix worker by hand');
      git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
      sha.hand = git(dir, 'rev-parse', 'HEAD');
    });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    repo?.cleanup();
  });

  test('the stages recorded the source times the figures need', () => {
    expect(repo.message(sha.a)).toContain(`Aegis-Source-Time: ${iso(T)}`);
    const promotion = repo.message(sha.c);
    expect(promotion).toContain(`Aegis-Source-Time: ${API}=${iso(T)}`);
    expect(promotion).toContain(`Aegis-Source-Time: ${WORKER}=${iso(T + 1.5 * H)}`);
    expect(repo.message(sha.e)).not.toContain('Aegis-Source-Time');
    expect(repo.message(sha.r)).toContain(`Aegis-Reverts: ${sha.d}`);
  });

  test('status and DORA figures equal the hand-computed ones', async () => {
    const out = tempDir('aegis-insight-out-');
    const run = succeeded(
      await runInMemory(
        insight,
        { repository: repo.bare, environments: ENVIRONMENTS, since: '7d', until: iso(T + 7 * D), 'fix-within': '1h' },
        out,
      ),
    );
    const status = JSON.parse(readFileSync(run.outputs['status-file'] as string, 'utf8')).status;
    const row = (environment: string, service: string) =>
      status.find((entry: { environment: string; service: string }) => entry.environment === environment && entry.service === service);
    expect(row('dev', 'api')).toEqual({
      environment: 'dev',
      service: 'api',
      image: API,
      reference: `${API}:1.3.1`,
      tag: '1.3.1',
      since: T + 3 * D + 20 * 60,
      commit: sha.f,
      run: 'https://ci.example.com/run/7',
      stage: 'gitops-bump',
      drift: null,
      behind: null,
    });
    expect(row('dev', 'worker')).toMatchObject({ tag: '2.0.0', since: T + 2 * H, commit: sha.b, drift: null });
    // prod api 1.1.0 came from dev at the tip after step 2; dev ran 1.1.0 last after the revert (T+2d+30min)
    // and has had 2 deployments since (1.3.0, 1.3.1); the newest arrived at T+3d+20min.
    expect(row('prod', 'api')).toMatchObject({
      tag: '1.1.0',
      since: T + D,
      commit: sha.c,
      run: 'https://ci.example.com/run/3',
      stage: 'promote',
      promotedFrom: { environment: 'dev', commit: sha.b },
      drift: null,
      // GitOps commits from the revert to dev's newest deployment: the revert, 1.3.0, 1.3.1 → 2 after it.
      behind: { environment: 'dev', deployments: 2, commits: 2, days: (T + 3 * D + 20 * 60 - (T + 2 * D + 30 * 60)) / D },
    });
    // prod worker: the overlay says 2.0.1, the last trailer 2.0.0: a hand edit, since the hand commit; dev never ran it.
    expect(row('prod', 'worker')).toMatchObject({
      tag: '2.0.1',
      since: T + 4 * D,
      commit: sha.hand,
      drift: { kind: 'hand-edit', recorded: `${WORKER}:2.0.0` },
      behind: null,
    });
    expect(run.outputs.drift).toBe('true');

    const metrics = JSON.parse(readFileSync(run.outputs['metrics-file'] as string, 'utf8'));
    const dev = metrics.environments.dev;
    // dev: a, b, d, e, f are deployments (the revert restores): 5 in 7 days.
    expect(dev.deployments).toBe(5);
    expect(dev.deploymentFrequency).toEqual({ perDay: 5 / 7, perWeek: 5, band: 'high' });
    // lead times 1h, 30min, 3h, 20min (e unknown): median (30+60)/2 min.
    expect(dev.leadTime).toEqual({ medianSeconds: 45 * 60, known: 4, unknown: 1, band: 'elite' });
    // failed: d (reverted), e (fixed forward by f): 2 of 5.
    expect(dev.changeFailure).toEqual({ failed: 2, reverted: 1, fixed: 1, rate: 0.4, band: 'low' });
    // restored after 30 min and 20 min.
    expect(dev.timeToRestore).toEqual({ medianSeconds: 25 * 60, restored: 2, band: 'elite' });
    const prod = metrics.environments.prod;
    // prod: two promotions at T+1d; lead from the carried source times: 24h and 22.5h.
    expect(prod.deployments).toBe(2);
    expect(prod.leadTime).toEqual({ medianSeconds: (24 * H + 22.5 * H) / 2, known: 2, unknown: 0, band: 'elite' });
    expect(prod.changeFailure).toMatchObject({ failed: 0, rate: 0, band: 'elite' });
    expect(prod.timeToRestore).toMatchObject({ medianSeconds: null, band: null });
    expect(metrics.services.dev.api.deployments).toBe(4);
    expect(metrics.services.dev.worker.leadTime.medianSeconds).toBe(30 * 60);
    expect(metrics.weekly).toEqual([
      { week: T, counts: { dev: 5, prod: 2 } },
      { week: T + 7 * D, counts: {} },
    ]);

    expect(run.summary).toContain('#### What runs where');
    expect(run.summary).toContain('edited by hand');
    expect(run.summary).toContain('xychart-beta');
    expect(run.logs.some((line) => line.startsWith('WARNING Drift in prod: worker'))).toBe(true);
  });

  test('bad inputs are named before anything is read', async () => {
    const out = tempDir('aegis-insight-bad-');
    for (const [inputs, message] of [
      [{ since: 'a month' }, "Input 'since'"],
      [{ until: 'yesterday' }, "Input 'until'"],
      [{ 'fix-within': '-1h' }, "Input 'fix-within'"],
      [{ 'pushgateway-url': 'ftp://x' }, "Input 'pushgateway-url'"],
      [{ 'pushgateway-url': 'https://user:pw@pg.example.com' }, 'without credentials'],
      [{ 'pushgateway-url': 'http://pg.example.com', 'pushgateway-password': 'pw' }, 'never sent over plain http'],
      [{ 'pushgateway-grouping': 'job=x' }, "Input 'pushgateway-grouping'"],
      [{ environments: 'dev: [' }, "Input 'environments'"],
    ] as const) {
      const run = await runInMemory(insight, { repository: repo.bare, environments: ENVIRONMENTS, ...inputs }, out);
      expect(run.failure).toContain(message);
      expect(run.failure).not.toContain('user:pw');
      expect(run.outputs).toEqual({});
    }
  });
});

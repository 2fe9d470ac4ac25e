// Argo CD is not installed here: this fake serves the documented Application API
// (GET /api/v1/applications/{name}, POST /api/v1/applications/{name}/rollback, bearer tokens)
// with the fields the gate reads: status.sync {status, revision}, status.health.status,
// status.history[] {id, revision}, spec.syncPolicy.automated.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { json, runHealthGate, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { createBareRepo, git, tempDir } from '../helpers/git.js';

const OLD = '1'.repeat(40);
const NEW = '2'.repeat(40);
const TOKEN = 'argocd-t0ken-value';

interface FakeApp {
  sync: string;
  revision: string;
  health: string;
  automated: boolean;
  /** States the app moves through, one per GET (the last one stays). */
  script?: Array<Pick<FakeApp, 'sync' | 'revision' | 'health'>>;
}

describe('argocd checks and rollback against an Argo CD API fake', () => {
  let argocd: TestServer;
  let app: FakeApp;
  let workspace: string;
  beforeAll(async () => {
    workspace = tempDir('aegis-health-argocd-');
    argocd = await startServer((request, body, response) => {
      if (request.headers.authorization !== `Bearer ${TOKEN}`)
        return json(response, 401, { error: 'invalid session', code: 16, message: 'invalid session' });
      const url = new URL(request.url ?? '/', 'http://fake');
      if (request.method === 'GET' && url.pathname === '/api/v1/applications/api-dev') {
        const step = app.script?.shift();
        if (step) Object.assign(app, step);
        return json(response, 200, {
          metadata: { name: 'api-dev', namespace: 'argocd' },
          spec: { syncPolicy: app.automated ? { automated: { prune: true, selfHeal: true } } : {} },
          status: {
            sync: { status: app.sync, revision: app.revision },
            health: { status: app.health },
            history: [
              { id: 4, revision: OLD, deployedAt: '2024-05-01T10:00:00Z' },
              { id: 5, revision: NEW, deployedAt: '2024-05-02T10:00:00Z' },
            ],
          },
        });
      }
      if (request.method === 'POST' && url.pathname === '/api/v1/applications/api-dev/rollback') {
        if (app.automated) return json(response, 400, { error: 'rollback cannot be initiated when auto-sync is enabled', code: 9 });
        const { id } = JSON.parse(body) as { id: number };
        app.revision = id === 4 ? OLD : app.revision;
        return json(response, 200, { metadata: { name: 'api-dev' } });
      }
      return json(response, 404, { error: 'not found', code: 5 });
    });
  });
  afterAll(async () => {
    await argocd.close();
  });

  const check = (extra = '') => `- name: synced\n  argocd: {server: "${argocd.url}", application: api-dev${extra}}`;
  const gate = (inputs: Record<string, string>) =>
    runHealthGate({ interval: '100ms', count: '2', timeout: '20s', 'argocd-token': TOKEN, 'rollback-commit': NEW, ...inputs }, workspace);

  test('a Synced, Healthy app at the OLD revision never passes', async () => {
    app = { sync: 'Synced', revision: OLD, health: 'Healthy', automated: false };
    const run = await gate({ checks: check(', wait-timeout: 600ms'), rollback: 'none' });
    expect(run.outputs.verdict).toBe('Failed');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    const phases = document.measurements.map((m: { phase: string }) => m.phase);
    expect(phases.at(-1)).toBe('Failed');
    expect(phases.slice(0, -1).every((phase: string) => phase === 'Running')).toBe(true);
    expect(document.measurements.at(-1).message).toMatch(
      new RegExp(`Synced at ${OLD.slice(0, 12)}, Healthy; waiting for ${NEW.slice(0, 12)} — not done after 0.6s`),
    );
    // The token authenticated every call and is registered for redaction.
    expect(run.secrets).toContain(TOKEN);
    expect(run.logs.join('\n')).not.toContain(TOKEN);
  });

  test('the gate waits through OutOfSync and Progressing, then passes at the new revision', async () => {
    app = {
      sync: 'Synced',
      revision: OLD,
      health: 'Healthy',
      automated: true,
      script: [
        { sync: 'OutOfSync', revision: OLD, health: 'Healthy' },
        { sync: 'Synced', revision: NEW, health: 'Progressing' },
        { sync: 'Synced', revision: NEW, health: 'Healthy' },
      ],
    };
    const run = await gate({ checks: check(), rollback: 'none', 'rollback-commit': NEW.slice(0, 8) });
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('Successful');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Running', 'Running', 'Successful', 'Successful']);
  });

  test('a Degraded app at the new revision fails and is rolled back through Argo CD history', async () => {
    app = { sync: 'Synced', revision: NEW, health: 'Degraded', automated: false };
    const run = await gate({ checks: check(), rollback: 'argocd' });
    expect(run.outputs).toMatchObject({ verdict: 'Failed', 'rolled-back': 'true', 'revert-sha': '' });
    const rollback = argocd.requests.filter((r) => r.method === 'POST').at(-1);
    expect(rollback?.path).toBe('/api/v1/applications/api-dev/rollback');
    expect(JSON.parse(rollback?.body ?? '{}')).toMatchObject({ id: 4, prune: false });
    expect(run.summary).toContain('roll back Argo CD application api-dev to history 4');
  });

  test('with auto-sync on, the rollback is warned about and Argo CD refusing it is reported', async () => {
    app = { sync: 'Synced', revision: NEW, health: 'Degraded', automated: true };
    const run = await gate({ checks: check(), rollback: 'argocd' });
    expect(run.outputs['rolled-back']).toBe('false');
    expect(run.logs.some((line) => line.startsWith('WARNING') && line.includes('automated sync'))).toBe(true);
    expect(run.failure).toContain('Argo CD refused the rollback');
    expect(run.failure).toContain('auto-sync is enabled');
  });

  test('a wrong token is an Error measurement, not a pass', async () => {
    app = { sync: 'Synced', revision: NEW, health: 'Healthy', automated: false };
    const run = await gate({ checks: check(', token: wrong'), rollback: 'none', 'consecutive-error-limit': '1' });
    expect(run.outputs.verdict).toBe('Error');
    expect(run.summary).toContain('Argo CD refused the request');
  });
});

describe('argocd check with the GitOps repository known', () => {
  test('Synced at a later commit that contains ours passes; at an older one it does not', async () => {
    const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': 'images: []\n' });
    const workspace = tempDir('aegis-health-argocd-git-');
    const checkout = repo.checkout();
    const commit = (message: string) => {
      git(checkout, 'commit', '--quiet', '--allow-empty', '-m', message);
      git(checkout, 'push', '--quiet', 'origin', 'HEAD:main');
      return git(checkout, 'rev-parse', 'HEAD');
    };
    const before = repo.tip();
    const ours = commit('chore(gitops): our bump');
    const later = commit('chore(gitops): another service, pushed on top');
    let synced = later;
    const argocd = await startServer((_request, _body, response) =>
      json(response, 200, { status: { sync: { status: 'Synced', revision: synced }, health: { status: 'Healthy' } } }),
    );
    try {
      const gate = () =>
        runHealthGate(
          {
            checks: `- name: synced\n  argocd: {server: "${argocd.url}", application: api-dev, token: t0ken-abcdef, wait-timeout: 600ms}`,
            interval: '100ms',
            count: '2',
            timeout: '20s',
            rollback: 'none',
            'rollback-commit': ours,
            repository: repo.bare,
          },
          workspace,
        );
      const passing = await gate();
      expect(passing.outputs.verdict).toBe('Successful');
      expect(passing.logs.join('\n')).toContain(`${later.slice(0, 12)} includes ${ours.slice(0, 12)}`);
      synced = before;
      expect((await gate()).outputs.verdict).toBe('Failed');
    } finally {
      await argocd.close();
      repo.cleanup();
    }
  });
});

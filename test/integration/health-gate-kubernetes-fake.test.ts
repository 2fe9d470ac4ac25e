// The real kubectl against a fake Kubernetes API server (fixtures/health-gate/fake-kubernetes.ts):
// there is no cluster on this machine.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type FakeKubernetes, startFakeKubernetes } from '../fixtures/health-gate/fake-kubernetes.js';
import { runHealthGate } from '../fixtures/health-gate/harness.js';
import { hasCommand, tempDir } from '../helpers/git.js';

const hasKubectl = hasCommand('kubectl', ['version', '--client']);

describe.skipIf(!hasKubectl)('kubernetes checks and kubectl rollback against a fake API server', () => {
  let fake: FakeKubernetes;
  let dir: string;
  const previousCacheDir = process.env.KUBECACHEDIR;
  beforeAll(async () => {
    dir = tempDir('aegis-health-k8s-');
    // kubectl caches discovery under $HOME; keep it in the temp dir.
    process.env.KUBECACHEDIR = join(dir, 'cache');
    fake = await startFakeKubernetes(dir);
  });
  afterAll(async () => {
    await fake.close();
    if (previousCacheDir === undefined) delete process.env.KUBECACHEDIR;
    else process.env.KUBECACHEDIR = previousCacheDir;
    rmSync(dir, { recursive: true, force: true });
  });

  const check = (extra = '') =>
    `- name: rollout\n  kubernetes: {deployment: api, namespace: dev, kubeconfig: "${fake.kubeconfig}"${extra}}`;

  test('waits while the rollout progresses, passes once it is complete', async () => {
    fake.script.push(
      { generation: 3, observedGeneration: 2 },
      { observedGeneration: 3, updatedReplicas: 1, availableReplicas: 2, statusReplicas: 4 },
      { updatedReplicas: 3, availableReplicas: 3, statusReplicas: 3 },
    );
    const run = await runHealthGate({ checks: check(), interval: '100ms', count: '2', rollback: 'none' }, dir);
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('Successful');
    const document = JSON.parse(readFileSync(run.outputs.measurements as string, 'utf8'));
    expect(document.measurements.map((m: { phase: string }) => m.phase)).toEqual(['Running', 'Running', 'Successful', 'Successful']);
    expect(document.measurements[1].message).toBe('deployment/api: 1/3 updated, 2/3 available, 3 old pending termination');
  });

  test('a rollout past its progress deadline fails, and kubectl rollout undo restores the previous template', async () => {
    fake.script.push({ generation: 4, observedGeneration: 4, updatedReplicas: 1, availableReplicas: 2, progressDeadlineExceeded: true });
    const run = await runHealthGate({ checks: check(), interval: '100ms', count: '2', rollback: 'kubectl' }, dir);
    expect(run.outputs).toMatchObject({ verdict: 'Failed', 'rolled-back': 'true' });
    expect(run.logs).toContain(`kubectl rollout undo deployment/api --namespace dev --kubeconfig ${fake.kubeconfig}`);
    const patch = fake.patches.at(-1)?.body as Array<{ path: string; value: { spec?: { containers: Array<{ image: string }> } } }>;
    expect(patch.find((op) => op.path === '/spec/template')?.value.spec?.containers[0]?.image).toBe('registry.example.com/aegis/api:1.0.0');
  });

  test('a deployment that does not exist is an Error measurement', async () => {
    const run = await runHealthGate(
      {
        checks: '- name: rollout\n  kubernetes: {deployment: nope, namespace: dev, kubeconfig: "' + fake.kubeconfig + '"}',
        interval: '100ms',
        'consecutive-error-limit': '0',
        rollback: 'none',
      },
      dir,
    );
    expect(run.outputs.verdict).toBe('Error');
    expect(run.summary).toMatch(/kubectl get deployment\/nope: .*not found/i);
  });
});

/**
 * promote's registry checks against a real docker-registry on 127.0.0.1: images built from
 * scratch with buildah (vfs storage, per-test root), written to an OCI layout and pushed with
 * skopeo copy; digests compared with what `skopeo inspect` reports.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasTool, type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { gitopsFiles, overlay } from '../fixtures/promote/gitops.js';
import { runCli } from '../helpers/cli.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';

const tools = ['buildah', 'skopeo', 'docker-registry'];
const missing = tools.filter((tool) => !hasTool(tool, tool === 'docker-registry' ? ['--help'] : ['--version']));
if (missing.length > 0 && process.env.CI === 'true')
  throw new Error(`${missing.join(', ')} required in CI but not installed (see .ci/run).`);

/** Builds a distinct image per service from scratch into an OCI layout, then skopeo-copies it to `tags`. */
function pushImages(registry: string, images: Record<string, string[]>): void {
  const dir = tempDir('aegis-promote-buildah-');
  const buildah = (...args: string[]) =>
    execFileSync('buildah', ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs', ...args], {
      encoding: 'utf8',
    }).trim();
  try {
    for (const [service, tags] of Object.entries(images)) {
      const container = buildah('from', '--quiet', 'scratch');
      buildah('config', '--label', `service=${service}`, container);
      buildah('commit', '--quiet', container, `localhost/${service}`);
      const layout = `oci:${join(dir, 'layout')}:${service}`;
      buildah('push', '--quiet', `localhost/${service}`, layout);
      for (const tag of tags) {
        execFileSync('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', layout, `docker://${registry}/shop/${service}:${tag}`]);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(missing.length > 0)(
  `promote with a real docker-registry${missing.length ? ` (skipped: ${missing.join(', ')} missing)` : ''}`,
  () => {
    let registry: LocalRegistry;
    let repo: BareRepo;
    beforeAll(async () => {
      registry = await startRegistry();
      // worker 2.0.5 (staging's) is never pushed: promoting it must be refused.
      pushImages(registry.host, { api: ['1.1.0', '1.2.0'], worker: ['2.0.0'], web: ['3.0.0'] });
      repo = createBareRepo(
        gitopsFiles(registry.host, {
          dev: { api: '1.2.0', worker: '2.0.5', web: '3.0.0' },
          staging: { api: '1.2.0', worker: '2.0.5', web: '3.0.0' },
          prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
        }),
      );
    }, 120_000);
    afterAll(async () => {
      repo?.cleanup();
      await registry?.stop();
    });

    const promote = (...args: string[]) =>
      runCli(['promote', '--repository', repo.bare, '--from', 'staging', '--to', 'prod', '--mode', 'push', ...args]);

    test('an image missing from its registry is refused, naming the image and the rule', async () => {
      const tip = repo.tip();
      const result = await promote();
      expect(result.exitCode).toBe(1);
      const refusals = JSON.parse(result.outputs.refusals ?? '[]') as { subject: string; rule: string; detail: string }[];
      expect(refusals.map((refusal) => [refusal.subject, refusal.rule])).toEqual([
        [`${registry.host}/shop/worker`, 'image-missing-in-registry'],
      ]);
      expect(refusals[0]?.detail).toContain(`${registry.host}/shop/worker:2.0.5`);
      expect(repo.tip()).toBe(tip);
    });

    test('pin-digest (the default into a protected environment) writes the digest skopeo inspect reports', async () => {
      const result = await promote('--services', 'api,web');
      expect(result.exitCode, result.stderr).toBe(0);
      const digest = skopeoInspect(`${registry.host}/shop/api:1.2.0`).Digest as string;
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const webDigest = skopeoInspect(`${registry.host}/shop/web:3.0.0`).Digest as string;
      // web had the same tag in prod; pinning still changes it to the immutable reference.
      expect(`${repo.show('overlays/prod/kustomization.yaml')}\n`).toBe(
        overlay('prod', registry.host, { api: `1.2.0@${digest}`, worker: '2.0.0', web: `3.0.0@${webDigest}` }),
      );
      expect(repo.message()).toContain(`Aegis-Image: ${registry.host}/shop/api=${registry.host}/shop/api:1.2.0@${digest}`);
      const plan = JSON.parse(result.outputs.plan ?? '') as { image: string; from: string; written: string }[];
      expect(plan[0]).toMatchObject({ from: `${registry.host}/shop/api:1.2.0`, written: `${registry.host}/shop/api:1.2.0@${digest}` });

      const again = await promote('--services', 'api,web');
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.outputs.changed).toBe('false');
    });

    test('without pinning into a non-protected environment the tag is written as is, after the registry confirmed it', async () => {
      const result = await runCli([
        'promote',
        '--repository',
        repo.bare,
        '--from',
        'dev',
        '--to',
        'staging',
        '--services',
        'api',
        '--dry-run',
      ]);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.outputs.plan).toBe('[]'); // staging already runs api 1.2.0
    });
  },
);

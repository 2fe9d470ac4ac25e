/**
 * pin-digest writes the digest the source environment runs, not whatever its tag points to
 * now: a real docker-registry on 127.0.0.1 where the tag is re-pushed after staging recorded
 * its digest in an Aegis-Image trailer (as gitops-bump records what it deployed).
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordedDigests } from '../../src/core/promote/recorded.js';
import { githubEvent } from '../../src/platform/event.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { hasTool, type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { gitopsFiles } from '../fixtures/promote/gitops.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const tools = ['buildah', 'skopeo', 'docker-registry'];
const missing = tools.filter((tool) => !hasTool(tool, tool === 'docker-registry' ? ['--help'] : ['--version']));
if (missing.length > 0 && process.env.CI === 'true') throw new Error(`${missing.join(', ')} required in CI (see .ci/run).`);

/** Pushes a distinct scratch image (labelled `build`) as `<registry>/shop/api:<tag>`; returns its digest. */
function pushApi(registry: string, tag: string, build: string): string {
  const dir = tempDir('aegis-recorded-buildah-');
  const buildah = (...args: string[]) =>
    execFileSync('buildah', ['--root', join(dir, 'root'), '--runroot', join(dir, 'run'), '--storage-driver', 'vfs', ...args], {
      encoding: 'utf8',
    }).trim();
  try {
    const container = buildah('from', '--quiet', 'scratch');
    buildah('config', '--label', `build=${build}`, container);
    buildah('commit', '--quiet', container, 'localhost/api');
    const layout = `oci:${join(dir, 'layout')}:api`;
    buildah('push', '--quiet', 'localhost/api', layout);
    execFileSync('skopeo', ['copy', '--quiet', '--dest-tls-verify=false', layout, `docker://${registry}/shop/api:${tag}`]);
    return skopeoInspect(`${registry}/shop/api:${tag}`).Digest as string;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const event = githubEvent(
  { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'b'.repeat(40), GITHUB_ACTOR: 'dev' },
  {},
);

describe.skipIf(missing.length > 0)('the digest the source runs', () => {
  let registry: LocalRegistry;
  let repo: BareRepo;
  let deployed: string;
  let repushed: string;

  beforeAll(async () => {
    registry = await startRegistry();
    deployed = pushApi(registry.host, '1.2.0', 'first');
    repo = createBareRepo(
      gitopsFiles(registry.host, {
        dev: { api: '1.2.0', worker: '2.0.0', web: '3.0.0' },
        staging: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
        prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
      }),
    );
    // A deploy into staging that names the tag in the overlay and records the digest it deployed.
    const work = repo.checkout();
    const file = join(work, 'overlays/staging/kustomization.yaml');
    writeFileSync(file, execFileSync('sed', ['s/newTag: "1.1.0"/newTag: "1.2.0"/', file], { encoding: 'utf8' }));
    git(
      work,
      'commit',
      '--quiet',
      '-am',
      `deploy api 1.2.0 to staging\n\nAegis-Image: ${registry.host}/shop/api=${registry.host}/shop/api:1.2.0@${deployed}\nAegis-Environment: staging`,
    );
    git(work, 'push', '--quiet', 'origin', 'HEAD:main');
    // Later the tag is re-pushed to another image; staging still runs the first one.
    repushed = pushApi(registry.host, '1.2.0', 'second');
  }, 120_000);

  afterAll(async () => {
    repo?.cleanup();
    await registry?.stop();
  });

  const promote = (inputs: Record<string, string>) =>
    new RecordingPlatform(
      tempDir('aegis-recorded-ws-'),
      { repository: repo.bare, from: 'staging', to: 'prod', mode: 'push', services: 'api', ...inputs },
      { event, throwOnFail: true },
    );

  test('the tag really moved in the registry', () => {
    expect(repushed).not.toBe(deployed);
  });

  test('into a protected environment, a tag re-pushed since the source got it is refused', async () => {
    const tip = repo.tip();
    const fake = promote({});
    await expect(runPromote(fake)).rejects.toThrow(/tag-moved-since-source-deployed/);
    const refusals = JSON.parse(fake.outputs.refusals as string) as { rule: string; detail: string }[];
    expect(refusals[0]?.detail).toContain(deployed);
    expect(refusals[0]?.detail).toContain(repushed);
    expect(repo.tip()).toBe(tip);
  });

  test('where a moved tag is allowed, the digest written is the one staging runs, from its trailer', async () => {
    const fake = promote({ 'protected-environments': 'none', 'pin-digest': 'true' });
    await runPromote(fake);
    expect(repo.show('overlays/prod/kustomization.yaml')).toContain(`digest: ${deployed}`);
    expect(repo.show('overlays/prod/kustomization.yaml')).not.toContain(repushed);
    expect(fake.infos.join('\n')).toContain('from its Aegis-Image trailer');
  });

  test('trailers: the newest digest recorded for a tag wins; references without a digest are skipped', () => {
    const digest = (c: string) => `sha256:${c.repeat(64)}`;
    const recorded = recordedDigests([
      { sha: '2'.repeat(40), message: `b\n\nAegis-Image: r/api=r/api:1.2.0@${digest('b')}` },
      { sha: '1'.repeat(40), message: `a\n\nAegis-Image: r/api=r/api:1.2.0@${digest('a')}\nAegis-Image: r/web=r/web:3.0.0` },
    ]);
    expect(recorded.get('r/api')?.get('1.2.0')).toEqual({ digest: digest('b'), commit: '2'.repeat(40) });
    expect(recorded.get('r/web')).toBeUndefined();
  });
});

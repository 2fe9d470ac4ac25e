/**
 * Real buildah (vfs, chroot isolation) building FROM scratch images, pushed to a real
 * docker-registry on 127.0.0.1, checked with skopeo. No Docker engine here: the buildx path
 * is covered by the argument tables in test/unit/build-args.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Runner } from '../../src/core/build/execute.js';
import { run as runProcess } from '../../src/core/process.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import type { CiEvent } from '../../src/platform/types.js';
import * as buildStage from '../../src/stages/build.js';
import { fakePlatform } from '../fixtures/build/platform-fake.js';
import { hasTool, type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { runStageWith } from '../helpers/stage-module.js';

const tools = ['buildah', 'skopeo', 'docker-registry'];
const missing = tools.filter((tool) => !hasTool(tool, tool === 'docker-registry' ? ['--help'] : ['--version']));
if (missing.length > 0 && process.env.CI === 'true') {
  throw new Error(`build integration tests need ${missing.join(', ')} on CI`);
}

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const OTHER = 'ffeeddccbbaa99887766554433221100ffeeddcc';

function pushEvent(sha: string): CiEvent {
  return githubEvent(
    {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: sha,
      GITHUB_REPOSITORY: 'acme/shop',
      GITHUB_SERVER_URL: 'https://github.com',
    },
    { after: sha, repository: { default_branch: 'main' } },
  );
}

/** Records every command; lets tests prove that nothing was built. */
function recordingRunner(): { run: Runner; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    run: (command, args, options) => {
      calls.push([command, ...args]);
      return runProcess(command, args, options);
    },
  };
}

describe.skipIf(missing.length > 0)(
  `build with real buildah and docker-registry${missing.length ? ` (skipped: ${missing.join(', ')} missing)` : ''}`,
  () => {
    let registry: LocalRegistry;
    let workspace: string;
    const dirs: string[] = [];

    function storage(): Record<string, string> {
      const dir = mkdtempSync(join(tmpdir(), 'aegis-buildah-'));
      dirs.push(dir);
      return {
        'buildah-root': join(dir, 'root'),
        'buildah-runroot': join(dir, 'run'),
        'buildah-storage-driver': 'vfs',
        builder: 'buildah',
      };
    }

    beforeAll(async () => {
      registry = await startRegistry();
      workspace = mkdtempSync(join(tmpdir(), 'aegis-build-ws-'));
      mkdirSync(join(workspace, 'services/api'), { recursive: true });
      writeFileSync(
        join(workspace, 'services/api/Dockerfile'),
        'FROM scratch\nCOPY hello.txt /hello.txt\nCOPY config.json /etc/config.json\n',
      );
      writeFileSync(join(workspace, 'services/api/hello.txt'), 'hello\n');
      writeFileSync(join(workspace, 'services/api/config.json'), '{"port":8080}\n');
    });

    afterAll(async () => {
      await registry?.stop();
      for (const dir of [workspace, ...dirs]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    function inputs(extra: Record<string, string> = {}): Record<string, string> {
      return { image: `${registry.host}/shop/api`, context: 'services/api', 'skip-existing': 'true', ...storage(), ...extra };
    }

    test('builds, pushes, reports the digest skopeo sees; a second run with skip-existing builds nothing', async () => {
      const first = fakePlatform(workspace, inputs(), pushEvent(HEAD));
      const result = await runStageWith(buildStage, first.platform);
      const inspected = skopeoInspect(`${registry.host}/shop/api:sha-${HEAD}`);
      expect(result.skipped).toBe(false);
      expect(first.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(first.outputs.digest).toBe(inspected.Digest);
      // name:tag@digest: the version tag (metadata-action's first tag after priority order) and the digest.
      expect(first.outputs.image).toBe(`${registry.host}/shop/api:main@${inspected.Digest}`);
      expect(first.outputs.version).toBe('main');
      expect(first.outputs.skipped).toBe('false');
      expect(first.outputs['cache-hit']).toBe('false');
      // One per line and in metadata-action's priority order (ref before sha).
      expect(first.outputs.tags?.split('\n')).toEqual([
        `${registry.host}/shop/api:main`,
        `${registry.host}/shop/api:sha-a1b2c3d`,
        `${registry.host}/shop/api:sha-${HEAD}`,
      ]);
      for (const tag of ['sha-a1b2c3d', 'main']) expect(skopeoInspect(`${registry.host}/shop/api:${tag}`).Digest).toBe(inspected.Digest);
      expect(inspected.Labels).toMatchObject({
        'org.opencontainers.image.revision': HEAD,
        'org.opencontainers.image.source': 'https://github.com/acme/shop',
        'org.opencontainers.image.version': 'main',
        'org.opencontainers.image.title': 'api',
      });
      expect(first.summaries[0]).toContain('| Digest |');

      const recorder = recordingRunner();
      const second = fakePlatform(workspace, inputs(), pushEvent(HEAD));
      await runStageWith(buildStage, second.platform, { run: recorder.run });
      expect(recorder.calls).toEqual([]);
      expect(second.outputs.skipped).toBe('true');
      expect(second.outputs.digest).toBe(inspected.Digest);
      expect(second.outputs.image).toBe(first.outputs.image);
      expect(second.summaries[0]).toMatch(/Skipped \| yes/);
    });

    test('skip-existing on a new branch tags the existing image instead of rebuilding', async () => {
      const event = gitlabEvent({
        CI_PIPELINE_SOURCE: 'push',
        CI_COMMIT_SHA: HEAD,
        CI_COMMIT_BRANCH: 'release/2.x',
        CI_DEFAULT_BRANCH: 'main',
        CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
      });
      const before = skopeoInspect(`${registry.host}/shop/api:sha-${HEAD}`).Digest;
      const recorder = recordingRunner();
      const fake = fakePlatform(workspace, inputs(), event);
      await runStageWith(buildStage, fake.platform, { run: recorder.run });
      expect(recorder.calls).toEqual([]);
      expect(fake.outputs.skipped).toBe('true');
      expect(skopeoInspect(`${registry.host}/shop/api:release-2.x`).Digest).toBe(before);
    });

    test('a rebuild of another commit in fresh storage is served from the registry cache', async () => {
      const fake = fakePlatform(workspace, inputs({ 'skip-existing': 'false' }), pushEvent(OTHER));
      await runStageWith(buildStage, fake.platform);
      expect(fake.outputs['cache-hit']).toBe('true');
      expect(fake.outputs.digest).toBe(skopeoInspect(`${registry.host}/shop/api:sha-${OTHER}`).Digest);
      const cacheTags = (await (await fetch(`http://${registry.host}/v2/shop/api/cache/api-native/tags/list`)).json()) as {
        tags: string[];
      };
      expect(cacheTags.tags.length).toBeGreaterThan(0);
    });

    test('multi-platform: one manifest list with both platforms, digest equals skopeo', async () => {
      const fake = fakePlatform(
        workspace,
        inputs({ image: `${registry.host}/shop/multi`, platforms: 'linux/amd64,linux/arm64' }),
        pushEvent(HEAD),
      );
      await runStageWith(buildStage, fake.platform);
      const reference = `${registry.host}/shop/multi:sha-${HEAD}`;
      expect(fake.outputs.digest).toBe(skopeoInspect(reference).Digest);
      const index = skopeoInspect(reference, true) as { manifests: { platform: { architecture: string } }[] };
      expect(index.manifests.map((m) => m.platform.architecture).sort()).toEqual(['amd64', 'arm64']);
      const cacheRepos = (await (await fetch(`http://${registry.host}/v2/_catalog`)).json()) as { repositories: string[] };
      expect(cacheRepos.repositories).toEqual(
        expect.arrayContaining(['shop/multi/cache/multi-linux-amd64', 'shop/multi/cache/multi-linux-arm64']),
      );
    });

    test('push: false builds locally and pushes nothing', async () => {
      const fake = fakePlatform(
        workspace,
        inputs({ image: `${registry.host}/shop/local`, push: 'false', 'skip-existing': 'false' }),
        pushEvent(HEAD),
      );
      await runStageWith(buildStage, fake.platform);
      expect(fake.outputs.image).toBe(`${registry.host}/shop/local:main`);
      expect(fake.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
      const tags = await fetch(`http://${registry.host}/v2/shop/local/tags/list`);
      expect(tags.status).toBe(404);
    });

    test('credentials and build secrets never reach argv, outputs or the summary', async () => {
      const password = 'registry-pa55word-xyz';
      const secretValue = 'npm-token-value-xyz';
      process.env.AEGIS_TEST_BUILD_SECRET = secretValue;
      try {
        const recorder = recordingRunner();
        const fake = fakePlatform(
          workspace,
          inputs({
            image: `${registry.host}/shop/secret`,
            'registry-username': 'ci',
            'registry-password': password,
            'secret-envs': 'token=AEGIS_TEST_BUILD_SECRET',
            'skip-existing': 'false',
          }),
          pushEvent(HEAD),
        );
        await runStageWith(buildStage, fake.platform, { run: recorder.run });
        expect(fake.outputs.digest).toBe(skopeoInspect(`${registry.host}/shop/secret:sha-${HEAD}`).Digest);
        expect(fake.secrets).toContain(password);
        const everything = JSON.stringify([recorder.calls, fake.outputs, fake.summaries]);
        expect(everything).not.toContain(password);
        expect(everything).not.toContain(secretValue);
        expect(recorder.calls.some((call) => call.includes('--secret'))).toBe(true);
      } finally {
        delete process.env.AEGIS_TEST_BUILD_SECRET;
      }
    });

    test('runs as the GitHub runner runs an action: INPUT_* in, GITHUB_OUTPUT and step summary out', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aegis-gh-'));
      dirs.push(dir);
      const eventPath = join(dir, 'event.json');
      writeFileSync(eventPath, JSON.stringify({ after: HEAD, repository: { default_branch: 'main' } }));
      writeFileSync(join(dir, 'output'), '');
      writeFileSync(join(dir, 'summary'), '');
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: HEAD,
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_WORKSPACE: workspace,
        GITHUB_OUTPUT: join(dir, 'output'),
        GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      };
      for (const [name, value] of Object.entries(inputs())) env[`INPUT_${name.toUpperCase()}`] = value;
      const result = await runProcess(process.execPath, ['--import', 'tsx', 'src/entry/build.ts'], { env, allowFailure: true });
      expect(result.exitCode, result.stderr + result.stdout).toBe(0);
      const output = readFileSync(join(dir, 'output'), 'utf8');
      const digest = skopeoInspect(`${registry.host}/shop/api:sha-${HEAD}`).Digest as string;
      expect(output).toContain(digest);
      expect(output).toMatch(/skipped<<.*\ntrue\n/s);
      expect(readFileSync(join(dir, 'summary'), 'utf8')).toContain('## Build api');
    });

    test.each([
      ['missing context', { context: 'services/nope' }, /Input 'context'.*an existing directory/],
      ['missing Dockerfile', { dockerfile: 'services/api/Containerfile' }, /Input 'dockerfile'.*an existing file/],
      ['context escaping the workspace', { context: '../..' }, /Input 'context'.*a path inside/],
      ['invalid image reference', { image: 'Registry/UPPER case' }, /Input 'image'/],
      ['image with a tag', { image: '127.0.0.1:5000/shop/api:1.0' }, /Input 'image'.*drop the tag/],
      // metadata-action sanitises 'bad tag!' to 'bad-tag-'; what sanitising cannot make valid is refused.
      ['invalid tag', { tags: 'type=sha\ntype=raw,value=-bad' }, /Input 'tags'.*'-bad'/],
      ['unknown rule type', { tags: 'type=commit' }, /Input 'tags'.*type= one of/],
      ['file and dockerfile disagree', { file: 'a/Dockerfile', dockerfile: 'b/Dockerfile' }, /Input 'file'/],
      ['unknown platform', { platforms: 'linux/amd64,linux/sparc' }, /Input 'platforms'.*"linux\/sparc"/],
      ['unknown builder', { builder: 'kaniko' }, /Input 'builder'/],
      ['half a login', { 'registry-username': 'ci' }, /Input 'registry-password'/],
      ['bad build arg', { 'build-args': 'not a pair' }, /Input 'build-args'/],
      ['multi-platform kept locally', { push: 'false', platforms: 'linux/amd64,linux/arm64' }, /Input 'push'.*multi-platform/],
    ])('bad input (%s) fails before any build', async (_name, extra, message) => {
      const recorder = recordingRunner();
      const fake = fakePlatform(workspace, { ...inputs(), ...extra }, pushEvent(HEAD));
      await expect(runStageWith(buildStage, fake.platform, { run: recorder.run })).rejects.toThrow(message);
      expect(recorder.calls).toEqual([]);
    });
  },
);

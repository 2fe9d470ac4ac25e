/**
 * Dependency caches with real buildah (vfs, chroot): a RUN step writes into the mounted
 * directory, the cache keeps it, the next build (fresh storage, so the step runs again) sees it.
 * Three backends: a directory-snapshot fake at the Platform seam, GitHub's @actions/cache as
 * @github/local-action stubs it (a local directory of tarballs), and GitLab's `cache:` run by
 * gitlab-ci-local with shell isolation (its cache is copied in and out of the job directory).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { DependencyCache } from '../../src/core/build/dependency-cache.js';
import { githubEvent } from '../../src/platform/event.js';
import * as buildStage from '../../src/stages/build.js';
import { hasTool } from '../fixtures/build/registry.js';
import { countingRun, writeShellContext } from '../fixtures/build/shell-context.js';
import { COMPONENT_PREFIX, runGitlabCiLocal } from '../helpers/gitlab-ci-local.js';
import { runLocalAction } from '../helpers/local-action.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { runStageWith } from '../helpers/stage-module.js';

const missing = hasTool('buildah', ['--version']) ? [] : ['buildah'];
if (missing.length > 0 && process.env.CI === 'true') throw new Error('dependency cache integration tests need buildah on CI');

const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const LOCK = '{"lockfileVersion":3}\n';
const PUSH = githubEvent(
  { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD, GITHUB_REPOSITORY: 'acme/shop' },
  {},
);
const dirs: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A workspace with a lockfile and a service whose RUN step counts its runs in /aegis-cache/.deps. */
function project(): string {
  const dir = temp('aegis-depcache-ws-');
  writeFileSync(join(dir, 'package-lock.json'), LOCK);
  mkdirSync(join(dir, 'app'));
  writeShellContext(join(dir, 'app'), countingRun('/aegis-cache/.deps'));
  return dir;
}

/** Fresh buildah storage and no layer cache: the RUN step runs every time. */
function inputs(extra: Record<string, string> = {}): Record<string, string> {
  const storage = temp('aegis-depcache-storage-');
  return {
    image: '127.0.0.1:5999/shop/api',
    context: 'app',
    builder: 'buildah',
    push: 'false',
    cache: 'none',
    'buildah-root': join(storage, 'root'),
    'buildah-runroot': join(storage, 'run'),
    'buildah-storage-driver': 'vfs',
    'dependency-cache-paths': '.deps',
    'dependency-cache-key-files': 'package-lock.json',
    ...extra,
  };
}

/** Keeps copies of the directories per key; prefixes restore the newest, as GitHub's cache does. */
function directoryCacheFake(): DependencyCache & { keys: string[] } {
  const store = temp('aegis-depcache-fake-');
  const keys: string[] = [];
  return {
    keys,
    async restore(paths, key, restoreKeys) {
      const match = keys.includes(key) ? key : restoreKeys.map((prefix) => keys.findLast((k) => k.startsWith(prefix))).find(Boolean);
      if (!match) return undefined;
      for (const [index, path] of paths.entries()) cpSync(join(store, match, String(index)), path, { recursive: true });
      return match;
    },
    async save(paths, key) {
      for (const [index, path] of paths.entries()) cpSync(path, join(store, key, String(index)), { recursive: true });
      keys.push(key);
    },
  };
}

function cachingPlatform(workspace: string, inputs: Record<string, string>, backend: DependencyCache): RecordingPlatform {
  const event = githubEvent(
    { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD, GITHUB_REPOSITORY: 'acme/shop' },
    {},
  );
  return new RecordingPlatform(workspace, inputs, { throwOnFail: true, event, cache: backend });
}

const seen = (log: string) => /deps-seen=(\d+)/.exec(log)?.[1];

describe.skipIf(missing.length > 0)(`dependency cache with real buildah${missing.length ? ' (skipped: buildah missing)' : ''}`, () => {
  test('at the seam: miss and save, exact hit on a fresh runner, fallback after the lockfile changes', async () => {
    const backend = directoryCacheFake();
    const workspace = project();
    const first = cachingPlatform(workspace, inputs(), backend);
    const result = await runStageWith(buildStage, first);
    expect(seen(first.infos.join('\n'))).toBe('0');
    expect(first.outputs['dependency-cache-hit']).toBe('false');
    expect(result.dependencies).toMatchObject({ hit: false, saved: true });
    expect(readFileSync(join(workspace, '.deps/count'), 'utf8').trim()).toBe('1');
    expect(backend.keys).toHaveLength(1);
    expect(first.summaries[0]).toMatch(/Dependency cache \| `aegis-deps-api-native-[0-9a-f]{32}` \(package-lock.json\): miss, saved/);

    // A fresh runner: a new checkout and new storage; only the cache carries .deps over.
    const again = project();
    const second = cachingPlatform(again, inputs(), backend);
    await runStageWith(buildStage, second);
    expect(seen(second.infos.join('\n'))).toBe('1');
    expect(second.outputs['dependency-cache-hit']).toBe('true');
    expect(backend.keys).toHaveLength(1);

    const changed = project();
    writeFileSync(join(changed, 'package-lock.json'), '{"lockfileVersion":3,"packages":{"left-pad":{}}}\n');
    const third = cachingPlatform(changed, inputs(), backend);
    const fallback = await runStageWith(buildStage, third);
    expect(seen(third.infos.join('\n'))).toBe('1');
    expect(third.outputs['dependency-cache-hit']).toBe('false');
    expect(fallback.dependencies).toMatchObject({ matchedKey: backend.keys[0], saved: true });
    expect(backend.keys).toHaveLength(2);
  });

  test('without a cache backend (local, GitLab) the directory is still mounted and the output stays empty', async () => {
    const workspace = project();
    const platform = new RecordingPlatform(workspace, inputs(), { throwOnFail: true, event: PUSH });
    await runStageWith(buildStage, platform);
    expect(readFileSync(join(workspace, '.deps/count'), 'utf8').trim()).toBe('1');
    expect(platform.outputs['dependency-cache-hit']).toBe('');
  });

  test('GitHub: @actions/cache through @github/local-action saves on the first run and restores on the second', async () => {
    const cacheDir = temp('aegis-depcache-la-cache-');
    const run = async () => {
      const workspace = project();
      const env = {
        GITHUB_WORKSPACE: workspace,
        LOCAL_ACTION_WORKSPACE: temp('aegis-depcache-la-ws-'),
        LOCAL_ACTION_CACHE_PATH: cacheDir,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_SHA: HEAD,
        GITHUB_REPOSITORY: 'acme/shop',
      };
      return { workspace, result: await runLocalAction('build', inputs(), env) };
    };
    const first = await run();
    expect(first.result.exitCode, first.result.stdout).toBe(0);
    expect(first.result.outputs['dependency-cache-hit']).toBe('false');
    expect(seen(first.result.stdout)).toBe('0');
    const saved = readdirSync(cacheDir).filter((file) => file.endsWith('.cache'));
    expect(saved).toEqual([expect.stringMatching(/^aegis-deps-api-native-[0-9a-f]{32}-/)]);

    const second = await run();
    expect(second.result.exitCode, second.result.stdout).toBe(0);
    expect(second.result.outputs['dependency-cache-hit']).toBe('true');
    expect(seen(second.result.stdout)).toBe('1');
    expect(readFileSync(join(second.workspace, '.deps/count'), 'utf8').trim()).toBe('2');
    expect(readdirSync(cacheDir).filter((file) => file.endsWith('.cache'))).toEqual(saved);
  }, 120_000);

  test('GitLab: the component cache: section, run twice by gitlab-ci-local, brings .deps back to the second job', async () => {
    // The binary rootfs reaches the project through a .pre job's artifact (the helper writes text files).
    const app = temp('aegis-depcache-gl-app-');
    writeShellContext(app, countingRun('/aegis-cache/.deps'));
    const storage = temp('aegis-depcache-gl-storage-');
    const component = {
      ...inputs({ 'buildah-root': join(storage, 'root'), 'buildah-runroot': join(storage, 'run') }),
      'dependency-cache': [
        { key: { files: ['package-lock.json'], prefix: 'aegis-deps-$CI_JOB_NAME_SLUG' }, paths: ['.deps'], when: 'on_success' },
      ],
    };
    const ci = `include:\n  - component: ${COMPONENT_PREFIX}/build@1.0.0\n    inputs:\n${Object.entries(component)
      .map(([name, value]) => `      ${name}: ${JSON.stringify(value)}`)
      .join('\n')}
prepare-rootfs:
  stage: .pre
  script:
    - cp -r ${app}/rootfs app/
  artifacts:
    paths: [app/rootfs/]
`;
    const files = { 'app/Dockerfile': readFileSync(join(app, 'Dockerfile'), 'utf8') };
    // Shell isolation: each job runs in .gitlab-ci-local/builds/<job>, and cache: is copied in and out as a runner would.
    const first = await runGitlabCiLocal(ci, {
      files: { ...files, 'package-lock.json': LOCK, '.gitlab-ci-local-env': 'SHELL_ISOLATION=true\n' },
    });
    try {
      expect(first.exitCode, first.output).toBe(0);
      expect(seen(first.output)).toBe('0');
      // A fresh runner: no job directory left over, new buildah storage (so the RUN step runs again).
      rmSync(join(first.project, '.gitlab-ci-local/builds'), { recursive: true, force: true });
      rmSync(storage, { recursive: true, force: true });
      const second = await first.rerun();
      expect(second.exitCode, second.output).toBe(0);
      expect(second.output).toMatch(/imported cache '0_aegis-deps-aegis-build-[0-9a-f]+'/);
      expect(seen(second.output)).toBe('1');
      expect(existsSync(join(first.project, '.gitlab-ci-local/cache'))).toBe(true);
    } finally {
      first.cleanup();
    }
  }, 180_000);
});

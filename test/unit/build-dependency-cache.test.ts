/**
 * Dependency cache planning: keys from lockfile hashes, restore-key fallback, input
 * validation, the builders' mount arguments, and restore/save decisions against a fake cache.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildahBuildArgs } from '../../src/core/build/buildah.js';
import { buildxArgs } from '../../src/core/build/buildx.js';
import {
  type DependencyCache,
  type DependencyCachePlan,
  dependencyCacheKey,
  dependencyContextName,
  lockfileDigest,
  planDependencyCache,
  restoreDependencies,
  saveDependencies,
} from '../../src/core/build/dependency-cache.js';
import type { BuildRequest } from '../../src/core/build/plan.js';
import { silentLog } from '../../src/core/log.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-depcache-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const LOCK = '{"lockfileVersion":3}\n';

describe('lockfileDigest', () => {
  test.each([
    ['same files, same digest', [{ path: 'a.lock', content: 'x' }], [{ path: 'a.lock', content: 'x' }], true],
    [
      'order does not matter',
      [
        { path: 'a.lock', content: 'x' },
        { path: 'b.lock', content: 'y' },
      ],
      [
        { path: 'b.lock', content: 'y' },
        { path: 'a.lock', content: 'x' },
      ],
      true,
    ],
    ['changed content, new digest', [{ path: 'a.lock', content: 'x' }], [{ path: 'a.lock', content: 'x2' }], false],
    ['same content elsewhere, new digest', [{ path: 'a.lock', content: 'x' }], [{ path: 'sub/a.lock', content: 'x' }], false],
    [
      'an extra lockfile, new digest',
      [{ path: 'a.lock', content: 'x' }],
      [
        { path: 'a.lock', content: 'x' },
        { path: 'b.lock', content: '' },
      ],
      false,
    ],
  ])('%s', (_name, left, right, equal) => {
    expect(lockfileDigest(left) === lockfileDigest(right)).toBe(equal);
    expect(lockfileDigest(left)).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('dependencyCacheKey', () => {
  test.each([
    ['api', [], 'aegis-deps-api-native-'],
    ['api', ['linux/amd64'], 'aegis-deps-api-linux-amd64-'],
    ['api', ['linux/amd64', 'linux/arm64'], 'aegis-deps-api-linux-amd64_linux-arm64-'],
    ['team/web,x', ['linux/arm/v7'], 'aegis-deps-team-web-x-linux-arm-v7-'],
  ])('service %s on %j: prefix %s, no commas (GitHub refuses them)', (service, platforms, prefix) => {
    const { key, restoreKeys } = dependencyCacheKey(service, platforms, 'abc');
    expect(key).toBe(`${prefix}abc`);
    expect(restoreKeys).toEqual([prefix]);
    expect(key).not.toContain(',');
  });
});

describe('planDependencyCache', () => {
  const plan = (dir: string, paths: string[], keyFiles: string[], service = 'api', platforms: string[] = []) =>
    planDependencyCache({ workspace: dir, paths, keyFiles, service, platforms }) as DependencyCachePlan;

  test('nothing configured: no plan', () => {
    expect(planDependencyCache({ workspace: workspace({}), paths: [], keyFiles: [], service: 'api', platforms: [] })).toBeUndefined();
  });

  test('same lockfile, same key; a changed lockfile gets a new key and falls back to the same prefix', () => {
    const one = workspace({ 'package-lock.json': LOCK });
    const two = workspace({ 'package-lock.json': LOCK });
    const changed = workspace({ 'package-lock.json': '{"lockfileVersion":3,"packages":{"x":{}}}\n' });
    const first = plan(one, ['.npm'], ['package-lock.json']);
    expect(plan(two, ['.npm'], ['package-lock.json']).key).toBe(first.key);
    const next = plan(changed, ['.npm'], ['package-lock.json']);
    expect(next.key).not.toBe(first.key);
    expect(next.restoreKeys).toEqual(first.restoreKeys);
    expect(first.key.startsWith(first.restoreKeys[0] as string)).toBe(true);
  });

  test('another service or platform never shares a key or a fallback', () => {
    const dir = workspace({ 'go.sum': 'h1\n' });
    const api = plan(dir, ['.gomod'], ['go.sum'], 'api', ['linux/amd64']);
    for (const other of [
      plan(dir, ['.gomod'], ['go.sum'], 'worker', ['linux/amd64']),
      plan(dir, ['.gomod'], ['go.sum'], 'api', ['linux/arm64']),
    ]) {
      expect(other.key).not.toBe(api.key);
      expect(other.key.startsWith(api.restoreKeys[0] as string)).toBe(false);
    }
  });

  test('globs find every lockfile, but not those inside the cached directories or .git', () => {
    const dir = workspace({
      'services/api/go.sum': 'a\n',
      'services/web/go.sum': 'b\n',
      '.gomod/cache/download/x/go.sum': 'restored content\n',
      '.git/go.sum': 'no\n',
    });
    const result = plan(dir, ['.gomod'], ['**/go.sum']);
    expect(result.keyFiles).toEqual(['services/api/go.sum', 'services/web/go.sum']);
    writeFileSync(join(dir, '.gomod/cache/download/x/go.sum'), 'changed by the restore\n');
    expect(plan(dir, ['.gomod'], ['**/go.sum']).key).toBe(result.key);
  });

  test('mounts: one per directory, at /aegis-cache/<path>, with a buildx context name', () => {
    const dir = workspace({ 'requirements.txt': 'flask\n' });
    const result = plan(dir, ['.cache/pip', 'vendor'], ['requirements.txt']);
    expect(result.mounts).toEqual([
      { source: join(dir, '.cache/pip'), target: '/aegis-cache/.cache/pip', context: 'aegis-cache-cache-pip' },
      { source: join(dir, 'vendor'), target: '/aegis-cache/vendor', context: 'aegis-cache-vendor' },
    ]);
  });

  test.each([
    ['paths without key files', ['.npm'], [], /Input 'dependency-cache-key-files'/],
    ['key files without paths', [], ['package-lock.json'], /Input 'dependency-cache-paths'/],
    ['a lockfile that does not exist', ['.npm'], ['yarn.lock'], /Input 'dependency-cache-key-files'.*matches no file/],
    ['a glob that matches nothing', ['.npm'], ['**/*.nothing'], /Input 'dependency-cache-key-files'/],
    ['a directory outside the workspace', ['../elsewhere'], ['package-lock.json'], /Input 'dependency-cache-paths'.*a path inside/],
    ['the workspace itself', ['.'], ['package-lock.json'], /Input 'dependency-cache-paths'.*not the workspace itself/],
    ['a key file outside the workspace', ['.npm'], ['../package-lock.json'], /Input 'dependency-cache-key-files'.*a path inside/],
    ['two directories with one context name', ['.npm', 'npm'], ['package-lock.json'], /Input 'dependency-cache-paths'.*distinct/],
  ])('refuses %s', (_name, paths, keyFiles, message) => {
    expect(() => plan(workspace({ 'package-lock.json': LOCK }), paths, keyFiles)).toThrow(message);
  });

  test.each([
    ['.npm', 'aegis-cache-npm'],
    ['.cache/go-build', 'aegis-cache-cache-go-build'],
    ['Vendor_Dir', 'aegis-cache-vendor-dir'],
  ])('context name of %s is %s', (path, name) => {
    expect(dependencyContextName(path)).toBe(name);
  });
});

describe('builder arguments', () => {
  const dir = workspace({ 'package-lock.json': LOCK });
  const dependencyCache = planDependencyCache({
    workspace: dir,
    paths: ['.npm'],
    keyFiles: ['package-lock.json'],
    service: 'api',
    platforms: [],
  });
  const request = {
    context: '/w',
    dockerfile: '/w/Dockerfile',
    image: { registry: 'ghcr.io', repository: 'acme/api' },
    service: 'api',
    tags: ['sha-1234567'],
    labels: {},
    platforms: [],
    push: true,
    buildArgs: [],
    secrets: [],
    cache: 'none',
    cacheRepository: 'ghcr.io/acme/api/cache',
    insecureRegistries: [],
    provenance: 'false',
    sbom: false,
    skipExisting: false,
    credentials: new Map(),
    buildah: { isolation: 'chroot' },
    dependencyCache,
  } satisfies BuildRequest;

  test('buildah bind-mounts each directory for RUN steps, before the context argument', () => {
    const args = buildahBuildArgs(request, undefined, ['ghcr.io/acme/api:sha-1234567'], { iidfile: '/t/iid', secretFiles: new Map() });
    const at = args.indexOf('--volume');
    expect(args.slice(at, at + 2)).toEqual(['--volume', `${join(dir, '.npm')}:/aegis-cache/.npm`]);
    expect(args.at(-1)).toBe('/w');
  });

  test('buildx passes each directory as a named build context', () => {
    const args = buildxArgs(request, { metadataFile: '/t/m.json' });
    const at = args.indexOf('--build-context');
    expect(args.slice(at, at + 2)).toEqual(['--build-context', `aegis-cache-npm=${join(dir, '.npm')}`]);
    expect(args).not.toContain('--volume');
  });

  test('no dependency cache: neither flag', () => {
    const without = { ...request, dependencyCache: undefined };
    expect(buildahBuildArgs(without, undefined, [], { iidfile: '/t/iid', secretFiles: new Map() })).not.toContain('--volume');
    expect(buildxArgs(without, { metadataFile: '/t/m.json' })).not.toContain('--build-context');
  });
});

/** Answers restore with a fixed key (or throws) and records saves. */
function fakeCache(answer: string | undefined | Error): DependencyCache & { saves: string[]; restores: unknown[][] } {
  const saves: string[] = [];
  const restores: unknown[][] = [];
  return {
    saves,
    restores,
    async restore(paths, key, restoreKeys) {
      restores.push([paths, key, restoreKeys]);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    async save(_paths, key) {
      saves.push(key);
    },
  };
}

describe('restore and save decisions', () => {
  function planWithContent(content: boolean): DependencyCachePlan {
    const dir = workspace({ 'package-lock.json': LOCK, ...(content ? { '.npm/_cacache/index': 'x' } : {}) });
    return planDependencyCache({
      workspace: dir,
      paths: ['.npm'],
      keyFiles: ['package-lock.json'],
      service: 'api',
      platforms: [],
    }) as DependencyCachePlan;
  }

  test.each([
    ['exact hit: nothing saved', 'exact', true, false],
    ['miss: saved', undefined, false, true],
    ['fallback to an older cache: saved under the new key', 'aegis-deps-api-native-older', false, true],
  ])('%s', async (_name, answer, hit, saved) => {
    const plan = planWithContent(true);
    const cache = fakeCache(answer === 'exact' ? plan.key : answer);
    const restored = await restoreDependencies(plan, cache, silentLog);
    expect(cache.restores).toEqual([[[plan.mounts[0]?.source], plan.key, plan.restoreKeys]]);
    expect(restored.hit).toBe(hit);
    expect(await saveDependencies(plan, cache, restored, silentLog)).toBe(saved);
    expect(cache.saves).toEqual(saved ? [plan.key] : []);
  });

  test('a failing restore warns and builds on; the save still happens', async () => {
    const plan = planWithContent(true);
    const warnings: string[] = [];
    const log = { ...silentLog, warning: (message: string) => void warnings.push(message) };
    const cache = fakeCache(new Error('cache service unreachable'));
    const restored = await restoreDependencies(plan, cache, log);
    expect(restored.hit).toBe(false);
    expect(warnings.join()).toContain('cache service unreachable');
    expect(await saveDependencies(plan, cache, restored, log)).toBe(true);
  });

  test('empty directories are not saved; without a backend the directories are still created', async () => {
    const plan = planWithContent(false);
    const cache = fakeCache(undefined);
    const restored = await restoreDependencies(plan, cache, silentLog);
    expect(await saveDependencies(plan, cache, restored, silentLog)).toBe(false);
    expect(cache.saves).toEqual([]);
    expect(await restoreDependencies(plan, undefined, silentLog)).toEqual({});
  });
});

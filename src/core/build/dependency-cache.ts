/**
 * Dependency caches (npm/pip/Go module directories …) keyed by lockfile hashes, made
 * available to the build's RUN steps. Pure planning here; the cache backend is a seam the
 * platform provides (@actions/cache on GitHub; on GitLab the runner's `cache:` does it).
 */
import { createHash } from 'node:crypto';
import { globSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { InputError } from '../errors.js';
import type { Log } from '../log.js';
import { resolveInside } from '../paths.js';
import { platformSlug } from './platforms.js';

/** Where each cached directory appears in RUN steps: `/aegis-cache/<path relative to the workspace>`. */
export const DEPENDENCY_CACHE_ROOT = '/aegis-cache';
const KEY_PREFIX = 'aegis-deps';

/** A cache backend: GitHub's cache service through @actions/cache, or a test fake. */
export interface DependencyCache {
  /**
   * Restores `paths` from the cache saved under `key`, else from the newest one whose key starts
   * with one of `restoreKeys`. Returns the key that matched, undefined on a miss.
   */
  restore(paths: readonly string[], key: string, restoreKeys: readonly string[]): Promise<string | undefined>;
  save(paths: readonly string[], key: string): Promise<void>;
}

export interface DependencyMount {
  /** Absolute directory in the workspace. */
  source: string;
  /** Path in RUN steps (buildah `--volume`), `/aegis-cache/<relative path>`. */
  target: string;
  /** buildx named build context (`RUN --mount=type=bind,from=<name>,target=…`). */
  context: string;
}

export interface DependencyCachePlan {
  mounts: readonly DependencyMount[];
  /** Lockfiles that made the key, relative to the workspace, sorted. */
  keyFiles: readonly string[];
  key: string;
  /** Prefixes tried when `key` misses: the newest cache of the same service and platforms. */
  restoreKeys: readonly string[];
}

export interface DependencyCacheInputs {
  workspace: string;
  /** `dependency-cache-paths` values. */
  paths: readonly string[];
  /** `dependency-cache-key-files` values (paths or globs). */
  keyFiles: readonly string[];
  service: string;
  platforms: readonly string[];
}

/** One digest for a set of lockfiles: their names and contents, order-independent. */
export function lockfileDigest(files: readonly { path: string; content: string | Buffer }[]): string {
  const hash = createHash('sha256');
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${file.path}\0${createHash('sha256').update(file.content).digest('hex')}\n`);
  }
  return hash.digest('hex').slice(0, 32);
}

/** `aegis-deps-<service>-<platforms>-<digest>` and the prefix without the digest (GitHub: newest match wins). */
export function dependencyCacheKey(service: string, platforms: readonly string[], digest: string): { key: string; restoreKeys: string[] } {
  const scope = `${service.replace(/[^A-Za-z0-9_.-]+/g, '-')}-${platforms.length > 0 ? platforms.map(platformSlug).join('_') : 'native'}`;
  const prefix = `${KEY_PREFIX}-${scope}-`;
  return { key: `${prefix}${digest}`, restoreKeys: [prefix] };
}

/** The buildx named context for a cached directory: `aegis-cache-<slug of its relative path>`. */
export function dependencyContextName(relativePath: string): string {
  const slug = relativePath
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `aegis-cache-${slug || 'root'}`;
}

function isUnder(dir: string, file: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

/**
 * Validates the inputs and computes the key. Lockfiles inside the cached directories (and in
 * .git) do not count: the restore would change them, and the key with them.
 */
export function planDependencyCache(inputs: DependencyCacheInputs): DependencyCachePlan | undefined {
  const { workspace, paths, keyFiles } = inputs;
  if (paths.length === 0 && keyFiles.length === 0) return undefined;
  if (paths.length === 0) {
    throw new InputError('dependency-cache-paths', '', 'directories to cache, when dependency-cache-key-files is set');
  }
  if (keyFiles.length === 0) {
    throw new InputError('dependency-cache-key-files', '', 'lockfiles (paths or globs) whose content keys the cache');
  }
  const relativeDirs = paths.map((path) => {
    const rel = relative(workspace, resolveInside(workspace, path, 'dependency-cache-paths'))
      .split('\\')
      .join('/');
    if (rel === '') throw new InputError('dependency-cache-paths', path, 'a directory below the workspace, not the workspace itself');
    return rel;
  });
  const mounts = relativeDirs.map((rel) => ({
    source: resolveInside(workspace, rel, 'dependency-cache-paths'),
    target: `${DEPENDENCY_CACHE_ROOT}/${rel}`,
    context: dependencyContextName(rel),
  }));
  const contexts = new Set(mounts.map((mount) => mount.context));
  if (contexts.size !== mounts.length) {
    throw new InputError(
      'dependency-cache-paths',
      paths.join(','),
      'directories with distinct names (after lower-casing and - for other characters)',
    );
  }
  for (const pattern of keyFiles) resolveInside(workspace, pattern.replace(/[*?[{].*$/, ''), 'dependency-cache-key-files');
  const excluded = ['.git', ...relativeDirs];
  const found = new Set<string>();
  for (const pattern of keyFiles) {
    const matches = globSync(pattern, { cwd: workspace, exclude: (name) => excluded.some((dir) => isUnder(dir, String(name))) })
      .map((file) => String(file).split('\\').join('/'))
      .filter(
        (file) =>
          !excluded.some((dir) => isUnder(dir, file)) && statSync(resolveInside(workspace, file, 'dependency-cache-key-files')).isFile(),
      );
    if (matches.length === 0) {
      throw new InputError(
        'dependency-cache-key-files',
        pattern,
        'lockfiles that exist in the workspace (paths or globs)',
        'it matches no file',
      );
    }
    for (const match of matches) found.add(match);
  }
  const files = [...found].sort();
  const digest = lockfileDigest(
    files.map((path) => ({ path, content: readFileSync(resolveInside(workspace, path, 'dependency-cache-key-files')) })),
  );
  return { mounts, keyFiles: files, ...dependencyCacheKey(inputs.service, inputs.platforms, digest) };
}

export interface DependencyRestore {
  /** The key the cache matched; undefined on a miss or without a backend. */
  matchedKey?: string;
  /** True only for an exact key match (actions/cache's `cache-hit`); undefined without a backend. */
  hit?: boolean;
}

/** Creates the directories (the builders mount them) and restores them when a backend exists. */
export async function restoreDependencies(
  plan: DependencyCachePlan,
  cache: DependencyCache | undefined,
  log: Log,
): Promise<DependencyRestore> {
  const directories = plan.mounts.map((mount) => mount.source);
  for (const dir of directories) mkdirSync(dir, { recursive: true });
  if (!cache) return {};
  try {
    const matchedKey = await cache.restore(directories, plan.key, plan.restoreKeys);
    log.info(matchedKey ? `Dependency cache restored from ${matchedKey}.` : `No dependency cache for ${plan.key} yet.`);
    return { matchedKey, hit: matchedKey === plan.key };
  } catch (error) {
    // A cache is an optimisation: a broken one must not fail the build.
    log.warning(`Dependency cache restore failed, building without it: ${(error as Error).message}`);
    return { hit: false };
  }
}

/** Saves after a successful build, unless the exact key was restored (caches are immutable) or nothing was written. */
export async function saveDependencies(
  plan: DependencyCachePlan,
  cache: DependencyCache | undefined,
  restored: DependencyRestore,
  log: Log,
): Promise<boolean> {
  if (!cache || restored.hit) return false;
  const directories = plan.mounts.map((mount) => mount.source);
  if (directories.every((dir) => readdirSync(dir).length === 0)) {
    log.info(`Dependency cache directories are empty; nothing saved under ${plan.key}.`);
    return false;
  }
  try {
    await cache.save(directories, plan.key);
    log.info(`Dependency cache saved as ${plan.key}.`);
    return true;
  } catch (error) {
    log.warning(`Dependency cache save failed (the build succeeded): ${(error as Error).message}`);
    return false;
  }
}

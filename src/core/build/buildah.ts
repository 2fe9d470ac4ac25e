/**
 * buildah argument lists. Pure, so they are table-tested; the executor runs them.
 *
 * Multi-platform note (buildah 1.28, Debian bookworm): with `--layers`, one
 * `--platform a,b` build reuses the first platform's cached layers for the second when the
 * steps match (e.g. `FROM scratch` + `COPY`), producing a one-platform list. So each platform
 * is built in its own storage, exported as an OCI layout, and assembled into a manifest list.
 */

import { type BuildahStorage, type BuildRequest, cacheScope, passThroughArgs, taggedReferences } from './plan.js';
import { platformSlug } from './platforms.js';

export interface BuildahBuildFiles {
  iidfile: string;
  /** Secret id -> file holding its value (env secrets are copied to private files first). */
  secretFiles: ReadonlyMap<string, string>;
}

/** Storage flags that go before the subcommand. */
export function buildahGlobalArgs(storage: Pick<BuildahStorage, 'root' | 'runroot' | 'driver'>): string[] {
  return [
    ...(storage.root ? ['--root', storage.root] : []),
    ...(storage.runroot ? ['--runroot', storage.runroot] : []),
    ...(storage.driver ? ['--storage-driver', storage.driver] : []),
  ];
}

/** Storage for one platform of a multi-platform build: a sibling of the main storage. */
export function platformStorage(storage: BuildahStorage, platform: string, fallbackDir: string): BuildahStorage {
  const slug = platformSlug(platform);
  return {
    ...storage,
    root: storage.root ? `${storage.root}.${slug}` : `${fallbackDir}/storage-${slug}`,
    runroot: storage.runroot ? `${storage.runroot}.${slug}` : `${fallbackDir}/runroot-${slug}`,
  };
}

/** Registry cache repository for one platform: buildah tags cache by content hash, so the scope goes in the path. */
export function buildahCacheRepository(request: BuildRequest, platform: string | undefined): string {
  return `${request.cacheRepository}/${cacheScope(request, platform ? [platform] : [])}`;
}

/**
 * `buildah build` for one platform (or the native one). `localTags` are the names the
 * image gets in local storage: the final references for single-platform builds, a
 * per-platform name otherwise.
 */
export function buildahBuildArgs(
  request: BuildRequest,
  platform: string | undefined,
  localTags: readonly string[],
  files: BuildahBuildFiles,
): string[] {
  const cacheRepository = buildahCacheRepository(request, platform);
  return [
    ...buildahGlobalArgs(request.buildah),
    'build',
    '--isolation',
    request.buildah.isolation,
    '--layers',
    '--iidfile',
    files.iidfile,
    '--file',
    request.dockerfile,
    ...(platform ? ['--platform', platform] : []),
    ...localTags.flatMap((ref) => ['--tag', ref]),
    ...Object.entries(request.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...request.buildArgs.flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
    ...request.secrets.flatMap((secret) => ['--secret', `id=${secret.id},src=${files.secretFiles.get(secret.id) ?? secret.file}`]),
    ...(request.cache === 'registry' ? ['--cache-from', cacheRepository, '--cache-to', cacheRepository] : []),
    ...(request.target ? ['--target', request.target] : []),
    // Bind mounts for RUN steps only: what the build writes there stays on the host (and is cached), not in the image.
    ...(request.dependencyCache?.mounts ?? []).flatMap((mount) => ['--volume', `${mount.source}:${mount.target}`]),
    ...(request.passThrough?.pull ? ['--pull=always'] : []),
    ...passThroughArgs(request.passThrough),
    request.context,
  ];
}

function tlsArgs(insecure: boolean): string[] {
  // `buildah push` honours registries.conf; `manifest push` (1.28) does not, so both get the flag.
  return insecure ? ['--tls-verify=false'] : [];
}

export function buildahPushArgs(
  storage: BuildahStorage,
  source: string,
  destination: string,
  digestfile: string,
  insecure: boolean,
): string[] {
  return [...buildahGlobalArgs(storage), 'push', '--digestfile', digestfile, ...tlsArgs(insecure), source, `docker://${destination}`];
}

export function buildahManifestPushArgs(
  storage: BuildahStorage,
  list: string,
  destination: string,
  digestfile: string,
  insecure: boolean,
): string[] {
  return [
    ...buildahGlobalArgs(storage),
    'manifest',
    'push',
    '--all',
    '--digestfile',
    digestfile,
    ...tlsArgs(insecure),
    list,
    `docker://${destination}`,
  ];
}

/** The local names a build produces: final references (single platform) or one per platform. */
export function buildahLocalTags(request: BuildRequest, platform: string | undefined): string[] {
  if (request.platforms.length <= 1) return taggedReferences(request);
  return [`localhost/aegis-build/${request.service}:${platformSlug(platform as string)}`];
}

/**
 * True when every step other than FROM and LABEL was served from cache (`--> Using cache`), counted per
 * `STEP i/n:` so multi-stage builds need every stage cached.
 */
export function buildahCacheHit(output: string): boolean {
  let steps = 0;
  let cached = 0;
  let inStep = false;
  for (const line of output.split('\n')) {
    const step = /^STEP \d+\/\d+: (\S+)/.exec(line);
    if (step) {
      // LABEL steps are metadata (buildah appends one per --label, e.g. the ever-changing `created`).
      inStep = !['FROM', 'LABEL'].includes((step[1] as string).toUpperCase());
      if (inStep) steps += 1;
      continue;
    }
    if (inStep && line.startsWith('--> Using cache ')) {
      cached += 1;
      inStep = false;
    }
  }
  return steps > 0 && cached === steps;
}

/** registries.conf marking the given registries insecure (plain HTTP), for build-time cache pulls/pushes. */
export function registriesConf(insecure: readonly string[]): string {
  return [
    'unqualified-search-registries = ["docker.io"]',
    ...insecure.flatMap((location) => ['', '[[registry]]', `location = ${JSON.stringify(location)}`, 'insecure = true']),
    '',
  ].join('\n');
}

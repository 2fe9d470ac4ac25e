/**
 * Runs a validated BuildRequest: ask the registry first (skip-existing), else build with
 * buildah or buildx, push, and report the digest the registry stores.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AegisError } from '../errors.js';
import type { Fetch } from '../http.js';
import { formatName, parseImageReference } from '../images/reference.js';
import type { Log } from '../log.js';
import { run as runProcess } from '../process.js';
import {
  buildahBuildArgs,
  buildahCacheHit,
  buildahGlobalArgs,
  buildahLocalTags,
  buildahManifestPushArgs,
  buildahPushArgs,
  platformStorage,
  registriesConf,
} from './buildah.js';
import { buildxArgs, buildxCacheHit } from './buildx.js';
import { type DependencyCache, type DependencyRestore, restoreDependencies, saveDependencies } from './dependency-cache.js';
import type { BuilderChoice, BuilderKind, BuildRequest } from './plan.js';
import { platformSlug } from './platforms.js';
import { authFileContent, RegistryClient } from './registry.js';
import { isInsecureRegistry } from './registry-host.js';

export type Runner = typeof runProcess;

export interface BuildDependencies {
  log: Log;
  run?: Runner;
  fetch?: Fetch;
  /** Where `secret-envs` values are read from (the stage passes the process environment). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The platform's cache backend for `request.dependencyCache`; without one the directories are only mounted. */
  dependencyCache?: DependencyCache;
}

export interface BuildResult {
  builder?: BuilderKind;
  /** `registry/repo@sha256:…` when pushed or found; `registry/repo:tag` for a local-only build. */
  image: string;
  /** Manifest (list) digest in the registry; the image ID for local-only single-platform builds. */
  digest: string;
  tags: string[];
  skipped: boolean;
  cacheHit: boolean;
  pushed: boolean;
  durationMs: number;
  /** Dependency cache outcome; absent when none is configured or nothing was built. */
  dependencies?: DependencyRestore & { saved: boolean };
}

/** `auto`: buildx where a Docker engine answers, else buildah. */
export async function detectBuilder(choice: BuilderChoice, run: Runner = runProcess): Promise<BuilderKind> {
  if (choice !== 'auto') return choice;
  const engine = await run('docker', ['version', '--format', '{{.Server.Version}}'], { allowFailure: true }).catch(() => undefined);
  if (engine?.exitCode === 0) {
    const buildx = await run('docker', ['buildx', 'version'], { allowFailure: true }).catch(() => undefined);
    if (buildx?.exitCode === 0) return 'buildx';
  }
  const buildah = await run('buildah', ['--version'], { allowFailure: true }).catch(() => undefined);
  if (buildah?.exitCode === 0) return 'buildah';
  throw new AegisError(
    "builder 'auto' found neither a Docker engine with buildx nor buildah on PATH; install one or choose 'builder' explicitly.",
  );
}

function registryOf(repository: string): string {
  return parseImageReference(repository, 'cache-ref').registry;
}

/** Asks the registry for the commit's tag; undefined when absent or when the registry cannot be asked. */
async function findExisting(request: BuildRequest, deps: BuildDependencies): Promise<string | undefined> {
  const { registry, repository } = request.image;
  if (!request.commitTag) {
    throw new AegisError("skip-existing needs a tag naming the commit: keep a 'type=sha' rule in 'tags' (and a commit SHA in the event).");
  }
  const client = new RegistryClient(
    { registry, insecure: isInsecureRegistry(registry, request.insecureRegistries), credentials: request.credentials.get(registry) },
    deps.fetch,
  );
  try {
    return await client.manifestDigest(repository, request.commitTag);
  } catch (error) {
    deps.log.warning(
      `skip-existing: could not ask ${registry} about ${repository}:${request.commitTag}, building instead: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/** Points the other computed tags (branch, pr-N, semver) at the existing manifest, as a fresh build would have. */
async function tagExisting(request: BuildRequest, digest: string, deps: BuildDependencies): Promise<void> {
  const { registry, repository } = request.image;
  const others = request.tags.filter((tag) => tag !== request.commitTag);
  if (!request.push || others.length === 0) return;
  const client = new RegistryClient(
    { registry, insecure: isInsecureRegistry(registry, request.insecureRegistries), credentials: request.credentials.get(registry) },
    deps.fetch,
  );
  await client.tag(repository, digest, others);
}

interface Workspace {
  dir: string;
  env: Record<string, string>;
  secretFiles: Map<string, string>;
}

/** A private temp dir for auth.json, registries.conf and secret files; secrets travel by file or env, never argv. */
function prepareWorkspace(request: BuildRequest, builder: BuilderKind, sourceEnv: BuildDependencies['env'] = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-build-'));
  try {
    return fillWorkspace(dir, request, builder, sourceEnv);
  } catch (error) {
    // A half-prepared workspace may already hold auth.json: never leave it behind.
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function fillWorkspace(dir: string, request: BuildRequest, builder: BuilderKind, sourceEnv: BuildDependencies['env'] = {}): Workspace {
  chmodSync(dir, 0o700);
  const env: Record<string, string> = {};
  const secretFiles = new Map<string, string>();
  if (request.credentials.size > 0) {
    const entries = [...request.credentials].map(([registry, credentials]) => ({ registry, credentials }));
    const content = authFileContent(entries);
    if (builder === 'buildah') {
      writeFileSync(join(dir, 'auth.json'), content, { mode: 0o600 });
      env.REGISTRY_AUTH_FILE = join(dir, 'auth.json');
    } else {
      writeFileSync(join(dir, 'config.json'), content, { mode: 0o600 });
      env.DOCKER_CONFIG = dir;
    }
  }
  if (builder === 'buildah') {
    const registries = new Set([request.image.registry, ...(request.cache === 'registry' ? [registryOf(request.cacheRepository)] : [])]);
    const insecure = [...registries].filter((registry) => isInsecureRegistry(registry, request.insecureRegistries));
    for (const extra of request.insecureRegistries) if (!insecure.includes(extra)) insecure.push(extra);
    // Only written when needed: it replaces the system registries.conf for this process.
    if (insecure.length > 0) {
      writeFileSync(join(dir, 'registries.conf'), registriesConf(insecure));
      env.CONTAINERS_REGISTRIES_CONF = join(dir, 'registries.conf');
    }
  }
  for (const secret of request.secrets) {
    if (secret.value === undefined) continue;
    const file = join(dir, `secret-${secretFiles.size}`);
    writeFileSync(file, secret.value, { mode: 0o600 });
    secretFiles.set(secret.id, file);
  }
  if (builder === 'buildah') {
    for (const secret of request.secrets) {
      if (secret.env === undefined) continue;
      const value = sourceEnv[secret.env];
      if (value === undefined)
        throw new AegisError(`Build secret '${secret.id}' reads environment variable ${secret.env}, which is not set.`);
      const file = join(dir, `secret-${secretFiles.size}`);
      writeFileSync(file, value, { mode: 0o600 });
      secretFiles.set(secret.id, file);
    }
  }
  return { dir, env, secretFiles };
}

function readDigest(file: string, what: string): string {
  let digest = '';
  try {
    digest = readFileSync(file, 'utf8').trim();
  } catch {}
  // buildah 1.28 `manifest push` can exit 0 without pushing; an empty digest file is the tell.
  if (!/^sha256:[a-f0-9]{64}$/.test(digest)) throw new AegisError(`${what} reported no digest; the push did not complete.`);
  return digest;
}

async function buildWithBuildah(request: BuildRequest, work: Workspace, deps: BuildDependencies, run: Runner) {
  const insecure = isInsecureRegistry(request.image.registry, request.insecureRegistries);
  const name = formatName(request.image);
  const references = request.tags.map((tag) => `${name}:${tag}`);
  const options = { env: work.env };
  const platforms = request.platforms.length > 1 ? request.platforms : [request.platforms[0]];
  let cacheHit = true;

  if (platforms.length === 1) {
    const platform = platforms[0];
    const iidfile = join(work.dir, 'iid');
    const args = buildahBuildArgs(request, platform, buildahLocalTags(request, platform), { iidfile, secretFiles: work.secretFiles });
    const output = await deps.log.group(`buildah build ${platform ?? 'native'}`, () => run('buildah', args, options));
    deps.log.info(output.stdout + output.stderr);
    cacheHit = buildahCacheHit(output.stdout + output.stderr);
    const imageId = readFileSync(iidfile, 'utf8').trim();
    if (!request.push) return { digest: imageId.startsWith('sha256:') ? imageId : `sha256:${imageId}`, cacheHit };
    let digest = '';
    for (const reference of references) {
      const digestfile = join(work.dir, 'digest');
      await run('buildah', buildahPushArgs(request.buildah, reference, reference, digestfile, insecure), options);
      const pushed = readDigest(digestfile, `buildah push ${reference}`);
      if (digest && pushed !== digest) deps.log.warning(`${reference} was pushed as ${pushed}, not ${digest}.`);
      digest ||= pushed;
    }
    return { digest, cacheHit };
  }

  // Multi-platform: per-platform storage (see buildah.ts), OCI layouts, one manifest list.
  const list = references[0] ?? `${name}:aegis-build`;
  const main = request.buildah;
  await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'rm', list], { ...options, allowFailure: true });
  await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'create', list], options);
  for (const platform of platforms as string[]) {
    const storage = platformStorage(main, platform, work.dir);
    const local = buildahLocalTags(request, platform);
    const iidfile = join(work.dir, `iid-${platformSlug(platform)}`);
    const args = buildahBuildArgs({ ...request, buildah: storage }, platform, local, { iidfile, secretFiles: work.secretFiles });
    const output = await deps.log.group(`buildah build ${platform}`, () => run('buildah', args, options));
    deps.log.info(output.stdout + output.stderr);
    cacheHit &&= buildahCacheHit(output.stdout + output.stderr);
    // Added straight from the OCI layout: `manifest push --all` copies it from there.
    const layout = `oci:${join(work.dir, `oci-${platformSlug(platform)}`)}:image`;
    await run('buildah', [...buildahGlobalArgs(storage), 'push', local[0] as string, layout], options);
    await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'add', list, layout], options);
  }
  let digest = '';
  for (const reference of references) {
    const digestfile = join(work.dir, 'digest');
    rmSync(digestfile, { force: true });
    await run('buildah', buildahManifestPushArgs(main, list, reference, digestfile, insecure), options);
    digest ||= readDigest(digestfile, `buildah manifest push ${reference}`);
  }
  return { digest, cacheHit };
}

async function buildWithBuildx(request: BuildRequest, work: Workspace, deps: BuildDependencies, run: Runner) {
  const metadataFile = join(work.dir, 'metadata.json');
  const args = buildxArgs(request, { metadataFile, secretFiles: work.secretFiles });
  const output = await deps.log.group('docker buildx build', () => run('docker', args, { env: work.env }));
  deps.log.info(output.stderr);
  let metadata: Record<string, string> = {};
  try {
    metadata = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, string>;
  } catch {}
  const digest = metadata['containerimage.digest'] ?? '';
  if (!digest) throw new AegisError('docker buildx build wrote no containerimage.digest to its metadata file.');
  return { digest, cacheHit: buildxCacheHit(output.stderr) };
}

export async function executeBuild(request: BuildRequest, builderChoice: BuilderChoice, deps: BuildDependencies): Promise<BuildResult> {
  const started = performance.now();
  const run = deps.run ?? runProcess;
  const name = formatName(request.image);
  if (request.skipExisting) {
    const existing = await findExisting(request, deps);
    if (existing) {
      deps.log.info(`${name}:${request.commitTag} already exists as ${existing}; nothing to build.`);
      await tagExisting(request, existing, deps);
      return {
        image: `${name}@${existing}`,
        digest: existing,
        tags: request.push ? [...request.tags] : [request.commitTag as string],
        skipped: true,
        cacheHit: false,
        pushed: false,
        durationMs: performance.now() - started,
      };
    }
  }
  const builder = await detectBuilder(builderChoice, run);
  if (builder === 'buildah' && request.cache === 'gha') {
    throw new AegisError("cache 'gha' is GitHub's cache service, which only buildx can use; choose cache 'registry' with buildah.");
  }
  const work = prepareWorkspace(request, builder, deps.env);
  try {
    const plan = request.dependencyCache;
    const restored = plan ? await restoreDependencies(plan, deps.dependencyCache, deps.log) : undefined;
    const { digest, cacheHit } =
      builder === 'buildah' ? await buildWithBuildah(request, work, deps, run) : await buildWithBuildx(request, work, deps, run);
    const saved = plan && restored ? await saveDependencies(plan, deps.dependencyCache, restored, deps.log) : false;
    const first = request.tags[0];
    return {
      builder,
      image: request.push || !first ? `${name}@${digest}` : `${name}:${first}`,
      digest,
      tags: [...request.tags],
      skipped: false,
      cacheHit,
      pushed: request.push,
      durationMs: performance.now() - started,
      ...(restored ? { dependencies: { ...restored, saved } } : {}),
    };
  } finally {
    rmSync(work.dir, { recursive: true, force: true });
  }
}

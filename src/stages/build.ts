import { existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { DEPENDENCY_CACHE_ROOT, type DependencyCachePlan, planDependencyCache } from '../core/build/dependency-cache.js';
import { type BuildDependencies, type BuildResult, executeBuild } from '../core/build/execute.js';
import { computeMetadata, DEFAULT_TAG_RULES, type ImageMetadata, type LatestPolicy, parseTagRules } from '../core/build/metadata.js';
import {
  type BuildahStorage,
  type BuilderChoice,
  type BuildRequest,
  type BuildSecret,
  type CacheBackend,
  defaultCacheRepository,
} from '../core/build/plan.js';
import { parsePlatforms } from '../core/build/platforms.js';
import type { RegistryCredentials } from '../core/build/registry.js';
import { formatSeconds } from '../core/duration.js';
import { InputError } from '../core/errors.js';
import { Git } from '../core/git/git.js';
import { formatName, parseImageName } from '../core/images/reference.js';
import { resolveInside } from '../core/paths.js';
import type { CiEvent, Platform } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';
import { markdownTable, parseRegistryCredentials } from './shared.js';

const BUILDERS = ['auto', 'buildx', 'buildah'] as const;
const CACHES = ['registry', 'gha', 'none'] as const;
const LATEST = ['false', 'true', 'auto', 'default-branch'] as const;
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface BuildOptions {
  request: BuildRequest;
  builder: BuilderChoice;
  metadata: ImageMetadata;
}

function dependencyCacheFor(reader: InputReader, workspace: string, service: string, platforms: readonly string[]) {
  return planDependencyCache({
    workspace,
    paths: reader.list('dependency-cache-paths'),
    keyFiles: reader.list('dependency-cache-key-files'),
    service,
    platforms,
  });
}

const definition = {
  name: 'build',
  title: 'Build',
  description:
    'Build one service image with buildx or buildah, tagged and labelled like docker/metadata-action, cached per service and platform, pushed, and skipped when the commit is already built.',
  gitlab: {
    stage: 'build',
    // The runner restores `cache:` before the script and saves it after a successful job. GitLab fixes
    // the section when the pipeline is created, takes at most two key files and cannot turn a list input
    // into a variable, so it gets its own single-valued inputs; harmless defaults (no such directory,
    // no such file: key `<prefix>-default`, nothing saved) keep it inert when unused.
    inputs: {
      'dependency-cache-dir': {
        description: `GitLab cache:paths: the one directory the runner caches; set it to the dependency-cache-paths directory (mounted at ${DEPENDENCY_CACHE_ROOT}/<dir>).`,
        default: '.aegis-dependency-cache',
      },
      'dependency-cache-key-file': {
        description:
          'GitLab cache:key:files: the lockfile whose content keys the runner’s cache (GitLab restores exact keys only: a changed lockfile starts cold).',
        default: '.aegis-dependency-cache.lock',
      },
    },
    cache: {
      key: { files: ['$[[ inputs.dependency-cache-key-file ]]'], prefix: 'aegis-deps-$CI_JOB_NAME_SLUG' },
      paths: ['$[[ inputs.dependency-cache-dir ]]'],
      when: 'on_success',
    },
  },
  inputs: {
    context: { description: 'Build context directory, relative to the workspace.', default: '.' },
    dockerfile: { description: 'Dockerfile (or Containerfile), relative to the workspace; <context>/Dockerfile by default.' },
    image: { description: 'Image name without tag, e.g. registry.example.com:5000/team/api.', required: true },
    service: {
      description: 'Service name (detect matrix `service`): cache scope and title label; the last path part of the image by default.',
    },
    tags: {
      description:
        'Tag rules in docker/metadata-action syntax, one per line (type=sha, type=sha,format=long, type=ref,event=branch|tag|pr, type=semver,pattern={{version}}, type=schedule, type=raw,value=x) or literal tags.',
      default: DEFAULT_TAG_RULES.join('\n'),
    },
    latest: { description: "When to add `latest`: 'false', 'true', 'auto' (stable semver tags) or 'default-branch'.", default: 'false' },
    labels: { description: 'Extra labels, one key=value per line; they override the OCI labels.' },
    title: { description: 'org.opencontainers.image.title; the service name by default.' },
    'image-description': { description: 'org.opencontainers.image.description.' },
    platforms: {
      description: 'Target platforms, comma-separated or one per line (linux/amd64, linux/arm64, …); the native one by default.',
    },
    push: { description: "Push to the registry; 'false' builds and keeps the image locally.", default: 'true' },
    builder: { description: "'auto' (buildx where a Docker engine answers, else buildah), 'buildx' or 'buildah'.", default: 'auto' },
    cache: {
      description: "'registry' (<image>/cache, mode=max), 'gha' (GitHub cache service, buildx only) or 'none'.",
      default: 'registry',
    },
    'cache-ref': { description: 'Repository for the registry cache; <image>/cache by default.' },
    'cache-scope': { description: 'Cache scope; <service>-<platform> by default so matrix jobs do not evict each other.' },
    'skip-existing': {
      description: "Ask the registry whether the commit's tag exists; if so output its digest and build nothing.",
      default: 'false',
    },
    'build-args': { description: 'Build arguments, one KEY=value per line (not for secrets: build args end up in the image history).' },
    'secret-files': { description: 'Build secrets from files, one id=path per line (RUN --mount=type=secret,id=…).' },
    'secret-envs': { description: 'Build secrets from environment variables, one id=VARIABLE per line; the value never reaches argv.' },
    target: { description: 'Dockerfile stage to build.' },
    'insecure-registries': {
      description: 'Registries (host or host:port) reached over plain HTTP; loopback registries (127.0.0.0/8, localhost) always are.',
    },
    'registry-username': { description: 'Registry user; on GitLab CI_REGISTRY_USER and on GitHub (ghcr.io) the actor by default.' },
    'registry-password': {
      description: 'Registry password or token; on GitLab CI_REGISTRY_PASSWORD and on GitHub (ghcr.io) GITHUB_TOKEN by default.',
      secret: true,
    },
    provenance: { description: "buildx provenance attestation: 'false', 'true', 'mode=min' or 'mode=max'.", default: 'mode=min' },
    sbom: { description: 'buildx SBOM attestation.', default: 'false' },
    'buildah-root': { description: 'buildah storage root (--root); buildah’s default when empty.' },
    'buildah-runroot': { description: 'buildah state directory (--runroot).' },
    'buildah-storage-driver': { description: "buildah storage driver, e.g. 'vfs' for unprivileged containers, 'overlay' where it works." },
    'dependency-cache-paths': {
      description: `Dependency directories in the workspace (e.g. .npm, .cache/pip, .gomodcache), comma-separated or one per line, cached by lockfile hash and created when missing. buildah bind-mounts each at ${DEPENDENCY_CACHE_ROOT}/<dir> for RUN steps (read-write: e.g. \`RUN npm ci --cache ${DEPENDENCY_CACHE_ROOT}/.npm\`), so what the build downloads is kept and cached, never in the image. buildx has no such mount: each comes as a read-only named context aegis-cache-<dir> (\`RUN --mount=type=bind,from=aegis-cache-npm,target=/root/.npm\`), so fill it before the build (or use --mount=type=cache, which stays on the builder). GitHub: @actions/cache restores before and saves after a successful build; GitLab: the component's cache: does (set dependency-cache-dir and dependency-cache-key-file).`,
    },
    'dependency-cache-key-files': {
      description:
        'Lockfiles (paths or globs, e.g. package-lock.json, **/go.sum) whose contents, with the service and platforms, make the cache key aegis-deps-<service>-<platforms>-<hash>; on a miss the newest cache with the same service and platforms is restored. Files inside the cached directories and .git do not count.',
    },
    'buildah-isolation': {
      description: "buildah isolation: 'chroot' (works in unprivileged CI containers), 'oci' or 'rootless'.",
      default: 'chroot',
    },
  },
  outputs: {
    image: { description: 'The image as registry/repo@sha256:… (registry/repo:tag when not pushed).' },
    digest: { description: 'Manifest (list) digest in the registry; the image ID when not pushed.' },
    tags: { description: 'Tagged references (registry/repo:tag), comma-separated.' },
    skipped: { description: "'true' when skip-existing found the commit's image and nothing was built." },
    'cache-hit': { description: "'true' when every build step came from the cache." },
    'dependency-cache-hit': {
      description:
        "'true' when the dependency cache was restored from its exact key, 'false' on a miss or a fallback to an older cache; empty where the job does not cache itself (GitLab's runner logs its own hit) or none is configured.",
    },
  },
} satisfies Omit<StageDefinition, 'run'>;

function keyValues(lines: readonly string[], input: string, key: RegExp, expected: string): [string, string][] {
  return lines.map((line) => {
    const eq = line.indexOf('=');
    const name = line.slice(0, eq);
    if (eq <= 0 || !key.test(name)) throw new InputError(input, line, expected);
    return [name, line.slice(eq + 1)];
  });
}

function existing(path: string, input: string, value: string, kind: 'directory' | 'file'): string {
  if (!existsSync(path)) throw new InputError(input, value, `an existing ${kind} inside the workspace`, `${path} does not exist`);
  const stat = statSync(path);
  if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile()) throw new InputError(input, value, `a ${kind}`, `${path} is not one`);
  return path;
}

/** The given credentials are for the image's registry only; a cache on another host gets the platform's, if any. */
function credentialsFor(
  imageRegistry: string,
  cacheRegistry: string,
  explicit: RegistryCredentials | undefined,
  platform: Platform,
): Map<string, RegistryCredentials> {
  const result = new Map<string, RegistryCredentials>();
  for (const registry of new Set([imageRegistry, cacheRegistry])) {
    const credentials = (registry === imageRegistry ? explicit : undefined) ?? platform.registryCredentials(registry);
    if (credentials) {
      platform.secret(credentials.password);
      result.set(registry, credentials);
    }
  }
  return result;
}

/** All validation, before anything is built: paths, names, tags, platforms, choices. */
export function parseInputs(
  reader: InputReader,
  platform: Platform,
  event: CiEvent,
  revision: string | undefined,
  now: Date = new Date(),
): BuildOptions {
  const workspace = platform.workspace;
  const contextValue = reader.string('context');
  const context = existing(reader.path('context', workspace) as string, 'context', contextValue, 'directory');
  const dockerfileValue = reader.string('dockerfile');
  const dockerfile = dockerfileValue
    ? existing(reader.path('dockerfile', workspace) as string, 'dockerfile', dockerfileValue, 'file')
    : existing(join(context, 'Dockerfile'), 'dockerfile', relative(workspace, join(context, 'Dockerfile')), 'file');
  const image = parseImageName(reader.required('image'), 'image');
  const service = reader.optional('service') ?? basename(image.repository);
  const rules = parseTagRules(reader.lines('tags'));
  const latest = reader.choice<LatestPolicy>('latest', LATEST);
  const labels = Object.fromEntries(keyValues(reader.lines('labels'), 'labels', /^[^\s=]+$/, 'one key=value per line'));
  const platforms = parsePlatforms(reader.list('platforms'), 'platforms');
  const cache = reader.choice<CacheBackend>('cache', CACHES);
  const cacheRepository = reader.optional('cache-ref') ?? defaultCacheRepository(image);
  const cacheRegistry = parseImageName(cacheRepository, 'cache-ref').registry;
  const cacheScope = reader.optional('cache-scope');
  if (cacheScope !== undefined && !/^[A-Za-z0-9_.-]+$/.test(cacheScope))
    throw new InputError('cache-scope', cacheScope, 'letters, digits, _ . -');
  const secrets: BuildSecret[] = [
    ...keyValues(reader.lines('secret-files'), 'secret-files', SECRET_ID, 'one id=path per line').map(([id, path]) => ({
      id,
      file: existing(resolveInside(workspace, path, 'secret-files'), 'secret-files', path, 'file'),
    })),
    ...keyValues(reader.lines('secret-envs'), 'secret-envs', SECRET_ID, 'one id=VARIABLE per line').map(([id, variable]) => {
      if (!ENV_NAME.test(variable))
        throw new InputError('secret-envs', `${id}=${variable}`, 'id=VARIABLE with an environment variable name');
      return { id, env: variable };
    }),
  ];
  const provenance = reader.string('provenance');
  if (!['false', 'true', 'mode=min', 'mode=max'].includes(provenance)) {
    throw new InputError('provenance', provenance, "'false', 'true', 'mode=min' or 'mode=max'");
  }
  const explicit = parseRegistryCredentials(reader);
  const buildah: BuildahStorage = {
    root: reader.optional('buildah-root'),
    runroot: reader.optional('buildah-runroot'),
    driver: reader.optional('buildah-storage-driver'),
    isolation: reader.choice('buildah-isolation', ['chroot', 'oci', 'rootless'] as const),
  };
  const metadata = computeMetadata({
    event,
    revision,
    rules,
    latest,
    title: reader.optional('title') ?? service,
    description: reader.optional('image-description'),
    created: now.toISOString(),
    labels,
  });
  if (metadata.tags.length === 0) {
    throw new InputError(
      'tags',
      reader.string('tags'),
      'rules that yield at least one tag for this event',
      `event ${event.kind} without a commit SHA`,
    );
  }
  const push = reader.boolean('push');
  if (!push && platforms.length > 1) {
    throw new InputError(
      'push',
      'false',
      "'true' when building several platforms",
      'a multi-platform image (manifest list) cannot be kept in the local image store; build one platform to keep it locally',
    );
  }
  const skipExisting = reader.boolean('skip-existing');
  if (skipExisting && !metadata.commitTag) {
    throw new InputError(
      'skip-existing',
      'true',
      "a 'type=sha' rule in 'tags' and a commit SHA",
      'nothing names the commit in the registry',
    );
  }
  const request: BuildRequest = {
    context,
    dockerfile,
    image,
    service,
    tags: metadata.tags,
    labels: metadata.labels,
    commitTag: metadata.commitTag,
    platforms,
    push,
    buildArgs: keyValues(reader.lines('build-args'), 'build-args', BUILD_ARG, 'one KEY=value per line'),
    secrets,
    target: reader.optional('target'),
    cache,
    cacheRepository,
    cacheScope,
    insecureRegistries: reader.list('insecure-registries'),
    provenance,
    sbom: reader.boolean('sbom'),
    skipExisting,
    credentials: credentialsFor(image.registry, cacheRegistry, explicit, platform),
    buildah,
    dependencyCache: dependencyCacheFor(reader, workspace, service, platforms),
  };
  return { request, builder: reader.choice<BuilderChoice>('builder', BUILDERS), metadata };
}

function dependencyRow(plan: DependencyCachePlan, result: BuildResult): [string, string] {
  const outcome = result.dependencies;
  const state =
    outcome?.hit === undefined
      ? 'mounted; restored and saved outside the job (GitLab cache:) or not at all'
      : outcome.hit
        ? 'hit'
        : outcome.matchedKey
          ? `restored from \`${outcome.matchedKey}\``
          : 'miss';
  const saved = outcome?.saved ? ', saved' : '';
  return ['Dependency cache', `\`${plan.key}\` (${plan.keyFiles.join(', ')}): ${state}${saved}`];
}

export function buildSummary(options: BuildOptions, result: BuildResult): string {
  const { request } = options;
  const rows: [string, string][] = [
    ['Image', `\`${result.image}\``],
    ['Digest', result.digest ? `\`${result.digest}\`` : '—'],
    ['Tags', result.tags.map((tag) => `\`${tag}\``).join(' ')],
    ['Platforms', request.platforms.join(', ') || 'native'],
    ['Builder', result.skipped ? '— (skipped)' : (result.builder ?? '')],
    ['Cache', request.cache === 'none' ? 'none' : `${request.cache} (${result.cacheHit ? 'hit' : 'miss'})`],
    ...(request.dependencyCache ? [dependencyRow(request.dependencyCache, result)] : []),
    ['Skipped', result.skipped ? `yes: \`${formatName(request.image)}:${request.commitTag}\` exists` : 'no'],
    ['Pushed', result.pushed ? 'yes' : 'no'],
    ['Revision', `\`${request.labels['org.opencontainers.image.revision'] ?? '—'}\``],
    ['Duration', formatSeconds(result.durationMs)],
  ];
  return `## Build ${request.service}\n\n${markdownTable(['', ''], rows)}\n`;
}

/** The commit being built: the event's head (PR head on pull requests), else the checkout's HEAD. */
async function revisionOf(event: CiEvent, cwd: string): Promise<string | undefined> {
  if (event.head) return event.head;
  return new Git(cwd).resolveCommit('HEAD').catch(() => undefined);
}

export async function runBuild(platform: Platform, deps: Partial<BuildDependencies> = {}): Promise<BuildResult> {
  const reader = new InputReader(platform, definition.inputs);
  const event = platform.event();
  const options = parseInputs(reader, platform, event, await revisionOf(event, platform.workspace));
  const { request } = options;
  platform.log.info(
    `Plan: ${formatName(request.image)} tags ${request.tags.join(', ')}; platforms ${request.platforms.join(', ') || 'native'}; cache ${request.cache}; push ${request.push}; skip-existing ${request.skipExisting}.`,
  );
  const dependencyCache = request.dependencyCache ? await platform.cache() : undefined;
  const result = await executeBuild(request, options.builder, { log: platform.log, env: process.env, dependencyCache, ...deps });
  platform.setOutput('image', result.image);
  platform.setOutput('digest', result.digest);
  platform.setOutput('tags', result.tags.map((tag) => `${formatName(request.image)}:${tag}`).join(','));
  platform.setOutput('skipped', String(result.skipped));
  platform.setOutput('cache-hit', String(result.cacheHit));
  platform.setOutput('dependency-cache-hit', result.dependencies?.hit === undefined ? '' : String(result.dependencies.hit));
  await platform.summary(buildSummary(options, result));
  return result;
}

export const build: StageDefinition = {
  ...definition,
  async run(platform) {
    await runBuild(platform);
  },
};

import { formatName, type ImageName } from '../images/reference.js';
import type { DependencyCachePlan } from './dependency-cache.js';
import { platformSlug } from './platforms.js';
import type { RegistryCredentials } from './registry.js';

export type BuilderKind = 'buildx' | 'buildah';
export type BuilderChoice = BuilderKind | 'auto';
export type CacheBackend = 'registry' | 'gha' | 'none';

/** A build secret: its value comes from a file, an environment variable or the input itself (written to a private file), never from argv. */
export interface BuildSecret {
  id: string;
  file?: string;
  env?: string;
  value?: string;
}

/** build-push-action's options that pass straight to the builder (both buildx and buildah 1.28 take them). */
export interface BuilderPassThrough {
  noCache: boolean;
  /** Always pull the base images. */
  pull: boolean;
  /** Keep the image in the local store as well as pushing it (buildx --load; buildah always keeps it). */
  load: boolean;
  /** `name=path` (resolved in the workspace) or `name=docker-image://…` etc. */
  buildContexts: readonly string[];
  /** `default` or `id=path` lines. */
  ssh: readonly string[];
  /** OCI annotations, key=value. */
  annotations: readonly string[];
  /** `--output` values (replace push/load). */
  outputs: readonly string[];
}

export interface BuildahStorage {
  root?: string;
  runroot?: string;
  driver?: string;
  isolation: string;
}

/** Everything a build needs, validated and resolved; no environment, no defaults left to fill. */
export interface BuildRequest {
  context: string;
  dockerfile: string;
  image: ImageName;
  service: string;
  tags: readonly string[];
  labels: Readonly<Record<string, string>>;
  /** The tag naming this commit; what skip-existing asks the registry about. */
  commitTag?: string;
  /** Empty: the builder's native platform. */
  platforms: readonly string[];
  push: boolean;
  buildArgs: readonly (readonly [string, string])[];
  secrets: readonly BuildSecret[];
  target?: string;
  cache: CacheBackend;
  /** Repository holding registry cache; `<image>/cache` by default. */
  cacheRepository: string;
  /** Scope override; `<service>-<platform>` by default so matrix jobs do not evict each other. */
  cacheScope?: string;
  insecureRegistries: readonly string[];
  /** buildx attestations: `false`, `true`, `mode=min`, `mode=max`. */
  provenance: string;
  sbom: boolean;
  skipExisting: boolean;
  /** Credentials per registry host (image registry and cache registry). */
  credentials: ReadonlyMap<string, RegistryCredentials>;
  buildah: BuildahStorage;
  /** Dependency directories mounted into RUN steps and cached by lockfile hash; none when absent. */
  dependencyCache?: DependencyCachePlan;
  /** build-push-action's pass-through options; none when absent. */
  passThrough?: BuilderPassThrough;
}

/** The builder arguments of the pass-through options, the same for buildx and buildah. */
export function passThroughArgs(options: BuilderPassThrough | undefined): string[] {
  if (!options) return [];
  return [
    ...(options.noCache ? ['--no-cache'] : []),
    ...options.buildContexts.flatMap((context) => ['--build-context', context]),
    ...options.ssh.flatMap((ssh) => ['--ssh', ssh]),
    ...options.annotations.flatMap((annotation) => ['--annotation', annotation]),
    ...options.outputs.flatMap((output) => ['--output', output]),
  ];
}

export function defaultCacheRepository(image: ImageName): string {
  return `${formatName(image)}/cache`;
}

/** One cache scope per service and platform set: `api-linux-amd64`, `api-linux-amd64_linux-arm64`. */
export function cacheScope(request: Pick<BuildRequest, 'service' | 'cacheScope'>, platforms: readonly string[]): string {
  if (request.cacheScope) return request.cacheScope;
  const suffix = platforms.length > 0 ? platforms.map(platformSlug).join('_') : 'native';
  return `${request.service}-${suffix}`;
}

export function taggedReferences(request: Pick<BuildRequest, 'image' | 'tags'>): string[] {
  return request.tags.map((tag) => `${formatName(request.image)}:${tag}`);
}

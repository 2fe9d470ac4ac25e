import { formatName, type ImageName } from '../images/reference.js';
import type { DependencyCachePlan } from './dependency-cache.js';
import { platformSlug } from './platforms.js';
import type { RegistryCredentials } from './registry.js';

export type BuilderKind = 'buildx' | 'buildah';
export type BuilderChoice = BuilderKind | 'auto';
export type CacheBackend = 'registry' | 'gha' | 'none';

/** A build secret: its value comes from a file or an environment variable, never from argv. */
export interface BuildSecret {
  id: string;
  file?: string;
  env?: string;
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

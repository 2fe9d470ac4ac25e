/**
 * `docker buildx build` argument lists, as docker/build-push-action composes them. Pure: the
 * only thing that runs buildx is the executor, and only where a Docker engine answers.
 */
import { type BuildRequest, cacheScope, passThroughArgs, taggedReferences } from './plan.js';

export interface BuildxFiles {
  /** Where buildx writes `containerimage.digest`. */
  metadataFile: string;
  /** Secret id -> private file holding a value given in the `secrets` input. */
  secretFiles?: ReadonlyMap<string, string>;
}

/** `--cache-from`/`--cache-to` values for the request's backend and scope (`mode=max` keeps every stage's layers). */
export function buildxCacheArgs(request: BuildRequest): string[] {
  const scope = cacheScope(request, request.platforms);
  switch (request.cache) {
    case 'registry': {
      const ref = `${request.cacheRepository}:${scope}`;
      return ['--cache-from', `type=registry,ref=${ref}`, '--cache-to', `type=registry,ref=${ref},mode=max`];
    }
    case 'gha':
      return ['--cache-from', `type=gha,scope=${scope}`, '--cache-to', `type=gha,scope=${scope},mode=max`];
    case 'none':
      return [];
  }
}

/** `--secret` values name a file or an environment variable; the secret's value never appears. */
export function buildxSecretArgs(request: BuildRequest, secretFiles: ReadonlyMap<string, string> = new Map()): string[] {
  return request.secrets.flatMap((secret) => {
    const file = secret.file ?? secretFiles.get(secret.id);
    return ['--secret', file ? `id=${secret.id},src=${file}` : `id=${secret.id},env=${secret.env}`];
  });
}

export function buildxArgs(request: BuildRequest, files: BuildxFiles): string[] {
  return [
    'buildx',
    'build',
    '--progress',
    'plain',
    '--file',
    request.dockerfile,
    ...(request.platforms.length > 0 ? ['--platform', request.platforms.join(',')] : []),
    ...taggedReferences(request).flatMap((ref) => ['--tag', ref]),
    ...Object.entries(request.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    ...request.buildArgs.flatMap(([key, value]) => ['--build-arg', `${key}=${value}`]),
    ...buildxSecretArgs(request, files.secretFiles),
    ...buildxCacheArgs(request),
    ...(request.target ? ['--target', request.target] : []),
    // BuildKit has no --volume: the directories come in read-only as named contexts (RUN --mount=type=bind,from=…).
    ...(request.dependencyCache?.mounts ?? []).flatMap((mount) => ['--build-context', `${mount.context}=${mount.source}`]),
    ...(request.passThrough?.pull ? ['--pull'] : []),
    ...passThroughArgs(request.passThrough),
    `--provenance=${request.provenance}`,
    `--sbom=${request.sbom}`,
    '--metadata-file',
    files.metadataFile,
    // `outputs` replaces push/load, as in build-push-action.
    ...(request.passThrough?.outputs.length ? [] : [request.push ? '--push' : '--load']),
    ...(request.push && request.passThrough?.load ? ['--load'] : []),
    request.context,
  ];
}

/** True when every build step was served from cache (`#N CACHED` in plain progress), false if any ran. */
export function buildxCacheHit(progress: string): boolean {
  const steps = new Map<string, boolean>();
  for (const line of progress.split('\n')) {
    const step = /^#(\d+) \[(?!internal\])[^\]]*\] (?!FROM )/.exec(line);
    if (step) steps.set(step[1] as string, steps.get(step[1] as string) ?? false);
    const cached = /^#(\d+) CACHED\s*$/.exec(line);
    if (cached && steps.has(cached[1] as string)) steps.set(cached[1] as string, true);
  }
  return steps.size > 0 && [...steps.values()].every(Boolean);
}

import { existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { DEPENDENCY_CACHE_ROOT, type DependencyCachePlan, planDependencyCache } from '../core/build/dependency-cache.js';
import { type BuildDependencies, type BuildResult, executeBuild as buildImage } from '../core/build/execute.js';
import {
  computeMetadata,
  DEFAULT_TAG_RULES,
  type Flavor,
  type ImageMetadata,
  metadataContext,
  parseFlavor,
  parseTagRule,
  parseTagRules,
} from '../core/build/metadata.js';
import {
  type BuildahStorage,
  type BuilderChoice,
  type BuilderPassThrough,
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
import { formatName, type ImageName, type ImageReference, parseImageName, parseImageReference, TAG_RE } from '../core/images/reference.js';
import { type Cell, code, inlineText, markdownTable, markup } from '../core/markdown.js';
import { resolveInside } from '../core/paths.js';
import type { CiEvent, Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import type { InputReader } from './inputs.js';
import { parseRegistryCredentials } from './shared.js';

const BUILDERS = ['auto', 'buildx', 'buildah'] as const;
const CACHES = ['registry', 'gha', 'none'] as const;
const LATEST = ['false', 'true', 'auto', 'default-branch'] as const;
type LatestPolicy = (typeof LATEST)[number];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface BuildOptions {
  request: BuildRequest;
  builder: BuilderChoice;
  metadata: ImageMetadata;
  /** Of the tags and labels outputs (sep-tags, sep-labels). */
  separators: { tags: string; labels: string };
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
    // the section when the pipeline is created and cannot turn a list input into a variable, so the
    // whole section is one array input: empty by default, so a job without a dependency cache has no
    // `cache:` at all (a placeholder path would log "no matching files" after every job).
    inputs: {
      'dependency-cache': {
        type: 'array',
        description: `GitLab cache: entries for the job (GitLab restores exact keys only: a changed lockfile starts cold). Cache the dependency-cache-paths directory (mounted at ${DEPENDENCY_CACHE_ROOT}/<dir>), e.g. [{key: {files: [package-lock.json], prefix: aegis-deps-$CI_JOB_NAME_SLUG}, paths: [.npm], when: on_success}]. Empty: no cache.`,
        default: [],
      },
    },
    cache: '$[[ inputs.dependency-cache ]]',
  },
  inputs: {
    context: { description: 'Build context directory, relative to the workspace.', default: '.' },
    dockerfile: { description: 'Dockerfile (or Containerfile), relative to the workspace; <context>/Dockerfile by default.' },
    file: { description: "build-push-action's name for `dockerfile` (the same input; give one of them)." },
    image: {
      description:
        "Image name without tag, e.g. registry.example.com:5000/team/api; then `tags` holds metadata-action rules. Without it, `tags` holds build-push-action's full references (registry/repo:tag, one repository).",
    },
    service: {
      description: 'Service name (detect matrix `service`): cache scope and title label; the last path part of the image by default.',
    },
    tags: {
      description:
        "Tag rules exactly as docker/metadata-action takes them, one per line: type=schedule|semver|pep440|match|edge|ref|raw|sha with enable, priority, prefix, suffix, value, pattern, match, group, event, format and {{…}} expressions ({{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date 'YYYYMMDD' tz='…'}}, {{commit_date …}}); a line without type= is a raw tag. Our default adds semver and commit SHA tags to metadata-action's default (schedule, branch, tag, pr).",
      default: DEFAULT_TAG_RULES.join('\n'),
    },
    flavor: { description: "metadata-action's flavor lines: latest=auto|true|false, prefix=…[,onlatest=true], suffix=…[,onlatest=true]." },
    latest: {
      description:
        "Shorthand for flavor latest= ('auto': the highest-priority matching rule decides, as metadata-action; 'true', 'false'), or 'default-branch' (latest on the default branch only). flavor wins when it sets latest.",
      default: 'auto',
    },
    labels: { description: 'Extra labels, one key=value per line ({{…}} expressions allowed); they override the OCI labels.' },
    annotations: { description: 'Extra OCI annotations, one key=value per line (buildx; refused with buildah); the labels by default.' },
    'sep-tags': {
      description: "Separator of the tags output; empty means a newline (metadata-action's default); \\n and \\t are understood.",
    },
    'sep-labels': {
      description: "Separator of the labels output; empty means a newline (metadata-action's default); \\n and \\t are understood.",
    },
    'sha-length': {
      description:
        "Hex digits of the short SHA in {{sha}} and type=sha tags; by default the platform's short SHA: 8 on GitLab (CI_COMMIT_SHORT_SHA), 7 elsewhere (docker/metadata-action).",
    },
    'pr-head-sha': {
      description:
        "On pull requests, tag and label the PR head instead of the commit checked out (metadata-action's DOCKER_METADATA_PR_HEAD_SHA); refused unless the workspace has the PR head checked out, so an image is never labelled with a commit it was not built from.",
      default: 'false',
    },
    title: { description: 'org.opencontainers.image.title (metadata-action: the repository name); the service name by default.' },
    'image-description': { description: 'org.opencontainers.image.description (metadata-action: the repository description).' },
    licenses: { description: 'org.opencontainers.image.licenses, an SPDX expression (metadata-action: the repository license).' },
    platforms: {
      description: 'Target platforms, comma-separated or one per line (linux/amd64, linux/arm64, …); the native one by default.',
    },
    push: {
      description:
        "Push to the registry ('true'/'false'). Unset, it is 'true' (a GitOps pipeline builds to deploy; build-push-action's default is false) — except with load: true, where, as in build-push-action, the image is only kept locally.",
      default: '',
    },
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
    secrets: {
      description:
        "build-push-action's secrets: one id=value per line; each value is masked and handed to the builder in a private file, never argv.",
      secret: true,
    },
    ssh: { description: "SSH agent sockets or keys for RUN --mount=type=ssh, one per line ('default' or id=path)." },
    'build-contexts': {
      description:
        'Additional named build contexts, one name=path|docker-image://ref per line (a monorepo service gets the shared library this way); paths are resolved in the workspace.',
    },
    'no-cache': { description: 'Build without the builder cache.', default: 'false' },
    pull: { description: 'Always pull the base images.', default: 'false' },
    load: {
      description:
        "build-push-action's load: keep the image in the local store; with push: false it is (buildah always keeps it; buildx --load).",
      default: 'false',
    },
    outputs: {
      description: "buildx/buildah --output values, one per line (e.g. type=local,dest=out); they replace push, so push must be 'false'.",
    },
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
      description: `Dependency directories in the workspace (e.g. .npm, .cache/pip, .gomodcache), comma-separated or one per line, cached by lockfile hash and created when missing. buildah bind-mounts each at ${DEPENDENCY_CACHE_ROOT}/<dir> for RUN steps (read-write: e.g. \`RUN npm ci --cache ${DEPENDENCY_CACHE_ROOT}/.npm\`), so what the build downloads is kept and cached, never in the image. buildx has no such mount: each comes as a read-only named context aegis-cache-<dir> (\`RUN --mount=type=bind,from=aegis-cache-npm,target=/root/.npm\`), so fill it before the build (or use --mount=type=cache, which stays on the builder). GitHub: @actions/cache restores before and saves after a successful build; GitLab: the component's cache: does (set the dependency-cache component input).`,
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
    image: {
      kind: 'text',
      description: 'The image as registry/repo:tag@sha256:… (the version tag and the digest; registry/repo:tag when not pushed).',
    },
    digest: { kind: 'text', description: 'Manifest (list) digest in the registry; the image ID when not pushed.' },
    tags: { kind: 'list', description: 'Tagged references (registry/repo:tag), one per line (sep-tags).' },
    labels: { kind: 'list', description: 'The labels applied, key=value, one per line (sep-labels).' },
    version: { kind: 'text', description: "metadata-action's version: the first tag after priority ordering." },
    metadata: { kind: 'json', description: "JSON: build-push-action's metadata output (containerimage.digest, image.name)." },
    imageid: { kind: 'text', description: 'The image ID (config digest) where the builder reports it; the digest otherwise.' },
    skipped: { kind: 'boolean', description: "'true' when skip-existing found the commit's image and nothing was built." },
    'cache-hit': { kind: 'boolean', description: "'true' when every build step came from the cache." },
    'dependency-cache-hit': {
      kind: 'boolean',
      description:
        "'true' when the dependency cache was restored from its exact key, 'false' on a miss or a fallback to an older cache; empty where the job does not cache itself (GitLab's runner logs its own hit) or none is configured.",
    },
  },
} satisfies StageMetadata;

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
function parseBuildInputs(
  reader: InputReader,
  platform: Platform,
  event: CiEvent,
  checkout: CheckoutFacts,
  now: Date = new Date(),
): BuildOptions {
  const workspace = platform.workspace;
  const contextValue = reader.string('context');
  const context = existing(reader.path('context', workspace) as string, 'context', contextValue, 'directory');
  const dockerfileInput = dockerfileInputOf(reader);
  const dockerfileValue = reader.string(dockerfileInput);
  const dockerfile = dockerfileValue
    ? existing(reader.path(dockerfileInput, workspace) as string, dockerfileInput, dockerfileValue, 'file')
    : existing(join(context, 'Dockerfile'), 'dockerfile', relative(workspace, join(context, 'Dockerfile')), 'file');
  const { image, references } = imageOf(reader);
  const service = reader.optional('service') ?? basename(image.repository);
  const { rules, flavor } = references ? { rules: parseTagRules(references), flavor: parseFlavor(['latest=false']) } : tagRulesOf(reader);
  const labelLines = reader.lines('labels');
  keyValues(labelLines, 'labels', /^[^\s=]+$/, 'one key=value per line');
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
  const secretValues = keyValues(reader.lines('secrets'), 'secrets', SECRET_ID, 'one id=value per line').map(([id, value]) => {
    platform.secret(value);
    return { id, value };
  });
  secrets.push(...secretValues);
  const passThrough = passThroughOf(reader, workspace, metadataAnnotations(reader));
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
  const revision = revisionOf(event, checkout, reader.boolean('pr-head-sha'));
  const metadata = computeMetadata(
    {
      images: [],
      rules,
      flavor,
      labels: labelLines,
      annotations: reader.lines('annotations').length > 0 ? reader.lines('annotations') : undefined,
      repository: {
        name: reader.optional('title') ?? service,
        description: reader.optional('image-description'),
        url: event.repositoryUrl,
        license: reader.optional('licenses'),
      },
      shortShaLength: reader.optional('sha-length') ? reader.integer('sha-length', { min: 4, max: 40 }) : platform.shortShaLength,
      warn: (message) => platform.log.warning(message),
    },
    metadataContext(event, { sha: revision ?? '', commitDate: checkout.commitDate ?? now, now }),
  );
  const invalid = metadata.tagNames.find((tag) => !TAG_RE.test(tag));
  if (invalid !== undefined) {
    throw new InputError(
      'tags',
      reader.string('tags'),
      'rules whose tags are valid (letters, digits, _ . -, not starting with . or -, at most 128)',
      `they give '${invalid}'`,
    );
  }
  const labels = Object.fromEntries(
    metadata.labels
      .map((label) => [label.slice(0, label.indexOf('=')), label.slice(label.indexOf('=') + 1)] as const)
      .filter(([, value]) => value !== ''),
  );
  if (metadata.tagNames.length === 0) {
    throw new InputError(
      'tags',
      reader.string('tags'),
      'rules that yield at least one tag for this event',
      `nothing applies to this ${event.source} event${revision ? '' : ' without a commit SHA'}`,
    );
  }
  const push = reader.string('push') === '' ? !reader.boolean('load') : reader.boolean('push');
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
    tags: metadata.tagNames,
    labels,
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
    passThrough,
  };
  if (passThrough.outputs.length > 0 && push) {
    throw new InputError('outputs', passThrough.outputs.join('\n'), "outputs with push: 'false' (outputs replace the push)");
  }
  return {
    request,
    builder: reader.choice<BuilderChoice>('builder', BUILDERS),
    metadata,
    separators: { tags: separatorOf(reader.string('sep-tags')), labels: separatorOf(reader.string('sep-labels')) },
  };
}

function dependencyRow(plan: DependencyCachePlan, result: BuildResult): [string, Cell] {
  const outcome = result.dependencies;
  const state =
    outcome?.hit === undefined
      ? 'mounted; restored and saved outside the job (GitLab cache:) or not at all'
      : outcome.hit
        ? 'hit'
        : outcome.matchedKey
          ? `restored from ${code(outcome.matchedKey).text}`
          : 'miss';
  const saved = outcome?.saved ? ', saved' : '';
  return ['Dependency cache', markup(`${code(plan.key).text} (${inlineText(plan.keyFiles.join(', '))}): ${state}${saved}`)];
}

function buildSummary(options: BuildOptions, result: BuildResult): string {
  const { request } = options;
  const rows: [string, Cell][] = [
    ['Image', code(result.image)],
    ['Digest', result.digest ? code(result.digest) : '—'],
    ['Tags', markup(result.tags.map((tag) => code(tag).text).join(' '))],
    ['Platforms', request.platforms.join(', ') || 'native'],
    ['Builder', result.skipped ? '— (skipped)' : (result.builder ?? '')],
    ['Cache', request.cache === 'none' ? 'none' : `${request.cache} (${result.cacheHit ? 'hit' : 'miss'})`],
    ...(request.dependencyCache ? [dependencyRow(request.dependencyCache, result)] : []),
    ['Skipped', result.skipped ? markup(`yes: ${code(`${formatName(request.image)}:${request.commitTag}`).text} exists`) : 'no'],
    ['Pushed', result.pushed ? 'yes' : 'no'],
    ['Revision', code(request.labels['org.opencontainers.image.revision'] ?? '—')],
    ['Duration', formatSeconds(result.durationMs)],
  ];
  return `## Build ${request.service}\n\n${markdownTable(['', ''], rows)}\n`;
}

/** What the workspace has checked out: the commit really built, and its date for {{commit_date}}. */
export interface CheckoutFacts {
  head?: string;
  commitDate?: Date;
}

async function checkoutFacts(cwd: string): Promise<CheckoutFacts> {
  const git = new Git(cwd);
  const head = await git.resolveCommit('HEAD').catch(() => undefined);
  return { head, commitDate: head ? await git.commitDate(head).catch(() => undefined) : undefined };
}

/**
 * The commit tags and labels name: the one checked out (on GitHub pull requests that is the
 * merge commit actions/checkout builds, as metadata-action uses GITHUB_SHA), else the event's.
 * `pr-head-sha` names the PR head, and only when it is what is checked out.
 */
function revisionOf(event: CiEvent, checkout: CheckoutFacts, prHead: boolean): string | undefined {
  const prHeadSha = event.pullRequest?.headSha;
  if (prHead && prHeadSha) {
    if (checkout.head && checkout.head !== prHeadSha) {
      throw new InputError(
        'pr-head-sha',
        'true',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
        'false, or a checkout of the pull request head (actions/checkout with ref: ${{ github.event.pull_request.head.sha }})',
        `the workspace has ${checkout.head.slice(0, 12)} checked out, not the PR head ${prHeadSha.slice(0, 12)}: the image would be labelled with a commit it was not built from`,
      );
    }
    return prHeadSha;
  }
  return checkout.head ?? event.head;
}

/**
 * `image` + metadata-action rules, or (build-push-action's form) no `image` and `tags` of full
 * references, all of one repository; the references' tags become raw rules.
 */
function imageOf(reader: InputReader): { image: ImageName; references?: string[] } {
  const name = reader.optional('image');
  if (name !== undefined) return { image: parseImageName(name, 'image') };
  const lines = reader
    .lines('tags')
    .flatMap((line) => line.split(','))
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0 || lines.some((line) => line.includes('='))) {
    throw new InputError(
      'image',
      '',
      "an image name, or `tags` of full references such as registry.example.com/team/api:1.0 (build-push-action's form)",
    );
  }
  const parsed = lines.map((line) => parseImageReference(line, 'tags'));
  const repositories = new Set(parsed.map((reference) => formatName(reference)));
  if (repositories.size > 1 || parsed.some((reference) => reference.tag === undefined || reference.digest !== undefined)) {
    throw new InputError(
      'tags',
      lines.join(','),
      'references of one repository, each with a tag and no digest (one build per repository; push to other registries with a second build step using skip-existing, or copy with skopeo)',
    );
  }
  const first = parsed[0] as ImageReference;
  return {
    image: { registry: first.registry, repository: first.repository },
    references: parsed.map((reference) => reference.tag as string),
  };
}

/** The explicit `annotations` lines; metadata-action's default (the labels) is not sent to the builder. */
function metadataAnnotations(reader: InputReader): string[] {
  return reader.lines('annotations');
}

function passThroughOf(reader: InputReader, workspace: string, annotations: string[]): BuilderPassThrough {
  const buildContexts = reader.lines('build-contexts').map((line) => {
    const eq = line.indexOf('=');
    const name = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (eq <= 0 || !/^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/.test(name) || value === '') {
      throw new InputError('build-contexts', line, 'one name=path or name=docker-image://ref per line');
    }
    // A URL-like value (docker-image://, oci-layout://, https://) goes as it is; a path stays in the workspace.
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(value)) return line;
    return `${name}=${existing(resolveInside(workspace, value, 'build-contexts'), 'build-contexts', value, 'directory')}`;
  });
  const ssh = reader.lines('ssh');
  for (const line of ssh)
    if (!/^(default|[A-Za-z0-9_.-]+(=[^,\s]+(,[^,\s]+)*)?)$/.test(line)) throw new InputError('ssh', line, "'default' or id=path per line");
  const outputs = reader.lines('outputs');
  for (const line of outputs)
    if (!/^type=[a-z]+(,[a-z-]+=[^,]*)*$/.test(line))
      throw new InputError('outputs', line, 'type=local,dest=<dir> (and the other --output forms)');
  return {
    noCache: reader.boolean('no-cache'),
    pull: reader.boolean('pull'),
    load: reader.boolean('load'),
    buildContexts,
    ssh,
    annotations,
    outputs,
  };
}

/** `file` is build-push-action's name for `dockerfile`; one of them, not both. */
function dockerfileInputOf(reader: InputReader): 'dockerfile' | 'file' {
  const file = reader.optional('file');
  const dockerfile = reader.optional('dockerfile');
  if (file !== undefined && dockerfile !== undefined && file !== dockerfile) {
    throw new InputError(
      'file',
      file,
      "one of 'file' and 'dockerfile' (they are the same input)",
      `dockerfile is also set to ${dockerfile}`,
    );
  }
  return file !== undefined ? 'file' : 'dockerfile';
}

/** tags + flavor, with the `latest` shorthand folded in (flavor's own latest= wins). */
function tagRulesOf(reader: InputReader): { rules: ReturnType<typeof parseTagRules>; flavor: Flavor } {
  const flavorLines = reader.lines('flavor');
  const flavor = parseFlavor(flavorLines);
  const rules = parseTagRules(reader.lines('tags'));
  if (flavorLines.some((line) => /(^|,)\s*latest\s*=/.test(line))) return { rules, flavor };
  const latest = reader.choice<LatestPolicy>('latest', LATEST);
  if (latest === 'default-branch') {
    return {
      rules: [...rules, parseTagRule('type=raw,value=latest,enable={{is_default_branch}}')],
      flavor: { ...flavor, latest: 'false' },
    };
  }
  return { rules, flavor: { ...flavor, latest } };
}

export interface BuildPlan {
  options: BuildOptions;
  /** What will be built and where it goes, for the log. */
  summary: string;
}

/** What the build did, with the plan its outputs are named from. */
export interface BuildStageResult extends BuildResult {
  plan: BuildPlan;
}

export function planBuild(options: BuildOptions): BuildPlan {
  const { request } = options;
  return {
    options,
    summary: `Plan: ${formatName(request.image)} tags ${request.tags.join(', ')}; platforms ${request.platforms.join(', ') || 'native'}; cache ${request.cache}; push ${request.push}; skip-existing ${request.skipExisting}.`,
  };
}

/** Builds (or finds) the image; `dependencies` lets tests replace the process runner or fetch. */
export async function executeBuild(
  plan: BuildPlan,
  platform: Platform,
  dependencies: Partial<BuildDependencies> = {},
): Promise<BuildStageResult> {
  const { request, builder } = plan.options;
  platform.log.info(plan.summary);
  const dependencyCache = request.dependencyCache ? await platform.cache() : undefined;
  const result = await buildImage(request, builder, {
    log: platform.log,
    env: platform.environment(),
    dependencyCache,
    tempDir: platform.tempDir,
    ...dependencies,
  });
  return { ...result, plan };
}

export async function reportBuild(result: BuildStageResult, platform: Platform): Promise<void> {
  const { options } = result.plan;
  const { request, metadata, separators } = options;
  const name = formatName(request.image);
  const versionTag = metadata.version.main ?? request.tags[0];
  // name:tag@digest, so the next stage can write both the tag and the digest.
  platform.setOutput('image', result.digest && (result.pushed || result.skipped) ? `${name}:${versionTag}@${result.digest}` : result.image);
  platform.setOutput('digest', result.digest);
  platform.setOutput('tags', result.tags.map((tag) => `${name}:${tag}`).join(separators.tags));
  platform.setOutput(
    'labels',
    Object.entries(request.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(separators.labels),
  );
  platform.setOutput('version', metadata.version.main ?? '');
  platform.setOutput('imageid', result.digest);
  platform.setOutput(
    'metadata',
    JSON.stringify({ 'containerimage.digest': result.digest, 'image.name': result.tags.map((tag) => `${name}:${tag}`).join(',') }),
  );
  platform.setOutput('skipped', String(result.skipped));
  platform.setOutput('cache-hit', String(result.cacheHit));
  platform.setOutput('dependency-cache-hit', result.dependencies?.hit === undefined ? '' : String(result.dependencies.hit));
  await platform.summary(buildSummary(options, result));
}

/** Separators as given in YAML: a literal `\n` (two characters) means a newline, as in metadata-action's docs. */
function separatorOf(value: string): string {
  if (value === '') return '\n';
  return value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}

// The module shape of every stage (src/stages/module.ts).
export { definition };
export const parse = async (reader: InputReader, platform: Platform): Promise<BuildOptions> =>
  parseBuildInputs(reader, platform, platform.event(), await checkoutFacts(platform.workspace));
export { executeBuild as execute, planBuild as plan, reportBuild as report };

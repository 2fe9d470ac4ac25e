export const id = 580;
export const ids = [580];
export const modules = {

/***/ 3956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vO: () => (/* binding */ registryApiBase),
/* harmony export */   y_: () => (/* binding */ isInsecureRegistry)
/* harmony export */ });
/* unused harmony export isLoopbackRegistry */
/* harmony import */ var _images_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6827);
/** How a registry host is reached: plain HTTP or TLS, and where its distribution API lives. */

/** Host without port, lower-cased, brackets removed from IPv6 literals. */
function hostOf(registry) {
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(registry);
    if (bracketed)
        return bracketed[1].toLowerCase();
    return registry.replace(/:\d+$/, '').toLowerCase();
}
/** Docker treats loopback registries (127.0.0.0/8, ::1, localhost) as insecure without configuration. */
function isLoopbackRegistry(registry) {
    const host = hostOf(registry);
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** Plain HTTP is allowed for loopback registries and those the user listed (host or host:port). */
function isInsecureRegistry(registry, insecureRegistries) {
    if (isLoopbackRegistry(registry))
        return true;
    const lower = registry.toLowerCase();
    return insecureRegistries.some((entry) => {
        const candidate = entry.toLowerCase();
        return candidate === lower || candidate === hostOf(lower);
    });
}
/** Where the distribution API of a registry lives: Docker Hub's API host differs from its name. */
function registryApiBase(registry, insecure) {
    const host = registry === _images_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb ? 'registry-1.docker.io' : registry;
    return `${insecure ? 'http' : 'https'}://${host}`;
}


/***/ }),

/***/ 5309:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KD: () => (/* binding */ authFileContent),
/* harmony export */   bP: () => (/* binding */ RegistryClient)
/* harmony export */ });
/* unused harmony exports MANIFEST_MEDIA_TYPES, parseChallenge */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _credential_scope_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7935);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1983);
/* harmony import */ var _images_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6827);
/* harmony import */ var _registry_host_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3956);
/**
 * The little of the OCI distribution API a build needs: "does this tag exist, and what is
 * its digest?" (for skip-existing) and "point these tags at that manifest". Handles the
 * registry auth handshake: anonymous first, then on 401 either HTTP Basic or a bearer token
 * from the realm named in `WWW-Authenticate` (Docker Hub, ghcr.io, GitLab all use tokens).
 */






/** Every manifest type a tag can point to; without these a registry may down-convert or 404. */
const MANIFEST_MEDIA_TYPES = [
    'application/vnd.oci.image.index.v1+json',
    'application/vnd.oci.image.manifest.v1+json',
    'application/vnd.docker.distribution.manifest.list.v2+json',
    'application/vnd.docker.distribution.manifest.v2+json',
];
/** Parses `Bearer realm="https://…",service="…",scope="…"` (RFC 7235 auth-params). */
function parseChallenge(header) {
    const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!match)
        return undefined;
    const params = {};
    for (const param of match[2].matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
        params[param[1].toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
    }
    return { scheme: match[1].toLowerCase(), params };
}
function basic(credentials) {
    return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
/** A registry that does not answer within this is treated as down, rather than hanging the job. */
const REQUEST_TIMEOUT_MS = 60_000;
/** Every request here is idempotent (HEAD, GET, a PUT of the same bytes): connection failures and 5xx are retried. */
const REQUEST_RETRY = { attempts: 3, baseMs: 300 };
class RegistryClient {
    access;
    fetchImpl;
    base;
    /** Authorization header per scope, once a handshake succeeded. */
    authorizations = new Map();
    constructor(access, fetchImpl) {
        this.access = access;
        this.fetchImpl = fetchImpl;
        this.base = (0,_registry_host_js__WEBPACK_IMPORTED_MODULE_5__/* .registryApiBase */ .vO)(access.registry, access.insecure);
    }
    /** The digest `repository:reference` resolves to, or undefined when the registry does not know it. */
    async manifestDigest(repository, reference) {
        const url = `${this.base}/v2/${repository}/manifests/${encodeURIComponent(reference)}`;
        const headers = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
        const head = await this.request('HEAD', url, repository, 'pull', headers);
        if (head.status === 404)
            return undefined;
        if (!head.ok)
            throw this.failure('HEAD', url, head);
        const digest = head.headers.get('docker-content-digest');
        if (digest)
            return digest;
        // Some registries omit the header on HEAD; the digest is the hash of the exact bytes served.
        const get = await this.request('GET', url, repository, 'pull', headers);
        if (get.status === 404)
            return undefined;
        if (!get.ok)
            throw this.failure('GET', url, get);
        return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(Buffer.from(await get.arrayBuffer()))
            .digest('hex')}`;
    }
    /** Makes each tag point at the manifest `digest` (a PUT of the same bytes, so the digest is unchanged). */
    async tag(repository, digest, tags) {
        const source = `${this.base}/v2/${repository}/manifests/${digest}`;
        const got = await this.request('GET', source, repository, 'pull,push', { Accept: MANIFEST_MEDIA_TYPES.join(', ') });
        if (!got.ok)
            throw this.failure('GET', source, got);
        const mediaType = got.headers.get('content-type') ?? MANIFEST_MEDIA_TYPES[1];
        const body = Buffer.from(await got.arrayBuffer());
        for (const tag of tags) {
            const url = `${this.base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
            const put = await this.request('PUT', url, repository, 'pull,push', { 'Content-Type': mediaType }, body);
            if (!put.ok)
                throw this.failure('PUT', url, put);
        }
    }
    failure(method, url, response) {
        const hint = response.status === 401 || response.status === 403 ? ' (check the registry credentials and their scope)' : '';
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Registry ${this.access.registry}: ${method} ${url} answered ${response.status} ${response.statusText}${hint}.`);
    }
    async request(method, url, repository, actions, headers, body) {
        const scope = `repository:${repository}:${actions}`;
        const known = this.authorizations.get(scope);
        const origin = new URL(this.base).origin;
        // Redirects are followed by hand: the Authorization header goes to the registry's origin only.
        const send = async (authorization) => {
            let target = new URL(url);
            for (let hop = 0;; hop++) {
                const sameOrigin = target.origin === origin;
                const response = await (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .httpFetch */ .tX)(target, {
                    method,
                    headers: { ...headers, ...(authorization && sameOrigin ? { Authorization: authorization } : {}) },
                    ...(body ? { body: new Uint8Array(body) } : {}),
                    redirect: 'manual',
                }, { timeoutMs: REQUEST_TIMEOUT_MS, retry: REQUEST_RETRY, fetch: this.fetchImpl });
                const location = response.headers.get('location');
                if (response.status < 300 || response.status >= 400 || response.status === 304 || !location || hop >= 5)
                    return response;
                await response.body?.cancel();
                target = new URL(location, target);
            }
        };
        const first = await send(known);
        if (first.status !== 401)
            return first;
        const challenge = parseChallenge(first.headers.get('www-authenticate') ?? '');
        await first.body?.cancel();
        const authorization = await this.authorize(challenge, scope);
        if (!authorization)
            return first;
        this.authorizations.set(scope, authorization);
        return send(authorization);
    }
    async authorize(challenge, scope) {
        const { credentials } = this.access;
        const base = new URL(this.base);
        if (challenge?.scheme === 'basic') {
            if (!credentials)
                return undefined;
            if (!(0,_credential_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .transportCarriesCredentials */ .tW)(base)) {
                throw new _credential_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .CredentialScopeError */ .K$(`Registry ${this.access.registry} asks for credentials over plain http; they are sent only over https or to this machine.`);
            }
            return basic(credentials);
        }
        if (challenge?.scheme !== 'bearer' || !challenge.params.realm)
            return undefined;
        let realm;
        try {
            realm = new URL(challenge.params.realm);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Registry ${this.access.registry} named a token realm that is not a URL.`);
        }
        if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Registry ${this.access.registry} named a token realm that is not an http(s) URL.`);
        }
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', scope);
        // The credentials belong to the registry: a realm on another site is asked anonymously.
        const withCredentials = credentials !== undefined && (0,_credential_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .transportCarriesCredentials */ .tW)(base) && (0,_credential_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .realmMayReceiveCredentials */ .y8)(base, realm);
        const response = await (0,_http_js__WEBPACK_IMPORTED_MODULE_3__/* .httpFetch */ .tX)(realm, { headers: withCredentials ? { Authorization: basic(credentials) } : {}, redirect: 'error' }, { timeoutMs: REQUEST_TIMEOUT_MS, retry: REQUEST_RETRY, fetch: this.fetchImpl });
        if (!response.ok) {
            const why = !credentials
                ? ' (no credentials were given)'
                : withCredentials
                    ? ''
                    : ` (asked anonymously: the credentials for ${this.access.registry} are not sent to ${realm.origin})`;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Registry ${this.access.registry}: token service ${realm.origin}${realm.pathname} answered ${response.status} ${response.statusText}${why}.`);
        }
        const json = (await response.json());
        const token = json.token ?? json.access_token;
        if (!token)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Registry ${this.access.registry}: the token service returned no token.`);
        return `Bearer ${token}`;
    }
}
/**
 * An auth.json (containers-auth.json(5)) that is also a valid Docker config.json, so both
 * buildah (REGISTRY_AUTH_FILE) and docker (DOCKER_CONFIG) log in without a password in argv.
 */
function authFileContent(entries) {
    const auths = {};
    for (const { registry, credentials } of entries) {
        const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
        auths[registry] = { auth };
        if (registry === _images_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .DOCKER_HUB */ .Xb)
            auths['https://index.docker.io/v1/'] = { auth };
    }
    return `${JSON.stringify({ auths }, null, 2)}\n`;
}


/***/ }),

/***/ 8580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ build_executeBuild),
  executeBuild: () => (/* binding */ build_executeBuild),
  parse: () => (/* binding */ parse),
  plan: () => (/* binding */ planBuild),
  planBuild: () => (/* binding */ planBuild),
  report: () => (/* binding */ reportBuild),
  reportBuild: () => (/* binding */ reportBuild)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/paths.ts
var core_paths = __webpack_require__(6107);
;// CONCATENATED MODULE: ./src/core/build/platforms.ts

/** Platforms Docker and buildah build for (the Go GOOS/GOARCH pairs images are published for). */
const KNOWN_PLATFORMS = new Set([
    'linux/amd64',
    'linux/amd64/v2',
    'linux/amd64/v3',
    'linux/arm64',
    'linux/arm64/v8',
    'linux/arm/v5',
    'linux/arm/v6',
    'linux/arm/v7',
    'linux/386',
    'linux/ppc64le',
    'linux/s390x',
    'linux/riscv64',
    'linux/mips64le',
    'linux/mips64',
    'linux/loong64',
    'windows/amd64',
    'windows/arm64',
]);
/** Validates and normalises platform strings (lower case, `linux/arm64/v8` kept as written); duplicates are dropped. */
function parsePlatforms(values, input) {
    const result = [];
    for (const raw of values) {
        const platform = raw.trim().toLowerCase();
        if (!KNOWN_PLATFORMS.has(platform)) {
            throw new errors/* InputError */.dz(input, raw, `a platform os/arch[/variant], one of ${[...KNOWN_PLATFORMS].join(', ')}`);
        }
        if (!result.includes(platform))
            result.push(platform);
    }
    return result;
}
/** `linux/arm/v7` -> `linux-arm-v7`: safe in cache scopes, tags and directory names. */
function platformSlug(platform) {
    return platform.replace(/\//g, '-');
}

;// CONCATENATED MODULE: ./src/core/build/dependency-cache.ts
/**
 * Dependency caches (npm/pip/Go module directories …) keyed by lockfile hashes, made
 * available to the build's RUN steps. Pure planning here; the cache backend is a seam the
 * platform provides (@actions/cache on GitHub; on GitLab the runner's `cache:` does it).
 */






/** Where each cached directory appears in RUN steps: `/aegis-cache/<path relative to the workspace>`. */
const DEPENDENCY_CACHE_ROOT = '/aegis-cache';
const KEY_PREFIX = 'aegis-deps';
/** One digest for a set of lockfiles: their names and contents, order-independent. */
function lockfileDigest(files) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
        hash.update(`${file.path}\0${(0,external_node_crypto_.createHash)('sha256').update(file.content).digest('hex')}\n`);
    }
    return hash.digest('hex').slice(0, 32);
}
/** `aegis-deps-<service>-<platforms>-<digest>` and the prefix without the digest (GitHub: newest match wins). */
function dependencyCacheKey(service, platforms, digest) {
    const scope = `${service.replace(/[^A-Za-z0-9_.-]+/g, '-')}-${platforms.length > 0 ? platforms.map(platformSlug).join('_') : 'native'}`;
    const prefix = `${KEY_PREFIX}-${scope}-`;
    return { key: `${prefix}${digest}`, restoreKeys: [prefix] };
}
/** The buildx named context for a cached directory: `aegis-cache-<slug of its relative path>`. */
function dependencyContextName(relativePath) {
    const slug = relativePath
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
    return `aegis-cache-${slug || 'root'}`;
}
function isUnder(dir, file) {
    return file === dir || file.startsWith(`${dir}/`);
}
/**
 * Validates the inputs and computes the key. Lockfiles inside the cached directories (and in
 * .git) do not count: the restore would change them, and the key with them.
 */
function planDependencyCache(inputs) {
    const { workspace, paths, keyFiles } = inputs;
    if (paths.length === 0 && keyFiles.length === 0)
        return undefined;
    if (paths.length === 0) {
        throw new errors/* InputError */.dz('dependency-cache-paths', '', 'directories to cache, when dependency-cache-key-files is set');
    }
    if (keyFiles.length === 0) {
        throw new errors/* InputError */.dz('dependency-cache-key-files', '', 'lockfiles (paths or globs) whose content keys the cache');
    }
    const relativeDirs = paths.map((path) => {
        const rel = (0,external_node_path_.relative)(workspace, (0,core_paths/* resolveInside */.LI)(workspace, path, 'dependency-cache-paths'))
            .split('\\')
            .join('/');
        if (rel === '')
            throw new errors/* InputError */.dz('dependency-cache-paths', path, 'a directory below the workspace, not the workspace itself');
        return rel;
    });
    const mounts = relativeDirs.map((rel) => ({
        source: (0,core_paths/* resolveInside */.LI)(workspace, rel, 'dependency-cache-paths'),
        target: `${DEPENDENCY_CACHE_ROOT}/${rel}`,
        context: dependencyContextName(rel),
    }));
    const contexts = new Set(mounts.map((mount) => mount.context));
    if (contexts.size !== mounts.length) {
        throw new errors/* InputError */.dz('dependency-cache-paths', paths.join(','), 'directories with distinct names (after lower-casing and - for other characters)');
    }
    for (const pattern of keyFiles)
        (0,core_paths/* resolveInside */.LI)(workspace, pattern.replace(/[*?[{].*$/, ''), 'dependency-cache-key-files');
    const excluded = ['.git', ...relativeDirs];
    const found = new Set();
    for (const pattern of keyFiles) {
        const matches = (0,external_node_fs_.globSync)(pattern, { cwd: workspace, exclude: (name) => excluded.some((dir) => isUnder(dir, String(name))) })
            .map((file) => String(file).split('\\').join('/'))
            .filter((file) => !excluded.some((dir) => isUnder(dir, file)) && (0,external_node_fs_.statSync)((0,core_paths/* resolveInside */.LI)(workspace, file, 'dependency-cache-key-files')).isFile());
        if (matches.length === 0) {
            throw new errors/* InputError */.dz('dependency-cache-key-files', pattern, 'lockfiles that exist in the workspace (paths or globs)', 'it matches no file');
        }
        for (const match of matches)
            found.add(match);
    }
    const files = [...found].sort();
    const digest = lockfileDigest(files.map((path) => ({ path, content: (0,external_node_fs_.readFileSync)((0,core_paths/* resolveInside */.LI)(workspace, path, 'dependency-cache-key-files')) })));
    return { mounts, keyFiles: files, ...dependencyCacheKey(inputs.service, inputs.platforms, digest) };
}
/** Creates the directories (the builders mount them) and restores them when a backend exists. */
async function restoreDependencies(plan, cache, log) {
    const directories = plan.mounts.map((mount) => mount.source);
    for (const dir of directories)
        (0,external_node_fs_.mkdirSync)(dir, { recursive: true });
    if (!cache)
        return {};
    try {
        const matchedKey = await cache.restore(directories, plan.key, plan.restoreKeys);
        log.info(matchedKey ? `Dependency cache restored from ${matchedKey}.` : `No dependency cache for ${plan.key} yet.`);
        return { matchedKey, hit: matchedKey === plan.key };
    }
    catch (error) {
        // A cache is an optimisation: a broken one must not fail the build.
        log.warning(`Dependency cache restore failed, building without it: ${error.message}`);
        return { hit: false };
    }
}
/** Saves after a successful build, unless the exact key was restored (caches are immutable) or nothing was written. */
async function saveDependencies(plan, cache, restored, log) {
    if (!cache || restored.hit)
        return false;
    const directories = plan.mounts.map((mount) => mount.source);
    if (directories.every((dir) => (0,external_node_fs_.readdirSync)(dir).length === 0)) {
        log.info(`Dependency cache directories are empty; nothing saved under ${plan.key}.`);
        return false;
    }
    try {
        await cache.save(directories, plan.key);
        log.info(`Dependency cache saved as ${plan.key}.`);
        return true;
    }
    catch (error) {
        log.warning(`Dependency cache save failed (the build succeeded): ${error.message}`);
        return false;
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/images/reference.ts
var images_reference = __webpack_require__(6827);
// EXTERNAL MODULE: ./src/core/process.ts + 1 modules
var process = __webpack_require__(9084);
;// CONCATENATED MODULE: ./src/core/build/plan.ts


/** The builder arguments of the pass-through options, the same for buildx and buildah. */
function passThroughArgs(options) {
    if (!options)
        return [];
    return [
        ...(options.noCache ? ['--no-cache'] : []),
        ...options.buildContexts.flatMap((context) => ['--build-context', context]),
        ...options.ssh.flatMap((ssh) => ['--ssh', ssh]),
        ...options.annotations.flatMap((annotation) => ['--annotation', annotation]),
        ...options.outputs.flatMap((output) => ['--output', output]),
    ];
}
function defaultCacheRepository(image) {
    return `${(0,images_reference/* formatName */.nD)(image)}/cache`;
}
/** One cache scope per service and platform set: `api-linux-amd64`, `api-linux-amd64_linux-arm64`. */
function cacheScope(request, platforms) {
    if (request.cacheScope)
        return request.cacheScope;
    const suffix = platforms.length > 0 ? platforms.map(platformSlug).join('_') : 'native';
    return `${request.service}-${suffix}`;
}
function taggedReferences(request) {
    return request.tags.map((tag) => `${(0,images_reference/* formatName */.nD)(request.image)}:${tag}`);
}

;// CONCATENATED MODULE: ./src/core/build/buildah.ts
/**
 * buildah argument lists. Pure, so they are table-tested; the executor runs them.
 *
 * Multi-platform note (buildah 1.28, Debian bookworm): with `--layers`, one
 * `--platform a,b` build reuses the first platform's cached layers for the second when the
 * steps match (e.g. `FROM scratch` + `COPY`), producing a one-platform list. So each platform
 * is built in its own storage, exported as an OCI layout, and assembled into a manifest list.
 */


/** Storage flags that go before the subcommand. */
function buildahGlobalArgs(storage) {
    return [
        ...(storage.root ? ['--root', storage.root] : []),
        ...(storage.runroot ? ['--runroot', storage.runroot] : []),
        ...(storage.driver ? ['--storage-driver', storage.driver] : []),
    ];
}
/** Storage for one platform of a multi-platform build: a sibling of the main storage. */
function platformStorage(storage, platform, fallbackDir) {
    const slug = platformSlug(platform);
    return {
        ...storage,
        root: storage.root ? `${storage.root}.${slug}` : `${fallbackDir}/storage-${slug}`,
        runroot: storage.runroot ? `${storage.runroot}.${slug}` : `${fallbackDir}/runroot-${slug}`,
    };
}
/** Registry cache repository for one platform: buildah tags cache by content hash, so the scope goes in the path. */
function buildahCacheRepository(request, platform) {
    return `${request.cacheRepository}/${cacheScope(request, platform ? [platform] : [])}`;
}
/**
 * `buildah build` for one platform (or the native one). `localTags` are the names the
 * image gets in local storage: the final references for single-platform builds, a
 * per-platform name otherwise.
 */
function buildahBuildArgs(request, platform, localTags, files) {
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
function tlsArgs(insecure) {
    // `buildah push` honours registries.conf; `manifest push` (1.28) does not, so both get the flag.
    return insecure ? ['--tls-verify=false'] : [];
}
function buildahPushArgs(storage, source, destination, digestfile, insecure) {
    return [...buildahGlobalArgs(storage), 'push', '--digestfile', digestfile, ...tlsArgs(insecure), source, `docker://${destination}`];
}
function buildahManifestPushArgs(storage, list, destination, digestfile, insecure) {
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
function buildahLocalTags(request, platform) {
    if (request.platforms.length <= 1)
        return taggedReferences(request);
    return [`localhost/aegis-build/${request.service}:${platformSlug(platform)}`];
}
/**
 * True when every step other than FROM and LABEL was served from cache (`--> Using cache`), counted per
 * `STEP i/n:` so multi-stage builds need every stage cached.
 */
function buildahCacheHit(output) {
    let steps = 0;
    let cached = 0;
    let inStep = false;
    for (const line of output.split('\n')) {
        const step = /^STEP \d+\/\d+: (\S+)/.exec(line);
        if (step) {
            // LABEL steps are metadata (buildah appends one per --label, e.g. the ever-changing `created`).
            inStep = !['FROM', 'LABEL'].includes(step[1].toUpperCase());
            if (inStep)
                steps += 1;
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
function registriesConf(insecure) {
    return [
        'unqualified-search-registries = ["docker.io"]',
        ...insecure.flatMap((location) => ['', '[[registry]]', `location = ${JSON.stringify(location)}`, 'insecure = true']),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/core/build/buildx.ts
/**
 * `docker buildx build` argument lists, as docker/build-push-action composes them. Pure: the
 * only thing that runs buildx is the executor, and only where a Docker engine answers.
 */

/** `--cache-from`/`--cache-to` values for the request's backend and scope (`mode=max` keeps every stage's layers). */
function buildxCacheArgs(request) {
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
function buildxSecretArgs(request, secretFiles = new Map()) {
    return request.secrets.flatMap((secret) => {
        const file = secret.file ?? secretFiles.get(secret.id);
        return ['--secret', file ? `id=${secret.id},src=${file}` : `id=${secret.id},env=${secret.env}`];
    });
}
function buildxArgs(request, files) {
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
function buildxCacheHit(progress) {
    const steps = new Map();
    for (const line of progress.split('\n')) {
        const step = /^#(\d+) \[(?!internal\])[^\]]*\] (?!FROM )/.exec(line);
        if (step)
            steps.set(step[1], steps.get(step[1]) ?? false);
        const cached = /^#(\d+) CACHED\s*$/.exec(line);
        if (cached && steps.has(cached[1]))
            steps.set(cached[1], true);
    }
    return steps.size > 0 && [...steps.values()].every(Boolean);
}

// EXTERNAL MODULE: ./src/core/build/registry.ts
var build_registry = __webpack_require__(5309);
// EXTERNAL MODULE: ./src/core/build/registry-host.ts
var registry_host = __webpack_require__(3956);
;// CONCATENATED MODULE: ./src/core/build/execute.ts
/**
 * Runs a validated BuildRequest: ask the registry first (skip-existing), else build with
 * buildah or buildx, push, and report the digest the registry stores.
 */













/** `auto`: buildx where a Docker engine answers, else buildah. */
async function detectBuilder(choice, run = process/* run */.eF) {
    if (choice !== 'auto')
        return choice;
    const engine = await run('docker', ['version', '--format', '{{.Server.Version}}'], { allowFailure: true }).catch(() => undefined);
    if (engine?.exitCode === 0) {
        const buildx = await run('docker', ['buildx', 'version'], { allowFailure: true }).catch(() => undefined);
        if (buildx?.exitCode === 0)
            return 'buildx';
    }
    const buildah = await run('buildah', ['--version'], { allowFailure: true }).catch(() => undefined);
    if (buildah?.exitCode === 0)
        return 'buildah';
    throw new errors/* AegisError */.o4("builder 'auto' found neither a Docker engine with buildx nor buildah on PATH; install one or choose 'builder' explicitly.");
}
function registryOf(repository) {
    return (0,images_reference/* parseImageReference */.o_)(repository, 'cache-ref').registry;
}
/** Asks the registry for the commit's tag; undefined when absent or when the registry cannot be asked. */
async function findExisting(request, deps) {
    const { registry, repository } = request.image;
    if (!request.commitTag) {
        throw new errors/* AegisError */.o4("skip-existing needs a tag naming the commit: keep a 'type=sha' rule in 'tags' (and a commit SHA in the event).");
    }
    const client = new build_registry/* RegistryClient */.bP({ registry, insecure: (0,registry_host/* isInsecureRegistry */.y_)(registry, request.insecureRegistries), credentials: request.credentials.get(registry) }, deps.fetch);
    try {
        return await client.manifestDigest(repository, request.commitTag);
    }
    catch (error) {
        deps.log.warning(`skip-existing: could not ask ${registry} about ${repository}:${request.commitTag}, building instead: ${error.message}`);
        return undefined;
    }
}
/** Points the other computed tags (branch, pr-N, semver) at the existing manifest, as a fresh build would have. */
async function tagExisting(request, digest, deps) {
    const { registry, repository } = request.image;
    const others = request.tags.filter((tag) => tag !== request.commitTag);
    if (!request.push || others.length === 0)
        return;
    const client = new build_registry/* RegistryClient */.bP({ registry, insecure: (0,registry_host/* isInsecureRegistry */.y_)(registry, request.insecureRegistries), credentials: request.credentials.get(registry) }, deps.fetch);
    await client.tag(repository, digest, others);
}
/** A private temp dir for auth.json, registries.conf and secret files; secrets travel by file or env, never argv. */
function prepareWorkspace(request, builder, sourceEnv = {}, tempDir) {
    // Registered for removal on SIGINT/SIGTERM as well (the stage runner does that).
    const dir = (0,cleanup/* createPrivateDir */.b4)(tempDir ?? (0,external_node_os_.tmpdir)(), 'aegis-build-');
    try {
        return fillWorkspace(dir, request, builder, sourceEnv);
    }
    catch (error) {
        // A half-prepared workspace may already hold auth.json: never leave it behind.
        (0,cleanup/* removePrivateDir */.VZ)(dir);
        throw error;
    }
}
function fillWorkspace(dir, request, builder, sourceEnv = {}) {
    (0,external_node_fs_.chmodSync)(dir, 0o700);
    const env = {};
    const secretFiles = new Map();
    if (request.credentials.size > 0) {
        const entries = [...request.credentials].map(([registry, credentials]) => ({ registry, credentials }));
        const content = (0,build_registry/* authFileContent */.KD)(entries);
        if (builder === 'buildah') {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'auth.json'), content, { mode: 0o600 });
            env.REGISTRY_AUTH_FILE = (0,external_node_path_.join)(dir, 'auth.json');
        }
        else {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'config.json'), content, { mode: 0o600 });
            env.DOCKER_CONFIG = dir;
        }
    }
    if (builder === 'buildah') {
        const registries = new Set([request.image.registry, ...(request.cache === 'registry' ? [registryOf(request.cacheRepository)] : [])]);
        const insecure = [...registries].filter((registry) => (0,registry_host/* isInsecureRegistry */.y_)(registry, request.insecureRegistries));
        for (const extra of request.insecureRegistries)
            if (!insecure.includes(extra))
                insecure.push(extra);
        // Only written when needed: it replaces the system registries.conf for this process.
        if (insecure.length > 0) {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'registries.conf'), registriesConf(insecure));
            env.CONTAINERS_REGISTRIES_CONF = (0,external_node_path_.join)(dir, 'registries.conf');
        }
    }
    for (const secret of request.secrets) {
        if (secret.value === undefined)
            continue;
        const file = (0,external_node_path_.join)(dir, `secret-${secretFiles.size}`);
        (0,external_node_fs_.writeFileSync)(file, secret.value, { mode: 0o600 });
        secretFiles.set(secret.id, file);
    }
    if (builder === 'buildah') {
        for (const secret of request.secrets) {
            if (secret.env === undefined)
                continue;
            const value = sourceEnv[secret.env];
            if (value === undefined)
                throw new errors/* AegisError */.o4(`Build secret '${secret.id}' reads environment variable ${secret.env}, which is not set.`);
            const file = (0,external_node_path_.join)(dir, `secret-${secretFiles.size}`);
            (0,external_node_fs_.writeFileSync)(file, value, { mode: 0o600 });
            secretFiles.set(secret.id, file);
        }
    }
    return { dir, env, secretFiles };
}
function readDigest(file, what) {
    let digest = '';
    try {
        digest = (0,external_node_fs_.readFileSync)(file, 'utf8').trim();
    }
    catch { }
    // buildah 1.28 `manifest push` can exit 0 without pushing; an empty digest file is the tell.
    if (!/^sha256:[a-f0-9]{64}$/.test(digest))
        throw new errors/* AegisError */.o4(`${what} reported no digest; the push did not complete.`);
    return digest;
}
async function buildWithBuildah(request, work, deps, run) {
    const insecure = (0,registry_host/* isInsecureRegistry */.y_)(request.image.registry, request.insecureRegistries);
    const name = (0,images_reference/* formatName */.nD)(request.image);
    const references = request.tags.map((tag) => `${name}:${tag}`);
    const options = { env: work.env };
    const platforms = request.platforms.length > 1 ? request.platforms : [request.platforms[0]];
    let cacheHit = true;
    if (platforms.length === 1) {
        const platform = platforms[0];
        const iidfile = (0,external_node_path_.join)(work.dir, 'iid');
        const args = buildahBuildArgs(request, platform, buildahLocalTags(request, platform), { iidfile, secretFiles: work.secretFiles });
        const output = await deps.log.group(`buildah build ${platform ?? 'native'}`, () => run('buildah', args, options));
        deps.log.info(output.stdout + output.stderr);
        cacheHit = buildahCacheHit(output.stdout + output.stderr);
        const imageId = (0,external_node_fs_.readFileSync)(iidfile, 'utf8').trim();
        if (!request.push)
            return { digest: imageId.startsWith('sha256:') ? imageId : `sha256:${imageId}`, cacheHit };
        let digest = '';
        for (const reference of references) {
            const digestfile = (0,external_node_path_.join)(work.dir, 'digest');
            await run('buildah', buildahPushArgs(request.buildah, reference, reference, digestfile, insecure), options);
            const pushed = readDigest(digestfile, `buildah push ${reference}`);
            if (digest && pushed !== digest)
                deps.log.warning(`${reference} was pushed as ${pushed}, not ${digest}.`);
            digest ||= pushed;
        }
        return { digest, cacheHit };
    }
    // Multi-platform: per-platform storage (see buildah.ts), OCI layouts, one manifest list.
    const list = references[0] ?? `${name}:aegis-build`;
    const main = request.buildah;
    await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'rm', list], { ...options, allowFailure: true });
    await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'create', list], options);
    for (const platform of platforms) {
        const storage = platformStorage(main, platform, work.dir);
        const local = buildahLocalTags(request, platform);
        const iidfile = (0,external_node_path_.join)(work.dir, `iid-${platformSlug(platform)}`);
        const args = buildahBuildArgs({ ...request, buildah: storage }, platform, local, { iidfile, secretFiles: work.secretFiles });
        const output = await deps.log.group(`buildah build ${platform}`, () => run('buildah', args, options));
        deps.log.info(output.stdout + output.stderr);
        cacheHit &&= buildahCacheHit(output.stdout + output.stderr);
        // Added straight from the OCI layout: `manifest push --all` copies it from there.
        const layout = `oci:${(0,external_node_path_.join)(work.dir, `oci-${platformSlug(platform)}`)}:image`;
        await run('buildah', [...buildahGlobalArgs(storage), 'push', local[0], layout], options);
        await run('buildah', [...buildahGlobalArgs(main), 'manifest', 'add', list, layout], options);
    }
    let digest = '';
    for (const reference of references) {
        const digestfile = (0,external_node_path_.join)(work.dir, 'digest');
        (0,external_node_fs_.rmSync)(digestfile, { force: true });
        await run('buildah', buildahManifestPushArgs(main, list, reference, digestfile, insecure), options);
        digest ||= readDigest(digestfile, `buildah manifest push ${reference}`);
    }
    return { digest, cacheHit };
}
async function buildWithBuildx(request, work, deps, run) {
    const metadataFile = (0,external_node_path_.join)(work.dir, 'metadata.json');
    const args = buildxArgs(request, { metadataFile, secretFiles: work.secretFiles });
    const output = await deps.log.group('docker buildx build', () => run('docker', args, { env: work.env }));
    deps.log.info(output.stderr);
    let metadata = {};
    try {
        metadata = JSON.parse((0,external_node_fs_.readFileSync)(metadataFile, 'utf8'));
    }
    catch { }
    const digest = metadata['containerimage.digest'] ?? '';
    if (!digest)
        throw new errors/* AegisError */.o4('docker buildx build wrote no containerimage.digest to its metadata file.');
    return { digest, cacheHit: buildxCacheHit(output.stderr) };
}
async function executeBuild(request, builderChoice, deps) {
    const started = performance.now();
    const run = deps.run ?? process/* run */.eF;
    const name = (0,images_reference/* formatName */.nD)(request.image);
    if (request.skipExisting) {
        const existing = await findExisting(request, deps);
        if (existing) {
            deps.log.info(`${name}:${request.commitTag} already exists as ${existing}; nothing to build.`);
            await tagExisting(request, existing, deps);
            return {
                image: `${name}@${existing}`,
                digest: existing,
                tags: request.push ? [...request.tags] : [request.commitTag],
                skipped: true,
                cacheHit: false,
                pushed: false,
                durationMs: performance.now() - started,
            };
        }
    }
    const builder = await detectBuilder(builderChoice, run);
    if (builder === 'buildah' && request.cache === 'gha') {
        throw new errors/* AegisError */.o4("cache 'gha' is GitHub's cache service, which only buildx can use; choose cache 'registry' with buildah.");
    }
    const work = prepareWorkspace(request, builder, deps.env, deps.tempDir);
    try {
        const plan = request.dependencyCache;
        const restored = plan ? await restoreDependencies(plan, deps.dependencyCache, deps.log) : undefined;
        const { digest, cacheHit } = builder === 'buildah' ? await buildWithBuildah(request, work, deps, run) : await buildWithBuildx(request, work, deps, run);
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
    }
    finally {
        (0,cleanup/* removePrivateDir */.VZ)(work.dir);
    }
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/core/build/date-format.ts
/**
 * Moment.js format strings (what metadata-action's `{{date …}}` and `{{commit_date …}}`
 * take), rendered with the platform's time-zone database instead of moment-timezone's.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS = /\[([^\]]*)\]|YYYYYY|YYYY|YY|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|WW|Wo|W|ww|wo|w/g;
function fieldsIn(date, timeZone, input) {
    let format;
    try {
        format = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
    }
    catch {
        throw new errors/* InputError */.dz(input, `tz='${timeZone}'`, "an IANA time zone such as 'UTC' or 'Asia/Tokyo'");
    }
    const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
    const fields = {
        year: Number(parts.year),
        month: Number(parts.month) - 1,
        day: Number(parts.day),
        hour: Number(parts.hour),
        minute: Number(parts.minute),
        second: Number(parts.second),
        millisecond: date.getUTCMilliseconds(),
    };
    const wall = Date.UTC(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
    return { ...fields, weekday: new Date(wall).getUTCDay(), offsetMinutes: Math.round((wall - date.getTime()) / 60_000) };
}
const pad = (value, width = 2) => String(Math.abs(value)).padStart(width, '0');
function ordinal(value) {
    const tens = value % 100;
    if (tens >= 11 && tens <= 13)
        return `${value}th`;
    return `${value}${['th', 'st', 'nd', 'rd'][value % 10] ?? 'th'}`;
}
function dayOfYear(f) {
    return Math.round((Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}
function isoWeek(f) {
    const date = new Date(Date.UTC(f.year, f.month, f.day));
    const day = (f.weekday + 6) % 7;
    date.setUTCDate(date.getUTCDate() - day + 3);
    const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
    return 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}
function offset(minutes, separator) {
    const sign = minutes < 0 ? '-' : '+';
    return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${separator}${pad(Math.abs(minutes) % 60)}`;
}
/**
 * `date` formatted with a moment.js pattern in `timeZone`. Without a pattern, moment's default:
 * `YYYY-MM-DDTHH:mm:ss[Z]` in UTC, `YYYY-MM-DDTHH:mm:ssZ` elsewhere.
 */
function formatDate(date, pattern, timeZone = 'UTC', input = 'tags') {
    const f = fieldsIn(date, timeZone, input);
    const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
    const format = pattern ?? (utc ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
    const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
    return format.replace(TOKENS, (token, literal) => {
        if (literal !== undefined)
            return literal;
        switch (token) {
            case 'YYYYYY':
                return `${f.year < 0 ? '-' : '+'}${pad(f.year, 6)}`;
            case 'YYYY':
                return pad(f.year, 4);
            case 'YY':
                return pad(f.year % 100);
            case 'Q':
                return String(Math.floor(f.month / 3) + 1);
            case 'Qo':
                return ordinal(Math.floor(f.month / 3) + 1);
            case 'MMMM':
                return MONTHS[f.month];
            case 'MMM':
                return MONTHS[f.month].slice(0, 3);
            case 'MM':
                return pad(f.month + 1);
            case 'Mo':
                return ordinal(f.month + 1);
            case 'M':
                return String(f.month + 1);
            case 'DDDD':
                return pad(dayOfYear(f), 3);
            case 'DDDo':
                return ordinal(dayOfYear(f));
            case 'DDD':
                return String(dayOfYear(f));
            case 'DD':
                return pad(f.day);
            case 'Do':
                return ordinal(f.day);
            case 'D':
                return String(f.day);
            case 'dddd':
                return DAYS[f.weekday];
            case 'ddd':
                return DAYS[f.weekday].slice(0, 3);
            case 'dd':
                return DAYS[f.weekday].slice(0, 2);
            case 'do':
                return ordinal(f.weekday);
            case 'd':
            case 'e':
                return String(f.weekday);
            case 'E':
                return String(f.weekday === 0 ? 7 : f.weekday);
            case 'HH':
                return pad(f.hour);
            case 'H':
                return String(f.hour);
            case 'hh':
                return pad(hour12);
            case 'h':
                return String(hour12);
            case 'kk':
                return pad(f.hour === 0 ? 24 : f.hour);
            case 'k':
                return String(f.hour === 0 ? 24 : f.hour);
            case 'mm':
                return pad(f.minute);
            case 'm':
                return String(f.minute);
            case 'ss':
                return pad(f.second);
            case 's':
                return String(f.second);
            case 'SSS':
                return pad(f.millisecond, 3);
            case 'SS':
                return pad(Math.floor(f.millisecond / 10));
            case 'S':
                return String(Math.floor(f.millisecond / 100));
            case 'A':
                return f.hour < 12 ? 'AM' : 'PM';
            case 'a':
                return f.hour < 12 ? 'am' : 'pm';
            case 'Z':
                return offset(f.offsetMinutes, ':');
            case 'ZZ':
                return offset(f.offsetMinutes, '');
            case 'X':
                return String(Math.floor(date.getTime() / 1000));
            case 'x':
                return String(date.getTime());
            case 'WW':
            case 'ww':
                return pad(isoWeek(f));
            case 'Wo':
            case 'wo':
                return ordinal(isoWeek(f));
            default:
                return String(isoWeek(f));
        }
    });
}

;// CONCATENATED MODULE: ./src/core/build/expression.ts
/**
 * The `{{…}}` expressions of docker/metadata-action's tag rules, flavor and labels: a
 * mustache subset with helpers (`{{branch}}`, `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`) and
 * values (`{{major}}`). Output is HTML-escaped as Handlebars (which metadata-action uses)
 * escapes it; `{{{…}}}` is not. An unknown helper called with arguments is an error.
 */

const MUSTACHE = /\{\{(\{?)\s*([^{}]*?)\s*\}?\}\}/g;
const TOKEN = /\s*(?:([\w.-]+)=)?(?:'([^']*)'|"([^"]*)"|([^\s'"=]+))/y;
const ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#x27;',
    '`': '&#x60;',
    '=': '&#x3D;',
};
function parseCall(body, source, input) {
    const parts = [];
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < body.length) {
        const match = TOKEN.exec(body);
        if (!match)
            throw new errors/* InputError */.dz(input, source, `an expression of the form {{name 'argument' key='value'}}; cannot read "${body}"`);
        const literal = match[2] ?? match[3];
        parts.push({ key: match[1], ...(literal !== undefined ? { literal } : { path: match[4] }) });
        if (/^\s*$/.test(body.slice(TOKEN.lastIndex)))
            break;
    }
    const [head, ...rest] = parts;
    if (!head?.path || head.key)
        throw new errors/* InputError */.dz(input, source, `an expression starting with a name, e.g. {{branch}}; got "{{${body}}}"`);
    const hash = {};
    const args = [];
    for (const part of rest) {
        if (part.key)
            hash[part.key] = part.literal ?? part.path ?? '';
        else
            args.push(part.literal !== undefined ? { literal: part.literal } : { path: part.path });
    }
    return { name: head.path, args, hash };
}
function display(value) {
    if (value === undefined || value === null || value === false)
        return '';
    if (Array.isArray(value))
        return value.join(',');
    return String(value);
}
/** Renders `template` with `scope`; `input` names the input in errors. */
function renderExpression(template, scope, input) {
    return template.replace(MUSTACHE, (_whole, triple, body) => {
        if (body === '')
            return '';
        const call = parseCall(body, template, input);
        const entry = Object.hasOwn(scope, call.name) ? scope[call.name] : undefined;
        let value;
        if (typeof entry === 'function') {
            // A bare word argument is a lookup in the scope, as in Handlebars.
            const args = call.args.map((arg) => arg.literal !== undefined
                ? arg.literal
                : display(Object.hasOwn(scope, arg.path) ? scope[arg.path] : undefined) || undefined);
            value = entry(args, call.hash);
        }
        else {
            if (call.args.length > 0 || Object.keys(call.hash).length > 0) {
                throw new errors/* InputError */.dz(input, template, `known expressions (${Object.keys(scope).join(', ')}); {{${call.name}}} takes no arguments`);
            }
            value = display(entry);
        }
        return triple ? value : value.replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);
    });
}
/** True when the pattern is exactly one `{{raw}}` expression (metadata-action's isRawStatement). */
function isRawStatement(pattern) {
    return /^\{\{\s*raw\s*\}\}$/.test(pattern);
}

;// CONCATENATED MODULE: ./src/core/build/pep440.ts
/**
 * PEP 440 versions, as far as metadata-action's `type=pep440` rule needs them: validity, the
 * normalised form, the release segments and the pre/post/dev flags. The grammar is the one
 * PEP 440 gives in its appendix ("Parsing version strings with regular expressions").
 */
const PEP440 = /^\s*v?(?:(?:(?<epoch>[0-9]+)!)?(?<release>[0-9]+(?:\.[0-9]+)*)(?<pre>[-_.]?(?<preL>a|b|c|rc|alpha|beta|pre|preview)[-_.]?(?<preN>[0-9]+)?)?(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?)(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;
function parsePep440(text) {
    const groups = PEP440.exec(text)?.groups;
    if (!groups)
        return undefined;
    const preLabel = groups.preL?.toLowerCase();
    const pre = preLabel
        ? {
            label: (preLabel === 'alpha' ? 'a' : preLabel === 'beta' ? 'b' : ['c', 'pre', 'preview'].includes(preLabel) ? 'rc' : preLabel),
            number: Number(groups.preN ?? 0),
        }
        : undefined;
    const post = groups.post ? Number(groups.postN1 ?? groups.postN2 ?? 0) : undefined;
    return {
        epoch: Number(groups.epoch ?? 0),
        release: groups.release.split('.').map(Number),
        pre,
        post,
        dev: groups.dev ? Number(groups.devN ?? 0) : undefined,
        local: groups.local?.toLowerCase().replace(/[-_]/g, '.'),
    };
}
/** The normalised form (PEP 440 "Normalization"), e.g. `1.1beta2` -> `1.1b2`, `v1.0dev4` -> `1.0.dev4`. */
function normalizePep440(version) {
    return [
        version.epoch ? `${version.epoch}!` : '',
        version.release.join('.'),
        version.pre ? `${version.pre.label}${version.pre.number}` : '',
        version.post !== undefined ? `.post${version.post}` : '',
        version.dev !== undefined ? `.dev${version.dev}` : '',
        version.local ? `+${version.local}` : '',
    ].join('');
}
function isFinalPep440(version) {
    return !version.pre && version.post === undefined && version.dev === undefined;
}

;// CONCATENATED MODULE: ./src/core/build/metadata.ts
/**
 * Tags, labels and annotations exactly as docker/metadata-action computes them (its
 * `images`, `tags`, `flavor`, `labels` and `annotations` inputs), from a git-ref-shaped
 * context that both platforms fill in (see `metadataContext`). Checked against the cases of
 * metadata-action's own `__tests__/meta.test.ts` (test/fixtures/build/metadata-action).
 *
 * Rule types: schedule, semver, pep440, match, edge, ref (event=branch|tag|pr), raw, sha;
 * attributes enable, priority, prefix, suffix, value, pattern, match, group, event, format,
 * branch; `{{…}}` expressions (expression.ts). Rules are applied in priority order
 * (schedule 1000 > semver/pep440 900 > match 800 > edge 700 > ref 600 > raw 200 > sha 100);
 * the first value is the version, and the first rule that yields a value decides `latest`.
 */





const PRIORITY = {
    schedule: 1000,
    semver: 900,
    pep440: 900,
    match: 800,
    edge: 700,
    ref: 600,
    raw: 200,
    sha: 100,
};
const TYPES = Object.keys(PRIORITY);
/** metadata-action's defaults when `tags` is empty. */
const METADATA_ACTION_DEFAULT_TAGS = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
/**
 * Ours: metadata-action's, plus semver tags on release tags and the commit SHA tags (short and
 * long) that make every image addressable by commit and let `skip-existing` find it.
 */
const DEFAULT_TAG_RULES = [
    'type=schedule',
    'type=ref,event=branch',
    'type=ref,event=tag',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=semver,pattern={{major}}',
    'type=sha',
    'type=sha,format=long',
];
/** Splits one line into comma-separated fields; double quotes protect commas ("" is a quote). */
function csvFields(line) {
    const fields = [];
    let current = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
            if (c === '"' && line[i + 1] === '"') {
                current += '"';
                i++;
            }
            else if (c === '"')
                quoted = false;
            else
                current += c;
        }
        else if (c === '"' && current.trim() === '') {
            quoted = true;
            current = '';
        }
        else if (c === ',') {
            fields.push(current);
            current = '';
        }
        else
            current += c;
    }
    fields.push(current);
    return fields;
}
function has(attrs, key) {
    return Object.hasOwn(attrs, key);
}
/** Parses one `tags` line (metadata-action's semantics; a line without `type=` is `type=raw`). */
function parseTagRule(line, input = 'tags') {
    const attrs = {};
    let type;
    for (const field of csvFields(line)) {
        const eq = field.indexOf('=');
        if (eq <= 0) {
            attrs.value = field.trim();
            continue;
        }
        const key = field.slice(0, eq).trim().toLowerCase();
        const value = field.slice(eq + 1).trim();
        if (key === 'type') {
            if (!TYPES.includes(value))
                throw new errors/* InputError */.dz(input, line, `type= one of ${TYPES.join(', ')}`);
            type = value;
        }
        else
            attrs[key] = value;
    }
    type ??= 'raw';
    const need = (key, what) => {
        if (!has(attrs, key))
            throw new errors/* InputError */.dz(input, line, `${what} (type=${type} needs ${key}=)`);
    };
    switch (type) {
        case 'schedule':
            if (!has(attrs, 'pattern'))
                attrs.pattern = 'nightly';
            break;
        case 'semver':
        case 'pep440':
            need('pattern', 'a pattern such as pattern={{version}}');
            attrs.value ??= '';
            attrs.match ??= '';
            break;
        case 'match':
            need('pattern', 'a regular expression such as pattern=\\d.\\d');
            attrs.group ??= '0';
            if (Number.isNaN(Number(attrs.group)))
                throw new errors/* InputError */.dz(input, line, 'group= a capture group number');
            attrs.value ??= '';
            break;
        case 'edge':
            attrs.branch ??= '';
            break;
        case 'ref':
            need('event', 'event=branch, event=tag or event=pr');
            if (!['branch', 'tag', 'pr'].includes(attrs.event))
                throw new errors/* InputError */.dz(input, line, 'event=branch, event=tag or event=pr');
            if (attrs.event === 'pr' && !has(attrs, 'prefix'))
                attrs.prefix = 'pr-';
            break;
        case 'raw':
            need('value', 'a value, as in type=raw,value=edge');
            break;
        case 'sha':
            if (!has(attrs, 'prefix'))
                attrs.prefix = 'sha-';
            attrs.format ??= 'short';
            if (attrs.format !== 'short' && attrs.format !== 'long')
                throw new errors/* InputError */.dz(input, line, 'format=short or format=long');
            break;
    }
    attrs.enable ??= 'true';
    const priority = has(attrs, 'priority') ? Number(attrs.priority) : PRIORITY[type];
    if (Number.isNaN(priority))
        throw new errors/* InputError */.dz(input, line, 'priority= a number');
    return { type, attrs, priority, line };
}
/** All `tags` lines (metadata-action's defaults when none), sorted by priority; equal priorities keep their order. */
function parseTagRules(lines, input = 'tags') {
    const source = lines.length > 0 ? lines : METADATA_ACTION_DEFAULT_TAGS;
    return source.map((line) => parseTagRule(line, input)).sort((a, b) => b.priority - a.priority);
}
function parseFlavor(lines, input = 'flavor') {
    const flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
    for (const line of lines) {
        let onLatestFor = '';
        for (const field of csvFields(line)) {
            const parts = field.split('=').map((part) => part.trim());
            if (parts.length === 1)
                throw new errors/* InputError */.dz(input, line, 'key=value entries: latest=, prefix=, suffix=, onlatest=');
            const key = parts[0].toLowerCase();
            const value = parts[1];
            if (key === 'latest') {
                if (value !== 'auto' && value !== 'true' && value !== 'false')
                    throw new errors/* InputError */.dz(input, line, 'latest=auto, latest=true or latest=false');
                flavor.latest = value;
            }
            else if (key === 'prefix' || key === 'suffix') {
                flavor[key] = value;
                onLatestFor = key;
            }
            else if (key === 'onlatest') {
                if (value !== 'true' && value !== 'false')
                    throw new errors/* InputError */.dz(input, line, 'onlatest=true or onlatest=false');
                if (onLatestFor === 'prefix')
                    flavor.prefixLatest = value === 'true';
                if (onLatestFor === 'suffix')
                    flavor.suffixLatest = value === 'true';
            }
            else
                throw new errors/* InputError */.dz(input, line, 'latest=, prefix=, suffix= or onlatest= entries');
        }
    }
    return flavor;
}
/** The `images` lines: `name` or `name=…,enable=true|false` (lower-cased, as metadata-action does). */
function parseImageNames(lines, input = 'images') {
    const images = [];
    for (const line of lines) {
        const image = { name: '', enable: true };
        const fields = csvFields(line);
        // One line of plain names is a comma-separated list.
        if (lines.length === 1 && fields.every((field) => !field.includes('='))) {
            return fields
                .map((field) => field.trim())
                .filter(Boolean)
                .map((name) => ({ name: name.toLowerCase(), enable: true }));
        }
        for (const field of fields) {
            const parts = field.split('=').map((part) => part.trim());
            if (parts.length === 1)
                image.name = parts[0];
            else if (parts[0]?.toLowerCase() === 'name')
                image.name = parts[1];
            else if (parts[0]?.toLowerCase() === 'enable') {
                if (parts[1] !== 'true' && parts[1] !== 'false')
                    throw new InputError(input, line, 'enable=true or enable=false');
                image.enable = parts[1] === 'true';
            }
            else
                throw new InputError(input, line, 'name= and enable= attributes');
        }
        if (!image.name)
            throw new InputError(input, line, 'an image name');
        images.push({ ...image, name: image.name.toLowerCase() });
    }
    return images;
}
/** metadata-action's sanitising: runs of characters outside [A-Za-z0-9._-] become one `-`; case is kept. */
function sanitizeTag(value) {
    return value.replace(/[^a-zA-Z0-9._-]+/g, '-');
}
const strip = (ref, prefix) => (ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined);
function dateHelper(date, input) {
    return (args, hash) => {
        for (const key of Object.keys(hash))
            if (key !== 'tz')
                throw new errors/* InputError */.dz(input, `${key}=`, "only tz='<IANA zone>' as a date attribute");
        return formatDate(date, args[0], hash.tz ?? 'UTC', input);
    };
}
class Engine {
    context;
    options;
    constructor(context, options) {
        this.context = context;
        this.options = options;
    }
    shortSha() {
        const length = this.options.shortShaLength ?? 7;
        return length >= this.context.sha.length ? this.context.sha : this.context.sha.slice(0, length);
    }
    isDefaultBranch() {
        const { ref, eventName, defaultBranch } = this.context;
        const branch = ref.replace(/^refs\/heads\//, '');
        if (!branch)
            return false;
        if (defaultBranch === branch)
            return true;
        // These events always run for the last commit of the default branch (GitHub's docs).
        return /create|discussion|issues|schedule/.test(eventName);
    }
    /** The expressions every attribute may use. */
    globalScope(input) {
        const { ref, baseRef } = this.context;
        return {
            branch: () => strip(ref, 'refs/heads/') ?? '',
            tag: () => strip(ref, 'refs/tags/') ?? '',
            sha: () => this.shortSha(),
            base_ref: () => {
                if (ref.startsWith('refs/tags/') && baseRef)
                    return baseRef.replace(/^refs\/heads\//, '');
                if (ref.startsWith('refs/pull/') && baseRef)
                    return baseRef;
                return '';
            },
            is_default_branch: () => String(this.isDefaultBranch()),
            is_not_default_branch: () => String(!this.isDefaultBranch()),
            date: dateHelper(this.context.now, input),
            commit_date: dateHelper(this.context.commitDate, input),
        };
    }
    global(template, input = 'tags') {
        return renderExpression(template, this.globalScope(input), input);
    }
    withAffixes(value, rule) {
        const { flavor } = this.options;
        const prefix = has(rule.attrs, 'prefix')
            ? this.global(rule.attrs.prefix)
            : flavor.prefix
                ? this.global(flavor.prefix, 'flavor')
                : '';
        const suffix = has(rule.attrs, 'suffix')
            ? this.global(rule.attrs.suffix)
            : flavor.suffix
                ? this.global(flavor.suffix, 'flavor')
                : '';
        return `${prefix}${value}${suffix}`;
    }
    latestFor(autoValue) {
        const { latest } = this.options.flavor;
        return latest === 'auto' ? autoValue : latest === 'true';
    }
    /** The version source of semver/pep440/match rules: `value=`, else the git tag; undefined when neither. */
    versionSource(rule) {
        if (rule.attrs.value)
            return this.global(rule.attrs.value);
        return strip(this.context.ref, 'refs/tags/');
    }
    applyMatch(raw, rule) {
        if (!rule.attrs.match)
            return raw;
        const found = raw.match(new RegExp(rule.attrs.match));
        if (!found) {
            this.options.warn?.(`${rule.attrs.match} does not match ${raw}.`);
            return raw;
        }
        return found[1];
    }
    /** The value one rule yields (before sanitising) and its `latest` vote, or undefined. */
    evaluate(rule) {
        const { ref, eventName, sha } = this.context;
        const a = rule.attrs;
        switch (rule.type) {
            case 'schedule': {
                if (!/schedule/.test(eventName))
                    return undefined;
                const scope = { date: dateHelper(this.context.now, 'tags'), commit_date: dateHelper(this.context.commitDate, 'tags') };
                return { value: this.withAffixes(renderExpression(a.pattern, scope, 'tags'), rule), latest: this.latestFor(false) };
            }
            case 'semver': {
                const source = this.versionSource(rule);
                if (source === undefined)
                    return undefined;
                const raw = this.applyMatch(source, rule).replace(/\//g, '-');
                if (!semver_default().valid(raw)) {
                    this.options.warn?.(`${raw} is not a valid semver. More info: https://semver.org/`);
                    return undefined;
                }
                const parsed = semver_default().parse(raw, { loose: true });
                const scope = {
                    raw: parsed.raw,
                    version: parsed.version,
                    major: parsed.major,
                    minor: parsed.minor,
                    patch: parsed.patch,
                    prerelease: parsed.prerelease.map(String),
                    build: parsed.build,
                };
                const prerelease = parsed.prerelease.length > 0;
                const pattern = prerelease && !isRawStatement(a.pattern) ? '{{version}}' : a.pattern;
                return { value: this.withAffixes(renderExpression(pattern, scope, 'tags'), rule), latest: this.latestFor(!prerelease) };
            }
            case 'pep440': {
                const source = this.versionSource(rule);
                if (source === undefined)
                    return undefined;
                const raw = this.applyMatch(source, rule).replace(/\//g, '-');
                const parsed = parsePep440(raw);
                if (!parsed) {
                    this.options.warn?.(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
                    return undefined;
                }
                if (!isFinalPep440(parsed)) {
                    const value = isRawStatement(a.pattern) ? raw : normalizePep440(parsed);
                    return { value: this.withAffixes(value, rule), latest: this.latestFor(false) };
                }
                const scope = {
                    raw: () => raw,
                    version: () => normalizePep440(parsed),
                    major: () => String(parsed.release[0] ?? 0),
                    minor: () => String(parsed.release[1] ?? 0),
                    patch: () => String(parsed.release[2] ?? 0),
                };
                return { value: this.withAffixes(renderExpression(a.pattern, scope, 'tags'), rule), latest: this.latestFor(true) };
            }
            case 'match': {
                const source = this.versionSource(rule);
                if (source === undefined)
                    return undefined;
                const literal = /^\/(.+)\/(.*)$/.exec(a.pattern);
                let found;
                try {
                    found = literal ? source.match(new RegExp(literal[1], literal[2])) : source.match(new RegExp(a.pattern));
                }
                catch {
                    throw new errors/* InputError */.dz('tags', rule.line, 'a valid regular expression in pattern=');
                }
                if (!found) {
                    this.options.warn?.(`${a.pattern} does not match ${source}.`);
                    return undefined;
                }
                const group = found[Number(a.group)];
                if (group === undefined) {
                    this.options.warn?.(`Group ${a.group} does not exist for ${a.pattern} pattern.`);
                    return undefined;
                }
                return { value: this.withAffixes(group, rule), latest: this.latestFor(true) };
            }
            case 'ref': {
                if (a.event === 'branch') {
                    const branch = strip(ref, 'refs/heads/');
                    return branch === undefined ? undefined : { value: this.withAffixes(branch, rule), latest: this.latestFor(false) };
                }
                if (a.event === 'tag') {
                    const tag = strip(ref, 'refs/tags/');
                    return tag === undefined ? undefined : { value: this.withAffixes(tag, rule), latest: this.latestFor(true) };
                }
                const pull = strip(ref, 'refs/pull/');
                return pull === undefined
                    ? undefined
                    : { value: this.withAffixes(pull.replace(/\/merge$/, ''), rule), latest: this.latestFor(false) };
            }
            case 'edge': {
                const branch = strip(ref, 'refs/heads/');
                if (branch === undefined || (a.branch || this.context.defaultBranch) !== branch)
                    return undefined;
                return { value: this.withAffixes('edge', rule), latest: this.latestFor(false) };
            }
            case 'raw':
                return { value: this.withAffixes(this.global(a.value), rule), latest: this.latestFor(false) };
            case 'sha':
                if (!sha)
                    return undefined;
                return { value: this.withAffixes(a.format === 'long' ? sha : this.shortSha(), rule), latest: this.latestFor(false) };
        }
    }
}
function ociEntries(engine, options, context, version, extra, input) {
    const repo = options.repository;
    const entries = [
        `org.opencontainers.image.title=${repo.name ?? ''}`,
        `org.opencontainers.image.description=${repo.description ?? ''}`,
        `org.opencontainers.image.url=${repo.url ?? ''}`,
        `org.opencontainers.image.source=${repo.url ?? ''}`,
        `org.opencontainers.image.version=${version.main ?? ''}`,
        `org.opencontainers.image.created=${context.now.toISOString()}`,
        `org.opencontainers.image.revision=${context.sha}`,
        `org.opencontainers.image.licenses=${repo.license ?? ''}`,
        ...extra.map((line) => engine.global(line, input)),
    ];
    const byKey = new Map();
    for (const entry of entries) {
        const eq = entry.indexOf('=');
        if (eq < 0)
            continue; // metadata-action drops an entry without a value
        byKey.set(entry.slice(0, eq), entry.slice(eq + 1));
    }
    return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`);
}
function computeMetadata(options, context) {
    const engine = new Engine(context, options);
    const version = { partial: [] };
    let shortTag;
    let longTag;
    for (const rule of options.rules) {
        const enabled = engine.global(rule.attrs.enable);
        if (enabled !== 'true' && enabled !== 'false')
            throw new errors/* InputError */.dz('tags', rule.line, 'enable= true, false or an expression giving one of them');
        if (enabled === 'false')
            continue;
        const result = engine.evaluate(rule);
        if (!result || result.value === '')
            continue;
        const value = sanitizeTag(result.value);
        if (version.main === undefined)
            version.main = value;
        else if (value !== version.main)
            version.partial.push(value);
        version.latest ??= result.latest;
        if (rule.type === 'sha') {
            if (rule.attrs.format === 'long')
                longTag ??= value;
            else
                shortTag ??= value;
        }
    }
    const resolved = { main: version.main, partial: [...new Set(version.partial)], latest: version.latest ?? false };
    const { flavor } = options;
    const tagNames = resolved.main
        ? [
            resolved.main,
            ...resolved.partial,
            ...(resolved.latest
                ? [sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`)]
                : []),
        ]
        : [];
    const images = options.images.filter((image) => image.enable).map((image) => image.name);
    const tags = images.length > 0 ? images.flatMap((image) => tagNames.map((tag) => `${image}:${tag}`)) : [...tagNames];
    return {
        version: resolved,
        tags,
        tagNames,
        labels: ociEntries(engine, options, context, resolved, options.labels ?? [], 'labels'),
        annotations: ociEntries(engine, options, context, resolved, options.annotations ?? options.labels ?? [], 'annotations'),
        commitTag: longTag ?? shortTag,
    };
}
/**
 * The metadata-action context of a normalised CI event: the ref it would see on GitHub, and on
 * GitLab the same situation's GitHub twin (a merge request is refs/pull/<iid>/merge, a tag
 * pipeline a tag push, web/API/trigger pipelines a workflow_dispatch, a schedule a schedule).
 */
function metadataContext(event, facts) {
    const ref = event.tag
        ? `refs/tags/${event.tag}`
        : event.pullRequest
            ? `refs/pull/${event.pullRequest.number}/merge`
            : event.branch
                ? `refs/heads/${event.branch}`
                : '';
    return {
        eventName: githubEventName(event),
        ref,
        sha: facts.sha,
        commitDate: facts.commitDate,
        now: facts.now,
        defaultBranch: event.defaultBranch,
        baseRef: facts.baseRef ?? event.pullRequest?.baseRef,
    };
}
/** GitLab pipeline sources named as the GitHub event of the same situation; GitHub's names pass through. */
const GITHUB_TWINS = {
    merge_request_event: 'pull_request',
    external_pull_request_event: 'pull_request',
    web: 'workflow_dispatch',
    api: 'workflow_dispatch',
    trigger: 'workflow_dispatch',
    pipeline: 'workflow_dispatch',
    parent_pipeline: 'workflow_dispatch',
    chat: 'workflow_dispatch',
};
function githubEventName(event) {
    if (event.kind === 'schedule')
        return 'schedule';
    return GITHUB_TWINS[event.source] ?? event.source;
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/build.ts














const BUILDERS = ['auto', 'buildx', 'buildah'];
const CACHES = ['registry', 'gha', 'none'];
const LATEST = ['false', 'true', 'auto', 'default-branch'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ID = /^[A-Za-z0-9_.-]+$/;
const BUILD_ARG = /^[A-Za-z_][A-Za-z0-9_]*$/;
function dependencyCacheFor(reader, workspace, service, platforms) {
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
    description: 'Build one service image with buildx or buildah, tagged and labelled like docker/metadata-action, cached per service and platform, pushed, and skipped when the commit is already built.',
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
            description: "Image name without tag, e.g. registry.example.com:5000/team/api; then `tags` holds metadata-action rules. Without it, `tags` holds build-push-action's full references (registry/repo:tag, one repository).",
        },
        service: {
            description: 'Service name (detect matrix `service`): cache scope and title label; the last path part of the image by default.',
        },
        tags: {
            description: "Tag rules exactly as docker/metadata-action takes them, one per line: type=schedule|semver|pep440|match|edge|ref|raw|sha with enable, priority, prefix, suffix, value, pattern, match, group, event, format and {{…}} expressions ({{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{date 'YYYYMMDD' tz='…'}}, {{commit_date …}}); a line without type= is a raw tag. Our default adds semver and commit SHA tags to metadata-action's default (schedule, branch, tag, pr).",
            default: DEFAULT_TAG_RULES.join('\n'),
        },
        flavor: { description: "metadata-action's flavor lines: latest=auto|true|false, prefix=…[,onlatest=true], suffix=…[,onlatest=true]." },
        latest: {
            description: "Shorthand for flavor latest= ('auto': the highest-priority matching rule decides, as metadata-action; 'true', 'false'), or 'default-branch' (latest on the default branch only). flavor wins when it sets latest.",
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
            description: "Hex digits of the short SHA in {{sha}} and type=sha tags; by default the platform's short SHA: 8 on GitLab (CI_COMMIT_SHORT_SHA), 7 elsewhere (docker/metadata-action).",
        },
        'pr-head-sha': {
            description: "On pull requests, tag and label the PR head instead of the commit checked out (metadata-action's DOCKER_METADATA_PR_HEAD_SHA); refused unless the workspace has the PR head checked out, so an image is never labelled with a commit it was not built from.",
            default: 'false',
        },
        title: { description: 'org.opencontainers.image.title (metadata-action: the repository name); the service name by default.' },
        'image-description': { description: 'org.opencontainers.image.description (metadata-action: the repository description).' },
        licenses: { description: 'org.opencontainers.image.licenses, an SPDX expression (metadata-action: the repository license).' },
        platforms: {
            description: 'Target platforms, comma-separated or one per line (linux/amd64, linux/arm64, …); the native one by default.',
        },
        push: {
            description: "Push to the registry ('true'/'false'). Unset, it is 'true' (a GitOps pipeline builds to deploy; build-push-action's default is false) — except with load: true, where, as in build-push-action, the image is only kept locally.",
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
            description: "build-push-action's secrets: one id=value per line; each value is masked and handed to the builder in a private file, never argv.",
            secret: true,
        },
        ssh: { description: "SSH agent sockets or keys for RUN --mount=type=ssh, one per line ('default' or id=path)." },
        'build-contexts': {
            description: 'Additional named build contexts, one name=path|docker-image://ref per line (a monorepo service gets the shared library this way); paths are resolved in the workspace.',
        },
        'no-cache': { description: 'Build without the builder cache.', default: 'false' },
        pull: { description: 'Always pull the base images.', default: 'false' },
        load: {
            description: "build-push-action's load: keep the image in the local store; with push: false it is (buildah always keeps it; buildx --load).",
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
            description: 'Lockfiles (paths or globs, e.g. package-lock.json, **/go.sum) whose contents, with the service and platforms, make the cache key aegis-deps-<service>-<platforms>-<hash>; on a miss the newest cache with the same service and platforms is restored. Files inside the cached directories and .git do not count.',
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
            description: "'true' when the dependency cache was restored from its exact key, 'false' on a miss or a fallback to an older cache; empty where the job does not cache itself (GitLab's runner logs its own hit) or none is configured.",
        },
    },
};
function keyValues(lines, input, key, expected) {
    return lines.map((line) => {
        const eq = line.indexOf('=');
        const name = line.slice(0, eq);
        if (eq <= 0 || !key.test(name))
            throw new errors/* InputError */.dz(input, line, expected);
        return [name, line.slice(eq + 1)];
    });
}
function existing(path, input, value, kind) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new errors/* InputError */.dz(input, value, `an existing ${kind} inside the workspace`, `${path} does not exist`);
    const stat = (0,external_node_fs_.statSync)(path);
    if (kind === 'directory' ? !stat.isDirectory() : !stat.isFile())
        throw new errors/* InputError */.dz(input, value, `a ${kind}`, `${path} is not one`);
    return path;
}
/** The given credentials are for the image's registry only; a cache on another host gets the platform's, if any. */
function credentialsFor(imageRegistry, cacheRegistry, explicit, platform) {
    const result = new Map();
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
function parseBuildInputs(reader, platform, event, checkout, now = new Date()) {
    const workspace = platform.workspace;
    const contextValue = reader.string('context');
    const context = existing(reader.path('context', workspace), 'context', contextValue, 'directory');
    const dockerfileInput = dockerfileInputOf(reader);
    const dockerfileValue = reader.string(dockerfileInput);
    const dockerfile = dockerfileValue
        ? existing(reader.path(dockerfileInput, workspace), dockerfileInput, dockerfileValue, 'file')
        : existing((0,external_node_path_.join)(context, 'Dockerfile'), 'dockerfile', (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(context, 'Dockerfile')), 'file');
    const { image, references } = imageOf(reader);
    const service = reader.optional('service') ?? (0,external_node_path_.basename)(image.repository);
    const { rules, flavor } = references ? { rules: parseTagRules(references), flavor: parseFlavor(['latest=false']) } : tagRulesOf(reader);
    const labelLines = reader.lines('labels');
    keyValues(labelLines, 'labels', /^[^\s=]+$/, 'one key=value per line');
    const platforms = parsePlatforms(reader.list('platforms'), 'platforms');
    const cache = reader.choice('cache', CACHES);
    const cacheRepository = reader.optional('cache-ref') ?? defaultCacheRepository(image);
    const cacheRegistry = (0,images_reference/* parseImageName */["if"])(cacheRepository, 'cache-ref').registry;
    const cacheScope = reader.optional('cache-scope');
    if (cacheScope !== undefined && !/^[A-Za-z0-9_.-]+$/.test(cacheScope))
        throw new errors/* InputError */.dz('cache-scope', cacheScope, 'letters, digits, _ . -');
    const secrets = [
        ...keyValues(reader.lines('secret-files'), 'secret-files', SECRET_ID, 'one id=path per line').map(([id, path]) => ({
            id,
            file: existing((0,core_paths/* resolveInside */.LI)(workspace, path, 'secret-files'), 'secret-files', path, 'file'),
        })),
        ...keyValues(reader.lines('secret-envs'), 'secret-envs', SECRET_ID, 'one id=VARIABLE per line').map(([id, variable]) => {
            if (!ENV_NAME.test(variable))
                throw new errors/* InputError */.dz('secret-envs', `${id}=${variable}`, 'id=VARIABLE with an environment variable name');
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
        throw new errors/* InputError */.dz('provenance', provenance, "'false', 'true', 'mode=min' or 'mode=max'");
    }
    const explicit = (0,shared/* parseRegistryCredentials */.ZX)(reader);
    const buildah = {
        root: reader.optional('buildah-root'),
        runroot: reader.optional('buildah-runroot'),
        driver: reader.optional('buildah-storage-driver'),
        isolation: reader.choice('buildah-isolation', ['chroot', 'oci', 'rootless']),
    };
    const revision = revisionOf(event, checkout, reader.boolean('pr-head-sha'));
    const metadata = computeMetadata({
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
    }, metadataContext(event, { sha: revision ?? '', commitDate: checkout.commitDate ?? now, now }));
    const invalid = metadata.tagNames.find((tag) => !images_reference/* TAG_RE */.PP.test(tag));
    if (invalid !== undefined) {
        throw new errors/* InputError */.dz('tags', reader.string('tags'), 'rules whose tags are valid (letters, digits, _ . -, not starting with . or -, at most 128)', `they give '${invalid}'`);
    }
    const labels = Object.fromEntries(metadata.labels
        .map((label) => [label.slice(0, label.indexOf('=')), label.slice(label.indexOf('=') + 1)])
        .filter(([, value]) => value !== ''));
    if (metadata.tagNames.length === 0) {
        throw new errors/* InputError */.dz('tags', reader.string('tags'), 'rules that yield at least one tag for this event', `nothing applies to this ${event.source} event${revision ? '' : ' without a commit SHA'}`);
    }
    const push = reader.string('push') === '' ? !reader.boolean('load') : reader.boolean('push');
    if (!push && platforms.length > 1) {
        throw new errors/* InputError */.dz('push', 'false', "'true' when building several platforms", 'a multi-platform image (manifest list) cannot be kept in the local image store; build one platform to keep it locally');
    }
    const skipExisting = reader.boolean('skip-existing');
    if (skipExisting && !metadata.commitTag) {
        throw new errors/* InputError */.dz('skip-existing', 'true', "a 'type=sha' rule in 'tags' and a commit SHA", 'nothing names the commit in the registry');
    }
    const request = {
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
        throw new errors/* InputError */.dz('outputs', passThrough.outputs.join('\n'), "outputs with push: 'false' (outputs replace the push)");
    }
    return {
        request,
        builder: reader.choice('builder', BUILDERS),
        metadata,
        separators: { tags: separatorOf(reader.string('sep-tags')), labels: separatorOf(reader.string('sep-labels')) },
    };
}
function dependencyRow(plan, result) {
    const outcome = result.dependencies;
    const state = outcome?.hit === undefined
        ? 'mounted; restored and saved outside the job (GitLab cache:) or not at all'
        : outcome.hit
            ? 'hit'
            : outcome.matchedKey
                ? `restored from ${(0,markdown/* code */.aY)(outcome.matchedKey).text}`
                : 'miss';
    const saved = outcome?.saved ? ', saved' : '';
    return ['Dependency cache', (0,markdown/* markup */.PT)(`${(0,markdown/* code */.aY)(plan.key).text} (${(0,markdown/* inlineText */.ln)(plan.keyFiles.join(', '))}): ${state}${saved}`)];
}
function buildSummary(options, result) {
    const { request } = options;
    const rows = [
        ['Image', (0,markdown/* code */.aY)(result.image)],
        ['Digest', result.digest ? (0,markdown/* code */.aY)(result.digest) : '—'],
        ['Tags', (0,markdown/* markup */.PT)(result.tags.map((tag) => (0,markdown/* code */.aY)(tag).text).join(' '))],
        ['Platforms', request.platforms.join(', ') || 'native'],
        ['Builder', result.skipped ? '— (skipped)' : (result.builder ?? '')],
        ['Cache', request.cache === 'none' ? 'none' : `${request.cache} (${result.cacheHit ? 'hit' : 'miss'})`],
        ...(request.dependencyCache ? [dependencyRow(request.dependencyCache, result)] : []),
        ['Skipped', result.skipped ? (0,markdown/* markup */.PT)(`yes: ${(0,markdown/* code */.aY)(`${(0,images_reference/* formatName */.nD)(request.image)}:${request.commitTag}`).text} exists`) : 'no'],
        ['Pushed', result.pushed ? 'yes' : 'no'],
        ['Revision', (0,markdown/* code */.aY)(request.labels['org.opencontainers.image.revision'] ?? '—')],
        ['Duration', (0,duration/* formatSeconds */.Xo)(result.durationMs)],
    ];
    return `## Build ${request.service}\n\n${(0,markdown/* markdownTable */.Qj)(['', ''], rows)}\n`;
}
async function checkoutFacts(cwd) {
    const git = new git_git/* Git */.TU(cwd);
    const head = await git.resolveCommit('HEAD').catch(() => undefined);
    return { head, commitDate: head ? await git.commitDate(head).catch(() => undefined) : undefined };
}
/**
 * The commit tags and labels name: the one checked out (on GitHub pull requests that is the
 * merge commit actions/checkout builds, as metadata-action uses GITHUB_SHA), else the event's.
 * `pr-head-sha` names the PR head, and only when it is what is checked out.
 */
function revisionOf(event, checkout, prHead) {
    const prHeadSha = event.pullRequest?.headSha;
    if (prHead && prHeadSha) {
        if (checkout.head && checkout.head !== prHeadSha) {
            throw new errors/* InputError */.dz('pr-head-sha', 'true', 
            // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
            'false, or a checkout of the pull request head (actions/checkout with ref: ${{ github.event.pull_request.head.sha }})', `the workspace has ${checkout.head.slice(0, 12)} checked out, not the PR head ${prHeadSha.slice(0, 12)}: the image would be labelled with a commit it was not built from`);
        }
        return prHeadSha;
    }
    return checkout.head ?? event.head;
}
/**
 * `image` + metadata-action rules, or (build-push-action's form) no `image` and `tags` of full
 * references, all of one repository; the references' tags become raw rules.
 */
function imageOf(reader) {
    const name = reader.optional('image');
    if (name !== undefined)
        return { image: (0,images_reference/* parseImageName */["if"])(name, 'image') };
    const lines = reader
        .lines('tags')
        .flatMap((line) => line.split(','))
        .map((line) => line.trim())
        .filter(Boolean);
    if (lines.length === 0 || lines.some((line) => line.includes('='))) {
        throw new errors/* InputError */.dz('image', '', "an image name, or `tags` of full references such as registry.example.com/team/api:1.0 (build-push-action's form)");
    }
    const parsed = lines.map((line) => (0,images_reference/* parseImageReference */.o_)(line, 'tags'));
    const repositories = new Set(parsed.map((reference) => (0,images_reference/* formatName */.nD)(reference)));
    if (repositories.size > 1 || parsed.some((reference) => reference.tag === undefined || reference.digest !== undefined)) {
        throw new errors/* InputError */.dz('tags', lines.join(','), 'references of one repository, each with a tag and no digest (one build per repository; push to other registries with a second build step using skip-existing, or copy with skopeo)');
    }
    const first = parsed[0];
    return {
        image: { registry: first.registry, repository: first.repository },
        references: parsed.map((reference) => reference.tag),
    };
}
/** The explicit `annotations` lines; metadata-action's default (the labels) is not sent to the builder. */
function metadataAnnotations(reader) {
    return reader.lines('annotations');
}
function passThroughOf(reader, workspace, annotations) {
    const buildContexts = reader.lines('build-contexts').map((line) => {
        const eq = line.indexOf('=');
        const name = line.slice(0, eq);
        const value = line.slice(eq + 1);
        if (eq <= 0 || !/^[A-Za-z0-9][A-Za-z0-9_.:/-]*$/.test(name) || value === '') {
            throw new errors/* InputError */.dz('build-contexts', line, 'one name=path or name=docker-image://ref per line');
        }
        // A URL-like value (docker-image://, oci-layout://, https://) goes as it is; a path stays in the workspace.
        if (/^[a-z][a-z0-9+.-]*:\/\//.test(value))
            return line;
        return `${name}=${existing((0,core_paths/* resolveInside */.LI)(workspace, value, 'build-contexts'), 'build-contexts', value, 'directory')}`;
    });
    const ssh = reader.lines('ssh');
    for (const line of ssh)
        if (!/^(default|[A-Za-z0-9_.-]+(=[^,\s]+(,[^,\s]+)*)?)$/.test(line))
            throw new errors/* InputError */.dz('ssh', line, "'default' or id=path per line");
    const outputs = reader.lines('outputs');
    for (const line of outputs)
        if (!/^type=[a-z]+(,[a-z-]+=[^,]*)*$/.test(line))
            throw new errors/* InputError */.dz('outputs', line, 'type=local,dest=<dir> (and the other --output forms)');
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
function dockerfileInputOf(reader) {
    const file = reader.optional('file');
    const dockerfile = reader.optional('dockerfile');
    if (file !== undefined && dockerfile !== undefined && file !== dockerfile) {
        throw new errors/* InputError */.dz('file', file, "one of 'file' and 'dockerfile' (they are the same input)", `dockerfile is also set to ${dockerfile}`);
    }
    return file !== undefined ? 'file' : 'dockerfile';
}
/** tags + flavor, with the `latest` shorthand folded in (flavor's own latest= wins). */
function tagRulesOf(reader) {
    const flavorLines = reader.lines('flavor');
    const flavor = parseFlavor(flavorLines);
    const rules = parseTagRules(reader.lines('tags'));
    if (flavorLines.some((line) => /(^|,)\s*latest\s*=/.test(line)))
        return { rules, flavor };
    const latest = reader.choice('latest', LATEST);
    if (latest === 'default-branch') {
        return {
            rules: [...rules, parseTagRule('type=raw,value=latest,enable={{is_default_branch}}')],
            flavor: { ...flavor, latest: 'false' },
        };
    }
    return { rules, flavor: { ...flavor, latest } };
}
function planBuild(options) {
    const { request } = options;
    return {
        options,
        summary: `Plan: ${(0,images_reference/* formatName */.nD)(request.image)} tags ${request.tags.join(', ')}; platforms ${request.platforms.join(', ') || 'native'}; cache ${request.cache}; push ${request.push}; skip-existing ${request.skipExisting}.`,
    };
}
/** Builds (or finds) the image; `dependencies` lets tests replace the process runner or fetch. */
async function build_executeBuild(plan, platform, dependencies = {}) {
    const { request, builder } = plan.options;
    platform.log.info(plan.summary);
    const dependencyCache = request.dependencyCache ? await platform.cache() : undefined;
    const result = await executeBuild(request, builder, {
        log: platform.log,
        env: platform.environment(),
        dependencyCache,
        tempDir: platform.tempDir,
        ...dependencies,
    });
    return { ...result, plan };
}
async function reportBuild(result, platform) {
    const { options } = result.plan;
    const { request, metadata, separators } = options;
    const name = (0,images_reference/* formatName */.nD)(request.image);
    const versionTag = metadata.version.main ?? request.tags[0];
    // name:tag@digest, so the next stage can write both the tag and the digest.
    platform.setOutput('image', result.digest && (result.pushed || result.skipped) ? `${name}:${versionTag}@${result.digest}` : result.image);
    platform.setOutput('digest', result.digest);
    platform.setOutput('tags', result.tags.map((tag) => `${name}:${tag}`).join(separators.tags));
    platform.setOutput('labels', Object.entries(request.labels)
        .map(([key, value]) => `${key}=${value}`)
        .join(separators.labels));
    platform.setOutput('version', metadata.version.main ?? '');
    platform.setOutput('imageid', result.digest);
    platform.setOutput('metadata', JSON.stringify({ 'containerimage.digest': result.digest, 'image.name': result.tags.map((tag) => `${name}:${tag}`).join(',') }));
    platform.setOutput('skipped', String(result.skipped));
    platform.setOutput('cache-hit', String(result.cacheHit));
    platform.setOutput('dependency-cache-hit', result.dependencies?.hit === undefined ? '' : String(result.dependencies.hit));
    await platform.summary(buildSummary(options, result));
}
/** Separators as given in YAML: a literal `\n` (two characters) means a newline, as in metadata-action's docs. */
function separatorOf(value) {
    if (value === '')
        return '\n';
    return value.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
}
// The module shape of every stage (src/stages/module.ts).

const parse = async (reader, platform) => parseBuildInputs(reader, platform, platform.event(), await checkoutFacts(platform.workspace));



/***/ }),

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ assertForgeRepository),
/* harmony export */   Eh: () => (/* binding */ parseRegistryLogin),
/* harmony export */   PG: () => (/* binding */ writeRootFor),
/* harmony export */   ZX: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   aZ: () => (/* binding */ parseIdentity)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6107);



/**
 * The directory a stage file must stay inside, for `ensureDirectoryInside` / `writeFileSafely`:
 * the workspace or the input root holding it (RUNNER_TEMP, `--output-dir`), else the directory
 * the platform made its output directory in. A symlink under it that leads out is then refused.
 */
function writeRootFor(platform, path) {
    const root = [platform.workspace, ...platform.inputRoots].find((dir) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(dir, path));
    if (root)
        return root;
    const own = platform.outputDir();
    if ((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(own, path))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(own);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .FileError */ .f6(path, `refusing to write outside ${platform.workspace}`);
}
/** `registry-username` and `registry-password`, which only make sense together. */
function parseRegistryCredentials(reader) {
    const username = reader.optional('registry-username');
    const password = reader.optional('registry-password');
    if ((username === undefined) !== (password === undefined)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(username ? 'registry-password' : 'registry-username', '', 'a value: registry-username and registry-password go together');
    }
    return username && password ? { username, password } : undefined;
}
/**
 * The registry the `registry-username`/`registry-password` pair is for: the `registry` input,
 * else `defaultRegistry` (the host of the image they were given with). They are sent to that
 * host only; a stage that reads images from several registries has no default.
 */
function parseRegistryLogin(reader, defaultRegistry) {
    const credentials = parseRegistryCredentials(reader);
    const registry = reader.optional('registry')?.toLowerCase();
    if (registry !== undefined && !/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(registry)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('registry', registry, 'a registry host such as ghcr.io or registry.example.com:5000 (no scheme, no path)');
    }
    if (!credentials)
        return undefined;
    const host = registry ?? defaultRegistry?.toLowerCase();
    if (!host) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('registry', '', 'the registry host registry-username/registry-password are for (e.g. ghcr.io)', 'they are sent to that host only');
    }
    return { registry: host, credentials };
}
/**
 * A repository path on a forge: `owner/name` (GitHub), or `group/sub/project` when `nested`.
 * Segments of letters, digits, `.`, `_` and `-`, never `.` or `..` (which would walk the API path).
 */
function assertForgeRepository(input, value, nested = false) {
    const segments = value.split('/');
    const valid = segments.length >= 2 &&
        (nested || segments.length === 2) &&
        segments.every((segment) => /^[\w.-]+$/.test(segment) && segment !== '.' && segment !== '..');
    if (!valid)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, nested ? 'a project path such as group/project or owner/name' : 'owner/name');
}
/** "Name <email>" as git writes it. */
function parseIdentity(input, value) {
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
    if (!match)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, 'an identity in the form "Name <email@example.com>"');
    return { name: match[1], email: match[2] };
}


/***/ })

};

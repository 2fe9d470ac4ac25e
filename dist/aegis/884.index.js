export const id = 884;
export const ids = [884];
export const modules = {

/***/ 8641:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PP: () => (/* binding */ TAG_RE),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   "if": () => (/* binding */ parseImageName),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   vO: () => (/* binding */ registryApiBase),
/* harmony export */   y_: () => (/* binding */ isInsecureRegistry)
/* harmony export */ });
/* unused harmony exports IMAGE_EXPECTED, formatReference, isLoopbackRegistry */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Image references as Docker and the OCI distribution spec read them
 * (distribution/reference): `[host[:port]/]path[:tag][@digest]`, where the first component
 * is a registry only if it contains `.` or `:` or is `localhost`; otherwise Docker Hub.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?`;
const HOST_RE = new RegExp(`^${HOST}$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$/;
const NAME_MAX_LENGTH = 255;
const DOCKER_HUB = 'docker.io';
const IMAGE_EXPECTED = 'an image name such as registry.example.com:5000/team/app (lower case, no tag or digest)';
/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeRegistry(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/** Parses `ref`; `input` names the input in errors. */
function parseImageReference(value, input) {
    let rest = value.trim();
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST_RE.test(digest))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a digest such as sha256:<64 hex>');
    }
    let tag;
    const lastSlash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > lastSlash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG_RE.test(tag)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a tag of at most 128 letters, digits, _ . - not starting with . or -');
        }
    }
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    let registry = DOCKER_HUB;
    let path = rest;
    if (slash >= 0 && looksLikeRegistry(first)) {
        registry = first;
        path = rest.slice(slash + 1);
        if (!HOST_RE.test(registry))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a registry host such as registry.example.com or 127.0.0.1:5000');
        const port = /:(\d+)$/.exec(registry)?.[1];
        if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a registry port between 1 and 65535');
        }
    }
    if (!PATH_RE.test(path)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, IMAGE_EXPECTED, 'repository paths are lower case letters, digits and separators . _ __ -');
    }
    if (registry === DOCKER_HUB && !path.includes('/'))
        path = `library/${path}`;
    if (`${registry}/${path}`.length > NAME_MAX_LENGTH)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, `a name of at most ${NAME_MAX_LENGTH} characters`);
    return { registry, repository: path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}
/** An image name without tag or digest, as the `image` input takes. */
function parseImageName(value, input) {
    const reference = parseImageReference(value, input);
    if (reference.tag !== undefined || reference.digest !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, IMAGE_EXPECTED, 'tags come from the `tags` input; drop the tag or digest here');
    }
    return { registry: reference.registry, repository: reference.repository };
}
/** `registry/repository`, the way a push addresses it. Hub names are written in full so every tool agrees. */
function formatName(name) {
    return `${name.registry}/${name.repository}`;
}
function formatReference(reference) {
    return `${formatName(reference)}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
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
    const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8641);
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
class RegistryClient {
    access;
    fetchImpl;
    base;
    /** Authorization header per scope, once a handshake succeeded. */
    authorizations = new Map();
    constructor(access, fetchImpl = fetch) {
        this.access = access;
        this.fetchImpl = fetchImpl;
        this.base = (0,_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .registryApiBase */ .vO)(access.registry, access.insecure);
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
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(`Registry ${this.access.registry}: ${method} ${url} answered ${response.status} ${response.statusText}${hint}.`);
    }
    async request(method, url, repository, actions, headers, body) {
        const scope = `repository:${repository}:${actions}`;
        const known = this.authorizations.get(scope);
        const send = (authorization) => this.fetchImpl(url, {
            method,
            headers: { ...headers, ...(authorization ? { Authorization: authorization } : {}) },
            ...(body ? { body: new Uint8Array(body) } : {}),
            redirect: 'follow',
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
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
        if (challenge?.scheme === 'basic')
            return credentials ? basic(credentials) : undefined;
        if (challenge?.scheme !== 'bearer' || !challenge.params.realm)
            return undefined;
        const realm = new URL(challenge.params.realm);
        if (challenge.params.service)
            realm.searchParams.set('service', challenge.params.service);
        realm.searchParams.set('scope', scope);
        const response = await this.fetchImpl(realm, {
            headers: credentials ? { Authorization: basic(credentials) } : {},
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (!response.ok) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(`Registry ${this.access.registry}: token service ${realm.origin}${realm.pathname} answered ${response.status} ${response.statusText}${credentials ? '' : ' (no credentials were given)'}.`);
        }
        const json = (await response.json());
        const token = json.token ?? json.access_token;
        if (!token)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(`Registry ${this.access.registry}: the token service returned no token.`);
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
        if (registry === _reference_js__WEBPACK_IMPORTED_MODULE_2__/* .DOCKER_HUB */ .Xb)
            auths['https://index.docker.io/v1/'] = { auth };
    }
    return `${JSON.stringify({ auths }, null, 2)}\n`;
}


/***/ }),

/***/ 6107:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ resolveInside)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



function isInside(root, candidate) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, candidate);
    return rel === '' || (!rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel));
}
/** The real path of `path`, or of its nearest existing ancestor when it does not exist yet. */
function realNearest(path) {
    let current = path;
    while (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(current)) {
        const parent = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(current);
        if (parent === current)
            return current;
        current = parent;
    }
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(current);
}
/**
 * Resolves `value` against `root` and refuses anything that escapes it: `..`, absolute
 * paths elsewhere, and symlinks that lead outside — of the file itself or, for a file not
 * written yet, of the nearest directory above it that exists.
 */
function resolveInside(root, value, input) {
    const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, value);
    if (!isInside(root, absolute)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, value, `a path inside ${root}`);
    }
    if (!isInside((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(root), realNearest(absolute))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, value, `a path inside ${root}`, 'it goes through a symlink that leads outside');
    }
    return absolute;
}


/***/ }),

/***/ 9978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


/**
 * Runs a program with an argument array. There is deliberately no shell variant: no input
 * ever reaches a shell, so nothing needs quoting.
 */
function run(command, args, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
            cwd: options.cwd,
            env: { ...process.env, ...options.env },
            stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        });
        let timedOut = false;
        const timer = options.timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
            }, options.timeoutMs);
        const stdout = [];
        const stderr = [];
        child.stdout?.on('data', (chunk) => stdout.push(chunk));
        child.stderr?.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (error) => reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(command, args, null, error.message)));
        child.on('close', (code) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(command, args, null, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`));
                return;
            }
            const result = {
                exitCode: code ?? -1,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            };
            if (result.exitCode !== 0 && !options.allowFailure) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(command, args, code, result.stderr || result.stdout));
            }
            else {
                resolve(result);
            }
        });
        if (child.stdin) {
            // A child may exit without reading its input; that is its exit code's business, not an EPIPE crash.
            child.stdin.on('error', () => { });
            child.stdin.end(options.input);
        }
    });
}


/***/ }),

/***/ 7884:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  build: () => (/* binding */ build),
  buildSummary: () => (/* binding */ buildSummary),
  parseInputs: () => (/* binding */ parseInputs),
  runBuild: () => (/* binding */ runBuild)
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
        const rel = (0,external_node_path_.relative)(workspace, (0,core_paths/* resolveInside */.L)(workspace, path, 'dependency-cache-paths'))
            .split('\\')
            .join('/');
        if (rel === '')
            throw new errors/* InputError */.dz('dependency-cache-paths', path, 'a directory below the workspace, not the workspace itself');
        return rel;
    });
    const mounts = relativeDirs.map((rel) => ({
        source: (0,core_paths/* resolveInside */.L)(workspace, rel, 'dependency-cache-paths'),
        target: `${DEPENDENCY_CACHE_ROOT}/${rel}`,
        context: dependencyContextName(rel),
    }));
    const contexts = new Set(mounts.map((mount) => mount.context));
    if (contexts.size !== mounts.length) {
        throw new errors/* InputError */.dz('dependency-cache-paths', paths.join(','), 'directories with distinct names (after lower-casing and - for other characters)');
    }
    for (const pattern of keyFiles)
        (0,core_paths/* resolveInside */.L)(workspace, pattern.replace(/[*?[{].*$/, ''), 'dependency-cache-key-files');
    const excluded = ['.git', ...relativeDirs];
    const found = new Set();
    for (const pattern of keyFiles) {
        const matches = (0,external_node_fs_.globSync)(pattern, { cwd: workspace, exclude: (name) => excluded.some((dir) => isUnder(dir, String(name))) })
            .map((file) => String(file).split('\\').join('/'))
            .filter((file) => !excluded.some((dir) => isUnder(dir, file)) && (0,external_node_fs_.statSync)((0,core_paths/* resolveInside */.L)(workspace, file, 'dependency-cache-key-files')).isFile());
        if (matches.length === 0) {
            throw new errors/* InputError */.dz('dependency-cache-key-files', pattern, 'lockfiles that exist in the workspace (paths or globs)', 'it matches no file');
        }
        for (const match of matches)
            found.add(match);
    }
    const files = [...found].sort();
    const digest = lockfileDigest(files.map((path) => ({ path, content: (0,external_node_fs_.readFileSync)((0,core_paths/* resolveInside */.L)(workspace, path, 'dependency-cache-key-files')) })));
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
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
// EXTERNAL MODULE: ./src/core/build/reference.ts
var reference = __webpack_require__(8641);
;// CONCATENATED MODULE: ./src/core/build/plan.ts


function defaultCacheRepository(image) {
    return `${(0,reference/* formatName */.nD)(image)}/cache`;
}
/** One cache scope per service and platform set: `api-linux-amd64`, `api-linux-amd64_linux-arm64`. */
function cacheScope(request, platforms) {
    if (request.cacheScope)
        return request.cacheScope;
    const suffix = platforms.length > 0 ? platforms.map(platformSlug).join('_') : 'native';
    return `${request.service}-${suffix}`;
}
function taggedReferences(request) {
    return request.tags.map((tag) => `${(0,reference/* formatName */.nD)(request.image)}:${tag}`);
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
function buildxSecretArgs(request) {
    return request.secrets.flatMap((secret) => [
        '--secret',
        secret.file ? `id=${secret.id},src=${secret.file}` : `id=${secret.id},env=${secret.env}`,
    ]);
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
        ...buildxSecretArgs(request),
        ...buildxCacheArgs(request),
        ...(request.target ? ['--target', request.target] : []),
        // BuildKit has no --volume: the directories come in read-only as named contexts (RUN --mount=type=bind,from=…).
        ...(request.dependencyCache?.mounts ?? []).flatMap((mount) => ['--build-context', `${mount.context}=${mount.source}`]),
        `--provenance=${request.provenance}`,
        `--sbom=${request.sbom}`,
        '--metadata-file',
        files.metadataFile,
        request.push ? '--push' : '--load',
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
;// CONCATENATED MODULE: ./src/core/build/execute.ts
/**
 * Runs a validated BuildRequest: ask the registry first (skip-existing), else build with
 * buildah or buildx, push, and report the digest the registry stores.
 */











/** `auto`: buildx where a Docker engine answers, else buildah. */
async function detectBuilder(choice, run = core_process/* run */.e) {
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
    return (0,reference/* parseImageReference */.o_)(repository, 'cache-ref').registry;
}
/** Asks the registry for the commit's tag; undefined when absent or when the registry cannot be asked. */
async function findExisting(request, deps) {
    const { registry, repository } = request.image;
    if (!request.commitTag) {
        throw new errors/* AegisError */.o4("skip-existing needs a tag naming the commit: keep a 'type=sha' rule in 'tags' (and a commit SHA in the event).");
    }
    const client = new build_registry/* RegistryClient */.bP({ registry, insecure: (0,reference/* isInsecureRegistry */.y_)(registry, request.insecureRegistries), credentials: request.credentials.get(registry) }, deps.fetch);
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
    const client = new build_registry/* RegistryClient */.bP({ registry, insecure: (0,reference/* isInsecureRegistry */.y_)(registry, request.insecureRegistries), credentials: request.credentials.get(registry) }, deps.fetch);
    await client.tag(repository, digest, others);
}
/** A private temp dir for auth.json, registries.conf and secret files; secrets travel by file or env, never argv. */
function prepareWorkspace(request, builder, sourceEnv = {}) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aegis-build-'));
    try {
        return fillWorkspace(dir, request, builder, sourceEnv);
    }
    catch (error) {
        // A half-prepared workspace may already hold auth.json: never leave it behind.
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
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
        const insecure = [...registries].filter((registry) => (0,reference/* isInsecureRegistry */.y_)(registry, request.insecureRegistries));
        for (const extra of request.insecureRegistries)
            if (!insecure.includes(extra))
                insecure.push(extra);
        // Only written when needed: it replaces the system registries.conf for this process.
        if (insecure.length > 0) {
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'registries.conf'), registriesConf(insecure));
            env.CONTAINERS_REGISTRIES_CONF = (0,external_node_path_.join)(dir, 'registries.conf');
        }
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
    const insecure = (0,reference/* isInsecureRegistry */.y_)(request.image.registry, request.insecureRegistries);
    const name = (0,reference/* formatName */.nD)(request.image);
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
    const args = buildxArgs(request, { metadataFile });
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
    const run = deps.run ?? core_process/* run */.e;
    const name = (0,reference/* formatName */.nD)(request.image);
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
    const work = prepareWorkspace(request, builder, deps.env);
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
        (0,external_node_fs_.rmSync)(work.dir, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
;// CONCATENATED MODULE: ./src/core/build/metadata.ts
/**
 * Tags and OCI labels with docker/metadata-action's semantics, from the normalised CiEvent.
 *
 * The `tags` input takes metadata-action's rule lines (a line without `type=` is a literal
 * tag, like `type=raw`):
 *
 *     type=sha                        sha-<7 hex>     (format=long: sha-<40 hex>)
 *     type=ref,event=branch           the branch name, on branch events (not on pull requests)
 *     type=ref,event=tag              the git tag, on tag events
 *     type=ref,event=pr               pr-<number>, on pull/merge requests
 *     type=semver,pattern={{version}} 1.2.3 from git tag v1.2.3 ({{major}}.{{minor}} -> 1.2); a
 *                                     pre-release (1.3.0-rc.1) yields only its full version
 *     type=schedule                   nightly, on scheduled runs
 *     type=raw,value=edge             a fixed tag
 *
 * with optional `prefix=`, `suffix=` and `enable=` (`true`, `false`, `{{is_default_branch}}`).
 * Every tag is sanitised (characters outside [a-z0-9._-] become `-`) and lower-cased.
 * `latest` is produced only when configured (the `latest` option or a raw rule).
 */



const DEFAULT_TAG_RULES = [
    'type=sha',
    'type=sha,format=long',
    'type=ref,event=branch',
    'type=ref,event=tag',
    'type=ref,event=pr',
    'type=semver,pattern={{version}}',
    'type=semver,pattern={{major}}.{{minor}}',
    'type=semver,pattern={{major}}',
    'type=schedule',
];
const RULE_KEYS = new Set(['type', 'event', 'pattern', 'value', 'format', 'prefix', 'suffix', 'enable']);
const SHORT_SHA = 7;
/** Parses one rule line of the `tags` input. */
function parseTagRule(line, input = 'tags') {
    if (!line.includes('=')) {
        if (!reference/* TAG_RE */.PP.test(line)) {
            throw new errors/* InputError */.dz(input, line, 'a tag of at most 128 letters, digits, _ . - not starting with . or - (or a type=… rule)');
        }
        return { type: 'raw', value: line, prefix: '', suffix: '', enable: 'true', line };
    }
    const fields = new Map();
    for (const part of line.split(',')) {
        const eq = part.indexOf('=');
        const key = part.slice(0, eq).trim();
        if (eq < 0 || !RULE_KEYS.has(key)) {
            throw new errors/* InputError */.dz(input, line, `comma-separated key=value pairs with keys ${[...RULE_KEYS].join(', ')}`);
        }
        fields.set(key, part.slice(eq + 1).trim());
    }
    const type = fields.get('type');
    const base = { prefix: fields.get('prefix') ?? '', suffix: fields.get('suffix') ?? '', enable: fields.get('enable') ?? 'true', line };
    if (!['true', 'false', '{{is_default_branch}}'].includes(base.enable)) {
        throw new errors/* InputError */.dz(input, line, 'enable=true, enable=false or enable={{is_default_branch}}');
    }
    switch (type) {
        case 'sha': {
            const format = fields.get('format') ?? 'short';
            if (format !== 'short' && format !== 'long')
                throw new errors/* InputError */.dz(input, line, 'format=short or format=long');
            return { ...base, type, format, prefix: fields.get('prefix') ?? 'sha-' };
        }
        case 'ref': {
            const event = fields.get('event');
            if (event !== 'branch' && event !== 'tag' && event !== 'pr')
                throw new errors/* InputError */.dz(input, line, 'event=branch, event=tag or event=pr');
            return { ...base, type, event, prefix: fields.get('prefix') ?? (event === 'pr' ? 'pr-' : '') };
        }
        case 'semver': {
            const pattern = fields.get('pattern');
            if (!pattern || !/\{\{(version|major|minor|patch)\}\}/.test(pattern)) {
                throw new errors/* InputError */.dz(input, line, 'pattern= using {{version}}, {{major}}, {{minor}} or {{patch}}');
            }
            return { ...base, type, pattern, value: fields.get('value') };
        }
        case 'raw': {
            const value = fields.get('value');
            if (!value)
                throw new errors/* InputError */.dz(input, line, 'type=raw,value=<tag>');
            return { ...base, type, value };
        }
        case 'schedule':
            return { ...base, type, pattern: fields.get('pattern') ?? 'nightly' };
        default:
            throw new errors/* InputError */.dz(input, line, 'type=sha, type=ref, type=semver, type=raw or type=schedule (or a literal tag)');
    }
}
function parseTagRules(lines, input = 'tags') {
    return lines.map((line) => parseTagRule(line, input));
}
/** metadata-action's sanitising, plus lower case: what is left is a valid tag or ''. */
function sanitizeTag(value) {
    return value
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128);
}
function isDefaultBranch(event) {
    return event.kind !== 'pull_request' && event.kind !== 'tag' && !!event.branch && event.branch === event.defaultBranch;
}
function isBranchEvent(event) {
    return event.kind !== 'pull_request' && event.kind !== 'tag' && !!event.branch;
}
/** The semver of a tag event (`v1.2.3` and `1.2.3` both), or undefined. */
function tagVersion(event, value) {
    const raw = value ?? (event.kind === 'tag' ? event.tag : undefined);
    if (!raw)
        return undefined;
    return semver_default().parse(raw.replace(/^v/i, '')) ?? undefined;
}
function renderSemver(pattern, version) {
    // metadata-action: a pre-release only ever gets its full version, whatever the pattern.
    if (version.prerelease.length > 0)
        return version.version;
    return pattern
        .replace(/\{\{version\}\}/g, version.version)
        .replace(/\{\{major\}\}/g, String(version.major))
        .replace(/\{\{minor\}\}/g, String(version.minor))
        .replace(/\{\{patch\}\}/g, String(version.patch));
}
/** The raw tag value a rule yields for this event, before prefix/suffix; undefined when it does not apply. */
function ruleValue(rule, event, revision) {
    switch (rule.type) {
        case 'sha':
            return revision ? (rule.format === 'long' ? revision : revision.slice(0, SHORT_SHA)) : undefined;
        case 'ref':
            if (rule.event === 'branch')
                return isBranchEvent(event) ? event.branch : undefined;
            if (rule.event === 'tag')
                return event.kind === 'tag' ? event.tag : undefined;
            return event.pullRequest ? String(event.pullRequest.number) : undefined;
        case 'semver': {
            const version = tagVersion(event, rule.value);
            return version ? renderSemver(rule.pattern, version) : undefined;
        }
        case 'schedule':
            return event.kind === 'schedule' ? rule.pattern : undefined;
        case 'raw':
            return rule.value;
    }
}
function wantsLatest(policy, event) {
    switch (policy) {
        case 'true':
            return true;
        case 'auto': {
            const version = tagVersion(event);
            return !!version && version.prerelease.length === 0;
        }
        case 'default-branch':
            return isDefaultBranch(event);
        case 'false':
            return false;
    }
}
/** Version label: semver on release tags, `pr-N`, the branch, else the short SHA (metadata-action's order). */
function versionOf(event, revision) {
    const version = tagVersion(event);
    if (version)
        return version.version;
    if (event.kind === 'tag' && event.tag)
        return sanitizeTag(event.tag);
    if (event.pullRequest)
        return `pr-${event.pullRequest.number}`;
    if (event.branch)
        return sanitizeTag(event.branch);
    return revision ? revision.slice(0, SHORT_SHA) : '';
}
function computeMetadata(input) {
    const { event, revision } = input;
    const tags = [];
    let shortTag;
    let longTag;
    for (const rule of input.rules) {
        if (rule.enable === 'false' || (rule.enable === '{{is_default_branch}}' && !isDefaultBranch(event)))
            continue;
        const value = ruleValue(rule, event, revision);
        if (value === undefined || value === '')
            continue;
        const tag = sanitizeTag(`${rule.prefix}${value}${rule.suffix}`);
        if (!reference/* TAG_RE */.PP.test(tag))
            continue;
        if (rule.type === 'sha') {
            if (rule.format === 'long')
                longTag ??= tag;
            else
                shortTag ??= tag;
        }
        if (!tags.includes(tag))
            tags.push(tag);
    }
    if (wantsLatest(input.latest, event) && !tags.includes('latest'))
        tags.push('latest');
    const version = versionOf(event, revision);
    const labels = {
        'org.opencontainers.image.title': input.title,
        ...(input.description ? { 'org.opencontainers.image.description': input.description } : {}),
        ...(event.repositoryUrl
            ? { 'org.opencontainers.image.url': event.repositoryUrl, 'org.opencontainers.image.source': event.repositoryUrl }
            : {}),
        ...(version ? { 'org.opencontainers.image.version': version } : {}),
        'org.opencontainers.image.created': input.created,
        ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
        ...input.labels,
    };
    return { tags, labels, version, commitTag: longTag ?? shortTag };
}

// EXTERNAL MODULE: ./src/stages/inputs.ts
var inputs = __webpack_require__(9778);
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
        // the section when the pipeline is created, takes at most two key files and cannot turn a list input
        // into a variable, so it gets its own single-valued inputs; harmless defaults (no such directory,
        // no such file: key `<prefix>-default`, nothing saved) keep it inert when unused.
        inputs: {
            'dependency-cache-dir': {
                description: `GitLab cache:paths: the one directory the runner caches; set it to the dependency-cache-paths directory (mounted at ${DEPENDENCY_CACHE_ROOT}/<dir>).`,
                default: '.aegis-dependency-cache',
            },
            'dependency-cache-key-file': {
                description: 'GitLab cache:key:files: the lockfile whose content keys the runner’s cache (GitLab restores exact keys only: a changed lockfile starts cold).',
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
            description: 'Tag rules in docker/metadata-action syntax, one per line (type=sha, type=sha,format=long, type=ref,event=branch|tag|pr, type=semver,pattern={{version}}, type=schedule, type=raw,value=x) or literal tags.',
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
            description: 'Lockfiles (paths or globs, e.g. package-lock.json, **/go.sum) whose contents, with the service and platforms, make the cache key aegis-deps-<service>-<platforms>-<hash>; on a miss the newest cache with the same service and platforms is restored. Files inside the cached directories and .git do not count.',
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
function parseInputs(reader, platform, event, revision, now = new Date()) {
    const workspace = platform.workspace;
    const contextValue = reader.string('context');
    const context = existing(reader.path('context', workspace), 'context', contextValue, 'directory');
    const dockerfileValue = reader.string('dockerfile');
    const dockerfile = dockerfileValue
        ? existing(reader.path('dockerfile', workspace), 'dockerfile', dockerfileValue, 'file')
        : existing((0,external_node_path_.join)(context, 'Dockerfile'), 'dockerfile', (0,external_node_path_.relative)(workspace, (0,external_node_path_.join)(context, 'Dockerfile')), 'file');
    const image = (0,reference/* parseImageName */["if"])(reader.required('image'), 'image');
    const service = reader.optional('service') ?? (0,external_node_path_.basename)(image.repository);
    const rules = parseTagRules(reader.lines('tags'));
    const latest = reader.choice('latest', LATEST);
    const labels = Object.fromEntries(keyValues(reader.lines('labels'), 'labels', /^[^\s=]+$/, 'one key=value per line'));
    const platforms = parsePlatforms(reader.list('platforms'), 'platforms');
    const cache = reader.choice('cache', CACHES);
    const cacheRepository = reader.optional('cache-ref') ?? defaultCacheRepository(image);
    const cacheRegistry = (0,reference/* parseImageName */["if"])(cacheRepository, 'cache-ref').registry;
    const cacheScope = reader.optional('cache-scope');
    if (cacheScope !== undefined && !/^[A-Za-z0-9_.-]+$/.test(cacheScope))
        throw new errors/* InputError */.dz('cache-scope', cacheScope, 'letters, digits, _ . -');
    const secrets = [
        ...keyValues(reader.lines('secret-files'), 'secret-files', SECRET_ID, 'one id=path per line').map(([id, path]) => ({
            id,
            file: existing((0,core_paths/* resolveInside */.L)(workspace, path, 'secret-files'), 'secret-files', path, 'file'),
        })),
        ...keyValues(reader.lines('secret-envs'), 'secret-envs', SECRET_ID, 'one id=VARIABLE per line').map(([id, variable]) => {
            if (!ENV_NAME.test(variable))
                throw new errors/* InputError */.dz('secret-envs', `${id}=${variable}`, 'id=VARIABLE with an environment variable name');
            return { id, env: variable };
        }),
    ];
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
        throw new errors/* InputError */.dz('tags', reader.string('tags'), 'rules that yield at least one tag for this event', `event ${event.kind} without a commit SHA`);
    }
    const push = reader.boolean('push');
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
    return { request, builder: reader.choice('builder', BUILDERS), metadata };
}
function dependencyRow(plan, result) {
    const outcome = result.dependencies;
    const state = outcome?.hit === undefined
        ? 'mounted; restored and saved outside the job (GitLab cache:) or not at all'
        : outcome.hit
            ? 'hit'
            : outcome.matchedKey
                ? `restored from \`${outcome.matchedKey}\``
                : 'miss';
    const saved = outcome?.saved ? ', saved' : '';
    return ['Dependency cache', `\`${plan.key}\` (${plan.keyFiles.join(', ')}): ${state}${saved}`];
}
function buildSummary(options, result) {
    const { request } = options;
    const rows = [
        ['Image', `\`${result.image}\``],
        ['Digest', result.digest ? `\`${result.digest}\`` : '—'],
        ['Tags', result.tags.map((tag) => `\`${tag}\``).join(' ')],
        ['Platforms', request.platforms.join(', ') || 'native'],
        ['Builder', result.skipped ? '— (skipped)' : (result.builder ?? '')],
        ['Cache', request.cache === 'none' ? 'none' : `${request.cache} (${result.cacheHit ? 'hit' : 'miss'})`],
        ...(request.dependencyCache ? [dependencyRow(request.dependencyCache, result)] : []),
        ['Skipped', result.skipped ? `yes: \`${(0,reference/* formatName */.nD)(request.image)}:${request.commitTag}\` exists` : 'no'],
        ['Pushed', result.pushed ? 'yes' : 'no'],
        ['Revision', `\`${request.labels['org.opencontainers.image.revision'] ?? '—'}\``],
        ['Duration', `${(result.durationMs / 1000).toFixed(1)} s`],
    ];
    return `## Build ${request.service}\n\n${(0,shared/* markdownTable */.Qj)(['', ''], rows)}\n`;
}
/** The commit being built: the event's head (PR head on pull requests), else the checkout's HEAD. */
async function revisionOf(event, cwd) {
    if (event.head)
        return event.head;
    const result = await (0,core_process/* run */.e)('git', ['rev-parse', 'HEAD'], { cwd, allowFailure: true }).catch(() => undefined);
    return result?.exitCode === 0 ? result.stdout.trim() : undefined;
}
async function runBuild(platform, deps = {}) {
    const reader = new inputs/* InputReader */.i(platform, definition.inputs);
    const event = platform.event();
    const options = parseInputs(reader, platform, event, await revisionOf(event, platform.workspace));
    const { request } = options;
    platform.log.info(`Plan: ${(0,reference/* formatName */.nD)(request.image)} tags ${request.tags.join(', ')}; platforms ${request.platforms.join(', ') || 'native'}; cache ${request.cache}; push ${request.push}; skip-existing ${request.skipExisting}.`);
    const dependencyCache = request.dependencyCache ? await platform.cache() : undefined;
    const result = await executeBuild(request, options.builder, { log: platform.log, env: process.env, dependencyCache, ...deps });
    platform.setOutput('image', result.image);
    platform.setOutput('digest', result.digest);
    platform.setOutput('tags', result.tags.map((tag) => `${(0,reference/* formatName */.nD)(request.image)}:${tag}`).join(','));
    platform.setOutput('skipped', String(result.skipped));
    platform.setOutput('cache-hit', String(result.cacheHit));
    platform.setOutput('dependency-cache-hit', result.dependencies?.hit === undefined ? '' : String(result.dependencies.hit));
    await platform.summary(buildSummary(options, result));
    return result;
}
const build = {
    ...definition,
    async run(platform) {
        await runBuild(platform);
    },
};


/***/ }),

/***/ 9778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ InputReader)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6107);


const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/;
const DURATION_UNITS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/**
 * Typed access to a stage's declared inputs. Each reader throws an InputError that names
 * the input, quotes the value and states the expected form.
 */
class InputReader {
    platform;
    specs;
    constructor(platform, specs) {
        this.platform = platform;
        this.specs = specs;
    }
    /** The value, or the declared default; '' when neither. */
    string(name) {
        const spec = this.specs[name];
        if (!spec)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Stage reads undeclared input '${name}'.`);
        const value = this.platform.input(name) || spec.default || '';
        if (spec.secret && value)
            this.platform.secret(value);
        return value;
    }
    required(name) {
        const value = this.string(name);
        if (!value)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, 'a non-empty value', 'this input is required');
        return value;
    }
    optional(name) {
        return this.string(name) || undefined;
    }
    boolean(name) {
        const value = this.string(name).toLowerCase();
        if (TRUE.has(value))
            return true;
        if (FALSE.has(value) || value === '')
            return false;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, "'true' or 'false'");
    }
    choice(name, choices) {
        const value = this.string(name);
        if (choices.includes(value))
            return value;
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `one of ${choices.map((c) => `'${c}'`).join(', ')}`);
    }
    integer(name, bounds = {}) {
        const value = this.string(name);
        const number = Number(value);
        const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
        if (!/^-?\d+$/.test(value) || number < min || number > max) {
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, `an integer between ${min} and ${max}`);
        }
        return number;
    }
    /** Non-empty lines, trimmed; lines starting with `#` are comments. */
    lines(name) {
        return this.string(name)
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    /** Lines or comma-separated values. */
    list(name) {
        return this.lines(name).flatMap((line) => line
            .split(',')
            .map((item) => item.trim())
            .filter(Boolean));
    }
    /** Milliseconds from `500ms`, `10s`, `5m`, `1h`. */
    duration(name) {
        const value = this.string(name);
        const match = DURATION.exec(value);
        if (!match)
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, "a duration such as '500ms', '30s', '5m' or '1h'");
        return Number(match[1]) * DURATION_UNITS[match[2]];
    }
    /** A path inside `root`; `..`, absolute paths elsewhere and the like are refused. */
    path(name, root) {
        const value = this.string(name);
        return value ? (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveInside */ .L)(root, value, name) : undefined;
    }
}


/***/ }),

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qj: () => (/* binding */ markdownTable),
/* harmony export */   ZX: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   aZ: () => (/* binding */ parseIdentity)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** A GitHub/GitLab-flavoured markdown table; pipes and newlines in cells are escaped. */
function markdownTable(headers, rows) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
    return [
        `| ${headers.map(cell).join(' | ')} |`,
        `|${headers.map(() => '---').join('|')}|`,
        ...rows.map((row) => `| ${row.map((value) => cell(value)).join(' | ')} |`),
    ].join('\n');
}
/** `registry-username` and `registry-password`, which only make sense together. */
function parseRegistryCredentials(reader) {
    const username = reader.optional('registry-username');
    const password = reader.optional('registry-password');
    if ((username === undefined) !== (password === undefined)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(username ? 'registry-password' : 'registry-username', '', 'a value: registry-username and registry-password go together');
    }
    return username && password ? { username, password } : undefined;
}
/** "Name <email>" as git writes it. */
function parseIdentity(input, value) {
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
    if (!match)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'an identity in the form "Name <email@example.com>"');
    return { name: match[1], email: match[2] };
}


/***/ })

};

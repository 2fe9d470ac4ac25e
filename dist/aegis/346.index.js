export const id = 346;
export const ids = [346];
export const modules = {

/***/ 1709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cf: () => (/* binding */ postArgoRollback),
/* harmony export */   J9: () => (/* binding */ syncedRevisions),
/* harmony export */   Ss: () => (/* binding */ fetchArgoApplication),
/* harmony export */   Y6: () => (/* binding */ sameRevision)
/* harmony export */ });
/* unused harmony exports argoApplicationUrl, argoHeaders */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1983);
/**
 * One small client for the documented Argo CD REST API, shared by promote (its "runs the
 * source" precondition) and health-gate (the argocd check and rollback):
 * `GET /api/v1/applications/{name}` and `POST /api/v1/applications/{name}/rollback`,
 * authenticated with a bearer token. Errors name the server and application, never the token.
 */


function argoApplicationUrl(target, suffix = '') {
    const query = target.appNamespace ? `?${new URLSearchParams({ appNamespace: target.appNamespace }).toString()}` : '';
    return `${target.server.replace(/\/+$/, '')}/api/v1/applications/${encodeURIComponent(target.application)}${suffix}${query}`;
}
function argoHeaders(token) {
    return token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' };
}
/** Full or abbreviated SHAs name the same commit when one starts with the other (7+ characters). */
function sameRevision(a, b) {
    if (!a || !b || Math.min(a.length, b.length) < 7)
        return a === b && Boolean(a);
    return a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
}
/** The revisions an application is synced at (one, or one per source of a multi-source app). */
function syncedRevisions(app) {
    const sync = app.status?.sync ?? {};
    return [sync.revision, ...(sync.revisions ?? [])].filter((value) => Boolean(value));
}
async function send(target, init, suffix, options) {
    try {
        return await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpFetch */ .tX)(argoApplicationUrl(target, suffix), init, {
            timeoutMs: target.timeoutMs ?? 30_000,
            signal: options.signal,
            fetch: options.fetch,
        });
    }
    catch (error) {
        if (error instanceof _http_js__WEBPACK_IMPORTED_MODULE_1__/* .HttpUnreachableError */ .fN)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD ${error.origin} unreachable: ${error.reason}`);
        throw error;
    }
}
/** GET the application; a refusal or a body that is not an Application is an AegisError saying which. */
async function fetchArgoApplication(target, options = {}) {
    const response = await send(target, { headers: argoHeaders(target.token) }, '', options);
    const body = await response.text();
    if (response.status === 401 || response.status === 403) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD refused the request for '${target.application}' (HTTP ${response.status}): check the token and its project permissions`);
    }
    if (response.status === 404)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD has no application '${target.application}' (HTTP 404)`);
    if (!response.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD answered HTTP ${response.status} for '${target.application}': ${body.slice(0, 200)}`);
    let app;
    try {
        app = JSON.parse(body);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD answered with something that is not JSON for '${target.application}'`);
    }
    if (typeof app !== 'object' || app === null || Array.isArray(app)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD answered with something that is not an Application for '${target.application}'`);
    }
    return app;
}
/** POST a history rollback (Argo CD refuses it while automated sync is on). */
async function postArgoRollback(target, historyId, options = {}) {
    const body = JSON.stringify({
        name: target.application,
        id: historyId,
        prune: false,
        dryRun: false,
        ...(target.appNamespace ? { appNamespace: target.appNamespace } : {}),
    });
    const response = await send(target, { method: 'POST', headers: { ...argoHeaders(target.token), 'Content-Type': 'application/json' }, body }, '/rollback', options);
    if (!response.ok) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4(`Argo CD refused the rollback of '${target.application}' (HTTP ${response.status}): ${(await response.text()).slice(0, 300)}`);
    }
}


/***/ }),

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

/***/ 4676:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ fetchVerdicts),
/* harmony export */   Hk: () => (/* binding */ readVerdicts),
/* harmony export */   hL: () => (/* binding */ latestVerdict),
/* harmony export */   p0: () => (/* binding */ recordVerdict)
/* harmony export */ });
/* unused harmony exports VERDICT_NOTES, VERDICT_NOTES_REF, verdictNote, parseVerdictNote */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3639);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8496);
/* harmony import */ var _git_transaction_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7140);
/* harmony import */ var _verdict_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9478);
/* harmony import */ var _commit_message_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(349);
/**
 * Verdicts recorded in Git: health-gate appends its verdict for the GitOps commit it watched as
 * a note under `refs/notes/aegis` (a paragraph of `Aegis-Verdict`, `Aegis-Environment`,
 * `Aegis-Checked-At` lines), and promote reads it back to require a verified source. Notes
 * need no forge API, travel with the repository (GitHub and GitLab both keep them) and never
 * change a commit; the notes ref is pushed with the same race-retry loop as every GitOps write.
 */







/** `git notes --ref=aegis`: the notes ref every verdict goes to. */
const VERDICT_NOTES = 'aegis';
const VERDICT_NOTES_REF = `refs/notes/${VERDICT_NOTES}`;
const single = (text) => text.replace(/\s+/g, ' ').trim();
/** One note paragraph for one verdict. */
function verdictNote(verdict) {
    const lines = [`${_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.verdict}: ${verdict.verdict}`];
    if (verdict.environment)
        lines.push(`${_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.environment}: ${single(verdict.environment)}`);
    lines.push(`${_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.checkedAt}: ${verdict.checkedAt.toISOString()}`);
    if (verdict.sourceRun)
        lines.push(`${_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.sourceRun}: ${single(verdict.sourceRun)}`);
    return `${lines.join('\n')}\n`;
}
/** Every verdict in a note, oldest first (appended paragraphs); paragraphs that are not one are ignored. */
function parseVerdictNote(text) {
    const verdicts = [];
    for (const paragraph of text.split(/\n\s*\n/)) {
        const fields = new Map();
        for (const line of paragraph.split('\n')) {
            const match = /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line.trim());
            if (match)
                fields.set(match[1], match[2].trim());
        }
        const verdict = _verdict_js__WEBPACK_IMPORTED_MODULE_6__/* .MEASUREMENT_PHASES */ .G.find((phase) => phase === fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.verdict));
        const checkedAt = new Date(fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.checkedAt) ?? '');
        if (!verdict || Number.isNaN(checkedAt.getTime()))
            continue;
        verdicts.push({
            verdict,
            checkedAt,
            ...(fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.environment) ? { environment: fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.environment) } : {}),
            ...(fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.sourceRun) ? { sourceRun: fields.get(_commit_message_js__WEBPACK_IMPORTED_MODULE_5__/* .TRAILER */ .AH.sourceRun) } : {}),
        });
    }
    return verdicts;
}
/** The newest verdict recorded for `environment`, or undefined. */
function latestVerdict(verdicts, environment) {
    return verdicts
        .filter((verdict) => verdict.environment === environment)
        .reduce((latest, verdict) => (!latest || verdict.checkedAt >= latest.checkedAt ? verdict : latest), undefined);
}
/** Fetches the remote's verdict notes into `git` (nothing when it has none yet); false when the remote has none. */
async function fetchVerdicts(git, remoteUrl) {
    const listed = await git.remoteRefs(remoteUrl, [VERDICT_NOTES_REF]);
    if (!listed.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Could not list ${VERDICT_NOTES_REF} of ${remoteUrl}: ${listed.stderr.trim().split('\n').pop()}`);
    if (!listed.refs.some((ref) => ref.ref === VERDICT_NOTES_REF)) {
        await git.deleteRef(VERDICT_NOTES_REF);
        return false;
    }
    (0,_git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .mustSucceed */ .MX)(await git.fetch(remoteUrl, [`+${VERDICT_NOTES_REF}:${VERDICT_NOTES_REF}`], { writeFetchHead: false }));
    return true;
}
/** The verdicts recorded for `commit` in the fetched notes. */
async function readVerdicts(git, commit) {
    const note = await git.note(VERDICT_NOTES, commit);
    return note === undefined ? [] : parseVerdictNote(note);
}
/**
 * Appends the verdict to the commit's note and pushes the notes ref. A push lost to another
 * writer fetches the new notes tip and appends again (never a force push), with the backoff
 * of every GitOps write.
 */
async function recordVerdict(options) {
    const { remote, log } = options;
    // Registered, so that a cancel removes it too.
    const dir = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .createPrivateDir */ .b4)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), 'aegis-verdict-');
    const git = new _git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .Git */ .TU(dir, remote.env);
    try {
        await git.init();
        const commit = await fullCommit(git, remote.url, options.branch, options.commit);
        const text = verdictNote(options.verdict);
        for (let attempt = 1;; attempt++) {
            await fetchVerdicts(git, remote.url);
            await git.appendNote(VERDICT_NOTES, commit, text, options.author);
            const push = await git.push(remote.url, [`${VERDICT_NOTES_REF}:${VERDICT_NOTES_REF}`], { porcelain: true });
            if (push.ok) {
                log.info(`Recorded ${options.verdict.verdict} for ${commit.slice(0, 12)} in ${VERDICT_NOTES_REF}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
                return { commit, attempts: attempt };
            }
            if (!(0,_git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .isRaceRejection */ .pf)(`${push.stdout}\n${push.stderr}`)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Push of ${VERDICT_NOTES_REF} failed: ${push.stderr.trim().split('\n').slice(-3).join(' ')}`);
            }
            if (attempt >= options.maxAttempts) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Push of ${VERDICT_NOTES_REF} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${options.maxAttempts}).`);
            }
            const delay = (0,_git_transaction_js__WEBPACK_IMPORTED_MODULE_4__/* .raceBackoffMs */ .m8)(attempt, options.backoff, options.random);
            log.info(`Push of ${VERDICT_NOTES_REF} lost a race (attempt ${attempt}/${options.maxAttempts}); appending on the new tip in ${delay} ms.`);
            await (0,_git_transaction_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy)(delay);
        }
    }
    finally {
        (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .removePrivateDir */ .VZ)(dir);
    }
}
/** A full SHA as given; an abbreviated one resolved against the branch's commits (no file contents fetched). */
async function fullCommit(git, url, branch, commit) {
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(commit))
        return commit.toLowerCase();
    (0,_git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .mustSucceed */ .MX)(await git.fetch(url, [`+refs/heads/${branch}:refs/heads/${branch}`], { filter: 'blob:none', writeFetchHead: false }));
    const full = await git.resolveCommit(commit);
    if (!full)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Commit ${commit} is not on ${branch} of ${url}; its verdict was not recorded.`);
    return full;
}


/***/ }),

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ie: () => (/* binding */ resolveRoute),
/* harmony export */   ml: () => (/* binding */ parseEnvironments),
/* harmony export */   no: () => (/* binding */ resolveProtected)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * The `environments` input: promotion order and the overlay path(s) of each environment.
 *
 *     environments: |
 *       dev: overlays/dev
 *       staging: overlays/staging
 *       prod: [overlays/prod-eu, overlays/prod-us]
 *
 * A bare list (`[dev, staging, prod]`) or one name per line means `overlays/<env>` each.
 */


const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const EXPECTED = 'YAML mapping of environment to overlay path or list of paths, in promotion order (e.g. "dev: overlays/dev"), or a list of names meaning overlays/<env>';
function parseEnvironments(text, input = 'environments') {
    const fail = (detail) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, text, EXPECTED, detail);
    };
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0)
        fail(`not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
    const root = doc.contents;
    const environments = [];
    const add = (name, overlays) => {
        if (typeof name !== 'string' || !NAME.test(name))
            fail(`environment name ${JSON.stringify(name)} must be letters, digits, . _ -`);
        if (environments.some((env) => env.name === name))
            fail(`environment '${name}' is listed twice`);
        if (overlays.length === 0 || overlays.some((path) => path.trim() === ''))
            fail(`environment '${name}' has an empty overlay path`);
        environments.push({ name: name, overlays });
    };
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        for (const pair of root.items) {
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : pair.key;
            // An alias (`prod: *eu-and-us`) is the anchored value.
            const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.value) ? pair.value.resolve(doc) : pair.value;
            if (value === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && (value.value === null || value.value === '')))
                add(name, [`overlays/${name}`]);
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value))
                add(name, [String(value.value)]);
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) {
                add(name, value.items
                    .map((item) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(item) ? item.resolve(doc) : item))
                    .map((item) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) && typeof item.value === 'string' ? item.value : fail(`'${name}' lists a non-string path`))));
            }
            else
                fail(`'${String(name)}' must map to a path or a list of paths`);
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root)) {
        for (const item of root.items) {
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) ? item.value : undefined;
            add(name, [`overlays/${String(name)}`]);
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && typeof root.value === 'string') {
        // One name per line or comma-separated (what a CLI flag or a CI variable gives).
        for (const name of root.value.split(/[\s,]+/).filter(Boolean))
            add(name, [`overlays/${name}`]);
    }
    else
        fail('empty');
    if (environments.length < 2)
        fail('at least two environments are needed to promote between');
    return environments;
}
/**
 * Validates `from` and `to`: both known, `to` after `from`. Skipping environments is not
 * refused here: it is a rule per image (see `orderRefusals`), since an image that already
 * runs in the skipped environment may legitimately move on.
 */
function resolveRoute(environments, from, to) {
    const names = environments.map((env) => env.name);
    const find = (input, name) => {
        const index = names.indexOf(name);
        if (index < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, name, `one of the environments: ${names.join(', ')}`, 'unknown environment');
        return index;
    };
    const fromIndex = find('from', from);
    const toIndex = find('to', to);
    if (toIndex <= fromIndex) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('to', to, `an environment after '${from}' in promotion order (${names.join(' → ')})`, toIndex === fromIndex ? 'same as from' : 'promotion never goes backwards; roll back with health-gate or gitops-bump');
    }
    return {
        from: environments[fromIndex],
        to: environments[toIndex],
        fromIndex,
        toIndex,
        previous: environments[toIndex - 1],
    };
}
/** `protected-environments` names, checked; empty means the last environment. */
function resolveProtected(environments, names, input = 'protected-environments') {
    if (names.length === 0)
        return new Set([environments.at(-1).name]);
    const known = environments.map((env) => env.name);
    for (const name of names) {
        if (name === 'none')
            continue;
        if (!known.includes(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, name, `environment names from: ${known.join(', ')} (or 'none')`);
    }
    return new Set(names.filter((name) => name !== 'none'));
}


/***/ }),

/***/ 9478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ MEASUREMENT_PHASES),
/* harmony export */   X: () => (/* binding */ measurementPhaseOf)
/* harmony export */ });
/**
 * The verdicts of a health measurement, a check and a whole gate, in Argo Rollouts' words
 * (AnalysisPhase): what health-gate decides, what it records on the GitOps commit, and what
 * rollback-on / fail-on / empty-result choose from.
 */
const MEASUREMENT_PHASES = ['Successful', 'Failed', 'Inconclusive', 'Error'];
/** The verdict `value` names, case-insensitively; undefined when it names none. */
function measurementPhaseOf(value) {
    return MEASUREMENT_PHASES.find((phase) => phase.toLowerCase() === value.toLowerCase());
}


/***/ }),

/***/ 2346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ execute),
  parse: () => (/* binding */ parse),
  plan: () => (/* binding */ plan),
  promotePullRequestBranch: () => (/* binding */ promotePullRequestBranch),
  report: () => (/* binding */ report),
  tokenIsForRunForge: () => (/* binding */ tokenIsForRunForge)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/build/registry-host.ts
var registry_host = __webpack_require__(3956);
// EXTERNAL MODULE: ./src/core/credential-scope.ts
var credential_scope = __webpack_require__(7935);
// EXTERNAL MODULE: ./src/core/detect/manifest.ts + 1 modules
var detect_manifest = __webpack_require__(4638);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/git/remote.ts
var remote = __webpack_require__(8648);
// EXTERNAL MODULE: ./src/core/gitops/verdicts.ts
var gitops_verdicts = __webpack_require__(4676);
// EXTERNAL MODULE: ./src/core/insight/source-time.ts
var source_time = __webpack_require__(1341);
;// CONCATENATED MODULE: ./src/core/promote/approvals.ts
/** Comments are free text from the forge: one line, and short enough to read in `git log`. */
const COMMENT_LIMIT = 200;
function oneLine(text) {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length > COMMENT_LIMIT ? `${line.slice(0, COMMENT_LIMIT - 1)}…` : line;
}
/**
 * The Aegis-Approved-By values of a promotion into `environment`: each reviewer who approved that
 * environment (`<login> (environment <name>[: comment])`, once per reviewer), rejections and
 * other environments ignored; none (an empty list) when nobody approved it.
 */
function approverTrailers(approvals, environment) {
    const seen = new Set();
    const values = [];
    for (const approval of approvals) {
        // GitHub compares environment names case-insensitively.
        const target = environment.toLowerCase();
        if (approval.state !== 'approved' || !approval.environments.some((name) => name.toLowerCase() === target))
            continue;
        const user = oneLine(approval.user);
        if (!user || seen.has(user))
            continue;
        seen.add(user);
        const comment = approval.comment ? oneLine(approval.comment) : '';
        values.push(`${user} (environment ${environment}${comment ? `: ${comment}` : ''})`);
    }
    return values;
}

// EXTERNAL MODULE: ./src/core/argocd.ts
var argocd = __webpack_require__(1709);
;// CONCATENATED MODULE: ./src/core/promote/refusal.ts

/** Why an image (or the whole promotion) may not move; each names what it is about and the rule. */
const RULE = {
    /** The value would skip the environment just before the target (order from `environments`). */
    order: 'environment-order',
    /** A mutable tag (latest, a branch name, no tag at all) into a protected environment. */
    mutableTag: 'mutable-tag-in-protected-environment',
    /** A requested service that the source overlays do not set. */
    serviceMissing: 'service-not-in-source',
    /** Two source overlays of one environment set the same image to different values. */
    ambiguousSource: 'ambiguous-source',
    /** The reference does not exist in its registry. */
    imageMissing: 'image-missing-in-registry',
    /** A target overlay has no `images[]` entry for the image and add-missing is off. */
    targetMissing: 'target-overlay-without-image',
    /** A source value that is not a valid image reference (name, tag, digest grammar). */
    invalidReference: 'invalid-image-reference',
    /** add-missing: no target overlay renders a workload using the image (or its render could not be read). */
    notRendered: 'add-missing-image-not-rendered',
    /** A `values` line names a source file or path that the source does not have. */
    valueMissing: 'value-not-in-source',
    /** Argo CD does not report the source application Synced at the source commit and Healthy. */
    argocd: 'argocd-source-not-synced-and-healthy',
    /** The tag's registry digest is not the one the source environment runs (re-pushed since). */
    tagMoved: 'tag-moved-since-source-deployed',
    /** The target environment is inside a freeze window and no override was given. */
    freeze: 'target-environment-frozen',
    /** verified: the commit that set the value in the source has no Successful health-gate verdict for it. */
    unverified: 'source-not-verified',
    /** soak: the source has run the value for less than the soak time. */
    soak: 'source-not-soaked',
};
function formatRefusal(refusal) {
    return `${refusal.kind} ${refusal.subject}: ${refusal.rule}: ${refusal.detail}`;
}
/** The promotion broke at least one rule; nothing was written. */
class PromotionRefused extends errors/* AegisError */.o4 {
    refusals;
    name = 'PromotionRefused';
    constructor(refusals) {
        super(`Promotion refused (nothing was written):\n${refusals.map((refusal) => `  - ${formatRefusal(refusal)}`).join('\n')}`);
        this.refusals = refusals;
    }
}

;// CONCATENATED MODULE: ./src/core/promote/argocd.ts
/**
 * The optional precondition that Argo CD runs the source: each source application is Synced
 * at the source commit and Healthy, read through the shared Argo CD client (../argocd.ts):
 * status.sync.status, status.sync.revision (status.sync.revisions for multi-source apps)
 * and status.health.status.
 */


class ArgoCdClient {
    access;
    fetchImpl;
    constructor(access, fetchImpl) {
        this.access = access;
        this.fetchImpl = fetchImpl;
    }
    async application(name) {
        const app = await (0,argocd/* fetchArgoApplication */.Ss)({ server: this.access.server, token: this.access.token, application: name }, { fetch: this.fetchImpl });
        return { name, sync: app.status?.sync?.status, revisions: (0,argocd/* syncedRevisions */.J9)(app), health: app.status?.health?.status };
    }
}
/** Synced, at `commit` (any of a multi-source app's revisions), and Healthy — or a refusal saying which is not. */
function argoRefusal(state, commit) {
    const problems = [];
    if (state.sync !== 'Synced')
        problems.push(`sync status is ${state.sync ?? 'unknown'}, not Synced`);
    if (!state.revisions.includes(commit)) {
        const synced = state.revisions.find((revision) => /^[0-9a-f]{40}$/.test(revision));
        problems.push(`synced revision is ${state.revisions.join(', ') || 'unknown'}, not the source commit ${commit}` +
            (synced ? ` (to promote exactly what it runs, set from-ref: ${synced})` : ''));
    }
    if (state.health !== 'Healthy')
        problems.push(`health is ${state.health ?? 'unknown'}, not Healthy`);
    if (problems.length === 0)
        return undefined;
    return { subject: state.name, kind: 'application', rule: RULE.argocd, detail: problems.join('; ') };
}

// EXTERNAL MODULE: ./src/core/gitops/bump.ts
var bump = __webpack_require__(8534);
// EXTERNAL MODULE: ./src/core/gitops/commit-message.ts
var commit_message = __webpack_require__(349);
;// CONCATENATED MODULE: ./src/core/promote/message.ts


/** Subject, the files, then provenance trailers: Aegis-Promoted-From, Aegis-Environment and per-image Aegis-Image/Aegis-Previous-Image. */
function promotionCommitMessage(message) {
    const images = (0,bump/* describeImageChanges */.S)(message.changes);
    const subject = (0,commit_message/* renderTemplate */.Xm)(message.template, {
        from: message.from,
        to: message.to,
        commit: message.sourceCommit.slice(0, 12),
        images: [
            ...images.map((image) => `${image.name.split('/').pop()} ${image.version}`),
            ...(message.values ?? []).map((value) => `${value.path} ${value.next}`),
        ].join(', '),
    });
    const trailers = [];
    for (const image of images) {
        trailers.push({ key: commit_message/* TRAILER */.AH.image, value: `${image.name}=${image.next}` });
        if (image.previous)
            trailers.push({ key: commit_message/* TRAILER */.AH.previousImage, value: `${image.name}=${image.previous}` });
    }
    for (const value of message.values ?? []) {
        trailers.push({ key: commit_message/* TRAILER */.AH.value, value: `${value.file}:${value.path}=${value.next}` });
        if (value.previous !== null)
            trailers.push({ key: commit_message/* TRAILER */.AH.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
    }
    trailers.push({ key: commit_message/* TRAILER */.AH.environment, value: message.to });
    trailers.push({ key: commit_message/* TRAILER */.AH.promotedFrom, value: `${message.from}@${message.sourceCommit}` });
    if (message.sourceRun)
        trailers.push({ key: commit_message/* TRAILER */.AH.sourceRun, value: message.sourceRun });
    for (const image of images) {
        const time = message.sourceTimes?.get(image.name);
        if (time)
            trailers.push({ key: commit_message/* TRAILER */.AH.sourceTime, value: `${image.name}=${time}` });
    }
    for (const approver of message.approvedBy ?? [])
        trailers.push({ key: commit_message/* TRAILER */.AH.approvedBy, value: approver });
    if (message.freezeOverride)
        trailers.push({ key: commit_message/* TRAILER */.AH.freezeOverride, value: message.freezeOverride });
    trailers.push({ key: commit_message/* TRAILER */.AH.stage, value: 'promote' });
    const body = `Promote ${message.from} → ${message.to}.\n\nFiles:\n${message.files.map((file) => `- ${file}`).join('\n')}`;
    return (0,commit_message/* buildCommitMessage */.vL)(subject, body, trailers);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/core/gitops/targets.ts
var targets = __webpack_require__(2142);
;// CONCATENATED MODULE: ./src/core/gitops/rendered-images.ts
/**
 * Which images a kustomization renders: the project's own reading of what `kustomize build`
 * would put in `containers[].image` / `initContainers[].image` / `ephemeralContainers[].image`
 * (the fields kustomize's image transformer edits), following `resources`, `bases`,
 * `components` and patch files inside the repository, and applying each kustomization's own
 * `images` renames on the way up. What it cannot follow without kustomize itself (remote
 * bases, helmCharts, generator/transformer plugins, files outside the checkout) is reported as
 * `unreadable`, so a caller can refuse instead of guessing.
 */





const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^(github\.com|gitlab\.com|bitbucket\.org)\//i;
/** `registry:5000/shop/api:1.2@sha256:…` → `registry:5000/shop/api` (how kustomize matches `images[].name`). */
function imageName(reference) {
    const at = reference.indexOf('@');
    const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
    const slash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}
function containerImages(node, into) {
    if ((0,dist/* isMap */.jh)(node)) {
        for (const pair of node.items) {
            const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
            if (key && CONTAINER_FIELDS.has(key) && (0,dist/* isSeq */.oP)(pair.value)) {
                for (const container of pair.value.items) {
                    if (!(0,dist/* isMap */.jh)(container))
                        continue;
                    const image = container.get('image', true);
                    if ((0,dist/* isScalar */.jn)(image) && typeof image.value === 'string' && image.value)
                        into.add(imageName(image.value));
                }
            }
            containerImages(pair.value, into);
        }
    }
    else if ((0,dist/* isSeq */.oP)(node)) {
        for (const item of node.items)
            containerImages(item, into);
    }
}
/** Inside the checkout, symlinks included. */
function isPathInside(root, path) {
    try {
        (0,paths/* resolveInside */.LI)(root, (0,external_node_path_.relative)(root, path), 'resources');
        return true;
    }
    catch {
        return false;
    }
}
function strings(node) {
    if (!(0,dist/* isSeq */.oP)(node))
        return [];
    return node.items.flatMap((item) => ((0,dist/* isScalar */.jn)(item) && typeof item.value === 'string' ? [item.value] : []));
}
/** Reads the images `file` (repository-relative) renders, within `root`. */
function renderedImages(root, file) {
    const unreadable = [];
    const visiting = new Set();
    const rel = (path) => (0,external_node_path_.relative)(root, path).split(external_node_path_.sep).join('/');
    const manifests = (path, into) => {
        for (const document of (0,dist/* parseAllDocuments */.hR)((0,external_node_fs_.readFileSync)(path, 'utf8'))) {
            if (document.errors.length > 0) {
                unreadable.push(`${rel(path)}: not YAML`);
                return;
            }
            containerImages(document.contents, into);
        }
    };
    /** `top`: the kustomization asked about, whose own `images` are what is being decided. */
    const kustomization = (path, isTop = false) => {
        const names = new Set();
        if (visiting.has(path))
            return names;
        visiting.add(path);
        const document = (0,dist/* parseAllDocuments */.hR)((0,external_node_fs_.readFileSync)(path, 'utf8'))[0];
        const top = document && !Array.isArray(document) && document.errors.length === 0 ? document.contents : undefined;
        if (!(0,dist/* isMap */.jh)(top)) {
            unreadable.push(`${rel(path)}: not a kustomization`);
            return names;
        }
        const here = (0,external_node_path_.dirname)(path);
        const entry = (field, value) => {
            if (REMOTE.test(value))
                return unreadable.push(`${rel(path)}: ${field} ${value} is remote`);
            const target = (0,external_node_path_.join)(here, value);
            if (!isPathInside(root, target) || !(0,external_node_fs_.existsSync)(target))
                return unreadable.push(`${rel(path)}: ${field} ${value} is not in the checkout`);
            if ((0,external_node_fs_.statSync)(target).isDirectory()) {
                let child;
                try {
                    child = (0,targets/* kustomizationIn */.d)(target, rel(target));
                }
                catch (error) {
                    return unreadable.push(error.message);
                }
                if (!child)
                    return unreadable.push(`${rel(path)}: ${field} ${value} has no kustomization`);
                for (const name of kustomization(child))
                    names.add(name);
            }
            else
                manifests(target, names);
        };
        for (const field of ['resources', 'bases', 'components'])
            for (const value of strings(top.get(field, true)))
                entry(field, value);
        // Patches may add containers (a sidecar); their images are rendered too.
        for (const value of strings(top.get('patchesStrategicMerge', true))) {
            if (/^\s*[[{]|\n/.test(value) || !(0,external_node_fs_.existsSync)((0,external_node_path_.join)(here, value)))
                continue;
            manifests((0,external_node_path_.join)(here, value), names);
        }
        const patches = top.get('patches', true);
        if ((0,dist/* isSeq */.oP)(patches)) {
            for (const patch of patches.items) {
                if (!(0,dist/* isMap */.jh)(patch))
                    continue;
                const patchFile = patch.get('path');
                if (typeof patchFile === 'string' && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(here, patchFile)) && isPathInside(root, (0,external_node_path_.join)(here, patchFile)))
                    manifests((0,external_node_path_.join)(here, patchFile), names);
                const inline = patch.get('patch');
                if (typeof inline === 'string')
                    for (const document of (0,dist/* parseAllDocuments */.hR)(inline))
                        containerImages(document.contents, names);
            }
        }
        for (const field of ['helmCharts', 'generators', 'transformers']) {
            if (top.has(field))
                unreadable.push(`${rel(path)}: ${field} needs kustomize itself`);
        }
        // This kustomization's own `images` renames what its resources use, before its parent sees them.
        const images = top.get('images', true);
        if (!isTop && (0,dist/* isSeq */.oP)(images)) {
            for (const image of images.items) {
                if (!(0,dist/* isMap */.jh)(image))
                    continue;
                const name = image.get('name');
                const newName = image.get('newName');
                if (typeof name === 'string' && typeof newName === 'string' && names.has(name)) {
                    names.delete(name);
                    names.add(newName);
                }
            }
        }
        visiting.delete(path);
        return names;
    };
    return { names: kustomization((0,external_node_path_.join)(root, file), true), unreadable };
}

// EXTERNAL MODULE: ./src/core/yaml/kustomization.ts
var kustomization = __webpack_require__(8802);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./src/core/images/image-line.ts
var image_line = __webpack_require__(2758);
;// CONCATENATED MODULE: ./src/core/promote/images.ts
/**
 * What moves: the images the source overlays set, narrowed to the requested services, and
 * the rules about each value (order, mutable tags). Pure: inputs are what was read from Git.
 */




/** The reference kustomize renders for an entry, e.g. `registry/api:1.2@sha256:…`. */
function render(name, value) {
    return (0,image_line/* formatImage */.vy)({ name, ...value });
}
/** Same image: equal digests when both have one (the tag is then only a label), else the same rendered reference. */
function sameValue(name, a, b) {
    if ((a.newName ?? name) !== (b.newName ?? name))
        return false;
    if (a.digest && b.digest)
        return a.digest === b.digest;
    return render(name, a) === render(name, b);
}
/** What a person calls the version: the tag, a short digest, or the full reference. */
function versionOf(name, value) {
    if (value.newTag)
        return value.newTag;
    if (value.digest)
        return value.digest.slice(0, 19);
    return render(name, value);
}
function lastSegment(reference) {
    return reference.split('/').pop();
}
/**
 * Whether an `images[]` entry belongs to a service. With the service manifest's `image` for
 * the service: the entry's name or newName is that image. Otherwise by name: the entry's
 * name is the service, or the last path segment of its name or newName is
 * (`registry.example.com/shop/api` belongs to `api`).
 */
function belongsToService(entry, service, manifestImage) {
    if (manifestImage)
        return entry.name === manifestImage || entry.newName === manifestImage;
    return (entry.name === service || lastSegment(entry.name) === service || (entry.newName !== undefined && lastSegment(entry.newName) === service));
}
/** Merges an environment's overlays into one value per image; overlays that disagree are reported. */
function mergeOverlays(overlays) {
    const byName = new Map();
    const conflicts = [];
    for (const overlay of overlays) {
        for (const { name, ...value } of overlay.images) {
            const known = byName.get(name);
            if (!known) {
                byName.set(name, { name, value, files: [overlay.file] });
                continue;
            }
            if (!sameValue(name, known.value, value) && !conflicts.some((refusal) => refusal.subject === name)) {
                conflicts.push({
                    subject: name,
                    kind: 'image',
                    rule: RULE.ambiguousSource,
                    detail: `${known.files[0]} sets ${render(name, known.value)} but ${overlay.file} sets ${render(name, value)}; align the source overlays or promote with 'services'`,
                });
            }
            known.files.push(overlay.file);
        }
    }
    return { images: [...byName.values()], conflicts };
}
/**
 * The images to promote: every image the source sets, or those of `services`. A service the
 * source does not set is refused (promoting it would silently do nothing).
 */
function selectImages(source, sourceEnvironment, services, manifestImages = new Map()) {
    const { images, conflicts } = mergeOverlays(source);
    if (services.length === 0)
        return { images, refusals: conflicts };
    const refusals = [];
    const selected = new Set();
    for (const service of services) {
        const matches = images.filter((image) => belongsToService({ name: image.name, ...image.value }, service, manifestImages.get(service)));
        if (matches.length === 0) {
            const manifestImage = manifestImages.get(service);
            refusals.push({
                subject: service,
                kind: 'service',
                rule: RULE.serviceMissing,
                detail: `the ${sourceEnvironment.name} overlays (${source.map((overlay) => overlay.file).join(', ')}) set no image ${manifestImage ? `named ${manifestImage}` : `for it (by name or last path segment)`}`,
            });
        }
        for (const match of matches)
            selected.add(match);
    }
    const names = new Set([...selected].map((image) => image.name));
    return { images: [...selected], refusals: [...conflicts.filter((conflict) => names.has(conflict.subject)), ...refusals] };
}
/**
 * An image may only reach an environment after the one before it: when `from` is not the
 * environment just before `to`, each value must already run there. `allowSkip` lifts the rule.
 */
function orderRefusals(images, route, previousImages, allowSkip) {
    if (allowSkip || route.toIndex === route.fromIndex + 1)
        return [];
    const previous = new Map(previousImages.map((image) => [image.name, image]));
    return images.flatMap((image) => {
        const there = previous.get(image.name);
        if (there && sameValue(image.name, image.value, there.value))
            return [];
        return [
            {
                subject: image.name,
                kind: 'image',
                rule: RULE.order,
                detail: `${render(image.name, image.value)} would skip ${route.previous.name}, which runs ${there ? render(image.name, there.value) : 'no value for it'}; promote ${route.from.name} → ${route.previous.name} first (or set allow-skip)`,
            },
        ];
    });
}
/** Tags that name a moving target; globs, matched against the whole tag. */
const DEFAULT_MUTABLE_TAGS = [
    'latest',
    'main',
    'master',
    'develop',
    'development',
    'dev',
    'trunk',
    'head',
    'edge',
    'nightly',
    'stable',
    'staging',
    'feature-*',
    'feat-*',
    'fix-*',
    'bugfix-*',
    'pr-*',
    'mr-*',
];
/** Mutable tags (or no tag and no digest) are refused in protected environments. */
function mutableTagRefusals(images, target, patterns) {
    const isMutable = picomatch_default()([...patterns], { nocase: true, dot: true });
    return images.flatMap((image) => {
        const { newTag, digest } = image.value;
        let reason;
        if (newTag && isMutable(newTag))
            reason = `tag '${newTag}' is mutable (matches mutable-tags)`;
        else if (!newTag && !digest)
            reason = 'no tag and no digest: whatever the base or the registry says at deploy time';
        if (!reason)
            return [];
        return [
            {
                subject: image.name,
                kind: 'image',
                rule: RULE.mutableTag,
                detail: `${render(image.name, image.value)}: ${reason}; ${target} is protected and needs a version tag (pin-digest adds the digest)`,
            },
        ];
    });
}
/**
 * Values read from the source overlays are data from a repository: each must be a valid image
 * reference (the grammar of the `images` input) before it is written, summarised or diagrammed.
 */
function referenceRefusals(images) {
    const refusals = [];
    for (const image of images) {
        const { newName, newTag, digest } = image.value;
        const line = `${image.name}=${newName ?? image.name}${newTag === undefined ? '' : `:${newTag}`}${digest === undefined ? '' : `@${digest}`}`;
        try {
            if (newTag === '' || digest === '')
                throw new errors/* InputError */.dz('images', line, 'a tag or digest', 'empty');
            (0,image_line/* parseImageLine */.tz)(line, 'images');
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            refusals.push({
                subject: image.name,
                kind: 'image',
                rule: RULE.invalidReference,
                detail: `${image.files.join(', ')} set ${JSON.stringify(render(image.name, image.value))}, which is not an image reference${error.detail ? ` (${error.detail})` : ''}`,
            });
        }
    }
    return refusals;
}

;// CONCATENATED MODULE: ./src/core/promote/plan.ts
/**
 * Writing the target: the gitops-bump engine's byte-preserving `setImages`, with overrides
 * that set exactly the source value (newName, newTag, digest as the source entry has them).
 * Each target overlay that lists an image gets the value; an environment made of several
 * apps (overlays listing different images) is therefore handled, and an image no target
 * overlay lists is refused unless `addMissing`, which adds it to the target overlays whose render
 * uses it (the project's reading of resources/bases/components; see rendered-images.ts) and
 * refuses it when none does.
 */







/** An override that makes the entry exactly the source value (kustomize's replace semantics). */
function overrideFor(image, keepTargetRegistry = false) {
    const { newName, newTag, digest } = image.value;
    // keep-target-registry: the target's newName stays (one registry per region, as Kargo documents).
    return {
        name: image.name,
        newName,
        newTag,
        digest,
        keepNewName: keepTargetRegistry,
        line: `${image.name}=${render(image.name, image.value)}`,
    };
}
function planTargets(root, target, images, sourceValues, options) {
    const overrides = images.map((image) => overrideFor(image, options.keepTargetRegistry));
    const files = [];
    const entries = [];
    const changes = [];
    const refusals = [];
    const listed = new Set();
    const added = new Set();
    const unreadable = [];
    const targetFiles = (0,targets/* resolveKustomizations */.Z)(root, target.overlays, 'environments');
    for (const file of targetFiles) {
        const before = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8');
        const here = new Set((0,kustomization/* readImages */.H)(before, file).map((entry) => entry.name));
        for (const name of here)
            listed.add(name);
        let fileOverrides = overrides;
        if (options.addMissing && overrides.some((override) => !here.has(override.name))) {
            // add-missing only where the overlay renders a workload using the image.
            const rendered = renderedImages(root, file);
            unreadable.push(...rendered.unreadable);
            fileOverrides = overrides.filter((override) => here.has(override.name) || rendered.names.has(override.name));
            for (const override of fileOverrides)
                if (!here.has(override.name))
                    added.add(override.name);
        }
        const result = (0,kustomization/* setImages */.B)(before, fileOverrides, { file, addMissing: options.addMissing });
        if (result.content !== before)
            files.push({ path: file, content: result.content });
        changes.push(...result.changes);
        for (const change of result.changes) {
            entries.push({
                image: change.name,
                file,
                from: sourceValues.get(change.name) ?? render(change.name, change.next),
                current: change.previous ? render(change.name, change.previous) : null,
                written: render(change.name, change.next),
            });
        }
    }
    for (const image of images.filter((candidate) => !listed.has(candidate.name) && !added.has(candidate.name))) {
        if (!options.addMissing) {
            refusals.push({
                subject: image.name,
                kind: 'image',
                rule: RULE.targetMissing,
                detail: `no ${target.name} overlay (${targetFiles.join(', ')}) has an images entry for it; add one, limit 'services', or set add-missing`,
            });
            continue;
        }
        refusals.push({
            subject: image.name,
            kind: 'image',
            rule: RULE.notRendered,
            detail: `no ${target.name} overlay (${targetFiles.join(', ')}) renders a workload using it, so add-missing adds it nowhere${unreadable.length ? ` (could not read: ${[...new Set(unreadable)].join('; ')})` : ''}; add the workload to the overlay's resources, or limit 'services'`,
        });
    }
    return { files, entries, changes, refusals };
}

// EXTERNAL MODULE: ./src/core/yaml/values.ts
var yaml_values = __webpack_require__(954);
;// CONCATENATED MODULE: ./src/core/promote/values.ts
/**
 * Promoting Helm values and other YAML paths: `values` lines map a scalar in a source file to
 * a scalar in a target file, both repository paths:
 *
 *     charts/api/values-staging.yaml:image.tag -> charts/api/values-prod.yaml:image.tag
 *
 * The source value is read at the source commit; the target is edited byte-preservingly by the
 * same engine as gitops-bump's `set` (only the value's bytes change; only the last key of the
 * target path may be missing). The value keeps the source's type: `replicas: 3` arrives as 3,
 * `tag: "1.10"` as the string "1.10".
 */






const VALUES_EXPECTED = 'lines of <source-file>:<path> -> <target-file>:<path>, e.g. values-staging.yaml:image.tag -> values-prod.yaml:image.tag';
const locationText = (location) => `${location.file}:${(0,yaml_values/* formatPath */.jV)(location.path)}`;
function values_location(text, line, input) {
    const colon = text.indexOf(':');
    const file = text.slice(0, Math.max(colon, 0)).trim();
    if (colon <= 0 || file === '')
        throw new errors/* InputError */.dz(input, line, VALUES_EXPECTED, `"${text}" has no "<file>:" before the path`);
    return { file, path: (0,yaml_values/* parseValuePath */.gI)(text.slice(colon + 1).trim(), input, line, VALUES_EXPECTED) };
}
/** Parses the `values` input; empty lines and `#` comments are skipped; a target written twice is refused. */
function parseValueMoves(text, input = 'values') {
    const moves = [];
    const targets = new Set();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const parts = line.split(/\s+->\s+/);
        if (parts.length !== 2)
            throw new errors/* InputError */.dz(input, line, VALUES_EXPECTED, 'expected one " -> " between source and target');
        const move = { source: values_location(parts[0], line, input), target: values_location(parts[1], line, input), line };
        const key = locationText(move.target);
        if (targets.has(key))
            throw new errors/* InputError */.dz(input, line, VALUES_EXPECTED, `${key} is a target twice`);
        targets.add(key);
        moves.push(move);
    }
    return moves;
}
/** The repository-relative form of a path from a `values` line, refused outside the checkout. */
function repositoryPath(root, file, input) {
    return (0,external_node_path_.relative)(root, (0,paths/* resolveInside */.LI)(root, file, input))
        .split(external_node_path_.sep)
        .join('/');
}
/** Reads every source value in the source checkout; a missing file or path is a refusal, not a crash. */
function readSourceValues(root, moves) {
    const values = [];
    const refusals = [];
    for (const move of moves) {
        const file = repositoryPath(root, move.source.file, 'values');
        const source = { ...move, source: { ...move.source, file } };
        let content;
        try {
            content = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8');
        }
        catch {
            refusals.push({
                subject: locationText(source.source),
                kind: 'value',
                rule: RULE.valueMissing,
                detail: `${file} does not exist in the source`,
            });
            continue;
        }
        const value = (0,yaml_values/* readValue */.wK)(content, file, move.source.path);
        if (!value || value.text === null) {
            refusals.push({
                subject: locationText(source.source),
                kind: 'value',
                rule: RULE.valueMissing,
                detail: `${file} sets no value at ${(0,yaml_values/* formatPath */.jV)(move.source.path)} (${move.line})`,
            });
            continue;
        }
        values.push({ move: source, text: value.text, typed: value.typed });
    }
    return { values, refusals };
}
/** Source values as promoted subjects (for verified and soak): the source file still sets the same text. */
function valueSubjects(values) {
    return values.map(({ move, text }) => ({
        kind: 'value',
        subject: locationText(move.source),
        value: text,
        files: [move.source.file],
        holds: (content, file) => {
            if (content === undefined)
                return false;
            try {
                return (0,yaml_values/* readValue */.wK)(content, file, move.source.path)?.text === text;
            }
            catch {
                return false;
            }
        },
    }));
}
/**
 * Writes the source values into the target files of the checkout at `root`, on top of
 * `contents` (files another part of the plan already edited). Returns only files that change.
 */
function planValues(root, values, contents) {
    const byFile = new Map();
    for (const value of values) {
        const file = repositoryPath(root, value.move.target.file, 'values');
        byFile.set(file, [...(byFile.get(file) ?? []), value]);
    }
    const files = new Map();
    const changes = [];
    const entries = [];
    for (const [file, moves] of byFile) {
        let before = contents.get(file);
        if (before === undefined) {
            try {
                before = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(root, file), 'utf8');
            }
            catch {
                throw new errors/* FileError */.f6(file, `the target of values line '${moves[0]?.move.line}' does not exist`);
            }
        }
        const result = (0,yaml_values/* setValues */.VI)(before, file, moves.map(({ move, text, typed }) => ({ path: move.target.path, value: text, typed })));
        if (result.content !== before)
            files.set(file, result.content);
        result.results.forEach((edit, index) => {
            if (!edit.changed)
                return;
            const { move, text } = moves[index];
            const path = (0,yaml_values/* formatPath */.jV)(move.target.path);
            changes.push({ file, path, previous: edit.previous, next: text });
            entries.push({ image: `${file}:${path}`, file, from: `${locationText(move.source)}=${text}`, current: edit.previous, written: text });
        });
    }
    return { files, changes, entries };
}

;// CONCATENATED MODULE: ./src/core/promote/change.ts




/**
 * The promotion as a change of the race-safe transaction, computed again from the target
 * checkout on every attempt: the overlays' image entries, then the values lines on top of them;
 * a target that cannot take the images is refused (PromotionRefused), never half-written.
 */
function promotionChange(options) {
    return async ({ dir, attempt }) => {
        const targets = planTargets(dir, options.target, options.images, options.sourceValues, {
            addMissing: options.addMissing,
            keepTargetRegistry: options.keepTargetRegistry,
        });
        if (targets.refusals.length > 0)
            throw new PromotionRefused(targets.refusals);
        const valuePlan = planValues(dir, options.values, new Map(targets.files.map((file) => [file.path, file.content])));
        const files = [
            ...targets.files.filter((file) => !valuePlan.files.has(file.path)),
            ...[...valuePlan.files].map(([path, content]) => ({ path, content })),
        ];
        targets.entries.push(...valuePlan.entries);
        if (attempt === 1 || files.length > 0)
            options.onPlan?.(targets.entries, attempt);
        const message = promotionCommitMessage({
            ...options.message,
            files: files.map((file) => file.path),
            changes: targets.changes,
            values: valuePlan.changes,
        });
        return { files, message, detail: { ...targets, files, valueChanges: valuePlan.changes } };
    };
}

// EXTERNAL MODULE: ./src/core/promote/environments.ts
var promote_environments = __webpack_require__(5072);
;// CONCATENATED MODULE: ./src/core/promote/freeze.ts
/**
 * Promotion freezes per environment (gitops-promoter's deployment freeze, Kargo's promotion
 * windows): fixed intervals such as a year-end freeze, and weekly windows such as "no prod
 * changes from Friday 16:00 to Monday 08:00". Pure: the stage passes the clock.
 *
 *     prod:
 *       - 2026-12-20/2027-01-04                  # dates (UTC); the end date is excluded
 *       - 2026-11-26T18:00Z/2026-11-27T08:00Z     # instants
 *       - Fri 16:00 - Mon 08:00 Europe/Berlin     # weekly, in a time zone (UTC by default)
 */


const INPUT = 'freeze';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const EXPECTED = "a YAML mapping of environment -> list of windows: 'YYYY-MM-DD/YYYY-MM-DD', 'YYYY-MM-DDTHH:MMZ/YYYY-MM-DDTHH:MMZ' or 'Fri 16:00 - Mon 08:00 [IANA zone]'";
const WEEKLY = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+(\d{1,2}):(\d{2})\s*-\s*(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+(\d{1,2}):(\d{2})(?:\s+([A-Za-z_]+(?:\/[A-Za-z_+-]+)*))?$/i;
function instant(text, window) {
    const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
    const time = Date.parse(value);
    if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/.test(text) || Number.isNaN(time)) {
        throw new errors/* InputError */.dz(INPUT, window, EXPECTED, `'${text}' is not a date or an instant with a zone`);
    }
    return time;
}
function checkZone(timeZone, window) {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone });
    }
    catch {
        throw new errors/* InputError */.dz(INPUT, window, EXPECTED, `'${timeZone}' is not an IANA time zone`);
    }
}
function parseFreezeWindow(text) {
    const trimmed = text.trim();
    const weekly = WEEKLY.exec(trimmed);
    if (weekly) {
        const minuteOfWeek = (day, hour, minute) => {
            if (Number(hour) > 23 || Number(minute) > 59)
                throw new errors/* InputError */.dz(INPUT, trimmed, EXPECTED, `${hour}:${minute} is not a time of day`);
            return DAYS.indexOf(day.toLowerCase().slice(0, 3)) * 1440 + Number(hour) * 60 + Number(minute);
        };
        const timeZone = weekly[7] ?? 'UTC';
        checkZone(timeZone, trimmed);
        const [, d1, h1, m1, d2, h2, m2] = weekly;
        return {
            kind: 'weekly',
            text: trimmed,
            start: minuteOfWeek(d1, h1, m1),
            end: minuteOfWeek(d2, h2, m2),
            timeZone,
        };
    }
    const parts = trimmed.split('/');
    if (parts.length !== 2)
        throw new errors/* InputError */.dz(INPUT, trimmed, EXPECTED);
    const start = instant(parts[0], trimmed);
    const end = instant(parts[1], trimmed);
    if (end <= start)
        throw new errors/* InputError */.dz(INPUT, trimmed, EXPECTED, 'the window ends before it starts');
    return { kind: 'interval', text: trimmed, start, end };
}
/** environment -> windows; environments must be known names. */
function parseFreeze(text, environments) {
    const windows = new Map();
    if (text.trim() === '')
        return windows;
    let data;
    try {
        data = (0,dist/* parse */.qg)(text, { maxAliasCount: 100 });
    }
    catch {
        throw new errors/* InputError */.dz(INPUT, text, EXPECTED, 'it is not valid YAML');
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
        throw new errors/* InputError */.dz(INPUT, text, EXPECTED);
    for (const [environment, list] of Object.entries(data)) {
        if (!environments.includes(environment)) {
            throw new errors/* InputError */.dz(INPUT, environment, `an environment from 'environments' (${environments.join(', ')})`);
        }
        const items = Array.isArray(list) ? list : [list];
        if (!items.every((item) => typeof item === 'string'))
            throw new errors/* InputError */.dz(INPUT, environment, EXPECTED);
        windows.set(environment, items.map(parseFreezeWindow));
    }
    return windows;
}
/** Minute of the week (0 = Sunday 00:00) of `now` in `timeZone`. */
function minuteOfWeek(now, timeZone) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
        .formatToParts(now)
        .map((part) => [part.type, part.value]));
    return DAYS.indexOf(String(parts.weekday).toLowerCase()) * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
}
/** The window that freezes `environment` at `now`, if any. Weekly windows may wrap over the weekend. */
function activeFreeze(windows, environment, now) {
    return windows.get(environment)?.find((window) => {
        if (window.kind === 'interval')
            return now.getTime() >= window.start && now.getTime() < window.end;
        const minute = minuteOfWeek(now, window.timeZone);
        return window.start <= window.end ? minute >= window.start && minute < window.end : minute >= window.start || minute < window.end;
    });
}

// EXTERNAL MODULE: ./src/core/git/trailers.ts
var trailers = __webpack_require__(4082);
// EXTERNAL MODULE: ./src/core/images/reference.ts
var images_reference = __webpack_require__(6827);
;// CONCATENATED MODULE: ./src/core/promote/recorded.ts



/** image name -> tag -> the newest digest recorded for it, from messages newest first. */
function recordedDigests(commits) {
    const recorded = new Map();
    for (const commit of commits) {
        for (const trailer of (0,trailers/* parseTrailers */.a)(commit.message)) {
            if (trailer.key !== commit_message/* TRAILER */.AH.image)
                continue;
            const eq = trailer.value.indexOf('=');
            if (eq <= 0)
                continue;
            const name = trailer.value.slice(0, eq);
            const reference = (0,images_reference/* splitReference */.mQ)(trailer.value.slice(eq + 1));
            if (!reference?.tag || !reference.digest)
                continue;
            const tags = recorded.get(name) ?? new Map();
            if (!tags.has(reference.tag))
                tags.set(reference.tag, { digest: reference.digest, commit: commit.sha });
            recorded.set(name, tags);
        }
    }
    return recorded;
}
/** Reads the trailers of the commits that touched the source overlays (at most `max`). */
async function readRecordedDigests(git, files, max = 200) {
    return recordedDigests(await git.log({ max, paths: [...files] }));
}
/** The recorded digest for a source image that names a tag but no digest. */
function recordedFor(image, recorded) {
    if (image.value.digest || !image.value.newTag)
        return undefined;
    return recorded.get(image.name)?.get(image.value.newTag);
}

// EXTERNAL MODULE: ./src/core/build/registry.ts
var build_registry = __webpack_require__(5309);
;// CONCATENATED MODULE: ./src/core/promote/registry.ts
/**
 * Checks before writing that need the registry: every image exists (`verify-images`) and
 * tags resolve to digests (`pin-digest`). Uses the build stage's OCI distribution client.
 */





/**
 * Returns the images as they will be written (with digests added when pinning) and a refusal
 * for every reference the registry does not have. Registry errors other than "not found"
 * (auth, network) are thrown: they say nothing about the image.
 */
async function checkRegistry(images, options) {
    if (!options.verify && !options.pin)
        return { images: [...images], refusals: [], pinned: [] };
    const recorded = options.recorded ?? new Map();
    const clients = new Map();
    const client = (registry) => {
        let found = clients.get(registry);
        if (!found) {
            found = new build_registry/* RegistryClient */.bP(options.accessFor(registry), options.fetch);
            clients.set(registry, found);
        }
        return found;
    };
    const refusals = [];
    const pinned = [];
    const checked = await Promise.all(images.map(async (image) => {
        const reference = render(image.name, image.value);
        const parsed = (0,images_reference/* parseImageReference */.o_)(reference, 'images');
        const lookup = parsed.digest ?? parsed.tag ?? 'latest';
        const trailer = options.pin ? recordedFor(image, recorded) : undefined;
        const digest = await client(parsed.registry).manifestDigest(parsed.repository, trailer?.digest ?? lookup);
        if (!digest) {
            refusals.push({
                subject: image.name,
                kind: 'image',
                rule: RULE.imageMissing,
                detail: `${reference} is not in ${parsed.registry} (no manifest ${parsed.repository}:${lookup})`,
            });
            return image;
        }
        if (!options.pin || image.value.digest)
            return image;
        if (trailer) {
            // The source runs the recorded digest; the tag may have been re-pushed since.
            const current = await client(parsed.registry).manifestDigest(parsed.repository, lookup);
            if (current && current !== trailer.digest && options.refuseMovedTags) {
                refusals.push({
                    subject: image.name,
                    kind: 'image',
                    rule: RULE.tagMoved,
                    detail: `${reference} now points to ${current}, but the source runs ${trailer.digest} (recorded by ${trailer.commit.slice(0, 12)}); promote by digest or rebuild`,
                });
            }
            pinned.push({ image: image.name, reference, digest: trailer.digest, from: 'trailer' });
            return { ...image, value: { ...image.value, digest: trailer.digest } };
        }
        pinned.push({ image: image.name, reference, digest, from: 'registry' });
        return { ...image, value: { ...image.value, digest } };
    }));
    const bySubject = (a, b) => String(a.subject ?? a.image).localeCompare(String(b.subject ?? b.image));
    return { images: checked, refusals: refusals.sort(bySubject), pinned: pinned.sort(bySubject) };
}

// EXTERNAL MODULE: ./src/core/promote/source.ts
var source = __webpack_require__(1819);
;// CONCATENATED MODULE: ./src/core/promote/verified.ts




/** Whether a kustomization text sets the image to the same value. */
function imageIn(text, file, image) {
    if (text === undefined)
        return false;
    try {
        const entry = (0,kustomization/* readImages */.H)(text, file).find((candidate) => candidate.name === image.name);
        if (!entry)
            return false;
        const { name: _name, ...value } = entry;
        return sameValue(image.name, image.value, value);
    }
    catch {
        return false;
    }
}
/**
 * The commit that set the image's current value in `file`: walking the file's history newest
 * first, the first commit whose parent had another value (or no such entry, or no such file).
 */
async function commitThatSet(history, file, subject, options) {
    const { git } = history;
    for (;;) {
        const boundary = await git.shallowBoundary();
        const commits = await history.commits(file);
        let reachedBoundary = false;
        for (const { sha } of commits) {
            if (boundary.has(sha)) {
                reachedBoundary = true;
                break;
            }
            if (!subject.holds(await history.parentText(sha, file), file))
                return sha;
        }
        // The history behind a shallow boundary is unknown: fetch more, or (none left) the boundary set it.
        if (!reachedBoundary || !(await options.deepen()))
            return commits[commits.length - 1]?.sha ?? (await git.head());
        history.forget();
    }
}
/** The history of the source files, read once however many images an overlay sets. */
class History {
    git;
    max;
    logs = new Map();
    texts = new Map();
    constructor(git, max) {
        this.git = git;
        this.max = max;
    }
    commits(file) {
        const log = this.logs.get(file) ?? this.git.log({ paths: [file], max: this.max });
        this.logs.set(file, log);
        return log;
    }
    parentText(sha, file) {
        const key = `${sha}:${file}`;
        const text = this.texts.get(key) ?? this.git.fileAt(`${sha}^`, file);
        this.texts.set(key, text);
        return text;
    }
    /** More history was fetched: what was read at the old boundary may have changed. */
    forget() {
        this.logs.clear();
        this.texts.clear();
    }
}
/** Images as promoted subjects. */
function imageSubjects(images) {
    return images.map((image) => ({
        kind: 'image',
        subject: image.name,
        value: render(image.name, image.value),
        files: image.files,
        holds: (text, file) => imageIn(text, file, image),
    }));
}
/** Where each subject's value came from in the source, with its recorded verdict. */
async function sourceDeployments(git, subjects, options) {
    const deployments = [];
    const history = new History(git, options.maxCommits ?? 1000);
    for (const subject of subjects) {
        let newest;
        for (const file of subject.files) {
            const commit = await commitThatSet(history, file, subject, options);
            const committedAt = await git.committedAt(commit);
            if (!newest || committedAt > newest.committedAt)
                newest = { commit, committedAt };
        }
        if (!newest)
            continue;
        const verdicts = await (0,gitops_verdicts/* readVerdicts */.Hk)(git, newest.commit);
        deployments.push({
            kind: subject.kind,
            image: subject.subject,
            value: subject.value,
            ...newest,
            verdict: (0,gitops_verdicts/* latestVerdict */.hL)(verdicts, options.environment),
            unnamedVerdicts: verdicts.filter((verdict) => verdict.environment === undefined).length,
        });
    }
    return deployments;
}
/** `45s`, `10m`, `1.5h`: how long, as soak is written. */
function formatSoak(ms) {
    if (ms < 60_000)
        return `${Math.floor(ms / 1000)}s`;
    return ms < 3_600_000 ? `${Math.floor(ms / 60_000)}m` : `${Number((ms / 3_600_000).toFixed(1))}h`;
}
/** `verified`: a Successful verdict for the commit; `soakMs`: run at least that long. */
function verificationRefusals(deployments, rules) {
    const refusals = [];
    for (const deployment of deployments) {
        const at = `${rules.environment} commit ${deployment.commit.slice(0, 12)}`;
        if (rules.verified && deployment.verdict?.verdict !== 'Successful') {
            const detail = deployment.verdict
                ? `the health gate recorded ${deployment.verdict.verdict} for ${at} (${deployment.value}) at ${deployment.verdict.checkedAt.toISOString()}`
                : `no health-gate verdict is recorded for ${at} (${deployment.value}) in refs/notes/aegis${deployment.unnamedVerdicts ? ` (only ${deployment.unnamedVerdicts} without an environment: set health-gate's environment to '${rules.environment}')` : ''}; run health-gate with repository, rollback-commit and environment '${rules.environment}'`;
            refusals.push({ subject: deployment.image, kind: deployment.kind, rule: RULE.unverified, detail });
        }
        if (rules.soakMs !== undefined) {
            const ranMs = rules.now.getTime() - deployment.committedAt.getTime();
            if (ranMs < rules.soakMs) {
                refusals.push({
                    subject: deployment.image,
                    kind: deployment.kind,
                    rule: RULE.soak,
                    detail: `${rules.environment} has run ${deployment.value} for ${formatSoak(Math.max(0, ranMs))} (since ${deployment.committedAt.toISOString()}, ${at}); soak needs ${formatSoak(rules.soakMs)}: promote after ${new Date(deployment.committedAt.getTime() + rules.soakMs).toISOString()}`,
                });
            }
        }
    }
    return refusals;
}

// EXTERNAL MODULE: ./src/stages/gitops-push.ts
var gitops_push = __webpack_require__(5936);
// EXTERNAL MODULE: ./src/stages/gitops-repository.ts + 1 modules
var gitops_repository = __webpack_require__(7106);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
;// CONCATENATED MODULE: ./src/core/promote/diagram.ts
/**
 * A mermaid flowchart of the environments in order with the version of each promoted image,
 * the target showing before → after. GitHub and GitLab both render it in markdown.
 */

function promotionDiagram(environments, route, moved, changed) {
    const lines = ['flowchart LR'];
    environments.forEach((environment, index) => {
        const rows = [];
        if (index === route.toIndex) {
            const images = new Set([...environment.versions.keys(), ...moved.map((movement) => movement.image)]);
            for (const image of [...images].sort()) {
                const movement = moved.find((candidate) => candidate.image === image);
                const now = (environment.versions.get(image) ?? []).join(' / ') || '—';
                rows.push(movement ? `${image}: ${movement.before ?? '—'} → ${movement.after}` : `${image}: ${now}`);
            }
        }
        else {
            for (const [image, versions] of [...environment.versions].sort(([a], [b]) => a.localeCompare(b))) {
                rows.push(`${image}: ${versions.join(' / ')}`);
            }
        }
        if (environment.note)
            rows.push(environment.note);
        const label = [`<b>${(0,markdown/* mermaidText */.Hg)(environment.name)}</b>`, ...rows.map(markdown/* mermaidText */.Hg)].join('<br/>');
        lines.push(`  env${index}["${label}"]`);
    });
    for (let index = 0; index + 1 < environments.length; index++) {
        if (index === route.fromIndex && route.toIndex === index + 1)
            continue;
        lines.push(`  env${index} --> env${index + 1}`);
    }
    const label = changed ? `promote ${moved.length}` : 'nothing to promote';
    lines.push(`  env${route.fromIndex} ==>|${(0,markdown/* mermaidText */.Hg)(label)}| env${route.toIndex}`);
    lines.push('  classDef target stroke-width:3px');
    lines.push(`  class env${route.toIndex} target`);
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\``;
}

;// CONCATENATED MODULE: ./src/stages/promote/summary.ts





const summary_short = (name) => name.split('/').pop();
/** The version of each promoted image in every environment at the source commit (for the diagram). */
function environmentVersions(root, environments, images) {
    const names = new Set(images.map((image) => image.name));
    return environments.map((environment) => {
        try {
            const versions = new Map();
            for (const overlay of (0,source/* readEnvironment */.Q)(root, environment)) {
                for (const { name, ...value } of overlay.images) {
                    if (!names.has(name))
                        continue;
                    const list = versions.get(summary_short(name)) ?? [];
                    const version = versionOf(name, value);
                    if (!list.includes(version))
                        list.push(version);
                    versions.set(summary_short(name), list);
                }
            }
            return { name: environment.name, versions };
        }
        catch {
            return { name: environment.name, versions: new Map(), note: '(overlays not found)' };
        }
    });
}
function planTable(entries) {
    if (entries.length === 0)
        return 'Nothing to promote: the target already runs these values.';
    return (0,markdown/* markdownTable */.Qj)(['image', 'file', 'source value', 'target now', 'written'], entries.map((entry) => [entry.image, entry.file, entry.from, entry.current ?? '(none)', entry.written]));
}
function refusalTable(refusals) {
    return (0,markdown/* markdownTable */.Qj)(['subject', 'rule', 'detail'], refusals.map((refusal) => [`${refusal.kind} ${refusal.subject}`, refusal.rule, refusal.detail]));
}
function movements(changes) {
    const seen = new Map();
    for (const change of changes) {
        if (seen.has(change.name))
            continue;
        seen.set(change.name, {
            image: summary_short(change.name),
            before: change.previous ? versionOf(change.name, change.previous) : null,
            after: versionOf(change.name, change.next),
        });
    }
    return [...seen.values()];
}
/** The source's verification: the commit that set each value, its verdict and how long it has run. */
function verificationTable(input, now = new Date()) {
    const { verified, soakMs, route } = input.options;
    const required = [verified ? 'a Successful health-gate verdict' : '', soakMs !== undefined ? `a soak of ${formatSoak(soakMs)}` : '']
        .filter(Boolean)
        .join(' and ');
    const rows = input.deployments.map((deployment) => [
        deployment.value,
        deployment.commit.slice(0, 12),
        deployment.verdict ? `${deployment.verdict.verdict} at ${deployment.verdict.checkedAt.toISOString()}` : '(none recorded)',
        `${formatSoak(Math.max(0, now.getTime() - deployment.committedAt.getTime()))} (since ${deployment.committedAt.toISOString()})`,
    ]);
    return `Required of ${route.from.name}: ${required}.\n\n${(0,markdown/* markdownTable */.Qj)(['value', 'set by commit', 'verdict', 'running for'], rows)}`;
}
function summaryMarkdown(input) {
    const { route } = input.options;
    const parts = [
        `### aegis promote: ${route.from.name} → ${route.to.name}`,
        `${input.status ?? ''}${input.pullRequestUrl ? `\n\nPull request: ${input.pullRequestUrl}` : ''}`,
        `Source: \`${route.from.name}\` at \`${input.sourceCommit}\`; mode: ${input.options.mode}.`,
    ];
    if (input.approvedBy?.length)
        parts.push(`Approved by: ${input.approvedBy.map(markdown/* inlineText */.ln).join('; ')}.`);
    if (input.refusals?.length)
        parts.push(`#### Refusals\n\n${refusalTable(input.refusals)}`);
    else
        parts.push(planTable(input.entries));
    if (input.options.verified || input.options.soakMs !== undefined)
        parts.push(verificationTable(input));
    if (input.pinned.length > 0) {
        parts.push((0,markdown/* markdownTable */.Qj)(['image', 'tag', 'pinned digest'], input.pinned.map((pin) => [pin.image, pin.reference, pin.digest])));
    }
    if (input.environments.length > 0) {
        parts.push(promotionDiagram(input.environments, route, movements(input.changes), input.changes.length > 0));
    }
    return `${parts.join('\n\n')}\n`;
}

// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/promote.ts




















/** Commits of history read behind the source overlays for their Aegis-Image trailers. */
const RECORDED_HISTORY = 200;




const definition = {
    name: 'promote',
    title: 'Promote',
    description: 'Promote exactly what one environment runs to the next: read the image references the source overlays set at a commit, check them (order, mutable tags, registry, Argo CD), and write them into the target overlays with provenance trailers — pushed, or as a pull/merge request for environments that need approval.',
    inputs: {
        ...(0,gitops_repository/* gitopsRepositoryInputs */.c5)({
            required: true,
            branch: 'Branch holding the overlays (the base branch in pull-request mode).',
            author: 'Commit author as "Name <email>".',
        }),
        from: { description: 'Source environment (a name from environments).', required: true },
        to: { description: 'Target environment; must come after from (the next one unless allow-skip).', required: true },
        environments: {
            description: 'YAML mapping of environment → overlay path or list of paths, in promotion order; a plain list of names means overlays/<env>.',
            default: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod',
        },
        'from-ref': {
            description: 'Branch, tag or full commit SHA at which the source overlays are read; defaults to the tip of branch.',
        },
        services: {
            description: "Services to promote (lines or comma-separated); empty promotes every image the source sets. A service matches an images entry by the service manifest's image, else by name or last path segment (api matches registry.example.com/shop/api).",
        },
        'service-manifest': { description: 'Service manifest (as detect reads) whose `image` fields map services to images; optional.' },
        'allow-skip': {
            description: 'Allow values that the environment just before `to` does not run yet (skipping an environment).',
            default: 'false',
        },
        'protected-environments': {
            description: "Environments where mutable tags are refused (lines or comma-separated; 'none' for none). Empty: the last environment.",
        },
        'mutable-tags': {
            description: 'Tag globs refused in protected environments (lines or comma-separated).',
            default: DEFAULT_MUTABLE_TAGS.join(','),
        },
        'verify-images': {
            description: 'Check that every image exists in its registry (OCI distribution API) before writing.',
            default: 'true',
        },
        'pin-digest': {
            description: "Resolve tags to digests and write them: 'true', 'false', or 'protected' (only into protected environments).",
            default: 'protected',
        },
        'registry-username': { description: 'Registry user for verify-images/pin-digest; on GitLab CI_REGISTRY_USER by default.' },
        'registry-password': { description: 'Registry password or token.', secret: true },
        registry: {
            description: 'Registry host (e.g. ghcr.io) registry-username/registry-password are for; required with them. They are sent to that host only, never to other registries the overlays name.',
        },
        'insecure-registries': { description: 'Registries reached over plain HTTP (loopback ones always are).' },
        'add-missing': {
            description: 'Add an images entry for a promoted image to the target overlays that have none but render a workload using it (read through resources, bases, components and patches); refused when no target overlay renders it. Without add-missing an image no target overlay lists is refused.',
            default: 'false',
        },
        'argocd-server': {
            description: 'Argo CD URL; with argocd-applications, the source applications must be Synced at the source commit and Healthy.',
        },
        'argocd-token': { description: 'Argo CD API token (read access to the applications).', secret: true },
        'argocd-applications': { description: 'Argo CD applications of the source environment (lines or comma-separated).' },
        mode: {
            description: "'push', 'pull-request', or 'auto': a pull/merge request into the last environment (for approval), a push otherwise.",
            default: 'auto',
        },
        ...(0,gitops_repository/* pullRequestInputs */.eT)('aegis/promote/<branch>/<to>[-<services>]'),
        'commit-message': {
            description: 'Commit subject template; placeholders {from}, {to}, {images}, {commit}.',
            default: 'chore(promote): {from} → {to}: {images}',
        },
        'keep-target-registry': {
            description: "Environments whose overlays keep their own newName (a registry per region): only tag and digest move there. Lines or comma-separated; 'true' for every target.",
        },
        freeze: {
            description: "YAML mapping environment -> freeze windows ('2026-12-20/2027-01-04', '2026-11-26T18:00Z/2026-11-27T08:00Z', 'Fri 16:00 - Mon 08:00 Europe/Berlin'); a promotion into a frozen environment is refused, naming the window.",
        },
        'freeze-override': {
            description: 'A reason to promote through a freeze anyway; recorded with the actor as Aegis-Freeze-Override in the commit.',
        },
        'approved-by': {
            description: "Who approved the promotion, recorded as Aegis-Approved-By on promotions into protected environments. By default, with a token for the run's forge (the GitOps repository on the run's host, or forge-url set), each reviewer the forge reports as having approved the target environment (GitHub: this run's deployment reviews; GitLab: the approvals of this job's deployment), else the run's actor (who started the run or the manual job).",
        },
        values: {
            description: "Helm values or other YAML scalars to promote, one per line: '<source-file>:<path> -> <target-file>:<path>' (repository paths; path as in gitops-bump's set, e.g. image.tag or containers[0].image). Written byte-preservingly with Aegis-Value trailers; with values and no services, only the values move.",
        },
        verified: {
            description: 'Require a verified source: the commit that set each promoted value in the source overlays must carry a Successful verdict for the source environment, recorded by health-gate under refs/notes/aegis (health-gate with repository, rollback-commit and environment).',
            default: 'false',
        },
        soak: {
            description: 'Require the source to have run each promoted value at least this long (30m, 2h), counted from the committer time of the commit that set it in the source overlays.',
        },
        'dry-run': { description: 'Check and print the plan, then stop: nothing is committed or pushed.', default: 'false' },
        'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
    },
    outputs: {
        ...(0,gitops_push/* gitopsPushOutputs */.Jw)('the target already runs these values, on dry runs and refusals'),
        plan: {
            kind: 'json',
            description: 'JSON array of {image, file, from, current, written}: from is the value in the source environment, current the value in the target before this run (null: no entry), written what is written. For a values line, image is <target-file>:<path> and from <source-file>:<path>=<value>. Deprecated: to (= current) and next (= written), kept for one release.',
        },
        'source-commit': { kind: 'text', description: 'The commit the source overlays were read at (recorded as Aegis-Promoted-From).' },
        refusals: { kind: 'json', description: 'JSON array of {subject, kind, rule, detail} when the promotion was refused.' },
    },
};
/** The same promotion (branch, target, services) always lands on the same PR. */
function promotePullRequestBranch(branch, to, services) {
    return (0,gitops_repository/* pullRequestBranchName */.a)('promote', branch, [to, ...[...services].sort()]);
}
function readManifestImages(reader, workspace) {
    const path = reader.path('service-manifest', workspace);
    if (!path)
        return new Map();
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        throw new errors/* InputError */.dz('service-manifest', reader.string('service-manifest'), 'an existing service manifest file in the workspace');
    }
    const manifest = (0,detect_manifest/* parseManifest */.Ng)(text, reader.string('service-manifest'));
    const images = new Map();
    for (const service of manifest.services) {
        const image = service.fields.image;
        if (typeof image === 'string' && image)
            images.set(service.name, image);
    }
    return images;
}
/** Reads and validates every input before anything is fetched or written. */
function parse(reader, platform, now = new Date()) {
    const event = platform.event();
    const { workspace } = platform;
    const environments = (0,promote_environments/* parseEnvironments */.ml)(reader.string('environments'));
    const route = (0,promote_environments/* resolveRoute */.ie)(environments, reader.required('from'), reader.required('to'));
    const protectedEnvironments = (0,promote_environments/* resolveProtected */.no)(environments, reader.list('protected-environments'));
    const protectedTarget = protectedEnvironments.has(route.to.name);
    const repository = (0,gitops_repository/* parseGitopsRepository */.yw)(reader, platform.name);
    const fromRef = reader.optional('from-ref');
    if (fromRef !== undefined) {
        if (/^[0-9a-f]{7,39}$/.test(fromRef))
            throw new errors/* InputError */.dz('from-ref', fromRef, 'a branch, a tag or a full 40-character commit SHA');
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(fromRef))
            (0,gitops_repository/* assertBranchName */.ae)('from-ref', fromRef);
    }
    const services = reader.list('services');
    for (const service of services) {
        if (!/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(service))
            throw new errors/* InputError */.dz('services', service, 'service names (letters, digits, . _ - /)');
    }
    const pin = reader.choice('pin-digest', ['true', 'false', 'protected']);
    const argocdServer = reader.optional('argocd-server');
    const argocdApplications = reader.list('argocd-applications');
    if (argocdServer)
        (0,credential_scope/* assertCredentialUrl */.Rr)('argocd-server', argocdServer, Boolean(reader.optional('argocd-token')));
    if (Boolean(argocdServer) !== argocdApplications.length > 0) {
        throw new errors/* InputError */.dz(argocdServer ? 'argocd-applications' : 'argocd-server', '', 'a value: argocd-server and argocd-applications go together');
    }
    const modeInput = reader.choice('mode', ['auto', 'push', 'pull-request']);
    const mode = modeInput === 'auto' ? (route.toIndex === environments.length - 1 ? 'pull-request' : 'push') : modeInput;
    const pullRequest = (0,gitops_repository/* parsePullRequestTarget */.Tl)(reader);
    const keep = reader.list('keep-target-registry');
    for (const name of keep) {
        if (name !== 'true' && !environments.some((environment) => environment.name === name)) {
            throw new errors/* InputError */.dz('keep-target-registry', name, `'true' or environments from 'environments' (${environments.map((e) => e.name).join(', ')})`);
        }
    }
    const freezeWindows = parseFreeze(reader.string('freeze'), environments.map((environment) => environment.name));
    const freezeOverride = reader.optional('freeze-override');
    if (freezeOverride !== undefined && !/\S/.test(freezeOverride))
        throw new errors/* InputError */.dz('freeze-override', freezeOverride, 'a reason');
    const approvedByInput = reader.optional('approved-by');
    const approvedBy = approvedByInput ?? event.actor;
    if (approvedBy !== undefined && /[\r\n]/.test(approvedBy))
        throw new errors/* InputError */.dz('approved-by', approvedBy, 'one line naming the approver');
    return {
        repository,
        environments,
        route,
        fromRef,
        services,
        manifestImages: readManifestImages(reader, workspace),
        allowSkip: reader.boolean('allow-skip'),
        protectedTarget,
        mutableTags: reader.list('mutable-tags'),
        verifyImages: reader.boolean('verify-images'),
        pinDigest: pin === 'true' || (pin === 'protected' && protectedTarget),
        registryLogin: (0,shared/* parseRegistryLogin */.Eh)(reader),
        insecureRegistries: reader.list('insecure-registries'),
        addMissing: reader.boolean('add-missing'),
        argocd: argocdServer ? { server: argocdServer, token: reader.optional('argocd-token'), applications: argocdApplications } : undefined,
        mode,
        pullRequest: { ...pullRequest, branch: pullRequest.branch ?? promotePullRequestBranch(repository.branch, route.to.name, services) },
        commitMessage: reader.string('commit-message'),
        dryRun: reader.boolean('dry-run'),
        sourceRun: reader.optional('source-run') ?? event.runUrl,
        keepTargetRegistry: keep.includes('true') || keep.includes(route.to.name),
        freeze: activeFreeze(freezeWindows, route.to.name, now),
        freezeOverride,
        approvedBy: protectedTarget ? approvedBy : undefined,
        approvalsRun: protectedTarget && approvedByInput === undefined && tokenIsForRunForge(repository.url, pullRequest, event) ? event.run : undefined,
        actor: approvedBy,
        verified: reader.boolean('verified'),
        soakMs: reader.optional('soak') === undefined ? undefined : reader.duration('soak'),
        values: parseValueMoves(reader.string('values')),
    };
}
/**
 * The token is sent to the run's forge API for its deployment reviews only when it is meant for
 * that forge: forge-url names its API, or the GitOps repository is on the run's own host.
 */
function tokenIsForRunForge(repositoryUrl, target, event) {
    if (!event.run || (target.forge ?? event.run.forge) !== event.run.forge)
        return false;
    if (target.forgeUrl)
        return true;
    const gitopsHost = (0,remote/* forgeLocation */.BF)(repositoryUrl)?.host.toLowerCase();
    const runHost = event.repositoryUrl ? (0,remote/* forgeLocation */.BF)(event.repositoryUrl)?.host.toLowerCase() : undefined;
    return Boolean(gitopsHost && gitopsHost === runHost);
}
/** A promotion into a frozen environment: refused, or let through with the override recorded. */
/** A `plan` output entry: the entry, plus its fields under their old names (`to`, `next`): deprecated, kept for one release. */
function withDeprecatedNames(entry) {
    return { ...entry, to: entry.current, next: entry.written };
}
function freezeRefusal(options) {
    if (!options.freeze || options.freezeOverride)
        return [];
    return [
        {
            subject: options.route.to.name,
            kind: 'environment',
            rule: RULE.freeze,
            detail: `${options.route.to.name} is frozen (${options.freeze.text}); wait for the window to end, or set freeze-override with a reason`,
        },
    ];
}
/** values lines name files, not environments: moving them past the environment in between needs allow-skip. */
function valueOrderRefusals(options) {
    const { route } = options;
    if (options.values.length === 0 || options.allowSkip || route.toIndex === route.fromIndex + 1)
        return [];
    return options.values.map((move) => ({
        subject: locationText(move.source),
        kind: 'value',
        rule: RULE.order,
        detail: `${route.from.name} → ${route.to.name} skips ${route.previous.name}, and a values line cannot tell what ${route.previous.name} runs; promote through ${route.previous.name} first (or set allow-skip)`,
    }));
}
/** Every check that does not need the target checkout; all refusals are gathered, not just the first. */
async function checkSource(options, platform, source) {
    const { route } = options;
    const invalid = referenceRefusals(source.images);
    // An invalid value is never looked up, ordered or written.
    if (invalid.length > 0)
        return { images: [...source.images], refusals: [...source.refusals, ...invalid], pinned: [] };
    const refusals = [
        ...freezeRefusal(options),
        ...source.refusals,
        ...orderRefusals(source.images, route, source.previous, options.allowSkip),
    ];
    if (options.protectedTarget)
        refusals.push(...mutableTagRefusals(source.images, route.to.name, options.mutableTags));
    if (options.argocd) {
        const client = new ArgoCdClient(options.argocd);
        for (const application of options.argocd.applications) {
            const refusal = argoRefusal(await client.application(application), source.commit);
            if (refusal)
                refusals.push(refusal);
        }
    }
    const registry = await checkRegistry(source.images, {
        verify: options.verifyImages,
        pin: options.pinDigest,
        recorded: source.recorded,
        refuseMovedTags: options.protectedTarget,
        accessFor: (host) => {
            const login = options.registryLogin;
            const credentials = login && login.registry === host.toLowerCase() ? login.credentials : platform.registryCredentials(host);
            if (credentials)
                platform.secret(credentials.password);
            return { registry: host, insecure: (0,registry_host/* isInsecureRegistry */.y_)(host, options.insecureRegistries), credentials };
        },
    });
    return { images: registry.images, refusals: [...refusals, ...registry.refusals], pinned: registry.pinned };
}
/** Source commit times of the promoted images, carried on for lead time; a failure to read them only costs the trailer. */
async function carriedSourceTimes(remote, options, commit, values, platform) {
    try {
        const images = [...values].map(([name, reference]) => ({ name, reference }));
        return await (0,source_time/* readSourceTimes */.s4)(remote, options.repository.branch, commit, options.route.from.name, images);
    }
    catch (error) {
        platform.log.warning(`Source times not carried (Aegis-Source-Time): ${error.message}`);
        return new Map();
    }
}
/**
 * Aegis-Approved-By of a promotion into a protected environment: the reviewers who approved the
 * target environment in this run, as the forge reports them, else approved-by or the actor. Asked
 * only with a token meant for the run's forge (tokenIsForRunForge); a failed lookup costs the
 * reviewers, never the promotion.
 */
async function recordedApprovers(platform, options) {
    const fallback = options.approvedBy ? [options.approvedBy] : [];
    const run = options.approvalsRun;
    const token = options.repository.credentials.token;
    if (!run || !token)
        return fallback;
    const environment = options.route.to.name;
    const recordingActor = options.approvedBy ? `recording the actor ${options.approvedBy}` : 'recording no approver';
    try {
        const forge = await platform.forge({ token, kind: run.forge, apiUrl: options.pullRequest.forgeUrl });
        const approvals = await forge.deploymentApprovals(run);
        if (approvals === undefined) {
            const job = `job ${run.jobId ?? '(no CI_JOB_ID)'}`;
            platform.log.info(`${run.environment ? `No deployment of ${job} in ${run.environment}` : `The ${job} names no environment (CI_ENVIRONMENT_NAME)`}: its environment reviewers are unknown; ${recordingActor}.`);
            return fallback;
        }
        const approvers = approverTrailers(approvals, environment);
        if (approvers.length === 0) {
            platform.log.info(`No reviewer approved ${environment} in run ${run.runId}; ${recordingActor}.`);
            return fallback;
        }
        return approvers;
    }
    catch (error) {
        platform.log.warning(`Environment reviewers of run ${run.runId} not read (${error.message}); ${recordingActor}.`);
        return fallback;
    }
}
function plan(options) {
    const pushBranch = options.mode === 'pull-request' ? options.pullRequest.branch : options.repository.branch;
    // The history behind the source overlays tells which digest the source runs (pin-digest) and
    // since when, verified or not (verified, soak).
    const verifying = options.verified || options.soakMs !== undefined;
    return { options, pushBranch, historyDepth: options.pinDigest || verifying ? RECORDED_HISTORY : 1 };
}
async function execute(plan, platform) {
    return (0,gitops_repository/* withGitopsRemote */.vO)(platform, plan.options.repository, (remote) => promoteWith(platform, plan, remote));
}
async function promoteWith(platform, plan, remote) {
    const { log } = platform;
    const { options, pushBranch } = plan;
    const { route, repository } = options;
    const verifying = options.verified || options.soakMs !== undefined;
    const snapshot = await (0,source/* fetchSnapshot */.b)(remote, options.fromRef ?? repository.branch, plan.historyDepth, {
        attempts: repository.remoteRetries,
        baseMs: 1000,
        onRetry: (n, ms, why) => log.info(`${remote.url} did not answer (${why}); attempt ${n + 1} in ${ms} ms.`),
    });
    const summary = {
        options,
        sourceCommit: snapshot.commit,
        environments: [],
        entries: [],
        changes: [],
        pinned: [],
        deployments: [],
    };
    const result = { plan, summary };
    try {
        log.info(`Source: ${route.from.name} at ${snapshot.commit} (${options.fromRef ?? repository.branch}).`);
        const fromOverlays = (0,source/* readEnvironment */.Q)(snapshot.dir, route.from);
        // With values and no services, only the values move.
        const selection = options.values.length > 0 && options.services.length === 0
            ? { images: [], refusals: [] }
            : selectImages(fromOverlays, route.from, options.services, options.manifestImages);
        const values = readSourceValues(snapshot.dir, options.values);
        const previous = mergeOverlays((0,source/* readEnvironment */.Q)(snapshot.dir, route.previous)).images;
        summary.environments = environmentVersions(snapshot.dir, options.environments, selection.images);
        result.sourceCommit = snapshot.commit;
        const recorded = options.pinDigest
            ? await readRecordedDigests(snapshot.git, [...new Set(fromOverlays.map((overlay) => overlay.file))], RECORDED_HISTORY)
            : new Map();
        if (verifying) {
            if (options.verified)
                await (0,gitops_verdicts/* fetchVerdicts */.BM)(snapshot.git, remote.url);
            summary.deployments = await sourceDeployments(snapshot.git, [...imageSubjects(selection.images), ...valueSubjects(values.values)], {
                environment: route.from.name,
                deepen: snapshot.deepen,
            });
        }
        const verification = verificationRefusals(summary.deployments, {
            environment: route.from.name,
            verified: options.verified,
            soakMs: options.soakMs,
            now: new Date(),
        });
        const checked = await log.group('Checks', () => checkSource(options, platform, {
            commit: snapshot.commit,
            images: selection.images,
            previous,
            refusals: [...selection.refusals, ...values.refusals, ...valueOrderRefusals(options), ...verification],
            recorded,
        }));
        summary.pinned = checked.pinned;
        for (const pin of checked.pinned) {
            log.info(`Pinned ${pin.reference} to ${pin.digest} (${pin.from === 'trailer' ? 'the digest the source runs, from its Aegis-Image trailer' : 'what the tag points to in the registry now'}).`);
        }
        if (checked.refusals.length > 0)
            throw new PromotionRefused(checked.refusals);
        if (checked.images.length === 0 && values.values.length === 0)
            log.warning(`${route.from.name} sets no images${options.services.length ? ' for these services' : ''}.`);
        const approvedBy = await recordedApprovers(platform, options);
        summary.approvedBy = approvedBy;
        const sourceValues = new Map(selection.images.map((image) => [image.name, render(image.name, image.value)]));
        const sourceTimes = await carriedSourceTimes(remote, options, snapshot.commit, sourceValues, platform);
        result.push = await (0,gitops_push/* pushToGitops */._c)(platform, {
            repository,
            remote,
            group: `Promote ${route.from.name} → ${route.to.name} in ${repository.url} (${pushBranch})`,
            change: promotionChange({
                target: route.to,
                images: checked.images,
                sourceValues,
                values: values.values,
                addMissing: options.addMissing,
                keepTargetRegistry: options.keepTargetRegistry,
                message: {
                    template: options.commitMessage,
                    from: route.from.name,
                    to: route.to.name,
                    sourceCommit: snapshot.commit,
                    sourceRun: options.sourceRun,
                    sourceTimes,
                    approvedBy,
                    freezeOverride: options.freeze && options.freezeOverride
                        ? `${options.freeze.text}: ${options.freezeOverride}${options.actor ? ` (by ${options.actor})` : ''}`
                        : undefined,
                },
                onPlan: (entries, attempt) => log.info(`Plan (attempt ${attempt}):\n${planTable(entries)}`),
            }),
            pullRequest: options.mode === 'pull-request'
                ? {
                    target: options.pullRequest,
                    branch: pushBranch,
                    body: (transaction) => summaryMarkdown({
                        ...summary,
                        entries: transaction.change.detail.entries,
                        changes: transaction.change.detail.changes,
                        status: `Promotion of ${route.from.name}@${snapshot.commit.slice(0, 12)} into ${route.to.name}, awaiting approval.`,
                    }),
                }
                : undefined,
            dryRun: options.dryRun,
        });
        summary.entries = result.push.transaction.change.detail.entries;
        summary.changes = result.push.transaction.change.detail.changes;
    }
    catch (error) {
        if (error instanceof PromotionRefused)
            result.refusals = error.refusals;
        result.error = error;
    }
    finally {
        snapshot.close();
    }
    return result;
}
/** The outputs and the summary, once; then the refusal or failure, if any. */
async function report(result, platform) {
    const { summary } = result;
    if (result.sourceCommit)
        platform.setOutput('source-commit', result.sourceCommit);
    if (result.refusals) {
        platform.setOutput('changed', 'false');
        platform.setOutput('refusals', JSON.stringify(result.refusals));
        await platform.summary(summaryMarkdown({ ...summary, status: 'Refused: nothing was written.', refusals: result.refusals }));
        platform.log.error(`Refusals:\n${refusalTable(result.refusals)}`);
    }
    if (result.error !== undefined)
        throw result.error;
    const push = result.push;
    const { route } = result.plan.options;
    (0,gitops_push/* writeGitopsPushOutputs */.Gx)(platform, push);
    const status = (0,gitops_push/* gitopsPushStatus */.$G)(push, {
        proposal: 'proposes these values',
        base: 'does not run them yet',
        unchanged: `already runs what ${route.from.name} runs`,
    });
    platform.setOutput('plan', JSON.stringify(push.transaction.change.detail.entries.map(withDeprecatedNames)));
    platform.setOutput('refusals', '[]');
    await platform.summary(summaryMarkdown({ ...summary, status, pullRequestUrl: push.pullRequest?.url ?? '', changed: push.proposed }));
}
// The module shape of every stage (src/stages/module.ts).



/***/ })

};

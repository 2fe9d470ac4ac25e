export const id = 582;
export const ids = [582];
export const modules = {

/***/ 5431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Writes through a temporary sibling and a rename, so a reader never sees half a file; keeps the mode. */
function writeFileAtomic(path, content) {
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    let mode;
    try {
        mode = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).mode;
    }
    catch {
        mode = undefined;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temporary, content, mode === undefined ? {} : { mode });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temporary, path);
}


/***/ }),

/***/ 8648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ forgeLocation),
/* harmony export */   cW: () => (/* binding */ forgeProjectPath),
/* harmony export */   kW: () => (/* binding */ describeRemote),
/* harmony export */   ri: () => (/* binding */ withoutCredentials)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



const SCP_LIKE = /^[\w.-]+@[\w.-]+:(?!\/\/)/;
/**
 * Describes how to reach a repository. Credentials travel in GIT_CONFIG_* variables —
 * not in argv (visible in `ps`), not in the URL (logged by git) and not in `.git/config`
 * (left on the runner's disk).
 */
function describeRemote(repository, credentials, workspace) {
    const input = 'repository';
    if (!repository)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'a repository URL (https://, ssh://, git@host:path, file://) or a local path');
    const env = { GIT_TERMINAL_PROMPT: '0' };
    const secrets = [];
    if (/^https?:\/\//.test(repository)) {
        const url = new URL(repository);
        if (url.username || url.password) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `${url.protocol}//***@${url.host}${url.pathname}`, 'a URL without credentials', "pass the token in the 'token' input");
        }
        const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
        if (credentials.token && url.protocol === 'http:' && !loopback) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an https:// URL', 'a token is never sent over plain http except to this machine');
        }
        if (credentials.token) {
            const header = `Authorization: Basic ${Buffer.from(`${credentials.username || 'x-access-token'}:${credentials.token}`).toString('base64')}`;
            secrets.push(credentials.token, header);
            // Scoped to the repository's origin so a redirect elsewhere never receives it. The empty
            // value first resets headers already configured for it (actions/checkout stores its own
            // token that way in .git/config), so exactly this token is sent.
            const key = `http.${url.origin}/.extraheader`;
            Object.assign(env, {
                GIT_CONFIG_COUNT: '2',
                GIT_CONFIG_KEY_0: key,
                GIT_CONFIG_VALUE_0: '',
                GIT_CONFIG_KEY_1: key,
                GIT_CONFIG_VALUE_1: header,
            });
        }
        return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
    }
    if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
        const ssh = ['ssh', '-o', 'BatchMode=yes'];
        if (credentials.sshKeyFile)
            ssh.push('-i', credentials.sshKeyFile, '-o', 'IdentitiesOnly=yes');
        if (credentials.knownHostsFile)
            ssh.push('-o', `UserKnownHostsFile=${credentials.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes');
        else
            ssh.push('-o', 'StrictHostKeyChecking=accept-new');
        // GIT_SSH_COMMAND is split by git with shell-like rules; paths we pass are our own temp files.
        env.GIT_SSH_COMMAND = ssh.join(' ');
        return { url: repository, env, secrets, kind: 'ssh' };
    }
    if (repository.startsWith('file://'))
        return { url: repository, env, secrets, kind: 'file' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an https://, http://, ssh://, file:// URL, git@host:path or a local path');
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(repository) ? repository : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, repository);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an existing local repository path or a URL', `${path} does not exist`);
    return { url: path, env, secrets, kind: 'local' };
}
/**
 * A remote URL without the credentials a checkout may carry in it (GitLab runners write
 * `https://gitlab-ci-token:<job token>@host/…` into the origin); the removed password is returned
 * so it can be registered as a secret.
 */
function withoutCredentials(url) {
    if (!/^https?:\/\//.test(url))
        return { url };
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password)
        return { url };
    const password = decodeURIComponent(parsed.password) || undefined;
    parsed.username = '';
    parsed.password = '';
    return { url: parsed.toString(), ...(password ? { password } : {}) };
}
/** The host and the project path (`owner/repo`, `group/sub/project`) of a forge URL; undefined for local paths. */
function forgeLocation(repository) {
    let host;
    let path;
    if (/^(https?|ssh):\/\//.test(repository)) {
        const url = new URL(repository);
        host = url.hostname;
        path = url.pathname;
    }
    else if (SCP_LIKE.test(repository)) {
        const colon = repository.indexOf(':');
        host = repository.slice(repository.indexOf('@') + 1, colon);
        path = repository.slice(colon + 1);
    }
    path = path
        ?.replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
    return host && path ? { host, path } : undefined;
}
/** `owner/repo` or `group/sub/project` from a forge URL; undefined for local paths. */
function forgeProjectPath(repository) {
    return forgeLocation(repository)?.path;
}


/***/ }),

/***/ 349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ TRAILER),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   aw: () => (/* binding */ parseTrailers),
/* harmony export */   vL: () => (/* binding */ buildCommitMessage)
/* harmony export */ });
/** Keys every stage uses; promote, health-gate and rollback read them back. */
const TRAILER = {
    image: 'Aegis-Image',
    previousImage: 'Aegis-Previous-Image',
    value: 'Aegis-Value',
    previousValue: 'Aegis-Previous-Value',
    environment: 'Aegis-Environment',
    sourceCommit: 'Aegis-Source-Commit',
    sourceRun: 'Aegis-Source-Run',
    promotedFrom: 'Aegis-Promoted-From',
    reverts: 'Aegis-Reverts',
    stage: 'Aegis-Stage',
    approvedBy: 'Aegis-Approved-By',
    freezeOverride: 'Aegis-Freeze-Override',
};
/** Fills `{name}` placeholders; unknown placeholders stay as written so a typo is visible, not silent. */
function renderTemplate(template, values) {
    return template.replace(/\{([a-z-]+)\}/g, (whole, key) => values[key] ?? whole);
}
/** Subject, optional body, then one trailer paragraph. Newlines in values would break the trailer block. */
function buildCommitMessage(subject, body, trailers) {
    const single = (text) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
    const paragraphs = [single(subject)];
    if (body.trim())
        paragraphs.push(body.trim());
    if (trailers.length > 0)
        paragraphs.push(trailers.map((t) => `${t.key}: ${single(t.value)}`).join('\n'));
    return `${paragraphs.join('\n\n')}\n`;
}
/** Trailers of a commit message: the last paragraph, when every line of it is `Key: value`. */
function parseTrailers(message) {
    const paragraphs = message.trim().split(/\n\s*\n/);
    const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : '';
    const lines = last.split('\n').filter(Boolean);
    const trailers = lines.map((line) => /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line));
    if (trailers.length === 0 || trailers.some((match) => !match))
        return [];
    return trailers.map((match) => ({ key: match[1], value: match[2] }));
}


/***/ }),

/***/ 1983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ HttpUnreachableError),
/* harmony export */   t: () => (/* binding */ httpFetch)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * The one way src/ talks HTTP: every request has a timeout, a network failure is a typed
 * error naming the host (never headers or the full URL, which may carry secrets), and
 * bounded retries with backoff are there for callers whose request is safe to repeat.
 */

/** The host could not be reached, or did not answer in time. */
class HttpUnreachableError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4 {
    origin;
    reason;
    name = 'HttpUnreachableError';
    constructor(
    /** Scheme, host and port: what a message may show. */
    origin, 
    /** ECONNREFUSED, ENOTFOUND, `no answer within … ms`, … */
    reason) {
        super(`${origin} unreachable: ${reason}`);
        this.origin = origin;
        this.reason = reason;
    }
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function originOf(url) {
    try {
        return new URL(url).origin;
    }
    catch {
        return '(invalid URL)';
    }
}
function reasonOf(error, timedOut, timeoutMs) {
    if (timedOut)
        return `no answer within ${timeoutMs} ms`;
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
}
async function attempt(url, init, options) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
        return await (options.fetch ?? fetch)(url, { ...init, signal });
    }
    catch (error) {
        if (options.signal?.aborted)
            throw error;
        throw new HttpUnreachableError(originOf(url), reasonOf(error, timeout.aborted, options.timeoutMs));
    }
}
/** `fetch` with a timeout, a typed unreachable error and, when asked, bounded retries with backoff. */
async function httpFetch(url, init, options) {
    const attempts = Math.max(1, options.retry?.attempts ?? 1);
    const sleep = options.sleep ?? defaultSleep;
    const random = options.random ?? Math.random;
    const backoff = (n) => sleep(random() * (options.retry?.baseMs ?? 200) * 2 ** (n - 1));
    for (let n = 1;; n++) {
        const last = n >= attempts;
        let response;
        try {
            response = await attempt(url, init, options);
        }
        catch (error) {
            if (last || !(error instanceof HttpUnreachableError))
                throw error;
            await backoff(n);
            continue;
        }
        if (last || response.status < 500 || options.retry?.onServerError === false)
            return response;
        await response.body?.cancel();
        await backoff(n);
    }
}


/***/ }),

/***/ 1582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPublisher: () => (/* binding */ createPublisher),
  parseInputs: () => (/* binding */ parseInputs),
  release: () => (/* binding */ release)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
// EXTERNAL MODULE: ./src/core/git/remote.ts
var git_remote = __webpack_require__(8648);
// EXTERNAL MODULE: ./src/core/gitops/commit-message.ts
var commit_message = __webpack_require__(349);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./node_modules/semver/index.js
var semver = __webpack_require__(2088);
var semver_default = /*#__PURE__*/__webpack_require__.n(semver);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/release/bump.ts



const DEFAULT_BUMP_RULES = Object.freeze({
    minor: ['feat', 'feature'],
    patch: ['fix', 'perf', 'revert'],
    preMajorBreaking: 'minor',
    preMajorFeature: 'minor',
});
const RANK = { major: 3, minor: 2, patch: 1 };
/** The biggest change any commit asks for; undefined when none is releasable (docs, chores, …). */
function releaseTypeOf(commits, rules = DEFAULT_BUMP_RULES) {
    let result;
    for (const commit of commits) {
        const type = commit.breaking
            ? 'major'
            : commit.type && rules.minor.includes(commit.type)
                ? 'minor'
                : commit.type && rules.patch.includes(commit.type)
                    ? 'patch'
                    : undefined;
        if (type && (!result || RANK[type] > RANK[result]))
            result = type;
    }
    return result;
}
/** `previous` moved by `type`, with the 0.x rules applied. Prerelease parts are dropped (1.3.0-rc.2 + minor = 1.3.0 when 1.3.0 already includes the change). */
function applyBump(previous, type, rules = DEFAULT_BUMP_RULES) {
    let effective = type;
    if (semver_default().major(previous) === 0) {
        if (type === 'major')
            effective = rules.preMajorBreaking;
        else if (type === 'minor')
            effective = rules.preMajorFeature;
    }
    const next = semver_default().inc(previous, effective);
    if (!next)
        throw new errors/* AegisError */.o4(`Cannot bump version ${JSON.stringify(previous)} by ${effective}.`);
    return next;
}
/** The next prerelease on `channel` for `target`: `1.3.0-rc.1`, then `rc.2` when `1.3.0-rc.1` exists. */
function nextPrerelease(target, channel, existing) {
    let highest = 0;
    for (const version of existing) {
        const parsed = semver_default().parse(version);
        if (!parsed || `${parsed.major}.${parsed.minor}.${parsed.patch}` !== target)
            continue;
        const [name, number] = parsed.prerelease;
        if (name === channel && typeof number === 'number' && number > highest)
            highest = number;
    }
    return `${target}-${channel}.${highest + 1}`;
}
/** A strict x.y.z[-pre] version, or undefined. `v1.2.3` and ranges are refused. */
function strictVersion(value) {
    return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(value) && semver_default().valid(value) ? value : undefined;
}
const RULE_KEYS = new Set(['minor', 'patch', 'pre-major-breaking', 'pre-major-feature']);
/**
 * Rules from YAML/JSON, e.g. `{minor: [feat], patch: [fix, perf, deps], pre-major-breaking: major}`;
 * unspecified keys keep their defaults.
 */
function parseBumpRules(text, input = 'bump-rules') {
    if (!text.trim())
        return { ...DEFAULT_BUMP_RULES };
    const expected = 'a YAML mapping with keys minor, patch (lists of commit types), pre-major-breaking (major|minor), pre-major-feature (minor|patch)';
    let value;
    try {
        value = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, text, expected, error.message);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
        throw new errors/* InputError */.dz(input, text, expected);
    const record = value;
    const unknown = Object.keys(record).filter((key) => !RULE_KEYS.has(key));
    if (unknown.length > 0)
        throw new errors/* InputError */.dz(input, text, expected, `unknown key ${unknown.map((k) => `'${k}'`).join(', ')}`);
    const types = (key, fallback) => {
        const list = record[key];
        if (list === undefined)
            return fallback;
        if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || !/^\w[\w-]*$/.test(item))) {
            throw new errors/* InputError */.dz(input, text, expected, `'${key}' must be a list of commit types`);
        }
        return list.map((item) => item.toLowerCase());
    };
    const choice = (key, choices, fallback) => {
        const chosen = record[key];
        if (chosen === undefined)
            return fallback;
        if (!choices.includes(chosen))
            throw new errors/* InputError */.dz(input, text, expected, `'${key}' must be ${choices.join(' or ')}`);
        return chosen;
    };
    return {
        minor: types('minor', DEFAULT_BUMP_RULES.minor),
        patch: types('patch', DEFAULT_BUMP_RULES.patch),
        preMajorBreaking: choice('pre-major-breaking', ['major', 'minor'], DEFAULT_BUMP_RULES.preMajorBreaking),
        preMajorFeature: choice('pre-major-feature', ['minor', 'patch'], DEFAULT_BUMP_RULES.preMajorFeature),
    };
}

;// CONCATENATED MODULE: ./src/core/release/changelog.ts

const DEFAULT_SECTIONS = [
    ['feat', 'Features'],
    ['feature', 'Features'],
    ['fix', 'Bug Fixes'],
    ['perf', 'Performance Improvements'],
    ['revert', 'Reverts'],
];
/** `https://host/o/r(.git)` or `git@host:o/r.git` as a browsable https URL; undefined for local paths. */
function browsableUrl(remote) {
    const location = (0,git_remote/* forgeLocation */.BF)(remote);
    return location && `https://${location.host}/${location.path}`;
}
function commitUrl(links, hash) {
    return `${links.url}${links.kind === 'gitlab' ? '/-' : ''}/commit/${hash}`;
}
function compareUrl(links, from, to) {
    return `${links.url}${links.kind === 'gitlab' ? '/-' : ''}/compare/${encodeURIComponent(from)}...${encodeURIComponent(to)}`;
}
/** One release's notes: heading, breaking changes first, then one section per visible type. */
function renderReleaseNotes(input) {
    const { links } = input;
    const heading = links && input.previousTag
        ? `## [${input.version}](${compareUrl(links, input.previousTag, input.tag)}) (${input.date})`
        : `## ${input.version} (${input.date})`;
    const item = (commit, text) => {
        const short = commit.hash.slice(0, 7);
        const ref = links ? `([${short}](${commitUrl(links, commit.hash)}))` : `(${short})`;
        return `* ${commit.scope ? `**${commit.scope}:** ` : ''}${text} ${ref}`;
    };
    const blocks = [heading];
    const breaking = input.commits.flatMap((commit) => commit.breakingNotes.map((note) => item(commit, note.replace(/\n+/g, ' '))));
    if (breaking.length > 0)
        blocks.push(`### ⚠ BREAKING CHANGES\n\n${breaking.join('\n')}`);
    const sections = input.sections ?? DEFAULT_SECTIONS;
    const titles = [...new Set(sections.map(([, title]) => title))];
    for (const title of titles) {
        const types = new Set(sections.filter(([, t]) => t === title).map(([type]) => type));
        const entries = input.commits.filter((commit) => commit.type && types.has(commit.type)).map((commit) => item(commit, commit.subject));
        if (entries.length > 0)
            blocks.push(`### ${title}\n\n${entries.join('\n')}`);
    }
    return `${blocks.join('\n\n')}\n`;
}
const TITLE = '# Changelog';
/**
 * CHANGELOG.md with `notes` as the newest entry, under the title and before older entries.
 * Returns the text unchanged when an entry for `version` is already there (a resumed run).
 */
function prependChangelog(existing, version, notes) {
    const text = existing ?? '';
    const escaped = version.replace(/[.+]/g, '\\$&');
    if (new RegExp(`^##\\s+\\[?${escaped}\\]?(?:[\\s(]|$)`, 'm').test(text))
        return text;
    if (!text.trim())
        return `${TITLE}\n\n${notes}`;
    const firstEntry = /^## /m.exec(text);
    if (firstEntry)
        return `${text.slice(0, firstEntry.index)}${notes}\n${text.slice(firstEntry.index)}`;
    return `${text.replace(/\s*$/, '')}\n\n${notes}`;
}

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/release/http.ts


/** Sends a request; a network failure becomes an error that names the host (never the headers). */
async function send(request, what, fetchImpl, timeoutMs = 30_000) {
    let response;
    try {
        response = await (0,http/* httpFetch */.t)(request.url, 
        // A redirect (e.g. to a login page) is an answer to report, not to follow and mistake for success.
        { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' }, { timeoutMs, fetch: fetchImpl });
    }
    catch (error) {
        if (!(error instanceof http/* HttpUnreachableError */.f))
            throw error;
        throw new errors/* AegisError */.o4(`${what} is unreachable at ${error.origin}: ${error.reason}.`);
    }
    return { status: response.status, body: await response.text() };
}
/** Throws with the status and the start of the body unless the status is one of `ok`. */
function expectStatus(response, ok, what) {
    if (!ok.includes(response.status)) {
        throw new errors/* AegisError */.o4(`${what} answered HTTP ${response.status}: ${response.body.slice(0, 300)}`);
    }
}

;// CONCATENATED MODULE: ./src/core/release/dependents.ts


const LINE = /^(?:(github|gitlab):)?([\w.-]+(?:\/[\w.-]+)+?)(?:@([\w./-]+))?$/;
/**
 * One dependent per line: `github:owner/repo`, `gitlab:group/project@main`, or a bare path
 * (the forge this runs on). `@ref` is the branch a GitLab pipeline runs on (default `main`).
 */
function parseDependents(lines, defaultKind, input = 'dependents') {
    return lines.map((line) => {
        const match = LINE.exec(line);
        if (!match)
            throw new errors/* InputError */.dz(input, line, "lines such as 'github:owner/repo' or 'gitlab:group/project@main'");
        const kind = match[1] ?? defaultKind;
        const repository = match[2];
        if (kind === 'github' && repository.split('/').length !== 2)
            throw new errors/* InputError */.dz(input, line, "a GitHub repository as 'owner/repo'");
        return { kind, repository, ref: match[3] ?? 'main' };
    });
}
/**
 * GitHub: `repository_dispatch` with event type `aegis-release` and the version in
 * client_payload (needs a token with contents:write on the target).
 * GitLab: the pipeline trigger API; the trigger token goes in the form body, never the URL.
 */
function notificationRequest(dependent, api, event) {
    const base = api.apiUrl.replace(/\/+$/, '');
    if (dependent.kind === 'github') {
        return {
            method: 'POST',
            url: `${base}/repos/${dependent.repository.split('/').map(encodeURIComponent).join('/')}/dispatches`,
            headers: {
                authorization: `Bearer ${api.token}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'content-type': 'application/json',
            },
            body: JSON.stringify({ event_type: 'aegis-release', client_payload: event }),
        };
    }
    const form = new URLSearchParams({
        token: api.token,
        ref: dependent.ref,
        'variables[AEGIS_RELEASE_LIBRARY]': event.library,
        'variables[AEGIS_RELEASE_VERSION]': event.version,
        'variables[AEGIS_RELEASE_TAG]': event.tag,
        'variables[AEGIS_RELEASE_PRERELEASE]': String(event.prerelease),
    });
    return {
        method: 'POST',
        url: `${base}/projects/${encodeURIComponent(dependent.repository)}/trigger/pipeline`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
    };
}
/** Sends every notification; one failure does not stop the others (the release itself is already done). */
async function notifyDependents(dependents, apiFor, event, fetchImpl) {
    const results = [];
    for (const dependent of dependents) {
        try {
            const response = await send(notificationRequest(dependent, apiFor(dependent.kind), event), `${dependent.kind} API`, fetchImpl);
            const ok = response.status >= 200 && response.status < 300;
            results.push({ dependent, ok, detail: ok ? `HTTP ${response.status}` : `HTTP ${response.status}: ${response.body.slice(0, 200)}` });
        }
        catch (error) {
            results.push({ dependent, ok: false, detail: error.message });
        }
    }
    return results;
}

// EXTERNAL MODULE: ./src/core/process.ts
var process = __webpack_require__(9978);
;// CONCATENATED MODULE: ./src/core/release/publish/build.ts

/** Runs `argv` in the library folder before publishing (e.g. `python3 -m build`), also when resuming from a tag. */
function withBuild(publisher, argv) {
    if (!argv || argv.length === 0)
        return publisher;
    const [command = '', ...args] = argv;
    return {
        ...publisher,
        describe: () => `${publisher.describe()} after ${JSON.stringify(argv)}`,
        isPublished: (version) => publisher.isPublished(version),
        async publish(version, dir, context) {
            await (0,process/* run */.e)(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version, AEGIS_RELEASE_TAG: context.tag } });
            await publisher.publish(version, dir, context);
        },
    };
}

;// CONCATENATED MODULE: ./src/core/release/publish/command.ts




/** An argument list from a YAML or JSON array (`["cargo", "publish"]`); never a shell string. */
function parseArgv(text, input) {
    const expected = 'a YAML/JSON array of strings, e.g. ["cargo", "publish", "--allow-dirty"]';
    let value;
    try {
        value = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, text, expected, error.message);
    }
    if (!Array.isArray(value) || value.length === 0 || value.some((item) => typeof item !== 'string' && typeof item !== 'number')) {
        throw new errors/* InputError */.dz(input, text, expected, 'no shell is used, so a command line must be split into its arguments');
    }
    return value.map(String);
}
/** Placeholders `{version}` and `{tag}` in arguments; values also in AEGIS_RELEASE_* variables. */
function commandEnv(options, version, tag) {
    return {
        AEGIS_RELEASE_VERSION: version,
        AEGIS_RELEASE_TAG: tag,
        AEGIS_PUBLISH_TOKEN: options.token ?? '',
        AEGIS_REGISTRY_URL: options.registryUrl ?? '',
    };
}
function commandPublisher(options, cwd, tagFor) {
    const render = (argv, version) => argv.map((arg) => (0,commit_message/* renderTemplate */.Xm)(arg, { version, tag: tagFor(version) }));
    return {
        kind: 'command',
        describe: () => `command ${JSON.stringify(options.argv)}`,
        async isPublished(version) {
            if (!options.checkArgv)
                return undefined;
            const [command = '', ...args] = render(options.checkArgv, version);
            const result = await (0,process/* run */.e)(command, args, { cwd, env: commandEnv(options, version, tagFor(version)), allowFailure: true });
            return result.exitCode === 0;
        },
        async publish(version, dir) {
            const [command = '', ...args] = render(options.argv, version);
            await (0,process/* run */.e)(command, args, { cwd: dir, env: commandEnv(options, version, tagFor(version)) });
        },
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/core/release/publish/npm.ts






const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** npm expands `${VAR}` in .npmrc, so the token lives only in the child's environment. */
const TOKEN_VARIABLE = 'AEGIS_NPM_TOKEN';
function registryBase(url) {
    return url.endsWith('/') ? url : `${url}/`;
}
/** The packument request: `@scope/name` is sent as `@scope%2fname`, as the npm client does. */
function npmPackumentRequest(options) {
    const headers = { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' };
    if (options.token)
        headers.authorization = `Bearer ${options.token}`;
    return { method: 'GET', url: `${registryBase(options.registryUrl)}${options.packageName.replace('/', '%2f')}`, headers };
}
/** `.npmrc` lines that authenticate against `registryUrl` with the token from the environment. */
function npmrcFor(registryUrl) {
    const url = new URL(registryBase(registryUrl));
    return `//${url.host}${url.pathname}:_authToken=\${${TOKEN_VARIABLE}}\nalways-auth=true\n`;
}
/** argv for `npm publish`: registry and dist-tag only; credentials travel in the userconfig + env. */
function npmPublishArgs(registryUrl, distTag) {
    return ['publish', '--registry', registryBase(registryUrl), '--tag', distTag];
}
function npmPublisher(options) {
    const fetchImpl = options.fetch;
    return {
        kind: 'npm',
        describe: () => `npm package ${options.packageName} to ${options.registryUrl}`,
        async isPublished(version) {
            const response = await send(npmPackumentRequest(options), `npm registry ${options.registryUrl}`, fetchImpl);
            if (response.status === 404)
                return false;
            expectStatus(response, [200], `npm registry ${options.registryUrl} (package ${options.packageName})`);
            const packument = JSON.parse(response.body);
            return Boolean(packument.versions && version in packument.versions);
        },
        async publish(_version, dir, context) {
            const configDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aegis-npmrc-'));
            const userconfig = (0,external_node_path_.join)(configDir, '.npmrc');
            (0,external_node_fs_.writeFileSync)(userconfig, npmrcFor(options.registryUrl), { mode: 0o600 });
            try {
                await (0,process/* run */.e)(options.npm ?? 'npm', npmPublishArgs(options.registryUrl, context.distTag), {
                    cwd: dir,
                    env: {
                        NPM_CONFIG_USERCONFIG: userconfig,
                        npm_config_userconfig: userconfig,
                        [TOKEN_VARIABLE]: options.token ?? '',
                        npm_config_update_notifier: 'false',
                        npm_config_audit: 'false',
                        ...(options.fetchRetries === undefined ? {} : { npm_config_fetch_retries: String(options.fetchRetries) }),
                    },
                });
            }
            catch (error) {
                throw new errors/* AegisError */.o4(`npm publish of ${options.packageName} to ${options.registryUrl} failed: ${error.message}`);
            }
            finally {
                (0,external_node_fs_.rmSync)(configDir, { recursive: true, force: true });
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/core/release/publish/publisher.ts
const noPublisher = {
    kind: 'none',
    describe: () => 'nothing (publish: none)',
    isPublished: async () => undefined,
    publish: async () => { },
};

;// CONCATENATED MODULE: ./src/core/release/publish/pypi.ts





const PYPI_DEFAULT_UPLOAD_URL = 'https://upload.pypi.org/legacy/';
/** PEP 503 normalised project name: what the JSON API and the simple index use. */
function normalizeName(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
/**
 * The JSON API of the public indexes: `https://upload.pypi.org/legacy/` → `https://pypi.org/pypi/`,
 * `https://test.pypi.org/legacy/` → `https://test.pypi.org/pypi/`. Undefined for any other
 * registry, whose JSON API cannot be guessed (it must be given as `pypi-check-url`).
 */
function defaultCheckUrl(registryUrl) {
    const url = new URL(registryUrl);
    const host = url.host.replace(/^upload\./, '');
    return host === 'pypi.org' || host === 'test.pypi.org' ? `${url.protocol}//${host}/pypi/` : undefined;
}
/** PyPI's JSON API for one release: 200 when that version exists, 404 when not. */
function pypiReleaseRequest(options, version) {
    const base = options.checkUrl ?? defaultCheckUrl(options.registryUrl);
    if (!base)
        throw new errors/* AegisError */.o4(`No JSON API is known for ${options.registryUrl}: set pypi-check-url.`);
    return {
        method: 'GET',
        url: `${base.endsWith('/') ? base : `${base}/`}${encodeURIComponent(normalizeName(options.packageName))}/${encodeURIComponent(version)}/json`,
        headers: { accept: 'application/json' },
    };
}
/** Distribution files for `version` among `files` (wheel names use `_`, sdists may use either). */
function distributionsFor(packageName, version, files) {
    const stem = normalizeName(packageName).replace(/-/g, '_');
    return files.filter((file) => {
        const lower = file.toLowerCase().replace(/[-.]/g, '_');
        const prefix = `${stem}_${version.toLowerCase().replace(/[-.]/g, '_')}`;
        return lower.startsWith(prefix) && /(\.whl|\.tar\.gz|\.zip)$/.test(file) && /[-_.]/.test(lower.charAt(prefix.length) || '_');
    });
}
/** twine argv: credentials come from TWINE_USERNAME/TWINE_PASSWORD, never from here. */
function twineArgs(registryUrl, files) {
    return ['upload', '--non-interactive', '--skip-existing', '--disable-progress-bar', '--repository-url', registryUrl, ...files];
}
function twineEnv(options) {
    return { TWINE_USERNAME: options.username ?? '__token__', TWINE_PASSWORD: options.token ?? '', TWINE_NON_INTERACTIVE: '1' };
}
function pypiPublisher(options) {
    const fetchImpl = options.fetch;
    return {
        kind: 'pypi',
        describe: () => `PyPI package ${options.packageName} to ${options.registryUrl}`,
        async isPublished(version) {
            const response = await send(pypiReleaseRequest(options, version), `PyPI JSON API for ${options.registryUrl}`, fetchImpl);
            if (response.status === 404)
                return false;
            expectStatus(response, [200], `PyPI JSON API (${options.packageName} ${version})`);
            // Only the release's own JSON counts as "published": a page that merely answers 200 must not
            // let a release be tagged without its package.
            let released;
            try {
                released = JSON.parse(response.body).info?.version;
            }
            catch {
                released = undefined;
            }
            if (released !== version) {
                throw new errors/* AegisError */.o4(`PyPI JSON API (${options.packageName} ${version}) answered 200 without that release's JSON; check pypi-check-url.`);
            }
            return true;
        },
        async publish(version, dir) {
            const distDir = (0,external_node_path_.join)(dir, options.distDir ?? 'dist');
            let listing = [];
            try {
                listing = (0,external_node_fs_.readdirSync)(distDir);
            }
            catch {
                // reported below with the expected location
            }
            const files = distributionsFor(options.packageName, version, listing).map((file) => (0,external_node_path_.join)(distDir, file));
            if (files.length === 0) {
                throw new errors/* AegisError */.o4(`No distributions of ${options.packageName} ${version} in ${distDir}: build them first (e.g. build-command: ["python3", "-m", "build"]).`);
            }
            const [command = 'twine', ...prefix] = options.twine ?? ['twine'];
            await (0,process/* run */.e)(command, [...prefix, ...twineArgs(options.registryUrl, files)], { cwd: dir, env: twineEnv(options) });
        },
    };
}

// EXTERNAL MODULE: ./src/core/git/atomic.ts
var atomic = __webpack_require__(5431);
;// CONCATENATED MODULE: ./src/core/release/commits.ts
const HEADER = /^(\w[\w-]*)(?:\(([^()\r\n]*)\))?(!)?: (.+)$/;
const REVERT_HEADER = /^(?:Revert|revert:)\s"?([\s\S]+?)"?$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:\s*([\s\S]*)$/;
const FOOTER_TOKEN = /^([A-Za-z][\w-]*|BREAKING[ -]CHANGE)(?::\s|\s#)/;
const RELEASE_AS = /^Release-As:\s*(.*)$/im;
/**
 * Parses a full commit message. Footers follow the specification: a footer starts a line
 * with `Token: ` or `Token #`, and a `BREAKING CHANGE:` footer runs until the next footer.
 */
function parseCommit(hash, message) {
    const lines = message.replace(/\r\n/g, '\n').trim().split('\n');
    const header = (lines[0] ?? '').trim();
    const match = HEADER.exec(header);
    const revert = !match && REVERT_HEADER.test(header);
    const breakingNotes = breakingFooters(lines.slice(1));
    const bang = Boolean(match?.[3]);
    if (bang && breakingNotes.length === 0)
        breakingNotes.push(match?.[4] ?? header);
    const releaseAs = RELEASE_AS.exec(lines.slice(1).join('\n'))?.[1]?.trim();
    return {
        hash,
        header,
        type: match?.[1]?.toLowerCase() ?? (revert ? 'revert' : undefined),
        scope: match?.[2] || undefined,
        subject: match?.[4] ?? header,
        breaking: bang || breakingNotes.length > 0,
        breakingNotes,
        releaseAs: releaseAs === undefined ? undefined : releaseAs,
        revert,
    };
}
function breakingFooters(body) {
    const notes = [];
    let current;
    for (const line of body) {
        const breaking = BREAKING_FOOTER.exec(line);
        if (breaking) {
            if (current)
                notes.push(current.join('\n').trim());
            current = [breaking[1] ?? ''];
        }
        else if (current && FOOTER_TOKEN.test(line)) {
            notes.push(current.join('\n').trim());
            current = undefined;
        }
        else if (current) {
            current.push(line);
        }
    }
    if (current)
        notes.push(current.join('\n').trim());
    return notes.map((note) => note || 'breaking change');
}

;// CONCATENATED MODULE: ./src/core/release/history.ts



/**
 * Tags `<prefix><version>` with a strict semver version, newest version first. `mergedOnly`
 * keeps those reachable from HEAD (the history this release builds on).
 */
async function releaseTags(git, prefix, mergedOnly) {
    const tags = [];
    for (const tag of await git.tags({ mergedIntoHead: mergedOnly })) {
        if (!tag.startsWith(prefix))
            continue;
        const version = strictVersion(tag.slice(prefix.length));
        if (version)
            tags.push({ tag, version });
    }
    return tags.sort((a, b) => semver_default().rcompare(a.version, b.version));
}
/**
 * Non-merge commits after `from` (exclusive; all history when undefined) up to `to` that
 * touch `path`, newest first.
 */
async function commitsSince(git, from, path, to = 'HEAD') {
    const commits = await git.log({ range: from ? `${from}..${to}` : to, paths: [path], noMerges: true });
    return commits.map((commit) => parseCommit(commit.sha, commit.message));
}
/** True when the repository has no commit at all (HEAD is unborn). */
async function isUnborn(git) {
    return (await git.resolveCommit('HEAD')) === undefined;
}
/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
function dirtyFiles(git) {
    return git.status();
}

;// CONCATENATED MODULE: ./src/core/release/version-files.ts


function versionFileKind(path) {
    const name = (0,external_node_path_.basename)(path);
    if (name === 'package.json')
        return 'package.json';
    if (name === 'pyproject.toml')
        return 'pyproject.toml';
    return '__version__';
}
/** Spans of every version value the file holds; the edit replaces exactly these bytes. */
function versionSpans(file, text) {
    switch (versionFileKind(file)) {
        case 'package.json':
            return packageJsonSpan(file, text);
        case 'pyproject.toml':
            return pyprojectSpans(file, text);
        default:
            return dunderSpans(file, text);
    }
}
/** The version the file declares (the first one, for pyproject files declaring two). */
function readVersion(file, text) {
    return versionSpans(file, text)[0].value;
}
/** `text` with its version set to `version`; every other byte (indentation, key order, comments, newline at end) kept. */
function setVersion(file, text, version) {
    let result = text;
    for (const span of versionSpans(file, text).sort((a, b) => b.start - a.start)) {
        result = `${result.slice(0, span.start)}${version}${result.slice(span.end)}`;
    }
    return result;
}
/** Finds the top-level "version" string with a small scanner: nested "version" keys (e.g. in dependencies' metadata) are not touched. */
function packageJsonSpan(file, text) {
    try {
        JSON.parse(text);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `is not valid JSON: ${error.message}`);
    }
    let depth = 0;
    let index = 0;
    let lastKey;
    while (index < text.length) {
        const char = text[index];
        if (char === '"') {
            const start = index + 1;
            index = start;
            while (text[index] !== '"')
                index += text[index] === '\\' ? 2 : 1;
            const raw = text.slice(start, index);
            index++;
            const after = /^\s*:/.exec(text.slice(index));
            if (after && depth === 1) {
                lastKey = JSON.parse(`"${raw}"`);
            }
            else if (depth === 1 && lastKey === 'version') {
                return [{ start, end: index - 1, value: JSON.parse(`"${raw}"`) }];
            }
            else {
                lastKey = undefined;
            }
            continue;
        }
        if (char === '{' || char === '[')
            depth++;
        else if (char === '}' || char === ']')
            depth--;
        else if (char === ',')
            lastKey = undefined;
        index++;
    }
    throw new errors/* FileError */.f6(file, 'has no top-level "version" string to update');
}
const TABLE = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/;
const TOML_VERSION = /^(\s*version\s*=\s*)(["'])([^"'\n]*)\2/;
function pyprojectSpans(file, text) {
    const spans = [];
    let table = '';
    let offset = 0;
    for (const line of text.split('\n')) {
        const header = TABLE.exec(line);
        if (header)
            table = header[1].trim();
        const match = TOML_VERSION.exec(line);
        if (match && (table === 'project' || table === 'tool.poetry')) {
            const start = offset + match[1].length + 1;
            spans.push({ start, end: start + match[3].length, value: match[3] });
        }
        offset += line.length + 1;
    }
    if (spans.length === 0) {
        throw new errors/* FileError */.f6(file, 'has no `version = "…"` under [project] or [tool.poetry] (a dynamic version needs its own version file)');
    }
    return spans;
}
const DUNDER = /^(__version__\s*(?::\s*[\w.]+\s*)?=\s*)(["'])([^"'\n]*)\2/gm;
/**
 * A line marked for the release (release-please's generic updater convention): the first
 * semver on a line that also carries `x-release-please-version` or `aegis-release-version`.
 */
const MARKED = /^([^\n]*?)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?=[^\n]*\b(?:x-release-please-version|aegis-release-version)\b)/gm;
function dunderSpans(file, text) {
    const spans = [...text.matchAll(DUNDER)].map((match) => {
        const start = (match.index ?? 0) + match[1].length + 1;
        return { start, end: start + match[3].length, value: match[3] };
    });
    if (spans.length > 0)
        return spans;
    const marked = [...text.matchAll(MARKED)].map((match) => {
        const start = (match.index ?? 0) + match[1].length;
        return { start, end: start + match[2].length, value: match[2] };
    });
    if (marked.length === 0) {
        throw new errors/* FileError */.f6(file, 'has no `__version__ = "…"` line and no line marked `aegis-release-version` (or `x-release-please-version`) to update');
    }
    return marked;
}

;// CONCATENATED MODULE: ./src/core/release/release.ts












/** Trailer naming the tag a release commit belongs to. */
const RELEASE_TRAILER = 'Aegis-Release';
function today() {
    return new Date().toISOString().slice(0, 10);
}
async function branchOf(git, options) {
    if (options.git.branch)
        return options.git.branch;
    const branch = await git.currentBranch();
    if (!branch)
        throw new errors/* AegisError */.o4("HEAD is detached: set the 'branch' input to the branch the release commit is pushed to.");
    return branch;
}
async function remoteHasTag(git, options, tag) {
    if (!options.git.remote)
        return true;
    return (0,git_git/* mustSucceed */.MX)(await git.remoteRefs(options.git.remote, [`refs/tags/${tag}`], 'tags')).refs.length > 0;
}
async function forgeStep(options, tag) {
    if (!options.forge)
        return 'skip';
    return (await options.forge.releases.findRelease(options.forge.repository, tag)) ? 'done' : 'todo';
}
function publishStep(publisher, published) {
    if (publisher.kind === 'none')
        return 'skip';
    return published === true ? 'done' : 'todo';
}
function readText(repoDir, file) {
    const path = (0,external_node_path_.join)(repoDir, file);
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}
/** Version files and changelog as they would be after the release; files already right are left out. */
function plannedChanges(options, version, notes) {
    const changes = [];
    for (const file of options.versionFiles) {
        const before = readText(options.repoDir, file);
        if (before === undefined)
            throw new errors/* FileError */.f6(file, 'version file does not exist');
        const after = setVersion(file, before, version);
        if (after !== before)
            changes.push({ file, before, after });
    }
    if (options.changelogFile) {
        const before = readText(options.repoDir, options.changelogFile);
        const after = prependChangelog(before, version, notes);
        if (after !== before)
            changes.push({ file: options.changelogFile, before, after });
    }
    return changes;
}
function firstVersion(options, type) {
    for (const file of options.versionFiles) {
        const text = readText(options.repoDir, file);
        const declared = text === undefined ? undefined : strictVersion(readVersion(file, text));
        if (declared && declared !== '0.0.0' && !semver_default().prerelease(declared))
            return declared;
    }
    return applyBump('0.0.0', type, options.rules);
}
function releaseAsOf(commits, previous) {
    const carrier = commits.find((commit) => commit.releaseAs !== undefined);
    if (!carrier)
        return undefined;
    const value = carrier.releaseAs;
    const version = strictVersion(value);
    const where = `commit ${carrier.hash.slice(0, 12)} ("${carrier.header}")`;
    if (!version)
        throw new errors/* AegisError */.o4(`Release-As: ${JSON.stringify(value)} in ${where} is not a semantic version such as 2.0.0.`);
    if (previous && !semver_default().gt(version, previous)) {
        throw new errors/* AegisError */.o4(`Release-As: ${version} in ${where} is not greater than the last release ${previous}.`);
    }
    return version;
}
function notesFor(options, version, tag, previousTag, commits) {
    return renderReleaseNotes({ version, tag, previousTag, commits, date: options.date ?? today(), links: options.links });
}
/** The release before `latest` on its line: the previous stable for a stable tag, the previous tag otherwise. */
function previousOf(tags, latest) {
    const older = tags.filter((tag) => semver_default().lt(tag.version, latest.version));
    return semver_default().prerelease(latest.version) ? older[0] : older.find((tag) => !semver_default().prerelease(tag.version));
}
/** Finishing a release whose tag exists: publish it, push the tag, create the forge release — whichever is missing. */
async function resumePlan(options, git, tags, latest) {
    const published = options.publisher.kind === 'none' ? undefined : await options.publisher.isPublished(latest.version);
    const steps = {
        publish: published === false ? 'todo' : 'skip',
        commitAndTag: 'done',
        push: (await remoteHasTag(git, options, latest.tag)) ? 'done' : 'todo',
        forgeRelease: await forgeStep(options, latest.tag),
    };
    if (steps.publish !== 'todo' && steps.push !== 'todo' && steps.forgeRelease !== 'todo')
        return undefined;
    const previous = previousOf(tags, latest);
    const commits = await commitsSince(git, previous?.tag, options.path, latest.tag);
    const prerelease = semver_default().prerelease(latest.version) !== null;
    const missing = [
        steps.publish === 'todo' && 'package not published',
        steps.push === 'todo' && 'tag not pushed',
        steps.forgeRelease === 'todo' && 'no forge release',
    ]
        .filter(Boolean)
        .join(', ');
    return {
        action: 'resume',
        reason: `tag ${latest.tag} exists but the release is unfinished (${missing})`,
        version: latest.version,
        previousVersion: previous?.version,
        tag: latest.tag,
        previousTag: previous?.tag,
        prerelease,
        distTag: options.distTag ?? (prerelease ? String(semver_default().prerelease(latest.version)?.[0] ?? 'next') : 'latest'),
        commits,
        notes: notesFor(options, latest.version, latest.tag, previous?.tag, commits),
        fileChanges: [],
        steps,
        published,
    };
}
function nothing(reason, options, latest) {
    return {
        action: 'none',
        reason,
        previousVersion: latest?.version,
        previousTag: latest?.tag,
        prerelease: Boolean(options.channel),
        distTag: options.distTag ?? options.channel ?? 'latest',
        commits: [],
        notes: '',
        fileChanges: [],
        steps: { publish: 'skip', commitAndTag: 'skip', push: 'skip', forgeRelease: 'skip' },
    };
}
/**
 * Works out what this run must do, reading git, the registry and the forge but changing
 * nothing. Unfinished work on the latest tag comes first; otherwise the commits since the
 * last release decide the next version.
 */
async function planRelease(options) {
    const git = new git_git/* Git */.TU(options.repoDir, options.git.env);
    if (await isUnborn(git))
        throw new errors/* AegisError */.o4(`${options.repoDir} has no commits yet: there is nothing to release.`);
    const dirty = await dirtyFiles(git);
    if (dirty.length > 0) {
        throw new errors/* AegisError */.o4(`The working tree has uncommitted changes (${dirty.slice(0, 5).join('; ')}${dirty.length > 5 ? '; …' : ''}): release from a clean checkout, so what is published is what is tagged.`);
    }
    if (options.git.remote) {
        const fetched = await git.fetch(options.git.remote, [], { tags: true });
        if (!fetched.ok)
            options.log.warning(`Could not fetch tags from ${options.git.remote}: ${fetched.stderr.trim()}`);
    }
    if (!(await git.lastCommitTouching(options.path))) {
        throw new errors/* AegisError */.o4(`No commit touches path '${options.path}': there is nothing to release (check the 'path' input).`);
    }
    const tags = await releaseTags(git, options.tagPrefix, true);
    const latest = tags[0];
    if (latest) {
        const resume = await resumePlan(options, git, tags, latest);
        if (resume)
            return resume;
    }
    const stable = tags.find((tag) => !semver_default().prerelease(tag.version));
    const sinceStable = await commitsSince(git, stable?.tag, options.path);
    const onChannel = Boolean(options.channel && latest && latest !== stable && semver_default().prerelease(latest.version)?.[0] === options.channel);
    const sinceLatest = onChannel && latest ? await commitsSince(git, latest.tag, options.path) : sinceStable;
    if (sinceLatest.length === 0)
        return nothing(`no commits touch '${options.path}' since ${latest?.tag}`, options, latest);
    // A Release-As already released (say 2.0.0-beta.1, still "since the last stable") is spent.
    const requested = releaseAsOf(sinceStable, stable?.version);
    const releaseAs = requested && latest && semver_default().lte(requested, latest.version) ? undefined : requested;
    const releaseType = releaseTypeOf(sinceStable, options.rules);
    if (!releaseAs && !releaseType) {
        return nothing(`no releasable commits since ${stable?.tag ?? 'the first commit'} (only types outside the bump rules)`, options, latest);
    }
    if (onChannel && !releaseAs && releaseTypeOf(sinceLatest, options.rules) === undefined) {
        return nothing(`no releasable commits since ${latest?.tag}`, options, latest);
    }
    const type = releaseType ?? 'patch';
    let target = releaseAs ?? (stable ? applyBump(stable.version, type, options.rules) : firstVersion(options, type));
    // A prerelease line already ahead of the bump (2.0.0-beta.1 over 1.1.0) is continued, not undercut.
    if (latest && semver_default().prerelease(latest.version) && semver_default().lt(target, latest.version)) {
        const line = semver_default().parse(latest.version);
        target = `${line.major}.${line.minor}.${line.patch}`;
    }
    const allTags = await releaseTags(git, options.tagPrefix, false);
    const version = options.channel && !semver_default().prerelease(target)
        ? nextPrerelease(target, options.channel, allTags.map((tag) => tag.version))
        : target;
    const tag = `${options.tagPrefix}${version}`;
    if (allTags.some((existing) => existing.tag === tag)) {
        throw new errors/* AegisError */.o4(`Tag ${tag} already exists but is not reachable from HEAD: was it made on another branch? Move or delete it, or use Release-As.`);
    }
    const prerelease = semver_default().prerelease(version) !== null;
    const previous = prerelease && latest && semver_default().lt(latest.version, version) ? latest : stable;
    const notesCommits = previous === latest && latest !== stable ? sinceLatest : sinceStable;
    const notes = notesFor(options, version, tag, previous?.tag, notesCommits);
    const published = options.publisher.kind === 'none' ? undefined : await options.publisher.isPublished(version);
    return {
        action: 'release',
        reason: releaseAs
            ? `Release-As: ${releaseAs}`
            : `${type} release from ${sinceStable.length} commit(s) since ${stable?.tag ?? 'the first commit'}`,
        version,
        previousVersion: previous?.version,
        tag,
        previousTag: previous?.tag,
        releaseType: releaseAs ? undefined : type,
        prerelease,
        distTag: options.distTag ?? (prerelease ? (options.channel ?? 'next') : 'latest'),
        commits: notesCommits,
        notes,
        fileChanges: plannedChanges(options, version, notes),
        steps: {
            publish: publishStep(options.publisher, published),
            commitAndTag: 'todo',
            push: options.git.remote ? 'todo' : 'skip',
            forgeRelease: options.forge ? 'todo' : 'skip',
        },
        published,
    };
}
/** Publishes from a temporary worktree at the tag: the tagged content, not whatever HEAD is now. */
async function publishFromTag(options, git, plan) {
    const worktree = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aegis-release-'));
    try {
        await git.addWorktree(worktree, `refs/tags/${plan.tag}`);
        // A tag made without version files updated still publishes the tagged version.
        for (const file of options.versionFiles) {
            const path = (0,external_node_path_.join)(worktree, file);
            if ((0,external_node_fs_.existsSync)(path))
                (0,atomic/* writeFileAtomic */.Z)(path, setVersion(file, (0,external_node_fs_.readFileSync)(path, 'utf8'), plan.version));
        }
        await options.publisher.publish(plan.version, (0,external_node_path_.join)(worktree, options.path), {
            tag: plan.tag,
            distTag: plan.distTag,
        });
    }
    finally {
        await git.removeWorktree(worktree);
        (0,external_node_fs_.rmSync)(worktree, { recursive: true, force: true });
    }
}
async function createForgeRelease(options, plan) {
    if (!options.forge || plan.steps.forgeRelease !== 'todo')
        return undefined;
    const tag = plan.tag;
    const existing = await options.forge.releases.findRelease(options.forge.repository, tag);
    if (existing)
        return existing;
    return options.forge.releases.createRelease({
        repository: options.forge.repository,
        tag,
        name: options.name && options.name !== tag ? `${options.name} ${plan.version}` : tag,
        notes: plan.notes,
        prerelease: plan.prerelease,
    });
}
/**
 * Carries out a plan in the order that keeps every failure resumable: publish, then commit
 * and tag, then push, then the forge release. A failed publish restores the files it wrote.
 */
async function executeRelease(options, plan) {
    const result = { plan, released: false, published: false, tagged: false };
    if (plan.action === 'none')
        return result;
    const git = new git_git/* Git */.TU(options.repoDir, options.git.env);
    const tag = plan.tag;
    const version = plan.version;
    const { log } = options;
    if (plan.action === 'resume') {
        if (plan.steps.publish === 'todo') {
            await log.group(`Publish ${tag} (resumed from the tag)`, () => publishFromTag(options, git, plan));
            result.published = true;
        }
        if (plan.steps.push === 'todo' && options.git.remote) {
            (0,git_git/* mustSucceed */.MX)(await git.push(options.git.remote, [`refs/tags/${tag}`]));
            result.tagged = true;
        }
    }
    else {
        for (const change of plan.fileChanges)
            (0,atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(options.repoDir, change.file), change.after);
        if (plan.steps.publish === 'todo') {
            try {
                await log.group(`Publish ${options.publisher.describe()} ${version}`, () => options.publisher.publish(version, (0,external_node_path_.join)(options.repoDir, options.path), { tag, distTag: plan.distTag }));
            }
            catch (error) {
                restore(options.repoDir, plan.fileChanges);
                throw error;
            }
            result.published = true;
        }
        else if (plan.steps.publish === 'done') {
            log.info(`${version} is already published; not publishing it again.`);
        }
        if (plan.fileChanges.length > 0) {
            await git.add(plan.fileChanges.map((change) => change.file));
            const subject = (0,commit_message/* renderTemplate */.Xm)(options.git.commitMessage, { tag, version, name: options.name });
            const trailers = [{ key: commit_message/* TRAILER */.AH.stage, value: 'release' }, { key: RELEASE_TRAILER, value: tag }, ...(options.git.trailers ?? [])];
            result.commitSha = await git.commit((0,commit_message/* buildCommitMessage */.vL)(subject, '', trailers), options.git.author);
        }
        await git.tag(tag, plan.notes, options.git.author);
        result.tagged = true;
        if (options.git.remote) {
            const branch = await branchOf(git, options);
            const refs = plan.fileChanges.length > 0 ? [`HEAD:refs/heads/${branch}`, `refs/tags/${tag}`] : [`refs/tags/${tag}`];
            const pushed = await git.push(options.git.remote, refs, { atomic: true });
            if (!pushed.ok) {
                await git.deleteTag(tag);
                throw new errors/* AegisError */.o4(`Pushing ${tag} to ${options.git.remote} failed${result.published ? ` after ${version} was published` : ''}: ${pushed.stderr.trim()}. Re-run on the current tip: the published version is detected and only the commit and tag are made.`);
            }
        }
    }
    result.releaseUrl = await createForgeRelease(options, plan);
    result.released = true;
    return result;
}
function restore(repoDir, changes) {
    for (const change of changes) {
        const path = (0,external_node_path_.join)(repoDir, change.file);
        if (change.before === undefined)
            (0,external_node_fs_.rmSync)(path, { force: true });
        else
            (0,atomic/* writeFileAtomic */.Z)(path, change.before);
    }
}
/** Markdown table of a plan, for the log and the job summary. */
function renderPlan(plan, publisher) {
    const rows = [
        ['action', plan.action],
        ['reason', plan.reason],
        ['version', plan.version ?? '—'],
        ['previous version', plan.previousVersion ?? '—'],
        ['tag', plan.tag ?? '—'],
        ['publish', `${plan.steps.publish}: ${publisher.describe()}${plan.steps.publish === 'todo' ? ` (dist-tag ${plan.distTag})` : ''}`],
        ['files', plan.fileChanges.map((change) => `\`${change.file}\``).join(', ') || '—'],
        ['commit + tag', plan.steps.commitAndTag],
        ['push', plan.steps.push],
        ['forge release', plan.steps.forgeRelease],
    ];
    return `| step | value |\n|---|---|\n${rows.map(([key, value]) => `| ${key} | ${value.replace(/\|/g, '\\|')} |`).join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/stages/inputs.ts
var inputs = __webpack_require__(9778);
;// CONCATENATED MODULE: ./src/stages/release.ts

















const PUBLISH = ['npm', 'pypi', 'command', 'none'];
const CHANNEL = /^[a-z][a-z0-9-]*$/i;
const AUTHOR = { name: 'aegis-release', email: 'aegis-release@users.noreply.github.com' };
const release_inputs = {
    path: { description: 'Folder of the library, relative to the workspace; only commits touching it count.', default: '.' },
    'tag-prefix': { description: "Tag prefix; lets one repository hold several libraries (e.g. 'lib-a/v').", default: 'v' },
    prerelease: {
        description: "Prerelease channel (e.g. 'rc', 'beta'): releases 1.3.0-rc.1, rc.2, …; empty for a stable release.",
        default: '',
    },
    publish: { description: 'Where the package goes: npm, pypi, command or none.', default: 'none' },
    'registry-url': {
        description: 'Registry to publish to (npm registry URL, or twine upload URL); defaults to the public registry.',
        default: '',
    },
    token: { description: 'Registry token (npm auth token, PyPI API token); passed by environment, never on a command line.', secret: true },
    changelog: { description: "Changelog file relative to 'path', or 'false' for none.", default: 'CHANGELOG.md' },
    'dry-run': { description: 'Print the plan (version, notes, what would be published) and change nothing.', default: 'false' },
    'version-files': {
        description: "Files whose version is set (package.json, pyproject.toml, or a file with __version__ = '…'), relative to 'path'; default: package.json and pyproject.toml when present.",
        default: '',
    },
    'bump-rules': {
        description: 'YAML: {minor: [feat], patch: [fix, perf, revert], pre-major-breaking: minor|major, pre-major-feature: minor|patch}.',
        default: '',
    },
    'dist-tag': { description: "npm dist-tag; default 'latest', or the prerelease channel.", default: '' },
    'publish-command': {
        description: "For publish: command, the argument list as a YAML/JSON array; '{version}' and '{tag}' are replaced.",
        default: '',
    },
    'check-command': {
        description: 'For publish: command (required with it), an argument list that exits 0 when the version is already published; {version} and {tag} are filled in.',
        default: '',
    },
    'build-command': {
        description: 'Argument list run in the library folder before publishing (e.g. ["python3", "-m", "build"]).',
        default: '',
    },
    'pypi-check-url': {
        description: "PyPI JSON API base used to check for an existing version; derived from 'registry-url' by default.",
        default: '',
    },
    'forge-token': { description: 'GitHub/GitLab token: pushes the release commit and tag over https, creates the release.', secret: true },
    'repository-url': {
        description: "Repository web URL for changelog links and the forge release; default: the CI's repository, else 'origin'.",
        default: '',
    },
    remote: { description: "Git remote to push to; 'none' keeps the commit and tag local.", default: 'origin' },
    branch: {
        description: 'Branch the release commit is pushed to; default the checked-out branch (or the CI branch when detached).',
        default: '',
    },
    'commit-message': {
        description: "Release commit subject; '{tag}', '{version}', '{name}' are replaced.",
        default: 'chore(release): {tag} [skip ci]',
    },
    dependents: {
        description: "Repositories told about the release, one per line: 'github:owner/repo' or 'gitlab:group/project@ref'.",
        default: '',
    },
    'dependents-token': {
        description: 'Token for the dependents: a GitHub token (repository_dispatch) or a GitLab pipeline trigger token.',
        secret: true,
    },
};
const outputs = {
    released: { description: "'true' when this run released (or finished releasing) a version." },
    version: { description: 'The version released or planned.' },
    'previous-version': { description: 'The version before it on the same line.' },
    tag: { description: 'The release tag.' },
    notes: { description: 'Release notes (markdown).' },
    published: { description: "'true' when this run published the package." },
    'release-url': { description: 'Web URL of the GitHub/GitLab release, when one was created.' },
};
/** All validation up front, before anything is read from a registry or written. */
function parseInputs(reader, workspace, platform = 'local') {
    const libraryDir = reader.path('path', workspace) ?? workspace;
    if (!(0,external_node_fs_.existsSync)(libraryDir))
        throw new errors/* InputError */.dz('path', reader.string('path'), 'an existing folder inside the workspace');
    const path = (0,external_node_path_.relative)(workspace, libraryDir) || '.';
    const inPath = (file) => (path === '.' ? file : (0,external_node_path_.join)(path, file));
    const channel = reader.string('prerelease') || undefined;
    if (channel && !CHANNEL.test(channel))
        throw new errors/* InputError */.dz('prerelease', channel, "a channel name such as 'rc', 'beta' or 'next'");
    const tagPrefix = reader.string('tag-prefix');
    if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix))
        throw new errors/* InputError */.dz('tag-prefix', tagPrefix, 'characters allowed in a git tag name');
    const publish = reader.choice('publish', PUBLISH);
    const registryUrl = reader.optional('registry-url');
    if (registryUrl && !/^https?:\/\/[^/]/.test(registryUrl))
        throw new errors/* InputError */.dz('registry-url', registryUrl, 'an http(s) URL');
    const changelog = reader.string('changelog');
    const changelogFile = ['false', 'none', ''].includes(changelog.toLowerCase()) ? undefined : inPath(changelog);
    if (changelogFile)
        reader.path('changelog', libraryDir);
    const declared = reader.lines('version-files');
    for (const file of declared) {
        if (!(0,external_node_fs_.existsSync)((0,paths/* resolveInside */.L)(libraryDir, file, 'version-files')))
            throw new errors/* InputError */.dz('version-files', file, "files that exist inside 'path'");
    }
    const versionFiles = (declared.length > 0 ? declared : ['package.json', 'pyproject.toml'].filter((file) => (0,external_node_fs_.existsSync)((0,external_node_path_.join)(libraryDir, file)))).map(inPath);
    const argv = (name) => {
        const value = reader.string(name);
        return value ? parseArgv(value, name) : undefined;
    };
    const publishArgv = argv('publish-command');
    if (publish === 'command' && !publishArgv)
        throw new errors/* InputError */.dz('publish-command', '', 'an argument list when publish is command');
    // Without a way to ask whether a version is out, a tag whose publish failed could never be told
    // from a finished release: the resumption guarantee needs the check.
    if (publish === 'command' && !reader.string('check-command')) {
        throw new errors/* InputError */.dz('check-command', '', 'an argument list that exits 0 when the version is published and non-zero when not', "publish is 'command'");
    }
    const remote = reader.string('remote');
    // Checked now, not after the release: a typo here must not surface once the tag is pushed.
    const dependents = parseDependents(reader.lines('dependents'), platform === 'gitlab' ? 'gitlab' : 'github');
    const dependentsToken = reader.optional('dependents-token');
    if (dependents.length > 0 && !dependentsToken) {
        throw new errors/* InputError */.dz('dependents-token', '', 'a token allowed to notify the dependents', "'dependents' is set");
    }
    return {
        options: {
            repoDir: workspace,
            path,
            tagPrefix,
            channel,
            rules: parseBumpRules(reader.string('bump-rules')),
            changelogFile,
            versionFiles,
            distTag: reader.optional('dist-tag'),
            git: {
                remote: remote === 'none' ? undefined : remote,
                branch: reader.optional('branch'),
                author: AUTHOR,
                commitMessage: reader.string('commit-message'),
            },
        },
        publish,
        registryUrl,
        token: reader.optional('token'),
        libraryDir,
        dryRun: reader.boolean('dry-run'),
        publishArgv,
        checkArgv: argv('check-command'),
        buildArgv: argv('build-command'),
        pypiCheckUrl: reader.optional('pypi-check-url'),
        forgeToken: reader.optional('forge-token'),
        repositoryUrl: reader.optional('repository-url'),
        dependents,
        dependentsToken,
    };
}
function readJsonName(file) {
    return (0,external_node_fs_.existsSync)(file) ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')).name : undefined;
}
function readPyprojectName(file) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    let table = '';
    for (const line of (0,external_node_fs_.readFileSync)(file, 'utf8').split('\n')) {
        const header = /^\s*\[([^\]]+)\]/.exec(line);
        if (header)
            table = header[1].trim();
        const name = /^\s*name\s*=\s*["']([^"']+)["']/.exec(line);
        if (name && (table === 'project' || table === 'tool.poetry'))
            return name[1];
    }
    return undefined;
}
function createPublisher(parsed) {
    const { libraryDir } = parsed;
    switch (parsed.publish) {
        case 'npm': {
            const packageName = readJsonName((0,external_node_path_.join)(libraryDir, 'package.json'));
            if (!packageName)
                throw new errors/* InputError */.dz('publish', 'npm', "a library folder ('path') with a package.json that has a name");
            return withBuild(npmPublisher({ packageName, registryUrl: parsed.registryUrl ?? NPM_DEFAULT_REGISTRY, token: parsed.token }), parsed.buildArgv);
        }
        case 'pypi': {
            const packageName = readPyprojectName((0,external_node_path_.join)(libraryDir, 'pyproject.toml'));
            if (!packageName)
                throw new errors/* InputError */.dz('publish', 'pypi', "a library folder ('path') with a pyproject.toml naming the project");
            const registryUrl = parsed.registryUrl ?? PYPI_DEFAULT_UPLOAD_URL;
            if (!parsed.pypiCheckUrl && !defaultCheckUrl(registryUrl)) {
                throw new errors/* InputError */.dz('pypi-check-url', '', `the JSON API URL of ${registryUrl} (…/pypi/)`, 'only pypi.org and test.pypi.org are known');
            }
            return withBuild(pypiPublisher({
                packageName,
                registryUrl: parsed.registryUrl ?? PYPI_DEFAULT_UPLOAD_URL,
                checkUrl: parsed.pypiCheckUrl,
                token: parsed.token,
            }), parsed.buildArgv);
        }
        case 'command':
            return withBuild(commandPublisher({ argv: parsed.publishArgv, checkArgv: parsed.checkArgv, token: parsed.token, registryUrl: parsed.registryUrl }, libraryDir, (version) => `${parsed.options.tagPrefix}${version}`), parsed.buildArgv);
        default:
            return noPublisher;
    }
}
async function remoteUrl(workspace, remote) {
    if (!remote)
        return undefined;
    return new git_git/* Git */.TU(workspace).remoteUrl(remote);
}
function linksFor(url, platform) {
    const web = url ? browsableUrl(url) : undefined;
    if (!web)
        return undefined;
    const kind = platform.name === 'gitlab' || /gitlab/i.test(new URL(web).hostname) ? 'gitlab' : 'github';
    return { url: web, kind };
}
async function run(platform) {
    const reader = new inputs/* InputReader */.i(platform, release_inputs);
    const parsed = parseInputs(reader, platform.workspace, platform.name);
    const publisher = createPublisher(parsed);
    const event = platform.event();
    const configured = await remoteUrl(platform.workspace, parsed.options.git.remote);
    if (parsed.options.git.remote && !configured) {
        throw new errors/* InputError */.dz('remote', parsed.options.git.remote, "a git remote of the workspace, or 'none'");
    }
    const stripped = configured ? (0,git_remote/* withoutCredentials */.ri)(configured) : undefined;
    if (stripped?.password)
        platform.secret(stripped.password);
    const origin = stripped?.url;
    const repositoryUrl = parsed.repositoryUrl ?? event.repositoryUrl ?? origin;
    const remote = origin && parsed.forgeToken && /^https?:\/\//.test(origin)
        ? (0,git_remote/* describeRemote */.kW)(origin, { token: parsed.forgeToken }, platform.workspace)
        : undefined;
    for (const secret of remote?.secrets ?? [])
        platform.secret(secret);
    const forgeRepository = repositoryUrl ? (0,git_remote/* forgeProjectPath */.cW)(repositoryUrl) : undefined;
    const forge = parsed.forgeToken && forgeRepository && !parsed.dryRun
        ? { releases: await platform.forge({ token: parsed.forgeToken }), repository: forgeRepository }
        : undefined;
    const name = readJsonName((0,external_node_path_.join)(parsed.libraryDir, 'package.json')) ??
        readPyprojectName((0,external_node_path_.join)(parsed.libraryDir, 'pyproject.toml')) ??
        (0,external_node_path_.basename)(parsed.libraryDir);
    const options = {
        ...parsed.options,
        git: {
            ...parsed.options.git,
            branch: parsed.options.git.branch ?? event.branch,
            // With a forge token, talk to the URL itself: the remote's configured credentials stay out of it.
            remote: remote ? remote.url : parsed.options.git.remote,
            env: remote?.env,
            trailers: event.runUrl ? [{ key: commit_message/* TRAILER */.AH.sourceRun, value: event.runUrl }] : [],
        },
        publisher,
        forge,
        links: linksFor(repositoryUrl, platform),
        name,
        log: platform.log,
    };
    const plan = await platform.log.group('Plan', () => planRelease(options));
    const table = renderPlan(plan, publisher);
    platform.log.info(`${table}\n${plan.notes}`);
    const write = (released, published, releaseUrl = '') => {
        platform.setOutput('released', String(released));
        platform.setOutput('version', plan.version ?? '');
        platform.setOutput('previous-version', plan.previousVersion ?? '');
        platform.setOutput('tag', plan.tag ?? '');
        platform.setOutput('notes', plan.notes);
        platform.setOutput('published', String(published));
        platform.setOutput('release-url', releaseUrl);
    };
    if (parsed.dryRun || plan.action === 'none') {
        write(false, false);
        await platform.summary(`## release ${parsed.dryRun ? '(dry run)' : ''}\n\n${table}\n${plan.notes}`);
        return;
    }
    const result = await executeRelease(options, plan);
    write(result.released, result.published, result.releaseUrl);
    let notified = '';
    if (parsed.dependents.length > 0) {
        const results = await notifyDependents(parsed.dependents, (kind) => ({ kind, apiUrl: platform.forgeApiUrl(kind), token: parsed.dependentsToken }), {
            library: name,
            version: plan.version,
            tag: plan.tag,
            prerelease: plan.prerelease,
        });
        for (const failed of results.filter((entry) => !entry.ok))
            platform.log.warning(`Could not notify ${failed.dependent.repository}: ${failed.detail}`);
        notified = `\n**Dependents:** ${results.map((entry) => `${entry.dependent.repository} ${entry.ok ? '✓' : `✗ (${entry.detail})`}`).join(', ')}\n`;
    }
    await platform.summary(`## release ${plan.tag}\n\n${table}${notified}\n${plan.notes}`);
}
const release = {
    name: 'release',
    title: 'Release a library',
    description: 'Semantic version from conventional commits, changelog, version files, publish (npm, PyPI, command), tag, push and forge release; resumes unfinished releases.',
    inputs: release_inputs,
    outputs,
    run,
};


/***/ })

};

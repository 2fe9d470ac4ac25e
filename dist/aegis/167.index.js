export const id = 167;
export const ids = [167];
export const modules = {

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

/***/ 9978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



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
        child.on('error', (error) => 
        // ENOENT is also what a missing working directory gives; only a missing program is a missing tool.
        reject(error.code === 'ENOENT' && (!options.cwd || (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(options.cwd))
            ? new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ToolNotFoundError */ .Mm(command)
            : new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CommandError */ .Qd(command, args, null, error.message)));
        child.on('close', (code) => {
            clearTimeout(timer);
            if (timedOut) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CommandError */ .Qd(command, args, null, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`));
                return;
            }
            const result = {
                exitCode: code ?? -1,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
            };
            if (result.exitCode !== 0 && !options.allowFailure) {
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .CommandError */ .Qd(command, args, code, result.stderr || result.stdout));
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

/***/ 9167:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FILES: () => (/* binding */ FILES),
  definition: () => (/* binding */ definition),
  parse: () => (/* binding */ parse),
  run: () => (/* binding */ run),
  runScan: () => (/* binding */ runScan),
  scan: () => (/* binding */ scan)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/fs/safe-write.ts
var safe_write = __webpack_require__(864);
// EXTERNAL MODULE: ./src/core/git/remote.ts
var remote = __webpack_require__(8648);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/yaml/plain.ts

/**
 * A parsed document as plain data. Aliases are expanded here, so a "billion laughs" document
 * (a few hundred bytes of nested aliases) is refused with the file named, not a ReferenceError.
 */
function plainData(document, file) {
    try {
        return document.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `expands to too much data through YAML aliases (${error.message}); write the values out instead of aliasing them`);
    }
}

;// CONCATENATED MODULE: ./src/core/scan/ignore.ts



const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = new Set(['id', 'package', 'reason', 'owner', 'expires']);
const EXAMPLE = 'ignores:\n  - id: CVE-2024-0001\n    package: openssl   # optional\n    reason: not reachable, no TLS\n    owner: team-payments\n    expires: 2025-06-30';
/**
 * Parses the ignore file. Every entry must say why, who and until when: an exception
 * without an owner or an end date is how findings get hidden for good.
 */
function parseIgnoreFile(text, file) {
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        throw new errors/* FileError */.f6(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
    }
    const data = plainData(document, file);
    if (data === null || data === undefined)
        return [];
    const entries = data.ignores;
    if (typeof data !== 'object' || Array.isArray(data) || !Array.isArray(entries)) {
        throw new errors/* FileError */.f6(file, `expected a mapping with an 'ignores' list, for example:\n${EXAMPLE}`);
    }
    const lineCounter = lineOf(text);
    return entries.map((entry, index) => {
        const where = `ignores[${index}]`;
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
            throw new errors/* FileError */.f6(file, `${where} is not a mapping with id, reason, owner and expires`);
        }
        const record = entry;
        const unknown = Object.keys(record).filter((key) => !KEYS.has(key));
        if (unknown.length > 0)
            throw new errors/* FileError */.f6(file, `${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...KEYS].join(', ')}`);
        const field = (name, required) => {
            const value = record[name];
            if (value instanceof Date)
                return value.toISOString().slice(0, 10);
            if (value === undefined || value === null || value === '') {
                if (required)
                    throw new errors/* FileError */.f6(file, `${where}${record.id ? ` (${String(record.id)})` : ''} has no '${name}'; every entry needs id, reason, owner and expires`);
                return undefined;
            }
            if (typeof value !== 'string')
                throw new errors/* FileError */.f6(file, `${where}.${name} must be a string`);
            return value.trim();
        };
        const id = field('id', true);
        const reason = field('reason', true);
        const owner = field('owner', true);
        const expires = field('expires', true);
        if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
            throw new errors/* FileError */.f6(file, `${where} (${id}).expires is ${JSON.stringify(expires)}; expected a date YYYY-MM-DD`);
        }
        const pkg = field('package', false);
        const line = lineCounter(id);
        return {
            id,
            ...(pkg ? { package: pkg } : {}),
            reason,
            owner,
            expires,
            ...(line ? { line } : {}),
        };
    });
}
/** Finds the line an id first appears on, for file annotations. */
function lineOf(text) {
    const lines = text.split(/\r?\n/);
    return (id) => {
        const index = lines.findIndex((line) => /\bid\s*:/.test(line) && line.includes(id));
        return index >= 0 ? index + 1 : undefined;
    };
}
const DAY = 86_400_000;
/** Whole days until the entry lapses (0 on its last day, negative once expired). */
function daysLeft(entry, now) {
    const end = Date.parse(`${entry.expires}T00:00:00Z`) + DAY;
    return Math.ceil((end - now.getTime()) / DAY) - 1;
}
function isExpired(entry, now) {
    return daysLeft(entry, now) < 0;
}

;// CONCATENATED MODULE: ./src/core/scan/severity.ts
/** Trivy's severities, lowest first; the order is what thresholds compare. */
const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
/** Highest first: the order people read tables in. */
const SEVERITIES_DESCENDING = [...SEVERITIES].reverse();
function isSeverity(value) {
    return SEVERITIES.includes(value);
}
/** Case-insensitive; undefined for anything that is not a Trivy severity. */
function parseSeverity(value) {
    const upper = value.trim().toUpperCase();
    return isSeverity(upper) ? upper : undefined;
}
function severityRank(severity) {
    return SEVERITIES.indexOf(severity);
}
function atLeast(severity, threshold) {
    return severityRank(severity) >= severityRank(threshold);
}
function zeroCounts() {
    return { UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
}
/** `Critical`, `High`…: GitLab's spelling. */
function titleCase(severity) {
    return `${severity[0]}${severity.slice(1).toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/core/scan/gate.ts


function matches(entry, finding) {
    return entry.id.toUpperCase() === finding.id.toUpperCase() && (entry.package === undefined || entry.package === finding.pkgName);
}
function limitFor(severity, rules) {
    const explicit = rules.max[severity];
    if (explicit !== undefined)
        return explicit;
    return reaches(severity, rules.failOn) ? 0 : Number.POSITIVE_INFINITY;
}
function reaches(severity, threshold) {
    return threshold !== 'none' && atLeast(severity, threshold);
}
/**
 * Decides pass or fail. Pure: the clock is an input. Excused findings (ignored, unfixed,
 * baseline) stay in the result with the reason, so every rendering still shows them.
 */
function evaluateGate(input) {
    const { rules, now } = input;
    const expiredIgnores = input.ignores.filter((entry) => daysLeft(entry, now) < 0);
    const active = input.ignores.filter((entry) => daysLeft(entry, now) >= 0);
    const used = new Set();
    const gated = input.findings.map((finding) => {
        const ignore = active.find((entry) => matches(entry, finding));
        if (ignore) {
            used.add(ignore);
            return { finding, disposition: 'ignored', ignore };
        }
        if (rules.ignoreUnfixed && !finding.fixedVersion)
            return { finding, disposition: 'unfixed' };
        if (input.baseline?.has(finding.key))
            return { finding, disposition: 'baseline' };
        return { finding, disposition: 'allowed' };
    });
    const counts = zeroCounts();
    const counted = zeroCounts();
    for (const { finding, disposition } of gated) {
        counts[finding.severity]++;
        if (disposition === 'allowed')
            counted[finding.severity]++;
    }
    const exceeded = SEVERITIES.filter((severity) => counted[severity] > limitFor(severity, rules))
        .map((severity) => ({ severity, count: counted[severity], limit: limitFor(severity, rules) }))
        .reverse();
    const over = new Set(exceeded.map((entry) => entry.severity));
    for (const item of gated) {
        if (item.disposition !== 'allowed')
            continue;
        if (over.has(item.finding.severity))
            item.disposition = 'blocking';
        else if (reaches(item.finding.severity, rules.warnOn))
            item.disposition = 'warning';
    }
    const blocking = gated.filter((item) => item.disposition === 'blocking').length;
    return {
        result: blocking > 0 ? 'failed' : 'passed',
        gated,
        counts,
        counted,
        blocking,
        warnings: gated.filter((item) => item.disposition === 'warning').length,
        exceeded,
        expiredIgnores,
        expiringIgnores: active
            .map((entry) => ({ entry, daysLeft: daysLeft(entry, now) }))
            .filter((item) => item.daysLeft <= input.expiryWarningDays),
        unusedIgnores: active.filter((entry) => !used.has(entry)),
    };
}
/** Ignore reasons by finding key, for renderers that mark accepted findings (SARIF suppressions). */
function suppressions(result) {
    const map = new Map();
    for (const item of result.gated) {
        if (item.ignore)
            map.set(item.finding.key, `${item.ignore.reason} (owner: ${item.ignore.owner}, expires ${item.ignore.expires})`);
    }
    return map;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/scan/report.ts


function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * Parses and checks a Trivy JSON report. Anything else (a SARIF file, a CycloneDX SBOM, an
 * older schema, truncated JSON) is refused with a message that says what was found.
 */
function parseTrivyReport(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `is not JSON (${error.message}); expected a Trivy JSON report (trivy --format json)`);
    }
    if (!isObject(data) || !('SchemaVersion' in data)) {
        const hint = isObject(data) && ('runs' in data || 'bomFormat' in data || 'spdxVersion' in data) ? ' (it looks like SARIF or an SBOM)' : '';
        throw new errors/* FileError */.f6(file, `is not a Trivy JSON report${hint}: no SchemaVersion field; produce one with 'trivy --format json'`);
    }
    if (data.SchemaVersion !== 2) {
        throw new errors/* FileError */.f6(file, `has Trivy SchemaVersion ${JSON.stringify(data.SchemaVersion)}; only SchemaVersion 2 is supported`);
    }
    if (typeof data.ArtifactName !== 'string') {
        throw new errors/* FileError */.f6(file, 'is not a Trivy JSON report: ArtifactName is missing');
    }
    const results = data.Results ?? [];
    if (!Array.isArray(results))
        throw new errors/* FileError */.f6(file, 'is not a Trivy JSON report: Results is not an array');
    results.forEach((result, index) => {
        if (!isObject(result) || typeof result.Target !== 'string') {
            throw new errors/* FileError */.f6(file, `Results[${index}] has no Target`);
        }
        const vulnerabilities = result.Vulnerabilities ?? [];
        if (!Array.isArray(vulnerabilities))
            throw new errors/* FileError */.f6(file, `Results[${index}].Vulnerabilities is not an array`);
        vulnerabilities.forEach((vulnerability, position) => {
            const where = `Results[${index}].Vulnerabilities[${position}]`;
            if (!isObject(vulnerability) || typeof vulnerability.VulnerabilityID !== 'string' || typeof vulnerability.PkgName !== 'string') {
                throw new errors/* FileError */.f6(file, `${where} lacks VulnerabilityID or PkgName`);
            }
            if (typeof vulnerability.Severity !== 'string' || !parseSeverity(vulnerability.Severity)) {
                throw new errors/* FileError */.f6(file, `${where} (${vulnerability.VulnerabilityID}) has severity ${JSON.stringify(vulnerability.Severity)}; expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL`);
            }
        });
    });
    return data;
}
/** The key a finding keeps while its image is rebuilt: the installed version and target name may change. */
function findingKey(id, pkgName, pkgPath = '') {
    return `${id}|${pkgName}|${pkgPath}`;
}
/** Every vulnerability of every result, in report order. */
function findings(report) {
    const out = [];
    for (const result of report.Results ?? []) {
        for (const vulnerability of result.Vulnerabilities ?? []) {
            out.push({
                key: findingKey(vulnerability.VulnerabilityID, vulnerability.PkgName, vulnerability.PkgPath),
                id: vulnerability.VulnerabilityID,
                severity: parseSeverity(vulnerability.Severity) ?? 'UNKNOWN',
                pkgName: vulnerability.PkgName,
                installedVersion: vulnerability.InstalledVersion ?? '',
                fixedVersion: vulnerability.FixedVersion ?? '',
                target: result.Target,
                vulnerability,
                result,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/scan/gitlab.ts



/** GitLab container-scanning report, schema 15.x. 15.0.7 is what GitLab instances back to 15.0 accept. */
const GITLAB_REPORT_VERSION = '15.0.7';
const NAME_LIMIT = 255;
const DESCRIPTION_LIMIT = 1_048_576;
const LINK = /^(https?|ftp):\/\/.+/;
const CVSS3 = /^CVSS:3[.][01]\//;
/**
 * Renders the report in the shape of Trivy's contrib/gitlab.tpl, with two fixes GitLab
 * needs: ids are unique per finding (the template repeats the CVE id for every package,
 * which GitLab deduplicates away) and fields respect the schema's limits and patterns.
 */
function renderGitLab(report, options = {}) {
    const time = gitlabTime(report.CreatedAt, options.now);
    const version = report.Trivy?.Version || 'unknown';
    const vendor = { name: 'Aqua Security' };
    return {
        version: GITLAB_REPORT_VERSION,
        scan: {
            analyzer: { id: 'trivy', name: 'Trivy', vendor, version },
            scanner: { id: 'trivy', name: 'Trivy', url: 'https://github.com/aquasecurity/trivy/', vendor, version },
            start_time: time,
            end_time: time,
            status: 'success',
            type: 'container_scanning',
        },
        vulnerabilities: uniqueIds(findings(report).map(vulnerability)),
        remediations: [],
    };
}
function vulnerability(finding) {
    const v = finding.vulnerability;
    const vectors = Object.entries(v.CVSS ?? {})
        .filter(([, cvss]) => cvss.V3Vector && CVSS3.test(cvss.V3Vector))
        .map(([vendor, cvss]) => ({ vendor, vector: cvss.V3Vector }))
        .slice(0, 10);
    const primaryUrl = v.PrimaryURL && LINK.test(v.PrimaryURL) ? { url: v.PrimaryURL } : {};
    return {
        id: findingUuid(finding),
        name: truncate(v.Title || finding.id, NAME_LIMIT),
        description: truncate(v.Description ?? '', DESCRIPTION_LIMIT),
        severity: titleCase(finding.severity),
        solution: finding.fixedVersion ? `Upgrade ${finding.pkgName} to ${finding.fixedVersion}` : 'No solution provided',
        location: {
            dependency: { package: { name: finding.pkgName }, version: finding.installedVersion },
            operating_system: operatingSystem(finding.target),
            image: finding.target.split(/\s/)[0] || finding.target,
        },
        identifiers: [{ type: identifierType(finding.id), name: finding.id, value: finding.id, ...primaryUrl }],
        links: (v.References ?? [])
            .map((reference) => reference.split(' ')[0] ?? '')
            .filter((url) => LINK.test(url))
            .map((url) => ({ url })),
        ...(vectors.length > 0 ? { cvss_vectors: vectors } : {}),
    };
}
/** A report that lists the very same finding twice still gets distinct ids (GitLab drops duplicates). */
function uniqueIds(vulnerabilities) {
    const seen = new Map();
    return vulnerabilities.map((v) => {
        const count = seen.get(v.id) ?? 0;
        seen.set(v.id, count + 1);
        return count === 0
            ? v
            : { ...v, id: `${v.id.slice(0, 24)}${(0,external_node_crypto_.createHash)('sha256').update(`${v.id}#${count}`).digest('hex').slice(0, 12)}` };
    });
}
/** A UUID-shaped id derived from what makes a finding distinct, so it is stable across renders and unique within one. */
function findingUuid(finding) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update([finding.target, finding.pkgName, finding.installedVersion, finding.vulnerability.PkgPath ?? '', finding.id].join('\0'))
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function operatingSystem(target) {
    return /\(([^()]+)\)\s*$/.exec(target)?.[1] ?? 'Unknown';
}
function identifierType(id) {
    const prefix = /^([A-Za-z]+)-/.exec(id)?.[1];
    return prefix ? prefix.toLowerCase() : 'trivy';
}
/** GitLab's `yyyy-mm-ddThh:mm:ss` in UTC. */
function gitlabTime(createdAt, now) {
    const parsed = createdAt ? new Date(createdAt) : undefined;
    const date = parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
    return date.toISOString().slice(0, 19);
}
function truncate(text, limit) {
    return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

;// CONCATENATED MODULE: ./src/core/scan/markdown.ts

const ICON = {
    blocking: '⛔ blocking',
    warning: '⚠️ warning',
    allowed: 'allowed',
    ignored: '🔕 ignored',
    unfixed: 'unfixed (excused)',
    baseline: 'in baseline',
};
const ORDER = ['blocking', 'warning', 'allowed', 'baseline', 'unfixed', 'ignored'];
/** The job summary: verdict, counts per severity, and the findings that matter first. */
function renderMarkdown(gate, options) {
    const maxRows = options.maxRows ?? 100;
    const verdict = gate.result === 'passed' ? '✅ passed' : '❌ failed';
    const lines = [
        `### aegis scan: ${verdict}`,
        '',
        `Target \`${cell(options.target)}\`: ${gate.gated.length} finding(s), ${gate.blocking} blocking, ${gate.warnings} warning(s). Rules from ${options.rulesSource}: fail-on \`${options.rules.failOn}\`, warn-on \`${options.rules.warnOn}\`, ignore-unfixed \`${options.rules.ignoreUnfixed}\`${maxText(options.rules)}.`,
        '',
        '| Severity | Found | Counted | Limit |',
        '| --- | ---: | ---: | ---: |',
        ...SEVERITIES_DESCENDING.map((severity) => {
            const exceeded = gate.exceeded.find((entry) => entry.severity === severity);
            const limit = options.rules.max[severity] ?? (exceeded ? exceeded.limit : undefined);
            return `| ${severity} | ${gate.counts[severity]} | ${gate.counted[severity]} | ${limit === undefined ? (reachesFailOn(severity, options.rules) ? '0' : '–') : limit}${exceeded ? ' ⛔' : ''} |`;
        }),
    ];
    if (gate.expiredIgnores.length > 0) {
        lines.push('', `**Expired ignore entries** (they no longer excuse anything):`, '');
        for (const entry of gate.expiredIgnores)
            lines.push(`- \`${cell(entry.id)}\`${entry.package ? ` in ${cell(entry.package)}` : ''}: expired ${entry.expires}, owner ${cell(entry.owner)}`);
    }
    if (gate.expiringIgnores.length > 0) {
        lines.push('', '**Ignore entries about to expire:**', '');
        for (const { entry, daysLeft } of gate.expiringIgnores)
            lines.push(`- \`${cell(entry.id)}\`: expires ${entry.expires} (${daysLeft} day(s) left), owner ${cell(entry.owner)}`);
    }
    const sorted = [...gate.gated].sort(compare);
    if (sorted.length > 0) {
        lines.push('', '| Status | Severity | Vulnerability | Package | Installed | Fixed | Target |', '| --- | --- | --- | --- | --- | --- | --- |');
        for (const item of sorted.slice(0, maxRows))
            lines.push(row(item));
        if (sorted.length > maxRows)
            lines.push('', `…and ${sorted.length - maxRows} more; the SARIF and GitLab reports list every finding.`);
    }
    return `${lines.join('\n')}\n`;
}
function row({ finding, disposition, ignore }) {
    const url = finding.vulnerability.PrimaryURL;
    const id = url ? `[${cell(finding.id)}](${url})` : cell(finding.id);
    const status = ignore
        ? `${ICON[disposition]}: ${cell(ignore.reason)} (${cell(ignore.owner)}, until ${ignore.expires})`
        : ICON[disposition];
    return `| ${status} | ${finding.severity} | ${id} | ${cell(finding.pkgName)} | ${cell(finding.installedVersion)} | ${cell(finding.fixedVersion) || '–'} | ${cell(finding.target)} |`;
}
function compare(a, b) {
    return (ORDER.indexOf(a.disposition) - ORDER.indexOf(b.disposition) ||
        severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
        a.finding.id.localeCompare(b.finding.id) ||
        a.finding.pkgName.localeCompare(b.finding.pkgName));
}
function reachesFailOn(severity, rules) {
    return rules.failOn !== 'none' && severityRank(severity) >= severityRank(rules.failOn);
}
function maxText(rules) {
    const entries = Object.entries(rules.max);
    return entries.length > 0 ? `, max ${entries.map(([severity, count]) => `${severity}=${count}`).join(' ')}` : '';
}
/** Table cells must not break the table: pipes escaped, newlines flattened. */
function cell(text) {
    return text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

;// CONCATENATED MODULE: ./src/core/scan/policy.ts




const RULE_KEYS = new Set(['fail-on', 'warn-on', 'ignore-unfixed', 'max']);
function parseThreshold(value) {
    return value.trim().toLowerCase() === 'none' ? 'none' : parseSeverity(value);
}
function parsePolicy(text, file) {
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        throw new errors/* FileError */.f6(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
    }
    const data = plainData(document, file);
    if (!isRecord(data) || !isRecord(data.environments)) {
        throw new errors/* FileError */.f6(file, "expected a mapping with 'environments' (name -> {fail-on, warn-on, ignore-unfixed, max}) and optionally 'default'");
    }
    const unknown = Object.keys(data).filter((key) => key !== 'default' && key !== 'environments');
    if (unknown.length > 0)
        throw new errors/* FileError */.f6(file, `unknown top-level key(s) ${unknown.join(', ')}; allowed: default, environments`);
    const environments = {};
    for (const [name, rules] of Object.entries(data.environments))
        environments[name] = parseRules(rules, `environments.${name}`, file);
    return {
        environments,
        ...(data.default !== undefined ? { default: parseRules(data.default, 'default', file) } : {}),
    };
}
function parseRules(value, where, file) {
    if (!isRecord(value))
        throw new errors/* FileError */.f6(file, `${where} must be a mapping of fail-on, warn-on, ignore-unfixed, max`);
    const unknown = Object.keys(value).filter((key) => !RULE_KEYS.has(key));
    if (unknown.length > 0)
        throw new errors/* FileError */.f6(file, `${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...RULE_KEYS].join(', ')}`);
    const rules = {};
    for (const key of ['fail-on', 'warn-on']) {
        if (value[key] === undefined)
            continue;
        const threshold = typeof value[key] === 'string' ? parseThreshold(value[key]) : undefined;
        if (!threshold)
            throw new errors/* FileError */.f6(file, `${where}.${key} is ${JSON.stringify(value[key])}; expected none or one of ${SEVERITIES.join(', ')}`);
        rules[key === 'fail-on' ? 'failOn' : 'warnOn'] = threshold;
    }
    if (value['ignore-unfixed'] !== undefined) {
        if (typeof value['ignore-unfixed'] !== 'boolean')
            throw new errors/* FileError */.f6(file, `${where}.ignore-unfixed must be true or false`);
        rules.ignoreUnfixed = value['ignore-unfixed'];
    }
    if (value.max !== undefined) {
        if (!isRecord(value.max))
            throw new errors/* FileError */.f6(file, `${where}.max must map severities to counts, e.g. {HIGH: 0, MEDIUM: 10}`);
        const max = {};
        for (const [name, count] of Object.entries(value.max)) {
            const severity = parseSeverity(name);
            if (!severity)
                throw new errors/* FileError */.f6(file, `${where}.max has unknown severity ${JSON.stringify(name)}; expected one of ${SEVERITIES.join(', ')}`);
            if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
                throw new errors/* FileError */.f6(file, `${where}.max.${name} is ${JSON.stringify(count)}; expected a whole number >= 0`);
            }
            max[severity] = count;
        }
        rules.max = max;
    }
    return rules;
}
/**
 * The rules for one environment: the environment's entry over the policy default over the
 * stage inputs. An environment the policy does not know, with no default to fall back on,
 * is an error rather than a silent pass.
 */
function resolveRules(inputs, policy, environment) {
    if (!policy)
        return { rules: inputs, source: 'inputs' };
    const specific = environment ? policy.environments[environment] : undefined;
    if (!specific && !policy.default) {
        const known = Object.keys(policy.environments).join(', ') || '(none)';
        throw new errors/* InputError */.dz('environment', environment ?? '', `an environment the policy lists (${known})`, 'the policy has no default rules');
    }
    const merged = { ...inputs, ...policy.default, ...specific };
    return { rules: merged, source: specific ? `policy environment '${environment}'` : 'policy default' };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/core/scan/sarif.ts

const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json';
const RULE_NAMES = {
    'os-pkgs': 'OsPackageVulnerability',
    'lang-pkgs': 'LanguageSpecificPackageVulnerability',
};
const SEVERITY_SCORE = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', UNKNOWN: '0.0' };
/** Trivy's mapping: code scanning sorts and filters on this level. */
function sarifLevel(severity) {
    if (severity === 'CRITICAL' || severity === 'HIGH')
        return 'error';
    if (severity === 'MEDIUM')
        return 'warning';
    return 'note';
}
/**
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` does (rules keyed by
 * vulnerability id, `security-severity` from the CVSS v3 score of the severity source,
 * locations on the image or lock file), so that switching to it loses nothing.
 */
function renderSarif(report, options = {}) {
    const rules = new Map();
    const ruleIndexes = new Map();
    const results = [];
    const packageLines = new Map();
    for (const finding of findings(report)) {
        const vulnerability = finding.vulnerability;
        const targetPath = toPathUri(finding.target, finding.result.Class);
        const path = vulnerability.PkgPath ? toPathUri(vulnerability.PkgPath, finding.result.Class) : targetPath;
        const ruleIndex = ruleIndexes.get(finding.id) ?? ruleIndexes.size;
        ruleIndexes.set(finding.id, ruleIndex);
        // Like go-sarif's AddRule, a later occurrence of an id rewrites the rule (its help names that package).
        rules.set(finding.id, rule(finding));
        const reason = options.suppressed?.get(finding.key);
        results.push({
            ruleId: finding.id,
            ruleIndex,
            level: sarifLevel(finding.severity),
            message: { text: resultMessage(finding) },
            locations: locations(linesOf(finding, path, packageLines), uriString(path), `${path}: ${finding.pkgName}@${finding.installedVersion}`),
            ...(reason !== undefined
                ? { suppressions: [{ kind: 'external', status: 'accepted', justification: reason }] }
                : {}),
        });
    }
    const run = {
        tool: {
            driver: {
                name: 'Trivy',
                fullName: 'Trivy Vulnerability Scanner',
                informationUri: 'https://github.com/aquasecurity/trivy',
                ...(report.Trivy?.Version ? { version: report.Trivy.Version } : {}),
                rules: [...rules.values()],
            },
        },
        results,
        columnKind: 'utf16CodeUnits',
    };
    if (options.category)
        run.automationDetails = { id: `${options.category}/` };
    if (options.sourceRoot)
        run.originalUriBaseIds = { ROOTPATH: { uri: pathToFileUri(options.sourceRoot) } };
    if (report.ArtifactType === 'container_image') {
        run.properties = {
            imageName: report.ArtifactName,
            repoTags: report.Metadata?.RepoTags ?? null,
            repoDigests: report.Metadata?.RepoDigests ?? null,
            imageID: report.Metadata?.ImageID ?? '',
        };
    }
    return { version: '2.1.0', $schema: SARIF_SCHEMA_URI, runs: [run] };
}
function rule(finding) {
    const v = finding.vulnerability;
    const { data, score } = cvssData(v, finding.severity);
    const description = v.Description ?? '';
    const link = `[${finding.id}](${v.PrimaryURL ?? ''})`;
    const helpUri = uriString(v.PrimaryURL ?? '');
    return {
        id: finding.id,
        name: RULE_NAMES[finding.result.Class ?? ''] ?? 'UnknownIssue',
        shortDescription: { text: v.Title ?? '' },
        fullDescription: { text: description || (v.Title ?? '') },
        defaultConfiguration: { level: sarifLevel(finding.severity) },
        ...(helpUri ? { helpUri } : {}),
        help: {
            text: `Vulnerability ${finding.id}\nSeverity: ${v.Severity}\nPackage: ${finding.pkgName}\nFixed Version: ${finding.fixedVersion}\nLink: ${link}\n${description}`,
            markdown: `**Vulnerability ${finding.id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${v.Severity}|${finding.pkgName}|${finding.fixedVersion}|${link}|\n\n${description}`,
        },
        properties: { tags: ['vulnerability', 'security', v.Severity], precision: 'very-high', 'security-severity': score, ...data },
    };
}
function resultMessage(finding) {
    const v = finding.vulnerability;
    return `Package: ${finding.pkgName}\nInstalled Version: ${finding.installedVersion}\nVulnerability ${finding.id}\nSeverity: ${v.Severity}\nFixed Version: ${finding.fixedVersion}\nLink: [${finding.id}](${v.PrimaryURL ?? ''})`;
}
/** CVSS fields of the severity source, empty ones dropped; the score prefers CVSS v3 over the severity's nominal score. */
function cvssData(v, severity) {
    const cvss = v.SeveritySource ? v.CVSS?.[v.SeveritySource] : undefined;
    if (!cvss)
        return { data: {}, score: SEVERITY_SCORE[severity] };
    const fields = {
        cvssv2_vector: cvss.V2Vector,
        cvssv2_score: cvss.V2Score,
        cvssv3_vector: cvss.V3Vector,
        cvssv3_baseScore: cvss.V3Score,
        cvssv40_vector: cvss.V40Vector,
        cvssv40_baseScore: cvss.V40Score,
    };
    const data = {};
    for (const [key, value] of Object.entries(fields))
        if (value)
            data[key] = value;
    return { data, score: cvss.V3Score ? cvss.V3Score.toFixed(1) : SEVERITY_SCORE[severity] };
}
function linesOf(finding, path, cache) {
    const id = `${path}@${finding.pkgName}@${finding.installedVersion}`;
    let lines = cache.get(id);
    if (!lines) {
        const pkg = finding.result.Packages?.find((p) => p.Name === finding.pkgName && p.Version === finding.installedVersion);
        lines = (pkg?.Locations ?? []).map((l) => ({ startLine: l.StartLine, endLine: l.EndLine }));
        cache.set(id, lines);
    }
    return lines;
}
function locations(lines, uri, message) {
    const regions = lines.length > 0 ? lines : [{ startLine: 1, endLine: 1 }];
    return regions.map((line) => {
        const missing = line.startLine === 0 && line.endLine === 0;
        return {
            physicalLocation: {
                artifactLocation: { uri, uriBaseId: 'ROOTPATH' },
                region: { startLine: missing ? 1 : line.startLine, startColumn: 1, endLine: missing ? 1 : line.endLine, endColumn: 1 },
            },
            message: { text: message },
        };
    });
}
const DISTRO_SUFFIX = /^(.+?)(?:\s*\((?:.*?)\).*?)?$/s;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** OS package targets name an image (`repo:tag (alpine 3.10)`); Trivy reduces them to the repository path. */
function toPathUri(input, resultClass) {
    if (resultClass !== 'os-pkgs')
        return input;
    const path = DISTRO_SUFFIX.exec(input)?.[1] ?? input;
    return (imageRepository(path) ?? path).replaceAll('\\', '/');
}
/** go-containerregistry's `ParseReference(x).Context().RepositoryStr()`, undefined where it would not parse. */
function imageRepository(reference) {
    let rest = reference;
    const at = rest.indexOf('@');
    if (at >= 0)
        rest = rest.slice(0, at);
    const colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/'))
        rest = rest.slice(0, colon);
    const slash = rest.indexOf('/');
    const first = slash >= 0 ? rest.slice(0, slash) : '';
    const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
    let repository = hasRegistry ? rest.slice(slash + 1) : rest;
    if (!REPOSITORY.test(repository))
        return undefined;
    if (!hasRegistry && !repository.includes('/'))
        repository = `library/${repository}`;
    return repository;
}
/** Go's url.String() leaves ordinary paths alone; spaces are the common case it escapes. */
function uriString(value) {
    return value.replaceAll(' ', '%20');
}
function pathToFileUri(path) {
    const slashed = path.replaceAll('\\', '/');
    return `file://${slashed.startsWith('/') ? '' : '/'}${slashed.replace(/\/$/, '')}/`;
}

;// CONCATENATED MODULE: ./src/core/scan/sbom.ts


/**
 * The packages of the report: Results[].Packages when Trivy listed them (`--list-all-pkgs`,
 * which our scan passes), otherwise the packages named by vulnerabilities. Deduplicated.
 */
function sbomPackages(report) {
    const byRef = new Map();
    const add = (target, name, version, purl, licenses = []) => {
        const ref = purl ?? `${target}:${name}@${version}`;
        if (!byRef.has(ref))
            byRef.set(ref, { ref, name, version, ...(purl ? { purl } : {}), licenses, target });
    };
    for (const result of report.Results ?? []) {
        for (const pkg of result.Packages ?? [])
            add(result.Target, pkg.Name, pkg.Version ?? '', pkg.Identifier?.PURL, pkg.Licenses);
    }
    for (const finding of findings(report)) {
        add(finding.target, finding.pkgName, finding.installedVersion, finding.vulnerability.PkgIdentifier?.PURL);
    }
    return [...byRef.values()];
}
/** A UUID derived from the report, so rendering the same report twice gives the same document. */
function reportUuid(report, salt) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update([salt, report.ArtifactName, report.CreatedAt ?? '', report.ReportID ?? ''].join('\0'))
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function timestamp(report, now) {
    const parsed = report.CreatedAt ? new Date(report.CreatedAt) : undefined;
    const date = parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
    return `${date.toISOString().slice(0, 19)}Z`;
}
/** CycloneDX 1.5 JSON with components and the vulnerabilities that affect them (GitLab's `cyclonedx` report reads it). */
function renderCycloneDx(report, now) {
    const packages = sbomPackages(report);
    const refs = new Map(packages.map((pkg) => [pkg.ref, pkg.ref]));
    const isImage = report.ArtifactType === 'container_image';
    const vulnerabilities = new Map();
    for (const finding of findings(report)) {
        const purl = finding.vulnerability.PkgIdentifier?.PURL;
        const ref = refs.get(purl ?? `${finding.target}:${finding.pkgName}@${finding.installedVersion}`) ?? '';
        let entry = vulnerabilities.get(finding.id);
        if (!entry) {
            entry = {
                id: finding.id,
                ...(finding.vulnerability.PrimaryURL ? { source: { url: finding.vulnerability.PrimaryURL } } : {}),
                ratings: [
                    {
                        severity: finding.severity.toLowerCase(),
                        method: 'other',
                        ...(finding.vulnerability.SeveritySource ? { source: { name: finding.vulnerability.SeveritySource } } : {}),
                    },
                ],
                affects: [],
                ...(finding.vulnerability.Description ? { description: finding.vulnerability.Description } : {}),
            };
            vulnerabilities.set(finding.id, entry);
        }
        if (!entry.affects.some((affect) => affect.ref === ref))
            entry.affects.push({ ref });
    }
    return {
        $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        serialNumber: `urn:uuid:${reportUuid(report, 'cyclonedx')}`,
        version: 1,
        metadata: {
            timestamp: timestamp(report, now),
            tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy', version: report.Trivy?.Version ?? 'unknown' }] },
            component: { 'bom-ref': 'root', type: isImage ? 'container' : 'application', name: report.ArtifactName },
        },
        components: packages.map((pkg) => ({
            'bom-ref': pkg.ref,
            type: 'library',
            name: pkg.name,
            version: pkg.version,
            ...(pkg.purl ? { purl: pkg.purl } : {}),
            ...(pkg.licenses.length > 0 ? { licenses: pkg.licenses.map((name) => ({ license: { name } })) } : {}),
        })),
        dependencies: [{ ref: 'root', dependsOn: packages.map((pkg) => pkg.ref) }],
        vulnerabilities: [...vulnerabilities.values()],
    };
}
/** SPDX 2.3 JSON: the artifact as the described package, each package contained in it. */
function renderSpdx(report, now) {
    const packages = sbomPackages(report);
    const spdxId = (index) => `SPDXRef-Package-${index + 1}`;
    return {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: report.ArtifactName,
        documentNamespace: `https://aegis-actions.invalid/spdx/${encodeURIComponent(report.ArtifactName)}-${reportUuid(report, 'spdx')}`,
        creationInfo: {
            created: timestamp(report, now),
            creators: [`Tool: trivy-${report.Trivy?.Version ?? 'unknown'}`, 'Tool: aegis-actions'],
        },
        packages: [
            {
                SPDXID: 'SPDXRef-Artifact',
                name: report.ArtifactName,
                downloadLocation: 'NOASSERTION',
                filesAnalyzed: false,
                primaryPackagePurpose: report.ArtifactType === 'container_image' ? 'CONTAINER' : 'SOURCE',
            },
            ...packages.map((pkg, index) => ({
                SPDXID: spdxId(index),
                name: pkg.name,
                versionInfo: pkg.version,
                downloadLocation: 'NOASSERTION',
                filesAnalyzed: false,
                licenseConcluded: 'NOASSERTION',
                // Trivy's license names are not always SPDX expressions; they are recorded, not asserted.
                licenseDeclared: 'NOASSERTION',
                ...(pkg.licenses.length > 0 ? { licenseComments: `Reported by Trivy: ${pkg.licenses.join(', ')}` } : {}),
                ...(pkg.purl
                    ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }] }
                    : {}),
            })),
        ],
        relationships: [
            { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Artifact' },
            ...packages.map((_, index) => ({
                spdxElementId: 'SPDXRef-Artifact',
                relationshipType: 'CONTAINS',
                relatedSpdxElement: spdxId(index),
            })),
        ],
    };
}

// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/process.ts
var core_process = __webpack_require__(9978);
;// CONCATENATED MODULE: ./src/core/scan/trivy.ts






/**
 * The Trivy release this version of aegis runs unless told otherwise. Trivy's releases
 * 0.27.0–0.69.1 were deleted after the March 2026 incident and 0.69.4–0.69.6 were malicious
 * (GHSA-69fq-xp46-6x23); 0.70.0 is a clean release published afterwards.
 */
const DEFAULT_TRIVY_VERSION = '0.70.0';
/** Versions that must never be installed, whatever the input says. */
const COMPROMISED_TRIVY_VERSIONS = ['0.69.4', '0.69.5', '0.69.6'];
const DEFAULT_RELEASE_URL = 'https://github.com/aquasecurity/trivy/releases/download';
/** Tried in order by Trivy itself; mirror.gcr.io first because ghcr.io rate-limits anonymous pulls. */
const DEFAULT_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-db:2', 'ghcr.io/aquasecurity/trivy-db:2'];
const DEFAULT_JAVA_DB_REPOSITORIES = ['mirror.gcr.io/aquasec/trivy-java-db:1', 'ghcr.io/aquasecurity/trivy-java-db:1'];
const VERSION = /^\d+\.\d+\.\d+$/;
const SHA256 = /^[0-9a-f]{64}$/;
/** Trivy failed (could not pull the image, DB download failed…): the scan result is `error`, never `failed`. */
class TrivyError extends errors/* AegisError */.o4 {
    name = 'TrivyError';
}
/** Release asset names as Trivy publishes them (goreleaser). */
function trivyAsset(version, platform, arch) {
    if (!VERSION.test(version))
        throw new errors/* AegisError */.o4(`Trivy version ${JSON.stringify(version)} is not X.Y.Z`);
    const os = { linux: 'Linux', darwin: 'macOS', freebsd: 'FreeBSD' }[platform];
    const cpu = { x64: '64bit', arm64: 'ARM64', arm: 'ARM', ppc64: 'PPC64LE', s390x: 's390x' }[arch];
    if (!os || !cpu)
        throw new errors/* AegisError */.o4(`No Trivy release for ${platform}/${arch}; install Trivy yourself and set 'trivy-binary'`);
    return `trivy_${version}_${os}-${cpu}.tar.gz`;
}
/** `<sha256>  <file>` lines, as in trivy_<version>_checksums.txt. */
function parseChecksums(text) {
    const sums = new Map();
    for (const line of text.split(/\r?\n/)) {
        const match = /^([0-9a-fA-F]{64})\s+\*?(\S+)\s*$/.exec(line.trim());
        if (match?.[1] && match[2])
            sums.set(match[2], match[1].toLowerCase());
    }
    return sums;
}
/**
 * Installs the pinned Trivy release. The archive is verified against `sha256` when pinned, else
 * against the release's checksums file, and the binary is unpacked from that verified archive
 * on every run: the cache (in the workspace, maybe restored from a CI cache) only saves the
 * download, it is never trusted as it is. A pinned, cached archive needs no network at all.
 */
async function installTrivy(options) {
    const asset = trivyAsset(options.version, options.platform ?? process.platform, options.arch ?? process.arch);
    const pinned = options.sha256?.toLowerCase();
    if (pinned !== undefined && !SHA256.test(pinned))
        throw new errors/* AegisError */.o4(`Pinned Trivy SHA-256 ${JSON.stringify(options.sha256)} is not 64 hex digits`);
    const get = options.fetch;
    const base = `${options.releaseUrl.replace(/\/$/, '')}/v${options.version}`;
    const checksumsUrl = `${base}/trivy_${options.version}_checksums.txt`;
    let listedChecksum;
    const fetchListed = async () => {
        const checksum = parseChecksums(await download(get, checksumsUrl).then((bytes) => bytes.toString('utf8'))).get(asset);
        if (!checksum)
            throw new errors/* AegisError */.o4(`${checksumsUrl} lists no checksum for ${asset}; refusing to install an unverified binary`);
        if (pinned !== undefined && pinned !== checksum) {
            throw new errors/* AegisError */.o4(`The pinned SHA-256 ${pinned} for ${asset} differs from the release's checksums file (${checksum}); refusing to install`);
        }
        return checksum;
    };
    const listed = async () => {
        listedChecksum ??= await fetchListed();
        return listedChecksum;
    };
    const directory = (0,external_node_path_.join)(options.cacheDir, 'bin', options.version);
    const cachedArchive = (0,external_node_path_.join)(options.cacheDir, 'archives', asset);
    const sha256 = (bytes) => (0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex');
    let expected = pinned;
    let archive;
    let cached = false;
    if ((0,external_node_fs_.existsSync)(cachedArchive)) {
        expected ??= await listed();
        const bytes = (0,external_node_fs_.readFileSync)(cachedArchive);
        if (sha256(bytes) === expected) {
            archive = bytes;
            cached = true;
        }
        else {
            options.log.warning(`The cached ${asset} does not match its checksum; downloading it again.`);
        }
    }
    if (!archive) {
        // A fresh download is checked against the release's list too (which also cross-checks a pin).
        expected = await listed();
        archive = await download(get, `${base}/${asset}`);
        const actual = sha256(archive);
        if (actual !== expected) {
            throw new errors/* AegisError */.o4(`Checksum mismatch for ${asset}: downloaded ${actual}, expected ${expected}; refusing to install`);
        }
    }
    (0,external_node_fs_.mkdirSync)(options.cacheDir, { recursive: true });
    const staging = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.cacheDir, '.install-'));
    try {
        const archivePath = (0,external_node_path_.join)(staging, asset);
        (0,external_node_fs_.writeFileSync)(archivePath, archive);
        await (0,core_process/* run */.e)('tar', ['-xzf', archivePath, '-C', staging, 'trivy']);
        (0,external_node_fs_.chmodSync)((0,external_node_path_.join)(staging, 'trivy'), 0o755);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.cacheDir, 'archives'), { recursive: true });
        (0,external_node_fs_.renameSync)(archivePath, cachedArchive);
        (0,external_node_fs_.rmSync)(directory, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.cacheDir, 'bin'), { recursive: true });
        (0,external_node_fs_.renameSync)(staging, directory);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
        throw error;
    }
    const binary = (0,external_node_path_.join)(directory, 'trivy');
    options.log.info(`${cached ? 'Unpacked the cached' : 'Installed'} Trivy ${options.version} (archive sha256 ${expected}) into ${directory}.`);
    return { binary, cached, sha256: expected };
}
async function download(get, url) {
    let response;
    try {
        response = await (0,http/* httpFetch */.t)(url, { redirect: 'follow' }, { timeoutMs: 300_000, fetch: get });
    }
    catch (error) {
        throw new errors/* AegisError */.o4(`Could not download ${url}: ${error.message}`);
    }
    if (!response.ok)
        throw new errors/* AegisError */.o4(`Could not download ${url}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
}
/**
 * The one Trivy invocation: JSON out, every package listed (for the SBOM), no severity or
 * unfixed filtering (the gate decides, and every rendering shows everything), and exit
 * code 0 on findings so that a non-zero exit can only mean Trivy itself failed.
 */
function trivyScanArgs(options) {
    const args = [
        options.target.kind === 'image' ? 'image' : 'filesystem',
        '--format',
        'json',
        '--output',
        options.output,
        '--list-all-pkgs',
        '--exit-code',
        '0',
        '--no-progress',
        '--cache-dir',
        options.cacheDir,
        '--timeout',
        options.timeout,
        '--scanners',
        options.scanners.join(','),
    ];
    for (const repository of options.dbRepositories)
        args.push('--db-repository', repository);
    for (const repository of options.javaDbRepositories)
        args.push('--java-db-repository', repository);
    if (options.platform && options.target.kind === 'image')
        args.push('--platform', options.platform);
    // `--` so that a target starting with '-' can never be read as a flag.
    args.push('--', options.target.kind === 'image' ? options.target.image : options.target.path);
    return args;
}
/** Runs Trivy; any failure to produce a report becomes a TrivyError with Trivy's own last words. */
async function runTrivy(binary, args, log, env = {}) {
    log.info(`Running ${binary} ${args.join(' ')}`);
    let result;
    try {
        result = await (0,core_process/* run */.e)(binary, args, { allowFailure: true, env });
    }
    catch (error) {
        throw new TrivyError(`Could not start Trivy (${binary}): ${error.message}`);
    }
    if (result.exitCode !== 0) {
        const tail = (result.stderr || result.stdout).trim().split('\n').slice(-8).join('\n');
        throw new TrivyError(`Trivy exited with code ${result.exitCode}:\n${tail}`);
    }
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/core/scan/upload.ts


/**
 * A code-scanning category that stays the same from build to build of one image (tag and
 * digest dropped), so each image keeps its own alert set and new scans replace old ones.
 */
function sarifCategory(target) {
    const withoutDigest = target.split('@')[0] ?? target;
    const colon = withoutDigest.lastIndexOf(':');
    const repository = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
    return `aegis-scan/${imageRepository(repository) ? repository : repository.replace(/[^A-Za-z0-9._/-]/g, '-')}`;
}
function sarifUploadRequest(sarifJson, commitSha, ref) {
    return { commit_sha: commitSha, ref, sarif: (0,external_node_zlib_.gzipSync)(Buffer.from(sarifJson, 'utf8')).toString('base64'), tool_name: 'Trivy' };
}

// EXTERNAL MODULE: ./src/platform/gitlab.ts + 1 modules
var gitlab = __webpack_require__(1895);
// EXTERNAL MODULE: ./src/stages/inputs.ts
var inputs = __webpack_require__(9778);
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
;// CONCATENATED MODULE: ./src/stages/scan/options.ts









const FORMATS = ['sarif', 'gitlab', 'markdown'];
const IMAGE = /^[^\s]+$/;
/** All validation happens here, before anything is downloaded, run or written. */
function parseScanInputs(reader, workspace) {
    const image = reader.optional('image');
    const path = reader.path('path', workspace);
    const reportPath = reader.path('report', workspace);
    const given = [image && 'image', path && 'path', reportPath && 'report'].filter(Boolean);
    if (given.length !== 1) {
        throw new errors/* InputError */.dz(given.length === 0 ? 'image' : String(given[1]), given.length === 0 ? '' : 'several', "exactly one of 'image', 'path' or 'report'", given.length === 0 ? 'nothing to scan' : `got ${given.join(' and ')}`);
    }
    if (image && !IMAGE.test(image))
        throw new errors/* InputError */.dz('image', image, 'an image reference such as registry.example.com/team/app:1.2.3');
    const threshold = (name) => {
        const value = reader.string(name);
        const parsed = parseThreshold(value);
        if (!parsed)
            throw new errors/* InputError */.dz(name, value, `one of ${SEVERITIES.join(', ')} or none`);
        return parsed;
    };
    const inputRules = {
        failOn: threshold('fail-on'),
        warnOn: threshold('warn-on'),
        ignoreUnfixed: reader.boolean('ignore-unfixed'),
        max: {},
    };
    const readText = (input, file) => {
        try {
            return (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch (error) {
            throw new errors/* InputError */.dz(input, reader.string(input), 'a readable file', error.message);
        }
    };
    const display = (file) => (0,paths/* displayPath */.Gt)(workspace, file);
    const policyFile = reader.path('policy', workspace);
    const policy = policyFile ? parsePolicy(readText('policy', policyFile), display(policyFile)) : undefined;
    const ignoreFile = reader.path('ignore-file', workspace);
    const ignores = ignoreFile ? parseIgnoreFile(readText('ignore-file', ignoreFile), display(ignoreFile)) : [];
    const baselineFile = reader.path('baseline', workspace);
    const baseline = baselineFile
        ? new Set(findings(parseTrivyReport(readText('baseline', baselineFile), display(baselineFile))).map((f) => f.key))
        : undefined;
    const formats = new Set();
    for (const format of reader.list('formats')) {
        if (!FORMATS.includes(format))
            throw new errors/* InputError */.dz('formats', reader.string('formats'), `a list of ${FORMATS.join(', ')}`, `unknown format '${format}'`);
        formats.add(format);
    }
    const environment = reader.optional('environment');
    const outputDir = reader.outputPath('output-dir');
    const cacheDir = reader.path('cache-dir', workspace);
    const sha256 = reader.optional('trivy-sha256');
    if (sha256 && !/^[0-9a-fA-F]{64}$/.test(sha256))
        throw new errors/* InputError */.dz('trivy-sha256', sha256, 'the SHA-256 of the Trivy release archive (64 hex digits)');
    const version = reader.string('trivy-version').replace(/^v/, '');
    if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new errors/* InputError */.dz('trivy-version', version, 'a Trivy release version such as 0.70.0');
    if (COMPROMISED_TRIVY_VERSIONS.includes(version)) {
        throw new errors/* InputError */.dz('trivy-version', version, 'a release other than 0.69.4–0.69.6', 'those releases were compromised (GHSA-69fq-xp46-6x23)');
    }
    const timeout = reader.string('timeout');
    if ((0,duration/* parseDuration */.E9)(timeout, { integer: true }) === undefined)
        throw new errors/* InputError */.dz('timeout', timeout, "a duration such as '10m'");
    const binary = reader.optional('trivy-binary');
    const platform = reader.optional('platform');
    let upload;
    if (reader.boolean('upload-sarif')) {
        const token = reader.string('token');
        if (!token)
            throw new errors/* InputError */.dz('token', '', 'a token with security-events: write', "'upload-sarif' is true");
        const repository = reader.optional('repository');
        if (repository && !/^[\w.-]+\/[\w.-]+$/.test(repository))
            throw new errors/* InputError */.dz('repository', repository, 'owner/name');
        const category = reader.optional('sarif-category');
        upload = { token, ...(repository ? { repository } : {}), ...(category ? { category } : {}) };
        formats.add('sarif');
    }
    const source = reportPath
        ? { kind: 'report', file: display(reportPath), text: readText('report', reportPath) }
        : { kind: 'scan', target: image ? { kind: 'image', image } : { kind: 'path', path: path } };
    // Fail on a report that is not Trivy's now, before anything is written.
    if (source.kind === 'report')
        parseTrivyReport(source.text, source.file);
    const days = reader.integer('expiry-warning-days', { min: 0, max: 3650 });
    return {
        source,
        inputRules,
        ...(policy ? { policy, policyFile: display(policyFile) } : {}),
        ...(environment ? { environment } : {}),
        ignores,
        ...(ignoreFile ? { ignoreFile: display(ignoreFile) } : {}),
        ...(baseline ? { baseline } : {}),
        expiryWarningDays: days,
        formats,
        sbom: reader.choice('sbom', ['cyclonedx', 'spdx', 'none']),
        outputDir,
        display,
        trivy: {
            ...(binary ? { binary } : {}),
            version,
            ...(sha256 ? { sha256: sha256.toLowerCase() } : {}),
            releaseUrl: reader.string('trivy-release-url'),
            cacheDir,
            dbRepositories: reader.list('db-repository'),
            javaDbRepositories: reader.list('java-db-repository'),
            scanners: reader.list('scanners'),
            timeout,
            ...(platform ? { platform } : {}),
        },
        ...(upload ? { upload } : {}),
    };
}

;// CONCATENATED MODULE: ./src/stages/scan.ts


















const FILES = {
    report: 'trivy-report.json',
    sarif: 'trivy-results.sarif',
    gitlab: 'gl-container-scanning-report.json',
    markdown: 'scan-summary.md',
    cyclonedx: 'sbom.cdx.json',
    spdx: 'sbom.spdx.json',
};
const definition = {
    name: 'scan',
    title: 'Scan',
    description: 'Scan an image or directory once with a pinned, checksum-verified Trivy (or re-gate an existing Trivy JSON report), gate by severity, policy, ignore file and baseline, and write SARIF, the GitLab container-scanning report, a summary and an SBOM.',
    gitlab: {
        stage: 'test',
        defaults: { 'output-dir': gitlab/* gitlabArtifacts */.zB.stageDir('scan') },
        artifacts: {
            paths: ['$[[ inputs.output-dir ]]/'],
            reports: {
                container_scanning: '$[[ inputs.output-dir ]]/gl-container-scanning-report.json',
                cyclonedx: '$[[ inputs.output-dir ]]/sbom.cdx.json',
            },
        },
    },
    inputs: {
        image: { description: 'Image reference to scan (one of image, path, report).' },
        path: { description: 'Directory to scan, inside the workspace (one of image, path, report).' },
        report: { description: 'An existing Trivy JSON report to gate and render instead of scanning (one of image, path, report).' },
        'fail-on': { description: 'Lowest severity that fails the gate: CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN or none.', default: 'HIGH' },
        'warn-on': { description: 'Lowest severity reported as a warning when it does not fail the gate (or none).', default: 'MEDIUM' },
        'ignore-unfixed': { description: 'Findings with no fixed version do not fail the gate (they are still reported).', default: 'false' },
        policy: {
            description: 'Policy file (YAML) with rules per environment: environments.<name>.{fail-on, warn-on, ignore-unfixed, max}, optional default.',
        },
        environment: { description: 'Environment whose policy rules apply (e.g. dev, prod).' },
        'ignore-file': {
            description: 'Ignore file (YAML): ignores[] of {id, package?, reason, owner, expires: YYYY-MM-DD}. Expired entries stop counting.',
        },
        'expiry-warning-days': { description: 'Warn about ignore entries expiring within this many days.', default: '14' },
        baseline: { description: 'A previous Trivy JSON report; only findings not in it can fail the gate.' },
        formats: { description: 'Renderings to write: sarif, gitlab, markdown (comma-separated).', default: 'sarif,gitlab,markdown' },
        sbom: { description: "SBOM to write: 'cyclonedx', 'spdx' or 'none'.", default: 'cyclonedx' },
        'output-dir': {
            description: "Directory for the report and every rendering: in the workspace or the runner's temp directory; by default the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/scan on GitLab).",
        },
        'trivy-version': { description: 'Trivy release to download when trivy-binary is not set.', default: DEFAULT_TRIVY_VERSION },
        'trivy-sha256': {
            description: 'Optional SHA-256 of the Trivy release archive for this platform, checked in addition to the release checksums file.',
        },
        'trivy-binary': { description: 'Use this Trivy executable instead of downloading (the GitLab component image carries one).' },
        'trivy-release-url': { description: 'Base URL of Trivy release downloads (a mirror).', default: DEFAULT_RELEASE_URL },
        'cache-dir': {
            description: 'Cache for the Trivy binary and vulnerability DB, inside the workspace so CI caches can keep it.',
            default: '.aegis-cache/trivy',
        },
        'db-repository': {
            description: 'Vulnerability DB repositories, tried in order (comma-separated or one per line).',
            default: DEFAULT_DB_REPOSITORIES.join(','),
        },
        'java-db-repository': { description: 'Java DB repositories, tried in order.', default: DEFAULT_JAVA_DB_REPOSITORIES.join(',') },
        scanners: { description: 'Trivy scanners to run.', default: 'vuln' },
        timeout: { description: 'Trivy timeout.', default: '10m' },
        platform: { description: 'Platform of a multi-arch image to scan, e.g. linux/arm64.' },
        'upload-sarif': { description: 'Upload the SARIF to GitHub code scanning (needs security-events: write).', default: 'false' },
        'sarif-category': { description: 'Code-scanning category; by default one per image repository, stable across tags.' },
        token: { description: 'Token for the SARIF upload.', secret: true },
        repository: { description: 'owner/name for the SARIF upload; defaults to the repository of the run.' },
    },
    outputs: {
        result: { description: "'passed', 'failed' (the gate blocked) or 'error' (Trivy or the inputs failed: nothing was decided)." },
        critical: { description: 'Number of CRITICAL findings (all findings, whatever the gate decided).' },
        high: { description: 'Number of HIGH findings.' },
        medium: { description: 'Number of MEDIUM findings.' },
        low: { description: 'Number of LOW findings.' },
        unknown: { description: 'Number of UNKNOWN findings.' },
        total: { description: 'Number of findings.' },
        blocking: { description: 'Number of findings that failed the gate.' },
        'report-file': { description: 'The Trivy JSON report.' },
        'sarif-file': { description: 'SARIF 2.1.0 file (when sarif is in formats).' },
        'gitlab-report': { description: 'GitLab container-scanning report (when gitlab is in formats).' },
        'summary-file': { description: 'Markdown summary (when markdown is in formats).' },
        'sbom-file': { description: 'SBOM file (CycloneDX or SPDX JSON).' },
        'sarif-id': { description: 'Id of the code-scanning upload, when upload-sarif is true.' },
    },
};
/** Runs the whole stage; `dependencies` lets tests fix the clock. */
async function runScan(platform, dependencies = { now: () => new Date() }) {
    const log = platform.log;
    let options;
    let resolved;
    try {
        options = parseScanInputs(new inputs/* InputReader */.i_(platform, definition.inputs), platform.workspace);
        resolved = resolveRules(options.inputRules, options.policy, options.environment);
    }
    catch (error) {
        platform.setOutput('result', 'error');
        throw error;
    }
    const { rules, source } = resolved;
    const now = dependencies.now();
    let report;
    try {
        report = await obtainReport(platform, options);
    }
    catch (error) {
        // Trivy (or its download) failing decides nothing: `error`, never `failed`.
        platform.setOutput('result', 'error');
        await platform.summary(`### aegis scan: ⚠️ error\n\nNo verdict: ${error instanceof TrivyError ? 'Trivy failed' : 'the scan could not run'}.\n\n\`\`\`\n${error.message}\n\`\`\`\n`);
        throw error;
    }
    const gate = evaluateGate({
        findings: findings(report),
        rules,
        ignores: options.ignores,
        ...(options.baseline ? { baseline: options.baseline } : {}),
        now,
        expiryWarningDays: options.expiryWarningDays,
    });
    for (const entry of gate.expiredIgnores) {
        log.warning(`Ignore entry ${entry.id}${entry.package ? ` (${entry.package})` : ''} of ${entry.owner} expired on ${entry.expires}; it no longer excuses anything.`, { file: options.ignoreFile ?? '', ...(entry.line ? { line: entry.line } : {}) });
    }
    for (const { entry, daysLeft } of gate.expiringIgnores) {
        log.warning(`Ignore entry ${entry.id} of ${entry.owner} expires on ${entry.expires} (${daysLeft} day(s) left).`, {
            file: options.ignoreFile ?? '',
            ...(entry.line ? { line: entry.line } : {}),
        });
    }
    for (const entry of gate.unusedIgnores)
        log.info(`Ignore entry ${entry.id} matched no finding; it can be removed.`);
    // Render everything before writing anything, then write.
    const category = options.upload?.category ?? sarifCategory(report.ArtifactName);
    const rendered = [];
    if (options.source.kind === 'report')
        rendered.push(['report', `${JSON.stringify(report, null, 2)}\n`]);
    if (options.formats.has('sarif')) {
        const sarif = renderSarif(report, {
            category,
            suppressed: suppressions(gate),
            ...(options.source.kind === 'scan' && options.source.target.kind === 'path' ? { sourceRoot: options.source.target.path } : {}),
        });
        rendered.push(['sarif', `${JSON.stringify(sarif, null, 2)}\n`]);
    }
    if (options.formats.has('gitlab'))
        rendered.push(['gitlab', `${JSON.stringify(renderGitLab(report, { now }), null, 2)}\n`]);
    if (options.sbom !== 'none') {
        const sbom = options.sbom === 'spdx' ? renderSpdx(report, now) : renderCycloneDx(report, now);
        rendered.push([options.sbom, `${JSON.stringify(sbom, null, 2)}\n`]);
    }
    const markdown = renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: source });
    if (options.formats.has('markdown'))
        rendered.push(['markdown', markdown]);
    (0,external_node_fs_.mkdirSync)(options.outputDir, { recursive: true });
    const files = { report: options.display((0,external_node_path_.join)(options.outputDir, FILES.report)) };
    for (const [kind, content] of rendered) {
        const file = (0,external_node_path_.join)(options.outputDir, FILES[kind]);
        (0,safe_write/* writeFileSafely */.kv)(file, content, { root: options.outputDir });
        files[kind] = options.display(file);
    }
    platform.setOutput('result', gate.result);
    for (const severity of SEVERITIES_DESCENDING)
        platform.setOutput(severity.toLowerCase(), String(gate.counts[severity]));
    platform.setOutput('total', String(gate.gated.length));
    platform.setOutput('blocking', String(gate.blocking));
    platform.setOutput('report-file', files.report ?? '');
    platform.setOutput('sarif-file', files.sarif ?? '');
    platform.setOutput('gitlab-report', files.gitlab ?? '');
    platform.setOutput('summary-file', files.markdown ?? '');
    platform.setOutput('sbom-file', files.cyclonedx ?? files.spdx ?? '');
    await platform.summary(markdown);
    if (options.upload && files.sarif) {
        const sarifText = rendered.find(([kind]) => kind === 'sarif')?.[1] ?? '';
        platform.setOutput('sarif-id', await uploadSarif(platform, options.upload, sarifText));
    }
    if (gate.result === 'failed') {
        const over = gate.exceeded.map((entry) => `${entry.count} ${entry.severity} (limit ${entry.limit})`).join(', ');
        throw new errors/* AegisError */.o4(`Scan gate failed for ${report.ArtifactName}: ${over}; ${gate.blocking} blocking finding(s). Rules from ${source}. See ${files.markdown ?? 'the job summary'}.`);
    }
    return { report, gate, files, markdown };
}
async function obtainReport(platform, options) {
    if (options.source.kind === 'report') {
        platform.log.info(`Gating the existing report ${options.source.file}; Trivy is not run.`);
        return parseTrivyReport(options.source.text, options.source.file);
    }
    const trivy = options.trivy;
    const binary = trivy.binary ??
        (await installTrivy({
            version: trivy.version,
            releaseUrl: trivy.releaseUrl,
            cacheDir: trivy.cacheDir,
            ...(trivy.sha256 ? { sha256: trivy.sha256 } : {}),
            log: platform.log,
        })).binary;
    (0,external_node_fs_.mkdirSync)(options.outputDir, { recursive: true });
    const output = (0,external_node_path_.join)(options.outputDir, FILES.report);
    // A stale report from an earlier run must never pass for this scan's.
    (0,safe_write/* writeFileSafely */.kv)(output, '', { root: options.outputDir });
    const args = trivyScanArgs({
        target: options.source.target,
        output,
        cacheDir: (0,external_node_path_.join)(trivy.cacheDir, 'db'),
        dbRepositories: trivy.dbRepositories,
        javaDbRepositories: trivy.javaDbRepositories,
        scanners: trivy.scanners,
        timeout: trivy.timeout,
        ...(trivy.platform ? { platform: trivy.platform } : {}),
    });
    await platform.log.group('Trivy', () => runTrivy(binary, args, platform.log));
    try {
        return parseTrivyReport((0,external_node_fs_.readFileSync)(output, 'utf8'), options.display(output));
    }
    catch (error) {
        throw new TrivyError(`Trivy exited 0 but its report is unusable: ${error.message}`);
    }
}
async function uploadSarif(platform, upload, sarif) {
    const event = platform.event();
    const repository = upload.repository ?? (0,remote/* forgeProjectPath */.cW)(event.repositoryUrl ?? '');
    if (!repository)
        throw new errors/* AegisError */.o4("SARIF upload needs the repository: set the 'repository' input (owner/name).");
    if (!event.head)
        throw new errors/* AegisError */.o4('SARIF upload needs the commit of the run, and the event has none.');
    const ref = platform.githubRef();
    const forge = await platform.forge({ token: upload.token, kind: 'github' });
    const { id } = await forge.uploadSarif(repository, sarifUploadRequest(sarif, event.head, ref));
    platform.log.info(`Uploaded SARIF to code scanning of ${repository} (${ref}); upload id ${id}.`);
    return id;
}
const scan = { ...definition, run: async (platform) => void (await runScan(platform)) };
// The module shape of every stage (src/stages/index.ts): definition, parse, run.

const parse = (reader, platform) => parseScanInputs(reader, platform.workspace);
const run = scan.run;


/***/ })

};

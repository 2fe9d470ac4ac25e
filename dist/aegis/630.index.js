export const id = 630;
export const ids = [630];
export const modules = {

/***/ 8648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ forgeLocation),
/* harmony export */   cW: () => (/* binding */ forgeProjectPath),
/* harmony export */   kW: () => (/* binding */ describeRemote),
/* harmony export */   ri: () => (/* binding */ withoutCredentials)
/* harmony export */ });
/* unused harmony export shellQuote */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/** Git configuration for one process, through the environment (git ≥ 2.31): never in argv or .git/config. */
function environmentConfig(entries) {
    const env = { GIT_CONFIG_COUNT: String(entries.length) };
    entries.forEach(([key, value], index) => {
        env[`GIT_CONFIG_KEY_${index}`] = key;
        env[`GIT_CONFIG_VALUE_${index}`] = value;
    });
    return env;
}
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
    const config = [];
    const stall = credentials.stallSeconds ?? 60;
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
            config.push([key, ''], [key, header]);
        }
        // A transfer slower than 1 KB/s for the stall time fails instead of waiting for git's overall timeout.
        config.push(['http.lowSpeedLimit', '1000'], ['http.lowSpeedTime', String(stall)]);
        Object.assign(env, environmentConfig(config));
        return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
    }
    if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
        const alive = credentials.serverAliveSeconds ?? Math.max(1, Math.ceil(stall / 4));
        const ssh = ['ssh', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${alive * 2}`];
        // A stalled server is noticed after alive × 4 seconds instead of git's overall timeout.
        ssh.push('-o', `ServerAliveInterval=${alive}`, '-o', 'ServerAliveCountMax=4');
        if (credentials.sshKeyFile)
            ssh.push('-i', sshPath(credentials.sshKeyFile), '-o', 'IdentitiesOnly=yes');
        if (credentials.knownHostsFile)
            ssh.push('-o', `UserKnownHostsFile="${sshPath(credentials.knownHostsFile)}"`);
        // Unknown hosts are refused unless trust on first use was asked for explicitly.
        ssh.push('-o', `StrictHostKeyChecking=${credentials.acceptNewHostKeys ? 'accept-new' : 'yes'}`, '-o', 'CheckHostIP=no');
        // git runs this through `sh -c`: every word is single-quoted, so a temp path holding
        // spaces or `$(…)` stays one literal argument. GIT_SSH_COMMAND (not core.sshCommand) because
        // a GIT_SSH_COMMAND in the runner's environment would otherwise take precedence.
        env.GIT_SSH_COMMAND = ssh.map(shellQuote).join(' ');
        env.GIT_SSH_VARIANT = 'ssh';
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
/** One word for `sh -c`: single quotes, with embedded single quotes closed, escaped and reopened. */
function shellQuote(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
/** A path as ssh reads it in options: `%` is its token character; quotes and control characters cannot be passed. */
function sshPath(path) {
    if (/["\\]/.test(path) || [...path].some((char) => char.charCodeAt(0) < 0x20)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`The temporary directory ${JSON.stringify(path)} holds characters ssh cannot take in a path; set RUNNER_TEMP/TMPDIR to a plain path.`);
    }
    return path.replace(/%/g, '%%');
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

/***/ 5723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ MAX_ALIASES),
/* harmony export */   l: () => (/* binding */ plainData)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Most aliases one YAML file may expand (yaml's maxAliasCount). */
const MAX_ALIASES = 100;
/**
 * A parsed document as plain data. Aliases are expanded here, so a "billion laughs" document
 * (a few hundred bytes of nested aliases) is refused with the file named, not a ReferenceError.
 */
function plainData(document, file) {
    try {
        return document.toJS({ maxAliasCount: MAX_ALIASES });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FileError */ .f6(file, `expands to too much data through YAML aliases (${error.message}); write the values out instead of aliasing them`);
    }
}


/***/ }),

/***/ 4630:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ executeScan),
  executeScan: () => (/* binding */ executeScan),
  failed: () => (/* binding */ failed),
  parse: () => (/* binding */ parse),
  plan: () => (/* binding */ planScan),
  planScan: () => (/* binding */ planScan),
  report: () => (/* binding */ reportScan),
  reportScan: () => (/* binding */ reportScan)
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
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/yaml/plain.ts
var plain = __webpack_require__(5723);
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
    const data = (0,plain/* plainData */.l)(document, file);
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
            until: Date.parse(`${expires}T00:00:00Z`) + DAY,
            file,
            ...(line ? { line } : {}),
        };
    });
}
/** Which of the three ignore-file formats a file is in: YAML with `ignores:` is ours, other YAML is Trivy's, anything else is a `.trivyignore`. */
function ignoreFormat(text, file) {
    if (!/\.ya?ml$/i.test(file))
        return 'trivyignore';
    return /^ignores\s*:/m.test(text) ? 'aegis' : 'trivyignore.yaml';
}
/** Reads any of the three formats (see `ignoreFormat`). */
function parseAnyIgnoreFile(text, file) {
    const format = ignoreFormat(text, file);
    if (format === 'aegis')
        return { entries: parseIgnoreFile(text, file), warnings: [] };
    if (format === 'trivyignore.yaml')
        return { entries: parseTrivyIgnoreYaml(text, file), warnings: [] };
    return parseTrivyIgnore(text, file);
}
const TRIVY_REASON = (file) => `listed in ${file}`;
/**
 * Trivy's `.trivyignore`: one id per line, optionally `exp:YYYY-MM-DD`, `#` comments. As in
 * Trivy (pkg/result/ignore.go) an id applies to every class, an entry lapses at the start of its
 * `exp:` day, and a line whose date does not parse is skipped with a warning.
 */
function parseTrivyIgnore(text, file) {
    const entries = [];
    const warnings = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const fields = line.split(/\s+/);
        const id = fields[0];
        const exp = fields
            .slice(1)
            .find((f) => f.startsWith('exp:'))
            ?.slice(4);
        let until;
        if (exp !== undefined) {
            until = DATE.test(exp) ? Date.parse(`${exp}T00:00:00Z`) : Number.NaN;
            if (Number.isNaN(until)) {
                warnings.push(`${file}:${index + 1}: expiration date ${JSON.stringify(exp)} of ${id} is not YYYY-MM-DD; the line is skipped (as Trivy does)`);
                return;
            }
        }
        entries.push({
            id,
            reason: TRIVY_REASON(file),
            ...(exp !== undefined ? { expires: exp, until } : {}),
            file,
            line: index + 1,
        });
    });
    return { entries, warnings };
}
const YAML_SECTIONS = {
    vulnerabilities: 'vulnerability',
    misconfigurations: 'misconfiguration',
    secrets: 'secret',
    licenses: 'license',
};
const YAML_KEYS = new Set(['id', 'paths', 'purls', 'expired_at', 'statement']);
/**
 * Trivy's `.trivyignore.yaml`: per class a list of {id, paths, purls, expired_at, statement}.
 * Unknown keys are refused (Trivy would silently ignore a typo like `expires_at`, and the entry
 * would then never lapse).
 */
function parseTrivyIgnoreYaml(text, file) {
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        throw new errors/* FileError */.f6(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
    }
    const data = document.toJS();
    if (data === null || data === undefined)
        return [];
    if (typeof data !== 'object' || Array.isArray(data)) {
        throw new errors/* FileError */.f6(file, "expected Trivy's ignore mapping: vulnerabilities, misconfigurations, secrets, licenses (lists of {id, paths, purls, expired_at, statement})");
    }
    const record = data;
    const unknownSections = Object.keys(record).filter((key) => !(key in YAML_SECTIONS));
    if (unknownSections.length > 0)
        throw new errors/* FileError */.f6(file, `unknown section(s) ${unknownSections.join(', ')}; allowed: ${Object.keys(YAML_SECTIONS).join(', ')}`);
    const lineOfId = lineOf(text);
    const entries = [];
    for (const [section, cls] of Object.entries(YAML_SECTIONS)) {
        const list = record[section];
        if (list === undefined || list === null)
            continue;
        if (!Array.isArray(list))
            throw new errors/* FileError */.f6(file, `${section} must be a list of {id, paths, purls, expired_at, statement}`);
        list.forEach((item, index) => {
            const where = `${section}[${index}]`;
            if (typeof item !== 'object' || item === null || Array.isArray(item))
                throw new errors/* FileError */.f6(file, `${where} is not a mapping with an id`);
            const entry = item;
            const extra = Object.keys(entry).filter((key) => !YAML_KEYS.has(key));
            if (extra.length > 0)
                throw new errors/* FileError */.f6(file, `${where} has unknown key(s) ${extra.join(', ')}; allowed: ${[...YAML_KEYS].join(', ')}`);
            if (typeof entry.id !== 'string' || entry.id === '')
                throw new errors/* FileError */.f6(file, `${where} has no id`);
            const strings = (name) => {
                const value = entry[name];
                if (value === undefined || value === null)
                    return undefined;
                if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
                    throw new errors/* FileError */.f6(file, `${where}.${name} must be a list of strings`);
                return value;
            };
            const paths = strings('paths');
            const purls = strings('purls');
            for (const purl of purls ?? [])
                if (!/^pkg:[a-z0-9.+-]+\/.+/i.test(purl))
                    throw new errors/* FileError */.f6(file, `${where}.purls has ${JSON.stringify(purl)}; expected a package URL such as pkg:npm/lodash@4.17.20`);
            let expires;
            const expiredAt = entry.expired_at;
            if (expiredAt instanceof Date)
                expires = expiredAt.toISOString().slice(0, 10);
            else if (typeof expiredAt === 'string' && DATE.test(expiredAt))
                expires = expiredAt;
            else if (expiredAt !== undefined && expiredAt !== null)
                throw new errors/* FileError */.f6(file, `${where} (${entry.id}).expired_at is ${JSON.stringify(expiredAt)}; expected a date YYYY-MM-DD`);
            const statement = typeof entry.statement === 'string' && entry.statement.trim() ? entry.statement.trim() : undefined;
            const line = lineOfId(entry.id);
            entries.push({
                id: entry.id,
                reason: statement ?? TRIVY_REASON(file),
                ...(expires ? { expires, until: expiredAt instanceof Date ? expiredAt.getTime() : Date.parse(`${expires}T00:00:00Z`) } : {}),
                classes: [cls],
                ...(paths?.length ? { paths } : {}),
                ...(purls?.length ? { purls } : {}),
                file,
                ...(line ? { line } : {}),
            });
        });
    }
    return entries;
}
/** Does the entry accept this finding? Id (or an alias), class, package, paths and purls must all agree. */
function ignoreMatches(entry, finding) {
    const id = entry.id.toUpperCase();
    if (id !== finding.id.toUpperCase() && !finding.aliases.some((alias) => alias.toUpperCase() === id))
        return false;
    if (entry.classes && !entry.classes.includes(finding.class))
        return false;
    if (entry.package !== undefined && entry.package !== finding.pkgName)
        return false;
    if (entry.paths) {
        const candidates = finding.class === 'license'
            ? [finding.license?.FilePath ?? '']
            : [finding.target, ...(finding.vulnerability?.PkgPath ? [finding.vulnerability.PkgPath] : [])];
        const match = picomatch_default()(entry.paths, { dot: true });
        if (!candidates.some((candidate) => match(candidate)))
            return false;
    }
    if (entry.purls) {
        const purl = finding.vulnerability?.PkgIdentifier?.PURL;
        // As in Trivy, a finding without a purl is not held back by the entry's purls.
        if (purl && !entry.purls.some((pattern) => purlMatches(pattern, purl)))
            return false;
    }
    return true;
}
/** Trivy's purl match: type, namespace and name equal; the version too when the pattern has one; qualifiers ignored. */
function purlMatches(pattern, purl) {
    const strip = (value) => value.split(/[?#]/)[0];
    const split = (value) => {
        const at = value.lastIndexOf('@');
        return at > value.indexOf('/') ? { name: value.slice(0, at), version: value.slice(at + 1) } : { name: value, version: '' };
    };
    const want = split(strip(pattern));
    const got = split(strip(purl));
    return want.name === got.name && (want.version === '' || want.version === got.version);
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
/** Whole days until the entry lapses (0 on its last day, negative once expired; infinite without an expiry). */
function daysLeft(entry, now) {
    const end = entry.until ?? (entry.expires ? Date.parse(`${entry.expires}T00:00:00Z`) + DAY : Number.POSITIVE_INFINITY);
    if (!Number.isFinite(end))
        return Number.POSITIVE_INFINITY;
    return Math.ceil((end - now.getTime()) / DAY) - 1;
}

;// CONCATENATED MODULE: ./src/core/scan/report-fields.ts
const CVSS = {
    V2Vector: 'string',
    V3Vector: 'string',
    V40Vector: 'string',
    V2Score: 'number',
    V3Score: 'number',
    V40Score: 'number',
};
const IDENTIFIER = { PURL: 'string', UID: 'string', BOMRef: 'string' };
const REPORT_FIELDS = {
    ArtifactType: 'string',
    CreatedAt: 'string',
    Trivy: { object: { Version: 'string' } },
    Metadata: {
        object: { OS: { object: { Family: 'string', Name: 'string' } }, ImageID: 'string', RepoTags: 'strings', RepoDigests: 'strings' },
    },
};
const RESULT_FIELDS = { Class: 'string', Type: 'string' };
const LIST_FIELDS = {
    Vulnerabilities: {
        PkgID: 'string',
        PkgPath: 'string',
        PkgIdentifier: { object: IDENTIFIER },
        InstalledVersion: 'string',
        FixedVersion: 'string',
        Status: 'string',
        SeveritySource: 'string',
        PrimaryURL: 'string',
        Title: 'string',
        Description: 'string',
        CweIDs: 'strings',
        CVSS: { map: { object: CVSS } },
        VendorSeverity: { map: 'number' },
        DataSource: { object: { ID: 'string', Name: 'string', URL: 'string' } },
        References: 'strings',
        PublishedDate: 'string',
        LastModifiedDate: 'string',
    },
    Misconfigurations: {
        Type: 'string',
        AVDID: 'string',
        Title: 'string',
        Description: 'string',
        Message: 'string',
        Resolution: 'string',
        PrimaryURL: 'string',
        References: 'strings',
        Status: 'string',
        CauseMetadata: { object: { Resource: 'string', Provider: 'string', Service: 'string', StartLine: 'number', EndLine: 'number' } },
    },
    Secrets: { Category: 'string', Title: 'string', StartLine: 'number', EndLine: 'number', Match: 'string' },
    Licenses: { Category: 'string', PkgName: 'string', FilePath: 'string', Confidence: 'number', Link: 'string' },
    Packages: {
        ID: 'string',
        Version: 'string',
        Identifier: { object: IDENTIFIER },
        Licenses: 'strings',
        Locations: { list: { StartLine: 'number', EndLine: 'number' } },
        DependsOn: 'strings',
        Relationship: 'string',
    },
};
/** The first field of `item` that `spec` types otherwise, or undefined. */
function fieldTypeError(item, spec) {
    for (const field in spec) {
        const value = item[field];
        if (value === undefined || value === null)
            continue;
        const problem = typeError(value, spec[field]);
        if (problem !== undefined)
            return { ...problem, path: `.${field}${problem.path}` };
    }
    return undefined;
}
// Plain loops and no closures: every finding of a 20,000-finding report passes through here.
function typeError(value, type) {
    if (type === 'string' || type === 'number')
        return typeof value === type ? undefined : wrong(`a ${type}`, '', value);
    if (type === 'strings') {
        if (!Array.isArray(value))
            return wrong('a list of strings', '', value);
        for (let at = 0; at < value.length; at++)
            if (typeof value[at] !== 'string')
                return wrong('a string', `[${at}]`, value[at]);
        return undefined;
    }
    if ('list' in type) {
        if (!Array.isArray(value))
            return wrong('a list', '', value);
        for (let at = 0; at < value.length; at++) {
            const entry = value[at];
            if (!isObject(entry))
                return wrong('an object', `[${at}]`, entry);
            const problem = fieldTypeError(entry, type.list);
            if (problem !== undefined)
                return { ...problem, path: `[${at}]${problem.path}` };
        }
        return undefined;
    }
    if (!isObject(value))
        return wrong('an object', '', value);
    if ('object' in type)
        return fieldTypeError(value, type.object);
    for (const key in value) {
        const entry = value[key];
        if (entry === undefined || entry === null)
            continue;
        const problem = typeError(entry, type.map);
        if (problem !== undefined)
            return { ...problem, path: `.${key}${problem.path}` };
    }
    return undefined;
}
function wrong(expected, path, found) {
    return { path, found: kind(found), expected };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function kind(value) {
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    const type = typeof value;
    return type === 'object' ? 'an object' : `a ${type}`;
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

;// CONCATENATED MODULE: ./src/core/scan/report.ts



/** The four kinds of finding Trivy reports; each is counted, gated and rendered. */
const FINDING_CLASSES = ['vulnerability', 'misconfiguration', 'secret', 'license'];
function report_isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const EXACT_SEVERITIES = new Set(SEVERITIES);
/** Each list of findings in a result, with the fields a finding of it cannot do without. */
const LISTS = [
    ['Vulnerabilities', ['VulnerabilityID', 'PkgName']],
    ['Misconfigurations', ['ID']],
    ['Secrets', ['RuleID']],
    ['Licenses', ['Name']],
];
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
    if (!report_isObject(data) || !('SchemaVersion' in data)) {
        const hint = report_isObject(data) && ('runs' in data || 'bomFormat' in data || 'spdxVersion' in data) ? ' (it looks like SARIF or an SBOM)' : '';
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
    // `where` is a function: its text is made only for the report that is refused.
    const typed = (where, item, spec) => {
        const problem = fieldTypeError(item, spec);
        if (problem === undefined)
            return;
        const field = `${where()}${problem.path}`.replace(/^\./, '');
        throw new errors/* FileError */.f6(file, `${field} is ${problem.found}; expected ${problem.expected}, as Trivy writes it`);
    };
    typed(() => '', data, REPORT_FIELDS);
    results.forEach((result, index) => {
        if (!report_isObject(result) || typeof result.Target !== 'string') {
            throw new errors/* FileError */.f6(file, `Results[${index}] has no Target`);
        }
        typed(() => `Results[${index}]`, result, RESULT_FIELDS);
        for (const [field, required] of LISTS) {
            const list = result[field] ?? [];
            if (!Array.isArray(list))
                throw new errors/* FileError */.f6(file, `Results[${index}].${field} is not an array`);
            const [first, second] = required;
            for (let position = 0; position < list.length; position++) {
                const item = list[position];
                const where = () => `Results[${index}].${field}[${position}]`;
                if (!report_isObject(item) || typeof item[first] !== 'string' || (second !== undefined && typeof item[second] !== 'string')) {
                    throw new errors/* FileError */.f6(file, `${where()} lacks ${required.join(' or ')}`);
                }
                const severity = item.Severity;
                // Exact spellings first: a report of 20,000 findings is checked on every run.
                if (typeof severity !== 'string' || (!EXACT_SEVERITIES.has(severity) && !parseSeverity(severity))) {
                    throw new errors/* FileError */.f6(file, `${where()} (${String(item[first])}) has severity ${JSON.stringify(severity)}; expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL`);
                }
                typed(where, item, LIST_FIELDS[field]);
            }
        }
        // The package list (--list-all-pkgs) names what the SBOMs list: a package without a name is no component.
        const packages = result.Packages ?? [];
        if (!Array.isArray(packages))
            throw new errors/* FileError */.f6(file, `Results[${index}].Packages is not an array`);
        for (let position = 0; position < packages.length; position++) {
            const pkg = packages[position];
            if (!report_isObject(pkg) || typeof pkg.Name !== 'string')
                throw new errors/* FileError */.f6(file, `Results[${index}].Packages[${position}] lacks Name`);
            typed(() => `Results[${index}].Packages[${position}]`, pkg, LIST_FIELDS.Packages);
        }
    });
    return data;
}
/**
 * Where a finding is, as far as a baseline cares: OS packages are one place whatever the image
 * is called this build (`repo:1.4.3 (debian 12)` becomes `os-pkgs`); a lock file, Dockerfile or
 * jar path is itself.
 */
function findingPlace(result) {
    return result.Class === 'os-pkgs' ? 'os-pkgs' : result.Target;
}
/** The key a finding keeps while its image is rebuilt: the installed version and image name may change, the place may not. */
function findingKey(place, id, pkgName, pkgPath = '') {
    // One flat string (a template makes a tree of concatenations): every finding keeps two keys.
    return [place, id, pkgName, pkgPath].join('|');
}
/**
 * Every finding of every result, in Trivy's order: per result its vulnerabilities, then checks,
 * secrets and licenses (the order `trivy --format sarif` writes them in).
 */
function findings(report, options = {}) {
    // Every renderer asks; a report is read-only once parsed, so one list per report serves them all.
    const cache = options.includePassed ? WITH_PASSED : FAILED_ONLY;
    const cached = cache.get(report);
    if (cached)
        return cached;
    const list = collectFindings(report, options);
    cache.set(report, list);
    // Without passed checks both lists are the same: one list, not two copies of 20,000 findings.
    if (!(report.Results ?? []).some((result) => (result.Misconfigurations ?? []).some((m) => (m.Status ?? 'FAIL') !== 'FAIL')))
        (options.includePassed ? FAILED_ONLY : WITH_PASSED).set(report, list);
    return list;
}
const WITH_PASSED = new WeakMap();
const FAILED_ONLY = new WeakMap();
/** The report's spelling when exact (nearly always), else the normalised one. */
function severityOf(severity) {
    return (EXACT_SEVERITIES.has(severity) ? severity : (parseSeverity(severity) ?? 'UNKNOWN'));
}
/** Shared by every finding without other ids (never written to). */
// Shared by every finding without aliases: frozen, so a caller that pushed to it would fail loudly.
const NO_ALIASES = Object.freeze([]);
function collectFindings(report, options) {
    const out = [];
    // Built as literals with the fields in one order (no spread of a shared base): 20,000 of them per report.
    for (const result of report.Results ?? []) {
        const place = findingPlace(result);
        const target = result.Target;
        // The movable key is the key without its place: a slice of it, not a second string.
        const push = (finding) => {
            finding.movableKey = finding.key.slice(place.length);
            out.push(finding);
        };
        for (const vulnerability of result.Vulnerabilities ?? []) {
            const id = vulnerability.VulnerabilityID;
            const pkgName = vulnerability.PkgName;
            const pkgPath = vulnerability.PkgPath ?? '';
            push({
                key: findingKey(place, id, pkgName, pkgPath),
                movableKey: '',
                class: 'vulnerability',
                id,
                severity: severityOf(vulnerability.Severity),
                target,
                result,
                aliases: NO_ALIASES,
                pkgName,
                installedVersion: vulnerability.InstalledVersion ?? '',
                fixedVersion: vulnerability.FixedVersion ?? '',
                title: vulnerability.Title ?? '',
                url: vulnerability.PrimaryURL ?? '',
                startLine: 0,
                endLine: 0,
                vulnerability,
            });
        }
        for (const misconfiguration of result.Misconfigurations ?? []) {
            if (!options.includePassed && (misconfiguration.Status ?? 'FAIL') !== 'FAIL')
                continue;
            const id = misconfiguration.ID;
            push({
                key: findingKey(place, `misconfiguration:${id}`, '', ''),
                movableKey: '',
                class: 'misconfiguration',
                id,
                severity: severityOf(misconfiguration.Severity),
                target,
                result,
                aliases: misconfiguration.AVDID && misconfiguration.AVDID !== id ? [misconfiguration.AVDID] : [],
                pkgName: '',
                installedVersion: '',
                fixedVersion: '',
                title: misconfiguration.Title ?? '',
                url: misconfiguration.PrimaryURL ?? '',
                startLine: misconfiguration.CauseMetadata?.StartLine ?? 0,
                endLine: misconfiguration.CauseMetadata?.EndLine ?? 0,
                misconfiguration,
            });
        }
        for (const secret of result.Secrets ?? []) {
            const id = secret.RuleID;
            push({
                key: findingKey(place, `secret:${id}`, '', ''),
                movableKey: '',
                class: 'secret',
                id,
                severity: severityOf(secret.Severity),
                target,
                result,
                aliases: NO_ALIASES,
                pkgName: '',
                installedVersion: '',
                fixedVersion: '',
                title: secret.Title ?? id,
                url: '',
                startLine: secret.StartLine ?? 0,
                endLine: secret.EndLine ?? 0,
                secret,
            });
        }
        for (const license of result.Licenses ?? []) {
            const id = license.Name;
            const pkgName = license.PkgName ?? '';
            push({
                key: findingKey(place, `license:${id}`, pkgName, license.FilePath ?? ''),
                movableKey: '',
                class: 'license',
                id,
                severity: severityOf(license.Severity),
                target,
                result,
                aliases: NO_ALIASES,
                pkgName,
                installedVersion: '',
                fixedVersion: '',
                title: `${id} in ${pkgName}`,
                url: license.Link ?? '',
                startLine: 0,
                endLine: 0,
                license,
            });
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/scan/gate.ts



function baselineOf(list) {
    return { keys: new Set(list.map((f) => f.key)), movableKeys: new Set(list.map((f) => f.movableKey)) };
}
/**
 * The classes gated together: every class with rules of its own is a group, the rest share
 * the top-level `failOn`/`max` (so `max: {MEDIUM: 20}` still means twenty in all).
 */
function groups(rules) {
    const own = FINDING_CLASSES.filter((cls) => rules.classes?.[cls] !== undefined);
    const shared = FINDING_CLASSES.filter((cls) => !own.includes(cls));
    return [...(shared.length > 0 ? [{ classes: shared, own: false }] : []), ...own.map((cls) => ({ classes: [cls], own: true }))];
}
function limitFor(severity, rules, cls) {
    const own = cls ? rules.classes?.[cls] : undefined;
    const explicit = own ? (own.max?.[severity] ?? (own.failOn === undefined ? rules.max[severity] : undefined)) : rules.max[severity];
    if (explicit !== undefined)
        return explicit;
    return reaches(severity, own?.failOn ?? rules.failOn) ? 0 : Number.POSITIVE_INFINITY;
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
        const ignore = active.find((entry) => ignoreMatches(entry, finding));
        if (ignore) {
            used.add(ignore);
            return { finding, disposition: 'ignored', ignore };
        }
        // Only a vulnerability can be fixed by an upgrade; a leaked key is never "unfixed".
        if (rules.ignoreUnfixed && finding.class === 'vulnerability' && !finding.fixedVersion)
            return { finding, disposition: 'unfixed' };
        const baseline = input.baseline;
        if (baseline && (rules.baselineMatch === 'id' ? baseline.movableKeys.has(finding.movableKey) : baseline.keys.has(finding.key)))
            return { finding, disposition: 'baseline' };
        return { finding, disposition: 'allowed' };
    });
    const counts = zeroCounts();
    const counted = zeroCounts();
    const countsByClass = Object.fromEntries(FINDING_CLASSES.map((cls) => [cls, zeroCounts()]));
    const countedByClass = Object.fromEntries(FINDING_CLASSES.map((cls) => [cls, zeroCounts()]));
    for (const { finding, disposition } of gated) {
        counts[finding.severity]++;
        countsByClass[finding.class][finding.severity]++;
        if (disposition === 'allowed') {
            counted[finding.severity]++;
            countedByClass[finding.class][finding.severity]++;
        }
    }
    const exceeded = [];
    const over = new Set();
    for (const severity of [...SEVERITIES].reverse()) {
        for (const group of groups(rules)) {
            const count = group.classes.reduce((sum, cls) => sum + countedByClass[cls][severity], 0);
            const limit = limitFor(severity, rules, group.own ? group.classes[0] : undefined);
            if (count <= limit)
                continue;
            exceeded.push({ severity, count, limit, ...(rules.classes ? { classes: group.classes } : {}) });
            for (const cls of group.classes)
                over.add(`${cls}|${severity}`);
        }
    }
    for (const item of gated) {
        if (item.disposition !== 'allowed')
            continue;
        if (over.has(`${item.finding.class}|${item.finding.severity}`))
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
        countsByClass,
        countedByClass,
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
            map.set(item.finding.key, ignoreJustification(item.ignore));
    }
    return map;
}
/** The reason, and who and until when where the entry says. */
function ignoreJustification(entry) {
    const details = [entry.owner ? `owner: ${entry.owner}` : '', entry.expires ? `expires ${entry.expires}` : 'no expiry'].filter(Boolean);
    return `${entry.reason} (${details.join(', ')})`;
}

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
;// CONCATENATED MODULE: ./src/core/scan/markdown.ts



const CLASS_TITLE = {
    vulnerability: 'Vulnerabilities',
    misconfiguration: 'Misconfigurations',
    secret: 'Secrets',
    license: 'Licenses',
};
/** Per class: the table's columns after Status and Severity, and a row's cells for them. */
const COLUMNS = {
    vulnerability: {
        head: ['Vulnerability', 'Package', 'Installed', 'Fixed', 'Target'],
        cells: ({ finding }) => [
            linked(finding.id, finding.url),
            finding.pkgName,
            finding.installedVersion,
            finding.fixedVersion || '–',
            finding.target,
        ],
    },
    misconfiguration: {
        head: ['Check', 'Title', 'Target', 'Lines'],
        cells: ({ finding }) => [linked(finding.id, finding.url), finding.title, finding.target, lineText(finding)],
    },
    secret: {
        head: ['Rule', 'Title', 'Target', 'Lines'],
        cells: ({ finding }) => [finding.id, finding.title, finding.target, lineText(finding)],
    },
    license: {
        head: ['License', 'Package', 'Category', 'Target'],
        cells: ({ finding }) => [linked(finding.id, finding.url), finding.pkgName, finding.license?.Category ?? '', finding.target],
    },
};
const ICON = {
    blocking: '⛔ blocking',
    warning: '⚠️ warning',
    allowed: 'allowed',
    ignored: '🔕 ignored',
    unfixed: 'unfixed (excused)',
    baseline: 'in baseline',
};
const ORDER = ['blocking', 'warning', 'allowed', 'baseline', 'unfixed', 'ignored'];
/** Ranks by lookup, not by searching the lists: a table of 20,000 findings is sorted with them. */
const ORDER_RANK = Object.fromEntries(ORDER.map((disposition, index) => [disposition, index]));
const SEVERITY_RANK = Object.fromEntries(SEVERITIES_DESCENDING.map((severity) => [severity, severityRank(severity)]));
/** The job summary: verdict, counts per severity, and the findings that matter first. */
function renderMarkdown(gate, options) {
    const maxRows = options.maxRows ?? 100;
    const verdict = gate.result === 'passed' ? '✅ passed' : '❌ failed';
    const rulesText = `fail-on ${(0,markdown/* code */.aY)(options.rules.failOn)}, warn-on ${(0,markdown/* code */.aY)(options.rules.warnOn)}, ignore-unfixed ${(0,markdown/* code */.aY)(String(options.rules.ignoreUnfixed))}`;
    const lines = [
        `### aegis scan: ${verdict}`,
        '',
        `Target ${(0,markdown/* code */.aY)(options.target)}: ${gate.gated.length} finding(s), ${gate.blocking} blocking, ${gate.warnings} warning(s). Rules from ${(0,markdown/* inlineText */.ln)(options.rulesSource)}: ${rulesText}${maxText(options.rules)}.`,
        '',
        (0,markdown/* markdownTable */.Qj)(['Severity', 'Found', 'Counted', 'Limit'], SEVERITIES_DESCENDING.map((severity) => {
            const exceeded = gate.exceeded.find((entry) => entry.severity === severity);
            const limit = options.rules.max[severity] ?? (exceeded ? exceeded.limit : undefined);
            const shown = limit === undefined ? (reachesFailOn(severity, options.rules) ? '0' : '–') : Number.isFinite(limit) ? limit : '–';
            return [severity, String(gate.counts[severity]), String(gate.counted[severity]), `${shown}${exceeded ? ' ⛔' : ''}`];
        }), ['left', 'right', 'right', 'right']),
    ];
    const classRules = Object.entries(options.rules.classes ?? {});
    if (classRules.length > 0) {
        lines.push('', `Class rules: ${classRules
            .map(([cls, rules]) => `${CLASS_TITLE[cls].toLowerCase()} fail-on ${(0,markdown/* code */.aY)(rules.failOn ?? options.rules.failOn)}${maxText({ max: rules.max ?? {} })}`)
            .join('; ')}.`);
    }
    for (const entry of gate.exceeded.filter((item) => item.classes))
        lines.push(`- ⛔ ${entry.count} ${entry.severity} ${(entry.classes ?? []).map((cls) => CLASS_TITLE[cls].toLowerCase()).join('/')} (limit ${entry.limit})`);
    if (gate.expiredIgnores.length > 0) {
        lines.push('', `**Expired ignore entries** (they no longer excuse anything):`, '');
        for (const entry of gate.expiredIgnores)
            lines.push(`- ${(0,markdown/* code */.aY)(entry.id)}${entry.package ? ` in ${(0,markdown/* inlineText */.ln)(entry.package)}` : ''}: expired ${(0,markdown/* inlineText */.ln)(entry.expires ?? '')}${entry.owner ? `, owner ${(0,markdown/* inlineText */.ln)(entry.owner)}` : ''}`);
    }
    if (gate.expiringIgnores.length > 0) {
        lines.push('', '**Ignore entries about to expire:**', '');
        for (const { entry, daysLeft } of gate.expiringIgnores)
            lines.push(`- ${(0,markdown/* code */.aY)(entry.id)}: expires ${(0,markdown/* inlineText */.ln)(entry.expires ?? '')} (${daysLeft} day(s) left)${entry.owner ? `, owner ${(0,markdown/* inlineText */.ln)(entry.owner)}` : ''}`);
    }
    const present = FINDING_CLASSES.filter((cls) => gate.gated.some((item) => item.finding.class === cls));
    if (present.length > 1 || (present.length === 1 && present[0] !== 'vulnerability')) {
        lines.push('', (0,markdown/* markdownTable */.Qj)(['Class', ...SEVERITIES_DESCENDING, 'Counted'], FINDING_CLASSES.map((cls) => {
            const found = gate.countsByClass[cls];
            const counted = SEVERITIES_DESCENDING.reduce((sum, severity) => sum + gate.countedByClass[cls][severity], 0);
            return [CLASS_TITLE[cls], ...SEVERITIES_DESCENDING.map((severity) => String(found[severity])), String(counted)];
        }), ['left', ...SEVERITIES_DESCENDING.map(() => 'right'), 'right']));
    }
    if (options.partialSbom)
        lines.push('', `⚠️ **Partial SBOM:** ${(0,markdown/* inlineText */.ln)(options.partialSbom)}`);
    for (const cls of present) {
        const all = gate.gated.filter((item) => item.finding.class === cls);
        const shown = firstInOrder(all, maxRows, compare);
        const { head, cells } = COLUMNS[cls];
        lines.push('', `#### ${CLASS_TITLE[cls]} (${all.length})`, '', (0,markdown/* markdownTable */.Qj)(['Status', 'Severity', ...head], shown.map((item) => [markdown_status(item), item.finding.severity, ...cells(item)])));
        if (all.length > maxRows)
            lines.push('', `…and ${all.length - maxRows} more; the SARIF and GitLab reports list every finding.`);
    }
    return `${lines.join('\n')}\n`;
}
/**
 * `[...items].sort(order).slice(0, count)` without sorting all of them: the table shows the
 * first hundred of 20,000. Ties keep their order (an item goes after its equals), as a stable sort does.
 */
function firstInOrder(items, count, order) {
    const first = [];
    if (count <= 0)
        return first;
    for (const item of items) {
        if (first.length === count && order(item, first[count - 1]) >= 0)
            continue;
        let low = 0;
        let high = first.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (order(item, first[middle]) < 0)
                high = middle;
            else
                low = middle + 1;
        }
        first.splice(low, 0, item);
        if (first.length > count)
            first.pop();
    }
    return first;
}
/** Plain text: the table escapes it (an ignore's reason and owner come from the repository). */
function markdown_status({ disposition, ignore }) {
    if (!ignore)
        return ICON[disposition];
    const details = [ignore.owner ?? '', ignore.expires ? `until ${ignore.expires}` : 'no expiry'].filter(Boolean);
    return `${ICON[disposition]}: ${ignore.reason} (${details.join(', ')})`;
}
/** The finding's advisory link; parentheses and spaces percent-encoded so a URL stays one link target. */
function linked(text, url) {
    const target = url.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return url ? (0,markdown/* link */.nf)(text, target) : text;
}
function lineText(finding) {
    if (!finding.startLine)
        return '–';
    return finding.endLine > finding.startLine ? `${finding.startLine}–${finding.endLine}` : String(finding.startLine);
}
/** Code-unit order, not locale order: the same everywhere, and fast over 20,000 rows. */
function byText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function compare(a, b) {
    return (ORDER_RANK[a.disposition] - ORDER_RANK[b.disposition] ||
        SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
        byText(a.finding.id, b.finding.id) ||
        byText(a.finding.pkgName, b.finding.pkgName) ||
        byText(a.finding.target, b.finding.target));
}
function reachesFailOn(severity, rules) {
    return rules.failOn !== 'none' && severityRank(severity) >= severityRank(rules.failOn);
}
function maxText(rules) {
    // An infinite limit is a severity left out of trivy-action's `severity` list: it never counts.
    const entries = Object.entries(rules.max).filter(([, count]) => Number.isFinite(count));
    return entries.length > 0 ? `, max ${entries.map(([severity, count]) => `${severity}=${count}`).join(' ')}` : '';
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/core/scan/json-text.ts

/**
 * Large documents (20,000 findings) serialised list item by list item: each item becomes text
 * as soon as it is made (built from its parts with `json`, not as an object to stringify) and
 * goes straight to the sink, so neither an object tree nor the whole text is ever in memory at
 * once. What reaches the sink is byte for byte `JSON.stringify(document)`.
 */
// A fresh nonce per process: no text in a report can spell a slot and be taken for one.
const MARK = `\u0000aegis-list-${(0,external_node_crypto_.randomUUID)()}:`;
/**
 * One value as JSON text, for writers that build an item's text from its parts: the same bytes
 * `JSON.stringify` gives the value inside an object (callers never pass undefined).
 */
function json(value) {
    if (typeof value === 'string')
        return `"${escapeText(value)}"`;
    // JSON.stringify writes a number as String does, and null for what JSON cannot hold.
    if (typeof value === 'number')
        return Number.isFinite(value) ? String(value) : 'null';
    return JSON.stringify(value);
}
/**
 * A text as it stands between the quotes of a JSON string: `JSON.stringify(text)` without its
 * quotes. Writers compose a string's text from escaped parts (the escapings of the parts,
 * joined, are the escaping of the joined text: the writers always put literal text between two
 * fields, so no surrogate pair is split), and a description quoted in five places of three files
 * is escaped once. Most report strings (ids, versions, names, URLs) need no escaping: a plain
 * loop proves that several times faster than a call into JSON.stringify and returns the text
 * itself, uncopied. Absent values are empty; a number or boolean where the report should have
 * text is its text, anything else its JSON (a field the schemas want as a string stays one).
 */
function escapeText(value) {
    const text = typeof value === 'string' ? value : asText(value);
    for (let at = 0; at < text.length; at++) {
        const code = text.charCodeAt(at);
        // Control characters, `"`, `\\`, and surrogates (JSON.stringify escapes a lone one).
        if (code < 0x20 || code === 0x22 || code === 0x5c || (code & 0xf800) === 0xd800)
            return JSON.stringify(text).slice(1, -1);
    }
    return text;
}
function asText(value) {
    if (value === undefined || value === null)
        return '';
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    // JSON.parse made it, so it has no cycles, BigInts or functions: JSON.stringify cannot throw.
    return JSON.stringify(value) ?? '';
}
/** `escapeText` of each value, in order (a tuple of the same length). */
function escapeTexts(...values) {
    return values.map(escapeText);
}
/** A placeholder for list `name` inside an envelope given to `writeDocument`. */
function listSlot(name) {
    return `${MARK}${name}`;
}
/** Writes `JSON.stringify(envelope)` with each `listSlot(name)` replaced by the items of `lists[name]`, already text. */
function writeDocument(out, envelope, lists) {
    const text = JSON.stringify(envelope);
    const slots = Object.entries(lists)
        .map(([name, items]) => {
        const slot = JSON.stringify(`${MARK}${name}`);
        const at = text.indexOf(slot);
        if (at < 0)
            throw new Error(`writeDocument: no slot for list ${name}`);
        return { at, length: slot.length, items };
    })
        .sort((a, b) => a.at - b.at);
    let from = 0;
    for (const { at, length, items } of slots) {
        out.write(`${text.slice(from, at)}[`);
        let first = true;
        for (const item of items) {
            out.write(first ? item : `,${item}`);
            first = false;
        }
        out.write(']');
        from = at + length;
    }
    out.write(text.slice(from));
}
/** What a writer writes, as one string (tests, small documents). */
function json_text_collect(write) {
    const parts = [];
    write({ write: (text) => parts.push(text) });
    return parts.join('');
}

;// CONCATENATED MODULE: ./src/core/scan/finding-text.ts

const TEXTS = new WeakMap();
function findingText(finding) {
    let text = TEXTS.get(finding);
    if (!text) {
        const v = finding.vulnerability;
        text = {
            id: escapeText(finding.id),
            pkgName: escapeText(finding.pkgName),
            installedVersion: escapeText(finding.installedVersion),
            fixedVersion: escapeText(finding.fixedVersion),
            title: escapeText(v?.Title),
            description: escapeText(v?.Description),
            primaryUrl: escapeText(v?.PrimaryURL),
            severity: escapeText(severityText(finding)),
        };
        TEXTS.set(finding, text);
    }
    return text;
}
/** The severity as the report spells it (Trivy writes it verbatim into tags and texts). */
function severityText(finding) {
    return (finding.vulnerability?.Severity ??
        finding.misconfiguration?.Severity ??
        finding.secret?.Severity ??
        finding.license?.Severity ??
        finding.severity);
}

;// CONCATENATED MODULE: ./src/core/scan/sarif.ts



const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json';
const RULE_NAMES = {
    'os-pkgs': 'OsPackageVulnerability',
    'lang-pkgs': 'LanguageSpecificPackageVulnerability',
    config: 'Misconfiguration',
    secret: 'Secret',
    license: 'License',
    'license-file': 'License',
};
/** Where Trivy's SARIF points secret rules, whichever rule it is. */
const BUILTIN_SECRET_RULES = 'https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go';
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
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` (pkg/report/sarif.go)
 * does, for all four classes: rules keyed by vulnerability, check, secret rule or
 * `package:license`, `security-severity` from the CVSS v3 score of the severity source or the
 * severity's nominal score, locations on the image, lock file, Dockerfile or secret's lines.
 * The document `writeSarif` writes, read back.
 */
function renderSarif(report, options = {}) {
    return JSON.parse(renderSarifText(report, options));
}
/**
 * Writes the SARIF log as JSON text rule by rule and result by result: each item's text is
 * composed from the finding's escaped fields directly (20,000 findings make 40,000 items;
 * an object tree to stringify cost most of the time, and the same description would be
 * escaped three times in a rule alone).
 */
function writeSarif(out, report, options = {}) {
    const { rules, results } = sarifLists(report, options);
    writeDocument(out, sarifLog(report, options, listSlot('rules'), listSlot('results')), { rules, results });
}
function renderSarifText(report, options = {}) {
    return collect((out) => writeSarif(out, report, options));
}
/** The rule id Trivy gives a finding: the vulnerability, check or secret rule id; `package:license` for licenses. */
function ruleIdOf(finding) {
    return finding.license ? `${finding.license.PkgName ?? ''}:${finding.license.Name}` : finding.id;
}
/**
 * Rules in the order their ids first occur, each made from the id's last occurrence (go-sarif's
 * AddRule rewrites a rule, so its help names the last package), then one result per finding.
 * Both lists are lazy: the writer takes each item's text and lets it go.
 */
function sarifLists(report, options) {
    const packageLines = new Map();
    const all = findings(report, { includePassed: true });
    const severities = options.severities;
    const selected = severities ? all.filter((finding) => severities.has(finding.severity)) : all;
    const lastOfRule = new Map();
    for (const finding of selected)
        lastOfRule.set(ruleIdOf(finding), finding);
    // Most runs accept nothing: then no finding's key is looked up (each lookup flattens the key).
    const suppressed = options.suppressed?.size ? options.suppressed : undefined;
    const ruleIndexes = new Map();
    for (const id of lastOfRule.keys())
        ruleIndexes.set(id, ruleIndexes.size);
    function* rules() {
        for (const finding of lastOfRule.values())
            yield ruleText(finding);
    }
    function* results() {
        for (const finding of selected) {
            const ruleId = ruleIdOf(finding);
            const reason = suppressed?.get(finding.key);
            yield resultText(finding, ruleIndexes.get(ruleId) ?? 0, packageLines, reason);
        }
    }
    return { rules: rules(), results: results() };
}
/**
 * A rule as Trivy's SARIF writes it, as JSON text: made only for the occurrence whose rule is
 * written (the last of its id).
 */
function ruleText(finding) {
    const parts = ruleParts(finding);
    const cls = finding.result.Class ?? '';
    const name = (Object.hasOwn(RULE_NAMES, cls) ? RULE_NAMES[cls] : undefined) ?? 'UnknownIssue';
    const helpUri = parts.helpUri ? `,"helpUri":"${parts.helpUri}"` : '';
    return `{"id":"${parts.id}","name":"${name}","shortDescription":{"text":"${parts.short}"},"fullDescription":{"text":"${parts.full}"},"defaultConfiguration":{"level":"${sarifLevel(finding.severity)}"}${helpUri},"help":{"text":"${parts.helpText}","markdown":"${parts.helpMarkdown}"},"properties":{"tags":["${parts.kind}","security","${findingText(finding).severity}"],"precision":"very-high","security-severity":"${parts.score}"${parts.cvss}}}`;
}
function ruleParts(finding) {
    const nominal = SEVERITY_SCORE[finding.severity];
    const severity = findingText(finding).severity;
    if (finding.misconfiguration) {
        const m = finding.misconfiguration;
        const [id, type, title, message, url, description] = escapeTexts(m.ID, m.Type, m.Title, m.Message, m.PrimaryURL, m.Description);
        const link = `[${id}](${url})`;
        return {
            id,
            kind: 'misconfiguration',
            short: title,
            full: description,
            helpUri: uriString(url),
            helpText: `Misconfiguration ${id}\\nType: ${type}\\nSeverity: ${severity}\\nCheck: ${title}\\nMessage: ${message}\\nLink: ${link}\\n${description}`,
            helpMarkdown: `**Misconfiguration ${id}**\\n| Type | Severity | Check | Message | Link |\\n| --- | --- | --- | --- | --- |\\n|${type}|${severity}|${title}|${message}|${link}|\\n\\n${description}`,
            score: nominal,
            cvss: '',
        };
    }
    if (finding.secret) {
        const s = finding.secret;
        const [id, title, match] = escapeTexts(s.RuleID, s.Title, s.Match);
        return {
            id,
            kind: 'secret',
            short: title,
            full: match,
            helpUri: BUILTIN_SECRET_RULES,
            helpText: `Secret ${title}\\nSeverity: ${severity}\\nMatch: ${match}`,
            helpMarkdown: `**Secret ${title}**\\n| Severity | Match |\\n| --- | --- |\\n|${severity}|${match}|`,
            score: nominal,
            cvss: '',
        };
    }
    if (finding.license) {
        const l = finding.license;
        const [name, pkgName, category, path, link] = escapeTexts(l.Name, l.PkgName, l.Category, l.FilePath, l.Link);
        const description = `${name} in ${pkgName}`;
        return {
            id: escapeText(ruleIdOf(finding)),
            kind: 'license',
            short: description,
            full: description,
            helpUri: uriString(link),
            helpText: `License ${name}\\nClassification: ${category}\\nPkgName: ${pkgName}\\nPath: ${path}`,
            helpMarkdown: `**License ${name}**\\n| PkgName | Classification | Path |\\n| --- | --- | --- |\\n|${pkgName}|${category}|${path}|`,
            score: nominal,
            cvss: '',
        };
    }
    const v = finding.vulnerability;
    const t = findingText(finding);
    const link = `[${t.id}](${t.primaryUrl})`;
    const cvss = v.SeveritySource ? v.CVSS?.[v.SeveritySource] : undefined;
    return {
        id: t.id,
        kind: 'vulnerability',
        short: t.title,
        full: t.description || t.title,
        helpUri: uriString(t.primaryUrl),
        helpText: `Vulnerability ${t.id}\\nSeverity: ${t.severity}\\nPackage: ${t.pkgName}\\nFixed Version: ${t.fixedVersion}\\nLink: ${link}\\n${t.description}`,
        helpMarkdown: `**Vulnerability ${t.id}**\\n| Severity | Package | Fixed Version | Link |\\n| --- | --- | --- | --- |\\n|${t.severity}|${t.pkgName}|${t.fixedVersion}|${link}|\\n\\n${t.description}`,
        // The score prefers CVSS v3 of the severity source over the severity's nominal score.
        score: cvss?.V3Score ? cvss.V3Score.toFixed(1) : nominal,
        cvss: cvss ? cvssProperties(cvss) : '',
    };
}
/** The severity source's non-empty CVSS fields, as Trivy adds them to a rule's properties. */
function cvssProperties(cvss) {
    let text = '';
    if (cvss.V2Vector)
        text += `,"cvssv2_vector":${json(cvss.V2Vector)}`;
    if (cvss.V2Score)
        text += `,"cvssv2_score":${json(cvss.V2Score)}`;
    if (cvss.V3Vector)
        text += `,"cvssv3_vector":${json(cvss.V3Vector)}`;
    if (cvss.V3Score)
        text += `,"cvssv3_baseScore":${json(cvss.V3Score)}`;
    if (cvss.V40Vector)
        text += `,"cvssv40_vector":${json(cvss.V40Vector)}`;
    if (cvss.V40Score)
        text += `,"cvssv40_baseScore":${json(cvss.V40Score)}`;
    return text;
}
const NO_LINES = [{ startLine: 1, endLine: 1 }];
/** One finding's result as JSON text: what it says, the lines it points at, and why it is accepted when it is. */
function resultText(finding, ruleIndex, packageLines, suppression) {
    const where = resultParts(finding, packageLines);
    const lines = where.lines.length > 0 ? where.lines : NO_LINES;
    const head = `{"physicalLocation":{"artifactLocation":{"uri":"${uriString(where.uri)}","uriBaseId":"ROOTPATH"},"region":{"startLine":`;
    const tail = `}},"message":{"text":"${where.locationMessage}"}}`;
    let locations = '';
    for (const line of lines) {
        const missing = line.startLine === 0 && line.endLine === 0;
        locations += `${locations ? ',' : ''}${head}${missing ? 1 : json(line.startLine)},"startColumn":1,"endLine":${missing ? 1 : json(line.endLine)},"endColumn":1${tail}`;
    }
    const suppressions = suppression === undefined ? '' : `,"suppressions":[{"kind":"external","status":"accepted","justification":${json(suppression)}}]`;
    return `{"ruleId":"${where.ruleId}","ruleIndex":${ruleIndex},"level":"${sarifLevel(finding.severity)}","message":{"text":"${where.message}"},"locations":[${locations}]${suppressions}}`;
}
/** What one finding's result says and where it points, every text escaped. */
function resultParts(finding, packageLines) {
    const result = finding.result;
    const severity = findingText(finding).severity;
    if (finding.misconfiguration) {
        const m = finding.misconfiguration;
        const uri = escapeText(clearUri(result.Target));
        const [id, message, url, type] = escapeTexts(m.ID, m.Message, m.PrimaryURL, result.Type);
        return {
            ruleId: id,
            message: `Artifact: ${uri}\\nType: ${type}\\nVulnerability ${id}\\nSeverity: ${severity}\\nMessage: ${message}\\nLink: [${id}](${url})`,
            uri,
            locationMessage: uri,
            lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
        };
    }
    if (finding.secret) {
        const s = finding.secret;
        const uri = escapeText(toPathUri(result.Target, result.Class));
        const [id, title, match, type] = escapeTexts(s.RuleID, s.Title, s.Match, result.Type);
        return {
            ruleId: id,
            message: `Artifact: ${escapeText(result.Target)}\\nType: ${type}\\nSecret ${title}\\nSeverity: ${severity}\\nMatch: ${match}`,
            uri,
            locationMessage: uri,
            lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
        };
    }
    if (finding.license) {
        const l = finding.license;
        const [name, pkgName, category, path] = escapeTexts(l.Name, l.PkgName, l.Category, l.FilePath);
        return {
            ruleId: escapeText(ruleIdOf(finding)),
            message: `Artifact: ${escapeText(result.Target)}\\nLicense ${name}\\nPkgName: ${pkgName}\\n Classification: ${category}\\n Path: ${path}`,
            uri: escapeText(toPathUri(result.Target, result.Class)),
            // Trivy gives license results no location message.
            locationMessage: '',
            lines: finding.startLine || finding.endLine ? [{ startLine: finding.startLine, endLine: finding.endLine }] : [],
        };
    }
    const v = finding.vulnerability;
    const t = findingText(finding);
    const rawPath = v.PkgPath ? toPathUri(v.PkgPath, result.Class) : toPathUri(finding.target, result.Class);
    const path = escapeText(rawPath);
    return {
        ruleId: t.id,
        message: `Package: ${t.pkgName}\\nInstalled Version: ${t.installedVersion}\\nVulnerability ${t.id}\\nSeverity: ${t.severity}\\nFixed Version: ${t.fixedVersion}\\nLink: [${t.id}](${t.primaryUrl})`,
        uri: path,
        locationMessage: `${path}: ${t.pkgName}@${t.installedVersion}`,
        lines: linesOf(finding, rawPath, packageLines),
    };
}
/** The log around its two lists, which `writeDocument` fills in (`listSlot`). */
function sarifLog(report, options, rules, results) {
    const run = {
        tool: {
            driver: {
                name: 'Trivy',
                fullName: 'Trivy Vulnerability Scanner',
                informationUri: 'https://github.com/aquasecurity/trivy',
                // Trivy always writes the version, empty when it has none.
                version: report.Trivy?.Version ?? '',
                rules,
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
/** Per result: its packages by `name@version` (Trivy takes the first), or undefined when none has a location. */
const PACKAGE_INDEXES = new WeakMap();
function packageIndex(result) {
    if (PACKAGE_INDEXES.has(result))
        return PACKAGE_INDEXES.get(result);
    let index;
    const packages = result.Packages ?? [];
    if (packages.some((pkg) => (pkg.Locations ?? []).length > 0)) {
        index = new Map();
        for (const pkg of packages) {
            const key = `${pkg.Name}@${pkg.Version ?? ''}`;
            if (!index.has(key))
                index.set(key, pkg);
        }
    }
    PACKAGE_INDEXES.set(result, index);
    return index;
}
const NO_LOCATIONS = [];
function linesOf(finding, path, cache) {
    // Most results (images, and every report without --list-all-pkgs) have no package locations at all.
    const index = packageIndex(finding.result);
    if (!index)
        return NO_LOCATIONS;
    const id = `${path}@${finding.pkgName}@${finding.installedVersion}`;
    let lines = cache.get(id);
    if (!lines) {
        // Trivy takes the first package of that name and version; an index keeps that O(1) per finding.
        const pkg = index.get(`${finding.pkgName}@${finding.installedVersion}`);
        // Trivy omits a zero line (omitempty): a missing line is 0, as Trivy reads it.
        lines = (pkg?.Locations ?? []).map((l) => ({ startLine: l.StartLine ?? 0, endLine: l.EndLine ?? 0 }));
        cache.set(id, lines);
    }
    return lines;
}
const DISTRO_SUFFIX = /^(.+?)(?:\s*\((?:.*?)\).*?)?$/s;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
/** OS package targets name an image (`repo:tag (alpine 3.10)`); Trivy reduces them to the repository path. */
function toPathUri(input, resultClass) {
    if (resultClass !== 'os-pkgs')
        return input;
    // Every OS finding repeats the same target: the regular expressions run once per target.
    const known = PATH_URIS.get(input);
    if (known !== undefined)
        return known;
    const uri = osPathUri(input);
    if (PATH_URIS.size > 1000)
        PATH_URIS.clear();
    PATH_URIS.set(input, uri);
    return uri;
}
const PATH_URIS = new Map();
function osPathUri(input) {
    const path = DISTRO_SUFFIX.exec(input)?.[1] ?? input;
    return clearUri(imageRepository(path) ?? path);
}
/**
 * Trivy's clearURI: forward slashes, and Terraform module sources (`git::`, `git@github.com:`,
 * `hg::`, `s3::`, `gcs::`) written as the URL they name.
 */
function clearUri(value) {
    let s = value.replaceAll('\\', '/');
    if (s.startsWith('git@github.com:')) {
        s = s.replaceAll('git@github.com:', 'github.com/').replaceAll('.git', '').replaceAll('?ref=', '/tree/');
    }
    else if (s.startsWith('git::https:/') && !s.startsWith('git::https://')) {
        s = s.slice('git::https:/'.length).replaceAll('.git', '');
    }
    else if (s.startsWith('git::ssh://')) {
        const at = s.indexOf('@');
        if (at >= 0)
            s = s.slice(at + 1);
        s = s.replaceAll('.git', '');
    }
    else if (s.startsWith('git::')) {
        s = s.slice('git::'.length).replaceAll('.git', '');
    }
    else if (s.startsWith('hg::')) {
        s = s.slice('hg::'.length).replaceAll('.hg', '');
    }
    else if (s.startsWith('s3::')) {
        s = s.slice('s3::'.length);
    }
    else if (s.startsWith('gcs::')) {
        s = s.slice('gcs::'.length);
    }
    return s;
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

;// CONCATENATED MODULE: ./src/core/scan/gitlab.ts






/** GitLab container-scanning report, schema 15.x. 15.0.7 is what GitLab instances back to 15.0 accept. */
const GITLAB_REPORT_VERSION = '15.0.7';
/** What GitLab's own secrets analyzer writes when a finding is not tied to a commit of the history. */
const NO_COMMIT = '0000000';
const NAME_LIMIT = 255;
const DESCRIPTION_LIMIT = 1_048_576;
const CVSS3 = /^CVSS:3[.][01]\//;
const gitlab_BUILTIN_SECRET_RULES = 'https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go';
/** Which GitLab report each class goes to: licenses have none (GitLab reads them from the CycloneDX SBOM). */
const GITLAB_REPORT_OF = {
    vulnerability: 'container_scanning',
    secret: 'secret_detection',
    misconfiguration: 'sast',
    license: undefined,
};
/**
 * The image and OS every container-scanning finding is filed under, chosen as Trivy's
 * contrib/gitlab.tpl chooses them: from the OS-packages result, for language packages too
 * (GitLab fingerprints a location by image and package, so a jar CVE in two images stays two).
 * Where the template has no OS-packages result it writes "Unknown"; we use the artifact name of
 * an image scan first. The OS is everything in the target's outer parentheses, so
 * `amazon 2 (Karoo)` stays whole (the template's last-"(" split leaves `Karoo)`).
 */
function gitlabImageAndOs(report) {
    const os = [...(report.Results ?? [])].reverse().find((result) => result.Class === 'os-pkgs');
    if (os) {
        const image = /[^\s]+/.exec(os.Target)?.[0] ?? 'Unknown';
        const open = os.Target.indexOf('(');
        const inside = open >= 0 ? os.Target.slice(open + 1).replace(/\)\s*$/, '') : '';
        return { image, operatingSystem: inside || metadataOs(report) || 'Unknown' };
    }
    if (report.ArtifactType === 'container_image')
        return { image: report.ArtifactName, operatingSystem: metadataOs(report) || 'Unknown' };
    return { image: 'Unknown', operatingSystem: 'Unknown' };
}
function metadataOs(report) {
    const os = report.Metadata?.OS;
    return [os?.Family, os?.Name].filter(Boolean).join(' ');
}
/**
 * Renders the report in the shape of Trivy's contrib/gitlab.tpl, with two fixes GitLab
 * needs: ids are unique per finding (the template repeats the CVE id for every package,
 * which GitLab deduplicates away) and fields respect the schema's limits and patterns.
 * `type` picks the report: vulnerabilities (container_scanning), secrets (secret_detection)
 * or misconfigurations (sast, where GitLab's own IaC scanning files them). The document
 * `writeGitLab` writes, read back.
 */
function renderGitLab(report, options = {}, type = 'container_scanning') {
    return JSON.parse(renderGitLabText(report, options, type));
}
/** Writes the GitLab report as JSON text vulnerability by vulnerability (each composed as text, not stringified). */
function writeGitLab(out, report, options = {}, type = 'container_scanning') {
    const vulnerabilities = gitlabList(report, options, type);
    writeDocument(out, gitlabEnvelope(report, options, type, listSlot('vulnerabilities')), { vulnerabilities });
}
function renderGitLabText(report, options = {}, type = 'container_scanning') {
    return collect((out) => writeGitLab(out, report, options, type));
}
function gitlabEnvelope(report, options, type, vulnerabilities) {
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
            type,
        },
        vulnerabilities,
        remediations: [],
    };
}
/** Lazily: each vulnerability's text is made when the writer asks for it. */
function* gitlabList(report, options, type) {
    const place = gitlabImageAndOs(report);
    // Every finding of a report has the same image and OS: escaped once.
    const placeText = `"operating_system":${json(place.operatingSystem)},"image":${json(place.image)}`;
    const imageOf = (finding) => (finding.class === 'vulnerability' ? place.image : '');
    const occurrences = idOccurrences(imageOf);
    for (const finding of findings(report)) {
        if (GITLAB_REPORT_OF[finding.class] !== type)
            continue;
        let id = findingUuid(finding, imageOf(finding));
        // A report that lists the very same finding twice still gets distinct ids (GitLab drops duplicates).
        const count = occurrences(finding, id);
        if (count > 0)
            id = `${id.slice(0, 24)}${(0,external_node_crypto_.hash)('sha256', `${id}#${count}`).slice(0, 12)}`;
        if (finding.secret)
            yield json(secretVulnerability(finding, id, options.commitSha || NO_COMMIT));
        else if (finding.misconfiguration)
            yield json(misconfigurationVulnerability(finding, id));
        else
            yield vulnerabilityText(finding, id, placeText);
    }
}
/**
 * How often each id was seen before, exactly, without keeping 20,000 id strings alive (which
 * made V8 double its young generation): findings are remembered by the id's first 28 bits, and
 * only ids whose prefix is shared are counted by their text (the first one's id is made again).
 */
function idOccurrences(imageOf) {
    const firstOfPrefix = new Map();
    const exact = new Map();
    return (finding, id) => {
        const prefix = Number.parseInt(id.slice(0, 7), 16);
        if (!firstOfPrefix.has(prefix)) {
            firstOfPrefix.set(prefix, finding);
            return 0;
        }
        const first = firstOfPrefix.get(prefix);
        if (first) {
            exact.set(findingUuid(first, imageOf(first)), 1);
            firstOfPrefix.set(prefix, undefined);
        }
        const count = exact.get(id) ?? 0;
        exact.set(id, count + 1);
        return count;
    };
}
/**
 * A container-scanning vulnerability (one per finding, the bulk of the report) as JSON text,
 * composed from the finding's escaped fields: `id`, name, description, severity, solution,
 * the package in the image and OS (`placeText`), the identifier, links and CVSS v3 vectors.
 */
function vulnerabilityText(finding, id, placeText) {
    const v = finding.vulnerability;
    const t = findingText(finding);
    // The parser has made sure Title and Description are strings where present.
    const rawName = v.Title || finding.id;
    const name = rawName.length > NAME_LIMIT ? escapeText(truncate(rawName, NAME_LIMIT)) : v.Title ? t.title : t.id;
    const description = (v.Description?.length ?? 0) > DESCRIPTION_LIMIT ? escapeText(truncate(v.Description, DESCRIPTION_LIMIT)) : t.description;
    const solution = finding.fixedVersion ? `Upgrade ${t.pkgName} to ${t.fixedVersion}` : 'No solution provided';
    let vectors = '';
    let count = 0;
    for (const vendor in v.CVSS ?? {}) {
        const vector = v.CVSS?.[vendor]?.V3Vector;
        if (!vector || !CVSS3.test(vector) || count === 10)
            continue;
        vectors += `${count++ > 0 ? ',' : ''}{"vendor":${json(vendor)},"vector":${json(vector)}}`;
    }
    let links = '';
    for (const url of linkUrls(v.References))
        links += `${links ? ',' : ''}{"url":${json(url)}}`;
    const url = v.PrimaryURL && isLink(v.PrimaryURL) ? `,"url":"${t.primaryUrl}"` : '';
    return `{"id":"${id}","name":"${name}","description":"${description}","severity":"${titleCase(finding.severity)}","solution":"${solution}","location":{"dependency":{"package":{"name":"${t.pkgName}"},"version":"${t.installedVersion}"},${placeText}},"identifiers":[{"type":"${identifierType(finding.id)}","name":"${t.id}","value":"${t.id}"${url}}],"links":[${links}]${vectors ? `,"cvss_vectors":[${vectors}]` : ''}}`;
}
/** A secret: file and lines, the rule as identifier; never the matched text (Trivy masks it, and a report is no place for it anyway). */
function secretVulnerability(finding, id, sha) {
    const s = finding.secret;
    return {
        id,
        name: truncate(s.Title || s.RuleID, NAME_LIMIT),
        description: truncate(`${s.Title || s.RuleID}${s.Category ? ` (${s.Category})` : ''} found in ${finding.target}${finding.startLine ? ` at line ${finding.startLine}` : ''}.`, DESCRIPTION_LIMIT),
        severity: titleCase(finding.severity),
        solution: 'Revoke and rotate the secret, then remove it from the file and from the history.',
        location: { file: finding.target, ...lines(finding), commit: { sha } },
        identifiers: [{ type: 'trivy_secret_rule', name: `Trivy secret rule ${s.RuleID}`, value: s.RuleID, url: gitlab_BUILTIN_SECRET_RULES }],
        links: [],
    };
}
function misconfigurationVulnerability(finding, id) {
    const m = finding.misconfiguration;
    const url = m.PrimaryURL && isLink(m.PrimaryURL) ? { url: m.PrimaryURL } : {};
    return {
        id,
        name: truncate(m.Title || m.ID, NAME_LIMIT),
        description: truncate([m.Description, m.Message].filter(Boolean).join('\n\n'), DESCRIPTION_LIMIT),
        severity: titleCase(finding.severity),
        ...(m.Resolution ? { solution: m.Resolution } : {}),
        location: { file: clearUri(finding.target), ...lines(finding) },
        identifiers: [{ type: 'trivy', name: m.ID, value: m.ID, ...url }],
        links: linkUrls(m.References).map((url) => ({ url })),
    };
}
function lines(finding) {
    return finding.startLine > 0 ? { start_line: finding.startLine, end_line: Math.max(finding.endLine, finding.startLine) } : {};
}
/** The references that are links (a reference's first word), in order. */
function linkUrls(references) {
    const out = [];
    for (const reference of references ?? []) {
        const space = reference.indexOf(' ');
        const url = space < 0 ? reference : reference.slice(0, space);
        if (isLink(url))
            out.push(url);
    }
    return out;
}
/** The schema's link pattern, `^(https?|ftp)://.+`, without a regular expression per reference. */
function isLink(text) {
    if (typeof text !== 'string')
        return false;
    const scheme = text.startsWith('https://') ? 8 : text.startsWith('http://') ? 7 : text.startsWith('ftp://') ? 6 : 0;
    if (scheme === 0 || text.length <= scheme)
        return false;
    const next = text.charCodeAt(scheme);
    // `.` matches anything but a line terminator.
    return next !== 0x0a && next !== 0x0d && next !== 0x2028 && next !== 0x2029;
}
/** A UUID-shaped id derived from what makes a finding distinct, so it is stable across renders and unique within one. */
function findingUuid(finding, image) {
    const hex = (0,external_node_crypto_.hash)('sha256', `${image}\0${finding.class}\0${finding.target}\0${finding.pkgName}\0${finding.installedVersion}\0${finding.vulnerability?.PkgPath ?? ''}\0${finding.id}\0${finding.startLine}`);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** The id's leading letters before a dash (`^([A-Za-z]+)-`), lower-cased: `cve`, `ghsa`; else `trivy`. */
function identifierType(id) {
    let end = 0;
    while (end < id.length && (id.charCodeAt(end) | 0x20) >= 0x61 && (id.charCodeAt(end) | 0x20) <= 0x7a)
        end++;
    return end > 0 && id.charCodeAt(end) === 0x2d ? id.slice(0, end).toLowerCase() : 'trivy';
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

;// CONCATENATED MODULE: ./node_modules/spdx-license-ids/index.json
const spdx_license_ids_namespaceObject = /*#__PURE__*/JSON.parse('["0BSD","3D-Slicer-1.0","AAL","ADSL","AFL-1.1","AFL-1.2","AFL-2.0","AFL-2.1","AFL-3.0","AGPL-1.0-only","AGPL-1.0-or-later","AGPL-3.0-only","AGPL-3.0-or-later","ALGLIB-Documentation","AMD-newlib","AMDPLPA","AML","AML-glslang","AMPAS","ANTLR-PD","ANTLR-PD-fallback","APAFML","APL-1.0","APSL-1.0","APSL-1.1","APSL-1.2","APSL-2.0","ASWF-Digital-Assets-1.0","ASWF-Digital-Assets-1.1","Abstyles","AdaCore-doc","Adobe-2006","Adobe-Display-PostScript","Adobe-Glyph","Adobe-Utopia","Advanced-Cryptics-Dictionary","Afmparse","Aladdin","Apache-1.0","Apache-1.1","Apache-2.0","App-s2p","Arphic-1999","Artistic-1.0","Artistic-1.0-Perl","Artistic-1.0-cl8","Artistic-2.0","Artistic-dist","Aspell-RU","BOLA-1.1","BSD-1-Clause","BSD-2-Clause","BSD-2-Clause-Darwin","BSD-2-Clause-Patent","BSD-2-Clause-Views","BSD-2-Clause-first-lines","BSD-2-Clause-pkgconf-disclaimer","BSD-2-Clause-pos-unchanged","BSD-3-Clause","BSD-3-Clause-Attribution","BSD-3-Clause-Clear","BSD-3-Clause-HP","BSD-3-Clause-LBNL","BSD-3-Clause-Modification","BSD-3-Clause-No-Military-License","BSD-3-Clause-No-Nuclear-License","BSD-3-Clause-No-Nuclear-License-2014","BSD-3-Clause-No-Nuclear-Warranty","BSD-3-Clause-Open-MPI","BSD-3-Clause-OpenWebUI","BSD-3-Clause-Sun","BSD-3-Clause-Tso","BSD-3-Clause-acpica","BSD-3-Clause-flex","BSD-4-Clause","BSD-4-Clause-Shortened","BSD-4-Clause-UC","BSD-4.3RENO","BSD-4.3TAHOE","BSD-Advertising-Acknowledgement","BSD-Attribution-HPND-disclaimer","BSD-Inferno-Nettverk","BSD-Mark-Modifications","BSD-Protection","BSD-Source-Code","BSD-Source-Code-no-disclaimer","BSD-Source-alt-GPL","BSD-Source-beginning-file","BSD-Systemics","BSD-Systemics-W3Works","BSD-ask-to-endorse","BSL-1.0","BUSL-1.1","Baekmuk","Bahyph","Barr","Beerware","BitTorrent-1.0","BitTorrent-1.1","Bitstream-Charter","Bitstream-Vera","BlueOak-1.0.0","Boehm-GC","Boehm-GC-without-fee","Borceux","Brian-Gladman-2-Clause","Brian-Gladman-3-Clause","Brian-Gladman-3-Clause-no-conversion","Buddy","Bugroff","C-UDA-1.0","CAL-1.0","CAL-1.0-Combined-Work-Exception","CAPEC-tou","CATOSL-1.1","CC-BY-1.0","CC-BY-2.0","CC-BY-2.5","CC-BY-2.5-AU","CC-BY-3.0","CC-BY-3.0-AT","CC-BY-3.0-AU","CC-BY-3.0-DE","CC-BY-3.0-IGO","CC-BY-3.0-NL","CC-BY-3.0-US","CC-BY-4.0","CC-BY-NC-1.0","CC-BY-NC-2.0","CC-BY-NC-2.5","CC-BY-NC-3.0","CC-BY-NC-3.0-DE","CC-BY-NC-3.0-IGO","CC-BY-NC-4.0","CC-BY-NC-ND-1.0","CC-BY-NC-ND-2.0","CC-BY-NC-ND-2.5","CC-BY-NC-ND-3.0","CC-BY-NC-ND-3.0-DE","CC-BY-NC-ND-3.0-IGO","CC-BY-NC-ND-4.0","CC-BY-NC-SA-1.0","CC-BY-NC-SA-2.0","CC-BY-NC-SA-2.0-DE","CC-BY-NC-SA-2.0-FR","CC-BY-NC-SA-2.0-UK","CC-BY-NC-SA-2.5","CC-BY-NC-SA-3.0","CC-BY-NC-SA-3.0-DE","CC-BY-NC-SA-3.0-IGO","CC-BY-NC-SA-4.0","CC-BY-ND-1.0","CC-BY-ND-2.0","CC-BY-ND-2.5","CC-BY-ND-3.0","CC-BY-ND-3.0-DE","CC-BY-ND-4.0","CC-BY-SA-1.0","CC-BY-SA-2.0","CC-BY-SA-2.0-UK","CC-BY-SA-2.1-JP","CC-BY-SA-2.5","CC-BY-SA-3.0","CC-BY-SA-3.0-AT","CC-BY-SA-3.0-DE","CC-BY-SA-3.0-IGO","CC-BY-SA-4.0","CC-PDDC","CC-PDM-1.0","CC-SA-1.0","CC0-1.0","CDDL-1.0","CDDL-1.1","CDL-1.0","CDLA-Permissive-1.0","CDLA-Permissive-2.0","CDLA-Sharing-1.0","CECILL-1.0","CECILL-1.1","CECILL-2.0","CECILL-2.1","CECILL-B","CECILL-C","CERN-OHL-1.1","CERN-OHL-1.2","CERN-OHL-P-2.0","CERN-OHL-S-2.0","CERN-OHL-W-2.0","CFITSIO","CMU-Mach","CMU-Mach-nodoc","CNRI-Jython","CNRI-Python","CNRI-Python-GPL-Compatible","COIL-1.0","CPAL-1.0","CPL-1.0","CPOL-1.02","CUA-OPL-1.0","Caldera","Caldera-no-preamble","Catharon","ClArtistic","Clips","Community-Spec-1.0","Condor-1.1","Cornell-Lossless-JPEG","Cronyx","Crossword","CryptoSwift","CrystalStacker","Cube","D-FSL-1.0","DEC-3-Clause","DL-DE-BY-2.0","DL-DE-ZERO-2.0","DOC","DRL-1.0","DRL-1.1","DSDP","DocBook-DTD","DocBook-Schema","DocBook-Stylesheet","DocBook-XML","Dotseqn","ECL-1.0","ECL-2.0","EFL-1.0","EFL-2.0","EPICS","EPL-1.0","EPL-2.0","ESA-PL-permissive-2.4","ESA-PL-strong-copyleft-2.4","ESA-PL-weak-copyleft-2.4","EUDatagrid","EUPL-1.0","EUPL-1.1","EUPL-1.2","Elastic-2.0","Entessa","ErlPL-1.1","Eurosym","FBM","FDK-AAC","FDK-MPEG-H","FSFAP","FSFAP-no-warranty-disclaimer","FSFUL","FSFULLR","FSFULLRSD","FSFULLRWD","FSL-1.1-ALv2","FSL-1.1-MIT","FTL","Fair","Ferguson-Twofish","Frameworx-1.0","FreeBSD-DOC","FreeImage","Furuseth","GCR-docs","GD","GFDL-1.1-invariants-only","GFDL-1.1-invariants-or-later","GFDL-1.1-no-invariants-only","GFDL-1.1-no-invariants-or-later","GFDL-1.1-only","GFDL-1.1-or-later","GFDL-1.2-invariants-only","GFDL-1.2-invariants-or-later","GFDL-1.2-no-invariants-only","GFDL-1.2-no-invariants-or-later","GFDL-1.2-only","GFDL-1.2-or-later","GFDL-1.3-invariants-only","GFDL-1.3-invariants-or-later","GFDL-1.3-no-invariants-only","GFDL-1.3-no-invariants-or-later","GFDL-1.3-only","GFDL-1.3-or-later","GL2PS","GLWTPL","GPL-1.0-only","GPL-1.0-or-later","GPL-2.0-only","GPL-2.0-or-later","GPL-3.0-only","GPL-3.0-or-later","Game-Programming-Gems","Giftware","Glide","Glulxe","Graphics-Gems","Gutmann","HDF5","HIDAPI","HP-1986","HP-1989","HPND","HPND-DEC","HPND-Fenneberg-Livingston","HPND-INRIA-IMAG","HPND-Intel","HPND-Kevlin-Henney","HPND-MIT-disclaimer","HPND-Markus-Kuhn","HPND-Netrek","HPND-Pbmplus","HPND-SMC","HPND-UC","HPND-UC-export-US","HPND-doc","HPND-doc-sell","HPND-export-US","HPND-export-US-acknowledgement","HPND-export-US-modify","HPND-export2-US","HPND-merchantability-variant","HPND-sell-MIT-disclaimer-xserver","HPND-sell-regexpr","HPND-sell-variant","HPND-sell-variant-MIT-disclaimer","HPND-sell-variant-MIT-disclaimer-rev","HPND-sell-variant-critical-systems","HTMLTIDY","HaskellReport","Hippocratic-2.1","Hippocratic-3.0-core","IBM-pibs","ICU","IEC-Code-Components-EULA","IJG","IJG-short","IPA","IPL-1.0","ISC","ISC-Veillard","ISO-permission","ImageMagick","Imlib2","Info-ZIP","Informatica","Inner-Net-2.0","InnoSetup","Intel","Intel-ACPI","Interbase-1.0","JPL-image","JPNIC","JSON","Jam","JasPer-2.0","Kastrup","Kazlib","Knuth-CTAN","LAL-1.2","LAL-1.3","LGPL-2.0-only","LGPL-2.0-or-later","LGPL-2.1-only","LGPL-2.1-or-later","LGPL-3.0-only","LGPL-3.0-or-later","LGPLLR","LOOP","LPD-document","LPL-1.0","LPL-1.02","LPPL-1.0","LPPL-1.1","LPPL-1.2","LPPL-1.3a","LPPL-1.3c","LZMA-SDK-9.11-to-9.20","LZMA-SDK-9.22","Latex2e","Latex2e-translated-notice","Leptonica","LiLiQ-P-1.1","LiLiQ-R-1.1","LiLiQ-Rplus-1.1","Libpng","Linux-OpenIB","Linux-man-pages-1-para","Linux-man-pages-copyleft","Linux-man-pages-copyleft-2-para","Linux-man-pages-copyleft-var","Lucida-Bitmap-Fonts","MIPS","MIT","MIT-0","MIT-CMU","MIT-Click","MIT-Festival","MIT-Khronos-old","MIT-Modern-Variant","MIT-STK","MIT-Wu","MIT-advertising","MIT-enna","MIT-feh","MIT-open-group","MIT-testregex","MITNFA","MMIXware","MMPL-1.0.1","MPEG-SSG","MPL-1.0","MPL-1.1","MPL-2.0","MPL-2.0-no-copyleft-exception","MS-LPL","MS-PL","MS-RL","MTLL","MVT-1.1","Mackerras-3-Clause","Mackerras-3-Clause-acknowledgment","MakeIndex","Martin-Birgmeier","McPhee-slideshow","Minpack","MirOS","Motosoto","MulanPSL-1.0","MulanPSL-2.0","Multics","Mup","NAIST-2003","NASA-1.3","NBPL-1.0","NCBI-PD","NCGL-UK-2.0","NCL","NCSA","NGPL","NICTA-1.0","NIST-PD","NIST-PD-TNT","NIST-PD-fallback","NIST-Software","NLOD-1.0","NLOD-2.0","NLPL","NOSL","NPL-1.0","NPL-1.1","NPOSL-3.0","NRL","NTIA-PD","NTP","NTP-0","Naumen","NetCDF","Newsletr","Nokia","Noweb","O-UDA-1.0","OAR","OCCT-PL","OCLC-2.0","ODC-By-1.0","ODbL-1.0","OFFIS","OFL-1.0","OFL-1.0-RFN","OFL-1.0-no-RFN","OFL-1.1","OFL-1.1-RFN","OFL-1.1-no-RFN","OGC-1.0","OGDL-Taiwan-1.0","OGL-Canada-2.0","OGL-UK-1.0","OGL-UK-2.0","OGL-UK-3.0","OGTSL","OLDAP-1.1","OLDAP-1.2","OLDAP-1.3","OLDAP-1.4","OLDAP-2.0","OLDAP-2.0.1","OLDAP-2.1","OLDAP-2.2","OLDAP-2.2.1","OLDAP-2.2.2","OLDAP-2.3","OLDAP-2.4","OLDAP-2.5","OLDAP-2.6","OLDAP-2.7","OLDAP-2.8","OLFL-1.3","OML","OPL-1.0","OPL-UK-3.0","OPUBL-1.0","OSC-1.0","OSET-PL-2.1","OSL-1.0","OSL-1.1","OSL-2.0","OSL-2.1","OSL-3.0","OSSP","OpenMDW-1.0","OpenPBS-2.3","OpenSSL","OpenSSL-standalone","OpenVision","PADL","PDDL-1.0","PHP-3.0","PHP-3.01","PPL","PSF-2.0","ParaType-Free-Font-1.3","Parity-6.0.0","Parity-7.0.0","Pixar","Plexus","PolyForm-Noncommercial-1.0.0","PolyForm-Small-Business-1.0.0","PostgreSQL","Python-2.0","Python-2.0.1","QPL-1.0","QPL-1.0-INRIA-2004","Qhull","RHeCos-1.1","RPL-1.1","RPL-1.5","RPSL-1.0","RSA-MD","RSCPL","Rdisc","Ruby","Ruby-pty","SAX-PD","SAX-PD-2.0","SCEA","SGI-B-1.0","SGI-B-1.1","SGI-B-2.0","SGI-OpenGL","SGMLUG-PM","SGP4","SHL-0.5","SHL-0.51","SISSL","SISSL-1.2","SL","SMAIL-GPL","SMLNJ","SMPPL","SNIA","SOFA","SPL-1.0","SSH-OpenSSH","SSH-short","SSLeay-standalone","SSPL-1.0","SUL-1.0","SWL","Saxpath","SchemeReport","Sendmail","Sendmail-8.23","Sendmail-Open-Source-1.1","SimPL-2.0","Sleepycat","Soundex","Spencer-86","Spencer-94","Spencer-99","SugarCRM-1.1.3","Sun-PPP","Sun-PPP-2000","SunPro","Symlinks","TAPR-OHL-1.0","TCL","TCP-wrappers","TGPPL-1.0","TMate","TORQUE-1.1","TOSL","TPDL","TPL-1.0","TTWL","TTYP0","TU-Berlin-1.0","TU-Berlin-2.0","TekHVC","TermReadKey","ThirdEye","TrustedQSL","UCAR","UCL-1.0","UMich-Merit","UPL-1.0","URT-RLE","Ubuntu-font-1.0","UnRAR","Unicode-3.0","Unicode-DFS-2015","Unicode-DFS-2016","Unicode-TOU","UnixCrypt","Unlicense","Unlicense-libtelnet","Unlicense-libwhirlpool","VOSTROM","VSL-1.0","Vim","Vixie-Cron","W3C","W3C-19980720","W3C-20150513","WTFNMFPL","WTFPL","Watcom-1.0","Widget-Workshop","WordNet","Wsuipa","X11","X11-distribute-modifications-variant","X11-no-permit-persons","X11-swapped","XFree86-1.1","XSkat","Xdebug-1.03","Xerox","Xfig","Xnet","YPL-1.0","YPL-1.1","ZPL-1.1","ZPL-2.0","ZPL-2.1","Zed","Zeeff","Zend-2.0","Zimbra-1.3","Zimbra-1.4","Zlib","any-OSI","any-OSI-perl-modules","atc-game","bcrypt-Solar-Designer","blessing","bzip2-1.0.6","check-cvs","checkmk","copyleft-next-0.3.0","copyleft-next-0.3.1","curl","cve-tou","diffmark","dtoa","dvipdfm","eGenix","etalab-2.0","fwlw","gSOAP-1.3b","generic-xts","gnuplot","gtkbook","hdparm","hyphen-bulgarian","iMatix","jove","libpng-1.6.35","libpng-2.0","libselinux-1.0","libtiff","libutil-David-Nugent","lsof","magaz","mailprio","man2html","metamail","mpi-permissive","mpich2","mplus","ngrep","pkgconf","pnmstitch","psfrag","psutils","python-ldap","radvd","snprintf","softSurfer","ssh-keyscan","swrule","threeparttable","ulem","w3m","wwl","xinetd","xkeyboard-config-Zinoviev","xlock","xpp","xzoom","zlib-acknowledgement"]');
;// CONCATENATED MODULE: ./src/core/scan/sbom.ts





const SPDX_IDS = new Map(spdx_license_ids_namespaceObject.map((id) => [id.toLowerCase(), id]));
const TIME_LAYOUT = (date) => `${date.toISOString().slice(0, 19)}+00:00`;
/** Why an SBOM from this report would be partial, or undefined when the report lists its packages. */
function partialReason(report) {
    const results = report.Results ?? [];
    const withPackages = results.some((result) => (result.Packages ?? []).length > 0);
    const withVulnerabilities = results.some((result) => (result.Vulnerabilities ?? []).length > 0);
    if (withPackages || !withVulnerabilities)
        return undefined;
    return 'the Trivy report has no package list (it was made without --list-all-pkgs), so only the packages with vulnerabilities are listed';
}
/**
 * The packages of the report: Results[].Packages when Trivy listed them (`--list-all-pkgs`,
 * which our scan passes), otherwise the packages named by vulnerabilities. Deduplicated.
 */
function sbomContent(report) {
    // Both SBOMs ask; a report is read-only once parsed, so one content per report serves them.
    let content = SBOM_CONTENTS.get(report);
    if (!content) {
        content = collectSbomContent(report);
        SBOM_CONTENTS.set(report, content);
    }
    return content;
}
const SBOM_CONTENTS = new WeakMap();
/** One empty list for every package without licenses or dependencies (20,000 arrays fewer). */
// Shared by every package without licenses or dependencies: frozen, so a caller that pushed to it would fail loudly.
const NONE = Object.freeze([]);
function collectSbomContent(report) {
    const byRef = new Map();
    const targets = [];
    (report.Results ?? []).forEach((result, index) => {
        const listedPackages = result.Packages ?? [];
        const vulnerabilities = result.Vulnerabilities ?? [];
        if (listedPackages.length === 0 && vulnerabilities.length === 0)
            return;
        const targetRef = uuid(report, `target:${index}:${result.Target}`);
        targets.push({ ref: targetRef, result });
        const add = (pkg, purl) => {
            const version = pkg.Version ?? '';
            const ref = purl ?? `${result.Target}:${pkg.Name}@${version}`;
            if (byRef.has(ref))
                return;
            const made = {
                ref,
                name: pkg.Name,
                version,
                pkgId: pkg.ID ?? `${pkg.Name}@${version}`,
                licenses: pkg.Licenses ?? NONE,
                target: result.Target,
                targetRef,
                dependsOn: pkg.DependsOn ?? NONE,
            };
            if (purl)
                made.purl = purl;
            if (pkg.Relationship)
                made.relationship = pkg.Relationship;
            byRef.set(ref, made);
        };
        const listed = new Set();
        for (const pkg of listedPackages) {
            listed.add(`${pkg.Name}@${pkg.Version ?? ''}`);
        }
        // The listed packages first, then those only vulnerabilities name (each once).
        for (const pkg of listedPackages)
            add(pkg, pkg.Identifier?.PURL || undefined);
        for (const vulnerability of vulnerabilities) {
            const id = `${vulnerability.PkgName}@${vulnerability.InstalledVersion}`;
            if (listed.has(id))
                continue;
            listed.add(id);
            add({ ID: vulnerability.PkgID, Name: vulnerability.PkgName, Version: vulnerability.InstalledVersion }, vulnerability.PkgIdentifier?.PURL || undefined);
        }
    });
    const partial = partialReason(report);
    return { packages: [...byRef.values()], targets, ...(partial ? { partial } : {}) };
}
/** A UUID derived from the report, so rendering the same report twice gives the same document. */
function uuid(report, salt) {
    const hex = (0,external_node_crypto_.createHash)('sha256')
        .update([salt, report.ArtifactName, report.CreatedAt ?? '', report.ReportID ?? ''].join('\0'))
        .digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function reportDate(report, now) {
    const parsed = report.CreatedAt ? new Date(report.CreatedAt) : undefined;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
}
/** An SPDX license id (`{id}`), an SPDX expression (`{expression}`), or a name as Trivy found it (`{name}`). */
function cycloneDxLicense(name) {
    const id = SPDX_IDS.get(name.trim().toLowerCase());
    if (id)
        return { license: { id } };
    const parts = name.split(/\s+(?:AND|OR|WITH)\s+/);
    if (parts.length > 1 && parts.every((part) => SPDX_IDS.has(part.replace(/[()]/g, '').trim().toLowerCase()) || /exception/i.test(part)))
        return { expression: name };
    return { license: { name } };
}
const VENDOR_SEVERITY = ['unknown', 'low', 'medium', 'high', 'critical'];
function cycloneDxRatings(v) {
    const ratings = [];
    const vendors = v.VendorSeverity;
    if (vendors) {
        for (const source in vendors)
            addRatings(ratings, v, source, VENDOR_SEVERITY[vendors[source]] ?? 'unknown');
    }
    else if (v.SeveritySource) {
        // No per-source severities: the severity source's, as Trivy reads it (no object to loop over for one source).
        addRatings(ratings, v, v.SeveritySource, VENDOR_SEVERITY[VENDOR_SEVERITY.indexOf(v.Severity.toLowerCase())] ?? 'unknown');
    }
    if (ratings.length > 1)
        ratings.sort(compareRatings);
    return ratings;
}
/** One source's ratings: one per CVSS version it has, else one with the severity only. */
function addRatings(ratings, v, source, severity) {
    const cvss = v.CVSS?.[source];
    if (!cvss) {
        ratings.push({ source: { name: source }, severity });
        return;
    }
    // Trivy keeps NVD's v3 severity only; the v2 one follows from the v2 score.
    if (cvss.V2Score || cvss.V2Vector)
        ratings.push(scored(source, cvss.V2Score, source === 'nvd' ? nvdV2Severity(cvss.V2Score ?? 0) : severity, 'CVSSv2', cvss.V2Vector));
    if (cvss.V3Score || cvss.V3Vector)
        ratings.push(scored(source, cvss.V3Score, severity, cvss.V3Vector?.startsWith('CVSS:3.1') ? 'CVSSv31' : 'CVSSv3', cvss.V3Vector));
    if (cvss.V40Score || cvss.V40Vector)
        ratings.push(scored(source, cvss.V40Score, severity, 'CVSSv4', cvss.V40Vector));
}
function scored(source, score, severity, method, vector) {
    const rating = { source: { name: source }, score: score ?? 0, severity, method };
    if (vector)
        rating.vector = vector;
    return rating;
}
/** Go's sort order of Trivy's: source name, method, score, vector (byte order, not locale). */
function compareRatings(a, b) {
    if (a.source.name !== b.source.name)
        return a.source.name < b.source.name ? -1 : 1;
    const am = a.method ?? '';
    const bm = b.method ?? '';
    if (am !== bm)
        return am < bm ? -1 : 1;
    if (a.score !== undefined && b.score !== undefined && a.score !== b.score)
        return a.score - b.score;
    const av = a.vector ?? '';
    const bv = b.vector ?? '';
    return av < bv ? -1 : av > bv ? 1 : 0;
}
function nvdV2Severity(score) {
    if (score < 4)
        return 'info';
    return score < 7 ? 'medium' : 'high';
}
function cwes(ids) {
    if (!ids)
        return undefined;
    const out = [];
    for (const id of ids) {
        // A few CWE ids recur across thousands of vulnerabilities: each is read once.
        let number = CWE_NUMBERS.get(id);
        if (number === undefined) {
            number = Number.parseInt(id.toLowerCase().replace(/^cwe-/, ''), 10);
            if (CWE_NUMBERS.size > 10_000)
                CWE_NUMBERS.clear();
            CWE_NUMBERS.set(id, number);
        }
        if (Number.isInteger(number))
            out.push(number);
    }
    return out;
}
const CWE_NUMBERS = new Map();
/** `^[a-z][a-z0-9+.-]*://[^/\s]` (case-insensitive), without a regular expression per reference. */
function isUrlLike(text) {
    const scheme = text.indexOf('://');
    if (scheme < 1)
        return false;
    for (let at = 0; at < scheme; at++) {
        const code = text.charCodeAt(at) | 0x20;
        const letter = code >= 0x61 && code <= 0x7a;
        const other = text.charCodeAt(at);
        if (!(letter || (at > 0 && ((other >= 0x30 && other <= 0x39) || other === 0x2b || other === 0x2e || other === 0x2d))))
            return false;
    }
    const next = text.charAt(scheme + 3);
    return next !== '' && next !== '/' && !WHITESPACE.test(next);
}
const WHITESPACE = /\s/;
/** Trivy's advisories: the primary URL and references, deduplicated, each reduced to its first URL-like word. */
function advisories(v) {
    // A handful of references each: a list is cheaper than a set.
    const seen = [v.PrimaryURL ?? ''];
    const out = [];
    for (let index = -1; index < (v.References?.length ?? 0); index++) {
        const ref = index < 0 ? seen[0] : v.References?.[index];
        if (index >= 0) {
            if (seen.includes(ref))
                continue;
            seen.push(ref);
        }
        const url = ref.includes(' ') ? ref.split(' ').find(isUrlLike) : isUrlLike(ref) ? ref : undefined;
        if (url)
            out.push(url);
    }
    return out.length > 0 ? out : undefined;
}
const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
function cdxTime(value) {
    if (!value)
        return undefined;
    // Trivy's dates are almost always whole seconds in UTC; only the others go through Date.
    if (UTC_SECONDS.test(value))
        return `${value.slice(0, 19)}+00:00`;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? undefined : TIME_LAYOUT(date);
}
/**
 * CycloneDX 1.5 JSON in the shape of Trivy's own (`trivy --format cyclonedx`): the artifact,
 * each OS and lock-file target as a component, the packages with purls and SPDX license ids,
 * the dependency graph where the report has `DependsOn`, and the vulnerabilities with every
 * rating Trivy has. GitLab's `cyclonedx` report reads it.
 */
function renderCycloneDx(report, now) {
    return JSON.parse(renderCycloneDxText(report, now));
}
/**
 * Writes the BOM as JSON text item by item; each package and vulnerability's text is composed
 * from its escaped fields directly, without an object tree to stringify.
 */
function writeCycloneDx(out, report, now) {
    const { envelope, components, dependencies, vulnerabilities } = cycloneDxParts(report, now);
    const slots = {
        components: listSlot('components'),
        dependencies: listSlot('dependencies'),
        vulnerabilities: listSlot('vulnerabilities'),
    };
    writeDocument(out, { ...envelope, ...slots }, { components, dependencies, vulnerabilities });
}
function renderCycloneDxText(report, now) {
    return collect((out) => writeCycloneDx(out, report, now));
}
function dependencyText(ref, dependsOn) {
    return `{"ref":${json(ref)},"dependsOn":${dependsOn.length > 0 ? json(dependsOn) : '[]'}}`;
}
function componentText(pkg) {
    const ref = json(pkg.ref);
    // The purl is usually the bom-ref too: escaped once.
    const purl = pkg.purl ? `,"purl":${pkg.purl === pkg.ref ? ref : json(pkg.purl)}` : '';
    return `{"bom-ref":${ref},"type":"library","name":${json(pkg.name)}${pkg.version ? `,"version":"${escapeText(pkg.version)}"` : ''}${pkg.licenses.length > 0 ? `,"licenses":${json(licenseChoices(pkg.licenses))}` : ''}${purl},"properties":[{"name":"aquasecurity:trivy:PkgID","value":${json(pkg.pkgId)}}]}`;
}
/**
 * A vulnerability of the BOM from the findings of one id, as JSON text in Trivy's field order:
 * the first finding gives the details, all give the affected packages.
 */
function sbom_vulnerabilityText(group) {
    const finding = group[0];
    const v = finding.vulnerability;
    const t = findingText(finding);
    let text = `{"id":"${t.id}"`;
    if (v.DataSource)
        text += `,"source":${json(v.DataSource.URL ? { name: v.DataSource.ID, url: v.DataSource.URL } : { name: v.DataSource.ID })}`;
    let ratings = '';
    for (const rating of cycloneDxRatings(v)) {
        ratings += `${ratings ? ',' : ''}{"source":{"name":${json(rating.source.name)}}${rating.score === undefined ? '' : `,"score":${json(rating.score)}`},"severity":${json(rating.severity)}${rating.method === undefined ? '' : `,"method":${json(rating.method)}`}${rating.vector === undefined ? '' : `,"vector":${json(rating.vector)}`}}`;
    }
    text += `,"ratings":[${ratings}]`;
    const cwe = cwes(v.CweIDs);
    if (cwe)
        text += `,"cwes":[${cwe.join(',')}]`;
    if (v.Description)
        text += `,"description":"${t.description}"`;
    if (finding.fixedVersion)
        text += `,"recommendation":"Upgrade ${t.pkgName} to version ${t.fixedVersion}"`;
    const advisory = advisories(v);
    if (advisory) {
        let list = '';
        for (const url of advisory)
            list += `${list ? ',' : ''}{"url":${json(url)}}`;
        text += `,"advisories":[${list}]`;
    }
    const published = cdxTime(v.PublishedDate);
    if (published)
        text += `,"published":${json(published)}`;
    const updated = cdxTime(v.LastModifiedDate);
    if (updated)
        text += `,"updated":${json(updated)}`;
    let affects = '';
    const refs = [];
    for (const other of group) {
        const ref = other.vulnerability?.PkgIdentifier?.PURL ?? `${other.target}:${other.pkgName}@${other.installedVersion}`;
        if (group.length > 1 && refs.includes(ref))
            continue;
        refs.push(ref);
        affects += `${affects ? ',' : ''}{"ref":${json(ref)},"versions":[{"version":"${findingText(other).installedVersion}","status":"affected"}]}`;
    }
    return `${text},"affects":[${affects}]}`;
}
function cycloneDxParts(report, now) {
    const { packages, targets, partial } = sbomContent(report);
    const isImage = report.ArtifactType === 'container_image';
    const rootRef = uuid(report, 'root');
    // Only a report with a dependency graph needs packages by id.
    const byPkgId = new Map();
    const withDependencies = packages.some((pkg) => pkg.dependsOn.length > 0);
    for (const pkg of withDependencies ? packages : []) {
        const key = `${pkg.targetRef}|${pkg.pkgId}`;
        const list = byPkgId.get(key);
        if (list)
            list.push(pkg);
        else
            byPkgId.set(key, [pkg]);
    }
    // Grouped by id first (references only); each vulnerability is made when the writer asks for it.
    // Most ids name one finding: that finding itself, an array only for ids shared by several.
    const byId = new Map();
    for (const finding of findings(report)) {
        if (!finding.vulnerability)
            continue;
        const group = byId.get(finding.id);
        if (group === undefined)
            byId.set(finding.id, finding);
        else if (Array.isArray(group))
            group.push(finding);
        else
            byId.set(finding.id, [group, finding]);
    }
    const targetComponents = targets.map(({ ref, result }) => {
        const os = result.Class === 'os-pkgs';
        return {
            'bom-ref': ref,
            type: os ? 'operating-system' : 'application',
            name: os ? (report.Metadata?.OS?.Family ?? result.Type ?? result.Target) : result.Target,
            ...(os && report.Metadata?.OS?.Name ? { version: report.Metadata.OS.Name } : {}),
            properties: [
                { name: 'aquasecurity:trivy:Class', value: result.Class ?? '' },
                { name: 'aquasecurity:trivy:Type', value: result.Type ?? '' },
            ],
        };
    });
    function* dependencies() {
        yield json({ ref: rootRef, dependsOn: targets.map((target) => target.ref) });
        for (const { ref } of targets) {
            const own = packages.filter((pkg) => pkg.targetRef === ref);
            const hasGraph = own.some((pkg) => pkg.dependsOn.length > 0 || pkg.relationship);
            // With a graph, the target depends on its direct packages only; without one, on all of them.
            let direct = own;
            if (hasGraph) {
                const dependedOn = new Set(own.flatMap((pkg) => pkg.dependsOn));
                direct = own.filter((pkg) => pkg.relationship === 'direct' || (!pkg.relationship && !dependedOn.has(pkg.pkgId)));
            }
            yield dependencyText(ref, direct.map((pkg) => pkg.ref).sort());
        }
        const none = [];
        for (const pkg of packages) {
            if (!withDependencies || pkg.dependsOn.length === 0) {
                yield dependencyText(pkg.ref, none);
                continue;
            }
            const refs = pkg.dependsOn.flatMap((id) => (byPkgId.get(`${pkg.targetRef}|${id}`) ?? []).map((dep) => dep.ref));
            yield dependencyText(pkg.ref, refs.length > 1 ? [...new Set(refs)].sort() : refs);
        }
    }
    const metadataProperties = [
        { name: 'aquasecurity:trivy:SchemaVersion', value: String(report.SchemaVersion) },
        ...(isImage && report.Metadata?.ImageID ? [{ name: 'aquasecurity:trivy:ImageID', value: report.Metadata.ImageID }] : []),
        ...(isImage ? (report.Metadata?.RepoDigests ?? []).map((value) => ({ name: 'aquasecurity:trivy:RepoDigest', value })) : []),
        ...(isImage ? (report.Metadata?.RepoTags ?? []).map((value) => ({ name: 'aquasecurity:trivy:RepoTag', value })) : []),
    ];
    const envelope = {
        $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
        bomFormat: 'CycloneDX',
        specVersion: '1.5',
        serialNumber: `urn:uuid:${uuid(report, 'cyclonedx')}`,
        version: 1,
        metadata: {
            timestamp: TIME_LAYOUT(reportDate(report, now)),
            tools: {
                components: [
                    {
                        type: 'application',
                        // Trivy (CycloneDX 1.6) also writes `manufacturer`, which 1.5 does not have.
                        group: 'aquasecurity',
                        name: 'trivy',
                        version: report.Trivy?.Version ?? 'unknown',
                    },
                ],
            },
            component: {
                'bom-ref': rootRef,
                type: isImage ? 'container' : 'application',
                name: report.ArtifactName,
                properties: metadataProperties,
            },
            ...(partial ? { properties: [{ name: 'aegis:sbom:partial', value: partial }] } : {}),
        },
    };
    function* components() {
        for (const target of targetComponents)
            yield json(target);
        for (const pkg of packages)
            yield componentText(pkg);
    }
    function* vulnerabilityItems() {
        for (const group of byId.values())
            yield sbom_vulnerabilityText(Array.isArray(group) ? group : [group]);
    }
    return { envelope, components: components(), dependencies: dependencies(), vulnerabilities: vulnerabilityItems() };
}
/** CycloneDX 1.5 allows several licenses or exactly one expression per component. */
function licenseChoices(licenses) {
    const choices = licenses.map(cycloneDxLicense);
    const expression = choices.find((choice) => 'expression' in choice);
    return expression ? [expression] : choices;
}
/** SPDX license id, `LicenseRef-` for anything else (SPDX 2.3 requires an expression there). */
function spdxLicense(licenses) {
    if (licenses.length === 0)
        return { declared: 'NOASSERTION' };
    const ids = licenses.map((name) => SPDX_IDS.get(name.trim().toLowerCase()));
    if (ids.every(Boolean))
        return { declared: ids.length === 1 ? ids[0] : `(${ids.join(' AND ')})` };
    return { declared: 'NOASSERTION', comment: `Reported by Trivy: ${licenses.join(', ')}` };
}
/** SPDX 2.3 JSON: the artifact as the described package, each package contained in it. The document `writeSpdx` writes, read back. */
function renderSpdx(report, now) {
    return JSON.parse(collect((out) => writeSpdx(out, report, now)));
}
/** Writes the SPDX document as JSON text package by package. */
function writeSpdx(out, report, now) {
    const { envelope, packages, relationships } = spdxParts(report, now);
    writeDocument(out, { ...envelope, packages: listSlot('packages'), relationships: listSlot('relationships') }, { packages, relationships });
}
function spdxPackageText(spdxId, pkg) {
    const license = spdxLicense(pkg.licenses);
    return `{"SPDXID":"${spdxId}","name":${json(pkg.name)}${pkg.version ? `,"versionInfo":"${escapeText(pkg.version)}"` : ''},"downloadLocation":"NOASSERTION","filesAnalyzed":false,"licenseConcluded":"NOASSERTION","licenseDeclared":${json(license.declared)}${license.comment ? `,"licenseComments":${json(license.comment)}` : ''}${pkg.purl ? `,"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":${json(pkg.purl)}}]` : ''}}`;
}
function spdxParts(report, now) {
    const { packages, partial } = sbomContent(report);
    const spdxId = (index) => `SPDXRef-Package-${index + 1}`;
    const envelope = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: report.ArtifactName,
        documentNamespace: `https://aegis-actions.invalid/spdx/${encodeURIComponent(report.ArtifactName.toWellFormed())}-${uuid(report, 'spdx')}`,
        creationInfo: {
            created: `${reportDate(report, now).toISOString().slice(0, 19)}Z`,
            creators: [`Tool: trivy-${report.Trivy?.Version ?? 'unknown'}`, 'Tool: aegis-actions'],
            ...(partial ? { comment: `Partial SBOM: ${partial}.` } : {}),
        },
    };
    function* spdxPackages() {
        yield json({
            SPDXID: 'SPDXRef-Artifact',
            name: report.ArtifactName,
            downloadLocation: 'NOASSERTION',
            filesAnalyzed: false,
            primaryPackagePurpose: report.ArtifactType === 'container_image' ? 'CONTAINER' : 'SOURCE',
        });
        for (let index = 0; index < packages.length; index++)
            yield spdxPackageText(spdxId(index), packages[index]);
    }
    function* spdxRelationships() {
        yield json({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Artifact' });
        for (let index = 0; index < packages.length; index++)
            yield `{"spdxElementId":"SPDXRef-Artifact","relationshipType":"CONTAINS","relatedSpdxElement":"${spdxId(index)}"}`;
    }
    return { envelope, packages: spdxPackages(), relationships: spdxRelationships() };
}

;// CONCATENATED MODULE: ./src/core/scan/outputs.ts





/** Every file the stage writes, by kind, and its name in the output directory. */
const OUTPUT_FILES = {
    report: 'trivy-report.json',
    sarif: 'trivy-results.sarif',
    gitlab: 'gl-container-scanning-report.json',
    gitlabSecrets: 'gl-secret-detection-report.json',
    gitlabSast: 'gl-sast-report.json',
    markdown: 'scan-summary.md',
    cyclonedx: 'sbom.cdx.json',
    spdx: 'sbom.spdx.json',
};
/**
 * Every output of one scan, each written when asked for: the caller opens a sink, the output
 * is written to it, and only then is the next one made, so one output at a time is in memory
 * (and that one as pieces, never as a whole). Machine-read files (SARIF, GitLab, SBOMs) are
 * compact JSON: their consumers parse them, and V8 serialises without indentation about twice
 * as fast. The stage writes exactly this, and bench/scan measures exactly this.
 */
function* renderOutputs(report, gate, plan) {
    const line = (write) => (out) => {
        write(out);
        out.write('\n');
    };
    if (plan.reportText !== undefined) {
        const text = plan.reportText;
        // Not `${text}\n`: that would flatten a copy of a report of tens of MB.
        yield [
            'report',
            (out) => {
                out.write(text);
                if (!text.endsWith('\n'))
                    out.write('\n');
            },
        ];
    }
    if (plan.sarif) {
        const options = { ...plan.sarif, suppressed: suppressions(gate) };
        yield ['sarif', line((out) => writeSarif(out, report, options))];
    }
    const gitlab = plan.gitlab;
    if (gitlab) {
        yield ['gitlab', line((out) => writeGitLab(out, report, gitlab, 'container_scanning'))];
        yield ['gitlabSecrets', line((out) => writeGitLab(out, report, gitlab, 'secret_detection'))];
        yield ['gitlabSast', line((out) => writeGitLab(out, report, gitlab, 'sast'))];
    }
    for (const kind of new Set(plan.sboms)) {
        yield [kind, line((out) => (kind === 'spdx' ? writeSpdx(out, report, plan.now) : writeCycloneDx(out, report, plan.now)))];
    }
    const markdown = plan.markdownText;
    if (markdown !== undefined)
        yield ['markdown', (out) => out.write(markdown)];
}
const CHUNK = 1 << 20;
const PENDING = 1 << 16;
/**
 * Writes an output to a file through one reused MiB buffer: never the whole text in memory,
 * no joined copy of it, and one write per MiB rather than per item.
 */
function writeOutputFile(path, write) {
    // A fresh file only: a stale temporary, or a link planted under its name, is removed and never followed.
    (0,external_node_fs_.rmSync)(path, { force: true });
    const fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW, 0o644);
    try {
        const buffer = Buffer.allocUnsafe(CHUNK);
        let used = 0;
        // Items arrive as many small strings: joined into one of about 64 KiB (V8 concatenates
        // without copying), each is flattened and encoded in one call instead of one per item.
        let pending = '';
        const flush = () => {
            if (used > 0)
                (0,external_node_fs_.writeSync)(fd, buffer, 0, used);
            used = 0;
        };
        // A large text (the report itself) is encoded slice by slice into the buffer, never into a copy of its size.
        const writeLarge = (text) => {
            for (let at = 0; at < text.length;) {
                let end = Math.min(at + CHUNK / 4, text.length);
                // Never between the two halves of a surrogate pair.
                if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800)
                    end--;
                const part = text.slice(at, end);
                if (used + part.length * 3 > CHUNK)
                    flush();
                used += buffer.write(part, used);
                at = end;
            }
        };
        const drain = () => {
            // A UTF-16 code unit is at most 3 UTF-8 bytes: that bound decides without measuring the text.
            const most = pending.length * 3;
            if (used + most > CHUNK)
                flush();
            if (most > CHUNK)
                writeLarge(pending);
            else
                used += buffer.write(pending, used);
            pending = '';
        };
        write({
            write: (text) => {
                pending += text;
                if (pending.length >= PENDING)
                    drain();
            },
        });
        drain();
        flush();
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/core/scan/policy.ts




/** The policy keys of per-class rules, as people write them. */
const CLASS_KEYS = {
    vulnerabilities: 'vulnerability',
    misconfigurations: 'misconfiguration',
    secrets: 'secret',
    licenses: 'license',
};
const RULE_KEYS = new Set(['fail-on', 'warn-on', 'ignore-unfixed', 'max', 'baseline-match', ...Object.keys(CLASS_KEYS)]);
function parseThreshold(value) {
    return value.trim().toLowerCase() === 'none' ? 'none' : parseSeverity(value);
}
function parsePolicy(text, file) {
    const document = (0,dist/* parseDocument */.Tp)(text, { prettyErrors: false });
    if (document.errors.length > 0) {
        const error = document.errors[0];
        throw new errors/* FileError */.f6(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
    }
    const data = (0,plain/* plainData */.l)(document, file);
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
    if (value.max !== undefined)
        rules.max = parseMax(value.max, `${where}.max`, file);
    if (value['baseline-match'] !== undefined) {
        if (value['baseline-match'] !== 'place' && value['baseline-match'] !== 'id')
            throw new errors/* FileError */.f6(file, `${where}.baseline-match is ${JSON.stringify(value['baseline-match'])}; expected place or id`);
        rules.baselineMatch = value['baseline-match'];
    }
    for (const [key, cls] of Object.entries(CLASS_KEYS)) {
        const entry = value[key];
        if (entry === undefined)
            continue;
        if (!isRecord(entry))
            throw new errors/* FileError */.f6(file, `${where}.${key} must be a mapping of fail-on and/or max`);
        const extra = Object.keys(entry).filter((name) => name !== 'fail-on' && name !== 'max');
        if (extra.length > 0)
            throw new errors/* FileError */.f6(file, `${where}.${key} has unknown key(s) ${extra.join(', ')}; allowed: fail-on, max`);
        const classRules = {};
        if (entry['fail-on'] !== undefined) {
            const threshold = typeof entry['fail-on'] === 'string' ? parseThreshold(entry['fail-on']) : undefined;
            if (!threshold)
                throw new errors/* FileError */.f6(file, `${where}.${key}.fail-on is ${JSON.stringify(entry['fail-on'])}; expected none or one of ${SEVERITIES.join(', ')}`);
            classRules.failOn = threshold;
        }
        if (entry.max !== undefined)
            classRules.max = parseMax(entry.max, `${where}.${key}.max`, file);
        rules.classes = { ...rules.classes, [cls]: classRules };
    }
    return rules;
}
function parseMax(value, where, file) {
    if (!isRecord(value))
        throw new errors/* FileError */.f6(file, `${where} must map severities to counts, e.g. {HIGH: 0, MEDIUM: 10}`);
    const max = {};
    for (const [name, count] of Object.entries(value)) {
        const severity = parseSeverity(name);
        if (!severity)
            throw new errors/* FileError */.f6(file, `${where} has unknown severity ${JSON.stringify(name)}; expected one of ${SEVERITIES.join(', ')}`);
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
            throw new errors/* FileError */.f6(file, `${where}.${name} is ${JSON.stringify(count)}; expected a whole number >= 0`);
        }
        max[severity] = count;
    }
    return max;
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
    // Class rules merge per class: an environment overriding secrets keeps the default's licenses.
    const classes = { ...inputs.classes, ...policy.default?.classes, ...specific?.classes };
    if (Object.keys(classes).length > 0)
        merged.classes = classes;
    return { rules: merged, source: specific ? `policy environment '${environment}'` : 'policy default' };
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
// EXTERNAL MODULE: ./src/core/process.ts + 1 modules
var core_process = __webpack_require__(9084);
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
    // Registered, so that a cancel mid-install leaves no half-unpacked directory in the cache.
    const staging = (0,cleanup/* createPrivateDir */.b4)(options.cacheDir, '.install-');
    try {
        const archivePath = (0,external_node_path_.join)(staging, asset);
        (0,external_node_fs_.writeFileSync)(archivePath, archive);
        await (0,core_process/* run */.eF)('tar', ['-xzf', archivePath, '-C', staging, 'trivy']);
        (0,external_node_fs_.chmodSync)((0,external_node_path_.join)(staging, 'trivy'), 0o755);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.cacheDir, 'archives'), { recursive: true });
        (0,external_node_fs_.renameSync)(archivePath, cachedArchive);
        (0,external_node_fs_.rmSync)(directory, { recursive: true, force: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(options.cacheDir, 'bin'), { recursive: true });
        (0,external_node_fs_.renameSync)(staging, directory);
    }
    finally {
        // After the rename there is nothing left at `staging`; this only forgets it.
        (0,cleanup/* removePrivateDir */.VZ)(staging);
    }
    const binary = (0,external_node_path_.join)(directory, 'trivy');
    options.log.info(`${cached ? 'Unpacked the cached' : 'Installed'} Trivy ${options.version} (archive sha256 ${expected}) into ${directory}.`);
    return { binary, cached, sha256: expected };
}
async function download(get, url) {
    let response;
    try {
        response = await (0,http/* httpFetch */.tX)(url, { redirect: 'follow' }, { timeoutMs: 300_000, fetch: get });
    }
    catch (error) {
        throw new errors/* AegisError */.o4(`Could not download ${url}: ${error.message}`);
    }
    if (!response.ok)
        throw new errors/* AegisError */.o4(`Could not download ${url}: HTTP ${response.status}`);
    return Buffer.from(await response.arrayBuffer());
}
const SUBCOMMAND = {
    image: 'image',
    path: 'filesystem',
    repository: 'repository',
    rootfs: 'rootfs',
    config: 'config',
};
function targetArgument(target) {
    if (target.kind === 'image')
        return target.image;
    if (target.kind === 'repository')
        return target.repository;
    return target.path;
}
/**
 * The one Trivy invocation: JSON out, every package listed (for the SBOM), no severity or
 * unfixed filtering (the gate decides, and every rendering shows everything), and exit
 * code 0 on findings so that a non-zero exit can only mean Trivy itself failed. `trivy
 * config` has no package, DB or scanner flags, so it gets none.
 */
function trivyScanArgs(options) {
    const config = options.target.kind === 'config';
    const args = [SUBCOMMAND[options.target.kind], '--format', 'json', '--output', options.output];
    if (!config)
        args.push('--list-all-pkgs');
    args.push('--exit-code', '0');
    if (!config)
        args.push('--no-progress');
    args.push('--cache-dir', options.cacheDir, '--timeout', options.timeout);
    if (!config) {
        args.push('--scanners', options.scanners.join(','));
        for (const repository of options.dbRepositories)
            args.push('--db-repository', repository);
        for (const repository of options.javaDbRepositories)
            args.push('--java-db-repository', repository);
        if (options.pkgTypes?.length)
            args.push('--pkg-types', options.pkgTypes.join(','));
    }
    if (options.platform && options.target.kind === 'image')
        args.push('--platform', options.platform);
    if (options.skipDirs?.length)
        args.push('--skip-dirs', options.skipDirs.join(','));
    if (options.skipFiles?.length)
        args.push('--skip-files', options.skipFiles.join(','));
    if (options.configFile)
        args.push('--config', options.configFile);
    // `--` so that a target starting with '-' can never be read as a flag.
    args.push('--', targetArgument(options.target));
    return args;
}
/** Runs Trivy; any failure to produce a report becomes a TrivyError with Trivy's own last words. */
async function runTrivy(binary, args, log, env = {}) {
    log.info(`Running ${binary} ${args.join(' ')}`);
    let result;
    try {
        result = await (0,core_process/* run */.eF)(binary, args, { allowFailure: true, env });
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
// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/scan/options.ts












const FORMATS = ['sarif', 'gitlab', 'markdown'];
/** trivy-action's `format` values we write to its `output` file, and the rendering each is. */
const TRIVY_ACTION_FORMATS = {
    sarif: 'sarif',
    json: 'report',
    cyclonedx: 'cyclonedx',
    'spdx-json': 'spdx',
    table: undefined,
};
const IMAGE = /^[^\s]+$/;
const SCAN_TYPES = ['image', 'fs', 'filesystem', 'repo', 'repository', 'rootfs', 'config'];
/** trivy-action's `severity` list, checked. */
function severityList(reader) {
    const items = reader.list('severity');
    if (items.length === 0)
        return undefined;
    return items.map((item) => {
        const severity = parseSeverity(item);
        if (!severity)
            throw new errors/* InputError */.dz('severity', reader.string('severity'), `a comma-separated list of ${SEVERITIES.join(', ')}`);
        return severity;
    });
}
/** All validation happens here, before anything is downloaded, run or written. */
function parseScanInputs(reader, workspace, explicit = () => false) {
    const target = parseTarget(reader, workspace);
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
    // trivy-action's severity + exit-code: exit-code 0 never fails, another value fails on the
    // listed severities; severities not listed never count, whatever fail-on says.
    const severities = severityList(reader);
    const exitCode = reader.optional('exit-code');
    if (exitCode !== undefined) {
        if (!/^\d+$/.test(exitCode))
            throw new errors/* InputError */.dz('exit-code', exitCode, 'a whole number (0: never fail, anything else: fail on the listed severities)');
        if (explicit('fail-on'))
            throw new errors/* InputError */.dz('exit-code', exitCode, "either 'exit-code' (trivy-action) or 'fail-on', not both");
        const lowest = [...(severities ?? SEVERITIES)].sort((a, b) => severityRank(a) - severityRank(b))[0];
        inputRules.failOn = Number(exitCode) === 0 ? 'none' : lowest;
    }
    if (severities)
        for (const severity of SEVERITIES)
            if (!severities.includes(severity))
                inputRules.max[severity] = Number.POSITIVE_INFINITY;
    const sarifSeverities = reader.boolean('limit-severities-for-sarif') ? new Set(severities ?? SEVERITIES) : undefined;
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
    const ignores = [];
    const ignoreFiles = [];
    const warnings = [];
    for (const input of ['ignore-file', 'trivyignores']) {
        for (const value of reader.list(input)) {
            const file = (0,paths/* resolveInside */.LI)(workspace, value, input);
            const parsed = parseAnyIgnoreFile(readText(input, file), display(file));
            ignores.push(...parsed.entries);
            warnings.push(...parsed.warnings);
            ignoreFiles.push(display(file));
        }
    }
    const baselineFile = reader.path('baseline', workspace);
    const baseline = baselineFile
        ? baselineOf(findings(parseTrivyReport(readText('baseline', baselineFile), display(baselineFile))))
        : undefined;
    const formats = new Set();
    for (const format of reader.list('formats')) {
        if (!FORMATS.includes(format))
            throw new errors/* InputError */.dz('formats', reader.string('formats'), `a list of ${FORMATS.join(', ')}`, `unknown format '${format}'`);
        formats.add(format);
    }
    const environment = reader.optional('environment');
    const outputDir = reader.outputPath('output-dir');
    // Beside the output directory: RUNNER_TEMP on GitHub, the excluded .aegis-out/ on GitLab (which a
    // GitLab cache: entry can keep), a temp dir locally; never in the checkout itself.
    const cacheDir = reader.path('cache-dir', workspace) ?? (0,external_node_path_.join)((0,external_node_path_.dirname)(outputDir), 'aegis-trivy-cache');
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
        if (repository)
            (0,shared/* assertForgeRepository */.Ct)('repository', repository);
        const category = reader.optional('sarif-category');
        upload = { token, ...(repository ? { repository } : {}), ...(category ? { category } : {}) };
        formats.add('sarif');
    }
    const source = target.kind === 'report'
        ? { kind: 'report', file: display(target.file), text: readText('report', target.file) }
        : { kind: 'scan', target: target.target };
    const configFile = reader.path('trivy-config', workspace);
    if (configFile)
        readText('trivy-config', configFile);
    const format = reader.optional('format');
    if (format !== undefined && !(format in TRIVY_ACTION_FORMATS))
        throw new errors/* InputError */.dz('format', format, `one of ${Object.keys(TRIVY_ACTION_FORMATS).join(', ')}`, 'other Trivy formats are rendered by formats/sbom');
    const output = reader.path('output', workspace);
    if (output && (format === undefined || format === 'table'))
        throw new errors/* InputError */.dz('output', reader.string('output'), "a file together with 'format' (sarif, json, cyclonedx or spdx-json)");
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
        ignoreFiles,
        warnings,
        ...(baseline ? { baseline } : {}),
        ...(sarifSeverities ? { sarifSeverities } : {}),
        ...(output && format ? { extraOutput: { format: format, file: output } } : {}),
        sbomExplicit: explicit('sbom'),
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
            skipDirs: reader.list('skip-dirs'),
            skipFiles: reader.list('skip-files'),
            pkgTypes: pkgTypes(reader),
            ...(configFile ? { configFile } : {}),
        },
        ...(upload ? { upload } : {}),
    };
}
function pkgTypes(reader) {
    const types = reader.list('pkg-types').length > 0 ? reader.list('pkg-types') : reader.list('vuln-type');
    const input = reader.list('pkg-types').length > 0 ? 'pkg-types' : 'vuln-type';
    for (const type of types)
        if (type !== 'os' && type !== 'library')
            throw new errors/* InputError */.dz(input, reader.string(input), 'a comma-separated list of os, library');
    return types;
}
/**
 * What to scan: our `image` / `path` / `report`, or trivy-action's `image-ref`, `scan-type`
 * and `scan-ref` (scan-ref defaults to '.', as there). Exactly one target.
 */
function parseTarget(reader, workspace) {
    const imageInput = reader.optional('image');
    const imageRef = reader.optional('image-ref');
    if (imageInput && imageRef && imageInput !== imageRef)
        throw new errors/* InputError */.dz('image-ref', imageRef, "the same image as 'image', or only one of them", `'image' is ${imageInput}`);
    const image = imageInput ?? imageRef;
    const imageName = imageInput ? 'image' : 'image-ref';
    const path = reader.path('path', workspace);
    const reportPath = reader.path('report', workspace);
    const scanTypeValue = reader.optional('scan-type');
    const scanRef = reader.optional('scan-ref');
    const given = [image && imageName, path && 'path', reportPath && 'report'].filter(Boolean);
    if (given.length > 1 || (given.length === 0 && !scanTypeValue && !scanRef)) {
        throw new errors/* InputError */.dz(given.length === 0 ? 'image' : String(given[1]), given.length === 0 ? '' : 'several', "exactly one of 'image' (or 'image-ref'), 'path', 'report', or 'scan-type' with 'scan-ref'", given.length === 0 ? 'nothing to scan' : `got ${given.join(' and ')}`);
    }
    if (image && !IMAGE.test(image))
        throw new errors/* InputError */.dz(imageName, image, 'an image reference such as registry.example.com/team/app:1.2.3');
    if (reportPath) {
        if (scanTypeValue)
            throw new errors/* InputError */.dz('scan-type', scanTypeValue, "no scan-type with 'report' (the report is gated, nothing is scanned)");
        return { kind: 'report', file: reportPath };
    }
    const scanType = scanTypeValue ?? (image ? 'image' : 'fs');
    if (!SCAN_TYPES.includes(scanType)) {
        throw new errors/* InputError */.dz('scan-type', scanType, `one of ${SCAN_TYPES.join(', ')}`, scanType === 'sbom' ? "to gate an existing report use 'report'" : undefined);
    }
    if (scanType === 'image') {
        if (!image)
            throw new errors/* InputError */.dz('image-ref', '', "an image reference, with scan-type 'image'");
        return { kind: 'scan', target: { kind: 'image', image } };
    }
    if (image)
        throw new errors/* InputError */.dz('scan-type', scanType, "'image' when an image is given");
    const ref = scanRef ?? '.';
    if ((scanType === 'repo' || scanType === 'repository') && /^(https?|ssh|git):\/\//.test(ref)) {
        if (/\/\/[^/]*@/.test(ref))
            throw new errors/* InputError */.dz('scan-ref', '(redacted)', 'a repository URL without credentials (Trivy reads GITHUB_TOKEN / GITLAB_TOKEN)');
        return { kind: 'scan', target: { kind: 'repository', repository: ref } };
    }
    const where = path ?? (0,paths/* resolveInside */.LI)(workspace, ref, scanRef ? 'scan-ref' : 'path');
    if (scanType === 'repo' || scanType === 'repository')
        return { kind: 'scan', target: { kind: 'repository', repository: where } };
    if (scanType === 'rootfs')
        return { kind: 'scan', target: { kind: 'rootfs', path: where } };
    if (scanType === 'config')
        return { kind: 'scan', target: { kind: 'config', path: where } };
    return { kind: 'scan', target: { kind: 'path', path: where } };
}

;// CONCATENATED MODULE: ./src/stages/scan.ts

















const FILES = OUTPUT_FILES;
const definition = {
    name: 'scan',
    title: 'Scan',
    description: 'Scan an image or directory once with a pinned, checksum-verified Trivy (or re-gate an existing Trivy JSON report), gate vulnerabilities, secrets, misconfigurations and licenses by severity, policy, ignore file and baseline, and write SARIF, the GitLab container-scanning, secret-detection and SAST reports, a summary and an SBOM.',
    gitlab: {
        stage: 'test',
        defaults: { 'output-dir': gitlab/* gitlabArtifacts */.zB.stageDir('scan') },
        artifacts: {
            paths: ['$[[ inputs.output-dir ]]/'],
            reports: {
                container_scanning: '$[[ inputs.output-dir ]]/gl-container-scanning-report.json',
                secret_detection: '$[[ inputs.output-dir ]]/gl-secret-detection-report.json',
                sast: '$[[ inputs.output-dir ]]/gl-sast-report.json',
                cyclonedx: '$[[ inputs.output-dir ]]/sbom.cdx.json',
            },
        },
    },
    inputs: {
        image: { description: 'Image reference to scan (one of image, path, report; trivy-action: image-ref).' },
        'image-ref': { description: "trivy-action's name for 'image'." },
        'scan-type': {
            description: "trivy-action's scan type: image, fs, repo, rootfs or config (config: misconfigurations only). Defaults to image when an image is given, else fs.",
        },
        'scan-ref': {
            description: "trivy-action's target for fs, repo, rootfs and config scans: a path inside the workspace (default '.'), or a repository URL for repo.",
        },
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
            description: "Ignore files (comma-separated or one per line): ours (YAML with ignores[] of {id, package?, reason, owner, expires: YYYY-MM-DD}), Trivy's .trivyignore (id [exp:YYYY-MM-DD]) or .trivyignore.yaml (expired_at, paths, purls). Expired entries stop counting.",
        },
        trivyignores: { description: "trivy-action's name for 'ignore-file' (both are read)." },
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
            description: "Cache for the Trivy binary and vulnerability DB; by default beside the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/aegis-trivy-cache on GitLab, where a cache: entry can keep it), never in the checkout.",
        },
        'db-repository': {
            description: 'Vulnerability DB repositories, tried in order (comma-separated or one per line).',
            default: DEFAULT_DB_REPOSITORIES.join(','),
        },
        'java-db-repository': { description: 'Java DB repositories, tried in order.', default: DEFAULT_JAVA_DB_REPOSITORIES.join(',') },
        scanners: { description: 'Trivy scanners to run (vuln, secret, misconfig, license), as Trivy defaults.', default: 'vuln,secret' },
        severity: {
            description: "trivy-action's severity list: only these severities count towards the gate; with exit-code other than 0 the gate fails on them (default: every severity).",
        },
        'exit-code': {
            description: "trivy-action's exit-code: 0 reports without ever failing, another number fails on the listed severities (instead of fail-on).",
        },
        'limit-severities-for-sarif': { description: 'Write only findings of the severity list to SARIF (trivy-action).', default: 'false' },
        format: {
            description: "trivy-action's format for 'output': sarif, json, cyclonedx or spdx-json (table writes nothing: the summary is the table).",
        },
        output: { description: "trivy-action's output file (inside the workspace): a copy of the rendering named by 'format'." },
        'skip-dirs': { description: 'Directories Trivy does not traverse (comma-separated).' },
        'skip-files': { description: 'Files Trivy skips (comma-separated).' },
        'pkg-types': { description: 'Package types to scan: os, library (comma-separated; trivy-action: vuln-type).' },
        'vuln-type': { description: "trivy-action's older name for 'pkg-types'." },
        'trivy-config': {
            description: 'A trivy.yaml inside the workspace; the stage’s own flags (output, format, exit code) take precedence.',
        },
        'hide-progress': { description: 'Accepted for trivy-action workflows; progress output is always off.' },
        timeout: { description: 'Trivy timeout.', default: '10m' },
        platform: { description: 'Platform of a multi-arch image to scan, e.g. linux/arm64.' },
        'upload-sarif': { description: 'Upload the SARIF to GitHub code scanning (needs security-events: write).', default: 'false' },
        'sarif-category': { description: 'Code-scanning category; by default one per image repository, stable across tags.' },
        token: { description: 'Token for the SARIF upload.', secret: true },
        repository: { description: 'owner/name for the SARIF upload; defaults to the repository of the run.' },
    },
    outputs: {
        result: {
            kind: 'text',
            description: "'passed', 'failed' (the gate blocked) or 'error' (Trivy or the inputs failed: nothing was decided).",
        },
        critical: { kind: 'number', description: 'Number of CRITICAL findings of every class (all findings, whatever the gate decided).' },
        high: { kind: 'number', description: 'Number of HIGH findings.' },
        medium: { kind: 'number', description: 'Number of MEDIUM findings.' },
        low: { kind: 'number', description: 'Number of LOW findings.' },
        unknown: { kind: 'number', description: 'Number of UNKNOWN findings.' },
        total: { kind: 'number', description: 'Number of findings.' },
        vulnerabilities: { kind: 'number', description: 'Number of vulnerabilities.' },
        misconfigurations: { kind: 'number', description: 'Number of failed misconfiguration checks.' },
        secrets: { kind: 'number', description: 'Number of secrets.' },
        licenses: { kind: 'number', description: 'Number of license findings.' },
        counts: {
            kind: 'json',
            description: 'JSON {"<class>": {"CRITICAL": n, …}} of every finding per class and severity, e.g. {"secret": {"CRITICAL": 1, "HIGH": 1, …}, …}.',
        },
        blocking: { kind: 'number', description: 'Number of findings that failed the gate.' },
        'report-file': { kind: 'path', description: 'Path of the Trivy JSON report (relative to the workspace when inside it).' },
        'sarif-file': {
            kind: 'path',
            description: 'Path of the SARIF 2.1.0 file (relative to the workspace when inside it); empty unless sarif is in formats.',
        },
        'gitlab-report': {
            kind: 'path',
            description: 'Path of the GitLab container-scanning report (relative to the workspace when inside it); empty unless gitlab is in formats.',
        },
        'gitlab-secret-detection-report': {
            kind: 'path',
            description: 'Path of the GitLab secret-detection report (relative to the workspace when inside it); empty unless gitlab is in formats.',
        },
        'gitlab-sast-report': {
            kind: 'path',
            description: 'Path of the GitLab SAST report with the misconfigurations (relative to the workspace when inside it); empty unless gitlab is in formats.',
        },
        'summary-file': {
            kind: 'path',
            description: 'Path of the markdown summary (relative to the workspace when inside it); empty unless markdown is in formats.',
        },
        'sbom-file': {
            kind: 'path',
            description: 'Path of the SBOM file, CycloneDX or SPDX JSON (relative to the workspace when inside it); empty with sbom: none.',
        },
        'sbom-partial': {
            kind: 'boolean',
            description: "'true' when the report had no package list, so the SBOM lists only packages with findings.",
        },
        'sarif-id': { kind: 'text', description: 'Id of the code-scanning upload, when upload-sarif is true.' },
    },
};
const CLASS_OUTPUT = {
    vulnerability: 'vulnerabilities',
    misconfiguration: 'misconfigurations',
    secret: 'secrets',
    license: 'licenses',
};
function total(counts) {
    return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
/** A scan that cannot start (or cannot finish making its result) decides nothing: `result: error`, which a step condition tells from a failed gate. */
function failed(_error, platform) {
    platform.setOutput('result', 'error');
}
function parse(reader, platform) {
    return parseScanInputs(reader, platform.workspace, (name) => givenExplicitly(platform, name));
}
function planScan(options) {
    const { rules, source } = resolveRules(options.inputRules, options.policy, options.environment);
    return { options, rules, rulesSource: source };
}
/** Obtains the report, gates it, writes every rendering and uploads the SARIF; a failure is part of the result. */
async function executeScan(plan, platform, dependencies = { now: () => new Date() }) {
    const { options, rules } = plan;
    const now = dependencies.now();
    let report;
    try {
        report = await obtainReport(platform, options);
    }
    catch (error) {
        return { plan, files: {}, failure: { during: 'scan', error } };
    }
    const gate = evaluateGate({
        findings: findings(report),
        rules,
        ignores: options.ignores,
        ...(options.baseline ? { baseline: options.baseline } : {}),
        now,
        expiryWarningDays: options.expiryWarningDays,
    });
    // An SBOM from a report without a package list names only what has findings: refused when
    // the SBOM was asked for explicitly (before anything is written), else written and marked partial.
    const partialSbom = options.sbom !== 'none' ? partialReason(report) : undefined;
    if (partialSbom && options.sbomExplicit) {
        const error = new errors/* InputError */.dz('sbom', options.sbom, "a report with a package list (trivy --list-all-pkgs, which the stage's own scan passes), or sbom: none", partialSbom);
        return { plan, report, gate, files: {}, failure: { during: 'sbom', error } };
    }
    const markdown = renderMarkdown(gate, {
        target: report.ArtifactName,
        rules,
        rulesSource: plan.rulesSource,
        ...(partialSbom ? { partialSbom } : {}),
    });
    let files;
    try {
        files = writeRenderings(platform, options, report, gate, outputPlan(platform, options, report, markdown, now));
    }
    catch (error) {
        return { plan, report, gate, files: {}, failure: { during: 'write', error } };
    }
    const result = { plan, report, gate, files, markdown, ...(partialSbom ? { partialSbom } : {}) };
    if (options.upload && files.sarif) {
        try {
            const sarifText = (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(options.outputDir, FILES.sarif), 'utf8');
            result.sarifId = await uploadSarif(platform, options.upload, sarifText);
        }
        catch (error) {
            result.failure = { during: 'upload', error };
        }
    }
    return result;
}
/** What to render: the formats asked for, trivy-action's `output`, and the SBOMs. */
function outputPlan(platform, options, report, markdown, now) {
    const extraSbom = options.extraOutput?.format === 'cyclonedx' ? 'cyclonedx' : options.extraOutput?.format === 'spdx-json' ? 'spdx' : undefined;
    const head = platform.event().head;
    return {
        ...(options.source.kind === 'report' ? { reportText: options.source.text } : {}),
        ...(options.formats.has('sarif') || options.extraOutput?.format === 'sarif'
            ? {
                sarif: {
                    category: options.upload?.category ?? sarifCategory(report.ArtifactName),
                    ...(options.sarifSeverities ? { severities: options.sarifSeverities } : {}),
                    ...(options.source.kind === 'scan' && 'path' in options.source.target ? { sourceRoot: options.source.target.path } : {}),
                },
            }
            : {}),
        ...(options.formats.has('gitlab') ? { gitlab: { now, ...(head ? { commitSha: head } : {}) } } : {}),
        sboms: [...(options.sbom !== 'none' ? [options.sbom] : []), ...(extraSbom ? [extraSbom] : [])],
        ...(options.formats.has('markdown') ? { markdownText: markdown } : {}),
        now,
    };
}
/**
 * Each rendering goes to a temporary sibling as soon as it exists (one in memory at a time);
 * only when all are there do they replace the previous files, so a failure leaves none half-done.
 * Never through a symlinked directory planted by the repository.
 */
function writeRenderings(platform, options, report, gate, plan) {
    (0,safe_write/* ensureDirectoryInside */._F)(options.outputDir, (0,shared/* writeRootFor */.PG)(platform, options.outputDir));
    const files = { report: options.display((0,external_node_path_.join)(options.outputDir, FILES.report)) };
    const staged = [];
    try {
        for (const [kind, write] of renderOutputs(report, gate, plan)) {
            const file = (0,external_node_path_.join)(options.outputDir, FILES[kind]);
            const temporary = (0,external_node_path_.join)(options.outputDir, `.${FILES[kind]}.${process.pid}.tmp`);
            staged.push([kind, file, temporary]);
            writeOutputFile(temporary, write);
        }
        if (options.extraOutput) {
            // trivy-action's `output`: the same bytes where the workflow's next step looks for them.
            const kind = TRIVY_ACTION_FORMATS[options.extraOutput.format];
            const from = staged.find(([k]) => k === kind)?.[2] ?? (kind === 'report' ? (0,external_node_path_.join)(options.outputDir, FILES.report) : undefined);
            if (kind && from) {
                (0,safe_write/* ensureDirectoryInside */._F)((0,external_node_path_.dirname)(options.extraOutput.file), (0,shared/* writeRootFor */.PG)(platform, options.extraOutput.file));
                const temporary = `${options.extraOutput.file}.${process.pid}.tmp`;
                (0,external_node_fs_.rmSync)(temporary, { force: true });
                (0,external_node_fs_.copyFileSync)(from, temporary, external_node_fs_.constants.COPYFILE_EXCL);
                staged.push([kind, options.extraOutput.file, temporary]);
            }
        }
    }
    catch (error) {
        for (const [, , temporary] of staged)
            (0,external_node_fs_.rmSync)(temporary, { force: true });
        throw error;
    }
    for (const [kind, file, temporary] of staged) {
        (0,external_node_fs_.renameSync)(temporary, file);
        if (file.startsWith(options.outputDir))
            files[kind] = options.display(file);
    }
    return files;
}
function warnAboutIgnores(platform, options, gate) {
    const log = platform.log;
    for (const warning of options.warnings)
        log.warning(warning);
    const owner = (entry) => (entry.owner ? ` of ${entry.owner}` : '');
    for (const entry of gate.expiredIgnores) {
        log.warning(`Ignore entry ${entry.id}${entry.package ? ` (${entry.package})` : ''}${owner(entry)} expired on ${entry.expires}; it no longer excuses anything.`, { file: entry.file ?? '', ...(entry.line ? { line: entry.line } : {}) });
    }
    for (const { entry, daysLeft } of gate.expiringIgnores) {
        log.warning(`Ignore entry ${entry.id}${owner(entry)} expires on ${entry.expires} (${daysLeft} day(s) left).`, {
            file: entry.file ?? '',
            ...(entry.line ? { line: entry.line } : {}),
        });
    }
    for (const entry of gate.unusedIgnores)
        log.info(`Ignore entry ${entry.id} matched no finding; it can be removed.`);
}
function writeVerdict(platform, options, gate, files, partial) {
    platform.setOutput('result', gate.result);
    for (const severity of SEVERITIES_DESCENDING)
        platform.setOutput(severity.toLowerCase(), String(gate.counts[severity]));
    platform.setOutput('total', String(gate.gated.length));
    for (const cls of FINDING_CLASSES)
        platform.setOutput(CLASS_OUTPUT[cls], String(total(gate.countsByClass[cls])));
    platform.setOutput('counts', JSON.stringify(gate.countsByClass));
    platform.setOutput('blocking', String(gate.blocking));
    platform.setOutput('report-file', files.report ?? '');
    platform.setOutput('sarif-file', files.sarif ?? '');
    platform.setOutput('gitlab-report', files.gitlab ?? '');
    platform.setOutput('gitlab-secret-detection-report', files.gitlabSecrets ?? '');
    platform.setOutput('gitlab-sast-report', files.gitlabSast ?? '');
    platform.setOutput('summary-file', files.markdown ?? '');
    platform.setOutput('sbom-file', (options.sbom === 'spdx' ? files.spdx : options.sbom === 'cyclonedx' ? files.cyclonedx : undefined) ?? '');
    platform.setOutput('sbom-partial', String(partial && options.sbom !== 'none'));
}
function gateFailure(result, gate, report) {
    const over = gate.exceeded
        .map((entry) => `${entry.count} ${entry.severity}${entry.classes ? ` ${entry.classes.map((cls) => CLASS_OUTPUT[cls]).join('/')}` : ''} (limit ${entry.limit})`)
        .join(', ');
    return new errors/* AegisError */.o4(`Scan gate failed for ${report.ArtifactName}: ${over}; ${gate.blocking} blocking finding(s). Rules from ${result.plan.rulesSource}. See ${result.files.markdown ?? 'the job summary'}.`);
}
/** Outputs, warnings and the summary, once; then the stage's failure, if any, last. */
async function reportScan(result, platform) {
    const { options } = result.plan;
    const { report, gate, failure } = result;
    if (gate)
        warnAboutIgnores(platform, options, gate);
    if (!report || !gate || (failure && failure.during !== 'upload')) {
        // Trivy (or its download) failing, a refused SBOM or unwritten renderings: `error`, never `failed`.
        platform.setOutput('result', 'error');
        if (failure?.during === 'scan') {
            const error = failure.error;
            await platform.summary(`### aegis scan: ⚠️ error\n\nNo verdict: ${error instanceof TrivyError ? 'Trivy failed' : 'the scan could not run'}.\n\n\`\`\`\n${error.message}\n\`\`\`\n`);
        }
        throw failure?.error ?? new errors/* AegisError */.o4('The scan ended without a report.');
    }
    if (result.partialSbom)
        platform.log.warning(`The SBOM is partial: ${result.partialSbom}.`);
    writeVerdict(platform, options, gate, result.files, result.partialSbom !== undefined);
    await platform.summary(result.markdown ?? '');
    if (result.sarifId !== undefined)
        platform.setOutput('sarif-id', result.sarifId);
    if (failure)
        throw failure.error;
    if (gate.result === 'failed')
        throw gateFailure(result, gate, report);
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
    // Never through a symlinked directory planted by the repository.
    (0,safe_write/* ensureDirectoryInside */._F)(options.outputDir, (0,shared/* writeRootFor */.PG)(platform, options.outputDir));
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
        skipDirs: trivy.skipDirs,
        skipFiles: trivy.skipFiles,
        pkgTypes: trivy.pkgTypes,
        ...(trivy.configFile ? { configFile: trivy.configFile } : {}),
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
/**
 * An input the user set. GitHub passes action.yml defaults as INPUT_* too, so a value equal
 * to the default cannot be told from none: it counts as not given.
 */
function givenExplicitly(platform, name) {
    const value = platform.input(name);
    const spec = definition.inputs[name];
    return value !== '' && value !== (spec?.default ?? '');
}
// The module shape of every stage (src/stages/module.ts).



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

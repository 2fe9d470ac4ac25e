export const id = 961;
export const ids = [961];
export const modules = {

/***/ 5431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var _fs_safe_write_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(864);

/** Writes through a temporary sibling and a rename, so a reader never sees half a file; keeps the mode, never follows a symlink. */
function writeFileAtomic(path, content, root) {
    (0,_fs_safe_write_js__WEBPACK_IMPORTED_MODULE_0__/* .writeFileSafely */ .kv)(path, content, root === undefined ? {} : { root });
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

/***/ 349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ TRAILER),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
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
    /** ISO 8601 time of the source commit (lead time for changes); per image (`name=time`) after a promotion. */
    sourceTime: 'Aegis-Source-Time',
    promotedFrom: 'Aegis-Promoted-From',
    reverts: 'Aegis-Reverts',
    stage: 'Aegis-Stage',
    approvedBy: 'Aegis-Approved-By',
    freezeOverride: 'Aegis-Freeze-Override',
    verdict: 'Aegis-Verdict',
    checkedAt: 'Aegis-Checked-At',
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


/***/ }),

/***/ 5097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BE: () => (/* binding */ NOTIFY_TIMEOUT_MS),
/* harmony export */   WE: () => (/* binding */ notifyDependents),
/* harmony export */   X3: () => (/* binding */ DISPATCH_EVENT_TYPE),
/* harmony export */   hV: () => (/* binding */ releaseVariables),
/* harmony export */   iY: () => (/* binding */ parseDependents)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

const LINE = /^(?:(github|gitlab):)?([\w.-]+(?:\/[\w.-]+)+?)(?:@([\w./-]+))?$/;
/**
 * One dependent per line: `github:owner/repo`, `gitlab:group/project@main`, or a bare path
 * (the forge this runs on). `@ref` is the branch a GitLab pipeline runs on (default `main`).
 */
function parseDependents(lines, defaultKind, input = 'dependents') {
    return lines.map((line) => {
        const match = LINE.exec(line);
        if (!match)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, line, "lines such as 'github:owner/repo' or 'gitlab:group/project@main'");
        const kind = match[1] ?? defaultKind;
        const repository = match[2];
        if (kind === 'github' && repository.split('/').length !== 2)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, line, "a GitHub repository as 'owner/repo'");
        return { kind, repository, ref: match[3] ?? 'main' };
    });
}
/** The `repository_dispatch` event type a GitHub dependent's workflow listens for (`on: repository_dispatch: types: [aegis-release]`). */
const DISPATCH_EVENT_TYPE = 'aegis-release';
/** How long a dependent's forge may take to answer before the notification counts as failed. */
const NOTIFY_TIMEOUT_MS = 30_000;
/** The pipeline variables a GitLab dependent receives, so both forges carry the same four facts. */
function releaseVariables(event) {
    return {
        AEGIS_RELEASE_LIBRARY: event.library,
        AEGIS_RELEASE_VERSION: event.version,
        AEGIS_RELEASE_TAG: event.tag,
        AEGIS_RELEASE_PRERELEASE: String(event.prerelease),
    };
}
/** Sends every notification; one failure does not stop the others (the release itself is already done). */
async function notifyDependents(dependents, notifierFor, event) {
    const results = [];
    for (const dependent of dependents) {
        try {
            await (await notifierFor(dependent.kind)).notifyDependent(dependent, event);
            results.push({ dependent, ok: true, detail: 'notified' });
        }
        catch (error) {
            results.push({ dependent, ok: false, detail: error.message });
        }
    }
    return results;
}


/***/ }),

/***/ 9342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ executeReleaseStage),
  executeReleaseStage: () => (/* binding */ executeReleaseStage),
  parse: () => (/* binding */ parse),
  plan: () => (/* binding */ planReleaseStage),
  planReleaseStage: () => (/* binding */ planReleaseStage),
  report: () => (/* binding */ reportRelease),
  reportRelease: () => (/* binding */ reportRelease)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/credential-scope.ts
var credential_scope = __webpack_require__(7935);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
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

// EXTERNAL MODULE: ./src/core/release/dependents.ts
var release_dependents = __webpack_require__(5097);
;// CONCATENATED MODULE: ./src/core/release/package.ts
/** The library's own manifests, read for its name: package.json (npm) and pyproject.toml (PyPI). */


/** `name` of the folder's package.json, when it has one. */
function npmPackageName(libraryDir) {
    const file = (0,external_node_path_.join)(libraryDir, 'package.json');
    return (0,external_node_fs_.existsSync)(file) ? JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8')).name : undefined;
}
/** The project name of the folder's pyproject.toml: `[project]` (PEP 621) or `[tool.poetry]`. */
function pypiProjectName(libraryDir) {
    const file = (0,external_node_path_.join)(libraryDir, 'pyproject.toml');
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
/** The name the release is announced under: the npm package, else the Python project, else the folder. */
function libraryName(libraryDir) {
    return npmPackageName(libraryDir) ?? pypiProjectName(libraryDir) ?? (0,external_node_path_.basename)(libraryDir);
}

// EXTERNAL MODULE: ./src/core/process.ts + 1 modules
var process = __webpack_require__(9084);
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
        async lookup(version) {
            if (!options.checkArgv)
                return 'unknown';
            const [command = '', ...args] = render(options.checkArgv, version);
            const result = await (0,process/* run */.eF)(command, args, { cwd, env: commandEnv(options, version, tagFor(version)), allowFailure: true });
            return result.exitCode === 0 ? { version } : undefined;
        },
        distTags: async () => ({}),
        // A custom command's registry is unknown to us; its check-command is the user's proof.
        verifyAccess: async () => 'not checked (publish: command)',
        async publish(version, dir) {
            const [command = '', ...args] = render(options.argv, version);
            await (0,process/* run */.eF)(command, args, { cwd: dir, env: commandEnv(options, version, tagFor(version)) });
        },
    };
}

;// CONCATENATED MODULE: ./src/core/release/publish/build.ts

/**
 * Runs `argv` in the library folder before publishing (e.g. `python3 -m build`), also when resuming
 * from a tag. A rerun compares what it builds with what the registry holds, so the build must be
 * reproducible: hatchling and flit are by default, setuptools with SOURCE_DATE_EPOCH (passed through).
 */
function withBuild(publisher, argv) {
    if (!argv || argv.length === 0)
        return publisher;
    const [command = '', ...args] = argv;
    return {
        ...publisher,
        describe: () => `${publisher.describe()} after ${JSON.stringify(argv)}`,
        async publish(version, dir, context) {
            await (0,process/* run */.eF)(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version, AEGIS_RELEASE_TAG: context.tag } });
            await publisher.publish(version, dir, context);
        },
        ...(publisher.missingFiles && {
            async missingFiles(version, dir, existing) {
                await (0,process/* run */.eF)(command, args, { cwd: dir, env: { AEGIS_RELEASE_VERSION: version } });
                return publisher.missingFiles(version, dir, existing);
            },
        }),
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/release/http.ts


/** Sends a request; a network failure becomes an error that names the host (never the headers). */
async function send(request, what, fetchImpl, timeoutMs = 30_000) {
    let response;
    try {
        response = await (0,http/* httpFetch */.tX)(request.url, 
        // A redirect (e.g. to a login page) is an answer to report, not to follow and mistake for success.
        { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' }, { timeoutMs, fetch: fetchImpl });
    }
    catch (error) {
        if (!(error instanceof http/* HttpUnreachableError */.fN))
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

;// CONCATENATED MODULE: ./src/core/release/publish/npm.ts







const NPM_DEFAULT_REGISTRY = 'https://registry.npmjs.org/';
/** npm expands `${VAR}` in .npmrc, so the token lives only in the child's environment. */
const TOKEN_VARIABLE = 'AEGIS_NPM_TOKEN';
function registryBase(url) {
    return url.endsWith('/') ? url : `${url}/`;
}
/** The full packument request (`gitHead` and `dist` are only in the full document): `@scope/name` is sent as `@scope%2fname`. */
function npmPackumentRequest(options) {
    const headers = { accept: 'application/json' };
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
    const where = `npm registry ${options.registryUrl}`;
    const packument = async () => {
        const response = await send(npmPackumentRequest(options), where, fetchImpl);
        if (response.status === 404)
            return undefined;
        expectStatus(response, [200], `${where} (package ${options.packageName})`);
        try {
            return JSON.parse(response.body);
        }
        catch {
            throw new errors/* AegisError */.o4(`${where} answered the packument of ${options.packageName} with something that is not JSON.`);
        }
    };
    /** Runs npm with a throwaway userconfig that reads the token from the environment. */
    const npm = async (args, cwd) => {
        const configDir = (0,cleanup/* createPrivateDir */.b4)((0,external_node_os_.tmpdir)(), 'aegis-npmrc-');
        const userconfig = (0,external_node_path_.join)(configDir, '.npmrc');
        (0,external_node_fs_.writeFileSync)(userconfig, npmrcFor(options.registryUrl), { mode: 0o600 });
        try {
            return await (0,process/* run */.eF)(options.npm ?? 'npm', args, {
                cwd,
                allowFailure: true,
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
        finally {
            (0,cleanup/* removePrivateDir */.VZ)(configDir);
        }
    };
    return {
        kind: 'npm',
        describe: () => `npm package ${options.packageName} to ${options.registryUrl}`,
        async lookup(version) {
            const manifest = (await packument())?.versions?.[version];
            if (!manifest)
                return undefined;
            return { version, gitHead: manifest.gitHead, integrity: manifest.dist?.integrity };
        },
        async distTags() {
            return (await packument())?.['dist-tags'] ?? {};
        },
        async verifyAccess() {
            if (!options.token)
                throw new errors/* AegisError */.o4(`No token for ${where}: set the 'token' input (an npm automation or granular token).`);
            // `npm whoami` is what semantic-release's npm plugin runs: it fails on a token the registry does not accept.
            const result = await npm(['whoami', '--registry', registryBase(options.registryUrl)], (0,external_node_os_.tmpdir)());
            if (result.exitCode !== 0) {
                throw new errors/* AegisError */.o4(`${where} does not accept the token (npm whoami: ${lastLine(result.stderr)}); nothing was published.`);
            }
            return `npm whoami: ${result.stdout.trim()}`;
        },
        async publish(_version, dir, context) {
            const result = await npm(npmPublishArgs(options.registryUrl, context.distTag), dir);
            if (result.exitCode !== 0) {
                throw new errors/* AegisError */.o4(`npm publish of ${options.packageName} to ${options.registryUrl} failed: ${lastLine(result.stderr)}`);
            }
        },
    };
}
function lastLine(text) {
    return (text
        .trim()
        .split('\n')
        .filter((line) => !/^npm (notice|warn)/.test(line))
        .slice(-3)
        .join(' ') || 'no output');
}

;// CONCATENATED MODULE: ./src/core/release/publish/publisher.ts
const noPublisher = {
    kind: 'none',
    describe: () => 'nothing (publish: none)',
    lookup: async () => 'unknown',
    distTags: async () => ({}),
    verifyAccess: async () => 'nothing to publish',
    publish: async () => { },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
    return {
        TWINE_USERNAME: options.username ?? '__token__',
        TWINE_PASSWORD: options.token ?? '',
        TWINE_NON_INTERACTIVE: '1',
        // twine asks the system keyring first; on a CI runner that can hang on D-Bus, and the token is here anyway.
        PYTHON_KEYRING_BACKEND: 'keyring.backends.null.Keyring',
    };
}
function sha256Of(path) {
    return (0,external_node_crypto_.createHash)('sha256').update((0,external_node_fs_.readFileSync)(path)).digest('hex');
}
/** Local distributions of `version` in `dir`'s dist folder, as absolute paths. */
function localDistributions(options, version, dir) {
    const distDir = (0,external_node_path_.join)(dir, options.distDir ?? 'dist');
    let listing = [];
    try {
        listing = (0,external_node_fs_.readdirSync)(distDir);
    }
    catch {
        // reported by the caller with the expected location
    }
    return distributionsFor(options.packageName, version, listing).map((file) => (0,external_node_path_.join)(distDir, file));
}
/**
 * Local files not yet in the release, compared by name and sha256. A file of the same name with
 * another hash means the index holds a different build: PyPI never lets a file be replaced, so
 * that is reported, not retried.
 */
function compareDistributions(local, remote, what) {
    const byName = new Map(remote.map((file) => [file.filename, file.sha256]));
    const missing = [];
    for (const file of local) {
        const name = (0,external_node_path_.basename)(file.path);
        const published = byName.get(name);
        if (published === undefined)
            missing.push(file.path);
        else if (published !== file.sha256) {
            throw new errors/* AegisError */.o4(`${what} already holds ${name} with sha256 ${published}, but the tagged commit builds it with sha256 ${file.sha256}: the index has a different build of this version. Release a new version (e.g. a fix commit, or Release-As).`);
        }
    }
    return missing;
}
function pypiPublisher(options) {
    const fetchImpl = options.fetch;
    const where = `PyPI JSON API for ${options.registryUrl}`;
    return {
        kind: 'pypi',
        describe: () => `PyPI package ${options.packageName} to ${options.registryUrl}`,
        async lookup(version) {
            const response = await send(pypiReleaseRequest(options, version), where, fetchImpl);
            if (response.status === 404)
                return undefined;
            expectStatus(response, [200], `PyPI JSON API (${options.packageName} ${version})`);
            // Only the release's own JSON counts: a page that merely answers 200 must not let a release be tagged without its package.
            let body;
            try {
                body = JSON.parse(response.body);
            }
            catch {
                body = undefined;
            }
            if (body?.info?.version !== version) {
                throw new errors/* AegisError */.o4(`PyPI JSON API (${options.packageName} ${version}) answered 200 without that release's JSON; check pypi-check-url.`);
            }
            const files = (body.urls ?? []).flatMap((url) => url.filename && url.digests?.sha256 ? [{ filename: url.filename, sha256: url.digests.sha256 }] : []);
            return { version, files };
        },
        distTags: async () => ({}),
        async verifyAccess() {
            // PyPI has no "who am I" for upload tokens: short of uploading, a token is checked for presence and,
            // on pypi.org, for the API-token form; the upload endpoint must answer.
            if (!options.token)
                throw new errors/* AegisError */.o4(`No token for ${options.registryUrl}: set the 'token' input (a PyPI API token).`);
            if (defaultCheckUrl(options.registryUrl) && !options.token.startsWith('pypi-')) {
                throw new errors/* AegisError */.o4(`The token for ${options.registryUrl} is not a PyPI API token (those start with 'pypi-').`);
            }
            const response = await send({ method: 'GET', url: options.registryUrl, headers: {} }, `PyPI upload endpoint ${options.registryUrl}`, fetchImpl);
            return `upload endpoint answered HTTP ${response.status} (PyPI cannot check a token without an upload)`;
        },
        async missingFiles(version, dir, existing) {
            const local = localDistributions(options, version, dir).map((path) => ({ path, sha256: sha256Of(path) }));
            return compareDistributions(local, existing.files ?? [], `${options.registryUrl} (${options.packageName} ${version})`).map((path) => (0,external_node_path_.basename)(path));
        },
        async publish(version, dir, context) {
            const all = localDistributions(options, version, dir);
            if (all.length === 0) {
                throw new errors/* AegisError */.o4(`No distributions of ${options.packageName} ${version} in ${(0,external_node_path_.join)(dir, options.distDir ?? 'dist')}: build them first (e.g. build-command: ["python3", "-m", "build"]).`);
            }
            const files = context.existing
                ? compareDistributions(all.map((path) => ({ path, sha256: sha256Of(path) })), context.existing.files ?? [], `${options.registryUrl} (${options.packageName} ${version})`)
                : all;
            if (files.length === 0)
                return;
            const [command = 'twine', ...prefix] = options.twine ?? ['twine'];
            const result = await (0,process/* run */.eF)(command, [...prefix, ...twineArgs(options.registryUrl, files)], {
                cwd: dir,
                env: twineEnv(options),
                allowFailure: true,
            });
            if (result.exitCode !== 0) {
                throw new errors/* AegisError */.o4(`twine upload of ${files.map((file) => (0,external_node_path_.basename)(file)).join(', ')} to ${options.registryUrl} failed: ${result.stdout.trim().split('\n').slice(-3).join(' ')} ${result.stderr.trim().split('\n').slice(-3).join(' ')}`.trim());
            }
        },
    };
}

;// CONCATENATED MODULE: ./src/core/release/publish/select.ts
/** The publisher a release uses, chosen by the `publish` input and the library's manifest. */







const PUBLISH_TARGETS = ['npm', 'pypi', 'command', 'none'];
/** The publisher for `options.publish`; refuses, naming the input, a library whose manifest cannot be published that way. */
function createPublisher(options) {
    const { libraryDir, registryUrl, token, buildArgv } = options;
    switch (options.publish) {
        case 'npm': {
            const packageName = npmPackageName(libraryDir);
            if (!packageName)
                throw new errors/* InputError */.dz('publish', 'npm', "a library folder ('path') with a package.json that has a name");
            return withBuild(npmPublisher({ packageName, registryUrl: registryUrl ?? NPM_DEFAULT_REGISTRY, token }), buildArgv);
        }
        case 'pypi': {
            const packageName = pypiProjectName(libraryDir);
            if (!packageName)
                throw new errors/* InputError */.dz('publish', 'pypi', "a library folder ('path') with a pyproject.toml naming the project");
            const uploadUrl = registryUrl ?? PYPI_DEFAULT_UPLOAD_URL;
            if (!options.pypiCheckUrl && !defaultCheckUrl(uploadUrl)) {
                throw new errors/* InputError */.dz('pypi-check-url', '', `the JSON API URL of ${uploadUrl} (…/pypi/)`, 'only pypi.org and test.pypi.org are known');
            }
            return withBuild(pypiPublisher({ packageName, registryUrl: uploadUrl, checkUrl: options.pypiCheckUrl, token }), buildArgv);
        }
        case 'command':
            return withBuild(commandPublisher({ argv: options.publishArgv, checkArgv: options.checkArgv, token, registryUrl }, libraryDir, (version) => `${options.tagPrefix}${version}`), buildArgv);
        default:
            return noPublisher;
    }
}

// EXTERNAL MODULE: ./src/core/git/atomic.ts
var atomic = __webpack_require__(5431);
// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
;// CONCATENATED MODULE: ./src/core/release/commits.ts
const HEADER = /^(\w[\w-]*)(?:\(([^()\r\n]*)\))?(!)?: (.+)$/;
const REVERT_HEADER = /^(?:Revert|revert:)\s"?([\s\S]+?)"?$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:\s*([\s\S]*)$/;
const FOOTER_TOKEN = /^([A-Za-z][\w-]*|BREAKING[ -]CHANGE)(?::\s|\s#)/;
const RELEASE_AS = /^Release-As:\s*(.*)$/im;
const REVERTED_HASH = /This reverts commit ([0-9a-f]{7,40})\./i;
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
        reverts: revert ? REVERTED_HASH.exec(message)?.[1]?.toLowerCase() : undefined,
    };
}
/**
 * Commits minus every revert whose reverted commit is also in the list, and that commit: a
 * feature added and reverted within one release is neither released nor announced. A revert of
 * something released earlier stays (it is a change). Newest first in and out, as conventional-
 * commits-filter processes them, so a revert of a revert restores the original.
 */
function withoutRevertedPairs(commits) {
    const pending = new Map();
    const dropped = new Set();
    for (const commit of commits) {
        const reverter = [...pending.entries()].find(([target]) => commit.hash.startsWith(target));
        if (reverter) {
            pending.delete(reverter[0]);
            dropped.add(reverter[1]).add(commit);
            continue;
        }
        if (commit.reverts)
            pending.set(commit.reverts, commit);
    }
    return commits.filter((commit) => !dropped.has(commit));
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
/** Whether `merge` brings a change under `path` into its first parent's line. */
async function mergeTouches(git, merge, path) {
    const parent = await git.resolveCommit(`${merge}^1`);
    if (!parent)
        return false;
    // `--name-status -z`: status, then one path (two for renames and copies), NUL-separated.
    const fields = (await git.nameStatus(parent, merge)).split('\0').filter(Boolean);
    const paths = [];
    for (let index = 0; index < fields.length;) {
        const status = fields[index];
        const count = /^[RC]/.test(status) ? 2 : 1;
        paths.push(...fields.slice(index + 1, index + 1 + count));
        index += 1 + count;
    }
    if (path === '.')
        return paths.length > 0;
    const prefix = path.endsWith('/') ? path : `${path}/`;
    return paths.some((file) => file === path || file.startsWith(prefix));
}
/**
 * Commits after `from` (exclusive; all history when undefined) up to `to` that touch `path`,
 * newest first, with reverted pairs removed. A merge commit counts when it brings a change to
 * `path` into the branch (its diff against the first parent), as semantic-release reads every
 * commit of the range.
 */
async function commitsSince(git, from, path, to = 'HEAD', options = { merges: true }) {
    const range = from ? `${from}..${to}` : to;
    const parse = (commits) => commits.map((commit) => parseCommit(commit.sha, commit.message));
    const plain = parse(await git.log({ range, paths: [path], noMerges: true }));
    if (!options.merges)
        return withoutRevertedPairs(plain);
    // Git's own order (newest first) for both kinds: the revert filter and the changelog rely on it.
    const all = await git.log({ range });
    const nonMerges = new Set((await git.log({ range, noMerges: true })).map((commit) => commit.sha));
    const counted = new Set(plain.map((commit) => commit.hash));
    for (const merge of parse(all.filter((commit) => !nonMerges.has(commit.sha)))) {
        if (merge.type && (await mergeTouches(git, merge.hash, path)))
            counted.add(merge.hash);
    }
    return withoutRevertedPairs(parse(all.filter((commit) => counted.has(commit.sha))));
}
/** True when the repository has no commit at all (HEAD is unborn). */
async function isUnborn(git) {
    return (await git.resolveCommit('HEAD')) === undefined;
}
/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
function dirtyFiles(git) {
    return git.status();
}

;// CONCATENATED MODULE: ./src/core/release/ref-name.ts
/**
 * The rules of `git check-ref-format` (git-check-ref-format(1)) for a full ref name such as
 * `refs/heads/main`, as a pure function: names are checked before anything runs. Returns the
 * rule a name breaks, or undefined when git accepts it.
 */
function refNameProblem(ref) {
    if (ref === '@')
        return 'is the single character @';
    if (ref.startsWith('/') || ref.endsWith('/'))
        return 'begins or ends with /';
    if (ref.includes('//'))
        return 'contains consecutive slashes';
    if (ref.endsWith('.'))
        return 'ends with a dot';
    if (ref.includes('..'))
        return 'contains ..';
    if (ref.includes('@{'))
        return 'contains @{';
    // Control characters, DEL, space, ~ ^ : ? * [ and backslash.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what git refuses
    if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref))
        return 'contains a space, a control character or one of ~ ^ : ? * [ \\';
    for (const component of ref.split('/')) {
        if (component.startsWith('.'))
            return `has a component starting with a dot (${component})`;
        if (component.endsWith('.lock'))
            return `has a component ending with .lock (${component})`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/release/trailer.ts
/** Trailer naming the tag a release commit belongs to. */
const RELEASE_TRAILER_KEY = 'Aegis-Release';

;// CONCATENATED MODULE: ./src/core/release/preflight.ts




/**
 * A branch or tag name git itself accepts (git check-ref-format's rules), never one that could
 * be read as an option. Checked before anything is fetched, published or written.
 */
function validateRefName(kind, name, input, value = name) {
    const expected = kind === 'branch'
        ? 'a branch name git accepts (git check-ref-format), not starting with -'
        : 'a prefix that makes valid tag names (git check-ref-format), not starting with -';
    if (!name || name.startsWith('-'))
        throw new errors/* InputError */.dz(input, value, expected);
    const problem = refNameProblem(`refs/${kind === 'branch' ? 'heads' : 'tags'}/${name}`);
    if (problem)
        throw new errors/* InputError */.dz(input, value, expected, `${JSON.stringify(name)} ${problem}`);
}
/** The commit `refs/heads/<branch>` points at on the remote; undefined when the remote has no such branch. */
async function remoteBranchTip(git, remote, branch) {
    const listed = await git.remoteRefs(remote, [`refs/heads/${branch}`], 'heads');
    if (!listed.ok)
        throw new errors/* AegisError */.o4(`Cannot read branch ${branch} from ${remote}: ${listed.stderr.trim()}`);
    return listed.refs.find((entry) => entry.ref === `refs/heads/${branch}`)?.sha;
}
/** Fetches the branch and the tags: the plan must see the remote as it is, not as this checkout last saw it. */
async function fetchBranchAndTags(git, remote, branch) {
    const fetched = await git.fetch(remote, [`refs/heads/${branch}`], { tags: true });
    if (!fetched.ok)
        throw new errors/* AegisError */.o4(`Cannot fetch ${branch} and the tags from ${remote}: ${fetched.stderr.trim()}`);
}
/** Whether `commit` is a release commit this stage made (its trailer), so an unpushed one may be finished. */
async function isOwnReleaseCommit(git, commit) {
    return new RegExp(`^${RELEASE_TRAILER_KEY}: `, 'm').test(await git.message(commit));
}
/**
 * The release is made from the remote branch's tip, as semantic-release insists: a checkout
 * behind (or beside) the branch would publish content the branch no longer has. The one
 * exception is this stage's own release commit on top of the tip, left by a run that stopped
 * before its push: the rerun finishes it.
 */
async function checkReleaseBase(git, remote, branch, head) {
    const tip = await remoteBranchTip(git, remote, branch);
    if (!tip)
        throw new errors/* InputError */.dz('branch', branch, `a branch that exists on ${remote}`);
    if (tip === head)
        return 'tip';
    // The release commit, and the fix(deps) commit below it when workspace dependents were bumped.
    let own = head;
    for (let depth = 0; depth < 2 && (await isOwnReleaseCommit(git, own)); depth++) {
        const parent = await git.resolveCommit(`${own}^`);
        if (parent === tip)
            return 'own-release-commit';
        if (!parent)
            break;
        own = parent;
    }
    if (await git.isAncestor(tip, head)) {
        throw new errors/* AegisError */.o4(`This checkout (${head.slice(0, 12)}) has commits that ${remote} ${branch} (${tip.slice(0, 12)}) does not: push them first, then release from the branch's tip.`);
    }
    throw new errors/* AegisError */.o4(`${remote} ${branch} is at ${tip.slice(0, 12)}, this checkout at ${head.slice(0, 12)}: the branch moved on; rerun on the new tip. Nothing was published.`);
}
/** The lines of a failed push that say why (rejected refs, errors), without git's hints. */
function pushSummary(stdout, stderr) {
    const lines = `${stdout}\n${stderr}`
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => /^(!|error:|fatal:|remote:)/.test(line) && !/^remote:\s*$/.test(line));
    return lines.slice(0, 4).join('; ') || stderr.trim().split('\n').slice(-1).join('') || 'no output';
}
/**
 * `git push --dry-run` of exactly the refs the release pushes: the remote is asked for push
 * access (and refuses an existing tag) before anything is published.
 */
async function provePushAccess(git, remote, refspecs) {
    const pushed = await git.push(remote, refspecs, { atomic: true, porcelain: true, dryRun: true });
    if (pushed.ok)
        return;
    const detail = pushSummary(pushed.stdout, pushed.stderr);
    if ((0,git_git/* isRaceRejection */.pf)(`${pushed.stdout}\n${pushed.stderr}`)) {
        throw new errors/* AegisError */.o4(`${remote} refuses ${refspecs.join(' ')} (${detail}): the branch moved on or the tag exists; rerun on the new tip. Nothing was published.`);
    }
    throw new errors/* AegisError */.o4(`No push access to ${remote} (git push --dry-run ${refspecs.join(' ')}: ${detail}). Nothing was published.`);
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
const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];
/**
 * An npm lockfile (package-lock.json / npm-shrinkwrap.json) with the version of the package at
 * `packagePath` set: `""` is the root package (also the top-level `version`), `libs/a` a workspace.
 * Rewritten as npm writes it (detected indentation, newline at end); undefined when the lockfile
 * does not list that package.
 */
function setLockfileVersion(file, text, packagePath, version) {
    let lock;
    try {
        lock = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `is not valid JSON: ${error.message}`);
    }
    const entry = lock.packages?.[packagePath];
    const isRoot = packagePath === '';
    if (!entry && !(isRoot && lock.version !== undefined))
        return undefined;
    if (isRoot && lock.version !== undefined)
        lock.version = version;
    if (entry && entry.version !== undefined)
        entry.version = version;
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    return `${JSON.stringify(lock, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/core/release/workspace.ts



/**
 * Spans of the string values at `depth` 2 under each of `sections` (`{"dependencies": {"a": "^1.0.0"}}`),
 * found with a small scanner so the edit replaces exactly those bytes and nothing else.
 */
function dependencySpans(file, text, sections) {
    try {
        JSON.parse(text);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `is not valid JSON: ${error.message}`);
    }
    const spans = [];
    const path = [];
    let index = 0;
    const readString = () => {
        const start = index + 1;
        index = start;
        while (text[index] !== '"')
            index += text[index] === '\\' ? 2 : 1;
        const raw = text.slice(start, index);
        index++;
        return { start, end: index - 1, value: JSON.parse(`"${raw}"`) };
    };
    const skipSpace = () => {
        while (/\s/.test(text[index] ?? ''))
            index++;
    };
    const value = () => {
        skipSpace();
        const char = text[index];
        if (char === '{') {
            index++;
            skipSpace();
            if (text[index] === '}') {
                index++;
                return;
            }
            for (;;) {
                skipSpace();
                const key = readString().value;
                skipSpace();
                index++; // the colon
                skipSpace();
                path.push(key);
                if (path.length === 2 && sections.includes(path[0]) && text[index] === '"') {
                    spans.push({ ...readString(), section: path[0], name: key });
                }
                else
                    value();
                path.pop();
                skipSpace();
                if (text[index++] === '}')
                    return;
            }
        }
        if (char === '[') {
            index++;
            skipSpace();
            if (text[index] === ']') {
                index++;
                return;
            }
            for (;;) {
                value();
                skipSpace();
                if (text[index++] === ']')
                    return;
            }
        }
        if (char === '"') {
            readString();
            return;
        }
        while (index < text.length && !/[,}\]\s]/.test(text[index]))
            index++;
    };
    value();
    return spans;
}
const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/**
 * The range that admits `version` in the form the dependent wrote (`^0.1.0` → `^0.2.0`,
 * `workspace:~1.0.0` → `workspace:~1.1.0`); undefined for forms that follow the workspace by
 * themselves or say something a bump must not overrule (`workspace:*`, `*`, `file:`, `^1 || ^2`).
 */
function bumpedRange(range, version) {
    const match = /^(workspace:)?(\^|~|>=|=)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(range.trim());
    if (!match || !semver_default().valid(match[3]))
        return undefined;
    const next = `${match[1] ?? ''}${match[2] ?? ''}${version}`;
    return next === range ? undefined : next;
}
/** The npm/yarn/pnpm-style `workspaces` globs of the root package.json, matched against the tree's package.json files. */
async function workspacePackages(git, rootManifest) {
    if (!rootManifest)
        return [];
    const parsed = JSON.parse(rootManifest);
    const globs = Array.isArray(parsed.workspaces) ? parsed.workspaces : (parsed.workspaces?.packages ?? []);
    if (globs.length === 0)
        return [];
    const matches = picomatch_default()(globs.map((glob) => glob.replace(/^\.\//, '').replace(/\/$/, '')));
    return (await git.listFiles('HEAD'))
        .filter((file) => file.endsWith('/package.json') && !file.includes('node_modules/'))
        .map((file) => file.slice(0, -'/package.json'.length))
        .filter((dir) => matches(dir))
        .map((dir) => ({ dir, manifest: `${dir}/package.json` }));
}
/** A dependent's manifest with its ranges on `name` moved to admit `version`; every other byte kept. */
function bumpDependency(file, text, name, version) {
    let result = text;
    const bumped = [];
    const spans = dependencySpans(file, text, DEPENDENCY_SECTIONS).filter((span) => span.name === name);
    for (const span of spans.sort((a, b) => b.start - a.start)) {
        const next = bumpedRange(span.value, version);
        if (!next)
            continue;
        result = `${result.slice(0, span.start)}${JSON.stringify(next).slice(1, -1)}${result.slice(span.end)}`;
        bumped.push(`${span.section} ${span.value} → ${next}`);
    }
    return { text: result, bumped };
}
/** The root lockfile with the dependents' recorded ranges on `name` updated as in their manifests. */
function bumpLockfileDependents(file, text, dependents, name, version) {
    let lock;
    try {
        lock = JSON.parse(text);
    }
    catch (error) {
        throw new errors/* FileError */.f6(file, `is not valid JSON: ${error.message}`);
    }
    for (const dir of dependents) {
        const entry = lock.packages?.[dir];
        if (!entry)
            continue;
        for (const section of DEPENDENCY_SECTIONS) {
            const deps = entry[section];
            const next = deps?.[name] === undefined ? undefined : bumpedRange(deps[name], version);
            if (deps && next)
                deps[name] = next;
        }
    }
    const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
    return `${JSON.stringify(lock, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

;// CONCATENATED MODULE: ./src/core/release/release.ts

















/** Trailer naming the tag a release commit belongs to. */
const RELEASE_TRAILER = RELEASE_TRAILER_KEY;
function today() {
    return new Date().toISOString().slice(0, 10);
}
async function currentBranch(git, options) {
    if (options.git.branch)
        return options.git.branch;
    const branch = await git.currentBranch();
    if (!branch)
        throw new errors/* AegisError */.o4("HEAD is detached: set the 'branch' input to the branch the release commit is pushed to.");
    return branch;
}
async function remoteHasTag(git, remote, tag) {
    return (0,git_git/* mustSucceed */.MX)(await git.remoteRefs(remote, [`refs/tags/${tag}`], 'tags')).refs.length > 0;
}
/** The commit a tag points at (annotated tags peeled). */
async function tagCommitOf(git, tag) {
    const commit = await git.resolveCommit(`refs/tags/${tag}`);
    if (!commit)
        throw new errors/* AegisError */.o4(`Tag ${tag} does not point at a commit.`);
    return commit;
}
async function forgeStep(options, tag) {
    if (!options.forge)
        return 'skip';
    return (await options.forge.releases.findRelease(options.forge.repository, tag)) ? 'done' : 'todo';
}
function readText(repoDir, file) {
    const path = (0,external_node_path_.join)(repoDir, file);
    return (0,external_node_fs_.existsSync)(path) ? (0,external_node_fs_.readFileSync)(path, 'utf8') : undefined;
}
/** npm lockfiles that record the library's version: beside its package.json, and the workspace root's entry for it. */
function lockfileChanges(options, version) {
    if (!options.versionFiles.some((file) => versionFileKind(file) === 'package.json'))
        return [];
    const changes = [];
    const candidates = LOCKFILES.map((name) => [
        options.path === '.' ? name : (0,external_node_path_.join)(options.path, name),
        '',
    ]);
    if (options.path !== '.')
        candidates.push(...LOCKFILES.map((name) => [name, options.path]));
    for (const [file, key] of candidates) {
        const before = readText(options.repoDir, file);
        if (before === undefined)
            continue;
        const after = setLockfileVersion(file, before, key, version);
        if (after !== undefined && after !== before)
            changes.push({ file, before, after });
    }
    return changes;
}
/** Version files, lockfiles and changelog as they would be after the release; files already right are left out. */
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
    changes.push(...lockfileChanges(options, version));
    if (options.changelogFile) {
        const before = readText(options.repoDir, options.changelogFile);
        const after = prependChangelog(before, version, notes);
        if (after !== before)
            changes.push({ file: options.changelogFile, before, after });
    }
    return changes;
}
/**
 * With `workspaceDependents`, the siblings' manifests moved to `version` and, when one changes, the
 * root lockfile with them (its entry for this library included): those go in the `fix(deps)` commit.
 */
async function withDependents(options, git, version, changes) {
    const manifest = options.versionFiles.find((file) => versionFileKind(file) === 'package.json');
    const none = { fileChanges: changes, dependentChanges: [], dependents: [] };
    if (!options.workspaceDependents || !manifest || options.path === '.')
        return none;
    const name = JSON.parse(readText(options.repoDir, manifest) ?? '{}').name;
    if (!name)
        return none;
    const dependentChanges = [];
    const dependents = [];
    const dirs = [];
    for (const sibling of await workspacePackages(git, readText(options.repoDir, 'package.json'))) {
        if (sibling.dir === options.path)
            continue;
        const before = readText(options.repoDir, sibling.manifest);
        const { text, bumped } = bumpDependency(sibling.manifest, before, name, version);
        if (bumped.length === 0)
            continue;
        dependentChanges.push({ file: sibling.manifest, before, after: text });
        dependents.push(`${sibling.dir}: ${bumped.join(', ')}`);
        dirs.push(sibling.dir);
    }
    if (dependentChanges.length === 0)
        return none;
    const lockfile = readText(options.repoDir, 'package-lock.json');
    if (lockfile === undefined)
        return { fileChanges: changes, dependentChanges, dependents };
    const planned = changes.find((change) => change.file === 'package-lock.json');
    const after = bumpLockfileDependents('package-lock.json', planned?.after ?? lockfile, dirs, name, version);
    dependentChanges.push({ file: 'package-lock.json', before: lockfile, after });
    return { fileChanges: changes.filter((change) => change !== planned), dependentChanges, dependents };
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
/**
 * The dist-tag: the input when given, the channel for a prerelease, and for a version below the
 * registry's current `latest` the maintenance tag `release-<major>.x` (what semantic-release's npm
 * plugin uses for a `1.x` branch), so a maintenance release never moves `latest` back.
 */
async function distTagFor(options, version) {
    if (options.distTag)
        return options.distTag;
    const pre = semver_default().prerelease(version);
    if (pre)
        return options.channel ?? String(pre[0] ?? 'next');
    const latest = options.publisher.kind === 'npm' ? (await options.publisher.distTags()).latest : undefined;
    return latest && semver_default().valid(latest) && semver_default().lt(version, latest) ? `release-${semver_default().major(version)}.x` : 'latest';
}
/** A registry entry that was not built from `commit` stops the release: what is published must be what the tag says. */
function mismatch(options, version, tag, holds, tagPointsAt) {
    return new errors/* AegisError */.o4(`${options.publisher.describe()}: the registry already holds ${version} ${holds}, but ${tag} would point at ${tagPointsAt}. Not tagging or publishing: the registry and the tag would disagree. Release a new version (a fix commit or Release-As), or deprecate the stray ${version}.`);
}
/**
 * Whether the registry's `version` is this release's: npm's `gitHead` must be the commit being
 * tagged (`commit`; undefined when the release commit is yet to be made, so nothing on the
 * registry can be it). Returns the publish step; throws on a mismatch.
 */
function verifyNpmEntry(options, entry, tag, commit) {
    const target = commit ? `commit ${commit.slice(0, 12)}` : 'a release commit this run has yet to make';
    if (!entry.gitHead) {
        if (!commit)
            throw mismatch(options, entry.version, tag, '(published without a gitHead)', target);
        options.log.warning(`${entry.version} on the registry has no gitHead, so it cannot be told whether it was built from ${target}; trusting the version.`);
        return 'done';
    }
    if (entry.gitHead !== commit) {
        throw mismatch(options, entry.version, tag, `built from commit ${entry.gitHead.slice(0, 12)} (its gitHead)`, target);
    }
    return 'done';
}
/**
 * A local clone of the tag (HEAD detached at it): what the tag says and nothing else. A clone,
 * not a worktree, because npm reads `gitHead` from `.git/HEAD`, which a worktree does not have.
 */
async function withCheckoutOf(options, tag, use) {
    return (0,cleanup/* withPrivateDir */.vG)((0,external_node_os_.tmpdir)(), 'aegis-release-', async (dir) => {
        (0,git_git/* mustSucceed */.MX)(await new git_git/* Git */.TU(dir).clone(options.repoDir, { branch: tag }));
        return use((0,external_node_path_.join)(dir, options.path));
    });
}
/** Finishing a release whose tag exists: push branch and tag, publish, create the forge release — whichever is missing. */
async function resumePlan(options, git, context, tags, latest) {
    const tagCommit = await tagCommitOf(git, latest.tag);
    const entry = await options.publisher.lookup(latest.version);
    let publish = entry === 'unknown' ? 'skip' : 'todo';
    let missingFiles;
    const registry = entry === 'unknown' ? undefined : entry;
    if (registry && options.publisher.missingFiles) {
        // PyPI keeps every file of a release separately: it is complete only when each file this tag builds is there, byte for byte.
        const missingOf = options.publisher.missingFiles.bind(options.publisher);
        missingFiles = await withCheckoutOf(options, latest.tag, (dir) => missingOf(latest.version, dir, registry));
        publish = missingFiles.length > 0 ? 'todo' : 'done';
    }
    const remote = options.git.remote;
    const tagMissing = remote ? !(await remoteHasTag(git, remote, latest.tag)) : false;
    if (registry && !options.publisher.missingFiles) {
        try {
            publish = options.publisher.kind === 'npm' ? verifyNpmEntry(options, registry, latest.tag, tagCommit) : 'done';
        }
        catch (error) {
            // Pushing a tag that disagrees with the registry is refused; a pushed one already disagrees, and
            // stopping every later release would not change that: it is reported and the line goes on.
            if (tagMissing || !remote)
                throw error;
            options.log.warning(error.message);
            publish = 'done';
        }
    }
    // An unpushed release commit is this tag's only when the tag is on it; one without its tag (an older run) is the release path's.
    const pushBranch = context.pushBranch && tagCommit === context.head;
    const steps = {
        publish,
        commitAndTag: 'done',
        push: tagMissing || pushBranch ? 'todo' : remote ? 'done' : 'skip',
        forgeRelease: await forgeStep(options, latest.tag),
    };
    if (steps.publish !== 'todo' && steps.push !== 'todo' && steps.forgeRelease !== 'todo')
        return undefined;
    const previous = previousOf(tags, latest);
    const commits = await commitsSince(git, previous?.tag, options.path, latest.tag, { merges: options.merges ?? true });
    const prerelease = semver_default().prerelease(latest.version) !== null;
    const missing = [
        steps.publish === 'todo' && (missingFiles?.length ? `files not uploaded: ${missingFiles.join(', ')}` : 'package not published'),
        tagMissing && 'tag not pushed',
        pushBranch && 'release commit not pushed',
        steps.forgeRelease === 'todo' && 'no forge release',
    ]
        .filter(Boolean)
        .join(', ');
    const plan = {
        action: 'resume',
        reason: `tag ${latest.tag} exists but the release is unfinished (${missing})`,
        version: latest.version,
        previousVersion: previous?.version,
        tag: latest.tag,
        previousTag: previous?.tag,
        prerelease,
        distTag: await distTagFor(options, latest.version),
        commits,
        notes: notesFor(options, latest.version, latest.tag, previous?.tag, commits),
        fileChanges: [],
        dependentChanges: [],
        dependents: [],
        steps,
        registry,
        missingFiles,
        branch: context.branch,
        head: context.head,
        pushBranch,
        checks: [...context.checks],
    };
    await proveAccess(options, git, plan);
    return plan;
}
function nothing(reason, options, context, latest) {
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
        dependentChanges: [],
        dependents: [],
        steps: { publish: 'skip', commitAndTag: 'skip', push: 'skip', forgeRelease: 'skip' },
        branch: context.branch,
        head: context.head,
        pushBranch: false,
        checks: [...context.checks],
    };
}
/** The refs a plan pushes, in one atomic push. */
function pushRefspecs(plan, tagExists) {
    const tag = plan.tag;
    const refs = [];
    if (plan.action === 'release' || plan.pushBranch)
        refs.push(`HEAD:refs/heads/${plan.branch}`);
    refs.push(tagExists ? `refs/tags/${tag}` : `HEAD:refs/tags/${tag}`);
    return refs;
}
/** Push access (git push --dry-run of the same refs) and registry credentials, before anything is published. */
async function proveAccess(options, git, plan) {
    const remote = options.git.remote;
    if (remote && plan.steps.push === 'todo') {
        const refs = pushRefspecs(plan, plan.action === 'resume');
        await provePushAccess(git, remote, refs);
        plan.checks.push(`push access: git push --dry-run --atomic ${refs.join(' ')}`);
    }
    if (plan.steps.publish === 'todo')
        plan.checks.push(`registry: ${await options.publisher.verifyAccess()}`);
}
/**
 * Works out what this run must do, reading git, the registry and the forge but changing
 * nothing in the checkout. Names are validated and the checkout must be the remote branch's
 * tip; push access and registry credentials are proven — so a dry run runs every check.
 * Unfinished work on the latest tag comes first; otherwise the commits since the last release
 * decide the next version.
 */
async function planRelease(options) {
    const git = new git_git/* Git */.TU(options.repoDir, options.git.env);
    if (await isUnborn(git))
        throw new errors/* AegisError */.o4(`${options.repoDir} has no commits yet: there is nothing to release.`);
    validateRefName('tag', `${options.tagPrefix}0.0.0`, 'tag-prefix', options.tagPrefix);
    const remote = options.git.remote;
    const branch = remote || options.git.branch ? await currentBranch(git, options) : undefined;
    if (branch)
        validateRefName('branch', branch, 'branch');
    const dirty = await dirtyFiles(git);
    if (dirty.length > 0) {
        throw new errors/* AegisError */.o4(`The working tree has uncommitted changes (${dirty.slice(0, 5).join('; ')}${dirty.length > 5 ? '; …' : ''}): release from a clean checkout, so what is published is what is tagged.`);
    }
    const head = await git.head();
    const context = { head, branch, pushBranch: false, checks: [] };
    if (remote && branch) {
        await fetchBranchAndTags(git, remote, branch);
        const base = await checkReleaseBase(git, remote, branch, head);
        context.pushBranch = base === 'own-release-commit';
        context.checks.push(base === 'tip'
            ? `checkout is ${remote} ${branch}'s tip (${head.slice(0, 12)})`
            : `checkout is this stage's unpushed release commit on ${remote} ${branch}'s tip`);
    }
    if (!(await git.lastCommitTouching(options.path))) {
        throw new errors/* AegisError */.o4(`No commit touches path '${options.path}': there is nothing to release (check the 'path' input).`);
    }
    const history = { merges: options.merges ?? true };
    const tags = await releaseTags(git, options.tagPrefix, true);
    const latest = tags[0];
    if (latest) {
        const resume = await resumePlan(options, git, context, tags, latest);
        if (resume)
            return resume;
    }
    const stable = tags.find((tag) => !semver_default().prerelease(tag.version));
    const sinceStable = await commitsSince(git, stable?.tag, options.path, 'HEAD', history);
    const onChannel = Boolean(options.channel && latest && latest !== stable && semver_default().prerelease(latest.version)?.[0] === options.channel);
    const sinceLatest = onChannel && latest ? await commitsSince(git, latest.tag, options.path, 'HEAD', history) : sinceStable;
    if (sinceLatest.length === 0)
        return nothing(`no commits touch '${options.path}' since ${latest?.tag}`, options, context, latest);
    // A Release-As already released (say 2.0.0-beta.1, still "since the last stable") is spent.
    const requested = releaseAsOf(sinceStable, stable?.version);
    const releaseAs = requested && latest && semver_default().lte(requested, latest.version) ? undefined : requested;
    const releaseType = releaseTypeOf(sinceStable, options.rules);
    if (!releaseAs && !releaseType) {
        return nothing(`no releasable commits since ${stable?.tag ?? 'the first commit'} (only types outside the bump rules, or reverted within the range)`, options, context, latest);
    }
    if (onChannel && !releaseAs && releaseTypeOf(sinceLatest, options.rules) === undefined) {
        return nothing(`no releasable commits since ${latest?.tag}`, options, context, latest);
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
    validateRefName('tag', tag, 'tag-prefix', options.tagPrefix);
    if (allTags.some((existing) => existing.tag === tag)) {
        throw new errors/* AegisError */.o4(`Tag ${tag} already exists but is not reachable from HEAD: was it made on another branch? Move or delete it, or use Release-As.`);
    }
    const prerelease = semver_default().prerelease(version) !== null;
    const previous = prerelease && latest && semver_default().lt(latest.version, version) ? latest : stable;
    const notesCommits = previous === latest && latest !== stable ? sinceLatest : sinceStable;
    const notes = notesFor(options, version, tag, previous?.tag, notesCommits);
    const { fileChanges, dependentChanges, dependents } = await withDependents(options, git, version, plannedChanges(options, version, notes));
    const entry = await options.publisher.lookup(version);
    const registry = entry === 'unknown' ? undefined : entry;
    let publish = options.publisher.kind === 'none' ? 'skip' : 'todo';
    if (registry) {
        // With no tag yet, only an artifact of exactly the commit about to be tagged (HEAD, when no file changes) can be this release.
        const commit = fileChanges.length === 0 ? head : undefined;
        if (options.publisher.kind === 'npm')
            publish = verifyNpmEntry(options, registry, tag, commit);
        else if (options.publisher.kind === 'pypi') {
            throw mismatch(options, version, tag, `(${(registry.files ?? []).map((file) => file.filename).join(', ') || 'no files'}) without a tag ${tag} in this repository`, commit ? `commit ${commit.slice(0, 12)}` : 'a release commit this run has yet to make');
        }
        else
            publish = 'done';
    }
    const plan = {
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
        distTag: await distTagFor(options, version),
        commits: notesCommits,
        notes,
        fileChanges,
        dependentChanges,
        dependents,
        steps: {
            publish,
            commitAndTag: 'todo',
            push: remote ? 'todo' : 'skip',
            forgeRelease: options.forge ? 'todo' : 'skip',
        },
        registry,
        branch,
        head,
        pushBranch: Boolean(remote),
        checks: [...context.checks],
    };
    await proveAccess(options, git, plan);
    return plan;
}
/** Pushes branch and tag in one atomic push: the remote gets both or neither. */
async function pushAtomically(options, git, refs) {
    const pushed = await git.push(options.git.remote, refs, { atomic: true, porcelain: true });
    return {
        ok: pushed.exitCode === 0,
        detail: pushSummary(pushed.stdout, pushed.stderr),
        race: (0,git_git/* isRaceRejection */.pf)(`${pushed.stdout}\n${pushed.stderr}`),
    };
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
function publishFailed(tag, version, error) {
    return new errors/* AegisError */.o4(`${tag} is pushed but publishing ${version} failed: ${error.message} Rerun the release: it resumes from the tag and publishes what the tag says.`);
}
/**
 * Carries out a plan in semantic-release's order, which keeps the registry and the tags in step:
 * commit and tag, push branch and tag atomically (a branch that moved on rejects both, and
 * nothing has been published), then publish what the tag says, then the forge release. A push
 * that fails leaves the checkout as it was; a publish that fails leaves a pushed tag that the
 * next run resumes from.
 */
async function executeRelease(options, plan) {
    const result = { plan, released: false, published: false, tagged: false };
    if (plan.action === 'none')
        return result;
    const git = new git_git/* Git */.TU(options.repoDir, options.git.env);
    const tag = plan.tag;
    const version = plan.version;
    const { log } = options;
    const remote = options.git.remote;
    if (plan.action === 'resume') {
        if (plan.steps.push === 'todo' && remote) {
            const refs = pushRefspecs(plan, true);
            const pushed = await pushAtomically(options, git, refs);
            if (!pushed.ok) {
                throw new errors/* AegisError */.o4(`Pushing ${refs.join(' ')} to ${remote} failed (${pushed.detail})${pushed.race ? ': the branch moved on; rerun on the new tip' : ''}. Nothing was published.`);
            }
            result.tagged = true;
        }
        if (plan.steps.publish === 'todo') {
            try {
                await log.group(`Publish ${tag} (resumed from the tag)`, () => withCheckoutOf(options, tag, (dir) => options.publisher.publish(version, dir, { tag, distTag: plan.distTag, existing: plan.registry })));
            }
            catch (error) {
                throw publishFailed(tag, version, error);
            }
            result.published = true;
        }
    }
    else {
        try {
            const trailers = [{ key: commit_message/* TRAILER */.AH.stage, value: 'release' }, { key: RELEASE_TRAILER, value: tag }, ...(options.git.trailers ?? [])];
            if (plan.dependentChanges.length > 0) {
                for (const change of plan.dependentChanges)
                    (0,atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(options.repoDir, change.file), change.after);
                await git.add(plan.dependentChanges.map((change) => change.file));
                await git.commit((0,commit_message/* buildCommitMessage */.vL)(`fix(deps): update ${options.name} to ${version}`, '', trailers), options.git.author);
            }
            for (const change of plan.fileChanges)
                (0,atomic/* writeFileAtomic */.Z)((0,external_node_path_.join)(options.repoDir, change.file), change.after);
            if (plan.fileChanges.length > 0) {
                await git.add(plan.fileChanges.map((change) => change.file));
                const subject = (0,commit_message/* renderTemplate */.Xm)(options.git.commitMessage, { tag, version, name: options.name });
                result.commitSha = await git.commit((0,commit_message/* buildCommitMessage */.vL)(subject, '', trailers), options.git.author);
            }
            await git.tag(tag, plan.notes, options.git.author);
        }
        catch (error) {
            await undoLocal(git, plan, tag);
            throw error;
        }
        result.tagged = true;
        if (remote) {
            const pushed = await pushAtomically(options, git, pushRefspecs(plan, true));
            if (!pushed.ok) {
                await undoLocal(git, plan, tag);
                throw new errors/* AegisError */.o4(pushed.race
                    ? `${remote} ${plan.branch} moved on while ${tag} was being made (${pushed.detail}): the branch moved on; rerun on the new tip. Nothing was published or pushed.`
                    : `Pushing ${plan.branch} and ${tag} to ${remote} failed (${pushed.detail}). Nothing was published or pushed; the checkout is as it was.`);
            }
        }
        if (plan.steps.publish === 'todo') {
            try {
                await log.group(`Publish ${options.publisher.describe()} ${version}`, () => options.publisher.publish(version, (0,external_node_path_.join)(options.repoDir, options.path), { tag, distTag: plan.distTag, existing: plan.registry }));
            }
            catch (error) {
                if (!remote)
                    throw error;
                throw publishFailed(tag, version, error);
            }
            result.published = true;
        }
        else if (plan.steps.publish === 'done') {
            log.info(`${version} is already published from this commit; not publishing it again.`);
        }
    }
    result.releaseUrl = await createForgeRelease(options, plan);
    result.released = true;
    return result;
}
/** Back to the checkout as planned: the tag and the release commit go, the files are as they were. */
async function undoLocal(git, plan, tag) {
    await git.deleteTag(tag);
    await git.resetHard(plan.head);
}
/** Markdown table of a plan, for the log and the job summary. */
function renderPlan(plan, publisher) {
    const rows = [
        ['action', plan.action],
        ['reason', plan.reason],
        ['version', plan.version ?? '—'],
        ['previous version', plan.previousVersion ?? '—'],
        ['tag', plan.tag ?? '—'],
        [
            'publish',
            `${plan.steps.publish}: ${publisher.describe()}${plan.steps.publish === 'todo' && publisher.kind === 'npm' ? ` (dist-tag ${plan.distTag})` : ''}${plan.missingFiles?.length ? ` (missing: ${plan.missingFiles.join(', ')})` : ''}`,
        ],
        ['files', plan.fileChanges.length > 0 ? (0,markdown/* markup */.PT)(plan.fileChanges.map((change) => (0,markdown/* code */.aY)(change.file).text).join(', ')) : '—'],
        ...(plan.dependents.length > 0 ? [['workspace dependents (fix(deps) commit)', plan.dependents.join('; ')]] : []),
        ['commit + tag', plan.steps.commitAndTag],
        [
            'push',
            `${plan.steps.push}${plan.steps.push === 'todo' && plan.branch ? ` (atomic: ${plan.action === 'release' || plan.pushBranch ? `${plan.branch} + ` : ''}${plan.tag})` : ''}`,
        ],
        ['forge release', plan.steps.forgeRelease],
        ['checks passed', plan.checks.join('; ') || '—'],
    ];
    return `${(0,markdown/* markdownTable */.Qj)(['step', 'value'], rows)}\n`;
}

;// CONCATENATED MODULE: ./src/core/release/remote.ts
/** Where a release is pushed: the workspace's git remote, its credentials kept out of every log and argv. */



/** The workspace's remote `name` (undefined: keep everything local), and how to push to it with `forgeToken`. */
async function releaseRemote(workspace, name, forgeToken) {
    if (!name)
        return { secrets: [] };
    const configured = await new git_git/* Git */.TU(workspace).remoteUrl(name);
    if (!configured)
        throw new errors/* InputError */.dz('remote', name, "a git remote of the workspace, or 'none'");
    const { url: origin, password } = (0,git_remote/* withoutCredentials */.ri)(configured);
    const described = forgeToken && /^https?:\/\//.test(origin) ? (0,git_remote/* describeRemote */.kW)(origin, { token: forgeToken }, workspace) : undefined;
    return {
        origin,
        push: described ? described.url : name,
        env: described?.env,
        secrets: [...(password ? [password] : []), ...(described?.secrets ?? [])],
    };
}

// EXTERNAL MODULE: ./src/platform/conventions.ts
var conventions = __webpack_require__(1547);
;// CONCATENATED MODULE: ./src/stages/release.ts
















const CHANNEL = /^[a-z][a-z0-9-]*$/i;
const AUTHOR = { name: 'aegis-release', email: 'aegis-release@users.noreply.github.com' };
const inputs = {
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
    'dist-tag': {
        description: "npm dist-tag; default 'latest', the prerelease channel for a prerelease, and 'release-<major>.x' for a version below the registry's current 'latest' (a maintenance release).",
        default: '',
    },
    'workspace-dependents': {
        description: "'true': npm workspace siblings that depend on this library get their range moved to the new version in a 'fix(deps)' commit pushed with the release, so their own release step later in the job releases them.",
        default: 'false',
    },
    'merge-commits': {
        description: "'true' counts merge commits whose subject is conventional (pull-request-title merges), as semantic-release does; 'false' ignores every merge commit.",
        default: 'true',
    },
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
    released: { kind: 'boolean', description: "'true' when this run released (or finished releasing) a version." },
    version: { kind: 'text', description: 'The version released or planned.' },
    'previous-version': { kind: 'text', description: 'The version before it on the same line.' },
    tag: { kind: 'text', description: 'The release tag.' },
    notes: { kind: 'text', description: 'Release notes (markdown).' },
    published: { kind: 'boolean', description: "'true' when this run published the package." },
    'release-url': { kind: 'text', description: 'Web URL of the GitHub/GitLab release, when one was created.' },
};
/** All validation up front, before anything is read from a registry or written. */
function parseReleaseInputs(reader, workspace, platform, forgeApiUrl) {
    const libraryDir = reader.path('path', workspace) ?? workspace;
    if (!(0,external_node_fs_.existsSync)(libraryDir))
        throw new errors/* InputError */.dz('path', reader.string('path'), 'an existing folder inside the workspace');
    const path = (0,external_node_path_.relative)(workspace, libraryDir) || '.';
    const inPath = (file) => (path === '.' ? file : (0,external_node_path_.join)(path, file));
    const channel = reader.string('prerelease') || undefined;
    if (channel && !CHANNEL.test(channel))
        throw new errors/* InputError */.dz('prerelease', channel, "a channel name such as 'rc', 'beta' or 'next'");
    const tagPrefix = reader.string('tag-prefix');
    // The full check (git check-ref-format) runs when planning, before anything is fetched or published.
    if (/[\s~^:?*[\\]|\.\.|@\{/.test(tagPrefix) || tagPrefix.startsWith('-')) {
        throw new errors/* InputError */.dz('tag-prefix', tagPrefix, 'characters allowed in a git tag name, not starting with -');
    }
    const branch = reader.optional('branch');
    if (branch?.startsWith('-'))
        throw new errors/* InputError */.dz('branch', branch, 'a branch name, not starting with -');
    const publish = reader.choice('publish', PUBLISH_TARGETS);
    const registryUrl = reader.optional('registry-url');
    if (registryUrl && !/^https?:\/\/[^/]/.test(registryUrl))
        throw new errors/* InputError */.dz('registry-url', registryUrl, 'an http(s) URL');
    // The registry token goes to this URL only: https, or this machine.
    if (registryUrl)
        (0,credential_scope/* assertCredentialUrl */.Rr)('registry-url', registryUrl, Boolean(reader.optional('token')));
    const changelog = reader.string('changelog');
    const changelogFile = ['false', 'none', ''].includes(changelog.toLowerCase()) ? undefined : inPath(changelog);
    if (changelogFile)
        reader.path('changelog', libraryDir);
    const declared = reader.lines('version-files');
    for (const file of declared) {
        if (!(0,external_node_fs_.existsSync)((0,paths/* resolveInside */.LI)(libraryDir, file, 'version-files')))
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
    const dependents = (0,release_dependents/* parseDependents */.iY)(reader.lines('dependents'), (0,conventions/* forgeKindFor */.Hd)(platform));
    const dependentsToken = reader.optional('dependents-token');
    if (dependents.length > 0 && !dependentsToken) {
        throw new errors/* InputError */.dz('dependents-token', '', 'a token allowed to notify the dependents', "'dependents' is set");
    }
    // The dependents token goes only to the forge API of each dependent, over https (or to this machine).
    const dependentsApiUrls = {};
    for (const { kind } of dependents) {
        const apiUrl = forgeApiUrl(kind);
        (0,credential_scope/* assertCredentialUrl */.Rr)(`AEGIS_FORGE_URL / the runner's ${kind} API URL (where dependents-token goes)`, apiUrl, true);
        dependentsApiUrls[kind] = apiUrl;
    }
    return {
        options: {
            repoDir: workspace,
            path,
            tagPrefix,
            channel,
            rules: parseBumpRules(reader.string('bump-rules')),
            merges: reader.boolean('merge-commits'),
            workspaceDependents: reader.boolean('workspace-dependents'),
            changelogFile,
            versionFiles,
            distTag: reader.optional('dist-tag'),
            git: {
                remote: remote === 'none' ? undefined : remote,
                branch,
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
        dependentsApiUrls,
    };
}
function linksFor(url, platform) {
    const web = url ? browsableUrl(url) : undefined;
    if (!web)
        return undefined;
    return { url: web, kind: platform.forgeKindOf(web) };
}
/** Reads the remote, the registry and the history (a fetch, a `push --dry-run`, registry reads); changes nothing there. */
async function planReleaseStage(inputs, platform) {
    // Where stage files go; on GitLab this also git-excludes the folder (earlier jobs' artifacts land
    // there) before the clean-tree check.
    platform.outputDir();
    const publisher = createPublisher({
        publish: inputs.publish,
        libraryDir: inputs.libraryDir,
        tagPrefix: inputs.options.tagPrefix,
        registryUrl: inputs.registryUrl,
        token: inputs.token,
        buildArgv: inputs.buildArgv,
        publishArgv: inputs.publishArgv,
        checkArgv: inputs.checkArgv,
        pypiCheckUrl: inputs.pypiCheckUrl,
    });
    const event = platform.event();
    const remote = await releaseRemote(platform.workspace, inputs.options.git.remote, inputs.forgeToken);
    for (const secret of remote.secrets)
        platform.secret(secret);
    const repositoryUrl = inputs.repositoryUrl ?? event.repositoryUrl ?? remote.origin;
    const forgeRepository = repositoryUrl ? (0,git_remote/* forgeProjectPath */.cW)(repositoryUrl) : undefined;
    const forge = inputs.forgeToken && forgeRepository && !inputs.dryRun
        ? { releases: await platform.forge({ token: inputs.forgeToken }), repository: forgeRepository }
        : undefined;
    const options = {
        ...inputs.options,
        git: {
            ...inputs.options.git,
            branch: inputs.options.git.branch ?? event.branch,
            remote: remote.push,
            env: remote.env,
            trailers: event.runUrl ? [{ key: commit_message/* TRAILER */.AH.sourceRun, value: event.runUrl }] : [],
        },
        publisher,
        forge,
        links: linksFor(repositoryUrl, platform),
        name: libraryName(inputs.libraryDir),
        log: platform.log,
    };
    const release = await platform.log.group('Plan', () => planRelease(options));
    return { inputs, options, release, table: renderPlan(release, publisher) };
}
/** Releases (publish, commit, tag, push, forge release), then tells the dependents. */
async function executeReleaseStage(plan, platform) {
    const { inputs, release } = plan;
    platform.log.info(`${plan.table}\n${release.notes}`);
    if (inputs.dryRun || release.action === 'none')
        return { plan, acted: false, released: false, published: false, notified: [] };
    const result = await executeRelease(plan.options, release);
    return {
        plan,
        acted: true,
        released: result.released,
        published: result.published,
        releaseUrl: result.releaseUrl,
        notified: inputs.dependents.length > 0 ? await notify(plan, platform) : [],
    };
}
async function notify(plan, platform) {
    const { inputs, release } = plan;
    // One Forge per forge kind, created for the dependents' token and that forge's API host.
    const notifiers = new Map();
    const notifierFor = (kind) => {
        const forge = notifiers.get(kind) ?? platform.forge({ token: inputs.dependentsToken, kind, apiUrl: inputs.dependentsApiUrls[kind] });
        notifiers.set(kind, forge);
        return forge;
    };
    return (0,release_dependents/* notifyDependents */.WE)(inputs.dependents, notifierFor, {
        library: plan.options.name,
        version: release.version,
        tag: release.tag,
        prerelease: release.prerelease,
    });
}
async function reportRelease(result, platform) {
    const { inputs, release, table } = result.plan;
    platform.setOutput('released', String(result.released));
    platform.setOutput('version', release.version ?? '');
    platform.setOutput('previous-version', release.previousVersion ?? '');
    platform.setOutput('tag', release.tag ?? '');
    platform.setOutput('notes', release.notes);
    platform.setOutput('published', String(result.published));
    platform.setOutput('release-url', result.releaseUrl ?? '');
    if (!result.acted) {
        await platform.summary(`## release ${inputs.dryRun ? '(dry run)' : ''}\n\n${table}\n${release.notes}`);
        return;
    }
    for (const failed of result.notified.filter((entry) => !entry.ok))
        platform.log.warning(`Could not notify ${failed.dependent.repository}: ${failed.detail}`);
    const notified = result.notified.length > 0
        ? `\n**Dependents:** ${result.notified.map((entry) => `${entry.dependent.repository} ${entry.ok ? '✓' : `✗ (${entry.detail})`}`).join(', ')}\n`
        : '';
    await platform.summary(`## release ${release.tag}\n\n${table}${notified}\n${release.notes}`);
}
const definition = {
    name: 'release',
    title: 'Release a library',
    description: 'Semantic version from conventional commits, changelog, version files, publish (npm, PyPI, command), tag, push and forge release; resumes unfinished releases.',
    inputs,
    outputs,
};
// The module shape of every stage (src/stages/module.ts).

function parse(reader, platform) {
    return parseReleaseInputs(reader, platform.workspace, platform.name, (kind) => platform.forgeApiUrl(kind));
}



/***/ })

};

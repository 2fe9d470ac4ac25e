export const id = 611;
export const ids = [611];
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

/***/ 8496:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MX: () => (/* binding */ mustSucceed),
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   pf: () => (/* binding */ isRaceRejection)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(349);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9978);



/** Throws the usual CommandError for an outcome the caller cannot continue without. */
function mustSucceed(result) {
    if (!result.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CommandError */ .Qd('git', result.args, result.exitCode, result.stderr || result.stdout);
    return result;
}
/** Generous for a large clone, finite for a remote that stopped answering. */
const GIT_TIMEOUT_MS = 15 * 60_000;
const FIELD = '\x1f';
const RECORD = '\x1e';
function outcome(args, result) {
    return { ok: result.exitCode === 0, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, args };
}
function lines(text) {
    return text.split('\n').filter(Boolean);
}
function identityEnv(author) {
    return {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
    };
}
/**
 * A git working copy behind named operations: the only place in src/ that spells git argv.
 * Every call is an argument array; the remote's credentials ride in env.
 */
class Git {
    dir;
    env;
    constructor(dir, env = {}) {
        this.dir = dir;
        this.env = env;
    }
    /** Raw access for this module only; everything else uses the named operations below. */
    run(args, options = {}) {
        return (0,_process_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)('git', args, {
            cwd: this.dir,
            env: { ...this.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            input: options.input,
            allowFailure: options.allowFailure,
            timeoutMs: GIT_TIMEOUT_MS,
        });
    }
    async output(args) {
        return (await this.run(args)).stdout.trim();
    }
    async attempt(args, env) {
        return outcome(args, await this.run(args, { allowFailure: true, env }));
    }
    async succeeds(args) {
        return (await this.run(args, { allowFailure: true })).exitCode === 0;
    }
    // --- repository and revisions ---
    async init() {
        await this.run(['init', '--quiet']);
    }
    /** Clones `url` into this directory (`.`), one branch, no tags. */
    async clone(url, options) {
        const args = ['clone', '--quiet'];
        if (options.bare)
            args.push('--bare');
        if (options.depth !== undefined)
            args.push('--depth', String(options.depth), '--no-tags');
        if (options.filter)
            args.push(`--filter=${options.filter}`);
        args.push('--single-branch', '--branch', options.branch, '--', url, '.');
        return await this.attempt(args);
    }
    head() {
        return this.output(['rev-parse', 'HEAD']);
    }
    /** The full SHA of a commit-ish, or undefined when it does not name a commit here. */
    async resolveCommit(rev) {
        const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** The root of the working tree containing this directory, or undefined outside one. */
    async topLevel() {
        const result = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async isShallow() {
        return (await this.output(['rev-parse', '--is-shallow-repository'])) === 'true';
    }
    /** True when the object exists locally and is a commit. */
    hasCommit(rev) {
        return this.succeeds(['cat-file', '-e', `${rev}^{commit}`]);
    }
    /** The merge base of two commits; `ok` false with exit code 1 when they have none. */
    async mergeBase(a, b) {
        return this.attempt(['merge-base', a, b]);
    }
    isAncestor(ancestor, descendant) {
        return this.succeeds(['merge-base', '--is-ancestor', ancestor, descendant]);
    }
    /** Commits reachable from `rev`, newest first. */
    async revList(rev) {
        return (await this.output(['rev-list', rev])).split('\n');
    }
    /** The newest commit reachable from `rev` that touches `path`, or '' when none does. */
    lastCommitTouching(path, rev = 'HEAD') {
        return this.output(['rev-list', '-1', rev, '--', path]);
    }
    async parentCount(rev) {
        return (await this.output(['rev-list', '--parents', '-n', '1', rev])).split(' ').length - 1;
    }
    /** The branch HEAD is on, or '' when HEAD is detached. */
    async currentBranch() {
        return (await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true })).stdout.trim();
    }
    /** Where a symbolic ref points (e.g. `refs/remotes/origin/HEAD`), or undefined. */
    async symbolicRef(ref) {
        const result = await this.run(['symbolic-ref', '--quiet', ref], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    async remoteUrl(remote) {
        const result = await this.run(['remote', 'get-url', remote], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    // --- remotes ---
    /** `git fetch` of `refspecs` from `remote` (a name or a URL); the caller decides what a failure means. */
    async fetch(remote, refspecs, options = {}) {
        const args = ['fetch', '--quiet', options.tags ? '--tags' : '--no-tags'];
        if (options.writeFetchHead === false)
            args.push('--no-write-fetch-head');
        if (options.depth !== undefined)
            args.push(`--depth=${options.depth}`);
        if (options.deepen !== undefined)
            args.push(`--deepen=${options.deepen}`);
        if (options.unshallow)
            args.push('--unshallow');
        if (options.filter)
            args.push(`--filter=${options.filter}`);
        return await this.attempt([...args, '--', remote, ...refspecs]);
    }
    /** Refs on `remote` matching `patterns` (`git ls-remote`); `ok` false when the remote cannot be asked. */
    async remoteRefs(remote, patterns, kind) {
        const args = ['ls-remote'];
        if (kind)
            args.push(`--${kind}`);
        const result = await this.attempt([...args, remote, ...patterns]);
        const refs = lines(result.stdout).map((line) => {
            const [sha = '', ref = ''] = line.split('\t');
            return { sha: sha.trim(), ref: ref.trim() };
        });
        return { ...result, refs };
    }
    /** The branch the remote's HEAD points at, as the remote reports it. */
    async remoteDefaultBranch(remote) {
        const result = await this.run(['ls-remote', '--symref', remote, 'HEAD'], { allowFailure: true });
        return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout)?.[1];
    }
    /** Pushes `refspecs`; never forced (a lease is a compare-and-swap). A rejection is returned, not thrown. */
    async push(remote, refspecs, options = {}) {
        const args = ['push', options.porcelain ? '--porcelain' : '--quiet'];
        if (options.atomic)
            args.push('--atomic');
        if (options.dryRun)
            args.push('--dry-run');
        if (options.lease)
            args.push(`--force-with-lease=${options.lease.ref}:${options.lease.expected}`);
        return await this.attempt([...args, remote, ...refspecs]);
    }
    // --- reading history and the index ---
    /** Commits with their full messages (trailers included), newest first. */
    async log(options = {}) {
        const args = ['log', `--format=%H${FIELD}%B${RECORD}`];
        if (options.noMerges)
            args.push('--no-merges');
        if (options.max !== undefined)
            args.push(`--max-count=${options.max}`);
        if (options.grep !== undefined)
            args.push('--fixed-strings', `--grep=${options.grep}`);
        args.push(options.range ?? 'HEAD');
        if (options.paths)
            args.push('--', ...options.paths);
        return (await this.run(args)).stdout
            .split(RECORD)
            .map((record) => record.trim())
            .filter(Boolean)
            .map((record) => {
            const [sha = '', message = ''] = record.split(FIELD);
            return { sha, message, trailers: (0,_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_1__/* .parseTrailers */ .aw)(message) };
        });
    }
    /** The committer date of one commit; undefined when it cannot be read. */
    async commitDate(rev) {
        const result = await this.run(['log', '-1', '--format=%cI', rev, '--'], { allowFailure: true });
        const date = new Date(result.stdout.trim());
        return result.exitCode === 0 && !Number.isNaN(date.getTime()) ? date : undefined;
    }
    /** The full message of one commit. */
    message(rev) {
        return this.output(['log', '-1', '--format=%B', rev]);
    }
    /** `git diff --name-status -z` between two commits with renames detected; raw NUL-separated output. */
    async nameStatus(base, head) {
        return (await this.run(['diff', '--no-ext-diff', '--no-textconv', '--name-status', '-z', '--find-renames', base, head, '--'])).stdout;
    }
    /** Staged changes against HEAD as `<status>\t<path>` lines, renames as a delete plus an add. */
    async stagedNameStatus() {
        return lines(await this.output(['diff', '--cached', '--no-renames', '--name-status', 'HEAD']));
    }
    async hasStagedChanges() {
        return !(await this.succeeds(['diff', '--cached', '--quiet']));
    }
    async conflictedFiles() {
        return lines(await this.output(['diff', '--name-only', '--diff-filter=U']));
    }
    /** Every file path in a commit's tree. */
    async listFiles(rev) {
        return (await this.run(['ls-tree', '-r', '--name-only', '-z', rev])).stdout.split('\0').filter(Boolean);
    }
    /** A file as staged in the index. */
    async showStaged(path) {
        return (await this.run(['show', `:${path}`])).stdout;
    }
    /** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
    async status() {
        return lines((await this.run(['status', '--porcelain'])).stdout);
    }
    /** Tag names, optionally only those reachable from HEAD. */
    async tags(options = {}) {
        const args = ['tag', '--list'];
        if (options.mergedIntoHead)
            args.push('--merged', 'HEAD');
        return (await this.output(args)).split('\n');
    }
    /** Local tag name → tagged commit (annotated tags peeled). */
    async localTagCommits() {
        const tags = new Map();
        const result = await this.run(['for-each-ref', '--format=%(objectname) %(*objectname) %(refname:strip=2)', 'refs/tags'], {
            allowFailure: true,
        });
        for (const line of result.stdout.split('\n')) {
            const [object, peeled, name] = line.split(' ');
            if (name)
                tags.set(name, peeled || object);
        }
        return tags;
    }
    // --- writing ---
    async add(paths) {
        await this.run(['add', '--', ...paths]);
    }
    /** Commits staged changes with a message from stdin (no argv length or quoting concerns). */
    async commit(message, author) {
        await this.run(['commit', '--quiet', '--no-verify', '--file', '-'], { input: message, env: identityEnv(author) });
        return this.head();
    }
    /** An annotated tag on HEAD with `message` from stdin. */
    async tag(name, message, tagger) {
        await this.run(['tag', '--annotate', '--file', '-', name], {
            input: message,
            env: { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email },
        });
    }
    async deleteTag(name) {
        await this.run(['tag', '--delete', name], { allowFailure: true });
    }
    /** Applies the inverse of `rev` to the index and tree without committing (`-m 1` for a merge). */
    async revert(rev, options) {
        const mainline = options.mainline === undefined ? [] : ['-m', String(options.mainline)];
        return this.attempt(['revert', '--no-commit', ...mainline, rev], identityEnv(options.author));
    }
    async abortRevert() {
        await this.run(['revert', '--abort'], { allowFailure: true });
    }
    /** Discards the index and working tree changes: `git reset --hard <rev>`. */
    async resetHard(rev = 'HEAD') {
        await this.run(['reset', '--quiet', '--hard', rev]);
    }
    async checkoutDetached(rev) {
        await this.run(['checkout', '--quiet', '--detach', rev]);
    }
    async addWorktree(dir, rev) {
        await this.run(['worktree', 'add', '--quiet', '--detach', dir, rev]);
    }
    async removeWorktree(dir) {
        await this.run(['worktree', 'remove', '--force', dir], { allowFailure: true });
    }
}
/** Wording of a push lost to a concurrent writer, from git itself and from GitHub/GitLab's receive hooks. */
const REJECTED_BY_RACE = /non-fast-forward|fetch first|cannot lock ref|incorrect old value|failed to update ref|failed to lock|stale info|updates were rejected|\[rejected\]|reference already exists|could not lock|is at [0-9a-f]+ but expected/i;
function isRaceRejection(stderr) {
    return REJECTED_BY_RACE.test(stderr);
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


/***/ })

};

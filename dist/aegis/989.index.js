export const id = 989;
export const ids = [989];
export const modules = {

/***/ 1728:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _s: () => (/* binding */ compileRuleList),
/* harmony export */   rd: () => (/* binding */ matchesRules),
/* harmony export */   rg: () => (/* binding */ checkPattern)
/* harmony export */ });
/* unused harmony export compileRule */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_0__);

const PICOMATCH_OPTIONS = { dot: true };
/** Validates a repository-relative glob and returns it normalised (no leading `./`). */
function checkPattern(raw, fail) {
    if (typeof raw !== 'string')
        throw fail(String(raw), 'a glob must be a string');
    let pattern = raw.trim();
    const negated = pattern.startsWith('!');
    if (negated)
        pattern = pattern.slice(1);
    while (pattern.startsWith('./'))
        pattern = pattern.slice(2);
    if (pattern === '')
        throw fail(raw, 'the glob is empty');
    if (pattern.startsWith('/'))
        throw fail(raw, 'globs are relative to the repository root and must not start with /');
    if (pattern.split('/').includes('..'))
        throw fail(raw, "globs must not contain '..'");
    if (pattern.startsWith('!'))
        throw fail(raw, "a glob may be negated only once ('!!' is not allowed)");
    try {
        picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(pattern, { ...PICOMATCH_OPTIONS, strictBrackets: true });
    }
    catch (error) {
        throw fail(raw, `not a valid glob: ${error.message}`);
    }
    return negated ? `!${pattern}` : pattern;
}
/** Compiles one already-checked pattern (`!` prefix = negated). */
function compileRule(checked) {
    const negated = checked.startsWith('!');
    const pattern = negated ? checked.slice(1) : checked;
    const scan = picomatch__WEBPACK_IMPORTED_MODULE_0___default().scan(pattern);
    if (!scan.isGlob) {
        const prefix = `${pattern}/`;
        return { pattern, negated, base: pattern, kind: 'literal', test: (path) => path === pattern || path.startsWith(prefix) };
    }
    const base = scan.base;
    if (scan.glob === '**') {
        if (base === '')
            return { pattern, negated, base, kind: 'everything', test: () => true };
        const prefix = `${base}/`;
        return { pattern, negated, base, kind: 'under', test: (path) => path.startsWith(prefix) };
    }
    const regex = picomatch__WEBPACK_IMPORTED_MODULE_0___default().makeRe(pattern, PICOMATCH_OPTIONS);
    return { pattern, negated, base, kind: 'glob', test: (path) => regex.test(path) };
}
/** Builds the ordered rule list of `include` then `exclude` (see Rule for the meaning). */
function compileRuleList(include, exclude) {
    const excludeAsRules = exclude.map((pattern) => (pattern.startsWith('!') ? pattern.slice(1) : `!${pattern}`));
    return [...include, ...excludeAsRules].map(compileRule);
}
/** Last matching rule wins; no matching rule means "not matched". */
function matchesRules(rules, path) {
    for (let index = rules.length - 1; index >= 0; index--) {
        const rule = rules[index];
        if (rule.test(path))
            return !rule.negated;
    }
    return false;
}


/***/ }),

/***/ 3066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   Um: () => (/* binding */ discoverServices),
/* harmony export */   pf: () => (/* binding */ CHANGE_TYPES)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _globs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1728);






const CHANGE_TYPES = ['added', 'modified', 'deleted', 'renamed'];
const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const KNOWN_SERVICE_KEYS = new Set(['path', 'include', 'exclude', 'depends-on', 'kind', 'change-types']);
const TOP_LEVEL_KEYS = new Set(['global', 'services']);
/** Matrix keys the stage computes; a manifest may override all but `service`. */
const RESERVED_FIELDS = new Set(['service']);
/**
 * Parses `.aegis/services.yaml`. Every problem is a FileError naming the file, the line and
 * the service, raised before anything is compared or written.
 */
function parseManifest(text, file) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter, uniqueKeys: true });
    const lineOf = (node) => {
        const range = node?.range;
        return range ? lineCounter.linePos(range[0]).line : undefined;
    };
    if (doc.errors.length > 0) {
        const first = doc.errors[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `not valid YAML: ${first?.message.split('\n')[0]}`, first ? lineCounter.linePos(first.pos[0]).line : undefined);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(doc.contents))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, "expected a mapping with 'services' (and optionally 'global')");
    const root = doc.contents;
    for (const pair of root.items) {
        const key = String(pair.key?.value ?? pair.key);
        if (!TOP_LEVEL_KEYS.has(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `unknown top-level key '${key}': expected 'services' or 'global'`, lineOf(pair.key));
    }
    const globalNode = root.get('global', true);
    const global = stringList(globalNode, 'global', file, lineOf(globalNode)).map((pattern) => (0,_globs_js__WEBPACK_IMPORTED_MODULE_4__/* .checkPattern */ .rg)(pattern, (value, problem) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `global: glob ${JSON.stringify(value)}: ${problem}`, lineOf(globalNode))));
    const servicesNode = root.get('services', true);
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(servicesNode))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, "'services' must be a mapping of service name to settings", lineOf(servicesNode));
    const services = [];
    for (const pair of servicesNode.items) {
        const name = String(pair.key?.value ?? pair.key);
        const line = lineOf(pair.key);
        if (!SERVICE_NAME.test(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `service name '${name}' must start with a letter or digit and contain only letters, digits, '.', '_' and '-'`, line);
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(pair.value))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `service '${name}': expected a mapping with at least 'path'`, line);
        services.push(parseService(name, pair.value.toJSON(), file, line));
    }
    return { file, global, services };
}
function parseService(name, entry, file, line) {
    const where = `service '${name}'`;
    const fail = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `${where}: ${message}`, line);
    const path = entry.path;
    if (typeof path !== 'string' || path.trim() === '')
        throw fail("'path' is required: the service's directory relative to the repository root");
    const normalisedPath = path
        .trim()
        .replace(/^(\.\/)+/, '')
        .replace(/\/+$/, '');
    if (normalisedPath === '' || normalisedPath.startsWith('/') || normalisedPath.split('/').includes('..')) {
        throw fail(`'path' ${JSON.stringify(path)} must be a directory inside the repository (relative, no '..')`);
    }
    const globs = (key) => stringList(entry[key], `${where}: '${key}'`, file, line).map((pattern) => (0,_globs_js__WEBPACK_IMPORTED_MODULE_4__/* .checkPattern */ .rg)(pattern, (value, problem) => fail(`'${key}' glob ${JSON.stringify(value)}: ${problem}`)));
    const include = entry.include === undefined
        ? [`${picomatch__WEBPACK_IMPORTED_MODULE_5___default().scan(normalisedPath).isGlob ? escapeGlob(normalisedPath) : normalisedPath}/**`]
        : globs('include');
    if (include.length === 0)
        throw fail("'include' is empty: the service could never change");
    const kind = entry.kind ?? 'service';
    if (kind !== 'service' && kind !== 'library')
        throw fail(`'kind' is ${JSON.stringify(kind)}: expected 'service' or 'library'`);
    let changeTypes;
    if (entry['change-types'] !== undefined) {
        changeTypes = stringList(entry['change-types'], `${where}: 'change-types'`, file, line).map((type) => {
            if (!CHANGE_TYPES.includes(type))
                throw fail(`'change-types' has ${JSON.stringify(type)}: expected any of ${CHANGE_TYPES.join(', ')}`);
            return type;
        });
    }
    const dependsOn = stringList(entry['depends-on'], `${where}: 'depends-on'`, file, line);
    const fields = {};
    for (const [key, value] of Object.entries(entry)) {
        if (KNOWN_SERVICE_KEYS.has(key))
            continue;
        if (RESERVED_FIELDS.has(key))
            throw fail(`'${key}' is set by detect and cannot be given in the manifest`);
        fields[key] = value;
    }
    return { name, path: normalisedPath, kind, include, exclude: globs('exclude'), changeTypes, dependsOn, fields, line };
}
function stringList(value, what, file, line) {
    const plain = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(value) ? value.toJSON() : value && typeof value === 'object' && 'toJSON' in value ? value.toJSON() : value;
    if (plain === undefined || plain === null)
        return [];
    if (typeof plain === 'string')
        return [plain];
    if (Array.isArray(plain) && plain.every((item) => typeof item === 'string'))
        return plain;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(file, `${what} must be a list of strings`, line);
}
function escapeGlob(path) {
    return path.replace(/[*?[\]{}()!+@]/g, (char) => `\\${char}`);
}
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);
/**
 * Without a manifest: every directory matching one of `patterns` that holds `marker` is a
 * service named after the directory, with the defaults a manifest entry would have.
 */
function discoverServices(root, options) {
    const services = new Map();
    for (const pattern of options.patterns) {
        const isMatch = picomatch__WEBPACK_IMPORTED_MODULE_5___default()(pattern, { dot: false });
        const scan = picomatch__WEBPACK_IMPORTED_MODULE_5___default().scan(pattern);
        const start = scan.isGlob ? scan.base : pattern;
        const maxDepth = pattern.includes('**') ? Number.POSITIVE_INFINITY : pattern.split('/').length;
        const visit = (relative, depth) => {
            const absolute = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, relative);
            if ((relative === pattern || isMatch(relative)) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(absolute, options.marker))) {
                const name = relative.split('/').pop();
                const existing = services.get(name);
                if (existing && existing.path !== relative) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FileError */ .f6(relative, `two discovered services are both named '${name}' (${existing.path} and ${relative}); add an .aegis/services.yaml to name them`);
                }
                services.set(name, {
                    name,
                    path: relative,
                    kind: 'service',
                    include: [`${escapeGlob(relative)}/**`],
                    exclude: [],
                    dependsOn: [],
                    fields: {},
                });
            }
            if (depth >= maxDepth)
                return;
            let entries;
            try {
                entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(absolute);
            }
            catch {
                return;
            }
            for (const entry of entries.sort()) {
                if (SKIPPED_DIRECTORIES.has(entry))
                    continue;
                const child = relative === '' ? entry : `${relative}/${entry}`;
                if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, child), { throwIfNoEntry: false })?.isDirectory())
                    visit(child, depth + 1);
            }
        };
        visit(start, start === '' ? 0 : start.split('/').length);
    }
    return { global: [], services: [...services.values()].filter((service) => SERVICE_NAME.test(service.name)) };
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


/***/ }),

/***/ 9989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  detectStage: () => (/* binding */ detectStage),
  parse: () => (/* binding */ parseDetectInputs),
  parseDetectInputs: () => (/* binding */ parseDetectInputs),
  run: () => (/* binding */ runDetect),
  runDetect: () => (/* binding */ runDetect),
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/detect/child-pipeline.ts


const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_-]+)\s*\}\}/g;
const HAS_PLACEHOLDER = /\{\{\s*[A-Za-z0-9_-]+\s*\}\}/;
/** GitLab rejects a child pipeline without jobs; this one says why nothing runs. */
const NO_CHANGES_JOB = 'aegis-no-changes';
function parseChildPipelineTemplate(text, file) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0)
        throw new errors/* FileError */.f6(file, `not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
    if (!(0,dist/* isMap */.jh)(doc.contents))
        throw new errors/* FileError */.f6(file, 'expected a GitLab CI mapping with at least one job template such as "build {{service}}:"');
    const content = doc.toJS();
    const shared = {};
    const jobs = {};
    for (const [key, value] of Object.entries(content)) {
        if (!HAS_PLACEHOLDER.test(key)) {
            shared[key] = value;
            continue;
        }
        if (!value || typeof value !== 'object' || Array.isArray(value)) {
            throw new errors/* FileError */.f6(file, `job template '${key}' must be a mapping (a GitLab job)`);
        }
        jobs[key] = value;
    }
    if (Object.keys(jobs).length === 0) {
        throw new errors/* FileError */.f6(file, 'no job template: name at least one job with a placeholder, e.g. "build {{service}}:", so there is one job per changed service');
    }
    return { file, shared, jobs };
}
/** The child pipeline's YAML text: one job per matrix entry and template, or a single no-op job. */
function renderChildPipeline(template, entries, context) {
    const range = `${context.base ? context.base.slice(0, 12) : '(none)'}..${context.head.slice(0, 12)}`;
    const header = `# Generated by aegis detect for ${range}. Do not edit: regenerated on every pipeline.\n`;
    if (entries.length === 0) {
        const pipeline = {
            [NO_CHANGES_JOB]: {
                variables: {
                    GIT_STRATEGY: 'none',
                    AEGIS_MESSAGE: { value: `aegis detect: no service changed (${range}; ${context.reason}).`, expand: false },
                },
                script: ['echo "$AEGIS_MESSAGE"'],
            },
        };
        return header + (0,dist/* stringify */.As)(pipeline, { lineWidth: 0 });
    }
    const pipeline = { ...template.shared };
    for (const entry of entries) {
        for (const [key, job] of Object.entries(template.jobs)) {
            const name = substitute(key, entry);
            if (name in pipeline) {
                throw new errors/* FileError */.f6(template.file, `job template '${key}' gives the name '${name}' twice (or a name the template already uses): include {{service}} in it`);
            }
            const instance = substitute(job, entry);
            const own = (instance.variables && typeof instance.variables === 'object' ? instance.variables : {});
            instance.variables = { ...serviceVariables(entry), ...own };
            pipeline[name] = instance;
        }
    }
    return header + (0,dist/* stringify */.As)(pipeline, { lineWidth: 0 });
}
function serviceVariables(entry) {
    const value = (text) => ({ value: text, expand: false });
    return {
        AEGIS_SERVICE: value(entry.service),
        AEGIS_SERVICE_PATH: value(entry.path),
        AEGIS_CONTEXT: value(entry.context),
        AEGIS_DOCKERFILE: value(entry.dockerfile),
        AEGIS_IMAGE: value(entry.image),
    };
}
function substitute(value, entry) {
    if (typeof value === 'string') {
        return value.replace(PLACEHOLDER, (_, field) => {
            const replacement = entry[field];
            return replacement === undefined || replacement === null
                ? ''
                : typeof replacement === 'object'
                    ? JSON.stringify(replacement)
                    : String(replacement);
        });
    }
    if (Array.isArray(value))
        return value.map((item) => substitute(item, entry));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [substitute(key, entry), substitute(item, entry)]));
    }
    return value;
}

// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
;// CONCATENATED MODULE: ./src/core/detect/changes.ts

/**
 * Parses `git diff --name-status -z` output. Statuses: A added, M/T modified, D deleted,
 * R renamed (old and new path both count as 'renamed'), C copied (the copy counts as added;
 * its source did not change).
 */
function parseNameStatus(output) {
    const fields = output.split('\0');
    if (fields[fields.length - 1] === '')
        fields.pop();
    const changes = [];
    for (let index = 0; index < fields.length;) {
        const status = fields[index++];
        const code = status.charAt(0);
        const path = fields[index++];
        if (path === undefined)
            throw new errors/* AegisError */.o4(`Unexpected end of 'git diff --name-status' output after status '${status}'.`);
        switch (code) {
            case 'A':
                changes.push({ path, type: 'added' });
                break;
            case 'M':
            case 'T':
            case 'U':
                changes.push({ path, type: 'modified' });
                break;
            case 'D':
                changes.push({ path, type: 'deleted' });
                break;
            case 'R':
            case 'C': {
                const target = fields[index++];
                if (target === undefined)
                    throw new errors/* AegisError */.o4(`Unexpected end of 'git diff --name-status' output after '${status} ${path}'.`);
                if (code === 'R')
                    changes.push({ path, type: 'renamed' }, { path: target, type: 'renamed' });
                else
                    changes.push({ path: target, type: 'added' });
                break;
            }
            default:
                throw new errors/* AegisError */.o4(`Unexpected status '${status}' for ${path} in 'git diff --name-status' output.`);
        }
    }
    return changes;
}
/** Distinct paths in first-seen order, for the changed-files list. */
function uniquePaths(changes) {
    return [...new Set(changes.map((change) => change.path))];
}

;// CONCATENATED MODULE: ./src/core/detect/history.ts
/** Another git process in the same clone holds a lock or rewrote `.git/shallow` under us. */
const LOCK_CONTENTION = /\.lock'?:? File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it|could not lock/i;
/**
 * The commits a shallow CI clone lacks, fetched on demand: single commits at depth 1, and
 * history deepened in doubling steps until a merge base appears. Deepening only ever adds
 * history (`--deepen`, never a smaller `--depth`), so two jobs working in the same clone
 * cannot take history away from each other; when one holds git's locks the other waits
 * and re-checks, since the history it wanted may have arrived meanwhile.
 */
class History {
    git;
    log;
    options;
    shallow;
    sleep;
    constructor(git, log, options) {
        this.git = git;
        this.log = log;
        this.options = options;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }
    get remote() {
        return this.options.remote;
    }
    /** The full SHA of a local commit-ish, or undefined. */
    async resolve(rev) {
        if (rev.startsWith('-'))
            return undefined;
        return this.git.resolveCommit(rev);
    }
    async isShallow() {
        // Cached false is final; true is re-read because another job may have completed the clone.
        if (this.shallow === false)
            return false;
        this.shallow = await this.git.isShallow();
        return this.shallow;
    }
    /** Makes `sha` available locally, fetching just that commit when missing. */
    async obtain(sha) {
        if (await this.resolve(sha))
            return true;
        if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(sha))
            return false;
        const fetched = await this.fetch([sha], (await this.isShallow()) ? { depth: 1 } : {});
        if (fetched.outcome !== 'ok')
            this.log.debug(`Could not fetch ${sha} from '${this.options.remote}': ${fetched.detail}`);
        return (await this.resolve(sha)) !== undefined;
    }
    /** Tip of a branch on the remote (falling back to local refs when the remote cannot be asked). */
    async branchTip(branch) {
        if (branch.startsWith('-'))
            return undefined;
        const listed = await this.git.remoteRefs(this.options.remote, [`refs/heads/${branch}`], 'heads');
        const sha = listed.ok ? listed.refs[0]?.sha : undefined;
        if (sha && (await this.obtain(sha)))
            return sha;
        return (await this.resolve(`refs/remotes/${this.options.remote}/${branch}`)) ?? (await this.resolve(`refs/heads/${branch}`));
    }
    /** The remote's default branch as recorded by the clone, or as the remote reports it. */
    async defaultBranch() {
        const local = await this.git.symbolicRef(`refs/remotes/${this.options.remote}/HEAD`);
        if (local !== undefined)
            return local.replace(`refs/remotes/${this.options.remote}/`, '');
        return this.git.remoteDefaultBranch(this.options.remote);
    }
    /** Tag name → tagged commit, from the remote and the clone (tags need not be fetched). */
    async tagCommits() {
        const tags = await this.git.localTagCommits();
        const remote = await this.git.remoteRefs(this.options.remote, [], 'tags');
        if (!remote.ok)
            return tags;
        for (const { sha, ref } of remote.refs) {
            if (!sha || !ref.startsWith('refs/tags/'))
                continue;
            const peeled = ref.endsWith('^{}');
            const name = ref.slice('refs/tags/'.length, peeled ? -3 : undefined);
            if (peeled || !tags.has(name))
                tags.set(name, sha);
        }
        return tags;
    }
    /** The merge base of two present commits, deepening a shallow clone (doubling) until it appears. */
    async mergeBase(a, b) {
        let step = this.options.deepenStep;
        let rounds = 0;
        for (;;) {
            const result = await this.git.mergeBase(a, b);
            if (result.ok)
                return { found: true, sha: result.stdout.trim() };
            if (result.exitCode !== 1)
                return { found: false, cause: 'fetch-failed', detail: lastLine(result.stderr) };
            const deepened = await this.deepen(step, rounds, [a, b]);
            if (deepened !== 'ok')
                return deepened;
            rounds++;
            step *= 2;
        }
    }
    /** Walks back from `head` to the newest commit in `targets` (other than head), deepening as needed. */
    async nearestAncestorIn(head, targets) {
        let step = this.options.deepenStep;
        let rounds = 0;
        for (;;) {
            const commits = await this.git.revList(head);
            const sha = commits.find((commit) => commit !== head && targets.has(commit));
            if (sha)
                return { found: true, sha };
            const deepened = await this.deepen(step, rounds, [head]);
            if (deepened !== 'ok')
                return deepened;
            rounds++;
            step *= 2;
        }
    }
    async deepen(step, rounds, wants) {
        if (!(await this.isShallow()))
            return { found: false, cause: 'unrelated', detail: 'the complete history has no common commit' };
        if (rounds >= this.options.maxDeepenRounds) {
            return { found: false, cause: 'limit', detail: `still missing after deepening the shallow clone ${rounds} times` };
        }
        this.log.info(`Shallow clone: fetching ${step} more commits of history from '${this.options.remote}'.`);
        const fetched = await this.fetch(wants, { deepen: step });
        if (fetched.outcome === 'ok')
            return 'ok';
        // The other job may have completed the clone while we waited.
        if (!(await this.isShallow()))
            return 'ok';
        return { found: false, cause: 'fetch-failed', detail: fetched.detail };
    }
    async fetch(wants, options) {
        const maxRetries = this.options.maxLockRetries ?? 12;
        for (let attempt = 0;; attempt++) {
            const result = await this.git.fetch(this.options.remote, wants, { ...options, writeFetchHead: false });
            if (result.ok)
                return { outcome: 'ok', detail: '' };
            if (!LOCK_CONTENTION.test(result.stderr) || attempt >= maxRetries)
                return { outcome: 'failed', detail: lastLine(result.stderr) };
            const delay = Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random());
            this.log.debug(`Another git process holds a lock in this clone; retrying the fetch in ${Math.round(delay)} ms.`);
            await this.sleep(delay);
        }
    }
}
function lastLine(text) {
    return text.trim().split('\n').pop() ?? '';
}

;// CONCATENATED MODULE: ./src/core/detect/range.ts


const range_short = (sha) => sha.slice(0, 12);
/**
 * Chooses base and head for the event, as the references (paths-filter, changed-files,
 * nx-set-shas) should have: push → previous tip; new branch or force push → merge base with
 * the default branch; pull/merge request → merge base with the target, PR head (never the
 * synthetic merge commit); merge group → its base; tag → previous tag; schedule/manual →
 * everything unless `base` is given. Shallow clones are deepened; when a base cannot be
 * found the fallback (every service) is explicit and warned about.
 */
async function resolveRange(git, request, log) {
    const history = new History(git, log, {
        remote: request.remote,
        deepenStep: request.deepenStep,
        maxDeepenRounds: request.maxDeepenRounds,
    });
    const resolver = new RangeResolver(history, request, log);
    return resolver.resolve();
}
class RangeResolver {
    history;
    request;
    log;
    constructor(history, request, log) {
        this.history = history;
        this.request = request;
        this.log = log;
    }
    async resolve() {
        const { event } = this.request;
        const head = await this.headCommit();
        if (this.request.base)
            return this.fromInput(this.request.base, head);
        switch (event.kind) {
            case 'pull_request':
                return this.fromPullRequest(head);
            case 'merge_group':
                return this.fromMergeGroup(head);
            case 'push':
                return this.fromPush(head);
            case 'tag':
                return this.fromTag(head);
            case 'schedule':
            case 'manual':
                return this.everything(head, `${event.source} run without a 'base' input`);
        }
    }
    async headCommit() {
        const { head: input, event } = this.request;
        const rev = input ?? event.head ?? 'HEAD';
        const sha = await this.commit(rev);
        if (sha)
            return sha;
        if (input)
            throw new errors/* InputError */.dz('head', input, `a commit, branch or tag in the repository or on remote '${this.history.remote}'`);
        throw new errors/* AegisError */.o4(`The head commit ${rev} of this ${event.source} event is not in the clone and could not be fetched from '${this.history.remote}'.`);
    }
    /** A local rev, a full SHA fetched from the remote, or a remote branch. */
    async commit(rev) {
        const local = await this.history.resolve(rev);
        if (local)
            return local;
        if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(rev))
            return (await this.history.obtain(rev)) ? rev.toLowerCase() : undefined;
        return this.history.branchTip(rev.replace(new RegExp(`^${this.history.remote}/`), ''));
    }
    async fromInput(value, head) {
        const base = await this.commit(value);
        if (!base)
            throw new errors/* InputError */.dz('base', value, `a commit SHA, branch or tag in the repository or on remote '${this.history.remote}'`, 'it is not there');
        return this.compare(base, head, (mergeBase) => mergeBase === base ? `input 'base' ${value}` : `merge base of input 'base' ${value} and head: ${range_short(mergeBase)}`);
    }
    async fromPullRequest(head) {
        const { event } = this.request;
        const pr = event.pullRequest;
        const label = event.source === 'merge_request_event' || pr?.mergedResult !== undefined
            ? `merge request !${pr?.number}`
            : `pull request #${pr?.number}`;
        const target = pr?.baseRef || 'the target branch';
        let base = event.base ?? pr?.baseSha;
        if (base && !(await this.history.obtain(base))) {
            this.log.warning(`The ${label} base ${base} is not in the clone and could not be fetched; using the tip of ${target}.`);
            base = undefined;
        }
        if (!base && pr?.baseRef)
            base = await this.history.branchTip(pr.baseRef);
        if (!base)
            return this.everything(head, `the ${label} has no usable base commit`, true);
        return this.compare(base, head, (mergeBase) => `${label} into ${target}: merge base ${range_short(mergeBase)} of ${target} (${range_short(base)}) and the head`);
    }
    async fromMergeGroup(head) {
        const base = this.request.event.base;
        if (!base || !(await this.history.obtain(base)))
            return this.everything(head, 'the merge group has no usable base commit', true);
        return this.compare(base, head, (mergeBase) => `merge group: base ${range_short(mergeBase)}`);
    }
    async fromPush(head) {
        const { event } = this.request;
        const branch = event.branch ?? '(unknown branch)';
        const before = event.before;
        const defaultBranch = await this.defaultBranch();
        if (!before) {
            if (!defaultBranch || branch === defaultBranch)
                return this.everything(head, `first push of ${branch}: there is no earlier commit to compare with`);
            return this.againstDefaultBranch(head, defaultBranch, `new branch ${branch}`);
        }
        if (!(await this.history.obtain(before))) {
            const why = `push to ${branch}: previous tip ${range_short(before)} is no longer in the repository (force push)`;
            if (defaultBranch && branch !== defaultBranch)
                return this.againstDefaultBranch(head, defaultBranch, why);
            return this.everything(head, why, true);
        }
        if (before === head)
            return { head, base: before, reason: `push to ${branch}: head is the previous tip (nothing new)`, fallback: false };
        const found = await this.history.mergeBase(before, head);
        if (found.found && found.sha === before)
            return { head, base: before, reason: `push to ${branch}: previous tip ${range_short(before)}`, fallback: false };
        if (!found.found && found.cause !== 'unrelated')
            return this.missingMergeBase(head, before, found);
        const why = `force push to ${branch}: previous tip ${range_short(before)} is not an ancestor of head`;
        if (defaultBranch && branch !== defaultBranch)
            return this.againstDefaultBranch(head, defaultBranch, why);
        if (found.found)
            return { head, base: found.sha, reason: `${why}; merge base of the old and new tip: ${range_short(found.sha)}`, fallback: false };
        return this.everything(head, `${why}, and they share no history`, true);
    }
    async fromTag(head) {
        const tag = this.request.event.tag ?? '(tag)';
        const tags = await this.history.tagCommits();
        const names = new Map();
        for (const [name, sha] of tags) {
            if (sha === head)
                continue;
            names.set(sha, [...(names.get(sha) ?? []), name]);
        }
        if (names.size === 0)
            return this.everything(head, `tag ${tag}: there is no earlier tag`);
        const found = await this.history.nearestAncestorIn(head, new Set(names.keys()));
        if (!found.found) {
            if (found.cause === 'unrelated')
                return this.everything(head, `tag ${tag}: no earlier tag is an ancestor of it`);
            return this.missingMergeBase(head, 'the previous tag', found);
        }
        return {
            head,
            base: found.sha,
            reason: `tag ${tag}: previous tag ${(names.get(found.sha) ?? []).sort().join(', ')} (${range_short(found.sha)})`,
            fallback: false,
        };
    }
    async againstDefaultBranch(head, defaultBranch, why) {
        const tip = await this.history.branchTip(defaultBranch);
        if (!tip)
            return this.everything(head, `${why}, and the default branch ${defaultBranch} could not be found`, true);
        return this.compare(tip, head, (mergeBase) => `${why}: merge base with ${defaultBranch} ${range_short(mergeBase)}`);
    }
    async defaultBranch() {
        return this.request.defaultBranch ?? this.request.event.defaultBranch ?? (await this.history.defaultBranch());
    }
    async compare(base, head, reason) {
        const found = await this.history.mergeBase(base, head);
        if (!found.found)
            return this.missingMergeBase(head, base, found);
        return { head, base: found.sha, reason: reason(found.sha), fallback: false };
    }
    missingMergeBase(head, base, result) {
        const what = /^[0-9a-f]{40}$/.test(base) ? range_short(base) : base;
        return this.everything(head, `no merge base of ${what} and head ${range_short(head)} (${result.detail})`, true);
    }
    everything(head, why, warn = false) {
        if (warn)
            this.log.warning(`Cannot compare against a base: ${why}. Treating every service as changed.`);
        return { head, reason: why, fallback: warn };
    }
}

// EXTERNAL MODULE: ./src/core/detect/globs.ts
var globs = __webpack_require__(1728);
;// CONCATENATED MODULE: ./src/core/detect/graph.ts

/**
 * Checks `depends-on`: every name exists and there is no cycle. Returns, for each service,
 * the services that depend on it directly (the edges change propagates along).
 */
function dependentsOf(services, file = 'services manifest') {
    const byName = new Map(services.map((service) => [service.name, service]));
    const dependents = new Map(services.map((service) => [service.name, []]));
    for (const service of services) {
        for (const dependency of service.dependsOn) {
            if (!byName.has(dependency)) {
                throw new errors/* FileError */.f6(file, `service '${service.name}' depends on '${dependency}', which is not a service in the manifest`, service.line);
            }
            if (dependency === service.name)
                throw new errors/* FileError */.f6(file, `service '${service.name}' depends on itself`, service.line);
            dependents.get(dependency)?.push(service.name);
        }
    }
    assertAcyclic(services, byName, file);
    return dependents;
}
function assertAcyclic(services, byName, file) {
    const state = new Map();
    const stack = [];
    const visit = (name) => {
        const current = state.get(name);
        if (current === 'done')
            return;
        if (current === 'visiting') {
            const cycle = [...stack.slice(stack.indexOf(name)), name];
            throw new errors/* FileError */.f6(file, `depends-on has a cycle: ${cycle.join(' → ')}`, byName.get(name)?.line);
        }
        state.set(name, 'visiting');
        stack.push(name);
        for (const dependency of byName.get(name)?.dependsOn ?? [])
            visit(dependency);
        stack.pop();
        state.set(name, 'done');
    };
    for (const service of services)
        visit(service.name);
}
/**
 * Everything reached from `changed` through dependents, breadth first, so each service
 * records the shortest chain that reached it: `via` is [changed service, …, direct dependency].
 */
function propagate(changed, dependents) {
    const via = new Map();
    const queue = [];
    for (const name of changed) {
        via.set(name, []);
        queue.push(name);
    }
    for (let index = 0; index < queue.length; index++) {
        const name = queue[index];
        for (const dependent of dependents.get(name) ?? []) {
            if (via.has(dependent))
                continue;
            via.set(dependent, [...via.get(name), name]);
            queue.push(dependent);
        }
    }
    return via;
}

;// CONCATENATED MODULE: ./src/core/detect/matcher.ts

/**
 * Matches many paths against many ordered rule lists (one per service, plus `global`)
 * without testing every path against every list.
 *
 * Each positive rule has a literal base directory (`services/api` for `services/api/**`,
 * '' for `**\/*.md`). Rule lists are indexed by those bases; a path only reaches the lists
 * indexed under one of its ancestor directories (or under the path itself, for literal
 * patterns), and only those run their full rules. Candidates are memoised per directory,
 * because changed files cluster in few directories. Cost: O(files × (depth + candidates)),
 * instead of O(files × services × globs).
 */
class PathMatcher {
    ruleLists;
    byDirectory = new Map();
    byPath = new Map();
    directoryCandidates = new Map();
    constructor(ruleLists) {
        this.ruleLists = ruleLists;
        ruleLists.forEach((rules, owner) => {
            for (const rule of rules) {
                if (rule.negated)
                    continue; // a negation alone never adds a path
                if (rule.kind === 'literal') {
                    add(this.byPath, rule.base, owner);
                    add(this.byDirectory, rule.base, owner);
                }
                else {
                    add(this.byDirectory, rule.base, owner);
                    // picomatch lets `dir/**` match `dir` itself
                    if (rule.base !== '')
                        add(this.byPath, rule.base, owner);
                }
            }
        });
    }
    /** Indexes (positions in the constructor's list) of the rule lists that accept `path`. */
    match(path) {
        const slash = path.lastIndexOf('/');
        const directory = slash === -1 ? '' : path.slice(0, slash);
        const fromDirectories = this.candidatesOf(directory);
        const fromPath = this.byPath.get(path);
        const result = [];
        for (const owner of fromDirectories) {
            if ((0,globs/* matchesRules */.rd)(this.ruleLists[owner], path))
                result.push(owner);
        }
        if (fromPath) {
            for (const owner of fromPath) {
                if (!fromDirectories.includes(owner) && (0,globs/* matchesRules */.rd)(this.ruleLists[owner], path))
                    result.push(owner);
            }
        }
        return result;
    }
    /** Owners indexed under `directory` or any of its ancestors (including the root ''). */
    candidatesOf(directory) {
        const cached = this.directoryCandidates.get(directory);
        if (cached)
            return cached;
        let candidates;
        if (directory === '') {
            candidates = this.byDirectory.get('') ?? [];
        }
        else {
            const slash = directory.lastIndexOf('/');
            const inherited = this.candidatesOf(slash === -1 ? '' : directory.slice(0, slash));
            const own = this.byDirectory.get(directory);
            candidates = own ? [...new Set([...inherited, ...own])] : inherited;
        }
        this.directoryCandidates.set(directory, candidates);
        return candidates;
    }
}
function add(map, key, owner) {
    const list = map.get(key);
    if (!list)
        map.set(key, [owner]);
    else if (list[list.length - 1] !== owner)
        list.push(owner);
}

;// CONCATENATED MODULE: ./src/core/detect/select.ts



const EXAMPLE_FILES = 5;
class Hits {
    files = [];
    count = 0;
    add(path) {
        if (this.files.length < EXAMPLE_FILES && !this.files.includes(path))
            this.files.push(path);
        this.count++;
    }
}
/** Compiles a manifest once for many `select` calls (the bench and the stage share it). */
class ServiceSelector {
    services;
    matcher;
    dependents;
    globalOwner;
    acceptedTypes;
    constructor(manifest, global, changeTypes) {
        this.services = manifest.services;
        this.dependents = dependentsOf(manifest.services, manifest.file);
        const ruleLists = this.services.map((service) => (0,globs/* compileRuleList */._s)(service.include, service.exclude));
        ruleLists.push((0,globs/* compileRuleList */._s)([...manifest.global, ...global], []));
        this.globalOwner = this.services.length;
        this.matcher = new PathMatcher(ruleLists);
        const defaults = new Set(changeTypes);
        this.acceptedTypes = [...this.services.map((service) => (service.changeTypes ? new Set(service.changeTypes) : defaults)), defaults];
    }
    select(changes, imagePrefix) {
        const reasons = new Map();
        if ('all' in changes) {
            for (const service of this.services)
                reasons.set(service.name, { kind: 'all', why: changes.all });
        }
        else {
            const hits = new Array(this.services.length + 1);
            for (const change of changes) {
                for (const owner of this.matcher.match(change.path)) {
                    if (!this.acceptedTypes[owner]?.has(change.type))
                        continue;
                    let hit = hits[owner];
                    if (!hit) {
                        hit = new Hits();
                        hits[owner] = hit;
                    }
                    hit.add(change.path);
                }
            }
            const globalHit = hits[this.globalOwner];
            this.services.forEach((service, owner) => {
                const hit = hits[owner];
                if (hit)
                    reasons.set(service.name, { kind: 'files', files: hit.files, count: hit.count });
                else if (globalHit)
                    reasons.set(service.name, { kind: 'global', files: globalHit.files, count: globalHit.count });
            });
            for (const [name, chain] of propagate([...reasons.keys()], this.dependents)) {
                if (!reasons.has(name))
                    reasons.set(name, { kind: 'dependency', chain });
            }
        }
        const selected = this.services
            .filter((service) => reasons.has(service.name))
            .map((service) => ({ name: service.name, kind: service.kind, path: service.path, reason: reasons.get(service.name) }));
        const include = this.services
            .filter((service) => service.kind === 'service' && reasons.has(service.name))
            .map((service) => matrixEntry(service, imagePrefix));
        return { selected, matrix: { include }, services: include.map((entry) => entry.service) };
    }
}
function selectServices(request) {
    return new ServiceSelector(request.manifest, request.global ?? [], request.changeTypes).select(request.changes, request.imagePrefix);
}
/** `service`, `path`, `context`, `dockerfile`, `image` (defaults derived from the path), then the manifest's own fields. */
function matrixEntry(service, imagePrefix) {
    const context = typeof service.fields.context === 'string' ? service.fields.context : service.path;
    const dockerfile = typeof service.fields.dockerfile === 'string' ? service.fields.dockerfile : `${context}/Dockerfile`;
    const image = typeof service.fields.image === 'string'
        ? service.fields.image
        : imagePrefix
            ? `${imagePrefix.replace(/\/+$/, '')}/${service.name}`
            : service.name;
    return {
        service: service.name,
        path: service.path,
        context,
        dockerfile,
        image,
        ...withoutKeys(service.fields, ['context', 'dockerfile', 'image']),
    };
}
function withoutKeys(fields, keys) {
    return Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)));
}
/** One line for the summary table. */
function describeReason(reason) {
    switch (reason.kind) {
        case 'files':
        case 'global': {
            const more = reason.count > reason.files.length ? ` (+${reason.count - reason.files.length} more)` : '';
            const files = `${reason.files.map((file) => `\`${file}\``).join(', ')}${more}`;
            return reason.kind === 'files' ? `${reason.count} file${reason.count === 1 ? '' : 's'}: ${files}` : `global: ${files}`;
        }
        case 'dependency':
            return `depends on ${reason.chain.slice().reverse().join(' → ')} (changed)`;
        case 'all':
            return `every service: ${reason.why}`;
    }
}

;// CONCATENATED MODULE: ./src/core/detect/detect.ts




/** Resolve the range, list what changed, select services. The manifest is checked before git is touched. */
async function detect(request, log) {
    const selector = new ServiceSelector(request.manifest, request.global, request.changeTypes);
    const git = new git_git/* Git */.TU(request.directory);
    const range = await resolveRange(git, request, log);
    if (!range.base) {
        const changedFiles = await filesAt(git, range.head);
        return { range, changedFiles, selection: selector.select({ all: range.reason }, request.imagePrefix) };
    }
    const changes = await listChanges(git, range.base, range.head);
    return { range, changedFiles: uniquePaths(changes), selection: selector.select(changes, request.imagePrefix) };
}
/** `git diff --name-status` between two commits, renames detected (both paths reported). */
async function listChanges(git, base, head) {
    if (base === head)
        return [];
    return parseNameStatus(await git.nameStatus(base, head));
}
async function filesAt(git, head) {
    return git.listFiles(head);
}

// EXTERNAL MODULE: ./src/core/detect/manifest.ts
var manifest = __webpack_require__(3066);
// EXTERNAL MODULE: ./src/core/fs/safe-write.ts
var safe_write = __webpack_require__(864);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/platform/gitlab.ts + 1 modules
var gitlab = __webpack_require__(1895);
// EXTERNAL MODULE: ./src/stages/inputs.ts
var inputs = __webpack_require__(9778);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/detect.ts














const definition = {
    name: 'detect',
    title: 'Detect changed services',
    description: 'Decide which services of a monorepo changed between base and head (with dependency closure and global files) and hand CI a build matrix; on GitLab, also a child pipeline with a job per changed service.',
    gitlab: {
        stage: '.pre',
        defaults: { 'child-pipeline-file': `${gitlab/* gitlabArtifacts */.zB.stageDir('detect')}/child-pipeline.yml` },
        inputs: {
            'children-stage': { description: 'Stage of the job that triggers the generated child pipeline (after job-stage).', default: 'build' },
        },
        jobs: {
            // GitLab runs the generated pipeline as a child, failing this job when a child job fails.
            '$[[ inputs.job-name ]]-children': {
                stage: '$[[ inputs.children-stage ]]',
                needs: [{ job: '$[[ inputs.job-name ]]', artifacts: true }],
                trigger: {
                    include: [{ artifact: '$[[ inputs.child-pipeline-file ]]', job: '$[[ inputs.job-name ]]' }],
                    strategy: 'depend',
                },
                rules: [{ if: '"$[[ inputs.child-pipeline-template ]]" != ""' }],
            },
        },
    },
    inputs: {
        'working-directory': { description: 'The git checkout to inspect, relative to the workspace.', default: '.' },
        config: {
            description: 'Service manifest, relative to the checkout. When the default file is absent, services are discovered (see discover); a non-default path must exist.',
            default: '.aegis/services.yaml',
        },
        base: { description: 'Commit, branch or tag to compare against, overriding the event (its merge base with head is used).' },
        head: { description: 'Commit to inspect, overriding the event (default: the event head, else HEAD).' },
        global: {
            description: "Extra globs (one per line or comma-separated) whose change marks every service, added to the manifest's global list.",
        },
        discover: {
            description: 'Without a manifest: globs of directories that may be services (one per line or comma-separated).',
            default: 'services/*',
        },
        'discover-marker': {
            description: 'Without a manifest: a discovered directory is a service when it holds this file.',
            default: 'Dockerfile',
        },
        'change-types': {
            description: 'Kinds of change that mark a service (added, modified, deleted, renamed); a manifest entry may set its own change-types.',
            default: 'added, modified, deleted, renamed',
        },
        'default-branch': { description: 'Branch new branches and force pushes are compared with (default: from the event or the remote).' },
        remote: { description: 'Remote that missing commits are fetched from when the clone is shallow.', default: 'origin' },
        'image-prefix': {
            description: 'Registry and namespace for services without an image field: the image becomes <image-prefix>/<service>.',
        },
        'deepen-step': {
            description: 'Commits fetched by the first deepening of a shallow clone; each further round doubles it.',
            default: '32',
        },
        'max-deepen-rounds': { description: 'Deepening rounds before giving up and selecting every service (with a warning).', default: '12' },
        'changed-files-file': {
            description: "Where the full list of changed paths is written (one per line): a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
        },
        'child-pipeline-template': {
            description: 'GitLab: a CI YAML template (path relative to the checkout) whose jobs named with a placeholder, e.g. "build {{service}}:", are instantiated per changed service; other keys are copied. Empty: no child pipeline.',
        },
        'child-pipeline-file': {
            description: "Where the generated child pipeline is written (trigger it with trigger:include:artifact): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
        },
    },
    outputs: {
        matrix: {
            description: 'JSON {"include":[{service, path, context, dockerfile, image, …manifest fields}]} of changed services (libraries excluded).',
        },
        services: { description: 'JSON array of the changed service names in the matrix.' },
        'has-changes': { description: "'true' when the matrix is not empty." },
        base: { description: 'Commit compared against; empty when every service was selected without comparing.' },
        head: { description: 'Commit inspected.' },
        'base-reason': { description: 'Why this base was chosen (or why every service was selected).' },
        'changed-files': {
            description: 'Path of the file listing every changed path, one per line (relative to the workspace when inside it).',
        },
        'child-pipeline': {
            description: 'Path of the generated GitLab child pipeline (relative to the workspace when inside it); empty without child-pipeline-template.',
        },
    },
    run: (platform) => runDetect(platform),
};
const detectStage = definition;
/** Every input, the manifest and the child-pipeline template are read and checked here, before git or any write. */
async function parseDetectInputs(reader, platform) {
    const directory = await checkoutRoot(reader, platform.workspace);
    const changeTypes = reader.list('change-types').map((type) => {
        if (!manifest/* CHANGE_TYPES */.pf.includes(type))
            throw new errors/* InputError */.dz('change-types', type, `any of ${manifest/* CHANGE_TYPES */.pf.join(', ')}`);
        return type;
    });
    if (changeTypes.length === 0)
        throw new errors/* InputError */.dz('change-types', '', `at least one of ${manifest/* CHANGE_TYPES */.pf.join(', ')}`);
    const global = reader
        .list('global')
        .map((pattern) => (0,globs/* checkPattern */.rg)(pattern, (value, problem) => new errors/* InputError */.dz('global', value, 'repository-relative globs', problem)));
    const remote = reader.required('remote');
    if (remote.startsWith('-'))
        throw new errors/* InputError */.dz('remote', remote, 'a remote name or URL');
    const base = reader.optional('base');
    const head = reader.optional('head');
    for (const [name, value] of [
        ['base', base],
        ['head', head],
    ]) {
        if (value?.startsWith('-') || (value && /\s/.test(value)))
            throw new errors/* InputError */.dz(name, value, 'a commit SHA, branch or tag');
    }
    const templatePath = reader.path('child-pipeline-template', directory);
    const childPipeline = templatePath
        ? {
            template: parseChildPipelineTemplate(readInputFile('child-pipeline-template', templatePath), (0,external_node_path_.relative)(directory, templatePath)),
            file: reader.outputPath('child-pipeline-file', 'child-pipeline.yml'),
        }
        : undefined;
    return {
        request: {
            directory,
            manifest: loadManifest(reader, directory),
            global,
            changeTypes,
            imagePrefix: reader.optional('image-prefix'),
            event: platform.event(),
            base,
            head,
            defaultBranch: reader.optional('default-branch'),
            remote,
            deepenStep: reader.integer('deepen-step', { min: 1, max: 100_000 }),
            maxDeepenRounds: reader.integer('max-deepen-rounds', { min: 0, max: 30 }),
        },
        changedFilesFile: reader.outputPath('changed-files-file', 'changed-files.txt'),
        childPipeline,
    };
}
async function checkoutRoot(reader, workspace) {
    const value = reader.string('working-directory');
    const directory = reader.path('working-directory', workspace) ?? workspace;
    const root = await new git_git/* Git */.TU(directory).topLevel().catch(() => undefined);
    if (root === undefined)
        throw new errors/* InputError */.dz('working-directory', value, 'a git checkout', 'git rev-parse --show-toplevel failed there');
    return root;
}
function loadManifest(reader, directory) {
    const value = reader.string('config');
    const path = reader.path('config', directory);
    if ((0,external_node_fs_.existsSync)(path))
        return (0,manifest/* parseManifest */.Ng)(readInputFile('config', path), value);
    if (value !== definition.inputs.config.default)
        throw new errors/* InputError */.dz('config', value, 'an existing services manifest file', 'there is no such file');
    const patterns = reader.list('discover');
    for (const pattern of patterns)
        (0,globs/* checkPattern */.rg)(pattern, (raw, problem) => new errors/* InputError */.dz('discover', raw, 'globs of directories', problem));
    return (0,manifest/* discoverServices */.Um)(directory, { patterns, marker: reader.required('discover-marker') });
}
function readInputFile(input, path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, path, 'a readable file', error.message);
    }
}
async function runDetect(platform) {
    const reader = new inputs/* InputReader */.i_(platform, definition.inputs);
    const options = await parseDetectInputs(reader, platform);
    const { log } = platform;
    const { request } = options;
    const source = request.manifest.file ?? `discovered (${request.manifest.services.length} directories with ${reader.string('discover-marker')})`;
    log.info(`Services: ${request.manifest.services.length} from ${source}.`);
    const result = await log.group('Resolve base and head, list changes', () => detect(request, log));
    log.info(`base ${result.range.base ?? '(none)'} head ${result.range.head}: ${result.range.reason}`);
    log.info(`${result.changedFiles.length} changed paths; ${result.selection.services.length} services in the matrix.`);
    writeFile(options.changedFilesFile, result.changedFiles.length > 0 ? `${result.changedFiles.join('\n')}\n` : '');
    let childPipelineFile = '';
    if (options.childPipeline) {
        writeFile(options.childPipeline.file, renderChildPipeline(options.childPipeline.template, result.selection.matrix.include, { ...result.range }));
        childPipelineFile = workspacePath(platform, options.childPipeline.file);
    }
    platform.setOutput('matrix', JSON.stringify(result.selection.matrix));
    platform.setOutput('services', JSON.stringify(result.selection.services));
    platform.setOutput('has-changes', String(result.selection.services.length > 0));
    platform.setOutput('base', result.range.base ?? '');
    platform.setOutput('head', result.range.head);
    platform.setOutput('base-reason', result.range.reason);
    platform.setOutput('changed-files', workspacePath(platform, options.changedFilesFile));
    platform.setOutput('child-pipeline', childPipelineFile);
    await platform.summary(summaryMarkdown(result, request.manifest.services.length));
}
function writeFile(path, content) {
    (0,safe_write/* writeFileSafely */.kv)(path, content);
}
function workspacePath(platform, path) {
    return (0,paths/* displayPath */.Gt)(platform.workspace, path);
}
const SUMMARY_ROWS = 300;
function summaryMarkdown(result, total) {
    const { range, selection } = result;
    const lines = [
        '### aegis detect',
        '',
        `**base** \`${range.base ? range.base.slice(0, 12) : '(none)'}\` → **head** \`${range.head.slice(0, 12)}\`: ${range.reason}${range.fallback ? ' ⚠️' : ''}`,
        '',
        `${result.changedFiles.length} changed paths; ${selection.selected.length} of ${total} services marked, ${selection.services.length} in the build matrix.`,
        '',
    ];
    if (selection.selected.length === 0)
        return [...lines, 'No service changed.'].join('\n');
    const rows = selection.selected
        .slice(0, SUMMARY_ROWS)
        .map((service) => [`\`${service.name}\``, service.kind, describeReason(service.reason)]);
    lines.push((0,shared/* markdownTable */.Qj)(['service', 'kind', 'reason'], rows));
    if (selection.selected.length > SUMMARY_ROWS)
        lines.push('', `… and ${selection.selected.length - SUMMARY_ROWS} more.`);
    return lines.join('\n');
}
// The module shape of every stage (src/stages/index.ts): definition, parse, run.



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

export const id = 649;
export const ids = [649];
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

/***/ 7140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m8: () => (/* binding */ raceBackoffMs),
/* harmony export */   tk: () => (/* binding */ commitAndPush),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony exports DEFAULT_BACKOFF, ProposalBranchMoved */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3639);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6706);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5431);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8496);
/* harmony import */ var _remote_failure_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1607);








const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Backoff before retrying a push lost to a race: full jitter over min(maxMs, baseMs·2^(attempt-1)). */
const DEFAULT_BACKOFF = { baseMs: 50, maxMs: 1000 };
function raceBackoffMs(attempt, backoff = DEFAULT_BACKOFF, random = Math.random) {
    return Math.round(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1)));
}
/**
 * Commit-and-push that survives concurrent writers: clone the tip, let `prepare` compute the
 * change from what is there, commit, push; when the push loses a race, fetch the new tip and
 * call `prepare` again so the *semantic* edit is re-applied — never a force push, never a
 * replayed diff. `prepare` must not write; it may throw to abort before anything is written.
 * With a `pushBranch` (pull-request mode) see rebuildProposal.
 */
async function commitAndPush(options, prepare) {
    const { remote, branch, log } = options;
    const pushBranch = options.pushBranch ?? branch;
    const dir = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .createPrivateDir */ .b4)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), 'aegis-gitops-');
    const git = new _git_js__WEBPACK_IMPORTED_MODULE_6__/* .Git */ .TU(dir, remote.env);
    try {
        const retries = {
            ..._remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .DEFAULT_RETRIES */ .TU,
            ...options.retries,
            onRetry: (n, ms, why) => log.info(`${remote.url} did not answer (${why}); attempt ${n + 1} in ${ms} ms.`),
        };
        const cloned = await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.clone(remote.url, { branch, depth: 1 }), retries);
        if (!cloned.ok) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Could not clone branch '${branch}' of ${remote.url}: ${(0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .remoteFailureText */ .Uv)(cloned.stderr)}`);
        }
        if (pushBranch !== branch)
            return await rebuildProposal(options, pushBranch, { dir, git, retries }, prepare);
        for (let attempt = 1;; attempt++) {
            if (attempt > 1)
                await syncToTip(git, branch, retries);
            const change = await prepare({ dir, git, attempt });
            const tip = await git.head();
            if (change.files.length === 0 || options.dryRun) {
                return { changed: false, sha: tip, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
            }
            const sha = await commitChange(git, dir, change, options.author);
            if (!sha)
                return { changed: false, sha: tip, attempts: attempt, change, dryRun: false };
            const push = await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.push('origin', [`HEAD:refs/heads/${branch}`], { porcelain: true }), retries);
            if (push.ok) {
                log.info(`Pushed ${sha.slice(0, 12)} to ${branch}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
                return { changed: true, sha, attempts: attempt, change, dryRun: false };
            }
            assertRaceLost(push, branch, attempt, options.maxAttempts);
            const delay = raceBackoffMs(attempt, options.backoff, options.random);
            log.info(`Push to ${branch} lost a race (attempt ${attempt}/${options.maxAttempts}); re-applying on the new tip in ${delay} ms.`);
            await sleep(delay);
        }
    }
    finally {
        (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_2__/* .removePrivateDir */ .VZ)(dir);
    }
}
/**
 * Pull-request mode. The proposal is always the base tip plus one commit of the semantic edit,
 * planned against the base (so "current" values are the base's, never a stale proposal's), and
 * pushed with `--force-with-lease` on the proposal branch only: the lease is the proposal tip
 * read before planning, or "must not exist". The base branch is only read.
 *
 * A rebuilt commit whose tree equals the proposal tip's is not pushed (a rerun changes nothing).
 * A lost lease means someone pushed to the proposal branch after we read it: when that tip is
 * another run of ours (same author), the proposal is rebuilt from scratch on the newest tips;
 * a commit by anyone else is never overwritten unseen — the run fails with ProposalBranchMoved.
 */
async function rebuildProposal(options, proposal, checkout, prepare) {
    const { branch, log } = options;
    const { dir, git, retries } = checkout;
    for (let attempt = 1;; attempt++) {
        const leased = await fetchProposalTip(git, proposal, retries);
        await syncToTip(git, branch, retries);
        const base = await git.head();
        const change = await prepare({ dir, git, attempt });
        if (change.files.length === 0 || options.dryRun) {
            return { changed: false, sha: base, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
        }
        const sha = await commitChange(git, dir, change, options.author);
        if (!sha)
            return { changed: false, sha: base, attempts: attempt, change, dryRun: false };
        if (leased && (await git.tree(sha)) === (await git.tree(leased))) {
            log.info(`${proposal} at ${leased.slice(0, 12)} already proposes this change on ${branch}; nothing pushed.`);
            return { changed: false, sha: leased, attempts: attempt, change, dryRun: false, pendingOnPushBranch: true };
        }
        const lease = { ref: `refs/heads/${proposal}`, expected: leased ?? '' };
        const push = await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.push('origin', [`HEAD:refs/heads/${proposal}`], { porcelain: true, lease }), retries);
        if (push.ok) {
            log.info(`Pushed ${sha.slice(0, 12)} to ${proposal}: ${branch} at ${base.slice(0, 12)} plus this change${leased ? `, replacing ${leased.slice(0, 12)}` : ''}${attempt > 1 ? ` (attempt ${attempt})` : ''}.`);
            return { changed: true, sha, attempts: attempt, change, dryRun: false };
        }
        assertRaceLost(push, proposal, attempt, options.maxAttempts);
        const moved = await fetchProposalTip(git, proposal, retries);
        if (moved) {
            const author = await git.commitAuthor(moved);
            if (author.name !== options.author.name || author.email !== options.author.email) {
                throw new ProposalBranchMoved(proposal, leased, moved, author);
            }
        }
        const delay = raceBackoffMs(attempt, options.backoff, options.random);
        log.info(`${proposal} moved while this run rebuilt it (attempt ${attempt}/${options.maxAttempts}); rebuilding on the newest tips in ${delay} ms.`);
        await sleep(delay);
    }
}
/** Someone other than this bot pushed to the proposal branch between our read and our push. */
class ProposalBranchMoved extends _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4 {
    name = 'ProposalBranchMoved';
    constructor(branch, expected, found, author) {
        super(`${branch} moved while this run rebuilt it: it was ${expected ? `at ${expected.slice(0, 12)}` : 'absent'}, now ${found.slice(0, 12)} by ${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .neutralizeLogText */ .jI)(author.name)} <${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_4__/* .neutralizeLogText */ .jI)(author.email)}>. Nothing was pushed; that commit is not overwritten. Rerun to rebuild the proposal on the base branch (it replaces the branch).`);
    }
}
/** Writes, stages and commits the change; undefined when the bytes are already there. */
async function commitChange(git, dir, change, author) {
    for (const file of change.files)
        (0,_atomic_js__WEBPACK_IMPORTED_MODULE_5__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, file.path), file.content);
    await git.add(change.files.map((file) => file.path));
    // Identical bytes: the caller reported a change that is not one.
    if (!(await git.hasStagedChanges()))
        return undefined;
    return git.commit(change.message, author);
}
/** A rejected push: returns when another writer won the race and attempts remain, else throws. */
function assertRaceLost(push, branch, attempt, maxAttempts) {
    if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_6__/* .isRaceRejection */ .pf)(`${push.stdout}\n${push.stderr}`)) {
        // The remote's own words (a hook's message, the status line), not a guess.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Push to ${branch} failed: ${(0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .remoteFailureText */ .Uv)(`${push.stderr}\n${push.stdout}`, 6)}`);
    }
    if (attempt >= maxAttempts) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Push to ${branch} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${maxAttempts}). Nothing was force-pushed.`);
    }
}
/** Fetches the proposal branch's tip into refs/remotes/origin/<branch>; undefined when the branch does not exist. */
async function fetchProposalTip(git, proposal, retries) {
    const ref = `refs/heads/${proposal}`;
    const listed = (0,_git_js__WEBPACK_IMPORTED_MODULE_6__/* .mustSucceed */ .MX)(await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.remoteRefs('origin', [ref], 'heads'), retries));
    if (!listed.refs.some((entry) => entry.ref === ref))
        return undefined;
    (0,_git_js__WEBPACK_IMPORTED_MODULE_6__/* .mustSucceed */ .MX)(await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.fetch('origin', [`+${ref}:refs/remotes/origin/${proposal}`], { depth: 1 }), retries));
    return await git.resolveCommit(`refs/remotes/origin/${proposal}`);
}
/** Moves the clone to the newest tip of `branch`. */
async function syncToTip(git, branch, retries) {
    (0,_git_js__WEBPACK_IMPORTED_MODULE_6__/* .mustSucceed */ .MX)(await (0,_remote_failure_js__WEBPACK_IMPORTED_MODULE_7__/* .retryTransient */ .jh)(() => git.fetch('origin', [`+refs/heads/${branch}:refs/remotes/origin/${branch}`], { depth: 1 }), retries));
    await git.resetHard(`refs/remotes/origin/${branch}`);
}


/***/ }),

/***/ 8534:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ describeImageChanges),
/* harmony export */   m: () => (/* binding */ planBump)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _images_image_line_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2758);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6107);
/* harmony import */ var _yaml_kustomization_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8802);
/* harmony import */ var _yaml_values_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(954);
/* harmony import */ var _targets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2142);








/**
 * Computes every edit against the checkout at `root` without writing: each file is read
 * once, all of its edits are applied in memory, and any error aborts the whole plan, so a
 * repository is never left half-edited.
 */
function planBump(root, request) {
    const contents = new Map();
    const read = (path) => {
        let content = contents.get(path);
        if (content === undefined) {
            content = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, path), 'utf8');
            contents.set(path, content);
        }
        return content;
    };
    const original = new Map();
    const imageChanges = [];
    const valueChanges = [];
    if (request.images.length > 0) {
        for (const file of (0,_targets_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveKustomizations */ .Z)(root, request.paths)) {
            const before = read(file);
            if (!original.has(file))
                original.set(file, before);
            const result = (0,_yaml_kustomization_js__WEBPACK_IMPORTED_MODULE_5__/* .setImages */ .B)(before, request.images, { file, addMissing: request.addMissing });
            contents.set(file, result.content);
            imageChanges.push(...result.changes);
        }
    }
    // Grouped by the normalised path, so `values.yaml` and `./values.yaml` are one file edited once.
    const settingsByFile = new Map();
    for (const setting of request.values) {
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, (0,_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveInside */ .LI)(root, setting.file, 'set'))
            .split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep)
            .join('/');
        settingsByFile.set(file, [...(settingsByFile.get(file) ?? []), setting]);
    }
    for (const [file, settings] of settingsByFile) {
        let before;
        try {
            before = read(file);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('set', settings[0].line, '`<file>:<path>=<value>` lines naming existing files in the GitOps repository');
        }
        if (!original.has(file))
            original.set(file, before);
        const result = (0,_yaml_values_js__WEBPACK_IMPORTED_MODULE_6__/* .setValues */ .VI)(before, file, settings);
        contents.set(file, result.content);
        result.results.forEach((edit, index) => {
            if (edit.changed)
                valueChanges.push({ file, path: (0,_yaml_values_js__WEBPACK_IMPORTED_MODULE_6__/* .formatPath */ .jV)(edit.path), previous: edit.previous, next: settings[index].value });
        });
    }
    const files = [...original.entries()]
        .filter(([path, before]) => contents.get(path) !== before)
        .map(([path]) => ({ path, content: contents.get(path) }));
    return { files, imageChanges, valueChanges };
}
/** One entry per distinct image change (an image set in many overlays counts once), for messages and trailers. */
function describeImageChanges(changes) {
    const seen = new Map();
    for (const change of changes) {
        const next = (0,_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.next });
        const key = `${change.name}=${next}`;
        if (seen.has(key))
            continue;
        seen.set(key, {
            name: change.name,
            next,
            previous: change.previous ? (0,_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : undefined,
            version: change.next.newTag ?? change.next.digest?.slice(0, 19) ?? next,
        });
    }
    return [...seen.values()];
}


/***/ }),

/***/ 954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ parseSetLines),
/* harmony export */   VI: () => (/* binding */ setValues),
/* harmony export */   gI: () => (/* binding */ parseValuePath),
/* harmony export */   jV: () => (/* binding */ formatPath),
/* harmony export */   wK: () => (/* binding */ readValue)
/* harmony export */ });
/* unused harmony exports SET_LINE_EXPECTED, setValue */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _splice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7391);
/**
 * Byte-preserving edits of Helm values files: `<file>:<path>=<value>` lines set one scalar each.
 *
 * Paths: keys separated by `.`, `[N]` indexes a sequence, `\` escapes the next character
 * (`\.` for a dot inside a key): `image.tag`, `containers[0].image`, `podAnnotations.app\.io/v`.
 * Only the LAST key of a path may be missing (it is added to its mapping); a missing
 * intermediate mapping or sequence item is an error, because guessing structure in someone
 * else's values file is how charts get broken.
 *
 * Values are strings, except that a new key or an empty value given an integer or boolean
 * written canonically takes it as one (`answer: 42`, as Kargo writes it), and a value replacing
 * a plain number or boolean stays plain when it is one (`replicas: 2` -> `replicas: 3`); anything
 * else that would not read back as the same string (`1.10`, `true` replacing a string, `null`,
 * ``) is double-quoted. A path through an anchored mapping that an alias uses is refused.
 */



const SET_LINE_EXPECTED = 'lines of <file>:<dotted.path>=<value>, e.g. values.yaml:image.tag=1.2.3';
const MAX_INDEX_DIGITS = 9;
/** Parses `set` input lines; empty lines and `#` comment lines are skipped. */
function parseSetLines(text, input = 'set') {
    const lines = [];
    const seen = new Set();
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const fail = (detail) => {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, line, SET_LINE_EXPECTED, detail);
        };
        const colon = line.indexOf(':');
        const file = line.slice(0, Math.max(colon, 0)).trim();
        // `image.tag=reg:5000/app` has a ':' only in its value.
        if (file === '' || file.includes('='))
            fail('missing "<file>:" before the path');
        if (!/\.ya?ml$/i.test(file))
            fail(`${file} is not a YAML file (.yaml or .yml)`);
        // Git's own files are never ours to edit, in any spelling of the directory.
        if (file.split(/[\\/]+/).some((segment) => segment.toLowerCase() === '.git'))
            fail(`${file} is inside .git`);
        const rest = line.slice(colon + 1);
        const equals = unescapedIndexOf(rest, '=');
        if (equals < 0)
            fail('missing "=<value>" after the path');
        const path = parsePath(rest.slice(0, equals).trim(), fail);
        const id = `${file}\0${formatPath(path)}`;
        if (seen.has(id))
            fail(`${file}:${formatPath(path)} is set twice`);
        seen.add(id);
        lines.push({ file, path, value: rest.slice(equals + 1).trim(), line });
    }
    return lines;
}
/** Renders a path the way `parseSetLines` reads it. */
function formatPath(path) {
    return path
        .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i > 0 ? '.' : ''}${segment.replace(/[\\.[\]=]/g, '\\$&')}`))
        .join('');
}
/** Sets one value; see `setValues`. */
function setValue(content, file, path, value) {
    const { content: out, results } = setValues(content, file, [{ path, value }]);
    const [result] = results;
    return { content: out, previous: result?.previous ?? null, changed: result?.changed ?? false };
}
/** Sets several values in one file with one parse; the identical string comes back if none changes. */
function setValues(content, file, edits) {
    const splicer = new _splice_js__WEBPACK_IMPORTED_MODULE_2__/* .YamlSplicer */ .q6(content, file);
    const seen = new Set();
    const results = edits.map(({ path, value, typed }) => {
        const shown = formatPath(path);
        if (path.length === 0)
            throw new Error('empty values path');
        if (seen.has(shown))
            throw new Error(`values path ${shown} edited twice in ${file}`);
        seen.add(shown);
        return setOne(splicer, path, value, typed);
    });
    return { content: splicer.result(), results };
}
/** The scalar at `path`, undefined when the path does not exist; a collection there is an error. */
function readValue(content, file, path) {
    const splicer = new _splice_js__WEBPACK_IMPORTED_MODULE_2__/* .YamlSplicer */ .q6(content, file);
    let node = splicer.doc.contents;
    for (const segment of path) {
        if (typeof segment === 'number') {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) || node.items[segment] === undefined)
                return undefined;
            node = node.items[segment];
        }
        else {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
                return undefined;
            const pair = (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(splicer.doc, node, segment);
            if (!pair)
                return undefined;
            node = pair.value;
        }
    }
    const target = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(splicer.doc) : node;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(target) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(target)) {
        throw splicer.error(`${formatPath(path)} is a ${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(target) ? 'mapping' : 'sequence'}, not a scalar`, target);
    }
    return { text: splicer.text(target), typed: (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(target) ? target.value : null };
}
/**
 * What a new value's text stands for when nothing says its type: an integer or boolean written
 * canonically (`42`, `true`) is one, as Kargo and Helm's --set write it; anything else (`1.10`,
 * `1.5`, `0x1F`, `yes`) a string.
 */
function canonicalScalar(value) {
    if (/^(?:true|false)$/.test(value))
        return value === 'true';
    if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(value))
        return Number(value);
    return value;
}
function setOne(splicer, path, value, typed) {
    const shown = formatPath(path);
    let node = splicer.doc.contents;
    for (const [i, segment] of path.entries()) {
        // An anchored mapping or sequence on the way is shared with its aliases: editing inside it changes them too.
        if (i > 0)
            splicer.assertNotAliasedHere(node, `cannot set ${shown}: ${formatPath(path.slice(0, i))}`);
        const where = i === 0 ? 'the document' : formatPath(path.slice(0, i));
        const last = i === path.length - 1;
        if (typeof segment === 'number') {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
                throw splicer.error(`cannot set ${shown}: ${where} is not a sequence`, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? node : null);
            const item = node.items[segment];
            if (item === undefined) {
                throw splicer.error(`cannot set ${shown}: ${where} has ${node.items.length} items, no [${segment}]`, node);
            }
            if (last)
                return replace(splicer, item, node.flow === true, value, path, typed);
            node = item;
            continue;
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const what = node === null || node === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null) ? 'empty' : 'not a mapping';
            throw splicer.error(`cannot set ${shown}: ${where} is ${what}`, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? node : null);
        }
        const pair = (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(splicer.doc, node, segment);
        if (last) {
            if (pair)
                return replace(splicer, pair.value, node.flow === true, value, path, typed);
            splicer.addPair(node, segment, { scalar: value, keepTypeOf: typed === undefined ? canonicalScalar(value) : typed });
            return { path, previous: null, changed: true };
        }
        if (!pair) {
            throw splicer.error(`cannot set ${shown}: ${formatPath(path.slice(0, i + 1))} does not exist (only the last key of a path is added)`, node);
        }
        node = pair.value;
    }
    throw new Error('unreachable');
}
function replace(splicer, node, flow, value, path, typedValue) {
    if (!node)
        throw splicer.error(`cannot locate the value of ${formatPath(path)}`);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        throw splicer.error(`cannot set ${formatPath(path)}: it is a ${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) ? 'mapping' : 'sequence'}, not a scalar`, node);
    }
    const previous = splicer.text(node);
    if (previous === value)
        return { path, previous, changed: false };
    const empty = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && (node.value === null || node.value === undefined);
    const plainNonString = !empty && (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.type === 'PLAIN' && typeof node.value !== 'string';
    // A number or boolean stays one; an empty value takes the type the source gives.
    const typed = plainNonString ? node.value : empty ? (typedValue === undefined ? canonicalScalar(value) : typedValue) : undefined;
    splicer.setScalar(node, value, { flow, keepTypeOf: typed });
    return { path, previous, changed: true };
}
function unescapedIndexOf(text, char) {
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '\\')
            i++;
        else if (text[i] === char)
            return i;
    }
    return -1;
}
/** A dotted path as `set` lines write it (`image.tag`, `containers[0].image`); bad ones fail with `input`. */
function parseValuePath(text, input, line, expected) {
    return parsePath(text, (detail) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, line, expected, detail);
    });
}
/** `a.b\.c[0].d` -> ['a', 'b.c', 0, 'd']. */
function parsePath(text, fail) {
    if (text === '')
        fail('the path is empty');
    const path = [];
    let i = 0;
    while (i < text.length) {
        let key = '';
        while (i < text.length && text[i] !== '.' && text[i] !== '[') {
            if (text[i] === ']')
                fail(`unexpected "]" at position ${i + 1} of the path`);
            if (text[i] === '\\') {
                if (i + 1 >= text.length)
                    fail('the path ends with a lone "\\"');
                i++;
            }
            key += text[i];
            i++;
        }
        if (key !== '')
            path.push(key);
        let indexed = false;
        while (text[i] === '[') {
            const close = text.indexOf(']', i);
            const digits = close < 0 ? '' : text.slice(i + 1, close);
            if (!/^(?:0|[1-9][0-9]*)$/.test(digits) || digits.length > MAX_INDEX_DIGITS) {
                fail(`"[${digits}" is not a sequence index like [0]`);
            }
            path.push(Number(digits));
            i = close + 1;
            indexed = true;
        }
        if (key === '' && !indexed)
            fail('the path has an empty key (".." or a leading/trailing ".")');
        if (i < text.length) {
            if (text[i] !== '.')
                fail(`expected "." or "[" after "]" at position ${i + 1} of the path`);
            i++;
            if (i === text.length)
                fail('the path has an empty key (".." or a leading/trailing ".")');
        }
    }
    return path;
}


/***/ }),

/***/ 5936:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $G: () => (/* binding */ gitopsPushStatus),
/* harmony export */   Gx: () => (/* binding */ writeGitopsPushOutputs),
/* harmony export */   Jw: () => (/* binding */ gitopsPushOutputs),
/* harmony export */   _c: () => (/* binding */ pushToGitops)
/* harmony export */ });
/* unused harmony export ForgeRefusal */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_git_remote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8648);
/* harmony import */ var _core_git_transaction_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7140);
/* harmony import */ var _core_markdown_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6706);
/* harmony import */ var _gitops_repository_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7106);





/** Commits and pushes the change to the GitOps repository, and in pull-request mode opens or updates its PR/MR. */
async function pushToGitops(platform, request) {
    const { repository, dryRun } = request;
    const { log } = platform;
    const { pullRequest } = request;
    const pushBranch = pullRequest?.branch ?? repository.branch;
    const push = (remote) => {
        const transaction = () => (0,_core_git_transaction_js__WEBPACK_IMPORTED_MODULE_2__/* .commitAndPush */ .tk)({
            remote,
            branch: repository.branch,
            pushBranch,
            author: repository.author,
            maxAttempts: repository.maxAttempts,
            retries: { attempts: repository.remoteRetries, baseMs: 1000 },
            dryRun,
            log,
        }, request.change);
        return request.group ? log.group(request.group, transaction) : transaction();
    };
    const transaction = request.remote ? await push(request.remote) : await (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_4__/* .withGitopsRemote */ .vO)(platform, repository, push);
    let opened;
    if (pullRequest && !dryRun) {
        opened = await openPullRequest(platform, repository, pullRequest.target, {
            head: pushBranch,
            title: transaction.change.message.split('\n')[0],
            body: pullRequest.body(transaction),
            changed: transaction.changed,
            pending: transaction.pendingOnPushBranch,
        });
    }
    // A branch pushed by an earlier run whose request is only now opened is a change the base lacks.
    const proposed = transaction.changed || Boolean(transaction.pendingOnPushBranch && opened?.created);
    return { transaction, branch: repository.branch, pushBranch, dryRun, pullRequest: opened, proposed };
}
/** The outputs every GitOps-writing stage shares: changed, commit-sha, pull-request-url, attempts. */
/**
 * The outputs every stage that pushes to the GitOps repository declares, written by
 * writeGitopsPushOutputs; `unchanged` says when this stage reports 'false'.
 */
function gitopsPushOutputs(unchanged) {
    return {
        changed: {
            kind: 'boolean',
            description: `'true' when a commit was pushed (or, in pull-request mode, a branch pushed earlier got its request); 'false' when ${unchanged}.`,
        },
        'commit-sha': { kind: 'text', description: 'The pushed commit, or the branch tip that already held the values.' },
        'pull-request-url': { kind: 'text', description: 'URL of the opened or updated pull/merge request (pull-request mode).' },
        attempts: { kind: 'number', description: 'Number of push attempts used (more than 1 when other jobs pushed concurrently).' },
    };
}
/** The outputs of gitopsPushOutputs, from the push. */
function writeGitopsPushOutputs(platform, push) {
    platform.setOutput('changed', String(push.proposed));
    platform.setOutput('commit-sha', push.transaction.sha);
    platform.setOutput('pull-request-url', push.pullRequest?.url ?? '');
    platform.setOutput('attempts', String(push.transaction.attempts));
}
/** One markdown line for the summary: dry run, pushed, pending on the proposal branch, or no change. */
function gitopsPushStatus(push, wording) {
    const { transaction, pushBranch } = push;
    const sha = `\`${transaction.sha.slice(0, 12)}\``;
    if (push.dryRun)
        return `Dry run: nothing was pushed. ${transaction.change.files.length} file(s) would change.`;
    if (transaction.changed)
        return `Pushed ${sha} to \`${pushBranch}\`${transaction.attempts > 1 ? ` after ${transaction.attempts} attempts` : ''}.`;
    if (transaction.pendingOnPushBranch)
        return `\`${pushBranch}\` at ${sha} (pushed by an earlier run) ${wording.proposal}; \`${push.branch}\` ${wording.base}.`;
    return `No change: \`${push.branch}\` at ${sha} ${wording.unchanged}.`;
}
/**
 * After `head` was rebuilt on the base (src/core/git/transaction.ts): opens its pull/merge
 * request or updates the open one. A rerun that pushed nothing opens the request when `head`
 * still holds a change the base lacks (an earlier run pushed it and the forge then failed);
 * otherwise the open one (if any) is only reported — a rerun never rewrites it, and a merged
 * change needs no new one. A forge that refuses fails the stage: the summary must never claim
 * a request that does not exist.
 */
async function openPullRequest(platform, repository, target, request) {
    const token = repository.credentials.token;
    if (!token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('token', '', 'a token with permission to open pull/merge requests', 'mode is pull-request');
    const project = target.forgeProject ?? (0,_core_git_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .forgeProjectPath */ .cW)(repository.url);
    if (!project)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('forge-project', '', 'the repository path on the forge (owner/repo or group/project)');
    const forge = await platform.forge({ token, kind: target.forge, apiUrl: target.forgeUrl });
    const { changed, pending, ...pull } = request;
    try {
        if (!changed) {
            const open = await forge.findPullRequest({ repository: project, base: repository.branch, head: request.head });
            if (open || !pending) {
                platform.log.info(open ? `Unchanged: ${open.url} already proposes these values.` : 'Nothing to propose: no pull request needed.');
                return open;
            }
        }
        const result = await forge.upsertPullRequest({ repository: project, base: repository.branch, ...pull });
        platform.log.info(`${result.created ? 'Opened' : 'Updated'} ${result.url}${pending ? ` for ${request.head}, pushed by an earlier run` : ''}`);
        return result;
    }
    catch (error) {
        if (error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4)
            throw error;
        throw new ForgeRefusal(forge.kind, project, request.head, repository.branch, error);
    }
}
/** The forge answered with an error: the branch is pushed, the pull/merge request is not open. */
class ForgeRefusal extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .AegisError */ .o4 {
    name = 'ForgeRefusal';
    constructor(kind, project, head, base, cause) {
        const status = cause.status ?? cause.cause?.response?.status;
        const detail = (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_3__/* .neutralizeLogText */ .jI)(String(cause?.message ?? cause).split('\n')[0] ?? '').slice(0, 300);
        super(`${kind === 'github' ? 'GitHub' : 'GitLab'} refused the ${kind === 'github' ? 'pull' : 'merge'} request ${head} → ${base} in ${project}${status ? ` (HTTP ${status})` : ''}: ${detail}. The branch ${head} is pushed; rerun to open the request.`);
    }
}


/***/ })

};

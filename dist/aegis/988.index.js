export const id = 988;
export const ids = [988];
export const modules = {

/***/ 7140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   t: () => (/* binding */ commitAndPush)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);
/* harmony import */ var _atomic_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5431);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8496);






const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Commit-and-push that survives concurrent writers: clone the tip, let `prepare` compute the
 * change from what is there, commit, push; when the push loses a race, fetch the new tip and
 * call `prepare` again so the *semantic* edit is re-applied — never a force push, never a
 * replayed diff. `prepare` must not write; it may throw to abort before anything is written.
 */
async function commitAndPush(options, prepare) {
    const { remote, branch, log } = options;
    const pushBranch = options.pushBranch ?? branch;
    const backoff = options.backoff ?? { baseMs: 50, maxMs: 1000 };
    const random = options.random ?? Math.random;
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'aegis-gitops-'));
    const git = new _git_js__WEBPACK_IMPORTED_MODULE_5__/* .Git */ .TU(dir, remote.env);
    try {
        const cloned = await git.clone(remote.url, { branch, depth: 1 });
        if (!cloned.ok) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Could not clone branch '${branch}' of ${remote.url}: ${cloned.stderr.trim().split('\n').slice(-3).join(' ')}`);
        }
        for (let attempt = 1;; attempt++) {
            if (attempt > 1 || pushBranch !== branch)
                await syncToTip(git, branch, pushBranch);
            const change = await prepare({ dir, git, attempt });
            const tip = await git.head();
            if (change.files.length === 0 || options.dryRun) {
                return { changed: false, sha: tip, attempts: attempt, change, dryRun: Boolean(options.dryRun) };
            }
            for (const file of change.files)
                (0,_atomic_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Z)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, file.path), file.content);
            await git.add(change.files.map((file) => file.path));
            if (!(await git.hasStagedChanges())) {
                // The edit produced identical bytes (the caller reported a change that is not one).
                return { changed: false, sha: tip, attempts: attempt, change, dryRun: false };
            }
            const sha = await git.commit(change.message, options.author);
            const push = await git.push('origin', [`HEAD:refs/heads/${pushBranch}`], { porcelain: true });
            if (push.ok) {
                log.info(`Pushed ${sha.slice(0, 12)} to ${pushBranch}${attempt > 1 ? ` on attempt ${attempt}` : ''}.`);
                return { changed: true, sha, attempts: attempt, change, dryRun: false };
            }
            const reason = `${push.stdout}\n${push.stderr}`;
            if (!(0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .isRaceRejection */ .pf)(reason)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Push to ${pushBranch} failed: ${push.stderr.trim().split('\n').slice(-3).join(' ')}`);
            }
            if (attempt >= options.maxAttempts) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .AegisError */ .o4(`Push to ${pushBranch} was rejected ${attempt} times because others kept pushing; gave up (max-attempts ${options.maxAttempts}). Nothing was force-pushed.`);
            }
            const delay = Math.round(random() * Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempt - 1)));
            log.info(`Push to ${pushBranch} lost a race (attempt ${attempt}/${options.maxAttempts}); re-applying on the new tip in ${delay} ms.`);
            await sleep(delay);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(dir, { recursive: true, force: true });
    }
}
/** Moves the clone to the newest tip of the push branch when it exists, else of the base branch. */
async function syncToTip(git, branch, pushBranch) {
    let target = branch;
    if (pushBranch !== branch) {
        const exists = await git.remoteRefs('origin', [`refs/heads/${pushBranch}`], 'heads');
        if (exists.ok && exists.refs.length > 0)
            target = pushBranch;
    }
    (0,_git_js__WEBPACK_IMPORTED_MODULE_5__/* .mustSucceed */ .MX)(await git.fetch('origin', [`+refs/heads/${target}:refs/remotes/origin/${target}`], { depth: 1 }));
    await git.resetHard(`refs/remotes/origin/${target}`);
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

/***/ 2142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ resolveKustomizations)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6107);





const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const GLOB_CHARS = /[*?[\]{}!]/;
function kustomizationIn(dir) {
    return KUSTOMIZATION_NAMES.map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)).find((file) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
}
/** The repository-relative file, refused when it (or a symlink it is) leads outside the checkout. */
function inside(root, file, input, entry) {
    try {
        (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file), input);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, entry, 'kustomization files inside the GitOps repository', `${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file)} is a symlink that leads outside`);
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
}
/** Repository-relative paths with `/`, skipping .git, for glob matching. */
function walk(root) {
    const files = [];
    const dirs = [];
    const visit = (dir) => {
        for (const entry of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir, { withFileTypes: true })) {
            if (entry.name === '.git')
                continue;
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, entry.name);
            const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, path).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
            if (entry.isDirectory()) {
                dirs.push(rel);
                visit(path);
            }
            else if (entry.isFile())
                files.push(rel);
        }
    };
    visit(root);
    return { files, dirs };
}
/**
 * Turns `paths` entries (kustomization files, directories holding one, or globs) into a
 * sorted, de-duplicated list of repository-relative kustomization files. Every entry must
 * match something: a typo is an error, not a silent no-op.
 */
function resolveKustomizations(root, entries, input = 'paths') {
    const found = new Set();
    let tree;
    for (const entry of entries) {
        const before = found.size;
        if (GLOB_CHARS.test(entry)) {
            tree ??= walk(root);
            const matches = picomatch__WEBPACK_IMPORTED_MODULE_4___default()(entry.replace(/^\.\//, ''), { dot: false });
            for (const file of tree.files)
                if (matches(file) && KUSTOMIZATION_NAMES.some((name) => file.endsWith(name)))
                    found.add(file);
            for (const dir of tree.dirs) {
                if (!matches(dir))
                    continue;
                const file = kustomizationIn((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, dir));
                if (file)
                    found.add(inside(root, file, input, entry));
            }
            if (found.size === before)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, entry, 'a glob that matches at least one kustomization file');
            continue;
        }
        const absolute = (0,_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .LI)(root, entry, input);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(absolute))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, entry, 'an existing file or directory in the GitOps repository');
        const file = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(absolute).isDirectory() ? kustomizationIn(absolute) : absolute;
        if (!file)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, entry, `a directory containing ${KUSTOMIZATION_NAMES.join(', ')}`);
        found.add(inside(root, file, input, entry));
    }
    return [...found].sort();
}


/***/ }),

/***/ 2758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s9: () => (/* binding */ parseImageLines),
/* harmony export */   vy: () => (/* binding */ formatImage)
/* harmony export */ });
/* unused harmony exports IMAGE_LINE_EXPECTED, parseImageLine */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6827);
/**
 * Parses the `images` input of gitops-bump: one image override per line, in the syntax of
 * `kustomize edit set image` (kustomize v5, kustomize/commands/edit/set/setimage.go):
 *
 *     name:tag                          name@sha256:…             name:tag@sha256:…
 *     name=newName                      name=newName:tag          name=newName@sha256:…
 *     name=newName:tag@sha256:…         name=*:tag                name=newName:*     name=newName@*
 *
 * Semantics follow kustomize, which REPLACES the whole `images[]` entry with what the line
 * says: a field the line does not mention is removed from the entry (so `app:1.2` drops an
 * existing `newName` and `digest`), and `*` in place of the new name, the tag or the digest
 * keeps the value the kustomization already has (nothing, when it has none).
 *
 * Stricter than kustomize on purpose, because these lines come from CI variables: an empty
 * tag (`app=reg/app:`), an empty digest or an empty new name (`app=:1.2`, `app=`) is almost
 * always an unset variable, so it is refused instead of silently clearing a field.
 */


const KEEP = '*';
const IMAGE_LINE_EXPECTED = 'a line in `kustomize edit set image` form such as name=registry/name:tag@sha256:…';
/**
 * Parses the `images` input: one override per non-empty line; lines starting with `#` are
 * comments. Naming the same image twice is an error (kustomize would silently keep the last).
 */
function parseImageLines(text, input = 'images') {
    const overrides = [];
    const lineOfName = new Map();
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const override = parseImageLine(line, input);
        const previous = lineOfName.get(override.name);
        if (previous !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, line, 'each image name at most once', `'${override.name}' is already set on line ${previous}`);
        }
        lineOfName.set(override.name, index + 1);
        overrides.push(override);
    });
    return overrides;
}
/** Parses a single `kustomize edit set image` argument. */
function parseImageLine(line, input = 'images') {
    const fail = (detail) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, line, IMAGE_LINE_EXPECTED, detail);
    };
    if (/\s/.test(line))
        fail('whitespace inside the line; write one image per line');
    // Like kustomize, only the first '=' separates the name from the new reference.
    const equals = line.indexOf('=');
    const key = equals < 0 ? undefined : line.slice(0, equals);
    const reference = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .splitReference */ .mQ)(equals < 0 ? line : line.slice(equals + 1)) ?? fail("more than one '@'");
    let override;
    if (key === undefined) {
        // `name:tag` / `name@digest`: a bare name would change nothing (kustomize refuses it too).
        if (reference.tag === undefined && reference.digest === undefined) {
            fail('give a tag (name:tag), a digest (name@sha256:…) or a new name (name=newName)');
        }
        if (reference.name === KEEP)
            fail("'*' can only stand for the new name, after '='");
        override = { name: reference.name, line };
    }
    else {
        if (reference.name === '') {
            fail('the new name after "=" is empty; write name:tag to drop newName, or name=*:tag to keep it');
        }
        override = { name: key, line };
        if (reference.name === KEEP)
            override.keepNewName = true;
        else
            override.newName = checkName(reference.name, 'new name', fail);
    }
    checkName(override.name, 'image name', fail);
    if (reference.tag === KEEP)
        override.keepTag = true;
    else if (reference.tag !== undefined)
        override.newTag = checkTag(reference.tag, fail);
    if (reference.digest === KEEP)
        override.keepDigest = true;
    else if (reference.digest !== undefined)
        override.digest = checkDigest(reference.digest, fail);
    return override;
}
/** Renders the reference an entry makes kustomize produce, e.g. `registry/app:1.2@sha256:…`. */
function formatImage(image) {
    const tag = image.newTag ? `:${image.newTag}` : '';
    const digest = image.digest ? `@${image.digest}` : '';
    return `${image.newName || image.name}${tag}${digest}`;
}
function checkName(name, what, fail) {
    if (!(0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .isValidImageName */ .Ne)(name)) {
        fail(`${what} ${JSON.stringify(name)} is not a valid image name ([host[:port]/]path with lowercase letters, digits and . _ - separators)`);
    }
    return name;
}
function checkTag(tag, fail) {
    if (!_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .TAG_RE */ .PP.test(tag)) {
        fail(tag === ''
            ? 'the tag after ":" is empty (an unset variable?)'
            : `tag ${JSON.stringify(tag)} is not a valid tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})`);
    }
    return tag;
}
function checkDigest(digest, fail) {
    const problem = (0,_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .digestProblem */ .WQ)(digest);
    return problem === undefined ? digest : fail(problem);
}


/***/ }),

/***/ 6827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ne: () => (/* binding */ isValidImageName),
/* harmony export */   PP: () => (/* binding */ TAG_RE),
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   "if": () => (/* binding */ parseImageName),
/* harmony export */   mQ: () => (/* binding */ splitReference),
/* harmony export */   nD: () => (/* binding */ formatName),
/* harmony export */   o_: () => (/* binding */ parseImageReference)
/* harmony export */ });
/* unused harmony exports IMAGE_EXPECTED, formatReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/**
 * Image references: the one grammar and the one type. As Docker and the OCI distribution
 * spec read them (distribution/reference): `[host[:port]/]path[:tag][@digest]`, where the
 * first component is a registry only if it contains `.` or `:` or is `localhost`;
 * otherwise Docker Hub.
 */

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?`;
const HOST_RE = new RegExp(`^${HOST}$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A name as kustomize matches it: any `[host[:port]/]path`, without Docker Hub's registry rule. */
const NAME_RE = new RegExp(`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** distribution/reference and the OCI image spec: `algorithm:encoded`, algorithm components joined by `.+_-`. */
const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-f0-9]{32,})$/;
/** Hex lengths of the registered OCI digest algorithms; others only need 32 or more hex digits. */
const DIGEST_HEX_LENGTH = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;
const DOCKER_HUB = 'docker.io';
const IMAGE_EXPECTED = 'an image name such as registry.example.com:5000/team/app (lower case, no tag or digest)';
/** Why `digest` is not a valid digest, or undefined when it is one. */
function digestProblem(digest) {
    if (digest === '')
        return 'the digest after "@" is empty (an unset variable?)';
    const match = DIGEST_RE.exec(digest);
    if (!match)
        return `digest ${JSON.stringify(digest)} is not algorithm:lowercase-hex (e.g. sha256:<64 hex digits>)`;
    const [, algorithm = '', hex = ''] = match;
    const length = DIGEST_HEX_LENGTH[algorithm];
    if (length !== undefined && hex.length !== length)
        return `a ${algorithm} digest has ${length} hex digits, this one has ${hex.length}`;
    return undefined;
}
/** True for a `[host[:port]/]path` name of at most 255 characters. */
function isValidImageName(name) {
    return name.length <= NAME_MAX_LENGTH && NAME_RE.test(name);
}
/**
 * Splits `name[:tag][@digest]` without validating the parts. A ':' before the last '/'
 * belongs to a registry port (`localhost:5000/app`), so the tag separator is the last ':'
 * after the last '/'. Undefined when there is more than one '@'.
 */
function splitReference(reference) {
    const at = reference.indexOf('@');
    if (at !== reference.lastIndexOf('@'))
        return undefined;
    const beforeDigest = at < 0 ? reference : reference.slice(0, at);
    const split = { name: beforeDigest };
    if (at >= 0)
        split.digest = reference.slice(at + 1);
    const colon = beforeDigest.lastIndexOf(':');
    if (colon > beforeDigest.lastIndexOf('/')) {
        split.name = beforeDigest.slice(0, colon);
        split.tag = beforeDigest.slice(colon + 1);
    }
    return split;
}
/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeRegistry(component) {
    return component.includes('.') || component.includes(':') || component === 'localhost';
}
/** Parses `ref`; `input` names the input in errors. */
function parseImageReference(value, input) {
    const split = splitReference(value.trim());
    if (!split)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a digest such as sha256:<64 hex>', "more than one '@'");
    const { tag, digest } = split;
    if (digest !== undefined) {
        const problem = digestProblem(digest);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a digest such as sha256:<64 hex>', problem);
    }
    if (tag !== undefined && !TAG_RE.test(tag)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, value, 'a tag of at most 128 letters, digits, _ . - not starting with . or -');
    }
    const rest = split.name;
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
    if (split.name.length > NAME_MAX_LENGTH)
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


/***/ }),

/***/ 8802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ setImages),
/* harmony export */   H: () => (/* binding */ readImages)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _splice_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7391);
/**
 * `kustomize edit set image` as a byte-preserving edit of a kustomization's `images:` list.
 *
 * What happens to an entry follows kustomize v5 (kustomize/commands/edit/set/setimage.go,
 * RunSetImage): the override REPLACES the entry — newName, newTag and digest become exactly
 * what the line gives, so a field it does not give is removed (`app:1.2` drops a digest and
 * a newName; `app@sha256:…` drops a tag) — except that `*` keeps the entry's current value.
 * An image not yet listed is appended (kustomize adds it too) unless `addMissing` is false.
 * Unlike kustomize, the list is not re-sorted and nothing else in the file is rewritten.
 */



const FIELDS = ['newName', 'newTag', 'digest'];
/** The images a kustomization sets today, in file order. */
function readImages(content, file) {
    return loadImages(content, file).entries.map((entry) => ({ name: entry.name, ...entry.fields }));
}
/**
 * Applies image overrides to a kustomization. Returns the identical string and no changes when
 * every entry already says what the overrides say.
 */
function setImages(content, overrides, options) {
    const { file, addMissing = true } = options;
    const section = loadImages(content, file);
    const { splicer } = section;
    const entriesByName = new Map();
    for (const entry of section.entries) {
        entriesByName.set(entry.name, [...(entriesByName.get(entry.name) ?? []), entry]);
    }
    const changes = [];
    const added = [];
    const seen = new Set();
    for (const override of overrides) {
        if (seen.has(override.name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('images', override.line, 'each image name at most once', `'${override.name}' is given twice`);
        }
        seen.add(override.name);
        const matches = entriesByName.get(override.name) ?? [];
        const [entry, duplicate] = matches;
        if (duplicate) {
            throw splicer.error(`image '${override.name}' is listed ${matches.length} times in images; kustomize would apply only one — remove the duplicates`, duplicate.map);
        }
        if (!entry) {
            if (!addMissing)
                continue;
            const next = nextFields(override, undefined);
            added.push(newEntry(section, override.name, next));
            changes.push({ file, name: override.name, previous: null, next });
            continue;
        }
        const next = nextFields(override, entry.fields);
        if (FIELDS.every((field) => next[field] === entry.fields[field]))
            continue;
        editEntry(section, entry, next);
        changes.push({ file, name: override.name, previous: entry.fields, next });
    }
    if (added.length > 0)
        appendEntries(section, added);
    return { content: splicer.result(), changes };
}
/** kustomize's rule: the override's fields replace the entry's, `*` keeps the entry's value. */
function nextFields(override, current) {
    return compact({
        newName: override.keepNewName ? current?.newName : override.newName,
        newTag: override.keepTag ? current?.newTag : override.newTag,
        digest: override.keepDigest ? current?.digest : override.digest,
    });
}
function compact(fields) {
    const out = {};
    for (const field of FIELDS)
        if (fields[field])
            out[field] = fields[field];
    return out;
}
function loadImages(content, file) {
    const splicer = new _splice_js__WEBPACK_IMPORTED_MODULE_2__/* .YamlSplicer */ .q6(content, file);
    const root = splicer.doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        throw splicer.error('not a kustomization: expected a mapping (apiVersion, kind, resources, …) at the top level', root);
    }
    const pair = (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(splicer.doc, root, 'images');
    const value = pair?.value;
    const empty = value === null || value === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && value.value === null);
    if (!empty && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) {
        throw splicer.error('`images` must be a list of {name, newName, newTag, digest} entries', (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(value) ? value : null);
    }
    const seq = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) ? value : undefined;
    const entries = (seq?.items ?? []).map((item, index) => readEntry(splicer, item, index));
    return { splicer, root, pair, seq, entries, styles: new Map() };
}
function readEntry(splicer, item, index) {
    const where = `images[${index}]`;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item))
        throw splicer.error(`${where} must be a mapping with a name`, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(item) ? item : null);
    const doc = splicer.doc;
    const name = splicer.text((0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(doc, item, 'name')?.value);
    if (!name)
        throw splicer.error(`${where} has no name`, item);
    const entry = {
        name,
        index,
        map: item,
        pairs: {},
        fields: {},
        usesMergeKey: item.items.some((p) => (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .keyText */ .Pu)(doc, p) === '<<'),
    };
    for (const field of FIELDS) {
        const pair = (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(doc, item, field);
        if (!pair)
            continue;
        if (!(0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .isScalarLike */ .kO)(doc, pair.value))
            throw splicer.error(`${where}.${field} (${name}) must be a string`, item);
        entry.pairs[field] = pair;
        const text = splicer.text(pair.value);
        // An empty value means "not set" to kustomize.
        if (text)
            entry.fields[field] = text;
    }
    return entry;
}
function editEntry(section, entry, next) {
    const { splicer } = section;
    if (entry.usesMergeKey) {
        throw splicer.error(`images[${entry.index}] (${entry.name}) takes fields from a merge key (<<); edit it by hand`, entry.map);
    }
    const removed = new Set();
    for (const field of FIELDS) {
        const value = next[field];
        const pair = entry.pairs[field];
        if (value === entry.fields[field])
            continue;
        if (value === undefined) {
            if (pair)
                removed.add(pair);
        }
        else if (pair) {
            splicer.setPairValue(entry.map, pair, value);
        }
        else {
            splicer.addPair(entry.map, field, { scalar: value, style: styleOf(section, field) });
        }
    }
    if (removed.size > 0)
        splicer.removePairs(entry.map, removed);
}
function newEntry(section, name, fields) {
    const pairs = [['name', { scalar: name, style: styleOf(section, 'name') }]];
    for (const field of FIELDS) {
        const value = fields[field];
        if (value)
            pairs.push([field, { scalar: value, style: styleOf(section, field) }]);
    }
    // `- {name: a, newTag: "1"}` entries in a block list get company in the same style.
    const last = section.seq?.items.at(-1);
    return { map: pairs, flow: (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(last) && last.flow === true };
}
function appendEntries(section, entries) {
    const { splicer, root, pair, seq } = section;
    if (seq) {
        for (const entry of entries)
            splicer.appendItem(seq, entry);
    }
    else if (pair) {
        splicer.setEmptyValue(pair, { seq: entries }, root.flow === true);
    }
    else {
        splicer.addPair(root, 'images', { seq: entries });
    }
}
/** Quote a new value like the same field of the nearest existing entry (plain by default). */
function styleOf(section, field) {
    let style = section.styles.get(field);
    if (style === undefined) {
        style = 'PLAIN';
        for (const entry of section.entries.toReversed()) {
            const value = (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(section.splicer.doc, entry.map, field)?.value;
            if (!value)
                continue;
            if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE'))
                style = value.type;
            break;
        }
        section.styles.set(field, style);
    }
    return style;
}


/***/ }),

/***/ 7391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pu: () => (/* binding */ keyText),
/* harmony export */   c6: () => (/* binding */ findPair),
/* harmony export */   kO: () => (/* binding */ isScalarLike),
/* harmony export */   q6: () => (/* binding */ YamlSplicer)
/* harmony export */ });
/* unused harmony exports parseYaml, lineAt, rangeOf, scalarText, renderScalar */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * Byte-preserving YAML edits. The file is parsed once with `yaml` (for structure and source
 * ranges) and the output is the ORIGINAL text with a few ranges replaced: whatever is not an
 * edited value — comments, order, quoting, indentation, blank lines, anchors, flow style,
 * CRLF, document markers, the final newline or its absence — survives byte for byte.
 *
 * Used by the kustomization (`images[]`) and Helm values editors; pure, no I/O.
 */


/** Parses one YAML document; any error becomes a FileError with the line of the problem. */
function parseYaml(content, file) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(content, { prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .FileError */ .f6(file, `invalid YAML: ${error.message}`, lineAt(content, error.pos[0]));
    }
    return doc;
}
/** 1-based line number of an offset. */
function lineAt(content, offset) {
    let line = 1;
    for (let i = content.indexOf('\n'); i >= 0 && i < offset; i = content.indexOf('\n', i + 1))
        line++;
    return line;
}
function rangeOf(node) {
    if (!node.range)
        throw new Error('yaml node without a source range');
    return node.range;
}
/**
 * The string a consumer reads from a scalar: for a plain scalar its source text, as Go's
 * YAML decoder does for a string field (`newTag: 1.10` is "1.10", not 1.1). Aliases are
 * followed. null for an empty/null value and for anything that is not a scalar.
 */
function scalarText(doc, node) {
    const target = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(doc) : node;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(target) || target.value === null || target.value === undefined)
        return null;
    if (target.type === 'PLAIN' && typeof target.source === 'string')
        return target.source;
    return String(target.value);
}
/** A value that can be read and replaced as a scalar: absent, a scalar, or an alias of one. */
function isScalarLike(doc, node) {
    if (node === null || node === undefined)
        return true;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(doc) : node);
}
/** The string key of a pair (plain keys by source text), or null for a complex key. */
function keyText(doc, pair) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? scalarText(doc, pair.key) : null;
}
function findPair(doc, map, key) {
    return map.items.find((pair) => keyText(doc, pair) === key);
}
/**
 * Collects edits against one parsed document and applies them in one pass.
 * Edits must not overlap; removals of several pairs from one mapping go through one
 * `removePairs` call for that reason.
 */
class YamlSplicer {
    content;
    file;
    doc;
    eol;
    edits = [];
    indents;
    aliased;
    constructor(content, file) {
        this.content = content;
        this.file = file;
        this.doc = parseYaml(content, file);
        const newline = content.indexOf('\n');
        this.eol = newline > 0 && content[newline - 1] === '\r' ? '\r\n' : '\n';
    }
    /** A FileError pointing at a node (or offset) of this file. */
    error(message, at) {
        const offset = typeof at === 'number' ? at : at?.range?.[0];
        return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .FileError */ .f6(this.file, message, offset === undefined ? undefined : lineAt(this.content, offset));
    }
    text(node) {
        return scalarText(this.doc, node);
    }
    /** The original text if nothing was edited, else the spliced text. */
    result() {
        if (this.edits.length === 0)
            return this.content;
        const edits = this.edits.map((edit, order) => ({ edit, order }));
        // Stable by start: several inserts at one point keep the order they were made in.
        edits.sort((a, b) => a.edit.start - b.edit.start || a.order - b.order);
        let out = '';
        let cursor = 0;
        for (const { edit } of edits) {
            if (edit.start < cursor)
                throw new Error(`overlapping YAML edits in ${this.file}`);
            out += this.content.slice(cursor, edit.start) + edit.text;
            cursor = edit.end;
        }
        return out + this.content.slice(cursor);
    }
    /** Replaces the value of a mapping pair with a string scalar (see `setScalar`). */
    setPairValue(map, pair, value, options = {}) {
        const node = pair.value;
        if (!node)
            throw this.error('cannot locate the value to edit', pair.key);
        this.setScalar(node, value, { ...options, flow: map.flow === true });
    }
    /**
     * Replaces a scalar (or alias, or empty value) with a string scalar, keeping the quoting
     * style of the value it replaces when the new string can be written in it, and its anchor,
     * which sits outside the value's range. An alias is replaced, its anchor left untouched.
     */
    setScalar(node, value, options) {
        if (!isScalarLike(this.doc, node))
            throw this.error('expected a scalar value, found a collection', node);
        this.assertNotAliased(node);
        const [start, valueEnd] = rangeOf(node);
        if (start === valueEnd) {
            // `key:` or `-` with no value: the range is the empty spot after the indicator.
            const text = renderScalar(value, options);
            const before = this.content[start - 1];
            this.edits.push({ start, end: start, text: before === ':' || before === '-' ? ` ${text}` : text });
            return;
        }
        const style = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) ? node.type : undefined;
        const block = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
        const text = renderScalar(value, { ...options, style: block ? 'PLAIN' : style });
        // A block scalar's range ends after its last line break(s): leave them in place.
        const breaks = block ? (/(?:[ \t]*\r?\n)+$/.exec(this.content.slice(start, valueEnd))?.[0].length ?? 0) : 0;
        this.edits.push({ start, end: valueEnd - breaks, text });
    }
    /** Adds `key: value` at the end of a mapping, in its style (block or flow) and indentation. */
    addPair(map, key, value) {
        if (map.flow) {
            this.insertIntoFlow(map, `${renderScalar(key, { flow: true })}: ${this.inline(value, true)}`);
            return;
        }
        const first = map.items[0];
        if (!first)
            throw this.error('cannot add to an empty block mapping', map);
        this.insertLines(map, this.pairLines(key, value, this.column(rangeOf(first.key)[0])));
    }
    /** Removes pairs from a mapping (all removals of one mapping at once: they may touch). */
    removePairs(map, pairs) {
        const items = map.items;
        for (let i = 0; i < items.length; i++) {
            if (!pairs.has(items[i]))
                continue;
            let j = i;
            while (j + 1 < items.length && pairs.has(items[j + 1]))
                j++;
            for (let k = i; k <= j; k++)
                this.assertNotAliased(items[k]?.value);
            this.edits.push(this.removalOfRun(map, i, j));
            i = j;
        }
    }
    /** Appends an item to a sequence, in its style (block or flow) and indentation. */
    appendItem(seq, item) {
        if (seq.flow) {
            this.insertIntoFlow(seq, this.inline(item, true));
            return;
        }
        const dashColumn = this.column(rangeOf(seq)[0]);
        this.insertLines(seq, this.seqItemLines(item, dashColumn, this.itemOffset(seq, dashColumn)));
    }
    /**
     * Gives an empty (null) mapping value a value: `images:` or `images: ~` becomes
     * `images:` followed by the rendered block, or `images: [...]` inside a flow mapping.
     */
    setEmptyValue(pair, value, parentFlow) {
        const node = pair.value;
        if (!node)
            throw this.error('cannot locate the value to edit', pair.key);
        this.assertNotAliased(node);
        const [start, valueEnd, nodeEnd] = rangeOf(node);
        const inline = this.inlineOrNull(value, parentFlow);
        if (inline !== null) {
            const text = this.content[start - 1] === ':' ? ` ${inline}` : inline;
            this.edits.push({ start, end: valueEnd, text });
            return;
        }
        // Drop ` ~`/` null` (not a trailing comment), then put the block on the following lines.
        let cut = start;
        while (cut > 0 && (this.content[cut - 1] === ' ' || this.content[cut - 1] === '\t'))
            cut--;
        if (valueEnd > start)
            this.edits.push({ start: cut, end: valueEnd, text: '' });
        const keyColumn = this.column(rangeOf(pair.key)[0]);
        const lines = this.collectionLines(value, keyColumn + this.childIndent(value));
        this.edits.push({ start: this.contentEnd(nodeEnd), end: this.contentEnd(nodeEnd), text: this.eolJoin(lines) });
    }
    // --- rendering -------------------------------------------------------------------------
    /** Text of a new node in a flow context. */
    inline(node, flow) {
        const text = this.inlineOrNull(node, flow);
        if (text === null)
            throw new Error('block node in a flow context');
        return text;
    }
    /** Indentation of nested mappings and sequences, learnt from the file (kyaml's style by default). */
    childIndent(node) {
        this.indents ??= this.detectIndents();
        return 'seq' in node ? this.indents.seq : this.indents.map;
    }
    inlineOrNull(node, flow) {
        if ('scalar' in node)
            return renderScalar(node.scalar, { style: node.style, flow });
        if ('map' in node) {
            if (!(flow || node.flow || node.map.length === 0))
                return null;
            const pairs = node.map.map(([k, v]) => `${renderScalar(k, { flow: true })}: ${this.inline(v, true)}`);
            return `{${pairs.join(', ')}}`;
        }
        if (!(flow || node.flow || node.seq.length === 0))
            return null;
        return `[${node.seq.map((item) => this.inline(item, true)).join(', ')}]`;
    }
    pairLines(key, value, indent) {
        const head = `${' '.repeat(indent)}${renderScalar(key, {})}:`;
        const inline = this.inlineOrNull(value, false);
        if (inline !== null)
            return [`${head} ${inline}`];
        return [head, ...this.collectionLines(value, indent + this.childIndent(value))];
    }
    collectionLines(node, indent) {
        if ('map' in node)
            return node.map.flatMap(([k, v]) => this.pairLines(k, v, indent));
        if ('seq' in node)
            return node.seq.flatMap((item) => this.seqItemLines(item, indent, 2));
        throw new Error('a scalar has no block lines');
    }
    /** `- item` at `indent`, the item's own lines at indent + offset (offset = 2 for `- `). */
    seqItemLines(item, indent, offset) {
        const dash = `${' '.repeat(indent)}-${' '.repeat(offset - 1)}`;
        const inline = this.inlineOrNull(item, false);
        if (inline !== null)
            return [`${dash}${inline}`];
        const [first = '', ...rest] = this.collectionLines(item, indent + offset);
        return [dash + first.slice(indent + offset), ...rest];
    }
    // --- positions -------------------------------------------------------------------------
    /** Column of an offset (a leading BOM is not indentation). */
    column(offset) {
        const lineStart = this.content.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart - (lineStart === 0 && this.content.charCodeAt(0) === 0xfeff ? 1 : 0);
    }
    /** The offset before the line break a node range ends with (if it ends with one). */
    contentEnd(offset) {
        let end = offset;
        if (this.content[end - 1] === '\n')
            end--;
        if (this.content[end - 1] === '\r')
            end--;
        return end;
    }
    eolJoin(lines) {
        return lines.map((line) => this.eol + line).join('');
    }
    /**
     * New lines right after the last item of a block collection — before comments and blank
     * lines that follow it, which usually introduce what comes next. A missing final newline
     * stays missing.
     */
    insertLines(collection, lines) {
        const last = collection.items.at(-1);
        const at = last === undefined
            ? this.contentEnd(rangeOf(collection)[2])
            : isPairLike(last)
                ? this.pairEnd(last, false)
                : this.contentEnd(rangeOf(last)[2]);
        this.edits.push({ start: at, end: at, text: this.eolJoin(lines) });
    }
    /** Columns between `-` and the item of the sequence's first item (2 for `- name: a`). */
    itemOffset(seq, dashColumn) {
        const start = seq.items[0]?.range?.[0];
        if (start === undefined)
            return 2;
        const sameLine = !this.content.slice(rangeOf(seq)[0], start).includes('\n');
        const offset = this.column(start) - dashColumn;
        return sameLine && offset >= 2 ? offset : 2;
    }
    removalOfRun(map, i, j) {
        const items = map.items;
        const start = (pair) => rangeOf(pair?.key)[0];
        const next = items[j + 1];
        if (i === 0) {
            // The first pair shares its line with `- ` or `{`: cut up to the next key instead.
            if (next)
                return { start: start(items[0]), end: start(next), text: '' };
            return { start: start(items[0]), end: this.pairEnd(items[j], map.flow), text: '' };
        }
        if (map.flow)
            return { start: this.pairEnd(items[i - 1], true), end: this.pairEnd(items[j], true), text: '' };
        // Block: from the line break before the first removed key, so the line break after the
        // last removed value (or its absence at the end of the file) stays.
        const lineStart = this.content.lastIndexOf('\n', start(items[i]) - 1);
        const from = this.content[lineStart - 1] === '\r' ? lineStart - 1 : lineStart;
        return { start: from, end: this.pairEnd(items[j], false), text: '' };
    }
    /** End of a pair: its value (with a trailing comment, in block style) or its key. */
    pairEnd(pair, flow) {
        const keyEnd = rangeOf(pair.key)[1];
        const value = pair.value;
        if (!value?.range)
            return keyEnd;
        return Math.max(keyEnd, flow ? value.range[1] : this.contentEnd(value.range[2]));
    }
    /** Inserts an item into a flow collection after its last item, matching one-line or one-item-per-line layout. */
    insertIntoFlow(collection, text) {
        const items = collection.items;
        const last = items.at(-1);
        if (last === undefined) {
            const open = rangeOf(collection)[0] + 1;
            this.edits.push({ start: open, end: open, text });
            return;
        }
        const startOf = (item) => rangeOf(isPairLike(item) ? item.key : item)[0];
        const lastEnd = isPairLike(last) ? this.pairEnd(last, true) : rangeOf(last)[1];
        const multiline = this.content.slice(rangeOf(collection)[0], startOf(items[0])).includes('\n');
        if (!multiline) {
            this.edits.push({ start: lastEnd, end: lastEnd, text: `, ${text}` });
            return;
        }
        const indent = ' '.repeat(this.column(startOf(last)));
        const comma = /^\s*,/.exec(this.content.slice(lastEnd));
        if (comma) {
            const at = lastEnd + comma[0].length;
            this.edits.push({ start: at, end: at, text: `${this.eol}${indent}${text},` });
        }
        else {
            this.edits.push({ start: lastEnd, end: lastEnd, text: `,${this.eol}${indent}${text}` });
        }
    }
    /**
     * Editing an anchored value in place would also change every alias of it elsewhere in the
     * file; refuse rather than edit more than asked.
     */
    assertNotAliased(node) {
        if (!node || !this.content.includes('*'))
            return;
        if (!this.aliased) {
            const aliased = new Set();
            (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(this.doc, { Alias: (_, alias) => void aliased.add(alias.source) });
            this.aliased = aliased;
        }
        const aliased = this.aliased;
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(node, {
            Node: (_, inner) => {
                const anchor = inner.anchor;
                if (anchor && aliased.has(anchor)) {
                    throw this.error(`the value is anchored (&${anchor}) and used by an alias (*${anchor}); editing it would change the alias too. Edit it by hand or remove the anchor`, inner);
                }
            },
        });
    }
    detectIndents() {
        const found = {};
        (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(this.doc, {
            Pair: (_, pair) => {
                const key = pair.key;
                const value = pair.value;
                if (!key?.range || !value?.range || (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(value) && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) || value.flow)
                    return;
                const indent = this.column(value.range[0]) - this.column(key.range[0]);
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(value) && found.map === undefined && indent > 0)
                    found.map = indent;
                if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value) && found.seq === undefined && indent >= 0)
                    found.seq = indent;
                return found.map !== undefined && found.seq !== undefined ? yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR.BREAK : undefined;
            },
        });
        return { map: found.map ?? 2, seq: found.seq ?? 0 };
    }
}
function isPairLike(item) {
    return typeof item === 'object' && item !== null && 'key' in item && 'value' in item;
}
// --- scalars -----------------------------------------------------------------------------
/**
 * Renders a string as a YAML scalar: in the requested style when it can hold the string,
 * plain only when a YAML 1.2 AND a YAML 1.1 reader (Go tools, older parsers) read it back as
 * the same string — so `1.10`, `1e3`, `true`, `yes`, `0x1F`, `null`, `~` and `` are quoted.
 */
function renderScalar(value, options) {
    const style = options.style ?? 'PLAIN';
    if (style === 'QUOTE_SINGLE' && fitsSingleQuotes(value)) {
        return `'${value.replaceAll("'", "''")}'`;
    }
    if (style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE' && isPlainSafe(value, options))
        return value;
    return doubleQuoted(value);
}
/** Single quotes fold line breaks and cannot escape, so they only carry printable text. */
function fitsSingleQuotes(value) {
    for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
            return false;
    }
    return true;
}
function doubleQuoted(value) {
    // JSON strings are YAML double-quoted scalars; also escape what YAML does not print.
    return JSON.stringify(value).replace(/[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
const plainCache = new Map();
function isPlainSafe(value, options) {
    if (value === '' || /[\r\n]/.test(value))
        return false;
    const flow = options.flow === true;
    const keep = options.keepTypeOf;
    const typed = typeof keep === 'number' || typeof keep === 'boolean' ? typeof keep : 'string';
    const cacheKey = `${flow ? 'f' : 'b'}${typed[0]}${value}`;
    let safe = plainCache.get(cacheKey);
    if (safe === undefined) {
        safe = readsBackAs(value, flow, 'string') || (typed !== 'string' && readsBackAs(value, flow, typed));
        if (plainCache.size > 10_000)
            plainCache.clear();
        plainCache.set(cacheKey, safe);
    }
    return safe;
}
/** Whether `value` written plain, in context, reads back (1.2 and 1.1) as itself with that type. */
function readsBackAs(value, flow, type) {
    return ['1.2', '1.1'].every((version) => {
        const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(flow ? `[${value}]` : `_: ${value}`, { version, prettyErrors: false });
        const collection = doc.contents;
        if (doc.errors.length > 0 || !((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(collection) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(collection)) || collection.items.length !== 1)
            return false;
        const item = collection.items[0];
        const node = isPairLike(item) ? item.value : item;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) || node.type !== 'PLAIN')
            return false;
        if (type === 'string')
            return node.value === value;
        return typeof node.value === type && String(node.value) === value;
    });
}


/***/ }),

/***/ 954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jh: () => (/* binding */ parseSetLines),
/* harmony export */   VI: () => (/* binding */ setValues),
/* harmony export */   jV: () => (/* binding */ formatPath)
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
 * Values are strings. A value replacing a plain number or boolean stays plain when it is a
 * number or boolean written canonically (`replicas: 2` -> `replicas: 3`); otherwise anything
 * that would not read back as the same string (`1.10`, `true`, `null`, ``) is double-quoted.
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
    const results = edits.map(({ path, value }) => {
        const shown = formatPath(path);
        if (path.length === 0)
            throw new Error('empty values path');
        if (seen.has(shown))
            throw new Error(`values path ${shown} edited twice in ${file}`);
        seen.add(shown);
        return setOne(splicer, path, value);
    });
    return { content: splicer.result(), results };
}
function setOne(splicer, path, value) {
    const shown = formatPath(path);
    let node = splicer.doc.contents;
    for (const [i, segment] of path.entries()) {
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
                return replace(splicer, item, node.flow === true, value, path);
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
                return replace(splicer, pair.value, node.flow === true, value, path);
            splicer.addPair(node, segment, { scalar: value });
            return { path, previous: null, changed: true };
        }
        if (!pair) {
            throw splicer.error(`cannot set ${shown}: ${formatPath(path.slice(0, i + 1))} does not exist (only the last key of a path is added)`, node);
        }
        node = pair.value;
    }
    throw new Error('unreachable');
}
function replace(splicer, node, flow, value, path) {
    if (!node)
        throw splicer.error(`cannot locate the value of ${formatPath(path)}`);
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
        throw splicer.error(`cannot set ${formatPath(path)}: it is a ${(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node) ? 'mapping' : 'sequence'}, not a scalar`, node);
    }
    const previous = splicer.text(node);
    if (previous === value)
        return { path, previous, changed: false };
    const typed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.type === 'PLAIN' ? node.value : undefined;
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

/***/ 1328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hw: () => (/* binding */ openPullRequest),
/* harmony export */   Tl: () => (/* binding */ parsePullRequestTarget),
/* harmony export */   a: () => (/* binding */ pullRequestBranchName),
/* harmony export */   ae: () => (/* binding */ assertBranchName),
/* harmony export */   c5: () => (/* binding */ gitopsRepositoryInputs),
/* harmony export */   eT: () => (/* binding */ pullRequestInputs),
/* harmony export */   vO: () => (/* binding */ withGitopsRemote),
/* harmony export */   yw: () => (/* binding */ parseGitopsRepository)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _core_git_remote_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8648);
/* harmony import */ var _platform_conventions_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1547);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9154);








// Everything the stages that write to the GitOps repository (gitops-bump, promote,
// health-gate's revert) share: the same inputs, defaults and credential handling, and the
// same pull/merge request path.
/** The repository inputs; `repository` is required unless the stage only sometimes needs it (`use` says when). */
function gitopsRepositoryInputs(options) {
    return {
        repository: {
            description: `GitOps repository${options.use ? ` (${options.use})` : ''}: https:// or ssh:// URL, git@host:path, file:// URL or a local path.`,
            ...(options.required ? { required: true } : {}),
        },
        branch: { description: options.branch, default: 'main' },
        token: { description: 'Token for HTTPS remotes and for opening pull/merge requests. Never logged or written to disk.', secret: true },
        'token-username': {
            description: "User name sent with the token; by default 'oauth2' on GitLab and 'x-access-token' elsewhere (GitHub).",
        },
        'ssh-key': { description: 'Private SSH key for ssh remotes (written to a private temporary file, removed afterwards).', secret: true },
        'ssh-known-hosts': { description: 'known_hosts lines for ssh remotes; without them the first host key is accepted.' },
        author: { description: options.author, default: 'aegis-bot <aegis-bot@users.noreply.github.com>' },
        'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: '20' },
    };
}
/** The inputs of pull-request mode. */
function pullRequestInputs(defaultBranch) {
    return {
        'pull-request-branch': { description: `Branch for pull-request mode; by default ${defaultBranch}.` },
        forge: { description: "Forge API for pull-request mode: 'github' or 'gitlab'; defaults to the platform running the job." },
        'forge-url': { description: 'Forge API URL (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
        'forge-project': {
            description: 'Repository path on the forge (owner/repo or group/project); defaults to the path of the repository URL.',
        },
    };
}
const INVALID_BRANCH = /^-|\.\.|[\s~^:?*[\\]|@\{|\/\/|\/$|\.lock$|^\/|\.$/;
/** The rules of `git check-ref-format --branch`, enough to refuse what git would misread as an option or a range. */
function assertBranchName(input, value) {
    if (INVALID_BRANCH.test(value))
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, value, 'a valid git branch name');
}
function parseGitopsRepository(reader, platform, optional) {
    const url = optional ? reader.optional('repository') : reader.required('repository');
    const branch = reader.required('branch');
    assertBranchName('branch', branch);
    const repository = {
        url: url ?? '',
        branch,
        credentials: {
            token: reader.optional('token'),
            username: reader.optional('token-username') ?? (0,_platform_conventions_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenUserFor */ .GO)(platform),
        },
        sshKey: reader.optional('ssh-key'),
        knownHosts: reader.optional('ssh-known-hosts'),
        author: (0,_shared_js__WEBPACK_IMPORTED_MODULE_6__/* .parseIdentity */ .aZ)('author', reader.string('author')),
        maxAttempts: reader.integer('max-attempts', { min: 1, max: 100 }),
    };
    return url ? repository : undefined;
}
function parsePullRequestTarget(reader) {
    const branch = reader.optional('pull-request-branch');
    if (branch)
        assertBranchName('pull-request-branch', branch);
    const forge = reader.optional('forge');
    if (forge !== undefined && forge !== 'github' && forge !== 'gitlab')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('forge', forge, "'github' or 'gitlab'");
    return { branch, forge, forgeUrl: reader.optional('forge-url'), forgeProject: reader.optional('forge-project') };
}
/**
 * `aegis/<stage>/<base>/<slug>`: the same change always lands on the same branch, hence the
 * same pull request. Long slugs keep a readable prefix and a hash of the whole.
 */
function pullRequestBranchName(stage, base, parts) {
    let slug = parts
        .filter(Boolean)
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (slug.length > 48)
        slug = `${slug.slice(0, 39)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(slug).digest('hex').slice(0, 8)}`;
    return `aegis/${stage}/${base}/${slug}`;
}
/**
 * Runs `body` with the repository's remote: an SSH key lives in a private temporary file for
 * exactly that long, and every credential is registered as a secret before anything is logged.
 */
async function withGitopsRemote(platform, repository, body) {
    const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'aegis-ssh-'));
    try {
        const credentials = { ...repository.credentials };
        if (repository.sshKey) {
            credentials.sshKeyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'key');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(credentials.sshKeyFile, repository.sshKey.endsWith('\n') ? repository.sshKey : `${repository.sshKey}\n`, {
                mode: 0o600,
            });
        }
        if (repository.knownHosts) {
            credentials.knownHostsFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'known_hosts');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(credentials.knownHostsFile, `${repository.knownHosts}\n`, { mode: 0o600 });
        }
        const remote = (0,_core_git_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .describeRemote */ .kW)(repository.url, credentials, platform.workspace);
        for (const secret of remote.secrets)
            platform.secret(secret);
        return await body(remote);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * After a commit to `head`: opens its pull/merge request or updates the open one. When nothing
 * was committed, the open one (if any) is only reported — a rerun never rewrites it, and a
 * merged change needs no new one.
 */
async function openPullRequest(platform, repository, target, request) {
    const token = repository.credentials.token;
    if (!token)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('token', '', 'a token with permission to open pull/merge requests', 'mode is pull-request');
    const project = target.forgeProject ?? (0,_core_git_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .forgeProjectPath */ .cW)(repository.url);
    if (!project)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('forge-project', '', 'the repository path on the forge (owner/repo or group/project)');
    const forge = await platform.forge({ token, kind: target.forge, apiUrl: target.forgeUrl });
    const { changed, ...pull } = request;
    if (!changed) {
        const open = await forge.findPullRequest({ repository: project, base: repository.branch, head: request.head });
        platform.log.info(open ? `Unchanged: ${open.url} already proposes these values.` : 'Nothing to propose: no pull request needed.');
        return open;
    }
    const result = await forge.upsertPullRequest({ repository: project, base: repository.branch, ...pull });
    platform.log.info(`${result.created ? 'Opened' : 'Updated'} ${result.url}`);
    return result;
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

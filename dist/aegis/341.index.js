export const id = 341;
export const ids = [341];
export const modules = {

/***/ 2142:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ resolveKustomizations),
/* harmony export */   d: () => (/* binding */ kustomizationIn)
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
/** The kustomization file of a directory; two of them are refused, as `kustomize build` refuses them. */
function kustomizationIn(dir, shown = dir) {
    const files = KUSTOMIZATION_NAMES.map((name) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name)).filter((file) => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file));
    if (files.length > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FileError */ .f6(shown, `found multiple kustomization files (${files.map((file) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file)).join(', ')}); kustomize refuses to build this directory, keep one`);
    }
    return files[0];
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
    // A directory with two kustomization files is refused however it was named (kustomize refuses it).
    for (const file of found)
        if (KUSTOMIZATION_NAMES.includes((0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file)))
            kustomizationIn((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(root, file)), (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file));
    return [...found].sort();
}


/***/ }),

/***/ 2758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s9: () => (/* binding */ parseImageLines),
/* harmony export */   tz: () => (/* binding */ parseImageLine),
/* harmony export */   vy: () => (/* binding */ formatImage)
/* harmony export */ });
/* unused harmony export IMAGE_LINE_EXPECTED */
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
    // The name before '=' is only matched literally, as kustomize does: placeholders such as
    // APP_IMAGE (upper case) are names kustomize accepts; a reference without '=' must be valid.
    checkName(key === undefined ? override.name : override.name.toLowerCase(), 'image name', fail);
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

/***/ 7722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JZ: () => (/* binding */ median),
/* harmony export */   Tu: () => (/* binding */ sourceTimeResolver),
/* harmony export */   ZN: () => (/* binding */ BANDS),
/* harmony export */   eJ: () => (/* binding */ computeDora)
/* harmony export */ });
/* unused harmony exports frequencyBand, leadTimeBand, failureRateBand, restoreBand, weekStart */
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7000);

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
/**
 * Thresholds of the software delivery performance clusters of DORA's Accelerate State of
 * DevOps Report 2023 (the last report giving all four keys for four clusters):
 * deployment frequency elite "on demand (multiple deploys per day)", high "between once per
 * day and once per week", medium "between once per week and once per month"; lead time elite
 * "less than one day", high "between one day and one week", medium "between one week and one
 * month"; change failure rate elite 5%, high 10%, medium 15%, low 64%; failed deployment
 * recovery time elite "less than one hour", high "less than one day", medium "between one day
 * and one week", low "between one month and six months". The report's low cluster overlaps
 * medium for frequency and lead time; here anything slower than medium is low.
 */
const BANDS = {
    source: 'DORA, Accelerate State of DevOps Report 2023, software delivery performance clusters',
    deploymentFrequency: { elite: 1, high: 1 / 7, medium: 1 / 30 },
    leadTime: { elite: DAY, high: WEEK, medium: MONTH },
    changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
    timeToRestore: { elite: HOUR, high: DAY, medium: WEEK },
};
/** At or above the threshold is that band (frequency: deployments per day). */
function frequencyBand(perDay) {
    const t = BANDS.deploymentFrequency;
    return perDay >= t.elite ? 'elite' : perDay >= t.high ? 'high' : perDay >= t.medium ? 'medium' : 'low';
}
/** Below the threshold is that band (durations in seconds, rates as fractions); at most for the failure rate. */
function lowerIsBetter(value, t, inclusive) {
    const under = (limit) => (inclusive ? value <= limit : value < limit);
    return under(t.elite) ? 'elite' : under(t.high) ? 'high' : under(t.medium) ? 'medium' : 'low';
}
const leadTimeBand = (seconds) => lowerIsBetter(seconds, BANDS.leadTime, false);
const failureRateBand = (rate) => lowerIsBetter(rate, BANDS.changeFailureRate, true);
const restoreBand = (seconds) => lowerIsBetter(seconds, BANDS.timeToRestore, false);
function median(values) {
    if (values.length === 0)
        return null;
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
/** Source time of a deployment: its own trailer, else that of the deployment it was promoted from (recursively). */
function sourceTimeResolver(groups) {
    const cache = new Map();
    const resolve = (event, depth) => {
        if (event.sourceTime !== undefined)
            return event.sourceTime;
        if (!event.promotedFrom || depth > 16)
            return undefined;
        if (cache.has(event))
            return cache.get(event);
        const from = groups.get(`${event.promotedFrom.environment}\0${event.image}`) ?? [];
        let found;
        for (let i = from.length - 1; i >= 0; i--) {
            const candidate = from[i];
            if (candidate.time > event.time || candidate.reverts)
                continue;
            if ((0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .sameImage */ .G4)(candidate.reference, event.reference)) {
                found = resolve(candidate, depth + 1);
                break;
            }
        }
        cache.set(event, found);
        return found;
    };
    return (event) => resolve(event, 0);
}
function fourKeys(outcomes, windowSeconds) {
    const deployments = outcomes.length;
    const perDay = deployments / (windowSeconds / DAY);
    const leadTimes = outcomes.flatMap((o) => (o.leadTimeSeconds === undefined ? [] : [o.leadTimeSeconds]));
    const failures = outcomes.flatMap((o) => (o.failure ? [o.failure] : []));
    const restores = outcomes.flatMap((o) => (o.failure ? [o.failure.restoredAt - o.event.time] : []));
    const lead = median(leadTimes);
    const rate = deployments > 0 ? failures.length / deployments : null;
    const restore = median(restores);
    return {
        deployments,
        deploymentFrequency: { perDay, perWeek: perDay * 7, band: deployments > 0 ? frequencyBand(perDay) : null },
        leadTime: {
            medianSeconds: lead,
            known: leadTimes.length,
            unknown: deployments - leadTimes.length,
            band: lead === null ? null : leadTimeBand(lead),
        },
        changeFailure: {
            failed: failures.length,
            reverted: failures.filter((f) => f.by === 'revert').length,
            fixed: failures.filter((f) => f.by === 'fix').length,
            rate,
            band: rate === null ? null : failureRateBand(rate),
        },
        timeToRestore: { medianSeconds: restore, restored: restores.length, band: restore === null ? null : restoreBand(restore) },
    };
}
/** Monday 00:00 UTC of the week holding `time`. */
function weekStart(time) {
    const day = Math.floor(time / DAY);
    // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday.
    return (day - ((day + 3) % 7)) * DAY;
}
function computeDora(history, options) {
    const from = options.now - options.windowSeconds;
    const groups = (0,_status_js__WEBPACK_IMPORTED_MODULE_0__/* .eventsByTarget */ .qI)(history.events);
    const sourceTime = sourceTimeResolver(groups);
    const revertOf = new Map();
    for (const revert of history.reverts) {
        // A commit reverted twice (a revert of the revert aside) restored at the first revert.
        if (!revertOf.has(revert.reverted))
            revertOf.set(revert.reverted, { commit: revert.commit, time: revert.time });
    }
    const outcomes = [];
    for (const group of groups.values()) {
        group.forEach((event, index) => {
            if (event.reverts || event.time < from || event.time > options.now)
                return;
            const outcome = { event };
            const source = sourceTime(event);
            if (source !== undefined)
                outcome.leadTimeSeconds = Math.max(0, event.time - source);
            const revert = revertOf.get(event.commit);
            const next = group.slice(index + 1).find((later) => !later.reverts);
            if (revert && revert.time >= event.time)
                outcome.failure = { by: 'revert', restoredAt: revert.time, commit: revert.commit };
            else if (next && options.fixWithinSeconds > 0 && next.time - event.time <= options.fixWithinSeconds) {
                outcome.failure = { by: 'fix', restoredAt: next.time, commit: next.commit };
            }
            outcomes.push(outcome);
        });
    }
    outcomes.sort((a, b) => a.event.time - b.event.time || a.event.commit.localeCompare(b.event.commit));
    const byEnvironment = new Map();
    const byService = new Map();
    for (const outcome of outcomes) {
        const { environment, service } = outcome.event;
        if (!byEnvironment.has(environment))
            byEnvironment.set(environment, []);
        byEnvironment.get(environment)?.push(outcome);
        if (!byService.has(environment))
            byService.set(environment, new Map());
        const services = byService.get(environment);
        if (!services.has(service))
            services.set(service, []);
        services.get(service)?.push(outcome);
    }
    const environments = {};
    for (const [environment, list] of byEnvironment)
        environments[environment] = fourKeys(list, options.windowSeconds);
    const services = {};
    for (const [environment, map] of byService) {
        services[environment] = {};
        for (const [service, list] of map)
            services[environment][service] = fourKeys(list, options.windowSeconds);
    }
    const weeks = new Map();
    for (let week = weekStart(from); week <= options.now; week += WEEK)
        weeks.set(week, {});
    for (const { event } of outcomes) {
        const counts = weeks.get(weekStart(event.time));
        counts[event.environment] = (counts[event.environment] ?? 0) + 1;
    }
    return {
        window: { from, to: options.now, seconds: options.windowSeconds },
        bands: BANDS,
        environments,
        services,
        weekly: [...weeks].map(([week, counts]) => ({ week, counts })),
        outcomes,
    };
}


/***/ }),

/***/ 3408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i6: () => (/* binding */ parseHistory),
/* harmony export */   nA: () => (/* binding */ HISTORY_FORMAT),
/* harmony export */   pe: () => (/* binding */ parseTime),
/* harmony export */   xq: () => (/* binding */ buildHistory)
/* harmony export */ });
/* unused harmony exports serviceOf, eventsOf */
/* harmony import */ var _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(349);
/**
 * The GitOps history as deployment events, from ONE `git log` pass: every commit's hash,
 * committer time, subject and trailers in a record-separated format, parsed here. No process
 * per commit, so a history of 100,000 commits costs about what git itself needs to print it.
 *
 * A deployment event is one image set in one environment by one commit: gitops-bump and
 * promote write `Aegis-Image: <name>=<reference>` with `Aegis-Environment`; a health-gate
 * revert writes `Aegis-Reverts: <sha>` and the image that runs again as `Aegis-Image`.
 */

/** Record separator (0x1e) before each commit, unit separator (0x1f) between its fields. */
const HISTORY_FORMAT = '%x1e%H%x1f%ct%x1f%s%x1f%(trailers:only,unfold)';
/** Splits `git log --format=HISTORY_FORMAT` output into commits, newest first as git printed them. */
function parseHistory(output) {
    const commits = [];
    let start = output.indexOf('\x1e');
    while (start !== -1) {
        const next = output.indexOf('\x1e', start + 1);
        const record = output.slice(start + 1, next === -1 ? undefined : next);
        start = next;
        const a = record.indexOf('\x1f');
        const b = record.indexOf('\x1f', a + 1);
        const c = record.indexOf('\x1f', b + 1);
        if (a < 0 || b < 0 || c < 0)
            continue;
        const trailers = [];
        for (const line of record.slice(c + 1).split('\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            trailers.push({ key: line.slice(0, colon), value: line.slice(colon + 1).trim() });
        }
        commits.push({ sha: record.slice(0, a), time: Number(record.slice(a + 1, b)), subject: record.slice(b + 1, c), trailers });
    }
    return commits;
}
/** `name=reference` (the first `=` separates, as in kustomize's syntax). */
function splitPair(value) {
    const equals = value.indexOf('=');
    return equals > 0 ? [value.slice(0, equals), value.slice(equals + 1)] : undefined;
}
/** Seconds since the epoch from ISO 8601 (what the trailer holds), undefined when it is not a time. */
function parseTime(value) {
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value))
        return undefined;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}
function serviceOf(image) {
    return image.slice(image.lastIndexOf('/') + 1);
}
/**
 * The deployment events of one commit. `Aegis-Source-Time` is either one time for every
 * image of the commit (gitops-bump: one source commit) or `<image>=<time>` per image
 * (promote: each image may come from a different bump).
 */
function eventsOf(commit) {
    let environment;
    let stage;
    let sourceCommit;
    let sourceRun;
    let commitSourceTime;
    let promotedFrom;
    let reverts;
    const images = [];
    const previous = new Map();
    const sourceTimes = new Map();
    for (const { key, value } of commit.trailers) {
        switch (key) {
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.image: {
                const pair = splitPair(value);
                if (pair)
                    images.push(pair);
                break;
            }
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.previousImage: {
                const pair = splitPair(value);
                if (pair)
                    previous.set(pair[0], pair[1]);
                break;
            }
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.environment:
                environment = value;
                break;
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.stage:
                stage = value;
                break;
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.sourceCommit:
                sourceCommit = value;
                break;
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.sourceRun:
                sourceRun = value;
                break;
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.sourceTime: {
                const pair = /^\d{4}-/.test(value) ? undefined : splitPair(value);
                const time = parseTime(pair ? pair[1] : value);
                if (time === undefined)
                    break;
                if (pair)
                    sourceTimes.set(pair[0], time);
                else
                    commitSourceTime = time;
                break;
            }
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.promotedFrom: {
                const at = value.lastIndexOf('@');
                if (at > 0)
                    promotedFrom = { environment: value.slice(0, at), commit: value.slice(at + 1) };
                break;
            }
            case _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.reverts:
                reverts = value;
                break;
        }
    }
    if (!environment || images.length === 0)
        return [];
    return images.map(([image, reference]) => {
        const event = {
            commit: commit.sha,
            time: commit.time,
            subject: commit.subject,
            environment: environment,
            image,
            service: serviceOf(image),
            reference,
        };
        const before = previous.get(image);
        if (before !== undefined)
            event.previous = before;
        if (stage)
            event.stage = stage;
        if (sourceCommit)
            event.sourceCommit = sourceCommit;
        if (sourceRun)
            event.sourceRun = sourceRun;
        const sourceTime = sourceTimes.get(image) ?? commitSourceTime;
        if (sourceTime !== undefined)
            event.sourceTime = sourceTime;
        if (promotedFrom)
            event.promotedFrom = promotedFrom;
        if (reverts)
            event.reverts = reverts;
        return event;
    });
}
function buildHistory(commits) {
    const events = [];
    const reverts = [];
    let unattributed = 0;
    for (let index = commits.length - 1; index >= 0; index--) {
        const commit = commits[index];
        const reverted = commit.trailers.find((t) => t.key === _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.reverts)?.value;
        if (reverted) {
            const environment = commit.trailers.find((t) => t.key === _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.environment)?.value;
            reverts.push({ commit: commit.sha, time: commit.time, reverted, ...(environment ? { environment } : {}) });
        }
        const found = eventsOf(commit);
        const ordinal = commits.length - 1 - index;
        for (const event of found) {
            event.ordinal = ordinal;
            events.push(event);
        }
        if (found.length === 0 && commit.trailers.some((t) => t.key === _gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_0__/* .TRAILER */ .AH.image))
            unattributed++;
    }
    return { events, reverts, commits: commits.length, unattributed, tipTime: commits[0]?.time, tip: commits[0]?.sha };
}


/***/ }),

/***/ 9522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lu: () => (/* binding */ readHistory),
/* harmony export */   Nu: () => (/* binding */ readRepository),
/* harmony export */   Qc: () => (/* binding */ cloneGitops)
/* harmony export */ });
/* unused harmony export readOverlays */
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3639);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8496);
/* harmony import */ var _gitops_targets_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2142);
/* harmony import */ var _images_image_line_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2758);
/* harmony import */ var _promote_source_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1819);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3408);
/**
 * Reading the GitOps repository for insight (and for promote's source times): one clone, one
 * `git log` pass over the branch, and — for the status — the overlays at the tip plus one
 * `git log -1` per environment for when its overlays were last touched.
 */








/**
 * Clones `branch`: with a work tree (blobs fetched for the tip only) when the overlays are
 * to be read, else bare and without trees (commits and their messages are all a log needs).
 */
async function cloneGitops(remote, branch, mode) {
    // A registered private dir: removed on exit, error, SIGINT and SIGTERM like every stage's temp files.
    const dir = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .createPrivateDir */ .b4)((0,node_os__WEBPACK_IMPORTED_MODULE_0__.tmpdir)(), 'aegis-insight-');
    const close = () => (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .removePrivateDir */ .VZ)(dir);
    try {
        const git = new _git_git_js__WEBPACK_IMPORTED_MODULE_3__/* .Git */ .TU(dir, remote.env);
        const cloned = await git.clone(remote.url, mode === 'checkout' ? { branch, filter: 'blob:none' } : { branch, bare: true, filter: 'tree:0' });
        if (!cloned.ok) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`Could not clone branch '${branch}' of ${remote.url}: ${cloned.stderr.trim().split('\n').slice(-2).join(' ')}`);
        }
        return { dir, git, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
/** The whole history of HEAD as deployment events, from one `git log`. */
async function readHistory(git, revision = 'HEAD') {
    return (0,_history_js__WEBPACK_IMPORTED_MODULE_7__/* .buildHistory */ .xq)((0,_history_js__WEBPACK_IMPORTED_MODULE_7__/* .parseHistory */ .i6)(await git.formattedLog(_history_js__WEBPACK_IMPORTED_MODULE_7__/* .HISTORY_FORMAT */ .nA, revision)));
}
/** What each environment's overlays set at the checkout, and when they were last touched (for drift). */
async function readOverlays(clone, environments) {
    const overlays = new Map();
    const lastTouch = new Map();
    for (const environment of environments) {
        const state = new Map();
        for (const overlay of (0,_promote_source_js__WEBPACK_IMPORTED_MODULE_6__/* .readEnvironment */ .Q)(clone.dir, environment)) {
            for (const image of overlay.images) {
                const list = state.get(image.name) ?? [];
                list.push({ file: overlay.file, reference: (0,_images_image_line_js__WEBPACK_IMPORTED_MODULE_5__/* .formatImage */ .vy)(image) });
                state.set(image.name, list);
            }
        }
        overlays.set(environment.name, state);
        const files = (0,_gitops_targets_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveKustomizations */ .Z)(clone.dir, environment.overlays, 'environments');
        const touched = await clone.git.lastChange(files);
        lastTouch.set(environment.name, touched ? { commit: touched.sha, time: touched.time } : undefined);
    }
    return { overlays, lastTouch };
}
/** History and overlays together: the overlays are read and parsed while git prints the log. */
async function readRepository(clone, environments) {
    const [history, state] = await Promise.all([readHistory(clone.git), readOverlays(clone, environments)]);
    return { history, ...state };
}


/***/ }),

/***/ 1341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bX: () => (/* binding */ commitTime),
/* harmony export */   nE: () => (/* binding */ isoSeconds),
/* harmony export */   pe: () => (/* reexport safe */ _history_js__WEBPACK_IMPORTED_MODULE_4__.pe),
/* harmony export */   s4: () => (/* binding */ readSourceTimes)
/* harmony export */ });
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8496);
/* harmony import */ var _dora_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7722);
/* harmony import */ var _repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9522);
/* harmony import */ var _status_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7000);
/* harmony import */ var _history_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3408);
/** The source commit's time, recorded at bump time (Aegis-Source-Time) so lead time needs no access to the source repository later. */





/** `2026-01-31T12:00:00Z`: UTC, whole seconds. */
function isoSeconds(time) {
    return new Date(time * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
/** Committer time of `commit` in the checkout at `dir`, when it is a git checkout holding it; undefined otherwise. */
async function commitTime(dir, commit) {
    if (!commit || !/^[0-9a-f]{7,64}$/i.test(commit))
        return undefined;
    try {
        const date = await new _git_git_js__WEBPACK_IMPORTED_MODULE_0__/* .Git */ .TU(dir).commitDate(commit);
        return date === undefined ? undefined : isoSeconds(Math.floor(date.getTime() / 1000));
    }
    catch {
        return undefined;
    }
}
/**
 * For promote: the source time of each image the source environment runs, read from the
 * deployment that put it there (its Aegis-Source-Time, or that of the deployment it was
 * promoted from). One treeless clone and one `git log`; images without one are left out.
 */
async function readSourceTimes(remote, branch, commit, environment, images) {
    const clone = await (0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .cloneGitops */ .Qc)(remote, branch, 'log-only');
    try {
        const history = await (0,_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .readHistory */ .Lu)(clone.git, (await clone.git.hasCommit(commit)) ? commit : 'HEAD');
        const groups = (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .eventsByTarget */ .qI)(history.events);
        const resolve = (0,_dora_js__WEBPACK_IMPORTED_MODULE_1__/* .sourceTimeResolver */ .Tu)(groups);
        const times = new Map();
        for (const image of images) {
            const events = groups.get(`${environment}\0${image.name}`) ?? [];
            const last = [...events].reverse().find((event) => !event.reverts && (0,_status_js__WEBPACK_IMPORTED_MODULE_3__/* .sameImage */ .G4)(event.reference, image.reference));
            const time = last ? resolve(last) : undefined;
            if (time !== undefined)
                times.set(image.name, isoSeconds(time));
        }
        return times;
    }
    finally {
        clone.close();
    }
}


/***/ }),

/***/ 7000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ sameImage),
/* harmony export */   ee: () => (/* binding */ computeStatus),
/* harmony export */   qI: () => (/* binding */ eventsByTarget)
/* harmony export */ });
/* unused harmony export referenceParts */
/* harmony import */ var _images_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6827);
/**
 * "What runs where": per environment × service, the image the overlays set at the branch tip,
 * since when, the commit and run that put it there, where it was promoted from, and how far
 * the environment is behind the one before it. The overlays are the truth; the trailers are
 * the explanation. When they disagree, someone edited an overlay by hand: that is drift.
 */

/** Tag and digest of `name[:tag][@digest]`, as the one reference module splits it; a malformed one is all name. */
function referenceParts(reference) {
    return (0,_images_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .splitReference */ .mQ)(reference) ?? { name: reference };
}
/** Same image: equal digests when both have one (promote may pin a digest onto a tag), else equal name and tag. */
function sameImage(a, b) {
    if (a === b)
        return true;
    const x = referenceParts(a);
    const y = referenceParts(b);
    if (x.digest && y.digest)
        return x.digest === y.digest;
    return x.name === y.name && x.tag === y.tag && x.tag !== undefined;
}
/** Events grouped by `environment\0image`, oldest first. */
function eventsByTarget(events) {
    const groups = new Map();
    for (const event of events) {
        const key = `${event.environment}\0${event.image}`;
        const group = groups.get(key);
        if (group)
            group.push(event);
        else
            groups.set(key, [event]);
    }
    return groups;
}
function computeStatus(history, environments, overlays, lastTouch) {
    const groups = eventsByTarget(history.events);
    const entries = [];
    const byTarget = new Map();
    environments.forEach((environment) => {
        const state = overlays.get(environment) ?? new Map();
        for (const image of [...state.keys()].sort()) {
            const set = state.get(image) ?? [];
            const references = [...new Set(set.map((entry) => entry.reference))];
            const reference = references[0];
            const last = groups.get(`${environment}\0${image}`)?.at(-1);
            const entry = {
                environment,
                image,
                service: image.slice(image.lastIndexOf('/') + 1),
                reference,
                drift: null,
                behind: null,
            };
            const parts = referenceParts(reference);
            if (parts.tag)
                entry.tag = parts.tag;
            if (parts.digest)
                entry.digest = parts.digest;
            if (references.length > 1)
                entry.drift = { kind: 'overlays-differ', references };
            if (last && sameImage(last.reference, reference) && references.length === 1) {
                entry.since = last.time;
                entry.commit = last.commit;
                if (last.sourceRun)
                    entry.run = last.sourceRun;
                if (last.stage)
                    entry.stage = last.stage;
                if (last.sourceCommit)
                    entry.sourceCommit = last.sourceCommit;
                if (last.promotedFrom)
                    entry.promotedFrom = last.promotedFrom;
            }
            else {
                if (!entry.drift && last)
                    entry.drift = { kind: 'hand-edit', recorded: last.reference };
                if (!last)
                    entry.untracked = true;
                const touch = lastTouch.get(environment);
                if (touch) {
                    entry.since = touch.time;
                    entry.commit = touch.commit;
                }
            }
            entries.push(entry);
            byTarget.set(`${environment}\0${image}`, entry);
        }
    });
    for (let index = 1; index < environments.length; index++) {
        const previous = environments[index - 1];
        for (const entry of entries) {
            if (entry.environment !== environments[index])
                continue;
            const ahead = byTarget.get(`${previous}\0${entry.image}`);
            if (!ahead)
                continue;
            if (sameImage(ahead.reference, entry.reference)) {
                entry.behind = { environment: previous, deployments: 0, commits: 0, days: 0 };
                continue;
            }
            const history = groups.get(`${previous}\0${entry.image}`) ?? [];
            let matched = -1;
            for (let i = history.length - 1; i >= 0; i--) {
                if (sameImage(history[i].reference, entry.reference)) {
                    matched = i;
                    break;
                }
            }
            if (matched < 0)
                continue;
            const ranThere = history[matched];
            const newest = history.at(-1);
            const deployments = history.slice(matched + 1).filter((event) => !event.reverts).length;
            const commits = Math.max(0, (newest.ordinal ?? 0) - (ranThere.ordinal ?? 0));
            const aheadSince = ahead.since ?? newest.time;
            entry.behind = { environment: previous, deployments, commits, days: Math.max(0, (aheadSince - ranThere.time) / 86_400) };
        }
    }
    return entries;
}


/***/ }),

/***/ 1819:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ readEnvironment),
/* harmony export */   b: () => (/* binding */ fetchSnapshot)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3639);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
/* harmony import */ var _git_git_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8496);
/* harmony import */ var _git_remote_failure_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1607);
/* harmony import */ var _gitops_targets_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2142);
/* harmony import */ var _yaml_kustomization_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8802);
/**
 * Reading the source: the overlays of every environment at one commit of the GitOps
 * repository (`from-ref`, default the branch tip). Fetched once, before the write loop, so
 * a retried push re-applies the same source values, never newer ones.
 */









/**
 * Shallow-fetches `ref` (a branch, a tag or a full commit SHA) into a temporary checkout;
 * `depth` commits of history when the trailers behind the overlays are needed.
 */
async function fetchSnapshot(remote, ref, depth = 1, retries = _git_remote_failure_js__WEBPACK_IMPORTED_MODULE_6__/* .DEFAULT_RETRIES */ .TU) {
    const dir = (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .createPrivateDir */ .b4)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'aegis-promote-source-');
    const close = () => (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_3__/* .removePrivateDir */ .VZ)(dir);
    try {
        const git = new _git_git_js__WEBPACK_IMPORTED_MODULE_5__/* .Git */ .TU(dir, remote.env);
        await git.init();
        const fetched = await (0,_git_remote_failure_js__WEBPACK_IMPORTED_MODULE_6__/* .retryTransient */ .jh)(() => git.fetch(remote.url, [ref], { depth }), retries);
        if (!fetched.ok) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .AegisError */ .o4(`Could not fetch '${ref}' (from-ref) from ${remote.url}: ${(0,_git_remote_failure_js__WEBPACK_IMPORTED_MODULE_6__/* .remoteFailureText */ .Uv)(fetched.stderr)}. A commit must be given as a full SHA.`);
        }
        await git.checkoutDetached('FETCH_HEAD');
        const deepen = async () => {
            if (!(await git.isShallow()))
                return false;
            return (await git.fetch(remote.url, [ref], { deepen: depth, writeFetchHead: false })).ok;
        };
        return { commit: await git.head(), git, dir, deepen, close };
    }
    catch (error) {
        close();
        throw error;
    }
}
/** The `images[]` entries of an environment's overlays in a checkout. */
function readEnvironment(root, environment) {
    return (0,_gitops_targets_js__WEBPACK_IMPORTED_MODULE_7__/* .resolveKustomizations */ .Z)(root, environment.overlays, 'environments').map((file) => ({
        file,
        images: (0,_yaml_kustomization_js__WEBPACK_IMPORTED_MODULE_8__/* .readImages */ .H)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, file), 'utf8'), file),
    }));
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
 * a newName; `app@sha256:…` drops a tag; a `tagSuffix` goes too) — except that `*` keeps the
 * entry's current value (and `:*` its tagSuffix).
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
        const dropSuffix = entry.tagSuffix !== undefined && !override.keepTag;
        if (FIELDS.every((field) => next[field] === entry.fields[field]) && !dropSuffix)
            continue;
        editEntry(section, entry, next, dropSuffix);
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
        tagSuffix: (0,_splice_js__WEBPACK_IMPORTED_MODULE_2__/* .findPair */ .c6)(doc, item, 'tagSuffix'),
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
function editEntry(section, entry, next, dropSuffix = false) {
    const { splicer } = section;
    if (entry.usesMergeKey) {
        throw splicer.error(`images[${entry.index}] (${entry.name}) takes fields from a merge key (<<); edit it by hand`, entry.map);
    }
    const removed = new Set(dropSuffix && entry.tagSuffix ? [entry.tagSuffix] : []);
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
    // kustomize refuses such files too: a NUL byte means binary, not YAML.
    const nul = content.indexOf('\0');
    if (nul >= 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .FileError */ .f6(file, 'contains a NUL byte: not a YAML file, nothing was changed', lineAt(content, nul));
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
        edits.sort((a, b) => a.edit.start - b.edit.start || Number(Boolean(b.edit.first)) - Number(Boolean(a.edit.first)) || a.order - b.order);
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
            this.edits.push({ start, end: start, text: before === ':' || before === '-' ? ` ${text}` : text, first: true });
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
            return renderScalar(node.scalar, { style: node.style, flow, keepTypeOf: node.keepTypeOf });
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
    /**
     * End of a pair: its value (with a trailing comment, in block style) or its key. A one-line
     * scalar ends with its line: comment lines below it (which the parser counts as its own when
     * they are indented deeper) are the reader's, not the pair's.
     */
    pairEnd(pair, flow) {
        const keyEnd = rangeOf(pair.key)[1];
        const value = pair.value;
        if (!value?.range)
            return keyEnd;
        if (flow)
            return Math.max(keyEnd, value.range[1]);
        const oneLine = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED';
        if (oneLine && !this.content.slice(value.range[0], value.range[1]).includes('\n')) {
            const rest = /^[ \t]*(?:#[^\r\n]*)?/.exec(this.content.slice(value.range[1]))?.[0] ?? '';
            return Math.max(keyEnd, value.range[1] + rest.length);
        }
        return Math.max(keyEnd, this.contentEnd(value.range[2]));
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
        const afterComma = lastEnd + (comma?.[0].length ?? 0);
        // A comment closing the last item's line stays on that line; the new item goes below it.
        const lineEnd = afterComma + (/^[ \t]*#[^\r\n]*/.exec(this.content.slice(afterComma))?.[0].length ?? 0);
        if (comma) {
            this.edits.push({ start: lineEnd, end: lineEnd, text: `${this.eol}${indent}${text},` });
        }
        else {
            if (lineEnd > lastEnd)
                this.edits.push({ start: lastEnd, end: lastEnd, text: ',' });
            this.edits.push({ start: lineEnd, end: lineEnd, text: `${lineEnd > lastEnd ? '' : ','}${this.eol}${indent}${text}` });
        }
    }
    /** Refuses an edit inside `node` when it is anchored and an alias uses it (`where` names it). */
    assertNotAliasedHere(node, where) {
        const anchor = node?.anchor;
        if (!node || !anchor || !this.aliasedAnchors().has(anchor))
            return;
        throw this.error(`${where} is anchored (&${anchor}) and used by an alias (*${anchor}); editing inside it would change the alias users too. Edit it by hand or remove the anchor`, node);
    }
    aliasedAnchors() {
        if (!this.aliased) {
            const aliased = new Set();
            if (this.content.includes('*'))
                (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .visit */ .YR)(this.doc, { Alias: (_, alias) => void aliased.add(alias.source) });
            this.aliased = aliased;
        }
        return this.aliased;
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


/***/ })

};

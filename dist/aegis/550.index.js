export const id = 550;
export const ids = [550];
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


/***/ }),

/***/ 4550:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ execute),
  parse: () => (/* binding */ health_gate_parse),
  plan: () => (/* binding */ plan),
  report: () => (/* binding */ report)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/fs/safe-write.ts
var safe_write = __webpack_require__(864);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/git/git.ts
var git_git = __webpack_require__(8496);
// EXTERNAL MODULE: ./src/core/git/remote-failure.ts
var remote_failure = __webpack_require__(1607);
;// CONCATENATED MODULE: ./src/core/git/history.ts




const SHA = /^[0-9a-f]{7,64}$/i;
/**
 * Answers "does `revision` contain `commit`?" for a remote branch, from a blobless bare clone
 * made on first use and fetched again only when a revision is not known yet.
 */
class CommitHistory {
    remote;
    branch;
    git;
    dir;
    constructor(remote, branch) {
        this.remote = remote;
        this.branch = branch;
    }
    async includes(revision, commit) {
        if (!SHA.test(revision) || !SHA.test(commit))
            return false;
        const git = await this.open();
        if (!(await this.known(git, revision))) {
            await git.fetch('origin', [`+refs/heads/${this.branch}:refs/heads/${this.branch}`], { filter: 'blob:none' });
            if (!(await this.known(git, revision)))
                return false;
        }
        return git.isAncestor(commit, revision);
    }
    close() {
        if (this.dir)
            (0,cleanup/* removePrivateDir */.VZ)(this.dir);
        this.dir = undefined;
        this.git = undefined;
    }
    async open() {
        if (this.git)
            return this.git;
        this.dir = (0,cleanup/* createPrivateDir */.b4)((0,external_node_os_.tmpdir)(), 'aegis-history-');
        const git = new git_git/* Git */.TU(this.dir, this.remote.env);
        (0,git_git/* mustSucceed */.MX)(await (0,remote_failure/* retryTransient */.jh)(() => git.clone(this.remote.url, { branch: this.branch, bare: true, filter: 'blob:none' }), remote_failure/* DEFAULT_RETRIES */.TU));
        this.git = git;
        return git;
    }
    async known(git, revision) {
        return git.hasCommit(revision);
    }
}

// EXTERNAL MODULE: ./src/core/gitops/verdicts.ts
var verdicts = __webpack_require__(4676);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/verdict.ts
var verdict = __webpack_require__(9478);
;// CONCATENATED MODULE: ./src/core/health/evaluator.ts
/**
 * The decision rules of the health gate, as a pure state machine: a completed measurement
 * goes in, the check's phase comes out. The rules are those of Argo Rollouts' analysis
 * controller (analysis/analysis.go: assessMetricStatus, assessMetricFailureInconclusiveOrError,
 * assessRunStatus; utils/evaluate: EvaluateResult), so a team that knows one knows the other:
 *
 * - A measurement is Successful, Failed, Inconclusive or Error (see `phaseFromConditions`).
 * - Successful, Failed and Inconclusive measurements increase `count`; Error measurements do
 *   not (they are retried after error-retry-interval) but increase `consecutiveError`, which
 *   any other measurement resets. A Successful measurement increases `consecutiveSuccess`;
 *   any other resets it.
 * - After each measurement: failed > failure-limit (unless -1) → Failed; then inconclusive >
 *   inconclusive-limit → Inconclusive; then consecutive errors > consecutive-error-limit →
 *   Error (a later rule overrides an earlier one, as in Argo); then consecutive successes ≥
 *   consecutive-success-limit (when > 0) → Successful; then count reached → Successful, or
 *   Inconclusive / Failed when a consecutive-success-limit was set and not met.
 * - The run is Running while any check runs; once every check has completed its phase is the
 *   worst of the checks that are not dry-run: Successful < Inconclusive < Error < Failed.
 * - A check (not dry-run) completing Failed, Error or Inconclusive terminates the run; a check
 *   still running then completes Successful (also one that never measured), unless a limit
 *   was already violated.
 *
 * Our one addition, the overall `timeout` (Argo has none), ends the run like a termination,
 * except that a check that could not conclude is Inconclusive, not Successful: one whose
 * `count` or consecutive-success-limit was not reached, or one without a single measurement
 * that is not an Error. A check without count and without consecutive-success-limit (it runs
 * until the run ends) is Successful when the timeout ends it within its limits.
 */

/** Argo Rollouts' defaults (utils/defaults: DefaultConsecutiveErrorLimit 4; limits 0). */
const DEFAULT_LIMITS = { failureLimit: 0, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 0 };
function initialTally() {
    return {
        phase: 'Pending',
        count: 0,
        successful: 0,
        failed: 0,
        inconclusive: 0,
        error: 0,
        consecutiveError: 0,
        consecutiveSuccess: 0,
        reason: 'no measurement yet',
    };
}
const COMPLETED = new Set(verdict/* MEASUREMENT_PHASES */.G);
const isCompleted = (phase) => COMPLETED.has(phase);
/** Best to worst, as Argo Rollouts orders completed phases (utils/analysis/helpers.go analysisStatusOrder). */
const SEVERITY = { Successful: 0, Inconclusive: 1, Error: 2, Failed: 3 };
function worse(a, b) {
    return SEVERITY[b] > SEVERITY[a] ? b : a;
}
/** Argo's `EvaluateResult`: the phase of one measurement from its success/failure conditions. */
function phaseFromConditions(success, failure) {
    if (success === undefined && failure === undefined)
        return 'Successful';
    const failed = failure ?? !success;
    const succeeded = success ?? !failure;
    if (failed)
        return 'Failed';
    return succeeded ? 'Successful' : 'Inconclusive';
}
/** Records one completed measurement and re-assesses the check. A completed check does not change. */
function record(tally, limits, measurement) {
    if (isCompleted(tally.phase))
        return tally;
    const next = { ...tally };
    if (measurement === 'Error') {
        next.error++;
        next.consecutiveError++;
        next.consecutiveSuccess = 0;
    }
    else {
        next.count++;
        next.consecutiveError = 0;
        if (measurement === 'Successful') {
            next.successful++;
            next.consecutiveSuccess++;
        }
        else {
            next.consecutiveSuccess = 0;
            if (measurement === 'Failed')
                next.failed++;
            else
                next.inconclusive++;
        }
    }
    return assess(next, limits, 'running');
}
/** Argo's assessMetricFailureInconclusiveOrError: a later violated limit overrides an earlier one. */
function violatedLimit(tally, limits) {
    let verdict;
    if (limits.failureLimit >= 0 && tally.failed > limits.failureLimit) {
        verdict = { phase: 'Failed', reason: `failed ${tally.failed} > failure-limit ${limits.failureLimit}` };
    }
    if (tally.inconclusive > limits.inconclusiveLimit) {
        verdict = { phase: 'Inconclusive', reason: `inconclusive ${tally.inconclusive} > inconclusive-limit ${limits.inconclusiveLimit}` };
    }
    if (tally.consecutiveError > limits.consecutiveErrorLimit) {
        verdict = {
            phase: 'Error',
            reason: `consecutive errors ${tally.consecutiveError} > consecutive-error-limit ${limits.consecutiveErrorLimit}`,
        };
    }
    return verdict;
}
/**
 * The check's phase from its counters (Argo's assessMetricStatus). `ending` says why the run
 * stops early, if it does: 'terminated' (another check completed badly) or 'timeout'.
 */
function assess(tally, limits, ending) {
    if (isCompleted(tally.phase))
        return tally;
    const done = (phase, reason) => ({ ...tally, phase, reason });
    if (tally.count + tally.error === 0) {
        if (ending === 'running')
            return done('Pending', 'no measurement yet');
        return ending === 'terminated'
            ? done('Successful', 'the run ended before this check measured (Argo Rollouts: Successful)')
            : done('Inconclusive', 'the timeout came before this check measured');
    }
    const violated = violatedLimit(tally, limits);
    if (violated)
        return done(violated.phase, violated.reason);
    const successLimit = limits.consecutiveSuccessLimit;
    if (successLimit > 0 && tally.consecutiveSuccess >= successLimit) {
        return done('Successful', `consecutive successes ${tally.consecutiveSuccess} reached consecutive-success-limit ${successLimit}`);
    }
    if (limits.count !== undefined && tally.count >= limits.count) {
        if (successLimit > 0) {
            return limits.failureLimit >= 0
                ? done('Inconclusive', `count ${limits.count} reached without ${successLimit} consecutive successes, failure-limit not exceeded`)
                : done('Failed', `count ${limits.count} reached without ${successLimit} consecutive successes`);
        }
        return done('Successful', `count ${limits.count} reached`);
    }
    if (ending === 'terminated')
        return done('Successful', `run terminated after ${tally.count} measurement(s) within limits`);
    if (ending === 'timeout') {
        if (tally.count === 0)
            return done('Inconclusive', `timed out with only Error measurements (${tally.error})`);
        if (limits.count !== undefined)
            return done('Inconclusive', `timed out after ${tally.count} of ${limits.count} measurements`);
        if (successLimit > 0) {
            return done('Inconclusive', `timed out before ${successLimit} consecutive successes (${tally.consecutiveSuccess} so far)`);
        }
        return done('Successful', `watched until the timeout: ${tally.count} measurement(s) within limits`);
    }
    return done('Running', `${tally.count} measurement(s) within limits`);
}
/** Argo's `IsTerminating`: a check that is not dry-run completing Failed, Error or Inconclusive stops the run. */
function isTerminating(checks) {
    return checks.some(({ phase, dryRun }) => !dryRun && (phase === 'Failed' || phase === 'Error' || phase === 'Inconclusive'));
}
/** The run's phase: Running until every check has completed, then the worst of those not dry-run. */
function runPhase(checks) {
    let worst;
    for (const { phase, dryRun } of checks) {
        if (!isCompleted(phase))
            return 'Running';
        if (dryRun)
            continue;
        worst = worst ? worse(worst, phase) : phase;
    }
    return worst ?? 'Successful';
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
;// CONCATENATED MODULE: ./src/core/health/expression.ts
/**
 * The condition language: the part of expr-lang (github.com/expr-lang/expr, what Argo Rollouts
 * evaluates successCondition/failureCondition with) that analysis conditions use, parsed
 * into a tree and interpreted (no eval, no Function, no property access beyond plain data):
 *
 *     result[0] < 0.05                    len(result) == 0 || result[0] < 0.05
 *     all(result, {# < 1000})             any(result, # > 5)        count(result, {# > 1}) <= 2
 *     filter(result, {# > 0}) == []       map(result, {# * 100})[0] < 5
 *     result.status == "UP"               "ok" in result.checks     10 in result
 *     result.version matches "^1\\."      result.name startsWith "api" ? true : false
 *     asInt(result) > 0                   asFloat(result) >= 1.1    default(result, 0) < 0.05
 *     isNil(result)                       isNaN(result) || result >= 0.9
 *
 * Values are numbers, strings, booleans, null, lists and objects (from JSON or PromQL).
 * Two deliberate conveniences beyond expr: a one-element list stands for its element in
 * comparisons and arithmetic (`result < 0.05` on a one-series vector), and `nil`/`null` are
 * both spelled. Comparing values of different kinds (a string with a number) is an error,
 * as in expr, which makes the measurement an Error rather than a silent false. Anything else
 * of expr (map literals, ranges, pipes, `let`, variables other than those given) is refused
 * when the checks are read, naming the construct.
 */
class ExpressionError extends Error {
    name = 'ExpressionError';
}
const OPERATORS = [
    '&&',
    '||',
    '==',
    '!=',
    '<=',
    '>=',
    '??',
    '?.',
    '**',
    '..',
    '<',
    '>',
    '+',
    '-',
    '*',
    '/',
    '%',
    '!',
    '(',
    ')',
    '[',
    ']',
    '{',
    '}',
    '.',
    ',',
    '?',
    ':',
    '#',
    '|',
    '^',
];
const WORD_OPERATORS = { and: '&&', or: '||', not: '!' };
const WORD_BINARY = new Set(['in', 'contains', 'startsWith', 'endsWith', 'matches']);
/** expr-lang's precedences (parser/operator), lowest first; `??` binds tightest. */
const BINARY_PRECEDENCE = {
    '||': 10,
    '&&': 15,
    '==': 20,
    '!=': 20,
    '<': 20,
    '<=': 20,
    '>': 20,
    '>=': 20,
    in: 20,
    'not in': 20,
    contains: 20,
    startsWith: 20,
    endsWith: 20,
    matches: 20,
    '+': 30,
    '-': 30,
    '*': 60,
    '/': 60,
    '%': 60,
    '**': 100,
    '??': 500,
};
const UNSUPPORTED_CONSTRUCTS = {
    '..': "the range operator '..'",
    '|': "the pipe operator '|'",
    '^': "the power operator '^' (write '**')",
    let: "'let' declarations",
};
/** The name of an expr construct this language refuses, if `text` is one. */
function unsupportedName(text) {
    return Object.hasOwn(UNSUPPORTED_CONSTRUCTS, text) ? UNSUPPORTED_CONSTRUCTS[text] : undefined;
}
function tokenize(source) {
    const tokens = [];
    let index = 0;
    while (index < source.length) {
        const char = source[index];
        if (/\s/.test(char)) {
            index++;
            continue;
        }
        const number = /^(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(source.slice(index));
        if (number) {
            // `1..3` is a range, not the number `1.`.
            const text = number[0].endsWith('.') && source[index + number[0].length] === '.' ? number[0].slice(0, -1) : number[0];
            tokens.push({ type: 'number', text, value: Number(text.replace(/_/g, '')), at: index });
            index += text.length;
            continue;
        }
        if (char === '"' || char === "'" || char === '`') {
            let text = '';
            let end = index + 1;
            const escapes = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
            for (; end < source.length && source[end] !== char; end++) {
                if (char !== '`' && source[end] === '\\' && end + 1 < source.length) {
                    end++;
                    text += escapes[source[end]] ?? `\\${source[end]}`;
                }
                else {
                    text += source[end];
                }
            }
            if (end >= source.length)
                throw new ExpressionError(`unterminated string starting at position ${index + 1}`);
            tokens.push({ type: 'string', text: source.slice(index, end + 1), value: text, at: index });
            index = end + 1;
            continue;
        }
        const name = /^[A-Za-z_$][A-Za-z0-9_]*/.exec(source.slice(index));
        if (name) {
            const word = name[0];
            if (word === 'let')
                throw new ExpressionError(`'let' declarations are not supported (position ${index + 1})`);
            // `contains(a, b)` is the function form of the `contains` operator.
            const call = /^\s*\(/.test(source.slice(index + word.length));
            const op = Object.hasOwn(WORD_OPERATORS, word) ? WORD_OPERATORS[word] : WORD_BINARY.has(word) && !call ? word : undefined;
            tokens.push(op ? { type: 'op', text: op, at: index } : { type: 'name', text: word, at: index });
            index += word.length;
            continue;
        }
        const op = OPERATORS.find((candidate) => source.startsWith(candidate, index));
        if (!op)
            throw new ExpressionError(`unexpected character '${char}' at position ${index + 1}`);
        tokens.push({ type: 'op', text: op, at: index });
        index += op.length;
    }
    tokens.push({ type: 'end', text: 'end of expression', at: source.length });
    return tokens;
}
const FUNCTIONS = {
    len: ([value = null]) => {
        if (Array.isArray(value) || typeof value === 'string')
            return value.length;
        if (value && typeof value === 'object')
            return Object.keys(value).length;
        throw new ExpressionError(`len() needs a list, string or map, got ${describe(value)}`);
    },
    isNaN: ([value = null]) => Number.isNaN(toNumber(value, 'isNaN()')),
    isInf: ([value = null]) => {
        const number = toNumber(value, 'isInf()');
        return number === Number.POSITIVE_INFINITY || number === Number.NEGATIVE_INFINITY;
    },
    isNil: ([value = null]) => value === null,
    default: ([value = null, fallback = null]) => (value === null ? fallback : value),
    asInt: ([value = null]) => {
        if (typeof value === 'number')
            return Math.trunc(value);
        if (typeof value === 'string' && /^[+-]?\d+$/.test(value.trim()))
            return Number(value.trim());
        throw new ExpressionError(`asInt() cannot convert ${describe(value)} to an integer`);
    },
    asFloat: ([value = null]) => {
        if (typeof value === 'number')
            return value;
        if (typeof value === 'string') {
            const number = parseGoFloat(value.trim());
            if (number !== undefined)
                return number;
        }
        throw new ExpressionError(`asFloat() cannot convert ${describe(value)} to a number`);
    },
    abs: ([value = null]) => Math.abs(toNumber(value, 'abs()')),
    min: (args) => Math.min(...numbersOf(args, 'min()')),
    max: (args) => Math.max(...numbersOf(args, 'max()')),
    sum: (args) => numbersOf(args, 'sum()').reduce((total, value) => total + value, 0),
    mean: (args) => {
        const values = numbersOf(args, 'mean()');
        return values.reduce((total, value) => total + value, 0) / values.length;
    },
    first: ([value = null]) => Array.isArray(value) ? (value[0] ?? null) : fail(`first() needs a list, got ${describe(value)}`),
    last: ([value = null]) => Array.isArray(value) ? (value[value.length - 1] ?? null) : fail(`last() needs a list, got ${describe(value)}`),
    lower: ([value = null]) => (typeof value === 'string' ? value.toLowerCase() : fail(`lower() needs a string, got ${describe(value)}`)),
    upper: ([value = null]) => (typeof value === 'string' ? value.toUpperCase() : fail(`upper() needs a string, got ${describe(value)}`)),
    contains: ([haystack = null, needle = null]) => containsOp(haystack, needle),
};
/** Functions whose second argument is a predicate over each element (`#`). */
const PREDICATES = new Set(['all', 'any', 'none', 'one', 'filter', 'map', 'count']);
const ARITY = {
    len: [1, 1],
    isNaN: [1, 1],
    isInf: [1, 1],
    isNil: [1, 1],
    default: [2, 2],
    asInt: [1, 1],
    asFloat: [1, 1],
    abs: [1, 1],
    first: [1, 1],
    last: [1, 1],
    lower: [1, 1],
    upper: [1, 1],
    contains: [2, 2],
    min: [1, 99],
    max: [1, 99],
    sum: [1, 99],
    mean: [1, 99],
};
function fail(message) {
    throw new ExpressionError(message);
}
/** strconv.ParseFloat's spellings, which Prometheus and Go services write. */
function parseGoFloat(text) {
    if (/^[+-]?(inf|infinity)$/i.test(text))
        return text.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    if (/^[+-]?nan$/i.test(text))
        return Number.NaN;
    if (!/^[+-]?(\d[\d_]*\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && !/^[+-]?0[xX][0-9a-fA-F]+$/.test(text))
        return undefined;
    const number = Number(text.replace(/_/g, ''));
    return Number.isNaN(number) ? undefined : number;
}
/** A parsed condition, evaluated against variables such as `result`. */
class Expression {
    source;
    root;
    constructor(source, root) {
        this.source = source;
        this.root = root;
    }
    /** Parses `source`; throws ExpressionError naming the construct or position of the problem. */
    static parse(source) {
        if (!source.trim())
            throw new ExpressionError('the expression is empty');
        const tokens = tokenize(source);
        let position = 0;
        let predicateDepth = 0;
        const peek = (offset = 0) => tokens[position + offset];
        const next = () => tokens[position++];
        const isOp = (token, text) => token.type === 'op' && token.text === text;
        const expect = (text) => {
            const token = next();
            if (!isOp(token, text))
                throw new ExpressionError(`expected '${text}' at position ${token.at + 1}, found ${token.text}`);
        };
        const unsupported = (token) => {
            throw new ExpressionError(`${unsupportedName(token.text) ?? `'${token.text}'`} is not supported (position ${token.at + 1})`);
        };
        const parseExpression = () => {
            const test = parseBinary(1);
            if (isOp(peek(), '?')) {
                next();
                const then = parseExpression();
                expect(':');
                const otherwise = parseExpression();
                return { kind: 'ternary', test, then, otherwise };
            }
            return test;
        };
        const binaryOperator = () => {
            const token = peek();
            if (token.type !== 'op')
                return undefined;
            if (token.text === '!' && isOp(peek(1), 'in'))
                return { text: 'not in', width: 2 };
            if (Object.hasOwn(BINARY_PRECEDENCE, token.text))
                return { text: token.text, width: 1 };
            if (unsupportedName(token.text))
                unsupported(token);
            return undefined;
        };
        const parseBinary = (minimum) => {
            let left = parseUnary();
            for (;;) {
                const op = binaryOperator();
                const precedence = op ? BINARY_PRECEDENCE[op.text] : undefined;
                if (!op || precedence === undefined || precedence < minimum)
                    return left;
                position += op.width;
                // `**` is right-associative; everything else left-associative.
                const right = parseBinary(op.text === '**' ? precedence : precedence + 1);
                left = { kind: 'binary', op: op.text, left, right };
                // Comparisons do not chain (`a < b < c` compares a boolean with a number in expr too).
                const after = binaryOperator();
                if (after && precedence === 20 && BINARY_PRECEDENCE[after.text] === 20 && /^[<>]/.test(op.text) && /^[<>]/.test(after.text)) {
                    throw new ExpressionError(`comparisons cannot be chained (position ${peek().at + 1}); join them with &&`);
                }
            }
        };
        const parseUnary = () => {
            const token = peek();
            if (token.type === 'op' && (token.text === '-' || token.text === '!' || token.text === '+')) {
                next();
                return { kind: 'unary', op: token.text, operand: parseUnary() };
            }
            return parsePostfix(parsePrimary());
        };
        const parseArguments = (close) => {
            const items = [];
            if (isOp(peek(), close)) {
                next();
                return items;
            }
            for (;;) {
                items.push(parseExpression());
                const token = next();
                if (isOp(token, close))
                    return items;
                if (!isOp(token, ','))
                    throw new ExpressionError(`expected ',' or '${close}' at position ${token.at + 1}, found ${token.text}`);
            }
        };
        /** A predicate body: `{ … }` or a bare expression, both reading `#` (and `.field` for `#.field`). */
        const parsePredicate = () => {
            predicateDepth++;
            try {
                if (isOp(peek(), '{')) {
                    next();
                    const body = parseExpression();
                    expect('}');
                    return body;
                }
                return parseExpression();
            }
            finally {
                predicateDepth--;
            }
        };
        const parsePrimary = () => {
            const token = next();
            if (token.type === 'number' || token.type === 'string')
                return { kind: 'literal', value: token.value };
            if (token.type === 'name') {
                const word = token.text;
                if (word === 'true' || word === 'false')
                    return { kind: 'literal', value: word === 'true' };
                if (word === 'null' || word === 'nil')
                    return { kind: 'literal', value: null };
                if (word === 'NaN')
                    return { kind: 'literal', value: Number.NaN };
                if (word === 'Inf')
                    return { kind: 'literal', value: Number.POSITIVE_INFINITY };
                if (unsupportedName(word))
                    unsupported(token);
                if (isOp(peek(), '(')) {
                    next();
                    if (PREDICATES.has(word)) {
                        const list = parseExpression();
                        expect(',');
                        const body = parsePredicate();
                        expect(')');
                        return { kind: 'predicate', name: word, list, body };
                    }
                    if (!Object.hasOwn(FUNCTIONS, word)) {
                        throw new ExpressionError(`unknown function '${word}' (supported: ${[...Object.keys(FUNCTIONS), ...PREDICATES].sort().join(', ')})`);
                    }
                    const args = parseArguments(')');
                    const [least, most] = ARITY[word];
                    if (args.length < least || args.length > most) {
                        throw new ExpressionError(`${word}() takes ${least === most ? least : `${least} or more`} argument(s), got ${args.length}`);
                    }
                    return { kind: 'call', name: word, args };
                }
                if (word.startsWith('$'))
                    throw new ExpressionError(`'${word}' is not supported (position ${token.at + 1})`);
                return { kind: 'variable', name: word };
            }
            if (isOp(token, '#')) {
                if (predicateDepth === 0) {
                    throw new ExpressionError(`'#' is only meaningful inside a predicate such as all(result, {# > 0}) (position ${token.at + 1})`);
                }
                if (peek().type === 'name' && peek().at === token.at + 1) {
                    throw new ExpressionError(`'#${peek().text}' is not supported (position ${token.at + 1})`);
                }
                return { kind: 'element' };
            }
            if (isOp(token, '.') && predicateDepth > 0 && peek().type === 'name') {
                // `{.field > 1}` is expr's short form of `{#.field > 1}`.
                const key = next();
                return { kind: 'member', object: { kind: 'element' }, key: { kind: 'literal', value: key.text }, optional: false };
            }
            if (isOp(token, '(')) {
                const inner = parseExpression();
                expect(')');
                return inner;
            }
            if (isOp(token, '['))
                return { kind: 'list', items: parseArguments(']') };
            if (isOp(token, '{')) {
                throw new ExpressionError(`map literals ('{…}') are not supported (position ${token.at + 1}); braces belong to predicates such as all(result, {# > 0})`);
            }
            if (token.type === 'op' && unsupportedName(token.text))
                unsupported(token);
            throw new ExpressionError(`unexpected ${token.text} at position ${token.at + 1}`);
        };
        const parsePostfix = (node) => {
            for (;;) {
                const token = peek();
                if (token.type !== 'op')
                    return node;
                if (token.text === '.' || token.text === '?.') {
                    next();
                    const key = next();
                    if (key.type !== 'name' && !(key.type === 'op' && WORD_BINARY.has(key.text))) {
                        throw new ExpressionError(`expected a field name after '${token.text}' at position ${key.at + 1}`);
                    }
                    if (isOp(peek(), '('))
                        throw new ExpressionError(`method calls ('.${key.text}()') are not supported (position ${key.at + 1})`);
                    node = { kind: 'member', object: node, key: { kind: 'literal', value: key.text }, optional: token.text === '?.' };
                }
                else if (token.text === '[') {
                    next();
                    if (isOp(peek(), ':') || isOp(peek(1), ':'))
                        throw new ExpressionError(`slices ('[a:b]') are not supported (position ${token.at + 1})`);
                    const key = parseExpression();
                    expect(']');
                    node = { kind: 'member', object: node, key, optional: false };
                }
                else {
                    return node;
                }
            }
        };
        const root = parseExpression();
        const rest = peek();
        if (rest.type !== 'end') {
            if (rest.type === 'op' && unsupportedName(rest.text))
                unsupported(rest);
            throw new ExpressionError(`unexpected ${rest.text} at position ${rest.at + 1}`);
        }
        checkRegexes(root);
        return new Expression(source, root);
    }
    /** Names of the variables the expression reads (to reject unknown ones up front). */
    variables() {
        const names = new Set();
        walk(this.root, (node) => {
            if (node.kind === 'variable')
                names.add(node.name);
        });
        return [...names];
    }
    evaluate(variables) {
        return interpret(this.root, { variables, element: undefined });
    }
    /** Evaluates a condition; anything but a boolean is an error (Argo: "expected bool, but got …"). */
    test(variables) {
        const value = this.evaluate(variables);
        if (typeof value !== 'boolean')
            throw new ExpressionError(`expected bool, but got ${describe(value)}`);
        return value;
    }
}
function walk(node, visit) {
    visit(node);
    switch (node.kind) {
        case 'list':
            for (const item of node.items)
                walk(item, visit);
            break;
        case 'member':
            walk(node.object, visit);
            walk(node.key, visit);
            break;
        case 'call':
            for (const arg of node.args)
                walk(arg, visit);
            break;
        case 'predicate':
            walk(node.list, visit);
            walk(node.body, visit);
            break;
        case 'unary':
            walk(node.operand, visit);
            break;
        case 'binary':
            walk(node.left, visit);
            walk(node.right, visit);
            break;
        case 'ternary':
            walk(node.test, visit);
            walk(node.then, visit);
            walk(node.otherwise, visit);
            break;
    }
}
/** A literal pattern after `matches` is compiled when the checks are read, so a typo is bad input. */
function checkRegexes(root) {
    walk(root, (node) => {
        if (node.kind === 'binary' && node.op === 'matches' && node.right.kind === 'literal' && typeof node.right.value === 'string') {
            compile(node.right.value);
        }
    });
}
function compile(pattern) {
    // Go's RE2 spells flags inline (`(?i)error`); JavaScript takes them apart.
    const inline = /^\(\?([ims]+)\)/.exec(pattern);
    const flags = `u${inline?.[1] ?? ''}`;
    try {
        return new RegExp(inline ? pattern.slice(inline[0].length) : pattern, flags);
    }
    catch (error) {
        throw new ExpressionError(`invalid regular expression ${JSON.stringify(pattern)}: ${error.message}`);
    }
}
function interpret(node, scope) {
    switch (node.kind) {
        case 'literal':
            return node.value;
        case 'variable':
            if (!Object.hasOwn(scope.variables, node.name))
                throw new ExpressionError(`unknown name ${node.name}`);
            return scope.variables[node.name];
        case 'element':
            return scope.element ?? null;
        case 'list':
            return node.items.map((item) => interpret(item, scope));
        case 'member': {
            const object = interpret(node.object, scope);
            if (object === null && node.optional)
                return null;
            return member(object, interpret(node.key, scope));
        }
        case 'call':
            return FUNCTIONS[node.name](node.args.map((arg) => interpret(arg, scope)));
        case 'predicate':
            return predicate(node.name, interpret(node.list, scope), (element) => interpret(node.body, { ...scope, element }));
        case 'unary': {
            const operand = interpret(node.operand, scope);
            if (node.op === '!') {
                if (typeof operand !== 'boolean')
                    throw new ExpressionError(`'!' needs true or false, got ${describe(operand)}`);
                return !operand;
            }
            const number = toNumber(operand, `'${node.op}'`);
            return node.op === '-' ? -number : number;
        }
        case 'ternary': {
            const test = interpret(node.test, scope);
            if (typeof test !== 'boolean')
                throw new ExpressionError(`'?:' needs a true or false test, got ${describe(test)}`);
            return interpret(test ? node.then : node.otherwise, scope);
        }
        case 'binary':
            return binary(node.op, node.left, node.right, scope);
    }
}
function predicate(name, list, test) {
    if (!Array.isArray(list))
        throw new ExpressionError(`${name}() needs a list, got ${describe(list)}`);
    const truth = (element) => {
        const value = test(element);
        if (typeof value !== 'boolean')
            throw new ExpressionError(`the predicate of ${name}() gave ${describe(value)}, not true or false`);
        return value;
    };
    switch (name) {
        case 'all':
            return list.every(truth);
        case 'any':
            return list.some(truth);
        case 'none':
            return !list.some(truth);
        case 'one':
            return list.filter(truth).length === 1;
        case 'filter':
            return list.filter(truth);
        case 'count':
            return list.filter(truth).length;
        default:
            return list.map(test);
    }
}
function binary(op, leftNode, rightNode, scope) {
    const left = interpret(leftNode, scope);
    if (op === '&&' || op === '||') {
        if (typeof left !== 'boolean')
            throw new ExpressionError(`'${op}' needs true or false, got ${describe(left)}`);
        if (op === '&&' ? !left : left)
            return left;
        const right = interpret(rightNode, scope);
        if (typeof right !== 'boolean')
            throw new ExpressionError(`'${op}' needs true or false, got ${describe(right)}`);
        return right;
    }
    if (op === '??')
        return left === null ? interpret(rightNode, scope) : left;
    const right = interpret(rightNode, scope);
    switch (op) {
        case '==':
            return equal(left, right);
        case '!=':
            return !equal(left, right);
        case 'in':
            return inOp(left, right);
        case 'not in':
            return !inOp(left, right);
        case 'contains':
            return containsOp(left, right);
        case 'startsWith':
        case 'endsWith': {
            if (typeof left !== 'string' || typeof right !== 'string') {
                throw new ExpressionError(`'${op}' needs two strings, got ${describe(left)} and ${describe(right)}`);
            }
            return op === 'startsWith' ? left.startsWith(right) : left.endsWith(right);
        }
        case 'matches': {
            if (typeof left !== 'string' || typeof right !== 'string') {
                throw new ExpressionError(`'matches' needs a string and a pattern, got ${describe(left)} and ${describe(right)}`);
            }
            return compile(right).test(left);
        }
    }
    const a = unwrap(left);
    const b = unwrap(right);
    if (op === '+' && typeof a === 'string' && typeof b === 'string')
        return a + b;
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
        if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) {
            throw new ExpressionError(`invalid operation: ${op} (mismatched types ${kind(left)} and ${kind(right)})`);
        }
        if (op === '<')
            return a < b;
        if (op === '<=')
            return a <= b;
        if (op === '>')
            return a > b;
        return a >= b;
    }
    const x = toNumber(left, `'${op}'`);
    const y = toNumber(right, `'${op}'`);
    if (op === '+')
        return x + y;
    if (op === '-')
        return x - y;
    if (op === '*')
        return x * y;
    if (op === '/')
        return x / y;
    if (op === '**')
        return x ** y;
    return x % y;
}
function inOp(needle, haystack) {
    if (Array.isArray(haystack))
        return haystack.some((item) => equal(item, needle));
    if (haystack !== null && typeof haystack === 'object') {
        if (typeof needle !== 'string')
            throw new ExpressionError(`'in' a map needs a string key, got ${describe(needle)}`);
        return Object.hasOwn(haystack, needle);
    }
    throw new ExpressionError(`'in' needs a list or a map on its right, got ${describe(haystack)}`);
}
function containsOp(haystack, needle) {
    if (typeof haystack === 'string' && typeof needle === 'string')
        return haystack.includes(needle);
    if (Array.isArray(haystack))
        return haystack.some((item) => equal(item, needle));
    throw new ExpressionError(`'contains' needs a string (or a list), got ${describe(haystack)}`);
}
function member(object, key) {
    if (Array.isArray(object)) {
        if (typeof key !== 'number' || !Number.isInteger(key))
            throw new ExpressionError(`a list index must be an integer, got ${describe(key)}`);
        const index = key < 0 ? object.length + key : key;
        if (index < 0 || index >= object.length)
            throw new ExpressionError(`index out of range: ${key} (a list of ${object.length})`);
        return object[index];
    }
    if (object !== null && typeof object === 'object') {
        if (typeof key !== 'string')
            throw new ExpressionError(`a field name must be a string, got ${describe(key)}`);
        return Object.hasOwn(object, key) ? object[key] : null;
    }
    throw new ExpressionError(`cannot fetch ${JSON.stringify(key)} from ${describe(object)}`);
}
/** A one-element list stands for its element. */
function unwrap(value) {
    return Array.isArray(value) && value.length === 1 ? value[0] : value;
}
function equal(left, right) {
    const a = unwrap(left);
    const b = unwrap(right);
    if (Array.isArray(a) || Array.isArray(b) || (a && typeof a === 'object') || (b && typeof b === 'object')) {
        return JSON.stringify(a) === JSON.stringify(b);
    }
    return a === b;
}
function toNumber(value, what) {
    const unwrapped = unwrap(value);
    if (typeof unwrapped !== 'number')
        throw new ExpressionError(`${what} needs a number, got ${describe(value)}`);
    return unwrapped;
}
function numbersOf(args, what) {
    const values = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    if (values.length === 0)
        throw new ExpressionError(`${what} of an empty list`);
    return values.map((value) => toNumber(value, what));
}
function kind(value) {
    if (Array.isArray(value))
        return 'list';
    if (value === null)
        return 'nil';
    if (typeof value === 'object')
        return 'map';
    return typeof value === 'number' ? 'number' : typeof value;
}
function describe(value) {
    if (Array.isArray(value))
        return `a list of ${value.length}`;
    if (value === null)
        return 'nil';
    if (typeof value === 'object')
        return 'a map';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    return `${typeof value} ${String(value)}`;
}

;// CONCATENATED MODULE: ./src/core/health/fields.ts



/** Everything in `checks` is refused as InputError on this input, before anything is watched. */
const CHECKS_INPUT = 'checks';
/** The checks YAML may hold tokens and headers not yet registered as secrets: errors never echo it whole. */
const NOT_QUOTED = '(the checks YAML, not repeated here)';

function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function durationOf(value, label, bounds = {}) {
    if (value === undefined || value === null)
        return undefined;
    const ms = (0,duration/* parseDuration */.E9)(String(value));
    if (ms === undefined || ms < (bounds.min ?? 0)) {
        throw new errors/* InputError */.dz(CHECKS_INPUT, String(value), `${duration/* DURATION_EXPECTED */.om} for ${label}`);
    }
    return ms;
}
/** Reads one provider's mapping, refusing unknown keys (a typo must not silently drop a condition). */
class Fields {
    check;
    type;
    raw;
    constructor(check, type, raw, keys) {
        this.check = check;
        this.type = type;
        if (!isRecord(raw))
            throw new errors/* InputError */.dz(CHECKS_INPUT, NOT_QUOTED, `a mapping under '${type}'`, `check '${check}'`);
        const unknown = Object.keys(raw).filter((key) => !keys.includes(key));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, unknown.join(', '), `${type} fields among ${keys.join(', ')}`, `check '${check}'`);
        }
        this.raw = raw;
    }
    label(key) {
        return `${this.check}.${this.type}.${key}`;
    }
    refuse(key, expected, detail, shown = NOT_QUOTED) {
        throw new errors/* InputError */.dz(CHECKS_INPUT, shown, `${expected} for ${this.label(key)}`, detail);
    }
    string(key) {
        const value = this.raw[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string' && typeof value !== 'number')
            this.refuse(key, 'a string');
        return String(value);
    }
    required(key, expected) {
        const value = this.string(key);
        if (!value)
            throw new errors/* InputError */.dz(CHECKS_INPUT, '', expected, `${this.label(key)} is required`);
        return value;
    }
    boolean(key) {
        const value = this.raw[key];
        if (value === undefined || value === null)
            return false;
        if (typeof value !== 'boolean')
            this.refuse(key, 'true or false', undefined, String(value));
        return value;
    }
    url(key) {
        const value = this.required(key, 'an http:// or https:// URL');
        let url;
        try {
            url = new URL(value);
        }
        catch {
            return this.refuse(key, 'an http:// or https:// URL', undefined, value);
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:')
            this.refuse(key, 'an http:// or https:// URL', undefined, value);
        if (url.username || url.password) {
            this.refuse(key, 'a URL without credentials', 'use headers or a token', `${url.protocol}//***@${url.host}`);
        }
        return value.replace(/\/+$/, '');
    }
    duration(key, fallback) {
        return durationOf(this.raw[key], this.label(key), { min: 1 }) ?? fallback;
    }
    /** Argo's `timeout` / `timeoutSeconds` are whole seconds; a duration string is accepted too. */
    seconds(keys, fallback) {
        for (const key of keys) {
            const value = this.raw[key];
            if (value === undefined || value === null)
                continue;
            if (typeof value === 'number') {
                if (!Number.isInteger(value) || value <= 0)
                    this.refuse(key, 'a positive number of seconds or a duration', undefined, String(value));
                return value * 1000;
            }
            return this.duration(key, fallback);
        }
        return fallback;
    }
    /** Header names to values. Every value is a secret (registered for redaction by the stage). */
    headers(key = 'headers') {
        const raw = this.raw[key];
        if (raw === undefined || raw === null)
            return {};
        // Argo's list form `[{key, value}]` is accepted as well as a mapping.
        if (Array.isArray(raw)) {
            return Object.fromEntries(raw.map((entry) => {
                if (!isRecord(entry) || typeof entry.key !== 'string' || entry.value === undefined) {
                    this.refuse(key, 'a mapping of header names to values, or a list of {key, value}');
                }
                return [entry.key, String(entry.value)];
            }));
        }
        if (!isRecord(raw))
            this.refuse(key, 'a mapping of header names to values');
        return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, String(value)]));
    }
    condition(key, allowed) {
        const source = this.string(key);
        if (source === undefined)
            return undefined;
        let expression;
        try {
            expression = Expression.parse(source);
        }
        catch (error) {
            if (error instanceof ExpressionError) {
                throw new errors/* InputError */.dz(CHECKS_INPUT, source, `a condition expression for ${this.label(key)}`, error.message);
            }
            throw error;
        }
        const unknown = expression.variables().filter((name) => !allowed.includes(name));
        if (unknown.length > 0) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, source, `a condition over ${allowed.join(', ')} for ${this.label(key)}`, `unknown variable '${unknown[0]}'`);
        }
        return expression;
    }
}

// EXTERNAL MODULE: ./src/core/argocd.ts
var argocd = __webpack_require__(1709);
// EXTERNAL MODULE: ./src/core/credential-scope.ts
var credential_scope = __webpack_require__(7935);
;// CONCATENATED MODULE: ./src/core/health/provider/contract.ts
function errorObservation(error) {
    return { phase: 'Error', message: error.message };
}

;// CONCATENATED MODULE: ./src/core/health/provider/argocd.ts





function parse(field, defaults) {
    const revision = field.string('revision') ?? defaults.expectedRevision;
    if (!revision) {
        throw new errors/* InputError */.dz(CHECKS_INPUT, '', 'the commit the application must be synced to', `check '${field.check}': set argocd.revision, or the expected-revision or rollback-commit input`);
    }
    const server = field.url('server');
    const token = field.string('token') ?? defaults.argocdToken;
    // The token goes to this server only, and never over plain http to another machine.
    if (token && !(0,credential_scope/* transportCarriesCredentials */.tW)(new URL(server))) {
        field.refuse('server', 'an https:// URL', 'a token is never sent over plain http except to this machine', server);
    }
    return {
        type: 'argocd',
        server,
        application: field.required('application', 'an Argo CD application name'),
        appNamespace: field.string('app-namespace'),
        token,
        revision,
        waitTimeoutMs: field.duration('wait-timeout', 300_000),
        timeoutMs: field.duration('timeout', 10_000),
    };
}
/** `includedBy`: a synced revision found (by the caller, in Git) to contain `revision`, if any. */
function assessArgoApplication(app, revision, includedBy) {
    const sync = app.status?.sync ?? {};
    const health = app.status?.health?.status ?? 'Unknown';
    const revisions = (0,argocd/* syncedRevisions */.J9)(app);
    const atRevision = includedBy !== undefined || revisions.some((candidate) => (0,argocd/* sameRevision */.Y6)(candidate, revision));
    const shown = revisions.map((value) => value.slice(0, 12)).join(',') || 'no revision';
    const facts = `${sync.status ?? 'Unknown'} at ${shown}, ${health}`;
    const operation = app.status?.operationState;
    if (operation &&
        (operation.phase === 'Failed' || operation.phase === 'Error') &&
        (0,argocd/* sameRevision */.Y6)(operation.syncResult?.revision, revision)) {
        return { phase: 'Failed', message: `${facts}; sync to ${revision.slice(0, 12)} ${operation.phase}: ${operation.message ?? ''}`.trim() };
    }
    if (!atRevision)
        return { phase: 'Running', message: `${facts}; waiting for ${revision.slice(0, 12)}` };
    if (sync.status === 'Synced' && health === 'Healthy') {
        return { phase: 'Successful', message: includedBy ? `${facts} (${includedBy.slice(0, 12)} includes ${revision.slice(0, 12)})` : facts };
    }
    if (sync.status === 'Synced' && (health === 'Degraded' || health === 'Missing')) {
        return { phase: 'Failed', message: `${facts}${app.status?.health?.message ? `: ${app.status.health.message}` : ''}` };
    }
    return { phase: 'Running', message: `${facts}; waiting for Synced and Healthy` };
}
async function measure(spec, context) {
    let app;
    try {
        app = await (0,argocd/* fetchArgoApplication */.Ss)(spec, context);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error);
    }
    let includedBy;
    if (context.includesCommit && !(0,argocd/* syncedRevisions */.J9)(app).some((candidate) => (0,argocd/* sameRevision */.Y6)(candidate, spec.revision))) {
        for (const candidate of (0,argocd/* syncedRevisions */.J9)(app)) {
            if (await context.includesCommit(candidate, spec.revision)) {
                includedBy = candidate;
                break;
            }
        }
    }
    return assessArgoApplication(app, spec.revision, includedBy);
}
const argocdProvider = {
    type: 'argocd',
    keys: ['server', 'application', 'app-namespace', 'token', 'revision', 'wait-timeout', 'timeout'],
    parse,
    describe: (spec) => `Successful when Synced at ${spec.revision.slice(0, 12)} and Healthy; Failed when Degraded/Missing there or not reached within ${spec.waitTimeoutMs / 1000}s`,
    measure,
    secrets: (spec) => (spec.token ? [spec.token] : []),
    waitTimeoutMs: (spec) => spec.waitTimeoutMs,
};

;// CONCATENATED MODULE: ./src/core/health/conditions.ts


/**
 * Argo's EvaluateResult over a check's conditions: a condition that cannot be evaluated makes
 * the measurement an Error, with Argo's wording for an empty result so the fix is obvious.
 */
function evaluateConditions(success, failure, variables) {
    let which = 'success-condition';
    try {
        const succeeded = success?.test(variables);
        which = 'failure-condition';
        const failed = failure?.test(variables);
        return { phase: phaseFromConditions(succeeded, failed) };
    }
    catch (error) {
        if (!(error instanceof ExpressionError))
            throw error;
        const result = variables.result;
        const empty = result === null || result === undefined || (Array.isArray(result) && result.length === 0);
        const source = which === 'success-condition' ? success?.source : failure?.source;
        return {
            phase: 'Error',
            message: empty
                ? `could not evaluate ${which} "${source}": the result is empty (no data); write e.g. len(result) == 0 || … or set empty-result`
                : `could not evaluate ${which} "${source}": ${error.message}`,
        };
    }
}
/** A short rendering of a value for messages (NaN and ±Inf spelled out). */
function preview(value) {
    const text = typeof value === 'string'
        ? JSON.stringify(value)
        : JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return (text ?? 'null').length > 80 ? `${text.slice(0, 80)}…` : (text ?? 'null');
}
/** How the conditions decide, in words (Argo's EvaluateResult spelled out). */
function conditionsText(success, failure) {
    if (success && failure)
        return `Failed when \`${failure.source}\`, else Successful when \`${success.source}\`, else Inconclusive`;
    if (success)
        return `Successful when \`${success.source}\`, else Failed`;
    if (failure)
        return `Failed when \`${failure.source}\`, else Successful`;
    return 'no success-condition or failure-condition: every measurement without error is Successful (Argo Rollouts rule)';
}

;// CONCATENATED MODULE: ./src/core/health/json-path.ts
function parseJsonPath(source) {
    let path = source.trim();
    if (path.startsWith('{') && path.endsWith('}'))
        path = path.slice(1, -1).trim();
    if (path.startsWith('.'))
        path = `$${path}`;
    if (!path.startsWith('$'))
        throw new Error(`a JSONPath starts with '$' or '.', got ${JSON.stringify(source)}`);
    const steps = [];
    let index = 1;
    while (index < path.length) {
        const rest = path.slice(index);
        const field = /^\.([A-Za-z_$][\w$-]*)/.exec(rest);
        const quoted = /^\[\s*(['"])((?:\\.|(?!\1).)*)\1\s*\]/.exec(rest);
        const position = /^\[\s*(-?\d+)\s*\]/.exec(rest);
        if (field) {
            steps.push(field[1]);
            index += field[0].length;
        }
        else if (quoted) {
            steps.push(quoted[2].replace(/\\(.)/g, '$1'));
            index += quoted[0].length;
        }
        else if (position) {
            steps.push(Number(position[1]));
            index += position[0].length;
        }
        else {
            const construct = rest.startsWith('..')
                ? 'recursive descent (..)'
                : /^\.?\*|^\[\s*\*/.test(rest)
                    ? 'wildcards (*)'
                    : /^\[\s*\?/.test(rest)
                        ? 'filters ([?(…)])'
                        : /^\[[^\]]*:/.test(rest)
                            ? 'ranges ([a:b])'
                            : /^\[[^\]]*,/.test(rest)
                                ? 'unions ([a,b])'
                                : `${JSON.stringify(rest.slice(0, 20))}`;
            throw new Error(`unsupported JSONPath syntax: ${construct} in ${JSON.stringify(source)} (supported: $.field, ['field'], [index])`);
        }
    }
    return steps;
}
/** The value at `steps`, or why it is not there (kubectl's "… is not found" wording). */
function findJsonPath(document, steps) {
    let current = document;
    for (const step of steps) {
        if (typeof step === 'number') {
            if (!Array.isArray(current))
                return { found: false, message: `[${step}] needs a list, found ${current === null ? 'null' : typeof current}` };
            const index = step < 0 ? current.length + step : step;
            if (index < 0 || index >= current.length)
                return { found: false, message: `array index out of bounds: index ${step}, length ${current.length}` };
            current = current[index];
        }
        else {
            if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, step)) {
                return { found: false, message: `${step} is not found` };
            }
            current = current[step];
        }
    }
    return { found: true, value: current };
}
/** The value at `steps`, or null when any step is missing. */
function selectJsonPath(document, steps) {
    const found = findJsonPath(document, steps);
    return found.found ? found.value : null;
}

// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/health/request.ts


/**
 * One request of a measurement: abandoned when the run ends, bounded by the check's timeout;
 * a network failure names the host only (never the query, never a header).
 */
async function request(url, init, context) {
    const started = performance.now();
    const done = (status, body) => ({ status, body, latencyMs: Math.round(performance.now() - started) });
    // httpFetch refuses on its own; the node:https path must too.
    (0,http/* assertMaySend */.qF)(url);
    if (init.insecure && url.startsWith('https:'))
        return insecureRequest(url, init, context.signal).then(({ status, body }) => done(status, body));
    const response = await (0,http/* httpFetch */.tX)(url, { method: init.method, headers: init.headers, body: init.body, redirect: 'manual' }, { timeoutMs: init.timeoutMs, signal: context.signal, fetch: context.fetch });
    return done(response.status, await response.text());
}
/** fetch cannot skip certificate checks per request; node:https can (same typed error as httpFetch). */
function insecureRequest(url, init, caller) {
    const timeout = AbortSignal.timeout(init.timeoutMs);
    const signal = AbortSignal.any([caller, timeout]);
    return new Promise((resolve, reject) => {
        const fail = (error) => {
            if (caller.aborted)
                return reject(error);
            const code = error.code;
            reject(new http/* HttpUnreachableError */.fN(new URL(url).origin, timeout.aborted ? `no answer within ${init.timeoutMs} ms` : (code ?? error.message)));
        };
        const outgoing = (0,external_node_https_.request)(url, { method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false, signal }, (incoming) => {
            const chunks = [];
            incoming.on('data', (chunk) => chunks.push(chunk));
            incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            incoming.on('error', fail);
        });
        outgoing.on('error', fail);
        outgoing.end(init.body);
    });
}

;// CONCATENATED MODULE: ./src/core/health/provider/http.ts






const VARIABLES = ['result', 'status', 'latency', 'body'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
function http_parse(field) {
    const method = (field.string('method') ?? 'GET').toUpperCase();
    if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method))
        field.refuse('method', 'an HTTP method', undefined, method);
    const headers = field.headers();
    const text = field.string('body');
    const json = field.raw['json-body'];
    if (text !== undefined && json !== undefined)
        field.refuse('body', 'either body or json-body', 'both are set (Argo: "use either Body or JSONBody")');
    let body = text;
    if (json !== undefined && json !== null) {
        body = typeof json === 'string' ? json : JSON.stringify(json);
        try {
            JSON.parse(body);
        }
        catch {
            field.refuse('json-body', 'a JSON value (a YAML mapping, or a string of JSON)');
        }
        if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
            headers['Content-Type'] = 'application/json';
    }
    if (body !== undefined && !BODY_METHODS.has(method)) {
        field.refuse(text !== undefined ? 'body' : 'json-body', `method POST or PUT (or PATCH, DELETE) with a body`, `method is ${method} (Argo refuses a body with GET)`);
    }
    const rawStatus = field.raw['expect-status'];
    const expectStatus = rawStatus === undefined || rawStatus === null
        ? undefined
        : (Array.isArray(rawStatus) ? rawStatus : [rawStatus]).map((status) => {
            const value = String(status).trim().toLowerCase();
            if (/^[1-5]xx$/.test(value))
                return [Number(value[0]) * 100, Number(value[0]) * 100 + 99];
            if (/^[1-5]\d\d$/.test(value))
                return [Number(value), Number(value)];
            return field.refuse('expect-status', 'a status such as 200 or 2xx (or a list)', undefined, String(status));
        });
    let jsonPath = [];
    const path = field.string('json-path');
    if (path !== undefined) {
        try {
            jsonPath = parseJsonPath(path);
        }
        catch (error) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, path, `a JSONPath such as {$.data.ok} for ${field.label('json-path')}`, error.message);
        }
    }
    return {
        type: 'http',
        url: field.url('url'),
        method,
        headers,
        body,
        expectStatus,
        bodyContains: field.string('body-contains'),
        jsonPath,
        success: field.condition('success-condition', VARIABLES),
        failure: field.condition('failure-condition', VARIABLES),
        maxLatencyMs: field.raw['max-latency'] === undefined ? undefined : field.duration('max-latency', 0),
        // Argo: timeoutSeconds, default 10.
        timeoutMs: field.seconds(['timeout-seconds', 'timeout'], 10_000),
        insecure: field.boolean('insecure'),
    };
}
async function http_measure(spec, context) {
    let response;
    try {
        response = await request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body, timeoutMs: spec.timeoutMs, insecure: spec.insecure }, context);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error);
    }
    const { status, body, latencyMs } = response;
    const value = latencyMs;
    const facts = `HTTP ${status} in ${latencyMs} ms`;
    if (spec.expectStatus) {
        if (!spec.expectStatus.some(([lo, hi]) => status >= lo && status <= hi))
            return { phase: 'Failed', value, message: `${facts}: not the expected status` };
    }
    else if (status < 200 || status >= 300) {
        return { phase: 'Error', value, message: `${facts}: received non 2xx response code: ${status}` };
    }
    if (spec.maxLatencyMs !== undefined && latencyMs > spec.maxLatencyMs) {
        return { phase: 'Failed', value, message: `${facts}: slower than max-latency ${spec.maxLatencyMs} ms` };
    }
    if (spec.bodyContains !== undefined && !body.includes(spec.bodyContains)) {
        return { phase: 'Failed', value, message: `${facts}: body does not contain ${JSON.stringify(spec.bodyContains)}` };
    }
    let result;
    let document;
    try {
        document = JSON.parse(body);
    }
    catch {
        document = undefined;
    }
    if (document === undefined) {
        // Argo: a body that is not JSON (or empty) is the result, as a string.
        result = body;
    }
    else {
        const found = findJsonPath(document, spec.jsonPath);
        if (!found.found)
            return { phase: 'Error', value, message: `${facts}: Could not find JSONPath in body: ${found.message}` };
        result = found.value;
    }
    const outcome = evaluateConditions(spec.success, spec.failure, { result, status, latency: latencyMs, body });
    return { phase: outcome.phase, value, message: `${facts}; result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}
function http_describe(spec) {
    const parts = [];
    parts.push(spec.expectStatus
        ? `Failed unless status ${spec.expectStatus.map(([lo, hi]) => (lo === hi ? String(lo) : `${String(lo)[0]}xx`)).join('/')}`
        : 'Error on a non-2xx status (retried)');
    if (spec.maxLatencyMs !== undefined)
        parts.push(`Failed above ${spec.maxLatencyMs} ms`);
    if (spec.bodyContains !== undefined)
        parts.push(`Failed unless the body contains ${JSON.stringify(spec.bodyContains)}`);
    return `${parts.join('; ')}; then ${conditionsText(spec.success, spec.failure)}`;
}
const httpProvider = {
    type: 'http',
    keys: [
        'url',
        'method',
        'headers',
        'body',
        'json-body',
        'expect-status',
        'body-contains',
        'json-path',
        'success-condition',
        'failure-condition',
        'max-latency',
        'timeout',
        'timeout-seconds',
        'insecure',
    ],
    parse: http_parse,
    describe: http_describe,
    measure: http_measure,
    secrets: (spec) => Object.values(spec.headers),
};

// EXTERNAL MODULE: ./src/core/process.ts + 1 modules
var process = __webpack_require__(9084);
;// CONCATENATED MODULE: ./src/core/health/provider/kubernetes.ts

function kubernetesName(field, key, required) {
    const value = required ? field.required(key, `a Kubernetes ${key} name`) : field.string(key);
    if (value !== undefined && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
        field.refuse(key, `a Kubernetes ${key} name (lower-case letters, digits, '-', '.')`, `check '${field.check}'`, value);
    }
    return value;
}
function kubernetes_parse(field) {
    return {
        type: 'kubernetes',
        deployment: kubernetesName(field, 'deployment', true),
        namespace: kubernetesName(field, 'namespace', false) ?? 'default',
        context: field.string('context'),
        kubeconfig: field.string('kubeconfig'),
        waitTimeoutMs: field.duration('wait-timeout', 300_000),
        timeoutMs: field.duration('timeout', 10_000),
    };
}
/** `kubectl` arguments shared by the check and the rollback: where the cluster is. */
function kubectlTarget(spec) {
    const args = ['--namespace', spec.namespace];
    if (spec.context)
        args.push('--context', spec.context);
    if (spec.kubeconfig)
        args.push('--kubeconfig', spec.kubeconfig);
    return args;
}
/** The rules `kubectl rollout status` applies to a Deployment. */
function assessDeployment(deployment, name) {
    const generation = deployment.metadata?.generation ?? 0;
    const status = deployment.status ?? {};
    const desired = deployment.spec?.replicas ?? 1;
    const updated = status.updatedReplicas ?? 0;
    const available = status.availableReplicas ?? 0;
    const total = status.replicas ?? 0;
    const facts = `${updated}/${desired} updated, ${available}/${desired} available`;
    if ((status.observedGeneration ?? 0) < generation) {
        return { phase: 'Running', value: available, message: `deployment/${name}: generation ${generation} not yet observed` };
    }
    const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') {
        return {
            phase: 'Failed',
            value: available,
            message: `deployment/${name}: ${facts}; ${progressing.message ?? 'progress deadline exceeded'}`,
        };
    }
    if (updated === desired && available === desired && total === desired) {
        return { phase: 'Successful', value: available, message: `deployment/${name}: rollout complete, ${facts}` };
    }
    return {
        phase: 'Running',
        value: available,
        message: `deployment/${name}: ${facts}${total > updated ? `, ${total - updated} old pending termination` : ''}`,
    };
}
async function measureKubernetes(spec) {
    const args = [
        'get',
        'deployment',
        spec.deployment,
        ...kubectlTarget(spec),
        '--output',
        'json',
        '--request-timeout',
        `${Math.max(1, Math.ceil(spec.timeoutMs / 1000))}s`,
    ];
    const result = await (0,process/* run */.eF)('kubectl', args, { allowFailure: true }).catch((error) => ({
        exitCode: -1,
        stdout: '',
        stderr: error.message,
    }));
    if (result.exitCode !== 0)
        return { phase: 'Error', message: `kubectl get deployment/${spec.deployment}: ${result.stderr.trim().split('\n').pop()}` };
    try {
        return assessDeployment(JSON.parse(result.stdout), spec.deployment);
    }
    catch {
        return { phase: 'Error', message: 'kubectl printed something that is not JSON' };
    }
}
const kubernetesProvider = {
    type: 'kubernetes',
    keys: ['deployment', 'namespace', 'context', 'kubeconfig', 'wait-timeout', 'timeout'],
    parse: kubernetes_parse,
    describe: (spec) => `Successful when the rollout of deployment/${spec.deployment} is complete; Failed on ProgressDeadlineExceeded or not complete within ${spec.waitTimeoutMs / 1000}s`,
    measure: (spec) => measureKubernetes(spec),
    secrets: () => [],
    waitTimeoutMs: (spec) => spec.waitTimeoutMs,
};

;// CONCATENATED MODULE: ./src/core/health/provider/prometheus.ts







const GO_DURATION = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
const GO_UNITS = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** Go's time.ParseDuration ("1h30m", "90s"). */
function goDuration(text) {
    if (!/^([0-9.]+(ns|us|µs|ms|s|m|h))+$/.test(text))
        return undefined;
    let total = 0;
    for (const match of text.matchAll(GO_DURATION))
        total += Number(match[1]) * GO_UNITS[match[2]];
    return total;
}
function parseTimeExpression(source) {
    const text = source.trim();
    const term = /^(now\(\)|date\(\s*(["'])([^"']+)\2\s*(?:,\s*(["'])2006-01-02 15:04:05\4\s*(?:,\s*(["'])UTC\5\s*)?)?\))\s*(?:([+-])\s*duration\(\s*(["'])([^"']+)\7\s*\))?$/.exec(text);
    if (!term) {
        throw new Error(`${JSON.stringify(source)} is not a supported time expression (supported: now(), now() - duration("5m"), date("2023-08-14T00:00:00Z") ± duration("1h"))`);
    }
    let base;
    if (term[1] === 'now()')
        base = (now) => now;
    else {
        const stamp = term[3].trim();
        const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(stamp) ? `${stamp.replace(' ', 'T')}Z` : stamp;
        const fixed = new Date(iso);
        if (Number.isNaN(fixed.getTime()))
            throw new Error(`date(${JSON.stringify(stamp)}) is not a date`);
        base = () => fixed;
    }
    let offset = 0;
    if (term[6]) {
        const duration = goDuration(term[8].trim());
        if (duration === undefined)
            throw new Error(`time: invalid duration ${JSON.stringify(term[8])}`);
        offset = term[6] === '-' ? -duration : duration;
    }
    const at = base;
    return { source, at: (now) => new Date(at(now).getTime() + offset) };
}
function prometheus_parse(field) {
    const emptyResult = field.string('empty-result');
    let phase;
    if (emptyResult !== undefined) {
        phase = (0,verdict/* measurementPhaseOf */.X)(emptyResult);
        if (!phase)
            field.refuse('empty-result', `one of ${verdict/* MEASUREMENT_PHASES */.G.join(', ')}`, undefined, emptyResult);
    }
    let basicAuth;
    const basic = field.raw['basic-auth'];
    if (basic !== undefined && basic !== null) {
        if (!isRecord(basic))
            field.refuse('basic-auth', 'a mapping {username, password}');
        const { username, password } = basic;
        // Argo's wording for a half-given pair (NewPrometheusAPI).
        if (!username)
            field.refuse('basic-auth', 'a username and a password', 'missing mandatory parameter in metric for basic auth setup: username');
        if (!password)
            field.refuse('basic-auth', 'a username and a password', 'missing mandatory parameter in metric for basic auth setup: password');
        basicAuth = { username: String(username), password: String(password) };
    }
    const bearerToken = field.string('bearer-token');
    const headers = field.headers();
    if ((basicAuth || bearerToken) && Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
        field.refuse('headers', 'one way to authenticate', 'an Authorization header and basic-auth/bearer-token are both set');
    }
    if (basicAuth && bearerToken)
        field.refuse('bearer-token', 'one way to authenticate', 'basic-auth and bearer-token are both set');
    let rangeQuery;
    const range = field.raw['range-query'];
    if (range !== undefined && range !== null) {
        if (!isRecord(range))
            field.refuse('range-query', 'a mapping {start, end, step}');
        const { start, end, step } = range;
        const time = (value, key) => {
            try {
                return parseTimeExpression(String(value ?? ''));
            }
            catch (error) {
                throw new errors/* InputError */.dz(CHECKS_INPUT, String(value ?? ''), `a time expression for ${field.label(`range-query.${key}`)}`, error.message);
            }
        };
        const stepMs = (0,duration/* parseDuration */.E9)(String(step ?? '')) ?? goDuration(String(step ?? ''));
        if (!stepMs || stepMs < 1000) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, String(step ?? ''), `a step of at least 1s such as '1m' for ${field.label('range-query.step')}`);
        }
        rangeQuery = { start: time(start, 'start'), end: time(end ?? 'now()', 'end'), stepSeconds: stepMs / 1000 };
    }
    return {
        type: 'prometheus',
        address: field.url('address'),
        query: field.required('query', 'a PromQL query'),
        headers,
        basicAuth,
        bearerToken,
        rangeQuery,
        success: field.condition('success-condition', ['result']),
        failure: field.condition('failure-condition', ['result']),
        emptyResult: phase,
        // Argo: timeout in seconds, default 30.
        timeoutMs: field.seconds(['timeout'], 30_000),
        insecure: field.boolean('insecure'),
    };
}
function requestHeaders(spec) {
    const headers = { Accept: 'application/json', ...spec.headers };
    if (spec.basicAuth)
        headers.Authorization = `Basic ${Buffer.from(`${spec.basicAuth.username}:${spec.basicAuth.password}`).toString('base64')}`;
    if (spec.bearerToken)
        headers.Authorization = `Bearer ${spec.bearerToken}`;
    return headers;
}
function queryUrl(spec, now = new Date()) {
    if (!spec.rangeQuery)
        return `${spec.address}/api/v1/query?${new URLSearchParams({ query: spec.query }).toString()}`;
    const { start, end, stepSeconds } = spec.rangeQuery;
    const params = new URLSearchParams({
        query: spec.query,
        start: (start.at(now).getTime() / 1000).toString(),
        end: (end.at(now).getTime() / 1000).toString(),
        step: String(stepSeconds),
    });
    return `${spec.address}/api/v1/query_range?${params.toString()}`;
}
function sample(pair, where) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number')
        return `${where} is not a [timestamp, "value"] pair`;
    if (typeof pair[1] !== 'string')
        return `${where} has a value that is not a string of a number: ${preview(pair[1])}`;
    const value = parseGoFloat(pair[1]);
    return value === undefined ? `${where} has a value that is not a number: ${preview(pair[1])}` : value;
}
/** Reads the body the way Prometheus' Go client (client_golang) decodes it, refusing anything else. */
function readPrometheusAnswer(status, body) {
    let answer;
    try {
        answer = JSON.parse(body);
    }
    catch {
        const start = body.trimStart().slice(0, 1);
        return {
            ok: false,
            error: `Prometheus answered HTTP ${status} with ${start === '<' ? 'HTML' : body.trim() === '' ? 'an empty body' : start === '{' || start === '[' ? 'truncated or invalid JSON' : 'something that is not JSON'}`,
        };
    }
    if (!isRecord(answer))
        return {
            ok: false,
            error: `Prometheus answered HTTP ${status} with ${answer === null ? 'null' : `a JSON ${Array.isArray(answer) ? 'list' : typeof answer}`}, not an API response`,
        };
    if (answer.status === 'error')
        return {
            ok: false,
            error: `Prometheus HTTP ${status}: ${String(answer.errorType ?? 'error')}: ${String(answer.error ?? 'no message')}`,
        };
    if (status < 200 || status >= 300)
        return { ok: false, error: `Prometheus answered HTTP ${status}` };
    if (answer.status !== 'success')
        return { ok: false, error: `Prometheus answered status ${preview((answer.status ?? null))}, not "success"` };
    const data = answer.data;
    if (!isRecord(data))
        return { ok: false, error: 'Prometheus answered without data' };
    const raw = data.result;
    switch (data.resultType) {
        case 'scalar': {
            const value = sample(raw, 'the scalar');
            return typeof value === 'number' ? { ok: true, resultType: 'scalar', value } : { ok: false, error: value };
        }
        case 'vector':
        case 'matrix': {
            if (!Array.isArray(raw))
                return { ok: false, error: `the ${data.resultType} result is not a list` };
            const values = [];
            for (const [index, series] of raw.entries()) {
                if (!isRecord(series))
                    return { ok: false, error: `series ${index + 1} is not an object` };
                const pairs = data.resultType === 'vector' ? [series.value] : series.values;
                if (!Array.isArray(pairs))
                    return { ok: false, error: `series ${index + 1} has no values` };
                for (const pair of pairs) {
                    const value = sample(pair, `series ${index + 1}`);
                    if (typeof value !== 'number')
                        return { ok: false, error: value };
                    values.push(value);
                }
            }
            return { ok: true, resultType: data.resultType, values, series: raw.length };
        }
        default:
            return {
                ok: false,
                error: `Prometheus metric type not supported: ${preview((data.resultType ?? null))} (Argo reads vector, matrix and scalar)`,
            };
    }
}
async function ask(spec, context) {
    const response = await request(queryUrl(spec), { headers: requestHeaders(spec), timeoutMs: spec.timeoutMs, insecure: spec.insecure }, context);
    return readPrometheusAnswer(response.status, response.body);
}
async function prometheus_measure(spec, context) {
    let answer;
    try {
        answer = await ask(spec, context);
    }
    catch (error) {
        if (context.signal.aborted)
            throw error;
        return errorObservation(error);
    }
    if (!answer.ok)
        return { phase: 'Error', message: answer.error };
    const result = answer.resultType === 'scalar' ? answer.value : answer.values;
    if (answer.resultType !== 'scalar' && answer.values.length === 0 && spec.emptyResult) {
        return { phase: spec.emptyResult, message: `no series (empty-result: ${spec.emptyResult})` };
    }
    const first = answer.resultType === 'scalar' ? answer.value : answer.values[0];
    const value = first !== undefined && Number.isFinite(first) ? first : undefined;
    const outcome = evaluateConditions(spec.success, spec.failure, { result });
    return { phase: outcome.phase, value, message: `result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}
/**
 * Asks Prometheus once before watching, so a query it rejects (HTTP 400, errorType bad_data)
 * fails the stage as bad input instead of as a run of Error measurements. An unreachable or
 * confused server is not bad input (it may come up): that answer is a warning for the log.
 */
async function preflight(check, spec, fetchImpl) {
    let response;
    try {
        response = await request(queryUrl(spec), { headers: requestHeaders(spec), timeoutMs: spec.timeoutMs, insecure: spec.insecure }, { signal: new AbortController().signal, fetch: fetchImpl });
    }
    catch (error) {
        return `check '${check}': could not validate the query before watching: ${error.message}`;
    }
    let answer;
    try {
        answer = JSON.parse(response.body);
    }
    catch {
        answer = undefined;
    }
    if (response.status === 400 && isRecord(answer) && answer.errorType === 'bad_data') {
        throw new errors/* InputError */.dz(CHECKS_INPUT, spec.query, `a PromQL query Prometheus accepts (check '${check}')`, `Prometheus: ${String(answer.error ?? 'bad_data')}`);
    }
    const read = readPrometheusAnswer(response.status, response.body);
    return read.ok ? undefined : `check '${check}': ${read.error}`;
}
function prometheus_describe(spec) {
    const conditions = conditionsText(spec.success, spec.failure);
    const empty = spec.emptyResult ? `an empty result is ${spec.emptyResult} (empty-result)` : 'an empty result is `[]` to the conditions';
    return `${conditions}; ${empty}${spec.rangeQuery ? '; range query: result is every value of every series' : ''}`;
}
const prometheusProvider = {
    type: 'prometheus',
    keys: [
        'address',
        'query',
        'headers',
        'basic-auth',
        'bearer-token',
        'range-query',
        'success-condition',
        'failure-condition',
        'empty-result',
        'timeout',
        'insecure',
    ],
    parse: prometheus_parse,
    describe: prometheus_describe,
    measure: prometheus_measure,
    preflight,
    secrets: (spec) => {
        const values = Object.values(requestHeaders(spec)).filter((value) => value !== 'application/json');
        if (spec.basicAuth)
            values.push(spec.basicAuth.password);
        if (spec.bearerToken)
            values.push(spec.bearerToken);
        return values;
    },
};

;// CONCATENATED MODULE: ./src/core/health/providers.ts
/**
 * The registry of check types: one provider per file under ./provider/, one line each here.
 */




const PROVIDERS = {
    http: httpProvider,
    prometheus: prometheusProvider,
    argocd: argocdProvider,
    kubernetes: kubernetesProvider,
};
const CHECK_TYPES = Object.keys(PROVIDERS);
function providerOf(spec) {
    return PROVIDERS[spec.type];
}
function providers_measure(spec, context) {
    return providerOf(spec).measure(spec, context);
}



;// CONCATENATED MODULE: ./src/core/health/checks.ts





/**
 * The `checks` input: a YAML list (or `{checks: [...]}`) of checks, each with a unique
 * `name`, exactly one provider key (see providers.ts) and optionally its own `interval`,
 * `count`, `initial-delay`, `failure-limit`, `inconclusive-limit`, `consecutive-error-limit`,
 * `consecutive-success-limit`, `error-retry-interval` and `dry-run` overriding the stage-wide
 * inputs — as Argo Rollouts metrics do. Every problem, including the rules of Argo's
 * ValidateMetric, is an InputError on `checks` raised before anything is watched.
 */


const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000;
const EXPECTED = `a YAML list of checks, each with a name and one of ${CHECK_TYPES.join(', ')}`;
const COMMON_KEYS = [
    'name',
    'interval',
    'count',
    'initial-delay',
    'failure-limit',
    'inconclusive-limit',
    'consecutive-error-limit',
    'consecutive-success-limit',
    'error-retry-interval',
    'dry-run',
];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
function parseChecks(text, defaults) {
    let document;
    try {
        document = (0,dist/* parse */.qg)(text, { uniqueKeys: true });
    }
    catch (error) {
        throw new errors/* InputError */.dz(CHECKS_INPUT, NOT_QUOTED, EXPECTED, `not valid YAML: ${error.message.split('\n')[0]}`);
    }
    if (isRecord(document) && Object.keys(document).length === 1 && Array.isArray(document.checks))
        document = document.checks;
    if (!Array.isArray(document) || document.length === 0)
        throw new errors/* InputError */.dz(CHECKS_INPUT, NOT_QUOTED, EXPECTED, 'no checks were given');
    const names = new Set();
    return document.map((entry, index) => {
        const where = `check ${index + 1}`;
        if (!isRecord(entry))
            throw new errors/* InputError */.dz(CHECKS_INPUT, NOT_QUOTED, EXPECTED, `${where} is not a mapping`);
        const name = entry.name;
        if (typeof name !== 'string' || !NAME.test(name)) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, String(name ?? ''), 'a check name of letters, digits, ".", "_" or "-"', `${where} needs a 'name'`);
        }
        if (names.has(name))
            throw new errors/* InputError */.dz(CHECKS_INPUT, name, 'unique check names', `'${name}' appears twice`);
        names.add(name);
        const types = Object.keys(entry).filter((key) => !COMMON_KEYS.includes(key));
        const type = types[0];
        if (types.length !== 1 || !CHECK_TYPES.includes(type)) {
            throw new errors/* InputError */.dz(CHECKS_INPUT, types.join(', ') || name, `exactly one check type per check: ${CHECK_TYPES.join(', ')}`, types.length === 0 ? `check '${name}' has no type` : `check '${name}' has ${types.map((t) => `'${t}'`).join(', ')}`);
        }
        const provider = PROVIDERS[type];
        const field = new Fields(name, type, entry[type], provider.keys);
        const spec = {
            name,
            provider: provider.parse(field, defaults),
            limits: limitsOf(entry, name, defaults.limits),
            intervalMs: durationOf(entry.interval, `${name}.interval`, { min: 100 }) ?? defaults.intervalMs,
            initialDelayMs: durationOf(entry['initial-delay'], `${name}.initial-delay`) ?? defaults.initialDelayMs,
            errorRetryIntervalMs: durationOf(entry['error-retry-interval'], `${name}.error-retry-interval`, { min: 100 }) ??
                defaults.errorRetryIntervalMs ??
                DEFAULT_ERROR_RETRY_INTERVAL_MS,
            dryRun: booleanOf(entry, 'dry-run', name),
        };
        refuseLimits(name, entry, spec.limits);
        return spec;
    });
}
function limitsOf(entry, name, inherited) {
    const count = optionalInteger(entry, 'count', name, 0);
    // Argo's EffectiveCount: count 0, or count unset with an interval of its own, runs until the run ends.
    const ownInterval = entry.interval !== undefined && entry.interval !== null;
    return {
        count: count === undefined ? (ownInterval ? undefined : inherited.count) : count === 0 ? undefined : count,
        failureLimit: optionalInteger(entry, 'failure-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.failureLimit,
        inconclusiveLimit: optionalInteger(entry, 'inconclusive-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.inconclusiveLimit,
        consecutiveErrorLimit: optionalInteger(entry, 'consecutive-error-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.consecutiveErrorLimit,
        consecutiveSuccessLimit: optionalInteger(entry, 'consecutive-success-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.consecutiveSuccessLimit ?? 0,
    };
}
/**
 * Argo Rollouts' ValidateMetric (utils/analysis/factory.go) on the limits a check ends up
 * with, so a check that could never fail (or never succeed) is refused before it is watched.
 */
function limitProblem(limits) {
    const { count, failureLimit, inconclusiveLimit, consecutiveErrorLimit, consecutiveSuccessLimit } = { ...DEFAULT_LIMITS, ...limits };
    if (consecutiveSuccessLimit < 0)
        return { keys: ['consecutive-success-limit'], detail: 'consecutive-success-limit must be >= 0' };
    if (failureLimit < -1)
        return { keys: ['failure-limit'], detail: 'failure-limit must be >= 0, or -1 to be disabled' };
    if (consecutiveSuccessLimit === 0 && failureLimit === -1) {
        return {
            keys: ['failure-limit', 'consecutive-success-limit'],
            detail: 'failure-limit and consecutive-success-limit cannot both be disabled',
        };
    }
    if (inconclusiveLimit < 0)
        return { keys: ['inconclusive-limit'], detail: 'inconclusive-limit must be >= 0' };
    if (consecutiveErrorLimit < 0)
        return { keys: ['consecutive-error-limit'], detail: 'consecutive-error-limit must be >= 0' };
    if (count !== undefined && count > 0) {
        if (failureLimit >= 0 && count < failureLimit + consecutiveSuccessLimit) {
            return {
                keys: ['failure-limit', 'consecutive-success-limit', 'count'],
                detail: `count (${count}) must be >= failure-limit + consecutive-success-limit (${failureLimit} + ${consecutiveSuccessLimit}); with fewer the check could never fail`,
            };
        }
        if (failureLimit < 0 && count < consecutiveSuccessLimit) {
            return {
                keys: ['consecutive-success-limit', 'count'],
                detail: `count (${count}) must be >= consecutive-success-limit (${consecutiveSuccessLimit})`,
            };
        }
        if (count < inconclusiveLimit) {
            return { keys: ['inconclusive-limit', 'count'], detail: `count (${count}) must be >= inconclusive-limit (${inconclusiveLimit})` };
        }
    }
    return undefined;
}
/**
 * Refuses limits that break ValidateMetric, naming what the user wrote: the check when it
 * sets any of the settings involved itself, else the stage-wide input.
 */
function refuseLimits(check, entry, limits) {
    const problem = limitProblem(limits);
    if (!problem)
        return;
    const expected = 'limits a check can reach (Argo Rollouts ValidateMetric)';
    const own = problem.keys.some((key) => entry[key] !== undefined || (key === 'count' && entry.interval !== undefined));
    if (own)
        throw new errors/* InputError */.dz(CHECKS_INPUT, `check '${check}'`, expected, problem.detail);
    const input = problem.keys.find((key) => key !== 'count');
    const values = `count ${limits.count ?? 0}, failure-limit ${limits.failureLimit}, inconclusive-limit ${limits.inconclusiveLimit}, consecutive-success-limit ${limits.consecutiveSuccessLimit}`;
    throw new errors/* InputError */.dz(input, values, expected, problem.detail);
}
function booleanOf(entry, key, check) {
    const value = entry[key];
    if (value === undefined || value === null)
        return false;
    if (typeof value !== 'boolean')
        throw new errors/* InputError */.dz(CHECKS_INPUT, String(value), `true or false for ${check}.${key}`);
    return value;
}
function optionalInteger(entry, key, check, min) {
    const value = entry[key];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
        throw new errors/* InputError */.dz(CHECKS_INPUT, String(value), `an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''} for ${check}.${key}`);
    }
    return value;
}
/** How a check decides, in words: stated in the plan and the summary so nothing is left to chance. */
function describeConditions(check) {
    const text = providerOf(check.provider).describe(check.provider);
    return check.dryRun ? `${text} (dry-run: reported, never decides)` : text;
}
/** Every value of the checks that must never be written anywhere (all header values, tokens, passwords). */
function checkSecrets(checks) {
    return checks.flatMap((check) => providerOf(check.provider).secrets(check.provider)).filter((value) => value.length > 0);
}

// EXTERNAL MODULE: ./src/core/git/trailers.ts
var git_trailers = __webpack_require__(4082);
// EXTERNAL MODULE: ./src/core/gitops/commit-message.ts
var commit_message = __webpack_require__(349);
;// CONCATENATED MODULE: ./src/core/health/rollback.ts







/** A revert would overwrite later commits' edits: a person decides, nothing is forced. */
class RevertConflictError extends errors/* AegisError */.o4 {
    commit;
    branch;
    files;
    name = 'RevertConflictError';
    constructor(commit, branch, files) {
        super(`Reverting ${commit.slice(0, 12)} conflicts with later commits on '${branch}' (${files.join(', ') || 'unknown files'}). ` +
            'Nothing was pushed and nothing was forced: revert it by hand, or roll forward.');
        this.commit = commit;
        this.branch = branch;
        this.files = files;
    }
}
/**
 * The revert as a change for the race-safe transaction (commitAndPush): computed again on each
 * attempt from the tip. Idempotent: a commit already reverted (by a commit with
 * `Aegis-Reverts: <sha>`, or by content) is not reverted twice.
 */
function revertChange(request) {
    return ({ git }) => prepareRevert(git, request);
}
/** The transaction's result as a revert's. */
function revertResult(result) {
    const detail = result.change.detail;
    return {
        changed: result.changed,
        sha: result.sha,
        reverted: detail.reverted,
        alreadyRevertedBy: detail.alreadyRevertedBy,
        undoneReverts: detail.undoneReverts ?? [],
        files: detail.files,
        attempts: result.attempts,
        dryRun: result.dryRun,
        message: result.change.message,
    };
}
async function prepareRevert(git, options) {
    const reverted = await fetchHistoryTo(git, options.commit, options.branch);
    // Each commit undoing the previous one: our revert, a person's revert of our revert, ...
    // An odd chain means the change is reverted now; an even one (≥ 2) that it is live again.
    const chain = await revertChain(git, reverted);
    if (chain.length % 2 === 1) {
        const by = chain[chain.length - 1];
        options.log.info(`${reverted.slice(0, 12)} was already reverted by ${by.slice(0, 12)}; nothing to do.`);
        return { files: [], message: '', detail: { reverted, alreadyRevertedBy: by, files: [] } };
    }
    if (chain.length > 0) {
        options.log.warning(`${reverted.slice(0, 12)} was reverted by ${chain[0].slice(0, 12)}, but ${chain
            .slice(1)
            .map((sha) => sha.slice(0, 12))
            .join(' then ')} undid that: the change is live again on '${options.branch}'. Reverting it again.`);
    }
    const mainline = (await git.parentCount(reverted)) > 1 ? 1 : undefined;
    const attempt = await git.revert(reverted, { mainline, author: options.author });
    if (!attempt.ok) {
        const conflicted = await git.conflictedFiles();
        await git.abortRevert();
        await git.resetHard();
        if (conflicted.length > 0)
            throw new RevertConflictError(reverted, options.branch, conflicted);
        throw new errors/* AegisError */.o4(`git revert ${reverted.slice(0, 12)} failed: ${(0,remote_failure/* remoteFailureText */.Uv)(attempt.stderr)}`);
    }
    // The transaction writes and commits files itself: take the reverted contents, then leave the checkout clean.
    // --no-renames: a rename shows as a delete plus an add, so the delete guard below sees it.
    const status = await git.stagedNameStatus();
    const deleted = status.filter((line) => line.startsWith('D')).map((line) => line.slice(1).trim());
    if (deleted.length > 0) {
        await git.resetHard();
        throw new errors/* AegisError */.o4(`Reverting ${reverted.slice(0, 12)} would delete ${deleted.join(', ')}; health-gate reverts edits only. Revert it by hand.`);
    }
    const paths = status.map((line) => line.split('\t').pop());
    const files = [];
    for (const path of paths)
        files.push({ path, content: await git.showStaged(path) });
    await git.resetHard();
    if (files.length === 0)
        options.log.info(`The tip of '${options.branch}' already has the content from before ${reverted.slice(0, 12)}; nothing to revert.`);
    const original = await git.message(reverted);
    return { files, message: revertMessage(original, reverted, options), detail: { reverted, files: paths, undoneReverts: chain } };
}
/**
 * The commits that revert `commit`, then revert that revert, and so on: found by our
 * `Aegis-Reverts:` trailer or by git's own "This reverts commit <sha>." line.
 */
async function revertChain(git, commit) {
    const chain = [];
    let current = commit;
    for (let depth = 0; depth < 20; depth++) {
        // While the change is live (even chain), a new revert of the commit itself also ends it again.
        const targets = chain.length % 2 === 0 && current !== commit ? [current, commit] : [current];
        const patterns = targets.flatMap((target) => [`${commit_message/* TRAILER */.AH.reverts}: ${target}`, `This reverts commit ${target}`]);
        const later = (await git.log({ range: `${current}..HEAD` })).reverse();
        const next = later.find((entry) => patterns.some((pattern) => entry.message.includes(pattern)))?.sha;
        if (!next)
            break;
        chain.push(next);
        current = next;
    }
    return chain;
}
/**
 * Fetches history until `commit` and its parent are in the shallow clone and `commit` is
 * known to be on `branch`; returns its full SHA.
 */
async function fetchHistoryTo(git, commit, branch) {
    const present = async () => {
        if ((await git.resolveCommit(`${commit}^1`)) === undefined)
            return false;
        const full = await git.resolveCommit(commit);
        return full !== undefined && (await git.isAncestor(full, 'HEAD'));
    };
    for (const depth of [20, 200, 2000]) {
        if (await present())
            break;
        await git.fetch('origin', [branch], { deepen: depth });
    }
    if (!(await present())) {
        await git.fetch('origin', [branch], { unshallow: true });
    }
    const full = await git.resolveCommit(commit);
    if (full === undefined)
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) is not in the history of '${branch}'.`);
    if (!(await git.isAncestor(full, 'HEAD'))) {
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) is not on branch '${branch}'.`);
    }
    if ((await git.resolveCommit(`${full}^1`)) === undefined) {
        throw new errors/* AegisError */.o4(`Commit ${commit} (rollback-commit) has no parent: the first commit of a repository cannot be reverted.`);
    }
    return full;
}
/**
 * `Revert "<subject>"`, the reason, and trailers read back from the reverted commit with
 * image and value pairs swapped: what it set becomes the previous value, what it replaced
 * is what runs again.
 */
function revertMessage(original, reverted, options) {
    const subject = original.split('\n')[0]?.trim() || reverted.slice(0, 12);
    const swapped = [];
    const kept = [];
    for (const trailer of (0,git_trailers/* parseTrailers */.a)(original)) {
        if (trailer.key === commit_message/* TRAILER */.AH.previousImage)
            swapped.push({ key: commit_message/* TRAILER */.AH.image, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.image)
            swapped.push({ key: commit_message/* TRAILER */.AH.previousImage, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.previousValue)
            swapped.push({ key: commit_message/* TRAILER */.AH.value, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.value)
            swapped.push({ key: commit_message/* TRAILER */.AH.previousValue, value: trailer.value });
        else if (trailer.key === commit_message/* TRAILER */.AH.environment)
            kept.push(trailer);
    }
    const trailers = [{ key: commit_message/* TRAILER */.AH.reverts, value: reverted }, ...swapped, ...kept];
    if (options.sourceRun)
        trailers.push({ key: commit_message/* TRAILER */.AH.sourceRun, value: options.sourceRun });
    trailers.push({ key: commit_message/* TRAILER */.AH.stage, value: 'health-gate' });
    return (0,commit_message/* buildCommitMessage */.vL)(`Revert "${subject}"`, `This reverts commit ${reverted}.\n\n${options.reason}`, trailers);
}
/**
 * Argo CD's history rollback (POST /api/v1/applications/{name}/rollback) to the deployment
 * before `spec.revision`. Argo CD refuses it while automated sync is on — and with auto-sync
 * the next sync would bring the bad commit back from Git anyway — so that is warned about;
 * git-revert is the rollback that keeps Git and the cluster in step.
 */
async function argoRollback(spec, options) {
    const app = await (0,argocd/* fetchArgoApplication */.Ss)(spec, { fetch: options.fetch });
    const autoSync = Boolean(app.spec?.syncPolicy?.automated);
    if (autoSync) {
        options.log.warning(`Argo CD application '${spec.application}' has automated sync: Argo CD refuses a history rollback while it is on, and a later sync would re-apply the bad commit from Git. Prefer rollback: git-revert.`);
    }
    const entry = pickHistoryEntry(app, spec.revision, options.historyId);
    const revision = entry.revision ?? entry.revisions?.[0];
    options.log.info(`Argo CD rollback of '${spec.application}' to history id ${entry.id}${revision ? ` (${revision.slice(0, 12)})` : ''}.`);
    if (!options.dryRun)
        await (0,argocd/* postArgoRollback */.Cf)(spec, entry.id, { fetch: options.fetch });
    return { application: spec.application, historyId: entry.id, revision, autoSync, dryRun: options.dryRun };
}
/** The history entry to go back to: the one given, else the last deployment before `revision`. */
function pickHistoryEntry(app, revision, historyId) {
    const history = [...(app.status?.history ?? [])]
        .filter((entry) => typeof entry.id === 'number')
        .sort((a, b) => a.id - b.id);
    if (historyId !== undefined) {
        const entry = history.find((candidate) => candidate.id === historyId);
        if (!entry)
            throw new errors/* AegisError */.o4(`Argo CD history of '${app.metadata?.name ?? 'the application'}' has no id ${historyId}.`);
        return entry;
    }
    const revisionOf = (entry) => entry.revision ?? entry.revisions?.[0];
    const bad = history.findLastIndex((entry) => (0,argocd/* sameRevision */.Y6)(revisionOf(entry), revision));
    const before = (bad === -1 ? history : history.slice(0, bad)).filter((entry) => !(0,argocd/* sameRevision */.Y6)(revisionOf(entry), revision));
    const entry = before[before.length - 1];
    if (!entry)
        throw new errors/* AegisError */.o4(`Argo CD history has no deployment before ${revision.slice(0, 12)} to roll back to.`);
    return entry;
}
/** `kubectl rollout undo deployment/<name>` with the check's namespace, context and kubeconfig. */
function kubectlUndoArgs(spec) {
    return ['rollout', 'undo', `deployment/${spec.deployment}`, ...kubectlTarget(spec)];
}
async function kubectlUndo(spec, options) {
    const args = kubectlUndoArgs(spec);
    options.log.info(`kubectl ${args.join(' ')}${options.dryRun ? ' (dry run: not run)' : ''}`);
    if (options.dryRun)
        return '';
    const result = await (0,process/* run */.eF)('kubectl', args, { allowFailure: true });
    if (result.exitCode !== 0)
        throw new errors/* AegisError */.o4(`kubectl ${args.slice(0, 3).join(' ')} failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
    return result.stdout.trim();
}

;// CONCATENATED MODULE: ./src/core/health/decision.ts


/** A rollback of several targets where some failed: what was done still counts. */
class PartialRollbackError extends errors/* AegisError */.o4 {
    done;
    constructor(message, done) {
        super(message);
        this.done = done;
    }
}
/** The rollback as the plan states it: "git-revert of <commit> on <branch>", "argocd", "none". */
function describeRollback(options) {
    return options.method === 'git-revert' ? `git-revert of ${options.commit?.slice(0, 12)} on ${options.branch}` : options.method;
}
/** Why the gate rolls back: the verdict and each check that decided it, with its last measurement. */
function verdictReason(result) {
    const decisive = result.checks.filter((check) => check.phase === result.verdict && !check.dryRun);
    const lines = decisive.map((check) => {
        const last = [...result.measurements].reverse().find((m) => m.check === check.name && m.phase !== 'Running');
        return `- ${check.name}: ${check.phase} (${check.reason})${last ? `; last measurement: ${last.message}` : ''}`;
    });
    return `health-gate verdict: ${result.verdict}\n${lines.join('\n')}`;
}
/**
 * Decides on the verdict and, when it is in rollback-on, rolls back. Never throws for a failed
 * rollback: the error comes back with a decision that says what was done and what failed.
 */
async function decideRollback(options, result, actions) {
    const wanted = options.on.includes(result.verdict);
    const decision = {
        method: options.method,
        wanted,
        rolledBack: false,
        dryRun: options.dryRun,
        text: `Verdict ${result.verdict}: no rollback needed.`,
    };
    if (!wanted)
        return { decision };
    try {
        const done = await options.log.group(`Rollback (${options.method})`, () => rollBack(options, result, actions));
        return { decision: { ...decision, ...done } };
    }
    catch (error) {
        const done = error instanceof PartialRollbackError ? error.done : { rolledBack: false, text: '' };
        return {
            decision: {
                ...decision,
                rolledBack: done.rolledBack,
                text: `${done.text} Rollback (${options.method}) FAILED: ${error.message}`.trim(),
            },
            error,
        };
    }
}
async function rollBack(options, result, actions) {
    const { log, dryRun } = options;
    const dry = dryRun ? 'Dry run: would ' : '';
    switch (options.method) {
        case 'none':
            return { rolledBack: false, text: `Verdict ${result.verdict}; rollback is 'none', nothing was rolled back.` };
        case 'git-revert':
            return revertText(await actions.revert(verdictReason(result)), options.branch, dryRun);
        case 'argocd': {
            const rollbackApp = actions.argocd ?? argoRollback;
            return rollBackEach(options.argocd, dryRun, async (spec) => {
                const done = await rollbackApp(spec, { historyId: options.argocdHistoryId, dryRun, log });
                return `${dry}roll back Argo CD application ${done.application} to history ${done.historyId}${done.autoSync ? ' (auto-sync is on: it may re-sync the bad commit)' : ''}.`;
            });
        }
        case 'kubectl': {
            const undo = actions.kubectl ?? kubectlUndo;
            return rollBackEach(options.kubernetes, dryRun, async (spec) => {
                await undo(spec, { dryRun, log });
                return `${dry}undo the rollout of deployment/${spec.deployment} in ${spec.namespace} (kubectl rollout undo; Git still holds the bad commit).`;
            });
        }
    }
}
function revertText(revert, branch, dryRun) {
    if (dryRun) {
        return { rolledBack: false, text: `Dry run: would revert ${revert.reverted.slice(0, 12)} on ${branch} (${revert.files.join(', ')}).` };
    }
    if (revert.alreadyRevertedBy) {
        return {
            rolledBack: false,
            text: `${revert.reverted.slice(0, 12)} was already reverted by ${revert.alreadyRevertedBy.slice(0, 12)}.`,
        };
    }
    if (!revert.changed)
        return { rolledBack: false, text: `${branch} already has the content from before ${revert.reverted.slice(0, 12)}.` };
    const again = revert.undoneReverts.length > 0
        ? ` again: its earlier revert ${revert.undoneReverts[0]?.slice(0, 12)} had been undone, so the change was live again`
        : '';
    return {
        rolledBack: true,
        revertSha: revert.sha,
        text: `Reverted ${revert.reverted.slice(0, 12)}${again} with ${revert.sha.slice(0, 12)} pushed to ${branch}${revert.attempts > 1 ? ` (attempt ${revert.attempts})` : ''}.`,
    };
}
/** Rolls back every target even when one fails, so the outputs say exactly what happened. */
async function rollBackEach(targets, dryRun, rollBack) {
    const texts = [];
    const failures = [];
    for (const target of targets) {
        try {
            texts.push(await rollBack(target));
        }
        catch (error) {
            failures.push(error.message);
        }
    }
    const done = { rolledBack: !dryRun && texts.length > 0, text: texts.join(' ') };
    if (failures.length > 0) {
        throw new PartialRollbackError(`${failures.length} of ${targets.length} rollbacks failed: ${failures.join('; ')}`, done);
    }
    return done;
}

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
;// CONCATENATED MODULE: ./src/core/health/report.ts



/** Score charted for checks whose measurements carry no number. */
const PHASE_SCORE = { Successful: 1, Inconclusive: 0.5, Error: Number.NaN, Failed: 0 };
const ICON = {
    Successful: '✅',
    Failed: '❌',
    Inconclusive: '❔',
    Error: '⚠️',
    Running: '⏳',
};
const MAX_POINTS = 60;
/**
 * A mermaid xychart of one check's measurements over time: its value (query result,
 * latency, available replicas) when it has one, else a phase score. An Error measurement has
 * no value: it is left out of the line (a gap, never a 0 that would read as "0 % errors")
 * and listed under the chart. GitHub and GitLab both render mermaid in markdown.
 */
function measurementChart(check, measurements) {
    const completed = measurements.filter((m) => m.check === check && m.phase !== 'Running').slice(-MAX_POINTS);
    const errors = completed.filter((m) => m.phase === 'Error');
    const drawn = completed.filter((m) => m.phase !== 'Error');
    const numeric = drawn.length > 0 && drawn.every((m) => m.value !== undefined);
    const plotted = drawn;
    const lines = [];
    if (plotted.length > 0) {
        const points = plotted.map((m) => (numeric ? m.value : PHASE_SCORE[m.phase]));
        const seconds = plotted.map((m) => `"${(m.elapsedMs / 1000).toFixed(1)}s"`);
        const round = (n) => Number(n.toPrecision(6));
        lines.push('```mermaid', 'xychart-beta', `  title "${(0,markdown/* mermaidText */.Hg)(check)}${numeric ? '' : ' (1 Successful, 0.5 Inconclusive, 0 Failed)'}"`, `  x-axis [${seconds.join(', ')}]`, `  y-axis "${numeric ? 'value' : 'phase'}"`, `  line [${points.map(round).join(', ')}]`, '```');
    }
    if (errors.length > 0) {
        lines.push(`${plotted.length > 0 ? '\n' : ''}⚠️ ${errors.length} Error measurement(s) have no value and are not drawn (gaps): ${errors.map((m) => `${(m.elapsedMs / 1000).toFixed(1)}s`).join(', ')}`);
    }
    return lines.length > 0 ? lines.join('\n') : undefined;
}
/** A small flowchart: each check's phase into the verdict, the verdict into the decision. */
function decisionDiagram(result, decision) {
    const lines = ['```mermaid', 'flowchart LR'];
    for (const [index, check] of result.checks.entries()) {
        lines.push(`  c${index}[${(0,markdown/* mermaidLabel */._b)(`${check.name}: ${check.phase}`)}] --> v{"verdict ${result.verdict}"}`);
    }
    lines.push(`  v --> d[${(0,markdown/* mermaidLabel */._b)(decision.text)}]`);
    lines.push('```');
    return lines.join('\n');
}
function renderSummary(result, specs, decision) {
    const out = [`### aegis health-gate: ${ICON[result.verdict]} ${result.verdict}`, ''];
    out.push(`Watched for ${(0,duration/* formatSeconds */.Xo)(result.durationMs)}, ended: ${result.endedBy}. **Decision:** ${decision.text}`, '');
    out.push(decisionDiagram(result, decision), '');
    const checkRows = result.checks.map((check) => {
        const spec = specs.find((candidate) => candidate.name === check.name);
        const t = check.tally;
        return [
            `${check.name}${check.dryRun ? ' (dry-run)' : ''}`,
            spec.provider.type,
            `${ICON[check.phase]} ${check.phase}`,
            check.reason,
            `${t.successful}/${t.failed}/${t.inconclusive}/${t.error}`,
            describeConditions(spec),
        ];
    });
    out.push((0,markdown/* markdownTable */.Qj)(['check', 'type', 'phase', 'why', 'measurements (✅/❌/❔/⚠️)', 'decides by'], checkRows));
    out.push('');
    for (const check of result.checks) {
        const chart = measurementChart(check.name, result.measurements);
        const rows = result.measurements.filter((m) => m.check === check.name);
        out.push(`<details><summary>${(0,markdown/* inlineText */.ln)(check.name)}: ${rows.length} measurement(s)</summary>`, '');
        if (chart)
            out.push(chart, '');
        out.push((0,markdown/* markdownTable */.Qj)(['#', 'at', 'phase', 'value', 'message'], rows
            .slice(-100)
            .map((m) => [
            String(m.index),
            `${(m.elapsedMs / 1000).toFixed(1)}s`,
            `${ICON[m.phase]} ${m.phase}`,
            String(m.value ?? ''),
            m.message,
        ])));
        out.push('', '</details>', '');
    }
    out.push('<sub>Decisions follow Argo Rollouts analysis: limits count tolerated measurements (failure-limit 0: the first Failed measurement fails the check); errors are retried after error-retry-interval up to consecutive-error-limit; the verdict is the worst check that is not dry-run.</sub>');
    return `${out.join('\n')}\n`;
}
/** The `measurements` output file: everything needed to audit the decision later. */
function measurementsDocument(result, specs, decision) {
    return {
        verdict: result.verdict,
        endedBy: result.endedBy,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        decision,
        checks: result.checks.map((check) => {
            const spec = specs.find((candidate) => candidate.name === check.name);
            const { phase: _phase, reason: _reason, ...counts } = check.tally;
            return {
                name: check.name,
                type: spec.provider.type,
                phase: check.phase,
                dryRun: check.dryRun,
                reason: check.reason,
                conditions: describeConditions(spec),
                limits: spec.limits,
                intervalMs: spec.intervalMs,
                errorRetryIntervalMs: spec.errorRetryIntervalMs,
                counts,
            };
        }),
        measurements: result.measurements,
    };
}

;// CONCATENATED MODULE: ./src/core/health/watch.ts

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms, signal) {
    if (ms <= 0 || signal.aborted)
        return Promise.resolve();
    return new Promise((resolve) => {
        const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        };
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done);
    });
}
/**
 * Runs every check concurrently on its own interval and feeds each completed measurement to
 * the evaluator (evaluator.ts). The first check to complete Failed, Error or Inconclusive
 * terminates the run: sleeping checks wake, in-flight requests are abandoned. The overall
 * timeout ends the run the same way, with the timeout rules of the evaluator.
 */
async function watch(checks, options) {
    const { log } = options;
    const start = Date.now();
    const stop = new AbortController();
    const ended = { by: 'completed' };
    const timer = setTimeout(() => {
        ended.by = 'timeout';
        stop.abort();
    }, options.timeoutMs);
    const tallies = new Map(checks.map((check) => [check.spec.name, initialTally()]));
    const waiting = new Map();
    const measurements = [];
    const land = (check, index, observation, checkPhase) => {
        const entry = {
            check: check.spec.name,
            index,
            time: new Date().toISOString(),
            elapsedMs: Date.now() - start,
            phase: observation.phase,
            ...(observation.value !== undefined ? { value: observation.value } : {}),
            message: observation.message,
            checkPhase,
        };
        measurements.push(entry);
        const seconds = (entry.elapsedMs / 1000).toFixed(1).padStart(6);
        const tally = tallies.get(check.spec.name);
        const status = isCompleted(checkPhase) ? ` → check ${checkPhase} (${tally.reason})` : '';
        log.info(`${seconds}s  [${check.spec.name}] #${index} ${observation.phase}: ${observation.message}${status}`);
        options.onMeasurement?.(entry);
    };
    const complete = (check, index, observation) => {
        const tally = record(tallies.get(check.spec.name), check.spec.limits, observation.phase);
        tallies.set(check.spec.name, tally);
        land(check, index, observation, tally.phase);
        return tally;
    };
    const waitInitialDelay = async (spec) => {
        const until = start + spec.initialDelayMs;
        const every = options.delayProgressMs ?? 10_000;
        if (spec.initialDelayMs > 0)
            log.info(`[${spec.name}] initial-delay: first measurement in ${(spec.initialDelayMs / 1000).toFixed(1)}s`);
        while (!stop.signal.aborted && Date.now() < until) {
            await pause(Math.min(every, until - Date.now()), stop.signal);
            const left = until - Date.now();
            if (left > 0 && !stop.signal.aborted)
                log.info(`[${spec.name}] initial-delay: first measurement in ${(left / 1000).toFixed(1)}s`);
        }
    };
    const runCheck = async (check) => {
        const { spec } = check;
        await waitInitialDelay(spec);
        let index = 1;
        while (!stop.signal.aborted) {
            const started = Date.now();
            let observation;
            try {
                observation = await check.measure(stop.signal);
            }
            catch (error) {
                if (stop.signal.aborted)
                    break;
                observation = { phase: 'Error', message: error.message };
            }
            // A measurement still in flight when the run ends is abandoned, as Argo terminates it.
            if (stop.signal.aborted)
                break;
            if (observation.phase === 'Running') {
                const wait = waiting.get(spec.name) ?? { since: started, observation, index };
                wait.observation = observation;
                waiting.set(spec.name, wait);
                const limit = check.waitTimeoutMs ?? Number.POSITIVE_INFINITY;
                if (Date.now() - wait.since < limit) {
                    land(check, index, observation, tallies.get(spec.name)?.phase ?? 'Pending');
                    await pause(spec.intervalMs, stop.signal);
                    continue;
                }
                observation = {
                    ...observation,
                    phase: 'Failed',
                    message: `${observation.message} — not done after ${limit / 1000}s (wait-timeout)`,
                };
            }
            waiting.delete(spec.name);
            const tally = complete(check, index++, observation);
            if (isCompleted(tally.phase)) {
                if (isTerminating([{ phase: tally.phase, dryRun: spec.dryRun }]) && !stop.signal.aborted) {
                    ended.by = 'terminated';
                    stop.abort();
                }
                // The run is complete once every check is (Argo's assessRunStatus); nothing else to wait for.
                return;
            }
            // Argo retries an Error after DefaultErrorRetryInterval, not the check's interval.
            await pause(observation.phase === 'Error' ? spec.errorRetryIntervalMs : spec.intervalMs, stop.signal);
        }
    };
    try {
        await Promise.all(checks.map(runCheck));
    }
    finally {
        clearTimeout(timer);
    }
    const endedBy = ended.by;
    const ending = endedBy === 'timeout' ? 'timeout' : 'terminated';
    for (const check of checks) {
        const name = check.spec.name;
        let tally = tallies.get(name);
        const wait = waiting.get(name);
        // At the timeout, a measurement still waiting (Argo CD never reached the commit) has failed to arrive.
        if (wait && endedBy === 'timeout' && !isCompleted(tally.phase)) {
            tally = complete(check, wait.index, {
                ...wait.observation,
                phase: 'Failed',
                message: `${wait.observation.message} — not done when the gate timed out`,
            });
        }
        if (!isCompleted(tally.phase)) {
            tally = assess(tally, check.spec.limits, ending);
            tallies.set(name, tally);
            log.info(`[${name}] → check ${tally.phase} (${tally.reason})`);
        }
    }
    const outcomes = checks.map((check) => {
        const tally = tallies.get(check.spec.name);
        return { name: check.spec.name, phase: tally.phase, dryRun: check.spec.dryRun, reason: tally.reason, tally };
    });
    return {
        verdict: runPhase(outcomes),
        endedBy,
        checks: outcomes,
        measurements,
        startedAt: new Date(start).toISOString(),
        durationMs: Date.now() - start,
    };
}

// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/platform/redact.ts
var redact = __webpack_require__(1598);
// EXTERNAL MODULE: ./src/stages/gitops-push.ts
var gitops_push = __webpack_require__(5936);
// EXTERNAL MODULE: ./src/stages/gitops-repository.ts + 1 modules
var gitops_repository = __webpack_require__(7106);
;// CONCATENATED MODULE: ./src/stages/health-gate.ts

















const METHODS = ['git-revert', 'argocd', 'kubectl', 'none'];
/** Applies `redact` to every string in a JSON-like value. */
function redactDeep(value, redact) {
    if (typeof value === 'string')
        return redact(value);
    if (Array.isArray(value))
        return value.map((item) => redactDeep(item, redact));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]));
    }
    return value;
}
const definition = {
    name: 'health-gate',
    title: 'Health gate',
    description: 'Watch a deployment with HTTP, Prometheus, Argo CD and Kubernetes checks under Argo Rollouts analysis rules, and roll back a failed one by reverting the exact GitOps commit.',
    inputs: {
        checks: {
            description: `YAML list of checks, each a \`name\` and one of: ${CHECK_TYPES.map((type) => `${type} {${PROVIDERS[type].keys.join(', ')}}`).join('; ')}. A check may override interval, count, initial-delay, failure-limit, inconclusive-limit, consecutive-error-limit, consecutive-success-limit, error-retry-interval and set dry-run. Every header value is treated as a secret. The condition language, the defaults and the differences from Argo Rollouts: README, health-gate: how it decides.`,
            required: true,
        },
        interval: { description: 'Time between measurements of a check (500ms, 10s, 1m).', default: '10s' },
        count: {
            description: "Measurements (errors excluded) after which a check is done; '0' watches until the run ends. A check that sets its own interval and no count runs until the run ends (Argo Rollouts).",
            default: '5',
        },
        'initial-delay': { description: 'Wait before the first measurement.', default: '0s' },
        'failure-limit': {
            description: "Failed measurements tolerated per check; one more fails it. '-1' disables it (then consecutive-success-limit decides).",
            default: '0',
        },
        'inconclusive-limit': { description: 'Inconclusive measurements tolerated per check; one more makes it Inconclusive.', default: '0' },
        'consecutive-error-limit': {
            description: 'Consecutive Error measurements tolerated per check; one more makes it Error.',
            default: '4',
        },
        'consecutive-success-limit': {
            description: "Consecutive Successful measurements that make a check Successful; '0' disables it.",
            default: '0',
        },
        'error-retry-interval': { description: 'Wait after an Error measurement before retrying (Argo Rollouts: 10s).', default: '10s' },
        timeout: {
            description: 'Overall limit on watching; checks still running then end (README: "When the timeout ends a run").',
            default: '10m',
        },
        rollback: {
            description: "What to do when the verdict is in 'rollback-on': git-revert, argocd, kubectl or none.",
            default: 'git-revert',
        },
        'rollback-on': { description: 'Verdicts that trigger the rollback (comma-separated).', default: 'Failed, Error' },
        'rollback-commit': {
            description: 'The GitOps commit to revert (commit-sha of gitops-bump or promote); also the revision argocd checks expect by default.',
        },
        'expected-revision': { description: 'Revision argocd checks expect when it differs from rollback-commit.' },
        ...(0,gitops_repository/* gitopsRepositoryInputs */.c5)({
            required: false,
            use: 'for git-revert; with argocd checks it also lets a later commit that contains rollback-commit count as deployed',
            branch: 'Branch of the GitOps repository holding rollback-commit.',
            author: 'Author of the revert commit, "Name <email>".',
        }),
        'argocd-token': { description: 'Argo CD API token for argocd checks (and the argocd rollback) that set none.', secret: true },
        'argocd-history-id': { description: "History id for 'rollback: argocd'; by default the deployment before the expected revision." },
        'notify-webhook': {
            description: "Deprecated: use 'notify' (common to every stage). Still taken as one more notify webhook.",
            secret: true,
        },
        environment: {
            description: "Environment name for messages (dev, staging, prod); with repository and rollback-commit it is recorded with the verdict in refs/notes/aegis, where promote's verified reads it.",
        },
        'fail-on': { description: 'Verdicts that fail the job (comma-separated).', default: 'Failed, Error, Inconclusive' },
        'measurements-file': {
            description: "Where to write every measurement as JSON: a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
        },
        'dry-run': { description: 'Watch and decide, but only print the rollback instead of doing it.', default: 'false' },
        'source-run': { description: 'Run URL recorded in the revert commit (Aegis-Source-Run); defaults to the current run.' },
    },
    outputs: {
        verdict: { kind: 'text', description: 'Successful, Failed, Inconclusive or Error: the worst phase across checks.' },
        'rolled-back': { kind: 'boolean', description: "'true' when a rollback was made." },
        'revert-sha': { kind: 'text', description: 'The revert commit pushed by git-revert (empty otherwise).' },
        measurements: {
            kind: 'path',
            description: 'Path of the JSON file with every measurement and the decision (relative to the workspace when inside it).',
        },
    },
};
function errorRetryInterval(reader) {
    const ms = reader.duration('error-retry-interval');
    if (ms < 100)
        throw new errors/* InputError */.dz('error-retry-interval', reader.string('error-retry-interval'), 'a duration of at least 100ms');
    return ms;
}
function phaseList(reader, name) {
    return reader.list(name).map((value) => {
        const phase = (0,verdict/* measurementPhaseOf */.X)(value);
        if (!phase)
            throw new errors/* InputError */.dz(name, value, `verdicts among ${verdict/* MEASUREMENT_PHASES */.G.join(', ')}`);
        return phase;
    });
}
/** Reads and validates every input before anything is watched, written or pushed. */
function health_gate_parse(reader, platform) {
    const rollbackCommit = reader.optional('rollback-commit');
    if (rollbackCommit !== undefined && !/^[0-9a-f]{7,64}$/i.test(rollbackCommit)) {
        throw new errors/* InputError */.dz('rollback-commit', rollbackCommit, 'a commit SHA (7 to 64 hexadecimal characters)');
    }
    const expectedRevision = reader.optional('expected-revision') ?? rollbackCommit;
    const count = reader.integer('count', { min: 0, max: 100_000 });
    const intervalMs = reader.duration('interval');
    if (intervalMs < 100)
        throw new errors/* InputError */.dz('interval', reader.string('interval'), 'a duration of at least 100ms');
    const timeoutMs = reader.duration('timeout');
    const argocdToken = reader.optional('argocd-token');
    const limits = {
        ...DEFAULT_LIMITS,
        count: count === 0 ? undefined : count,
        failureLimit: reader.integer('failure-limit', { min: -1 }),
        inconclusiveLimit: reader.integer('inconclusive-limit', { min: 0 }),
        consecutiveErrorLimit: reader.integer('consecutive-error-limit', { min: 0 }),
        consecutiveSuccessLimit: reader.integer('consecutive-success-limit', { min: 0 }),
    };
    const checks = parseChecks(reader.required('checks'), {
        intervalMs,
        initialDelayMs: reader.duration('initial-delay'),
        limits,
        errorRetryIntervalMs: errorRetryInterval(reader),
        expectedRevision,
        argocdToken,
    });
    for (const check of checks) {
        if (check.initialDelayMs >= timeoutMs) {
            throw new errors/* InputError */.dz('timeout', reader.string('timeout'), `a timeout longer than the initial-delay of check '${check.name}' (${check.initialDelayMs / 1000}s)`, 'it would time out before measuring');
        }
    }
    const rollback = reader.choice('rollback', METHODS);
    const repository = (0,gitops_repository/* parseGitopsRepository */.yw)(reader, platform.name, 'optional');
    if (rollback === 'git-revert') {
        if (!rollbackCommit) {
            throw new errors/* InputError */.dz('rollback-commit', '', 'the GitOps commit to revert', "rollback is 'git-revert' (set rollback: none to only watch)");
        }
        if (!repository)
            throw new errors/* InputError */.dz('repository', '', 'the GitOps repository holding rollback-commit', "rollback is 'git-revert'");
    }
    if (rollback === 'argocd' && !checks.some((check) => check.provider.type === 'argocd')) {
        throw new errors/* InputError */.dz('rollback', rollback, 'an argocd check naming the application to roll back, or another rollback', "rollback is 'argocd'");
    }
    if (rollback === 'kubectl' && !checks.some((check) => check.provider.type === 'kubernetes')) {
        throw new errors/* InputError */.dz('rollback', rollback, 'a kubernetes check naming the deployment to undo, or another rollback', "rollback is 'kubectl'");
    }
    const historyId = reader.optional('argocd-history-id');
    if (historyId !== undefined && !/^\d+$/.test(historyId))
        throw new errors/* InputError */.dz('argocd-history-id', historyId, 'a non-negative integer');
    const redactor = new redact/* Redactor */.p();
    for (const secret of checkSecrets(checks))
        redactor.add(secret);
    for (const name of ['token', 'argocd-token', 'notify-webhook']) {
        const value = name in definition.inputs ? reader.optional(name) : undefined;
        if (value)
            redactor.add(value);
    }
    return {
        checks,
        timeoutMs,
        redact: (text) => redactor.redact(text),
        rollback,
        rollbackOn: phaseList(reader, 'rollback-on'),
        failOn: phaseList(reader, 'fail-on'),
        rollbackCommit,
        repository,
        argocdHistoryId: historyId === undefined ? undefined : Number(historyId),
        environment: reader.optional('environment'),
        measurementsFile: reader.outputPath('measurements-file', 'measurements.json'),
        dryRun: reader.boolean('dry-run'),
        sourceRun: reader.optional('source-run') ?? platform.event().runUrl,
    };
}
function planText(options) {
    const rows = options.checks.map((check) => [
        check.name,
        check.provider.type,
        `${check.intervalMs / 1000}s × ${check.limits.count ?? 'until the run ends'}${check.initialDelayMs ? ` after ${check.initialDelayMs / 1000}s` : ''}`,
        `${check.limits.failureLimit}/${check.limits.inconclusiveLimit}/${check.limits.consecutiveErrorLimit}${check.limits.consecutiveSuccessLimit ? `; ${check.limits.consecutiveSuccessLimit} consecutive successes` : ''}`,
        describeConditions(check),
    ]);
    const rollback = describeRollback({ method: options.rollback, commit: options.rollbackCommit, branch: options.repository?.branch });
    return `${(0,markdown/* markdownTable */.Qj)(['check', 'type', 'interval × count', 'limits failed/inconclusive/consecutive errors', 'decides by'], rows)}\n\nTimeout ${options.timeoutMs / 1000}s. On ${options.rollbackOn.join(' or ') || 'no verdict'}: rollback ${rollback}${options.dryRun ? ' (dry run: printed, not done)' : ''}.`;
}
function targets(options, type) {
    return options.checks.map((check) => check.provider).filter((provider) => provider.type === type);
}
/** The checks and the rollback, as text; every secret of the checks registered before anything is logged. */
async function plan(options, platform) {
    // Every header value, token and password in the checks is a secret, whatever the header is called.
    for (const secret of checkSecrets(options.checks))
        platform.secret(secret);
    const warnings = [];
    for (const check of options.checks) {
        const warning = await providerOf(check.provider).preflight?.(check.name, check.provider);
        if (warning)
            warnings.push(warning);
        // A query without conditions passes whatever it returns (Argo's rule): worth a word.
        if (check.provider.type === 'prometheus' && !check.provider.success && !check.provider.failure) {
            warnings.push(`Check '${check.name}' has no success-condition or failure-condition: ${describeConditions(check)}.`);
        }
    }
    const rollback = {
        method: options.rollback,
        on: options.rollbackOn,
        dryRun: options.dryRun,
        commit: options.rollbackCommit,
        branch: options.repository?.branch,
        argocd: targets(options, 'argocd'),
        kubernetes: targets(options, 'kubernetes'),
        argocdHistoryId: options.argocdHistoryId,
        log: platform.log,
    };
    return { options, text: planText(options), warnings, rollback };
}
/** Watches, records the verdict on the rolled-out commit, and rolls back when the verdict calls for it. */
async function execute(plan, platform) {
    const { options } = plan;
    const { log } = platform;
    log.info(`Plan:\n${plan.text}`);
    for (const warning of plan.warnings)
        log.warning(warning);
    const result = await watchChecks(options, platform);
    const { repository } = options;
    if (repository && options.rollbackCommit && !options.dryRun) {
        const verdict = { verdict: result.verdict, environment: options.environment, checkedAt: new Date(), sourceRun: options.sourceRun };
        const record = (remote) => (0,verdicts/* recordVerdict */.p0)({ ...repository, remote, commit: options.rollbackCommit, verdict, log });
        await (0,gitops_repository/* withGitopsRemote */.vO)(platform, repository, record).catch((error) => log.warning(`Verdict not recorded: ${error.message}`));
    }
    const { decision, error } = await decideRollback(plan.rollback, result, {
        revert: async (reason) => {
            const gitops = repository;
            const push = await (0,gitops_push/* pushToGitops */._c)(platform, {
                repository: gitops,
                change: revertChange({
                    branch: gitops.branch,
                    commit: options.rollbackCommit,
                    author: gitops.author,
                    log,
                    reason: options.redact(reason),
                    sourceRun: options.sourceRun,
                }),
                dryRun: options.dryRun,
            });
            return revertResult(push.transaction);
        },
    });
    log.info(decision.text);
    return { plan, watch: result, decision, rollbackError: error };
}
function watchChecks(options, platform) {
    const { log } = platform;
    const watchWith = (includesCommit) => log.group('Watching', () => watch(options.checks.map((spec) => ({
        spec,
        measure: (signal) => providers_measure(spec.provider, { signal, includesCommit }),
        waitTimeoutMs: providerOf(spec.provider).waitTimeoutMs?.(spec.provider),
    })), { timeoutMs: options.timeoutMs, log }));
    // With the GitOps repository known, Argo CD synced at a later commit that contains ours (other
    // jobs pushed on top) counts as ours deployed; without it only the exact commit does.
    const repository = options.repository;
    const argocd = options.checks.some((check) => check.provider.type === 'argocd');
    if (!repository || !argocd)
        return watchWith();
    return (0,gitops_repository/* withGitopsRemote */.vO)(platform, repository, async (remote) => {
        const history = new CommitHistory(remote, repository.branch);
        try {
            return await watchWith((revision, commit) => history.includes(revision, commit));
        }
        finally {
            history.close();
        }
    });
}
/** The measurements file, the outputs and the summary; then the rollback's failure, then the fail-on verdict. */
async function report(result, platform) {
    const { options } = result.plan;
    const { watch: watched, decision } = result;
    // Services echo what they are sent: everything written is redacted, not only the logs.
    const document = redactDeep(measurementsDocument(watched, options.checks, decision), options.redact);
    (0,safe_write/* writeFileSafely */.kv)(options.measurementsFile, `${JSON.stringify(document, null, 2)}\n`);
    platform.setOutput('verdict', watched.verdict);
    platform.setOutput('rolled-back', String(decision.rolledBack));
    platform.setOutput('revert-sha', decision.revertSha ?? '');
    platform.setOutput('measurements', (0,paths/* displayPath */.Gt)(platform.workspace, options.measurementsFile));
    await platform.summary(options.redact(renderSummary(watched, options.checks, decision)));
    if (result.rollbackError)
        throw result.rollbackError;
    if (options.failOn.includes(watched.verdict)) {
        // Each check that did not pass, with its last measurement: that names the host and what it said.
        const why = watched.checks
            .filter((check) => check.phase !== 'Successful')
            .map((check) => {
            const last = watched.measurements.filter((measurement) => measurement.check === check.name).at(-1);
            return `${check.name}: ${check.phase}, ${check.reason}${last?.message ? `; last: ${last.message}` : ''}`;
        });
        throw new errors/* AegisError */.o4(`Health gate verdict: ${watched.verdict}${why.length > 0 ? ` (${why.join('; ')})` : ''}. ${decision.text}`);
    }
}
// The module shape of every stage (src/stages/module.ts).



/***/ })

};

export const id = 281;
export const ids = [281];
export const modules = {

/***/ 5662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  detectOutputs: () => (/* binding */ detectOutputs),
  execute: () => (/* binding */ executeDetect),
  executeDetect: () => (/* binding */ executeDetect),
  parse: () => (/* binding */ parseDetectInputs),
  parseDetectInputs: () => (/* binding */ parseDetectInputs),
  plan: () => (/* binding */ planDetect),
  planDetect: () => (/* binding */ planDetect),
  report: () => (/* binding */ reportDetect),
  reportDetect: () => (/* binding */ reportDetect),
  summaryMarkdown: () => (/* binding */ summaryMarkdown)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/detect/changed-files.ts

const CHANGED_FILES_FORMATS = ['lines', 'nul', 'json'];
/**
 * The changed-files file in one of three formats:
 * - `lines`: one path per line. A path git itself would quote (a control character such as a
 *   newline, a double quote or a backslash) is written C-quoted as `git diff` writes it
 *   (`"a\nb"`), so a name can never add a line of its own;
 * - `nul`: every path followed by a NUL byte (`git diff -z`, `xargs -0`, `read -d ''`);
 * - `json`: a JSON array of strings.
 */
function formatChangedFiles(paths, format) {
    switch (format) {
        case 'lines':
            // Almost always no path needs quoting: then the list is joined as it is, without a copy.
            return terminated(paths.some(needsQuoting) ? paths.map(quotePath) : paths, '\n');
        case 'nul':
            return terminated(paths, '\0');
        case 'json':
            return `${JSON.stringify(paths)}\n`;
        default:
            throw new errors/* AegisError */.o4(`Unknown changed-files format '${format}'.`);
    }
}
/** Every item followed by `end` (one join: no string per item at 100,000 paths). */
function terminated(items, end) {
    return items.length === 0 ? '' : `${items.join(end)}${end}`;
}
const ESCAPES = {
    '\n': '\\n',
    '\t': '\\t',
    '\r': '\\r',
    '"': '\\"',
    '\\': '\\\\',
    '\b': '\\b',
    '\f': '\\f',
    '\v': '\\v',
    '\u0007': '\\a',
};
/** What git C-quotes: control characters, DEL, `"` and `\`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what git quotes
const QUOTED_CHARACTER = /[\u0000-\u001f\u007f"\\]/;
const needsQuoting = (text) => QUOTED_CHARACTER.test(text);
/** git's C-style quoting of a path (as with core.quotePath=false: non-ASCII stays as it is). */
function quotePath(path) {
    if (!needsQuoting(path))
        return path;
    const body = [...path]
        .map((char) => (needsQuoting(char) ? (ESCAPES[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`) : char))
        .join('');
    return `"${body}"`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/yaml/plain.ts
var plain = __webpack_require__(5723);
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
    const content = (0,plain/* plainData */.l)(doc, file);
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
    const changes = [];
    // Field by field with indexOf: no array of every field first (200,000 strings at 100,000 paths).
    let at = 0;
    const field = (after) => {
        if (at >= output.length)
            throw new errors/* AegisError */.o4(`Unexpected end of 'git diff --name-status' output after ${after}.`);
        const nul = output.indexOf('\0', at);
        const end = nul === -1 ? output.length : nul;
        const value = output.slice(at, end);
        at = end + 1;
        return value;
    };
    while (at < output.length) {
        const status = field('the last path');
        const path = field(`status '${status}'`);
        switch (status.charAt(0)) {
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
                changes.push({ path, type: 'renamed' }, { path: field(`'${status} ${path}'`), type: 'renamed' });
                break;
            case 'C':
                changes.push({ path: field(`'${status} ${path}'`), type: 'added' });
                break;
            default:
                throw new errors/* AegisError */.o4(`Unexpected status '${status}' for ${path} in 'git diff --name-status' output.`);
        }
    }
    return changes;
}
/**
 * Distinct paths in git's path order, for the changed-files list: the order git lists them in
 * without rename detection, so whether git looked for renames (which the change-types decide)
 * never reorders the list.
 */
function uniquePaths(changes) {
    const paths = changes.map((change) => change.path);
    // git names a path once per diff, in path order; only a rename's two sides, listed together
    // where the new path sorts, can repeat a path or stand out of order.
    if (!changes.some((change) => change.type === 'renamed'))
        return paths;
    const unique = [...new Set(paths)];
    // The engine's own sort (UTF-16 order) is the fast one, and is code point order unless a path
    // holds a character from U+D800 up; only then does the slower comparison decide.
    unique.sort();
    return unique.some((path) => ASTRAL_OR_PRIVATE.test(path)) ? unique.sort(byCodePoint) : unique;
}
const ASTRAL_OR_PRIVATE = /[\ud800-\uffff]/;
/** Code point order, which is the byte order of UTF-8 and so git's (UTF-16 puts U+E000–U+FFFF after astral characters). */
function byCodePoint(a, b) {
    const length = Math.min(a.length, b.length);
    for (let at = 0; at < length; at++) {
        const x = a.charCodeAt(at);
        const y = b.charCodeAt(at);
        if (x === y)
            continue;
        const xAstral = (x & 0xf800) === 0xd800;
        const yAstral = (y & 0xf800) === 0xd800;
        if (xAstral !== yAstral)
            return xAstral ? 1 : -1;
        return x - y;
    }
    return a.length - b.length;
}

;// CONCATENATED MODULE: ./src/core/detect/history.ts
/** Another git process in the same clone holds a lock or rewrote `.git/shallow` under us. */
const LOCK_CONTENTION = /\.lock'?:? File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it|could not lock/i;
/**
 * The commits a shallow CI clone lacks, fetched on demand: single commits at depth 1, a
 * branch's merge base through `--shallow-exclude` (see mergeBaseWithBranch), and as a last
 * resort history deepened in doubling steps. History is only ever added back (`--deepen`,
 * never a smaller `--depth`; what `--shallow-exclude` cut is deepened again), so jobs
 * working in the same clone keep what they had; when one holds git's locks the other waits
 * and re-checks, since the history it wanted may have arrived meanwhile.
 */
class History {
    git;
    log;
    options;
    shallow;
    /** `git fetch` processes started so far (tests bound it; the log reports it). */
    fetches = 0;
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
    /** Is `ancestor` reachable from `descendant` in the local history? undefined when a shallow clone cannot tell. */
    async isAncestor(ancestor, descendant) {
        if (await this.git.isAncestor(ancestor, descendant))
            return true;
        return (await this.isShallow()) ? undefined : false;
    }
    /**
     * The merge base of `head` and the tip of remote `branch`, fetching only what it needs.
     * A shallow clone asks the server for head's commits that are not on the branch
     * (`--shallow-exclude`, protocol capability deepen-not): the parent where that history
     * leaves the branch is the merge base, fetched at depth 1 for its tree. This costs two
     * small fetches whatever the history's length. When head's own history merges the branch
     * (several exits), the exits' dates bound one `--shallow-since` fetch; only if that is
     * still not enough does the bounded doubling deepen run.
     */
    async mergeBaseWithBranch(branch, head) {
        const tip = await this.remoteTip(branch);
        if (tip && (await this.resolve(tip))) {
            const local = await this.localMergeBase(tip, head);
            if (local)
                return { found: true, sha: local, tip };
        }
        if (!(await this.isShallow())) {
            const present = tip ? await this.obtain(tip) : false;
            const fallback = present ? tip : await this.branchTip(branch);
            if (!fallback)
                return { found: false, cause: 'unrelated', detail: `branch ${branch} is not on '${this.remote}' or in the clone` };
            return { ...(await this.mergeBase(fallback, head)), tip: fallback };
        }
        if (!tip)
            return { found: false, cause: 'fetch-failed', detail: `branch ${branch} is not on '${this.remote}'` };
        const own = await this.ownHistoryExits(head, [`refs/heads/${branch}`]);
        if (!own.ok) {
            // deepen-not refuses when nothing is left: head is on the branch, so head is the merge base.
            if (/no commits selected for shallow requests/.test(own.detail))
                return { found: true, sha: head, tip };
            this.log.debug(`--shallow-exclude fetch failed (${own.detail}); deepening instead.`);
            return { ...(await this.mergeBase(await this.obtainTip(tip), head)), tip };
        }
        const { exits } = own;
        if (exits.length === 1) {
            const [sha] = exits;
            if (await this.obtain(sha))
                return { found: true, sha, tip };
        }
        if (exits.length > 1 && (await this.obtainAll(exits))) {
            const since = Math.min(...(await this.git.commitTimes(exits)));
            if (Number.isFinite(since)) {
                // A day of slack for committer clocks that disagree.
                await this.fetch([head, tip], { shallowSince: since - 86_400 });
                const local = await this.localMergeBase(tip, head);
                if (local)
                    return { found: true, sha: local, tip };
            }
        }
        return { ...(await this.mergeBase(await this.obtainTip(tip), head)), tip };
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
    async nearestAncestorIn(head, targets, 
    /** Remote refs (tags) naming the targets: lets a shallow clone fetch down to them in one go. */
    targetRefs = []) {
        const local = (await this.git.revList(head)).find((commit) => commit !== head && targets.has(commit));
        if (local)
            return { found: true, sha: local };
        if (targetRefs.length > 0 && (await this.isShallow())) {
            const viaExclude = await this.nearestThroughExclude(head, targets, targetRefs);
            if (viaExclude)
                return { found: true, sha: viaExclude };
        }
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
    /**
     * head's history down to the first commits the target refs reach (`--shallow-exclude` per
     * ref): where it leaves them, a target commit is the nearest one. Undefined when the exit
     * is an untagged commit of another line (the bounded deepening then decides).
     */
    async nearestThroughExclude(head, targets, refs) {
        const own = await this.ownHistoryExits(head, refs);
        if (!own.ok)
            return undefined;
        const { exits } = own;
        if (exits.length === 0 || !exits.every((sha) => targets.has(sha)) || !(await this.obtainAll(exits)))
            return undefined;
        if (exits.length === 1)
            return exits[0];
        const times = await this.git.commitTimes(exits);
        return exits[times.indexOf(Math.max(...times))];
    }
    async localMergeBase(a, b) {
        const result = await this.git.mergeBase(a, b);
        return result.ok ? result.stdout.trim() : undefined;
    }
    async remoteTip(branch) {
        if (branch.startsWith('-'))
            return undefined;
        const listed = await this.git.remoteRefs(this.options.remote, [`refs/heads/${branch}`], 'heads');
        const sha = listed.ok ? listed.refs[0]?.sha : undefined;
        return sha || (await this.resolve(`refs/remotes/${this.options.remote}/${branch}`));
    }
    async obtainTip(tip) {
        await this.obtain(tip);
        return tip;
    }
    async obtainAll(shas) {
        const missing = [];
        for (const sha of shas)
            if (!(await this.resolve(sha)))
                missing.push(sha);
        if (missing.length > 0)
            await this.fetch(missing, { depth: 1 });
        for (const sha of missing)
            if (!(await this.resolve(sha)))
                return false;
        return true;
    }
    /**
     * Fetches head's commits that none of `refs` reaches (`--shallow-exclude`) and returns the
     * commits where that history leaves them. The fetch also moves the shallow boundary UP when
     * the clone already had more of head's history (GIT_DEPTH 20, another job): that much is
     * deepened back, so nobody loses history they had.
     */
    async ownHistoryExits(head, refs) {
        const depthBefore = (await this.git.revList(head)).length;
        const fetched = await this.fetch([head], { shallowExclude: refs });
        if (fetched.outcome !== 'ok')
            return { ok: false, detail: fetched.detail };
        const exits = await this.exitsFromBranch(head);
        const depthAfter = (await this.git.revList(head)).length;
        if (depthAfter < depthBefore)
            await this.fetch([head], { deepen: depthBefore - depthAfter });
        return { ok: true, exits };
    }
    /**
     * After a `--shallow-exclude` fetch: the parents through which head's own history leaves
     * the excluded branch. The shallow boundary commits keep their real parent lines in the
     * commit object even though the parents themselves are not in the clone.
     */
    async exitsFromBranch(head) {
        const listed = await this.git.revListWithParents(head);
        const own = new Set(listed.map((commit) => commit.sha));
        const exits = new Set();
        // With the shallow graft a boundary commit lists no parents (as a root commit does).
        for (const { sha } of listed.filter((commit) => commit.parents.length === 0)) {
            for (const parent of await this.git.recordedParents(sha))
                if (!own.has(parent))
                    exits.add(parent);
        }
        return [...exits];
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
            this.fetches++;
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
    const range = await resolver.resolve();
    return { ...range, fetches: history.fetches };
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
        if (event.deleted && !this.request.base && !this.request.head) {
            const what = event.tag ? `tag ${event.tag}` : `branch ${event.branch ?? '(unknown)'}`;
            return { head: '', reason: `${event.source}: ${what} was deleted; nothing to build`, fallback: false, deleted: true };
        }
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
        if (event.mergeBase && (await this.history.obtain(event.mergeBase))) {
            return { head, base: event.mergeBase, reason: `${label} into ${target}: merge base ${range_short(event.mergeBase)}`, fallback: false };
        }
        const base = event.base ?? pr?.baseSha;
        const shallow = await this.history.isShallow();
        const describe = (mergeBase, tip) => `${label} into ${target}: merge base ${range_short(mergeBase)} of ${target}${tip ? ` (${range_short(tip)})` : ''} and the head`;
        if (base && !shallow && (await this.history.obtain(base)))
            return this.compare(base, head, (mergeBase) => describe(mergeBase, base));
        if (pr?.baseRef) {
            const found = await this.history.mergeBaseWithBranch(pr.baseRef, head);
            if (found.found)
                return { head, base: found.sha, reason: describe(found.sha, base ?? found.tip), fallback: false };
            if (!base)
                return this.missingMergeBase(head, pr.baseRef, found);
        }
        if (base && !(await this.history.obtain(base))) {
            this.log.warning(`The ${label} base ${base} is not in the clone and could not be fetched.`);
        }
        else if (base) {
            return this.compare(base, head, (mergeBase) => describe(mergeBase, base));
        }
        return this.everything(head, `the ${label} has no usable base commit`, true);
    }
    async fromMergeGroup(head) {
        // GitHub builds the group's head on top of base_sha, so base_sha..head is exactly the queued change.
        const base = this.request.event.base;
        if (!base || !(await this.history.obtain(base)))
            return this.everything(head, 'the merge group has no usable base commit', true);
        return { head, base, reason: `merge group: base ${range_short(base)}`, fallback: false };
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
        if (before === head)
            return { head, base: before, reason: `push to ${branch}: head is the previous tip (nothing new)`, fallback: false };
        if (!defaultBranch || branch === defaultBranch)
            return this.defaultBranchPush(head, before, branch);
        const replaced = `force push to ${branch}: previous tip ${range_short(before)} was replaced`;
        if (event.forced === true)
            return this.againstDefaultBranch(head, defaultBranch, replaced);
        const present = await this.history.obtain(before);
        if (!present)
            return this.againstDefaultBranch(head, defaultBranch, `push to ${branch}: previous tip ${range_short(before)} is no longer in the repository`);
        const normal = { head, base: before, reason: `push to ${branch}: previous tip ${range_short(before)}`, fallback: false };
        // GitHub says whether the push was forced; GitLab does not, so ancestry decides.
        if (event.forced === false)
            return normal;
        const ancestor = await this.history.isAncestor(before, head);
        if (ancestor === true)
            return normal;
        const againstDefault = await this.againstDefaultBranch(head, defaultBranch, `force push to ${branch}: previous tip ${range_short(before)} is not an ancestor of head`);
        // In a shallow clone ancestry is known only once head's own commits are fetched (above).
        if (ancestor === undefined && (await this.history.isAncestor(before, head)) === true)
            return normal;
        return againstDefault;
    }
    /**
     * On the default branch the old tip is what was last built and deployed: old tip..new tip
     * is the answer for a normal push and for a force push alike (a force push must rebuild
     * what the dropped commits built, so it is not the merge base of the two tips).
     */
    async defaultBranchPush(head, before, branch) {
        if (!(await this.history.obtain(before))) {
            return this.everything(head, `push to ${branch}: previous tip ${range_short(before)} is no longer in the repository`, true);
        }
        const forced = this.request.event.forced ?? ((await this.history.isShallow()) ? undefined : !(await this.history.isAncestor(before, head)));
        const reason = forced
            ? `force push to ${branch}: old tip ${range_short(before)}..new tip (rebuilds what the dropped commits built)`
            : `push to ${branch}: previous tip ${range_short(before)}`;
        return { head, base: before, reason, fallback: false };
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
        const refs = [...names.values()].flat().map((name) => `refs/tags/${name}`);
        const found = await this.history.nearestAncestorIn(head, new Set(names.keys()), refs);
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
        const found = await this.history.mergeBaseWithBranch(defaultBranch, head);
        if (found.found)
            return { head, base: found.sha, reason: `${why}: merge base with ${defaultBranch} ${range_short(found.sha)}`, fallback: false };
        if (!found.tip)
            return this.everything(head, `${why}, and the default branch ${defaultBranch} could not be found (${found.detail})`, true);
        return this.missingMergeBase(head, found.tip, found);
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

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/core/detect/filters.ts



/** paths-filter's change statuses in our terms (git reports a copy as an added path, an unmerged one as modified). */
const STATUSES = {
    added: 'added',
    modified: 'modified',
    deleted: 'deleted',
    renamed: 'renamed',
    copied: 'added',
    unmerged: 'modified',
};
const FILTER_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
function parseFilters(text, source) {
    const doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: true, merge: true });
    if (doc.errors.length > 0)
        throw new errors/* FileError */.f6(source, `not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
    if (!(0,dist/* isMap */.jh)(doc.contents))
        throw new errors/* FileError */.f6(source, 'expected a mapping of filter name to patterns (paths-filter syntax)');
    const filters = [];
    // toJS resolves anchors and aliases (`- *shared`), which paths-filter users rely on.
    for (const [name, plain] of Object.entries(doc.toJS())) {
        if (!FILTER_NAME.test(name))
            throw new errors/* FileError */.f6(source, `filter name '${name}' must start with a letter, digit or '_' and contain only letters, digits, '.', '_' and '-'`);
        const rules = parseItem(plain, (problem) => new errors/* FileError */.f6(source, `filter '${name}': ${problem}`));
        if (rules.length === 0)
            throw new errors/* FileError */.f6(source, `filter '${name}' has no patterns`);
        filters.push({ name, rules });
    }
    return filters;
}
function parseItem(item, fail) {
    if (Array.isArray(item))
        return item.flatMap((inner) => parseItem(inner, fail));
    if (typeof item === 'string')
        return [rule(item, undefined, fail)];
    if (item && typeof item === 'object') {
        return Object.entries(item).flatMap(([key, pattern]) => {
            const statuses = key
                .split('|')
                .map((status) => status.trim().toLowerCase())
                .filter(Boolean)
                .map((status) => {
                const type = STATUSES[status];
                if (!type)
                    throw fail(`unknown change status '${status}' in '${key}': expected ${Object.keys(STATUSES).join(', ')}`);
                return type;
            });
            const patterns = Array.isArray(pattern) ? pattern.flat(Number.POSITIVE_INFINITY) : [pattern];
            return patterns.map((one) => {
                if (typeof one !== 'string')
                    throw fail(`'${key}' must map to a pattern or a list of patterns`);
                return rule(one, statuses, fail);
            });
        });
    }
    throw fail(`expected a pattern, a list of patterns or 'status: pattern', got ${JSON.stringify(item)}`);
}
function rule(pattern, statuses, fail) {
    try {
        return { pattern, statuses, test: picomatch_default()(pattern, { dot: true }) };
    }
    catch (error) {
        throw fail(`pattern ${JSON.stringify(pattern)} is not a valid glob: ${error.message}`);
    }
}
/** The changes each filter matches, in filter order. */
function matchFilters(filters, changes, quantifier) {
    const result = new Map();
    for (const filter of filters) {
        const applies = (change) => (rule) => (rule.statuses === undefined || rule.statuses.includes(change.type)) && rule.test(change.path);
        result.set(filter.name, changes.filter((change) => (quantifier === 'every' ? filter.rules.every(applies(change)) : filter.rules.some(applies(change)))));
    }
    return result;
}
/** Filters as manifest entries, so matrix, outputs and summary treat each filter as a service. */
function filtersManifest(filters, source) {
    const services = filters.map((filter) => ({
        name: filter.name,
        path: '.',
        kind: 'service',
        include: filter.rules.map((rule) => rule.pattern),
        exclude: [],
        dependsOn: [],
        fields: {},
    }));
    return { file: source, global: [], services };
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
 * because changed files cluster in few directories, and only down to the deepest indexed
 * base (a deeper directory has its ancestor's candidates), so that a change spread over
 * 100,000 directories does not memoise each of them. Cost: O(files × (depth + candidates)),
 * instead of O(files × services × globs).
 */
class PathMatcher {
    ruleLists;
    byDirectory = new Map();
    byPath = new Map();
    pathKeyLengths;
    directoryCandidates = new Map();
    /** Segments of the deepest directory in byDirectory. */
    indexedDepth;
    last;
    /**
     * Owners whose one rule is positive and takes everything under its base (`dir/**`, a literal
     * directory, `**`): a path reaching them through the directory index is theirs, untested.
     */
    takesWholeDirectory;
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
        this.takesWholeDirectory = ruleLists.map((rules) => rules.length === 1 && !rules[0]?.negated && WHOLE_DIRECTORY_KINDS.has(rules[0]?.kind));
        this.pathKeyLengths = new Set([...this.byPath.keys()].map((key) => key.length));
        let depth = 0;
        for (const base of this.byDirectory.keys())
            if (base !== '')
                depth = Math.max(depth, depthOf(base));
        this.indexedDepth = depth;
    }
    /** Indexes (positions in the constructor's list) of the rule lists that accept `path`. */
    match(path) {
        const owners = [];
        this.collect(path, owners);
        return owners;
    }
    /** `match`, appended to `owners`: one array serves every path of a diff. */
    collect(path, owners) {
        const fromDirectories = this.directoryOwners(path);
        for (let index = 0; index < fromDirectories.length; index++) {
            const owner = fromDirectories[index];
            if (this.takesWholeDirectory[owner] || (0,globs/* matchesRules */.rd)(this.ruleLists[owner], path))
                owners.push(owner);
        }
        // Most paths are no key's length: no hash of the whole path to compute.
        const fromPath = this.pathKeyLengths.has(path.length) ? this.byPath.get(path) : undefined;
        if (fromPath) {
            for (const owner of fromPath) {
                if (!fromDirectories.includes(owner) && (0,globs/* matchesRules */.rd)(this.ruleLists[owner], path))
                    owners.push(owner);
            }
        }
    }
    /**
     * candidatesOf the path's indexed ancestor. git lists paths sorted, so consecutive paths
     * mostly share that ancestor: the last one is kept, and a path under it needs no lookup.
     */
    directoryOwners(path) {
        const last = this.last;
        if (last && path.startsWith(last.ancestor) && path.charCodeAt(last.ancestor.length) === SLASH) {
            // At the indexed depth every path below shares the ancestor; above it only the same directory does.
            if (last.full || path.indexOf('/', last.ancestor.length + 1) === -1)
                return last.candidates;
        }
        const slash = path.lastIndexOf('/');
        if (slash === -1)
            return this.candidatesOf('');
        const ancestor = this.indexedAncestor(path.slice(0, slash));
        const candidates = this.candidatesOf(ancestor);
        this.last = { ancestor, candidates, full: ancestor !== '' && depthOf(ancestor) === this.indexedDepth };
        return candidates;
    }
    /** `directory` cut to its first indexedDepth segments: the deepest ancestor that can have owners. */
    indexedAncestor(directory) {
        if (this.indexedDepth === 0)
            return '';
        let slash = -1;
        for (let depth = 0; depth < this.indexedDepth; depth++) {
            slash = directory.indexOf('/', slash + 1);
            if (slash === -1)
                return directory;
        }
        return directory.slice(0, slash);
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
const SLASH = 47; // '/'
const WHOLE_DIRECTORY_KINDS = new Set(['under', 'literal', 'everything']);
/** Segments of a directory path (counted, not split: this runs once per directory of a diff). */
function depthOf(directory) {
    let depth = 1;
    for (let slash = directory.indexOf('/'); slash !== -1; slash = directory.indexOf('/', slash + 1))
        depth++;
    return depth;
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
/**
 * Compiles a manifest once for many `select` calls (the bench and the stage share it). The
 * constructor checks what can be wrong (depends-on); the rules compile on `prepare` or the
 * first `select`.
 */
class ServiceSelector {
    filters;
    services;
    globalRules;
    compiled;
    dependents;
    globalOwner;
    acceptedTypes;
    /**
     * Whether a rename can select differently from a deletion of its old path plus an addition
     * of its new one: only when some change-types list (a service's, the defaults, a filter
     * rule's statuses) takes 'renamed' but not 'added' or 'deleted', or the other way round.
     * When it cannot, detect asks git for no rename detection, which costs O(deleted × added).
     */
    distinguishesRenames;
    constructor(manifest, global, changeTypes, filters) {
        this.filters = filters;
        this.services = manifest.services;
        this.dependents = dependentsOf(manifest.services, manifest.file);
        this.globalRules = [...manifest.global, ...global];
        this.globalOwner = this.services.length;
        const defaults = new Set(changeTypes);
        this.acceptedTypes = [...this.services.map((service) => (service.changeTypes ? new Set(service.changeTypes) : defaults)), defaults];
        const statusLists = (filters?.filters ?? []).flatMap((filter) => filter.rules.flatMap((rule) => (rule.statuses ? [rule.statuses] : [])));
        this.distinguishesRenames = [...this.acceptedTypes, ...statusLists.map((statuses) => new Set(statuses))].some((types) => types.has('renamed') !== types.has('added') || types.has('renamed') !== types.has('deleted'));
    }
    /** Compiles the rules now (detect does, while git computes the diff in its own process). */
    prepare() {
        this.compiled ??= this.compileRules();
        return this;
    }
    get matcher() {
        this.compiled ??= this.compileRules();
        return this.compiled;
    }
    compileRules() {
        const ruleLists = this.services.map((service) => (0,globs/* compileRuleList */._s)(service.include, service.exclude));
        ruleLists.push((0,globs/* compileRuleList */._s)(this.globalRules, []));
        return new PathMatcher(ruleLists);
    }
    select(changes, imagePrefix) {
        const reasons = new Map();
        if ('all' in changes) {
            for (const service of this.services)
                reasons.set(service.name, { kind: 'all', why: changes.all });
        }
        else if (this.filters) {
            const matched = matchFilters(this.filters.filters, changes, this.filters.quantifier);
            const accepted = this.acceptedTypes[this.globalOwner];
            for (const [name, files] of matched) {
                const hit = new Hits();
                for (const change of files)
                    if (accepted.has(change.type))
                        hit.add(change.path);
                if (hit.count > 0)
                    reasons.set(name, { kind: 'files', files: hit.files, count: hit.count });
            }
        }
        else {
            const hits = new Array(this.services.length + 1);
            const owners = [];
            for (const change of changes) {
                owners.length = 0;
                this.matcher.collect(change.path, owners);
                for (let index = 0; index < owners.length; index++) {
                    const owner = owners[index];
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
            // File names come from the repository: code() keeps a newline or backtick in one span.
            const files = `${reason.files.map((file) => (0,markdown/* code */.aY)(file).text).join(', ')}${more}`;
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
    const selector = new ServiceSelector(request.manifest, request.global, request.changeTypes, request.filters);
    const git = new git_git/* Git */.TU(request.directory);
    const range = await resolveRange(git, request, log);
    if (range.deleted)
        return { range, changedFiles: [], selection: selector.select([], request.imagePrefix) };
    if (!range.base) {
        const changedFiles = await filesAt(git, range.head);
        return { range, changedFiles, selection: selector.select({ all: range.reason }, request.imagePrefix) };
    }
    const listing = listChanges(git, range.base, range.head, selector.distinguishesRenames);
    // git works out the diff in its own process meanwhile (most of its time): the rules compile in this one.
    selector.prepare();
    const changes = await listing;
    return { range, changedFiles: uniquePaths(changes), selection: selector.select(changes, request.imagePrefix) };
}
/**
 * `git diff --name-status` between two commits. Both paths of a rename are reported either
 * way: as 'renamed' with `renames`, else as 'deleted' and 'added' (cheaper for git).
 */
async function listChanges(git, base, head, renames = true) {
    if (base === head)
        return [];
    return parseNameStatus(await git.nameStatus(base, head, { renames }));
}
async function filesAt(git, head) {
    return git.listFiles(head);
}

// EXTERNAL MODULE: ./src/core/detect/manifest.ts + 1 modules
var detect_manifest = __webpack_require__(4638);
// EXTERNAL MODULE: ./src/core/fs/safe-write.ts
var safe_write = __webpack_require__(864);
// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/platform/gitlab.ts + 1 modules
var gitlab = __webpack_require__(1895);
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
        filters: {
            description: "dorny/paths-filter's filters (inline YAML, or a path to a YAML file in the checkout): each filter is treated as a service, with a boolean output named after it. Replaces the service manifest.",
        },
        'predicate-quantifier': {
            description: "With filters: 'some' (a file matches a filter when any of its patterns matches) or 'every' (all of them), as in paths-filter.",
            default: 'some',
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
            description: 'Kinds of change that mark a service (added, modified, deleted, renamed: a rename counts for its old and its new path); a manifest entry may set its own change-types. git looks for renames only when some list takes renamed without added or deleted (or the reverse); otherwise a rename is a deletion plus an addition, which selects the same services.',
            default: 'added, modified, deleted, renamed',
        },
        'default-branch': { description: 'Branch new branches and force pushes are compared with (default: from the event or the remote).' },
        remote: { description: 'Remote that missing commits are fetched from when the clone is shallow.', default: 'origin' },
        'image-prefix': {
            description: 'Registry and namespace for services without an image field: the image becomes <image-prefix>/<service>.',
        },
        'deepen-step': {
            description: 'Last resort in a shallow clone (when --shallow-exclude cannot answer): commits fetched by the first deepening; each further round doubles it.',
            default: '32',
        },
        'max-deepen-rounds': {
            description: 'Last-resort deepening rounds before giving up and selecting every service (with a warning).',
            default: '12',
        },
        'changed-files-file': {
            description: "Where the full list of changed paths is written (in changed-files-format): a path in the workspace or the runner's temp directory; by default in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
        },
        'changed-files-format': {
            description: 'Format of the changed-files file: lines (one path per line; a path with a newline, quote or backslash is C-quoted as git quotes it), nul (each path followed by a NUL byte, for xargs -0) or json (an array of strings).',
            default: 'lines',
        },
        'child-pipeline-template': {
            description: 'GitLab: a CI YAML template (path relative to the checkout) whose jobs named with a placeholder, e.g. "build {{service}}:", are instantiated per changed service; other keys are copied. Empty: no child pipeline.',
        },
        'matrix-file': {
            description: "Where the matrix JSON is also written (on GitLab the only place, with the child pipeline): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
        },
        'services-file': {
            description: "Where the JSON array of changed service names is also written: a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
        },
        'child-pipeline-file': {
            description: "Where the generated child pipeline is written (trigger it with trigger:include:artifact): a path in the workspace or the runner's temp directory; by default in the stage's output directory.",
        },
    },
    outputs: {
        matrix: {
            kind: 'json',
            description: 'JSON {"include":[{service, path, context, dockerfile, image, …manifest fields}]} of changed services (libraries excluded). Not in the GitLab dotenv report (see matrix-file).',
        },
        services: {
            kind: 'json',
            description: 'JSON array of the changed service names in the matrix. Not in the GitLab dotenv report (see services-file).',
        },
        changes: {
            kind: 'json',
            description: "JSON array of every marked name, libraries included (paths-filter's 'changes': the filters that matched). Not in the GitLab dotenv report.",
        },
        'has-changes': { kind: 'boolean', description: "'true' when the matrix is not empty." },
        base: { kind: 'text', description: 'Commit compared against; empty when every service was selected without comparing.' },
        head: { kind: 'text', description: 'Commit inspected.' },
        'base-reason': { kind: 'text', description: 'Why this base was chosen (or why every service was selected).' },
        'changed-files': {
            kind: 'path',
            description: 'Path of the file listing every changed path, in changed-files-format (relative to the workspace when inside it).',
        },
        'matrix-file': { kind: 'path', description: 'Path of the file holding the matrix JSON (relative to the workspace when inside it).' },
        'services-file': {
            kind: 'path',
            description: 'Path of the file holding the services JSON array (relative to the workspace when inside it).',
        },
        'child-pipeline': {
            kind: 'path',
            description: 'Path of the generated GitLab child pipeline (relative to the workspace when inside it); empty without child-pipeline-template.',
        },
    },
};
/** Every input, the manifest and the child-pipeline template are read and checked here, before git or any write. */
async function parseDetectInputs(reader, platform) {
    const directory = await checkoutRoot(reader, platform.workspace);
    const changeTypes = reader.list('change-types').map((type) => {
        if (!detect_manifest/* CHANGE_TYPES */.pf.includes(type))
            throw new errors/* InputError */.dz('change-types', type, `any of ${detect_manifest/* CHANGE_TYPES */.pf.join(', ')}`);
        return type;
    });
    if (changeTypes.length === 0)
        throw new errors/* InputError */.dz('change-types', '', `at least one of ${detect_manifest/* CHANGE_TYPES */.pf.join(', ')}`);
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
    const filters = loadFilters(reader, directory);
    const manifest = filters?.manifest ?? loadManifest(reader, directory);
    return {
        request: {
            directory,
            manifest,
            filters: filters?.filters,
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
        servicesSource: manifest.file ?? `discovered (${manifest.services.length} directories with ${reader.string('discover-marker')})`,
        changedFilesFile: reader.outputPath('changed-files-file', 'changed-files.txt'),
        changedFilesFormat: changedFilesFormat(reader),
        matrixFile: reader.outputPath('matrix-file', 'matrix.json'),
        servicesFile: reader.outputPath('services-file', 'services.json'),
        childPipeline,
    };
}
function changedFilesFormat(reader) {
    return reader.choice('changed-files-format', CHANGED_FILES_FORMATS);
}
/** paths-filter's rule: a value without a newline or a colon is a file path, anything else inline YAML. */
function loadFilters(reader, directory) {
    const value = reader.optional('filters');
    if (!value)
        return undefined;
    if (reader.string('config') !== definition.inputs.config.default)
        throw new errors/* InputError */.dz('filters', value.split('\n')[0] ?? '', "either 'filters' or 'config', not both");
    const inline = value.includes('\n') || value.includes(':');
    const source = inline ? "input 'filters'" : value;
    const text = inline ? value : readInputFile('filters', reader.path('filters', directory));
    const filters = parseFilters(text, source);
    if (filters.length === 0)
        throw new errors/* InputError */.dz('filters', value, 'at least one filter (paths-filter syntax)');
    return {
        manifest: filtersManifest(filters, source),
        filters: { filters, quantifier: reader.choice('predicate-quantifier', ['some', 'every']) },
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
        return (0,detect_manifest/* parseManifest */.Ng)(readInputFile('config', path), value);
    if (value !== definition.inputs.config.default)
        throw new errors/* InputError */.dz('config', value, 'an existing services manifest file', 'there is no such file');
    const patterns = reader.list('discover');
    for (const pattern of patterns)
        (0,globs/* checkPattern */.rg)(pattern, (raw, problem) => new errors/* InputError */.dz('discover', raw, 'globs of directories', problem));
    return (0,detect_manifest/* discoverServices */.Um)(directory, { patterns, marker: reader.required('discover-marker') });
}
function readInputFile(input, path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        throw new errors/* InputError */.dz(input, path, 'a readable file', error.message);
    }
}
function planDetect(options) {
    const files = [options.changedFilesFile, options.childPipeline?.file, options.matrixFile, options.servicesFile];
    return { options, files: files.filter((file) => file !== undefined) };
}
/** Resolves base and head (fetching what a shallow clone lacks), lists and matches the changes, writes the files. */
async function executeDetect(plan, platform) {
    const { options } = plan;
    const { request } = options;
    const { log } = platform;
    log.info(`Services: ${request.manifest.services.length} from ${options.servicesSource}.`);
    const detection = await log.group('Resolve base and head, list changes', () => detect(request, log));
    writeFile(options.changedFilesFile, formatChangedFiles(detection.changedFiles, options.changedFilesFormat));
    if (options.childPipeline) {
        writeFile(options.childPipeline.file, renderChildPipeline(options.childPipeline.template, detection.selection.matrix.include, { ...detection.range }));
    }
    writeFile(options.matrixFile, `${JSON.stringify(detection.selection.matrix)}\n`);
    writeFile(options.servicesFile, `${JSON.stringify(detection.selection.services)}\n`);
    return { plan, detection };
}
async function reportDetect(run, platform) {
    const { options } = run.plan;
    const { request } = options;
    const { range, changedFiles, selection } = run.detection;
    const { log } = platform;
    log.info(`base ${range.base ?? '(none)'} head ${range.head || '(none)'}: ${range.reason}`);
    if (range.fetches)
        log.info(`Fetched from '${request.remote}' ${range.fetches} time(s) for the missing commits.`);
    log.info(`${changedFiles.length} changed paths; ${selection.services.length} services in the matrix.`);
    platform.setOutputs(detectOutputs(run.detection, request.manifest, platform.outputSizeLimit !== undefined, {
        changedFiles: workspacePath(platform, options.changedFilesFile),
        childPipeline: options.childPipeline ? workspacePath(platform, options.childPipeline.file) : '',
        matrixFile: workspacePath(platform, options.matrixFile),
        servicesFile: workspacePath(platform, options.servicesFile),
    }, request.filters !== undefined));
    await platform.summary(summaryMarkdown(run.detection, request.manifest.services.length));
}
/** Outputs that never go to a GitLab dotenv report: they grow with the number of services (GitLab caps the report at 5,120 bytes). */
const GROWING_OUTPUTS = new Set(['matrix', 'services', 'changes']);
/**
 * Every output, in order. The matrix and service list are also files; on GitLab they are
 * only files (and the child pipeline), so the dotenv report keeps small values and paths
 * whatever the number of services. Elsewhere every service also gets a boolean output
 * named after it (paths-filter's per-filter outputs), unless the name is a fixed output.
 */
function detectOutputs(result, manifest, sizeLimited, files, filtersUsed = false) {
    const outputs = [
        ['matrix', JSON.stringify(result.selection.matrix)],
        ['services', JSON.stringify(result.selection.services)],
        ['changes', JSON.stringify(result.selection.selected.map((service) => service.name))],
        ['has-changes', String(result.selection.services.length > 0)],
        ['base', result.range.base ?? ''],
        ['head', result.range.head],
        ['base-reason', result.range.reason],
        ['changed-files', files.changedFiles],
        ['child-pipeline', files.childPipeline],
        ['matrix-file', files.matrixFile],
        ['services-file', files.servicesFile],
    ];
    // Where outputs share a size limit (GitLab's dotenv report), lists that grow with the services go to files only.
    if (sizeLimited)
        return outputs.filter(([name]) => !GROWING_OUTPUTS.has(name));
    const selected = new Set(result.selection.selected.map((service) => service.name));
    const counts = new Map(result.selection.selected.map((service) => [service.name, service.reason.kind === 'files' ? service.reason.count : 0]));
    for (const service of manifest.services) {
        if (service.name in definition.outputs)
            continue;
        outputs.push([service.name, String(selected.has(service.name))]);
        // paths-filter's <filter>_count: how many changed files the filter matched
        if (filtersUsed)
            outputs.push([`${service.name}_count`, String(counts.get(service.name) ?? 0)]);
    }
    return outputs;
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
        .map((service) => [(0,markdown/* code */.aY)(service.name), service.kind, (0,markdown/* markup */.PT)(describeReason(service.reason))]);
    lines.push((0,markdown/* markdownTable */.Qj)(['service', 'kind', 'reason'], rows));
    if (selection.selected.length > SUMMARY_ROWS)
        lines.push('', `… and ${selection.selected.length - SUMMARY_ROWS} more.`);
    return lines.join('\n');
}
// The module shape of every stage (src/stages/module.ts).



/***/ })

};

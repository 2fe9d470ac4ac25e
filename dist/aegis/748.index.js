export const id = 748;
export const ids = [748];
export const modules = {

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

/***/ 1439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MX: () => (/* binding */ fromGitLabPipeline),
/* harmony export */   Om: () => (/* binding */ pipelineFigures),
/* harmony export */   tb: () => (/* binding */ fromGitHubRun)
/* harmony export */ });
/* harmony import */ var _dora_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7722);
/**
 * The CI runs behind the deployments, read through the forge seam (GitHub workflow runs,
 * GitLab pipelines): how many, how many succeeded, how long they took. Optional: insight asks
 * the forge only when `ci-project` is given.
 */

function pipelineFigures(runs, window) {
    const inside = runs.filter((run) => run.createdAt >= window.from && run.createdAt <= window.to);
    const succeeded = inside.filter((run) => run.result === 'success').length;
    const failed = inside.filter((run) => run.result === 'failure').length;
    const durations = inside.flatMap((run) => (run.result !== 'other' && run.durationSeconds !== undefined ? [run.durationSeconds] : []));
    return {
        runs: inside.length,
        succeeded,
        failed,
        successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
        medianDurationSeconds: (0,_dora_js__WEBPACK_IMPORTED_MODULE_0__/* .median */ .JZ)(durations),
    };
}
const seconds = (iso) => typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? Math.floor(Date.parse(iso) / 1000) : undefined;
/** A GitHub workflow run (REST "List workflow runs for a repository"). */
function fromGitHubRun(run) {
    const conclusion = run.conclusion;
    const created = seconds(run.created_at) ?? 0;
    const started = seconds(run.run_started_at) ?? created;
    const updated = seconds(run.updated_at);
    return {
        id: String(run.id),
        result: conclusion === 'success' ? 'success' : conclusion === 'failure' || conclusion === 'timed_out' ? 'failure' : 'other',
        createdAt: created,
        ...(updated !== undefined && run.status === 'completed' ? { durationSeconds: Math.max(0, updated - started) } : {}),
        ...(typeof run.html_url === 'string' ? { url: run.html_url } : {}),
    };
}
/** A GitLab pipeline (REST "List project pipelines"). */
function fromGitLabPipeline(pipeline) {
    const created = seconds(pipeline.created_at) ?? 0;
    const updated = seconds(pipeline.updated_at);
    const status = pipeline.status;
    return {
        id: String(pipeline.id),
        result: status === 'success' ? 'success' : status === 'failed' ? 'failure' : 'other',
        createdAt: created,
        ...(updated !== undefined && (status === 'success' || status === 'failed') ? { durationSeconds: Math.max(0, updated - created) } : {}),
        ...(typeof pipeline.web_url === 'string' ? { url: pipeline.web_url } : {}),
    };
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

/***/ 3748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubForge: () => (/* binding */ GitHubForge)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_insight_pipelines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1439);
/* harmony import */ var _core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5097);




function splitRepository(repository) {
    const [owner, repo, ...rest] = repository.split('/');
    const segment = (value) => Boolean(value && /^[\w.-]+$/.test(value) && value !== '.' && value !== '..');
    if (!segment(owner) || !segment(repo) || rest.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(`GitHub repository must be 'owner/name', got ${JSON.stringify(repository)}.`);
    }
    return { owner: owner, repo: repo };
}
class GitHubForge {
    kind = 'github';
    octokit;
    constructor(token, apiUrl = 'https://api.github.com') {
        this.octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, { baseUrl: apiUrl });
    }
    async findPullRequest(request) {
        const { owner, repo } = splitRepository(request.repository);
        const open = await this.octokit.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${request.head}`, base: request.base });
        const existing = open.data[0];
        return existing ? { number: existing.number, url: existing.html_url, created: false } : undefined;
    }
    async upsertPullRequest(request) {
        const { owner, repo } = splitRepository(request.repository);
        const existing = await this.findPullRequest(request);
        if (existing) {
            await this.octokit.rest.pulls.update({ owner, repo, pull_number: existing.number, title: request.title, body: request.body });
            return existing;
        }
        const created = await this.octokit.rest.pulls.create({
            owner,
            repo,
            head: request.head,
            base: request.base,
            title: request.title,
            body: request.body,
        });
        return { number: created.data.number, url: created.data.html_url, created: true };
    }
    async findRelease(repository, tag) {
        const { owner, repo } = splitRepository(repository);
        try {
            return (await this.octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data.html_url;
        }
        catch (error) {
            if (error.status === 404)
                return undefined;
            throw error;
        }
    }
    async uploadSarif(repository, request) {
        const { owner, repo } = splitRepository(repository);
        const { data } = await this.octokit.rest.codeScanning.uploadSarif({ owner, repo, ...request });
        return { id: data.id ?? '', ...(data.url ? { url: data.url } : {}) };
    }
    async createRelease(request) {
        const { owner, repo } = splitRepository(request.repository);
        const created = await this.octokit.rest.repos.createRelease({
            owner,
            repo,
            tag_name: request.tag,
            name: request.name,
            body: request.notes,
            prerelease: request.prerelease,
        });
        return created.data.html_url;
    }
    async notifyDependent(target, event) {
        const { owner, repo } = splitRepository(target.repository);
        try {
            await this.octokit.rest.repos.createDispatchEvent({
                owner,
                repo,
                event_type: _core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__/* .DISPATCH_EVENT_TYPE */ .X3,
                client_payload: { ...event },
                request: { signal: AbortSignal.timeout(_core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__/* .NOTIFY_TIMEOUT_MS */ .BE) },
            });
        }
        catch (error) {
            const status = error.status;
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(status ? `HTTP ${status}: ${error.message.slice(0, 200)}` : error.message);
        }
    }
    async pipelineRuns(repository, query) {
        const { owner, repo } = splitRepository(repository);
        const runs = [];
        const created = `>=${new Date(query.since * 1000).toISOString()}`;
        for (let page = 1; runs.length < query.limit; page++) {
            const { data } = await this.octokit.rest.actions.listWorkflowRunsForRepo({
                owner,
                repo,
                created,
                per_page: 100,
                page,
                ...(query.branch ? { branch: query.branch } : {}),
            });
            runs.push(...data.workflow_runs.map((run) => (0,_core_insight_pipelines_js__WEBPACK_IMPORTED_MODULE_2__/* .fromGitHubRun */ .tb)(run)));
            if (data.workflow_runs.length < 100)
                break;
        }
        return runs.slice(0, query.limit);
    }
    /** GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals: every review of the run's deployments. */
    async deploymentApprovals(run) {
        const { owner, repo } = splitRepository(run.repository);
        const { data } = await this.octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: Number(run.runId) });
        return data.map((review) => ({
            user: review.user?.login ?? '',
            state: review.state,
            environments: review.environments.map((environment) => environment.name ?? ''),
            ...(review.comment ? { comment: review.comment } : {}),
        }));
    }
}


/***/ })

};

export const id = 276;
export const ids = [276];
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

/***/ 2132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitLabForge: () => (/* binding */ GitLabForge)
/* harmony export */ });
/* harmony import */ var _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(342);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_insight_pipelines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1439);
/* harmony import */ var _core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5097);




class GitLabForge {
    token;
    kind = 'gitlab';
    api;
    host;
    constructor(token, apiUrl = 'https://gitlab.com/api/v4') {
        this.token = token;
        // gitbeaker wants the server root and appends /api/v4 itself.
        this.host = apiUrl.replace(/\/api\/v4\/?$/, '');
        this.api = new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .Gitlab */ .mJr({ host: this.host, token });
    }
    async findPullRequest(request) {
        const open = await this.api.MergeRequests.all({
            projectId: request.repository,
            sourceBranch: request.head,
            targetBranch: request.base,
            state: 'opened',
        });
        const existing = open[0];
        return existing ? { number: existing.iid, url: String(existing.web_url), created: false } : undefined;
    }
    async upsertPullRequest(request) {
        const existing = await this.findPullRequest(request);
        if (existing) {
            await this.api.MergeRequests.edit(request.repository, existing.number, { title: request.title, description: request.body });
            return existing;
        }
        const created = await this.api.MergeRequests.create(request.repository, request.head, request.base, request.title, {
            description: request.body,
        });
        return { number: created.iid, url: String(created.web_url), created: true };
    }
    async findRelease(repository, tag) {
        try {
            const release = await this.api.ProjectReleases.show(repository, tag);
            return String(release._links?.self ?? '');
        }
        catch (error) {
            if (error.cause?.response?.status === 404)
                return undefined;
            throw error;
        }
    }
    uploadSarif() {
        return Promise.reject(new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4('GitLab has no SARIF upload: the scan component hands GitLab its container_scanning report as an artifact instead.'));
    }
    async createRelease(request) {
        // GitLab has no prerelease flag (upcoming_release is about dates); the name carries it.
        const release = await this.api.ProjectReleases.create(request.repository, {
            tag_name: request.tag,
            name: request.name,
            description: request.notes,
        });
        return String(release._links?.self ?? '');
    }
    async notifyDependent(target, event) {
        // gitbeaker's PipelineTriggerTokens.trigger puts the token in the query string, where proxies
        // log it; the form body (as GitLab's `curl --form token=…` example) keeps it out of every URL.
        const form = new FormData();
        form.append('token', this.token);
        form.append('ref', target.ref);
        for (const [name, value] of Object.entries((0,_core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseVariables */ .hV)(event)))
            form.append(`variables[${name}]`, value);
        // No PRIVATE-TOKEN header: a trigger token is not an API token and goes to this endpoint only.
        const triggers = new _gitbeaker_rest__WEBPACK_IMPORTED_MODULE_0__/* .PipelineTriggerTokens */ .FdM({ host: this.host });
        try {
            await triggers.requester.post(`projects/${encodeURIComponent(target.repository)}/trigger/pipeline`, {
                body: form,
                signal: AbortSignal.timeout(_core_release_dependents_js__WEBPACK_IMPORTED_MODULE_3__/* .NOTIFY_TIMEOUT_MS */ .BE),
            });
        }
        catch (error) {
            const status = error.cause?.response?.status;
            throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(status ? `HTTP ${status}: ${error.message.slice(0, 200)}` : error.message);
        }
    }
    async pipelineRuns(repository, query) {
        const pipelines = await this.api.Pipelines.all(repository, {
            updatedAfter: new Date(query.since * 1000).toISOString(),
            perPage: 100,
            maxPages: Math.ceil(query.limit / 100),
            ...(query.branch ? { ref: query.branch } : {}),
        });
        return pipelines.map(_core_insight_pipelines_js__WEBPACK_IMPORTED_MODULE_2__/* .fromGitLabPipeline */ .MX).slice(0, query.limit);
    }
    /**
     * The job's deployment (listed for its environment, matched by its job id), then its approvals
     * (GET /projects/:id/deployments/:deployment_id; `approvals` only on tiers that have them).
     */
    async deploymentApprovals(run) {
        if (!run.jobId || !run.environment)
            return undefined;
        const deployments = await this.api.Deployments.all(run.repository, {
            environment: run.environment,
            orderBy: 'id',
            sort: 'desc',
            perPage: 100,
            maxPages: 1,
        });
        const own = deployments.find((deployment) => String(deployment.deployable?.id) === run.jobId);
        if (!own)
            return undefined;
        const deployment = await this.api.Deployments.show(run.repository, own.id);
        const environment = String(deployment.environment?.name ?? run.environment);
        const approvals = (deployment.approvals ?? []);
        return approvals.map((approval) => ({
            user: String(approval.user?.username ?? ''),
            state: approval.status,
            environments: [environment],
            ...(approval.comment ? { comment: String(approval.comment) } : {}),
        }));
    }
}


/***/ }),

/***/ 5407:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

var map = {
	"./BurstyRateLimiter": [
		5860
	],
	"./BurstyRateLimiter.js": [
		5860
	],
	"./ExpressBruteFlexible": [
		3966,
		966
	],
	"./ExpressBruteFlexible.js": [
		3966,
		966
	],
	"./RLWrapperBlackAndWhite": [
		7383
	],
	"./RLWrapperBlackAndWhite.js": [
		7383
	],
	"./RLWrapperTimeouts": [
		4016
	],
	"./RLWrapperTimeouts.js": [
		4016
	],
	"./RateLimiterAbstract": [
		8569
	],
	"./RateLimiterAbstract.js": [
		8569
	],
	"./RateLimiterCluster": [
		565
	],
	"./RateLimiterCluster.js": [
		565
	],
	"./RateLimiterDrizzle": [
		673
	],
	"./RateLimiterDrizzle.js": [
		673
	],
	"./RateLimiterDrizzleNonAtomic": [
		5347
	],
	"./RateLimiterDrizzleNonAtomic.js": [
		5347
	],
	"./RateLimiterDynamo": [
		2309
	],
	"./RateLimiterDynamo.js": [
		2309
	],
	"./RateLimiterEtcd": [
		6481
	],
	"./RateLimiterEtcd.js": [
		6481
	],
	"./RateLimiterEtcdNonAtomic": [
		5299
	],
	"./RateLimiterEtcdNonAtomic.js": [
		5299
	],
	"./RateLimiterInsuredAbstract": [
		3847
	],
	"./RateLimiterInsuredAbstract.js": [
		3847
	],
	"./RateLimiterMemcache": [
		3250
	],
	"./RateLimiterMemcache.js": [
		3250
	],
	"./RateLimiterMemory": [
		4544
	],
	"./RateLimiterMemory.js": [
		4544
	],
	"./RateLimiterMongo": [
		8439
	],
	"./RateLimiterMongo.js": [
		8439
	],
	"./RateLimiterMySQL": [
		7793
	],
	"./RateLimiterMySQL.js": [
		7793
	],
	"./RateLimiterPostgres": [
		3740
	],
	"./RateLimiterPostgres.js": [
		3740
	],
	"./RateLimiterPrisma": [
		6323
	],
	"./RateLimiterPrisma.js": [
		6323
	],
	"./RateLimiterQueue": [
		2860
	],
	"./RateLimiterQueue.js": [
		2860
	],
	"./RateLimiterRedis": [
		4336
	],
	"./RateLimiterRedis.js": [
		4336
	],
	"./RateLimiterRes": [
		449
	],
	"./RateLimiterRes.js": [
		449
	],
	"./RateLimiterSQLite": [
		3283
	],
	"./RateLimiterSQLite.js": [
		3283
	],
	"./RateLimiterStoreAbstract": [
		5140
	],
	"./RateLimiterStoreAbstract.js": [
		5140
	],
	"./RateLimiterUnion": [
		244
	],
	"./RateLimiterUnion.js": [
		244
	],
	"./RateLimiterValkey": [
		2193
	],
	"./RateLimiterValkey.js": [
		2193
	],
	"./RateLimiterValkeyGlide": [
		3756
	],
	"./RateLimiterValkeyGlide.js": [
		3756
	],
	"./component/BlockedKeys": [
		8830
	],
	"./component/BlockedKeys/": [
		8830
	],
	"./component/BlockedKeys/BlockedKeys": [
		5202
	],
	"./component/BlockedKeys/BlockedKeys.js": [
		5202
	],
	"./component/BlockedKeys/index": [
		8830
	],
	"./component/BlockedKeys/index.js": [
		8830
	],
	"./component/MemoryStorage": [
		8178,
		178
	],
	"./component/MemoryStorage/": [
		8178,
		178
	],
	"./component/MemoryStorage/MemoryStorage": [
		1534
	],
	"./component/MemoryStorage/MemoryStorage.js": [
		1534
	],
	"./component/MemoryStorage/Record": [
		749
	],
	"./component/MemoryStorage/Record.js": [
		749
	],
	"./component/MemoryStorage/index": [
		8178,
		178
	],
	"./component/MemoryStorage/index.js": [
		8178,
		178
	],
	"./component/RateLimiterEtcdTransactionFailedError": [
		3184
	],
	"./component/RateLimiterEtcdTransactionFailedError.js": [
		3184
	],
	"./component/RateLimiterQueueError": [
		7948
	],
	"./component/RateLimiterQueueError.js": [
		7948
	],
	"./component/RateLimiterSetupError": [
		2922
	],
	"./component/RateLimiterSetupError.js": [
		2922
	],
	"./constants": [
		3880,
		880
	],
	"./constants.js": [
		3880,
		880
	]
};
function webpackAsyncContext(req) {
	if(!__webpack_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__webpack_require__.e)).then(() => {
		return __webpack_require__.t(id, 7 | 16);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 5407;
module.exports = webpackAsyncContext;

/***/ })

};

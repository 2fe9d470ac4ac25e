export const id = 662;
export const ids = [662];
export const modules = {

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

/***/ 5072:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ie: () => (/* binding */ resolveRoute),
/* harmony export */   ml: () => (/* binding */ parseEnvironments),
/* harmony export */   no: () => (/* binding */ resolveProtected)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/**
 * The `environments` input: promotion order and the overlay path(s) of each environment.
 *
 *     environments: |
 *       dev: overlays/dev
 *       staging: overlays/staging
 *       prod: [overlays/prod-eu, overlays/prod-us]
 *
 * A bare list (`[dev, staging, prod]`) or one name per line means `overlays/<env>` each.
 */


const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const EXPECTED = 'YAML mapping of environment to overlay path or list of paths, in promotion order (e.g. "dev: overlays/dev"), or a list of names meaning overlays/<env>';
function parseEnvironments(text, input = 'environments') {
    const fail = (detail) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, text, EXPECTED, detail);
    };
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { uniqueKeys: true });
    if (doc.errors.length > 0)
        fail(`not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
    const root = doc.contents;
    const environments = [];
    const add = (name, overlays) => {
        if (typeof name !== 'string' || !NAME.test(name))
            fail(`environment name ${JSON.stringify(name)} must be letters, digits, . _ -`);
        if (environments.some((env) => env.name === name))
            fail(`environment '${name}' is listed twice`);
        if (overlays.length === 0 || overlays.some((path) => path.trim() === ''))
            fail(`environment '${name}' has an empty overlay path`);
        environments.push({ name: name, overlays });
    };
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        for (const pair of root.items) {
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? pair.key.value : pair.key;
            // An alias (`prod: *eu-and-us`) is the anchored value.
            const value = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.value) ? pair.value.resolve(doc) : pair.value;
            if (value === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value) && (value.value === null || value.value === '')))
                add(name, [`overlays/${name}`]);
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(value))
                add(name, [String(value.value)]);
            else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(value)) {
                add(name, value.items
                    .map((item) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(item) ? item.resolve(doc) : item))
                    .map((item) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) && typeof item.value === 'string' ? item.value : fail(`'${name}' lists a non-string path`))));
            }
            else
                fail(`'${String(name)}' must map to a path or a list of paths`);
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root)) {
        for (const item of root.items) {
            const name = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(item) ? item.value : undefined;
            add(name, [`overlays/${String(name)}`]);
        }
    }
    else if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && typeof root.value === 'string') {
        // One name per line or comma-separated (what a CLI flag or a CI variable gives).
        for (const name of root.value.split(/[\s,]+/).filter(Boolean))
            add(name, [`overlays/${name}`]);
    }
    else
        fail('empty');
    if (environments.length < 2)
        fail('at least two environments are needed to promote between');
    return environments;
}
/**
 * Validates `from` and `to`: both known, `to` after `from`. Skipping environments is not
 * refused here: it is a rule per image (see `orderRefusals`), since an image that already
 * runs in the skipped environment may legitimately move on.
 */
function resolveRoute(environments, from, to) {
    const names = environments.map((env) => env.name);
    const find = (input, name) => {
        const index = names.indexOf(name);
        if (index < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, name, `one of the environments: ${names.join(', ')}`, 'unknown environment');
        return index;
    };
    const fromIndex = find('from', from);
    const toIndex = find('to', to);
    if (toIndex <= fromIndex) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('to', to, `an environment after '${from}' in promotion order (${names.join(' → ')})`, toIndex === fromIndex ? 'same as from' : 'promotion never goes backwards; roll back with health-gate or gitops-bump');
    }
    return {
        from: environments[fromIndex],
        to: environments[toIndex],
        fromIndex,
        toIndex,
        previous: environments[toIndex - 1],
    };
}
/** `protected-environments` names, checked; empty means the last environment. */
function resolveProtected(environments, names, input = 'protected-environments') {
    if (names.length === 0)
        return new Set([environments.at(-1).name]);
    const known = environments.map((env) => env.name);
    for (const name of names) {
        if (name === 'none')
            continue;
        if (!known.includes(name))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, name, `environment names from: ${known.join(', ')} (or 'none')`);
    }
    return new Set(names.filter((name) => name !== 'none'));
}


/***/ }),

/***/ 3662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  definition: () => (/* binding */ definition),
  execute: () => (/* binding */ executeInsight),
  executeInsight: () => (/* binding */ executeInsight),
  parse: () => (/* binding */ parse),
  parseInsightInputs: () => (/* binding */ parseInsightInputs),
  plan: () => (/* binding */ planInsight),
  planInsight: () => (/* binding */ planInsight),
  report: () => (/* binding */ reportInsight),
  reportInsight: () => (/* binding */ reportInsight)
});

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(8571);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/fs/safe-write.ts
var safe_write = __webpack_require__(864);
// EXTERNAL MODULE: ./src/core/insight/dora.ts
var insight_dora = __webpack_require__(7722);
;// CONCATENATED MODULE: ./src/core/insight/exposition.ts
/** Label values escaped as both formats require: backslash, double quote, line feed. */
function escapeLabelValue(value) {
    return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
function escapeHelp(text, format) {
    const escaped = text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
    return format === 'openmetrics' ? escaped.replace(/"/g, '\\"') : escaped;
}
function number(value) {
    if (Number.isNaN(value))
        return 'NaN';
    if (value === Number.POSITIVE_INFINITY)
        return '+Inf';
    if (value === Number.NEGATIVE_INFINITY)
        return '-Inf';
    return String(value);
}
function renderFamilies(families, format) {
    const lines = [];
    for (const family of families) {
        const sampleName = family.type === 'counter' ? `${family.name}_total` : family.name;
        const typeName = format === 'openmetrics' ? family.name : sampleName;
        lines.push(`# TYPE ${typeName} ${family.type}`);
        if (format === 'openmetrics' && family.unit)
            lines.push(`# UNIT ${typeName} ${family.unit}`);
        lines.push(`# HELP ${typeName} ${escapeHelp(family.help, format)}`);
        for (const sample of family.samples) {
            const labels = Object.entries(sample.labels)
                .map(([key, value]) => `${key}="${escapeLabelValue(value)}"`)
                .join(',');
            lines.push(`${sampleName}${labels ? `{${labels}}` : ''} ${number(sample.value)}`);
        }
    }
    if (format === 'openmetrics')
        lines.push('# EOF');
    return `${lines.join('\n')}\n`;
}
/** Every figure per environment × service; per-environment figures are `sum by (environment)` away in PromQL. */
function insightFamilies(history, status, dora, ci) {
    const total = new Map();
    for (const event of history.events) {
        if (event.reverts)
            continue;
        const key = `${event.environment}\0${event.service}`;
        const entry = total.get(key) ?? { environment: event.environment, service: event.service, count: 0 };
        entry.count++;
        total.set(key, entry);
    }
    const keyed = [];
    for (const [environment, services] of Object.entries(dora.services)) {
        for (const [service, keys] of Object.entries(services))
            keyed.push({ labels: { environment, service }, keys });
    }
    const gauge = (name, help, pick, unit) => ({
        name,
        type: 'gauge',
        ...(unit ? { unit } : {}),
        help,
        samples: keyed.flatMap(({ labels, keys }) => {
            const value = pick(keys);
            return value === null ? [] : [{ labels, value }];
        }),
    });
    const bandValue = { elite: 4, high: 3, medium: 2, low: 1 };
    const ciFamilies = ci
        ? [
            {
                name: 'aegis_ci_runs',
                type: 'gauge',
                help: 'CI runs (workflow runs, pipelines) in the window, by result.',
                samples: [
                    ['success', ci.succeeded],
                    ['failure', ci.failed],
                    ['other', ci.runs - ci.succeeded - ci.failed],
                ].map(([result, value]) => ({ labels: { project: ci.project, result }, value })),
            },
            ...(ci.successRate === null
                ? []
                : [
                    {
                        name: 'aegis_ci_success_ratio',
                        type: 'gauge',
                        unit: 'ratio',
                        help: 'Succeeded / finished CI runs in the window.',
                        samples: [{ labels: { project: ci.project }, value: ci.successRate }],
                    },
                ]),
            ...(ci.medianDurationSeconds === null
                ? []
                : [
                    {
                        name: 'aegis_ci_duration_seconds',
                        type: 'gauge',
                        unit: 'seconds',
                        help: 'Median duration of finished CI runs in the window.',
                        samples: [{ labels: { project: ci.project }, value: ci.medianDurationSeconds }],
                    },
                ]),
        ]
        : [];
    return [
        ...ciFamilies,
        {
            name: 'aegis_deployments',
            type: 'counter',
            help: 'Deployments recorded in the GitOps history (gitops-bump and promote commits; reverts excluded).',
            samples: [...total.values()].map((t) => ({ labels: { environment: t.environment, service: t.service }, value: t.count })),
        },
        {
            name: 'aegis_failed_deployments',
            type: 'counter',
            help: 'Deployments in the window that were reverted by health-gate or fixed forward.',
            samples: keyed.map(({ labels, keys }) => ({ labels, value: keys.changeFailure.failed })),
        },
        gauge('aegis_window_deployments', 'Deployments within the window.', (k) => k.deployments),
        {
            name: 'aegis_window_seconds',
            type: 'gauge',
            unit: 'seconds',
            help: 'Length of the window the DORA figures cover.',
            samples: [{ labels: {}, value: dora.window.seconds }],
        },
        gauge('aegis_lead_time_seconds', 'Median lead time for changes: source commit to deployment.', (k) => k.leadTime.medianSeconds, 'seconds'),
        gauge('aegis_change_failure_ratio', 'Change failure rate: failed deployments / deployments in the window.', (k) => k.changeFailure.rate, 'ratio'),
        gauge('aegis_time_to_restore_seconds', 'Median failed deployment recovery time.', (k) => k.timeToRestore.medianSeconds, 'seconds'),
        {
            name: 'aegis_dora_band',
            type: 'gauge',
            help: 'DORA performance band per key (4 elite, 3 high, 2 medium, 1 low), thresholds of the 2023 State of DevOps report.',
            samples: keyed.flatMap(({ labels, keys }) => [
                ['deployment_frequency', keys.deploymentFrequency.band],
                ['lead_time', keys.leadTime.band],
                ['change_failure_rate', keys.changeFailure.band],
                ['time_to_restore', keys.timeToRestore.band],
            ].flatMap(([key, band]) => (band ? [{ labels: { ...labels, key }, value: bandValue[band] }] : []))),
        },
        {
            name: 'aegis_running_since_seconds',
            type: 'gauge',
            unit: 'seconds',
            help: 'Unix time since which the current image runs in the environment.',
            samples: status.flatMap((s) => s.since === undefined ? [] : [{ labels: { environment: s.environment, service: s.service }, value: s.since }]),
        },
        {
            name: 'aegis_drift',
            type: 'gauge',
            help: '1 when the overlays set something the trailers do not record (hand edit) or overlays of one environment differ.',
            samples: status.map((s) => ({ labels: { environment: s.environment, service: s.service }, value: s.drift ? 1 : 0 })),
        },
        {
            name: 'aegis_behind_deployments',
            type: 'gauge',
            help: 'Deployments the environment before this one has had since it ran what this one runs.',
            samples: status.flatMap((s) => s.behind ? [{ labels: { environment: s.environment, service: s.service }, value: s.behind.deployments }] : []),
        },
        {
            name: 'aegis_behind_commits',
            type: 'gauge',
            help: "GitOps commits between what this environment runs reaching the one before it and that one's newest deployment.",
            samples: status.flatMap((s) => s.behind ? [{ labels: { environment: s.environment, service: s.service }, value: s.behind.commits }] : []),
        },
    ];
}

// EXTERNAL MODULE: ./src/core/insight/history.ts
var insight_history = __webpack_require__(3408);
// EXTERNAL MODULE: ./src/core/insight/pipelines.ts
var pipelines = __webpack_require__(1439);
// EXTERNAL MODULE: ./src/core/http.ts
var http = __webpack_require__(1983);
;// CONCATENATED MODULE: ./src/core/insight/pushgateway.ts
/**
 * Pushes the exposition to a Prometheus Pushgateway: PUT /metrics/job/<job>{/<label>/<value>}
 * replaces the whole group, so a figure that disappeared from the history disappears there
 * too. Values that are empty or hold a '/' use the `@base64` form the Pushgateway documents.
 */


function segment(name, value) {
    if (value === '' || value.includes('/')) {
        const encoded = Buffer.from(value, 'utf8').toString('base64url');
        return `${name}@base64/${encoded === '' ? '=' : encoded}`;
    }
    return `${name}/${encodeURIComponent(value)}`;
}
/** The group's URL, without credentials. */
function pushUrl(base, job, grouping) {
    const parts = [segment('job', job), ...grouping.map(([name, value]) => segment(name, value))];
    return `${base.replace(/\/+$/, '')}/metrics/${parts.join('/')}`;
}
/** PUT the metrics; throws an AegisError naming the host (never the credentials) on failure. */
async function pushMetrics(options) {
    const url = pushUrl(options.url, options.job, options.grouping);
    const host = new URL(url).host;
    const headers = { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' };
    if (options.username !== undefined || options.password !== undefined) {
        headers.Authorization = `Basic ${Buffer.from(`${options.username ?? ''}:${options.password ?? ''}`).toString('base64')}`;
    }
    let response;
    try {
        // PUT replaces the group: repeating it is safe, so connection errors and 5xx are retried.
        response = await (0,http/* httpFetch */.tX)(url, { method: 'PUT', headers, body: options.body }, { timeoutMs: options.timeoutMs ?? 30_000, retry: { attempts: 3 }, fetch: options.fetch });
    }
    catch (error) {
        if (error instanceof http/* HttpUnreachableError */.fN)
            throw new errors/* AegisError */.o4(`Pushgateway ${host} could not be reached: ${error.reason}.`);
        throw error;
    }
    if (!response.ok) {
        const text = (await response.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
        throw new errors/* AegisError */.o4(`Pushgateway ${host} answered HTTP ${response.status} to the push${text ? `: ${text}` : ''}.`);
    }
    return url;
}

// EXTERNAL MODULE: ./src/core/insight/repository.ts
var repository = __webpack_require__(9522);
// EXTERNAL MODULE: ./src/core/insight/source-time.ts
var source_time = __webpack_require__(1341);
// EXTERNAL MODULE: ./src/core/insight/status.ts
var insight_status = __webpack_require__(7000);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(6706);
;// CONCATENATED MODULE: ./src/core/insight/summary.ts
/**
 * The job summary: what runs where, the four keys per environment with their DORA band, and
 * a mermaid chart of deployments per week. Everything from the repository (image names,
 * references, environment names) is data: escaped for markdown and for mermaid.
 */


/** Repository text in the summary goes through the one escaping layer (src/core/markdown.ts). */
const markdownText = markdown/* inlineText */.ln;

function formatDuration(seconds) {
    if (seconds === null)
        return '—';
    if (seconds < 60)
        return `${Math.round(seconds)} s`;
    if (seconds < 3600)
        return `${(seconds / 60).toFixed(1)} min`;
    if (seconds < 86_400)
        return `${(seconds / 3600).toFixed(1)} h`;
    return `${(seconds / 86_400).toFixed(1)} d`;
}
const isoDate = (time) => new Date(time * 1000).toISOString().slice(0, 10);
const isoTime = (time) => `${new Date(time * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
/** Cells here are already escaped (markdownText) or our own markup. */
function table(headers, rows) {
    return (0,markdown/* markdownTable */.Qj)(headers, rows.map((row) => row.map(markdown/* markup */.PT)));
}
/** A markdown link to an http(s) URL from the repository, with the characters that could end or break the link encoded; '' otherwise. */
function markdownLink(text, url) {
    if (!url || !/^https?:\/\/[^\s]+$/.test(url))
        return '';
    const safe = url.replace(/[()<>[\]\\`"'|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${markdownText(text)}](${safe})`;
}
function statusTable(status) {
    if (status.length === 0)
        return 'No images in the overlays.';
    const rows = status.map((entry) => [
        markdownText(entry.environment),
        markdownText(entry.service),
        markdownText(entry.tag ?? entry.reference),
        entry.digest ? markdownText(entry.digest.slice(0, 19)) : '',
        entry.since === undefined ? '—' : isoTime(entry.since),
        entry.commit ? entry.commit.slice(0, 12) : '—',
        markdownLink('run', entry.run),
        entry.promotedFrom ? markdownText(`${entry.promotedFrom.environment}@${entry.promotedFrom.commit.slice(0, 12)}`) : '',
        entry.behind ? `${entry.behind.deployments} deployment(s), ${entry.behind.commits} commit(s), ${entry.behind.days.toFixed(1)} d` : '',
        entry.drift
            ? entry.drift.kind === 'hand-edit'
                ? `⚠️ edited by hand (trailers say ${markdownText(entry.drift.recorded)})`
                : `⚠️ overlays differ: ${entry.drift.references.map(markdownText).join(', ')}`
            : entry.untracked
                ? 'no Aegis trailer yet'
                : '',
    ]);
    return table(['environment', 'service', 'version', 'digest', 'since', 'commit', 'run', 'promoted from', 'behind previous', 'drift'], rows);
}
function band(value) {
    return value ?? '—';
}
function keysTable(keys) {
    const rows = Object.entries(keys).map(([environment, k]) => [
        markdownText(environment),
        `${k.deploymentFrequency.perWeek.toFixed(2)}/week (${k.deployments}) · ${band(k.deploymentFrequency.band)}`,
        `${formatDuration(k.leadTime.medianSeconds)} · ${band(k.leadTime.band)}${k.leadTime.unknown ? ` (${k.leadTime.unknown} without source time)` : ''}`,
        `${k.changeFailure.rate === null ? '—' : `${(k.changeFailure.rate * 100).toFixed(1)} %`} (${k.changeFailure.failed}) · ${band(k.changeFailure.band)}`,
        `${formatDuration(k.timeToRestore.medianSeconds)} · ${band(k.timeToRestore.band)}`,
    ]);
    return rows.length === 0
        ? 'No deployments in the window.'
        : table(['environment', 'deployment frequency', 'lead time (median)', 'change failure rate', 'time to restore (median)'], rows);
}
/** One bar chart per environment (xychart has no legend), weeks on the x axis. */
function weeklyChart(dora, environments) {
    const labels = dora.weekly.map((week) => `"${(0,markdown/* mermaidText */.Hg)(isoDate(week.week))}"`).join(', ');
    return environments
        .filter((environment) => dora.environments[environment])
        .map((environment) => {
        const counts = dora.weekly.map((week) => week.counts[environment] ?? 0);
        return [
            '```mermaid',
            'xychart-beta',
            `  title "Deployments per week: ${(0,markdown/* mermaidText */.Hg)(environment)}"`,
            `  x-axis [${labels}]`,
            `  y-axis "deployments" 0 --> ${Math.max(1, ...counts)}`,
            `  bar [${counts.join(', ')}]`,
            '```',
        ].join('\n');
    })
        .join('\n\n');
}
function insightSummary(input) {
    const { dora } = input;
    const drift = input.status.filter((entry) => entry.drift).length;
    return [
        '### aegis insight',
        '',
        `${markdownText(input.repository)}: ${input.status.length} image(s) in ${input.environments.length} environment(s)${drift ? `, ⚠️ ${drift} drifted` : ''}.`,
        '',
        '#### What runs where',
        '',
        statusTable(input.status),
        '',
        `#### DORA four keys, ${isoDate(dora.window.from)} → ${isoDate(dora.window.to)}`,
        '',
        keysTable(dora.environments),
        '',
        `<sub>Bands: ${insight_dora/* BANDS */.ZN.source}. A failed deployment is one reverted by health-gate or followed by a fix-forward; see the README.</sub>`,
        '',
        ...(input.ci
            ? [
                `CI runs of ${markdownText(input.ci.project)}: ${input.ci.runs}, ${input.ci.succeeded} succeeded, ${input.ci.failed} failed` +
                    `${input.ci.successRate === null ? '' : ` (success rate ${(input.ci.successRate * 100).toFixed(1)} %)`}, median duration ${formatDuration(input.ci.medianDurationSeconds)}.`,
                '',
            ]
            : []),
        weeklyChart(dora, input.environments),
        input.pushed ? `\nPushed to ${markdownText(input.pushed)}.` : '',
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/core/paths.ts
var paths = __webpack_require__(6107);
// EXTERNAL MODULE: ./src/core/promote/environments.ts
var promote_environments = __webpack_require__(5072);
// EXTERNAL MODULE: ./src/stages/gitops-repository.ts + 1 modules
var gitops_repository = __webpack_require__(7106);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/insight.ts
















const definition = {
    name: 'insight',
    title: 'Insight',
    description: "What runs where, and DORA's four keys, read from the GitOps repository's history and its Aegis-* trailers: a status per environment × service (with drift), deployment frequency, lead time, change failure rate and time to restore, as JSON, OpenMetrics, a Pushgateway push and a job summary.",
    inputs: {
        ...(0,gitops_repository/* gitopsRepositoryInputs */.c5)({
            required: true,
            branch: 'Branch whose history and overlays are read.',
        }),
        environments: {
            description: 'YAML mapping of environment → overlay path or list of paths, in promotion order (as promote reads it).',
            default: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod',
        },
        since: { description: 'Window of the DORA figures, back from until: a duration (12h, 30d, 8w) or an ISO 8601 time.', default: '30d' },
        until: { description: 'End of the window (ISO 8601); now by default.' },
        'fix-within': {
            description: "A deployment followed this soon by the next deployment of the same service to the same environment counts as failed and fixed forward (12h, 30m, 1d); '0' counts only health-gate reverts.",
            default: '1h',
        },
        'status-file': {
            description: "Where the status JSON is written: a path in the workspace or the runner's temp directory; by default status.json in the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/ on GitLab).",
        },
        'metrics-file': { description: "Where the DORA metrics JSON is written; by default metrics.json in the stage's output directory." },
        'openmetrics-file': {
            description: "Where the OpenMetrics text exposition is written; by default metrics.txt in the stage's output directory.",
        },
        'pushgateway-url': { description: 'Prometheus Pushgateway to push the metrics to (http:// or https://); no push without it.' },
        'pushgateway-job': { description: 'Job label of the pushed group.', default: 'aegis-insight' },
        'pushgateway-grouping': {
            description: 'More grouping-key labels of the pushed group, one label=value per line or comma-separated (e.g. repository=platform/gitops).',
        },
        'pushgateway-username': { description: 'Basic auth user for the Pushgateway (with pushgateway-password, which is the secret).' },
        'pushgateway-password': { description: 'Basic auth password for the Pushgateway.', secret: true },
        'ci-project': {
            description: 'Repository on the forge (owner/repo or group/project) whose CI runs (GitHub workflow runs, GitLab pipelines) to count and time over the window; none read without it.',
        },
        'ci-forge': { description: "Forge of ci-project: 'github' or 'gitlab'; defaults to the platform running the job." },
        'ci-forge-url': { description: 'Forge API URL for ci-project (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
        'ci-token': { description: 'Token that may read the CI runs of ci-project; defaults to token.', secret: true },
        'ci-branch': { description: 'Only CI runs of this branch.' },
        'ci-limit': { description: 'At most this many CI runs are read (newest first, pages of 100).', default: '1000' },
    },
    outputs: {
        'status-file': {
            kind: 'path',
            description: 'Path of the status JSON: per environment × service image, since, commit, run, promoted-from, behind, drift (relative to the workspace when inside it).',
        },
        'metrics-file': {
            kind: 'path',
            description: 'Path of the DORA JSON: the four keys per environment and per service, with bands and their source (relative to the workspace when inside it).',
        },
        'openmetrics-file': {
            kind: 'path',
            description: 'Path of the OpenMetrics text exposition (relative to the workspace when inside it).',
        },
        deployments: { kind: 'number', description: 'Number of deployments within the window, all environments.' },
        drift: {
            kind: 'boolean',
            description: "'true' when an overlay sets something no trailer records (a hand edit) or overlays of one environment differ.",
        },
        pushed: { kind: 'boolean', description: "'true' when the metrics were pushed to the Pushgateway." },
    },
    gitlab: { stage: 'deploy' },
};
/** Seconds of `30d`, `12h`, `8w`, `90m`; `0` is zero where allowed. */
function span(input, value, allowZero) {
    if (allowZero && value === '0')
        return 0;
    const ms = (0,duration/* parseDuration */.E9)(value, { days: true });
    if (ms === undefined || ms < 1000)
        throw new errors/* InputError */.dz(input, value, `${duration/* LONG_DURATION_EXPECTED */.xS}${allowZero ? ", or '0'" : ''}`);
    return ms / 1000;
}
function grouping(reader) {
    return reader.list('pushgateway-grouping').map((item) => {
        const match = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/.exec(item);
        if (!match || match[1] === 'job' || match[1]?.startsWith('__'))
            throw new errors/* InputError */.dz('pushgateway-grouping', item, 'label=value with a Prometheus label name other than job');
        return [match[1], match[2]];
    });
}
function parseInsightInputs(reader, platform, clock) {
    const environments = (0,promote_environments/* parseEnvironments */.ml)(reader.string('environments'));
    const untilInput = reader.optional('until');
    const now = untilInput === undefined ? Math.floor(clock() / 1000) : (0,insight_history/* parseTime */.pe)(untilInput);
    if (now === undefined)
        throw new errors/* InputError */.dz('until', untilInput, 'an ISO 8601 time such as 2026-01-31T12:00:00Z');
    const sinceInput = reader.string('since');
    const sinceTime = (0,insight_history/* parseTime */.pe)(sinceInput);
    const windowSeconds = sinceTime !== undefined ? now - sinceTime : span('since', sinceInput, false);
    if (windowSeconds <= 0)
        throw new errors/* InputError */.dz('since', sinceInput, `a time before until (${(0,source_time/* isoSeconds */.nE)(now)})`);
    const url = reader.optional('pushgateway-url');
    if (url !== undefined && !/^https?:\/\/[^\s/@]+(\/\S*)?$/.test(url)) {
        // Never quoted: a URL with user:password@ in it is a secret.
        throw new errors/* InputError */.dz('pushgateway-url', '***', 'an http:// or https:// URL without credentials (use pushgateway-username/-password)');
    }
    const username = reader.optional('pushgateway-username');
    const password = reader.optional('pushgateway-password');
    if (url?.startsWith('http://') && (username || password) && !/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/.test(url)) {
        throw new errors/* InputError */.dz('pushgateway-url', url, 'an https:// URL: basic auth is never sent over plain http except to this machine');
    }
    const job = reader.string('pushgateway-job');
    const labels = grouping(reader);
    if (!job)
        throw new errors/* InputError */.dz('pushgateway-job', job, 'a job name');
    const repository = (0,gitops_repository/* parseGitopsRepository */.yw)(reader, platform);
    const ciProject = reader.optional('ci-project');
    const ciForge = reader.optional('ci-forge');
    if (ciForge !== undefined && ciForge !== 'github' && ciForge !== 'gitlab')
        throw new errors/* InputError */.dz('ci-forge', ciForge, "'github' or 'gitlab'");
    const ciLimit = reader.integer('ci-limit', { min: 1, max: 10_000 });
    const ciBranch = reader.optional('ci-branch');
    if (ciBranch)
        (0,gitops_repository/* assertBranchName */.ae)('ci-branch', ciBranch);
    let ci;
    if (ciProject) {
        const token = reader.optional('ci-token') ?? repository.credentials.token;
        if (!token)
            throw new errors/* InputError */.dz('ci-token', '', 'a token that may read the CI runs of ci-project (or token)');
        ci = { project: ciProject, token, kind: ciForge, apiUrl: reader.optional('ci-forge-url'), branch: ciBranch, limit: ciLimit };
    }
    return {
        repository,
        ci,
        environments,
        now,
        windowSeconds,
        fixWithinSeconds: span('fix-within', reader.string('fix-within'), true),
        statusFile: reader.outputPath('status-file', 'status.json'),
        metricsFile: reader.outputPath('metrics-file', 'metrics.json'),
        openmetricsFile: reader.outputPath('openmetrics-file', 'metrics.txt'),
        pushgateway: url ? { url, job, grouping: labels, username, password } : undefined,
    };
}
function planInsight(options) {
    const steps = [
        `Read the history of ${options.repository.url} (${options.repository.branch}) and the overlays of ${options.environments.map((e) => e.name).join(', ')}.`,
        `DORA window: ${(0,source_time/* isoSeconds */.nE)(options.now - options.windowSeconds)} → ${(0,source_time/* isoSeconds */.nE)(options.now)}.`,
        `Write ${options.statusFile}, ${options.metricsFile}, ${options.openmetricsFile}.`,
    ];
    if (options.pushgateway)
        steps.push(`Push to ${new URL(options.pushgateway.url).host} (job ${options.pushgateway.job}).`);
    return { options, steps };
}
/** Its directory is created inside the workspace (or the input root holding it), never through a symlink out of it. */
function writeFile(platform, path, content) {
    (0,safe_write/* writeFileSafely */.kv)(path, content, { root: (0,shared/* writeRootFor */.PG)(platform, path) });
}
async function executeInsight(plan, platform) {
    platform.log.info(`Plan:\n${plan.steps.map((step) => `- ${step}`).join('\n')}`);
    return platform.log.group('Insight', () => readAndPublish(plan, platform));
}
async function readAndPublish(plan, platform) {
    const { options } = plan;
    const computed = await (0,gitops_repository/* withGitopsRemote */.vO)(platform, options.repository, async (remote) => {
        const clone = await (0,repository/* cloneGitops */.Qc)(remote, options.repository.branch, 'checkout');
        try {
            const { history, overlays, lastTouch } = await (0,repository/* readRepository */.Nu)(clone, options.environments);
            const names = options.environments.map((environment) => environment.name);
            const status = (0,insight_status/* computeStatus */.ee)(history, names, overlays, lastTouch);
            const dora = (0,insight_dora/* computeDora */.eJ)(history, {
                now: options.now,
                windowSeconds: options.windowSeconds,
                fixWithinSeconds: options.fixWithinSeconds,
            });
            return { history, status, dora };
        }
        finally {
            clone.close();
        }
    });
    const { history, status, dora } = computed;
    const result = { plan, status, dora, commits: history.commits, unattributed: history.unattributed };
    if (options.ci) {
        // Loaded only now: a run without ci-project never loads a forge client.
        const { project, token, kind, apiUrl, branch, limit } = options.ci;
        const forge = await platform.forge({ token, kind, apiUrl });
        const runs = await forge.pipelineRuns(project, { since: dora.window.from, branch, limit });
        result.ci = { project, ...(0,pipelines/* pipelineFigures */.Om)(runs, dora.window) };
    }
    const families = insightFamilies(history, status, dora, result.ci);
    writeFile(platform, options.statusFile, `${JSON.stringify({ repository: options.repository.url, branch: options.repository.branch, tip: history.tip, status }, null, 2)}\n`);
    const { outcomes, ...figures } = dora;
    writeFile(platform, options.metricsFile, `${JSON.stringify({
        ...figures,
        commits: history.commits,
        unattributed: history.unattributed,
        ci: result.ci ?? null,
        deployments: outcomes.map((o) => ({
            environment: o.event.environment,
            service: o.event.service,
            commit: o.event.commit,
            time: o.event.time,
            reference: o.event.reference,
            leadTimeSeconds: o.leadTimeSeconds ?? null,
            failure: o.failure ?? null,
        })),
    }, null, 2)}\n`);
    writeFile(platform, options.openmetricsFile, renderFamilies(families, 'openmetrics'));
    if (options.pushgateway) {
        const { url, job, grouping, username, password } = options.pushgateway;
        result.pushedTo = await pushMetrics({ url, job, grouping, username, password, body: renderFamilies(families, 'prometheus') });
    }
    return result;
}
async function reportInsight(result, platform) {
    const { options } = result.plan;
    const deployments = Object.values(result.dora.environments).reduce((sum, keys) => sum + keys.deployments, 0);
    const drift = result.status.some((entry) => entry.drift);
    platform.setOutput('status-file', (0,paths/* displayPath */.Gt)(platform.workspace, options.statusFile));
    platform.setOutput('metrics-file', (0,paths/* displayPath */.Gt)(platform.workspace, options.metricsFile));
    platform.setOutput('openmetrics-file', (0,paths/* displayPath */.Gt)(platform.workspace, options.openmetricsFile));
    platform.setOutput('deployments', String(deployments));
    platform.setOutput('drift', String(drift));
    platform.setOutput('pushed', String(Boolean(result.pushedTo)));
    if (result.unattributed > 0) {
        platform.log.warning(`${result.unattributed} commit(s) set images without an Aegis-Environment trailer; they are not attributed to an environment.`);
    }
    for (const entry of result.status.filter((e) => e.drift)) {
        platform.log.warning(`Drift in ${entry.environment}: ${entry.service} runs ${entry.reference}, which no Aegis trailer records as deployed there.`);
    }
    await platform.summary(insightSummary({
        repository: options.repository.url,
        status: result.status,
        dora: result.dora,
        environments: options.environments.map((e) => e.name),
        pushed: result.pushedTo ? new URL(result.pushedTo).host : undefined,
        ci: result.ci,
    }));
}
// The module shape of every stage (src/stages/module.ts).

const parse = (reader, platform) => parseInsightInputs(reader, platform.name, Date.now);



/***/ })

};

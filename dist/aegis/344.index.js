export const id = 344;
export const ids = [344];
export const modules = {

/***/ 3344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   definition: () => (/* binding */ definition),
/* harmony export */   gitopsBump: () => (/* binding */ gitopsBump),
/* harmony export */   parse: () => (/* binding */ parse),
/* harmony export */   parseGitopsBumpInputs: () => (/* binding */ parseGitopsBumpInputs),
/* harmony export */   pullRequestBranchFor: () => (/* binding */ pullRequestBranchFor),
/* harmony export */   run: () => (/* binding */ runGitopsBump),
/* harmony export */   runGitopsBump: () => (/* binding */ runGitopsBump)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_git_transaction_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7140);
/* harmony import */ var _core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8534);
/* harmony import */ var _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(349);
/* harmony import */ var _core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2758);
/* harmony import */ var _core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1341);
/* harmony import */ var _core_markdown_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6706);
/* harmony import */ var _core_yaml_values_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(954);
/* harmony import */ var _gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7106);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9778);










const definition = {
    name: 'gitops-bump',
    title: 'GitOps bump',
    description: 'Set image references in Kustomize overlays (and values in Helm values files) of a GitOps repository, commit with provenance trailers and push, safely when many jobs push at once.',
    inputs: {
        ...(0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .gitopsRepositoryInputs */ .c5)({
            required: true,
            branch: 'Branch to update (the base branch in pull-request mode).',
            author: 'Commit author as "Name <email>".',
        }),
        paths: {
            description: 'Kustomization files, directories holding one, or globs (one per line or comma-separated), relative to the repository root.',
        },
        images: {
            description: 'Images to set, one per line, in `kustomize edit set image` syntax (name=newName:tag@sha256:…, name:tag, name@sha256:…, * keeps a value).',
        },
        set: { description: 'Values to set in YAML files such as Helm values, one per line: <file>:<dotted.path>=<value>.' },
        'add-missing': {
            description: 'Add an images entry to kustomizations that have none for the image, as kustomize does.',
            default: 'true',
        },
        mode: {
            description: "'push' commits to the branch; 'pull-request' commits to a deterministic branch and opens or updates a PR/MR.",
            default: 'push',
        },
        ...(0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .pullRequestInputs */ .eT)('aegis/gitops-bump/<branch>/<environment>-<images>'),
        environment: {
            description: 'Environment name recorded in the commit (Aegis-Environment trailer) and usable in the message as {environment}.',
        },
        'commit-message': {
            description: 'Commit subject template; placeholders {images}, {environment}, {files}.',
            default: 'chore(gitops): bump {images}',
        },
        'dry-run': { description: 'Print the plan and stop: nothing is committed or pushed.', default: 'false' },
        'source-commit': { description: 'Commit recorded as Aegis-Source-Commit; defaults to the commit that triggered the run.' },
        'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
        'source-time': {
            description: 'Time of the source commit (ISO 8601) recorded as Aegis-Source-Time, from which insight measures lead time; defaults to the committer time of source-commit in the workspace checkout.',
        },
    },
    outputs: {
        changed: {
            kind: 'boolean',
            description: "'true' when a commit was pushed (or, in pull-request mode, a branch pushed earlier got its request); 'false' when the repository already had these values (or on dry runs).",
        },
        'commit-sha': { kind: 'text', description: 'The pushed commit, or the branch tip that already held the values.' },
        previous: {
            kind: 'json',
            description: "JSON array of {file, image or path, current, written} for every value replaced: current the value before this run (null: no entry), written what is written (as in promote's plan). Deprecated: previous (= current) and next (= written), kept for one release.",
        },
        'pull-request-url': { kind: 'text', description: 'URL of the opened or updated pull/merge request (pull-request mode).' },
        attempts: { kind: 'number', description: 'Number of push attempts used (more than 1 when other jobs pushed concurrently).' },
    },
    run: (platform) => runGitopsBump(platform),
};
const gitopsBump = definition;
/** Reads and validates every input before anything is cloned or written. */
function parseGitopsBumpInputs(reader, event, platform = 'local') {
    const images = (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__/* .parseImageLines */ .s9)(reader.string('images'), 'images');
    const values = (0,_core_yaml_values_js__WEBPACK_IMPORTED_MODULE_7__/* .parseSetLines */ .Jh)(reader.string('set'), 'set');
    if (images.length === 0 && values.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('images', '', "at least one image line (or a 'set' line)", 'there is nothing to bump');
    }
    const paths = reader.list('paths');
    if (images.length > 0 && paths.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('paths', '', 'kustomization files, directories or globs to set the images in');
    }
    return {
        repository: (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .parseGitopsRepository */ .yw)(reader, platform),
        request: { paths, images, values, addMissing: reader.boolean('add-missing') },
        mode: reader.choice('mode', ['push', 'pull-request']),
        pullRequest: (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .parsePullRequestTarget */ .Tl)(reader),
        environment: reader.optional('environment'),
        commitMessage: reader.string('commit-message'),
        dryRun: reader.boolean('dry-run'),
        sourceCommit: reader.optional('source-commit') ?? event.head,
        sourceRun: reader.optional('source-run') ?? event.runUrl,
        sourceTime: parseSourceTime(reader.optional('source-time')),
    };
}
function parseSourceTime(value) {
    if (value === undefined)
        return undefined;
    const time = (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_5__/* .parseTime */ .pe)(value);
    if (time === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('source-time', value, 'an ISO 8601 time such as 2026-01-31T12:00:00Z');
    return (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_5__/* .isoSeconds */ .nE)(time);
}
/** The same bump (branch, environment, images) always lands on the same PR. */
function pullRequestBranchFor(options) {
    const targets = [
        ...options.request.images.map((image) => image.name.split('/').pop()),
        ...options.request.values.map((value) => value.file),
    ].sort();
    return (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .pullRequestBranchName */ .a)('gitops-bump', options.repository.branch, [options.environment ?? '', ...targets]);
}
function commitMessageFor(options, plan) {
    const images = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_2__/* .describeImageChanges */ .S)(plan.imageChanges);
    const shortImages = [
        ...images.map((image) => `${image.name.split('/').pop()} to ${image.version}`),
        ...plan.valueChanges.map((value) => `${value.path} to ${value.next}`),
    ].join(', ');
    const subject = (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .renderTemplate */ .Xm)(options.commitMessage, {
        images: shortImages,
        environment: options.environment ?? '',
        files: plan.files.map((file) => file.path).join(', '),
    });
    const body = plan.files.map((file) => `- ${file.path}`).join('\n');
    const trailers = [];
    for (const image of images) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.image, value: `${image.name}=${image.next}` });
        if (image.previous)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.previousImage, value: `${image.name}=${image.previous}` });
    }
    for (const value of plan.valueChanges) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.value, value: `${value.file}:${value.path}=${value.next}` });
        if (value.previous !== null)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
    }
    if (options.environment)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.environment, value: options.environment });
    if (options.sourceCommit)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.sourceCommit, value: options.sourceCommit });
    if (options.sourceRun)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.sourceRun, value: options.sourceRun });
    if (options.sourceTime)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.sourceTime, value: options.sourceTime });
    trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .TRAILER */ .AH.stage, value: 'gitops-bump' });
    return (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_3__/* .buildCommitMessage */ .vL)(subject, `Files:\n${body}`, trailers);
}
/** A `previous` output entry: current/written, plus their old names (`previous`, `next`): deprecated, kept for one release. */
function replacement(subject, current, written) {
    return { ...subject, current, written, previous: current, next: written };
}
function planTable(plan) {
    const rows = [
        ...plan.imageChanges.map((change) => [
            change.file,
            change.name,
            change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : '(added)',
            (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatImage */ .vy)({ name: change.name, ...change.next }),
        ]),
        ...plan.valueChanges.map((change) => [change.file, change.path, change.previous ?? '(added)', change.next]),
    ];
    return rows.length === 0
        ? 'Nothing to change: the repository already has these values.'
        : (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_6__/* .markdownTable */ .Qj)(['file', 'image / path', 'previous', 'new'], rows);
}
async function runGitopsBump(platform) {
    const reader = new _inputs_js__WEBPACK_IMPORTED_MODULE_9__/* .InputReader */ .i_(platform, definition.inputs);
    const options = parseGitopsBumpInputs(reader, platform.event(), platform.name);
    options.sourceTime ??= await (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_5__/* .commitTime */ .bX)(platform.workspace, options.sourceCommit);
    const { log } = platform;
    const { repository } = options;
    const pushBranch = options.mode === 'pull-request' ? (options.pullRequest.branch ?? pullRequestBranchFor(options)) : repository.branch;
    const result = await (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .withGitopsRemote */ .vO)(platform, repository, (remote) => log.group(`Bump ${repository.url} (${pushBranch})`, () => (0,_core_git_transaction_js__WEBPACK_IMPORTED_MODULE_1__/* .commitAndPush */ .tk)({ ...(0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .gitopsPushSettings */ .oZ)(repository, { remote, dryRun: options.dryRun, log }), pushBranch }, async ({ dir, attempt }) => {
        const plan = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_2__/* .planBump */ .m)(dir, options.request);
        if (attempt === 1 || plan.files.length > 0)
            log.info(`Plan (attempt ${attempt}):\n${planTable(plan)}`);
        return { files: plan.files, message: commitMessageFor(options, plan), detail: plan };
    })));
    const plan = result.change.detail;
    const { status, pullRequestUrl } = await (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .reportGitopsPush */ .FB)(platform, repository, {
        result,
        pushBranch,
        mode: options.mode,
        pullRequest: options.pullRequest,
        dryRun: options.dryRun,
        body: () => `${planTable(plan)}\n\n<sub>Opened by aegis gitops-bump.</sub>`,
        wording: { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' },
        files: plan.files.length,
    });
    const previous = [
        ...plan.imageChanges.map((change) => replacement({ file: change.file, image: change.name }, change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : null, (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_4__/* .formatImage */ .vy)({ name: change.name, ...change.next }))),
        ...plan.valueChanges.map((change) => replacement({ file: change.file, path: change.path }, change.previous, change.next)),
    ];
    platform.setOutput('previous', JSON.stringify(previous));
    await platform.summary(`### aegis gitops-bump\n\n${status}${pullRequestUrl ? `\n\nPull request: ${pullRequestUrl}` : ''}\n\n${planTable(plan)}\n`);
}
// The module shape of every stage (src/stages/index.ts): definition, parse, run.

const parse = (reader, platform) => parseGitopsBumpInputs(reader, platform.event(), platform.name);


/***/ })

};

export const id = 344;
export const ids = [344];
export const modules = {

/***/ 3344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   definition: () => (/* binding */ definition),
/* harmony export */   execute: () => (/* binding */ execute),
/* harmony export */   parse: () => (/* binding */ parse),
/* harmony export */   plan: () => (/* binding */ plan),
/* harmony export */   pullRequestBranchFor: () => (/* binding */ pullRequestBranchFor),
/* harmony export */   report: () => (/* binding */ report)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8534);
/* harmony import */ var _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(349);
/* harmony import */ var _core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2758);
/* harmony import */ var _core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1341);
/* harmony import */ var _core_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6706);
/* harmony import */ var _core_yaml_values_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(954);
/* harmony import */ var _gitops_push_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5936);
/* harmony import */ var _gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7106);









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
        ...(0,_gitops_push_js__WEBPACK_IMPORTED_MODULE_7__/* .gitopsPushOutputs */ .Jw)('the repository already had these values (or on dry runs)'),
        previous: {
            kind: 'json',
            description: "JSON array of {file, image or path, current, written} for every value replaced: current the value before this run (null: no entry), written what is written (as in promote's plan). Deprecated: previous (= current) and next (= written), kept for one release.",
        },
    },
};
/** Reads and validates every input before anything is cloned or written. */
function parse(reader, platform) {
    const event = platform.event();
    const images = (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageLines */ .s9)(reader.string('images'), 'images');
    const values = (0,_core_yaml_values_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSetLines */ .Jh)(reader.string('set'), 'set');
    if (images.length === 0 && values.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('images', '', "at least one image line (or a 'set' line)", 'there is nothing to bump');
    }
    const paths = reader.list('paths');
    if (images.length > 0 && paths.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('paths', '', 'kustomization files, directories or globs to set the images in');
    }
    return {
        repository: (0,_gitops_repository_js__WEBPACK_IMPORTED_MODULE_8__/* .parseGitopsRepository */ .yw)(reader, platform.name),
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
    const time = (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_4__/* .parseTime */ .pe)(value);
    if (time === undefined)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('source-time', value, 'an ISO 8601 time such as 2026-01-31T12:00:00Z');
    return (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_4__/* .isoSeconds */ .nE)(time);
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
    const images = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_1__/* .describeImageChanges */ .S)(plan.imageChanges);
    const shortImages = [
        ...images.map((image) => `${image.name.split('/').pop()} to ${image.version}`),
        ...plan.valueChanges.map((value) => `${value.path} to ${value.next}`),
    ].join(', ');
    const subject = (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .renderTemplate */ .Xm)(options.commitMessage, {
        images: shortImages,
        environment: options.environment ?? '',
        files: plan.files.map((file) => file.path).join(', '),
    });
    const body = plan.files.map((file) => `- ${file.path}`).join('\n');
    const trailers = [];
    for (const image of images) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.image, value: `${image.name}=${image.next}` });
        if (image.previous)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.previousImage, value: `${image.name}=${image.previous}` });
    }
    for (const value of plan.valueChanges) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.value, value: `${value.file}:${value.path}=${value.next}` });
        if (value.previous !== null)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
    }
    if (options.environment)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.environment, value: options.environment });
    if (options.sourceCommit)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.sourceCommit, value: options.sourceCommit });
    if (options.sourceRun)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.sourceRun, value: options.sourceRun });
    if (options.sourceTime)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.sourceTime, value: options.sourceTime });
    trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .TRAILER */ .AH.stage, value: 'gitops-bump' });
    return (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_2__/* .buildCommitMessage */ .vL)(subject, `Files:\n${body}`, trailers);
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
            change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : '(added)',
            (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.next }),
        ]),
        ...plan.valueChanges.map((change) => [change.file, change.path, change.previous ?? '(added)', change.next]),
    ];
    return rows.length === 0
        ? 'Nothing to change: the repository already has these values.'
        : (0,_core_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .markdownTable */ .Qj)(['file', 'image / path', 'previous', 'new'], rows);
}
/** The branch pushed to, and the source commit's time (read from the workspace checkout when not given). */
async function plan(options, platform) {
    const sourceTime = options.sourceTime ?? (await (0,_core_insight_source_time_js__WEBPACK_IMPORTED_MODULE_4__/* .commitTime */ .bX)(platform.workspace, options.sourceCommit));
    const pushBranch = options.mode === 'pull-request' ? (options.pullRequest.branch ?? pullRequestBranchFor(options)) : options.repository.branch;
    return { options: { ...options, sourceTime }, pushBranch };
}
/** Plans the bump on the tip (again after each lost race), commits and pushes it, and opens its PR/MR in pull-request mode. */
async function execute(plan, platform) {
    const { options, pushBranch } = plan;
    const { log } = platform;
    const push = await (0,_gitops_push_js__WEBPACK_IMPORTED_MODULE_7__/* .pushToGitops */ ._c)(platform, {
        repository: options.repository,
        group: `Bump ${options.repository.url} (${pushBranch})`,
        change: async ({ dir, attempt }) => {
            const bump = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_1__/* .planBump */ .m)(dir, options.request);
            if (attempt === 1 || bump.files.length > 0)
                log.info(`Plan (attempt ${attempt}):\n${planTable(bump)}`);
            return { files: bump.files, message: commitMessageFor(options, bump), detail: bump };
        },
        pullRequest: options.mode === 'pull-request'
            ? {
                target: options.pullRequest,
                branch: pushBranch,
                body: (result) => `${planTable(result.change.detail)}\n\n<sub>Opened by aegis gitops-bump.</sub>`,
            }
            : undefined,
        dryRun: options.dryRun,
    });
    return { plan, push };
}
async function report(result, platform) {
    const { push } = result;
    const bump = push.transaction.change.detail;
    (0,_gitops_push_js__WEBPACK_IMPORTED_MODULE_7__/* .writeGitopsPushOutputs */ .Gx)(platform, push);
    const status = (0,_gitops_push_js__WEBPACK_IMPORTED_MODULE_7__/* .gitopsPushStatus */ .$G)(push, { proposal: 'has these values', base: 'does not yet', unchanged: 'already has these values' });
    const pullRequestUrl = push.pullRequest?.url ?? '';
    const previous = [
        ...bump.imageChanges.map((change) => replacement({ file: change.file, image: change.name }, change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : null, (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_3__/* .formatImage */ .vy)({ name: change.name, ...change.next }))),
        ...bump.valueChanges.map((change) => replacement({ file: change.file, path: change.path }, change.previous, change.next)),
    ];
    platform.setOutput('previous', JSON.stringify(previous));
    await platform.summary(`### aegis gitops-bump\n\n${status}${pullRequestUrl ? `\n\nPull request: ${pullRequestUrl}` : ''}\n\n${planTable(bump)}\n`);
}
// The module shape of every stage (src/stages/module.ts).



/***/ })

};

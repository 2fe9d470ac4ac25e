export const id = 344;
export const ids = [344];
export const modules = {

/***/ 3344:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitopsBump: () => (/* binding */ gitopsBump),
/* harmony export */   parseGitopsBumpInputs: () => (/* binding */ parseGitopsBumpInputs),
/* harmony export */   pullRequestBranchFor: () => (/* binding */ pullRequestBranchFor),
/* harmony export */   runGitopsBump: () => (/* binding */ runGitopsBump)
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
/* harmony import */ var _core_git_transaction_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7140);
/* harmony import */ var _core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8534);
/* harmony import */ var _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(349);
/* harmony import */ var _core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2758);
/* harmony import */ var _core_yaml_values_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(954);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(9778);
/* harmony import */ var _shared_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9154);













const definition = {
    name: 'gitops-bump',
    title: 'GitOps bump',
    description: 'Set image references in Kustomize overlays (and values in Helm values files) of a GitOps repository, commit with provenance trailers and push, safely when many jobs push at once.',
    inputs: {
        repository: {
            description: 'GitOps repository: https:// or ssh:// URL, git@host:path, file:// URL or a local path.',
            required: true,
        },
        branch: { description: 'Branch to update (the base branch in pull-request mode).', default: 'main' },
        token: { description: 'Token for HTTPS remotes and for opening pull/merge requests. Never logged or written to disk.', secret: true },
        'token-username': {
            description: "User name sent with the token; by default 'oauth2' on GitLab and 'x-access-token' elsewhere (GitHub).",
        },
        'ssh-key': { description: 'Private SSH key for ssh remotes (written to a private temporary file, removed afterwards).', secret: true },
        'ssh-known-hosts': { description: 'known_hosts lines for ssh remotes; without them the first host key is accepted.' },
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
        'pull-request-branch': { description: 'Branch for pull-request mode; by default aegis/gitops-bump/<branch>/<images>.' },
        forge: { description: "Forge API for pull-request mode: 'github' or 'gitlab'; defaults to the platform running the job." },
        'forge-url': { description: 'Forge API URL (defaults to GITHUB_API_URL or CI_API_V4_URL).' },
        'forge-project': {
            description: 'Repository path on the forge (owner/repo or group/project); defaults to the path of the repository URL.',
        },
        environment: {
            description: 'Environment name recorded in the commit (Aegis-Environment trailer) and usable in the message as {environment}.',
        },
        'commit-message': {
            description: 'Commit subject template; placeholders {images}, {environment}, {files}.',
            default: 'chore(gitops): bump {images}',
        },
        author: { description: 'Commit author as "Name <email>".', default: 'aegis-bot <aegis-bot@users.noreply.github.com>' },
        'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: '20' },
        'dry-run': { description: 'Print the plan and stop: nothing is committed or pushed.', default: 'false' },
        'source-commit': { description: 'Commit recorded as Aegis-Source-Commit; defaults to the commit that triggered the run.' },
        'source-run': { description: 'Run URL recorded as Aegis-Source-Run; defaults to the current pipeline/run.' },
    },
    outputs: {
        changed: { description: "'true' when a commit was pushed, 'false' when the repository already had these values (or on dry runs)." },
        'commit-sha': { description: 'The pushed commit, or the branch tip that already held the values.' },
        previous: { description: 'JSON array of {file, image or path, previous, next} for every value replaced.' },
        'pull-request-url': { description: 'URL of the opened or updated pull/merge request (pull-request mode).' },
        attempts: { description: 'Push attempts used (more than 1 when other jobs pushed concurrently).' },
    },
    run: (platform) => runGitopsBump(platform),
};
const gitopsBump = definition;
/** Reads and validates every input before anything is cloned or written. */
function parseGitopsBumpInputs(reader, event, platform = 'local') {
    const images = (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__/* .parseImageLines */ .s9)(reader.string('images'), 'images');
    const values = (0,_core_yaml_values_js__WEBPACK_IMPORTED_MODULE_10__/* .parseSetLines */ .Jh)(reader.string('set'), 'set');
    if (images.length === 0 && values.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('images', '', "at least one image line (or a 'set' line)", 'there is nothing to bump');
    }
    const paths = reader.list('paths');
    if (images.length > 0 && paths.length === 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('paths', '', 'kustomization files, directories or globs to set the images in');
    }
    const branch = reader.required('branch');
    assertBranchName('branch', branch);
    const pullRequestBranch = reader.optional('pull-request-branch');
    if (pullRequestBranch)
        assertBranchName('pull-request-branch', pullRequestBranch);
    const forge = reader.optional('forge');
    if (forge !== undefined && forge !== 'github' && forge !== 'gitlab')
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('forge', forge, "'github' or 'gitlab'");
    return {
        repository: reader.required('repository'),
        branch,
        credentials: {
            token: reader.optional('token'),
            username: reader.optional('token-username') ?? (platform === 'gitlab' ? 'oauth2' : 'x-access-token'),
        },
        sshKey: reader.optional('ssh-key'),
        request: { paths, images, values, addMissing: reader.boolean('add-missing') },
        mode: reader.choice('mode', ['push', 'pull-request']),
        pullRequestBranch,
        forge,
        forgeUrl: reader.optional('forge-url'),
        forgeProject: reader.optional('forge-project'),
        environment: reader.optional('environment'),
        commitMessage: reader.string('commit-message'),
        author: (0,_shared_js__WEBPACK_IMPORTED_MODULE_12__/* .parseIdentity */ .a)('author', reader.string('author')),
        maxAttempts: reader.integer('max-attempts', { min: 1, max: 100 }),
        dryRun: reader.boolean('dry-run'),
        sourceCommit: reader.optional('source-commit') ?? event.head,
        sourceRun: reader.optional('source-run') ?? event.runUrl,
    };
}
function assertBranchName(input, value) {
    // The rules of `git check-ref-format --branch`, enough to refuse what would be misread as an option or a range.
    if (/^-|\.\.|[\s~^:?*[\\]|@\{|\/\/|\/$|\.lock$|^\/|\.$/.test(value)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz(input, value, 'a valid git branch name');
    }
}
/** `aegis/gitops-bump/<branch>/<env>-<images>`: the same bump always lands on the same PR. */
function pullRequestBranchFor(options) {
    const targets = [
        ...options.request.images.map((image) => image.name.split('/').pop()),
        ...options.request.values.map((value) => value.file),
    ].sort();
    let slug = [options.environment, ...targets]
        .filter(Boolean)
        .join('-')
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '');
    if (slug.length > 48)
        slug = `${slug.slice(0, 39)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(slug).digest('hex').slice(0, 8)}`;
    return `aegis/gitops-bump/${options.branch}/${slug}`;
}
function commitMessageFor(options, plan) {
    const images = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_7__/* .describeImageChanges */ .S)(plan.imageChanges);
    const shortImages = [
        ...images.map((image) => `${image.name.split('/').pop()} to ${image.version}`),
        ...plan.valueChanges.map((value) => `${value.path} to ${value.next}`),
    ].join(', ');
    const subject = (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .renderTemplate */ .Xm)(options.commitMessage, {
        images: shortImages,
        environment: options.environment ?? '',
        files: plan.files.map((file) => file.path).join(', '),
    });
    const body = plan.files.map((file) => `- ${file.path}`).join('\n');
    const trailers = [];
    for (const image of images) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.image, value: `${image.name}=${image.next}` });
        if (image.previous)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.previousImage, value: `${image.name}=${image.previous}` });
    }
    for (const value of plan.valueChanges) {
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.value, value: `${value.file}:${value.path}=${value.next}` });
        if (value.previous !== null)
            trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.previousValue, value: `${value.file}:${value.path}=${value.previous}` });
    }
    if (options.environment)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.environment, value: options.environment });
    if (options.sourceCommit)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.sourceCommit, value: options.sourceCommit });
    if (options.sourceRun)
        trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.sourceRun, value: options.sourceRun });
    trailers.push({ key: _core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .TRAILER */ .AH.stage, value: 'gitops-bump' });
    return (0,_core_gitops_commit_message_js__WEBPACK_IMPORTED_MODULE_8__/* .buildCommitMessage */ .vL)(subject, `Files:\n${body}`, trailers);
}
function planTable(plan) {
    const rows = [
        ...plan.imageChanges.map((change) => [
            change.file,
            change.name,
            change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : '(added)',
            (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__/* .formatImage */ .vy)({ name: change.name, ...change.next }),
        ]),
        ...plan.valueChanges.map((change) => [change.file, change.path, change.previous ?? '(added)', change.next]),
    ];
    return rows.length === 0
        ? 'Nothing to change: the repository already has these values.'
        : (0,_shared_js__WEBPACK_IMPORTED_MODULE_12__/* .markdownTable */ .Q)(['file', 'image / path', 'previous', 'new'], rows);
}
async function runGitopsBump(platform) {
    const reader = new _inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .InputReader */ .i(platform, definition.inputs);
    const options = parseGitopsBumpInputs(reader, platform.event(), platform.name);
    const { log } = platform;
    const secretsDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdtempSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'aegis-ssh-'));
    try {
        const credentials = { ...options.credentials };
        if (options.sshKey) {
            credentials.sshKeyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(secretsDir, 'key');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(credentials.sshKeyFile, options.sshKey.endsWith('\n') ? options.sshKey : `${options.sshKey}\n`, { mode: 0o600 });
        }
        const knownHosts = reader.optional('ssh-known-hosts');
        if (knownHosts) {
            credentials.knownHostsFile = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(secretsDir, 'known_hosts');
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(credentials.knownHostsFile, `${knownHosts}\n`, { mode: 0o600 });
        }
        const remote = (0,_core_git_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .describeRemote */ .k)(options.repository, credentials, platform.workspace);
        for (const secret of remote.secrets)
            platform.secret(secret);
        const pushBranch = options.mode === 'pull-request' ? (options.pullRequestBranch ?? pullRequestBranchFor(options)) : options.branch;
        const result = await log.group(`Bump ${options.repository} (${pushBranch})`, () => (0,_core_git_transaction_js__WEBPACK_IMPORTED_MODULE_6__/* .commitAndPush */ .t)({
            remote,
            branch: options.branch,
            pushBranch,
            author: options.author,
            maxAttempts: options.maxAttempts,
            dryRun: options.dryRun,
            log,
        }, async ({ dir, attempt }) => {
            const plan = (0,_core_gitops_bump_js__WEBPACK_IMPORTED_MODULE_7__/* .planBump */ .m)(dir, options.request);
            if (attempt === 1 || plan.files.length > 0)
                log.info(`Plan (attempt ${attempt}):\n${planTable(plan)}`);
            return { files: plan.files, message: commitMessageFor(options, plan), detail: plan };
        }));
        const plan = result.change.detail;
        let pullRequestUrl = '';
        if (options.mode === 'pull-request' && !options.dryRun && (result.changed || plan.files.length === 0)) {
            const token = options.credentials.token;
            if (!token)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('token', '', 'a token with permission to open pull/merge requests', "mode is 'pull-request'");
            const project = options.forgeProject ?? (0,_core_git_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .forgeProjectPath */ .c)(options.repository);
            if (!project)
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('forge-project', '', 'the repository path on the forge (owner/repo or group/project)');
            const forge = await platform.forge({ token, kind: options.forge, apiUrl: options.forgeUrl });
            const pr = await forge.upsertPullRequest({
                repository: project,
                head: pushBranch,
                base: options.branch,
                title: result.change.message.split('\n')[0],
                body: `${planTable(plan)}\n\n<sub>Opened by aegis gitops-bump.</sub>`,
            });
            pullRequestUrl = pr.url;
            log.info(`${pr.created ? 'Opened' : 'Updated'} ${pr.url}`);
        }
        const previous = [
            ...plan.imageChanges.map((change) => ({
                file: change.file,
                image: change.name,
                previous: change.previous ? (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__/* .formatImage */ .vy)({ name: change.name, ...change.previous }) : null,
                next: (0,_core_images_image_line_js__WEBPACK_IMPORTED_MODULE_9__/* .formatImage */ .vy)({ name: change.name, ...change.next }),
            })),
            ...plan.valueChanges.map((change) => ({ file: change.file, path: change.path, previous: change.previous, next: change.next })),
        ];
        platform.setOutput('changed', String(result.changed));
        platform.setOutput('commit-sha', result.sha);
        platform.setOutput('previous', JSON.stringify(previous));
        platform.setOutput('pull-request-url', pullRequestUrl);
        platform.setOutput('attempts', String(result.attempts));
        const status = options.dryRun
            ? `Dry run: nothing was pushed. ${plan.files.length} file(s) would change.`
            : result.changed
                ? `Pushed \`${result.sha.slice(0, 12)}\` to \`${pushBranch}\`${result.attempts > 1 ? ` after ${result.attempts} attempts` : ''}.`
                : `No change: \`${pushBranch}\` at \`${result.sha.slice(0, 12)}\` already has these values.`;
        await platform.summary(`### aegis gitops-bump\n\n${status}${pullRequestUrl ? `\n\nPull request: ${pullRequestUrl}` : ''}\n\n${planTable(plan)}\n`);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(secretsDir, { recursive: true, force: true });
    }
}


/***/ })

};

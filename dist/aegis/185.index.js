export const id = 185;
export const ids = [185];
export const modules = {

/***/ 5431:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ writeFileAtomic)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/** Writes through a temporary sibling and a rename, so a reader never sees half a file; keeps the mode. */
function writeFileAtomic(path, content) {
    const temporary = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), `.${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(path)}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    let mode;
    try {
        mode = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).mode;
    }
    catch {
        mode = undefined;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temporary, content, mode === undefined ? {} : { mode });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temporary, path);
}


/***/ }),

/***/ 8648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BF: () => (/* binding */ forgeLocation),
/* harmony export */   cW: () => (/* binding */ forgeProjectPath),
/* harmony export */   kW: () => (/* binding */ describeRemote),
/* harmony export */   ri: () => (/* binding */ withoutCredentials)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



const SCP_LIKE = /^[\w.-]+@[\w.-]+:(?!\/\/)/;
/**
 * Describes how to reach a repository. Credentials travel in GIT_CONFIG_* variables —
 * not in argv (visible in `ps`), not in the URL (logged by git) and not in `.git/config`
 * (left on the runner's disk).
 */
function describeRemote(repository, credentials, workspace) {
    const input = 'repository';
    if (!repository)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'a repository URL (https://, ssh://, git@host:path, file://) or a local path');
    const env = { GIT_TERMINAL_PROMPT: '0' };
    const secrets = [];
    if (/^https?:\/\//.test(repository)) {
        const url = new URL(repository);
        if (url.username || url.password) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, `${url.protocol}//***@${url.host}${url.pathname}`, 'a URL without credentials', "pass the token in the 'token' input");
        }
        const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(url.hostname);
        if (credentials.token && url.protocol === 'http:' && !loopback) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an https:// URL', 'a token is never sent over plain http except to this machine');
        }
        if (credentials.token) {
            const header = `Authorization: Basic ${Buffer.from(`${credentials.username || 'x-access-token'}:${credentials.token}`).toString('base64')}`;
            secrets.push(credentials.token, header);
            // Scoped to the repository's origin so a redirect elsewhere never receives it. The empty
            // value first resets headers already configured for it (actions/checkout stores its own
            // token that way in .git/config), so exactly this token is sent.
            const key = `http.${url.origin}/.extraheader`;
            Object.assign(env, {
                GIT_CONFIG_COUNT: '2',
                GIT_CONFIG_KEY_0: key,
                GIT_CONFIG_VALUE_0: '',
                GIT_CONFIG_KEY_1: key,
                GIT_CONFIG_VALUE_1: header,
            });
        }
        return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
    }
    if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
        const ssh = ['ssh', '-o', 'BatchMode=yes'];
        if (credentials.sshKeyFile)
            ssh.push('-i', credentials.sshKeyFile, '-o', 'IdentitiesOnly=yes');
        if (credentials.knownHostsFile)
            ssh.push('-o', `UserKnownHostsFile=${credentials.knownHostsFile}`, '-o', 'StrictHostKeyChecking=yes');
        else
            ssh.push('-o', 'StrictHostKeyChecking=accept-new');
        // GIT_SSH_COMMAND is split by git with shell-like rules; paths we pass are our own temp files.
        env.GIT_SSH_COMMAND = ssh.join(' ');
        return { url: repository, env, secrets, kind: 'ssh' };
    }
    if (repository.startsWith('file://'))
        return { url: repository, env, secrets, kind: 'file' };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(repository)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an https://, http://, ssh://, file:// URL, git@host:path or a local path');
    }
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(repository) ? repository : (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, repository);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(input, repository, 'an existing local repository path or a URL', `${path} does not exist`);
    return { url: path, env, secrets, kind: 'local' };
}
/**
 * A remote URL without the credentials a checkout may carry in it (GitLab runners write
 * `https://gitlab-ci-token:<job token>@host/…` into the origin); the removed password is returned
 * so it can be registered as a secret.
 */
function withoutCredentials(url) {
    if (!/^https?:\/\//.test(url))
        return { url };
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password)
        return { url };
    const password = decodeURIComponent(parsed.password) || undefined;
    parsed.username = '';
    parsed.password = '';
    return { url: parsed.toString(), ...(password ? { password } : {}) };
}
/** The host and the project path (`owner/repo`, `group/sub/project`) of a forge URL; undefined for local paths. */
function forgeLocation(repository) {
    let host;
    let path;
    if (/^(https?|ssh):\/\//.test(repository)) {
        const url = new URL(repository);
        host = url.hostname;
        path = url.pathname;
    }
    else if (SCP_LIKE.test(repository)) {
        const colon = repository.indexOf(':');
        host = repository.slice(repository.indexOf('@') + 1, colon);
        path = repository.slice(colon + 1);
    }
    path = path
        ?.replace(/^\/+/, '')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '');
    return host && path ? { host, path } : undefined;
}
/** `owner/repo` or `group/sub/project` from a forge URL; undefined for local paths. */
function forgeProjectPath(repository) {
    return forgeLocation(repository)?.path;
}


/***/ }),

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

/***/ 349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ TRAILER),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
/* harmony export */   aw: () => (/* binding */ parseTrailers),
/* harmony export */   vL: () => (/* binding */ buildCommitMessage)
/* harmony export */ });
/** Keys every stage uses; promote, health-gate and rollback read them back. */
const TRAILER = {
    image: 'Aegis-Image',
    previousImage: 'Aegis-Previous-Image',
    value: 'Aegis-Value',
    previousValue: 'Aegis-Previous-Value',
    environment: 'Aegis-Environment',
    sourceCommit: 'Aegis-Source-Commit',
    sourceRun: 'Aegis-Source-Run',
    promotedFrom: 'Aegis-Promoted-From',
    reverts: 'Aegis-Reverts',
    stage: 'Aegis-Stage',
    approvedBy: 'Aegis-Approved-By',
    freezeOverride: 'Aegis-Freeze-Override',
};
/** Fills `{name}` placeholders; unknown placeholders stay as written so a typo is visible, not silent. */
function renderTemplate(template, values) {
    return template.replace(/\{([a-z-]+)\}/g, (whole, key) => values[key] ?? whole);
}
/** Subject, optional body, then one trailer paragraph. Newlines in values would break the trailer block. */
function buildCommitMessage(subject, body, trailers) {
    const single = (text) => text.replace(/\s*\r?\n\s*/g, ' ').trim();
    const paragraphs = [single(subject)];
    if (body.trim())
        paragraphs.push(body.trim());
    if (trailers.length > 0)
        paragraphs.push(trailers.map((t) => `${t.key}: ${single(t.value)}`).join('\n'));
    return `${paragraphs.join('\n\n')}\n`;
}
/** Trailers of a commit message: the last paragraph, when every line of it is `Key: value`. */
function parseTrailers(message) {
    const paragraphs = message.trim().split(/\n\s*\n/);
    const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : '';
    const lines = last.split('\n').filter(Boolean);
    const trailers = lines.map((line) => /^([A-Za-z0-9-]+):\s?(.*)$/.exec(line));
    if (trailers.length === 0 || trailers.some((match) => !match))
        return [];
    return trailers.map((match) => ({ key: match[1], value: match[2] }));
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
            username: reader.optional('token-username') ?? (platform === 'gitlab' ? 'oauth2' : 'x-access-token'),
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

export const id = 707;
export const ids = [707];
export const modules = {

/***/ 1607:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ DEFAULT_RETRIES),
/* harmony export */   Uv: () => (/* binding */ remoteFailureText),
/* harmony export */   jh: () => (/* binding */ retryTransient)
/* harmony export */ });
/* unused harmony exports isStalled, isTransientFailure */
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6706);
/**
 * What a failed git command against a remote says, for a person: git's own boilerplate
 * dropped, the server's (or its hook's) text kept, and a hint where the cause is ours to name.
 */

const BOILERPLATE = [
    /^fatal: Could not read from remote repository\.?$/,
    /^Please make sure you have the correct access rights$/,
    /^and the repository exists\.?$/,
    /^To \S+$/,
    /^Done$/,
];
const HINTS = [
    [
        /Host key verification failed|No \w+ host key is known|REMOTE HOST IDENTIFICATION HAS CHANGED/,
        "the ssh host key is not known: add the host's key to ssh-known-hosts (github.com and gitlab.com are built in), or set ssh-accept-new: true to trust the first key",
    ],
    [/Permission denied \(publickey/, 'the ssh key was refused: check ssh-key and that it has access to the repository'],
];
/** The meaningful lines of git's stderr (at most `limit`), joined for one log line. */
function remoteFailureText(stderr, limit = 4) {
    const lines = stderr
        .split(/\r?\n|\r/)
        .map((line) => line.trim())
        .filter((line) => line && !BOILERPLATE.some((pattern) => pattern.test(line)));
    const text = lines.slice(-limit).join(' ');
    const hint = HINTS.find(([pattern]) => pattern.test(stderr))?.[1];
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .neutralizeLogText */ .jI)(hint ? `${text} (${hint})` : text);
}
/**
 * Failures worth another attempt: the remote could not be reached or answered 5xx. The exact
 * wording of git (transport.c, remote-curl.c), curl and OpenSSH; anything else — refused
 * credentials, a missing branch, a stalled transfer already given its full timeout — is final.
 */
const TRANSIENT = [
    /Failed to connect to .* port \d+/i,
    /Could not resolve host/i,
    /Connection refused/i,
    /Connection reset by peer/i,
    /Connection timed out/i,
    /Network is unreachable/i,
    /The requested URL returned error: 5\d\d/,
    /(?:RPC failed; )?HTTP 5\d\d/,
    /unexpected disconnect while reading sideband packet/,
    /the remote end hung up unexpectedly/,
    /kex_exchange_identification: (?:read: )?Connection (?:reset|closed)/,
    /ssh: connect to host .* port \d+: (?:Connection refused|Connection timed out|No route to host)/,
];
/** A transfer below http.lowSpeedLimit for http.lowSpeedTime (curl), or ssh keepalives unanswered. */
const STALLED = [
    /Operation too slow/i,
    /Timeout, server .* not responding/i,
    /Connection timed out during banner exchange/i,
    /timed out after \d+ s/,
];
function isStalled(stderr) {
    return STALLED.some((pattern) => pattern.test(stderr));
}
function isTransientFailure(stderr) {
    return !isStalled(stderr) && TRANSIENT.some((pattern) => pattern.test(stderr));
}
const DEFAULT_RETRIES = { attempts: 4, baseMs: 1000 };
/**
 * Runs a git operation against a remote until it succeeds, fails for a reason that is not
 * transient, or the attempts are used up; returns the last outcome either way.
 */
async function retryTransient(operation, options) {
    const random = options.random ?? Math.random;
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1;; attempt++) {
        const result = await operation();
        if (result.ok || attempt >= options.attempts || !isTransientFailure(result.stderr))
            return result;
        const ceiling = options.baseMs * 2 ** (attempt - 1);
        const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
        options.onRetry?.(attempt, delay, remoteFailureText(result.stderr, 2));
        await sleep(delay);
    }
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
/* unused harmony export shellQuote */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/** Git configuration for one process, through the environment (git ≥ 2.31): never in argv or .git/config. */
function environmentConfig(entries) {
    const env = { GIT_CONFIG_COUNT: String(entries.length) };
    entries.forEach(([key, value], index) => {
        env[`GIT_CONFIG_KEY_${index}`] = key;
        env[`GIT_CONFIG_VALUE_${index}`] = value;
    });
    return env;
}
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
    const config = [];
    const stall = credentials.stallSeconds ?? 60;
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
            config.push([key, ''], [key, header]);
        }
        // A transfer slower than 1 KB/s for the stall time fails instead of waiting for git's overall timeout.
        config.push(['http.lowSpeedLimit', '1000'], ['http.lowSpeedTime', String(stall)]);
        Object.assign(env, environmentConfig(config));
        return { url: url.toString(), env, secrets, kind: url.protocol === 'https:' ? 'https' : 'http' };
    }
    if (repository.startsWith('ssh://') || SCP_LIKE.test(repository)) {
        const alive = credentials.serverAliveSeconds ?? Math.max(1, Math.ceil(stall / 4));
        const ssh = ['ssh', '-o', 'BatchMode=yes', '-o', `ConnectTimeout=${alive * 2}`];
        // A stalled server is noticed after alive × 4 seconds instead of git's overall timeout.
        ssh.push('-o', `ServerAliveInterval=${alive}`, '-o', 'ServerAliveCountMax=4');
        if (credentials.sshKeyFile)
            ssh.push('-i', sshPath(credentials.sshKeyFile), '-o', 'IdentitiesOnly=yes');
        if (credentials.knownHostsFile)
            ssh.push('-o', `UserKnownHostsFile="${sshPath(credentials.knownHostsFile)}"`);
        // Unknown hosts are refused unless trust on first use was asked for explicitly.
        ssh.push('-o', `StrictHostKeyChecking=${credentials.acceptNewHostKeys ? 'accept-new' : 'yes'}`, '-o', 'CheckHostIP=no');
        // git runs this through `sh -c`: every word is single-quoted, so a temp path holding
        // spaces or `$(…)` stays one literal argument. GIT_SSH_COMMAND (not core.sshCommand) because
        // a GIT_SSH_COMMAND in the runner's environment would otherwise take precedence.
        env.GIT_SSH_COMMAND = ssh.map(shellQuote).join(' ');
        env.GIT_SSH_VARIANT = 'ssh';
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
/** One word for `sh -c`: single quotes, with embedded single quotes closed, escaped and reopened. */
function shellQuote(word) {
    return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
/** A path as ssh reads it in options: `%` is its token character; quotes and control characters cannot be passed. */
function sshPath(path) {
    if (/["\\]/.test(path) || [...path].some((char) => char.charCodeAt(0) < 0x20)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .AegisError */ .o4(`The temporary directory ${JSON.stringify(path)} holds characters ssh cannot take in a path; set RUNNER_TEMP/TMPDIR to a plain path.`);
    }
    return path.replace(/%/g, '%%');
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

/***/ 349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ TRAILER),
/* harmony export */   Xm: () => (/* binding */ renderTemplate),
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
    /** ISO 8601 time of the source commit (lead time for changes); per image (`name=time`) after a promotion. */
    sourceTime: 'Aegis-Source-Time',
    promotedFrom: 'Aegis-Promoted-From',
    reverts: 'Aegis-Reverts',
    stage: 'Aegis-Stage',
    approvedBy: 'Aegis-Approved-By',
    freezeOverride: 'Aegis-Freeze-Override',
    verdict: 'Aegis-Verdict',
    checkedAt: 'Aegis-Checked-At',
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


/***/ }),

/***/ 7106:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ae: () => (/* binding */ assertBranchName),
  c5: () => (/* binding */ gitopsRepositoryInputs),
  yw: () => (/* binding */ parseGitopsRepository),
  Tl: () => (/* binding */ parsePullRequestTarget),
  a: () => (/* binding */ pullRequestBranchName),
  eT: () => (/* binding */ pullRequestInputs),
  vO: () => (/* binding */ withGitopsRemote)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/cleanup.ts
var cleanup = __webpack_require__(3639);
// EXTERNAL MODULE: ./src/core/credential-scope.ts
var credential_scope = __webpack_require__(7935);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/git/known-hosts.ts
/**
 * Host keys published by the forges themselves, pinned so that the first SSH connection is
 * checked like every other one (actions/checkout ships github.com's key the same way).
 * Sources: docs.github.com "GitHub's SSH key fingerprints" and docs.gitlab.com "GitLab.com
 * settings: SSH known_hosts entries"; test/unit/security-ssh.test.ts checks each line's
 * fingerprint against the published ones. A rotation means updating these lines.
 */
const PUBLISHED_KNOWN_HOSTS = [
    'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
    'github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=',
    'github.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCj7ndNxQowgcQnjshcLrqPEiiphnt+VTTvDP6mHBL9j1aNUkY4Ue1gvwnGLVlOhGeYrnZaMgRK6+PKCUXaDbC7qtbW8gIkhL7aGCsOr/C56SJMy/BCZfxd1nWzAOxSDPgVsmerOBYfNqltV9/hWCqBywINIR+5dIg6JTJ72pcEpEjcYgXkE2YEFXV1JHnsKgbLWNlhScqb2UmyRkQyytRLtL+38TGxkxCflmO+5Z8CSSNY7GidjMIZ7Q4zMjA2n1nGrlTDkzwDCsw+wqFPGQA179cnfGWOWRVruj16z6XyvxvjJwbz0wQZ75XK5tKSb7FNyeIEs4TT4jk+S4dhPeAUC5y+bDYirYgM4GC7uEnztnZyaVWQ7B381AK4Qdrwt51ZqExKbQpTUNn+EjqoTwvqNj4kqx5QUCI0ThS/YkOxJCXmPUWZbhjpCg56i+2aB6CmK2JGhn57K5mj0MNdBXA4/WnwH6XoPWJzK5Nyu2zB3nAZp+S5hpQs+p1vN1/wsjk=',
    'gitlab.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAfuCHKVTjquxvt6CM6tdG4SLp1Btn/nOeHHE5UOzRdf',
    'gitlab.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFSMqzJeV9rUzU4kWitGjeR4PWSa29SPqJ1fVkhtj3Hw9xjLVXVYrU9QlYWrOLXBpQ6KWjbjTDTdDkoohFzgbEY=',
    'gitlab.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCsj2bNKTBSpIYDEGk9KxsGh3mySTRgMtXL583qmBpzeQ+jqCMRgBqB98u3z++J1sKlXHWfM9dyhSevkMwSbhoR8XIq/U0tCNyokEi/ueaBMCvbcTHhO7FcwzY92WK4Yt0aGROY5qX2UKSeOvuP4D6TPqKF1onrSzH9bx9XUf2lEdWT/ia1NEKjunUqu1xOB/StKDHMoX4/OKyIzuS0q/T1zOATthvasJFoPrAjkohTyaDUz2LN5JoH839hViyEG82yB+MjcFV5MU3N1l1QL3cVUCh93xSaua1N85qivl+siMkPGbO5xR/En4iEY6K2XPASUEMaieWVNTRCtJ4S8H+9',
];
/** The known_hosts file a stage writes: the user's lines first, then the published ones. */
function knownHostsContent(userLines) {
    const lines = (userLines ?? '')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
    return `${[...lines, ...PUBLISHED_KNOWN_HOSTS].join('\n')}\n`;
}

// EXTERNAL MODULE: ./src/core/git/remote.ts
var git_remote = __webpack_require__(8648);
// EXTERNAL MODULE: ./src/platform/conventions.ts
var conventions = __webpack_require__(1547);
// EXTERNAL MODULE: ./src/stages/shared.ts
var shared = __webpack_require__(9154);
;// CONCATENATED MODULE: ./src/stages/gitops-repository.ts










// Everything the stages that read or write the GitOps repository (gitops-bump, promote,
// health-gate, insight) share: the same inputs, defaults and credential handling. How they
// push to it is ./gitops-push.ts.
const DEFAULT_AUTHOR = 'aegis-bot <aegis-bot@users.noreply.github.com>';
const DEFAULT_MAX_ATTEMPTS = '20';
/**
 * The repository inputs; `repository` is required unless the stage only sometimes needs it
 * (`use` says when). A stage that only reads the repository (no `author`) declares no push inputs.
 */
function gitopsRepositoryInputs(options) {
    const pushInputs = options.author
        ? {
            author: { description: options.author, default: DEFAULT_AUTHOR },
            'max-attempts': { description: 'Push attempts before giving up when other jobs keep pushing.', default: DEFAULT_MAX_ATTEMPTS },
        }
        : {};
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
        'ssh-known-hosts': {
            description: "known_hosts lines for ssh remotes, in addition to the published keys of github.com and gitlab.com; other hosts are refused unless listed (or 'ssh-accept-new').",
        },
        'ssh-accept-new': {
            description: "Trust on first use: accept the key of an ssh host that is not in the known hosts. 'false' refuses unknown hosts.",
            default: 'false',
        },
        ...pushInputs,
        'remote-retries': {
            description: 'Attempts of each clone, fetch and push when the remote cannot be reached or answers 5xx (backoff 1 s, doubling).',
            default: '4',
        },
        'remote-stall-timeout': {
            description: 'A transfer that stalls this long (below 1 KB/s over https; no keepalive answer over ssh) fails instead of hanging.',
            default: '60s',
        },
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
        throw new errors/* InputError */.dz(input, value, 'a valid git branch name');
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
            username: reader.optional('token-username') ?? (0,conventions/* tokenUserFor */.GO)(platform),
        },
        sshKey: reader.optional('ssh-key'),
        knownHosts: reader.optional('ssh-known-hosts'),
        acceptNewHostKeys: reader.boolean('ssh-accept-new'),
        // A read-only stage declares neither: it never commits or pushes, so the defaults stand unused.
        author: (0,shared/* parseIdentity */.aZ)('author', reader.declares('author') ? reader.string('author') : DEFAULT_AUTHOR),
        maxAttempts: reader.declares('max-attempts') ? reader.integer('max-attempts', { min: 1, max: 100 }) : Number(DEFAULT_MAX_ATTEMPTS),
        remoteRetries: reader.integer('remote-retries', { min: 1, max: 20 }),
        stallSeconds: Math.max(1, Math.round(reader.duration('remote-stall-timeout') / 1000)),
    };
    return url ? repository : undefined;
}
function parsePullRequestTarget(reader) {
    const branch = reader.optional('pull-request-branch');
    if (branch)
        assertBranchName('pull-request-branch', branch);
    const forge = reader.optional('forge');
    if (forge !== undefined && forge !== 'github' && forge !== 'gitlab')
        throw new errors/* InputError */.dz('forge', forge, "'github' or 'gitlab'");
    const forgeUrl = reader.optional('forge-url');
    // The token goes to this API only: https, or this machine.
    if (forgeUrl)
        (0,credential_scope/* assertCredentialUrl */.Rr)('forge-url', forgeUrl, true);
    const forgeProject = reader.optional('forge-project');
    if (forgeProject)
        (0,shared/* assertForgeRepository */.Ct)('forge-project', forgeProject, true);
    return { branch, forge, forgeUrl, forgeProject };
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
        slug = `${slug.slice(0, 39)}-${(0,external_node_crypto_.createHash)('sha256').update(slug).digest('hex').slice(0, 8)}`;
    return `aegis/${stage}/${base}/${slug}`;
}
/**
 * Runs `body` with the repository's remote: an SSH key lives in a private temporary file for
 * exactly that long, and every credential is registered as a secret before anything is logged.
 */
async function withGitopsRemote(platform, repository, body) {
    // Under the runner's temp dir, and removed by the stage runner on SIGINT/SIGTERM too.
    return (0,cleanup/* withPrivateDir */.vG)(platform.tempDir, 'aegis-ssh-', async (dir) => {
        const credentials = {
            ...repository.credentials,
            acceptNewHostKeys: repository.acceptNewHostKeys,
            stallSeconds: repository.stallSeconds,
        };
        if (repository.sshKey) {
            credentials.sshKeyFile = (0,external_node_path_.join)(dir, 'key');
            (0,external_node_fs_.writeFileSync)(credentials.sshKeyFile, repository.sshKey.endsWith('\n') ? repository.sshKey : `${repository.sshKey}\n`, {
                mode: 0o600,
            });
        }
        credentials.knownHostsFile = (0,external_node_path_.join)(dir, 'known_hosts');
        (0,external_node_fs_.writeFileSync)(credentials.knownHostsFile, knownHostsContent(repository.knownHosts), { mode: 0o600 });
        const remote = (0,git_remote/* describeRemote */.kW)(repository.url, credentials, platform.workspace);
        for (const secret of remote.secrets)
            platform.secret(secret);
        return await body(remote);
    });
}


/***/ }),

/***/ 9154:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ct: () => (/* binding */ assertForgeRepository),
/* harmony export */   Eh: () => (/* binding */ parseRegistryLogin),
/* harmony export */   PG: () => (/* binding */ writeRootFor),
/* harmony export */   ZX: () => (/* binding */ parseRegistryCredentials),
/* harmony export */   aZ: () => (/* binding */ parseIdentity)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _core_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6107);



/**
 * The directory a stage file must stay inside, for `ensureDirectoryInside` / `writeFileSafely`:
 * the workspace or the input root holding it (RUNNER_TEMP, `--output-dir`), else the directory
 * the platform made its output directory in. A symlink under it that leads out is then refused.
 */
function writeRootFor(platform, path) {
    const root = [platform.workspace, ...platform.inputRoots].find((dir) => (0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(dir, path));
    if (root)
        return root;
    const own = platform.outputDir();
    if ((0,_core_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .isInside */ .FK)(own, path))
        return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(own);
    throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .FileError */ .f6(path, `refusing to write outside ${platform.workspace}`);
}
/** `registry-username` and `registry-password`, which only make sense together. */
function parseRegistryCredentials(reader) {
    const username = reader.optional('registry-username');
    const password = reader.optional('registry-password');
    if ((username === undefined) !== (password === undefined)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(username ? 'registry-password' : 'registry-username', '', 'a value: registry-username and registry-password go together');
    }
    return username && password ? { username, password } : undefined;
}
/**
 * The registry the `registry-username`/`registry-password` pair is for: the `registry` input,
 * else `defaultRegistry` (the host of the image they were given with). They are sent to that
 * host only; a stage that reads images from several registries has no default.
 */
function parseRegistryLogin(reader, defaultRegistry) {
    const credentials = parseRegistryCredentials(reader);
    const registry = reader.optional('registry')?.toLowerCase();
    if (registry !== undefined && !/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(registry)) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('registry', registry, 'a registry host such as ghcr.io or registry.example.com:5000 (no scheme, no path)');
    }
    if (!credentials)
        return undefined;
    const host = registry ?? defaultRegistry?.toLowerCase();
    if (!host) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('registry', '', 'the registry host registry-username/registry-password are for (e.g. ghcr.io)', 'they are sent to that host only');
    }
    return { registry: host, credentials };
}
/**
 * A repository path on a forge: `owner/name` (GitHub), or `group/sub/project` when `nested`.
 * Segments of letters, digits, `.`, `_` and `-`, never `.` or `..` (which would walk the API path).
 */
function assertForgeRepository(input, value, nested = false) {
    const segments = value.split('/');
    const valid = segments.length >= 2 &&
        (nested || segments.length === 2) &&
        segments.every((segment) => /^[\w.-]+$/.test(segment) && segment !== '.' && segment !== '..');
    if (!valid)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, nested ? 'a project path such as group/project or owner/name' : 'owner/name');
}
/** "Name <email>" as git writes it. */
function parseIdentity(input, value) {
    const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
    if (!match)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, value, 'an identity in the form "Name <email@example.com>"');
    return { name: match[1], email: match[2] };
}


/***/ })

};

export const id = 748;
export const ids = [748];
export const modules = {

/***/ 3748:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubForge: () => (/* binding */ GitHubForge)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);


function splitRepository(repository) {
    const [owner, repo, ...rest] = repository.split('/');
    if (!owner || !repo || rest.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .AegisError */ .o4(`GitHub repository must be 'owner/name', got ${JSON.stringify(repository)}.`);
    }
    return { owner, repo };
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
}


/***/ })

};

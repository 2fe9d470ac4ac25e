import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * FAKE GitHub and GitLab REST APIs: only the pull/merge request endpoints aegis uses, in the
 * shapes their documentation gives (GitHub REST "Pulls": GET/POST /repos/{owner}/{repo}/pulls,
 * PATCH /repos/{owner}/{repo}/pulls/{number}; GitLab REST "Merge requests": GET/POST
 * /api/v4/projects/:id/merge_requests, PUT /api/v4/projects/:id/merge_requests/:iid), and
 * releases (GitHub: GET /repos/{owner}/{repo}/releases/tags/{tag}, POST …/releases; GitLab:
 * GET /api/v4/projects/:id/releases/:tag_name, POST …/releases), and GitHub's code-scanning SARIF upload
 * (POST /repos/{owner}/{repo}/code-scanning/sarifs → 202 {id, url}), and CI runs (GitHub REST "List workflow
 * runs for a repository": GET /repos/{owner}/{repo}/actions/runs → {total_count, workflow_runs}, filtered by
 * `created=>=…` and `branch`, paged by `per_page`/`page`; GitLab REST "List project pipelines":
 * GET /api/v4/projects/:id/pipelines, filtered by `updated_after` and `ref`), and dependents' notifications
 * (GitHub REST "Create a repository dispatch event": POST /repos/{owner}/{repo}/dispatches {event_type,
 * client_payload} → 204; GitLab "Trigger a pipeline with a token": POST /api/v4/projects/:id/trigger/pipeline
 * with token, ref and variables[KEY] form fields → 201 with the pipeline).
 * No real forge can run on this machine.
 */
export interface FakeRelease {
  project: string;
  tag: string;
  name: string;
  notes: string;
  prerelease?: boolean;
}

export interface FakePullRequest {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
  project: string;
}

export interface RecordedCall {
  method: string;
  path: string;
  /** The query string as sent (`?a=b`), '' when none. */
  query?: string;
  authorization?: string;
  privateToken?: string;
  body?: Record<string, unknown>;
}

/** A JSON body, or a form (multipart or urlencoded, as GitLab's trigger API takes) as an object of its fields. */
async function readBody(request: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return undefined;
  const type = request.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    return Object.fromEntries([...form.entries()].map(([name, value]) => [name, String(value)]));
  }
  return JSON.parse(raw.toString()) as Record<string, unknown>;
}

export async function startFakeForge(kind: 'github' | 'gitlab') {
  const pulls: FakePullRequest[] = [];
  const releases: FakeRelease[] = [];
  const sarifs: { project: string; body: Record<string, unknown> }[] = [];
  /** CI runs in the forge's own shape (workflow runs on GitHub, pipelines on GitLab), with the project they belong to. */
  const runs: Array<{ project: string; run: Record<string, unknown> }> = [];
  const calls: RecordedCall[] = [];
  /** Dependents' notifications: GitHub repository_dispatch bodies, GitLab pipeline trigger form fields. */
  const notifications: { project: string; body: Record<string, unknown> }[] = [];
  /** Answers queued by `failNext`: the next request with that method gets the status instead. */
  const failures: { method: string; status: number }[] = [];
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const body = await readBody(request);
    calls.push({
      method: request.method ?? '',
      path: url.pathname,
      query: url.search,
      authorization: request.headers.authorization,
      privateToken: request.headers['private-token'] as string | undefined,
      body,
    });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const failure = failures.findIndex((candidate) => candidate.method === request.method);
    if (failure >= 0) {
      const status = failures.splice(failure, 1)[0]?.status ?? 500;
      return send(status, { message: `${status} injected by the test` });
    }
    const base = `http://${request.headers.host}`;
    if (kind === 'github') {
      const dispatch = /^\/repos\/([^/]+)\/([^/]+)\/dispatches$/.exec(url.pathname);
      if (dispatch && request.method === 'POST') {
        if (typeof body?.event_type !== 'string') return send(422, { message: 'Invalid request: event_type is required' });
        notifications.push({ project: `${dispatch[1]}/${dispatch[2]}`, body });
        response.writeHead(204);
        return response.end();
      }
      const actions = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs$/.exec(url.pathname);
      if (actions && request.method === 'GET') {
        const since = Date.parse((url.searchParams.get('created') ?? '>=1970-01-01T00:00:00Z').replace(/^>=/, ''));
        const branch = url.searchParams.get('branch');
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const matching = runs
          .filter(({ project }) => project === `${actions[1]}/${actions[2]}`)
          .map(({ run }) => run)
          .filter((run) => Date.parse(String(run.created_at)) >= since && (!branch || run.head_branch === branch));
        return send(200, { total_count: matching.length, workflow_runs: matching.slice((page - 1) * perPage, page * perPage) });
      }
      const sarif = /^\/repos\/([^/]+)\/([^/]+)\/code-scanning\/sarifs$/.exec(url.pathname);
      if (sarif && request.method === 'POST') {
        sarifs.push({ project: `${sarif[1]}/${sarif[2]}`, body: body ?? {} });
        return send(202, {
          id: `upload-${sarifs.length}`,
          url: `${base}/repos/${sarif[1]}/${sarif[2]}/code-scanning/sarifs/upload-${sarifs.length}`,
        });
      }
      const release = /^\/repos\/([^/]+)\/([^/]+)\/releases(?:\/tags\/(.+))?$/.exec(url.pathname);
      if (release) {
        const project = `${release[1]}/${release[2]}`;
        const render = (r: FakeRelease) => ({
          tag_name: r.tag,
          name: r.name,
          body: r.notes,
          prerelease: r.prerelease,
          html_url: `${base}/${project}/releases/tag/${r.tag}`,
        });
        if (request.method === 'GET' && release[3]) {
          const found = releases.find((r) => r.project === project && r.tag === decodeURIComponent(release[3] as string));
          return found ? send(200, render(found)) : send(404, { message: 'Not Found' });
        }
        if (request.method === 'POST' && !release[3]) {
          const created = {
            project,
            tag: String(body?.tag_name),
            name: String(body?.name),
            notes: String(body?.body ?? ''),
            prerelease: Boolean(body?.prerelease),
          };
          releases.push(created);
          return send(201, render(created));
        }
        return send(405, { message: 'Method Not Allowed' });
      }
      const match = /^\/repos\/([^/]+)\/([^/]+)\/pulls(?:\/(\d+))?$/.exec(url.pathname);
      if (!match) return send(404, { message: 'Not Found' });
      const project = `${match[1]}/${match[2]}`;
      const render = (pr: FakePullRequest) => ({
        number: pr.number,
        state: pr.state,
        title: pr.title,
        body: pr.body,
        html_url: `${base}/${project}/pull/${pr.number}`,
        head: { ref: pr.head, label: `${match[1]}:${pr.head}` },
        base: { ref: pr.base },
      });
      if (request.method === 'GET') {
        const head = url.searchParams.get('head') ?? '';
        const found = pulls.filter(
          (pr) =>
            pr.project === project &&
            pr.state === (url.searchParams.get('state') ?? 'open') &&
            (!head || `${match[1]}:${pr.head}` === head) &&
            (!url.searchParams.get('base') || pr.base === url.searchParams.get('base')),
        );
        return send(200, found.map(render));
      }
      if (request.method === 'POST') {
        const pr: FakePullRequest = {
          number: pulls.length + 1,
          head: String(body?.head),
          base: String(body?.base),
          title: String(body?.title),
          body: String(body?.body ?? ''),
          state: 'open',
          project,
        };
        pulls.push(pr);
        return send(201, render(pr));
      }
      if (request.method === 'PATCH' && match[3]) {
        const pr = pulls.find((candidate) => candidate.project === project && candidate.number === Number(match[3]));
        if (!pr) return send(404, { message: 'Not Found' });
        Object.assign(pr, { title: body?.title ?? pr.title, body: body?.body ?? pr.body });
        return send(200, render(pr));
      }
      return send(405, { message: 'Method Not Allowed' });
    }

    const trigger = /^\/api\/v4\/projects\/([^/]+)\/trigger\/pipeline$/.exec(url.pathname);
    if (trigger && request.method === 'POST') {
      const token = body?.token ?? url.searchParams.get('token');
      if (!token || !(body?.ref ?? url.searchParams.get('ref'))) return send(400, { message: '400 Bad request - token or ref missing' });
      const project = decodeURIComponent(trigger[1] as string);
      notifications.push({ project, body: body ?? {} });
      return send(201, {
        id: notifications.length,
        ref: body?.ref,
        status: 'created',
        web_url: `${base}/${project}/-/pipelines/${notifications.length}`,
      });
    }
    const pipelines = /^\/api\/v4\/projects\/([^/]+)\/pipelines$/.exec(url.pathname);
    if (pipelines && request.method === 'GET') {
      const since = Date.parse(url.searchParams.get('updated_after') ?? '1970-01-01T00:00:00Z');
      const ref = url.searchParams.get('ref');
      const project = decodeURIComponent(pipelines[1] as string);
      return send(
        200,
        runs
          .filter((entry) => entry.project === project)
          .map(({ run }) => run)
          .filter((run) => Date.parse(String(run.updated_at)) >= since && (!ref || run.ref === ref)),
      );
    }
    const release = /^\/api\/v4\/projects\/([^/]+)\/releases(?:\/(.+))?$/.exec(url.pathname);
    if (release) {
      const project = decodeURIComponent(release[1] as string);
      const render = (r: FakeRelease) => ({
        tag_name: r.tag,
        name: r.name,
        description: r.notes,
        _links: { self: `${base}/${project}/-/releases/${encodeURIComponent(r.tag)}` },
      });
      if (request.method === 'GET' && release[2]) {
        const found = releases.find((r) => r.project === project && r.tag === decodeURIComponent(release[2] as string));
        return found ? send(200, render(found)) : send(404, { message: '404 Not found' });
      }
      if (request.method === 'POST' && !release[2]) {
        const created = { project, tag: String(body?.tag_name), name: String(body?.name), notes: String(body?.description ?? '') };
        releases.push(created);
        return send(201, render(created));
      }
      return send(405, { message: '405 Method Not Allowed' });
    }
    const match = /^\/api\/v4\/projects\/([^/]+)\/merge_requests(?:\/(\d+))?$/.exec(url.pathname);
    if (!match) return send(404, { message: '404 Not Found' });
    const project = decodeURIComponent(match[1] as string);
    const render = (mr: FakePullRequest) => ({
      iid: mr.number,
      id: 1000 + mr.number,
      state: mr.state === 'open' ? 'opened' : 'closed',
      title: mr.title,
      description: mr.body,
      source_branch: mr.head,
      target_branch: mr.base,
      web_url: `${base}/${project}/-/merge_requests/${mr.number}`,
    });
    if (request.method === 'GET') {
      const found = pulls.filter(
        (mr) =>
          mr.project === project &&
          (url.searchParams.get('state') !== 'opened' || mr.state === 'open') &&
          (!url.searchParams.get('source_branch') || mr.head === url.searchParams.get('source_branch')) &&
          (!url.searchParams.get('target_branch') || mr.base === url.searchParams.get('target_branch')),
      );
      return send(200, found.map(render));
    }
    if (request.method === 'POST') {
      const mr: FakePullRequest = {
        number: pulls.length + 1,
        head: String(body?.source_branch ?? body?.sourceBranch),
        base: String(body?.target_branch ?? body?.targetBranch),
        title: String(body?.title),
        body: String(body?.description ?? ''),
        state: 'open',
        project,
      };
      pulls.push(mr);
      return send(201, render(mr));
    }
    if (request.method === 'PUT' && match[2]) {
      const mr = pulls.find((candidate) => candidate.project === project && candidate.number === Number(match[2]));
      if (!mr) return send(404, { message: '404 Not found' });
      Object.assign(mr, { title: body?.title ?? mr.title, body: body?.description ?? mr.body });
      return send(200, render(mr));
    }
    return send(405, { message: '405 Method Not Allowed' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: kind === 'github' ? url : `${url}/api/v4`,
    pulls,
    releases,
    sarifs,
    runs,
    notifications,
    calls,
    failNext: (method: string, status = 500) => {
      failures.push({ method, status });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A deployment of the FAKE GitLab below: the job (deployable) that ran it and its approvals, in the API's shapes. */
export interface FakeDeployment {
  project: string;
  id: number;
  jobId: number;
  environment: string;
  approvals: Array<{ user: { username: string }; status: 'approved' | 'rejected'; comment?: string }>;
}

/**
 * FAKE deployment approvals, in the shapes their documentation gives: GitHub REST "Get the review
 * history for a workflow run" (GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals →
 * [{environments: [{name}], state, comment, user: {login}}]); GitLab REST "Deployments" (GET
 * /api/v4/projects/:id/deployments?environment=…&order_by=…&sort=… → [{id, iid, status,
 * deployable: {id}, environment: {name}}], GET /api/v4/projects/:id/deployments/:deployment_id →
 * the deployment with `approvals` [{user: {username}, status, created_at, comment}]).
 * A server of its own, so that it can be used with the real GitHubForge/GitLabForge clients.
 */
export async function startFakeApprovalsForge(kind: 'github' | 'gitlab') {
  /** `owner/repo#run_id` → the run's reviews (GitHub). */
  const reviews = new Map<string, Array<{ environments: string[]; state: string; user: string; comment?: string }>>();
  const deployments: FakeDeployment[] = [];
  const calls: RecordedCall[] = [];
  const failures: number[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    calls.push({
      method: request.method ?? '',
      path: `${url.pathname}${url.search}`,
      authorization: request.headers.authorization,
      privateToken: request.headers['private-token'] as string | undefined,
    });
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const failure = failures.shift();
    if (failure !== undefined) return send(failure, { message: `${failure} injected by the test` });
    if (kind === 'github') {
      const run = /^\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d+)\/approvals$/.exec(url.pathname);
      if (!run || request.method !== 'GET') return send(404, { message: 'Not Found' });
      return send(
        200,
        (reviews.get(`${run[1]}/${run[2]}#${run[3]}`) ?? []).map((review) => ({
          environments: review.environments.map((name, index) => ({ id: index + 1, name, url: `https://api/environments/${name}` })),
          state: review.state,
          comment: review.comment ?? '',
          user: { login: review.user, id: 1, type: 'User' },
        })),
      );
    }
    const match = /^\/api\/v4\/projects\/([^/]+)\/deployments(?:\/(\d+))?$/.exec(url.pathname);
    if (!match || request.method !== 'GET') return send(404, { message: '404 Not Found' });
    const project = decodeURIComponent(match[1] as string);
    const render = (deployment: FakeDeployment, withApprovals: boolean) => ({
      id: deployment.id,
      iid: deployment.id,
      status: 'running',
      deployable: { id: deployment.jobId, name: 'promote-prod', status: 'running' },
      environment: { id: 1, name: deployment.environment },
      ...(withApprovals
        ? { approvals: deployment.approvals.map((approval) => ({ ...approval, created_at: '2026-12-01T09:00:00Z' })) }
        : {}),
    });
    const own = deployments.filter((deployment) => deployment.project === project);
    if (match[2]) {
      const found = own.find((deployment) => deployment.id === Number(match[2]));
      return found ? send(200, render(found, true)) : send(404, { message: '404 Not found' });
    }
    const environment = url.searchParams.get('environment');
    const listed = own.filter((deployment) => !environment || deployment.environment === environment);
    const sorted = url.searchParams.get('sort') === 'desc' ? [...listed].sort((a, b) => b.id - a.id) : listed;
    return send(
      200,
      sorted.map((deployment) => render(deployment, false)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    apiUrl: kind === 'github' ? url : `${url}/api/v4`,
    reviews,
    deployments,
    calls,
    failNext: (status = 500) => {
      failures.push(status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

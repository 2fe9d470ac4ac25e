import { getOctokit } from '@actions/github';
import { AegisError } from '../../core/errors.js';
import { fromGitHubRun, type PipelineQuery, type PipelineRun } from '../../core/insight/pipelines.js';
import { type Dependent, DISPATCH_EVENT_TYPE, NOTIFY_TIMEOUT_MS, type ReleaseEvent } from '../../core/release/dependents.js';
import type {
  DeploymentApproval,
  DeploymentRun,
  Forge,
  PullRequestRequest,
  PullRequestResult,
  ReleaseRequest,
  SarifUploadRequest,
} from '../types.js';

function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner, repo, ...rest] = repository.split('/');
  const segment = (value: string | undefined) => Boolean(value && /^[\w.-]+$/.test(value) && value !== '.' && value !== '..');
  if (!segment(owner) || !segment(repo) || rest.length > 0) {
    throw new AegisError(`GitHub repository must be 'owner/name', got ${JSON.stringify(repository)}.`);
  }
  return { owner: owner as string, repo: repo as string };
}

export class GitHubForge implements Forge {
  readonly kind = 'github' as const;
  private readonly octokit: ReturnType<typeof getOctokit>;

  constructor(token: string, apiUrl = 'https://api.github.com') {
    this.octokit = getOctokit(token, { baseUrl: apiUrl });
  }

  async findPullRequest(request: Pick<PullRequestRequest, 'repository' | 'head' | 'base'>): Promise<PullRequestResult | undefined> {
    const { owner, repo } = splitRepository(request.repository);
    const open = await this.octokit.rest.pulls.list({ owner, repo, state: 'open', head: `${owner}:${request.head}`, base: request.base });
    const existing = open.data[0];
    return existing ? { number: existing.number, url: existing.html_url, created: false } : undefined;
  }

  async upsertPullRequest(request: PullRequestRequest): Promise<PullRequestResult> {
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

  async findRelease(repository: string, tag: string): Promise<string | undefined> {
    const { owner, repo } = splitRepository(repository);
    try {
      return (await this.octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data.html_url;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  async uploadSarif(repository: string, request: SarifUploadRequest): Promise<{ id: string; url?: string }> {
    const { owner, repo } = splitRepository(repository);
    const { data } = await this.octokit.rest.codeScanning.uploadSarif({ owner, repo, ...request });
    return { id: data.id ?? '', ...(data.url ? { url: data.url } : {}) };
  }

  async createRelease(request: ReleaseRequest): Promise<string> {
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

  async notifyDependent(target: Dependent, event: ReleaseEvent): Promise<void> {
    const { owner, repo } = splitRepository(target.repository);
    try {
      await this.octokit.rest.repos.createDispatchEvent({
        owner,
        repo,
        event_type: DISPATCH_EVENT_TYPE,
        client_payload: { ...event },
        request: { signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS) },
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new AegisError(status ? `HTTP ${status}: ${(error as Error).message.slice(0, 200)}` : (error as Error).message);
    }
  }

  async pipelineRuns(repository: string, query: PipelineQuery): Promise<PipelineRun[]> {
    const { owner, repo } = splitRepository(repository);
    const runs: PipelineRun[] = [];
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
      runs.push(...data.workflow_runs.map((run) => fromGitHubRun(run as unknown as Record<string, unknown>)));
      if (data.workflow_runs.length < 100) break;
    }
    return runs.slice(0, query.limit);
  }

  /** GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals: every review of the run's deployments. */
  async deploymentApprovals(run: DeploymentRun): Promise<DeploymentApproval[]> {
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

import { Gitlab, PipelineTriggerTokens } from '@gitbeaker/rest';
import { AegisError } from '../../core/errors.js';
import { fromGitLabPipeline, type PipelineQuery, type PipelineRun } from '../../core/insight/pipelines.js';
import { type Dependent, NOTIFY_TIMEOUT_MS, type ReleaseEvent, releaseVariables } from '../../core/release/dependents.js';
import type { DeploymentApproval, DeploymentRun, Forge, PullRequestRequest, PullRequestResult, ReleaseRequest } from '../types.js';

export class GitLabForge implements Forge {
  readonly kind = 'gitlab' as const;
  private readonly api: InstanceType<typeof Gitlab>;
  private readonly host: string;

  constructor(
    private readonly token: string,
    apiUrl = 'https://gitlab.com/api/v4',
  ) {
    // gitbeaker wants the server root and appends /api/v4 itself.
    this.host = apiUrl.replace(/\/api\/v4\/?$/, '');
    this.api = new Gitlab({ host: this.host, token });
  }

  async findPullRequest(request: Pick<PullRequestRequest, 'repository' | 'head' | 'base'>): Promise<PullRequestResult | undefined> {
    const open = await this.api.MergeRequests.all({
      projectId: request.repository,
      sourceBranch: request.head,
      targetBranch: request.base,
      state: 'opened',
    });
    const existing = open[0];
    return existing ? { number: existing.iid, url: String(existing.web_url), created: false } : undefined;
  }

  async upsertPullRequest(request: PullRequestRequest): Promise<PullRequestResult> {
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

  async findRelease(repository: string, tag: string): Promise<string | undefined> {
    try {
      const release = await this.api.ProjectReleases.show(repository, tag);
      return String((release._links as { self?: string } | undefined)?.self ?? '');
    } catch (error) {
      if ((error as { cause?: { response?: { status?: number } } }).cause?.response?.status === 404) return undefined;
      throw error;
    }
  }

  uploadSarif(): Promise<never> {
    return Promise.reject(
      new AegisError('GitLab has no SARIF upload: the scan component hands GitLab its container_scanning report as an artifact instead.'),
    );
  }

  async createRelease(request: ReleaseRequest): Promise<string> {
    // GitLab has no prerelease flag (upcoming_release is about dates); the name carries it.
    const release = await this.api.ProjectReleases.create(request.repository, {
      tag_name: request.tag,
      name: request.name,
      description: request.notes,
    });
    return String((release._links as { self?: string } | undefined)?.self ?? '');
  }

  async notifyDependent(target: Dependent, event: ReleaseEvent): Promise<void> {
    // gitbeaker's PipelineTriggerTokens.trigger puts the token in the query string, where proxies
    // log it; the form body (as GitLab's `curl --form token=…` example) keeps it out of every URL.
    const form = new FormData();
    form.append('token', this.token);
    form.append('ref', target.ref);
    for (const [name, value] of Object.entries(releaseVariables(event))) form.append(`variables[${name}]`, value);
    // No PRIVATE-TOKEN header: a trigger token is not an API token and goes to this endpoint only.
    const triggers = new PipelineTriggerTokens({ host: this.host });
    try {
      await triggers.requester.post(`projects/${encodeURIComponent(target.repository)}/trigger/pipeline`, {
        body: form,
        signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
      });
    } catch (error) {
      const status = (error as { cause?: { response?: { status?: number } } }).cause?.response?.status;
      throw new AegisError(status ? `HTTP ${status}: ${(error as Error).message.slice(0, 200)}` : (error as Error).message);
    }
  }

  async pipelineRuns(repository: string, query: PipelineQuery): Promise<PipelineRun[]> {
    const pipelines = await this.api.Pipelines.all(repository, {
      updatedAfter: new Date(query.since * 1000).toISOString(),
      perPage: 100,
      maxPages: Math.ceil(query.limit / 100),
      ...(query.branch ? { ref: query.branch } : {}),
    });
    return (pipelines as unknown as Array<Record<string, unknown>>).map(fromGitLabPipeline).slice(0, query.limit);
  }

  /**
   * The job's deployment (listed for its environment, matched by its job id), then its approvals
   * (GET /projects/:id/deployments/:deployment_id; `approvals` only on tiers that have them).
   */
  async deploymentApprovals(run: DeploymentRun): Promise<DeploymentApproval[] | undefined> {
    if (!run.jobId || !run.environment) return undefined;
    const deployments = await this.api.Deployments.all(run.repository, {
      environment: run.environment,
      orderBy: 'id',
      sort: 'desc',
      perPage: 100,
      maxPages: 1,
    });
    const own = deployments.find((deployment) => String(deployment.deployable?.id) === run.jobId);
    if (!own) return undefined;
    const deployment = await this.api.Deployments.show(run.repository, own.id);
    const environment = String(deployment.environment?.name ?? run.environment);
    const approvals = (deployment.approvals ?? []) as Array<{
      user?: { username?: string };
      status: 'approved' | 'rejected';
      comment?: string;
    }>;
    return approvals.map((approval) => ({
      user: String(approval.user?.username ?? ''),
      state: approval.status,
      environments: [environment],
      ...(approval.comment ? { comment: String(approval.comment) } : {}),
    }));
  }
}

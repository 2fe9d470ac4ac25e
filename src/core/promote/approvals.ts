/** One decision on a deployment, as the forge reports it (GitHub's deployment reviews, GitLab's deployment approvals). */
export interface DeploymentApproval {
  /** The reviewer's login (GitHub) or username (GitLab). */
  user: string;
  state: 'approved' | 'rejected' | 'pending';
  /** The environments the decision was for. */
  environments: readonly string[];
  comment?: string;
}

/** The run (GitHub) or job (GitLab) whose deployment approvals are asked for. */
export interface DeploymentRun {
  /** `owner/repo` on GitHub; the project id or path on GitLab. */
  repository: string;
  /** GITHUB_RUN_ID; CI_PIPELINE_ID on GitLab. */
  runId: string;
  /** CI_JOB_ID on GitLab: its deployment is the one approved. */
  jobId?: string;
  /** CI_ENVIRONMENT_NAME on GitLab: where the job's deployment is listed. */
  environment?: string;
}

/** Comments are free text from the forge: one line, and short enough to read in `git log`. */
const COMMENT_LIMIT = 200;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > COMMENT_LIMIT ? `${line.slice(0, COMMENT_LIMIT - 1)}…` : line;
}

/**
 * The Aegis-Approved-By values of a promotion into `environment`: each reviewer who approved that
 * environment (`<login> (environment <name>[: comment])`, once per reviewer), rejections and
 * other environments ignored; none (an empty list) when nobody approved it.
 */
export function approverTrailers(approvals: readonly DeploymentApproval[], environment: string): string[] {
  const seen = new Set<string>();
  const values: string[] = [];
  for (const approval of approvals) {
    // GitHub compares environment names case-insensitively.
    const target = environment.toLowerCase();
    if (approval.state !== 'approved' || !approval.environments.some((name) => name.toLowerCase() === target)) continue;
    const user = oneLine(approval.user);
    if (!user || seen.has(user)) continue;
    seen.add(user);
    const comment = approval.comment ? oneLine(approval.comment) : '';
    values.push(`${user} (environment ${environment}${comment ? `: ${comment}` : ''})`);
  }
  return values;
}

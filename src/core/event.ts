export type EventKind = 'push' | 'pull_request' | 'merge_group' | 'tag' | 'schedule' | 'manual';

/**
 * One shape for "what triggered this run", whichever CI system produced it. Defined in the
 * core because detect and build reason about it; platforms only fill it in.
 */
export interface CiEvent {
  kind: EventKind;
  /** The platform's own name for the trigger (e.g. `workflow_dispatch`, `merge_request_event`). */
  source: string;
  /** The commit this run builds. On a pull request this is the PR head, never a synthetic merge commit. */
  head?: string;
  /** The commit to compare against when the platform tells us one (PR base, push `before`, merge-group base). */
  base?: string;
  /** Previous tip of the branch on a push; undefined on a new branch (all zeros). */
  before?: string;
  /** Branch name for branch events; the PR source branch for pull requests. */
  branch?: string;
  tag?: string;
  defaultBranch?: string;
  /** Set for pull/merge requests. */
  pullRequest?: { number: number; baseRef: string; headRef: string; baseSha?: string; headSha?: string; mergedResult?: boolean };
  /** GitHub reports force pushes; GitLab does not (undefined). */
  forced?: boolean;
  /** The event deleted `branch` or `tag` (GitHub `deleted: true`, a `delete` event; an all-zero head SHA). */
  deleted?: boolean;
  /** A merge base the platform already computed (GitLab `CI_MERGE_REQUEST_DIFF_BASE_SHA`): used as it is. */
  mergeBase?: string;
  repositoryUrl?: string;
  runUrl?: string;
  actor?: string;
  /** The run on its forge, for questions about it (deployment approvals): GITHUB_REPOSITORY/GITHUB_RUN_ID, CI_PROJECT_ID/CI_PIPELINE_ID/CI_JOB_ID. */
  run?: { forge: 'github' | 'gitlab'; repository: string; runId: string; jobId?: string; environment?: string };
}

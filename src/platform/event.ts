import type { CiEvent, EventKind } from './types.js';

type Env = Record<string, string | undefined>;
type Json = Record<string, unknown>;

const ZERO_SHA = /^0+$/;

/** A SHA that means "there was none" (new branch) is normalised to undefined. */
function sha(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && !ZERO_SHA.test(value) ? value : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function obj(value: unknown): Json {
  return value && typeof value === 'object' ? (value as Json) : {};
}

/** The pull request parts every PR-carrying payload shares (pull_request*, check_*, workflow_run `pull_requests[]`). */
function pullRequestEvent(common: Pick<CiEvent, 'source'> & Partial<CiEvent>, pr: Json, env: Env, fallbackHead?: string): CiEvent {
  const base = obj(pr.base);
  const head = obj(pr.head);
  return {
    ...common,
    kind: 'pull_request',
    // GITHUB_SHA is the synthetic merge commit (or the default branch tip); the PR head is what was written.
    head: sha(head.sha) ?? fallbackHead ?? env.GITHUB_SHA,
    base: sha(base.sha),
    branch: str(head.ref) ?? env.GITHUB_HEAD_REF,
    pullRequest: {
      number: Number(pr.number),
      baseRef: str(base.ref) ?? env.GITHUB_BASE_REF ?? '',
      headRef: str(head.ref) ?? env.GITHUB_HEAD_REF ?? '',
      baseSha: sha(base.sha),
      headSha: sha(head.sha),
    },
  };
}

/** Events whose payload is a pull request (GitHub runs them for the PR's base repository). */
const PULL_REQUEST_EVENTS = new Set([
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_review_thread',
]);

/**
 * Normalises a GitHub Actions event from its name, payload and `GITHUB_*` variables, using
 * the commits each payload names (see GitHub's "Events that trigger workflows"): pull
 * request heads and bases, push before/after (created, deleted, forced), tags of releases
 * and `create`, check suites and workflow runs of a pull request or a push, merge groups,
 * deployments and statuses. Anything else runs on `GITHUB_SHA` as a manual run.
 */
export function githubEvent(env: Env, payload: Json): CiEvent {
  const source = env.GITHUB_EVENT_NAME ?? 'unknown';
  const ref = env.GITHUB_REF ?? '';
  const repository = obj(payload.repository);
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const common = {
    source,
    defaultBranch: str(repository.default_branch),
    repositoryUrl: env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined,
    runUrl:
      env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`
        : undefined,
    actor: env.GITHUB_ACTOR,
    ...(env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? { run: { forge: 'github' as const, repository: env.GITHUB_REPOSITORY, runId: env.GITHUB_RUN_ID } }
      : {}),
  };
  const refNames = (name: string) =>
    name.startsWith('refs/tags/')
      ? { tag: name.slice('refs/tags/'.length) }
      : name.startsWith('refs/heads/')
        ? { branch: name.slice('refs/heads/'.length) }
        : {};

  if (PULL_REQUEST_EVENTS.has(source)) {
    const pr = obj(payload.pull_request);
    return pullRequestEvent(common, { ...pr, number: pr.number ?? payload.number }, env);
  }
  switch (source) {
    case 'merge_group': {
      const group = obj(payload.merge_group);
      return {
        ...common,
        kind: 'merge_group',
        head: sha(group.head_sha) ?? env.GITHUB_SHA,
        base: sha(group.base_sha),
        branch: str(group.head_ref)?.replace(/^refs\/heads\//, ''),
      };
    }
    case 'push': {
      const pushed = str(payload.ref) ?? ref;
      const deleted = payload.deleted === true || (typeof payload.after === 'string' && ZERO_SHA.test(payload.after));
      const before = sha(payload.before);
      if (pushed.startsWith('refs/tags/')) {
        const tag = pushed.slice('refs/tags/'.length);
        if (deleted) return { ...common, kind: 'tag', tag, before, deleted: true };
        return { ...common, kind: 'tag', head: sha(payload.after) ?? env.GITHUB_SHA, tag };
      }
      const branch = pushed.replace(/^refs\/heads\//, '');
      if (deleted) return { ...common, kind: 'push', branch, before, deleted: true };
      return {
        ...common,
        kind: 'push',
        head: sha(payload.after) ?? env.GITHUB_SHA,
        before,
        base: before,
        branch,
        forced: typeof payload.forced === 'boolean' ? payload.forced : undefined,
      };
    }
    case 'create':
    case 'delete': {
      // `ref` is a short name here; GITHUB_SHA is the created ref's commit (create) or the default branch tip (delete).
      const name = str(payload.ref) ?? '';
      const isTag = payload.ref_type === 'tag';
      const names = isTag ? { tag: name } : { branch: name };
      if (source === 'delete') return { ...common, kind: isTag ? 'tag' : 'push', ...names, deleted: true };
      return { ...common, kind: isTag ? 'tag' : 'push', head: env.GITHUB_SHA, ...names };
    }
    case 'release': {
      // GITHUB_SHA is the last commit of the tagged release, GITHUB_REF refs/tags/<tag_name>.
      const release = obj(payload.release);
      const tag = str(release.tag_name) ?? refNames(ref).tag;
      if (payload.action === 'deleted') return { ...common, kind: 'tag', tag, deleted: true };
      return { ...common, kind: 'tag', head: env.GITHUB_SHA ?? sha(release.target_commitish), tag };
    }
    case 'check_suite':
    case 'check_run':
    case 'workflow_run': {
      const subject = obj(source === 'workflow_run' ? payload.workflow_run : payload[source]);
      const suite = source === 'check_run' ? obj(subject.check_suite) : subject;
      const head = sha(subject.head_sha);
      const prs = Array.isArray(subject.pull_requests) ? subject.pull_requests : [];
      if (prs.length > 0) return pullRequestEvent(common, obj(prs[0]), env, head);
      const before = sha(suite.before);
      const branch = str(suite.head_branch);
      // A suite of a push carries before/after: compare like the push; without them the whole head.
      if (before && branch) return { ...common, kind: 'push', head: head ?? env.GITHUB_SHA, before, base: before, branch };
      return { ...common, kind: 'manual', head: head ?? env.GITHUB_SHA, branch };
    }
    case 'deployment':
    case 'deployment_status': {
      const deployment = obj(payload.deployment);
      return { ...common, kind: 'manual', head: sha(deployment.sha) ?? env.GITHUB_SHA, ...refNames(ref) };
    }
    case 'status':
      return { ...common, kind: 'manual', head: sha(payload.sha) ?? env.GITHUB_SHA };
    default: {
      const kind: EventKind = source === 'schedule' ? 'schedule' : 'manual';
      return { ...common, kind, head: env.GITHUB_SHA, ...refNames(ref) };
    }
  }
}

/**
 * Normalises a GitLab CI pipeline from its predefined `CI_*` variables. Every
 * `CI_PIPELINE_SOURCE` of GitLab's documentation is handled: merge request pipelines
 * (and child pipelines of them, which inherit the `CI_MERGE_REQUEST_*` variables), external
 * pull requests, tags, and for every other source (push, web, api, trigger, pipeline,
 * parent_pipeline, schedule, chat, webide, external, ondemand_dast_*,
 * security_orchestration_policy) the branch and `CI_COMMIT_BEFORE_SHA` when GitLab passes
 * one: a compare like a push. Without it, schedule is a schedule and the rest manual runs.
 */
export function gitlabEvent(env: Env): CiEvent {
  const source = env.CI_PIPELINE_SOURCE ?? 'unknown';
  const common = {
    source,
    defaultBranch: env.CI_DEFAULT_BRANCH,
    repositoryUrl: env.CI_PROJECT_URL,
    runUrl: env.CI_PIPELINE_URL,
    actor: env.GITLAB_USER_LOGIN,
    ...((env.CI_PROJECT_ID || env.CI_PROJECT_PATH) && env.CI_PIPELINE_ID
      ? {
          run: {
            forge: 'gitlab' as const,
            repository: (env.CI_PROJECT_ID || env.CI_PROJECT_PATH) as string,
            runId: env.CI_PIPELINE_ID,
            ...(env.CI_JOB_ID ? { jobId: env.CI_JOB_ID } : {}),
            ...(env.CI_ENVIRONMENT_NAME ? { environment: env.CI_ENVIRONMENT_NAME } : {}),
          },
        }
      : {}),
  };
  const deleted = typeof env.CI_COMMIT_SHA === 'string' && ZERO_SHA.test(env.CI_COMMIT_SHA);
  if (env.CI_COMMIT_TAG) {
    if (deleted) return { ...common, kind: 'tag', tag: env.CI_COMMIT_TAG, deleted: true };
    return { ...common, kind: 'tag', head: env.CI_COMMIT_SHA, tag: env.CI_COMMIT_TAG };
  }
  if (source === 'merge_request_event' || env.CI_MERGE_REQUEST_IID) {
    const mergedResult = env.CI_MERGE_REQUEST_EVENT_TYPE === 'merged_result' || env.CI_MERGE_REQUEST_EVENT_TYPE === 'merge_train';
    // In merged-results pipelines CI_COMMIT_SHA is a merge commit GitLab made; the source
    // branch tip is the commit people wrote.
    const head = mergedResult ? (sha(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA) ?? env.CI_COMMIT_SHA) : env.CI_COMMIT_SHA;
    return {
      ...common,
      kind: 'pull_request',
      head,
      base: sha(env.CI_MERGE_REQUEST_DIFF_BASE_SHA) ?? sha(env.CI_MERGE_REQUEST_TARGET_BRANCH_SHA),
      mergeBase: sha(env.CI_MERGE_REQUEST_DIFF_BASE_SHA),
      branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME,
      pullRequest: {
        number: Number(env.CI_MERGE_REQUEST_IID),
        baseRef: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ?? '',
        headRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ?? '',
        baseSha: sha(env.CI_MERGE_REQUEST_TARGET_BRANCH_SHA),
        headSha: sha(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA),
        mergedResult,
      },
    };
  }
  if (source === 'external_pull_request_event' || env.CI_EXTERNAL_PULL_REQUEST_IID) {
    const head = sha(env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA) ?? env.CI_COMMIT_SHA;
    return {
      ...common,
      kind: 'pull_request',
      head,
      base: sha(env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA),
      branch: env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME,
      pullRequest: {
        number: Number(env.CI_EXTERNAL_PULL_REQUEST_IID),
        baseRef: env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_NAME ?? '',
        headRef: env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_NAME ?? '',
        baseSha: sha(env.CI_EXTERNAL_PULL_REQUEST_TARGET_BRANCH_SHA),
        headSha: sha(env.CI_EXTERNAL_PULL_REQUEST_SOURCE_BRANCH_SHA),
      },
    };
  }
  const branch = env.CI_COMMIT_BRANCH;
  if (deleted) return { ...common, kind: 'push', branch, deleted: true };
  const before = sha(env.CI_COMMIT_BEFORE_SHA);
  // GitLab passes the previous tip on pushes and on pipelines a push started (parent_pipeline,
  // pipeline); a push without one is a new branch. Other sources send zeros.
  const kind: EventKind = source === 'push' || (before && branch) ? 'push' : source === 'schedule' ? 'schedule' : 'manual';
  return {
    ...common,
    kind,
    head: env.CI_COMMIT_SHA,
    before: kind === 'push' ? before : undefined,
    base: kind === 'push' ? before : undefined,
    branch,
  };
}

/** Locally there is no trigger: a manual run of whatever is checked out, overridable by AEGIS_* variables. */
export function localEvent(env: Env): CiEvent {
  return {
    kind: 'manual',
    source: 'local',
    head: sha(env.AEGIS_HEAD),
    base: sha(env.AEGIS_BASE),
    branch: env.AEGIS_BRANCH,
    actor: env.USER,
  };
}

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

/** Normalises a GitHub Actions event from its name, payload and `GITHUB_*` variables. */
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
  };

  switch (source) {
    case 'pull_request':
    case 'pull_request_target': {
      const pr = obj(payload.pull_request);
      const base = obj(pr.base);
      const head = obj(pr.head);
      return {
        ...common,
        kind: 'pull_request',
        // GITHUB_SHA is the synthetic merge commit; the PR head is what was written.
        head: sha(head.sha) ?? env.GITHUB_SHA,
        base: sha(base.sha),
        branch: str(head.ref) ?? env.GITHUB_HEAD_REF,
        pullRequest: {
          number: Number(pr.number ?? payload.number),
          baseRef: str(base.ref) ?? env.GITHUB_BASE_REF ?? '',
          headRef: str(head.ref) ?? env.GITHUB_HEAD_REF ?? '',
          baseSha: sha(base.sha),
          headSha: sha(head.sha),
        },
      };
    }
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
      if (ref.startsWith('refs/tags/')) {
        return { ...common, kind: 'tag', head: sha(payload.after) ?? env.GITHUB_SHA, tag: ref.slice('refs/tags/'.length) };
      }
      const before = sha(payload.before);
      return {
        ...common,
        kind: 'push',
        head: sha(payload.after) ?? env.GITHUB_SHA,
        before,
        base: before,
        branch: ref.replace(/^refs\/heads\//, ''),
        forced: typeof payload.forced === 'boolean' ? payload.forced : undefined,
      };
    }
    default: {
      const kind: EventKind = source === 'schedule' ? 'schedule' : 'manual';
      return {
        ...common,
        kind,
        head: env.GITHUB_SHA,
        branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined,
        tag: ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined,
      };
    }
  }
}

/** Normalises a GitLab CI pipeline from its predefined `CI_*` variables. */
export function gitlabEvent(env: Env): CiEvent {
  const source = env.CI_PIPELINE_SOURCE ?? 'unknown';
  const common = {
    source,
    defaultBranch: env.CI_DEFAULT_BRANCH,
    repositoryUrl: env.CI_PROJECT_URL,
    runUrl: env.CI_PIPELINE_URL,
    actor: env.GITLAB_USER_LOGIN,
  };
  if (env.CI_COMMIT_TAG) {
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
  const kind: EventKind = source === 'push' ? 'push' : source === 'schedule' ? 'schedule' : 'manual';
  const before = sha(env.CI_COMMIT_BEFORE_SHA);
  return {
    ...common,
    kind,
    head: env.CI_COMMIT_SHA,
    before: kind === 'push' ? before : undefined,
    base: kind === 'push' ? before : undefined,
    branch: env.CI_COMMIT_BRANCH,
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

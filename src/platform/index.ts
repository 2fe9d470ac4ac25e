import type { Env } from './base.js';
import { GitHubPlatform } from './github.js';
import { GitLabPlatform } from './gitlab.js';
import { type LocalOptions, LocalPlatform } from './local.js';
import type { Platform } from './types.js';

export type { CiEvent, EventKind, Forge, Platform, PlatformName } from './types.js';

/**
 * Picks the adapter from the environment the process runs in; AEGIS_PLATFORM overrides.
 * GitLab jobs are recognised by their job variables too, because gitlab-ci-local (which
 * mirrors a job's environment) sets GITLAB_CI=false.
 */
export function createPlatform(stage: string, env: Env = process.env, local: LocalOptions = {}): Platform {
  const forced = env.AEGIS_PLATFORM;
  if (forced === 'github' || (!forced && env.GITHUB_ACTIONS === 'true')) return new GitHubPlatform(stage, env);
  if (forced === 'gitlab' || (!forced && (env.GITLAB_CI === 'true' || (env.CI_JOB_NAME && env.CI_PROJECT_DIR && env.CI_SERVER_URL)))) {
    return new GitLabPlatform(stage, env);
  }
  return new LocalPlatform(stage, env, local);
}

import type { Env } from './base.js';
import { GitHubPlatform } from './github.js';
import { GitLabPlatform } from './gitlab.js';
import { LocalPlatform, type LocalOptions } from './local.js';
import type { Platform } from './types.js';

export type { CiEvent, EventKind, Forge, Platform, PlatformName } from './types.js';

/** Picks the adapter from the environment the process runs in. */
export function createPlatform(stage: string, env: Env = process.env, local: LocalOptions = {}): Platform {
  if (env.GITHUB_ACTIONS === 'true') return new GitHubPlatform(stage, env);
  if (env.GITLAB_CI === 'true') return new GitLabPlatform(stage, env);
  return new LocalPlatform(stage, env, local);
}

/**
 * Questions whose answer depends on the platform, answered here so stages never branch on
 * the platform's name (test/unit/core-boundary.test.ts keeps it so).
 */
import type { CiEvent } from '../core/event.js';
import type { PlatformName } from './types.js';

export type ForgeKind = 'github' | 'gitlab';

/** The user name a token authenticates git over HTTPS with: GitLab takes `oauth2`, GitHub `x-access-token`. */
export function tokenUserFor(platform: PlatformName): string {
  return platform === 'gitlab' ? 'oauth2' : 'x-access-token';
}

/** The forge a repository URL is on: GitLab when the host says so or the job runs on GitLab, else GitHub. */
export function forgeKindFor(platform: PlatformName, url?: string): ForgeKind {
  let host = '';
  try {
    host = url ? new URL(url).hostname : '';
  } catch {
    host = '';
  }
  return platform === 'gitlab' || /gitlab/i.test(host) ? 'gitlab' : 'github';
}

/** The run's ref as GitHub's APIs (code scanning) name it: the PR head, the tag, or the branch. */
export function githubRefOf(event: CiEvent): string {
  if (event.pullRequest) return `refs/pull/${event.pullRequest.number}/head`;
  if (event.tag) return `refs/tags/${event.tag}`;
  return `refs/heads/${event.branch ?? event.defaultBranch ?? 'main'}`;
}

/**
 * Names of the inputs the runner handed over as INPUT_* variables, as the user wrote them
 * (GitHub keeps `-`; GitLab components write `_`). Empty values count: the runner sets an
 * unknown `with:` key too.
 */
export function providedInputNames(env: Record<string, string | undefined>): string[] {
  return Object.keys(env)
    .filter((key) => key.startsWith('INPUT_') && key.length > 'INPUT_'.length)
    .map((key) => key.slice('INPUT_'.length).toLowerCase());
}

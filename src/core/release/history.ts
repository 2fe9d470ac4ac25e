import semver from 'semver';
import type { GitOperations } from '../git/git.js';
import { strictVersion } from './bump.js';
import { type ConventionalCommit, parseCommit } from './commits.js';

export interface ReleaseTag {
  tag: string;
  version: string;
}

/**
 * Tags `<prefix><version>` with a strict semver version, newest version first. `mergedOnly`
 * keeps those reachable from HEAD (the history this release builds on).
 */
export async function releaseTags(git: GitOperations, prefix: string, mergedOnly: boolean): Promise<ReleaseTag[]> {
  const tags: ReleaseTag[] = [];
  for (const tag of await git.tags({ mergedIntoHead: mergedOnly })) {
    if (!tag.startsWith(prefix)) continue;
    const version = strictVersion(tag.slice(prefix.length));
    if (version) tags.push({ tag, version });
  }
  return tags.sort((a, b) => semver.rcompare(a.version, b.version));
}

/**
 * Non-merge commits after `from` (exclusive; all history when undefined) up to `to` that
 * touch `path`, newest first.
 */
export async function commitsSince(git: GitOperations, from: string | undefined, path: string, to = 'HEAD'): Promise<ConventionalCommit[]> {
  const commits = await git.log({ range: from ? `${from}..${to}` : to, paths: [path], noMerges: true });
  return commits.map((commit) => parseCommit(commit.sha, commit.message));
}

/** True when the repository has no commit at all (HEAD is unborn). */
export async function isUnborn(git: GitOperations): Promise<boolean> {
  return (await git.resolveCommit('HEAD')) === undefined;
}

/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
export function dirtyFiles(git: GitOperations): Promise<string[]> {
  return git.status();
}

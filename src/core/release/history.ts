import semver from 'semver';
import type { GitOperations, LoggedCommit } from '../git/git.js';
import { strictVersion } from './bump.js';
import { type ConventionalCommit, parseCommit, withoutRevertedPairs } from './commits.js';

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

export interface HistoryOptions {
  /** Count merge commits whose subject is conventional (GitHub's PR-title and GitLab's `%{title}` merge messages). */
  merges: boolean;
}

/** Whether `merge` brings a change under `path` into its first parent's line. */
async function mergeTouches(git: GitOperations, merge: string, path: string): Promise<boolean> {
  const parent = await git.resolveCommit(`${merge}^1`);
  if (!parent) return false;
  // `--name-status -z`: status, then one path (two for renames and copies), NUL-separated.
  const fields = (await git.nameStatus(parent, merge)).split('\0').filter(Boolean);
  const paths: string[] = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index] as string;
    const count = /^[RC]/.test(status) ? 2 : 1;
    paths.push(...fields.slice(index + 1, index + 1 + count));
    index += 1 + count;
  }
  if (path === '.') return paths.length > 0;
  const prefix = path.endsWith('/') ? path : `${path}/`;
  return paths.some((file) => file === path || file.startsWith(prefix));
}

/**
 * Commits after `from` (exclusive; all history when undefined) up to `to` that touch `path`,
 * newest first, with reverted pairs removed. A merge commit counts when it brings a change to
 * `path` into the branch (its diff against the first parent), as semantic-release reads every
 * commit of the range.
 */
export async function commitsSince(
  git: GitOperations,
  from: string | undefined,
  path: string,
  to = 'HEAD',
  options: HistoryOptions = { merges: true },
): Promise<ConventionalCommit[]> {
  const range = from ? `${from}..${to}` : to;
  const parse = (commits: LoggedCommit[]) => commits.map((commit) => parseCommit(commit.sha, commit.message));
  const plain = parse(await git.log({ range, paths: [path], noMerges: true }));
  if (!options.merges) return withoutRevertedPairs(plain);
  // Git's own order (newest first) for both kinds: the revert filter and the changelog rely on it.
  const all = await git.log({ range });
  const nonMerges = new Set((await git.log({ range, noMerges: true })).map((commit) => commit.sha));
  const counted = new Set(plain.map((commit) => commit.hash));
  for (const merge of parse(all.filter((commit) => !nonMerges.has(commit.sha)))) {
    if (merge.type && (await mergeTouches(git, merge.hash, path))) counted.add(merge.hash);
  }
  return withoutRevertedPairs(parse(all.filter((commit) => counted.has(commit.sha))));
}

/** True when the repository has no commit at all (HEAD is unborn). */
export async function isUnborn(git: GitOperations): Promise<boolean> {
  return (await git.resolveCommit('HEAD')) === undefined;
}

/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
export function dirtyFiles(git: GitOperations): Promise<string[]> {
  return git.status();
}

import semver from 'semver';
import type { Git } from '../git/git.js';
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
export async function releaseTags(git: Git, prefix: string, mergedOnly: boolean): Promise<ReleaseTag[]> {
  const args = ['tag', '--list'];
  if (mergedOnly) args.push('--merged', 'HEAD');
  const output = await git.output(args);
  const tags: ReleaseTag[] = [];
  for (const tag of output.split('\n')) {
    if (!tag.startsWith(prefix)) continue;
    const version = strictVersion(tag.slice(prefix.length));
    if (version) tags.push({ tag, version });
  }
  return tags.sort((a, b) => semver.rcompare(a.version, b.version));
}

const FIELD = '\x1f';
const RECORD = '\x1e';

export interface HistoryOptions {
  /** Count merge commits whose subject is conventional (GitHub's PR-title and GitLab's `%{title}` merge messages). */
  merges: boolean;
}

function parseRecords(output: string): ConventionalCommit[] {
  return output
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', message = ''] = record.split(FIELD);
      return parseCommit(hash, message);
    });
}

/**
 * Commits after `from` (exclusive; all history when undefined) up to `to` that touch `path`,
 * newest first, with reverted pairs removed. A merge commit counts when it brings a change to
 * `path` into the branch (its diff against the first parent), as semantic-release reads every
 * commit of the range.
 */
export async function commitsSince(
  git: Git,
  from: string | undefined,
  path: string,
  to = 'HEAD',
  options: HistoryOptions = { merges: true },
): Promise<ConventionalCommit[]> {
  const range = from ? `${from}..${to}` : to;
  const format = `--format=%H${FIELD}%B${RECORD}`;
  const plain = parseRecords((await git.run(['log', '--no-merges', format, range, '--', path])).stdout);
  if (!options.merges) return withoutRevertedPairs(plain);
  const merges: ConventionalCommit[] = [];
  for (const merge of parseRecords((await git.run(['log', '--merges', format, range])).stdout)) {
    if (!merge.type) continue;
    const changed = await git.run(['diff', '--quiet', `${merge.hash}^1`, merge.hash, '--', path], { allowFailure: true });
    if (changed.exitCode === 1) merges.push(merge);
  }
  if (merges.length === 0) return withoutRevertedPairs(plain);
  // One order for both kinds: git's own (newest first), which the revert filter and the changelog rely on.
  const order = (await git.output(['log', '--format=%H', range])).split('\n');
  const position = new Map(order.map((hash, index) => [hash, index]));
  const all = [...plain, ...merges].sort((a, b) => (position.get(a.hash) ?? 0) - (position.get(b.hash) ?? 0));
  return withoutRevertedPairs(all);
}

/** True when the repository has no commit at all (HEAD is unborn). */
export async function isUnborn(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFailure: true })).exitCode !== 0;
}

/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
export async function dirtyFiles(git: Git): Promise<string[]> {
  return (await git.run(['status', '--porcelain'])).stdout.split('\n').filter(Boolean);
}

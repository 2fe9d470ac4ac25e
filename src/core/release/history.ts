import semver from 'semver';
import type { Git } from '../git/git.js';
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

/**
 * Non-merge commits after `from` (exclusive; all history when undefined) up to `to` that
 * touch `path`, newest first.
 */
export async function commitsSince(git: Git, from: string | undefined, path: string, to = 'HEAD'): Promise<ConventionalCommit[]> {
  const range = from ? `${from}..${to}` : to;
  const output = (await git.run(['log', '--no-merges', `--format=%H${FIELD}%B${RECORD}`, range, '--', path])).stdout;
  return output
    .split(RECORD)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', message = ''] = record.split(FIELD);
      return parseCommit(hash, message);
    });
}

/** True when the repository has no commit at all (HEAD is unborn). */
export async function isUnborn(git: Git): Promise<boolean> {
  return (await git.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFailure: true })).exitCode !== 0;
}

/** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
export async function dirtyFiles(git: Git): Promise<string[]> {
  return (await git.run(['status', '--porcelain'])).stdout.split('\n').filter(Boolean);
}

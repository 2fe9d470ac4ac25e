import { AegisError, InputError } from '../errors.js';
import { type GitOperations, isRaceRejection } from '../git/git.js';
import { refNameProblem } from './ref-name.js';
import { RELEASE_TRAILER_KEY } from './trailer.js';

/**
 * A branch or tag name git itself accepts (git check-ref-format's rules), never one that could
 * be read as an option. Checked before anything is fetched, published or written.
 */
export function validateRefName(kind: 'branch' | 'tag', name: string, input: string, value = name): void {
  const expected =
    kind === 'branch'
      ? 'a branch name git accepts (git check-ref-format), not starting with -'
      : 'a prefix that makes valid tag names (git check-ref-format), not starting with -';
  if (!name || name.startsWith('-')) throw new InputError(input, value, expected);
  const problem = refNameProblem(`refs/${kind === 'branch' ? 'heads' : 'tags'}/${name}`);
  if (problem) throw new InputError(input, value, expected, `${JSON.stringify(name)} ${problem}`);
}

/** The commit `refs/heads/<branch>` points at on the remote; undefined when the remote has no such branch. */
export async function remoteBranchTip(git: GitOperations, remote: string, branch: string): Promise<string | undefined> {
  const listed = await git.remoteRefs(remote, [`refs/heads/${branch}`], 'heads');
  if (!listed.ok) throw new AegisError(`Cannot read branch ${branch} from ${remote}: ${listed.stderr.trim()}`);
  return listed.refs.find((entry) => entry.ref === `refs/heads/${branch}`)?.sha;
}

/** Fetches the branch and the tags: the plan must see the remote as it is, not as this checkout last saw it. */
export async function fetchBranchAndTags(git: GitOperations, remote: string, branch: string): Promise<void> {
  const fetched = await git.fetch(remote, [`refs/heads/${branch}`], { tags: true });
  if (!fetched.ok) throw new AegisError(`Cannot fetch ${branch} and the tags from ${remote}: ${fetched.stderr.trim()}`);
}

/** Whether `commit` is a release commit this stage made (its trailer), so an unpushed one may be finished. */
async function isOwnReleaseCommit(git: GitOperations, commit: string): Promise<boolean> {
  return new RegExp(`^${RELEASE_TRAILER_KEY}: `, 'm').test(await git.message(commit));
}

export type ReleaseBase = 'tip' | 'own-release-commit';

/**
 * The release is made from the remote branch's tip, as semantic-release insists: a checkout
 * behind (or beside) the branch would publish content the branch no longer has. The one
 * exception is this stage's own release commit on top of the tip, left by a run that stopped
 * before its push: the rerun finishes it.
 */
export async function checkReleaseBase(git: GitOperations, remote: string, branch: string, head: string): Promise<ReleaseBase> {
  const tip = await remoteBranchTip(git, remote, branch);
  if (!tip) throw new InputError('branch', branch, `a branch that exists on ${remote}`);
  if (tip === head) return 'tip';
  // The release commit, and the fix(deps) commit below it when workspace dependents were bumped.
  let own = head;
  for (let depth = 0; depth < 2 && (await isOwnReleaseCommit(git, own)); depth++) {
    const parent = await git.resolveCommit(`${own}^`);
    if (parent === tip) return 'own-release-commit';
    if (!parent) break;
    own = parent;
  }
  if (await git.isAncestor(tip, head)) {
    throw new AegisError(
      `This checkout (${head.slice(0, 12)}) has commits that ${remote} ${branch} (${tip.slice(0, 12)}) does not: push them first, then release from the branch's tip.`,
    );
  }
  throw new AegisError(
    `${remote} ${branch} is at ${tip.slice(0, 12)}, this checkout at ${head.slice(0, 12)}: the branch moved on; rerun on the new tip. Nothing was published.`,
  );
}

/** The lines of a failed push that say why (rejected refs, errors), without git's hints. */
export function pushSummary(stdout: string, stderr: string): string {
  const lines = `${stdout}\n${stderr}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(!|error:|fatal:|remote:)/.test(line) && !/^remote:\s*$/.test(line));
  return lines.slice(0, 4).join('; ') || stderr.trim().split('\n').slice(-1).join('') || 'no output';
}

/**
 * `git push --dry-run` of exactly the refs the release pushes: the remote is asked for push
 * access (and refuses an existing tag) before anything is published.
 */
export async function provePushAccess(git: GitOperations, remote: string, refspecs: readonly string[]): Promise<void> {
  const pushed = await git.push(remote, refspecs, { atomic: true, porcelain: true, dryRun: true });
  if (pushed.ok) return;
  const detail = pushSummary(pushed.stdout, pushed.stderr);
  if (isRaceRejection(`${pushed.stdout}\n${pushed.stderr}`)) {
    throw new AegisError(
      `${remote} refuses ${refspecs.join(' ')} (${detail}): the branch moved on or the tag exists; rerun on the new tip. Nothing was published.`,
    );
  }
  throw new AegisError(`No push access to ${remote} (git push --dry-run ${refspecs.join(' ')}: ${detail}). Nothing was published.`);
}

import { AegisError, InputError } from '../errors.js';
import type { CiEvent } from '../event.js';
import type { Git } from '../git/git.js';
import type { Log } from '../log.js';
import { History, type MergeBaseResult } from './history.js';

export interface RangeRequest {
  event: CiEvent;
  /** The `base` input: a SHA, branch or tag that overrides whatever the event says. */
  base?: string;
  /** The `head` input. */
  head?: string;
  /** Overrides the event's default branch (new branches and force pushes compare against it). */
  defaultBranch?: string;
  remote: string;
  deepenStep: number;
  maxDeepenRounds: number;
}

/** What to compare. Without `base`, every service is selected (`reason` says why). */
export interface ResolvedRange {
  head: string;
  base?: string;
  reason: string;
  /** True when the range is a fallback the user was warned about. */
  fallback: boolean;
  /** The event deleted its branch or tag: nothing to build (head is empty). */
  deleted?: boolean;
  /** `git fetch` processes this resolution started (a shallow clone's cost; bounded). */
  fetches?: number;
}

const short = (sha: string) => sha.slice(0, 12);

/**
 * Chooses base and head for the event, as the references (paths-filter, changed-files,
 * nx-set-shas) should have: push → previous tip; new branch or force push → merge base with
 * the default branch; pull/merge request → merge base with the target, PR head (never the
 * synthetic merge commit); merge group → its base; tag → previous tag; schedule/manual →
 * everything unless `base` is given. Shallow clones are deepened; when a base cannot be
 * found the fallback (every service) is explicit and warned about.
 */
export async function resolveRange(git: Git, request: RangeRequest, log: Log): Promise<ResolvedRange> {
  const history = new History(git, log, {
    remote: request.remote,
    deepenStep: request.deepenStep,
    maxDeepenRounds: request.maxDeepenRounds,
  });
  const resolver = new RangeResolver(history, request, log);
  const range = await resolver.resolve();
  return { ...range, fetches: history.fetches };
}

class RangeResolver {
  constructor(
    private readonly history: History,
    private readonly request: RangeRequest,
    private readonly log: Log,
  ) {}

  async resolve(): Promise<ResolvedRange> {
    const { event } = this.request;
    if (event.deleted && !this.request.base && !this.request.head) {
      const what = event.tag ? `tag ${event.tag}` : `branch ${event.branch ?? '(unknown)'}`;
      return { head: '', reason: `${event.source}: ${what} was deleted; nothing to build`, fallback: false, deleted: true };
    }
    const head = await this.headCommit();
    if (this.request.base) return this.fromInput(this.request.base, head);
    switch (event.kind) {
      case 'pull_request':
        return this.fromPullRequest(head);
      case 'merge_group':
        return this.fromMergeGroup(head);
      case 'push':
        return this.fromPush(head);
      case 'tag':
        return this.fromTag(head);
      case 'schedule':
      case 'manual':
        return this.everything(head, `${event.source} run without a 'base' input`);
    }
  }

  private async headCommit(): Promise<string> {
    const { head: input, event } = this.request;
    const rev = input ?? event.head ?? 'HEAD';
    const sha = await this.commit(rev);
    if (sha) return sha;
    if (input) throw new InputError('head', input, `a commit, branch or tag in the repository or on remote '${this.history.remote}'`);
    throw new AegisError(
      `The head commit ${rev} of this ${event.source} event is not in the clone and could not be fetched from '${this.history.remote}'.`,
    );
  }

  /** A local rev, a full SHA fetched from the remote, or a remote branch. */
  private async commit(rev: string): Promise<string | undefined> {
    const local = await this.history.resolve(rev);
    if (local) return local;
    if (/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(rev)) return (await this.history.obtain(rev)) ? rev.toLowerCase() : undefined;
    return this.history.branchTip(rev.replace(new RegExp(`^${this.history.remote}/`), ''));
  }

  private async fromInput(value: string, head: string): Promise<ResolvedRange> {
    const base = await this.commit(value);
    if (!base)
      throw new InputError(
        'base',
        value,
        `a commit SHA, branch or tag in the repository or on remote '${this.history.remote}'`,
        'it is not there',
      );
    return this.compare(base, head, (mergeBase) =>
      mergeBase === base ? `input 'base' ${value}` : `merge base of input 'base' ${value} and head: ${short(mergeBase)}`,
    );
  }

  private async fromPullRequest(head: string): Promise<ResolvedRange> {
    const { event } = this.request;
    const pr = event.pullRequest;
    const label =
      event.source === 'merge_request_event' || pr?.mergedResult !== undefined
        ? `merge request !${pr?.number}`
        : `pull request #${pr?.number}`;
    const target = pr?.baseRef || 'the target branch';
    if (event.mergeBase && (await this.history.obtain(event.mergeBase))) {
      return { head, base: event.mergeBase, reason: `${label} into ${target}: merge base ${short(event.mergeBase)}`, fallback: false };
    }
    const base = event.base ?? pr?.baseSha;
    const shallow = await this.history.isShallow();
    const describe = (mergeBase: string, tip: string | undefined) =>
      `${label} into ${target}: merge base ${short(mergeBase)} of ${target}${tip ? ` (${short(tip)})` : ''} and the head`;
    if (base && !shallow && (await this.history.obtain(base))) return this.compare(base, head, (mergeBase) => describe(mergeBase, base));
    if (pr?.baseRef) {
      const found = await this.history.mergeBaseWithBranch(pr.baseRef, head);
      if (found.found) return { head, base: found.sha, reason: describe(found.sha, base ?? found.tip), fallback: false };
      if (!base) return this.missingMergeBase(head, pr.baseRef, found);
    }
    if (base && !(await this.history.obtain(base))) {
      this.log.warning(`The ${label} base ${base} is not in the clone and could not be fetched.`);
    } else if (base) {
      return this.compare(base, head, (mergeBase) => describe(mergeBase, base));
    }
    return this.everything(head, `the ${label} has no usable base commit`, true);
  }

  private async fromMergeGroup(head: string): Promise<ResolvedRange> {
    // GitHub builds the group's head on top of base_sha, so base_sha..head is exactly the queued change.
    const base = this.request.event.base;
    if (!base || !(await this.history.obtain(base))) return this.everything(head, 'the merge group has no usable base commit', true);
    return { head, base, reason: `merge group: base ${short(base)}`, fallback: false };
  }

  private async fromPush(head: string): Promise<ResolvedRange> {
    const { event } = this.request;
    const branch = event.branch ?? '(unknown branch)';
    const before = event.before;
    const defaultBranch = await this.defaultBranch();
    if (!before) {
      if (!defaultBranch || branch === defaultBranch)
        return this.everything(head, `first push of ${branch}: there is no earlier commit to compare with`);
      return this.againstDefaultBranch(head, defaultBranch, `new branch ${branch}`);
    }
    if (before === head)
      return { head, base: before, reason: `push to ${branch}: head is the previous tip (nothing new)`, fallback: false };
    if (!defaultBranch || branch === defaultBranch) return this.defaultBranchPush(head, before, branch);
    const replaced = `force push to ${branch}: previous tip ${short(before)} was replaced`;
    if (event.forced === true) return this.againstDefaultBranch(head, defaultBranch, replaced);
    const present = await this.history.obtain(before);
    if (!present)
      return this.againstDefaultBranch(
        head,
        defaultBranch,
        `push to ${branch}: previous tip ${short(before)} is no longer in the repository`,
      );
    const normal: ResolvedRange = { head, base: before, reason: `push to ${branch}: previous tip ${short(before)}`, fallback: false };
    // GitHub says whether the push was forced; GitLab does not, so ancestry decides.
    if (event.forced === false) return normal;
    const ancestor = await this.history.isAncestor(before, head);
    if (ancestor === true) return normal;
    const againstDefault = await this.againstDefaultBranch(
      head,
      defaultBranch,
      `force push to ${branch}: previous tip ${short(before)} is not an ancestor of head`,
    );
    // In a shallow clone ancestry is known only once head's own commits are fetched (above).
    if (ancestor === undefined && (await this.history.isAncestor(before, head)) === true) return normal;
    return againstDefault;
  }

  /**
   * On the default branch the old tip is what was last built and deployed: old tip..new tip
   * is the answer for a normal push and for a force push alike (a force push must rebuild
   * what the dropped commits built, so it is not the merge base of the two tips).
   */
  private async defaultBranchPush(head: string, before: string, branch: string): Promise<ResolvedRange> {
    if (!(await this.history.obtain(before))) {
      return this.everything(head, `push to ${branch}: previous tip ${short(before)} is no longer in the repository`, true);
    }
    const forced =
      this.request.event.forced ?? ((await this.history.isShallow()) ? undefined : !(await this.history.isAncestor(before, head)));
    const reason = forced
      ? `force push to ${branch}: old tip ${short(before)}..new tip (rebuilds what the dropped commits built)`
      : `push to ${branch}: previous tip ${short(before)}`;
    return { head, base: before, reason, fallback: false };
  }

  private async fromTag(head: string): Promise<ResolvedRange> {
    const tag = this.request.event.tag ?? '(tag)';
    const tags = await this.history.tagCommits();
    const names = new Map<string, string[]>();
    for (const [name, sha] of tags) {
      if (sha === head) continue;
      names.set(sha, [...(names.get(sha) ?? []), name]);
    }
    if (names.size === 0) return this.everything(head, `tag ${tag}: there is no earlier tag`);
    const refs = [...names.values()].flat().map((name) => `refs/tags/${name}`);
    const found = await this.history.nearestAncestorIn(head, new Set(names.keys()), refs);
    if (!found.found) {
      if (found.cause === 'unrelated') return this.everything(head, `tag ${tag}: no earlier tag is an ancestor of it`);
      return this.missingMergeBase(head, 'the previous tag', found);
    }
    return {
      head,
      base: found.sha,
      reason: `tag ${tag}: previous tag ${(names.get(found.sha) ?? []).sort().join(', ')} (${short(found.sha)})`,
      fallback: false,
    };
  }

  private async againstDefaultBranch(head: string, defaultBranch: string, why: string): Promise<ResolvedRange> {
    const found = await this.history.mergeBaseWithBranch(defaultBranch, head);
    if (found.found)
      return { head, base: found.sha, reason: `${why}: merge base with ${defaultBranch} ${short(found.sha)}`, fallback: false };
    if (!found.tip)
      return this.everything(head, `${why}, and the default branch ${defaultBranch} could not be found (${found.detail})`, true);
    return this.missingMergeBase(head, found.tip, found);
  }

  private async defaultBranch(): Promise<string | undefined> {
    return this.request.defaultBranch ?? this.request.event.defaultBranch ?? (await this.history.defaultBranch());
  }

  private async compare(base: string, head: string, reason: (mergeBase: string) => string): Promise<ResolvedRange> {
    const found = await this.history.mergeBase(base, head);
    if (!found.found) return this.missingMergeBase(head, base, found);
    return { head, base: found.sha, reason: reason(found.sha), fallback: false };
  }

  private missingMergeBase(head: string, base: string, result: Exclude<MergeBaseResult, { found: true }>): ResolvedRange {
    const what = /^[0-9a-f]{40}$/.test(base) ? short(base) : base;
    return this.everything(head, `no merge base of ${what} and head ${short(head)} (${result.detail})`, true);
  }

  private everything(head: string, why: string, warn = false): ResolvedRange {
    if (warn) this.log.warning(`Cannot compare against a base: ${why}. Treating every service as changed.`);
    return { head, reason: why, fallback: warn };
  }
}

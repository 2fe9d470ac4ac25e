import type { FetchOptions, GitOperations } from '../git/git.js';
import type { Log } from '../log.js';

export type MergeBaseResult =
  | { found: true; sha: string }
  | { found: false; cause: 'unrelated' | 'limit' | 'fetch-failed'; detail: string };

export interface HistoryOptions {
  remote: string;
  /** Commits fetched by the first deepening; each further round doubles it. */
  deepenStep: number;
  maxDeepenRounds: number;
  /** Attempts when another job holds the clone's shallow/ref locks. */
  maxLockRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Another git process in the same clone holds a lock or rewrote `.git/shallow` under us. */
const LOCK_CONTENTION =
  /\.lock'?:? File exists|Unable to create .*\.lock|cannot lock ref|shallow file has changed since we read it|could not lock/i;

/**
 * The commits a shallow CI clone lacks, fetched on demand: single commits at depth 1, a
 * branch's merge base through `--shallow-exclude` (see mergeBaseWithBranch), and as a last
 * resort history deepened in doubling steps. History is only ever added back (`--deepen`,
 * never a smaller `--depth`; what `--shallow-exclude` cut is deepened again), so jobs
 * working in the same clone keep what they had; when one holds git's locks the other waits
 * and re-checks, since the history it wanted may have arrived meanwhile.
 */
export class History {
  private shallow: boolean | undefined;
  /** `git fetch` processes started so far (tests bound it; the log reports it). */
  fetches = 0;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly git: GitOperations,
    private readonly log: Log,
    private readonly options: HistoryOptions,
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get remote(): string {
    return this.options.remote;
  }

  /** The full SHA of a local commit-ish, or undefined. */
  async resolve(rev: string): Promise<string | undefined> {
    if (rev.startsWith('-')) return undefined;
    return this.git.resolveCommit(rev);
  }

  async isShallow(): Promise<boolean> {
    // Cached false is final; true is re-read because another job may have completed the clone.
    if (this.shallow === false) return false;
    this.shallow = await this.git.isShallow();
    return this.shallow;
  }

  /** Makes `sha` available locally, fetching just that commit when missing. */
  async obtain(sha: string): Promise<boolean> {
    if (await this.resolve(sha)) return true;
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(sha)) return false;
    const fetched = await this.fetch([sha], (await this.isShallow()) ? { depth: 1 } : {});
    if (fetched.outcome !== 'ok') this.log.debug(`Could not fetch ${sha} from '${this.options.remote}': ${fetched.detail}`);
    return (await this.resolve(sha)) !== undefined;
  }

  /** Tip of a branch on the remote (falling back to local refs when the remote cannot be asked). */
  async branchTip(branch: string): Promise<string | undefined> {
    if (branch.startsWith('-')) return undefined;
    const listed = await this.git.remoteRefs(this.options.remote, [`refs/heads/${branch}`], 'heads');
    const sha = listed.ok ? listed.refs[0]?.sha : undefined;
    if (sha && (await this.obtain(sha))) return sha;
    return (await this.resolve(`refs/remotes/${this.options.remote}/${branch}`)) ?? (await this.resolve(`refs/heads/${branch}`));
  }

  /** The remote's default branch as recorded by the clone, or as the remote reports it. */
  async defaultBranch(): Promise<string | undefined> {
    const local = await this.git.symbolicRef(`refs/remotes/${this.options.remote}/HEAD`);
    if (local !== undefined) return local.replace(`refs/remotes/${this.options.remote}/`, '');
    return this.git.remoteDefaultBranch(this.options.remote);
  }

  /** Tag name → tagged commit, from the remote and the clone (tags need not be fetched). */
  async tagCommits(): Promise<Map<string, string>> {
    const tags = await this.git.localTagCommits();
    const remote = await this.git.remoteRefs(this.options.remote, [], 'tags');
    if (!remote.ok) return tags;
    for (const { sha, ref } of remote.refs) {
      if (!sha || !ref.startsWith('refs/tags/')) continue;
      const peeled = ref.endsWith('^{}');
      const name = ref.slice('refs/tags/'.length, peeled ? -3 : undefined);
      if (peeled || !tags.has(name)) tags.set(name, sha);
    }
    return tags;
  }

  /** Is `ancestor` reachable from `descendant` in the local history? undefined when a shallow clone cannot tell. */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    if (await this.git.isAncestor(ancestor, descendant)) return true;
    return (await this.isShallow()) ? undefined : false;
  }

  /**
   * The merge base of `head` and the tip of remote `branch`, fetching only what it needs.
   * A shallow clone asks the server for head's commits that are not on the branch
   * (`--shallow-exclude`, protocol capability deepen-not): the parent where that history
   * leaves the branch is the merge base, fetched at depth 1 for its tree. This costs two
   * small fetches whatever the history's length. When head's own history merges the branch
   * (several exits), the exits' dates bound one `--shallow-since` fetch; only if that is
   * still not enough does the bounded doubling deepen run.
   */
  async mergeBaseWithBranch(branch: string, head: string): Promise<MergeBaseResult & { tip?: string }> {
    const tip = await this.remoteTip(branch);
    if (tip && (await this.resolve(tip))) {
      const local = await this.localMergeBase(tip, head);
      if (local) return { found: true, sha: local, tip };
    }
    if (!(await this.isShallow())) {
      const present = tip ? await this.obtain(tip) : false;
      const fallback = present ? tip : await this.branchTip(branch);
      if (!fallback) return { found: false, cause: 'unrelated', detail: `branch ${branch} is not on '${this.remote}' or in the clone` };
      return { ...(await this.mergeBase(fallback, head)), tip: fallback };
    }
    if (!tip) return { found: false, cause: 'fetch-failed', detail: `branch ${branch} is not on '${this.remote}'` };
    const own = await this.ownHistoryExits(head, [`refs/heads/${branch}`]);
    if (!own.ok) {
      // deepen-not refuses when nothing is left: head is on the branch, so head is the merge base.
      if (/no commits selected for shallow requests/.test(own.detail)) return { found: true, sha: head, tip };
      this.log.debug(`--shallow-exclude fetch failed (${own.detail}); deepening instead.`);
      return { ...(await this.mergeBase(await this.obtainTip(tip), head)), tip };
    }
    const { exits } = own;
    if (exits.length === 1) {
      const [sha] = exits as [string];
      if (await this.obtain(sha)) return { found: true, sha, tip };
    }
    if (exits.length > 1 && (await this.obtainAll(exits))) {
      const since = Math.min(...(await this.git.commitTimes(exits)));
      if (Number.isFinite(since)) {
        // A day of slack for committer clocks that disagree.
        await this.fetch([head, tip], { shallowSince: since - 86_400 });
        const local = await this.localMergeBase(tip, head);
        if (local) return { found: true, sha: local, tip };
      }
    }
    return { ...(await this.mergeBase(await this.obtainTip(tip), head)), tip };
  }

  /** The merge base of two present commits, deepening a shallow clone (doubling) until it appears. */
  async mergeBase(a: string, b: string): Promise<MergeBaseResult> {
    let step = this.options.deepenStep;
    let rounds = 0;
    for (;;) {
      const result = await this.git.mergeBase(a, b);
      if (result.ok) return { found: true, sha: result.stdout.trim() };
      if (result.exitCode !== 1) return { found: false, cause: 'fetch-failed', detail: lastLine(result.stderr) };
      const deepened = await this.deepen(step, rounds, [a, b]);
      if (deepened !== 'ok') return deepened;
      rounds++;
      step *= 2;
    }
  }

  /** Walks back from `head` to the newest commit in `targets` (other than head), deepening as needed. */
  async nearestAncestorIn(
    head: string,
    targets: ReadonlySet<string>,
    /** Remote refs (tags) naming the targets: lets a shallow clone fetch down to them in one go. */
    targetRefs: readonly string[] = [],
  ): Promise<{ found: true; sha: string } | Exclude<MergeBaseResult, { found: true }>> {
    const local = (await this.git.revList(head)).find((commit) => commit !== head && targets.has(commit));
    if (local) return { found: true, sha: local };
    if (targetRefs.length > 0 && (await this.isShallow())) {
      const viaExclude = await this.nearestThroughExclude(head, targets, targetRefs);
      if (viaExclude) return { found: true, sha: viaExclude };
    }
    let step = this.options.deepenStep;
    let rounds = 0;
    for (;;) {
      const commits = await this.git.revList(head);
      const sha = commits.find((commit) => commit !== head && targets.has(commit));
      if (sha) return { found: true, sha };
      const deepened = await this.deepen(step, rounds, [head]);
      if (deepened !== 'ok') return deepened;
      rounds++;
      step *= 2;
    }
  }

  /**
   * head's history down to the first commits the target refs reach (`--shallow-exclude` per
   * ref): where it leaves them, a target commit is the nearest one. Undefined when the exit
   * is an untagged commit of another line (the bounded deepening then decides).
   */
  private async nearestThroughExclude(head: string, targets: ReadonlySet<string>, refs: readonly string[]): Promise<string | undefined> {
    const own = await this.ownHistoryExits(head, refs);
    if (!own.ok) return undefined;
    const { exits } = own;
    if (exits.length === 0 || !exits.every((sha) => targets.has(sha)) || !(await this.obtainAll(exits))) return undefined;
    if (exits.length === 1) return exits[0];
    const times = await this.git.commitTimes(exits);
    return exits[times.indexOf(Math.max(...times))];
  }

  private async localMergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.git.mergeBase(a, b);
    return result.ok ? result.stdout.trim() : undefined;
  }

  private async remoteTip(branch: string): Promise<string | undefined> {
    if (branch.startsWith('-')) return undefined;
    const listed = await this.git.remoteRefs(this.options.remote, [`refs/heads/${branch}`], 'heads');
    const sha = listed.ok ? listed.refs[0]?.sha : undefined;
    return sha || (await this.resolve(`refs/remotes/${this.options.remote}/${branch}`));
  }

  private async obtainTip(tip: string): Promise<string> {
    await this.obtain(tip);
    return tip;
  }

  private async obtainAll(shas: readonly string[]): Promise<boolean> {
    const missing: string[] = [];
    for (const sha of shas) if (!(await this.resolve(sha))) missing.push(sha);
    if (missing.length > 0) await this.fetch(missing, { depth: 1 });
    for (const sha of missing) if (!(await this.resolve(sha))) return false;
    return true;
  }

  /**
   * Fetches head's commits that none of `refs` reaches (`--shallow-exclude`) and returns the
   * commits where that history leaves them. The fetch also moves the shallow boundary UP when
   * the clone already had more of head's history (GIT_DEPTH 20, another job): that much is
   * deepened back, so nobody loses history they had.
   */
  private async ownHistoryExits(
    head: string,
    refs: readonly string[],
  ): Promise<{ ok: true; exits: string[] } | { ok: false; detail: string }> {
    const depthBefore = (await this.git.revList(head)).length;
    const fetched = await this.fetch([head], { shallowExclude: refs });
    if (fetched.outcome !== 'ok') return { ok: false, detail: fetched.detail };
    const exits = await this.exitsFromBranch(head);
    const depthAfter = (await this.git.revList(head)).length;
    if (depthAfter < depthBefore) await this.fetch([head], { deepen: depthBefore - depthAfter });
    return { ok: true, exits };
  }

  /**
   * After a `--shallow-exclude` fetch: the parents through which head's own history leaves
   * the excluded branch. The shallow boundary commits keep their real parent lines in the
   * commit object even though the parents themselves are not in the clone.
   */
  private async exitsFromBranch(head: string): Promise<string[]> {
    const listed = await this.git.revListWithParents(head);
    const own = new Set(listed.map((commit) => commit.sha));
    const exits = new Set<string>();
    // With the shallow graft a boundary commit lists no parents (as a root commit does).
    for (const { sha } of listed.filter((commit) => commit.parents.length === 0)) {
      for (const parent of await this.git.recordedParents(sha)) if (!own.has(parent)) exits.add(parent);
    }
    return [...exits];
  }

  private async deepen(step: number, rounds: number, wants: string[]): Promise<'ok' | Exclude<MergeBaseResult, { found: true }>> {
    if (!(await this.isShallow())) return { found: false, cause: 'unrelated', detail: 'the complete history has no common commit' };
    if (rounds >= this.options.maxDeepenRounds) {
      return { found: false, cause: 'limit', detail: `still missing after deepening the shallow clone ${rounds} times` };
    }
    this.log.info(`Shallow clone: fetching ${step} more commits of history from '${this.options.remote}'.`);
    const fetched = await this.fetch(wants, { deepen: step });
    if (fetched.outcome === 'ok') return 'ok';
    // The other job may have completed the clone while we waited.
    if (!(await this.isShallow())) return 'ok';
    return { found: false, cause: 'fetch-failed', detail: fetched.detail };
  }

  private async fetch(wants: string[], options: FetchOptions): Promise<{ outcome: 'ok' | 'failed'; detail: string }> {
    const maxRetries = this.options.maxLockRetries ?? 12;
    for (let attempt = 0; ; attempt++) {
      this.fetches++;
      const result = await this.git.fetch(this.options.remote, wants, { ...options, writeFetchHead: false });
      if (result.ok) return { outcome: 'ok', detail: '' };
      if (!LOCK_CONTENTION.test(result.stderr) || attempt >= maxRetries) return { outcome: 'failed', detail: lastLine(result.stderr) };
      const delay = Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random());
      this.log.debug(`Another git process holds a lock in this clone; retrying the fetch in ${Math.round(delay)} ms.`);
      await this.sleep(delay);
    }
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

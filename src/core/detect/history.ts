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
 * The commits a shallow CI clone lacks, fetched on demand: single commits at depth 1, and
 * history deepened in doubling steps until a merge base appears. Deepening only ever adds
 * history (`--deepen`, never a smaller `--depth`), so two jobs working in the same clone
 * cannot take history away from each other; when one holds git's locks the other waits
 * and re-checks, since the history it wanted may have arrived meanwhile.
 */
export class History {
  private shallow: boolean | undefined;
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
  ): Promise<{ found: true; sha: string } | Exclude<MergeBaseResult, { found: true }>> {
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

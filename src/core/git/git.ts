import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandError } from '../errors.js';
import { type RunResult, run } from '../process.js';
import { parseTrailers, type Trailer } from './trailers.js';

export interface Identity {
  name: string;
  email: string;
}

/** The outcome of an operation the caller decides about (a failed fetch, a push lost to a race). */
export interface GitOutcome {
  ok: boolean;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The argv that ran, for an error that says which operation failed. */
  args: readonly string[];
}

/** Throws the usual CommandError for an outcome the caller cannot continue without. */
export function mustSucceed<T extends GitOutcome>(result: T): T {
  if (!result.ok) throw new CommandError('git', result.args, result.exitCode, result.stderr || result.stdout);
  return result;
}

export interface FetchOptions {
  /** `--depth=<n>`: a shallow fetch. */
  depth?: number;
  /** `--deepen=<n>`: n more commits of history for a shallow clone. */
  deepen?: number;
  /** `--unshallow`: the complete history. */
  unshallow?: boolean;
  /** Fetch all tags (`--tags`); default `--no-tags`. */
  tags?: boolean;
  /** `--filter=<spec>`, e.g. `blob:none` for a partial clone. */
  filter?: string;
  /** `--shallow-exclude=<ref>` (one per ref): history of the wants down to (not into) what these remote refs reach. */
  shallowExclude?: string | readonly string[];
  /** `--shallow-since=<unix seconds>`: history of the wants committed since then. */
  shallowSince?: number;
  /** Default true; false adds `--no-write-fetch-head` (no FETCH_HEAD for a concurrent job to clobber). */
  writeFetchHead?: boolean;
}

export interface CloneOptions {
  branch: string;
  depth?: number;
  bare?: boolean;
  filter?: string;
}

export interface PushOptions {
  /** All refs or none (`--atomic`). */
  atomic?: boolean;
  /** Machine-readable ref status on stdout (`--porcelain`) instead of `--quiet`. */
  porcelain?: boolean;
  /**
   * Compare-and-swap: the remote ref is updated only while it still points at `expected`
   * (`--force-with-lease=<ref>:<expected>`). Never a plain force push.
   */
  lease?: { ref: string; expected: string };
  /** `--dry-run`: asks the remote (push access, rejections) without sending anything. */
  dryRun?: boolean;
}

export interface LogOptions {
  /** A revision or range (`a..b`); default HEAD. */
  range?: string;
  /** Only commits touching these paths. */
  paths?: readonly string[];
  noMerges?: boolean;
  /** Only commits whose message contains this exact text (`--fixed-strings --grep`). */
  grep?: string;
  max?: number;
}

export interface LoggedCommit {
  sha: string;
  /** The raw message: subject, body and trailers. */
  message: string;
  /** The message's trailers (`Aegis-Image: …`), in order. */
  trailers: Trailer[];
}

export interface RemoteRef {
  sha: string;
  ref: string;
}

/** Generous for a large clone, finite for a remote that stopped answering. */
const GIT_TIMEOUT_MS = 15 * 60_000;
const FIELD = '\x1f';
const RECORD = '\x1e';

function outcome(args: readonly string[], result: RunResult): GitOutcome {
  return { ok: result.exitCode === 0, exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, args };
}

function lines(text: string): string[] {
  return text.split('\n').filter(Boolean);
}

function identityEnv(author: Identity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
  };
}

/**
 * A git working copy behind named operations: the only place in src/ that spells git argv.
 * Every call is an argument array; the remote's credentials ride in env.
 */
export class Git {
  constructor(
    readonly dir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  /** Raw access for this module only; everything else uses the named operations below. */
  private run(
    args: readonly string[],
    options: { input?: string; allowFailure?: boolean; env?: Record<string, string> } = {},
  ): Promise<RunResult> {
    return run('git', args, {
      cwd: this.dir,
      env: { ...this.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      input: options.input,
      allowFailure: options.allowFailure,
      timeoutMs: GIT_TIMEOUT_MS,
    });
  }

  private async output(args: readonly string[]): Promise<string> {
    return (await this.run(args)).stdout.trim();
  }

  private async attempt(args: readonly string[], env?: Record<string, string>): Promise<GitOutcome> {
    return outcome(args, await this.run(args, { allowFailure: true, env }));
  }

  private async succeeds(args: readonly string[]): Promise<boolean> {
    return (await this.run(args, { allowFailure: true })).exitCode === 0;
  }

  // --- repository and revisions ---

  async init(): Promise<void> {
    await this.run(['init', '--quiet']);
  }

  /** Clones `url` into this directory (`.`), one branch, no tags. */
  async clone(url: string, options: CloneOptions): Promise<GitOutcome> {
    const args = ['clone', '--quiet'];
    if (options.bare) args.push('--bare');
    if (options.depth !== undefined) args.push('--depth', String(options.depth), '--no-tags');
    if (options.filter) args.push(`--filter=${options.filter}`);
    args.push('--single-branch', '--branch', options.branch, '--', url, '.');
    return await this.attempt(args);
  }

  head(): Promise<string> {
    return this.output(['rev-parse', 'HEAD']);
  }

  /** The full SHA of a commit-ish, or undefined when it does not name a commit here. */
  async resolveCommit(rev: string): Promise<string | undefined> {
    const result = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** The root of the working tree containing this directory, or undefined outside one. */
  async topLevel(): Promise<string | undefined> {
    const result = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async isShallow(): Promise<boolean> {
    return (await this.output(['rev-parse', '--is-shallow-repository'])) === 'true';
  }

  /** True when the object exists locally and is a commit. */
  hasCommit(rev: string): Promise<boolean> {
    return this.succeeds(['cat-file', '-e', `${rev}^{commit}`]);
  }

  /** The merge base of two commits; `ok` false with exit code 1 when they have none. */
  async mergeBase(a: string, b: string): Promise<GitOutcome> {
    return this.attempt(['merge-base', a, b]);
  }

  isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    return this.succeeds(['merge-base', '--is-ancestor', ancestor, descendant]);
  }

  /** Commits reachable from `rev` with the parents this clone knows (none past a shallow boundary). */
  async revListWithParents(rev: string): Promise<{ sha: string; parents: string[] }[]> {
    return lines(await this.output(['rev-list', '--parents', rev])).map((line) => {
      const [sha = '', ...parents] = line.split(' ');
      return { sha, parents };
    });
  }

  /** The tree object of a commit: two commits with the same tree have the same files. */
  tree(rev: string): Promise<string> {
    return this.output(['rev-parse', '--verify', '--end-of-options', `${rev}^{tree}`]);
  }

  /** Who authored a commit. */
  async commitAuthor(rev: string): Promise<Identity> {
    const [name = '', email = ''] = (await this.output(['log', '-1', `--format=%an${FIELD}%ae`, '--end-of-options', rev, '--'])).split(
      FIELD,
    );
    return { name, email };
  }

  /** The parents a commit object records, even where a shallow clone does not have them. */
  async recordedParents(sha: string): Promise<string[]> {
    const object = await this.output(['cat-file', 'commit', sha]);
    const end = object.indexOf('\n\n');
    const header = end === -1 ? object : object.slice(0, end);
    return [...header.matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map((match) => match[1] as string);
  }

  /** Committer times (unix seconds) of present commits. */
  async commitTimes(shas: readonly string[]): Promise<number[]> {
    if (shas.length === 0) return [];
    return lines(await this.output(['log', '--no-walk', '--format=%ct', ...shas, '--'])).map(Number);
  }

  /** Commits reachable from `rev`, newest first. */
  async revList(rev: string): Promise<string[]> {
    return (await this.output(['rev-list', rev])).split('\n');
  }

  /** The newest commit reachable from `rev` that touches `path`, or '' when none does. */
  lastCommitTouching(path: string, rev = 'HEAD'): Promise<string> {
    return this.output(['rev-list', '-1', rev, '--', path]);
  }

  async parentCount(rev: string): Promise<number> {
    return (await this.output(['rev-list', '--parents', '-n', '1', rev])).split(' ').length - 1;
  }

  /** The branch HEAD is on, or '' when HEAD is detached. */
  async currentBranch(): Promise<string> {
    return (await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true })).stdout.trim();
  }

  /** Where a symbolic ref points (e.g. `refs/remotes/origin/HEAD`), or undefined. */
  async symbolicRef(ref: string): Promise<string | undefined> {
    const result = await this.run(['symbolic-ref', '--quiet', ref], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  async remoteUrl(remote: string): Promise<string | undefined> {
    const result = await this.run(['remote', 'get-url', remote], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  // --- remotes ---

  /** `git fetch` of `refspecs` from `remote` (a name or a URL); the caller decides what a failure means. */
  async fetch(remote: string, refspecs: readonly string[], options: FetchOptions = {}): Promise<GitOutcome> {
    const args = ['fetch', '--quiet', options.tags ? '--tags' : '--no-tags'];
    if (options.writeFetchHead === false) args.push('--no-write-fetch-head');
    if (options.depth !== undefined) args.push(`--depth=${options.depth}`);
    if (options.deepen !== undefined) args.push(`--deepen=${options.deepen}`);
    if (options.unshallow) args.push('--unshallow');
    if (options.filter) args.push(`--filter=${options.filter}`);
    for (const ref of typeof options.shallowExclude === 'string' ? [options.shallowExclude] : (options.shallowExclude ?? []))
      args.push(`--shallow-exclude=${ref}`);
    if (options.shallowSince !== undefined) args.push(`--shallow-since=${options.shallowSince}`);
    return await this.attempt([...args, '--', remote, ...refspecs]);
  }

  /** Refs on `remote` matching `patterns` (`git ls-remote`); `ok` false when the remote cannot be asked. */
  async remoteRefs(remote: string, patterns: readonly string[], kind?: 'heads' | 'tags'): Promise<GitOutcome & { refs: RemoteRef[] }> {
    const args = ['ls-remote'];
    if (kind) args.push(`--${kind}`);
    const result = await this.attempt([...args, remote, ...patterns]);
    const refs = lines(result.stdout).map((line) => {
      const [sha = '', ref = ''] = line.split('\t');
      return { sha: sha.trim(), ref: ref.trim() };
    });
    return { ...result, refs };
  }

  /** The branch the remote's HEAD points at, as the remote reports it. */
  async remoteDefaultBranch(remote: string): Promise<string | undefined> {
    const result = await this.run(['ls-remote', '--symref', remote, 'HEAD'], { allowFailure: true });
    return /^ref: refs\/heads\/(\S+)\tHEAD$/m.exec(result.stdout)?.[1];
  }

  /** Pushes `refspecs`; never forced (a lease is a compare-and-swap). A rejection is returned, not thrown. */
  async push(remote: string, refspecs: readonly string[], options: PushOptions = {}): Promise<GitOutcome> {
    const args = ['push', options.porcelain ? '--porcelain' : '--quiet'];
    if (options.atomic) args.push('--atomic');
    if (options.dryRun) args.push('--dry-run');
    if (options.lease) args.push(`--force-with-lease=${options.lease.ref}:${options.lease.expected}`);
    return await this.attempt([...args, remote, ...refspecs]);
  }

  // --- reading history and the index ---

  /** Commits with their full messages (trailers included), newest first. */
  async log(options: LogOptions = {}): Promise<LoggedCommit[]> {
    const args = ['log', `--format=%H${FIELD}%B${RECORD}`];
    if (options.noMerges) args.push('--no-merges');
    if (options.max !== undefined) args.push(`--max-count=${options.max}`);
    if (options.grep !== undefined) args.push('--fixed-strings', `--grep=${options.grep}`);
    args.push(options.range ?? 'HEAD');
    if (options.paths) args.push('--', ...options.paths);
    return (await this.run(args)).stdout
      .split(RECORD)
      .map((record) => record.trim())
      .filter(Boolean)
      .map((record) => {
        const [sha = '', message = ''] = record.split(FIELD);
        return { sha, message, trailers: parseTrailers(message) };
      });
  }

  /** `git log --format=<format>` of `rev`, raw: for a reader that parses its own record format in one pass (insight). */
  async formattedLog(format: string, rev = 'HEAD'): Promise<string> {
    return (await this.run(['log', `--format=${format}`, '--end-of-options', rev, '--'])).stdout;
  }

  /** The newest commit reachable from `rev` touching any of `paths`, with its committer time (seconds), or undefined. */
  async lastChange(paths: readonly string[], rev = 'HEAD'): Promise<{ sha: string; time: number } | undefined> {
    const [sha, time] = (await this.output(['log', '-1', '--format=%H %ct', '--end-of-options', rev, '--', ...paths])).split(' ');
    return sha ? { sha, time: Number(time) } : undefined;
  }

  /** The committer date of one commit; undefined when it cannot be read. */
  async commitDate(rev: string): Promise<Date | undefined> {
    const result = await this.run(['log', '-1', '--format=%cI', rev, '--'], { allowFailure: true });
    const date = new Date(result.stdout.trim());
    return result.exitCode === 0 && !Number.isNaN(date.getTime()) ? date : undefined;
  }

  /** The full message of one commit. */
  message(rev: string): Promise<string> {
    return this.output(['log', '-1', '--format=%B', rev]);
  }

  /** A file's content at a commit, or undefined when the commit or the path is not there. */
  async fileAt(rev: string, path: string): Promise<string | undefined> {
    const result = await this.run(['show', `${rev}:${path}`], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout : undefined;
  }

  /** When a commit was committed (`%cI`, what GIT_COMMITTER_DATE sets). */
  async committedAt(rev: string): Promise<Date> {
    return new Date(await this.output(['log', '-1', '--format=%cI', rev]));
  }

  /** The boundary commits of a shallow clone (their parents were not fetched); empty when complete. */
  async shallowBoundary(): Promise<Set<string>> {
    const file = resolve(this.dir, await this.output(['rev-parse', '--git-path', 'shallow']));
    return new Set(existsSync(file) ? lines(readFileSync(file, 'utf8')) : []);
  }

  /**
   * `git diff --name-status -z` between two commits; raw NUL-separated output. Renames are
   * detected unless `renames` is false: then a rename is a deletion plus an addition, which
   * spares git pairing every deleted file with every added one.
   */
  async nameStatus(base: string, head: string, { renames = true }: { renames?: boolean } = {}): Promise<string> {
    const detection = renames ? '--find-renames' : '--no-renames';
    return (await this.run(['diff', '--no-ext-diff', '--no-textconv', '--name-status', '-z', detection, base, head, '--'])).stdout;
  }

  /** Staged changes against HEAD as `<status>\t<path>` lines, renames as a delete plus an add. */
  async stagedNameStatus(): Promise<string[]> {
    return lines(await this.output(['diff', '--cached', '--no-renames', '--name-status', 'HEAD']));
  }

  async hasStagedChanges(): Promise<boolean> {
    return !(await this.succeeds(['diff', '--cached', '--quiet']));
  }

  async conflictedFiles(): Promise<string[]> {
    return lines(await this.output(['diff', '--name-only', '--diff-filter=U']));
  }

  /** Every file path in a commit's tree. */
  async listFiles(rev: string): Promise<string[]> {
    return (await this.run(['ls-tree', '-r', '--name-only', '-z', rev])).stdout.split('\0').filter(Boolean);
  }

  /** A file as staged in the index. */
  async showStaged(path: string): Promise<string> {
    return (await this.run(['show', `:${path}`])).stdout;
  }

  /** Uncommitted changes, tracked or untracked, as `git status --porcelain` lines. */
  async status(): Promise<string[]> {
    return lines((await this.run(['status', '--porcelain'])).stdout);
  }

  /** Tag names, optionally only those reachable from HEAD. */
  async tags(options: { mergedIntoHead?: boolean } = {}): Promise<string[]> {
    const args = ['tag', '--list'];
    if (options.mergedIntoHead) args.push('--merged', 'HEAD');
    return (await this.output(args)).split('\n');
  }

  /** Local tag name → tagged commit (annotated tags peeled). */
  async localTagCommits(): Promise<Map<string, string>> {
    const tags = new Map<string, string>();
    const result = await this.run(['for-each-ref', '--format=%(objectname) %(*objectname) %(refname:strip=2)', 'refs/tags'], {
      allowFailure: true,
    });
    for (const line of result.stdout.split('\n')) {
      const [object, peeled, name] = line.split(' ');
      if (name) tags.set(name, peeled || (object as string));
    }
    return tags;
  }

  /** The note `commit` carries under `refs/notes/<ref>`, or undefined when it has none. */
  async note(ref: string, commit: string): Promise<string | undefined> {
    const result = await this.run(['notes', `--ref=${ref}`, 'show', '--end-of-options', commit], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout : undefined;
  }

  // --- writing ---

  async add(paths: readonly string[]): Promise<void> {
    await this.run(['add', '--', ...paths]);
  }

  /** Commits staged changes with a message from stdin (no argv length or quoting concerns). */
  async commit(message: string, author: Identity): Promise<string> {
    await this.run(['commit', '--quiet', '--no-verify', '--file', '-'], { input: message, env: identityEnv(author) });
    return this.head();
  }

  /** An annotated tag on HEAD with `message` from stdin. */
  async tag(name: string, message: string, tagger: Identity): Promise<void> {
    await this.run(['tag', '--annotate', '--file', '-', name], {
      input: message,
      env: { GIT_COMMITTER_NAME: tagger.name, GIT_COMMITTER_EMAIL: tagger.email },
    });
  }

  /**
   * Appends a paragraph to the note of `commit` under `refs/notes/<ref>` (a note is created when
   * there is none). The commit need not be present locally when given as a full SHA.
   */
  async appendNote(ref: string, commit: string, text: string, author: Identity): Promise<void> {
    await this.run(['notes', `--ref=${ref}`, 'append', '--file', '-', '--end-of-options', commit], {
      input: text,
      env: identityEnv(author),
    });
  }

  /** Deletes a local ref (no-op when it does not exist). */
  async deleteRef(ref: string): Promise<void> {
    await this.run(['update-ref', '-d', ref], { allowFailure: true });
  }

  async deleteTag(name: string): Promise<void> {
    await this.run(['tag', '--delete', name], { allowFailure: true });
  }

  /** Applies the inverse of `rev` to the index and tree without committing (`-m 1` for a merge). */
  async revert(rev: string, options: { mainline?: number; author: Identity }): Promise<GitOutcome> {
    const mainline = options.mainline === undefined ? [] : ['-m', String(options.mainline)];
    return this.attempt(['revert', '--no-commit', ...mainline, rev], identityEnv(options.author));
  }

  async abortRevert(): Promise<void> {
    await this.run(['revert', '--abort'], { allowFailure: true });
  }

  /** Discards the index and working tree changes: `git reset --hard <rev>`. */
  async resetHard(rev = 'HEAD'): Promise<void> {
    await this.run(['reset', '--quiet', '--hard', rev]);
  }

  async checkoutDetached(rev: string): Promise<void> {
    await this.run(['checkout', '--quiet', '--detach', rev]);
  }

  async addWorktree(dir: string, rev: string): Promise<void> {
    await this.run(['worktree', 'add', '--quiet', '--detach', dir, rev]);
  }

  async removeWorktree(dir: string): Promise<void> {
    await this.run(['worktree', 'remove', '--force', dir], { allowFailure: true });
  }
}

/** What code outside this module may do with a repository: the named operations, nothing raw. */
export type GitOperations = Pick<Git, keyof Git>;

/** Wording of a push lost to a concurrent writer, from git itself and from GitHub/GitLab's receive hooks. */
const REJECTED_BY_RACE =
  /non-fast-forward|fetch first|cannot lock ref|incorrect old value|failed to update ref|failed to lock|stale info|updates were rejected|\[rejected\]|reference already exists|could not lock|is at [0-9a-f]+ but expected/i;

export function isRaceRejection(stderr: string): boolean {
  // `remote:` lines are the server's hooks talking: their text (which may well say
  // "non-fast-forward") is shown, never read as git's own verdict.
  return REJECTED_BY_RACE.test(
    stderr
      .split('\n')
      .filter((line) => !/^remote:/.test(line.trim()))
      .join('\n'),
  );
}

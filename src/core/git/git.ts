import { type RunResult, run } from '../process.js';

export interface Identity {
  name: string;
  email: string;
}

/** Generous for a large clone, finite for a remote that stopped answering. */
const GIT_TIMEOUT_MS = 15 * 60_000;

/** A git working copy. Every call is an argument array; the remote's credentials ride in env. */
export class Git {
  constructor(
    readonly dir: string,
    private readonly env: Record<string, string> = {},
  ) {}

  run(args: readonly string[], options: { input?: string; allowFailure?: boolean; env?: Record<string, string> } = {}): Promise<RunResult> {
    return run('git', args, {
      cwd: this.dir,
      env: { ...this.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      input: options.input,
      allowFailure: options.allowFailure,
      timeoutMs: GIT_TIMEOUT_MS,
    });
  }

  async output(args: readonly string[]): Promise<string> {
    return (await this.run(args)).stdout.trim();
  }

  head(): Promise<string> {
    return this.output(['rev-parse', 'HEAD']);
  }

  /** Commits staged changes with a message from stdin (no argv length or quoting concerns). */
  async commit(message: string, author: Identity): Promise<string> {
    await this.run(['commit', '--quiet', '--no-verify', '--file', '-'], {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      },
    });
    return this.head();
  }
}

/** Wording of a push lost to a concurrent writer, from git itself and from GitHub/GitLab's receive hooks. */
const REJECTED_BY_RACE =
  /non-fast-forward|fetch first|cannot lock ref|incorrect old value|failed to update ref|failed to lock|stale info|updates were rejected|\[rejected\]|reference already exists|could not lock|is at [0-9a-f]+ but expected/i;

export function isRaceRejection(stderr: string): boolean {
  return REJECTED_BY_RACE.test(stderr);
}

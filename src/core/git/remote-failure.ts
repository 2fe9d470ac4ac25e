/**
 * What a failed git command against a remote says, for a person: git's own boilerplate
 * dropped, the server's (or its hook's) text kept, and a hint where the cause is ours to name.
 */
import { neutralizeLogText } from '../markdown.js';

const BOILERPLATE = [
  /^fatal: Could not read from remote repository\.?$/,
  /^Please make sure you have the correct access rights$/,
  /^and the repository exists\.?$/,
  /^To \S+$/,
  /^Done$/,
];

const HINTS: [RegExp, string][] = [
  [
    /Host key verification failed|No \w+ host key is known|REMOTE HOST IDENTIFICATION HAS CHANGED/,
    "the ssh host key is not known: add the host's key to ssh-known-hosts (github.com and gitlab.com are built in), or set ssh-accept-new: true to trust the first key",
  ],
  [/Permission denied \(publickey/, 'the ssh key was refused: check ssh-key and that it has access to the repository'],
];

/** The meaningful lines of git's stderr (at most `limit`), joined for one log line. */
export function remoteFailureText(stderr: string, limit = 4): string {
  const lines = stderr
    .split(/\r?\n|\r/)
    .map((line) => line.trim())
    .filter((line) => line && !BOILERPLATE.some((pattern) => pattern.test(line)));
  const text = lines.slice(-limit).join(' ');
  const hint = HINTS.find(([pattern]) => pattern.test(stderr))?.[1];
  return neutralizeLogText(hint ? `${text} (${hint})` : text);
}

/**
 * Failures worth another attempt: the remote could not be reached or answered 5xx. The exact
 * wording of git (transport.c, remote-curl.c), curl and OpenSSH; anything else — refused
 * credentials, a missing branch, a stalled transfer already given its full timeout — is final.
 */
const TRANSIENT = [
  /Failed to connect to .* port \d+/i,
  /Could not resolve host/i,
  /Connection refused/i,
  /Connection reset by peer/i,
  /Connection timed out/i,
  /Network is unreachable/i,
  /The requested URL returned error: 5\d\d/,
  /(?:RPC failed; )?HTTP 5\d\d/,
  /unexpected disconnect while reading sideband packet/,
  /the remote end hung up unexpectedly/,
  /kex_exchange_identification: (?:read: )?Connection (?:reset|closed)/,
  /ssh: connect to host .* port \d+: (?:Connection refused|Connection timed out|No route to host)/,
];

/** A transfer below http.lowSpeedLimit for http.lowSpeedTime (curl), or ssh keepalives unanswered. */
const STALLED = [
  /Operation too slow/i,
  /Timeout, server .* not responding/i,
  /Connection timed out during banner exchange/i,
  /timed out after \d+ s/,
];

export function isStalled(stderr: string): boolean {
  return STALLED.some((pattern) => pattern.test(stderr));
}

export function isTransientFailure(stderr: string): boolean {
  return !isStalled(stderr) && TRANSIENT.some((pattern) => pattern.test(stderr));
}

export interface RetryOptions {
  /** Total attempts, including the first. */
  attempts: number;
  /** First delay; doubles each time, with equal jitter (at least half of it is always waited). */
  baseMs: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each wait. */
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

export const DEFAULT_RETRIES: RetryOptions = { attempts: 4, baseMs: 1000 };

/**
 * Runs a git operation against a remote until it succeeds, fails for a reason that is not
 * transient, or the attempts are used up; returns the last outcome either way.
 */
export async function retryTransient<T extends { ok: boolean; stderr: string }>(
  operation: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    const result = await operation();
    if (result.ok || attempt >= options.attempts || !isTransientFailure(result.stderr)) return result;
    const ceiling = options.baseMs * 2 ** (attempt - 1);
    const delay = Math.round(ceiling / 2 + (random() * ceiling) / 2);
    options.onRetry?.(attempt, delay, remoteFailureText(result.stderr, 2));
    await sleep(delay);
  }
}

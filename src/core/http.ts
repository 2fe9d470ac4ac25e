/**
 * The one way src/ talks HTTP: every request has a timeout, a network failure is a typed
 * error naming the host (never headers or the full URL, which may carry secrets), and
 * bounded retries with backoff are there for callers whose request is safe to repeat.
 */
import { AegisError } from './errors.js';
import { refusedWhileStopping } from './stopping.js';

/** What callers (and tests' fakes) inject; the platform's `fetch` by default. */
export type Fetch = typeof fetch;

export interface RetryPolicy {
  /** Total attempts, including the first (≥ 1). */
  attempts: number;
  /** First backoff; doubles each retry, with full jitter. Default 200 ms. */
  baseMs?: number;
  /** Also retry on 5xx answers (for idempotent requests). Default true. */
  onServerError?: boolean;
}

export interface HttpOptions {
  /** Abandon the attempt after this long. */
  timeoutMs: number;
  /** The caller's own cancellation (run terminated); an abort by it is rethrown untouched. */
  signal?: AbortSignal;
  /** Opt-in retries on connection errors (and 5xx); none by default. */
  retry?: RetryPolicy;
  fetch?: Fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The host could not be reached, or did not answer in time. */
export class HttpUnreachableError extends AegisError {
  override name = 'HttpUnreachableError';
  constructor(
    /** Scheme, host and port: what a message may show. */
    readonly origin: string,
    /** ECONNREFUSED, ENOTFOUND, `no answer within … ms`, … */
    readonly reason: string,
  ) {
    super(`${origin} unreachable: ${reason}`);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function originOf(url: string | URL): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}

function reasonOf(error: unknown, timedOut: boolean, timeoutMs: number): string {
  if (timedOut) return `no answer within ${timeoutMs} ms`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

async function attempt(url: string | URL, init: RequestInit, options: HttpOptions): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    return await (options.fetch ?? fetch)(url, { ...init, signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new HttpUnreachableError(originOf(url), reasonOf(error, timeout.aborted, options.timeoutMs));
  }
}

/** A cancelled stage does nothing more: no rollback, no notification about the command the cancel ended. */
export function assertMaySend(url: string | URL): void {
  const refused = refusedWhileStopping();
  if (refused) throw new AegisError(`${originOf(url)}: ${refused}`);
}

/** `fetch` with a timeout, a typed unreachable error and, when asked, bounded retries with backoff. */
export async function httpFetch(url: string | URL, init: RequestInit, options: HttpOptions): Promise<Response> {
  const attempts = Math.max(1, options.retry?.attempts ?? 1);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const backoff = (n: number) => sleep(random() * (options.retry?.baseMs ?? 200) * 2 ** (n - 1));
  for (let n = 1; ; n++) {
    const last = n >= attempts;
    assertMaySend(url);
    let response: Response;
    try {
      response = await attempt(url, init, options);
    } catch (error) {
      if (last || !(error instanceof HttpUnreachableError)) throw error;
      await backoff(n);
      continue;
    }
    if (last || response.status < 500 || options.retry?.onServerError === false) return response;
    await response.body?.cancel();
    await backoff(n);
  }
}

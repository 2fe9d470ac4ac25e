/**
 * Typed errors thrown deep in the core; only the stage runner turns them into a failed job.
 * Each carries enough context for a person to fix the cause without reading our source.
 */
export class AegisError extends Error {
  override name = 'AegisError';
}

/** A user-supplied input is malformed. Always names the input, quotes the value, says what is expected. */
export class InputError extends AegisError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    readonly value: string,
    readonly expected: string,
    readonly detail?: string,
  ) {
    super(`Input '${input}' has an invalid value ${JSON.stringify(truncate(value))}: expected ${expected}${detail ? ` (${detail})` : ''}.`);
  }
}

/** A file the plan depends on is missing, unreadable or not what it should be. */
export class FileError extends AegisError {
  override name = 'FileError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** A child process failed. The argv is recorded for debugging; secrets never reach argv by design. */
export class CommandError extends AegisError {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    // The argv can be long (a build's every flag): the start says which command it was; debug logs hold it all.
    super(
      `${command} ${truncate(args.join(' '), 160)} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim().split('\n').slice(-5).join('\n')}`,
    );
  }
}

function truncate(value: string, length = 200): string {
  return value.length > length ? `${value.slice(0, length)}…` : value;
}

/** A program a stage runs is not installed (spawn … ENOENT). */
export class ToolNotFoundError extends AegisError {
  override name = 'ToolNotFoundError';
  constructor(readonly command: string) {
    super(
      command.includes('/')
        ? `'${command}' does not exist: give the path of an installed program`
        : `'${command}' is not installed here (not found on PATH): install it on the runner or use an image that has it`,
    );
  }
}

const REACH_ADVICE =
  "Check the URL or host in the stage's inputs, that the service is up, and that this machine can reach it (proxy, firewall, DNS).";

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (nothing listens there)',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name could not be resolved (DNS)',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection closed unexpectedly',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate could not be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

type Loose = Record<string, unknown>;
const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Loose)[key] : undefined);

/** The error and its causes, outermost first (fetch hides the socket error in `cause`). */
function chain(error: unknown): unknown[] {
  const errors: unknown[] = [];
  for (let current = error; current && errors.length < 8; current = field(current, 'cause')) errors.push(current);
  return errors;
}

/** "Could not reach host:port: the connection was refused …" for a network failure, else undefined. */
function networkFailure(error: unknown): string | undefined {
  for (const cause of chain(error)) {
    const code = field(cause, 'code');
    if (typeof code !== 'string' || !(code in NETWORK_CODES)) continue;
    const message = String(field(cause, 'message') ?? '');
    const hostname = field(cause, 'hostname');
    const address = field(cause, 'address');
    const port = field(cause, 'port');
    const host =
      typeof hostname === 'string'
        ? hostname
        : typeof address === 'string'
          ? `${address}${port ? `:${port}` : ''}`
          : (/attempted address: ([^,)]+)/.exec(message)?.[1] ?? /(?:connect|getaddrinfo) \w+ (\S+)/.exec(message)?.[1]);
    return `Could not reach ${host ?? 'a host the stage needs'}: ${NETWORK_CODES[code]} (${code}). ${REACH_ADVICE}`;
  }
  return undefined;
}

const STATUS_ADVICE: Record<number, string> = {
  400: 'the request was refused as invalid',
  401: 'the credentials were refused: check that the token is set, valid and not expired',
  403: 'the token lacks a permission this needs (or a rate limit was hit)',
  404: 'not found: check the repository/project name and that the token can see it',
  409: 'a conflict with the current state: retry',
  413: 'the upload is too large',
  422: 'the request was refused as invalid',
  429: 'rate-limited: retry later',
};

/** An API client's HTTP error (Octokit's RequestError, Gitbeaker's): host, status, what it means. */
function apiFailure(error: unknown): string | undefined {
  const status = field(error, 'status') ?? field(field(field(error, 'cause'), 'response'), 'status');
  if (typeof status !== 'number' || status < 400) return undefined;
  const request = field(error, 'request') ?? field(field(error, 'cause'), 'request');
  const rawUrl = field(request, 'url');
  const method = field(request, 'method');
  let where = 'the API';
  if (typeof rawUrl === 'string') {
    try {
      const url = new URL(rawUrl);
      where = `${url.host} (${typeof method === 'string' ? `${method} ` : ''}${url.pathname})`;
    } catch {
      where = 'the API';
    }
  }
  const description = field(field(error, 'cause'), 'description');
  const detail = String(typeof description === 'string' ? description : (field(error, 'message') ?? ''))
    .split('\n')[0]
    ?.slice(0, 200);
  const advice =
    STATUS_ADVICE[status] ?? (status >= 500 ? 'the server failed: retry later, or check its status page' : 'the request failed');
  return `${where} answered HTTP ${status}${detail ? ` (${detail})` : ''}: ${advice}.`;
}

/**
 * The one message a person reads when a stage fails: typed errors carry their own; network,
 * API and resource-limit failures are explained with the host and what to change. Never a
 * stack trace (the runner logs that at debug level only).
 */
export function failureMessage(error: unknown): string {
  // src/core/http.ts's HttpUnreachableError names the host; say what to look at.
  if (error instanceof AegisError && error.name === 'HttpUnreachableError') return `${error.message}. ${REACH_ADVICE}`;
  if (error instanceof AegisError) return error.message;
  const explained = networkFailure(error) ?? apiFailure(error);
  if (explained) return explained;
  const message = error instanceof Error ? error.message : String(error);
  if (/alias count|resource exhaustion/i.test(message)) {
    return `A YAML document uses too many aliases (${message}): this looks like a "billion laughs" document; write the values out instead of aliasing them.`;
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `A request timed out (${message}): check that the host in the stage's inputs answers from this machine.`;
  }
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  return `Unexpected failure: ${name}${message}. Re-run with debug logging (ACTIONS_STEP_DEBUG / CI_DEBUG_TRACE / --debug) for details, and report it if the inputs look right.`;
}

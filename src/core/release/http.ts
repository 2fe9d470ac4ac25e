import { AegisError } from '../errors.js';
import { type Fetch, HttpUnreachableError, httpFetch } from '../http.js';

/** A request described as data, so builders are unit-tested without a network and secrets stay out of URLs. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/** Sends a request; a network failure becomes an error that names the host (never the headers). */
export async function send(request: HttpRequest, what: string, fetchImpl?: Fetch, timeoutMs = 30_000): Promise<HttpResponse> {
  let response: Response;
  try {
    response = await httpFetch(
      request.url,
      // A redirect (e.g. to a login page) is an answer to report, not to follow and mistake for success.
      { method: request.method, headers: request.headers, body: request.body, redirect: 'manual' },
      { timeoutMs, fetch: fetchImpl },
    );
  } catch (error) {
    if (!(error instanceof HttpUnreachableError)) throw error;
    throw new AegisError(`${what} is unreachable at ${error.origin}: ${error.reason}.`);
  }
  return { status: response.status, body: await response.text() };
}

/** Throws with the status and the start of the body unless the status is one of `ok`. */
export function expectStatus(response: HttpResponse, ok: readonly number[], what: string): void {
  if (!ok.includes(response.status)) {
    throw new AegisError(`${what} answered HTTP ${response.status}: ${response.body.slice(0, 300)}`);
  }
}

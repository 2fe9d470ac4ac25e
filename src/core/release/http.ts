import { AegisError } from '../errors.js';

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

export type Fetch = typeof fetch;

/** Sends a request; a network failure becomes an error that names the host (never the headers). */
export async function send(request: HttpRequest, what: string, fetchImpl: Fetch = fetch, timeoutMs = 30_000): Promise<HttpResponse> {
  let response: Response;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      // A redirect (e.g. to a login page) is an answer to report, not to follow and mistake for success.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new AegisError(
      `${what} is unreachable at ${new URL(request.url).origin}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`,
    );
  }
  return { status: response.status, body: await response.text() };
}

/** Throws with the status and the start of the body unless the status is one of `ok`. */
export function expectStatus(response: HttpResponse, ok: readonly number[], what: string): void {
  if (!ok.includes(response.status)) {
    throw new AegisError(`${what} answered HTTP ${response.status}: ${response.body.slice(0, 300)}`);
  }
}

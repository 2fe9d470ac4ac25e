import { request as httpsRequest } from 'node:https';
import { assertMaySend, HttpUnreachableError, httpFetch } from '../http.js';
import type { MeasureContext } from './provider/contract.js';

export interface HealthRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Skip TLS verification of the host (Argo's `insecure: true`). */
  insecure?: boolean;
}

export interface HealthResponse {
  status: number;
  body: string;
  latencyMs: number;
}

/**
 * One request of a measurement: abandoned when the run ends, bounded by the check's timeout;
 * a network failure names the host only (never the query, never a header).
 */
export async function request(
  url: string,
  init: HealthRequest,
  context: Pick<MeasureContext, 'signal' | 'fetch'>,
): Promise<HealthResponse> {
  const started = performance.now();
  const done = (status: number, body: string) => ({ status, body, latencyMs: Math.round(performance.now() - started) });
  // httpFetch refuses on its own; the node:https path must too.
  assertMaySend(url);
  if (init.insecure && url.startsWith('https:'))
    return insecureRequest(url, init, context.signal).then(({ status, body }) => done(status, body));
  const response = await httpFetch(
    url,
    { method: init.method, headers: init.headers, body: init.body, redirect: 'manual' },
    { timeoutMs: init.timeoutMs, signal: context.signal, fetch: context.fetch },
  );
  return done(response.status, await response.text());
}

/** fetch cannot skip certificate checks per request; node:https can (same typed error as httpFetch). */
function insecureRequest(url: string, init: HealthRequest, caller: AbortSignal): Promise<{ status: number; body: string }> {
  const timeout = AbortSignal.timeout(init.timeoutMs);
  const signal = AbortSignal.any([caller, timeout]);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      if (caller.aborted) return reject(error);
      const code = (error as { code?: string }).code;
      reject(
        new HttpUnreachableError(new URL(url).origin, timeout.aborted ? `no answer within ${init.timeoutMs} ms` : (code ?? error.message)),
      );
    };
    const outgoing = httpsRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false, signal },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', fail);
      },
    );
    outgoing.on('error', fail);
    outgoing.end(init.body);
  });
}

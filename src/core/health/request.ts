import { request as httpsRequest } from 'node:https';
import { AegisError } from '../errors.js';
import type { Fetch, MeasureContext } from './provider/contract.js';

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
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(init.timeoutMs)]);
  try {
    const { status, body } =
      init.insecure && url.startsWith('https:')
        ? await insecureRequest(url, init, signal)
        : await viaFetch(context.fetch ?? fetch, url, init, signal);
    return { status, body, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (context.signal.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = signal.aborted
      ? `no answer within ${init.timeoutMs} ms`
      : (cause?.code ?? cause?.message ?? (error as { code?: string }).code ?? (error as Error).message);
    throw new AegisError(`${new URL(url).origin} unreachable: ${reason}`);
  }
}

async function viaFetch(fetchImpl: Fetch, url: string, init: HealthRequest, signal: AbortSignal) {
  const response = await fetchImpl(url, { method: init.method, headers: init.headers, body: init.body, signal, redirect: 'manual' });
  return { status: response.status, body: await response.text() };
}

/** fetch cannot skip certificate checks per request; node:https can. */
function insecureRequest(url: string, init: HealthRequest, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpsRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, rejectUnauthorized: false, signal },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

/**
 * Pushes the exposition to a Prometheus Pushgateway: PUT /metrics/job/<job>{/<label>/<value>}
 * replaces the whole group, so a figure that disappeared from the history disappears there
 * too. Values that are empty or hold a '/' use the `@base64` form the Pushgateway documents.
 */
import { AegisError } from '../errors.js';
import { type Fetch, HttpUnreachableError, httpFetch } from '../http.js';

export interface PushOptions {
  url: string;
  job: string;
  /** Grouping key labels beyond `job`, in order. */
  grouping: ReadonlyArray<[string, string]>;
  username?: string;
  password?: string;
  body: string;
  timeoutMs?: number;
  fetch?: Fetch;
}

function segment(name: string, value: string): string {
  if (value === '' || value.includes('/')) {
    const encoded = Buffer.from(value, 'utf8').toString('base64url');
    return `${name}@base64/${encoded === '' ? '=' : encoded}`;
  }
  return `${name}/${encodeURIComponent(value)}`;
}

/** The group's URL, without credentials. */
export function pushUrl(base: string, job: string, grouping: PushOptions['grouping']): string {
  const parts = [segment('job', job), ...grouping.map(([name, value]) => segment(name, value))];
  return `${base.replace(/\/+$/, '')}/metrics/${parts.join('/')}`;
}

/** PUT the metrics; throws an AegisError naming the host (never the credentials) on failure. */
export async function pushMetrics(options: PushOptions): Promise<string> {
  const url = pushUrl(options.url, options.job, options.grouping);
  const host = new URL(url).host;
  const headers: Record<string, string> = { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' };
  if (options.username !== undefined || options.password !== undefined) {
    headers.Authorization = `Basic ${Buffer.from(`${options.username ?? ''}:${options.password ?? ''}`).toString('base64')}`;
  }
  let response: Response;
  try {
    // PUT replaces the group: repeating it is safe, so connection errors and 5xx are retried.
    response = await httpFetch(
      url,
      { method: 'PUT', headers, body: options.body },
      { timeoutMs: options.timeoutMs ?? 30_000, retry: { attempts: 3 }, fetch: options.fetch },
    );
  } catch (error) {
    if (error instanceof HttpUnreachableError) throw new AegisError(`Pushgateway ${host} could not be reached: ${error.reason}.`);
    throw error;
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ');
    throw new AegisError(`Pushgateway ${host} answered HTTP ${response.status} to the push${text ? `: ${text}` : ''}.`);
  }
  return url;
}

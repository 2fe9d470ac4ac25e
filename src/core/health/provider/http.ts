import { InputError } from '../../errors.js';
import { conditionsText, evaluateConditions, preview } from '../conditions.js';
import type { Expression, Value } from '../expression.js';
import { CHECKS_INPUT, type Fields } from '../fields.js';
import { findJsonPath, type PathStep, parseJsonPath } from '../json-path.js';
import { request } from '../request.js';
import { errorObservation, type Observation, type Provider } from './contract.js';

/**
 * `http`: Argo Rollouts' `web` metric provider (metricproviders/webmetric). The body is parsed
 * as JSON and `json-path` (default `$`, the whole document) picks `result`; a body that is not
 * JSON (or empty) is `result` as a string; a json-path that matches nothing is an Error; a
 * non-2xx answer is an Error (retried), unless `expect-status` is written: then the status
 * decides, and one outside it is Failed. `max-latency` and `body-contains` are our additions
 * (Failed when not met). Conditions may also read `status`, `latency` (ms) and `body`.
 */
export interface HttpCheck {
  type: 'http';
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Accepted status ranges, inclusive, when `expect-status` is written. */
  expectStatus?: Array<[number, number]>;
  bodyContains?: string;
  jsonPath: PathStep[];
  success?: Expression;
  failure?: Expression;
  maxLatencyMs?: number;
  timeoutMs: number;
  insecure: boolean;
}

const VARIABLES = ['result', 'status', 'latency', 'body'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function parse(field: Fields): HttpCheck {
  const method = (field.string('method') ?? 'GET').toUpperCase();
  if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method)) field.refuse('method', 'an HTTP method', undefined, method);
  const headers = field.headers();
  const text = field.string('body');
  const json = field.raw['json-body'];
  if (text !== undefined && json !== undefined)
    field.refuse('body', 'either body or json-body', 'both are set (Argo: "use either Body or JSONBody")');
  let body = text;
  if (json !== undefined && json !== null) {
    body = typeof json === 'string' ? json : JSON.stringify(json);
    try {
      JSON.parse(body);
    } catch {
      field.refuse('json-body', 'a JSON value (a YAML mapping, or a string of JSON)');
    }
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  }
  if (body !== undefined && !BODY_METHODS.has(method)) {
    field.refuse(
      text !== undefined ? 'body' : 'json-body',
      `method POST or PUT (or PATCH, DELETE) with a body`,
      `method is ${method} (Argo refuses a body with GET)`,
    );
  }
  const rawStatus = field.raw['expect-status'];
  const expectStatus =
    rawStatus === undefined || rawStatus === null
      ? undefined
      : (Array.isArray(rawStatus) ? rawStatus : [rawStatus]).map((status): [number, number] => {
          const value = String(status).trim().toLowerCase();
          if (/^[1-5]xx$/.test(value)) return [Number(value[0]) * 100, Number(value[0]) * 100 + 99];
          if (/^[1-5]\d\d$/.test(value)) return [Number(value), Number(value)];
          return field.refuse('expect-status', 'a status such as 200 or 2xx (or a list)', undefined, String(status));
        });
  let jsonPath: PathStep[] = [];
  const path = field.string('json-path');
  if (path !== undefined) {
    try {
      jsonPath = parseJsonPath(path);
    } catch (error) {
      throw new InputError(CHECKS_INPUT, path, `a JSONPath such as {$.data.ok} for ${field.label('json-path')}`, (error as Error).message);
    }
  }
  return {
    type: 'http',
    url: field.url('url'),
    method,
    headers,
    body,
    expectStatus,
    bodyContains: field.string('body-contains'),
    jsonPath,
    success: field.condition('success-condition', VARIABLES),
    failure: field.condition('failure-condition', VARIABLES),
    maxLatencyMs: field.raw['max-latency'] === undefined ? undefined : field.duration('max-latency', 0),
    // Argo: timeoutSeconds, default 10.
    timeoutMs: field.seconds(['timeout-seconds', 'timeout'], 10_000),
    insecure: field.boolean('insecure'),
  };
}

async function measure(spec: HttpCheck, context: Parameters<Provider<HttpCheck>['measure']>[1]): Promise<Observation> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(
      spec.url,
      { method: spec.method, headers: spec.headers, body: spec.body, timeoutMs: spec.timeoutMs, insecure: spec.insecure },
      context,
    );
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error);
  }
  const { status, body, latencyMs } = response;
  const value = latencyMs;
  const facts = `HTTP ${status} in ${latencyMs} ms`;
  if (spec.expectStatus) {
    if (!spec.expectStatus.some(([lo, hi]) => status >= lo && status <= hi))
      return { phase: 'Failed', value, message: `${facts}: not the expected status` };
  } else if (status < 200 || status >= 300) {
    return { phase: 'Error', value, message: `${facts}: received non 2xx response code: ${status}` };
  }
  if (spec.maxLatencyMs !== undefined && latencyMs > spec.maxLatencyMs) {
    return { phase: 'Failed', value, message: `${facts}: slower than max-latency ${spec.maxLatencyMs} ms` };
  }
  if (spec.bodyContains !== undefined && !body.includes(spec.bodyContains)) {
    return { phase: 'Failed', value, message: `${facts}: body does not contain ${JSON.stringify(spec.bodyContains)}` };
  }
  let result: Value;
  let document: Value | undefined;
  try {
    document = JSON.parse(body) as Value;
  } catch {
    document = undefined;
  }
  if (document === undefined) {
    // Argo: a body that is not JSON (or empty) is the result, as a string.
    result = body;
  } else {
    const found = findJsonPath(document, spec.jsonPath);
    if (!found.found) return { phase: 'Error', value, message: `${facts}: Could not find JSONPath in body: ${found.message}` };
    result = found.value;
  }
  const outcome = evaluateConditions(spec.success, spec.failure, { result, status, latency: latencyMs, body });
  return { phase: outcome.phase, value, message: `${facts}; result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}

function describe(spec: HttpCheck): string {
  const parts: string[] = [];
  parts.push(
    spec.expectStatus
      ? `Failed unless status ${spec.expectStatus.map(([lo, hi]) => (lo === hi ? String(lo) : `${String(lo)[0]}xx`)).join('/')}`
      : 'Error on a non-2xx status (retried)',
  );
  if (spec.maxLatencyMs !== undefined) parts.push(`Failed above ${spec.maxLatencyMs} ms`);
  if (spec.bodyContains !== undefined) parts.push(`Failed unless the body contains ${JSON.stringify(spec.bodyContains)}`);
  return `${parts.join('; ')}; then ${conditionsText(spec.success, spec.failure)}`;
}

export const httpProvider: Provider<HttpCheck> = {
  type: 'http',
  keys: [
    'url',
    'method',
    'headers',
    'body',
    'json-body',
    'expect-status',
    'body-contains',
    'json-path',
    'success-condition',
    'failure-condition',
    'max-latency',
    'timeout',
    'timeout-seconds',
    'insecure',
  ],
  parse,
  describe,
  measure,
  secrets: (spec) => Object.values(spec.headers),
};

import { InputError } from '../../errors.js';
import { MEASUREMENT_PHASES, type MeasurementPhase, measurementPhaseOf } from '../../verdict.js';
import { conditionsText, evaluateConditions, preview } from '../conditions.js';
import { type Expression, parseGoFloat, type Value } from '../expression.js';
import { CHECKS_INPUT, type Fields, isRecord, parseDuration } from '../fields.js';
import { request } from '../request.js';
import { errorObservation, type Fetch, type MeasureContext, type Observation, type Provider } from './contract.js';

/**
 * `prometheus`: Argo Rollouts' Prometheus metric provider (metricproviders/prometheus). The
 * result handed to the conditions is what Argo hands them: an instant vector is a list of
 * the sample values (`[]` when no series matches), a scalar is a number, a range query's
 * matrix is one flat list of every value of every series. Conditions are evaluated on an
 * empty vector like any other (`len(result) == 0 || result[0] < 0.05` is Successful on a
 * fresh service); `empty-result` is an explicit override. Any answer that is not a valid
 * Prometheus API response (null, HTML, truncated JSON, a sample that is not a number) is an
 * Error measurement saying what was wrong — never Failed.
 */
export interface PrometheusCheck {
  type: 'prometheus';
  address: string;
  query: string;
  headers: Record<string, string>;
  basicAuth?: { username: string; password: string };
  bearerToken?: string;
  rangeQuery?: { start: TimeExpression; end: TimeExpression; stepSeconds: number };
  success?: Expression;
  failure?: Expression;
  /** What a query returning no series is, when set; unset: the conditions decide (Argo). */
  emptyResult?: MeasurementPhase;
  timeoutMs: number;
  insecure: boolean;
}

/** `now()`, `now() - duration("5m")`, `date("2023-08-14T00:00:00Z")` (Argo's rangeQuery start/end are expr). */
export interface TimeExpression {
  source: string;
  at: (now: Date) => Date;
}

const GO_DURATION = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
const GO_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration ("1h30m", "90s"). */
function goDuration(text: string): number | undefined {
  if (!/^([0-9.]+(ns|us|µs|ms|s|m|h))+$/.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(GO_DURATION)) total += Number(match[1]) * (GO_UNITS[match[2] as string] as number);
  return total;
}

export function parseTimeExpression(source: string): TimeExpression {
  const text = source.trim();
  const term =
    /^(now\(\)|date\(\s*(["'])([^"']+)\2\s*(?:,\s*(["'])2006-01-02 15:04:05\4\s*(?:,\s*(["'])UTC\5\s*)?)?\))\s*(?:([+-])\s*duration\(\s*(["'])([^"']+)\7\s*\))?$/.exec(
      text,
    );
  if (!term) {
    throw new Error(
      `${JSON.stringify(source)} is not a supported time expression (supported: now(), now() - duration("5m"), date("2023-08-14T00:00:00Z") ± duration("1h"))`,
    );
  }
  let base: ((now: Date) => Date) | undefined;
  if (term[1] === 'now()') base = (now) => now;
  else {
    const stamp = (term[3] as string).trim();
    const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(stamp) ? `${stamp.replace(' ', 'T')}Z` : stamp;
    const fixed = new Date(iso);
    if (Number.isNaN(fixed.getTime())) throw new Error(`date(${JSON.stringify(stamp)}) is not a date`);
    base = () => fixed;
  }
  let offset = 0;
  if (term[6]) {
    const duration = goDuration((term[8] as string).trim());
    if (duration === undefined) throw new Error(`time: invalid duration ${JSON.stringify(term[8])}`);
    offset = term[6] === '-' ? -duration : duration;
  }
  const at = base;
  return { source, at: (now) => new Date(at(now).getTime() + offset) };
}

function parse(field: Fields): PrometheusCheck {
  const emptyResult = field.string('empty-result');
  let phase: MeasurementPhase | undefined;
  if (emptyResult !== undefined) {
    phase = measurementPhaseOf(emptyResult);
    if (!phase) field.refuse('empty-result', `one of ${MEASUREMENT_PHASES.join(', ')}`, undefined, emptyResult);
  }
  let basicAuth: PrometheusCheck['basicAuth'];
  const basic = field.raw['basic-auth'];
  if (basic !== undefined && basic !== null) {
    if (!isRecord(basic)) field.refuse('basic-auth', 'a mapping {username, password}');
    const { username, password } = basic as { username?: unknown; password?: unknown };
    // Argo's wording for a half-given pair (NewPrometheusAPI).
    if (!username)
      field.refuse('basic-auth', 'a username and a password', 'missing mandatory parameter in metric for basic auth setup: username');
    if (!password)
      field.refuse('basic-auth', 'a username and a password', 'missing mandatory parameter in metric for basic auth setup: password');
    basicAuth = { username: String(username), password: String(password) };
  }
  const bearerToken = field.string('bearer-token');
  const headers = field.headers();
  if ((basicAuth || bearerToken) && Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) {
    field.refuse('headers', 'one way to authenticate', 'an Authorization header and basic-auth/bearer-token are both set');
  }
  if (basicAuth && bearerToken) field.refuse('bearer-token', 'one way to authenticate', 'basic-auth and bearer-token are both set');
  let rangeQuery: PrometheusCheck['rangeQuery'];
  const range = field.raw['range-query'];
  if (range !== undefined && range !== null) {
    if (!isRecord(range)) field.refuse('range-query', 'a mapping {start, end, step}');
    const { start, end, step } = range as Record<string, unknown>;
    const time = (value: unknown, key: string) => {
      try {
        return parseTimeExpression(String(value ?? ''));
      } catch (error) {
        throw new InputError(
          CHECKS_INPUT,
          String(value ?? ''),
          `a time expression for ${field.label(`range-query.${key}`)}`,
          (error as Error).message,
        );
      }
    };
    const stepMs = parseDuration(String(step ?? '')) ?? goDuration(String(step ?? ''));
    if (!stepMs || stepMs < 1000) {
      throw new InputError(CHECKS_INPUT, String(step ?? ''), `a step of at least 1s such as '1m' for ${field.label('range-query.step')}`);
    }
    rangeQuery = { start: time(start, 'start'), end: time(end ?? 'now()', 'end'), stepSeconds: stepMs / 1000 };
  }
  return {
    type: 'prometheus',
    address: field.url('address'),
    query: field.required('query', 'a PromQL query'),
    headers,
    basicAuth,
    bearerToken,
    rangeQuery,
    success: field.condition('success-condition', ['result']),
    failure: field.condition('failure-condition', ['result']),
    emptyResult: phase,
    // Argo: timeout in seconds, default 30.
    timeoutMs: field.seconds(['timeout'], 30_000),
    insecure: field.boolean('insecure'),
  };
}

export function requestHeaders(spec: PrometheusCheck): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', ...spec.headers };
  if (spec.basicAuth)
    headers.Authorization = `Basic ${Buffer.from(`${spec.basicAuth.username}:${spec.basicAuth.password}`).toString('base64')}`;
  if (spec.bearerToken) headers.Authorization = `Bearer ${spec.bearerToken}`;
  return headers;
}

export function queryUrl(spec: PrometheusCheck, now = new Date()): string {
  if (!spec.rangeQuery) return `${spec.address}/api/v1/query?${new URLSearchParams({ query: spec.query }).toString()}`;
  const { start, end, stepSeconds } = spec.rangeQuery;
  const params = new URLSearchParams({
    query: spec.query,
    start: (start.at(now).getTime() / 1000).toString(),
    end: (end.at(now).getTime() / 1000).toString(),
    step: String(stepSeconds),
  });
  return `${spec.address}/api/v1/query_range?${params.toString()}`;
}

/** A Prometheus API answer read strictly; `error` says what was wrong with it. */
export type PrometheusResult =
  | { ok: true; resultType: 'vector' | 'matrix'; values: number[]; series: number }
  | { ok: true; resultType: 'scalar'; value: number }
  | { ok: false; error: string };

function sample(pair: unknown, where: string): number | string {
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'number') return `${where} is not a [timestamp, "value"] pair`;
  if (typeof pair[1] !== 'string') return `${where} has a value that is not a string of a number: ${preview(pair[1] as Value)}`;
  const value = parseGoFloat(pair[1]);
  return value === undefined ? `${where} has a value that is not a number: ${preview(pair[1])}` : value;
}

/** Reads the body the way Prometheus' Go client (client_golang) decodes it, refusing anything else. */
export function readPrometheusAnswer(status: number, body: string): PrometheusResult {
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    const start = body.trimStart().slice(0, 1);
    return {
      ok: false,
      error: `Prometheus answered HTTP ${status} with ${start === '<' ? 'HTML' : body.trim() === '' ? 'an empty body' : start === '{' || start === '[' ? 'truncated or invalid JSON' : 'something that is not JSON'}`,
    };
  }
  if (!isRecord(answer))
    return {
      ok: false,
      error: `Prometheus answered HTTP ${status} with ${answer === null ? 'null' : `a JSON ${Array.isArray(answer) ? 'list' : typeof answer}`}, not an API response`,
    };
  if (answer.status === 'error')
    return {
      ok: false,
      error: `Prometheus HTTP ${status}: ${String(answer.errorType ?? 'error')}: ${String(answer.error ?? 'no message')}`,
    };
  if (status < 200 || status >= 300) return { ok: false, error: `Prometheus answered HTTP ${status}` };
  if (answer.status !== 'success')
    return { ok: false, error: `Prometheus answered status ${preview((answer.status ?? null) as Value)}, not "success"` };
  const data = answer.data;
  if (!isRecord(data)) return { ok: false, error: 'Prometheus answered without data' };
  const raw = data.result;
  switch (data.resultType) {
    case 'scalar': {
      const value = sample(raw, 'the scalar');
      return typeof value === 'number' ? { ok: true, resultType: 'scalar', value } : { ok: false, error: value };
    }
    case 'vector':
    case 'matrix': {
      if (!Array.isArray(raw)) return { ok: false, error: `the ${data.resultType} result is not a list` };
      const values: number[] = [];
      for (const [index, series] of raw.entries()) {
        if (!isRecord(series)) return { ok: false, error: `series ${index + 1} is not an object` };
        const pairs = data.resultType === 'vector' ? [series.value] : series.values;
        if (!Array.isArray(pairs)) return { ok: false, error: `series ${index + 1} has no values` };
        for (const pair of pairs) {
          const value = sample(pair, `series ${index + 1}`);
          if (typeof value !== 'number') return { ok: false, error: value };
          values.push(value);
        }
      }
      return { ok: true, resultType: data.resultType, values, series: raw.length };
    }
    default:
      return {
        ok: false,
        error: `Prometheus metric type not supported: ${preview((data.resultType ?? null) as Value)} (Argo reads vector, matrix and scalar)`,
      };
  }
}

async function ask(spec: PrometheusCheck, context: Pick<MeasureContext, 'signal' | 'fetch'>): Promise<PrometheusResult> {
  const response = await request(
    queryUrl(spec),
    { headers: requestHeaders(spec), timeoutMs: spec.timeoutMs, insecure: spec.insecure },
    context,
  );
  return readPrometheusAnswer(response.status, response.body);
}

async function measure(spec: PrometheusCheck, context: MeasureContext): Promise<Observation> {
  let answer: PrometheusResult;
  try {
    answer = await ask(spec, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error);
  }
  if (!answer.ok) return { phase: 'Error', message: answer.error };
  const result: Value = answer.resultType === 'scalar' ? answer.value : answer.values;
  if (answer.resultType !== 'scalar' && answer.values.length === 0 && spec.emptyResult) {
    return { phase: spec.emptyResult, message: `no series (empty-result: ${spec.emptyResult})` };
  }
  const first = answer.resultType === 'scalar' ? answer.value : answer.values[0];
  const value = first !== undefined && Number.isFinite(first) ? first : undefined;
  const outcome = evaluateConditions(spec.success, spec.failure, { result });
  return { phase: outcome.phase, value, message: `result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}

/**
 * Asks Prometheus once before watching, so a query it rejects (HTTP 400, errorType bad_data)
 * fails the stage as bad input instead of as a run of Error measurements. An unreachable or
 * confused server is not bad input (it may come up): that answer is a warning for the log.
 */
async function preflight(check: string, spec: PrometheusCheck, fetchImpl?: Fetch): Promise<string | undefined> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(
      queryUrl(spec),
      { headers: requestHeaders(spec), timeoutMs: spec.timeoutMs, insecure: spec.insecure },
      { signal: new AbortController().signal, fetch: fetchImpl },
    );
  } catch (error) {
    return `check '${check}': could not validate the query before watching: ${(error as Error).message}`;
  }
  let answer: unknown;
  try {
    answer = JSON.parse(response.body);
  } catch {
    answer = undefined;
  }
  if (response.status === 400 && isRecord(answer) && answer.errorType === 'bad_data') {
    throw new InputError(
      CHECKS_INPUT,
      spec.query,
      `a PromQL query Prometheus accepts (check '${check}')`,
      `Prometheus: ${String(answer.error ?? 'bad_data')}`,
    );
  }
  const read = readPrometheusAnswer(response.status, response.body);
  return read.ok ? undefined : `check '${check}': ${read.error}`;
}

function describe(spec: PrometheusCheck): string {
  const conditions = conditionsText(spec.success, spec.failure);
  const empty = spec.emptyResult ? `an empty result is ${spec.emptyResult} (empty-result)` : 'an empty result is `[]` to the conditions';
  return `${conditions}; ${empty}${spec.rangeQuery ? '; range query: result is every value of every series' : ''}`;
}

export const prometheusProvider: Provider<PrometheusCheck> = {
  type: 'prometheus',
  keys: [
    'address',
    'query',
    'headers',
    'basic-auth',
    'bearer-token',
    'range-query',
    'success-condition',
    'failure-condition',
    'empty-result',
    'timeout',
    'insecure',
  ],
  parse,
  describe,
  measure,
  preflight,
  secrets: (spec) => {
    const values = Object.values(requestHeaders(spec)).filter((value) => value !== 'application/json');
    if (spec.basicAuth) values.push(spec.basicAuth.password);
    if (spec.bearerToken) values.push(spec.bearerToken);
    return values;
  },
};

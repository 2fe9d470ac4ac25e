import { parse } from 'yaml';
import { DURATION_EXPECTED, parseDuration } from '../duration.js';
import { InputError } from '../errors.js';
import type { Limits, MeasurementPhase } from './evaluator.js';
import { Expression, ExpressionError } from './expression.js';
import { type PathStep, parseJsonPath } from './json-path.js';

/**
 * The `checks` input: a YAML list (or `{checks: [...]}`) of checks, each with a unique
 * `name`, exactly one provider key (http, prometheus, argocd, kubernetes) and optionally its
 * own `interval`, `count`, `initial-delay`, `failure-limit`, `inconclusive-limit`,
 * `consecutive-error-limit` overriding the stage-wide inputs — as Argo Rollouts metrics do.
 * Every problem is an InputError on `checks` raised before anything is watched.
 */

export interface HttpCheck {
  type: 'http';
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Accepted status ranges, inclusive; `expect-status: 200` is [[200, 200]], `2xx` is [[200, 299]]. */
  expectStatus: Array<[number, number]>;
  /** True when expect-status was not written (the default 2xx applies). */
  defaultStatus: boolean;
  bodyContains?: string;
  jsonPath?: PathStep[];
  success?: Expression;
  failure?: Expression;
  maxLatencyMs?: number;
  timeoutMs: number;
}

export interface PrometheusCheck {
  type: 'prometheus';
  address: string;
  query: string;
  headers: Record<string, string>;
  success?: Expression;
  failure?: Expression;
  /** What a query returning no series means; Argo Rollouts makes it an Error (`result[0]` of an empty list). */
  emptyResult: MeasurementPhase;
  timeoutMs: number;
}

export interface ArgoCdCheck {
  type: 'argocd';
  server: string;
  application: string;
  appNamespace?: string;
  token?: string;
  /** The commit the application must be synced to (the bump or promotion commit). */
  revision: string;
  /** How long a measurement may wait for Synced at `revision` and Healthy before it is Failed. */
  waitTimeoutMs: number;
  timeoutMs: number;
}

export interface KubernetesCheck {
  type: 'kubernetes';
  deployment: string;
  namespace: string;
  context?: string;
  kubeconfig?: string;
  /** How long a measurement may wait for the rollout to complete before it is Failed. */
  waitTimeoutMs: number;
  timeoutMs: number;
}

export type ProviderSpec = HttpCheck | PrometheusCheck | ArgoCdCheck | KubernetesCheck;
export type CheckType = ProviderSpec['type'];
export const CHECK_TYPES: readonly CheckType[] = ['http', 'prometheus', 'argocd', 'kubernetes'];

export interface CheckSpec {
  name: string;
  provider: ProviderSpec;
  limits: Limits;
  intervalMs: number;
  initialDelayMs: number;
}

/** Stage-wide settings a check inherits unless it sets its own. */
export interface CheckDefaults {
  intervalMs: number;
  initialDelayMs: number;
  limits: Limits;
  /** Commit an argocd check expects when it names none (expected-revision, else rollback-commit). */
  expectedRevision?: string;
  /** Token for argocd checks that name none (the `argocd-token` input). */
  argocdToken?: string;
}

const INPUT = 'checks';
const EXPECTED = 'a YAML list of checks, each with a name and one of http, prometheus, argocd, kubernetes';
const COMMON_KEYS = ['name', 'interval', 'count', 'initial-delay', 'failure-limit', 'inconclusive-limit', 'consecutive-error-limit'];
const PROVIDER_KEYS: Record<CheckType, string[]> = {
  http: [
    'url',
    'method',
    'headers',
    'body',
    'expect-status',
    'body-contains',
    'json-path',
    'success-condition',
    'failure-condition',
    'max-latency',
    'timeout',
  ],
  prometheus: ['address', 'query', 'headers', 'success-condition', 'failure-condition', 'empty-result', 'timeout'],
  argocd: ['server', 'application', 'app-namespace', 'token', 'revision', 'wait-timeout', 'timeout'],
  kubernetes: ['deployment', 'namespace', 'context', 'kubeconfig', 'wait-timeout', 'timeout'],
};
/** Variables a condition may read, per provider. */
const CONDITION_VARIABLES: Record<'http' | 'prometheus', string[]> = {
  http: ['result', 'status', 'latency', 'body'],
  prometheus: ['result'],
};
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const PHASES: readonly MeasurementPhase[] = ['Successful', 'Failed', 'Inconclusive', 'Error'];

type Raw = Record<string, unknown>;

/** The checks YAML may hold tokens and headers not yet registered as secrets: errors never echo it whole. */
const NOT_QUOTED = '(the checks YAML, not repeated here)';

export function parseChecks(text: string, defaults: CheckDefaults): CheckSpec[] {
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new InputError(INPUT, NOT_QUOTED, EXPECTED, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (isRecord(document) && Object.keys(document).length === 1 && Array.isArray(document.checks)) document = document.checks;
  if (!Array.isArray(document) || document.length === 0) throw new InputError(INPUT, NOT_QUOTED, EXPECTED, 'no checks were given');

  const names = new Set<string>();
  return document.map((entry, index) => {
    const where = `check ${index + 1}`;
    if (!isRecord(entry)) throw new InputError(INPUT, NOT_QUOTED, EXPECTED, `${where} is not a mapping`);
    const name = entry.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new InputError(INPUT, String(name ?? ''), 'a check name of letters, digits, ".", "_" or "-"', `${where} needs a 'name'`);
    }
    if (names.has(name)) throw new InputError(INPUT, name, 'unique check names', `'${name}' appears twice`);
    names.add(name);
    const types = Object.keys(entry).filter((key) => !COMMON_KEYS.includes(key));
    const type = types[0];
    if (types.length !== 1 || !CHECK_TYPES.includes(type as CheckType)) {
      throw new InputError(
        INPUT,
        types.join(', ') || name,
        `exactly one check type per check: ${CHECK_TYPES.join(', ')}`,
        types.length === 0 ? `check '${name}' has no type` : `check '${name}' has ${types.map((t) => `'${t}'`).join(', ')}`,
      );
    }
    const field = new Fields(name, type as CheckType, entry[type as string]);
    const count = optionalInteger(entry, 'count', name, 0);
    return {
      name,
      provider: parseProvider(field, defaults),
      limits: {
        // count 0 means "until the run ends" (no count), as an unset count with an interval does in Argo Rollouts.
        count: count === undefined ? defaults.limits.count : count === 0 ? undefined : count,
        failureLimit: optionalInteger(entry, 'failure-limit', name, 0) ?? defaults.limits.failureLimit,
        inconclusiveLimit: optionalInteger(entry, 'inconclusive-limit', name, 0) ?? defaults.limits.inconclusiveLimit,
        consecutiveErrorLimit: optionalInteger(entry, 'consecutive-error-limit', name, 0) ?? defaults.limits.consecutiveErrorLimit,
      },
      intervalMs: durationOf(entry.interval, `${name}.interval`, { min: 100 }) ?? defaults.intervalMs,
      initialDelayMs: durationOf(entry['initial-delay'], `${name}.initial-delay`) ?? defaults.initialDelayMs,
    };
  });
}

/** Reads one provider's mapping, refusing unknown keys (a typo must not silently drop a condition). */
class Fields {
  readonly raw: Raw;
  constructor(
    readonly check: string,
    readonly type: CheckType,
    raw: unknown,
  ) {
    if (!isRecord(raw)) throw new InputError(INPUT, String(raw), `a mapping under '${type}'`, `check '${check}'`);
    const unknown = Object.keys(raw).filter((key) => !PROVIDER_KEYS[type].includes(key));
    if (unknown.length > 0) {
      throw new InputError(INPUT, unknown.join(', '), `${type} fields among ${PROVIDER_KEYS[type].join(', ')}`, `check '${check}'`);
    }
    this.raw = raw;
  }

  private label(key: string): string {
    return `${this.check}.${this.type}.${key}`;
  }

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new InputError(INPUT, String(value), `a string for ${this.label(key)}`);
    return String(value);
  }

  required(key: string, expected: string): string {
    const value = this.string(key);
    if (!value) throw new InputError(INPUT, '', expected, `${this.label(key)} is required`);
    return value;
  }

  url(key: string): string {
    const value = this.required(key, 'an http:// or https:// URL');
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new InputError(INPUT, value, `an http:// or https:// URL for ${this.label(key)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new InputError(INPUT, value, `an http:// or https:// URL for ${this.label(key)}`);
    if (url.username || url.password) {
      throw new InputError(
        INPUT,
        `${url.protocol}//***@${url.host}`,
        `a URL without credentials for ${this.label(key)}`,
        'use headers or a token',
      );
    }
    return value.replace(/\/+$/, '');
  }

  duration(key: string, fallback: number): number {
    return durationOf(this.raw[key], this.label(key), { min: 1 }) ?? fallback;
  }

  headers(): Record<string, string> {
    const raw = this.raw.headers;
    if (raw === undefined) return {};
    if (!isRecord(raw)) throw new InputError(INPUT, String(raw), `a mapping of header names to values for ${this.label('headers')}`);
    return Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, String(value)]));
  }

  condition(key: string): Expression | undefined {
    const source = this.string(key);
    if (source === undefined) return undefined;
    let expression: Expression;
    try {
      expression = Expression.parse(source);
    } catch (error) {
      if (error instanceof ExpressionError)
        throw new InputError(INPUT, source, `a condition expression for ${this.label(key)}`, error.message);
      throw error;
    }
    const allowed = CONDITION_VARIABLES[this.type as 'http' | 'prometheus'];
    const unknown = expression.variables().filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      throw new InputError(
        INPUT,
        source,
        `a condition over ${allowed.join(', ')} for ${this.label(key)}`,
        `unknown variable '${unknown[0]}'`,
      );
    }
    return expression;
  }
}

function parseProvider(field: Fields, defaults: CheckDefaults): ProviderSpec {
  switch (field.type) {
    case 'http':
      return parseHttp(field);
    case 'prometheus': {
      const emptyResult = field.string('empty-result') ?? 'Error';
      const phase = PHASES.find((candidate) => candidate.toLowerCase() === emptyResult.toLowerCase());
      if (!phase) throw new InputError(INPUT, emptyResult, `one of ${PHASES.join(', ')} for ${field.check}.prometheus.empty-result`);
      return {
        type: 'prometheus',
        address: field.url('address'),
        query: field.required('query', 'a PromQL query'),
        headers: field.headers(),
        success: field.condition('success-condition'),
        failure: field.condition('failure-condition'),
        emptyResult: phase,
        timeoutMs: field.duration('timeout', 10_000),
      };
    }
    case 'argocd': {
      const revision = field.string('revision') ?? defaults.expectedRevision;
      if (!revision) {
        throw new InputError(
          INPUT,
          '',
          'the commit the application must be synced to',
          `check '${field.check}': set argocd.revision, or the expected-revision or rollback-commit input`,
        );
      }
      return {
        type: 'argocd',
        server: field.url('server'),
        application: field.required('application', 'an Argo CD application name'),
        appNamespace: field.string('app-namespace'),
        token: field.string('token') ?? defaults.argocdToken,
        revision,
        waitTimeoutMs: field.duration('wait-timeout', 300_000),
        timeoutMs: field.duration('timeout', 10_000),
      };
    }
    case 'kubernetes':
      return {
        type: 'kubernetes',
        deployment: kubernetesName(field, 'deployment', true) as string,
        namespace: kubernetesName(field, 'namespace', false) ?? 'default',
        context: field.string('context'),
        kubeconfig: field.string('kubeconfig'),
        waitTimeoutMs: field.duration('wait-timeout', 300_000),
        timeoutMs: field.duration('timeout', 10_000),
      };
  }
}

function parseHttp(field: Fields): HttpCheck {
  const method = (field.string('method') ?? 'GET').toUpperCase();
  if (!/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(method)) {
    throw new InputError(INPUT, method, `an HTTP method for ${field.check}.http.method`);
  }
  const rawStatus = field.raw['expect-status'];
  const statuses = rawStatus === undefined ? ['2xx'] : Array.isArray(rawStatus) ? rawStatus : [rawStatus];
  const expectStatus = statuses.map((status): [number, number] => {
    const text = String(status).trim().toLowerCase();
    if (/^[1-5]xx$/.test(text)) return [Number(text[0]) * 100, Number(text[0]) * 100 + 99];
    if (/^[1-5]\d\d$/.test(text)) return [Number(text), Number(text)];
    throw new InputError(INPUT, String(status), `a status such as 200 or 2xx (or a list) for ${field.check}.http.expect-status`);
  });
  let jsonPath: PathStep[] | undefined;
  const path = field.string('json-path');
  if (path !== undefined) {
    try {
      jsonPath = parseJsonPath(path);
    } catch (error) {
      throw new InputError(INPUT, path, `a JSONPath such as $.status for ${field.check}.http.json-path`, (error as Error).message);
    }
  }
  const maxLatency = field.raw['max-latency'];
  return {
    type: 'http',
    url: field.url('url'),
    method,
    headers: field.headers(),
    body: field.string('body'),
    expectStatus,
    defaultStatus: rawStatus === undefined,
    bodyContains: field.string('body-contains'),
    jsonPath,
    success: field.condition('success-condition'),
    failure: field.condition('failure-condition'),
    maxLatencyMs: maxLatency === undefined ? undefined : durationOf(maxLatency, `${field.check}.http.max-latency`, { min: 1 }),
    timeoutMs: field.duration('timeout', 10_000),
  };
}

function kubernetesName(field: Fields, key: string, required: boolean): string | undefined {
  const value = required ? field.required(key, `a Kubernetes ${key} name`) : field.string(key);
  if (value !== undefined && !/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(value)) {
    throw new InputError(INPUT, value, `a Kubernetes ${key} name (lower-case letters, digits, '-', '.')`, `check '${field.check}'`);
  }
  return value;
}

function durationOf(value: unknown, label: string, bounds: { min?: number } = {}): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = parseDuration(String(value));
  if (ms === undefined || ms < (bounds.min ?? 0)) {
    throw new InputError(INPUT, String(value), `${DURATION_EXPECTED} for ${label}`);
  }
  return ms;
}

function optionalInteger(entry: Raw, key: string, check: string, min: number): number | undefined {
  const value = entry[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InputError(INPUT, String(value), `an integer >= ${min} for ${check}.${key}`);
  }
  return value;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a check decides, in words: stated in the plan and the summary so nothing is left to chance. */
export function describeConditions(check: CheckSpec): string {
  const provider = check.provider;
  const conditions = (success?: Expression, failure?: Expression) => {
    if (success && failure) return `Failed when \`${failure.source}\`, else Successful when \`${success.source}\`, else Inconclusive`;
    if (success) return `Successful when \`${success.source}\`, else Failed`;
    if (failure) return `Failed when \`${failure.source}\`, else Successful`;
    return undefined;
  };
  switch (provider.type) {
    case 'http': {
      const parts = [
        `status ${provider.expectStatus.map(([lo, hi]) => (lo === hi ? String(lo) : `${String(lo)[0]}xx`)).join('/')}${provider.defaultStatus ? ' (default)' : ''}`,
      ];
      if (provider.maxLatencyMs !== undefined) parts.push(`latency ≤ ${provider.maxLatencyMs} ms`);
      if (provider.bodyContains !== undefined) parts.push(`body contains ${JSON.stringify(provider.bodyContains)}`);
      const extra = conditions(provider.success, provider.failure);
      return `Failed unless ${parts.join(', ')}${extra ? `; then ${extra}` : ''}`;
    }
    case 'prometheus':
      return `${
        conditions(provider.success, provider.failure) ??
        'no success-condition or failure-condition: every measurement that does not error is Successful (Argo Rollouts rule)'
      }; an empty result is ${provider.emptyResult}`;
    case 'argocd':
      return `Successful when Synced at ${provider.revision.slice(0, 12)} and Healthy; Failed when Degraded/Missing there or not reached within ${provider.waitTimeoutMs / 1000}s`;
    case 'kubernetes':
      return `Successful when the rollout of deployment/${provider.deployment} is complete; Failed on ProgressDeadlineExceeded or not complete within ${provider.waitTimeoutMs / 1000}s`;
  }
}

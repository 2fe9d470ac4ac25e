import { parse } from 'yaml';
import { InputError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from './evaluator.js';
import { CHECKS_INPUT, durationOf, Fields, isRecord, NOT_QUOTED, type Raw } from './fields.js';
import type { ProviderDefaults } from './provider/contract.js';
import { CHECK_TYPES, type CheckType, PROVIDERS, type ProviderSpec, providerOf } from './providers.js';

/**
 * The `checks` input: a YAML list (or `{checks: [...]}`) of checks, each with a unique
 * `name`, exactly one provider key (see providers.ts) and optionally its own `interval`,
 * `count`, `initial-delay`, `failure-limit`, `inconclusive-limit`, `consecutive-error-limit`,
 * `consecutive-success-limit`, `error-retry-interval` and `dry-run` overriding the stage-wide
 * inputs — as Argo Rollouts metrics do. Every problem, including the rules of Argo's
 * ValidateMetric, is an InputError on `checks` raised before anything is watched.
 */

export { parseDuration } from './fields.js';
export type { ArgoCdCheck, CheckType, HttpCheck, KubernetesCheck, PrometheusCheck, ProviderSpec } from './providers.js';
export { CHECK_TYPES } from './providers.js';

export interface CheckSpec {
  name: string;
  provider: ProviderSpec;
  limits: Limits;
  intervalMs: number;
  initialDelayMs: number;
  /** Wait after an Error measurement before the next one (Argo's DefaultErrorRetryInterval, 10 s). */
  errorRetryIntervalMs: number;
  /** Measured and reported, never decides the verdict nor ends the run (Argo's dryRun). */
  dryRun: boolean;
}

/** Stage-wide settings a check inherits unless it sets its own. */
export interface CheckDefaults extends ProviderDefaults {
  intervalMs: number;
  initialDelayMs: number;
  limits: Limits;
  errorRetryIntervalMs?: number;
}

export const DEFAULT_ERROR_RETRY_INTERVAL_MS = 10_000;

const EXPECTED = `a YAML list of checks, each with a name and one of ${CHECK_TYPES.join(', ')}`;
const COMMON_KEYS = [
  'name',
  'interval',
  'count',
  'initial-delay',
  'failure-limit',
  'inconclusive-limit',
  'consecutive-error-limit',
  'consecutive-success-limit',
  'error-retry-interval',
  'dry-run',
];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export function parseChecks(text: string, defaults: CheckDefaults): CheckSpec[] {
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: true });
  } catch (error) {
    throw new InputError(CHECKS_INPUT, NOT_QUOTED, EXPECTED, `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (isRecord(document) && Object.keys(document).length === 1 && Array.isArray(document.checks)) document = document.checks;
  if (!Array.isArray(document) || document.length === 0) throw new InputError(CHECKS_INPUT, NOT_QUOTED, EXPECTED, 'no checks were given');

  const names = new Set<string>();
  return document.map((entry, index) => {
    const where = `check ${index + 1}`;
    if (!isRecord(entry)) throw new InputError(CHECKS_INPUT, NOT_QUOTED, EXPECTED, `${where} is not a mapping`);
    const name = entry.name;
    if (typeof name !== 'string' || !NAME.test(name)) {
      throw new InputError(CHECKS_INPUT, String(name ?? ''), 'a check name of letters, digits, ".", "_" or "-"', `${where} needs a 'name'`);
    }
    if (names.has(name)) throw new InputError(CHECKS_INPUT, name, 'unique check names', `'${name}' appears twice`);
    names.add(name);
    const types = Object.keys(entry).filter((key) => !COMMON_KEYS.includes(key));
    const type = types[0] as CheckType;
    if (types.length !== 1 || !CHECK_TYPES.includes(type)) {
      throw new InputError(
        CHECKS_INPUT,
        types.join(', ') || name,
        `exactly one check type per check: ${CHECK_TYPES.join(', ')}`,
        types.length === 0 ? `check '${name}' has no type` : `check '${name}' has ${types.map((t) => `'${t}'`).join(', ')}`,
      );
    }
    const provider = PROVIDERS[type];
    const field = new Fields(name, type, entry[type], provider.keys);
    const spec: CheckSpec = {
      name,
      provider: provider.parse(field, defaults),
      limits: limitsOf(entry, name, defaults.limits),
      intervalMs: durationOf(entry.interval, `${name}.interval`, { min: 100 }) ?? defaults.intervalMs,
      initialDelayMs: durationOf(entry['initial-delay'], `${name}.initial-delay`) ?? defaults.initialDelayMs,
      errorRetryIntervalMs:
        durationOf(entry['error-retry-interval'], `${name}.error-retry-interval`, { min: 100 }) ??
        defaults.errorRetryIntervalMs ??
        DEFAULT_ERROR_RETRY_INTERVAL_MS,
      dryRun: booleanOf(entry, 'dry-run', name),
    };
    refuseLimits(name, entry, spec.limits);
    return spec;
  });
}

function limitsOf(entry: Raw, name: string, inherited: Limits): Limits {
  const count = optionalInteger(entry, 'count', name, 0);
  // Argo's EffectiveCount: count 0, or count unset with an interval of its own, runs until the run ends.
  const ownInterval = entry.interval !== undefined && entry.interval !== null;
  return {
    count: count === undefined ? (ownInterval ? undefined : inherited.count) : count === 0 ? undefined : count,
    failureLimit: optionalInteger(entry, 'failure-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.failureLimit,
    inconclusiveLimit: optionalInteger(entry, 'inconclusive-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.inconclusiveLimit,
    consecutiveErrorLimit:
      optionalInteger(entry, 'consecutive-error-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.consecutiveErrorLimit,
    consecutiveSuccessLimit:
      optionalInteger(entry, 'consecutive-success-limit', name, Number.MIN_SAFE_INTEGER) ?? inherited.consecutiveSuccessLimit ?? 0,
  };
}

/** A rule of Argo's ValidateMetric that a check's limits break, and the settings it involves. */
export interface LimitProblem {
  keys: string[];
  detail: string;
}

/**
 * Argo Rollouts' ValidateMetric (utils/analysis/factory.go) on the limits a check ends up
 * with, so a check that could never fail (or never succeed) is refused before it is watched.
 */
export function limitProblem(limits: Limits): LimitProblem | undefined {
  const { count, failureLimit, inconclusiveLimit, consecutiveErrorLimit, consecutiveSuccessLimit } = { ...DEFAULT_LIMITS, ...limits };
  if (consecutiveSuccessLimit < 0) return { keys: ['consecutive-success-limit'], detail: 'consecutive-success-limit must be >= 0' };
  if (failureLimit < -1) return { keys: ['failure-limit'], detail: 'failure-limit must be >= 0, or -1 to be disabled' };
  if (consecutiveSuccessLimit === 0 && failureLimit === -1) {
    return {
      keys: ['failure-limit', 'consecutive-success-limit'],
      detail: 'failure-limit and consecutive-success-limit cannot both be disabled',
    };
  }
  if (inconclusiveLimit < 0) return { keys: ['inconclusive-limit'], detail: 'inconclusive-limit must be >= 0' };
  if (consecutiveErrorLimit < 0) return { keys: ['consecutive-error-limit'], detail: 'consecutive-error-limit must be >= 0' };
  if (count !== undefined && count > 0) {
    if (failureLimit >= 0 && count < failureLimit + consecutiveSuccessLimit) {
      return {
        keys: ['failure-limit', 'consecutive-success-limit', 'count'],
        detail: `count (${count}) must be >= failure-limit + consecutive-success-limit (${failureLimit} + ${consecutiveSuccessLimit}); with fewer the check could never fail`,
      };
    }
    if (failureLimit < 0 && count < consecutiveSuccessLimit) {
      return {
        keys: ['consecutive-success-limit', 'count'],
        detail: `count (${count}) must be >= consecutive-success-limit (${consecutiveSuccessLimit})`,
      };
    }
    if (count < inconclusiveLimit) {
      return { keys: ['inconclusive-limit', 'count'], detail: `count (${count}) must be >= inconclusive-limit (${inconclusiveLimit})` };
    }
  }
  return undefined;
}

/**
 * Refuses limits that break ValidateMetric, naming what the user wrote: the check when it
 * sets any of the settings involved itself, else the stage-wide input.
 */
function refuseLimits(check: string, entry: Raw, limits: Limits): void {
  const problem = limitProblem(limits);
  if (!problem) return;
  const expected = 'limits a check can reach (Argo Rollouts ValidateMetric)';
  const own = problem.keys.some((key) => entry[key] !== undefined || (key === 'count' && entry.interval !== undefined));
  if (own) throw new InputError(CHECKS_INPUT, `check '${check}'`, expected, problem.detail);
  const input = problem.keys.find((key) => key !== 'count') as string;
  const values = `count ${limits.count ?? 0}, failure-limit ${limits.failureLimit}, inconclusive-limit ${limits.inconclusiveLimit}, consecutive-success-limit ${limits.consecutiveSuccessLimit}`;
  throw new InputError(input, values, expected, problem.detail);
}

function booleanOf(entry: Raw, key: string, check: string): boolean {
  const value = entry[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new InputError(CHECKS_INPUT, String(value), `true or false for ${check}.${key}`);
  return value;
}

function optionalInteger(entry: Raw, key: string, check: string, min: number): number | undefined {
  const value = entry[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InputError(CHECKS_INPUT, String(value), `an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''} for ${check}.${key}`);
  }
  return value;
}

/** How a check decides, in words: stated in the plan and the summary so nothing is left to chance. */
export function describeConditions(check: CheckSpec): string {
  const text = providerOf(check.provider).describe(check.provider);
  return check.dryRun ? `${text} (dry-run: reported, never decides)` : text;
}

/** Every value of the checks that must never be written anywhere (all header values, tokens, passwords). */
export function checkSecrets(checks: readonly CheckSpec[]): string[] {
  return checks.flatMap((check) => providerOf(check.provider).secrets(check.provider)).filter((value) => value.length > 0);
}

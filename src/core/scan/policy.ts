import { parseDocument } from 'yaml';
import { FileError, InputError } from '../errors.js';
import { plainData } from '../yaml/plain.js';
import type { FindingClass } from './report.js';
import { parseSeverity, SEVERITIES, type Severity } from './severity.js';

/** A threshold: the lowest severity that triggers, or `none`. */
export type Threshold = Severity | 'none';

/** What the gate enforces in one environment. */
export interface GateRules {
  failOn: Threshold;
  /** Findings at or above this (that do not block) are reported as warnings. */
  warnOn: Threshold;
  ignoreUnfixed: boolean;
  /** Allowed number of counted findings per severity; overrides `failOn` for that severity. */
  max: Partial<Record<Severity, number>>;
  /**
   * Thresholds of their own for some classes (e.g. secrets fail on LOW); a class without
   * an entry is gated with `failOn`/`max` together with the others, as `trivy --exit-code` does.
   */
  classes?: Partial<Record<FindingClass, ClassRules>>;
  /** How a baseline finding is recognised: at its place (default; a finding that moved is new) or by id and package anywhere. */
  baselineMatch?: 'place' | 'id';
}

export interface ClassRules {
  failOn?: Threshold;
  max?: Partial<Record<Severity, number>>;
}

/** The policy keys of per-class rules, as people write them. */
export const CLASS_KEYS: Record<string, FindingClass> = {
  vulnerabilities: 'vulnerability',
  misconfigurations: 'misconfiguration',
  secrets: 'secret',
  licenses: 'license',
};

export type PartialRules = Partial<GateRules>;

/**
 * The policy file: rules per environment, e.g.
 *
 *   default: {fail-on: CRITICAL}
 *   environments:
 *     dev: {fail-on: none, warn-on: HIGH}
 *     prod: {fail-on: HIGH, max: {MEDIUM: 20}, secrets: {fail-on: LOW}, baseline-match: place}
 */
export interface Policy {
  default?: PartialRules;
  environments: Record<string, PartialRules>;
}

const RULE_KEYS = new Set(['fail-on', 'warn-on', 'ignore-unfixed', 'max', 'baseline-match', ...Object.keys(CLASS_KEYS)]);

export function parseThreshold(value: string): Threshold | undefined {
  return value.trim().toLowerCase() === 'none' ? 'none' : parseSeverity(value);
}

export function parsePolicy(text: string, file: string): Policy {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new FileError(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
  }
  const data = plainData(document, file);
  if (!isRecord(data) || !isRecord(data.environments)) {
    throw new FileError(
      file,
      "expected a mapping with 'environments' (name -> {fail-on, warn-on, ignore-unfixed, max}) and optionally 'default'",
    );
  }
  const unknown = Object.keys(data).filter((key) => key !== 'default' && key !== 'environments');
  if (unknown.length > 0) throw new FileError(file, `unknown top-level key(s) ${unknown.join(', ')}; allowed: default, environments`);
  const environments: Record<string, PartialRules> = {};
  for (const [name, rules] of Object.entries(data.environments)) environments[name] = parseRules(rules, `environments.${name}`, file);
  return {
    environments,
    ...(data.default !== undefined ? { default: parseRules(data.default, 'default', file) } : {}),
  };
}

function parseRules(value: unknown, where: string, file: string): PartialRules {
  if (!isRecord(value)) throw new FileError(file, `${where} must be a mapping of fail-on, warn-on, ignore-unfixed, max`);
  const unknown = Object.keys(value).filter((key) => !RULE_KEYS.has(key));
  if (unknown.length > 0)
    throw new FileError(file, `${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...RULE_KEYS].join(', ')}`);
  const rules: PartialRules = {};
  for (const key of ['fail-on', 'warn-on'] as const) {
    if (value[key] === undefined) continue;
    const threshold = typeof value[key] === 'string' ? parseThreshold(value[key]) : undefined;
    if (!threshold)
      throw new FileError(file, `${where}.${key} is ${JSON.stringify(value[key])}; expected none or one of ${SEVERITIES.join(', ')}`);
    rules[key === 'fail-on' ? 'failOn' : 'warnOn'] = threshold;
  }
  if (value['ignore-unfixed'] !== undefined) {
    if (typeof value['ignore-unfixed'] !== 'boolean') throw new FileError(file, `${where}.ignore-unfixed must be true or false`);
    rules.ignoreUnfixed = value['ignore-unfixed'];
  }
  if (value.max !== undefined) rules.max = parseMax(value.max, `${where}.max`, file);
  if (value['baseline-match'] !== undefined) {
    if (value['baseline-match'] !== 'place' && value['baseline-match'] !== 'id')
      throw new FileError(file, `${where}.baseline-match is ${JSON.stringify(value['baseline-match'])}; expected place or id`);
    rules.baselineMatch = value['baseline-match'];
  }
  for (const [key, cls] of Object.entries(CLASS_KEYS)) {
    const entry = value[key];
    if (entry === undefined) continue;
    if (!isRecord(entry)) throw new FileError(file, `${where}.${key} must be a mapping of fail-on and/or max`);
    const extra = Object.keys(entry).filter((name) => name !== 'fail-on' && name !== 'max');
    if (extra.length > 0) throw new FileError(file, `${where}.${key} has unknown key(s) ${extra.join(', ')}; allowed: fail-on, max`);
    const classRules: ClassRules = {};
    if (entry['fail-on'] !== undefined) {
      const threshold = typeof entry['fail-on'] === 'string' ? parseThreshold(entry['fail-on']) : undefined;
      if (!threshold)
        throw new FileError(
          file,
          `${where}.${key}.fail-on is ${JSON.stringify(entry['fail-on'])}; expected none or one of ${SEVERITIES.join(', ')}`,
        );
      classRules.failOn = threshold;
    }
    if (entry.max !== undefined) classRules.max = parseMax(entry.max, `${where}.${key}.max`, file);
    rules.classes = { ...rules.classes, [cls]: classRules };
  }
  return rules;
}

function parseMax(value: unknown, where: string, file: string): Partial<Record<Severity, number>> {
  if (!isRecord(value)) throw new FileError(file, `${where} must map severities to counts, e.g. {HIGH: 0, MEDIUM: 10}`);
  const max: Partial<Record<Severity, number>> = {};
  for (const [name, count] of Object.entries(value)) {
    const severity = parseSeverity(name);
    if (!severity)
      throw new FileError(file, `${where} has unknown severity ${JSON.stringify(name)}; expected one of ${SEVERITIES.join(', ')}`);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
      throw new FileError(file, `${where}.${name} is ${JSON.stringify(count)}; expected a whole number >= 0`);
    }
    max[severity] = count;
  }
  return max;
}

/**
 * The rules for one environment: the environment's entry over the policy default over the
 * stage inputs. An environment the policy does not know, with no default to fall back on,
 * is an error rather than a silent pass.
 */
export function resolveRules(
  inputs: GateRules,
  policy: Policy | undefined,
  environment: string | undefined,
): { rules: GateRules; source: string } {
  if (!policy) return { rules: inputs, source: 'inputs' };
  const specific = environment ? policy.environments[environment] : undefined;
  if (!specific && !policy.default) {
    const known = Object.keys(policy.environments).join(', ') || '(none)';
    throw new InputError('environment', environment ?? '', `an environment the policy lists (${known})`, 'the policy has no default rules');
  }
  const merged: GateRules = { ...inputs, ...policy.default, ...specific };
  // Class rules merge per class: an environment overriding secrets keeps the default's licenses.
  const classes = { ...inputs.classes, ...policy.default?.classes, ...specific?.classes };
  if (Object.keys(classes).length > 0) merged.classes = classes;
  return { rules: merged, source: specific ? `policy environment '${environment}'` : 'policy default' };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

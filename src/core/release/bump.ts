import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { AegisError, InputError } from '../errors.js';
import type { ConventionalCommit } from './commits.js';

export type ReleaseType = 'major' | 'minor' | 'patch';

/** Which commit types move which part of the version. Breaking changes always mean `major` (see `preMajor`). */
export interface BumpRules {
  minor: string[];
  patch: string[];
  /** Below 1.0.0 a breaking change bumps this part: `minor` (0.3.1 → 0.4.0, what semver users expect) or `major` (→ 1.0.0). */
  preMajorBreaking: 'major' | 'minor';
  /** Below 1.0.0 a feature bumps this part: `minor` (default) or `patch` (the conventional-changelog `preMajor` behaviour). */
  preMajorFeature: 'minor' | 'patch';
}

export const DEFAULT_BUMP_RULES: BumpRules = Object.freeze({
  minor: ['feat', 'feature'],
  patch: ['fix', 'perf', 'revert'],
  preMajorBreaking: 'minor',
  preMajorFeature: 'minor',
}) as BumpRules;

const RANK: Record<ReleaseType, number> = { major: 3, minor: 2, patch: 1 };

/** The biggest change any commit asks for; undefined when none is releasable (docs, chores, …). */
export function releaseTypeOf(commits: readonly ConventionalCommit[], rules: BumpRules = DEFAULT_BUMP_RULES): ReleaseType | undefined {
  let result: ReleaseType | undefined;
  for (const commit of commits) {
    const type: ReleaseType | undefined = commit.breaking
      ? 'major'
      : commit.type && rules.minor.includes(commit.type)
        ? 'minor'
        : commit.type && rules.patch.includes(commit.type)
          ? 'patch'
          : undefined;
    if (type && (!result || RANK[type] > RANK[result])) result = type;
  }
  return result;
}

/** `previous` moved by `type`, with the 0.x rules applied. Prerelease parts are dropped (1.3.0-rc.2 + minor = 1.3.0 when 1.3.0 already includes the change). */
export function applyBump(previous: string, type: ReleaseType, rules: BumpRules = DEFAULT_BUMP_RULES): string {
  let effective = type;
  if (semver.major(previous) === 0) {
    if (type === 'major') effective = rules.preMajorBreaking;
    else if (type === 'minor') effective = rules.preMajorFeature;
  }
  const next = semver.inc(previous, effective);
  if (!next) throw new AegisError(`Cannot bump version ${JSON.stringify(previous)} by ${effective}.`);
  return next;
}

/** The next prerelease on `channel` for `target`: `1.3.0-rc.1`, then `rc.2` when `1.3.0-rc.1` exists. */
export function nextPrerelease(target: string, channel: string, existing: readonly string[]): string {
  let highest = 0;
  for (const version of existing) {
    const parsed = semver.parse(version);
    if (!parsed || `${parsed.major}.${parsed.minor}.${parsed.patch}` !== target) continue;
    const [name, number] = parsed.prerelease;
    if (name === channel && typeof number === 'number' && number > highest) highest = number;
  }
  return `${target}-${channel}.${highest + 1}`;
}

/** A strict x.y.z[-pre] version, or undefined. `v1.2.3` and ranges are refused. */
export function strictVersion(value: string): string | undefined {
  return /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(value) && semver.valid(value) ? value : undefined;
}

const RULE_KEYS = new Set(['minor', 'patch', 'pre-major-breaking', 'pre-major-feature']);

/**
 * Rules from YAML/JSON, e.g. `{minor: [feat], patch: [fix, perf, deps], pre-major-breaking: major}`;
 * unspecified keys keep their defaults.
 */
export function parseBumpRules(text: string, input = 'bump-rules'): BumpRules {
  if (!text.trim()) return { ...DEFAULT_BUMP_RULES };
  const expected =
    'a YAML mapping with keys minor, patch (lists of commit types), pre-major-breaking (major|minor), pre-major-feature (minor|patch)';
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new InputError(input, text, expected, (error as Error).message);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InputError(input, text, expected);
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => !RULE_KEYS.has(key));
  if (unknown.length > 0) throw new InputError(input, text, expected, `unknown key ${unknown.map((k) => `'${k}'`).join(', ')}`);
  const types = (key: string, fallback: string[]): string[] => {
    const list = record[key];
    if (list === undefined) return fallback;
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || !/^\w[\w-]*$/.test(item))) {
      throw new InputError(input, text, expected, `'${key}' must be a list of commit types`);
    }
    return (list as string[]).map((item) => item.toLowerCase());
  };
  const choice = <T extends string>(key: string, choices: readonly T[], fallback: T): T => {
    const chosen = record[key];
    if (chosen === undefined) return fallback;
    if (!choices.includes(chosen as T)) throw new InputError(input, text, expected, `'${key}' must be ${choices.join(' or ')}`);
    return chosen as T;
  };
  return {
    minor: types('minor', DEFAULT_BUMP_RULES.minor),
    patch: types('patch', DEFAULT_BUMP_RULES.patch),
    preMajorBreaking: choice('pre-major-breaking', ['major', 'minor'] as const, DEFAULT_BUMP_RULES.preMajorBreaking),
    preMajorFeature: choice('pre-major-feature', ['minor', 'patch'] as const, DEFAULT_BUMP_RULES.preMajorFeature),
  };
}

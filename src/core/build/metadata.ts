/**
 * Tags and OCI labels with docker/metadata-action's semantics, from the normalised CiEvent.
 *
 * The `tags` input takes metadata-action's rule lines (a line without `type=` is a literal
 * tag, like `type=raw`):
 *
 *     type=sha                        sha-<7 hex>     (format=long: sha-<40 hex>)
 *     type=ref,event=branch           the branch name, on branch events (not on pull requests)
 *     type=ref,event=tag              the git tag, on tag events
 *     type=ref,event=pr               pr-<number>, on pull/merge requests
 *     type=semver,pattern={{version}} 1.2.3 from git tag v1.2.3 ({{major}}.{{minor}} -> 1.2); a
 *                                     pre-release (1.3.0-rc.1) yields only its full version
 *     type=schedule                   nightly, on scheduled runs
 *     type=raw,value=edge             a fixed tag
 *
 * with optional `prefix=`, `suffix=` and `enable=` (`true`, `false`, `{{is_default_branch}}`).
 * Every tag is sanitised (characters outside [a-z0-9._-] become `-`) and lower-cased.
 * `latest` is produced only when configured (the `latest` option or a raw rule).
 */
import semver from 'semver';
import { InputError } from '../errors.js';
import type { CiEvent } from '../event.js';
import { TAG_RE } from '../images/reference.js';

export type LatestPolicy = 'false' | 'true' | 'auto' | 'default-branch';

export const DEFAULT_TAG_RULES = [
  'type=sha',
  'type=sha,format=long',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=schedule',
];

type RuleType = 'sha' | 'ref' | 'semver' | 'raw' | 'schedule';

export interface TagRule {
  type: RuleType;
  event?: 'branch' | 'tag' | 'pr';
  pattern?: string;
  value?: string;
  format?: 'short' | 'long';
  prefix: string;
  suffix: string;
  enable: string;
  line: string;
}

export interface MetadataInput {
  event: CiEvent;
  /** The commit the image is built from; on pull requests the PR head. */
  revision?: string;
  rules: readonly TagRule[];
  latest: LatestPolicy;
  /** Title label (service name by default). */
  title: string;
  description?: string;
  /** ISO 8601 creation time. */
  created: string;
  /** User labels, applied over the OCI ones. */
  labels?: Readonly<Record<string, string>>;
}

export interface ImageMetadata {
  tags: string[];
  labels: Record<string, string>;
  version: string;
  /** The tag that names exactly this commit (full SHA if configured, else short): what skip-existing asks for. */
  commitTag?: string;
}

const RULE_KEYS = new Set(['type', 'event', 'pattern', 'value', 'format', 'prefix', 'suffix', 'enable']);
const SHORT_SHA = 7;

/** Parses one rule line of the `tags` input. */
export function parseTagRule(line: string, input = 'tags'): TagRule {
  if (!line.includes('=')) {
    if (!TAG_RE.test(line)) {
      throw new InputError(input, line, 'a tag of at most 128 letters, digits, _ . - not starting with . or - (or a type=… rule)');
    }
    return { type: 'raw', value: line, prefix: '', suffix: '', enable: 'true', line };
  }
  const fields = new Map<string, string>();
  for (const part of line.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !RULE_KEYS.has(key)) {
      throw new InputError(input, line, `comma-separated key=value pairs with keys ${[...RULE_KEYS].join(', ')}`);
    }
    fields.set(key, part.slice(eq + 1).trim());
  }
  const type = fields.get('type');
  const base = { prefix: fields.get('prefix') ?? '', suffix: fields.get('suffix') ?? '', enable: fields.get('enable') ?? 'true', line };
  if (!['true', 'false', '{{is_default_branch}}'].includes(base.enable)) {
    throw new InputError(input, line, 'enable=true, enable=false or enable={{is_default_branch}}');
  }
  switch (type) {
    case 'sha': {
      const format = fields.get('format') ?? 'short';
      if (format !== 'short' && format !== 'long') throw new InputError(input, line, 'format=short or format=long');
      return { ...base, type, format, prefix: fields.get('prefix') ?? 'sha-' };
    }
    case 'ref': {
      const event = fields.get('event');
      if (event !== 'branch' && event !== 'tag' && event !== 'pr') throw new InputError(input, line, 'event=branch, event=tag or event=pr');
      return { ...base, type, event, prefix: fields.get('prefix') ?? (event === 'pr' ? 'pr-' : '') };
    }
    case 'semver': {
      const pattern = fields.get('pattern');
      if (!pattern || !/\{\{(version|major|minor|patch)\}\}/.test(pattern)) {
        throw new InputError(input, line, 'pattern= using {{version}}, {{major}}, {{minor}} or {{patch}}');
      }
      return { ...base, type, pattern, value: fields.get('value') };
    }
    case 'raw': {
      const value = fields.get('value');
      if (!value) throw new InputError(input, line, 'type=raw,value=<tag>');
      return { ...base, type, value };
    }
    case 'schedule':
      return { ...base, type, pattern: fields.get('pattern') ?? 'nightly' };
    default:
      throw new InputError(input, line, 'type=sha, type=ref, type=semver, type=raw or type=schedule (or a literal tag)');
  }
}

export function parseTagRules(lines: readonly string[], input = 'tags'): TagRule[] {
  return lines.map((line) => parseTagRule(line, input));
}

/** metadata-action's sanitising, plus lower case: what is left is a valid tag or ''. */
export function sanitizeTag(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

function isDefaultBranch(event: CiEvent): boolean {
  return event.kind !== 'pull_request' && event.kind !== 'tag' && !!event.branch && event.branch === event.defaultBranch;
}

function isBranchEvent(event: CiEvent): boolean {
  return event.kind !== 'pull_request' && event.kind !== 'tag' && !!event.branch;
}

/** The semver of a tag event (`v1.2.3` and `1.2.3` both), or undefined. */
function tagVersion(event: CiEvent, value?: string): semver.SemVer | undefined {
  const raw = value ?? (event.kind === 'tag' ? event.tag : undefined);
  if (!raw) return undefined;
  return semver.parse(raw.replace(/^v/i, '')) ?? undefined;
}

function renderSemver(pattern: string, version: semver.SemVer): string {
  // metadata-action: a pre-release only ever gets its full version, whatever the pattern.
  if (version.prerelease.length > 0) return version.version;
  return pattern
    .replace(/\{\{version\}\}/g, version.version)
    .replace(/\{\{major\}\}/g, String(version.major))
    .replace(/\{\{minor\}\}/g, String(version.minor))
    .replace(/\{\{patch\}\}/g, String(version.patch));
}

/** The raw tag value a rule yields for this event, before prefix/suffix; undefined when it does not apply. */
function ruleValue(rule: TagRule, event: CiEvent, revision: string | undefined): string | undefined {
  switch (rule.type) {
    case 'sha':
      return revision ? (rule.format === 'long' ? revision : revision.slice(0, SHORT_SHA)) : undefined;
    case 'ref':
      if (rule.event === 'branch') return isBranchEvent(event) ? event.branch : undefined;
      if (rule.event === 'tag') return event.kind === 'tag' ? event.tag : undefined;
      return event.pullRequest ? String(event.pullRequest.number) : undefined;
    case 'semver': {
      const version = tagVersion(event, rule.value);
      return version ? renderSemver(rule.pattern as string, version) : undefined;
    }
    case 'schedule':
      return event.kind === 'schedule' ? rule.pattern : undefined;
    case 'raw':
      return rule.value;
  }
}

function wantsLatest(policy: LatestPolicy, event: CiEvent): boolean {
  switch (policy) {
    case 'true':
      return true;
    case 'auto': {
      const version = tagVersion(event);
      return !!version && version.prerelease.length === 0;
    }
    case 'default-branch':
      return isDefaultBranch(event);
    case 'false':
      return false;
  }
}

/** Version label: semver on release tags, `pr-N`, the branch, else the short SHA (metadata-action's order). */
function versionOf(event: CiEvent, revision: string | undefined): string {
  const version = tagVersion(event);
  if (version) return version.version;
  if (event.kind === 'tag' && event.tag) return sanitizeTag(event.tag);
  if (event.pullRequest) return `pr-${event.pullRequest.number}`;
  if (event.branch) return sanitizeTag(event.branch);
  return revision ? revision.slice(0, SHORT_SHA) : '';
}

export function computeMetadata(input: MetadataInput): ImageMetadata {
  const { event, revision } = input;
  const tags: string[] = [];
  let shortTag: string | undefined;
  let longTag: string | undefined;
  for (const rule of input.rules) {
    if (rule.enable === 'false' || (rule.enable === '{{is_default_branch}}' && !isDefaultBranch(event))) continue;
    const value = ruleValue(rule, event, revision);
    if (value === undefined || value === '') continue;
    const tag = sanitizeTag(`${rule.prefix}${value}${rule.suffix}`);
    if (!TAG_RE.test(tag)) continue;
    if (rule.type === 'sha') {
      if (rule.format === 'long') longTag ??= tag;
      else shortTag ??= tag;
    }
    if (!tags.includes(tag)) tags.push(tag);
  }
  if (wantsLatest(input.latest, event) && !tags.includes('latest')) tags.push('latest');

  const version = versionOf(event, revision);
  const labels: Record<string, string> = {
    'org.opencontainers.image.title': input.title,
    ...(input.description ? { 'org.opencontainers.image.description': input.description } : {}),
    ...(event.repositoryUrl
      ? { 'org.opencontainers.image.url': event.repositoryUrl, 'org.opencontainers.image.source': event.repositoryUrl }
      : {}),
    ...(version ? { 'org.opencontainers.image.version': version } : {}),
    'org.opencontainers.image.created': input.created,
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    ...input.labels,
  };
  return { tags, labels, version, commitTag: longTag ?? shortTag };
}

/**
 * Tags, labels and annotations exactly as docker/metadata-action computes them (its
 * `images`, `tags`, `flavor`, `labels` and `annotations` inputs), from a git-ref-shaped
 * context that both platforms fill in (see `metadataContext`). Checked against the cases of
 * metadata-action's own `__tests__/meta.test.ts` (test/fixtures/build/metadata-action).
 *
 * Rule types: schedule, semver, pep440, match, edge, ref (event=branch|tag|pr), raw, sha;
 * attributes enable, priority, prefix, suffix, value, pattern, match, group, event, format,
 * branch; `{{…}}` expressions (expression.ts). Rules are applied in priority order
 * (schedule 1000 > semver/pep440 900 > match 800 > edge 700 > ref 600 > raw 200 > sha 100);
 * the first value is the version, and the first rule that yields a value decides `latest`.
 */
import semver from 'semver';
import { InputError } from '../errors.js';
import type { CiEvent } from '../event.js';
import { formatDate } from './date-format.js';
import { type ExpressionScope, isRawStatement, renderExpression } from './expression.js';
import { isFinalPep440, normalizePep440, parsePep440 } from './pep440.js';

export type RuleType = 'schedule' | 'semver' | 'pep440' | 'match' | 'edge' | 'ref' | 'raw' | 'sha';
const PRIORITY: Record<RuleType, number> = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100,
};
const TYPES = Object.keys(PRIORITY) as RuleType[];

/** metadata-action's defaults when `tags` is empty. */
export const METADATA_ACTION_DEFAULT_TAGS = ['type=schedule', 'type=ref,event=branch', 'type=ref,event=tag', 'type=ref,event=pr'];
/**
 * Ours: metadata-action's, plus semver tags on release tags and the commit SHA tags (short and
 * long) that make every image addressable by commit and let `skip-existing` find it.
 */
export const DEFAULT_TAG_RULES = [
  'type=schedule',
  'type=ref,event=branch',
  'type=ref,event=tag',
  'type=ref,event=pr',
  'type=semver,pattern={{version}}',
  'type=semver,pattern={{major}}.{{minor}}',
  'type=semver,pattern={{major}}',
  'type=sha',
  'type=sha,format=long',
];

export interface TagRule {
  type: RuleType;
  attrs: Record<string, string>;
  priority: number;
  line: string;
}

export interface Flavor {
  latest: 'auto' | 'true' | 'false';
  prefix: string;
  prefixLatest: boolean;
  suffix: string;
  suffixLatest: boolean;
}

export interface MetadataImage {
  name: string;
  enable: boolean;
}

/** What metadata-action reads from the workflow context, in git-ref terms. */
export interface MetadataContext {
  /** GitHub's event name, or the GitLab situation's GitHub twin (metadataContext). */
  eventName: string;
  /** refs/heads/<branch>, refs/tags/<tag>, refs/pull/<n>/merge, or ''. */
  ref: string;
  /** The commit the image is built from ('' when unknown). */
  sha: string;
  commitDate: Date;
  now: Date;
  defaultBranch?: string;
  /** The branch a tag was pushed from (push payload `base_ref`), or a pull request's base branch. */
  baseRef?: string;
}

/** What metadata-action takes from the repository (GitHub API) for the OCI labels. */
export interface RepositoryInfo {
  name?: string;
  description?: string;
  url?: string;
  /** SPDX id. */
  license?: string;
}

export interface MetadataOptions {
  images: readonly MetadataImage[];
  rules: readonly TagRule[];
  flavor: Flavor;
  labels?: readonly string[];
  annotations?: readonly string[];
  repository: RepositoryInfo;
  /** Length of `{{sha}}` and `type=sha` (metadata-action: 7, or DOCKER_METADATA_SHORT_SHA_LENGTH). */
  shortShaLength?: number;
  /** Called for metadata-action's warnings (a semver that is not one, a match that fails). */
  warn?: (message: string) => void;
}

export interface MetadataVersion {
  main?: string;
  partial: string[];
  latest: boolean;
}

export interface ImageMetadata {
  version: MetadataVersion;
  /** image:tag for every enabled image (or bare tags when there is none). */
  tags: string[];
  /** The bare tags, in order. */
  tagNames: string[];
  /** key=value, sorted by key. */
  labels: string[];
  annotations: string[];
  /** The tag naming exactly this commit (`type=sha`, long form preferred): what skip-existing asks for. */
  commitTag?: string;
}

/** Splits one line into comma-separated fields; double quotes protect commas ("" is a quote). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (c === ',') {
      fields.push(current);
      current = '';
    } else current += c;
  }
  fields.push(current);
  return fields;
}

function has(attrs: Record<string, string>, key: string): boolean {
  return Object.hasOwn(attrs, key);
}

/** Parses one `tags` line (metadata-action's semantics; a line without `type=` is `type=raw`). */
export function parseTagRule(line: string, input = 'tags'): TagRule {
  const attrs: Record<string, string> = {};
  let type: RuleType | undefined;
  for (const field of csvFields(line)) {
    const eq = field.indexOf('=');
    if (eq <= 0) {
      attrs.value = field.trim();
      continue;
    }
    const key = field.slice(0, eq).trim().toLowerCase();
    const value = field.slice(eq + 1).trim();
    if (key === 'type') {
      if (!TYPES.includes(value as RuleType)) throw new InputError(input, line, `type= one of ${TYPES.join(', ')}`);
      type = value as RuleType;
    } else attrs[key] = value;
  }
  type ??= 'raw';
  const need = (key: string, what: string) => {
    if (!has(attrs, key)) throw new InputError(input, line, `${what} (type=${type} needs ${key}=)`);
  };
  switch (type) {
    case 'schedule':
      if (!has(attrs, 'pattern')) attrs.pattern = 'nightly';
      break;
    case 'semver':
    case 'pep440':
      need('pattern', 'a pattern such as pattern={{version}}');
      attrs.value ??= '';
      attrs.match ??= '';
      break;
    case 'match':
      need('pattern', 'a regular expression such as pattern=\\d.\\d');
      attrs.group ??= '0';
      if (Number.isNaN(Number(attrs.group))) throw new InputError(input, line, 'group= a capture group number');
      attrs.value ??= '';
      break;
    case 'edge':
      attrs.branch ??= '';
      break;
    case 'ref':
      need('event', 'event=branch, event=tag or event=pr');
      if (!['branch', 'tag', 'pr'].includes(attrs.event as string))
        throw new InputError(input, line, 'event=branch, event=tag or event=pr');
      if (attrs.event === 'pr' && !has(attrs, 'prefix')) attrs.prefix = 'pr-';
      break;
    case 'raw':
      need('value', 'a value, as in type=raw,value=edge');
      break;
    case 'sha':
      if (!has(attrs, 'prefix')) attrs.prefix = 'sha-';
      attrs.format ??= 'short';
      if (attrs.format !== 'short' && attrs.format !== 'long') throw new InputError(input, line, 'format=short or format=long');
      break;
  }
  attrs.enable ??= 'true';
  const priority = has(attrs, 'priority') ? Number(attrs.priority) : PRIORITY[type];
  if (Number.isNaN(priority)) throw new InputError(input, line, 'priority= a number');
  return { type, attrs, priority, line };
}

/** All `tags` lines (metadata-action's defaults when none), sorted by priority; equal priorities keep their order. */
export function parseTagRules(lines: readonly string[], input = 'tags'): TagRule[] {
  const source = lines.length > 0 ? lines : METADATA_ACTION_DEFAULT_TAGS;
  return source.map((line) => parseTagRule(line, input)).sort((a, b) => b.priority - a.priority);
}

export function parseFlavor(lines: readonly string[], input = 'flavor'): Flavor {
  const flavor: Flavor = { latest: 'auto', prefix: '', prefixLatest: false, suffix: '', suffixLatest: false };
  for (const line of lines) {
    let onLatestFor: 'prefix' | 'suffix' | '' = '';
    for (const field of csvFields(line)) {
      const parts = field.split('=').map((part) => part.trim());
      if (parts.length === 1) throw new InputError(input, line, 'key=value entries: latest=, prefix=, suffix=, onlatest=');
      const key = (parts[0] as string).toLowerCase();
      const value = parts[1] as string;
      if (key === 'latest') {
        if (value !== 'auto' && value !== 'true' && value !== 'false')
          throw new InputError(input, line, 'latest=auto, latest=true or latest=false');
        flavor.latest = value;
      } else if (key === 'prefix' || key === 'suffix') {
        flavor[key] = value;
        onLatestFor = key;
      } else if (key === 'onlatest') {
        if (value !== 'true' && value !== 'false') throw new InputError(input, line, 'onlatest=true or onlatest=false');
        if (onLatestFor === 'prefix') flavor.prefixLatest = value === 'true';
        if (onLatestFor === 'suffix') flavor.suffixLatest = value === 'true';
      } else throw new InputError(input, line, 'latest=, prefix=, suffix= or onlatest= entries');
    }
  }
  return flavor;
}

/** The `images` lines: `name` or `name=…,enable=true|false` (lower-cased, as metadata-action does). */
export function parseImageNames(lines: readonly string[], input = 'images'): MetadataImage[] {
  const images: MetadataImage[] = [];
  for (const line of lines) {
    const image: MetadataImage = { name: '', enable: true };
    const fields = csvFields(line);
    // One line of plain names is a comma-separated list.
    if (lines.length === 1 && fields.every((field) => !field.includes('='))) {
      return fields
        .map((field) => field.trim())
        .filter(Boolean)
        .map((name) => ({ name: name.toLowerCase(), enable: true }));
    }
    for (const field of fields) {
      const parts = field.split('=').map((part) => part.trim());
      if (parts.length === 1) image.name = parts[0] as string;
      else if (parts[0]?.toLowerCase() === 'name') image.name = parts[1] as string;
      else if (parts[0]?.toLowerCase() === 'enable') {
        if (parts[1] !== 'true' && parts[1] !== 'false') throw new InputError(input, line, 'enable=true or enable=false');
        image.enable = parts[1] === 'true';
      } else throw new InputError(input, line, 'name= and enable= attributes');
    }
    if (!image.name) throw new InputError(input, line, 'an image name');
    images.push({ ...image, name: image.name.toLowerCase() });
  }
  return images;
}

/** metadata-action's sanitising: runs of characters outside [A-Za-z0-9._-] become one `-`; case is kept. */
export function sanitizeTag(value: string): string {
  return value.replace(/[^a-zA-Z0-9._-]+/g, '-');
}

const strip = (ref: string, prefix: string) => (ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined);

function dateHelper(date: Date, input: string) {
  return (args: (string | undefined)[], hash: Record<string, string>) => {
    for (const key of Object.keys(hash))
      if (key !== 'tz') throw new InputError(input, `${key}=`, "only tz='<IANA zone>' as a date attribute");
    return formatDate(date, args[0], hash.tz ?? 'UTC', input);
  };
}

class Engine {
  constructor(
    private readonly context: MetadataContext,
    private readonly options: MetadataOptions,
  ) {}

  private shortSha(): string {
    const length = this.options.shortShaLength ?? 7;
    return length >= this.context.sha.length ? this.context.sha : this.context.sha.slice(0, length);
  }

  isDefaultBranch(): boolean {
    const { ref, eventName, defaultBranch } = this.context;
    const branch = ref.replace(/^refs\/heads\//, '');
    if (!branch) return false;
    if (defaultBranch === branch) return true;
    // These events always run for the last commit of the default branch (GitHub's docs).
    return /create|discussion|issues|schedule/.test(eventName);
  }

  /** The expressions every attribute may use. */
  globalScope(input: string): ExpressionScope {
    const { ref, baseRef } = this.context;
    return {
      branch: () => strip(ref, 'refs/heads/') ?? '',
      tag: () => strip(ref, 'refs/tags/') ?? '',
      sha: () => this.shortSha(),
      base_ref: () => {
        if (ref.startsWith('refs/tags/') && baseRef) return baseRef.replace(/^refs\/heads\//, '');
        if (ref.startsWith('refs/pull/') && baseRef) return baseRef;
        return '';
      },
      is_default_branch: () => String(this.isDefaultBranch()),
      is_not_default_branch: () => String(!this.isDefaultBranch()),
      date: dateHelper(this.context.now, input),
      commit_date: dateHelper(this.context.commitDate, input),
    };
  }

  global(template: string, input = 'tags'): string {
    return renderExpression(template, this.globalScope(input), input);
  }

  private withAffixes(value: string, rule: TagRule): string {
    const { flavor } = this.options;
    const prefix = has(rule.attrs, 'prefix')
      ? this.global(rule.attrs.prefix as string)
      : flavor.prefix
        ? this.global(flavor.prefix, 'flavor')
        : '';
    const suffix = has(rule.attrs, 'suffix')
      ? this.global(rule.attrs.suffix as string)
      : flavor.suffix
        ? this.global(flavor.suffix, 'flavor')
        : '';
    return `${prefix}${value}${suffix}`;
  }

  private latestFor(autoValue: boolean): boolean {
    const { latest } = this.options.flavor;
    return latest === 'auto' ? autoValue : latest === 'true';
  }

  /** The version source of semver/pep440/match rules: `value=`, else the git tag; undefined when neither. */
  private versionSource(rule: TagRule): string | undefined {
    if (rule.attrs.value) return this.global(rule.attrs.value);
    return strip(this.context.ref, 'refs/tags/');
  }

  private applyMatch(raw: string, rule: TagRule): string {
    if (!rule.attrs.match) return raw;
    const found = raw.match(new RegExp(rule.attrs.match));
    if (!found) {
      this.options.warn?.(`${rule.attrs.match} does not match ${raw}.`);
      return raw;
    }
    return found[1] as string;
  }

  /** The value one rule yields (before sanitising) and its `latest` vote, or undefined. */
  evaluate(rule: TagRule): { value: string; latest: boolean } | undefined {
    const { ref, eventName, sha } = this.context;
    const a = rule.attrs;
    switch (rule.type) {
      case 'schedule': {
        if (!/schedule/.test(eventName)) return undefined;
        const scope = { date: dateHelper(this.context.now, 'tags'), commit_date: dateHelper(this.context.commitDate, 'tags') };
        return { value: this.withAffixes(renderExpression(a.pattern as string, scope, 'tags'), rule), latest: this.latestFor(false) };
      }
      case 'semver': {
        const source = this.versionSource(rule);
        if (source === undefined) return undefined;
        const raw = this.applyMatch(source, rule).replace(/\//g, '-');
        if (!semver.valid(raw)) {
          this.options.warn?.(`${raw} is not a valid semver. More info: https://semver.org/`);
          return undefined;
        }
        const parsed = semver.parse(raw, { loose: true }) as semver.SemVer;
        const scope: ExpressionScope = {
          raw: parsed.raw,
          version: parsed.version,
          major: parsed.major,
          minor: parsed.minor,
          patch: parsed.patch,
          prerelease: parsed.prerelease.map(String),
          build: parsed.build,
        };
        const prerelease = parsed.prerelease.length > 0;
        const pattern = prerelease && !isRawStatement(a.pattern as string) ? '{{version}}' : (a.pattern as string);
        return { value: this.withAffixes(renderExpression(pattern, scope, 'tags'), rule), latest: this.latestFor(!prerelease) };
      }
      case 'pep440': {
        const source = this.versionSource(rule);
        if (source === undefined) return undefined;
        const raw = this.applyMatch(source, rule).replace(/\//g, '-');
        const parsed = parsePep440(raw);
        if (!parsed) {
          this.options.warn?.(`${raw} does not conform to PEP 440. More info: https://www.python.org/dev/peps/pep-0440`);
          return undefined;
        }
        if (!isFinalPep440(parsed)) {
          const value = isRawStatement(a.pattern as string) ? raw : normalizePep440(parsed);
          return { value: this.withAffixes(value, rule), latest: this.latestFor(false) };
        }
        const scope: ExpressionScope = {
          raw: () => raw,
          version: () => normalizePep440(parsed),
          major: () => String(parsed.release[0] ?? 0),
          minor: () => String(parsed.release[1] ?? 0),
          patch: () => String(parsed.release[2] ?? 0),
        };
        return { value: this.withAffixes(renderExpression(a.pattern as string, scope, 'tags'), rule), latest: this.latestFor(true) };
      }
      case 'match': {
        const source = this.versionSource(rule);
        if (source === undefined) return undefined;
        const literal = /^\/(.+)\/(.*)$/.exec(a.pattern as string);
        let found: RegExpMatchArray | null;
        try {
          found = literal ? source.match(new RegExp(literal[1] as string, literal[2])) : source.match(new RegExp(a.pattern as string));
        } catch {
          throw new InputError('tags', rule.line, 'a valid regular expression in pattern=');
        }
        if (!found) {
          this.options.warn?.(`${a.pattern} does not match ${source}.`);
          return undefined;
        }
        const group = found[Number(a.group)];
        if (group === undefined) {
          this.options.warn?.(`Group ${a.group} does not exist for ${a.pattern} pattern.`);
          return undefined;
        }
        return { value: this.withAffixes(group, rule), latest: this.latestFor(true) };
      }
      case 'ref': {
        if (a.event === 'branch') {
          const branch = strip(ref, 'refs/heads/');
          return branch === undefined ? undefined : { value: this.withAffixes(branch, rule), latest: this.latestFor(false) };
        }
        if (a.event === 'tag') {
          const tag = strip(ref, 'refs/tags/');
          return tag === undefined ? undefined : { value: this.withAffixes(tag, rule), latest: this.latestFor(true) };
        }
        const pull = strip(ref, 'refs/pull/');
        return pull === undefined
          ? undefined
          : { value: this.withAffixes(pull.replace(/\/merge$/, ''), rule), latest: this.latestFor(false) };
      }
      case 'edge': {
        const branch = strip(ref, 'refs/heads/');
        if (branch === undefined || (a.branch || this.context.defaultBranch) !== branch) return undefined;
        return { value: this.withAffixes('edge', rule), latest: this.latestFor(false) };
      }
      case 'raw':
        return { value: this.withAffixes(this.global(a.value as string), rule), latest: this.latestFor(false) };
      case 'sha':
        if (!sha) return undefined;
        return { value: this.withAffixes(a.format === 'long' ? sha : this.shortSha(), rule), latest: this.latestFor(false) };
    }
  }
}

function ociEntries(
  engine: Engine,
  options: MetadataOptions,
  context: MetadataContext,
  version: MetadataVersion,
  extra: readonly string[],
  input: string,
): string[] {
  const repo = options.repository;
  const entries = [
    `org.opencontainers.image.title=${repo.name ?? ''}`,
    `org.opencontainers.image.description=${repo.description ?? ''}`,
    `org.opencontainers.image.url=${repo.url ?? ''}`,
    `org.opencontainers.image.source=${repo.url ?? ''}`,
    `org.opencontainers.image.version=${version.main ?? ''}`,
    `org.opencontainers.image.created=${context.now.toISOString()}`,
    `org.opencontainers.image.revision=${context.sha}`,
    `org.opencontainers.image.licenses=${repo.license ?? ''}`,
    ...extra.map((line) => engine.global(line, input)),
  ];
  const byKey = new Map<string, string>();
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    if (eq < 0) continue; // metadata-action drops an entry without a value
    byKey.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`);
}

export function computeMetadata(options: MetadataOptions, context: MetadataContext): ImageMetadata {
  const engine = new Engine(context, options);
  const version: { main?: string; partial: string[]; latest?: boolean } = { partial: [] };
  let shortTag: string | undefined;
  let longTag: string | undefined;
  for (const rule of options.rules) {
    const enabled = engine.global(rule.attrs.enable as string);
    if (enabled !== 'true' && enabled !== 'false')
      throw new InputError('tags', rule.line, 'enable= true, false or an expression giving one of them');
    if (enabled === 'false') continue;
    const result = engine.evaluate(rule);
    if (!result || result.value === '') continue;
    const value = sanitizeTag(result.value);
    if (version.main === undefined) version.main = value;
    else if (value !== version.main) version.partial.push(value);
    version.latest ??= result.latest;
    if (rule.type === 'sha') {
      if (rule.attrs.format === 'long') longTag ??= value;
      else shortTag ??= value;
    }
  }
  const resolved: MetadataVersion = { main: version.main, partial: [...new Set(version.partial)], latest: version.latest ?? false };
  const { flavor } = options;
  const tagNames = resolved.main
    ? [
        resolved.main,
        ...resolved.partial,
        ...(resolved.latest
          ? [sanitizeTag(`${flavor.prefixLatest ? flavor.prefix : ''}latest${flavor.suffixLatest ? flavor.suffix : ''}`)]
          : []),
      ]
    : [];
  const images = options.images.filter((image) => image.enable).map((image) => image.name);
  const tags = images.length > 0 ? images.flatMap((image) => tagNames.map((tag) => `${image}:${tag}`)) : [...tagNames];
  return {
    version: resolved,
    tags,
    tagNames,
    labels: ociEntries(engine, options, context, resolved, options.labels ?? [], 'labels'),
    annotations: ociEntries(engine, options, context, resolved, options.annotations ?? options.labels ?? [], 'annotations'),
    commitTag: longTag ?? shortTag,
  };
}

/**
 * The metadata-action context of a normalised CI event: the ref it would see on GitHub, and on
 * GitLab the same situation's GitHub twin (a merge request is refs/pull/<iid>/merge, a tag
 * pipeline a tag push, web/API/trigger pipelines a workflow_dispatch, a schedule a schedule).
 */
export function metadataContext(event: CiEvent, facts: { sha: string; commitDate: Date; now: Date; baseRef?: string }): MetadataContext {
  const ref = event.tag
    ? `refs/tags/${event.tag}`
    : event.pullRequest
      ? `refs/pull/${event.pullRequest.number}/merge`
      : event.branch
        ? `refs/heads/${event.branch}`
        : '';
  return {
    eventName: githubEventName(event),
    ref,
    sha: facts.sha,
    commitDate: facts.commitDate,
    now: facts.now,
    defaultBranch: event.defaultBranch,
    baseRef: facts.baseRef ?? event.pullRequest?.baseRef,
  };
}

/** GitLab pipeline sources named as the GitHub event of the same situation; GitHub's names pass through. */
const GITHUB_TWINS: Record<string, string> = {
  merge_request_event: 'pull_request',
  external_pull_request_event: 'pull_request',
  web: 'workflow_dispatch',
  api: 'workflow_dispatch',
  trigger: 'workflow_dispatch',
  pipeline: 'workflow_dispatch',
  parent_pipeline: 'workflow_dispatch',
  chat: 'workflow_dispatch',
};

function githubEventName(event: CiEvent): string {
  if (event.kind === 'schedule') return 'schedule';
  return GITHUB_TWINS[event.source] ?? event.source;
}

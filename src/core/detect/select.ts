import { code } from '../markdown.js';
import type { ChangedPath } from './changes.js';
import { matchFilters, type PathFilter, type PredicateQuantifier } from './filters.js';
import { compileRuleList, type Rule } from './globs.js';
import { dependentsOf, propagate } from './graph.js';
import type { ChangeType, Manifest, ServiceSpec } from './manifest.js';
import { PathMatcher } from './matcher.js';

/** Why a service is in the result. */
export type Reason =
  /** Its own files changed (`files` holds the first few of `count`). */
  | { kind: 'files'; files: string[]; count: number }
  /** A global glob matched: every service is marked. */
  | { kind: 'global'; files: string[]; count: number }
  /** A service it depends on changed; `chain` runs from the changed service to its direct dependency. */
  | { kind: 'dependency'; chain: string[] }
  /** No base to compare against (schedule, first push, fallback): every service. */
  | { kind: 'all'; why: string };

export interface SelectedService {
  name: string;
  kind: ServiceSpec['kind'];
  path: string;
  reason: Reason;
}

export interface MatrixEntry {
  service: string;
  path: string;
  context: string;
  dockerfile: string;
  image: string;
  [field: string]: unknown;
}

export interface Selection {
  /** Every marked service, libraries included, in manifest order. */
  selected: SelectedService[];
  /** Marked services that are not libraries: what CI builds. */
  matrix: { include: MatrixEntry[] };
  /** Names in the matrix. */
  services: string[];
}

export interface SelectionRequest {
  manifest: Manifest;
  /** Checked globs added to the manifest's `global` (from the `global` input). */
  global?: readonly string[];
  /** Change types that mark a service unless its manifest entry says otherwise. */
  changeTypes: readonly ChangeType[];
  /** What changed, or why every service is selected without comparing. */
  changes: readonly ChangedPath[] | { all: string };
  /** Registry/namespace for services without an `image` field: `<prefix>/<service>`. */
  imagePrefix?: string;
}

/** paths-filter style filters, used instead of the manifest's include/exclude rules. */
export interface FilterSet {
  filters: readonly PathFilter[];
  quantifier: PredicateQuantifier;
}

const EXAMPLE_FILES = 5;

class Hits {
  files: string[] = [];
  count = 0;
  add(path: string): void {
    if (this.files.length < EXAMPLE_FILES && !this.files.includes(path)) this.files.push(path);
    this.count++;
  }
}

/**
 * Compiles a manifest once for many `select` calls (the bench and the stage share it). The
 * constructor checks what can be wrong (depends-on); the rules compile on `prepare` or the
 * first `select`.
 */
export class ServiceSelector {
  private readonly services: readonly ServiceSpec[];
  private readonly globalRules: readonly string[];
  private compiled: PathMatcher | undefined;
  private readonly dependents: Map<string, string[]>;
  private readonly globalOwner: number;
  private readonly acceptedTypes: readonly Set<ChangeType>[];
  /**
   * Whether a rename can select differently from a deletion of its old path plus an addition
   * of its new one: only when some change-types list (a service's, the defaults, a filter
   * rule's statuses) takes 'renamed' but not 'added' or 'deleted', or the other way round.
   * When it cannot, detect asks git for no rename detection, which costs O(deleted × added).
   */
  readonly distinguishesRenames: boolean;

  constructor(
    manifest: Manifest,
    global: readonly string[],
    changeTypes: readonly ChangeType[],
    private readonly filters?: FilterSet,
  ) {
    this.services = manifest.services;
    this.dependents = dependentsOf(manifest.services, manifest.file);
    this.globalRules = [...manifest.global, ...global];
    this.globalOwner = this.services.length;
    const defaults = new Set(changeTypes);
    this.acceptedTypes = [...this.services.map((service) => (service.changeTypes ? new Set(service.changeTypes) : defaults)), defaults];
    const statusLists = (filters?.filters ?? []).flatMap((filter) =>
      filter.rules.flatMap((rule) => (rule.statuses ? [rule.statuses] : [])),
    );
    this.distinguishesRenames = [...this.acceptedTypes, ...statusLists.map((statuses) => new Set(statuses))].some(
      (types) => types.has('renamed') !== types.has('added') || types.has('renamed') !== types.has('deleted'),
    );
  }

  /** Compiles the rules now (detect does, while git computes the diff in its own process). */
  prepare(): this {
    this.compiled ??= this.compileRules();
    return this;
  }

  private get matcher(): PathMatcher {
    this.compiled ??= this.compileRules();
    return this.compiled;
  }

  private compileRules(): PathMatcher {
    const ruleLists: Rule[][] = this.services.map((service) => compileRuleList(service.include, service.exclude));
    ruleLists.push(compileRuleList(this.globalRules, []));
    return new PathMatcher(ruleLists);
  }

  select(changes: SelectionRequest['changes'], imagePrefix?: string): Selection {
    const reasons = new Map<string, Reason>();
    if ('all' in changes) {
      for (const service of this.services) reasons.set(service.name, { kind: 'all', why: changes.all });
    } else if (this.filters) {
      const matched = matchFilters(this.filters.filters, changes, this.filters.quantifier);
      const accepted = this.acceptedTypes[this.globalOwner] as Set<ChangeType>;
      for (const [name, files] of matched) {
        const hit = new Hits();
        for (const change of files) if (accepted.has(change.type)) hit.add(change.path);
        if (hit.count > 0) reasons.set(name, { kind: 'files', files: hit.files, count: hit.count });
      }
    } else {
      const hits: (Hits | undefined)[] = new Array(this.services.length + 1);
      const owners: number[] = [];
      for (const change of changes) {
        owners.length = 0;
        this.matcher.collect(change.path, owners);
        for (let index = 0; index < owners.length; index++) {
          const owner = owners[index] as number;
          if (!this.acceptedTypes[owner]?.has(change.type)) continue;
          let hit = hits[owner];
          if (!hit) {
            hit = new Hits();
            hits[owner] = hit;
          }
          hit.add(change.path);
        }
      }
      const globalHit = hits[this.globalOwner];
      this.services.forEach((service, owner) => {
        const hit = hits[owner];
        if (hit) reasons.set(service.name, { kind: 'files', files: hit.files, count: hit.count });
        else if (globalHit) reasons.set(service.name, { kind: 'global', files: globalHit.files, count: globalHit.count });
      });
      for (const [name, chain] of propagate([...reasons.keys()], this.dependents)) {
        if (!reasons.has(name)) reasons.set(name, { kind: 'dependency', chain });
      }
    }
    const selected = this.services
      .filter((service) => reasons.has(service.name))
      .map((service) => ({ name: service.name, kind: service.kind, path: service.path, reason: reasons.get(service.name) as Reason }));
    const include = this.services
      .filter((service) => service.kind === 'service' && reasons.has(service.name))
      .map((service) => matrixEntry(service, imagePrefix));
    return { selected, matrix: { include }, services: include.map((entry) => entry.service) };
  }
}

export function selectServices(request: SelectionRequest): Selection {
  return new ServiceSelector(request.manifest, request.global ?? [], request.changeTypes).select(request.changes, request.imagePrefix);
}

/** `service`, `path`, `context`, `dockerfile`, `image` (defaults derived from the path), then the manifest's own fields. */
export function matrixEntry(service: ServiceSpec, imagePrefix?: string): MatrixEntry {
  const context = typeof service.fields.context === 'string' ? service.fields.context : service.path;
  const dockerfile = typeof service.fields.dockerfile === 'string' ? service.fields.dockerfile : `${context}/Dockerfile`;
  const image =
    typeof service.fields.image === 'string'
      ? service.fields.image
      : imagePrefix
        ? `${imagePrefix.replace(/\/+$/, '')}/${service.name}`
        : service.name;
  return {
    service: service.name,
    path: service.path,
    context,
    dockerfile,
    image,
    ...withoutKeys(service.fields, ['context', 'dockerfile', 'image']),
  };
}

function withoutKeys(fields: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)));
}

/** One line for the summary table. */
export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'files':
    case 'global': {
      const more = reason.count > reason.files.length ? ` (+${reason.count - reason.files.length} more)` : '';
      // File names come from the repository: code() keeps a newline or backtick in one span.
      const files = `${reason.files.map((file) => code(file).text).join(', ')}${more}`;
      return reason.kind === 'files' ? `${reason.count} file${reason.count === 1 ? '' : 's'}: ${files}` : `global: ${files}`;
    }
    case 'dependency':
      return `depends on ${reason.chain.slice().reverse().join(' → ')} (changed)`;
    case 'all':
      return `every service: ${reason.why}`;
  }
}

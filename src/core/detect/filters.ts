import picomatch from 'picomatch';
import { isMap, parseDocument } from 'yaml';
import { FileError } from '../errors.js';
import type { ChangedPath } from './changes.js';
import type { ChangeType, Manifest, ServiceSpec } from './manifest.js';

/**
 * dorny/paths-filter's `filters` syntax, so its workflows move over unchanged:
 *
 *     backend: 'backend/**'                 # one pattern
 *     frontend: ['frontend/**', '!**\/*.md'] # a list (YAML anchors of lists are flattened)
 *     api:
 *       - added|modified: 'api/**'          # only these kinds of change
 *
 * A file matches a filter when SOME rule matches it (or EVERY rule, with the `every`
 * quantifier); a rule matches when the change has one of its statuses (if it names any) and
 * picomatch (dot files included) matches the path. `!pattern` is picomatch's negation, as in
 * paths-filter: alone it matches every path that is not `pattern`.
 */
export interface PathFilter {
  name: string;
  rules: FilterRule[];
}

export interface FilterRule {
  pattern: string;
  statuses?: ChangeType[];
  test: (path: string) => boolean;
}

export type PredicateQuantifier = 'some' | 'every';

/** paths-filter's change statuses in our terms (git reports a copy as an added path, an unmerged one as modified). */
const STATUSES: Record<string, ChangeType> = {
  added: 'added',
  modified: 'modified',
  deleted: 'deleted',
  renamed: 'renamed',
  copied: 'added',
  unmerged: 'modified',
};

const FILTER_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

export function parseFilters(text: string, source: string): PathFilter[] {
  const doc = parseDocument(text, { uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) throw new FileError(source, `not valid YAML: ${doc.errors[0]?.message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new FileError(source, 'expected a mapping of filter name to patterns (paths-filter syntax)');
  const filters: PathFilter[] = [];
  // toJS resolves anchors and aliases (`- *shared`), which paths-filter users rely on.
  for (const [name, plain] of Object.entries(doc.toJS() as Record<string, unknown>)) {
    if (!FILTER_NAME.test(name))
      throw new FileError(
        source,
        `filter name '${name}' must start with a letter, digit or '_' and contain only letters, digits, '.', '_' and '-'`,
      );
    const rules = parseItem(plain, (problem) => new FileError(source, `filter '${name}': ${problem}`));
    if (rules.length === 0) throw new FileError(source, `filter '${name}' has no patterns`);
    filters.push({ name, rules });
  }
  return filters;
}

function parseItem(item: unknown, fail: (problem: string) => Error): FilterRule[] {
  if (Array.isArray(item)) return item.flatMap((inner) => parseItem(inner, fail));
  if (typeof item === 'string') return [rule(item, undefined, fail)];
  if (item && typeof item === 'object') {
    return Object.entries(item).flatMap(([key, pattern]) => {
      const statuses = key
        .split('|')
        .map((status) => status.trim().toLowerCase())
        .filter(Boolean)
        .map((status) => {
          const type = STATUSES[status];
          if (!type) throw fail(`unknown change status '${status}' in '${key}': expected ${Object.keys(STATUSES).join(', ')}`);
          return type;
        });
      const patterns = Array.isArray(pattern) ? pattern.flat(Number.POSITIVE_INFINITY) : [pattern];
      return patterns.map((one) => {
        if (typeof one !== 'string') throw fail(`'${key}' must map to a pattern or a list of patterns`);
        return rule(one, statuses, fail);
      });
    });
  }
  throw fail(`expected a pattern, a list of patterns or 'status: pattern', got ${JSON.stringify(item)}`);
}

function rule(pattern: string, statuses: ChangeType[] | undefined, fail: (problem: string) => Error): FilterRule {
  try {
    return { pattern, statuses, test: picomatch(pattern, { dot: true }) };
  } catch (error) {
    throw fail(`pattern ${JSON.stringify(pattern)} is not a valid glob: ${(error as Error).message}`);
  }
}

/** The changes each filter matches, in filter order. */
export function matchFilters(
  filters: readonly PathFilter[],
  changes: readonly ChangedPath[],
  quantifier: PredicateQuantifier,
): Map<string, ChangedPath[]> {
  const result = new Map<string, ChangedPath[]>();
  for (const filter of filters) {
    const applies = (change: ChangedPath) => (rule: FilterRule) =>
      (rule.statuses === undefined || rule.statuses.includes(change.type)) && rule.test(change.path);
    result.set(
      filter.name,
      changes.filter((change) => (quantifier === 'every' ? filter.rules.every(applies(change)) : filter.rules.some(applies(change)))),
    );
  }
  return result;
}

/** Filters as manifest entries, so matrix, outputs and summary treat each filter as a service. */
export function filtersManifest(filters: readonly PathFilter[], source: string): Manifest {
  const services: ServiceSpec[] = filters.map((filter) => ({
    name: filter.name,
    path: '.',
    kind: 'service',
    include: filter.rules.map((rule) => rule.pattern),
    exclude: [],
    dependsOn: [],
    fields: {},
  }));
  return { file: source, global: [], services };
}

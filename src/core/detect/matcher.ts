import { matchesRules, type Rule } from './globs.js';

/**
 * Matches many paths against many ordered rule lists (one per service, plus `global`)
 * without testing every path against every list.
 *
 * Each positive rule has a literal base directory (`services/api` for `services/api/**`,
 * '' for `**\/*.md`). Rule lists are indexed by those bases; a path only reaches the lists
 * indexed under one of its ancestor directories (or under the path itself, for literal
 * patterns), and only those run their full rules. Candidates are memoised per directory,
 * because changed files cluster in few directories, and only down to the deepest indexed
 * base (a deeper directory has its ancestor's candidates), so that a change spread over
 * 100,000 directories does not memoise each of them. Cost: O(files × (depth + candidates)),
 * instead of O(files × services × globs).
 */
export class PathMatcher {
  private readonly byDirectory = new Map<string, number[]>();
  private readonly byPath = new Map<string, number[]>();
  private readonly pathKeyLengths: ReadonlySet<number>;
  private readonly directoryCandidates = new Map<string, readonly number[]>();
  /** Segments of the deepest directory in byDirectory. */
  private readonly indexedDepth: number;
  private last: { ancestor: string; candidates: readonly number[]; full: boolean } | undefined;
  /**
   * Owners whose one rule is positive and takes everything under its base (`dir/**`, a literal
   * directory, `**`): a path reaching them through the directory index is theirs, untested.
   */
  private readonly takesWholeDirectory: readonly boolean[];

  constructor(private readonly ruleLists: readonly (readonly Rule[])[]) {
    ruleLists.forEach((rules, owner) => {
      for (const rule of rules) {
        if (rule.negated) continue; // a negation alone never adds a path
        if (rule.kind === 'literal') {
          add(this.byPath, rule.base, owner);
          add(this.byDirectory, rule.base, owner);
        } else {
          add(this.byDirectory, rule.base, owner);
          // picomatch lets `dir/**` match `dir` itself
          if (rule.base !== '') add(this.byPath, rule.base, owner);
        }
      }
    });
    this.takesWholeDirectory = ruleLists.map(
      (rules) => rules.length === 1 && !rules[0]?.negated && WHOLE_DIRECTORY_KINDS.has(rules[0]?.kind as Rule['kind']),
    );
    this.pathKeyLengths = new Set([...this.byPath.keys()].map((key) => key.length));
    let depth = 0;
    for (const base of this.byDirectory.keys()) if (base !== '') depth = Math.max(depth, depthOf(base));
    this.indexedDepth = depth;
  }

  /** Indexes (positions in the constructor's list) of the rule lists that accept `path`. */
  match(path: string): number[] {
    const owners: number[] = [];
    this.collect(path, owners);
    return owners;
  }

  /** `match`, appended to `owners`: one array serves every path of a diff. */
  collect(path: string, owners: number[]): void {
    const fromDirectories = this.directoryOwners(path);
    for (let index = 0; index < fromDirectories.length; index++) {
      const owner = fromDirectories[index] as number;
      if (this.takesWholeDirectory[owner] || matchesRules(this.ruleLists[owner] as readonly Rule[], path)) owners.push(owner);
    }
    // Most paths are no key's length: no hash of the whole path to compute.
    const fromPath = this.pathKeyLengths.has(path.length) ? this.byPath.get(path) : undefined;
    if (fromPath) {
      for (const owner of fromPath) {
        if (!fromDirectories.includes(owner) && matchesRules(this.ruleLists[owner] as readonly Rule[], path)) owners.push(owner);
      }
    }
  }

  /**
   * candidatesOf the path's indexed ancestor. git lists paths sorted, so consecutive paths
   * mostly share that ancestor: the last one is kept, and a path under it needs no lookup.
   */
  private directoryOwners(path: string): readonly number[] {
    const last = this.last;
    if (last && path.startsWith(last.ancestor) && path.charCodeAt(last.ancestor.length) === SLASH) {
      // At the indexed depth every path below shares the ancestor; above it only the same directory does.
      if (last.full || path.indexOf('/', last.ancestor.length + 1) === -1) return last.candidates;
    }
    const slash = path.lastIndexOf('/');
    if (slash === -1) return this.candidatesOf('');
    const ancestor = this.indexedAncestor(path.slice(0, slash));
    const candidates = this.candidatesOf(ancestor);
    this.last = { ancestor, candidates, full: ancestor !== '' && depthOf(ancestor) === this.indexedDepth };
    return candidates;
  }

  /** `directory` cut to its first indexedDepth segments: the deepest ancestor that can have owners. */
  private indexedAncestor(directory: string): string {
    if (this.indexedDepth === 0) return '';
    let slash = -1;
    for (let depth = 0; depth < this.indexedDepth; depth++) {
      slash = directory.indexOf('/', slash + 1);
      if (slash === -1) return directory;
    }
    return directory.slice(0, slash);
  }

  /** Owners indexed under `directory` or any of its ancestors (including the root ''). */
  private candidatesOf(directory: string): readonly number[] {
    const cached = this.directoryCandidates.get(directory);
    if (cached) return cached;
    let candidates: readonly number[];
    if (directory === '') {
      candidates = this.byDirectory.get('') ?? [];
    } else {
      const slash = directory.lastIndexOf('/');
      const inherited = this.candidatesOf(slash === -1 ? '' : directory.slice(0, slash));
      const own = this.byDirectory.get(directory);
      candidates = own ? [...new Set([...inherited, ...own])] : inherited;
    }
    this.directoryCandidates.set(directory, candidates);
    return candidates;
  }
}

const SLASH = 47; // '/'

const WHOLE_DIRECTORY_KINDS: ReadonlySet<Rule['kind']> = new Set(['under', 'literal', 'everything']);

/** Segments of a directory path (counted, not split: this runs once per directory of a diff). */
function depthOf(directory: string): number {
  let depth = 1;
  for (let slash = directory.indexOf('/'); slash !== -1; slash = directory.indexOf('/', slash + 1)) depth++;
  return depth;
}

function add(map: Map<string, number[]>, key: string, owner: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [owner]);
  else if (list[list.length - 1] !== owner) list.push(owner);
}

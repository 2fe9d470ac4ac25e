import picomatch from 'picomatch';

/**
 * One compiled pattern of an ordered rule list.
 *
 * Semantics (documented for users): a service's `include` followed by its `exclude` form one
 * ordered list; a path belongs to the service when the LAST pattern in that list matching it
 * is positive. In `include`, `!pattern` removes paths matched earlier and a later positive
 * pattern adds them back (as in .gitignore). Every `exclude` pattern is a removal, and
 * `!pattern` in `exclude` adds back. A pattern without glob characters names a file or a
 * directory (everything under it).
 */
export interface Rule {
  readonly pattern: string;
  readonly negated: boolean;
  /** Literal directory (or file, for literal patterns) every match lies in or is: '' when none. */
  readonly base: string;
  readonly kind: 'everything' | 'under' | 'literal' | 'glob';
  readonly test: (path: string) => boolean;
}

/** Thrown through `fail` so that callers name the file/line or input the pattern came from. */
export type PatternProblem = (pattern: string, problem: string) => Error;

const PICOMATCH_OPTIONS = { dot: true } as const;

/** Validates a repository-relative glob and returns it normalised (no leading `./`). */
export function checkPattern(raw: unknown, fail: PatternProblem): string {
  if (typeof raw !== 'string') throw fail(String(raw), 'a glob must be a string');
  let pattern = raw.trim();
  const negated = pattern.startsWith('!');
  if (negated) pattern = pattern.slice(1);
  while (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern === '') throw fail(raw, 'the glob is empty');
  if (pattern.startsWith('/')) throw fail(raw, 'globs are relative to the repository root and must not start with /');
  if (pattern.split('/').includes('..')) throw fail(raw, "globs must not contain '..'");
  if (pattern.startsWith('!')) throw fail(raw, "a glob may be negated only once ('!!' is not allowed)");
  const problem = globProblem(pattern);
  if (problem !== undefined) throw fail(raw, `not a valid glob: ${problem}`);
  return negated ? `!${pattern}` : pattern;
}

// Manifests repeat the same excludes across hundreds of services: each distinct glob is compiled once.
const checkedGlobs = new Map<string, string | undefined>();
const compiledGlobs = new Map<string, RegExp>();

// picomatch rejects only unbalanced brackets, braces and parentheses (strictBrackets) and
// patterns over its length limit: without those, there is nothing to compile for the check.
const BRACKETS = /[[\](){}]/;
const PICOMATCH_MAX_LENGTH = 65_536;

/** picomatch's complaint about a glob (strict brackets), or undefined when it compiles. */
function globProblem(pattern: string): string | undefined {
  if (pattern.length < PICOMATCH_MAX_LENGTH && !BRACKETS.test(pattern)) return undefined;
  if (checkedGlobs.has(pattern)) return checkedGlobs.get(pattern);
  let problem: string | undefined;
  try {
    picomatch.makeRe(pattern, { ...PICOMATCH_OPTIONS, strictBrackets: true });
  } catch (error) {
    problem = (error as Error).message;
  }
  checkedGlobs.set(pattern, problem);
  return problem;
}

function globRegex(pattern: string): RegExp {
  let regex = compiledGlobs.get(pattern);
  if (!regex) {
    regex = picomatch.makeRe(pattern, PICOMATCH_OPTIONS);
    compiledGlobs.set(pattern, regex);
  }
  return regex;
}

const GLOB_CHARACTERS = new Set(['*', '?', '[', ']', '{', '}', '(', ')', '!', '+', '@']);

/**
 * The literal text a pattern starts with, backslash escapes removed, and whether that is
 * the whole pattern. `services/\\[legacy\\]/**` starts with the literal `services/[legacy]/`.
 * (picomatch's own scan keeps the backslashes in its base, and calls some escaped patterns
 * non-globs, so the literal part is read here.)
 */
export function literalPrefix(pattern: string): { literal: string; whole: boolean } {
  let literal = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern.charAt(index);
    if (char === '\\' && index + 1 < pattern.length) {
      literal += pattern.charAt(++index);
      continue;
    }
    if (GLOB_CHARACTERS.has(char)) return { literal, whole: false };
    literal += char;
  }
  return { literal, whole: true };
}

/** A pattern that matches `text` literally (for paths with glob characters, such as `services/[legacy]`). */
export function escapeGlob(text: string): string {
  return text.replace(/[\\*?[\]{}()!+@]/g, (char) => `\\${char}`);
}

/** Compiles one already-checked pattern (`!` prefix = negated). */
export function compileRule(checked: string): Rule {
  const negated = checked.startsWith('!');
  const pattern = negated ? checked.slice(1) : checked;
  const { literal, whole } = literalPrefix(pattern);
  if (whole) {
    const prefix = `${literal}/`;
    return { pattern, negated, base: literal, kind: 'literal', test: (path) => path === literal || path.startsWith(prefix) };
  }
  const slash = literal.lastIndexOf('/');
  const base = slash === -1 ? '' : literal.slice(0, slash);
  // What follows the literal base directory, as written.
  const rest = pattern.slice(rawLengthOf(pattern, slash + 1));
  if (rest === '**') {
    if (base === '') return { pattern, negated, base, kind: 'everything', test: () => true };
    const prefix = `${base}/`;
    return { pattern, negated, base, kind: 'under', test: (path) => path.startsWith(prefix) };
  }
  const regex = globRegex(pattern);
  // A glob ending in plain characters (`**/*.md`) matches only paths ending in them (or in the
  // `/` picomatch allows after a match): most paths are told apart without the regex.
  const tail = PLAIN_TAIL.exec(pattern)?.[0];
  if (tail)
    return { pattern, negated, base, kind: 'glob', test: (path) => (path.endsWith(tail) || path.endsWith('/')) && regex.test(path) };
  return { pattern, negated, base, kind: 'glob', test: (path) => regex.test(path) };
}

/** Characters no glob syntax gives a meaning to, outside brackets (a pattern's end is outside them). */
const PLAIN_TAIL = /[A-Za-z0-9._-]+$/;

/** Index in `pattern` just after its first `count` literal characters (escapes count once). */
function rawLengthOf(pattern: string, count: number): number {
  let index = 0;
  for (let seen = 0; seen < count && index < pattern.length; seen++) index += pattern.charAt(index) === '\\' ? 2 : 1;
  return index;
}

/** Builds the ordered rule list of `include` then `exclude` (see Rule for the meaning). */
export function compileRuleList(include: readonly string[], exclude: readonly string[]): Rule[] {
  const excludeAsRules = exclude.map((pattern) => (pattern.startsWith('!') ? pattern.slice(1) : `!${pattern}`));
  return [...include, ...excludeAsRules].map(compileRule);
}

/** Last matching rule wins; no matching rule means "not matched". */
export function matchesRules(rules: readonly Rule[], path: string): boolean {
  for (let index = rules.length - 1; index >= 0; index--) {
    const rule = rules[index] as Rule;
    if (rule.test(path)) return !rule.negated;
  }
  return false;
}

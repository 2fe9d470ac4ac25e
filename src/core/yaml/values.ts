/**
 * Byte-preserving edits of Helm values files: `<file>:<path>=<value>` lines set one scalar each.
 *
 * Paths: keys separated by `.`, `[N]` indexes a sequence, `\` escapes the next character
 * (`\.` for a dot inside a key): `image.tag`, `containers[0].image`, `podAnnotations.app\.io/v`.
 * Only the LAST key of a path may be missing (it is added to its mapping); a missing
 * intermediate mapping or sequence item is an error, because guessing structure in someone
 * else's values file is how charts get broken.
 *
 * Values are strings, except that a new key or an empty value given an integer or boolean
 * written canonically takes it as one (`answer: 42`, as Kargo writes it), and a value replacing
 * a plain number or boolean stays plain when it is one (`replicas: 2` -> `replicas: 3`); anything
 * else that would not read back as the same string (`1.10`, `true` replacing a string, `null`,
 * ``) is double-quoted. A path through an anchored mapping that an alias uses is refused.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import { InputError } from '../errors.js';
import { findPair, YamlSplicer } from './splice.js';

/** A mapping key, or a sequence index. */
export type PathSegment = string | number;

export interface SetLine {
  file: string;
  path: PathSegment[];
  value: string;
  /** The line as written (trimmed), for messages. */
  line: string;
}

export interface ValueEdit {
  path: readonly PathSegment[];
  value: string;
  /**
   * The typed value the text stands for (a number or boolean read from another file): a new
   * key, or a number/boolean replaced, is then written plain (`replicas: 3`), as the source has it.
   */
  typed?: unknown;
}

/** One scalar of a values file: its text (as `scalarText` reads it) and its typed value. */
export interface ReadValue {
  text: string | null;
  typed: unknown;
}

export interface ValueEditResult {
  path: readonly PathSegment[];
  /** The value before the edit as a string (plain scalars by source text), null if unset. */
  previous: string | null;
  changed: boolean;
}

export const SET_LINE_EXPECTED = 'lines of <file>:<dotted.path>=<value>, e.g. values.yaml:image.tag=1.2.3';

const MAX_INDEX_DIGITS = 9;

/** Parses `set` input lines; empty lines and `#` comment lines are skipped. */
export function parseSetLines(text: string, input = 'set'): SetLine[] {
  const lines: SetLine[] = [];
  const seen = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const fail = (detail: string): never => {
      throw new InputError(input, line, SET_LINE_EXPECTED, detail);
    };
    const colon = line.indexOf(':');
    const file = line.slice(0, Math.max(colon, 0)).trim();
    // `image.tag=reg:5000/app` has a ':' only in its value.
    if (file === '' || file.includes('=')) fail('missing "<file>:" before the path');
    if (!/\.ya?ml$/i.test(file)) fail(`${file} is not a YAML file (.yaml or .yml)`);
    // Git's own files are never ours to edit, in any spelling of the directory.
    if (file.split(/[\\/]+/).some((segment) => segment.toLowerCase() === '.git')) fail(`${file} is inside .git`);
    const rest = line.slice(colon + 1);
    const equals = unescapedIndexOf(rest, '=');
    if (equals < 0) fail('missing "=<value>" after the path');
    const path = parsePath(rest.slice(0, equals).trim(), fail);
    const id = `${file}\0${formatPath(path)}`;
    if (seen.has(id)) fail(`${file}:${formatPath(path)} is set twice`);
    seen.add(id);
    lines.push({ file, path, value: rest.slice(equals + 1).trim(), line });
  }
  return lines;
}

/** Renders a path the way `parseSetLines` reads it. */
export function formatPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i > 0 ? '.' : ''}${segment.replace(/[\\.[\]=]/g, '\\$&')}`))
    .join('');
}

/** Sets one value; see `setValues`. */
export function setValue(
  content: string,
  file: string,
  path: readonly PathSegment[],
  value: string,
): { content: string; previous: string | null; changed: boolean } {
  const { content: out, results } = setValues(content, file, [{ path, value }]);
  const [result] = results;
  return { content: out, previous: result?.previous ?? null, changed: result?.changed ?? false };
}

/** Sets several values in one file with one parse; the identical string comes back if none changes. */
export function setValues(content: string, file: string, edits: readonly ValueEdit[]): { content: string; results: ValueEditResult[] } {
  const splicer = new YamlSplicer(content, file);
  const seen = new Set<string>();
  const results = edits.map(({ path, value, typed }) => {
    const shown = formatPath(path);
    if (path.length === 0) throw new Error('empty values path');
    if (seen.has(shown)) throw new Error(`values path ${shown} edited twice in ${file}`);
    seen.add(shown);
    return setOne(splicer, path, value, typed);
  });
  return { content: splicer.result(), results };
}

/** The scalar at `path`, undefined when the path does not exist; a collection there is an error. */
export function readValue(content: string, file: string, path: readonly PathSegment[]): ReadValue | undefined {
  const splicer = new YamlSplicer(content, file);
  let node: unknown = splicer.doc.contents;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!isSeq(node) || node.items[segment] === undefined) return undefined;
      node = node.items[segment];
    } else {
      if (!isMap(node)) return undefined;
      const pair = findPair(splicer.doc, node, segment);
      if (!pair) return undefined;
      node = pair.value;
    }
  }
  const target = isAlias(node) ? node.resolve(splicer.doc) : node;
  if (isMap(target) || isSeq(target)) {
    throw splicer.error(`${formatPath(path)} is a ${isMap(target) ? 'mapping' : 'sequence'}, not a scalar`, target);
  }
  return { text: splicer.text(target), typed: isScalar(target) ? target.value : null };
}

/**
 * What a new value's text stands for when nothing says its type: an integer or boolean written
 * canonically (`42`, `true`) is one, as Kargo and Helm's --set write it; anything else (`1.10`,
 * `1.5`, `0x1F`, `yes`) a string.
 */
function canonicalScalar(value: string): unknown {
  if (/^(?:true|false)$/.test(value)) return value === 'true';
  if (/^-?(?:0|[1-9][0-9]{0,14})$/.test(value)) return Number(value);
  return value;
}

function setOne(splicer: YamlSplicer, path: readonly PathSegment[], value: string, typed?: unknown): ValueEditResult {
  const shown = formatPath(path);
  let node: unknown = splicer.doc.contents;
  for (const [i, segment] of path.entries()) {
    // An anchored mapping or sequence on the way is shared with its aliases: editing inside it changes them too.
    if (i > 0) splicer.assertNotAliasedHere(node as Node, `cannot set ${shown}: ${formatPath(path.slice(0, i))}`);
    const where = i === 0 ? 'the document' : formatPath(path.slice(0, i));
    const last = i === path.length - 1;
    if (typeof segment === 'number') {
      if (!isSeq(node)) throw splicer.error(`cannot set ${shown}: ${where} is not a sequence`, isNode(node) ? node : null);
      const item = node.items[segment];
      if (item === undefined) {
        throw splicer.error(`cannot set ${shown}: ${where} has ${node.items.length} items, no [${segment}]`, node);
      }
      if (last) return replace(splicer, item as Node, node.flow === true, value, path, typed);
      node = item;
      continue;
    }
    if (!isMap(node)) {
      const what = node === null || node === undefined || (isScalar(node) && node.value === null) ? 'empty' : 'not a mapping';
      throw splicer.error(`cannot set ${shown}: ${where} is ${what}`, isNode(node) ? node : null);
    }
    const pair = findPair(splicer.doc, node, segment);
    if (last) {
      if (pair) return replace(splicer, pair.value as Node, node.flow === true, value, path, typed);
      splicer.addPair(node, segment, { scalar: value, keepTypeOf: typed === undefined ? canonicalScalar(value) : typed });
      return { path, previous: null, changed: true };
    }
    if (!pair) {
      throw splicer.error(
        `cannot set ${shown}: ${formatPath(path.slice(0, i + 1))} does not exist (only the last key of a path is added)`,
        node,
      );
    }
    node = pair.value;
  }
  throw new Error('unreachable');
}

function replace(
  splicer: YamlSplicer,
  node: Node | null,
  flow: boolean,
  value: string,
  path: readonly PathSegment[],
  typedValue?: unknown,
): ValueEditResult {
  if (!node) throw splicer.error(`cannot locate the value of ${formatPath(path)}`);
  if (isMap(node) || isSeq(node)) {
    throw splicer.error(`cannot set ${formatPath(path)}: it is a ${isMap(node) ? 'mapping' : 'sequence'}, not a scalar`, node);
  }
  const previous = splicer.text(node);
  if (previous === value) return { path, previous, changed: false };
  const empty = isScalar(node) && (node.value === null || node.value === undefined);
  const plainNonString = !empty && isScalar(node) && node.type === 'PLAIN' && typeof node.value !== 'string';
  // A number or boolean stays one; an empty value takes the type the source gives.
  const typed = plainNonString ? node.value : empty ? (typedValue === undefined ? canonicalScalar(value) : typedValue) : undefined;
  splicer.setScalar(node, value, { flow, keepTypeOf: typed });
  return { path, previous, changed: true };
}

function unescapedIndexOf(text: string, char: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === char) return i;
  }
  return -1;
}

/** A dotted path as `set` lines write it (`image.tag`, `containers[0].image`); bad ones fail with `input`. */
export function parseValuePath(text: string, input: string, line: string, expected: string): PathSegment[] {
  return parsePath(text, (detail) => {
    throw new InputError(input, line, expected, detail);
  });
}

/** `a.b\.c[0].d` -> ['a', 'b.c', 0, 'd']. */
function parsePath(text: string, fail: (detail: string) => never): PathSegment[] {
  if (text === '') fail('the path is empty');
  const path: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    let key = '';
    while (i < text.length && text[i] !== '.' && text[i] !== '[') {
      if (text[i] === ']') fail(`unexpected "]" at position ${i + 1} of the path`);
      if (text[i] === '\\') {
        if (i + 1 >= text.length) fail('the path ends with a lone "\\"');
        i++;
      }
      key += text[i];
      i++;
    }
    if (key !== '') path.push(key);
    let indexed = false;
    while (text[i] === '[') {
      const close = text.indexOf(']', i);
      const digits = close < 0 ? '' : text.slice(i + 1, close);
      if (!/^(?:0|[1-9][0-9]*)$/.test(digits) || digits.length > MAX_INDEX_DIGITS) {
        fail(`"[${digits}" is not a sequence index like [0]`);
      }
      path.push(Number(digits));
      i = close + 1;
      indexed = true;
    }
    if (key === '' && !indexed) fail('the path has an empty key (".." or a leading/trailing ".")');
    if (i < text.length) {
      if (text[i] !== '.') fail(`expected "." or "[" after "]" at position ${i + 1} of the path`);
      i++;
      if (i === text.length) fail('the path has an empty key (".." or a leading/trailing ".")');
    }
  }
  return path;
}

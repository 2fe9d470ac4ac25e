/**
 * A fast reader for the plain subset of YAML most service manifests are written in: block
 * mappings two levels deep under `services`, values that are strings, lists of strings (flow
 * `[a, 'b']` or block `- a`) or empty. Cold, the `yaml` library takes ~150 ms on a 2,000-service
 * manifest; this takes a few. It answers only when the text is certainly in the subset and
 * means what `yaml` would make of it; otherwise it returns undefined and the caller parses
 * with `yaml`, which also reports every error (with its line).
 */

export type PlainValue = string | string[] | null;

export interface PlainEntry {
  key: string;
  /** 1-based line of the key. */
  line: number;
}

export interface PlainService extends PlainEntry {
  entry: Record<string, PlainValue>;
}

export interface PlainManifest {
  keys: PlainEntry[];
  /** undefined when there is no `global` key. */
  global?: { value: PlainValue; line: number };
  services?: { line: number; items: PlainService[] };
}

// A key that yaml reads as this same string (no number, boolean, null or prototype key).
const KEY = /^[A-Za-z_][A-Za-z0-9._-]*$/;
// Plain scalars starting with a letter, `_` or `/` are strings in YAML 1.2's core schema,
// except these words.
const NOT_STRINGS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const BLOCK_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./+@=*: -]*$/;
const FLOW_PLAIN = /^[A-Za-z_/][A-Za-z0-9_./+@=*-]*$/;

interface Line {
  number: number;
  indent: number;
  text: string;
}

export function readPlainManifest(text: string): PlainManifest | undefined {
  if (/[\t\r\0\uFEFF]/.test(text)) return undefined;
  const lines: Line[] = [];
  const raw = text.split('\n');
  for (let index = 0; index < raw.length; index++) {
    const line = raw[index] as string;
    const content = line.trimStart();
    if (content === '' || content.startsWith('#')) continue;
    lines.push({ number: index + 1, indent: line.length - content.length, text: content.trimEnd() });
  }
  const manifest: PlainManifest = { keys: [] };
  const seen = new Set<string>();
  let at = 0;
  while (at < lines.length) {
    const line = lines[at] as Line;
    if (line.indent !== 0) return undefined;
    const pair = keyValue(line.text);
    if (!pair || seen.has(pair.key)) return undefined;
    seen.add(pair.key);
    manifest.keys.push({ key: pair.key, line: line.number });
    at++;
    if (pair.key === 'services') {
      if (pair.rest !== '') return undefined;
      const items: PlainService[] = [];
      const names = new Set<string>();
      const serviceIndent = lines[at]?.indent ?? 0;
      if (serviceIndent === 0) return undefined;
      while (at < lines.length && (lines[at] as Line).indent > 0) {
        const serviceLine = lines[at] as Line;
        if (serviceLine.indent !== serviceIndent) return undefined;
        const service = keyValue(serviceLine.text);
        if (service?.rest !== '' || names.has(service.key)) return undefined;
        names.add(service.key);
        at++;
        const entry: Record<string, PlainValue> = {};
        const fieldIndent = lines[at]?.indent ?? 0;
        if (fieldIndent <= serviceIndent) return undefined; // an empty entry: yaml's message
        while (at < lines.length && (lines[at] as Line).indent > serviceIndent) {
          const fieldLine = lines[at] as Line;
          if (fieldLine.indent !== fieldIndent) return undefined;
          const field = keyValue(fieldLine.text);
          if (!field || Object.hasOwn(entry, field.key)) return undefined;
          at++;
          const read = value(field.rest, lines, at, fieldIndent);
          if (!read) return undefined;
          entry[field.key] = read.value;
          at = read.next;
        }
        items.push({ key: service.key, line: serviceLine.number, entry });
      }
      manifest.services = { line: line.number, items };
    } else if (pair.key === 'global') {
      const read = value(pair.rest, lines, at, 0);
      if (!read) return undefined;
      manifest.global = { value: read.value, line: line.number };
      at = read.next;
    } else {
      return undefined;
    }
  }
  return manifest;
}

function keyValue(text: string): { key: string; rest: string } | undefined {
  const colon = text.indexOf(':');
  if (colon === -1) return undefined;
  const key = text.slice(0, colon);
  if (!KEY.test(key) || NOT_STRINGS.has(key) || key === '__proto__') return undefined;
  const after = text.slice(colon + 1);
  if (after !== '' && !after.startsWith(' ')) return undefined;
  return { key, rest: after.trim() };
}

/** The value after `key:` (`rest`), or a block list on the lines below it (deeper than `indent`). */
function value(rest: string, lines: readonly Line[], at: number, indent: number): { value: PlainValue; next: number } | undefined {
  if (rest === '') {
    const items: string[] = [];
    let next = at;
    const itemIndent = lines[next]?.indent ?? 0;
    while (next < lines.length && (lines[next] as Line).indent > indent) {
      const line = lines[next] as Line;
      if (line.indent !== itemIndent || !line.text.startsWith('- ')) return undefined;
      const item = scalar(line.text.slice(2).trim(), BLOCK_PLAIN);
      if (item === undefined) return undefined;
      items.push(item);
      next++;
    }
    return { value: next === at ? null : items, next };
  }
  if (rest.startsWith('[')) {
    const items = flowList(rest);
    return items ? { value: items, next: at } : undefined;
  }
  const item = scalar(rest, BLOCK_PLAIN);
  return item === undefined ? undefined : { value: item, next: at };
}

/** A quoted scalar (with nothing but a comment after it) or a plain one the given pattern accepts. */
function scalar(text: string, plain: RegExp): string | undefined {
  const quoted = quotedAt(text, 0);
  if (quoted) return isComment(text.slice(quoted.end)) ? quoted.value : undefined;
  if (!plain.test(text) || NOT_STRINGS.has(text) || text.includes(': ') || text.endsWith(':')) return undefined;
  return text;
}

function isComment(tail: string): boolean {
  return tail === '' || /^ +#/.test(tail);
}

/** `'…'` ('' is a quote) or `"…"` without escapes, starting at `start`. */
function quotedAt(text: string, start: number): { value: string; end: number } | undefined {
  const quote = text.charAt(start);
  if (quote === '"') {
    const close = text.indexOf('"', start + 1);
    const body = text.slice(start + 1, close);
    if (close === -1 || body.includes('\\')) return undefined;
    return { value: body, end: close + 1 };
  }
  if (quote !== "'") return undefined;
  let value = '';
  for (let index = start + 1; index < text.length; index++) {
    const char = text.charAt(index);
    if (char !== "'") {
      value += char;
      continue;
    }
    if (text.charAt(index + 1) !== "'") return { value, end: index + 1 };
    value += "'";
    index++;
  }
  return undefined;
}

/** `[a, 'b', "c"]` on one line, optionally followed by a comment. */
function flowList(text: string): string[] | undefined {
  const items: string[] = [];
  let index = 1;
  const skipSpaces = () => {
    while (text.charAt(index) === ' ') index++;
  };
  skipSpaces();
  if (text.charAt(index) === ']') return isComment(text.slice(index + 1)) ? items : undefined;
  for (;;) {
    skipSpaces();
    const quoted = quotedAt(text, index);
    if (quoted) {
      items.push(quoted.value);
      index = quoted.end;
    } else {
      let end = index;
      while (end < text.length && !',] '.includes(text.charAt(end))) end++;
      const item = text.slice(index, end);
      if (!FLOW_PLAIN.test(item) || NOT_STRINGS.has(item)) return undefined;
      items.push(item);
      index = end;
    }
    skipSpaces();
    const separator = text.charAt(index++);
    if (separator === ']') return isComment(text.slice(index)) ? items : undefined;
    if (separator !== ',') return undefined;
  }
}

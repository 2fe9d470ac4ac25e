/**
 * Byte-preserving YAML edits. The file is parsed once with `yaml` (for structure and source
 * ranges) and the output is the ORIGINAL text with a few ranges replaced: whatever is not an
 * edited value — comments, order, quoting, indentation, blank lines, anchors, flow style,
 * CRLF, document markers, the final newline or its absence — survives byte for byte.
 *
 * Used by the kustomization (`images[]`) and Helm values editors; pure, no I/O.
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  type Scalar,
  visit,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { FileError } from '../errors.js';

export type ScalarStyle = Scalar.Type;

/**
 * A value to write where none exists yet. Scalars are written as strings unless `keepTypeOf`
 * is a number or boolean that the text writes canonically (then plain: `answer: 42`).
 */
export type NewNode =
  | { readonly scalar: string; readonly style?: ScalarStyle; readonly keepTypeOf?: unknown }
  | { readonly map: ReadonlyArray<readonly [string, NewNode]>; readonly flow?: boolean }
  | { readonly seq: readonly NewNode[]; readonly flow?: boolean };

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Goes before other inserts at the same offset (a value filled in before a pair added after it). */
  readonly first?: boolean;
}

export interface ScalarWriteOptions {
  /** Quoting to keep (the style of the value being replaced); plain when absent. */
  style?: ScalarStyle | undefined;
  /** Inside a flow collection, where `,[]{}` end a plain scalar. */
  flow?: boolean;
  /**
   * The current value of a plain, non-string scalar (number or boolean) whose type should be
   * kept: `replicas: 2` may become `replicas: 3`. Without it, the written scalar always
   * reads back as a string.
   */
  keepTypeOf?: unknown;
}

type Range3 = [number, number, number];

/** Parses one YAML document; any error becomes a FileError with the line of the problem. */
export function parseYaml(content: string, file: string): Document.Parsed {
  // kustomize refuses such files too: a NUL byte means binary, not YAML.
  const nul = content.indexOf('\0');
  if (nul >= 0) throw new FileError(file, 'contains a NUL byte: not a YAML file, nothing was changed', lineAt(content, nul));
  const doc = parseDocument(content, { prettyErrors: false, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    throw new FileError(file, `invalid YAML: ${error.message}`, lineAt(content, error.pos[0]));
  }
  return doc;
}

/** 1-based line number of an offset. */
export function lineAt(content: string, offset: number): number {
  let line = 1;
  for (let i = content.indexOf('\n'); i >= 0 && i < offset; i = content.indexOf('\n', i + 1)) line++;
  return line;
}

export function rangeOf(node: Node): Range3 {
  if (!node.range) throw new Error('yaml node without a source range');
  return node.range;
}

/**
 * The string a consumer reads from a scalar: for a plain scalar its source text, as Go's
 * YAML decoder does for a string field (`newTag: 1.10` is "1.10", not 1.1). Aliases are
 * followed. null for an empty/null value and for anything that is not a scalar.
 */
export function scalarText(doc: Document.Parsed, node: unknown): string | null {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (!isScalar(target) || target.value === null || target.value === undefined) return null;
  if (target.type === 'PLAIN' && typeof target.source === 'string') return target.source;
  return String(target.value);
}

/** A value that can be read and replaced as a scalar: absent, a scalar, or an alias of one. */
export function isScalarLike(doc: Document.Parsed, node: unknown): boolean {
  if (node === null || node === undefined) return true;
  return isScalar(isAlias(node) ? node.resolve(doc) : node);
}

/** The string key of a pair (plain keys by source text), or null for a complex key. */
export function keyText(doc: Document.Parsed, pair: Pair): string | null {
  return isScalar(pair.key) ? scalarText(doc, pair.key) : null;
}

export function findPair(doc: Document.Parsed, map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(doc, pair) === key);
}

/**
 * Collects edits against one parsed document and applies them in one pass.
 * Edits must not overlap; removals of several pairs from one mapping go through one
 * `removePairs` call for that reason.
 */
export class YamlSplicer {
  readonly doc: Document.Parsed;
  readonly eol: '\n' | '\r\n';
  private readonly edits: TextEdit[] = [];
  private indents?: { map: number; seq: number };
  private aliased?: Set<string>;

  constructor(
    readonly content: string,
    readonly file: string,
  ) {
    this.doc = parseYaml(content, file);
    const newline = content.indexOf('\n');
    this.eol = newline > 0 && content[newline - 1] === '\r' ? '\r\n' : '\n';
  }

  /** A FileError pointing at a node (or offset) of this file. */
  error(message: string, at?: Node | number | null): FileError {
    const offset = typeof at === 'number' ? at : at?.range?.[0];
    return new FileError(this.file, message, offset === undefined ? undefined : lineAt(this.content, offset));
  }

  text(node: unknown): string | null {
    return scalarText(this.doc, node);
  }

  /** The original text if nothing was edited, else the spliced text. */
  result(): string {
    if (this.edits.length === 0) return this.content;
    const edits = this.edits.map((edit, order) => ({ edit, order }));
    // Stable by start: several inserts at one point keep the order they were made in.
    edits.sort((a, b) => a.edit.start - b.edit.start || Number(Boolean(b.edit.first)) - Number(Boolean(a.edit.first)) || a.order - b.order);
    let out = '';
    let cursor = 0;
    for (const { edit } of edits) {
      if (edit.start < cursor) throw new Error(`overlapping YAML edits in ${this.file}`);
      out += this.content.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return out + this.content.slice(cursor);
  }

  /** Replaces the value of a mapping pair with a string scalar (see `setScalar`). */
  setPairValue(map: YAMLMap, pair: Pair, value: string, options: Pick<ScalarWriteOptions, 'keepTypeOf'> = {}): void {
    const node = pair.value as Node | null;
    if (!node) throw this.error('cannot locate the value to edit', pair.key as Node);
    this.setScalar(node, value, { ...options, flow: map.flow === true });
  }

  /**
   * Replaces a scalar (or alias, or empty value) with a string scalar, keeping the quoting
   * style of the value it replaces when the new string can be written in it, and its anchor,
   * which sits outside the value's range. An alias is replaced, its anchor left untouched.
   */
  setScalar(node: Node, value: string, options: Omit<ScalarWriteOptions, 'style'>): void {
    if (!isScalarLike(this.doc, node)) throw this.error('expected a scalar value, found a collection', node);
    this.assertNotAliased(node);
    const [start, valueEnd] = rangeOf(node);
    if (start === valueEnd) {
      // `key:` or `-` with no value: the range is the empty spot after the indicator.
      const text = renderScalar(value, options);
      const before = this.content[start - 1];
      this.edits.push({ start, end: start, text: before === ':' || before === '-' ? ` ${text}` : text, first: true });
      return;
    }
    const style = isScalar(node) ? node.type : undefined;
    const block = style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED';
    const text = renderScalar(value, { ...options, style: block ? 'PLAIN' : style });
    // A block scalar's range ends after its last line break(s): leave them in place.
    const breaks = block ? (/(?:[ \t]*\r?\n)+$/.exec(this.content.slice(start, valueEnd))?.[0].length ?? 0) : 0;
    this.edits.push({ start, end: valueEnd - breaks, text });
  }

  /** Adds `key: value` at the end of a mapping, in its style (block or flow) and indentation. */
  addPair(map: YAMLMap, key: string, value: NewNode): void {
    if (map.flow) {
      this.insertIntoFlow(map, `${renderScalar(key, { flow: true })}: ${this.inline(value, true)}`);
      return;
    }
    const first = map.items[0];
    if (!first) throw this.error('cannot add to an empty block mapping', map);
    this.insertLines(map, this.pairLines(key, value, this.column(rangeOf(first.key as Node)[0])));
  }

  /** Removes pairs from a mapping (all removals of one mapping at once: they may touch). */
  removePairs(map: YAMLMap, pairs: ReadonlySet<Pair>): void {
    const items = map.items;
    for (let i = 0; i < items.length; i++) {
      if (!pairs.has(items[i] as Pair)) continue;
      let j = i;
      while (j + 1 < items.length && pairs.has(items[j + 1] as Pair)) j++;
      for (let k = i; k <= j; k++) this.assertNotAliased(items[k]?.value as Node | null);
      this.edits.push(this.removalOfRun(map, i, j));
      i = j;
    }
  }

  /** Appends an item to a sequence, in its style (block or flow) and indentation. */
  appendItem(seq: YAMLSeq, item: NewNode): void {
    if (seq.flow) {
      this.insertIntoFlow(seq, this.inline(item, true));
      return;
    }
    const dashColumn = this.column(rangeOf(seq)[0]);
    this.insertLines(seq, this.seqItemLines(item, dashColumn, this.itemOffset(seq, dashColumn)));
  }

  /**
   * Gives an empty (null) mapping value a value: `images:` or `images: ~` becomes
   * `images:` followed by the rendered block, or `images: [...]` inside a flow mapping.
   */
  setEmptyValue(pair: Pair, value: NewNode, parentFlow: boolean): void {
    const node = pair.value as Node | null;
    if (!node) throw this.error('cannot locate the value to edit', pair.key as Node);
    this.assertNotAliased(node);
    const [start, valueEnd, nodeEnd] = rangeOf(node);
    const inline = this.inlineOrNull(value, parentFlow);
    if (inline !== null) {
      const text = this.content[start - 1] === ':' ? ` ${inline}` : inline;
      this.edits.push({ start, end: valueEnd, text });
      return;
    }
    // Drop ` ~`/` null` (not a trailing comment), then put the block on the following lines.
    let cut = start;
    while (cut > 0 && (this.content[cut - 1] === ' ' || this.content[cut - 1] === '\t')) cut--;
    if (valueEnd > start) this.edits.push({ start: cut, end: valueEnd, text: '' });
    const keyColumn = this.column(rangeOf(pair.key as Node)[0]);
    const lines = this.collectionLines(value, keyColumn + this.childIndent(value));
    this.edits.push({ start: this.contentEnd(nodeEnd), end: this.contentEnd(nodeEnd), text: this.eolJoin(lines) });
  }

  // --- rendering -------------------------------------------------------------------------

  /** Text of a new node in a flow context. */
  private inline(node: NewNode, flow: boolean): string {
    const text = this.inlineOrNull(node, flow);
    if (text === null) throw new Error('block node in a flow context');
    return text;
  }

  /** Indentation of nested mappings and sequences, learnt from the file (kyaml's style by default). */
  private childIndent(node: NewNode): number {
    this.indents ??= this.detectIndents();
    return 'seq' in node ? this.indents.seq : this.indents.map;
  }

  private inlineOrNull(node: NewNode, flow: boolean): string | null {
    if ('scalar' in node) return renderScalar(node.scalar, { style: node.style, flow, keepTypeOf: node.keepTypeOf });
    if ('map' in node) {
      if (!(flow || node.flow || node.map.length === 0)) return null;
      const pairs = node.map.map(([k, v]) => `${renderScalar(k, { flow: true })}: ${this.inline(v, true)}`);
      return `{${pairs.join(', ')}}`;
    }
    if (!(flow || node.flow || node.seq.length === 0)) return null;
    return `[${node.seq.map((item) => this.inline(item, true)).join(', ')}]`;
  }

  private pairLines(key: string, value: NewNode, indent: number): string[] {
    const head = `${' '.repeat(indent)}${renderScalar(key, {})}:`;
    const inline = this.inlineOrNull(value, false);
    if (inline !== null) return [`${head} ${inline}`];
    return [head, ...this.collectionLines(value, indent + this.childIndent(value))];
  }

  private collectionLines(node: NewNode, indent: number): string[] {
    if ('map' in node) return node.map.flatMap(([k, v]) => this.pairLines(k, v, indent));
    if ('seq' in node) return node.seq.flatMap((item) => this.seqItemLines(item, indent, 2));
    throw new Error('a scalar has no block lines');
  }

  /** `- item` at `indent`, the item's own lines at indent + offset (offset = 2 for `- `). */
  private seqItemLines(item: NewNode, indent: number, offset: number): string[] {
    const dash = `${' '.repeat(indent)}-${' '.repeat(offset - 1)}`;
    const inline = this.inlineOrNull(item, false);
    if (inline !== null) return [`${dash}${inline}`];
    const [first = '', ...rest] = this.collectionLines(item, indent + offset);
    return [dash + first.slice(indent + offset), ...rest];
  }

  // --- positions -------------------------------------------------------------------------

  /** Column of an offset (a leading BOM is not indentation). */
  private column(offset: number): number {
    const lineStart = this.content.lastIndexOf('\n', offset - 1) + 1;
    return offset - lineStart - (lineStart === 0 && this.content.charCodeAt(0) === 0xfeff ? 1 : 0);
  }

  /** The offset before the line break a node range ends with (if it ends with one). */
  private contentEnd(offset: number): number {
    let end = offset;
    if (this.content[end - 1] === '\n') end--;
    if (this.content[end - 1] === '\r') end--;
    return end;
  }

  private eolJoin(lines: readonly string[]): string {
    return lines.map((line) => this.eol + line).join('');
  }

  /**
   * New lines right after the last item of a block collection — before comments and blank
   * lines that follow it, which usually introduce what comes next. A missing final newline
   * stays missing.
   */
  private insertLines(collection: YAMLMap | YAMLSeq, lines: readonly string[]): void {
    const last = (collection.items as Array<Pair | Node>).at(-1);
    const at =
      last === undefined
        ? this.contentEnd(rangeOf(collection)[2])
        : isPairLike(last)
          ? this.pairEnd(last, false)
          : this.contentEnd(rangeOf(last)[2]);
    this.edits.push({ start: at, end: at, text: this.eolJoin(lines) });
  }

  /** Columns between `-` and the item of the sequence's first item (2 for `- name: a`). */
  private itemOffset(seq: YAMLSeq, dashColumn: number): number {
    const start = (seq.items[0] as Node | undefined)?.range?.[0];
    if (start === undefined) return 2;
    const sameLine = !this.content.slice(rangeOf(seq)[0], start).includes('\n');
    const offset = this.column(start) - dashColumn;
    return sameLine && offset >= 2 ? offset : 2;
  }

  private removalOfRun(map: YAMLMap, i: number, j: number): TextEdit {
    const items = map.items;
    const start = (pair: Pair | undefined): number => rangeOf(pair?.key as Node)[0];
    const next = items[j + 1];
    if (i === 0) {
      // The first pair shares its line with `- ` or `{`: cut up to the next key instead.
      if (next) return { start: start(items[0]), end: start(next), text: '' };
      return { start: start(items[0]), end: this.pairEnd(items[j] as Pair, map.flow), text: '' };
    }
    if (map.flow) return { start: this.pairEnd(items[i - 1] as Pair, true), end: this.pairEnd(items[j] as Pair, true), text: '' };
    // Block: from the line break before the first removed key, so the line break after the
    // last removed value (or its absence at the end of the file) stays.
    const lineStart = this.content.lastIndexOf('\n', start(items[i]) - 1);
    const from = this.content[lineStart - 1] === '\r' ? lineStart - 1 : lineStart;
    return { start: from, end: this.pairEnd(items[j] as Pair, false), text: '' };
  }

  /**
   * End of a pair: its value (with a trailing comment, in block style) or its key. A one-line
   * scalar ends with its line: comment lines below it (which the parser counts as its own when
   * they are indented deeper) are the reader's, not the pair's.
   */
  private pairEnd(pair: Pair, flow: boolean | undefined): number {
    const keyEnd = rangeOf(pair.key as Node)[1];
    const value = pair.value as Node | null;
    if (!value?.range) return keyEnd;
    if (flow) return Math.max(keyEnd, value.range[1]);
    const oneLine = isScalar(value) && value.type !== 'BLOCK_LITERAL' && value.type !== 'BLOCK_FOLDED';
    if (oneLine && !this.content.slice(value.range[0], value.range[1]).includes('\n')) {
      const rest = /^[ \t]*(?:#[^\r\n]*)?/.exec(this.content.slice(value.range[1]))?.[0] ?? '';
      return Math.max(keyEnd, value.range[1] + rest.length);
    }
    return Math.max(keyEnd, this.contentEnd(value.range[2]));
  }

  /** Inserts an item into a flow collection after its last item, matching one-line or one-item-per-line layout. */
  private insertIntoFlow(collection: YAMLMap | YAMLSeq, text: string): void {
    const items = collection.items as Array<Pair | Node>;
    const last = items.at(-1);
    if (last === undefined) {
      const open = rangeOf(collection)[0] + 1;
      this.edits.push({ start: open, end: open, text });
      return;
    }
    const startOf = (item: Pair | Node): number => rangeOf(isPairLike(item) ? (item.key as Node) : item)[0];
    const lastEnd = isPairLike(last) ? this.pairEnd(last, true) : rangeOf(last)[1];
    const multiline = this.content.slice(rangeOf(collection)[0], startOf(items[0] as Pair | Node)).includes('\n');
    if (!multiline) {
      this.edits.push({ start: lastEnd, end: lastEnd, text: `, ${text}` });
      return;
    }
    const indent = ' '.repeat(this.column(startOf(last)));
    const comma = /^\s*,/.exec(this.content.slice(lastEnd));
    const afterComma = lastEnd + (comma?.[0].length ?? 0);
    // A comment closing the last item's line stays on that line; the new item goes below it.
    const lineEnd = afterComma + (/^[ \t]*#[^\r\n]*/.exec(this.content.slice(afterComma))?.[0].length ?? 0);
    if (comma) {
      this.edits.push({ start: lineEnd, end: lineEnd, text: `${this.eol}${indent}${text},` });
    } else {
      if (lineEnd > lastEnd) this.edits.push({ start: lastEnd, end: lastEnd, text: ',' });
      this.edits.push({ start: lineEnd, end: lineEnd, text: `${lineEnd > lastEnd ? '' : ','}${this.eol}${indent}${text}` });
    }
  }

  /** Refuses an edit inside `node` when it is anchored and an alias uses it (`where` names it). */
  assertNotAliasedHere(node: Node | null | undefined, where: string): void {
    const anchor = (node as { anchor?: string } | null | undefined)?.anchor;
    if (!node || !anchor || !this.aliasedAnchors().has(anchor)) return;
    throw this.error(
      `${where} is anchored (&${anchor}) and used by an alias (*${anchor}); editing inside it would change the alias users too. Edit it by hand or remove the anchor`,
      node,
    );
  }

  private aliasedAnchors(): Set<string> {
    if (!this.aliased) {
      const aliased = new Set<string>();
      if (this.content.includes('*')) visit(this.doc, { Alias: (_, alias) => void aliased.add(alias.source) });
      this.aliased = aliased;
    }
    return this.aliased;
  }

  /**
   * Editing an anchored value in place would also change every alias of it elsewhere in the
   * file; refuse rather than edit more than asked.
   */
  private assertNotAliased(node: Node | null | undefined): void {
    if (!node || !this.content.includes('*')) return;
    if (!this.aliased) {
      const aliased = new Set<string>();
      visit(this.doc, { Alias: (_, alias) => void aliased.add(alias.source) });
      this.aliased = aliased;
    }
    const aliased = this.aliased;
    visit(node, {
      Node: (_, inner) => {
        const anchor = (inner as { anchor?: string }).anchor;
        if (anchor && aliased.has(anchor)) {
          throw this.error(
            `the value is anchored (&${anchor}) and used by an alias (*${anchor}); editing it would change the alias too. Edit it by hand or remove the anchor`,
            inner as Node,
          );
        }
      },
    });
  }

  private detectIndents(): { map: number; seq: number } {
    const found: { map?: number; seq?: number } = {};
    visit(this.doc, {
      Pair: (_, pair) => {
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        if (!key?.range || !value?.range || (!isMap(value) && !isSeq(value)) || value.flow) return;
        const indent = this.column(value.range[0]) - this.column(key.range[0]);
        if (isMap(value) && found.map === undefined && indent > 0) found.map = indent;
        if (isSeq(value) && found.seq === undefined && indent >= 0) found.seq = indent;
        return found.map !== undefined && found.seq !== undefined ? visit.BREAK : undefined;
      },
    });
    return { map: found.map ?? 2, seq: found.seq ?? 0 };
  }
}

function isPairLike(item: unknown): item is Pair {
  return typeof item === 'object' && item !== null && 'key' in item && 'value' in item;
}

// --- scalars -----------------------------------------------------------------------------

/**
 * Renders a string as a YAML scalar: in the requested style when it can hold the string,
 * plain only when a YAML 1.2 AND a YAML 1.1 reader (Go tools, older parsers) read it back as
 * the same string — so `1.10`, `1e3`, `true`, `yes`, `0x1F`, `null`, `~` and `` are quoted.
 */
export function renderScalar(value: string, options: ScalarWriteOptions): string {
  const style = options.style ?? 'PLAIN';
  if (style === 'QUOTE_SINGLE' && fitsSingleQuotes(value)) {
    return `'${value.replaceAll("'", "''")}'`;
  }
  if (style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE' && isPlainSafe(value, options)) return value;
  return doubleQuoted(value);
}

/** Single quotes fold line breaks and cannot escape, so they only carry printable text. */
function fitsSingleQuotes(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff) return false;
  }
  return true;
}

function doubleQuoted(value: string): string {
  // JSON strings are YAML double-quoted scalars; also escape what YAML does not print.
  return JSON.stringify(value).replace(
    /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const plainCache = new Map<string, boolean>();

function isPlainSafe(value: string, options: ScalarWriteOptions): boolean {
  if (value === '' || /[\r\n]/.test(value)) return false;
  const flow = options.flow === true;
  const keep = options.keepTypeOf;
  const typed = typeof keep === 'number' || typeof keep === 'boolean' ? typeof keep : 'string';
  const cacheKey = `${flow ? 'f' : 'b'}${typed[0]}${value}`;
  let safe = plainCache.get(cacheKey);
  if (safe === undefined) {
    safe = readsBackAs(value, flow, 'string') || (typed !== 'string' && readsBackAs(value, flow, typed));
    if (plainCache.size > 10_000) plainCache.clear();
    plainCache.set(cacheKey, safe);
  }
  return safe;
}

/** Whether `value` written plain, in context, reads back (1.2 and 1.1) as itself with that type. */
function readsBackAs(value: string, flow: boolean, type: string): boolean {
  return (['1.2', '1.1'] as const).every((version) => {
    const doc = parseDocument(flow ? `[${value}]` : `_: ${value}`, { version, prettyErrors: false });
    const collection = doc.contents;
    if (doc.errors.length > 0 || !(isSeq(collection) || isMap(collection)) || collection.items.length !== 1) return false;
    const item = collection.items[0];
    const node = isPairLike(item) ? item.value : item;
    if (!isScalar(node) || node.type !== 'PLAIN') return false;
    if (type === 'string') return node.value === value;
    return typeof node.value === type && String(node.value) === value;
  });
}

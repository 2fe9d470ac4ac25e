import { randomUUID } from 'node:crypto';

/**
 * Large documents (20,000 findings) serialised list item by list item: each item becomes text
 * as soon as it is made (built from its parts with `json`, not as an object to stringify) and
 * goes straight to the sink, so neither an object tree nor the whole text is ever in memory at
 * once. What reaches the sink is byte for byte `JSON.stringify(document)`.
 */
// A fresh nonce per process: no text in a report can spell a slot and be taken for one.
const MARK = `\u0000aegis-list-${randomUUID()}:`;

/** Where text goes: a file (in chunks), or a string in tests. */
export interface TextSink {
  write(text: string): void;
}

/**
 * One value as JSON text, for writers that build an item's text from its parts: the same bytes
 * `JSON.stringify` gives the value inside an object (callers never pass undefined).
 */
export function json(value: unknown): string {
  if (typeof value === 'string') return `"${escapeText(value)}"`;
  // JSON.stringify writes a number as String does, and null for what JSON cannot hold.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return JSON.stringify(value);
}

/**
 * A text as it stands between the quotes of a JSON string: `JSON.stringify(text)` without its
 * quotes. Writers compose a string's text from escaped parts (the escapings of the parts,
 * joined, are the escaping of the joined text: the writers always put literal text between two
 * fields, so no surrogate pair is split), and a description quoted in five places of three files
 * is escaped once. Most report strings (ids, versions, names, URLs) need no escaping: a plain
 * loop proves that several times faster than a call into JSON.stringify and returns the text
 * itself, uncopied. Absent values are empty; a number or boolean where the report should have
 * text is its text, anything else its JSON (a field the schemas want as a string stays one).
 */
export function escapeText(value: unknown): string {
  const text = typeof value === 'string' ? value : asText(value);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Control characters, `"`, `\\`, and surrogates (JSON.stringify escapes a lone one).
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code & 0xf800) === 0xd800) return JSON.stringify(text).slice(1, -1);
  }
  return text;
}

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // JSON.parse made it, so it has no cycles, BigInts or functions: JSON.stringify cannot throw.
  return JSON.stringify(value) ?? '';
}

/** `escapeText` of each value, in order (a tuple of the same length). */
export function escapeTexts<T extends unknown[]>(...values: T): { [K in keyof T]: string } {
  return values.map(escapeText) as { [K in keyof T]: string };
}

/** A placeholder for list `name` inside an envelope given to `writeDocument`. */
export function listSlot(name: string): never {
  return `${MARK}${name}` as never;
}

/** Writes `JSON.stringify(envelope)` with each `listSlot(name)` replaced by the items of `lists[name]`, already text. */
export function writeDocument(out: TextSink, envelope: unknown, lists: Record<string, Iterable<string>>): void {
  const text = JSON.stringify(envelope);
  const slots = Object.entries(lists)
    .map(([name, items]) => {
      const slot = JSON.stringify(`${MARK}${name}`);
      const at = text.indexOf(slot);
      if (at < 0) throw new Error(`writeDocument: no slot for list ${name}`);
      return { at, length: slot.length, items };
    })
    .sort((a, b) => a.at - b.at);
  let from = 0;
  for (const { at, length, items } of slots) {
    out.write(`${text.slice(from, at)}[`);
    let first = true;
    for (const item of items) {
      out.write(first ? item : `,${item}`);
      first = false;
    }
    out.write(']');
    from = at + length;
  }
  out.write(text.slice(from));
}

/** What a writer writes, as one string (tests, small documents). */
export function collect(write: (out: TextSink) => void): string {
  const parts: string[] = [];
  write({ write: (text) => parts.push(text) });
  return parts.join('');
}

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
export const json: (value: unknown) => string = JSON.stringify;

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

/**
 * Large documents (20,000 findings) serialised list item by list item: each item becomes text
 * as soon as it is made, so the whole object tree never lives at once (the garbage collector
 * then has strings to keep, not a graph to trace), and the lists are spliced into the small
 * envelope's text. The result is byte for byte `JSON.stringify(document)`.
 */
const MARK = '\u0000aegis-list:';

/** Turns one list item into what the list holds: the object itself, or its JSON text. */
export type ItemSink<T> = (item: object) => T;

export const asObject: ItemSink<object> = (item) => item;
export const asText: ItemSink<string> = (item) => JSON.stringify(item);

/** A placeholder for list `name` inside an envelope given to `documentText`. */
export function listSlot(name: string): never {
  return `${MARK}${name}` as never;
}

/** `JSON.stringify(envelope)` with each `listSlot(name)` replaced by the items of `lists[name]`, already text. */
export function documentText(envelope: unknown, lists: Record<string, readonly string[]>): string {
  let text = JSON.stringify(envelope);
  for (const [name, items] of Object.entries(lists)) {
    const slot = JSON.stringify(`${MARK}${name}`);
    const at = text.indexOf(slot);
    if (at < 0) throw new Error(`documentText: no slot for list ${name}`);
    text = `${text.slice(0, at)}[${items.join(',')}]${text.slice(at + slot.length)}`;
  }
  return text;
}

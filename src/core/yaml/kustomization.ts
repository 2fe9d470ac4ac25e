/**
 * `kustomize edit set image` as a byte-preserving edit of a kustomization's `images:` list.
 *
 * What happens to an entry follows kustomize v5 (kustomize/commands/edit/set/setimage.go,
 * RunSetImage): the override REPLACES the entry — newName, newTag and digest become exactly
 * what the line gives, so a field it does not give is removed (`app:1.2` drops a digest and
 * a newName; `app@sha256:…` drops a tag; a `tagSuffix` goes too) — except that `*` keeps the
 * entry's current value (and `:*` its tagSuffix).
 * An image not yet listed is appended (kustomize adds it too) unless `addMissing` is false.
 * Unlike kustomize, the list is not re-sorted and nothing else in the file is rewritten.
 */
import { isMap, isNode, isScalar, isSeq, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { InputError } from '../errors.js';
import type { ImageOverride } from '../images/image-line.js';
import { findPair, isScalarLike, keyText, type NewNode, type ScalarStyle, YamlSplicer } from './splice.js';

/** The override fields of one `images[]` entry; an absent field is not set. */
export interface ImageFields {
  newName?: string;
  newTag?: string;
  digest?: string;
}

export interface ImageChange {
  file: string;
  name: string;
  /** null: the entry did not exist and was added. */
  previous: ImageFields | null;
  next: ImageFields;
}

export interface SetImagesOptions {
  /** Path used in changes and error messages. */
  file: string;
  /** Append entries for images the file does not list yet (default true, as kustomize does). */
  addMissing?: boolean;
}

const FIELDS = ['newName', 'newTag', 'digest'] as const;
type Field = (typeof FIELDS)[number];

interface ImageEntry {
  name: string;
  index: number;
  map: YAMLMap;
  pairs: Partial<Record<Field, Pair>>;
  fields: ImageFields;
  /** kustomize's `tagSuffix`: dropped when the entry is replaced, as `kustomize edit set image` drops it. */
  tagSuffix?: Pair;
  usesMergeKey: boolean;
}

interface ImagesSection {
  splicer: YamlSplicer;
  root: YAMLMap;
  /** The `images:` pair, if the key exists. */
  pair: Pair | undefined;
  /** The list, if `images` has one (null/empty value: undefined). */
  seq: YAMLSeq | undefined;
  entries: ImageEntry[];
  /** Quoting of new values, learnt from existing entries (see styleOf). */
  styles: Map<Field | 'name', ScalarStyle>;
}

/** The images a kustomization sets today, in file order. */
export function readImages(content: string, file: string): Array<{ name: string } & ImageFields> {
  return loadImages(content, file).entries.map((entry) => ({ name: entry.name, ...entry.fields }));
}

/**
 * Applies image overrides to a kustomization. Returns the identical string and no changes when
 * every entry already says what the overrides say.
 */
export function setImages(
  content: string,
  overrides: readonly ImageOverride[],
  options: SetImagesOptions,
): { content: string; changes: ImageChange[] } {
  const { file, addMissing = true } = options;
  const section = loadImages(content, file);
  const { splicer } = section;
  const entriesByName = new Map<string, ImageEntry[]>();
  for (const entry of section.entries) {
    entriesByName.set(entry.name, [...(entriesByName.get(entry.name) ?? []), entry]);
  }

  const changes: ImageChange[] = [];
  const added: NewNode[] = [];
  const seen = new Set<string>();
  for (const override of overrides) {
    if (seen.has(override.name)) {
      throw new InputError('images', override.line, 'each image name at most once', `'${override.name}' is given twice`);
    }
    seen.add(override.name);
    const matches = entriesByName.get(override.name) ?? [];
    const [entry, duplicate] = matches;
    if (duplicate) {
      throw splicer.error(
        `image '${override.name}' is listed ${matches.length} times in images; kustomize would apply only one — remove the duplicates`,
        duplicate.map,
      );
    }
    if (!entry) {
      if (!addMissing) continue;
      const next = nextFields(override, undefined);
      added.push(newEntry(section, override.name, next));
      changes.push({ file, name: override.name, previous: null, next });
      continue;
    }
    const next = nextFields(override, entry.fields);
    const dropSuffix = entry.tagSuffix !== undefined && !override.keepTag;
    if (FIELDS.every((field) => next[field] === entry.fields[field]) && !dropSuffix) continue;
    editEntry(section, entry, next, dropSuffix);
    changes.push({ file, name: override.name, previous: entry.fields, next });
  }
  if (added.length > 0) appendEntries(section, added);
  return { content: splicer.result(), changes };
}

/** kustomize's rule: the override's fields replace the entry's, `*` keeps the entry's value. */
function nextFields(override: ImageOverride, current: ImageFields | undefined): ImageFields {
  return compact({
    newName: override.keepNewName ? current?.newName : override.newName,
    newTag: override.keepTag ? current?.newTag : override.newTag,
    digest: override.keepDigest ? current?.digest : override.digest,
  });
}

function compact(fields: ImageFields): ImageFields {
  const out: ImageFields = {};
  for (const field of FIELDS) if (fields[field]) out[field] = fields[field];
  return out;
}

function loadImages(content: string, file: string): ImagesSection {
  const splicer = new YamlSplicer(content, file);
  const root = splicer.doc.contents;
  if (!isMap(root)) {
    throw splicer.error('not a kustomization: expected a mapping (apiVersion, kind, resources, …) at the top level', root);
  }
  const pair = findPair(splicer.doc, root, 'images');
  const value = pair?.value;
  const empty = value === null || value === undefined || (isScalar(value) && value.value === null);
  if (!empty && !isSeq(value)) {
    throw splicer.error('`images` must be a list of {name, newName, newTag, digest} entries', isNode(value) ? value : null);
  }
  const seq = isSeq(value) ? value : undefined;
  const entries = (seq?.items ?? []).map((item, index) => readEntry(splicer, item, index));
  return { splicer, root, pair, seq, entries, styles: new Map() };
}

function readEntry(splicer: YamlSplicer, item: unknown, index: number): ImageEntry {
  const where = `images[${index}]`;
  if (!isMap(item)) throw splicer.error(`${where} must be a mapping with a name`, isNode(item) ? item : null);
  const doc = splicer.doc;
  const name = splicer.text(findPair(doc, item, 'name')?.value);
  if (!name) throw splicer.error(`${where} has no name`, item);
  const entry: ImageEntry = {
    name,
    index,
    map: item,
    pairs: {},
    fields: {},
    usesMergeKey: item.items.some((p) => keyText(doc, p) === '<<'),
    tagSuffix: findPair(doc, item, 'tagSuffix'),
  };
  for (const field of FIELDS) {
    const pair = findPair(doc, item, field);
    if (!pair) continue;
    if (!isScalarLike(doc, pair.value)) throw splicer.error(`${where}.${field} (${name}) must be a string`, item);
    entry.pairs[field] = pair;
    const text = splicer.text(pair.value);
    // An empty value means "not set" to kustomize.
    if (text) entry.fields[field] = text;
  }
  return entry;
}

function editEntry(section: ImagesSection, entry: ImageEntry, next: ImageFields, dropSuffix = false): void {
  const { splicer } = section;
  if (entry.usesMergeKey) {
    throw splicer.error(`images[${entry.index}] (${entry.name}) takes fields from a merge key (<<); edit it by hand`, entry.map);
  }
  const removed = new Set<Pair>(dropSuffix && entry.tagSuffix ? [entry.tagSuffix] : []);
  for (const field of FIELDS) {
    const value = next[field];
    const pair = entry.pairs[field];
    if (value === entry.fields[field]) continue;
    if (value === undefined) {
      if (pair) removed.add(pair);
    } else if (pair) {
      splicer.setPairValue(entry.map, pair, value);
    } else {
      splicer.addPair(entry.map, field, { scalar: value, style: styleOf(section, field) });
    }
  }
  if (removed.size > 0) splicer.removePairs(entry.map, removed);
}

function newEntry(section: ImagesSection, name: string, fields: ImageFields): NewNode {
  const pairs: Array<[string, NewNode]> = [['name', { scalar: name, style: styleOf(section, 'name') }]];
  for (const field of FIELDS) {
    const value = fields[field];
    if (value) pairs.push([field, { scalar: value, style: styleOf(section, field) }]);
  }
  // `- {name: a, newTag: "1"}` entries in a block list get company in the same style.
  const last = section.seq?.items.at(-1);
  return { map: pairs, flow: isMap(last) && last.flow === true };
}

function appendEntries(section: ImagesSection, entries: NewNode[]): void {
  const { splicer, root, pair, seq } = section;
  if (seq) {
    for (const entry of entries) splicer.appendItem(seq, entry);
  } else if (pair) {
    splicer.setEmptyValue(pair, { seq: entries }, root.flow === true);
  } else {
    splicer.addPair(root, 'images', { seq: entries });
  }
}

/** Quote a new value like the same field of the nearest existing entry (plain by default). */
function styleOf(section: ImagesSection, field: Field | 'name'): ScalarStyle {
  let style = section.styles.get(field);
  if (style === undefined) {
    style = 'PLAIN';
    for (const entry of section.entries.toReversed()) {
      const value = findPair(section.splicer.doc, entry.map, field)?.value;
      if (!value) continue;
      if (isScalar(value) && (value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE')) style = value.type;
      break;
    }
    section.styles.set(field, style);
  }
  return style;
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { ImageOverride } from '../../src/core/images/image-line.js';
import { readImages, setImages } from '../../src/core/yaml/kustomization.js';

// Random kustomizations (comments, blank lines, quoting styles, key orders, extra keys,
// block or flow images, LF or CRLF, with or without a final newline or `---`), rendered with
// the exact offset of one target value, so the edit can be checked byte for byte.

type Style = 'plain' | 'single' | 'double';
type Field = 'name' | 'newName' | 'newTag' | 'digest';

interface GenValue {
  value: string;
  style: Style;
  comment: boolean;
}
interface GenEntry {
  fields: Array<[Field, GenValue]>;
  blankBefore: boolean;
  commentBefore: boolean;
}
interface GenDoc {
  eol: '\n' | '\r\n';
  finalNewline: boolean;
  docStart: boolean;
  seqIndent: 0 | 2;
  flow: boolean;
  imagesComment: boolean;
  extras: string[][];
  imagesAt: number;
  entries: GenEntry[];
}

/** A piece of a line; `{ target }` marks the bytes of the value under test. */
type Piece = string | { target: string };

const NAMES = ['app', 'api', 'worker', 'registry.example.com/team/web', 'localhost:5000/db', 'nginx', 'ghcr.io/org/tool'];
const TAG = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9._-]{0,12}$/),
  fc.constantFrom('1.10', '1e3', 'true', 'null', 'yes', 'on', '0x1F', '010', '12', '1.0', 'v1.2.3', 'latest', '2024-01-01'),
);
const DIGEST = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => `sha256:${Buffer.from(bytes).toString('hex')}`);
const STYLE = fc.constantFrom<Style>('plain', 'single', 'double');

const value = (arb: fc.Arbitrary<string>): fc.Arbitrary<GenValue> => fc.record({ value: arb, style: STYLE, comment: fc.boolean() });

const entry = (name: string): fc.Arbitrary<GenEntry> =>
  fc
    .record({
      name: value(fc.constant(name)),
      newName: fc.option(value(fc.constantFrom(...NAMES)), { nil: undefined }),
      newTag: value(TAG),
      digest: fc.option(value(DIGEST), { nil: undefined }),
      order: fc.shuffledSubarray(['name', 'newName', 'newTag', 'digest'] as Field[], { minLength: 4, maxLength: 4 }),
      blankBefore: fc.boolean(),
      commentBefore: fc.boolean(),
    })
    .map(({ order, blankBefore, commentBefore, ...fields }) => ({
      fields: order.flatMap((field): Array<[Field, GenValue]> => (fields[field] ? [[field, fields[field]]] : [])),
      blankBefore,
      commentBefore,
    }));

// Always present, so the document is a mapping even without images.
const HEAD = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization'];
const EXTRAS: string[][] = [
  ['resources: # bases', '@- ../../base', '@- service.yaml'],
  ['namespace: dev # ns'],
  ['commonLabels:', '  app.kubernetes.io/name: api'],
  ['patches: []'],
  ['configMapGenerator:', '@- name: cfg', '@  literals:', '@  - A=1'],
  ['# a comment about the overlay'],
  [''],
];

const doc = (minEntries: number): fc.Arbitrary<GenDoc> =>
  fc
    .record({
      eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
      finalNewline: fc.boolean(),
      docStart: fc.boolean(),
      seqIndent: fc.constantFrom<0 | 2>(0, 2),
      flow: fc.boolean(),
      imagesComment: fc.boolean(),
      extras: fc.tuple(fc.shuffledSubarray(EXTRAS), fc.nat()).map(([extras, at]) => extras.toSpliced(at % (extras.length + 1), 0, HEAD)),
      imagesAt: fc.nat(),
      names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: minEntries, maxLength: 5 }),
    })
    .chain(({ names, ...rest }) => fc.tuple(...names.map(entry)).map((entries) => ({ ...rest, entries })));

function quoted(v: GenValue): string {
  if (v.style === 'single') return `'${v.value}'`;
  if (v.style === 'double') return `"${v.value}"`;
  return v.value;
}

/** Renders a document; the newTag of entry `target` is marked. */
function render(d: GenDoc, target = -1): { text: string; offset: number; length: number } {
  const lines: Piece[][] = [];
  const seqPad = ' '.repeat(d.seqIndent);
  const piece = (v: GenValue, marked: boolean): Piece => (marked ? { target: quoted(v) } : quoted(v));
  const images: Piece[][] = [];
  if (d.entries.length > 0) {
    const head = `images:${d.imagesComment ? ' # pinned by CI' : ''}`;
    if (d.flow) {
      const line: Piece[] = ['images: ['];
      d.entries.forEach((e, i) => {
        line.push(i === 0 ? '{' : ', {');
        e.fields.forEach(([field, v], j) => {
          line.push(j === 0 ? '' : ', ', `${field}: `, piece(v, i === target && field === 'newTag'));
        });
        line.push('}');
      });
      line.push(']', d.imagesComment ? ' # pinned by CI' : '');
      images.push(line);
    } else {
      images.push([head]);
      d.entries.forEach((e, i) => {
        if (e.blankBefore) images.push(['']);
        if (e.commentBefore) images.push([`${seqPad}# entry ${i}`]);
        e.fields.forEach(([field, v], j) => {
          const lead = j === 0 ? `${seqPad}- ` : `${seqPad}  `;
          images.push([lead, `${field}: `, piece(v, i === target && field === 'newTag'), v.comment ? ` # ${field}` : '']);
        });
      });
    }
  }
  const blocks = d.extras.map((block) => block.map((line): Piece[] => [line.replace(/^@/, seqPad)]));
  blocks.splice(d.imagesAt % (blocks.length + 1), 0, images);
  if (d.docStart) lines.push(['---']);
  for (const block of blocks) lines.push(...block);

  let text = '';
  let offset = -1;
  let length = 0;
  lines.forEach((line, i) => {
    if (i > 0) text += d.eol;
    for (const p of line) {
      if (typeof p === 'string') {
        text += p;
      } else {
        offset = text.length;
        length = p.target.length;
        text += p.target;
      }
    }
  });
  if (d.finalNewline) text += d.eol;
  return { text, offset, length };
}

const FILE = 'k.yaml';

describe('setImages on random kustomizations', () => {
  test('changing one tag replaces exactly that scalar’s bytes, nothing else, and is idempotent', () => {
    fc.assert(
      fc.property(
        doc(1).chain((d) => fc.tuple(fc.constant(d), fc.nat({ max: d.entries.length - 1 }), TAG)),
        ([d, target, newTag]) => {
          const tag = d.entries[target]?.fields.find(([field]) => field === 'newTag')?.[1];
          const name = d.entries[target]?.fields.find(([field]) => field === 'name')?.[1].value;
          if (!tag || !name) throw new Error('generator invariant');
          fc.pre(newTag !== tag.value);
          const { text, offset, length } = render(d, target);
          const override: ImageOverride = { name, newTag, keepNewName: true, keepDigest: true, line: `${name}=*:${newTag}@*` };

          const result = setImages(text, [override], { file: FILE });

          const prefix = text.slice(0, offset);
          const suffix = text.slice(offset + length);
          expect(result.content.startsWith(prefix)).toBe(true);
          expect(result.content.endsWith(suffix)).toBe(true);
          const written = result.content.slice(prefix.length, result.content.length - suffix.length);
          if (tag.style === 'plain') expect([newTag, `"${newTag}"`]).toContain(written);
          else expect(written).toBe(tag.style === 'single' ? `'${newTag}'` : `"${newTag}"`);

          const expected = parse(text);
          expected.images[target].newTag = newTag;
          expect(parse(result.content)).toEqual(expected);
          expect(result.changes).toHaveLength(1);
          expect(result.changes[0]).toMatchObject({ file: FILE, name, next: { newTag } });

          const again = setImages(result.content, [override], { file: FILE });
          expect(again.content).toBe(result.content);
          expect(again.changes).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('adding an image only inserts text, appends one entry, and is idempotent', () => {
    fc.assert(
      fc.property(doc(0), TAG, fc.option(DIGEST, { nil: undefined }), (d, newTag, digest) => {
        const { text } = render(d);
        const added = { name: 'extra', newName: 'registry.example.com/extra', newTag, ...(digest ? { digest } : {}) };
        const override: ImageOverride = { ...added, line: 'extra=…' };

        const result = setImages(text, [override], { file: FILE });

        // A pure insertion: the output is the input with one chunk added somewhere.
        const out = result.content;
        let common = 0;
        while (common < text.length && text[common] === out[common]) common++;
        expect(out.length).toBeGreaterThan(text.length);
        expect(out.endsWith(text.slice(common))).toBe(true);

        const before = parse(text) ?? {};
        const after = parse(out);
        expect(after).toEqual({ ...before, images: [...(before.images ?? []), added] });
        expect(readImages(out, FILE).at(-1)).toEqual(added);
        expect(result.changes).toEqual([
          { file: FILE, name: 'extra', previous: null, next: { newName: added.newName, newTag, ...(digest ? { digest } : {}) } },
        ]);

        const again = setImages(out, [override], { file: FILE });
        expect(again.content).toBe(out);
        expect(again.changes).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The byte-preservation and kustomize-parity gaps of issue 19, one case each: comments under a
 * removed field, trailing comments in multi-line flow lists, tagSuffix (kustomize replaces the
 * entry), upper-case placeholder names (kustomize matches any name literally), and the values
 * edits: anchored parents, typed new values, an empty value next to an added key.
 */
import { describe, expect, test } from 'vitest';
import { parseImageLine, parseImageLines } from '../../src/core/images/image-line.js';
import { setImages } from '../../src/core/yaml/kustomization.js';
import { parseSetLines, setValues } from '../../src/core/yaml/values.js';

const D = `sha256:${'b'.repeat(64)}`;
const yaml = (...lines: string[]): string => `${lines.join('\n')}\n`;
const edit = (content: string, images: string, addMissing?: boolean) =>
  setImages(content, parseImageLines(images), { file: 'k.yaml', ...(addMissing === undefined ? {} : { addMissing }) }).content;
const set = (content: string, lines: string) => setValues(content, 'v.yaml', parseSetLines(lines.replace(/^/gm, 'v.yaml:'))).content;

describe('images edits', () => {
  test('removing newTag keeps the comment line indented under it', () => {
    const before = yaml(
      'images:',
      '  - name: api',
      '    newTag: "1.0"',
      '      # pinned for INC-7, ask ops',
      '  - name: web',
      '    newTag: "2"',
    );
    expect(edit(before, `api@${D}`)).toBe(
      yaml('images:', '  - name: api', `    digest: ${D}`, '      # pinned for INC-7, ask ops', '  - name: web', '    newTag: "2"'),
    );
  });

  test.each([
    [
      'with a trailing comma',
      yaml('images: [', '  {name: api, newTag: "1"}, # api stays here', ']'),
      yaml('images: [', '  {name: api, newTag: "1"}, # api stays here', '  {name: web, newTag: "2"},', ']'),
    ],
    [
      'without one',
      yaml('images: [', '  {name: api, newTag: "1"} # api stays here', ']'),
      yaml('images: [', '  {name: api, newTag: "1"}, # api stays here', '  {name: web, newTag: "2"}', ']'),
    ],
  ])('a trailing comment in a multi-line flow list stays with its entry (%s)', (_name, before, after) => {
    expect(edit(before, 'web:2')).toBe(after);
  });

  test('a tagSuffix goes when the entry is replaced, as kustomize edit set image replaces it; name=new:* keeps it', () => {
    const before = yaml('images:', '  - name: api', '    newTag: "1.0"', '    tagSuffix: -alpine # the slim one');
    expect(edit(before, 'api:2.0')).toBe(yaml('images:', '  - name: api', '    newTag: "2.0"'));
    // Only the suffix differs from what the line says: still a change (the entry is replaced).
    expect(edit(before, 'api:1.0')).toBe(yaml('images:', '  - name: api', '    newTag: "1.0"'));
    expect(edit(before, 'api=registry.example.com/api:*')).toBe(
      yaml(
        'images:',
        '  - name: api',
        '    newTag: "1.0"',
        '    tagSuffix: -alpine # the slim one',
        '    newName: registry.example.com/api',
      ),
    );
  });

  test('upper-case placeholder names are accepted before "=", as kustomize matches names literally', () => {
    expect(parseImageLine('APP_IMAGE=registry.example.com/app:1.2')).toMatchObject({
      name: 'APP_IMAGE',
      newName: 'registry.example.com/app',
      newTag: '1.2',
    });
    expect(
      edit(
        yaml('images:', '  - name: APP_IMAGE', '    newName: registry.example.com/app', '    newTag: "1.1"'),
        'APP_IMAGE=registry.example.com/app:1.2',
      ),
    ).toBe(yaml('images:', '  - name: APP_IMAGE', '    newName: registry.example.com/app', '    newTag: "1.2"'));
    // A reference (what a registry is asked about) must still be a valid, lower-case one.
    expect(() => parseImageLine('APP:1')).toThrow(/not a valid image name/);
    expect(() => parseImageLine('APP_IMAGE=Registry/App:1')).toThrow(/new name "Registry\/App" is not a valid image name/);
  });
});

describe('values edits', () => {
  test('a path through an anchored mapping that an alias uses is refused (the alias users would change too)', () => {
    expect(() => set(yaml('base: &base', '  tag: "1"', 'prod:', '  <<: *base'), 'base.tag=2')).toThrow(
      /cannot set base.tag: base is anchored \(&base\) and used by an alias \(\*base\)/,
    );
    expect(() => set(yaml('base: &base', '  image: {tag: "1"}', 'copy: *base'), 'base.image.tag=2')).toThrow(/base is anchored/);
    // An anchor nobody aliases is just a name.
    expect(set(yaml('base: &base', '  tag: "1"'), 'base.tag=2')).toBe(yaml('base: &base', '  tag: "2"'));
  });

  test('a new key or an empty value takes an integer or boolean as one (Kargo writes 42, not "42")', () => {
    expect(set(yaml('answer: x', 'empty:', 'tilde: ~'), 'newkey=42\nempty=true\ntilde=-3\nfloat=1.5\ntag=1.10\nflag=yes')).toBe(
      yaml('answer: x', 'empty: true', 'tilde: -3', 'newkey: 42', 'float: "1.5"', 'tag: "1.10"', 'flag: "yes"'),
    );
  });

  test('an existing string stays a string, an existing number a number', () => {
    expect(set(yaml('tag: v1', 'quoted: "41"', 'replicas: 2'), 'tag=42\nquoted=42\nreplicas=3')).toBe(
      yaml('tag: "42"', 'quoted: "42"', 'replicas: 3'),
    );
  });
});

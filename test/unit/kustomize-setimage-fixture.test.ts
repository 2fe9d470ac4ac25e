/**
 * kustomize's own `edit set image` table (TestSetImage in setimage_test.go, vendored unmodified
 * in test/fixtures/kustomize with SOURCE.md), read out of the Go source and run through our
 * byte-preserving edit. kustomize re-serialises and sorts; we splice, so the images are
 * compared as data, and the rest of the file must be byte-identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { parseImageLines } from '../../src/core/images/image-line.js';
import { readImages, setImages } from '../../src/core/yaml/kustomization.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'kustomize');
const SOURCE = readFileSync(join(FIXTURES, 'setimage_test.go'), 'utf8');
const DEFAULT_KUSTOMIZATION = /kustomizationContent = `([^`]*)`/.exec(readFileSync(join(FIXTURES, 'testutils.go'), 'utf8'))?.[1] as string;

interface Case {
  description: string;
  args: string[];
  infile: string[];
  output: string[];
  error?: string;
}

/** The Go string literals of `<field>: []string{...}` in a case block. */
function strings(block: string, field: string): string[] {
  const body = new RegExp(`${field}: \\[\\]string\\{([\\s\\S]*?)\\n?\\t*\\}`).exec(block)?.[1] ?? '';
  return [...body.matchAll(/"(?:[^"\\]|\\.)*"/g)].map((literal) => JSON.parse(literal[0]) as string);
}

function cases(): Case[] {
  const table = SOURCE.slice(SOURCE.indexOf('testCases := []struct'), SOURCE.indexOf('for _, tc := range testCases'));
  return [...table.matchAll(/\n\t\t\{\n([\s\S]*?)\n\t\t\},/g)].map(([, block = '']) => ({
    description: JSON.parse(/description: ("(?:[^"\\]|\\.)*")/.exec(block)?.[1] ?? '""') as string,
    args: strings(block, 'args'),
    infile: strings(block, 'infileImages'),
    output: strings(block, 'fileOutput'),
    error: /err: +(\w+)/.exec(block)?.[1],
  }));
}

type Entry = { name: string; newName?: string; newTag?: string; digest?: string };
const sorted = (entries: Entry[]) => [...entries].sort((a, b) => a.name.localeCompare(b.name));

describe("kustomize's TestSetImage table", () => {
  const table = cases();
  test('the whole table is read', () => {
    expect(DEFAULT_KUSTOMIZATION).toContain('kind: Kustomization');
    expect(table.length).toBe(25);
    expect(table.filter((entry) => entry.error).length).toBe(2);
  });

  test.each(table.map((entry) => [`${entry.description}${JSON.stringify(entry.args)}`, entry] as const))('%s', (_name, entry) => {
    if (entry.error) {
      // errImageNoArgs / errImageInvalidArgs: refused as input, nothing edited.
      expect(() => {
        const overrides = parseImageLines(entry.args.join('\n'));
        if (overrides.length === 0) throw new Error('no images');
      }).toThrow();
      return;
    }
    const before = entry.infile.length > 0 ? entry.infile.join('\n') : DEFAULT_KUSTOMIZATION;
    const after = setImages(before, parseImageLines(entry.args.join('\n')), { file: 'kustomization.yaml' }).content;
    const expected = parse(entry.output.join('\n')) as { images: Entry[] } & Record<string, unknown>;
    expect(sorted(readImages(after, 'kustomization.yaml'))).toEqual(sorted(expected.images));
    // Everything else the case shows (a patch after the images) is as kustomize leaves it.
    const { images: _images, ...rest } = expected;
    const ours = parse(after) as Record<string, unknown>;
    for (const [key, value] of Object.entries(rest)) expect(ours[key]).toEqual(value);
    // And, spliced, every byte before the images section is the original's.
    const cut = before.indexOf('images:');
    if (cut >= 0) expect(after.slice(0, cut)).toBe(before.slice(0, cut));
    else expect(after.startsWith(before.trimEnd())).toBe(true);
  });
});

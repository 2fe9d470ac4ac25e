import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { StageMetadata } from '../../src/stages/definition.js';
import { stages } from '../../src/stages/index.js';
import { ROOT } from '../helpers/cli.js';

/**
 * The README's tables from the tools a stage replaces: every name in "ours" (the second
 * column) — and, where it says "same", every name in the anchor's column — is a real input or
 * output of the stage, so a renamed or removed input cannot leave a table that lies.
 */
const TABLES: Array<{ header: string; stage: string }> = [
  { header: '| you have | in detect | notes |', stage: 'detect' },
  { header: '| metadata-action | build | |', stage: 'build' },
  { header: '| build-push-action | build | |', stage: 'build' },
  { header: '| trivy-action input | here | |', stage: 'scan' },
  { header: '| you have | in gitops-bump | notes |', stage: 'gitops-bump' },
  { header: '| semantic-release | in release | notes |', stage: 'release' },
];
/** Values, not names, that a cell may show in backticks. */
const VALUES = new Set(['true', 'false']);

/** The rows of the table under `header`, as cells (`\|` is a pipe inside a cell). */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(header);
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

/** Names a cell shows in backticks: `name` alone or as `name: value`. */
function namesIn(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].flatMap((match) => {
    const name = /^([a-z][a-z0-9-]*)(?::\s.*)?$/.exec(match[1] as string)?.[1];
    return name && !VALUES.has(name) ? [name] : [];
  });
}

/** The names a table's rows give for the stage (ours; the anchor's where ours says "same"). */
function mappedNames(rows: string[][]): string[] {
  return rows.flatMap(([theirs = '', ours = '']) => (ours.startsWith('same') ? namesIn(theirs) : namesIn(ours)));
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README mapping tables name real inputs and outputs', () => {
  test.each(TABLES)('$header ($stage)', async ({ header, stage: name }) => {
    const stage = await (stages[name] as () => Promise<StageMetadata>)();
    const rows = tableRows(readme, header);
    expect(rows.length, `table ${header} in README.md`).toBeGreaterThan(5);
    const names = mappedNames(rows);
    expect(names.length).toBeGreaterThan(5);
    const known = new Set([...Object.keys(stage.inputs), ...Object.keys(stage.outputs)]);
    expect(names.filter((candidate) => !known.has(candidate))).toEqual([]);
  });

  test('a row naming an input the stage lacks is caught', () => {
    const table = [
      '| you have | in gitops-bump | notes |',
      '|---|---|---|',
      '| `git-branch` | `branch` | |',
      '| `write-back-target` | `path: overlays/dev` | a typo of paths |',
      '| `images` | same | |',
    ].join('\n');
    const rows = tableRows(table, '| you have | in gitops-bump | notes |');
    expect(mappedNames(rows)).toEqual(['branch', 'path', 'images']);
  });
});

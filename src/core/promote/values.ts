/**
 * Promoting Helm values and other YAML paths: `values` lines map a scalar in a source file to
 * a scalar in a target file, both repository paths:
 *
 *     charts/api/values-staging.yaml:image.tag -> charts/api/values-prod.yaml:image.tag
 *
 * The source value is read at the source commit; the target is edited byte-preservingly by the
 * same engine as gitops-bump's `set` (only the value's bytes change; only the last key of the
 * target path may be missing). The value keeps the source's type: `replicas: 3` arrives as 3,
 * `tag: "1.10"` as the string "1.10".
 */
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FileError, InputError } from '../errors.js';
import type { ValueChange } from '../gitops/bump.js';
import { resolveInside } from '../paths.js';
import { formatPath, type PathSegment, parseValuePath, readValue, setValues } from '../yaml/values.js';
import type { PlanEntry } from './plan.js';
import { type Refusal, RULE } from './refusal.js';
import type { PromotedSubject } from './verified.js';

export const VALUES_EXPECTED =
  'lines of <source-file>:<path> -> <target-file>:<path>, e.g. values-staging.yaml:image.tag -> values-prod.yaml:image.tag';

export interface ValueLocation {
  file: string;
  path: PathSegment[];
}

export interface ValueMove {
  source: ValueLocation;
  target: ValueLocation;
  /** The line as written, for messages. */
  line: string;
}

/** A source value as read at the source commit. */
export interface SourceValue {
  move: ValueMove;
  text: string;
  typed: unknown;
}

export const locationText = (location: ValueLocation) => `${location.file}:${formatPath(location.path)}`;

function location(text: string, line: string, input: string): ValueLocation {
  const colon = text.indexOf(':');
  const file = text.slice(0, Math.max(colon, 0)).trim();
  if (colon <= 0 || file === '') throw new InputError(input, line, VALUES_EXPECTED, `"${text}" has no "<file>:" before the path`);
  return { file, path: parseValuePath(text.slice(colon + 1).trim(), input, line, VALUES_EXPECTED) };
}

/** Parses the `values` input; empty lines and `#` comments are skipped; a target written twice is refused. */
export function parseValueMoves(text: string, input = 'values'): ValueMove[] {
  const moves: ValueMove[] = [];
  const targets = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(/\s+->\s+/);
    if (parts.length !== 2) throw new InputError(input, line, VALUES_EXPECTED, 'expected one " -> " between source and target');
    const move = { source: location(parts[0] as string, line, input), target: location(parts[1] as string, line, input), line };
    const key = locationText(move.target);
    if (targets.has(key)) throw new InputError(input, line, VALUES_EXPECTED, `${key} is a target twice`);
    targets.add(key);
    moves.push(move);
  }
  return moves;
}

/** The repository-relative form of a path from a `values` line, refused outside the checkout. */
function repositoryPath(root: string, file: string, input: string): string {
  return relative(root, resolveInside(root, file, input))
    .split(sep)
    .join('/');
}

/** Reads every source value in the source checkout; a missing file or path is a refusal, not a crash. */
export function readSourceValues(root: string, moves: readonly ValueMove[]): { values: SourceValue[]; refusals: Refusal[] } {
  const values: SourceValue[] = [];
  const refusals: Refusal[] = [];
  for (const move of moves) {
    const file = repositoryPath(root, move.source.file, 'values');
    const source = { ...move, source: { ...move.source, file } };
    let content: string;
    try {
      content = readFileSync(join(root, file), 'utf8');
    } catch {
      refusals.push({
        subject: locationText(source.source),
        kind: 'value',
        rule: RULE.valueMissing,
        detail: `${file} does not exist in the source`,
      });
      continue;
    }
    const value = readValue(content, file, move.source.path);
    if (!value || value.text === null) {
      refusals.push({
        subject: locationText(source.source),
        kind: 'value',
        rule: RULE.valueMissing,
        detail: `${file} sets no value at ${formatPath(move.source.path)} (${move.line})`,
      });
      continue;
    }
    values.push({ move: source, text: value.text, typed: value.typed });
  }
  return { values, refusals };
}

/** Source values as promoted subjects (for verified and soak): the source file still sets the same text. */
export function valueSubjects(values: readonly SourceValue[]): PromotedSubject[] {
  return values.map(({ move, text }) => ({
    kind: 'value' as const,
    subject: locationText(move.source),
    value: text,
    files: [move.source.file],
    holds: (content, file) => {
      if (content === undefined) return false;
      try {
        return readValue(content, file, move.source.path)?.text === text;
      } catch {
        return false;
      }
    },
  }));
}

/**
 * Writes the source values into the target files of the checkout at `root`, on top of
 * `contents` (files another part of the plan already edited). Returns only files that change.
 */
export function planValues(
  root: string,
  values: readonly SourceValue[],
  contents: ReadonlyMap<string, string>,
): { files: Map<string, string>; changes: ValueChange[]; entries: PlanEntry[] } {
  const byFile = new Map<string, SourceValue[]>();
  for (const value of values) {
    const file = repositoryPath(root, value.move.target.file, 'values');
    byFile.set(file, [...(byFile.get(file) ?? []), value]);
  }
  const files = new Map<string, string>();
  const changes: ValueChange[] = [];
  const entries: PlanEntry[] = [];
  for (const [file, moves] of byFile) {
    let before = contents.get(file);
    if (before === undefined) {
      try {
        before = readFileSync(join(root, file), 'utf8');
      } catch {
        throw new FileError(file, `the target of values line '${moves[0]?.move.line}' does not exist`);
      }
    }
    const result = setValues(
      before,
      file,
      moves.map(({ move, text, typed }) => ({ path: move.target.path, value: text, typed })),
    );
    if (result.content !== before) files.set(file, result.content);
    result.results.forEach((edit, index) => {
      if (!edit.changed) return;
      const { move, text } = moves[index] as SourceValue;
      const path = formatPath(move.target.path);
      changes.push({ file, path, previous: edit.previous, next: text });
      entries.push({ image: `${file}:${path}`, file, from: `${locationText(move.source)}=${text}`, current: edit.previous, written: text });
    });
  }
  return { files, changes, entries };
}

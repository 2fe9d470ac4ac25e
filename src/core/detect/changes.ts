import { AegisError } from '../errors.js';
import type { ChangeType } from './manifest.js';

/** One path touched between base and head. A rename yields two: its old and its new path. */
export interface ChangedPath {
  path: string;
  type: ChangeType;
}

/**
 * Parses `git diff --name-status -z` output. Statuses: A added, M/T modified, D deleted,
 * R renamed (old and new path both count as 'renamed'), C copied (the copy counts as added;
 * its source did not change).
 */
export function parseNameStatus(output: string): ChangedPath[] {
  const changes: ChangedPath[] = [];
  // Field by field with indexOf: no array of every field first (200,000 strings at 100,000 paths).
  let at = 0;
  const field = (after: string): string => {
    if (at >= output.length) throw new AegisError(`Unexpected end of 'git diff --name-status' output after ${after}.`);
    const nul = output.indexOf('\0', at);
    const end = nul === -1 ? output.length : nul;
    const value = output.slice(at, end);
    at = end + 1;
    return value;
  };
  while (at < output.length) {
    const status = field('the last path');
    const path = field(`status '${status}'`);
    switch (status.charAt(0)) {
      case 'A':
        changes.push({ path, type: 'added' });
        break;
      case 'M':
      case 'T':
      case 'U':
        changes.push({ path, type: 'modified' });
        break;
      case 'D':
        changes.push({ path, type: 'deleted' });
        break;
      case 'R':
        changes.push({ path, type: 'renamed' }, { path: field(`'${status} ${path}'`), type: 'renamed' });
        break;
      case 'C':
        changes.push({ path: field(`'${status} ${path}'`), type: 'added' });
        break;
      default:
        throw new AegisError(`Unexpected status '${status}' for ${path} in 'git diff --name-status' output.`);
    }
  }
  return changes;
}

/**
 * Distinct paths in git's path order, for the changed-files list: the order git lists them in
 * without rename detection, so whether git looked for renames (which the change-types decide)
 * never reorders the list.
 */
export function uniquePaths(changes: readonly ChangedPath[]): string[] {
  const paths = changes.map((change) => change.path);
  // git names a path once per diff, in path order; only a rename's two sides, listed together
  // where the new path sorts, can repeat a path or stand out of order.
  if (!changes.some((change) => change.type === 'renamed')) return paths;
  const unique = [...new Set(paths)];
  // The engine's own sort (UTF-16 order) is the fast one, and is code point order unless a path
  // holds a character from U+D800 up; only then does the slower comparison decide.
  unique.sort();
  return unique.some((path) => ASTRAL_OR_PRIVATE.test(path)) ? unique.sort(byCodePoint) : unique;
}

const ASTRAL_OR_PRIVATE = /[\ud800-\uffff]/;

/** Code point order, which is the byte order of UTF-8 and so git's (UTF-16 puts U+E000–U+FFFF after astral characters). */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let at = 0; at < length; at++) {
    const x = a.charCodeAt(at);
    const y = b.charCodeAt(at);
    if (x === y) continue;
    const xAstral = (x & 0xf800) === 0xd800;
    const yAstral = (y & 0xf800) === 0xd800;
    if (xAstral !== yAstral) return xAstral ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

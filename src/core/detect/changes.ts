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

/** Distinct paths in first-seen order, for the changed-files list. */
export function uniquePaths(changes: readonly ChangedPath[]): string[] {
  const paths = changes.map((change) => change.path);
  // git names a path once per diff; only a rename's two sides can repeat a path seen elsewhere
  if (!changes.some((change) => change.type === 'renamed')) return paths;
  return [...new Set(paths)];
}

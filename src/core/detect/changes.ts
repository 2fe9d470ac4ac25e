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
  const fields = output.split('\0');
  if (fields[fields.length - 1] === '') fields.pop();
  const changes: ChangedPath[] = [];
  for (let index = 0; index < fields.length; ) {
    const status = fields[index++] as string;
    const code = status.charAt(0);
    const path = fields[index++];
    if (path === undefined) throw new AegisError(`Unexpected end of 'git diff --name-status' output after status '${status}'.`);
    switch (code) {
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
      case 'C': {
        const target = fields[index++];
        if (target === undefined) throw new AegisError(`Unexpected end of 'git diff --name-status' output after '${status} ${path}'.`);
        if (code === 'R') changes.push({ path, type: 'renamed' }, { path: target, type: 'renamed' });
        else changes.push({ path: target, type: 'added' });
        break;
      }
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

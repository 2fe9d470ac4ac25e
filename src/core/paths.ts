import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './errors.js';

/** True when `candidate` is `root` or below it (lexically). */
export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path`, or of its nearest existing ancestor when it does not exist yet. */
export function realNearest(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
  return realpathSync(current);
}

/**
 * Resolves `value` against `root` and refuses anything that escapes it: `..`, absolute
 * paths elsewhere, and symlinks that lead outside — of the file itself or, for a file not
 * written yet, of the nearest directory above it that exists.
 */
export function resolveInside(root: string, value: string, input: string): string {
  const absolute = resolve(root, value);
  if (!isInside(root, absolute)) {
    throw new InputError(input, value, `a path inside ${root}`);
  }
  if (!isInside(realpathSync(root), realNearest(absolute))) {
    throw new InputError(input, value, `a path inside ${root}`, 'it goes through a symlink that leads outside');
  }
  return absolute;
}

/** How a path is shown in outputs and logs: relative to `root` (with `/`) when inside it, else absolute. */
export function displayPath(root: string, path: string): string {
  return isInside(root, path) ? relative(root, path).split('\\').join('/') || '.' : path;
}

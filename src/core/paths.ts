import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError } from './errors.js';

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Resolves `value` against `root` and refuses anything that escapes it: `..`, absolute
 * paths elsewhere, and symlinks that point outside (checked on the real path when the
 * file exists).
 */
export function resolveInside(root: string, value: string, input: string): string {
  const absolute = resolve(root, value);
  if (!isInside(root, absolute)) {
    throw new InputError(input, value, `a path inside ${root}`);
  }
  if (existsSync(absolute) && !isInside(realpathSync(root), realpathSync(absolute))) {
    throw new InputError(input, value, `a path inside ${root}`, 'it is a symlink that leads outside');
  }
  return absolute;
}

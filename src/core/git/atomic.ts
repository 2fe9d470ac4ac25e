import { writeFileSafely } from '../fs/safe-write.js';

/** Writes through a temporary sibling and a rename, so a reader never sees half a file; keeps the mode, never follows a symlink. */
export function writeFileAtomic(path: string, content: string, root?: string): void {
  writeFileSafely(path, content, root === undefined ? {} : { root });
}

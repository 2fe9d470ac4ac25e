import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { FileError } from '../errors.js';
import { isInside, realNearest } from '../paths.js';

/**
 * Every file a stage writes goes through here, because a checked-out repository can plant
 * symlinks where we write (`aegis-summary -> /home/runner/.ssh`, a dangling
 * `measurements.json -> /etc/cron.d/x`). Two rules:
 * - the directory the file goes in must really be inside `root` (no symlinked directory out
 *   of it), checked before any directory is created and again after;
 * - the file itself is never followed: a full write goes to a fresh sibling (O_EXCL) that is
 *   renamed over the path, which replaces a symlink instead of writing through it; an append
 *   opens with O_NOFOLLOW and refuses a symlink.
 */
export interface SafeWriteOptions {
  /** The directory the file belongs to; nothing may be written outside it. Default: the file's own directory. */
  root?: string;
  /** Mode of a new file; an existing file keeps its mode. */
  mode?: number;
}

/** Creates `directory` (and its parents) inside `root`, refusing any step that leads out of it through a symlink. */
export function ensureDirectoryInside(directory: string, root: string): void {
  const dir = resolve(directory);
  const top = resolve(root);
  if (!isInside(top, dir)) throw new FileError(dir, `refusing to write outside ${top}`);
  mkdirSync(top, { recursive: true });
  const realRoot = realpathSync(top);
  const outside = () =>
    new FileError(dir, `refusing to write: a symlink on the way leads outside ${top}; remove it (or choose another path)`);
  if (!isInside(realRoot, realNearest(dir))) throw outside();
  mkdirSync(dir, { recursive: true });
  if (!isInside(realRoot, realpathSync(dir))) throw outside();
}

function prepareDirectory(file: string, root: string): void {
  if (!isInside(root, file) || file === root) throw new FileError(file, `refusing to write outside ${root}`);
  ensureDirectoryInside(dirname(file), root);
}

function existingMode(file: string): number | undefined {
  try {
    const stat = lstatSync(file);
    return stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `content` to `file` atomically (readers never see half a file) without following a symlink. */
export function writeFileSafely(file: string, content: string | Uint8Array, options: SafeWriteOptions = {}): void {
  const path = resolve(file);
  prepareDirectory(path, resolve(options.root ?? dirname(path)));
  const mode = existingMode(path) ?? options.mode ?? 0o644;
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  // O_EXCL: the temporary name is fresh; if something (a symlink) is already there, fail rather than follow it.
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);
  try {
    writeAll(fd, content);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new FileError(path, `could not be written: ${(error as Error).message}`);
  }
}

/** Appends to `file` (created when missing); a symlink at `file` is refused, never followed. */
export function appendFileSafely(file: string, content: string | Uint8Array, options: SafeWriteOptions = {}): void {
  const path = resolve(file);
  prepareDirectory(path, resolve(options.root ?? dirname(path)));
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, options.mode ?? 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
      throw new FileError(path, 'refusing to append: it is a symlink; remove it (or choose another path)');
    }
    throw new FileError(path, `could not be opened for writing: ${(error as Error).message}`);
  }
  try {
    writeAll(fd, content);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, content: string | Uint8Array): void {
  const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset, buffer.length - offset);
}

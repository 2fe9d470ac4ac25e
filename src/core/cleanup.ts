/**
 * Private directories for secret material (SSH keys, registry auth files, .npmrc) that must
 * not outlive the stage: removed when the caller is done, and — through `removeAllPrivateDirs`,
 * which the stage runner calls on exit and on SIGINT/SIGTERM — also when the job is cancelled.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const live = new Set<string>();
/** Every private dir this process created, removed or not (see `removeAllPrivateDirs`). */
const created = new Set<string>();

/** A new directory only this user can read, under `parent` (the runner's temp dir). */
export function createPrivateDir(parent: string, prefix: string): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  live.add(dir);
  created.add(dir);
  chmodSync(dir, 0o700);
  return dir;
}

/**
 * Removes `dir`; one that could not be removed stays registered, for the removal at exit.
 * Never throws: a cleanup problem must not replace a stage's result or its real error.
 */
export function removePrivateDir(dir: string): boolean {
  try {
    rmSync(dir, { recursive: true, force: true });
    // rmSync can return without an error, the tree still there, while a git renames its lock files in it.
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Checked below.
  }
  if (existsSync(dir)) return false;
  live.delete(dir);
  return true;
}

/** Runs `body` with a private directory that is removed afterwards, whatever happens. */
export async function withPrivateDir<T>(parent: string, prefix: string, body: (dir: string) => Promise<T>): Promise<T> {
  const dir = createPrivateDir(parent, prefix);
  try {
    return await body(dir);
  } finally {
    removePrivateDir(dir);
  }
}

/**
 * Synchronous, so it can run in an `exit` handler and before a signal ends the process.
 * `includingRemoved` is for the last pass of a cancel: a git that was still running, or the
 * stage's own last write (which creates missing parent folders), may have put a removed dir back.
 */
export function removeAllPrivateDirs(options: { includingRemoved?: boolean } = {}): void {
  for (const dir of [...(options.includingRemoved ? created : live)]) removePrivateDir(dir);
}

/** Directories still on disk (for tests and for the runner's own checks). */
export function livePrivateDirs(): string[] {
  return [...live];
}

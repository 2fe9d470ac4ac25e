/**
 * Private directories for secret material (SSH keys, registry auth files, .npmrc) that must
 * not outlive the stage: removed when the caller is done, and — through `removeAllPrivateDirs`,
 * which the stage runner calls on exit and on SIGINT/SIGTERM — also when the job is cancelled.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const live = new Set<string>();

/** A new directory only this user can read, under `parent` (the runner's temp dir). */
export function createPrivateDir(parent: string, prefix: string): string {
  mkdirSync(parent, { recursive: true });
  const dir = mkdtempSync(join(parent, prefix));
  live.add(dir);
  chmodSync(dir, 0o700);
  return dir;
}

export function removePrivateDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
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

/** Synchronous, so it can run in an `exit` handler and before a signal ends the process. */
export function removeAllPrivateDirs(): void {
  for (const dir of [...live]) {
    try {
      removePrivateDir(dir);
    } catch {
      // Keep removing the others; nothing else can be done in an exit handler.
    }
  }
}

/** Directories still on disk (for tests and for the runner's own checks). */
export function livePrivateDirs(): string[] {
  return [...live];
}

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = {
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...IDENTITY }, encoding: 'utf8' }).trim();
}

export function tempDir(prefix = 'aegis-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * A bare repository (what a GitOps server holds) seeded with `files` on `branch`, plus
 * helpers to read it back. Everything lives in one temp dir removed by `cleanup`.
 */
export function createBareRepo(files: Record<string, string>, branch = 'main') {
  const root = tempDir();
  const bare = join(root, 'gitops.git');
  const seed = join(root, 'seed');
  git(root, 'init', '--quiet', '--bare', '--initial-branch', branch, bare);
  git(root, 'init', '--quiet', '--initial-branch', branch, seed);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(seed, path)), { recursive: true });
    writeFileSync(join(seed, path), content);
  }
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'seed');
  git(seed, 'push', '--quiet', bare, `HEAD:refs/heads/${branch}`);
  return {
    root,
    bare,
    branch,
    /** Content of a file at the tip of `ref` in the bare repository. */
    show: (path: string, ref = branch) => git(bare, 'show', `${ref}:${path}`),
    tip: (ref = branch) => git(bare, 'rev-parse', ref),
    log: (ref = branch, format = '%s') => git(bare, 'log', `--format=${format}`, ref).split('\n'),
    message: (ref = branch) => git(bare, 'log', '-1', '--format=%B', ref),
    count: (ref = branch) => Number(git(bare, 'rev-list', '--count', ref)),
    /** Checks out the tip into a fresh working copy (for kubectl kustomize). */
    checkout: (ref = branch) => {
      const dir = join(root, `checkout-${Math.random().toString(36).slice(2)}`);
      git(root, 'clone', '--quiet', '--branch', ref, bare, dir);
      return dir;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export type BareRepo = ReturnType<typeof createBareRepo>;

/** A tool the integration tests need: locally a missing tool skips; in CI it fails. */
export function requireTool(name: string, check: () => boolean): boolean {
  let present = false;
  try {
    present = check();
  } catch {
    present = false;
  }
  if (!present && process.env.CI === 'true') throw new Error(`${name} is required in CI but is not installed (see .ci/run).`);
  return present;
}

export function hasCommand(command: string, args: string[] = ['--version']): boolean {
  return requireTool(command, () => {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  });
}

/**
 * `git status --porcelain` of a checkout a stage ran in; '' when clean. Not a git checkout
 * (a stage given a plain directory): undefined, nothing to check.
 */
export function checkoutChanges(dir: string): string | undefined {
  try {
    execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: 'ignore' });
  } catch {
    return undefined;
  }
  // Not through git(), which trims: the first line's leading status column matters.
  return execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: dir, encoding: 'utf8' }).trimEnd();
}

/**
 * Runs `stage` (a stage run on some platform) and fails when it left anything in the checkout
 * `dir` that `git status --porcelain` did not show before: a stage never leaves files in the
 * user's checkout. Shared by every platform's run helper, so each stage test checks it.
 */
export async function keepsCheckoutClean<T>(dir: string | undefined, what: string, stage: () => Promise<T>): Promise<T> {
  const before = dir ? checkoutChanges(dir) : undefined;
  const result = await stage();
  if (dir === undefined || before === undefined) return result;
  const seen = new Set(before.split('\n'));
  const left = (checkoutChanges(dir) ?? '').split('\n').filter((line) => line && !seen.has(line));
  if (left.length > 0) throw new Error(`${what} left files in the checkout ${dir} (git status --porcelain):\n${left.join('\n')}`);
  return result;
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CommandError, ToolNotFoundError } from './errors.js';
import { beginStopping, refusedWhileStopping } from './stopping.js';

export interface RunOptions {
  cwd?: string;
  /** Added to (not replacing) the parent environment. Secrets travel here, never in args. */
  env?: Record<string, string | undefined>;
  /** Written to the child's stdin. */
  input?: string;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Kill the child (SIGTERM) and fail after this long: a stalled remote must not hang the job. */
  timeoutMs?: number;
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with an argument array. There is deliberately no shell variant: no input
 * ever reaches a shell, so nothing needs quoting.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    // The stage goes on between the signal and the exit; a child started now would outlive the cleanup.
    const refused = refusedWhileStopping();
    if (refused) {
      reject(new CommandError(command, args, null, refused));
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      // Its own process group, so that a kill reaches git's ssh too: an ssh left running keeps
      // the pipes open, and the child would never be seen to end. (On Windows `detached` means
      // a console of its own and a child that outlives us: not there.)
      detached: process.platform !== 'win32',
    });
    running.add(child);
    child.once('close', () => running.delete(child));
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            signalGroup(child, 'SIGTERM');
          }, options.timeoutMs);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) =>
      // ENOENT is also what a missing working directory gives; only a missing program is a missing tool.
      reject(
        error.code === 'ENOENT' && (!options.cwd || existsSync(options.cwd))
          ? new ToolNotFoundError(command)
          : new CommandError(command, args, null, error.message),
      ),
    );
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new CommandError(command, args, null, `timed out after ${Math.round((options.timeoutMs ?? 0) / 1000)} s`));
        return;
      }
      const result = {
        exitCode: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      };
      if (result.exitCode !== 0 && !options.allowFailure) {
        reject(new CommandError(command, args, code, result.stderr || result.stdout));
      } else {
        resolve(result);
      }
    });
    if (child.stdin) {
      // A child may exit without reading its input; that is its exit code's business, not an EPIPE crash.
      child.stdin.on('error', () => {});
      child.stdin.end(options.input);
    }
  });
}

const running = new Set<ChildProcess>();

/** Signals the child's whole process group (it leads one: `detached`), or the child alone where groups do not exist. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) {
      process.kill(-child.pid, signal);
      return;
    }
  } catch {
    // No such group (already gone, or Windows): signal the child itself.
  }
  child.kill(signal);
}

/**
 * Passes a signal on to every child still running and waits (at most `graceMs`) for them to
 * end, so that a cancelled stage removes its temp dirs after git has stopped writing to them.
 * From the first call on, `run` starts no new child (see stopping.ts).
 */
export async function stopChildren(signal: NodeJS.Signals, graceMs = 2000): Promise<void> {
  beginStopping(signal);
  const children = [...running];
  const ended = children.map(
    (child) => new Promise<void>((resolve) => (running.has(child) ? child.once('close', () => resolve()) : resolve())),
  );
  for (const child of children) signalGroup(child, signal);
  const within = (ms: number) => Promise.race([Promise.all(ended), new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);
  await within(graceMs);
  // Not yet closed: the child itself may have ended while another process of its group holds the pipes.
  const left = children.filter((child) => running.has(child));
  if (left.length === 0) return;
  for (const child of left) signalGroup(child, 'SIGKILL');
  await within(1000);
}

/** Kills what is still running, for the exit of the stage: each child leads its own group, which nothing else would end. */
export function killChildren(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
}

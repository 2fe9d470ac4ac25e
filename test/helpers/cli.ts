import { join } from 'node:path';
import { type RunResult, run } from '../../src/core/process.js';
import { sourceDist } from './source-dist.js';

export const ROOT = join(import.meta.dirname, '../..');

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/** Runs the `aegis` CLI as a separate process, from the source (test/helpers/source-dist.ts). */
export function runCli(args: readonly string[], options: { env?: Record<string, string>; cwd?: string } = {}): Promise<CliResult> {
  return runNode([join(sourceDist(), 'cli', 'index.js'), ...args], { cwd: options.cwd ?? ROOT, env: options.env }).then(
    ({ exitCode, stdout, stderr }) => {
      const outputs = Object.fromEntries(
        stdout
          .split('\n')
          .filter((line) => /^[a-z][a-z-]*=/.test(line))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      return { exitCode, stdout, stderr, outputs };
    },
  );
}

/** Runs a Node script as its own process, outside any CI platform, whatever its exit code. */
export function runNode(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<RunResult> {
  return run(process.execPath, args, { cwd: options.cwd, env: { GITHUB_ACTIONS: '', GITLAB_CI: '', ...options.env }, allowFailure: true });
}

/**
 * Typed errors thrown deep in the core; only the stage runner turns them into a failed job.
 * Each carries enough context for a person to fix the cause without reading our source.
 */
export class AegisError extends Error {
  override name = 'AegisError';
}

/** A user-supplied input is malformed. Always names the input, quotes the value, says what is expected. */
export class InputError extends AegisError {
  override name = 'InputError';
  constructor(
    readonly input: string,
    readonly value: string,
    readonly expected: string,
    readonly detail?: string,
  ) {
    super(`Input '${input}' has an invalid value ${JSON.stringify(truncate(value))}: expected ${expected}${detail ? ` (${detail})` : ''}.`);
  }
}

/** A file the plan depends on is missing, unreadable or not what it should be. */
export class FileError extends AegisError {
  override name = 'FileError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${message}`);
  }
}

/** A child process failed. The argv is recorded for debugging; secrets never reach argv by design. */
export class CommandError extends AegisError {
  override name = 'CommandError';
  constructor(
    readonly command: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`${command} ${args.join(' ')} failed (exit ${exitCode ?? 'signal'}): ${stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
}

function truncate(value: string): string {
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}

import { DURATION_EXPECTED, parseDuration } from '../core/duration.js';
import { AegisError, InputError } from '../core/errors.js';
import { resolveInside } from '../core/paths.js';
import type { Platform } from '../platform/types.js';
import type { InputSpec } from './definition.js';

const TRUE = new Set(['true', 'yes', '1', 'on']);
const FALSE = new Set(['false', 'no', '0', 'off']);

/**
 * Typed access to a stage's declared inputs. Each reader throws an InputError that names
 * the input, quotes the value and states the expected form.
 */
export class InputReader {
  constructor(
    private readonly platform: Platform,
    private readonly specs: Record<string, InputSpec>,
  ) {}

  /** The value, or the declared default; '' when neither. */
  string(name: string): string {
    const spec = this.specs[name];
    if (!spec) throw new AegisError(`Stage reads undeclared input '${name}'.`);
    const value = this.platform.input(name) || spec.default || '';
    if (spec.secret && value) this.platform.secret(value);
    return value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (!value) throw new InputError(name, value, 'a non-empty value', 'this input is required');
    return value;
  }

  optional(name: string): string | undefined {
    return this.string(name) || undefined;
  }

  boolean(name: string): boolean {
    const value = this.string(name).toLowerCase();
    if (TRUE.has(value)) return true;
    if (FALSE.has(value) || value === '') return false;
    throw new InputError(name, value, "'true' or 'false'");
  }

  choice<T extends string>(name: string, choices: readonly T[]): T {
    const value = this.string(name);
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InputError(name, value, `one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number {
    const value = this.string(name);
    const number = Number(value);
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
    if (!/^-?\d+$/.test(value) || number < min || number > max) {
      throw new InputError(name, value, `an integer between ${min} and ${max}`);
    }
    return number;
  }

  /** Non-empty lines, trimmed; lines starting with `#` are comments. */
  lines(name: string): string[] {
    return this.string(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
  }

  /** Lines or comma-separated values. */
  list(name: string): string[] {
    return this.lines(name).flatMap((line) =>
      line
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    );
  }

  /** Milliseconds from `500ms`, `10s`, `5m`, `1h`. */
  duration(name: string): number {
    const value = this.string(name);
    const ms = parseDuration(value);
    if (ms === undefined) throw new InputError(name, value, DURATION_EXPECTED);
    return ms;
  }

  /** A path inside `root`; `..`, absolute paths elsewhere and the like are refused. */
  path(name: string, root: string): string | undefined {
    const value = this.string(name);
    return value ? resolveInside(root, value, name) : undefined;
  }
}

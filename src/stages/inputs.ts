import { join, resolve } from 'node:path';
import { DURATION_EXPECTED, parseDuration } from '../core/duration.js';
import { AegisError, InputError } from '../core/errors.js';
import { isInside, resolveInside } from '../core/paths.js';
import { nearest } from '../core/suggest.js';
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

  /** True when the stage declares the input. */
  declares(name: string): boolean {
    return name in this.specs;
  }

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

  /**
   * A path inside `root`, or inside one of the platform's input roots (the runner's temp
   * directory); `..`, absolute paths elsewhere and the like are refused.
   */
  path(name: string, root: string): string | undefined {
    const value = this.string(name);
    if (!value) return undefined;
    const absolute = resolve(root, value);
    // Inside root (the usual case) or else inside one of the input roots, checked the same way.
    if (isInside(root, absolute)) return resolveInside(root, value, name);
    const other = this.platform.inputRoots.find((dir) => isInside(dir, absolute));
    return resolveInside(other ?? root, other ? absolute : value, name);
  }

  /**
   * Where a stage writes one of its files: the input's path when given (workspace or the
   * runner's temp directory), else `file` in the platform's output directory (the directory
   * itself without `file`). The platform alone decides where stage files go.
   */
  outputPath(name: string, file?: string): string {
    const given = this.path(name, this.platform.workspace);
    if (given) return given;
    const dir = this.platform.outputDir();
    return file ? join(dir, file) : dir;
  }
}

export interface UnknownInput {
  /** As the user wrote it (a flag name, or the INPUT_* suffix in lower case). */
  name: string;
  /** The declared input closest to it, if one is close. */
  suggestion?: string;
}

/** One spelling per input: lower case, `-` for `_` and spaces (how INPUT_* variables may write it). */
export const inputKey = (name: string) => name.toLowerCase().replace(/[_ ]/g, '-');

/**
 * The names in `provided` that no declared input matches (case, `_` for `-` and spaces
 * ignored: GitLab components write `_`), once each, with the nearest declared name.
 */
export function unknownInputs(provided: Iterable<string>, declared: Iterable<string>): UnknownInput[] {
  const names = [...declared];
  const known = new Set(names.map(inputKey));
  const seen = new Set<string>();
  const unknown: UnknownInput[] = [];
  for (const name of provided) {
    const key = inputKey(name);
    if (known.has(key) || seen.has(key)) continue;
    seen.add(key);
    const suggestion = nearest(name, names);
    unknown.push(suggestion ? { name, suggestion } : { name });
  }
  return unknown;
}

/** `unknown input --fiel for build; did you mean --file?` (`quote` renders a name as the user writes it there). */
export function unknownInputMessage(stage: string, input: UnknownInput, quote: (name: string) => string): string {
  const hint = input.suggestion ? `did you mean ${quote(input.suggestion)}?` : `it has no input of that name (see aegis ${stage} --help)`;
  return `unknown input ${quote(input.name)} for ${stage}; ${hint}`;
}

import { DURATION_EXPECTED, parseDuration } from '../duration.js';
import { InputError } from '../errors.js';
import { Expression, ExpressionError } from './expression.js';

/** Everything in `checks` is refused as InputError on this input, before anything is watched. */
export const CHECKS_INPUT = 'checks';
/** The checks YAML may hold tokens and headers not yet registered as secrets: errors never echo it whole. */
export const NOT_QUOTED = '(the checks YAML, not repeated here)';

export { parseDuration };

export type Raw = Record<string, unknown>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function durationOf(value: unknown, label: string, bounds: { min?: number } = {}): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = parseDuration(String(value));
  if (ms === undefined || ms < (bounds.min ?? 0)) {
    throw new InputError(CHECKS_INPUT, String(value), `${DURATION_EXPECTED} for ${label}`);
  }
  return ms;
}

/** Reads one provider's mapping, refusing unknown keys (a typo must not silently drop a condition). */
export class Fields {
  readonly raw: Raw;
  constructor(
    readonly check: string,
    readonly type: string,
    raw: unknown,
    keys: readonly string[],
  ) {
    if (!isRecord(raw)) throw new InputError(CHECKS_INPUT, NOT_QUOTED, `a mapping under '${type}'`, `check '${check}'`);
    const unknown = Object.keys(raw).filter((key) => !keys.includes(key));
    if (unknown.length > 0) {
      throw new InputError(CHECKS_INPUT, unknown.join(', '), `${type} fields among ${keys.join(', ')}`, `check '${check}'`);
    }
    this.raw = raw;
  }

  label(key: string): string {
    return `${this.check}.${this.type}.${key}`;
  }

  refuse(key: string, expected: string, detail?: string, shown = NOT_QUOTED): never {
    throw new InputError(CHECKS_INPUT, shown, `${expected} for ${this.label(key)}`, detail);
  }

  string(key: string): string | undefined {
    const value = this.raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') this.refuse(key, 'a string');
    return String(value);
  }

  required(key: string, expected: string): string {
    const value = this.string(key);
    if (!value) throw new InputError(CHECKS_INPUT, '', expected, `${this.label(key)} is required`);
    return value;
  }

  boolean(key: string): boolean {
    const value = this.raw[key];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') this.refuse(key, 'true or false', undefined, String(value));
    return value;
  }

  url(key: string): string {
    const value = this.required(key, 'an http:// or https:// URL');
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return this.refuse(key, 'an http:// or https:// URL', undefined, value);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') this.refuse(key, 'an http:// or https:// URL', undefined, value);
    if (url.username || url.password) {
      this.refuse(key, 'a URL without credentials', 'use headers or a token', `${url.protocol}//***@${url.host}`);
    }
    return value.replace(/\/+$/, '');
  }

  duration(key: string, fallback: number): number {
    return durationOf(this.raw[key], this.label(key), { min: 1 }) ?? fallback;
  }

  /** Argo's `timeout` / `timeoutSeconds` are whole seconds; a duration string is accepted too. */
  seconds(keys: readonly string[], fallback: number): number {
    for (const key of keys) {
      const value = this.raw[key];
      if (value === undefined || value === null) continue;
      if (typeof value === 'number') {
        if (!Number.isInteger(value) || value <= 0)
          this.refuse(key, 'a positive number of seconds or a duration', undefined, String(value));
        return value * 1000;
      }
      return this.duration(key, fallback);
    }
    return fallback;
  }

  /** Header names to values. Every value is a secret (registered for redaction by the stage). */
  headers(key = 'headers'): Record<string, string> {
    const raw = this.raw[key];
    if (raw === undefined || raw === null) return {};
    // Argo's list form `[{key, value}]` is accepted as well as a mapping.
    if (Array.isArray(raw)) {
      return Object.fromEntries(
        raw.map((entry) => {
          if (!isRecord(entry) || typeof entry.key !== 'string' || entry.value === undefined) {
            this.refuse(key, 'a mapping of header names to values, or a list of {key, value}');
          }
          return [entry.key as string, String(entry.value)];
        }),
      );
    }
    if (!isRecord(raw)) this.refuse(key, 'a mapping of header names to values');
    return Object.fromEntries(Object.entries(raw).map(([name, value]) => [name, String(value)]));
  }

  condition(key: string, allowed: readonly string[]): Expression | undefined {
    const source = this.string(key);
    if (source === undefined) return undefined;
    let expression: Expression;
    try {
      expression = Expression.parse(source);
    } catch (error) {
      if (error instanceof ExpressionError) {
        throw new InputError(CHECKS_INPUT, source, `a condition expression for ${this.label(key)}`, error.message);
      }
      throw error;
    }
    const unknown = expression.variables().filter((name) => !allowed.includes(name));
    if (unknown.length > 0) {
      throw new InputError(
        CHECKS_INPUT,
        source,
        `a condition over ${allowed.join(', ')} for ${this.label(key)}`,
        `unknown variable '${unknown[0]}'`,
      );
    }
    return expression;
  }
}

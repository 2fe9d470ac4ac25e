import { parseDocument } from 'yaml';
import { FileError } from '../errors.js';
import { plainData } from '../yaml/plain.js';

/** One accepted risk: which finding, why, who answers for it, and until when. */
export interface IgnoreEntry {
  id: string;
  /** Limits the entry to one package; absent means every package with this vulnerability. */
  package?: string;
  reason: string;
  owner: string;
  /** `YYYY-MM-DD`; the entry holds through that day (UTC). */
  expires: string;
  /** 1-based line in the ignore file, for annotations. */
  line?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEYS = new Set(['id', 'package', 'reason', 'owner', 'expires']);
const EXAMPLE =
  'ignores:\n  - id: CVE-2024-0001\n    package: openssl   # optional\n    reason: not reachable, no TLS\n    owner: team-payments\n    expires: 2025-06-30';

/**
 * Parses the ignore file. Every entry must say why, who and until when: an exception
 * without an owner or an end date is how findings get hidden for good.
 */
export function parseIgnoreFile(text: string, file: string): IgnoreEntry[] {
  const document = parseDocument(text, { prettyErrors: false });
  if (document.errors.length > 0) {
    const error = document.errors[0];
    throw new FileError(file, `is not valid YAML: ${error?.message}`, error?.linePos?.[0]?.line);
  }
  const data = plainData(document, file);
  if (data === null || data === undefined) return [];
  const entries = (data as { ignores?: unknown }).ignores;
  if (typeof data !== 'object' || Array.isArray(data) || !Array.isArray(entries)) {
    throw new FileError(file, `expected a mapping with an 'ignores' list, for example:\n${EXAMPLE}`);
  }
  const lineCounter = lineOf(text);
  return entries.map((entry: unknown, index) => {
    const where = `ignores[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new FileError(file, `${where} is not a mapping with id, reason, owner and expires`);
    }
    const record = entry as Record<string, unknown>;
    const unknown = Object.keys(record).filter((key) => !KEYS.has(key));
    if (unknown.length > 0)
      throw new FileError(file, `${where} has unknown key(s) ${unknown.join(', ')}; allowed: ${[...KEYS].join(', ')}`);
    const field = (name: string, required: boolean): string | undefined => {
      const value = record[name];
      if (value instanceof Date) return value.toISOString().slice(0, 10);
      if (value === undefined || value === null || value === '') {
        if (required)
          throw new FileError(
            file,
            `${where}${record.id ? ` (${String(record.id)})` : ''} has no '${name}'; every entry needs id, reason, owner and expires`,
          );
        return undefined;
      }
      if (typeof value !== 'string') throw new FileError(file, `${where}.${name} must be a string`);
      return value.trim();
    };
    const id = field('id', true) as string;
    const reason = field('reason', true) as string;
    const owner = field('owner', true) as string;
    const expires = field('expires', true) as string;
    if (!DATE.test(expires) || Number.isNaN(Date.parse(`${expires}T00:00:00Z`))) {
      throw new FileError(file, `${where} (${id}).expires is ${JSON.stringify(expires)}; expected a date YYYY-MM-DD`);
    }
    const pkg = field('package', false);
    const line = lineCounter(id);
    return {
      id,
      ...(pkg ? { package: pkg } : {}),
      reason,
      owner,
      expires,
      ...(line ? { line } : {}),
    };
  });
}

/** Finds the line an id first appears on, for file annotations. */
function lineOf(text: string): (id: string) => number | undefined {
  const lines = text.split(/\r?\n/);
  return (id) => {
    const index = lines.findIndex((line) => /\bid\s*:/.test(line) && line.includes(id));
    return index >= 0 ? index + 1 : undefined;
  };
}

const DAY = 86_400_000;

/** Whole days until the entry lapses (0 on its last day, negative once expired). */
export function daysLeft(entry: IgnoreEntry, now: Date): number {
  const end = Date.parse(`${entry.expires}T00:00:00Z`) + DAY;
  return Math.ceil((end - now.getTime()) / DAY) - 1;
}

export function isExpired(entry: IgnoreEntry, now: Date): boolean {
  return daysLeft(entry, now) < 0;
}

import { basename } from 'node:path';
import { FileError } from '../errors.js';

export type VersionFileKind = 'package.json' | 'pyproject.toml' | '__version__';

export function versionFileKind(path: string): VersionFileKind {
  const name = basename(path);
  if (name === 'package.json') return 'package.json';
  if (name === 'pyproject.toml') return 'pyproject.toml';
  return '__version__';
}

interface Span {
  start: number;
  end: number;
  value: string;
}

/** Spans of every version value the file holds; the edit replaces exactly these bytes. */
function versionSpans(file: string, text: string): Span[] {
  switch (versionFileKind(file)) {
    case 'package.json':
      return packageJsonSpan(file, text);
    case 'pyproject.toml':
      return pyprojectSpans(file, text);
    default:
      return dunderSpans(file, text);
  }
}

/** The version the file declares (the first one, for pyproject files declaring two). */
export function readVersion(file: string, text: string): string {
  return (versionSpans(file, text)[0] as Span).value;
}

/** `text` with its version set to `version`; every other byte (indentation, key order, comments, newline at end) kept. */
export function setVersion(file: string, text: string, version: string): string {
  let result = text;
  for (const span of versionSpans(file, text).sort((a, b) => b.start - a.start)) {
    result = `${result.slice(0, span.start)}${version}${result.slice(span.end)}`;
  }
  return result;
}

/** Finds the top-level "version" string with a small scanner: nested "version" keys (e.g. in dependencies' metadata) are not touched. */
function packageJsonSpan(file: string, text: string): Span[] {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  let depth = 0;
  let index = 0;
  let lastKey: string | undefined;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      const start = index + 1;
      index = start;
      while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      const raw = text.slice(start, index);
      index++;
      const after = /^\s*:/.exec(text.slice(index));
      if (after && depth === 1) {
        lastKey = JSON.parse(`"${raw}"`) as string;
      } else if (depth === 1 && lastKey === 'version') {
        return [{ start, end: index - 1, value: JSON.parse(`"${raw}"`) as string }];
      } else {
        lastKey = undefined;
      }
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === ',') lastKey = undefined;
    index++;
  }
  throw new FileError(file, 'has no top-level "version" string to update');
}

const TABLE = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/;
const TOML_VERSION = /^(\s*version\s*=\s*)(["'])([^"'\n]*)\2/;

function pyprojectSpans(file: string, text: string): Span[] {
  const spans: Span[] = [];
  let table = '';
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = TABLE.exec(line);
    if (header) table = (header[1] as string).trim();
    const match = TOML_VERSION.exec(line);
    if (match && (table === 'project' || table === 'tool.poetry')) {
      const start = offset + (match[1] as string).length + 1;
      spans.push({ start, end: start + (match[3] as string).length, value: match[3] as string });
    }
    offset += line.length + 1;
  }
  if (spans.length === 0) {
    throw new FileError(file, 'has no `version = "…"` under [project] or [tool.poetry] (a dynamic version needs its own version file)');
  }
  return spans;
}

const DUNDER = /^(__version__\s*(?::\s*[\w.]+\s*)?=\s*)(["'])([^"'\n]*)\2/gm;

/**
 * A line marked for the release (release-please's generic updater convention): the first
 * semver on a line that also carries `x-release-please-version` or `aegis-release-version`.
 */
const MARKED =
  /^([^\n]*?)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)(?=[^\n]*\b(?:x-release-please-version|aegis-release-version)\b)/gm;

function dunderSpans(file: string, text: string): Span[] {
  const spans = [...text.matchAll(DUNDER)].map((match) => {
    const start = (match.index ?? 0) + (match[1] as string).length + 1;
    return { start, end: start + (match[3] as string).length, value: match[3] as string };
  });
  if (spans.length > 0) return spans;
  const marked = [...text.matchAll(MARKED)].map((match) => {
    const start = (match.index ?? 0) + (match[1] as string).length;
    return { start, end: start + (match[2] as string).length, value: match[2] as string };
  });
  if (marked.length === 0) {
    throw new FileError(
      file,
      'has no `__version__ = "…"` line and no line marked `aegis-release-version` (or `x-release-please-version`) to update',
    );
  }
  return marked;
}

export const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'] as const;

/**
 * An npm lockfile (package-lock.json / npm-shrinkwrap.json) with the version of the package at
 * `packagePath` set: `""` is the root package (also the top-level `version`), `libs/a` a workspace.
 * Rewritten as npm writes it (detected indentation, newline at end); undefined when the lockfile
 * does not list that package.
 */
export function setLockfileVersion(file: string, text: string, packagePath: string, version: string): string | undefined {
  let lock: { version?: string; packages?: Record<string, { version?: string }> };
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const entry = lock.packages?.[packagePath];
  const isRoot = packagePath === '';
  if (!entry && !(isRoot && lock.version !== undefined)) return undefined;
  if (isRoot && lock.version !== undefined) lock.version = version;
  if (entry && entry.version !== undefined) entry.version = version;
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  return `${JSON.stringify(lock, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

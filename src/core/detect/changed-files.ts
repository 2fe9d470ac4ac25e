import { AegisError } from '../errors.js';

export const CHANGED_FILES_FORMATS = ['lines', 'nul', 'json'] as const;
export type ChangedFilesFormat = (typeof CHANGED_FILES_FORMATS)[number];

/**
 * The changed-files file in one of three formats:
 * - `lines`: one path per line. A path git itself would quote (a control character such as a
 *   newline, a double quote or a backslash) is written C-quoted as `git diff` writes it
 *   (`"a\nb"`), so a name can never add a line of its own;
 * - `nul`: every path followed by a NUL byte (`git diff -z`, `xargs -0`, `read -d ''`);
 * - `json`: a JSON array of strings.
 */
export function formatChangedFiles(paths: readonly string[], format: ChangedFilesFormat): string {
  switch (format) {
    case 'lines':
      // Almost always no path needs quoting: then the list is joined as it is, without a copy.
      return terminated(paths.some(needsQuoting) ? paths.map(quotePath) : paths, '\n');
    case 'nul':
      return terminated(paths, '\0');
    case 'json':
      return `${JSON.stringify(paths)}\n`;
    default:
      throw new AegisError(`Unknown changed-files format '${format as string}'.`);
  }
}

/** Every item followed by `end` (one join: no string per item at 100,000 paths). */
function terminated(items: readonly string[], end: string): string {
  return items.length === 0 ? '' : `${items.join(end)}${end}`;
}

const ESCAPES: Record<string, string> = {
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\v': '\\v',
  '\u0007': '\\a',
};

/** What git C-quotes: control characters, DEL, `"` and `\`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what git quotes
const QUOTED_CHARACTER = /[\u0000-\u001f\u007f"\\]/;

const needsQuoting = (text: string) => QUOTED_CHARACTER.test(text);

/** git's C-style quoting of a path (as with core.quotePath=false: non-ASCII stays as it is). */
export function quotePath(path: string): string {
  if (!needsQuoting(path)) return path;
  const body = [...path]
    .map((char) => (needsQuoting(char) ? (ESCAPES[char] ?? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}`) : char))
    .join('');
  return `"${body}"`;
}

/**
 * The one escaping layer for everything a stage prints: log lines, markdown (summaries, PR
 * bodies), mermaid labels. Text that came from repositories or services (commit messages,
 * file names, tags, server answers) is data: it must never become a workflow command, a
 * heading, a code fence or a diagram node of its own.
 */

const ZERO_WIDTH_SPACE = '\u200b';

function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f || (code >= 0x80 && code < 0xa0);
}

/** `\r` → `\\r`, other control characters (ESC included) → `\\xNN` / `\\uNNNN`; tabs and newlines stay. */
function escapeControls(text: string): string {
  let result = '';
  for (const char of text.replace(/\r\n/g, '\n')) {
    const code = char.charCodeAt(0);
    if (!isControl(code)) result += char;
    else if (code === 0x0d) result += '\\r';
    else result += code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return result;
}

/**
 * Text safe to print as log lines on every runner: no line is a GitHub workflow command (`::`
 * after optional blanks, or the legacy `##[`), a lone CR (which GitHub's runner also splits
 * lines on) is shown as `\r`, and escape sequences (GitLab's section markers, colours) are shown,
 * not interpreted. Newlines stay: each line is checked on its own.
 */
export function neutralizeLogText(text: string): string {
  return escapeControls(text)
    .split('\n')
    .map((line) => line.replace(/^(\s*):(?=:)/, `$1:${ZERO_WIDTH_SPACE}`).replace(/##\[/g, `#${ZERO_WIDTH_SPACE}#[`))
    .join('\n');
}

/** NUL cannot travel in an environment variable, a dotenv report or GITHUB_OUTPUT: shown instead. */
export function withoutNul(text: string): string {
  return text.replace(/\0/g, '\\0');
}

/**
 * A value for a one-line `name=value` record (GitLab's dotenv report, the CLI's stdout):
 * NUL shown as `\0`, newline as `\n`, CR and other control characters as `\r` / `\xNN`,
 * so a value can never add a line (or, through a lone CR, hide one) of its own.
 */
export function singleLineValue(text: string): string {
  return escapeControls(withoutNul(text)).replace(/\n/g, '\\n');
}

/** Markdown we wrote ourselves (not escaped again by `table`). */
export class Markdown {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type Cell = string | Markdown;

/** Our own markup, trusted as is. */
export function markup(text: string): Markdown {
  return new Markdown(text);
}

/**
 * Plain text as inline markdown: the characters that could open structure (code spans, links,
 * images, HTML, table cells, escapes) are escaped; lines are joined by `<br>`. Emphasis
 * characters are left alone: they cannot break out of the line they are on.
 */
export function inlineText(text: string): string {
  return escapeControls(text)
    .replace(/[\\`[\]<>|]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : `\\${char}`))
    .replace(/\t/g, ' ')
    .replace(/\n/g, '<br>');
}

/**
 * A value as an inline code span: the fence is longer than any backtick run inside, newlines
 * become spaces (a code span cannot hold a line break, and a fence must not start a line) and
 * pipes are escaped so a table row stays one row.
 */
export function code(value: string): Markdown {
  const flat = escapeControls(value).replace(/\s*\n\s*/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') || flat.startsWith(' ') ? ` ${flat} ` : flat;
  return new Markdown(`${fence}${padded.replace(/\|/g, '\\|')}${fence}`);
}

/** A link whose label is plain text; only http(s) URLs become links. */
export function link(label: string, url: string): Markdown {
  if (!/^https?:\/\/[^\s<>()]+$/.test(url)) return new Markdown(inlineText(label));
  return new Markdown(`[${inlineText(label)}](${url})`);
}

function cellText(cell: Cell): string {
  // Our own markup: kept, but it must stay one cell of one row.
  if (cell instanceof Markdown) return cell.text.replace(/(?<!\\)\|/g, '\\|').replace(/\s*\r?\n\s*/g, ' ');
  return inlineText(cell);
}

/** Alignment of each column (left when not given): figures read better right-aligned. */
export type ColumnAlign = 'left' | 'right';

/** A GitHub/GitLab-flavoured table. String cells are plain text (escaped); Markdown cells are ours. */
export function markdownTable(headers: readonly Cell[], rows: readonly (readonly Cell[])[], align: readonly ColumnAlign[] = []): string {
  return [
    `| ${headers.map(cellText).join(' | ')} |`,
    `|${headers.map((_, index) => (align[index] === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.map(cellText).join(' | ')} |`),
  ].join('\n');
}

/**
 * Text inside a double-quoted mermaid label: the characters that would end the label, the
 * line or the fenced block (`"`, newlines, backticks, `#`, `;`, brackets, `<`, `>`) are written
 * as mermaid entity codes (`#34;`), so a value can never add a node, a line or leave the block.
 */
export function mermaidText(text: string): string {
  return escapeControls(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[#"`;<>[\]{}()|]/g, (char) => `#${MERMAID_NAMED[char] ?? char.charCodeAt(0)};`);
}

const MERMAID_NAMED: Record<string, string> = { '"': 'quot', '<': 'lt', '>': 'gt' };

/** A complete, double-quoted mermaid label. */
export function mermaidLabel(text: string): string {
  return `"${mermaidText(text)}"`;
}

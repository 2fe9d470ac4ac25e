/**
 * The `{{…}}` expressions of docker/metadata-action's tag rules, flavor and labels: a
 * mustache subset with helpers (`{{branch}}`, `{{date 'YYYYMMDD' tz='Asia/Tokyo'}}`) and
 * values (`{{major}}`). Output is HTML-escaped as Handlebars (which metadata-action uses)
 * escapes it; `{{{…}}}` is not. An unknown helper called with arguments is an error.
 */
import { InputError } from '../errors.js';

export type HelperArgument = string | undefined;
export type Helper = (args: HelperArgument[], hash: Record<string, string>) => string;
export type ExpressionScope = Record<string, Helper | string | number | readonly (string | number)[] | undefined>;

const MUSTACHE = /\{\{(\{?)\s*([^{}]*?)\s*\}?\}\}/g;
const TOKEN = /\s*(?:([\w.-]+)=)?(?:'([^']*)'|"([^"]*)"|([^\s'"=]+))/y;
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

interface Call {
  name: string;
  args: { literal?: string; path?: string }[];
  hash: Record<string, string>;
}

function parseCall(body: string, source: string, input: string): Call {
  const parts: { key?: string; literal?: string; path?: string }[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < body.length) {
    const match = TOKEN.exec(body);
    if (!match) throw new InputError(input, source, `an expression of the form {{name 'argument' key='value'}}; cannot read "${body}"`);
    const literal = match[2] ?? match[3];
    parts.push({ key: match[1], ...(literal !== undefined ? { literal } : { path: match[4] }) });
    if (/^\s*$/.test(body.slice(TOKEN.lastIndex))) break;
  }
  const [head, ...rest] = parts;
  if (!head?.path || head.key)
    throw new InputError(input, source, `an expression starting with a name, e.g. {{branch}}; got "{{${body}}}"`);
  const hash: Record<string, string> = {};
  const args: Call['args'] = [];
  for (const part of rest) {
    if (part.key) hash[part.key] = part.literal ?? part.path ?? '';
    else args.push(part.literal !== undefined ? { literal: part.literal } : { path: part.path });
  }
  return { name: head.path, args, hash };
}

function display(value: unknown): string {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** Renders `template` with `scope`; `input` names the input in errors. */
export function renderExpression(template: string, scope: ExpressionScope, input: string): string {
  return template.replace(MUSTACHE, (_whole, triple: string, body: string) => {
    if (body === '') return '';
    const call = parseCall(body, template, input);
    const entry = Object.hasOwn(scope, call.name) ? scope[call.name] : undefined;
    let value: string;
    if (typeof entry === 'function') {
      // A bare word argument is a lookup in the scope, as in Handlebars.
      const args = call.args.map((arg) =>
        arg.literal !== undefined
          ? arg.literal
          : display(Object.hasOwn(scope, arg.path as string) ? scope[arg.path as string] : undefined) || undefined,
      );
      value = entry(args, call.hash);
    } else {
      if (call.args.length > 0 || Object.keys(call.hash).length > 0) {
        throw new InputError(input, template, `known expressions (${Object.keys(scope).join(', ')}); {{${call.name}}} takes no arguments`);
      }
      value = display(entry);
    }
    return triple ? value : value.replace(/[&<>"'`=]/g, (c) => ESCAPES[c] as string);
  });
}

/** True when the pattern is exactly one `{{raw}}` expression (metadata-action's isRawStatement). */
export function isRawStatement(pattern: string): boolean {
  return /^\{\{\s*raw\s*\}\}$/.test(pattern);
}

import type { RegistryCredentials } from '../core/build/registry.js';
import { InputError } from '../core/errors.js';
import type { InputReader } from './inputs.js';

/** A GitHub/GitLab-flavoured markdown table; pipes and newlines in cells are escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map((value) => cell(value)).join(' | ')} |`),
  ].join('\n');
}

/** `registry-username` and `registry-password`, which only make sense together. */
export function parseRegistryCredentials(reader: InputReader): RegistryCredentials | undefined {
  const username = reader.optional('registry-username');
  const password = reader.optional('registry-password');
  if ((username === undefined) !== (password === undefined)) {
    throw new InputError(
      username ? 'registry-password' : 'registry-username',
      '',
      'a value: registry-username and registry-password go together',
    );
  }
  return username && password ? { username, password } : undefined;
}

/** "Name <email>" as git writes it. */
export function parseIdentity(input: string, value: string): { name: string; email: string } {
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (!match) throw new InputError(input, value, 'an identity in the form "Name <email@example.com>"');
  return { name: match[1] as string, email: match[2] as string };
}

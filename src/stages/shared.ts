import { dirname } from 'node:path';
import type { RegistryCredentials } from '../core/build/registry.js';
import { FileError, InputError } from '../core/errors.js';
import { isInside } from '../core/paths.js';
import type { Platform } from '../platform/types.js';
import type { InputReader } from './inputs.js';

/**
 * The directory a stage file must stay inside, for `ensureDirectoryInside` / `writeFileSafely`:
 * the workspace or the input root holding it (RUNNER_TEMP, `--output-dir`), else the directory
 * the platform made its output directory in. A symlink under it that leads out is then refused.
 */
export function writeRootFor(platform: Platform, path: string): string {
  const root = [platform.workspace, ...platform.inputRoots].find((dir) => isInside(dir, path));
  if (root) return root;
  const own = platform.outputDir();
  if (isInside(own, path)) return dirname(own);
  throw new FileError(path, `refusing to write outside ${platform.workspace}`);
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

/**
 * The registry the `registry-username`/`registry-password` pair is for: the `registry` input,
 * else `defaultRegistry` (the host of the image they were given with). They are sent to that
 * host only; a stage that reads images from several registries has no default.
 */
export function parseRegistryLogin(
  reader: InputReader,
  defaultRegistry?: string,
): { registry: string; credentials: { username: string; password: string } } | undefined {
  const credentials = parseRegistryCredentials(reader);
  const registry = reader.optional('registry')?.toLowerCase();
  if (registry !== undefined && !/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)(:\d{1,5})?$/.test(registry)) {
    throw new InputError('registry', registry, 'a registry host such as ghcr.io or registry.example.com:5000 (no scheme, no path)');
  }
  if (!credentials) return undefined;
  const host = registry ?? defaultRegistry?.toLowerCase();
  if (!host) {
    throw new InputError(
      'registry',
      '',
      'the registry host registry-username/registry-password are for (e.g. ghcr.io)',
      'they are sent to that host only',
    );
  }
  return { registry: host, credentials };
}

/**
 * A repository path on a forge: `owner/name` (GitHub), or `group/sub/project` when `nested`.
 * Segments of letters, digits, `.`, `_` and `-`, never `.` or `..` (which would walk the API path).
 */
export function assertForgeRepository(input: string, value: string, nested = false): void {
  const segments = value.split('/');
  const valid =
    segments.length >= 2 &&
    (nested || segments.length === 2) &&
    segments.every((segment) => /^[\w.-]+$/.test(segment) && segment !== '.' && segment !== '..');
  if (!valid) throw new InputError(input, value, nested ? 'a project path such as group/project or owner/name' : 'owner/name');
}

/** "Name <email>" as git writes it. */
export function parseIdentity(input: string, value: string): { name: string; email: string } {
  const match = /^\s*([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(value);
  if (!match) throw new InputError(input, value, 'an identity in the form "Name <email@example.com>"');
  return { name: match[1] as string, email: match[2] as string };
}

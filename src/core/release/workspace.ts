import picomatch from 'picomatch';
import semver from 'semver';
import { FileError } from '../errors.js';
import type { GitOperations } from '../git/git.js';

/** A byte span of a JSON string's contents (without the quotes). */
interface Span {
  start: number;
  end: number;
  value: string;
}

/**
 * Spans of the string values at `depth` 2 under each of `sections` (`{"dependencies": {"a": "^1.0.0"}}`),
 * found with a small scanner so the edit replaces exactly those bytes and nothing else.
 */
export function dependencySpans(file: string, text: string, sections: readonly string[]): Array<Span & { section: string; name: string }> {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  const spans: Array<Span & { section: string; name: string }> = [];
  const path: string[] = [];
  let index = 0;
  const readString = (): Span => {
    const start = index + 1;
    index = start;
    while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    const raw = text.slice(start, index);
    index++;
    return { start, end: index - 1, value: JSON.parse(`"${raw}"`) as string };
  };
  const skipSpace = () => {
    while (/\s/.test(text[index] ?? '')) index++;
  };
  const value = (): void => {
    skipSpace();
    const char = text[index];
    if (char === '{') {
      index++;
      skipSpace();
      if (text[index] === '}') {
        index++;
        return;
      }
      for (;;) {
        skipSpace();
        const key = readString().value;
        skipSpace();
        index++; // the colon
        skipSpace();
        path.push(key);
        if (path.length === 2 && sections.includes(path[0] as string) && text[index] === '"') {
          spans.push({ ...readString(), section: path[0] as string, name: key });
        } else value();
        path.pop();
        skipSpace();
        if (text[index++] === '}') return;
      }
    }
    if (char === '[') {
      index++;
      skipSpace();
      if (text[index] === ']') {
        index++;
        return;
      }
      for (;;) {
        value();
        skipSpace();
        if (text[index++] === ']') return;
      }
    }
    if (char === '"') {
      readString();
      return;
    }
    while (index < text.length && !/[,}\]\s]/.test(text[index] as string)) index++;
  };
  value();
  return spans;
}

export const DEPENDENCY_SECTIONS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

/**
 * The range that admits `version` in the form the dependent wrote (`^0.1.0` → `^0.2.0`,
 * `workspace:~1.0.0` → `workspace:~1.1.0`); undefined for forms that follow the workspace by
 * themselves or say something a bump must not overrule (`workspace:*`, `*`, `file:`, `^1 || ^2`).
 */
export function bumpedRange(range: string, version: string): string | undefined {
  const match = /^(workspace:)?(\^|~|>=|=)?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(range.trim());
  if (!match || !semver.valid(match[3])) return undefined;
  const next = `${match[1] ?? ''}${match[2] ?? ''}${version}`;
  return next === range ? undefined : next;
}

export interface WorkspacePackage {
  /** Folder relative to the repository root. */
  dir: string;
  manifest: string;
}

/** The npm/yarn/pnpm-style `workspaces` globs of the root package.json, matched against the tree's package.json files. */
export async function workspacePackages(git: GitOperations, rootManifest: string | undefined): Promise<WorkspacePackage[]> {
  if (!rootManifest) return [];
  const parsed = JSON.parse(rootManifest) as { workspaces?: string[] | { packages?: string[] } };
  const globs = Array.isArray(parsed.workspaces) ? parsed.workspaces : (parsed.workspaces?.packages ?? []);
  if (globs.length === 0) return [];
  const matches = picomatch(globs.map((glob) => glob.replace(/^\.\//, '').replace(/\/$/, '')));
  return (await git.listFiles('HEAD'))
    .filter((file) => file.endsWith('/package.json') && !file.includes('node_modules/'))
    .map((file) => file.slice(0, -'/package.json'.length))
    .filter((dir) => matches(dir))
    .map((dir) => ({ dir, manifest: `${dir}/package.json` }));
}

/** A dependent's manifest with its ranges on `name` moved to admit `version`; every other byte kept. */
export function bumpDependency(file: string, text: string, name: string, version: string): { text: string; bumped: string[] } {
  let result = text;
  const bumped: string[] = [];
  const spans = dependencySpans(file, text, DEPENDENCY_SECTIONS).filter((span) => span.name === name);
  for (const span of spans.sort((a, b) => b.start - a.start)) {
    const next = bumpedRange(span.value, version);
    if (!next) continue;
    result = `${result.slice(0, span.start)}${JSON.stringify(next).slice(1, -1)}${result.slice(span.end)}`;
    bumped.push(`${span.section} ${span.value} → ${next}`);
  }
  return { text: result, bumped };
}

/** The root lockfile with the dependents' recorded ranges on `name` updated as in their manifests. */
export function bumpLockfileDependents(file: string, text: string, dependents: readonly string[], name: string, version: string): string {
  let lock: { packages?: Record<string, Record<string, unknown>> };
  try {
    lock = JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `is not valid JSON: ${(error as Error).message}`);
  }
  for (const dir of dependents) {
    const entry = lock.packages?.[dir];
    if (!entry) continue;
    for (const section of DEPENDENCY_SECTIONS) {
      const deps = entry[section] as Record<string, string> | undefined;
      const next = deps?.[name] === undefined ? undefined : bumpedRange(deps[name] as string, version);
      if (deps && next) deps[name] = next;
    }
  }
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  return `${JSON.stringify(lock, null, indent)}${text.endsWith('\n') ? '\n' : ''}`;
}

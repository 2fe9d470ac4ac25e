/** The library's own manifests, read for its name: package.json (npm) and pyproject.toml (PyPI). */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** `name` of the folder's package.json, when it has one. */
export function npmPackageName(libraryDir: string): string | undefined {
  const file = join(libraryDir, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name : undefined;
}

/** The project name of the folder's pyproject.toml: `[project]` (PEP 621) or `[tool.poetry]`. */
export function pypiProjectName(libraryDir: string): string | undefined {
  const file = join(libraryDir, 'pyproject.toml');
  if (!existsSync(file)) return undefined;
  let table = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) table = (header[1] as string).trim();
    const name = /^\s*name\s*=\s*["']([^"']+)["']/.exec(line);
    if (name && (table === 'project' || table === 'tool.poetry')) return name[1];
  }
  return undefined;
}

/** The name the release is announced under: the npm package, else the Python project, else the folder. */
export function libraryName(libraryDir: string): string {
  return npmPackageName(libraryDir) ?? pypiProjectName(libraryDir) ?? basename(libraryDir);
}

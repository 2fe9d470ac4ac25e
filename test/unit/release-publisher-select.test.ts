/** Which publisher a release gets from `publish` and the library's manifest (core, no platform), and the name it is announced under. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { libraryName, npmPackageName, pypiProjectName } from '../../src/core/release/package.js';
import { createPublisher, type PublisherOptions } from '../../src/core/release/publish/select.js';
import { tempDir } from '../helpers/git.js';

const root = tempDir('aegis-publisher-select-');

/** A library folder holding `files`. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const NPM = folder('npm', { 'package.json': '{ "name": "@acme/lib", "version": "1.0.0" }' });
const PEP621 = folder('pep621', { 'pyproject.toml': '[build-system]\nname = "not-this"\n[project]\nname = "acme-lib"\nversion = "1.0"\n' });
const POETRY = folder('poetry', { 'pyproject.toml': "[tool.poetry]\nname = 'acme-poetry'\n" });
const BARE = folder('bare-folder', { 'README.md': '# lib\n' });

describe('the library manifest', () => {
  test.each([
    ['package.json', NPM, '@acme/lib', undefined, '@acme/lib'],
    ["pyproject.toml's [project]", PEP621, undefined, 'acme-lib', 'acme-lib'],
    ["pyproject.toml's [tool.poetry]", POETRY, undefined, 'acme-poetry', 'acme-poetry'],
    ['neither: the folder name', BARE, undefined, undefined, 'bare-folder'],
  ])('%s', (_description, dir, npm, pypi, name) => {
    expect(npmPackageName(dir)).toBe(npm);
    expect(pypiProjectName(dir)).toBe(pypi);
    expect(libraryName(dir)).toBe(name);
  });
});

describe('createPublisher', () => {
  const base = (options: Partial<PublisherOptions>): PublisherOptions => ({
    publish: 'none',
    libraryDir: BARE,
    tagPrefix: 'v',
    ...options,
  });

  test.each([
    ['none', base({}), 'none'],
    ['npm with a named package.json', base({ publish: 'npm', libraryDir: NPM }), 'npm'],
    ['pypi to pypi.org', base({ publish: 'pypi', libraryDir: PEP621 }), 'pypi'],
    [
      'pypi to another index with its JSON API given',
      base({
        publish: 'pypi',
        libraryDir: PEP621,
        registryUrl: 'https://pypi.example.com/legacy/',
        pypiCheckUrl: 'https://pypi.example.com/pypi/',
      }),
      'pypi',
    ],
    ['a command', base({ publish: 'command', publishArgv: ['true'], checkArgv: ['false'] }), 'command'],
  ])('%s', (_description, options, kind) => {
    expect(createPublisher(options).kind).toBe(kind);
  });

  test.each([
    ['npm without a package.json', base({ publish: 'npm' }), 'publish'],
    ['pypi without a pyproject.toml', base({ publish: 'pypi', libraryDir: NPM }), 'publish'],
    [
      'pypi to an unknown index without its JSON API',
      base({ publish: 'pypi', libraryDir: PEP621, registryUrl: 'https://pypi.example.com/legacy/' }),
      'pypi-check-url',
    ],
  ])('refuses %s, naming the input', (_description, options, input) => {
    const error = (() => {
      try {
        createPublisher(options);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe(input);
  });
});

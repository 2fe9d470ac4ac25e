import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { FileError, InputError } from '../errors.js';
import { resolveInside } from '../paths.js';

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const GLOB_CHARS = /[*?[\]{}!]/;

/** The kustomization file of a directory; two of them are refused, as `kustomize build` refuses them. */
export function kustomizationIn(dir: string, shown = dir): string | undefined {
  const files = KUSTOMIZATION_NAMES.map((name) => join(dir, name)).filter((file) => existsSync(file));
  if (files.length > 1) {
    throw new FileError(
      shown,
      `found multiple kustomization files (${files.map((file) => basename(file)).join(', ')}); kustomize refuses to build this directory, keep one`,
    );
  }
  return files[0];
}

/** The repository-relative file, refused when it (or a symlink it is) leads outside the checkout. */
function inside(root: string, file: string, input: string, entry: string): string {
  try {
    resolveInside(root, relative(root, file), input);
  } catch {
    throw new InputError(
      input,
      entry,
      'kustomization files inside the GitOps repository',
      `${relative(root, file)} is a symlink that leads outside`,
    );
  }
  return relative(root, file).split(sep).join('/');
}

/** Repository-relative paths with `/`, skipping .git, for glob matching. */
function walk(root: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(dir, entry.name);
      const rel = relative(root, path).split(sep).join('/');
      if (entry.isDirectory()) {
        dirs.push(rel);
        visit(path);
      } else if (entry.isFile()) files.push(rel);
    }
  };
  visit(root);
  return { files, dirs };
}

/**
 * Turns `paths` entries (kustomization files, directories holding one, or globs) into a
 * sorted, de-duplicated list of repository-relative kustomization files. Every entry must
 * match something: a typo is an error, not a silent no-op.
 */
export function resolveKustomizations(root: string, entries: readonly string[], input = 'paths'): string[] {
  const found = new Set<string>();
  let tree: ReturnType<typeof walk> | undefined;
  for (const entry of entries) {
    const before = found.size;
    if (GLOB_CHARS.test(entry)) {
      tree ??= walk(root);
      const matches = picomatch(entry.replace(/^\.\//, ''), { dot: false });
      for (const file of tree.files) if (matches(file) && KUSTOMIZATION_NAMES.some((name) => file.endsWith(name))) found.add(file);
      for (const dir of tree.dirs) {
        if (!matches(dir)) continue;
        const file = kustomizationIn(join(root, dir));
        if (file) found.add(inside(root, file, input, entry));
      }
      if (found.size === before) throw new InputError(input, entry, 'a glob that matches at least one kustomization file');
      continue;
    }
    const absolute = resolveInside(root, entry, input);
    if (!existsSync(absolute)) throw new InputError(input, entry, 'an existing file or directory in the GitOps repository');
    const file = statSync(absolute).isDirectory() ? kustomizationIn(absolute) : absolute;
    if (!file) throw new InputError(input, entry, `a directory containing ${KUSTOMIZATION_NAMES.join(', ')}`);
    found.add(inside(root, file, input, entry));
  }
  // A directory with two kustomization files is refused however it was named (kustomize refuses it).
  for (const file of found) if (KUSTOMIZATION_NAMES.includes(basename(file))) kustomizationIn(dirname(join(root, file)), dirname(file));
  return [...found].sort();
}

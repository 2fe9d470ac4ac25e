/**
 * Which images a kustomization renders: the project's own reading of what `kustomize build`
 * would put in `containers[].image` / `initContainers[].image` / `ephemeralContainers[].image`
 * (the fields kustomize's image transformer edits), following `resources`, `bases`,
 * `components` and patch files inside the repository, and applying each kustomization's own
 * `images` renames on the way up. What it cannot follow without kustomize itself (remote
 * bases, helmCharts, generator/transformer plugins, files outside the checkout) is reported as
 * `unreadable`, so a caller can refuse instead of guessing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Node, parseAllDocuments } from 'yaml';
import { resolveInside } from '../paths.js';
import { kustomizationIn } from './targets.js';

export interface RenderedImages {
  /** Image names (no tag, no digest) as they reach this kustomization's image transformer. */
  names: Set<string>;
  /** What could not be read, each naming the file and the field. */
  unreadable: string[];
}

const CONTAINER_FIELDS = new Set(['containers', 'initContainers', 'ephemeralContainers']);
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@|^(github\.com|gitlab\.com|bitbucket\.org)\//i;

/** `registry:5000/shop/api:1.2@sha256:…` → `registry:5000/shop/api` (how kustomize matches `images[].name`). */
export function imageName(reference: string): string {
  const at = reference.indexOf('@');
  const withoutDigest = at >= 0 ? reference.slice(0, at) : reference;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function containerImages(node: unknown, into: Set<string>): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key && CONTAINER_FIELDS.has(key) && isSeq(pair.value)) {
        for (const container of pair.value.items) {
          if (!isMap(container)) continue;
          const image = container.get('image', true);
          if (isScalar(image) && typeof image.value === 'string' && image.value) into.add(imageName(image.value));
        }
      }
      containerImages(pair.value, into);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) containerImages(item, into);
  }
}

/** Inside the checkout, symlinks included. */
function isPathInside(root: string, path: string): boolean {
  try {
    resolveInside(root, relative(root, path), 'resources');
    return true;
  } catch {
    return false;
  }
}

function strings(node: Node | null | undefined): string[] {
  if (!isSeq(node)) return [];
  return node.items.flatMap((item) => (isScalar(item) && typeof item.value === 'string' ? [item.value] : []));
}

/** Reads the images `file` (repository-relative) renders, within `root`. */
export function renderedImages(root: string, file: string): RenderedImages {
  const unreadable: string[] = [];
  const visiting = new Set<string>();
  const rel = (path: string) => relative(root, path).split(sep).join('/');

  const manifests = (path: string, into: Set<string>) => {
    for (const document of parseAllDocuments(readFileSync(path, 'utf8'))) {
      if (document.errors.length > 0) {
        unreadable.push(`${rel(path)}: not YAML`);
        return;
      }
      containerImages(document.contents, into);
    }
  };

  /** `top`: the kustomization asked about, whose own `images` are what is being decided. */
  const kustomization = (path: string, isTop = false): Set<string> => {
    const names = new Set<string>();
    if (visiting.has(path)) return names;
    visiting.add(path);
    const document = parseAllDocuments(readFileSync(path, 'utf8'))[0];
    const top = document && !Array.isArray(document) && document.errors.length === 0 ? document.contents : undefined;
    if (!isMap(top)) {
      unreadable.push(`${rel(path)}: not a kustomization`);
      return names;
    }
    const here = dirname(path);
    const entry = (field: string, value: string) => {
      if (REMOTE.test(value)) return unreadable.push(`${rel(path)}: ${field} ${value} is remote`);
      const target = join(here, value);
      if (!isPathInside(root, target) || !existsSync(target))
        return unreadable.push(`${rel(path)}: ${field} ${value} is not in the checkout`);
      if (statSync(target).isDirectory()) {
        let child: string | undefined;
        try {
          child = kustomizationIn(target, rel(target));
        } catch (error) {
          return unreadable.push((error as Error).message);
        }
        if (!child) return unreadable.push(`${rel(path)}: ${field} ${value} has no kustomization`);
        for (const name of kustomization(child)) names.add(name);
      } else manifests(target, names);
    };
    for (const field of ['resources', 'bases', 'components'])
      for (const value of strings(top.get(field, true) as Node)) entry(field, value);
    // Patches may add containers (a sidecar); their images are rendered too.
    for (const value of strings(top.get('patchesStrategicMerge', true) as Node)) {
      if (/^\s*[[{]|\n/.test(value) || !existsSync(join(here, value))) continue;
      manifests(join(here, value), names);
    }
    const patches = top.get('patches', true);
    if (isSeq(patches)) {
      for (const patch of patches.items) {
        if (!isMap(patch)) continue;
        const patchFile = patch.get('path');
        if (typeof patchFile === 'string' && existsSync(join(here, patchFile)) && isPathInside(root, join(here, patchFile)))
          manifests(join(here, patchFile), names);
        const inline = patch.get('patch');
        if (typeof inline === 'string') for (const document of parseAllDocuments(inline)) containerImages(document.contents, names);
      }
    }
    for (const field of ['helmCharts', 'generators', 'transformers']) {
      if (top.has(field)) unreadable.push(`${rel(path)}: ${field} needs kustomize itself`);
    }
    // This kustomization's own `images` renames what its resources use, before its parent sees them.
    const images = top.get('images', true);
    if (!isTop && isSeq(images)) {
      for (const image of images.items) {
        if (!isMap(image)) continue;
        const name = image.get('name');
        const newName = image.get('newName');
        if (typeof name === 'string' && typeof newName === 'string' && names.has(name)) {
          names.delete(name);
          names.add(newName);
        }
      }
    }
    visiting.delete(path);
    return names;
  };

  return { names: kustomization(join(root, file), true), unreadable };
}

import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { FileWrite } from '../git/transaction.js';
import { formatImage, type ImageOverride } from '../images/image-line.js';
import { resolveInside } from '../paths.js';
import { type ImageChange, setImages } from '../yaml/kustomization.js';
import { formatPath, type SetLine, setValues } from '../yaml/values.js';
import { resolveKustomizations } from './targets.js';

export interface BumpRequest {
  /** `paths` entries: kustomization files, directories or globs. */
  paths: readonly string[];
  images: readonly ImageOverride[];
  /** Helm-values style `file:path=value` settings. */
  values: readonly SetLine[];
  /** Add an `images[]` entry where a kustomization has none for the image (kustomize's behaviour). */
  addMissing: boolean;
}

export interface ValueChange {
  file: string;
  path: string;
  previous: string | null;
  next: string;
}

export interface BumpPlan {
  /** Only files whose bytes change. */
  files: FileWrite[];
  imageChanges: ImageChange[];
  valueChanges: ValueChange[];
}

/**
 * Computes every edit against the checkout at `root` without writing: each file is read
 * once, all of its edits are applied in memory, and any error aborts the whole plan, so a
 * repository is never left half-edited.
 */
export function planBump(root: string, request: BumpRequest): BumpPlan {
  const contents = new Map<string, string>();
  const read = (path: string) => {
    let content = contents.get(path);
    if (content === undefined) {
      content = readFileSync(join(root, path), 'utf8');
      contents.set(path, content);
    }
    return content;
  };
  const original = new Map<string, string>();
  const imageChanges: ImageChange[] = [];
  const valueChanges: ValueChange[] = [];

  if (request.images.length > 0) {
    for (const file of resolveKustomizations(root, request.paths)) {
      const before = read(file);
      if (!original.has(file)) original.set(file, before);
      const result = setImages(before, request.images, { file, addMissing: request.addMissing });
      contents.set(file, result.content);
      imageChanges.push(...result.changes);
    }
  }

  // Grouped by the normalised path, so `values.yaml` and `./values.yaml` are one file edited once.
  const settingsByFile = new Map<string, SetLine[]>();
  for (const setting of request.values) {
    const file = relative(root, resolveInside(root, setting.file, 'set'))
      .split(sep)
      .join('/');
    settingsByFile.set(file, [...(settingsByFile.get(file) ?? []), setting]);
  }
  for (const [file, settings] of settingsByFile) {
    let before: string;
    try {
      before = read(file);
    } catch {
      throw new InputError(
        'set',
        (settings[0] as SetLine).line,
        '`<file>:<path>=<value>` lines naming existing files in the GitOps repository',
      );
    }
    if (!original.has(file)) original.set(file, before);
    const result = setValues(before, file, settings);
    contents.set(file, result.content);
    result.results.forEach((edit, index) => {
      if (edit.changed)
        valueChanges.push({ file, path: formatPath(edit.path), previous: edit.previous, next: (settings[index] as SetLine).value });
    });
  }

  const files = [...original.entries()]
    .filter(([path, before]) => contents.get(path) !== before)
    .map(([path]) => ({ path, content: contents.get(path) as string }));
  return { files, imageChanges, valueChanges };
}

export interface ImageChangeSummary {
  name: string;
  /** Full reference kustomize will render, e.g. `registry/api:1.2@sha256:…`. */
  next: string;
  previous?: string;
  /** What a person calls the version: the tag, else a short digest. */
  version: string;
}

/** One entry per distinct image change (an image set in many overlays counts once), for messages and trailers. */
export function describeImageChanges(changes: readonly ImageChange[]): ImageChangeSummary[] {
  const seen = new Map<string, ImageChangeSummary>();
  for (const change of changes) {
    const next = formatImage({ name: change.name, ...change.next });
    const key = `${change.name}=${next}`;
    if (seen.has(key)) continue;
    seen.set(key, {
      name: change.name,
      next,
      previous: change.previous ? formatImage({ name: change.name, ...change.previous }) : undefined,
      version: change.next.newTag ?? change.next.digest?.slice(0, 19) ?? next,
    });
  }
  return [...seen.values()];
}

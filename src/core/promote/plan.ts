/**
 * Writing the target: the gitops-bump engine's byte-preserving `setImages`, with overrides
 * that set exactly the source value (newName, newTag, digest as the source entry has them).
 * Each target overlay that lists an image gets the value; an environment made of several
 * apps (overlays listing different images) is therefore handled, and an image no target
 * overlay lists is refused unless `addMissing` (which adds it to every target overlay).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileWrite } from '../git/transaction.js';
import { resolveKustomizations } from '../gitops/targets.js';
import type { ImageOverride } from '../images/image-line.js';
import { type ImageChange, readImages, setImages } from '../yaml/kustomization.js';
import type { Environment } from './environments.js';
import { render, type SourceImage } from './images.js';
import { type Refusal, RULE } from './refusal.js';

/** One image in one target overlay whose value changes. */
export interface PlanEntry {
  image: string;
  /** Target kustomization file. */
  file: string;
  /** The value in the source environment. */
  from: string;
  /** The value in the target environment now; null when the overlay has no entry yet. */
  to: string | null;
  /** What is written: `from`, plus the digest when pin-digest resolved one. */
  next: string;
}

export interface PromotionPlan {
  /** Files whose bytes change. */
  files: FileWrite[];
  entries: PlanEntry[];
  changes: ImageChange[];
  refusals: Refusal[];
}

/** An override that makes the entry exactly the source value (kustomize's replace semantics). */
export function overrideFor(image: SourceImage, keepTargetRegistry = false): ImageOverride {
  const { newName, newTag, digest } = image.value;
  // keep-target-registry: the target's newName stays (one registry per region, as Kargo documents).
  return {
    name: image.name,
    newName,
    newTag,
    digest,
    keepNewName: keepTargetRegistry,
    line: `${image.name}=${render(image.name, image.value)}`,
  };
}

export function planTargets(
  root: string,
  target: Environment,
  images: readonly SourceImage[],
  sourceValues: ReadonlyMap<string, string>,
  options: { addMissing: boolean; keepTargetRegistry?: boolean },
): PromotionPlan {
  const overrides = images.map((image) => overrideFor(image, options.keepTargetRegistry));
  const files: FileWrite[] = [];
  const entries: PlanEntry[] = [];
  const changes: ImageChange[] = [];
  const refusals: Refusal[] = [];
  const listed = new Set<string>();
  const targetFiles = resolveKustomizations(root, target.overlays, 'environments');
  for (const file of targetFiles) {
    const before = readFileSync(join(root, file), 'utf8');
    for (const entry of readImages(before, file)) listed.add(entry.name);
    const result = setImages(before, overrides, { file, addMissing: options.addMissing });
    if (result.content !== before) files.push({ path: file, content: result.content });
    changes.push(...result.changes);
    for (const change of result.changes) {
      entries.push({
        image: change.name,
        file,
        from: sourceValues.get(change.name) ?? render(change.name, change.next),
        to: change.previous ? render(change.name, change.previous) : null,
        next: render(change.name, change.next),
      });
    }
  }
  if (!options.addMissing) {
    for (const image of images.filter((candidate) => !listed.has(candidate.name))) {
      refusals.push({
        subject: image.name,
        kind: 'image',
        rule: RULE.targetMissing,
        detail: `no ${target.name} overlay (${targetFiles.join(', ')}) has an images entry for it; add one, limit 'services', or set add-missing`,
      });
    }
  }
  return { files, entries, changes, refusals };
}

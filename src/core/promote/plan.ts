/**
 * Writing the target: the gitops-bump engine's byte-preserving `setImages`, with overrides
 * that set exactly the source value (newName, newTag, digest as the source entry has them).
 * Each target overlay that lists an image gets the value; an environment made of several
 * apps (overlays listing different images) is therefore handled, and an image no target
 * overlay lists is refused unless `addMissing`, which adds it to the target overlays whose render
 * uses it (the project's reading of resources/bases/components; see rendered-images.ts) and
 * refuses it when none does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileWrite } from '../git/transaction.js';
import { renderedImages } from '../gitops/rendered-images.js';
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
  current: string | null;
  /** What is written: `from`, plus the digest when pin-digest resolved one. */
  written: string;
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
  const added = new Set<string>();
  const unreadable: string[] = [];
  const targetFiles = resolveKustomizations(root, target.overlays, 'environments');
  for (const file of targetFiles) {
    const before = readFileSync(join(root, file), 'utf8');
    const here = new Set(readImages(before, file).map((entry) => entry.name));
    for (const name of here) listed.add(name);
    let fileOverrides = overrides;
    if (options.addMissing && overrides.some((override) => !here.has(override.name))) {
      // add-missing only where the overlay renders a workload using the image.
      const rendered = renderedImages(root, file);
      unreadable.push(...rendered.unreadable);
      fileOverrides = overrides.filter((override) => here.has(override.name) || rendered.names.has(override.name));
      for (const override of fileOverrides) if (!here.has(override.name)) added.add(override.name);
    }
    const result = setImages(before, fileOverrides, { file, addMissing: options.addMissing });
    if (result.content !== before) files.push({ path: file, content: result.content });
    changes.push(...result.changes);
    for (const change of result.changes) {
      entries.push({
        image: change.name,
        file,
        from: sourceValues.get(change.name) ?? render(change.name, change.next),
        current: change.previous ? render(change.name, change.previous) : null,
        written: render(change.name, change.next),
      });
    }
  }
  for (const image of images.filter((candidate) => !listed.has(candidate.name) && !added.has(candidate.name))) {
    if (!options.addMissing) {
      refusals.push({
        subject: image.name,
        kind: 'image',
        rule: RULE.targetMissing,
        detail: `no ${target.name} overlay (${targetFiles.join(', ')}) has an images entry for it; add one, limit 'services', or set add-missing`,
      });
      continue;
    }
    refusals.push({
      subject: image.name,
      kind: 'image',
      rule: RULE.notRendered,
      detail: `no ${target.name} overlay (${targetFiles.join(', ')}) renders a workload using it, so add-missing adds it nowhere${unreadable.length ? ` (could not read: ${[...new Set(unreadable)].join('; ')})` : ''}; add the workload to the overlay's resources, or limit 'services'`,
    });
  }
  return { files, entries, changes, refusals };
}

/**
 * What moves: the images the source overlays set, narrowed to the requested services, and
 * the rules about each value (order, mutable tags). Pure: inputs are what was read from Git.
 */
import picomatch from 'picomatch';
import { InputError } from '../errors.js';
import { formatImage, parseImageLine } from '../images/image-line.js';
import type { ImageFields } from '../yaml/kustomization.js';
import type { Environment, Route } from './environments.js';
import { type Refusal, RULE } from './refusal.js';

/** The `images[]` entries of one kustomization file. */
export interface OverlayImages {
  file: string;
  images: Array<{ name: string } & ImageFields>;
}

/** One image to promote and the value it has in the source environment. */
export interface SourceImage {
  /** `images[].name`: what kustomize matches in resources. */
  name: string;
  value: ImageFields;
  /** Source overlay files that set it. */
  files: string[];
}

/** The reference kustomize renders for an entry, e.g. `registry/api:1.2@sha256:…`. */
export function render(name: string, value: ImageFields): string {
  return formatImage({ name, ...value });
}

/** Same image: equal digests when both have one (the tag is then only a label), else the same rendered reference. */
export function sameValue(name: string, a: ImageFields, b: ImageFields): boolean {
  if ((a.newName ?? name) !== (b.newName ?? name)) return false;
  if (a.digest && b.digest) return a.digest === b.digest;
  return render(name, a) === render(name, b);
}

/** What a person calls the version: the tag, a short digest, or the full reference. */
export function versionOf(name: string, value: ImageFields): string {
  if (value.newTag) return value.newTag;
  if (value.digest) return value.digest.slice(0, 19);
  return render(name, value);
}

function lastSegment(reference: string): string {
  return reference.split('/').pop() as string;
}

/**
 * Whether an `images[]` entry belongs to a service. With the service manifest's `image` for
 * the service: the entry's name or newName is that image. Otherwise by name: the entry's
 * name is the service, or the last path segment of its name or newName is
 * (`registry.example.com/shop/api` belongs to `api`).
 */
export function belongsToService(entry: { name: string } & ImageFields, service: string, manifestImage?: string): boolean {
  if (manifestImage) return entry.name === manifestImage || entry.newName === manifestImage;
  return (
    entry.name === service || lastSegment(entry.name) === service || (entry.newName !== undefined && lastSegment(entry.newName) === service)
  );
}

/** Merges an environment's overlays into one value per image; overlays that disagree are reported. */
export function mergeOverlays(overlays: readonly OverlayImages[]): { images: SourceImage[]; conflicts: Refusal[] } {
  const byName = new Map<string, SourceImage>();
  const conflicts: Refusal[] = [];
  for (const overlay of overlays) {
    for (const { name, ...value } of overlay.images) {
      const known = byName.get(name);
      if (!known) {
        byName.set(name, { name, value, files: [overlay.file] });
        continue;
      }
      if (!sameValue(name, known.value, value) && !conflicts.some((refusal) => refusal.subject === name)) {
        conflicts.push({
          subject: name,
          kind: 'image',
          rule: RULE.ambiguousSource,
          detail: `${known.files[0]} sets ${render(name, known.value)} but ${overlay.file} sets ${render(name, value)}; align the source overlays or promote with 'services'`,
        });
      }
      known.files.push(overlay.file);
    }
  }
  return { images: [...byName.values()], conflicts };
}

/**
 * The images to promote: every image the source sets, or those of `services`. A service the
 * source does not set is refused (promoting it would silently do nothing).
 */
export function selectImages(
  source: readonly OverlayImages[],
  sourceEnvironment: Environment,
  services: readonly string[],
  manifestImages: ReadonlyMap<string, string> = new Map(),
): { images: SourceImage[]; refusals: Refusal[] } {
  const { images, conflicts } = mergeOverlays(source);
  if (services.length === 0) return { images, refusals: conflicts };
  const refusals: Refusal[] = [];
  const selected = new Set<SourceImage>();
  for (const service of services) {
    const matches = images.filter((image) => belongsToService({ name: image.name, ...image.value }, service, manifestImages.get(service)));
    if (matches.length === 0) {
      const manifestImage = manifestImages.get(service);
      refusals.push({
        subject: service,
        kind: 'service',
        rule: RULE.serviceMissing,
        detail: `the ${sourceEnvironment.name} overlays (${source.map((overlay) => overlay.file).join(', ')}) set no image ${manifestImage ? `named ${manifestImage}` : `for it (by name or last path segment)`}`,
      });
    }
    for (const match of matches) selected.add(match);
  }
  const names = new Set([...selected].map((image) => image.name));
  return { images: [...selected], refusals: [...conflicts.filter((conflict) => names.has(conflict.subject)), ...refusals] };
}

/**
 * An image may only reach an environment after the one before it: when `from` is not the
 * environment just before `to`, each value must already run there. `allowSkip` lifts the rule.
 */
export function orderRefusals(
  images: readonly SourceImage[],
  route: Route,
  previousImages: readonly SourceImage[],
  allowSkip: boolean,
): Refusal[] {
  if (allowSkip || route.toIndex === route.fromIndex + 1) return [];
  const previous = new Map(previousImages.map((image) => [image.name, image]));
  return images.flatMap((image) => {
    const there = previous.get(image.name);
    if (there && sameValue(image.name, image.value, there.value)) return [];
    return [
      {
        subject: image.name,
        kind: 'image' as const,
        rule: RULE.order,
        detail: `${render(image.name, image.value)} would skip ${route.previous.name}, which runs ${there ? render(image.name, there.value) : 'no value for it'}; promote ${route.from.name} → ${route.previous.name} first (or set allow-skip)`,
      },
    ];
  });
}

/** Tags that name a moving target; globs, matched against the whole tag. */
export const DEFAULT_MUTABLE_TAGS = [
  'latest',
  'main',
  'master',
  'develop',
  'development',
  'dev',
  'trunk',
  'head',
  'edge',
  'nightly',
  'stable',
  'staging',
  'feature-*',
  'feat-*',
  'fix-*',
  'bugfix-*',
  'pr-*',
  'mr-*',
];

/** Mutable tags (or no tag and no digest) are refused in protected environments. */
export function mutableTagRefusals(images: readonly SourceImage[], target: string, patterns: readonly string[]): Refusal[] {
  const isMutable = picomatch([...patterns], { nocase: true, dot: true });
  return images.flatMap((image) => {
    const { newTag, digest } = image.value;
    let reason: string | undefined;
    if (newTag && isMutable(newTag)) reason = `tag '${newTag}' is mutable (matches mutable-tags)`;
    else if (!newTag && !digest) reason = 'no tag and no digest: whatever the base or the registry says at deploy time';
    if (!reason) return [];
    return [
      {
        subject: image.name,
        kind: 'image' as const,
        rule: RULE.mutableTag,
        detail: `${render(image.name, image.value)}: ${reason}; ${target} is protected and needs a version tag (pin-digest adds the digest)`,
      },
    ];
  });
}

/**
 * Values read from the source overlays are data from a repository: each must be a valid image
 * reference (the grammar of the `images` input) before it is written, summarised or diagrammed.
 */
export function referenceRefusals(images: readonly SourceImage[]): Refusal[] {
  const refusals: Refusal[] = [];
  for (const image of images) {
    const { newName, newTag, digest } = image.value;
    const line = `${image.name}=${newName ?? image.name}${newTag === undefined ? '' : `:${newTag}`}${digest === undefined ? '' : `@${digest}`}`;
    try {
      if (newTag === '' || digest === '') throw new InputError('images', line, 'a tag or digest', 'empty');
      parseImageLine(line, 'images');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      refusals.push({
        subject: image.name,
        kind: 'image',
        rule: RULE.invalidReference,
        detail: `${image.files.join(', ')} set ${JSON.stringify(render(image.name, image.value))}, which is not an image reference${error.detail ? ` (${error.detail})` : ''}`,
      });
    }
  }
  return refusals;
}

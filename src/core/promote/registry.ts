/**
 * Checks before writing that need the registry: every image exists (`verify-images`) and
 * tags resolve to digests (`pin-digest`). Uses the build stage's OCI distribution client.
 */

import { type RegistryAccess, RegistryClient } from '../build/registry.js';
import type { Fetch } from '../http.js';
import { parseImageReference } from '../images/reference.js';
import { render, type SourceImage } from './images.js';
import { type RecordedDigest, recordedFor } from './recorded.js';
import { type Refusal, RULE } from './refusal.js';

export interface RegistryCheckOptions {
  verify: boolean;
  pin: boolean;
  /** Digests recorded in the source's Aegis-Image trailers (recorded.ts): pinned before any registry lookup. */
  recorded?: ReadonlyMap<string, ReadonlyMap<string, RecordedDigest>>;
  /** Refuse a tag whose registry digest moved away from the recorded one (protected targets). */
  refuseMovedTags?: boolean;
  /** Access (credentials, plain HTTP) for a registry host such as `ghcr.io` or `127.0.0.1:5000`. */
  accessFor: (registry: string) => RegistryAccess;
  fetch?: Fetch;
}

export interface Pinned {
  image: string;
  reference: string;
  digest: string;
  /** Where the digest came from: the source's trailer (what it runs) or the registry (what the tag points to now). */
  from: 'trailer' | 'registry';
}

/**
 * Returns the images as they will be written (with digests added when pinning) and a refusal
 * for every reference the registry does not have. Registry errors other than "not found"
 * (auth, network) are thrown: they say nothing about the image.
 */
export async function checkRegistry(
  images: readonly SourceImage[],
  options: RegistryCheckOptions,
): Promise<{ images: SourceImage[]; refusals: Refusal[]; pinned: Pinned[] }> {
  if (!options.verify && !options.pin) return { images: [...images], refusals: [], pinned: [] };
  const recorded = options.recorded ?? new Map();
  const clients = new Map<string, RegistryClient>();
  const client = (registry: string) => {
    let found = clients.get(registry);
    if (!found) {
      found = new RegistryClient(options.accessFor(registry), options.fetch);
      clients.set(registry, found);
    }
    return found;
  };
  const refusals: Refusal[] = [];
  const pinned: Pinned[] = [];
  const checked = await Promise.all(
    images.map(async (image) => {
      const reference = render(image.name, image.value);
      const parsed = parseImageReference(reference, 'images');
      const lookup = parsed.digest ?? parsed.tag ?? 'latest';
      const trailer = options.pin ? recordedFor(image, recorded) : undefined;
      const digest = await client(parsed.registry).manifestDigest(parsed.repository, trailer?.digest ?? lookup);
      if (!digest) {
        refusals.push({
          subject: image.name,
          kind: 'image',
          rule: RULE.imageMissing,
          detail: `${reference} is not in ${parsed.registry} (no manifest ${parsed.repository}:${lookup})`,
        });
        return image;
      }
      if (!options.pin || image.value.digest) return image;
      if (trailer) {
        // The source runs the recorded digest; the tag may have been re-pushed since.
        const current = await client(parsed.registry).manifestDigest(parsed.repository, lookup);
        if (current && current !== trailer.digest && options.refuseMovedTags) {
          refusals.push({
            subject: image.name,
            kind: 'image',
            rule: RULE.tagMoved,
            detail: `${reference} now points to ${current}, but the source runs ${trailer.digest} (recorded by ${trailer.commit.slice(0, 12)}); promote by digest or rebuild`,
          });
        }
        pinned.push({ image: image.name, reference, digest: trailer.digest, from: 'trailer' });
        return { ...image, value: { ...image.value, digest: trailer.digest } };
      }
      pinned.push({ image: image.name, reference, digest, from: 'registry' });
      return { ...image, value: { ...image.value, digest } };
    }),
  );
  const bySubject = (a: { image?: string; subject?: string }, b: { image?: string; subject?: string }) =>
    String(a.subject ?? a.image).localeCompare(String(b.subject ?? b.image));
  return { images: checked, refusals: refusals.sort(bySubject), pinned: pinned.sort(bySubject) };
}

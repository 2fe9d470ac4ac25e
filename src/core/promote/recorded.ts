/**
 * The digest an environment really runs when its overlay names only a tag: the one recorded in
 * the `Aegis-Image` trailer of the commit that put the tag there (gitops-bump records the
 * digest build pushed), as a Kargo Freight carries the digest found when the image was
 * discovered. A registry lookup then only confirms it; a tag re-pushed since is caught.
 */
import type { Git } from '../git/git.js';
import { parseTrailers } from '../git/trailers.js';
import { TRAILER } from '../gitops/commit-message.js';
import { splitReference } from '../images/reference.js';
import type { SourceImage } from './images.js';

export interface RecordedDigest {
  digest: string;
  /** The commit whose trailer recorded it. */
  commit: string;
}

/** image name -> tag -> the newest digest recorded for it, from messages newest first. */
export function recordedDigests(commits: readonly { sha: string; message: string }[]): Map<string, Map<string, RecordedDigest>> {
  const recorded = new Map<string, Map<string, RecordedDigest>>();
  for (const commit of commits) {
    for (const trailer of parseTrailers(commit.message)) {
      if (trailer.key !== TRAILER.image) continue;
      const eq = trailer.value.indexOf('=');
      if (eq <= 0) continue;
      const name = trailer.value.slice(0, eq);
      const reference = splitReference(trailer.value.slice(eq + 1));
      if (!reference?.tag || !reference.digest) continue;
      const tags = recorded.get(name) ?? new Map<string, RecordedDigest>();
      if (!tags.has(reference.tag)) tags.set(reference.tag, { digest: reference.digest, commit: commit.sha });
      recorded.set(name, tags);
    }
  }
  return recorded;
}

/** Reads the trailers of the commits that touched the source overlays (at most `max`). */
export async function readRecordedDigests(
  git: Git,
  files: readonly string[],
  max = 200,
): Promise<Map<string, Map<string, RecordedDigest>>> {
  return recordedDigests(await git.log({ max, paths: [...files] }));
}

/** The recorded digest for a source image that names a tag but no digest. */
export function recordedFor(
  image: SourceImage,
  recorded: ReadonlyMap<string, ReadonlyMap<string, RecordedDigest>>,
): RecordedDigest | undefined {
  if (image.value.digest || !image.value.newTag) return undefined;
  return recorded.get(image.name)?.get(image.value.newTag);
}

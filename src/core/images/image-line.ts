/**
 * Parses the `images` input of gitops-bump: one image override per line, in the syntax of
 * `kustomize edit set image` (kustomize v5, kustomize/commands/edit/set/setimage.go):
 *
 *     name:tag                          name@sha256:…             name:tag@sha256:…
 *     name=newName                      name=newName:tag          name=newName@sha256:…
 *     name=newName:tag@sha256:…         name=*:tag                name=newName:*     name=newName@*
 *
 * Semantics follow kustomize, which REPLACES the whole `images[]` entry with what the line
 * says: a field the line does not mention is removed from the entry (so `app:1.2` drops an
 * existing `newName` and `digest`), and `*` in place of the new name, the tag or the digest
 * keeps the value the kustomization already has (nothing, when it has none).
 *
 * Stricter than kustomize on purpose, because these lines come from CI variables: an empty
 * tag (`app=reg/app:`), an empty digest or an empty new name (`app=:1.2`, `app=`) is almost
 * always an unset variable, so it is refused instead of silently clearing a field.
 */
import { InputError } from '../errors.js';
import { digestProblem, isValidImageName, splitReference, TAG_RE } from './reference.js';

/** One `kustomize edit set image` argument, resolved into what it does to the `images[]` entry. */
export interface ImageOverride {
  /** The image name kustomize matches in resources (`images[].name`). */
  name: string;
  /** New repository. Absent and not kept: the entry's `newName` is removed. */
  newName?: string;
  /** New tag. Absent and not kept: the entry's `newTag` is removed. */
  newTag?: string;
  /** New digest (`algo:hex`). Absent and not kept: the entry's `digest` is removed. */
  digest?: string;
  /** `*` was given as new name: keep the entry's current `newName` (none for a new entry). */
  keepNewName?: boolean;
  /** `*` was given as tag: keep the entry's current `newTag`. */
  keepTag?: boolean;
  /** `*` was given as digest: keep the entry's current `digest`. */
  keepDigest?: boolean;
  /** The line as written (trimmed), for messages. */
  line: string;
}

/** An entry of a kustomization's `images[]` list: what kustomize rewrites a matched image to. */
export interface KustomizeImage {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
}

const KEEP = '*';

export const IMAGE_LINE_EXPECTED = 'a line in `kustomize edit set image` form such as name=registry/name:tag@sha256:…';

/**
 * Parses the `images` input: one override per non-empty line; lines starting with `#` are
 * comments. Naming the same image twice is an error (kustomize would silently keep the last).
 */
export function parseImageLines(text: string, input = 'images'): ImageOverride[] {
  const overrides: ImageOverride[] = [];
  const lineOfName = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const override = parseImageLine(line, input);
    const previous = lineOfName.get(override.name);
    if (previous !== undefined) {
      throw new InputError(input, line, 'each image name at most once', `'${override.name}' is already set on line ${previous}`);
    }
    lineOfName.set(override.name, index + 1);
    overrides.push(override);
  });
  return overrides;
}

/** Parses a single `kustomize edit set image` argument. */
export function parseImageLine(line: string, input = 'images'): ImageOverride {
  const fail = (detail: string): never => {
    throw new InputError(input, line, IMAGE_LINE_EXPECTED, detail);
  };
  if (/\s/.test(line)) fail('whitespace inside the line; write one image per line');

  // Like kustomize, only the first '=' separates the name from the new reference.
  const equals = line.indexOf('=');
  const key = equals < 0 ? undefined : line.slice(0, equals);
  const reference = splitReference(equals < 0 ? line : line.slice(equals + 1)) ?? fail("more than one '@'");

  let override: ImageOverride;
  if (key === undefined) {
    // `name:tag` / `name@digest`: a bare name would change nothing (kustomize refuses it too).
    if (reference.tag === undefined && reference.digest === undefined) {
      fail('give a tag (name:tag), a digest (name@sha256:…) or a new name (name=newName)');
    }
    if (reference.name === KEEP) fail("'*' can only stand for the new name, after '='");
    override = { name: reference.name, line };
  } else {
    if (reference.name === '') {
      fail('the new name after "=" is empty; write name:tag to drop newName, or name=*:tag to keep it');
    }
    override = { name: key, line };
    if (reference.name === KEEP) override.keepNewName = true;
    else override.newName = checkName(reference.name, 'new name', fail);
  }
  checkName(override.name, 'image name', fail);

  if (reference.tag === KEEP) override.keepTag = true;
  else if (reference.tag !== undefined) override.newTag = checkTag(reference.tag, fail);
  if (reference.digest === KEEP) override.keepDigest = true;
  else if (reference.digest !== undefined) override.digest = checkDigest(reference.digest, fail);
  return override;
}

/** Renders the reference an entry makes kustomize produce, e.g. `registry/app:1.2@sha256:…`. */
export function formatImage(image: KustomizeImage): string {
  const tag = image.newTag ? `:${image.newTag}` : '';
  const digest = image.digest ? `@${image.digest}` : '';
  return `${image.newName || image.name}${tag}${digest}`;
}

function checkName(name: string, what: string, fail: (detail: string) => never): string {
  if (!isValidImageName(name)) {
    fail(
      `${what} ${JSON.stringify(name)} is not a valid image name ([host[:port]/]path with lowercase letters, digits and . _ - separators)`,
    );
  }
  return name;
}

function checkTag(tag: string, fail: (detail: string) => never): string {
  if (!TAG_RE.test(tag)) {
    fail(
      tag === ''
        ? 'the tag after ":" is empty (an unset variable?)'
        : `tag ${JSON.stringify(tag)} is not a valid tag ([A-Za-z0-9_][A-Za-z0-9._-]{0,127})`,
    );
  }
  return tag;
}

function checkDigest(digest: string, fail: (detail: string) => never): string {
  const problem = digestProblem(digest);
  return problem === undefined ? digest : fail(problem);
}

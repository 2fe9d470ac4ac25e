/**
 * Image references: the one grammar and the one type. As Docker and the OCI distribution
 * spec read them (distribution/reference): `[host[:port]/]path[:tag][@digest]`, where the
 * first component is a registry only if it contains `.` or `:` or is `localhost`;
 * otherwise Docker Hub.
 */
import { InputError } from '../errors.js';

export interface ImageName {
  /** Registry host as written, with port (`127.0.0.1:5000`, `ghcr.io`); `docker.io` for Docker Hub. */
  registry: string;
  /** Repository path inside the registry (`library/nginx` for Hub official images). */
  repository: string;
}

export interface ImageReference extends ImageName {
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]{1,5})?`;
const HOST_RE = new RegExp(`^${HOST}$`);
const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
/** A name as kustomize matches it: any `[host[:port]/]path`, without Docker Hub's registry rule. */
const NAME_RE = new RegExp(`^(?:${HOST}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
export const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** distribution/reference and the OCI image spec: `algorithm:encoded`, algorithm components joined by `.+_-`. */
const DIGEST_RE = /^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-f0-9]{32,})$/;
/** Hex lengths of the registered OCI digest algorithms; others only need 32 or more hex digits. */
const DIGEST_HEX_LENGTH: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };
const NAME_MAX_LENGTH = 255;

export const DOCKER_HUB = 'docker.io';
export const IMAGE_EXPECTED = 'an image name such as registry.example.com:5000/team/app (lower case, no tag or digest)';

/** Why `digest` is not a valid digest, or undefined when it is one. */
export function digestProblem(digest: string): string | undefined {
  if (digest === '') return 'the digest after "@" is empty (an unset variable?)';
  const match = DIGEST_RE.exec(digest);
  if (!match) return `digest ${JSON.stringify(digest)} is not algorithm:lowercase-hex (e.g. sha256:<64 hex digits>)`;
  const [, algorithm = '', hex = ''] = match;
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length !== undefined && hex.length !== length) return `a ${algorithm} digest has ${length} hex digits, this one has ${hex.length}`;
  return undefined;
}

/** True for a `[host[:port]/]path` name of at most 255 characters. */
export function isValidImageName(name: string): boolean {
  return name.length <= NAME_MAX_LENGTH && NAME_RE.test(name);
}

export interface SplitReference {
  name: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits `name[:tag][@digest]` without validating the parts. A ':' before the last '/'
 * belongs to a registry port (`localhost:5000/app`), so the tag separator is the last ':'
 * after the last '/'. Undefined when there is more than one '@'.
 */
export function splitReference(reference: string): SplitReference | undefined {
  const at = reference.indexOf('@');
  if (at !== reference.lastIndexOf('@')) return undefined;
  const beforeDigest = at < 0 ? reference : reference.slice(0, at);
  const split: SplitReference = { name: beforeDigest };
  if (at >= 0) split.digest = reference.slice(at + 1);
  const colon = beforeDigest.lastIndexOf(':');
  if (colon > beforeDigest.lastIndexOf('/')) {
    split.name = beforeDigest.slice(0, colon);
    split.tag = beforeDigest.slice(colon + 1);
  }
  return split;
}

/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Parses `ref`; `input` names the input in errors. */
export function parseImageReference(value: string, input: string): ImageReference {
  const split = splitReference(value.trim());
  if (!split) throw new InputError(input, value, 'a digest such as sha256:<64 hex>', "more than one '@'");
  const { tag, digest } = split;
  if (digest !== undefined) {
    const problem = digestProblem(digest);
    if (problem) throw new InputError(input, value, 'a digest such as sha256:<64 hex>', problem);
  }
  if (tag !== undefined && !TAG_RE.test(tag)) {
    throw new InputError(input, value, 'a tag of at most 128 letters, digits, _ . - not starting with . or -');
  }
  const rest = split.name;
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = DOCKER_HUB;
  let path = rest;
  if (slash >= 0 && looksLikeRegistry(first)) {
    registry = first;
    path = rest.slice(slash + 1);
    if (!HOST_RE.test(registry)) throw new InputError(input, value, 'a registry host such as registry.example.com or 127.0.0.1:5000');
    const port = /:(\d+)$/.exec(registry)?.[1];
    if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
      throw new InputError(input, value, 'a registry port between 1 and 65535');
    }
  }
  if (!PATH_RE.test(path)) {
    throw new InputError(input, value, IMAGE_EXPECTED, 'repository paths are lower case letters, digits and separators . _ __ -');
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  if (split.name.length > NAME_MAX_LENGTH) throw new InputError(input, value, `a name of at most ${NAME_MAX_LENGTH} characters`);
  return { registry, repository: path, ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/** An image name without tag or digest, as the `image` input takes. */
export function parseImageName(value: string, input: string): ImageName {
  const reference = parseImageReference(value, input);
  if (reference.tag !== undefined || reference.digest !== undefined) {
    throw new InputError(input, value, IMAGE_EXPECTED, 'tags come from the `tags` input; drop the tag or digest here');
  }
  return { registry: reference.registry, repository: reference.repository };
}

/** `registry/repository`, the way a push addresses it. Hub names are written in full so every tool agrees. */
export function formatName(name: ImageName): string {
  return `${name.registry}/${name.repository}`;
}

export function formatReference(reference: ImageReference): string {
  return `${formatName(reference)}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/**
 * Image references as Docker and the OCI distribution spec read them
 * (distribution/reference): `[host[:port]/]path[:tag][@digest]`, where the first component
 * is a registry only if it contains `.` or `:` or is `localhost`; otherwise Docker Hub.
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
export const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-f0-9]{32,}$/;
const NAME_MAX_LENGTH = 255;

export const DOCKER_HUB = 'docker.io';
export const IMAGE_EXPECTED = 'an image name such as registry.example.com:5000/team/app (lower case, no tag or digest)';

/** True when the first path component names a registry rather than a Docker Hub namespace. */
function looksLikeRegistry(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

/** Parses `ref`; `input` names the input in errors. */
export function parseImageReference(value: string, input: string): ImageReference {
  let rest = value.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST_RE.test(digest)) throw new InputError(input, value, 'a digest such as sha256:<64 hex>');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG_RE.test(tag)) {
      throw new InputError(input, value, 'a tag of at most 128 letters, digits, _ . - not starting with . or -');
    }
  }
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
  if (`${registry}/${path}`.length > NAME_MAX_LENGTH) throw new InputError(input, value, `a name of at most ${NAME_MAX_LENGTH} characters`);
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

/** Host without port, lower-cased, brackets removed from IPv6 literals. */
function hostOf(registry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(registry);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  return registry.replace(/:\d+$/, '').toLowerCase();
}

/** Docker treats loopback registries (127.0.0.0/8, ::1, localhost) as insecure without configuration. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = hostOf(registry);
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Plain HTTP is allowed for loopback registries and those the user listed (host or host:port). */
export function isInsecureRegistry(registry: string, insecureRegistries: readonly string[]): boolean {
  if (isLoopbackRegistry(registry)) return true;
  const lower = registry.toLowerCase();
  return insecureRegistries.some((entry) => {
    const candidate = entry.toLowerCase();
    return candidate === lower || candidate === hostOf(lower);
  });
}

/** Where the distribution API of a registry lives: Docker Hub's API host differs from its name. */
export function registryApiBase(registry: string, insecure: boolean): string {
  const host = registry === DOCKER_HUB ? 'registry-1.docker.io' : registry;
  return `${insecure ? 'http' : 'https'}://${host}`;
}

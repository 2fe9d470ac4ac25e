/** How a registry host is reached: plain HTTP or TLS, and where its distribution API lives. */
import { DOCKER_HUB } from '../images/reference.js';

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

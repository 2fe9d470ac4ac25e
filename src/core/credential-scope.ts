/**
 * Where a credential may go. Every credential is bound to the one host it was given for
 * (a registry, a forge API, an Argo CD server); it is sent to no other host and never over
 * plain http except to this machine. One module so that every client applies the same rule.
 */
import { AegisError, InputError } from './errors.js';

/** `localhost`, `127.x.x.x` or `::1` (with or without brackets and port). */
export function isLoopbackHost(host: string): boolean {
  const bare = hostName(host);
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/** The host name of `host[:port]` or `[v6]:port`, lower-cased, without the port. */
export function hostName(host: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(host);
  if (bracketed) return (bracketed[1] as string).toLowerCase();
  return host.replace(/:\d+$/, '').toLowerCase();
}

/** True when a credential may travel over this URL's scheme: https, or http to this machine. */
export function transportCarriesCredentials(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.host));
}

/**
 * Checks an input URL that a token will be sent to (forge-url, argocd-server, a health check
 * address): http(s) only, no credentials in it, and https unless it is this machine.
 */
export function assertCredentialUrl(input: string, value: string, hasCredential: boolean): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InputError(input, value, 'an http(s):// URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new InputError(input, value, 'an http(s):// URL');
  if (url.username || url.password) {
    throw new InputError(input, `${url.protocol}//***@${url.host}${url.pathname}`, 'a URL without credentials');
  }
  if (hasCredential && !transportCarriesCredentials(url)) {
    throw new InputError(input, value, 'an https:// URL', 'a token is never sent over plain http except to this machine');
  }
  return url;
}

/**
 * May a registry's Bearer token realm receive the registry's credentials? Only over https (or
 * loopback http), and only on the registry's own origin or a host of the same site: the realm
 * is the registry itself (ghcr.io), its parent domain (registry.gitlab.com → gitlab.com) or a
 * sibling under that parent (registry-1.docker.io → auth.docker.io). A realm anywhere else
 * is asked anonymously — whoever can edit a realm header must not collect the password.
 */
export function realmMayReceiveCredentials(registryBase: URL, realm: URL): boolean {
  if (!transportCarriesCredentials(realm)) return false;
  if (realm.origin === registryBase.origin) return true;
  if (realm.protocol !== 'https:') return false;
  const registryHost = registryBase.hostname.toLowerCase();
  const realmHost = realm.hostname.toLowerCase();
  if (/^[\d.]+$|:/.test(registryHost) || /^[\d.]+$|:/.test(realmHost)) return false;
  const parent = registryHost.split('.').slice(1).join('.');
  // A parent of one label ("io", "com") is a public suffix, not a site.
  if (parent.split('.').length < 2) return realmHost === registryHost;
  return realmHost === parent || realmHost.endsWith(`.${parent}`);
}

/** Thrown instead of sending a credential where it does not belong. */
export class CredentialScopeError extends AegisError {
  override name = 'CredentialScopeError';
}

/**
 * The little of the OCI distribution API a build needs: "does this tag exist, and what is
 * its digest?" (for skip-existing) and "point these tags at that manifest". Handles the
 * registry auth handshake: anonymous first, then on 401 either HTTP Basic or a bearer token
 * from the realm named in `WWW-Authenticate` (Docker Hub, ghcr.io, GitLab all use tokens).
 */
import { createHash } from 'node:crypto';
import { AegisError } from '../errors.js';
import { type Fetch, httpFetch } from '../http.js';
import { DOCKER_HUB } from '../images/reference.js';
import { registryApiBase } from './registry-host.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

export interface RegistryAccess {
  registry: string;
  insecure: boolean;
  credentials?: RegistryCredentials;
}

/** Every manifest type a tag can point to; without these a registry may down-convert or 404. */
export const MANIFEST_MEDIA_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
];

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses `Bearer realm="https://…",service="…",scope="…"` (RFC 7235 auth-params). */
export function parseChallenge(header: string): Challenge | undefined {
  const match = /^\s*(\w+)\s*(.*)$/s.exec(header);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const param of (match[2] as string).matchAll(/(\w+)=(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g)) {
    params[(param[1] as string).toLowerCase()] = (param[2] ?? param[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { scheme: (match[1] as string).toLowerCase(), params };
}

function basic(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** A registry that does not answer within this is treated as down, rather than hanging the job. */
const REQUEST_TIMEOUT_MS = 60_000;

export class RegistryClient {
  private readonly base: string;
  /** Authorization header per scope, once a handshake succeeded. */
  private readonly authorizations = new Map<string, string>();

  constructor(
    private readonly access: RegistryAccess,
    private readonly fetchImpl?: Fetch,
  ) {
    this.base = registryApiBase(access.registry, access.insecure);
  }

  /** The digest `repository:reference` resolves to, or undefined when the registry does not know it. */
  async manifestDigest(repository: string, reference: string): Promise<string | undefined> {
    const url = `${this.base}/v2/${repository}/manifests/${encodeURIComponent(reference)}`;
    const headers = { Accept: MANIFEST_MEDIA_TYPES.join(', ') };
    const head = await this.request('HEAD', url, repository, 'pull', headers);
    if (head.status === 404) return undefined;
    if (!head.ok) throw this.failure('HEAD', url, head);
    const digest = head.headers.get('docker-content-digest');
    if (digest) return digest;
    // Some registries omit the header on HEAD; the digest is the hash of the exact bytes served.
    const get = await this.request('GET', url, repository, 'pull', headers);
    if (get.status === 404) return undefined;
    if (!get.ok) throw this.failure('GET', url, get);
    return `sha256:${createHash('sha256')
      .update(Buffer.from(await get.arrayBuffer()))
      .digest('hex')}`;
  }

  /** Makes each tag point at the manifest `digest` (a PUT of the same bytes, so the digest is unchanged). */
  async tag(repository: string, digest: string, tags: readonly string[]): Promise<void> {
    const source = `${this.base}/v2/${repository}/manifests/${digest}`;
    const got = await this.request('GET', source, repository, 'pull,push', { Accept: MANIFEST_MEDIA_TYPES.join(', ') });
    if (!got.ok) throw this.failure('GET', source, got);
    const mediaType = got.headers.get('content-type') ?? MANIFEST_MEDIA_TYPES[1];
    const body = Buffer.from(await got.arrayBuffer());
    for (const tag of tags) {
      const url = `${this.base}/v2/${repository}/manifests/${encodeURIComponent(tag)}`;
      const put = await this.request('PUT', url, repository, 'pull,push', { 'Content-Type': mediaType as string }, body);
      if (!put.ok) throw this.failure('PUT', url, put);
    }
  }

  private failure(method: string, url: string, response: Response): AegisError {
    const hint = response.status === 401 || response.status === 403 ? ' (check the registry credentials and their scope)' : '';
    return new AegisError(`Registry ${this.access.registry}: ${method} ${url} answered ${response.status} ${response.statusText}${hint}.`);
  }

  private async request(
    method: string,
    url: string,
    repository: string,
    actions: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<Response> {
    const scope = `repository:${repository}:${actions}`;
    const known = this.authorizations.get(scope);
    const send = (authorization?: string) =>
      httpFetch(
        url,
        {
          method,
          headers: { ...headers, ...(authorization ? { Authorization: authorization } : {}) },
          ...(body ? { body: new Uint8Array(body) } : {}),
          redirect: 'follow',
        },
        { timeoutMs: REQUEST_TIMEOUT_MS, fetch: this.fetchImpl },
      );
    const first = await send(known);
    if (first.status !== 401) return first;
    const challenge = parseChallenge(first.headers.get('www-authenticate') ?? '');
    await first.body?.cancel();
    const authorization = await this.authorize(challenge, scope);
    if (!authorization) return first;
    this.authorizations.set(scope, authorization);
    return send(authorization);
  }

  private async authorize(challenge: Challenge | undefined, scope: string): Promise<string | undefined> {
    const { credentials } = this.access;
    if (challenge?.scheme === 'basic') return credentials ? basic(credentials) : undefined;
    if (challenge?.scheme !== 'bearer' || !challenge.params.realm) return undefined;
    const realm = new URL(challenge.params.realm);
    if (challenge.params.service) realm.searchParams.set('service', challenge.params.service);
    realm.searchParams.set('scope', scope);
    const response = await httpFetch(
      realm,
      { headers: credentials ? { Authorization: basic(credentials) } : {} },
      { timeoutMs: REQUEST_TIMEOUT_MS, fetch: this.fetchImpl },
    );
    if (!response.ok) {
      throw new AegisError(
        `Registry ${this.access.registry}: token service ${realm.origin}${realm.pathname} answered ${response.status} ${response.statusText}${credentials ? '' : ' (no credentials were given)'}.`,
      );
    }
    const json = (await response.json()) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (!token) throw new AegisError(`Registry ${this.access.registry}: the token service returned no token.`);
    return `Bearer ${token}`;
  }
}

/**
 * An auth.json (containers-auth.json(5)) that is also a valid Docker config.json, so both
 * buildah (REGISTRY_AUTH_FILE) and docker (DOCKER_CONFIG) log in without a password in argv.
 */
export function authFileContent(entries: readonly { registry: string; credentials: RegistryCredentials }[]): string {
  const auths: Record<string, { auth: string }> = {};
  for (const { registry, credentials } of entries) {
    const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
    auths[registry] = { auth };
    if (registry === DOCKER_HUB) auths['https://index.docker.io/v1/'] = { auth };
  }
  return `${JSON.stringify({ auths }, null, 2)}\n`;
}

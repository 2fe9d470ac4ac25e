/**
 * The distribution-API client against a fake registry (node:http) that speaks the token
 * handshake of Docker Hub/ghcr.io/GitLab: 401 + `WWW-Authenticate: Bearer realm=…`, a token
 * endpoint checking Basic credentials and scope. The anonymous path against the real
 * docker-registry is covered in test/integration/build.test.ts.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authFileContent, parseChallenge, RegistryClient } from '../../src/core/build/registry.js';

const MANIFEST = JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', layers: [] });
const DIGEST = `sha256:${createHash('sha256').update(MANIFEST).digest('hex')}`;
const USER = 'ci';
const PASSWORD = 's3cret-token';

interface FakeRegistry {
  server: Server;
  base: string;
  host: string;
  requests: { method: string; url: string; authorization?: string; accept?: string }[];
  /** tag -> manifest bytes */
  manifests: Map<string, string>;
}

function startFakeRegistry(scheme: 'bearer' | 'basic', omitDigestOnHead = false): Promise<FakeRegistry> {
  const manifests = new Map([['sha-abc', MANIFEST]]);
  const requests: FakeRegistry['requests'] = [];
  const expectedBasic = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => {
        data += chunk;
      });
      req.on('end', () => resolve(data));
    });
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, accept: req.headers.accept });
    if (url.pathname === '/token') {
      if (req.headers.authorization !== expectedBasic) {
        res.writeHead(401).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: `tok:${url.searchParams.get('scope')}` }));
      return;
    }
    const match = /^\/v2\/(.+)\/manifests\/(.+)$/.exec(url.pathname);
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const [, repository, reference] = match as unknown as [string, string, string];
    const actions = req.method === 'PUT' ? 'pull,push' : 'pull';
    const tokenPrefix = `Bearer tok:repository:${repository}:`;
    const authorization = req.headers.authorization ?? '';
    const tokenActions = authorization.startsWith(tokenPrefix) ? authorization.slice(tokenPrefix.length).split(',') : [];
    const granted =
      scheme === 'bearer' ? actions.split(',').every((action) => tokenActions.includes(action)) : authorization === expectedBasic;
    if (!granted) {
      const challenge =
        scheme === 'bearer'
          ? `Bearer realm="http://${req.headers.host}/token",service="fake-registry",scope="repository:${repository}:${actions}"`
          : 'Basic realm="fake"';
      res.writeHead(401, { 'WWW-Authenticate': challenge }).end();
      return;
    }
    if (req.method === 'PUT') {
      manifests.set(decodeURIComponent(reference), await body(req));
      res.writeHead(201).end();
      return;
    }
    const content = reference.startsWith('sha256:')
      ? [...manifests.values()].find((m) => m === MANIFEST)
      : manifests.get(decodeURIComponent(reference));
    if (!content) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
      ...(omitDigestOnHead && req.method === 'HEAD' ? {} : { 'Docker-Content-Digest': DIGEST }),
    });
    res.end(req.method === 'HEAD' ? undefined : content);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, requests, manifests });
    }),
  );
}

describe('RegistryClient against a fake token registry', () => {
  let bearer: FakeRegistry;
  let basic: FakeRegistry;
  let noDigest: FakeRegistry;
  beforeAll(async () => {
    [bearer, basic, noDigest] = await Promise.all([
      startFakeRegistry('bearer'),
      startFakeRegistry('basic'),
      startFakeRegistry('bearer', true),
    ]);
  });
  afterAll(() => {
    for (const fake of [bearer, basic, noDigest]) fake.server.close();
  });

  test('bearer handshake: anonymous try, token with the pull scope, then the digest', async () => {
    const client = new RegistryClient({ registry: bearer.host, insecure: true, credentials: { username: USER, password: PASSWORD } });
    expect(await client.manifestDigest('shop/api', 'sha-abc')).toBe(DIGEST);
    const [first, token, second] = bearer.requests;
    expect(first).toMatchObject({ method: 'HEAD', authorization: undefined });
    expect(first?.accept).toContain('application/vnd.oci.image.index.v1+json');
    expect(first?.accept).toContain('application/vnd.docker.distribution.manifest.v2+json');
    expect(token?.url).toBe('/token?service=fake-registry&scope=repository%3Ashop%2Fapi%3Apull');
    expect(second).toMatchObject({ method: 'HEAD', authorization: 'Bearer tok:repository:shop/api:pull' });
    expect(await client.manifestDigest('shop/api', 'sha-missing')).toBeUndefined();
    // the token is reused for the same scope
    expect(bearer.requests.filter((r) => r.url.startsWith('/token'))).toHaveLength(1);
  });

  test('a wrong password is a clear error from the token service', async () => {
    const client = new RegistryClient({ registry: bearer.host, insecure: true, credentials: { username: USER, password: 'wrong' } });
    await expect(client.manifestDigest('shop/api', 'sha-abc')).rejects.toThrow(/token service .* answered 401/);
  });

  test('basic challenge', async () => {
    const client = new RegistryClient({ registry: basic.host, insecure: true, credentials: { username: USER, password: PASSWORD } });
    expect(await client.manifestDigest('shop/api', 'sha-abc')).toBe(DIGEST);
    const anonymous = new RegistryClient({ registry: basic.host, insecure: true });
    await expect(anonymous.manifestDigest('shop/api', 'sha-abc')).rejects.toThrow(/answered 401.*credentials/);
  });

  test('without Docker-Content-Digest on HEAD the digest is the hash of the served bytes', async () => {
    const client = new RegistryClient({ registry: noDigest.host, insecure: true, credentials: { username: USER, password: PASSWORD } });
    expect(await client.manifestDigest('shop/api', 'sha-abc')).toBe(DIGEST);
    expect(noDigest.requests.some((r) => r.method === 'GET' && r.url.includes('/manifests/'))).toBe(true);
  });

  test('tag() re-PUTs the same bytes under more tags with a push-scoped token', async () => {
    const client = new RegistryClient({ registry: bearer.host, insecure: true, credentials: { username: USER, password: PASSWORD } });
    await client.tag('shop/api', DIGEST, ['main', 'pr-4']);
    expect(bearer.manifests.get('main')).toBe(MANIFEST);
    expect(bearer.manifests.get('pr-4')).toBe(MANIFEST);
    expect(bearer.requests.some((r) => r.url.includes('scope=repository%3Ashop%2Fapi%3Apull%2Cpush'))).toBe(true);
  });
});

describe('credentials', () => {
  test('auth.json holds base64 user:password per registry, Docker Hub under both keys', () => {
    const parsed = JSON.parse(authFileContent([{ registry: 'docker.io', credentials: { username: 'a', password: 'b' } }]));
    expect(parsed.auths['docker.io'].auth).toBe(Buffer.from('a:b').toString('base64'));
    expect(parsed.auths['https://index.docker.io/v1/'].auth).toBe(Buffer.from('a:b').toString('base64'));
  });

  test('parseChallenge', () => {
    expect(parseChallenge('Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:a/b:pull"')).toEqual({
      scheme: 'bearer',
      params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:a/b:pull' },
    });
  });
});

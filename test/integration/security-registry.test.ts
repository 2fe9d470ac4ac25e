/**
 * Registry credentials go to the registry they are for and nowhere else. FAKE registries on
 * 127.0.0.1 (OCI distribution API: HEAD /v2/<name>/manifests/<ref>, the 401 + WWW-Authenticate
 * handshake of the token authentication spec); each records every Authorization header it got.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RegistryClient } from '../../src/core/build/registry.js';
import { realmMayReceiveCredentials } from '../../src/core/credential-scope.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { createBareRepo } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const DIGEST = `sha256:${'b'.repeat(64)}`;
const USER = 'robot';
const PASSWORD = 'prod-robot-password-1234';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

interface FakeServer {
  host: string;
  /** Authorization header of every request, '' when none. */
  authorizations: string[];
  close(): Promise<void>;
}

async function listen(server: Server, authorizations: string[]): Promise<FakeServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { host: `127.0.0.1:${port}`, authorizations, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A registry asking for HTTP Basic (as docker-registry with htpasswd does); `redirectTo` sends manifests elsewhere. */
async function basicRegistry(options: { redirectTo?: () => string } = {}): Promise<FakeServer> {
  const authorizations: string[] = [];
  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    if (request.headers.authorization !== BASIC) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="fake registry"' });
      return response.end();
    }
    if (options.redirectTo) {
      response.writeHead(307, { location: `http://${options.redirectTo()}${request.url}` });
      return response.end();
    }
    response.writeHead(200, { 'docker-content-digest': DIGEST, 'content-type': 'application/vnd.oci.image.manifest.v1+json' });
    response.end();
  });
  return listen(server, authorizations);
}

/** A registry whose token realm is another server (as Docker Hub's auth.docker.io is). */
async function bearerRegistry(realm: () => string): Promise<FakeServer> {
  const authorizations: string[] = [];
  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      response.writeHead(401, { 'www-authenticate': `Bearer realm="http://${realm()}/token",service="fake"` });
      return response.end();
    }
    response.writeHead(200, { 'docker-content-digest': DIGEST });
    response.end();
  });
  return listen(server, authorizations);
}

async function tokenService(): Promise<FakeServer> {
  const authorizations: string[] = [];
  const server = createServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ token: 'anonymous-pull-token' }));
  });
  return listen(server, authorizations);
}

function overlay(environment: string, images: Record<string, string>): string {
  const entries = Object.entries(images).map(([name, tag]) => `  - name: ${name}\n    newTag: "${tag}"\n`);
  return `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-${environment}\nimages:\n${entries.join('')}`;
}

describe('promote sends the registry login to its own registry only', () => {
  let prodRegistry: FakeServer;
  let devRegistry: FakeServer;
  let realm: FakeServer;
  beforeAll(async () => {
    realm = await tokenService();
    prodRegistry = await basicRegistry();
    devRegistry = await bearerRegistry(() => realm.host);
  });
  afterAll(async () => {
    await Promise.all([prodRegistry.close(), devRegistry.close(), realm.close()]);
  });

  test('a registry named only in the dev overlay and its Bearer realm never see the credentials', async () => {
    const api = `${prodRegistry.host}/shop/api`;
    const web = `${devRegistry.host}/shop/web`;
    const repo = createBareRepo({
      'overlays/dev/kustomization.yaml': overlay('dev', { [api]: '1.2.0', [web]: '3.0.0' }),
      'overlays/staging/kustomization.yaml': overlay('staging', { [api]: '1.1.0', [web]: '2.9.0' }),
      'overlays/prod/kustomization.yaml': overlay('prod', { [api]: '1.0.0' }),
    });
    try {
      const platform = new RecordingPlatform(repo.root, {
        repository: repo.bare,
        from: 'dev',
        to: 'staging',
        mode: 'push',
        'registry-username': USER,
        'registry-password': PASSWORD,
        registry: prodRegistry.host,
      });
      await runPromote(platform);
      expect(platform.outputs.changed).toBe('true');
      expect(repo.show('overlays/staging/kustomization.yaml')).toContain('newTag: "3.0.0"');

      // Every header each server received: the password reached the prod registry only.
      expect(new Set(prodRegistry.authorizations)).toEqual(new Set(['', BASIC]));
      expect(devRegistry.authorizations).toEqual(['', 'Bearer anonymous-pull-token']);
      expect(realm.authorizations).toEqual(['']);
      expect(platform.secrets).toContain(PASSWORD);
    } finally {
      repo.cleanup();
    }
  });

  test('credentials without the registry they are for are refused by name before anything is fetched', async () => {
    const platform = new RecordingPlatform('/nonexistent', {
      repository: 'https://example.com/gitops.git',
      from: 'dev',
      to: 'staging',
      'registry-username': USER,
      'registry-password': PASSWORD,
    });
    await expect(runPromote(platform)).rejects.toThrow(/Input 'registry'.*registry host/);
    expect(prodRegistry.authorizations.filter(Boolean)).toHaveLength(1);
  });
});

describe('the registry client', () => {
  test('a redirect to another origin is followed without the Authorization header', async () => {
    const other = await bearerRegistry(() => 'unused');
    const registry = await basicRegistry({ redirectTo: () => other.host });
    try {
      const client = new RegistryClient({ registry: registry.host, insecure: true, credentials: { username: USER, password: PASSWORD } });
      await expect(client.manifestDigest('shop/api', '1.0.0')).rejects.toThrow(/401/);
      expect(other.authorizations.every((header) => header === '')).toBe(true);
      expect(registry.authorizations).toContain(BASIC);
    } finally {
      await Promise.all([other.close(), registry.close()]);
    }
  });

  test('credentials are never sent over plain http to a registry that is not this machine', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (_url: URL | string, init?: RequestInit) => {
      calls.push(String((init?.headers as Record<string, string>)?.Authorization ?? ''));
      return new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="x"' } });
    }) as typeof fetch;
    const client = new RegistryClient(
      { registry: 'registry.example.com', insecure: true, credentials: { username: USER, password: PASSWORD } },
      fetchImpl,
    );
    await expect(client.manifestDigest('shop/api', '1.0.0')).rejects.toThrow(/plain http/);
    expect(calls).toEqual(['']);
  });

  test.each([
    ['https://ghcr.io', 'https://ghcr.io/token', true],
    ['https://registry-1.docker.io', 'https://auth.docker.io/token', true],
    ['https://registry.gitlab.com', 'https://gitlab.com/jwt/auth', true],
    ['https://registry.example.com', 'https://gitlab.example.com/jwt/auth', true],
    ['https://registry.example.com', 'http://gitlab.example.com/jwt/auth', false],
    ['https://ghcr.io', 'https://evil.io/token', false],
    ['https://registry.example.com', 'https://example.com.evil.net/token', false],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5001/token', false],
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/token', true],
  ])('realm of %s at %s may receive the credentials: %s', (registry, realmUrl, expected) => {
    expect(realmMayReceiveCredentials(new URL(registry), new URL(realmUrl))).toBe(expected);
  });
});

test('a registry answering 503 once is asked again (reads are idempotent)', async () => {
  let calls = 0;
  const fetchImpl = (async () => {
    calls++;
    return calls === 1
      ? new Response(null, { status: 503 })
      : new Response(null, { status: 200, headers: { 'docker-content-digest': DIGEST } });
  }) as typeof fetch;
  const client = new RegistryClient({ registry: 'registry.example.com', insecure: false }, fetchImpl);
  expect(await client.manifestDigest('shop/api', '1.0.0')).toBe(DIGEST);
  expect(calls).toBe(2);
});

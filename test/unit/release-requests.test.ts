import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { notifyDependents, parseDependents } from '../../src/core/release/dependents.js';
import { npmPackumentRequest, npmPublishArgs, npmrcFor } from '../../src/core/release/publish/npm.js';
import {
  compareDistributions,
  defaultCheckUrl,
  distributionsFor,
  pypiPublisher,
  pypiReleaseRequest,
  twineArgs,
  twineEnv,
} from '../../src/core/release/publish/pypi.js';
import { loadForge } from '../../src/platform/forge/load.js';
import { startFakeForge } from '../helpers/fake-forge.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A fake PyPI JSON API + GitHub/GitLab REST API: just enough routes, recording every request. */
let fakeServer: Server;
let base: string;
const seen: Seen[] = [];
const releases = new Map<string, string>();

beforeAll(async () => {
  fakeServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const url = req.url ?? '';
      const reply = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (url === '/pypi/aegis-lib/1.0.0/json') return reply(200, { info: { name: 'aegis-lib', version: '1.0.0' }, urls: [] });
      if (url.startsWith('/pypi/')) return reply(404, { message: 'Not Found' });
      if (url.startsWith('/login-page/')) return reply(200, { page: 'Sign in' });
      if (url.startsWith('/redirect/')) {
        res.writeHead(302, { location: '/login-page/' });
        return res.end();
      }
      if (url === '/pypi-broken/aegis-lib/1.0.0/json') return reply(500, {});
      const tagLookup = /^\/repos\/o\/r\/releases\/tags\/(.+)$/.exec(url);
      if (tagLookup && req.method === 'GET') {
        const tag = decodeURIComponent(tagLookup[1] as string);
        return releases.has(tag) ? reply(200, { html_url: releases.get(tag) }) : reply(404, { message: 'Not Found' });
      }
      if (url === '/repos/o/r/releases' && req.method === 'POST') {
        const { tag_name } = JSON.parse(body) as { tag_name: string };
        releases.set(tag_name, `https://github.example/o/r/releases/tag/${tag_name}`);
        return reply(201, { html_url: releases.get(tag_name) });
      }
      reply(404, {});
    });
  });
  await new Promise<void>((resolve) => fakeServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(fakeServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => fakeServer.close(resolve));
});

describe('npm request builders', () => {
  test('scoped packument URL and bearer token', () => {
    const request = npmPackumentRequest({ packageName: '@acme/lib', registryUrl: 'https://npm.example/api/npm', token: 's3cret' });
    expect(request.url).toBe('https://npm.example/api/npm/@acme%2flib');
    expect(request.headers.authorization).toBe('Bearer s3cret');
  });

  test('the token is an environment reference in .npmrc and never in argv', () => {
    expect(npmrcFor('https://npm.example/api/npm')).toBe(`//npm.example/api/npm/:_authToken=\${AEGIS_NPM_TOKEN}\nalways-auth=true\n`);
    expect(npmPublishArgs('http://127.0.0.1:4873', 'rc')).toEqual(['publish', '--registry', 'http://127.0.0.1:4873/', '--tag', 'rc']);
  });
});

describe('pypi (twine arguments; JSON API against a fake server)', () => {
  test('twine argv carries no credential; env does', () => {
    const args = twineArgs('https://upload.pypi.org/legacy/', ['dist/a.whl']);
    expect(args).toEqual([
      'upload',
      '--non-interactive',
      '--skip-existing',
      '--disable-progress-bar',
      '--repository-url',
      'https://upload.pypi.org/legacy/',
      'dist/a.whl',
    ]);
    expect(args.join(' ')).not.toContain('pypi-token');
    expect(twineEnv({ token: 'pypi-token' })).toMatchObject({ TWINE_USERNAME: '__token__', TWINE_PASSWORD: 'pypi-token' });
  });

  test.each([
    ['https://upload.pypi.org/legacy/', 'https://pypi.org/pypi/'],
    ['https://test.pypi.org/legacy/', 'https://test.pypi.org/pypi/'],
  ])('JSON API base for %s', (upload, check) => {
    expect(defaultCheckUrl(upload)).toBe(check);
  });

  test('names are PEP 503 normalised in the JSON API URL', () => {
    expect(pypiReleaseRequest({ packageName: 'Aegis_Lib', registryUrl: 'https://upload.pypi.org/legacy/' }, '1.0.0').url).toBe(
      'https://pypi.org/pypi/aegis-lib/1.0.0/json',
    );
  });

  test('distributions of exactly that version', () => {
    const files = [
      'aegis_lib-1.0.0-py3-none-any.whl',
      'aegis_lib-1.0.0.tar.gz',
      'aegis-lib-1.0.0.tar.gz',
      'aegis_lib-1.0.01.tar.gz',
      'aegis_lib-1.0.0rc1.tar.gz',
      'other-1.0.0.tar.gz',
    ];
    expect(distributionsFor('aegis-lib', '1.0.0', files)).toEqual([
      'aegis_lib-1.0.0-py3-none-any.whl',
      'aegis_lib-1.0.0.tar.gz',
      'aegis-lib-1.0.0.tar.gz',
    ]);
  });

  test('lookup: 200 → the release with its files, 404 → nothing, 500 and unreachable → clear errors', async () => {
    const publisher = pypiPublisher({ packageName: 'aegis-lib', registryUrl: `${base}/legacy/`, checkUrl: `${base}/pypi/` });
    expect(await publisher.lookup('1.0.0')).toEqual({ version: '1.0.0', files: [] });
    expect(await publisher.lookup('1.1.0')).toBeUndefined();
    await expect(
      pypiPublisher({ packageName: 'aegis-lib', registryUrl: base, checkUrl: `${base}/pypi-broken/` }).lookup('1.0.0'),
    ).rejects.toThrow(/HTTP 500/);
    await expect(
      pypiPublisher({
        packageName: 'aegis-lib',
        registryUrl: 'http://127.0.0.1:9/legacy/',
        checkUrl: 'http://127.0.0.1:9/pypi/',
      }).lookup('1.0.0'),
    ).rejects.toThrow(/unreachable at http:\/\/127.0.0.1:9/);
  });

  test('a 200 that is not the release JSON (a login page, a redirect target) is never taken for "published"', async () => {
    await expect(
      pypiPublisher({ packageName: 'aegis-lib', registryUrl: `${base}/legacy/`, checkUrl: `${base}/login-page/` }).lookup('1.0.0'),
    ).rejects.toThrow(/without that release's JSON/);
    await expect(
      pypiPublisher({ packageName: 'aegis-lib', registryUrl: `${base}/legacy/`, checkUrl: `${base}/redirect/` }).lookup('1.0.0'),
    ).rejects.toThrow(/HTTP 302/);
  });

  test('an unknown registry needs an explicit JSON API URL', () => {
    expect(() =>
      pypiReleaseRequest({ packageName: 'aegis-lib', registryUrl: 'https://gitlab.example.com/api/v4/projects/1/packages/pypi' }, '1.0.0'),
    ).toThrow(/set pypi-check-url/);
  });

  test('local files compared with the release by name and sha256: missing ones listed, a different build refused', () => {
    const remote = [{ filename: 'lib-1.0.0-py3-none-any.whl', sha256: 'aa' }];
    expect(
      compareDistributions(
        [
          { path: '/d/lib-1.0.0-py3-none-any.whl', sha256: 'aa' },
          { path: '/d/lib-1.0.0.tar.gz', sha256: 'bb' },
        ],
        remote,
        'index',
      ),
    ).toEqual(['/d/lib-1.0.0.tar.gz']);
    expect(() => compareDistributions([{ path: '/d/lib-1.0.0-py3-none-any.whl', sha256: 'cc' }], remote, 'index')).toThrow(
      /index already holds lib-1.0.0-py3-none-any.whl with sha256 aa, but the tagged commit builds it with sha256 cc/,
    );
  });

  test('publishing without built distributions fails before running twine', async () => {
    const publisher = pypiPublisher({ packageName: 'aegis-lib', registryUrl: `${base}/legacy/`, twine: ['false'] });
    await expect(publisher.publish('1.0.0', '/nonexistent', { tag: 'v1.0.0', distTag: 'latest' })).rejects.toThrow(
      /No distributions of aegis-lib 1.0.0/,
    );
  });
});

describe('dependents', () => {
  test.each([
    ['github:o/r', { kind: 'github', repository: 'o/r', ref: 'main' }],
    ['gitlab:g/sub/p@develop', { kind: 'gitlab', repository: 'g/sub/p', ref: 'develop' }],
    ['g/p', { kind: 'gitlab', repository: 'g/p', ref: 'main' }],
  ])('%s', (line, expected) => {
    expect(parseDependents([line], 'gitlab')).toEqual([expected]);
  });

  test.each(['github:a/b/c', 'svn:x', 'no-slash'])('%s is refused', (line) => {
    expect(() => parseDependents([line], 'github')).toThrow(/Input 'dependents'/);
  });

  const event = { library: 'lib', version: '1.2.0', tag: 'v1.2.0', prerelease: false };

  // Through the platform's Forge (Octokit, gitbeaker) against the FAKE forge APIs.
  test('GitLab: the trigger token in the form body, not the URL, and no API token header', async () => {
    const gitlab = await startFakeForge('gitlab');
    try {
      const forge = await loadForge({ kind: 'gitlab', token: 'glptt-s3cret', apiUrl: gitlab.apiUrl });
      await forge.notifyDependent({ kind: 'gitlab', repository: 'g/sub/p', ref: 'develop' }, event);
      const [call] = gitlab.calls;
      expect(call?.path).toBe('/api/v4/projects/g%2Fsub%2Fp/trigger/pipeline');
      expect(call?.query).not.toContain('glptt-s3cret');
      expect(call?.privateToken).toBeUndefined();
      expect(gitlab.notifications).toEqual([
        {
          project: 'g/sub/p',
          body: {
            token: 'glptt-s3cret',
            ref: 'develop',
            'variables[AEGIS_RELEASE_LIBRARY]': 'lib',
            'variables[AEGIS_RELEASE_VERSION]': '1.2.0',
            'variables[AEGIS_RELEASE_TAG]': 'v1.2.0',
            'variables[AEGIS_RELEASE_PRERELEASE]': 'false',
          },
        },
      ]);
    } finally {
      await gitlab.close();
    }
  });

  test('sent to fake forges; one failure does not stop the others', async () => {
    const github = await startFakeForge('github');
    const gitlab = await startFakeForge('gitlab');
    try {
      const apiUrl = { github: github.apiUrl, gitlab: gitlab.apiUrl };
      const dependents = parseDependents(['github:o/missing', 'github:o/svc', 'gitlab:g/p'], 'github');
      github.failNext('POST', 404);
      const results = await notifyDependents(dependents, (kind) => loadForge({ kind, token: 'tok', apiUrl: apiUrl[kind] }), event);
      expect(results.map((result) => result.ok)).toEqual([false, true, true]);
      expect(results[0]?.detail).toMatch(/^HTTP 404/);
      expect(github.notifications).toEqual([{ project: 'o/svc', body: { event_type: 'aegis-release', client_payload: event } }]);
      expect(github.calls.map((call) => call.authorization)).toEqual(['token tok', 'token tok']);
      expect(gitlab.notifications.map((notification) => notification.project)).toEqual(['g/p']);
    } finally {
      await Promise.all([github.close(), gitlab.close()]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadForge } from '../../src/platform/forge/load.js';
import { createPlatform } from '../../src/platform/index.js';
import { startFakeForge } from '../helpers/fake-forge.js';

// The platform's forge clients (Octokit on GitHub, gitbeaker on GitLab) against FAKE APIs built
// from their documented shapes; pull requests are exercised end to end by gitops-bump and promote.
describe.each(['github', 'gitlab'] as const)('%s forge releases', (kind) => {
  let fake: Awaited<ReturnType<typeof startFakeForge>>;
  beforeAll(async () => {
    fake = await startFakeForge(kind);
  });
  afterAll(() => fake.close());

  test('find (absent), create, find again; the token is sent as the API expects', async () => {
    const forge = await loadForge({ kind, token: 'forge-token-123', apiUrl: fake.apiUrl });
    const repository = kind === 'github' ? 'acme/lib' : 'acme/libs/shared';
    expect(await forge.findRelease(repository, 'shared-v1.5.0')).toBeUndefined();
    const url = await forge.createRelease({
      repository,
      tag: 'shared-v1.5.0',
      name: 'shared 1.5.0',
      notes: '## Features',
      prerelease: false,
    });
    expect(url).toContain('shared-v1.5.0');
    expect(await forge.findRelease(repository, 'shared-v1.5.0')).toBe(url);
    expect(fake.releases).toEqual([expect.objectContaining({ project: repository, tag: 'shared-v1.5.0', notes: '## Features' })]);
    const auth = fake.calls.map((call) => call.authorization ?? call.privateToken ?? '');
    expect(auth.every((value) => value.includes('forge-token-123'))).toBe(true);
  });

  test('an unreachable API is an error, not "no release"', async () => {
    const forge = await loadForge({ kind, token: 't', apiUrl: kind === 'github' ? 'http://127.0.0.1:9' : 'http://127.0.0.1:9/api/v4' });
    await expect(forge.findRelease('acme/lib', 'v1')).rejects.toThrow();
  });
});

describe('the forge a platform hands out', () => {
  test.each([
    ['github', { GITHUB_ACTIONS: 'true' }, 'GITHUB_API_URL'],
    ['gitlab', { GITLAB_CI: 'true' }, 'CI_API_V4_URL'],
  ] as const)('%s: the runner’s own API URL (Enterprise / self-managed) is used when a stage names none', async (kind, env, variable) => {
    const fake = await startFakeForge(kind);
    try {
      const platform = createPlatform('release', { ...env, [variable]: fake.apiUrl });
      const forge = await platform.forge({ token: 'tok-abcdef', apiUrl: undefined });
      expect(forge.kind).toBe(kind);
      expect(await forge.findRelease(kind === 'github' ? 'o/r' : 'g/p', 'v1')).toBeUndefined();
      expect(fake.calls.length).toBeGreaterThan(0);
      expect(platform.forgeApiUrl(kind)).toBe(fake.apiUrl);
    } finally {
      await fake.close();
    }
  });

  test('locally a forge must be named', async () => {
    await expect(createPlatform('promote', {}).forge({ token: 't' })).rejects.toThrow(/AEGIS_FORGE/);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { inputFromEnv } from '../../src/platform/base.js';
import { dotenvLine, GitLabPlatform } from '../../src/platform/gitlab.js';
import { createPlatform } from '../../src/platform/index.js';
import { Redactor } from '../../src/platform/redact.js';

describe('inputFromEnv', () => {
  test.each([
    [{ 'INPUT_DRY-RUN': 'true' }, 'dry-run', 'true'],
    [{ INPUT_DRY_RUN: 'true' }, 'dry-run', 'true'],
    [{ INPUT_IMAGES: '  a:1  ' }, 'images', 'a:1'],
    [{}, 'images', ''],
  ])('%j %s', (env, name, expected) => {
    expect(inputFromEnv(env, name)).toBe(expected);
  });
});

describe('Redactor', () => {
  test('redacts the secret, its URL encoding and its base64', () => {
    const redactor = new Redactor();
    redactor.add('s3cr/et+token');
    const text = `a s3cr/et+token b ${encodeURIComponent('s3cr/et+token')} c ${Buffer.from('s3cr/et+token').toString('base64')}`;
    expect(redactor.redact(text)).toBe('a *** b *** c ***');
  });
  test('ignores values too short to be secrets', () => {
    const redactor = new Redactor();
    redactor.add('ab');
    expect(redactor.redact('abc')).toBe('abc');
  });
});

describe('createPlatform', () => {
  test.each([
    [{ GITHUB_ACTIONS: 'true' }, 'github'],
    [{ GITLAB_CI: 'true' }, 'gitlab'],
    [{ GITLAB_CI: 'false', CI_JOB_NAME: 'j', CI_PROJECT_DIR: '/p', CI_SERVER_URL: 'https://gitlab.example.com' }, 'gitlab'],
    [{ GITHUB_ACTIONS: 'true', AEGIS_PLATFORM: 'local' }, 'local'],
    [{}, 'local'],
  ])('%j → %s', (env, name) => {
    expect(createPlatform('x', env).name).toBe(name);
  });
});

describe('GitLab platform', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('outputs land in a dotenv report, secrets redacted, names made variable-safe', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gl-'));
    const platform = new GitLabPlatform('gitops-bump', { CI_PROJECT_DIR: dir, GITLAB_CI: 'true' });
    platform.secret('glpat-very-secret');
    platform.setOutput('commit-sha', 'abc');
    platform.setOutput('previous', 'token glpat-very-secret\nline2');
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    platform.log.info('using glpat-very-secret');
    await platform.summary('| a | glpat-very-secret |');
    const logged = write.mock.calls.map((call) => String(call[0])).join('');
    write.mockRestore();
    expect(readFileSync(join(dir, '.aegis-out/aegis-gitops-bump.env'), 'utf8')).toBe(
      'AEGIS_COMMIT_SHA=abc\nAEGIS_PREVIOUS=token ***\\nline2\n',
    );
    expect(readFileSync(join(dir, '.aegis-out/summary/gitops-bump.md'), 'utf8')).toBe('| a | *** |');
    expect(logged).toContain('using ***');
    expect(logged).not.toContain('glpat-very-secret');
    expect(logged).toContain('section_start:');
  });

  test('dotenvLine', () => {
    expect(dotenvLine('AEGIS_', 'has-changes', 'true')).toBe('AEGIS_HAS_CHANGES=true\n');
  });
});

describe('registry credentials the platform provides', () => {
  test.each([
    [
      {
        GITLAB_CI: 'true',
        CI_REGISTRY: 'registry.gitlab.example.com',
        CI_REGISTRY_USER: 'gitlab-ci-token',
        CI_REGISTRY_PASSWORD: 'p-123456',
      },
      'registry.gitlab.example.com',
      { username: 'gitlab-ci-token', password: 'p-123456' },
    ],
    [
      { GITLAB_CI: 'true', CI_REGISTRY: 'registry.gitlab.example.com', CI_REGISTRY_USER: 'u', CI_REGISTRY_PASSWORD: 'p' },
      'ghcr.io',
      undefined,
    ],
    [
      { GITHUB_ACTIONS: 'true', GITHUB_TOKEN: 't-123456', GITHUB_ACTOR: 'octocat' },
      'ghcr.io',
      { username: 'octocat', password: 't-123456' },
    ],
    [{ GITHUB_ACTIONS: 'true' }, 'ghcr.io', undefined],
    [{ GITHUB_ACTIONS: 'true', GITHUB_TOKEN: 't' }, 'registry.example.com', undefined],
    [{ GITHUB_TOKEN: 't', CI_REGISTRY: 'ghcr.io', CI_REGISTRY_USER: 'u', CI_REGISTRY_PASSWORD: 'p' }, 'ghcr.io', undefined],
  ])('%j for %s', (env, registry, expected) => {
    expect(createPlatform('build', env).registryCredentials(registry)).toEqual(expected);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { inputFromEnv } from '../../src/platform/base.js';
import { GitHubPlatform } from '../../src/platform/github.js';
import { dotenvLine, GitLabPlatform } from '../../src/platform/gitlab.js';
import { createPlatform } from '../../src/platform/index.js';
import { LocalPlatform } from '../../src/platform/local.js';
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

describe('setOutputs: many outputs at once, as setOutput would set them one by one', () => {
  let dir: string;
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });
  const outputs: [string, string][] = [
    ['matrix', '{"include":[]}'],
    ['two-lines', 'first\nsecond'],
    ['token', 'uses glpat-very-secret'],
    ['empty', ''],
  ];

  test("GitHub: records in @actions/core's heredoc format, appended to GITHUB_OUTPUT, secrets redacted", () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gh-'));
    const file = join(dir, 'output');
    writeFileSync(file, 'earlier<<ghadelimiter_0\nkept\nghadelimiter_0\n');
    const platform = new GitHubPlatform('detect', { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: file });
    platform.secret('glpat-very-secret');
    platform.setOutputs(outputs);
    platform.setOutput('single', 'one');
    const text = readFileSync(file, 'utf8');
    const records = [...text.matchAll(/^([^<\n]+)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n?\2\n/gm)].map((match) => [match[1], match[3]]);
    expect(records).toEqual([
      ['earlier', 'kept'],
      ...outputs.map(([name, value]) => [name, value.replace('glpat-very-secret', '***')]),
      ['single', 'one'],
    ]);
    expect(text).not.toContain('glpat-very-secret');
  });

  test('GitHub without GITHUB_OUTPUT (@github/local-action): through @actions/core, which prints each output', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gh-'));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const previous = process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_OUTPUT;
    try {
      new GitHubPlatform('detect', { GITHUB_ACTIONS: 'true' }).setOutputs([
        ['a', '1'],
        ['b', '2'],
      ]);
    } finally {
      if (previous !== undefined) process.env.GITHUB_OUTPUT = previous;
    }
    const printed = write.mock.calls.map((call) => String(call[0])).join('');
    expect(printed).toContain('::set-output name=a::1');
    expect(printed).toContain('::set-output name=b::2');
  });

  test('GitLab: one dotenv report, and the warning names the output that passes the 5,120-byte limit', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gl-'));
    const platform = new GitLabPlatform('detect', { CI_PROJECT_DIR: dir, GITLAB_CI: 'true' });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    platform.setOutputs([
      ['small', 'x'],
      ['large', 'y'.repeat(5200)],
      ['after', 'z'],
    ]);
    platform.setOutput('later', 'w');
    const logged = stderr.mock.calls.map((call) => String(call[0])).join('');
    expect(readFileSync(join(dir, '.aegis-out/aegis-detect.env'), 'utf8')).toBe(
      `AEGIS_SMALL=x\nAEGIS_LARGE=${'y'.repeat(5200)}\nAEGIS_AFTER=z\nAEGIS_LATER=w\n`,
    );
    expect(logged.match(/passes GitLab's 5120-byte limit/g)).toHaveLength(1);
    expect(logged).toContain("at output 'large'");
  });

  test('local: name=value lines on stdout and in the output file', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-local-'));
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    new LocalPlatform('detect', {}, { cwd: dir, outputFile: 'out.env' }).setOutputs([
      ['a', '1'],
      ['b', 'two\nlines'],
    ]);
    const printed = write.mock.calls.map((call) => String(call[0])).join('');
    expect(printed).toBe('a=1\nb=two\\nlines\n');
    expect(readFileSync(join(dir, 'out.env'), 'utf8')).toBe(printed);
  });
});

/**
 * release's dependents-token goes to the forge API of each dependent (AEGIS_FORGE_URL, the
 * runner's API URL, else the public one): refused before anything is released when that URL
 * would carry it over plain http to another machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { GitLabPlatform } from '../../src/platform/gitlab.js';
import { LocalPlatform } from '../../src/platform/local.js';
import { InputReader } from '../../src/stages/inputs.js';
import { definition, parse } from '../../src/stages/release.js';

const workspace = mkdtempSync(join(tmpdir(), 'aegis-release-dependents-'));
execFileSync('git', ['init', '--quiet', workspace]);
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

const TOKEN = { INPUT_DEPENDENTS_TOKEN: 'dispatch-token-123' };

function parseWith(platform: LocalPlatform | GitLabPlatform) {
  return parse(new InputReader(platform, definition.inputs), platform);
}

describe("release's dependents-token travels only over https (or to this machine)", () => {
  test.each([
    ['github:o/r', 'http://forge.example.com/api'],
    ['gitlab:group/project@main', 'http://10.0.0.5/api/v4'],
    ['github:o/r', 'ftp://forge.example.com/'],
  ])('%s through AEGIS_FORGE_URL=%s is refused naming where the token would go', (dependents, url) => {
    const platform = new LocalPlatform('release', { ...TOKEN, INPUT_DEPENDENTS: dependents, AEGIS_FORGE_URL: url }, { cwd: workspace });
    let error: unknown;
    try {
      parseWith(platform);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toMatch(/AEGIS_FORGE_URL .*dependents-token/);
    expect((error as Error).message).not.toContain('dispatch-token-123');
  });

  test("GitLab's runner API URL over plain http to another host is refused too", () => {
    const platform = new GitLabPlatform('release', {
      ...TOKEN,
      INPUT_DEPENDENTS: 'group/project',
      CI_PROJECT_DIR: workspace,
      CI_API_V4_URL: 'http://gitlab.internal/api/v4',
    });
    expect(() => parseWith(platform)).toThrow(/the runner's gitlab API URL.*https:\/\//);
  });

  test.each([
    ['https://forge.example.com/api', 'https://forge.example.com/api'],
    ['http://127.0.0.1:8080/api', 'http://127.0.0.1:8080/api'],
    [undefined, 'https://api.github.com'],
  ])('AEGIS_FORGE_URL=%s is accepted and is where the notification goes', (url, expected) => {
    const env: Record<string, string> = { ...TOKEN, INPUT_DEPENDENTS: 'github:o/r' };
    if (url) env.AEGIS_FORGE_URL = url;
    const parsed = parseWith(new LocalPlatform('release', env, { cwd: workspace }));
    expect(parsed.dependentsApiUrls).toEqual({ github: expected });
  });

  test('without dependents no forge URL is checked', () => {
    const platform = new LocalPlatform('release', { AEGIS_FORGE_URL: 'http://forge.example.com' }, { cwd: workspace });
    expect(parseWith(platform).dependentsApiUrls).toEqual({});
  });
});

// build's type=sha tag has the platform's short SHA length: a later GitLab job that writes
// `sha-$CI_COMMIT_SHORT_SHA` itself must name the same tag. docker/metadata-action's 7 stays
// the default elsewhere (DOCKER_METADATA_SHORT_SHA_LENGTH there, `sha-length` here).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { computeMetadata, DEFAULT_TAG_RULES, metadataContext, parseFlavor, parseTagRules } from '../../src/core/build/metadata.js';
import type { CiEvent } from '../../src/core/event.js';
import { GitHubPlatform } from '../../src/platform/github.js';
import { GitLabPlatform } from '../../src/platform/gitlab.js';
import { LocalPlatform } from '../../src/platform/local.js';
import { definition, parse } from '../../src/stages/build.js';
import { InputReader } from '../../src/stages/inputs.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const PUSH: CiEvent = { kind: 'push', source: 'push', head: SHA, branch: 'main', defaultBranch: 'main' };
const NOW = new Date('2026-01-01T00:00:00Z');
const metadata = (shortShaLength?: number) =>
  computeMetadata(
    {
      images: [],
      rules: parseTagRules(['type=sha', 'type=sha,format=long']),
      flavor: parseFlavor(['latest=false']),
      repository: { name: 'api' },
      ...(shortShaLength === undefined ? {} : { shortShaLength }),
    },
    metadataContext(PUSH, { sha: SHA, commitDate: NOW, now: NOW }),
  );

describe('computeMetadata', () => {
  test("7 hex digits by default, as docker/metadata-action's type=sha", () => {
    expect(metadata().tags).toEqual(['sha-0123456', `sha-${SHA}`]);
    expect(metadata().commitTag).toBe(`sha-${SHA}`);
  });
  test('the given length otherwise; format=long is untouched', () => {
    expect(metadata(8).tags).toEqual(['sha-01234567', `sha-${SHA}`]);
    expect(metadata(12).tags[0]).toBe('sha-0123456789ab');
  });
});

describe("the platform's short SHA", () => {
  test('GitLab: 8, the length of CI_COMMIT_SHORT_SHA; GitHub and locally: 7', () => {
    const dir = tempDir('aegis-short-sha-');
    expect(new GitLabPlatform('build', { CI_PROJECT_DIR: dir, CI_COMMIT_SHORT_SHA: SHA.slice(0, 8) }).shortShaLength).toBe(8);
    expect(new GitLabPlatform('build', { CI_PROJECT_DIR: dir }).shortShaLength).toBe(8);
    expect(new GitHubPlatform('build', { GITHUB_WORKSPACE: dir }).shortShaLength).toBe(7);
    expect(new LocalPlatform('build', {}, { cwd: dir }).shortShaLength).toBe(7);
  });
});

describe('the build stage', () => {
  const workspace = tempDir('aegis-short-sha-ws-');
  mkdirSync(join(workspace, 'app'));
  writeFileSync(join(workspace, 'app/Dockerfile'), 'FROM scratch\n');
  const tagsOn = async (shortShaLength: number, inputs: Record<string, string> = {}) => {
    const platform = new RecordingPlatform(
      workspace,
      { image: 'registry.example.com/api', context: 'app', ...inputs },
      { shortShaLength, event: PUSH },
    );
    return (await parse(new InputReader(platform, definition.inputs), platform)).metadata.tagNames;
  };
  test('tags sha-<8> on GitLab and sha-<7> on GitHub with the default rules', async () => {
    expect(DEFAULT_TAG_RULES).toContain('type=sha');
    expect(await tagsOn(8)).toContain('sha-01234567');
    expect(await tagsOn(7)).toContain('sha-0123456');
    expect(await tagsOn(8)).not.toContain('sha-0123456');
  });
  test('sha-length wins over the platform, and is checked', async () => {
    expect(await tagsOn(8, { 'sha-length': '7' })).toContain('sha-0123456');
    expect(await tagsOn(7, { 'sha-length': '10' })).toContain('sha-0123456789');
    await expect(tagsOn(7, { 'sha-length': '2' })).rejects.toThrow(/Input 'sha-length'/);
  });
});

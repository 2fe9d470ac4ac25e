/**
 * The build stage's steps on their own: plan(options) as a table (what the log announces is what
 * will be built), and report(result) writing the outputs and the summary from a build's result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { BuildResult } from '../../src/core/build/execute.js';
import type { CiEvent } from '../../src/core/event.js';
import { definition, parse, plan, report } from '../../src/stages/build.js';
import { InputReader } from '../../src/stages/inputs.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const PUSH: CiEvent = { kind: 'push', source: 'push', head: SHA, branch: 'main', defaultBranch: 'main' };
const IMAGE = 'registry.example.com/team/api';
const DIGEST = `sha256:${'d'.repeat(64)}`;

const workspace = tempDir('aegis-build-stage-');
mkdirSync(join(workspace, 'app'));
writeFileSync(join(workspace, 'app/Dockerfile'), 'FROM scratch\n');

function platformWith(inputs: Record<string, string>): RecordingPlatform {
  return new RecordingPlatform(workspace, { context: 'app', ...inputs }, { event: PUSH });
}

async function optionsOf(inputs: Record<string, string>) {
  const platform = platformWith(inputs);
  return parse(new InputReader(platform, definition.inputs), platform);
}

describe('plan', () => {
  test.each([
    [
      'the default rules, pushed to the registry',
      { image: IMAGE },
      `Plan: ${IMAGE} tags main, sha-0123456, sha-${SHA}; platforms native; cache registry; push true; skip-existing false.`,
    ],
    [
      'two platforms, no cache, skip-existing',
      { image: IMAGE, platforms: 'linux/amd64,linux/arm64', cache: 'none', 'skip-existing': 'true' },
      `Plan: ${IMAGE} tags main, sha-0123456, sha-${SHA}; platforms linux/amd64, linux/arm64; cache none; push true; skip-existing true.`,
    ],
    [
      "build-push-action's full references, kept locally",
      { tags: `${IMAGE}:1.2.3,${IMAGE}:stable`, push: 'false' },
      `Plan: ${IMAGE} tags 1.2.3, stable; platforms native; cache registry; push false; skip-existing false.`,
    ],
  ])('%s', async (_description, inputs, summary) => {
    const options = await optionsOf(inputs);
    expect(plan(options)).toEqual({ options, summary });
  });
});

describe('report', () => {
  const built: BuildResult = {
    builder: 'buildah',
    image: `${IMAGE}@${DIGEST}`,
    digest: DIGEST,
    tags: ['main', 'sha-0123456'],
    skipped: false,
    cacheHit: true,
    pushed: true,
    durationMs: 1500,
  };

  test('writes name:version@digest, the tags and labels with their separators, and the summary', async () => {
    const options = await optionsOf({ image: IMAGE, 'sep-tags': ',', 'sep-labels': '\\n' });
    const platform = platformWith({});
    await report({ ...built, plan: plan(options) }, platform);
    expect(platform.outputs).toMatchObject({
      image: `${IMAGE}:main@${DIGEST}`,
      digest: DIGEST,
      imageid: DIGEST,
      tags: `${IMAGE}:main,${IMAGE}:sha-0123456`,
      version: 'main',
      skipped: 'false',
      'cache-hit': 'true',
      'dependency-cache-hit': '',
    });
    expect(platform.outputs.labels?.split('\n')).toContain(`org.opencontainers.image.revision=${SHA}`);
    expect(JSON.parse(platform.outputs.metadata ?? '')).toEqual({
      'containerimage.digest': DIGEST,
      'image.name': `${IMAGE}:main,${IMAGE}:sha-0123456`,
    });
    expect(platform.summaries[0]).toMatch(/^## Build api\n/);
    expect(platform.summaries[0]).toContain('| Cache | registry (hit) |');
  });

  test('a local-only build outputs the local reference, not a digest reference', async () => {
    const options = await optionsOf({ image: IMAGE, push: 'false' });
    const platform = platformWith({});
    await report({ ...built, image: `${IMAGE}:main`, pushed: false, plan: plan(options) }, platform);
    expect(platform.outputs.image).toBe(`${IMAGE}:main`);
  });
});

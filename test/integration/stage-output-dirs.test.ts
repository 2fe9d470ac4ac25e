// The output directory a platform names (not an input, so not checked when parsing) can sit
// under a directory the repository planted as a symlink out of the workspace. scan and
// insight create it through the safe writer: refused, and nothing is created outside.
import { readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { loadStage } from '../../src/stages/index.js';
import { runStage } from '../../src/stages/runner.js';
import * as scanStage from '../../src/stages/scan.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { runStageWith } from '../helpers/stage-module.js';

const insight = await loadStage('insight');

const dirs: string[] = [];
let workspace: string;
let outside: string;
function fresh(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}
beforeEach(() => {
  workspace = fresh('aegis-outdir-ws-');
  outside = fresh('aegis-outdir-outside-');
  // The repository's `out` is a link to a directory elsewhere; the platform's output dir is below it.
  symlinkSync(outside, join(workspace, 'out'));
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('an output directory through a planted directory symlink', () => {
  test('scan refuses it and writes nothing outside', async () => {
    const report = readFileSync(join(import.meta.dirname, '../fixtures/reference/trivy/alpine-310.json.golden'), 'utf8');
    writeFileSync(join(workspace, 'trivy.json'), report);
    const platform = new RecordingPlatform(
      workspace,
      { report: 'trivy.json', 'fail-on': 'none' },
      { outputDir: join(workspace, 'out/scan') },
    );
    await expect(runStageWith(scanStage, platform, { now: () => new Date('2026-01-01T00:00:00Z') })).rejects.toThrow(
      /out\/scan: refusing to write: a symlink on the way leads outside/,
    );
    expect(readdirSync(outside)).toEqual([]);
  });

  describe('insight', () => {
    let repo: BareRepo;
    beforeEach(() => {
      const overlay = 'images:\n  - name: app\n    newTag: "1.0.0"\n';
      repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay, 'overlays/prod/kustomization.yaml': overlay });
      return () => repo.cleanup();
    });

    test('refuses it and writes nothing outside', async () => {
      const platform = new RecordingPlatform(
        workspace,
        { repository: repo.bare, environments: 'dev: overlays/dev\nprod: overlays/prod', since: '3650d' },
        { outputDir: join(workspace, 'out/insight') },
      );
      await runStage(insight, platform);
      expect(platform.failures.join('\n')).toMatch(/refusing to write: a symlink on the way leads outside/);
      expect(readdirSync(outside)).toEqual([]);
    });

    test('the same run without the link writes its files inside', async () => {
      rmSync(join(workspace, 'out'));
      const platform = new RecordingPlatform(
        workspace,
        { repository: repo.bare, environments: 'dev: overlays/dev\nprod: overlays/prod', since: '3650d' },
        { outputDir: join(workspace, 'out/insight') },
      );
      await runStage(insight, platform);
      expect(platform.failures).toEqual([]);
      expect(readdirSync(join(workspace, 'out/insight')).sort()).toEqual(['metrics.json', 'metrics.txt', 'status.json']);
    });
  });
});

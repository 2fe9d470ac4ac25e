// A checked-out repository can plant symlinks where stages write. For every kind of file we
// write, plant a link to a file outside (and a dangling one, whose target would be created
// outside) and show the write either refused or kept inside: the outside stays untouched.
import { existsSync, lstatSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import { appendFileSafely, writeFileSafely } from '../../src/core/fs/safe-write.js';
import { GitLabPlatform } from '../../src/platform/gitlab.js';
import { LocalPlatform } from '../../src/platform/local.js';
import * as detectStage from '../../src/stages/detect.js';
import * as scanStage from '../../src/stages/scan.js';
import { json, runHealthGate, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { git, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { runStageWith } from '../helpers/stage-module.js';

const dirs: string[] = [];
let outside: string;
let workspace: string;
const SECRET = 'outside content that must survive\n';

function fresh(prefix: string): string {
  const dir = tempDir(prefix);
  dirs.push(dir);
  return dir;
}

beforeEach(() => {
  outside = fresh('aegis-outside-');
  workspace = fresh('aegis-ws-');
  writeFileSync(join(outside, 'victim'), SECRET);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Plants `link` → the outside victim (or → a file that does not exist yet, outside). */
function plant(link: string, kind: 'existing' | 'dangling'): void {
  mkdirSync(join(link, '..'), { recursive: true });
  symlinkSync(kind === 'existing' ? join(outside, 'victim') : join(outside, 'created-by-us'), link);
}

/** The outside is as it was: the victim unchanged, nothing created next to it. */
function expectOutsideUntouched(): void {
  expect(readFileSync(join(outside, 'victim'), 'utf8')).toBe(SECRET);
  expect(existsSync(join(outside, 'created-by-us'))).toBe(false);
}

/** The write landed inside: `path` is now a regular file, not the link. */
function expectKeptInside(path: string, content?: string | RegExp): void {
  expect(lstatSync(path).isSymbolicLink()).toBe(false);
  expect(lstatSync(path).isFile()).toBe(true);
  if (typeof content === 'string') expect(readFileSync(path, 'utf8')).toBe(content);
  else if (content) expect(readFileSync(path, 'utf8')).toMatch(content);
}

describe.each(['existing', 'dangling'] as const)('a planted symlink to an %s file outside', (kind) => {
  test('the safe writer replaces the link (atomic rename), never writes through it', () => {
    const path = join(workspace, 'report.json');
    plant(path, kind);
    writeFileSafely(path, '{}\n', { root: workspace });
    expectKeptInside(path, '{}\n');
    expectOutsideUntouched();
  });

  test('an append is refused', () => {
    const path = join(workspace, 'outputs.env');
    plant(path, kind);
    expect(() => appendFileSafely(path, 'A=1\n', { root: workspace })).toThrow(/is a symlink/);
    expectOutsideUntouched();
  });

  test('GitLab dotenv report (aegis-<stage>.env) and summary (summary/<stage>.md)', async () => {
    git(workspace, 'init', '--quiet');
    plant(join(workspace, '.aegis-out/aegis-detect.env'), kind);
    plant(join(workspace, '.aegis-out/summary/detect.md'), kind);
    const platform = new GitLabPlatform('detect', { CI_PROJECT_DIR: workspace, GITLAB_CI: 'true' });
    platform.setOutput('has-changes', 'true');
    platform.setOutput('services', '[]');
    await platform.summary('| a | b |');
    expectKeptInside(join(workspace, '.aegis-out/aegis-detect.env'), 'AEGIS_HAS_CHANGES=true\nAEGIS_SERVICES=[]\n');
    expectKeptInside(join(workspace, '.aegis-out/summary/detect.md'), '| a | b |');
    expectOutsideUntouched();
  });

  test('local --output-file (appended) is refused, --summary-file kept inside', async () => {
    plant(join(workspace, 'outputs.txt'), kind);
    plant(join(workspace, 'summary.md'), kind);
    const platform = new LocalPlatform('scan', {}, { cwd: workspace, outputFile: 'outputs.txt', summaryFile: 'summary.md' });
    const write = process.stdout.write;
    process.stdout.write = () => true;
    try {
      expect(() => platform.setOutput('result', 'passed')).toThrow(/is a symlink/);
    } finally {
      process.stdout.write = write;
    }
    await platform.summary('summary');
    expectKeptInside(join(workspace, 'summary.md'), 'summary');
    expectOutsideUntouched();
  });

  test("scan's outputs (report, SARIF, GitLab report, summary, SBOM)", async () => {
    const report = readFileSync(join(import.meta.dirname, '../fixtures/reference/trivy/alpine-310.json.golden'), 'utf8');
    writeFileSync(join(workspace, 'trivy.json'), report);
    const output = join(workspace, 'scan-out');
    const files = ['trivy-report.json', 'trivy-results.sarif', 'gl-container-scanning-report.json', 'scan-summary.md', 'sbom.cdx.json'];
    for (const file of files) plant(join(output, file), kind);
    const platform = new RecordingPlatform(workspace, { report: 'trivy.json', 'fail-on': 'none', 'output-dir': 'scan-out' });
    await runStageWith(scanStage, platform, { now: () => new Date('2026-01-01T00:00:00Z') });
    for (const file of files) expectKeptInside(join(output, file));
    expectOutsideUntouched();
  });

  test("detect's changed-files list and child pipeline", async () => {
    git(workspace, 'init', '--quiet', '--initial-branch', 'main');
    mkdirSync(join(workspace, '.aegis'));
    mkdirSync(join(workspace, 'services/api'), { recursive: true });
    writeFileSync(join(workspace, '.aegis/services.yaml'), 'services:\n  api:\n    path: services/api\n');
    writeFileSync(join(workspace, '.aegis/child.yml'), '"build {{service}}":\n  script: [echo]\n');
    writeFileSync(join(workspace, 'services/api/a'), '1');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '--quiet', '-m', 'one');
    writeFileSync(join(workspace, 'services/api/a'), '2');
    git(workspace, 'commit', '--quiet', '-am', 'two');
    const output = join(workspace, 'detect-out');
    plant(join(output, 'changed-files.txt'), kind);
    plant(join(output, 'child-pipeline.yml'), kind);
    const platform = new RecordingPlatform(
      workspace,
      { base: 'HEAD~1', 'child-pipeline-template': '.aegis/child.yml' },
      { outputDir: output, throwOnFail: true },
    );
    await runStageWith(detectStage, platform);
    expectKeptInside(join(output, 'changed-files.txt'), 'services/api/a\n');
    expectKeptInside(join(output, 'child-pipeline.yml'), /build api/);
    expectOutsideUntouched();
  });

  describe('health-gate measurements', () => {
    let server: TestServer;
    beforeEach(async () => {
      server = await startServer((_request, _body, response) => json(response, 200, { status: 'UP' }));
      return () => server.close();
    });

    test('measurements-file given as a planted link: refused or kept inside', async () => {
      plant(join(workspace, 'measurements.json'), kind);
      const run = await runHealthGate(
        {
          checks: `- name: api\n  http: {url: "${server.url}/healthz"}`,
          interval: '100ms',
          count: '1',
          rollback: 'none',
          'measurements-file': 'measurements.json',
        },
        workspace,
      );
      if (kind === 'existing') {
        // The link resolves outside the workspace: the input is refused before anything runs.
        expect(run.failure).toMatch(/Input 'measurements-file'.*symlink that leads outside/);
      } else {
        expect(run.failure).toBeUndefined();
        expectKeptInside(join(workspace, 'measurements.json'), /"measurements"/);
      }
      expectOutsideUntouched();
    });
  });
});

test('a planted directory symlink out of the workspace is refused (GitLab .aegis-out -> elsewhere)', () => {
  const target = fresh('aegis-outside-dir-');
  symlinkSync(target, join(workspace, '.aegis-out'));
  const platform = new GitLabPlatform('scan', { CI_PROJECT_DIR: workspace, GITLAB_CI: 'true' });
  expect(() => platform.setOutput('result', 'passed')).toThrow(/symlink on the way leads outside/);
  expect(() => platform.outputDir()).toThrow(/symlink on the way leads outside/);
  expect(existsSync(join(target, 'aegis-scan.env'))).toBe(false);
  expect(existsSync(join(target, 'scan'))).toBe(false);
});

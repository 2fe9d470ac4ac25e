// Where stage files go is answered by the platform alone (Platform.outputDir): RUNNER_TEMP on
// GitHub, one git-excluded `.aegis-out/` on GitLab, --output-dir or a temp dir locally; and
// file inputs may be in the workspace or in the runner's temp directory.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { GitHubPlatform } from '../../src/platform/github.js';
import { GitLabPlatform } from '../../src/platform/gitlab.js';
import { LocalPlatform } from '../../src/platform/local.js';
import { loadStage } from '../../src/stages/index.js';
import { InputReader } from '../../src/stages/inputs.js';
import { git, tempDir } from '../helpers/git.js';

const release = await loadStage('release');

const SPECS = { report: { description: 'a file input' }, 'output-dir': { description: 'an output' } };

function repository(): string {
  const dir = tempDir('aegis-stage-files-');
  git(dir, 'init', '--quiet', '--initial-branch', 'main');
  writeFileSync(join(dir, 'package.json'), '{"name":"lib","version":"1.0.0"}\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '--quiet', '-m', 'feat: first');
  return dir;
}

describe('GitHub', () => {
  test('stage files go to a new directory under RUNNER_TEMP, created by the first write only', () => {
    const runnerTemp = tempDir('aegis-runner-temp-');
    const platform = new GitHubPlatform('scan', { GITHUB_WORKSPACE: repository(), RUNNER_TEMP: runnerTemp });
    const dir = platform.outputDir();
    expect(dir).toMatch(new RegExp(`^${runnerTemp}/aegis-scan-[0-9a-f]{12}$`));
    expect(platform.outputDir()).toBe(dir);
    expect(existsSync(dir)).toBe(false);
  });

  test('file inputs may be in the workspace or RUNNER_TEMP, nowhere else', () => {
    const workspace = repository();
    const runnerTemp = tempDir('aegis-runner-temp-');
    writeFileSync(join(runnerTemp, 'trivy.json'), '{}');
    // @actions/core reads inputs from the process environment, as on a runner.
    const reader = (value: string) => {
      vi.stubEnv('INPUT_REPORT', value);
      return new InputReader(new GitHubPlatform('scan', { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp }), SPECS);
    };
    expect(reader(join(runnerTemp, 'trivy.json')).path('report', workspace)).toBe(join(runnerTemp, 'trivy.json'));
    expect(reader('package.json').path('report', workspace)).toBe(join(workspace, 'package.json'));
    expect(() => reader('/etc/passwd').path('report', workspace)).toThrow(/Input 'report'.*a path inside/);
    expect(() => reader(join(runnerTemp, '../x')).path('report', workspace)).toThrow(/Input 'report'/);
    vi.unstubAllEnvs();
  });
});

describe('GitLab', () => {
  test('one hidden folder in the project, git-excluded once, so the checkout stays clean', async () => {
    const project = repository();
    const platform = new GitLabPlatform('detect', { CI_PROJECT_DIR: project, GITLAB_CI: 'true' });
    const dir = platform.outputDir();
    expect(dir).toBe(join(project, '.aegis-out/detect'));
    writeFileSync(join(dir, 'changed-files.txt'), 'a\n');
    platform.setOutput('has-changes', 'true');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    await platform.summary('done');
    vi.restoreAllMocks();
    new GitLabPlatform('scan', { CI_PROJECT_DIR: project }).outputDir();
    const exclude = readFileSync(join(project, '.git/info/exclude'), 'utf8');
    expect(exclude.match(/^\/\.aegis-out\/$/gm)).toHaveLength(1);
    expect(git(project, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(readFileSync(join(project, '.aegis-out/aegis-detect.env'), 'utf8')).toBe('AEGIS_HAS_CHANGES=true\n');
  });

  test('in a git worktree (a .git file), the common info/exclude is used and the worktree stays clean', () => {
    const main = repository();
    const worktree = join(tempDir('aegis-stage-files-wt-'), 'wt');
    git(main, 'worktree', 'add', '--quiet', '-b', 'other', worktree);
    const platform = new GitLabPlatform('scan', { CI_PROJECT_DIR: worktree });
    writeFileSync(join(platform.outputDir(), 'report.json'), '{}');
    platform.setOutput('result', 'passed');
    expect(readFileSync(join(main, '.git/info/exclude'), 'utf8')).toMatch(/^\/\.aegis-out\/$/m);
    expect(git(worktree, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  test("not the user's .aegis/ (the services manifest lives there)", () => {
    const project = repository();
    expect(new GitLabPlatform('detect', { CI_PROJECT_DIR: project }).outputDir()).not.toMatch(/\/\.aegis\//);
  });

  test("release's clean-tree check ignores earlier jobs' .aegis-out/ artifacts", async () => {
    const project = repository();
    // An earlier job's artifacts, extracted before this job starts (nothing excluded yet).
    mkdirSync(join(project, '.aegis-out/scan'), { recursive: true });
    writeFileSync(join(project, '.aegis-out/scan/trivy-results.sarif'), '{}');
    writeFileSync(join(project, '.aegis-out/aegis-scan.env'), 'AEGIS_RESULT=passed\n');
    const platform = new GitLabPlatform('release', {
      CI_PROJECT_DIR: project,
      GITLAB_CI: 'true',
      INPUT_DRY_RUN: 'true',
      INPUT_REMOTE: 'none',
      INPUT_PUBLISH: 'none',
    });
    const failures: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    platform.fail = (message: string) => void failures.push(message);
    try {
      await release.run(platform);
    } finally {
      vi.restoreAllMocks();
    }
    expect(failures).toEqual([]);
    expect(readFileSync(join(project, '.aegis-out/aegis-release.env'), 'utf8')).toContain('AEGIS_VERSION=1.0.0\n');
  });
});

describe('locally (CLI)', () => {
  test('--output-dir when given, else a new temporary directory', () => {
    const workspace = repository();
    expect(new LocalPlatform('scan', {}, { cwd: workspace, outputDir: 'reports' }).outputDir()).toBe(join(workspace, 'reports'));
    expect(new LocalPlatform('scan', {}, { cwd: workspace }).outputDir()).toMatch(new RegExp(`^${tmpdir()}/aegis-scan-`));
  });
});

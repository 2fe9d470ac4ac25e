/**
 * The platform adapters print repository text safely: on GitHub no line of stdout is a
 * workflow command we did not issue, on GitLab no escape sequence opens a section, and no
 * output file carries a NUL byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { GitHubPlatform } from '../../src/platform/github.js';
import { dotenvLine, GitLabPlatform, gitlabArtifacts } from '../../src/platform/gitlab.js';
import { LocalPlatform } from '../../src/platform/local.js';

const HOSTILE = 'subject\r::add-mask::hidden\n  ::warning::forged\n\u001b[0Ksection_start:1:evil\r\u001b[0Kx ##[error]legacy';

let dir: string;
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

function capture(stream: NodeJS.WriteStream): () => string {
  const write = vi.spyOn(stream, 'write').mockImplementation(() => true);
  return () => write.mock.calls.map((call) => String(call[0])).join('');
}

describe('GitHub', () => {
  test('info, warning, error and failure: the runner sees only our commands', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gh-'));
    const output = join(dir, 'output');
    writeFileSync(output, '');
    const platform = new GitHubPlatform('promote', { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output });
    const stdout = capture(process.stdout);
    platform.log.info(HOSTILE);
    platform.log.warning(HOSTILE);
    platform.log.error(HOSTILE);
    platform.fail(HOSTILE);
    process.exitCode = 0;
    const lines = stdout()
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim());
    const commands = lines.filter((line) => line.startsWith('::'));
    // @actions/core's own annotations (their data is %-encoded by core), nothing else.
    for (const command of commands) expect(command).toMatch(/^::(warning|error)::/);
    expect(commands).toHaveLength(3);
    expect(lines.join('\n')).not.toMatch(/^::add-mask::/m);
    expect(lines.join('\n')).not.toContain('##[error]');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  test('an output with NUL is written without it', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gh-'));
    const output = join(dir, 'output');
    writeFileSync(output, '');
    // @actions/core reads GITHUB_OUTPUT from the process environment.
    vi.stubEnv('GITHUB_OUTPUT', output);
    const platform = new GitHubPlatform('detect', { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output });
    capture(process.stdout);
    platform.setOutput('plan', 'a\0b');
    expect(readFileSync(output, 'utf8')).not.toContain('\0');
    expect(readFileSync(output, 'utf8')).toContain('a\\0b');
  });
});

describe('GitLab', () => {
  test('no escape sequence of repository text reaches the log; only our sections', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gl-'));
    const platform = new GitLabPlatform('promote', { CI_PROJECT_DIR: dir, GITLAB_CI: 'true' });
    const stderr = capture(process.stderr);
    platform.log.info(HOSTILE);
    await platform.log.group(HOSTILE, async () => {});
    await platform.summary(`# s\n${HOSTILE}`);
    platform.setOutput('plan', 'x\0y');
    const logged = stderr();
    expect(logged.match(/section_start:\d+:aegis_/g)).toHaveLength(2);
    // The text stays readable, its escape character is shown, not sent.
    expect(logged).toContain('\\x1b[0Ksection_start:1:evil');
    expect(logged.includes('\u001b[0Ksection_start:1:evil')).toBe(false);
    expect(readFileSync(join(dir, gitlabArtifacts.dotenv('promote')), 'utf8')).toBe('AEGIS_PLAN=x\\0y\n');
  });
});

describe('GitLab dotenv report', () => {
  test('a value with CR, newline or NUL stays one record, escaped, with a warning naming the output', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-gl-'));
    const platform = new GitLabPlatform('gitops-bump', { CI_PROJECT_DIR: dir, GITLAB_CI: 'true' });
    const stderr = capture(process.stderr);
    platform.setOutput('previous', 'v1\rFORGED=1\nINJECTED=2\r\nx\0y');
    platform.setOutput('commit-sha', 'abc');
    const report = readFileSync(join(dir, gitlabArtifacts.dotenv('gitops-bump')), 'utf8');
    expect(report).toBe('AEGIS_PREVIOUS=v1\\rFORGED=1\\nINJECTED=2\\nx\\0y\nAEGIS_COMMIT_SHA=abc\n');
    // Parsed as GitLab reads it (one `KEY=value` per line), the report holds exactly our two variables.
    const records = report.split('\n').filter(Boolean);
    expect(records.map((line) => line.split('=')[0])).toEqual(['AEGIS_PREVIOUS', 'AEGIS_COMMIT_SHA']);
    expect(report).not.toMatch(/[\r\0]/);
    const logged = stderr();
    expect(logged).toContain("Output 'previous' holds a line break, CR or NUL");
    expect(logged).not.toContain("Output 'commit-sha'");
  });

  test('dotenvLine encodes whatever it is given', () => {
    expect(dotenvLine('AEGIS_', 'tag', 'a\rb\nc\u001bd')).toBe('AEGIS_TAG=a\\rb\\nc\\x1bd\n');
  });
});

describe('local', () => {
  test('stderr logs and stdout outputs: no lone CR, no escape sequence, no forged line', () => {
    dir = mkdtempSync(join(tmpdir(), 'aegis-local-'));
    const platform = new LocalPlatform('detect', {}, { cwd: dir, outputFile: 'outputs.txt' });
    const stderr = capture(process.stderr);
    const stdout = capture(process.stdout);
    platform.log.info(HOSTILE);
    platform.log.warning(HOSTILE, { file: 'services/a\r::error::b/Dockerfile', line: 3 });
    platform.log.error(HOSTILE);
    platform.setOutput('changed', `x\r${HOSTILE}`);
    const logged = stderr();
    expect(logged).not.toContain('\r');
    // Only our own colour codes (ESC[31m, ESC[33m, ESC[0m) remain.
    expect(logged.replaceAll('\u001b[31m', '').replaceAll('\u001b[33m', '').replaceAll('\u001b[0m', '')).not.toContain('\u001b');
    expect(logged).toContain('services/a\\r::error::b/Dockerfile:3: ');
    expect(logged).toContain("Output 'changed' holds a line break, CR or NUL");
    const printed = stdout();
    expect(printed.split('\n').filter(Boolean)).toHaveLength(1);
    expect(printed).not.toContain('\r');
    expect(printed).not.toContain('\u001b');
    expect(printed).toMatch(/^changed=x\\rsubject\\r::add-mask::hidden\\n {2}::warning::forged\\n\\x1b\[0Ksection_start/);
    expect(readFileSync(join(dir, 'outputs.txt'), 'utf8')).toBe(printed);
  });
});

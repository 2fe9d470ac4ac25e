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
import { GitLabPlatform, gitlabArtifacts } from '../../src/platform/gitlab.js';

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

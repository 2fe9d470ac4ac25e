import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { LocalPlatform } from '../../src/platform/local.js';
import { loadStage } from '../../src/stages/index.js';
import { runStage } from '../../src/stages/runner.js';
import { TestRepo } from '../fixtures/release/repo.js';
import { startFakeForge } from '../helpers/fake-forge.js';

const release = await loadStage('release');

const root = mkdtempSync(join(tmpdir(), 'aegis-release-stage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function runRelease(dir: string, inputs: Record<string, string>, extraEnv: Record<string, string> = {}) {
  const outputFile = join(root, `out-${Math.random()}`);
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...extraEnv };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = value;
  const platform = new LocalPlatform('release', env, { cwd: dir, outputFile, summaryFile: join(root, 'summary.md') });
  let failure = '';
  platform.fail = (message: string) => {
    failure = message;
  };
  const write = process.stdout.write.bind(process.stdout);
  const quiet = process.stderr.write.bind(process.stderr);
  process.stdout.write = () => true;
  process.stderr.write = () => true;
  try {
    await runStage(release, platform);
  } finally {
    process.stdout.write = write;
    process.stderr.write = quiet;
  }
  let outputs: Record<string, string> = {};
  try {
    outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  } catch {
    // no outputs written
  }
  return { outputs, failure };
}

describe('release stage (local platform, real git)', () => {
  test('dry-run prints the plan and changes nothing; a real run writes the outputs', async () => {
    const repo = new TestRepo(join(root, 'lib'));
    repo.write('lib/pyproject.toml', '[project]\nname = "aegis-lib"\nversion = "1.4.0"\n');
    repo.write('lib/aegis_lib/_version.py', '__version__ = "1.4.0"\n');
    repo.commit('chore: init', 'lib/a.py');
    repo.tag('lib-v1.4.0');
    repo.commit('feat: thing', 'lib/a.py');
    repo.push();
    const inputs = { path: 'lib', 'tag-prefix': 'lib-v', 'version-files': 'pyproject.toml\naegis_lib/_version.py' };

    const dry = await runRelease(repo.dir, { ...inputs, 'dry-run': 'true' });
    expect(dry.failure).toBe('');
    expect(dry.outputs).toMatchObject({ released: 'false', version: '1.5.0', 'previous-version': '1.4.0', tag: 'lib-v1.5.0' });
    expect(dry.outputs.notes).toContain('### Features');
    expect(readFileSync(join(root, 'summary.md'), 'utf8')).toContain('(dry run)');
    expect(repo.tags()).toEqual(['lib-v1.4.0']);
    expect(repo.git('status', '--porcelain')).toBe('');

    const real = await runRelease(repo.dir, inputs);
    expect(real.failure).toBe('');
    expect(real.outputs).toMatchObject({ released: 'true', version: '1.5.0', tag: 'lib-v1.5.0', published: 'false' });
    expect(repo.remoteTags().sort()).toEqual(['lib-v1.4.0', 'lib-v1.5.0']);
    expect(repo.git('show', 'origin/main:lib/aegis_lib/_version.py')).toBe('__version__ = "1.5.0"');
    expect(repo.git('show', 'origin/main:lib/pyproject.toml')).toContain('version = "1.5.0"');

    const again = await runRelease(repo.dir, inputs);
    expect(again.outputs).toMatchObject({ released: 'false', version: '' });
  }, 30_000);

  test('dry-run runs every check: a stale checkout fails it, and the plan lists the checks that passed', async () => {
    const repo = new TestRepo(join(root, 'stale'));
    repo.commit('chore: init', 'a.txt');
    repo.tag('v1.0.0');
    repo.commit('feat: thing', 'a.txt');
    repo.push();
    const dry = await runRelease(repo.dir, { 'dry-run': 'true' });
    expect(dry.failure).toBe('');
    const summary = readFileSync(join(root, 'summary.md'), 'utf8');
    expect(summary).toContain("checkout is origin main's tip");
    expect(summary).toContain('push access: git push --dry-run --atomic HEAD:refs/heads/main HEAD:refs/tags/v1.1.0');

    // Another pipeline moves main on; this checkout is now behind.
    const other = new TestRepo(join(root, 'stale-other'));
    other.git('fetch', '--quiet', repo.origin, 'main');
    other.git('checkout', '--quiet', '-B', 'main', 'FETCH_HEAD');
    other.commit('fix: meanwhile', 'b.txt');
    other.git('push', '--quiet', repo.origin, 'main');
    const stale = await runRelease(repo.dir, { 'dry-run': 'true' });
    expect(stale.failure).toMatch(/the branch moved on; rerun on the new tip/);
    expect(repo.remoteTags()).toEqual(['v1.0.0']);
  }, 30_000);

  test('after the release, dependents are notified through the Forge with the dependents token (FAKE GitHub API)', async () => {
    const github = await startFakeForge('github');
    try {
      const repo = new TestRepo(join(root, 'notify'));
      repo.write('package.json', '{"name": "notify-lib", "version": "1.0.0"}\n');
      repo.commit('chore: init', 'a.txt');
      repo.tag('v1.0.0');
      repo.commit('feat: thing', 'a.txt');
      repo.push();
      const result = await runRelease(
        repo.dir,
        { dependents: 'github:acme/svc\ngithub:acme/web', 'dependents-token': 'dep-token-123' },
        { AEGIS_FORGE_URL: github.apiUrl },
      );
      expect(result.failure).toBe('');
      expect(result.outputs).toMatchObject({ released: 'true', tag: 'v1.1.0' });
      const payload = {
        event_type: 'aegis-release',
        client_payload: { library: 'notify-lib', version: '1.1.0', tag: 'v1.1.0', prerelease: false },
      };
      expect(github.notifications).toEqual([
        { project: 'acme/svc', body: payload },
        { project: 'acme/web', body: payload },
      ]);
      expect(github.calls.every((call) => call.authorization === 'token dep-token-123')).toBe(true);
      expect(readFileSync(join(root, 'summary.md'), 'utf8')).toContain('**Dependents:** acme/svc ✓, acme/web ✓');
    } finally {
      await github.close();
    }
  }, 30_000);

  test.each([
    [{ publish: 'maven' }, /Input 'publish'.*one of 'npm', 'pypi', 'command', 'none'/],
    [{ prerelease: 'rc 1' }, /Input 'prerelease'/],
    [{ path: '../outside' }, /Input 'path'/],
    [{ publish: 'command' }, /Input 'publish-command'/],
    [{ publish: 'command', 'publish-command': 'make publish' }, /Input 'publish-command'.*YAML\/JSON array/],
    [{ publish: 'command', 'publish-command': '["make", "publish"]' }, /Input 'check-command'/],
    [{ 'bump-rules': 'major: [x]' }, /Input 'bump-rules'/],
    [{ publish: 'npm' }, /Input 'publish'.*package.json/],
    [{ remote: 'upstream' }, /Input 'remote'/],
    [{ 'version-files': '../../outside/package.json' }, /Input 'version-files'/],
    [{ dependents: 'github:o/r' }, /Input 'dependents-token'/],
    [{ dependents: 'svn:nope', 'dependents-token': 't' }, /Input 'dependents'/],
    [{ branch: 'main..evil' }, /Input 'branch' has an invalid value "main..evil"/],
    [{ branch: '-f' }, /Input 'branch' has an invalid value "-f"/],
    [{ 'tag-prefix': '--no-sign' }, /Input 'tag-prefix' has an invalid value "--no-sign"/],
    [{ 'tag-prefix': 'v.lock/' }, /Input 'tag-prefix'/],
  ])('bad input %j fails naming the input', async (inputs, message) => {
    const repo = new TestRepo(join(root, `bad-${Math.random()}`));
    repo.commit('feat: x');
    const result = await runRelease(repo.dir, inputs as Record<string, string>);
    expect(result.failure).toMatch(message);
    expect(repo.tags()).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { withBuild } from '../../src/core/release/publish/build.js';
import { pypiPublisher } from '../../src/core/release/publish/pypi.js';
import { executeRelease, planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { TestPypiServer } from '../fixtures/release/pypi-server.js';
import { TestRepo } from '../fixtures/release/repo.js';

// Real twine (Debian's) and a real PEP 517 build (python3-build + hatchling, Debian's) against
// THE TEST'S OWN PyPI-compatible index (test/fixtures/release/pypi-server.ts), which follows the
// documented upload and JSON APIs.
const PYTHON = '/usr/bin/python3';
const TOKEN = 'pypi-test-token';
// Debian's build cannot see Debian's hatchling as installed metadata; the dependency check is skipped, the build is real.
const BUILD = [PYTHON, '-m', 'build', '--no-isolation', '--skip-dependency-check'];
const root = mkdtempSync(join(tmpdir(), 'aegis-release-pypi-'));
let index: TestPypiServer;

const tools = ['twine', PYTHON].filter((tool) => {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return false;
  } catch {
    return true;
  }
});
const hasBuild = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import build, hatchling'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const available = tools.length === 0 && hasBuild;
if (!available && process.env.CI === 'true')
  throw new Error('twine, python3-build and python3-hatchling are required in CI (.ci/run installs them)');

beforeAll(async () => {
  index = new TestPypiServer(TOKEN);
  await index.start();
});

afterAll(async () => {
  await index?.stop();
  rmSync(root, { recursive: true, force: true });
});

function pyLibrary(repo: TestRepo, name: string): void {
  repo.write(
    'pyproject.toml',
    `[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n\n[project]\nname = "${name}"\nversion = "0.0.0"\ndescription = "release fixture"\n`,
  );
  repo.write(`${name.replace(/-/g, '_')}/__init__.py`, 'VALUE = 1\n');
  repo.write('.gitignore', 'dist/\n');
}

function options(repo: TestRepo, name: string): ReleaseOptions {
  return {
    repoDir: repo.dir,
    path: '.',
    tagPrefix: 'v',
    rules: parseBumpRules(''),
    versionFiles: ['pyproject.toml'],
    changelogFile: 'CHANGELOG.md',
    publisher: withBuild(
      pypiPublisher({ packageName: name, registryUrl: index.uploadUrl, checkUrl: index.jsonApiUrl, token: TOKEN }),
      BUILD,
    ),
    name,
    git: { remote: 'origin', author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag} [skip ci]' },
    date: '2024-01-01',
    log: silentLog,
  };
}

/** The distributions the tag builds, by name and sha256, from a fresh clone of the tag. */
function builtFromTag(repo: TestRepo, tag: string): Array<{ filename: string; sha256: string }> {
  const dir = mkdtempSync(join(root, 'verify-'));
  execFileSync('git', ['clone', '--quiet', '--branch', tag, repo.origin, dir], { stdio: 'ignore' });
  execFileSync(BUILD[0] as string, BUILD.slice(1), { cwd: dir, stdio: 'ignore' });
  return readdirSync(join(dir, 'dist'))
    .map((filename) => ({
      filename,
      sha256: createHash('sha256')
        .update(readFileSync(join(dir, 'dist', filename)))
        .digest('hex'),
    }))
    .sort((a, b) => a.filename.localeCompare(b.filename));
}

describe.runIf(available || process.env.CI === 'true')('PyPI release with real twine against the test’s own index', () => {
  test('a half-uploaded release (wheel stored, sdist failed) is completed by the rerun: only the sdist is uploaded', async () => {
    const name = 'aegis-fixture-py';
    const repo = new TestRepo(join(root, 'half'));
    pyLibrary(repo, name);
    repo.commit('feat: first', `${name.replace(/-/g, '_')}/__init__.py`);
    repo.push();

    index.failUploads((filename) => filename.endsWith('.tar.gz'), 6);
    await expect(executeRelease(options(repo, name), await planRelease(options(repo, name)))).rejects.toThrow(
      /v0.1.0 is pushed but publishing 0.1.0 failed: twine upload .* failed/,
    );
    index.failUploads(() => false, 0);
    expect(index.uploads.filter((upload) => upload.status === 200).map((upload) => upload.filename)).toEqual([
      'aegis_fixture_py-0.1.0-py2.py3-none-any.whl',
    ]);
    expect(index.release(name, '0.1.0').map((file) => file.filename)).toEqual(['aegis_fixture_py-0.1.0-py2.py3-none-any.whl']);
    expect(repo.remoteTags()).toEqual(['v0.1.0']);

    // The rerun sees the release's JSON, but not every file the tag builds: it is not "published" yet.
    const plan = await planRelease(options(repo, name));
    expect(plan.action).toBe('resume');
    expect(plan.missingFiles).toEqual(['aegis_fixture_py-0.1.0.tar.gz']);
    expect(plan.reason).toContain('files not uploaded: aegis_fixture_py-0.1.0.tar.gz');
    const uploadsBefore = index.uploads.length;
    const result = await executeRelease(options(repo, name), plan);
    expect(result.published).toBe(true);
    expect(index.uploads.slice(uploadsBefore)).toEqual([{ filename: 'aegis_fixture_py-0.1.0.tar.gz', status: 200 }]);

    // Files compared by name and hash with what the tag builds.
    const expected = builtFromTag(repo, 'v0.1.0');
    expect(expected.map((file) => file.filename)).toEqual(['aegis_fixture_py-0.1.0-py2.py3-none-any.whl', 'aegis_fixture_py-0.1.0.tar.gz']);
    expect(index.release(name, '0.1.0')).toEqual(expected);

    // Complete now: the next run has nothing to do and uploads nothing.
    const uploadsAfter = index.uploads.length;
    expect((await planRelease(options(repo, name))).action).toBe('none');
    expect(index.uploads.length).toBe(uploadsAfter);
    expect(existsSync(join(repo.dir, 'dist'))).toBe(true);
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 180_000);

  test('a file of the same name with another hash on the index stops the rerun, naming both hashes', async () => {
    const name = 'aegis-fixture-py-other';
    const repo = new TestRepo(join(root, 'other'));
    pyLibrary(repo, name);
    repo.commit('feat: first', `${name.replace(/-/g, '_')}/__init__.py`);
    repo.push();
    index.failUploads((filename) => filename.endsWith('.tar.gz'), 6);
    await expect(executeRelease(options(repo, name), await planRelease(options(repo, name)))).rejects.toThrow(/is pushed but publishing/);
    index.failUploads(() => false, 0);
    const wheel = [...index.files.values()].find((file) => file.filename === 'aegis_fixture_py_other-0.1.0-py2.py3-none-any.whl');
    if (!wheel) throw new Error('the wheel should be on the index');
    wheel.sha256 = '0'.repeat(64);
    await expect(planRelease(options(repo, name))).rejects.toThrow(
      /already holds aegis_fixture_py_other-0.1.0-py2.py3-none-any.whl with sha256 0{64}, but the tagged commit builds it with sha256 [0-9a-f]{64}/,
    );
  }, 180_000);

  test('no token: stopped before anything is pushed; a refused token (PyPI cannot be asked beforehand) fails at the upload, the rerun with the right one completes', async () => {
    const name = 'aegis-fixture-py-auth';
    const repo = new TestRepo(join(root, 'auth'));
    pyLibrary(repo, name);
    repo.commit('feat: first', `${name.replace(/-/g, '_')}/__init__.py`);
    repo.push();
    const withToken = (token?: string): ReleaseOptions => ({
      ...options(repo, name),
      publisher: withBuild(pypiPublisher({ packageName: name, registryUrl: index.uploadUrl, checkUrl: index.jsonApiUrl, token }), BUILD),
    });
    await expect(planRelease(withToken(undefined))).rejects.toThrow(
      /No token for http:\/\/127\.0\.0\.1:\d+\/legacy\/: set the 'token' input/,
    );
    expect(repo.remoteTags()).toEqual([]);
    expect(index.release(name, '0.1.0')).toEqual([]);

    await expect(executeRelease(withToken('pypi-wrong'), await planRelease(withToken('pypi-wrong')))).rejects.toThrow(
      /v0.1.0 is pushed but publishing 0.1.0 failed: twine upload .*403/,
    );
    expect(index.release(name, '0.1.0')).toEqual([]);
    const resumed = await executeRelease(withToken(TOKEN), await planRelease(withToken(TOKEN)));
    expect(resumed.plan.action).toBe('resume');
    expect(index.release(name, '0.1.0')).toEqual(builtFromTag(repo, 'v0.1.0'));
  }, 120_000);
});

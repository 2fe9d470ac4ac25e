import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { npmPublisher } from '../../src/core/release/publish/npm.js';
import type { Publisher } from '../../src/core/release/publish/publisher.js';
import { executeRelease, planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { TestRepo } from '../fixtures/release/repo.js';
import { freePort, Verdaccio } from '../fixtures/release/verdaccio.js';

const root = mkdtempSync(join(tmpdir(), 'aegis-release-npm-'));
let registry: Verdaccio;
let token: string;
let publishes: string[];

beforeAll(async () => {
  registry = new Verdaccio(join(root, 'verdaccio'), await freePort());
  await registry.start();
  token = await registry.addUser('releaser', 'releaser-password');
}, 60_000);

afterAll(async () => {
  await registry?.stop();
  rmSync(root, { recursive: true, force: true });
});

/** The real npm publisher, counting publishes so a test can prove nothing is published twice. */
function countingPublisher(packageName: string, registryUrl = registry.url): Publisher {
  const inner = npmPublisher({ packageName, registryUrl, token, fetchRetries: 0 });
  return {
    ...inner,
    async publish(version, dir, context) {
      await inner.publish(version, dir, context);
      publishes.push(`${packageName}@${version}`);
    },
  };
}

const PACKAGE_JSON = (name: string) =>
  `{\n    "name": "${name}",\n    "version": "0.0.0",\n    "main": "index.js",\n    "license": "MIT"\n}\n`;

function library(repo: TestRepo, dir: string, name: string): void {
  repo.write(`${dir}/package.json`, PACKAGE_JSON(name));
  repo.write(`${dir}/index.js`, `module.exports = '${name}';\n`);
}

function options(repo: TestRepo, name: string, overrides: Partial<ReleaseOptions> = {}): ReleaseOptions {
  const path = overrides.path ?? '.';
  const inPath = (file: string) => (path === '.' ? file : `${path}/${file}`);
  return {
    repoDir: repo.dir,
    path,
    tagPrefix: 'v',
    rules: parseBumpRules(''),
    versionFiles: [inPath('package.json')],
    changelogFile: inPath('CHANGELOG.md'),
    publisher: countingPublisher(name),
    name,
    git: { remote: 'origin', author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag} [skip ci]' },
    links: { url: 'https://github.com/acme/lib', kind: 'github' },
    date: '2024-01-01',
    log: silentLog,
    ...overrides,
  };
}

async function release(opts: ReleaseOptions) {
  return executeRelease(opts, await planRelease(opts));
}

function installBack(spec: string): string {
  const dir = mkdtempSync(join(root, 'install-'));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--registry', registry.url, spec], {
    cwd: dir,
    env: { ...process.env, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' },
    stdio: 'pipe',
  });
  return dir;
}

describe('release to a real Verdaccio', () => {
  test('first release: published, installable back, committed, tagged and pushed', async () => {
    publishes = [];
    const repo = new TestRepo(join(root, 'single'));
    library(repo, '.', 'aegis-fixture-single');
    repo.commit('chore: scaffold', 'README.md');
    repo.commit('feat: greet people', 'index.js');
    repo.push();

    const result = await release(options(repo, 'aegis-fixture-single'));
    expect(result.plan.version).toBe('0.1.0');
    expect(result.released && result.published && result.tagged).toBe(true);
    expect(publishes).toEqual(['aegis-fixture-single@0.1.0']);

    const installed = installBack('aegis-fixture-single@0.1.0');
    const manifest = readFileSync(join(installed, 'node_modules/aegis-fixture-single/package.json'), 'utf8');
    expect(JSON.parse(manifest).version).toBe('0.1.0');

    expect(repo.remoteTags()).toEqual(['v0.1.0']);
    expect(repo.git('show', 'origin/main:package.json')).toBe(PACKAGE_JSON('aegis-fixture-single').replace('0.0.0', '0.1.0').trimEnd());
    expect(repo.git('show', 'origin/main:CHANGELOG.md')).toContain('### Features\n\n* greet people');
    expect(repo.git('log', '-1', '--format=%B', 'origin/main')).toContain('Aegis-Release: v0.1.0');
    expect(repo.git('status', '--porcelain')).toBe('');

    const again = await planRelease(options(repo, 'aegis-fixture-single'));
    expect(again.action).toBe('none');
  }, 60_000);

  test('resumption: publish fails with the registry stopped after the tag is pushed; the next run publishes from the tag, nothing twice', async () => {
    publishes = [];
    const repo = new TestRepo(join(root, 'resume'));
    library(repo, '.', 'aegis-fixture-resume');
    repo.commit('feat: first', 'index.js');
    repo.push();
    await release(options(repo, 'aegis-fixture-resume'));
    repo.commit('fix: second', 'index.js');
    repo.push();

    const opts = options(repo, 'aegis-fixture-resume');
    const plan = await planRelease(opts);
    expect(plan.version).toBe('0.1.1');
    await registry.stop();
    try {
      await expect(executeRelease(opts, plan)).rejects.toThrow(
        /v0.1.1 is pushed but publishing 0.1.1 failed: npm publish of aegis-fixture-resume/,
      );
    } finally {
      await registry.start();
    }
    expect(repo.git('status', '--porcelain')).toBe('');
    // semantic-release's order: the tag is pushed with the release commit, then the package follows it.
    expect(repo.remoteTags().sort()).toEqual(['v0.1.0', 'v0.1.1']);

    const resumed = await release(opts);
    expect(resumed.plan.action).toBe('resume');
    expect(resumed.plan.reason).toMatch(/package not published/);
    expect(resumed.published).toBe(true);

    const third = await release(opts);
    expect(third.plan.action).toBe('none');
    expect(publishes).toEqual(['aegis-fixture-resume@0.1.0', 'aegis-fixture-resume@0.1.1']);
    const packument = await registry.packument('aegis-fixture-resume');
    expect(Object.keys(packument?.versions ?? {})).toEqual(['0.1.0', '0.1.1']);
    expect(packument?.versions['0.1.1']?.gitHead).toBe(repo.git('rev-parse', 'v0.1.1^{commit}'));
  }, 90_000);

  test('the push loses a race: nothing is published, the checkout is as it was, a run on the new tip releases once', async () => {
    publishes = [];
    const repo = new TestRepo(join(root, 'reverse'));
    library(repo, '.', 'aegis-fixture-reverse');
    repo.commit('feat: first', 'index.js');
    repo.push();
    const before = repo.git('rev-parse', 'HEAD');
    // Someone pushes between our plan and our push: the atomic push of branch and tag is rejected (never forced).
    const other = new TestRepo(join(root, 'reverse-other'));
    other.git('fetch', '--quiet', repo.origin, 'main');
    other.git('checkout', '--quiet', '-b', 'main', 'FETCH_HEAD');
    const plan = await planRelease(options(repo, 'aegis-fixture-reverse'));
    other.commit('docs: meanwhile', 'README.md');
    other.git('push', '--quiet', repo.origin, 'main');

    await expect(executeRelease(options(repo, 'aegis-fixture-reverse'), plan)).rejects.toThrow(
      /the branch moved on; rerun on the new tip\. Nothing was published or pushed/,
    );
    expect(publishes).toEqual([]);
    expect(await registry.packument('aegis-fixture-reverse')).toBeUndefined();
    expect(repo.tags()).toEqual([]);
    expect(repo.git('rev-parse', 'HEAD')).toBe(before);
    expect(repo.git('status', '--porcelain')).toBe('');

    // The next CI run starts from a fresh checkout of the new tip.
    repo.git('fetch', '--quiet', 'origin');
    repo.git('reset', '--quiet', '--hard', 'origin/main');
    const released = await release(options(repo, 'aegis-fixture-reverse'));
    expect(released.published).toBe(true);
    expect(repo.remoteTags()).toEqual(['v0.1.0']);
    expect(publishes).toEqual(['aegis-fixture-reverse@0.1.0']);
  }, 60_000);

  test('tag present but package missing: the run publishes from the tag instead of saying nothing to do', async () => {
    publishes = [];
    const repo = new TestRepo(join(root, 'tagged'));
    library(repo, '.', 'aegis-fixture-tagged');
    repo.commit('feat: first', 'index.js');
    repo.write('package.json', PACKAGE_JSON('aegis-fixture-tagged').replace('0.0.0', '0.1.0'));
    repo.commit('chore(release): v0.1.0', 'README.md');
    repo.tag('v0.1.0');
    repo.push();
    // HEAD moved on after the tag; the tagged content is what gets published.
    repo.write('index.js', "module.exports = 'later';\n");
    repo.commit('docs: later', 'README.md');
    repo.push();

    const result = await release(options(repo, 'aegis-fixture-tagged'));
    expect(result.plan.action).toBe('resume');
    expect(result.plan.reason).toMatch(/package not published/);
    expect(publishes).toEqual(['aegis-fixture-tagged@0.1.0']);
    const installed = installBack('aegis-fixture-tagged@0.1.0');
    const published = readFileSync(join(installed, 'node_modules/aegis-fixture-tagged/index.js'), 'utf8');
    expect(published.trim()).toBe(repo.git('show', 'v0.1.0:index.js'));
    expect(published).not.toContain('later');
    expect((await planRelease(options(repo, 'aegis-fixture-tagged'))).action).toBe('none');
  }, 60_000);

  test('monorepo: two libraries with different prefixes released independently; prerelease channel with dist-tag', async () => {
    publishes = [];
    const repo = new TestRepo(join(root, 'mono'));
    library(repo, 'libs/a', 'aegis-fixture-a');
    library(repo, 'libs/b', 'aegis-fixture-b');
    repo.commit('chore: scaffold', 'libs/a/README.md');
    repo.push();
    const a = (extra: Partial<ReleaseOptions> = {}) => options(repo, 'aegis-fixture-a', { path: 'libs/a', tagPrefix: 'a/v', ...extra });
    const b = (extra: Partial<ReleaseOptions> = {}) => options(repo, 'aegis-fixture-b', { path: 'libs/b', tagPrefix: 'b/v', ...extra });

    repo.commit('feat: a feature', 'libs/a/index.js');
    repo.push();
    expect((await release(a())).plan.tag).toBe('a/v0.1.0');
    expect((await planRelease(b())).action).toBe('none');

    repo.commit('fix: b fix', 'libs/b/index.js');
    repo.push();
    expect((await planRelease(a())).action).toBe('none');
    expect((await release(b())).plan.tag).toBe('b/v0.0.1');

    repo.commit('feat: a next', 'libs/a/index.js');
    repo.push();
    expect((await release(a({ channel: 'rc' }))).plan.tag).toBe('a/v0.2.0-rc.1');
    repo.commit('fix: a polish', 'libs/a/index.js');
    repo.push();
    expect((await release(a({ channel: 'rc' }))).plan.tag).toBe('a/v0.2.0-rc.2');
    expect((await planRelease(a({ channel: 'rc' }))).action).toBe('none');
    const stable = await release(a());
    expect(stable.plan.tag).toBe('a/v0.2.0');
    expect(stable.plan.previousVersion).toBe('0.1.0');

    expect(publishes).toEqual([
      'aegis-fixture-a@0.1.0',
      'aegis-fixture-b@0.0.1',
      'aegis-fixture-a@0.2.0-rc.1',
      'aegis-fixture-a@0.2.0-rc.2',
      'aegis-fixture-a@0.2.0',
    ]);
    expect((await registry.packument('aegis-fixture-a'))?.['dist-tags']).toEqual({ latest: '0.2.0', rc: '0.2.0-rc.2' });
    expect(repo.remoteTags().sort()).toEqual(['a/v0.1.0', 'a/v0.2.0', 'a/v0.2.0-rc.1', 'a/v0.2.0-rc.2', 'b/v0.0.1']);
    expect(JSON.parse(repo.git('show', 'origin/main:libs/b/package.json')).version).toBe('0.0.1');
    const changelog = repo.git('show', 'origin/main:libs/a/CHANGELOG.md');
    expect(changelog.indexOf('## [0.2.0]')).toBeLessThan(changelog.indexOf('## [0.2.0-rc.2]'));
    expect(changelog).toContain('https://github.com/acme/lib/compare/a%2Fv0.1.0...a%2Fv0.2.0');
  }, 120_000);

  test('bad input fails clearly before anything is written', async () => {
    const repo = new TestRepo(join(root, 'bad'));
    library(repo, '.', 'aegis-fixture-bad');
    const empty = await planRelease(options(repo, 'aegis-fixture-bad')).catch((error: Error) => error);
    expect(String(empty)).toMatch(/has no commits yet/);

    repo.commit('feat: x', 'index.js');
    repo.push();
    repo.write('index.js', 'dirty');
    await expect(planRelease(options(repo, 'aegis-fixture-bad'))).rejects.toThrow(/uncommitted changes \( M index.js\)/);
    repo.git('checkout', '--', 'index.js');

    await expect(
      planRelease(
        options(repo, 'aegis-fixture-bad', { publisher: npmPublisher({ packageName: 'x', registryUrl: 'http://127.0.0.1:9/' }) }),
      ),
    ).rejects.toThrow(/npm registry http:\/\/127.0.0.1:9\/ is unreachable/);
    await expect(planRelease(options(repo, 'aegis-fixture-bad', { path: 'nothing-here' }))).rejects.toThrow(
      /No commit touches path 'nothing-here'/,
    );

    repo.commit('feat: y\n\nRelease-As: two', 'index.js');
    repo.push();
    await expect(planRelease(options(repo, 'aegis-fixture-bad'))).rejects.toThrow(
      /Release-As: "two" in commit [0-9a-f]{12} \("feat: y"\) is not a semantic version/,
    );
    repo.commit('feat: z\n\nRelease-As: 3.0.0', 'index.js');
    repo.push();
    expect((await planRelease(options(repo, 'aegis-fixture-bad'))).version).toBe('3.0.0');
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 60_000);
});

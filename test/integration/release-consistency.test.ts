import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { npmPublisher } from '../../src/core/release/publish/npm.js';
import { noPublisher } from '../../src/core/release/publish/publisher.js';
import { executeRelease, planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { CountingProxy } from '../fixtures/release/counting-proxy.js';
import { TestRepo } from '../fixtures/release/repo.js';
import { freePort, Verdaccio } from '../fixtures/release/verdaccio.js';

// What the registry holds must be what the tag says: real git, a real Verdaccio, a counting
// proxy in front of it (npm publishes with PUT), and the races of issue 16.

const root = mkdtempSync(join(tmpdir(), 'aegis-release-consistency-'));
let registry: Verdaccio;
let proxy: CountingProxy;
let token: string;

beforeAll(async () => {
  registry = new Verdaccio(join(root, 'verdaccio'), await freePort());
  await registry.start();
  token = await registry.addUser('releaser', 'releaser-password');
  proxy = new CountingProxy(registry.url);
  await proxy.start();
}, 60_000);

afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
  rmSync(root, { recursive: true, force: true });
});

const PACKAGE_JSON = (name: string, version = '0.0.0') =>
  `{\n  "name": "${name}",\n  "version": "${version}",\n  "main": "index.js",\n  "license": "MIT"\n}\n`;

function library(repo: TestRepo, name: string, content = 'zero'): void {
  repo.write('package.json', PACKAGE_JSON(name));
  repo.write('index.js', `module.exports = '${content}';\n`);
}

/** Commits `index.js` with `content`, so a package's content says which commit it came from. */
function change(repo: TestRepo, message: string, content: string): string {
  repo.write('index.js', `module.exports = '${content}';\n`);
  repo.git('add', '--all');
  repo.git('commit', '--quiet', '--message', message);
  return repo.git('rev-parse', 'HEAD');
}

function options(repo: TestRepo, name: string, overrides: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    repoDir: repo.dir,
    path: '.',
    tagPrefix: 'v',
    rules: parseBumpRules(''),
    versionFiles: ['package.json'],
    changelogFile: 'CHANGELOG.md',
    publisher: npmPublisher({ packageName: name, registryUrl: proxy.url, token, fetchRetries: 0 }),
    name,
    git: { remote: 'origin', author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag} [skip ci]' },
    date: '2024-01-01',
    log: silentLog,
    ...overrides,
  };
}

async function release(opts: ReleaseOptions) {
  return executeRelease(opts, await planRelease(opts));
}

/** A second CI workspace: a fresh clone of the same origin. */
function cloneOf(repo: TestRepo, name: string): TestRepo {
  const other = new TestRepo(join(root, name));
  other.git('fetch', '--quiet', repo.origin, 'main');
  other.git('checkout', '--quiet', '-B', 'main', 'FETCH_HEAD');
  other.git('remote', 'set-url', 'origin', repo.origin);
  other.git('fetch', '--quiet', '--tags', 'origin');
  other.git('branch', '--quiet', '--set-upstream-to', 'origin/main');
  return other;
}

/** The published tarball's index.js, installed back from the registry. */
function publishedContent(spec: string): string {
  const dir = mkdtempSync(join(root, 'install-'));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--registry', registry.url, spec], {
    cwd: dir,
    env: { ...process.env, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' },
    stdio: 'pipe',
  });
  return readFileSync(join(dir, 'node_modules', spec.split('@')[0] as string, 'index.js'), 'utf8').trim();
}

describe('registry content is tag content (real Verdaccio)', () => {
  test('stale checkout: pipeline A checked out before main moved fails before any PUT; B releases; registry == tag', async () => {
    const name = 'aegis-race-stale';
    const a = new TestRepo(join(root, 'stale-a'));
    library(a, name);
    change(a, 'feat: first', 'zero');
    a.push();
    await release(options(a, name));
    change(a, 'fix: one', 'one');
    a.push();
    // Pipeline B starts later, from main after a second fix; A's checkout is one commit behind.
    const b = cloneOf(a, 'stale-b');
    change(b, 'fix: two', 'two');
    b.push();

    const putsBefore = proxy.puts().length;
    await expect(release(options(a, name))).rejects.toThrow(
      /origin main is at [0-9a-f]{12}, this checkout at [0-9a-f]{12}: the branch moved on; rerun on the new tip/,
    );
    expect(proxy.puts().length).toBe(putsBefore);
    expect(a.remoteTags()).toEqual(['v0.1.0']);

    const released = await release(options(b, name));
    expect(released.plan.version).toBe('0.1.1');
    expect(proxy.puts().length).toBe(putsBefore + 1);
    const packument = await registry.packument(name);
    expect(packument?.versions['0.1.1']?.gitHead).toBe(b.git('rev-parse', 'v0.1.1^{commit}'));
    expect(publishedContent(`${name}@0.1.1`)).toBe(b.git('show', 'v0.1.1:index.js'));
    expect(b.git('show', 'v0.1.1:index.js')).toContain("'two'");
    expect(b.git('show', 'v0.1.1:CHANGELOG.md')).toMatch(/\* two .*\n\* one /);

    // A reruns on the new tip (a fresh pipeline): nothing left to do, nothing published twice.
    a.git('fetch', '--quiet', 'origin');
    a.git('reset', '--quiet', '--hard', 'origin/main');
    expect((await planRelease(options(a, name))).action).toBe('none');
  }, 90_000);

  test("a version already on the registry from another commit (the issue's stray 0.1.1) stops the release: no tag, no PUT", async () => {
    const name = 'aegis-race-stray';
    const repo = new TestRepo(join(root, 'stray'));
    library(repo, name);
    change(repo, 'feat: first', 'zero');
    repo.push();
    await release(options(repo, name));
    change(repo, 'fix: one', 'one');
    repo.push();
    // What the old ordering left behind: 0.1.1 published from a release commit whose push was rejected.
    const stray = cloneOf(repo, 'stray-old-pipeline');
    stray.write('package.json', PACKAGE_JSON(name, '0.1.1'));
    const strayCommit = change(stray, 'chore(release): v0.1.1', 'one');
    await npmPublisher({ packageName: name, registryUrl: registry.url, token }).publish('0.1.1', stray.dir, {
      tag: 'v0.1.1',
      distTag: 'latest',
    });
    expect((await registry.packument(name))?.versions['0.1.1']?.gitHead).toBe(strayCommit);
    // Main moved on; the next pipeline would release 0.1.1 from content "two".
    change(repo, 'fix: two', 'two');
    repo.push();

    const putsBefore = proxy.puts().length;
    const error = await release(options(repo, name)).catch((caught: Error) => caught);
    expect(String(error)).toContain(`the registry already holds 0.1.1 built from commit ${strayCommit.slice(0, 12)} (its gitHead)`);
    expect(String(error)).toContain('but v0.1.1 would point at a release commit this run has yet to make');
    expect(proxy.puts().length).toBe(putsBefore);
    expect(repo.tags()).toEqual(['v0.1.0']);
    expect(repo.remoteTags()).toEqual(['v0.1.0']);
    expect(repo.git('status', '--porcelain')).toBe('');
  }, 90_000);

  test('a pushed tag whose registry version came from another commit is reported, and later releases go on', async () => {
    const name = 'aegis-race-pushed-stray';
    const repo = new TestRepo(join(root, 'pushed-stray'));
    library(repo, name);
    change(repo, 'feat: first', 'zero');
    repo.push();
    // The end state: v0.1.0 tagged and pushed here, 0.1.0 on the registry from a commit that is not the tag's.
    const stray = cloneOf(repo, 'pushed-stray-old');
    stray.write('package.json', PACKAGE_JSON(name, '0.1.0'));
    const strayCommit = change(stray, 'chore(release): v0.1.0', 'stray');
    await npmPublisher({ packageName: name, registryUrl: registry.url, token }).publish('0.1.0', stray.dir, {
      tag: 'v0.1.0',
      distTag: 'latest',
    });
    await release(options(repo, name, { publisher: noPublisher }));
    expect(repo.remoteTags()).toEqual(['v0.1.0']);

    change(repo, 'fix: next', 'next');
    repo.push();
    const warnings: string[] = [];
    const log = { ...silentLog, warning: (message: string) => warnings.push(message) };
    const next = await release(options(repo, name, { log }));
    expect(next.plan.version).toBe('0.1.1');
    expect(warnings.join('\n')).toContain(`the registry already holds 0.1.0 built from commit ${strayCommit.slice(0, 12)}`);
    expect((await registry.packument(name))?.versions['0.1.1']?.gitHead).toBe(repo.git('rev-parse', 'v0.1.1^{commit}'));
  }, 90_000);

  test('rerun in the same workspace after a run stopped between tagging and pushing: branch and tag pushed together, then published', async () => {
    const name = 'aegis-rerun-workspace';
    const repo = new TestRepo(join(root, 'rerun'));
    library(repo, name);
    change(repo, 'feat: first', 'zero');
    repo.push();
    // The interrupted run: release commit and tag made here, nothing pushed, nothing published.
    await release(options(repo, name, { publisher: noPublisher, git: { ...options(repo, name).git, remote: undefined } }));
    expect(repo.tags()).toEqual(['v0.1.0']);
    expect(repo.remoteTags()).toEqual([]);

    const rerun = await planRelease(options(repo, name));
    expect(rerun.action).toBe('resume');
    expect(rerun.reason).toMatch(/package not published, tag not pushed, release commit not pushed/);
    expect(rerun.checks.join('\n')).toMatch(/push access: git push --dry-run --atomic HEAD:refs\/heads\/main refs\/tags\/v0.1.0/);
    const result = await executeRelease(options(repo, name), rerun);
    expect(result.published && result.tagged).toBe(true);

    const tagCommit = repo.git('rev-parse', 'v0.1.0^{commit}');
    expect(repo.git('ls-remote', 'origin', 'refs/heads/main').split('\t')[0]).toBe(tagCommit);
    expect(repo.remoteTags()).toEqual(['v0.1.0']);
    expect(JSON.parse(repo.git('show', 'origin/main:package.json')).version).toBe('0.1.0');
    expect((await registry.packument(name))?.versions['0.1.0']?.gitHead).toBe(tagCommit);

    // The next pipeline, from a fresh clone, finds everything consistent (no "tag not reachable").
    const fresh = cloneOf(repo, 'rerun-fresh');
    expect((await planRelease(options(fresh, name))).action).toBe('none');
  }, 90_000);

  test('rerun after the older behaviour (release commit kept, tag deleted, push rejected): the rerun tags and pushes both', async () => {
    const name = 'aegis-rerun-untagged';
    const repo = new TestRepo(join(root, 'untagged'));
    library(repo, name);
    change(repo, 'feat: first', 'zero');
    repo.push();
    await release(options(repo, name));
    change(repo, 'feat: second', 'one');
    repo.push();
    await release(options(repo, name, { publisher: noPublisher, git: { ...options(repo, name).git, remote: undefined } }));
    repo.git('tag', '--delete', 'v0.2.0');

    const result = await release(options(repo, name));
    expect(result.plan.action).toBe('release');
    expect(result.plan.version).toBe('0.2.0');
    expect(result.plan.fileChanges).toEqual([]);
    const tagCommit = repo.git('rev-parse', 'v0.2.0^{commit}');
    expect(repo.git('ls-remote', 'origin', 'refs/heads/main').split('\t')[0]).toBe(tagCommit);
    expect(repo.remoteTags().sort()).toEqual(['v0.1.0', 'v0.2.0']);
    expect((await registry.packument(name))?.versions['0.2.0']?.gitHead).toBe(tagCommit);
    expect((await planRelease(options(cloneOf(repo, 'untagged-fresh'), name))).action).toBe('none');
  }, 90_000);

  test('maintenance release from 1.x after 2.0.0: published under release-1.x, latest stays on 2.0.0', async () => {
    const name = 'aegis-maintenance';
    const repo = new TestRepo(join(root, 'maintenance'));
    library(repo, name);
    change(repo, 'feat: first\n\nRelease-As: 1.0.0', 'one');
    repo.push();
    await release(options(repo, name));
    change(repo, 'feat!: new api', 'two');
    repo.push();
    expect((await release(options(repo, name))).plan.version).toBe('2.0.0');

    repo.git('checkout', '--quiet', '-b', '1.x', 'v1.0.0');
    change(repo, 'fix: backported', 'one-fixed');
    repo.git('push', '--quiet', 'origin', '1.x');
    const plan = await planRelease(options(repo, name));
    expect(plan.version).toBe('1.0.1');
    expect(plan.branch).toBe('1.x');
    expect(plan.distTag).toBe('release-1.x');
    await executeRelease(options(repo, name), plan);

    const packument = await registry.packument(name);
    expect(packument?.['dist-tags']).toEqual({ latest: '2.0.0', 'release-1.x': '1.0.1' });
    expect(JSON.parse(repo.git('show', 'origin/1.x:package.json')).version).toBe('1.0.1');
    expect(JSON.parse(repo.git('show', 'origin/main:package.json')).version).toBe('2.0.0');
    // An explicit dist-tag still wins.
    change(repo, 'fix: another backport', 'one-fixed-again');
    repo.git('push', '--quiet', 'origin', '1.x');
    expect((await planRelease(options(repo, name, { distTag: 'legacy' }))).distTag).toBe('legacy');
  }, 120_000);
});

describe('bad branch, tag prefix or credentials fail before any PUT reaches the registry', () => {
  const git = (branch: string) => ({ remote: 'origin', branch, author: { name: 'r', email: 'r@example.com' }, commitMessage: 'x' });
  const npm = (token?: string) => npmPublisher({ packageName: 'aegis-bad-input', registryUrl: proxy.url, token, fetchRetries: 0 });
  test.each([
    ['branch', () => ({ git: git('main..evil') }), /Input 'branch' has an invalid value "main..evil"/],
    ['branch starting with -', () => ({ git: git('-delete') }), /Input 'branch' has an invalid value "-delete"/],
    ['tag-prefix', () => ({ tagPrefix: '--no-sign' }), /Input 'tag-prefix' has an invalid value "--no-sign"/],
    ['tag-prefix with ..', () => ({ tagPrefix: 'v..' }), /Input 'tag-prefix' has an invalid value "v.."/],
    ['token', () => ({ publisher: npm('not-a-token') }), /does not accept the token \(npm whoami/],
    ['no token', () => ({ publisher: npm() }), /No token for npm registry/],
  ] as Array<[string, () => Partial<ReleaseOptions>, RegExp]>)(
    '%s',
    async (_name, overrides, message) => {
      const repo = new TestRepo(mkdtempSync(join(root, 'bad-')));
      library(repo, 'aegis-bad-input');
      change(repo, 'feat: first', 'zero');
      repo.push();
      const putsBefore = proxy.puts().length;
      // planRelease is also the dry run: it fails the same way.
      await expect(planRelease(options(repo, 'aegis-bad-input', overrides()))).rejects.toThrow(message);
      await expect(release(options(repo, 'aegis-bad-input', overrides()))).rejects.toThrow(message);
      expect(proxy.puts().length).toBe(putsBefore);
      expect(repo.tags()).toEqual([]);
      expect(repo.remoteTags()).toEqual([]);
      expect(repo.git('status', '--porcelain')).toBe('');
    },
    60_000,
  );

  test('the same library with good inputs: exactly one PUT (the counter sees publishes)', async () => {
    const repo = new TestRepo(mkdtempSync(join(root, 'good-')));
    library(repo, 'aegis-bad-input');
    change(repo, 'feat: first', 'zero');
    repo.push();
    const putsBefore = proxy.puts().length;
    await release(options(repo, 'aegis-bad-input'));
    expect(proxy.puts().slice(putsBefore)).toEqual(['/aegis-bad-input']);
  }, 60_000);
});

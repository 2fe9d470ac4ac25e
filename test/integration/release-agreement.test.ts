import { rmSync } from 'node:fs';
import { Bumper } from 'conventional-recommended-bump';
import semver from 'semver';
import { afterAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { noPublisher } from '../../src/core/release/publish/publisher.js';
import { planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { TestRepo } from '../fixtures/release/repo.js';

const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) rmSync(repo.root, { recursive: true, force: true });
});

function options(repo: TestRepo, overrides: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    repoDir: repo.dir,
    path: '.',
    tagPrefix: 'v',
    rules: parseBumpRules(''),
    versionFiles: [],
    publisher: noPublisher,
    name: 'lib',
    git: { author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag}' },
    date: '2024-01-01',
    log: silentLog,
    ...overrides,
  };
}

/** Histories after a release tag; the version our planner picks must be the one conventional-recommended-bump implies. */
const HISTORIES: Array<[name: string, previous: string, commits: string[]]> = [
  ['one fix', '1.2.3', ['fix: a']],
  ['feat and fix', '1.2.3', ['fix: a', 'feat: b', 'docs: c']],
  ['perf only', '1.2.3', ['perf: faster']],
  ['bang', '1.2.3', ['fix: a', 'feat(api)!: remove v1']],
  ['breaking footer on a fix', '1.2.3', ['fix: a\n\nBREAKING CHANGE: options renamed']],
  ['breaking-change hyphen footer', '1.2.3', ['chore: a\n\nBREAKING-CHANGE: node 22 required']],
  ['breaking chore via !', '1.2.3', ['chore!: drop node 18']],
  ['scoped feat', '2.0.0', ['feat(parser): new syntax', 'test: more']],
  ['revert', '1.2.3', ['Revert "feat: b"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.']],
  ['feature alias', '1.2.3', ['feature: x']],
  ['0.x breaking', '0.3.1', ['feat!: new api']],
  ['0.x feat', '0.3.1', ['feat: x', 'fix: y']],
  ['0.x fix', '0.3.1', ['fix: y']],
];

describe('next version agrees with conventional-recommended-bump (conventionalcommits preset)', () => {
  test.each(HISTORIES)('%s (from %s)', async (_name, previous, commits) => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('chore: initial');
    repo.tag(`v${previous}`);
    for (const message of commits) repo.commit(message);

    const preMajor = semver.major(previous) === 0;
    const bumper = new Bumper(repo.dir).loadPreset({ name: 'conventionalcommits', preMajor } as never).tag({ prefix: 'v' });
    const recommendation = await bumper.bump();
    const expected = semver.inc(previous, (recommendation as { releaseType: semver.ReleaseType }).releaseType);

    // conventional-changelog's preMajor makes a feature a patch below 1.0; ours is configurable, so configure it the same way.
    const rules = parseBumpRules(preMajor ? 'pre-major-feature: patch' : '');
    const plan = await planRelease(options(repo, { rules }));
    expect(plan.action).toBe('release');
    expect(plan.version).toBe(expected);
  });

  test('no releasable commit: both say nothing to release', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('chore: initial');
    repo.tag('v1.0.0');
    repo.commit('docs: readme');
    repo.commit('refactor: tidy');
    const recommendation = await new Bumper(repo.dir).loadPreset('conventionalcommits').tag({ prefix: 'v' }).bump();
    expect((recommendation as { releaseType?: string }).releaseType).toBeUndefined();
    expect((await planRelease(options(repo))).action).toBe('none');
  });

  test('monorepo: tag prefix and path filter agree too', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('chore: initial', 'libs/a/index.js');
    repo.commit('chore: initial', 'libs/b/index.js');
    repo.tag('a/v1.0.0');
    repo.tag('b/v3.1.0');
    repo.commit('feat!: breaks b only', 'libs/b/index.js');
    repo.commit('fix: fixes a', 'libs/a/index.js');
    for (const [lib, previous, expected] of [
      ['a', '1.0.0', '1.0.1'],
      ['b', '3.1.0', '4.0.0'],
    ] as const) {
      const recommendation = await new Bumper(repo.dir)
        .loadPreset('conventionalcommits')
        .tag({ prefix: `${lib}/v` })
        .commits({ path: `libs/${lib}` })
        .bump();
      expect(semver.inc(previous, (recommendation as { releaseType: semver.ReleaseType }).releaseType)).toBe(expected);
      const plan = await planRelease(options(repo, { path: `libs/${lib}`, tagPrefix: `${lib}/v` }));
      expect(plan.version).toBe(expected);
      expect(plan.tag).toBe(`${lib}/v${expected}`);
    }
  });
});

describe('a prerelease Release-As', () => {
  test.each([
    [undefined, '2.0.0'],
    ['beta', '2.0.0-beta.2'],
  ])('is spent once released; the next release continues its line (channel %s → %s)', async (channel, expected) => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.commit('chore: initial');
    repo.tag('v1.0.0');
    repo.commit('feat: new engine\n\nRelease-As: 2.0.0-beta.1');
    expect((await planRelease(options(repo, channel ? { channel } : {}))).version).toBe('2.0.0-beta.1');
    repo.tag('v2.0.0-beta.1');
    repo.commit('fix: engine bug');
    const plan = await planRelease(options(repo, channel ? { channel } : {}));
    expect(plan.action).toBe('release');
    expect(plan.version).toBe(expected);
  });
});

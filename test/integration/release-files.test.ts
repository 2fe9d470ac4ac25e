import { rmSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { noPublisher } from '../../src/core/release/publish/publisher.js';
import { executeRelease, planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { TestRepo } from '../fixtures/release/repo.js';

// Real git: what the release commit changes (lockfiles) and which commits count (merges, path).
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
    versionFiles: ['package.json'],
    publisher: noPublisher,
    name: 'lib',
    git: { author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag}' },
    date: '2024-01-01',
    log: silentLog,
    ...overrides,
  };
}

const manifest = (name: string, version: string) => `{\n  "name": "${name}",\n  "version": "${version}"\n}\n`;
const lockfile = (packages: Record<string, { name?: string; version?: string }>, version?: string) =>
  `${JSON.stringify({ name: 'root', ...(version ? { version } : {}), lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;

describe('lockfiles follow the released version', () => {
  test('package-lock.json and npm-shrinkwrap.json of a single package', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('package.json', manifest('root', '1.0.0'));
    repo.write('package-lock.json', lockfile({ '': { name: 'root', version: '1.0.0' } }, '1.0.0'));
    repo.write('npm-shrinkwrap.json', lockfile({ '': { name: 'root', version: '1.0.0' } }, '1.0.0'));
    repo.commit('chore: initial');
    repo.tag('v1.0.0');
    repo.commit('feat: more');
    const result = await executeRelease(options(repo), await planRelease(options(repo)));
    expect(result.plan.fileChanges.map((change) => change.file)).toEqual(['package.json', 'package-lock.json', 'npm-shrinkwrap.json']);
    for (const file of ['package-lock.json', 'npm-shrinkwrap.json']) {
      const lock = JSON.parse(repo.git('show', `v1.1.0:${file}`));
      expect([lock.version, lock.packages[''].version]).toEqual(['1.1.0', '1.1.0']);
    }
  });

  test("a workspace library: the root lockfile's entry for it, nothing else", async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('package.json', manifest('root', '9.9.9'));
    repo.write('libs/a/package.json', manifest('a', '0.1.0'));
    repo.write(
      'package-lock.json',
      lockfile({ '': { name: 'root', version: '9.9.9' }, 'libs/a': { name: 'a', version: '0.1.0' }, 'node_modules/a': {} }, '9.9.9'),
    );
    repo.commit('chore: initial', 'libs/a/index.js');
    repo.tag('a/v0.1.0');
    repo.commit('fix: a bug', 'libs/a/index.js');
    const opts = options(repo, { path: 'libs/a', tagPrefix: 'a/v', versionFiles: ['libs/a/package.json'] });
    await executeRelease(opts, await planRelease(opts));
    const lock = JSON.parse(repo.git('show', 'a/v0.1.1:package-lock.json'));
    expect(lock.packages['libs/a'].version).toBe('0.1.1');
    expect([lock.version, lock.packages[''].version]).toEqual(['9.9.9', '9.9.9']);
  });
});

describe('merge commits with conventional subjects', () => {
  function mergeHistory(repo: TestRepo, file: string): void {
    repo.commit('chore: initial', 'libs/a/index.js');
    repo.tag('v1.0.0');
    repo.git('checkout', '--quiet', '-b', 'topic');
    repo.commit('wip', file);
    repo.git('checkout', '--quiet', 'main');
    repo.commit('docs: meanwhile', 'README.md');
    repo.git('merge', '--quiet', '--no-ff', '--message', 'feat: add exporter (!42)', 'topic');
  }

  test('count when they bring a change to the path; listed in the notes', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    mergeHistory(repo, 'libs/a/exporter.js');
    const plan = await planRelease(options(repo, { path: 'libs/a', versionFiles: [] }));
    expect(plan.version).toBe('1.1.0');
    expect(plan.notes).toContain('* add exporter (!42)');
  });

  test("do not count for a library the merge does not touch, nor with 'merge-commits: false'", async () => {
    const repo = new TestRepo();
    repos.push(repo);
    mergeHistory(repo, 'libs/b/exporter.js');
    expect((await planRelease(options(repo, { path: 'libs/a', versionFiles: [] }))).action).toBe('none');
    const other = new TestRepo();
    repos.push(other);
    mergeHistory(other, 'libs/a/exporter.js');
    const plan = await planRelease(options(other, { path: 'libs/a', versionFiles: [], merges: false }));
    expect(plan.action).toBe('none');
  });

  test('a feature and its revert within the release are neither released nor announced', async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('package.json', manifest('lib', '1.0.0'));
    repo.commit('chore: initial');
    repo.tag('v1.0.0');
    repo.commit('fix: real', 'fix.txt');
    const feat = repo.commit('feat: shiny', 'shiny.txt');
    repo.git('revert', '--no-edit', feat);
    const plan = await planRelease(options(repo));
    expect(plan.version).toBe('1.0.1');
    expect(plan.notes).toContain('* real');
    expect(plan.notes).not.toContain('shiny');
  });
});

describe('workspace dependents (changesets / release-please node-workspace)', () => {
  test("a sibling's range moves to the new version in a fix(deps) commit pushed with the release; its own step then releases it", async () => {
    const repo = new TestRepo();
    repos.push(repo);
    repo.write('package.json', '{\n  "name": "root",\n  "private": true,\n  "workspaces": ["libs/*"]\n}\n');
    repo.write('libs/a/package.json', manifest('a', '0.1.0'));
    // Tabs, key order and the other dependency survive byte for byte.
    const bBefore =
      '{\n\t"name": "b",\n\t"version": "1.0.0",\n\t"dependencies": {\n\t\t"left-pad": "^1.3.0",\n\t\t"a": "^0.1.0"\n\t},\n\t"peerDependencies": { "a": ">=0.1.0" }\n}\n';
    repo.write('libs/b/package.json', bBefore);
    repo.write('libs/c/package.json', '{\n  "name": "c",\n  "version": "2.0.0",\n  "devDependencies": { "a": "workspace:*" }\n}\n');
    repo.write(
      'package-lock.json',
      lockfile(
        {
          '': { name: 'root' },
          'libs/a': { name: 'a', version: '0.1.0' },
          'libs/b': { name: 'b', version: '1.0.0', dependencies: { 'left-pad': '^1.3.0', a: '^0.1.0' } } as never,
          'libs/c': { name: 'c', version: '2.0.0', devDependencies: { a: 'workspace:*' } } as never,
        },
        undefined,
      ),
    );
    repo.commit('chore: initial', 'libs/a/index.js');
    repo.tag('a/v0.1.0');
    repo.tag('b/v1.0.0');
    repo.commit('feat: a grows', 'libs/a/index.js');
    repo.push();
    const remote = { remote: 'origin', author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag}' };
    const a = options(repo, {
      path: 'libs/a',
      tagPrefix: 'a/v',
      versionFiles: ['libs/a/package.json'],
      workspaceDependents: true,
      git: remote,
    });

    const plan = await planRelease(a);
    expect(plan.version).toBe('0.2.0');
    expect(plan.dependents).toEqual(['libs/b: peerDependencies >=0.1.0 → >=0.2.0, dependencies ^0.1.0 → ^0.2.0']);
    expect(plan.dependentChanges.map((change) => change.file)).toEqual(['libs/b/package.json', 'package-lock.json']);
    expect(plan.fileChanges.map((change) => change.file)).toEqual(['libs/a/package.json']);
    await executeRelease(a, plan);

    expect(repo.git('log', '--format=%s', '-2', 'origin/main')).toBe('chore(release): a/v0.2.0\nfix(deps): update lib to 0.2.0');
    expect(repo.git('show', 'origin/main:libs/b/package.json')).toBe(
      bBefore.replace('"a": "^0.1.0"', '"a": "^0.2.0"').replace('"a": ">=0.1.0"', '"a": ">=0.2.0"').trimEnd(),
    );
    expect(repo.git('show', 'origin/main:libs/c/package.json')).toContain('"a": "workspace:*"');
    const lock = JSON.parse(repo.git('show', 'origin/main:package-lock.json'));
    expect(lock.packages['libs/a'].version).toBe('0.2.0');
    expect(lock.packages['libs/b'].dependencies).toEqual({ 'left-pad': '^1.3.0', a: '^0.2.0' });
    expect(repo.remoteTags().sort()).toEqual(['a/v0.1.0', 'a/v0.2.0', 'b/v1.0.0']);

    // The sibling's own release step, next in the same job.
    const b = options(repo, { path: 'libs/b', tagPrefix: 'b/v', versionFiles: ['libs/b/package.json'], git: remote });
    const released = await executeRelease(b, await planRelease(b));
    expect(released.plan.version).toBe('1.0.1');
    expect(released.plan.notes).toContain('update lib to 0.2.0');
    expect(JSON.parse(repo.git('show', 'origin/main:libs/b/package.json')).version).toBe('1.0.1');
  }, 60_000);
});

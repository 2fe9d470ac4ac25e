import { describe, expect, test } from 'vitest';
import { applyBump, DEFAULT_BUMP_RULES, nextPrerelease, parseBumpRules, releaseTypeOf } from '../../src/core/release/bump.js';
import { browsableUrl, prependChangelog, renderReleaseNotes } from '../../src/core/release/changelog.js';
import { parseCommit, withoutRevertedPairs } from '../../src/core/release/commits.js';
import { parseArgv } from '../../src/core/release/publish/command.js';
import { readVersion, setLockfileVersion, setVersion } from '../../src/core/release/version-files.js';
import { bumpDependency, bumpedRange } from '../../src/core/release/workspace.js';

describe('parseCommit', () => {
  test.each([
    ['feat: add x', { type: 'feat', scope: undefined, subject: 'add x', breaking: false }],
    ['fix(parser): handle y', { type: 'fix', scope: 'parser', subject: 'handle y', breaking: false }],
    ['feat(api)!: drop v1', { type: 'feat', scope: 'api', subject: 'drop v1', breaking: true }],
    ['chore!: drop node 18', { type: 'chore', breaking: true }],
    ['Feat: capitalised', { type: 'feat', breaking: false }],
    ['fix: a\n\nBREAKING CHANGE: config moved', { type: 'fix', breaking: true }],
    ['fix: a\n\nBREAKING-CHANGE: config moved', { type: 'fix', breaking: true }],
    ['update readme', { type: undefined, subject: 'update readme', breaking: false }],
    ['feat:missing space', { type: undefined, breaking: false }],
    ['Revert "feat: x"\n\nThis reverts commit abc.', { type: 'revert', revert: true, breaking: false }],
    ['docs: mention BREAKING CHANGE: in text', { type: 'docs', breaking: false }],
  ])('%j', (message, expected) => {
    expect(parseCommit('h', message)).toMatchObject(expected);
  });

  test('breaking note runs until the next footer; Release-As is read', () => {
    const commit = parseCommit('h', 'feat: x\n\nbody\n\nBREAKING CHANGE: first line\ncontinued\nRefs: #12\nRelease-As: 2.0.0');
    expect(commit.breakingNotes).toEqual(['first line\ncontinued']);
    expect(commit.releaseAs).toBe('2.0.0');
  });

  test('a bare ! uses the subject as the breaking note', () => {
    expect(parseCommit('h', 'feat!: new api').breakingNotes).toEqual(['new api']);
  });
});

const c = (message: string) => parseCommit('0123456789abcdef', message);

describe('releaseTypeOf', () => {
  test.each([
    [['feat: a', 'fix: b'], 'minor'],
    [['fix: b', 'perf: c'], 'patch'],
    [['docs: d', 'chore: e', 'refactor: f'], undefined],
    [['fix: b', 'refactor!: g'], 'major'],
    [['chore: x\n\nBREAKING CHANGE: y'], 'major'],
    [['Revert "feat: x"\n\nThis reverts commit abc.'], 'patch'],
    [['not conventional'], undefined],
  ])('%j → %s', (messages, expected) => {
    expect(releaseTypeOf(messages.map(c))).toBe(expected);
  });

  test('configurable rules: deps bumps patch, feat only patch', () => {
    const rules = parseBumpRules('{minor: [], patch: [feat, deps]}');
    expect(releaseTypeOf([c('deps: bump lodash')], rules)).toBe('patch');
    expect(releaseTypeOf([c('feat: a')], rules)).toBe('patch');
  });
});

describe('applyBump', () => {
  test.each([
    ['1.2.3', 'patch', DEFAULT_BUMP_RULES, '1.2.4'],
    ['1.2.3', 'minor', DEFAULT_BUMP_RULES, '1.3.0'],
    ['1.2.3', 'major', DEFAULT_BUMP_RULES, '2.0.0'],
    ['0.3.1', 'major', DEFAULT_BUMP_RULES, '0.4.0'],
    ['0.3.1', 'minor', DEFAULT_BUMP_RULES, '0.4.0'],
    ['0.3.1', 'patch', DEFAULT_BUMP_RULES, '0.3.2'],
    ['0.3.1', 'major', parseBumpRules('pre-major-breaking: major'), '1.0.0'],
    ['0.3.1', 'minor', parseBumpRules('pre-major-feature: patch'), '0.3.2'],
  ] as const)('%s + %s → %s', (previous, type, rules, expected) => {
    expect(applyBump(previous, type, rules)).toBe(expected);
  });

  test.each([
    ['1.3.0', 'rc', [], '1.3.0-rc.1'],
    ['1.3.0', 'rc', ['1.3.0-rc.1'], '1.3.0-rc.2'],
    ['1.3.0', 'rc', ['1.3.0-rc.1', '1.3.0-rc.5', '1.3.0-beta.9', '1.2.0-rc.7'], '1.3.0-rc.6'],
    ['1.3.0', 'beta', ['1.3.0-rc.1'], '1.3.0-beta.1'],
  ])('nextPrerelease(%s, %s, %j) = %s', (target, channel, existing, expected) => {
    expect(nextPrerelease(target, channel, existing)).toBe(expected);
  });

  test.each(['[', '{major: [x]}', '{minor: feat}', '{pre-major-breaking: patch}', '- a'])('bad bump-rules %j names the input', (text) => {
    expect(() => parseBumpRules(text)).toThrow(/Input 'bump-rules'/);
  });
});

describe('version files', () => {
  test('package.json: only the top-level version changes, formatting kept', () => {
    const text = '{\n    "name": "x",\n    "nested": {"version": "9.9.9"},\n    "version": "1.0.0", "deps": {}\n}';
    expect(readVersion('package.json', text)).toBe('1.0.0');
    expect(setVersion('package.json', text, '1.1.0')).toBe(text.replace('"1.0.0"', '"1.1.0"'));
  });

  test('package.json without a version is refused', () => {
    expect(() => setVersion('lib/package.json', '{"name":"x","y":{"version":"1"}}', '1.0.0')).toThrow(/lib\/package.json.*version/);
  });

  test('pyproject.toml: [project] and [tool.poetry] versions, not others', () => {
    const text =
      '[build-system]\nversion = \'0\'\n\n[project]\nname = "lib"\nversion = "0.1.0"  # managed\n\n[tool.poetry]\nversion = \'0.1.0\'\n';
    const after = setVersion('pyproject.toml', text, '0.2.0');
    expect(after).toBe(
      '[build-system]\nversion = \'0\'\n\n[project]\nname = "lib"\nversion = "0.2.0"  # managed\n\n[tool.poetry]\nversion = \'0.2.0\'\n',
    );
  });

  test('pyproject.toml with a dynamic version is refused', () => {
    expect(() => setVersion('pyproject.toml', '[project]\ndynamic = ["version"]\n', '1.0.0')).toThrow(/\[project\]/);
  });

  test.each([
    ['__version__ = "1.0.0"\n', '__version__ = "2.0.0"\n'],
    ["# x\n__version__: str = '1.0.0'\nother = 1\n", "# x\n__version__: str = '2.0.0'\nother = 1\n"],
  ])('__version__ file %j', (before, after) => {
    expect(setVersion('src/lib/_version.py', before, '2.0.0')).toBe(after);
  });
});

describe('changelog', () => {
  const commits = [c('feat(api): add list'), c('fix: crash\n\nBREAKING CHANGE: config renamed'), c('chore: deps')];

  test('grouped, breaking first, with GitHub links', () => {
    const notes = renderReleaseNotes({
      version: '2.0.0',
      tag: 'v2.0.0',
      previousTag: 'v1.4.0',
      commits,
      date: '2024-05-01',
      links: { url: 'https://github.com/o/r', kind: 'github' },
    });
    expect(notes).toBe(
      '## [2.0.0](https://github.com/o/r/compare/v1.4.0...v2.0.0) (2024-05-01)\n\n' +
        '### ⚠ BREAKING CHANGES\n\n* config renamed ([0123456](https://github.com/o/r/commit/0123456789abcdef))\n\n' +
        '### Features\n\n* **api:** add list ([0123456](https://github.com/o/r/commit/0123456789abcdef))\n\n' +
        '### Bug Fixes\n\n* crash ([0123456](https://github.com/o/r/commit/0123456789abcdef))\n',
    );
  });

  test('GitLab links use /-/', () => {
    const notes = renderReleaseNotes({
      version: '1.0.1',
      tag: 'lib/v1.0.1',
      previousTag: 'lib/v1.0.0',
      commits: [c('fix: x')],
      date: 'd',
      links: { url: 'https://gitlab.com/g/p', kind: 'gitlab' },
    });
    expect(notes).toContain('https://gitlab.com/g/p/-/compare/lib%2Fv1.0.0...lib%2Fv1.0.1');
    expect(notes).toContain('https://gitlab.com/g/p/-/commit/0123456789abcdef');
  });

  test('newest first, idempotent', () => {
    const first = prependChangelog(undefined, '1.0.0', '## 1.0.0 (d)\n\nold\n');
    const second = prependChangelog(first, '1.1.0', '## 1.1.0 (d)\n\nnew\n');
    expect(second).toBe('# Changelog\n\n## 1.1.0 (d)\n\nnew\n\n## 1.0.0 (d)\n\nold\n');
    expect(prependChangelog(second, '1.1.0', '## 1.1.0 (d)\n\nagain\n')).toBe(second);
    expect(prependChangelog(second, '1.1.0-rc.1', '## 1.1.0-rc.1 (d)\n\nrc\n')).toContain('## 1.1.0-rc.1');
  });

  test.each([
    ['https://github.com/o/r.git', 'https://github.com/o/r'],
    ['git@gitlab.com:g/sub/p.git', 'https://gitlab.com/g/sub/p'],
    ['/tmp/repo.git', undefined],
  ])('browsableUrl(%s)', (remote, expected) => {
    expect(browsableUrl(remote)).toBe(expected);
  });
});

describe('parseArgv', () => {
  test('YAML and JSON arrays', () => {
    expect(parseArgv('["cargo", "publish"]', 'publish-command')).toEqual(['cargo', 'publish']);
    expect(parseArgv('- twine\n- upload', 'publish-command')).toEqual(['twine', 'upload']);
  });
  test.each(['cargo publish && rm -rf /', '[]', '{a: 1}', '[1, [2]]'])('%j is refused, naming the input', (text) => {
    expect(() => parseArgv(text, 'publish-command')).toThrow(/Input 'publish-command'/);
  });
});

describe('reverts within the range cancel the reverted commit (conventional-commits-filter)', () => {
  const commit = (hash: string, message: string) => parseCommit(hash, message);
  const feat = commit('aaaa1111', 'feat: shiny');
  const fix = commit('bbbb2222', 'fix: real');
  const revertFeat = commit('cccc3333', 'Revert "feat: shiny"\n\nThis reverts commit aaaa1111.');
  const revertOlder = commit('dddd4444', 'Revert "feat: older"\n\nThis reverts commit 99999999.');
  const revertRevert = commit('eeee5555', 'Revert "Revert "feat: shiny""\n\nThis reverts commit cccc3333.');

  test.each([
    ['a feature and its revert: both gone', [revertFeat, fix, feat], [fix]],
    ['a revert of something older stays (it is a change)', [revertOlder, fix], [revertOlder, fix]],
    ['a revert of the revert brings the feature back', [revertRevert, revertFeat, feat], [feat]],
    ['a revert older than its target (impossible order) cancels nothing', [feat, revertFeat], [feat, revertFeat]],
  ] as const)('%s', (_name, commits, expected) => {
    expect(withoutRevertedPairs(commits).map((entry) => entry.hash)).toEqual(expected.map((entry) => entry.hash));
  });

  test('the reverted hash is read from the body', () => {
    expect(revertFeat.reverts).toBe('aaaa1111');
    expect(feat.reverts).toBeUndefined();
  });
});

describe('npm lockfile versions', () => {
  const lock = (indent: string) =>
    `${JSON.stringify(
      {
        name: 'root',
        version: '1.0.0',
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': { name: 'root', version: '1.0.0', workspaces: ['libs/*'] },
          'libs/a': { name: 'a', version: '0.1.0' },
          'node_modules/a': { resolved: 'libs/a', link: true },
        },
      },
      null,
      indent,
    )}\n`;

  test('the root package: top-level version and packages[""]', () => {
    const after = JSON.parse(setLockfileVersion('package-lock.json', lock('  '), '', '1.1.0') as string);
    expect(after.version).toBe('1.1.0');
    expect(after.packages[''].version).toBe('1.1.0');
    expect(after.packages['libs/a'].version).toBe('0.1.0');
  });

  test('a workspace package: only its entry; indentation and final newline kept', () => {
    const text = lock('\t');
    const after = setLockfileVersion('package-lock.json', text, 'libs/a', '0.2.0') as string;
    expect(after).toBe(text.replace('"version": "0.1.0"', '"version": "0.2.0"'));
  });

  test('a lockfile that does not list the package is left alone; broken JSON names the file', () => {
    expect(setLockfileVersion('package-lock.json', lock('  '), 'libs/zzz', '1.0.0')).toBeUndefined();
    expect(() => setLockfileVersion('npm-shrinkwrap.json', '{', '', '1.0.0')).toThrow(/npm-shrinkwrap.json: is not valid JSON/);
  });
});

describe('workspace dependency ranges', () => {
  test.each([
    ['^0.1.0', '^0.2.0'],
    ['~1.2.3', '~1.3.0'],
    ['1.2.3', '1.3.0'],
    ['>=1.0.0', '>=1.3.0'],
    ['workspace:^1.0.0', 'workspace:^1.3.0'],
    ['workspace:*', undefined],
    ['workspace:^', undefined],
    ['*', undefined],
    ['^1.0.0 || ^2.0.0', undefined],
    ['file:../a', undefined],
    ['^1.3.0', undefined],
  ])('%s → %s', (range, expected) => {
    expect(bumpedRange(range, range === '^0.1.0' ? '0.2.0' : '1.3.0')).toBe(expected);
  });

  test('only the dependency values change; nested "a" keys elsewhere are left alone', () => {
    const text = '{"name":"b","a":"^0.1.0","dependencies":{"a":"^0.1.0","x":{"a":"^0.1.0"}},"scripts":{"a":"^0.1.0"}}';
    expect(bumpDependency('package.json', text, 'a', '0.2.0')).toEqual({
      text: text.replace('"dependencies":{"a":"^0.1.0"', '"dependencies":{"a":"^0.2.0"'),
      bumped: ['dependencies ^0.1.0 → ^0.2.0'],
    });
  });
});

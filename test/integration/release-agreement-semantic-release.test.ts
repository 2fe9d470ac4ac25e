import { rmSync } from 'node:fs';
import { analyzeCommits } from '@semantic-release/commit-analyzer';
import semver from 'semver';
import { afterAll, describe, expect, test } from 'vitest';
import { silentLog } from '../../src/core/log.js';
import { parseBumpRules } from '../../src/core/release/bump.js';
import { noPublisher } from '../../src/core/release/publish/publisher.js';
import { planRelease, type ReleaseOptions } from '../../src/core/release/release.js';
import { TestRepo } from '../fixtures/release/repo.js';

// Agreement with semantic-release's own commit analysis: @semantic-release/commit-analyzer with
// the conventionalcommits preset, fed the commits semantic-release would feed it (git log of
// last-tag..HEAD, merges included), and semantic-release's version rules (inc by the release
// type; 1.0.0 for the first release). Every disagreement is a row of its own below, saying which
// rule decides and why we follow it.

const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) rmSync(repo.root, { recursive: true, force: true });
});

/** One step of a history: a commit, a real `git revert` of an earlier step, or a merge of a branch. */
type Step = string | { revert: number } | { merge: string; branch: string[] };

interface Row {
  name: string;
  /** Tag before the history; undefined = first release. */
  previous?: string;
  steps: Step[];
  /** Our bump rules for this row (YAML), when not the defaults. */
  rules?: string;
  merges?: boolean;
  /** Present only for a disagreement: our version, semantic-release's, and the rule that decides. */
  differs?: { ours: string | null; semanticRelease: string | null; rule: string };
}

const SEP = '\x1f';
const END = '\x1e';

const ROWS: Row[] = [
  { name: 'one fix', previous: '1.2.3', steps: ['fix: a'] },
  { name: 'feat, fix and docs', previous: '1.2.3', steps: ['fix: a', 'feat: b', 'docs: c'] },
  { name: 'perf only', previous: '1.2.3', steps: ['perf: faster'] },
  { name: 'feat with !', previous: '1.2.3', steps: ['fix: a', 'feat(api)!: remove v1'] },
  { name: 'BREAKING CHANGE footer on a fix', previous: '1.2.3', steps: ['fix: a\n\nBREAKING CHANGE: options renamed'] },
  { name: 'BREAKING-CHANGE footer on a chore', previous: '1.2.3', steps: ['chore: a\n\nBREAKING-CHANGE: node 22 required'] },
  { name: 'chore with !', previous: '1.2.3', steps: ['chore!: drop node 18'] },
  { name: 'docs with !', previous: '1.2.3', steps: ['docs!: api reference moved'] },
  { name: 'fix with scope and !', previous: '2.0.0', steps: ['fix(api)!: status codes'] },
  { name: 'scoped feat', previous: '2.0.0', steps: ['feat(parser): new syntax', 'test: more'] },
  { name: 'empty scope', previous: '2.0.0', steps: ['feat(): still a feature'] },
  { name: 'squash-merge subject with PR number', previous: '2.3.4', steps: ['feat(api): add pagination (#12)'] },
  { name: 'only docs, refactor, chore', previous: '1.0.0', steps: ['docs: readme', 'refactor: tidy', 'chore: deps'] },
  { name: 'chore(deps) is not a release', previous: '1.0.0', steps: ['chore(deps): bump lodash'] },
  { name: 'not conventional at all', previous: '1.0.0', steps: ['update readme', 'WIP'] },
  { name: 'no space after colon', previous: '1.0.0', steps: ['fix:no space'] },
  { name: 'upper-case type FEAT', previous: '1.0.0', steps: ['FEAT: shouting'] },
  {
    name: 'capitalised type Feat',
    previous: '1.0.0',
    steps: ['Feat: capitalised'],
    differs: {
      ours: '1.1.0',
      semanticRelease: null,
      // commit-analyzer matches release rules case-sensitively (rules for `feat` and `FEAT` only).
      rule: 'Conventional Commits 1.0.0 §15: types MUST NOT be treated as case sensitive (only BREAKING CHANGE must be upper case)',
    },
  },
  {
    name: 'feature alias',
    previous: '1.2.3',
    steps: ['feature: x'],
    differs: {
      ours: '1.3.0',
      semanticRelease: null,
      // commit-analyzer's default release rules know only `feat`; the conventionalcommits preset's own whatBump counts
      // `feature` as a feature, and so do we (bump-rules `minor: [feat]` restores commit-analyzer's answer).
      rule: "conventional-changelog-conventionalcommits' whatBump (feat or feature → minor); our default bump-rules",
    },
  },
  { name: 'BREAKING CHANGE mid-line is not a footer', previous: '1.0.0', steps: ['feat: x\n\nsee the BREAKING CHANGE: section'] },
  { name: 'breaking footer with ! and footer both', previous: '1.9.9', steps: ['feat!: x\n\nBREAKING CHANGE: y'] },
  {
    name: 'several breaking, features and fixes',
    previous: '3.4.5',
    steps: ['feat: a', 'fix!: b', 'feat: c\n\nBREAKING CHANGE: d', 'fix: e'],
  },
  {
    name: 'revert of a commit released earlier',
    previous: '1.2.3',
    steps: ['Revert "feat: b"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.'],
  },
  { name: 'feat reverted within the range: nothing', previous: '1.2.3', steps: ['feat: shiny', { revert: 0 }] },
  { name: 'fix kept, feat reverted: patch', previous: '1.2.3', steps: ['fix: real', 'feat: shiny', { revert: 1 }] },
  { name: 'breaking change reverted: only the fix remains', previous: '1.2.3', steps: ['feat!: drop api', 'fix: typo', { revert: 0 }] },
  {
    name: 'revert of the revert brings the feature back',
    previous: '1.2.3',
    steps: [
      'feat: shiny',
      { revert: 0 },
      // Written by hand: git ≥ 2.43 words this "Reapply", which neither tool reads as a revert.
      'Revert "Revert "feat: shiny""\n\nThis reverts commit {1}.',
    ],
  },
  {
    name: 'merge commit with a conventional subject (PR title), branch commits not conventional',
    previous: '1.0.0',
    steps: [{ merge: 'feat: add exporter (!42)', branch: ['wip', 'more wip'] }],
  },
  {
    name: "GitHub's default merge message, feature inside the branch",
    previous: '1.0.0',
    steps: [{ merge: 'Merge pull request #7 from acme/exporter', branch: ['feat: exporter'] }],
  },
  {
    name: 'merged fix subject over a branch feature: minor',
    previous: '1.0.0',
    steps: [{ merge: 'fix: small (#3)', branch: ['feat: big'] }],
  },
  {
    name: 'merge commits ignored on request',
    previous: '1.0.0',
    merges: false,
    steps: [{ merge: 'feat: add exporter (!42)', branch: ['wip'] }],
    differs: {
      ours: null,
      semanticRelease: '1.1.0',
      // semantic-release always reads merge commits; `merge-commits: false` is the user saying merges carry no meaning.
      rule: "the 'merge-commits: false' input (default true, semantic-release's behaviour)",
    },
  },
  {
    name: 'Release-As footer',
    previous: '1.2.3',
    steps: ['fix: a\n\nRelease-As: 3.0.0'],
    differs: {
      ours: '3.0.0',
      semanticRelease: '1.2.4',
      rule: "release-please's Release-As footer (semantic-release has no way to choose the version in a commit)",
    },
  },
  { name: '0.x feature', previous: '0.3.1', steps: ['feat: x', 'fix: y'] },
  { name: '0.x fix', previous: '0.3.1', steps: ['fix: y'] },
  {
    name: '0.x breaking change (default policy)',
    previous: '0.3.1',
    steps: ['feat!: new api'],
    differs: {
      ours: '0.4.0',
      semanticRelease: '1.0.0',
      // semantic-release increments major even below 1.0.0, so a breaking change in development publishes 1.0.0.
      rule: 'SemVer 2.0.0 §4 (0.y.z is initial development: anything may change) and our version policy: in 0.x a breaking change bumps the minor; pre-major-breaking: major gives 1.0.0',
    },
  },
  {
    name: '0.x breaking change with pre-major-breaking: major',
    previous: '0.3.1',
    rules: 'pre-major-breaking: major',
    steps: ['feat!: new api'],
  },
  {
    name: 'first release from a feature',
    steps: ['chore: init', 'feat: first'],
    differs: {
      ours: '0.1.0',
      semanticRelease: '1.0.0',
      // semantic-release always starts at 1.0.0; we start in initial development unless the version file says otherwise.
      rule: 'our version policy: the first version is the version file’s if it is not 0.0.0, else 0.0.0 bumped (0.1.0 for a feature, 0.0.1 for a fix); SemVer §4 recommends 0.1.0',
    },
  },
  {
    name: 'first release from a fix',
    steps: ['fix: first'],
    differs: { ours: '0.0.1', semanticRelease: '1.0.0', rule: 'our version policy for the first version (as the row above)' },
  },
];

function apply(repo: TestRepo, steps: readonly Step[]): void {
  const hashes: string[] = [];
  for (const step of steps) {
    if (typeof step === 'string') {
      // One file per step, so a revert never conflicts with a later commit.
      const message = step.replace(/\{(\d+)\}/g, (_match, index: string) => hashes[Number(index)] as string);
      hashes.push(repo.commit(message, `step-${hashes.length}.txt`));
    } else if ('revert' in step) {
      repo.git('revert', '--no-edit', hashes[step.revert] as string);
      hashes.push(repo.git('rev-parse', 'HEAD'));
    } else {
      repo.git('checkout', '--quiet', '-b', `topic-${hashes.length}`);
      for (const message of step.branch) repo.commit(message, `topic-${hashes.length}.txt`);
      repo.git('checkout', '--quiet', 'main');
      repo.git('merge', '--quiet', '--no-ff', '--message', step.merge, `topic-${hashes.length}`);
      hashes.push(repo.git('rev-parse', 'HEAD'));
    }
  }
}

/** What semantic-release would release: commit-analyzer on last-tag..HEAD (merges included), then its version rule. */
async function semanticReleaseVersion(repo: TestRepo, previous: string | undefined): Promise<string | null> {
  const range = previous ? `v${previous}..HEAD` : 'HEAD';
  const commits = repo
    .git('log', `--format=%H${SEP}%B${END}`, range)
    .split(END)
    .map((record) => record.trim())
    .filter(Boolean)
    .map((record) => {
      const [hash = '', message = ''] = record.split(SEP);
      return { hash, message };
    });
  const type = await analyzeCommits({ preset: 'conventionalcommits' }, { commits, logger: { log: () => {} }, cwd: process.cwd() });
  if (!type) return null;
  return previous ? semver.inc(previous, type) : '1.0.0';
}

function options(repo: TestRepo, row: Row): ReleaseOptions {
  return {
    repoDir: repo.dir,
    path: '.',
    tagPrefix: 'v',
    rules: parseBumpRules(row.rules ?? ''),
    merges: row.merges ?? true,
    versionFiles: [],
    publisher: noPublisher,
    name: 'lib',
    git: { author: { name: 'r', email: 'r@example.com' }, commitMessage: 'chore(release): {tag}' },
    date: '2024-01-01',
    log: silentLog,
  };
}

describe('next version agrees with semantic-release (commit-analyzer, conventionalcommits preset)', () => {
  test('at least 30 histories', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(ROWS.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const repo = new TestRepo();
    repos.push(repo);
    if (row.previous) {
      repo.commit('chore: initial');
      repo.tag(`v${row.previous}`);
    }
    apply(repo, row.steps);

    const theirs = await semanticReleaseVersion(repo, row.previous);
    const plan = await planRelease(options(repo, row));
    const ours = plan.action === 'release' ? (plan.version as string) : null;
    if (row.differs) {
      // A documented disagreement: both sides are pinned, so a change on either side shows up here.
      expect({ ours, theirs }).toEqual({ ours: row.differs.ours, theirs: row.differs.semanticRelease });
      expect(row.differs.rule).not.toBe('');
    } else {
      expect(ours).toBe(theirs);
    }
  });
});

import { describe, expect, test } from 'vitest';
import { formatDate } from '../../src/core/build/date-format.js';
import { renderExpression } from '../../src/core/build/expression.js';
import {
  computeMetadata,
  DEFAULT_TAG_RULES,
  metadataContext,
  parseFlavor,
  parseTagRule,
  parseTagRules,
} from '../../src/core/build/metadata.js';
import { normalizePep440, parsePep440 } from '../../src/core/build/pep440.js';
import { InputError } from '../../src/core/errors.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import type { CiEvent } from '../../src/platform/types.js';

const HEAD = '3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
const MERGE = '9999999999999999999999999999999999999999';
const BEFORE = '1111111111111111111111111111111111111111';
const BASE = '2222222222222222222222222222222222222222';
const CLOCK = new Date('2026-03-04T05:06:07.000Z');
const REPO = { default_branch: 'main', full_name: 'acme/shop' };
const GH = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'dev' };
const GL = {
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
  CI_DEFAULT_BRANCH: 'main',
  CI_PIPELINE_URL: 'https://gitlab.example.com/p/7',
};

const gh = (name: string, ref: string, payload: Record<string, unknown> = {}) =>
  githubEvent({ ...GH, GITHUB_EVENT_NAME: name, GITHUB_REF: ref, GITHUB_SHA: HEAD }, payload);
const pr = (number: number) => ({
  number,
  pull_request: { number, head: { sha: HEAD, ref: 'feat/x' }, base: { sha: BASE, ref: 'main' } },
  repository: REPO,
});
const mr = (type: string) => ({
  ...GL,
  CI_PIPELINE_SOURCE: 'merge_request_event',
  CI_COMMIT_SHA: MERGE,
  CI_MERGE_REQUEST_IID: '42',
  CI_MERGE_REQUEST_EVENT_TYPE: type,
  CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feat/x',
  CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
  CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
  CI_MERGE_REQUEST_TARGET_BRANCH_SHA: BASE,
});

// The same situation on both platforms: [name, GitHub event, GitLab pipeline, the commit checked out].
const TWINS: [string, CiEvent, CiEvent, string][] = [
  [
    'push to the default branch',
    gh('push', 'refs/heads/main', { after: HEAD, before: BEFORE, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_SHA: HEAD, CI_COMMIT_BEFORE_SHA: BEFORE }),
    HEAD,
  ],
  [
    'push to a feature branch',
    gh('push', 'refs/heads/Feature/Login_Page#2', { after: HEAD, before: BEFORE, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'Feature/Login_Page#2', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'pull request / detached merge request',
    githubEvent({ ...GH, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge', GITHUB_SHA: MERGE }, pr(42)),
    gitlabEvent(mr('detached')),
    MERGE,
  ],
  [
    'pull request / merged results',
    githubEvent({ ...GH, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge', GITHUB_SHA: MERGE }, pr(42)),
    gitlabEvent(mr('merged_result')),
    MERGE,
  ],
  [
    'pull request / merge train',
    githubEvent({ ...GH, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/42/merge', GITHUB_SHA: MERGE }, pr(42)),
    gitlabEvent(mr('merge_train')),
    MERGE,
  ],
  [
    'pull_request_target / merge request',
    githubEvent({ ...GH, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: MERGE }, pr(42)),
    gitlabEvent(mr('detached')),
    MERGE,
  ],
  [
    'release tag',
    gh('push', 'refs/tags/v1.2.3', { after: HEAD, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'pre-release tag',
    gh('push', 'refs/tags/v2.0.0-rc.1', { after: HEAD, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v2.0.0-rc.1', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    '0.x tag',
    gh('push', 'refs/tags/0.4.1', { after: HEAD, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: '0.4.1', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'release published / tag pipeline',
    gh('release', 'refs/tags/v1.2.3', { release: { tag_name: 'v1.2.3' }, repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'nightly schedule (GitHub sends no repository)',
    gh('schedule', 'refs/heads/main', {}),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'manual run on the default branch / web',
    gh('workflow_dispatch', 'refs/heads/main', { repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'main', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'manual run on a branch / API',
    gh('workflow_dispatch', 'refs/heads/dev', { repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'api', CI_COMMIT_BRANCH: 'dev', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'manual run on a tag / trigger token',
    gh('workflow_dispatch', 'refs/tags/v1.2.3', { repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'trigger', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
  [
    'run from another pipeline',
    gh('workflow_dispatch', 'refs/heads/main', { repository: REPO }),
    gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'pipeline', CI_COMMIT_BRANCH: 'main', CI_COMMIT_SHA: HEAD }),
    HEAD,
  ],
];

const RULES = [
  ...DEFAULT_TAG_RULES,
  'type=raw,value=br-{{branch}}-{{sha}},enable={{is_not_default_branch}}',
  // metadata-action takes edge's default branch from the GitHub API; GitHub's schedule payload
  // has none, so the branch is named (see the README's differences).
  'type=edge,branch=main',
  'type=pep440,pattern={{version}}',
  'type=match,pattern=v(\\d+),group=1,prefix=major-',
  "type=schedule,pattern=nightly-{{date 'YYYYMMDD'}}",
  'type=raw,value=stable,enable={{is_default_branch}}',
];

function tagsOf(event: CiEvent, sha: string) {
  return computeMetadata(
    { images: [], rules: parseTagRules(RULES), flavor: parseFlavor([]), repository: { name: 'shop' } },
    metadataContext(event, { sha, commitDate: CLOCK, now: CLOCK }),
  );
}

describe('the same situation on GitHub and GitLab gives the same tags', () => {
  test.each(TWINS)('%s', (_, github, gitlab, sha) => {
    const a = tagsOf(github, sha);
    const b = tagsOf(gitlab, sha);
    expect(b.tagNames).toEqual(a.tagNames);
    expect(b.version).toEqual(a.version);
    expect(a.tagNames.length).toBeGreaterThan(0);
  });

  test('the twins are real situations: a tag gives semver and latest, a schedule nightly, a pull request pr-N', () => {
    const byName = (name: string) => TWINS.find((twin) => twin[0] === name) as (typeof TWINS)[number];
    expect(tagsOf(byName('release tag')[2], HEAD).tagNames).toEqual(
      expect.arrayContaining(['1.2.3', '1.2', '1', 'v1.2.3', 'latest', 'major-1']),
    );
    expect(tagsOf(byName('nightly schedule (GitHub sends no repository)')[2], HEAD).tagNames).toEqual(
      expect.arrayContaining(['nightly', 'nightly-20260304', 'edge', 'main', 'stable']),
    );
    // {{branch}} is empty on pull requests (metadata-action: the ref is refs/pull/N/merge).
    expect(tagsOf(byName('pull request / merged results')[2], MERGE).tagNames).toEqual([
      'pr-42',
      'br--9999999',
      'sha-9999999',
      `sha-${MERGE}`,
    ]);
    expect(tagsOf(TWINS[1]?.[2] as CiEvent, HEAD).tagNames[0]).toBe('Feature-Login_Page-2'); // case kept, as metadata-action
  });
});

test("a GitHub `create` event counts as the default branch even for a tag (metadata-action's rule); GitLab has no such event", () => {
  const created = gh('create', 'refs/tags/v1.2.3', { ref_type: 'tag', repository: REPO });
  expect(tagsOf(created, HEAD).tagNames).toContain('stable');
  expect(
    tagsOf(gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_SHA: HEAD }), HEAD).tagNames,
  ).not.toContain('stable');
});

describe('expressions', () => {
  const scope = {
    branch: () => 'main',
    major: 1,
    date: (args: (string | undefined)[], hash: Record<string, string>) => formatDate(CLOCK, args[0], hash.tz ?? 'UTC'),
  };
  test.each([
    ['{{branch}}-x', 'main-x'],
    ['{{ branch }}', 'main'],
    ['v{{major}}', 'v1'],
    ["{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", '20260304-140607'],
    ['{{date "YYYY-MM-DD"}}', '2026-03-04'],
    ['{{date}}', '2026-03-04T05:06:07Z'],
    ['{{unknown}}', ''],
    ['a&b={{branch}}', 'a&b=main'],
  ])('%s -> %s', (template, expected) => {
    expect(renderExpression(template, scope, 'tags')).toBe(expected);
  });

  test('an unknown helper with arguments names the input', () => {
    expect(() => renderExpression("{{nope 'x'}}", scope, 'tags')).toThrow(InputError);
    expect(() => renderExpression("{{nope 'x'}}", scope, 'tags')).toThrow(/tags/);
  });

  test.each([
    ['YYYY-MM-DDTHH:mm:ss.SSS[Z]', 'UTC', '2026-03-04T05:06:07.000Z'],
    ['YYYYMMDD', 'America/Los_Angeles', '20260303'],
    ['HH:mm Z', 'Asia/Kolkata', '10:36 +05:30'],
    ['ddd D MMM YY, hA', 'UTC', 'Wed 4 Mar 26, 5AM'],
    ['X', 'UTC', String(CLOCK.getTime() / 1000)],
  ])('date format %s in %s', (pattern, tz, expected) => {
    expect(formatDate(CLOCK, pattern, tz)).toBe(expected);
  });

  test('an unknown time zone is refused by name', () => {
    expect(() => formatDate(CLOCK, 'YYYY', 'Mars/Olympus')).toThrow(/IANA time zone/);
  });
});

describe('PEP 440', () => {
  test.each([
    ['1.2.3', '1.2.3'],
    ['v1.2.3rc2', '1.2.3rc2'],
    ['1.1beta2', '1.1b2'],
    ['1.0dev4', '1.0.dev4'],
    ['1.2post1', '1.2.post1'],
    ['1.0-1', '1.0.post1'],
    ['1!2.0', '1!2.0'],
    ['1.0+Ubuntu-1', '1.0+ubuntu.1'],
  ])('%s normalises to %s', (raw, normal) => {
    expect(normalizePep440(parsePep440(raw) as NonNullable<ReturnType<typeof parsePep440>>)).toBe(normal);
  });
  test('not a version', () => expect(parsePep440('release1')).toBeUndefined());
});

describe('rule parsing refuses what metadata-action refuses, naming the input', () => {
  test.each([
    ['type=semver', /pattern/],
    ['type=ref', /event/],
    ['type=ref,event=commit', /event=branch/],
    ['type=sha,format=medium', /format=short/],
    ['type=nope', /type= one of/],
    ['type=match,pattern=x,group=a', /group=/],
    ['type=raw,value=x,priority=high', /priority=/],
  ])('%s', (line, message) => {
    expect(() => parseTagRule(line)).toThrow(message);
  });
  test('a line without type= is a raw tag; a bare value after type=raw is its value', () => {
    expect(parseTagRule('edge')).toMatchObject({ type: 'raw', attrs: { value: 'edge' } });
    expect(parseTagRule('type=raw,{{branch}}')).toMatchObject({ type: 'raw', attrs: { value: '{{branch}}' } });
  });
});

import { describe, expect, test } from 'vitest';
import {
  computeMetadata,
  DEFAULT_TAG_RULES,
  type LatestPolicy,
  parseTagRule,
  parseTagRules,
  sanitizeTag,
} from '../../src/core/build/metadata.js';
import { githubEvent, gitlabEvent } from '../../src/platform/event.js';
import type { CiEvent } from '../../src/platform/types.js';

const HEAD = '3f1c2a9e8b7d6c5f4e3d2c1b0a9f8e7d6c5b4a39';
const MERGE = '9999999999999999999999999999999999999999';
const BEFORE = '1111111111111111111111111111111111111111';
const BASE = '2222222222222222222222222222222222222222';
const REPO = { default_branch: 'main', full_name: 'acme/shop' };
const GH = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'dev' };
const GL = {
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/shop',
  CI_DEFAULT_BRANCH: 'main',
  CI_PIPELINE_URL: 'https://gitlab.example.com/acme/shop/-/pipelines/7',
  CI_COMMIT_SHA: HEAD,
};

const events: Record<string, CiEvent> = {
  'github push to default branch': githubEvent(
    { ...GH, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD },
    { after: HEAD, before: BEFORE, repository: REPO },
  ),
  'github push to feature branch': githubEvent(
    { ...GH, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/Feature/Login_Page#2', GITHUB_SHA: HEAD },
    { after: HEAD, before: BEFORE, repository: REPO },
  ),
  'github pull request (GITHUB_SHA is the merge commit)': githubEvent(
    {
      ...GH,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/42/merge',
      GITHUB_SHA: MERGE,
      GITHUB_HEAD_REF: 'feat/x',
      GITHUB_BASE_REF: 'main',
    },
    {
      number: 42,
      pull_request: { number: 42, head: { sha: HEAD, ref: 'feat/x' }, base: { sha: BASE, ref: 'main' } },
      repository: REPO,
    },
  ),
  'github release tag v1.2.3': githubEvent(
    { ...GH, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.2.3', GITHUB_SHA: HEAD },
    { after: HEAD, repository: REPO },
  ),
  'github pre-release tag v2.0.0-rc.1': githubEvent(
    { ...GH, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v2.0.0-rc.1', GITHUB_SHA: HEAD },
    { after: HEAD, repository: REPO },
  ),
  'github schedule on default branch': githubEvent(
    { ...GH, GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: HEAD },
    { repository: REPO },
  ),
  'gitlab push to default branch': gitlabEvent({
    ...GL,
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_BRANCH: 'main',
    CI_COMMIT_BEFORE_SHA: BEFORE,
  }),
  'gitlab merged-results merge request': gitlabEvent({
    ...GL,
    CI_COMMIT_SHA: MERGE,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_MERGE_REQUEST_IID: '7',
    CI_MERGE_REQUEST_EVENT_TYPE: 'merged_result',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feat/y',
    CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: HEAD,
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
    CI_MERGE_REQUEST_TARGET_BRANCH_SHA: BASE,
  }),
  'gitlab release tag 1.2.3': gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: '1.2.3' }),
  'gitlab 0.x tag 0.4.1': gitlabEvent({ ...GL, CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: '0.4.1' }),
};

const SHORT = 'sha-3f1c2a9';
const LONG = `sha-${HEAD}`;

describe('computeMetadata with the default rules', () => {
  test.each<[string, LatestPolicy, string[], string]>([
    ['github push to default branch', 'false', [SHORT, LONG, 'main'], 'main'],
    ['github push to default branch', 'default-branch', [SHORT, LONG, 'main', 'latest'], 'main'],
    ['github push to feature branch', 'default-branch', [SHORT, LONG, 'feature-login_page-2'], 'feature-login_page-2'],
    ['github pull request (GITHUB_SHA is the merge commit)', 'default-branch', [SHORT, LONG, 'pr-42'], 'pr-42'],
    ['github release tag v1.2.3', 'auto', [SHORT, LONG, 'v1.2.3', '1.2.3', '1.2', '1', 'latest'], '1.2.3'],
    ['github release tag v1.2.3', 'false', [SHORT, LONG, 'v1.2.3', '1.2.3', '1.2', '1'], '1.2.3'],
    ['github pre-release tag v2.0.0-rc.1', 'auto', [SHORT, LONG, 'v2.0.0-rc.1', '2.0.0-rc.1'], '2.0.0-rc.1'],
    ['github schedule on default branch', 'false', [SHORT, LONG, 'main', 'nightly'], 'main'],
    ['gitlab push to default branch', 'default-branch', [SHORT, LONG, 'main', 'latest'], 'main'],
    ['gitlab merged-results merge request', 'default-branch', [SHORT, LONG, 'pr-7'], 'pr-7'],
    ['gitlab release tag 1.2.3', 'auto', [SHORT, LONG, '1.2.3', '1.2', '1', 'latest'], '1.2.3'],
    ['gitlab 0.x tag 0.4.1', 'false', [SHORT, LONG, '0.4.1', '0.4', '0'], '0.4.1'],
  ])('%s (latest=%s)', (name, latest, tags, version) => {
    const event = events[name] as CiEvent;
    const metadata = computeMetadata({
      event,
      revision: event.head,
      rules: parseTagRules(DEFAULT_TAG_RULES),
      latest,
      title: 'api',
      created: '2026-01-02T03:04:05.000Z',
    });
    expect(metadata.tags).toEqual(tags);
    expect(metadata.commitTag).toBe(LONG);
    expect(metadata.version).toBe(version);
    expect(metadata.labels['org.opencontainers.image.revision']).toBe(HEAD);
    expect(metadata.labels['org.opencontainers.image.version']).toBe(version);
    expect(metadata.labels['org.opencontainers.image.title']).toBe('api');
    expect(metadata.labels['org.opencontainers.image.created']).toBe('2026-01-02T03:04:05.000Z');
    expect(metadata.labels['org.opencontainers.image.source']).toBe(
      name.startsWith('github') ? 'https://github.com/acme/shop' : 'https://gitlab.example.com/acme/shop',
    );
  });

  test('a pull request never tags or labels the merge commit', () => {
    for (const name of ['github pull request (GITHUB_SHA is the merge commit)', 'gitlab merged-results merge request']) {
      const event = events[name] as CiEvent;
      const metadata = computeMetadata({
        event,
        revision: event.head,
        rules: parseTagRules(DEFAULT_TAG_RULES),
        latest: 'true',
        title: 't',
        created: 'now',
      });
      expect(JSON.stringify(metadata)).not.toContain(MERGE.slice(0, 7));
    }
  });
});

describe('tag rules', () => {
  const push = events['github push to default branch'] as CiEvent;
  const feature = events['github push to feature branch'] as CiEvent;
  test.each<[string, CiEvent, string[]]>([
    ['type=raw,value=edge,enable={{is_default_branch}}', push, ['edge']],
    ['type=raw,value=edge,enable={{is_default_branch}}', feature, []],
    ['type=raw,value=stable,enable=false', push, []],
    ['type=sha,prefix=,format=short', push, ['3f1c2a9']],
    ['type=sha,prefix=git-,suffix=-x', push, ['git-3f1c2a9-x']],
    ['type=ref,event=branch,prefix=br-', push, ['br-main']],
    ['type=ref,event=pr', push, []],
    ['type=semver,pattern={{major}}.{{minor}},value=v3.4.5', push, ['3.4']],
    ['Release-2024', push, ['release-2024']],
  ])('%s', (line, event, expected) => {
    const metadata = computeMetadata({ event, revision: HEAD, rules: [parseTagRule(line)], latest: 'false', title: 't', created: 'now' });
    expect(metadata.tags).toEqual(expected);
  });

  test.each([
    ['type=bogus', /type=sha, type=ref/],
    ['type=ref,event=push', /event=branch/],
    ['type=sha,format=medium', /format=short/],
    ['type=semver,pattern=1.x', /pattern=/],
    ['type=raw', /type=raw,value=/],
    ['type=sha,colour=red', /key=value/],
    ['type=raw,value=x,enable=maybe', /enable=/],
    ['-bad-tag', /a tag of at most 128/],
    ['has space', /a tag of at most 128/],
  ])('refuses %s naming the input', (line, message) => {
    expect(() => parseTagRule(line)).toThrow(/Input 'tags'/);
    expect(() => parseTagRule(line)).toThrow(message);
  });

  test.each([
    ['Feature/Login', 'feature-login'],
    ['..hidden', 'hidden'],
    ['a  b//c', 'a-b-c'],
    ['x'.repeat(200), 'x'.repeat(128)],
  ])('sanitizeTag(%s) = %s', (input, output) => {
    expect(sanitizeTag(input)).toBe(output);
  });

  test('user labels override the OCI labels and no revision means no sha tags', () => {
    const metadata = computeMetadata({
      event: { kind: 'manual', source: 'local' },
      rules: parseTagRules(DEFAULT_TAG_RULES),
      latest: 'false',
      title: 't',
      created: 'now',
      labels: { 'org.opencontainers.image.title': 'custom', team: 'payments' },
    });
    expect(metadata.tags).toEqual([]);
    expect(metadata.commitTag).toBeUndefined();
    expect(metadata.labels['org.opencontainers.image.title']).toBe('custom');
    expect(metadata.labels.team).toBe('payments');
  });
});

// Notifications from real stage runs — gitops-bump, promote, health-gate and release, each
// succeeding and failing — posted to a local HTTP server that records the requests, as a
// Slack incoming webhook, a Teams workflow webhook and a generic JSON webhook. The Slack
// payloads are checked against Slack's documented Block Kit limits; the webhook URLs (their
// own credentials) must appear in no log, output or summary.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { StageDefinition } from '../../src/stages/definition.js';
import type { StageName } from '../../src/stages/index.js';
import { runInMemory, type StageRun, startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { TestRepo } from '../fixtures/release/repo.js';
import { adaptiveCardErrors, checkBlockKit } from '../helpers/block-kit.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';

const SECRET = 'T000/B000/XXXXsecretXXXX';
const API = 'registry.example.com/shop/api';
const overlay = (tag: string) => `images:\n  - name: ${API}\n    newTag: "${tag}"\n`;

describe('every stage notifies Slack, Teams and a generic webhook', () => {
  let server: TestServer;
  let repo: BareRepo;
  let library: TestRepo;
  let urls: string[];
  beforeAll(async () => {
    server = await startServer((request, _body, response) => {
      if (request.url?.startsWith('/healthy')) response.end('ok');
      else if (request.url?.startsWith('/down')) {
        response.setHeader('Content-Type', 'application/json');
        response.end('{"status": "DOWN"}');
      } else if (request.url?.startsWith('/broken')) {
        response.statusCode = 500;
        response.end('broken');
      } else response.end('ok');
    });
    urls = [`slack+${server.url}/slack/${SECRET}`, `teams+${server.url}/teams/${SECRET}`, `${server.url}/json/${SECRET}`];
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0'), 'overlays/prod/kustomization.yaml': overlay('1.0.0') });
    library = new TestRepo(tempDir('aegis-notify-release-'));
    library.write('lib/package.json', '{ "name": "lib", "version": "1.0.0" }\n');
    library.commit('chore: init', 'lib/a.js');
    library.tag('lib-v1.0.0');
    library.commit('feat: more', 'lib/a.js');
    library.push();
  });
  afterAll(async () => {
    await server?.close();
    repo?.cleanup();
  });

  const common = () => ({ notify: urls.join('\n'), 'notify-on': 'always' });
  const cases: Array<[string, StageDefinition | StageName, () => Record<string, string>, 'success' | 'failure', () => string]> = [
    [
      'gitops-bump',
      'gitops-bump',
      () => ({ repository: repo.bare, paths: 'overlays/dev', images: `${API}:1.1.0`, environment: 'dev' }),
      'success',
      () => tempDir(),
    ],
    [
      'gitops-bump',
      'gitops-bump',
      () => ({ repository: join(repo.root, 'missing.git'), paths: 'overlays/dev', images: `${API}:1.1.0` }),
      'failure',
      () => tempDir(),
    ],
    [
      'promote',
      'promote',
      () => ({
        repository: repo.bare,
        from: 'dev',
        to: 'prod',
        environments: 'dev: overlays/dev\nprod: overlays/prod',
        mode: 'push',
        'verify-images': 'false',
        'pin-digest': 'false',
      }),
      'success',
      () => tempDir(),
    ],
    [
      'promote',
      'promote',
      () => ({ repository: repo.bare, from: 'prod', to: 'dev', environments: 'dev: overlays/dev\nprod: overlays/prod' }),
      'failure',
      () => tempDir(),
    ],
    [
      'health-gate',
      'health-gate',
      () => ({
        checks: `- name: up\n  http: {url: "${server.url}/healthy"}`,
        count: '1',
        interval: '100ms',
        rollback: 'none',
        environment: 'dev',
      }),
      'success',
      () => tempDir(),
    ],
    [
      'health-gate',
      'health-gate',
      () => ({
        checks: `- name: up\n  http: {url: "${server.url}/down", json-path: $.status, success-condition: 'result == "UP"'}`,
        count: '1',
        interval: '100ms',
        rollback: 'none',
        environment: 'dev',
      }),
      'failure',
      () => tempDir(),
    ],
    // detect sets its 2,000+ outputs with one setOutputs call: the notification still carries them.
    [
      'detect',
      'detect',
      () => ({ filters: 'api:\n  - services/api/**\nweb:\n  - services/web/**', base: 'HEAD~1', head: 'HEAD' }),
      'success',
      () => library.dir,
    ],
    ['release', 'release', () => ({ path: 'lib', 'tag-prefix': 'lib-v', publish: 'none' }), 'success', () => library.dir],
    ['release', 'release', () => ({ path: 'lib', 'tag-prefix': 'lib-v', publish: 'carrier-pigeon' }), 'failure', () => library.dir],
  ];

  test.each(cases)('%s (%s → %s)', async (name, stage, inputs, outcome, workspace) => {
    const before = server.requests.length;
    const run: StageRun = await runInMemory(stage, { ...inputs(), ...common() }, workspace());
    expect(Boolean(run.failure), run.failure ?? run.logs.join('\n')).toBe(outcome === 'failure');
    const posted = server.requests.slice(before).filter((request) => request.method === 'POST');
    expect(posted.map((request) => request.path.split('/')[1])).toEqual(['slack', 'teams', 'json']);

    const slack = JSON.parse(posted[0]?.body ?? '{}');
    expect(checkBlockKit(slack)).toEqual([]);
    expect(slack.attachments[0].color).toEqual(outcome === 'failure' ? '#e01e5a' : expect.stringMatching(/^#(2eb67d|9e9e9e)$/));
    const header = slack.attachments[0].blocks[0];
    expect(header.type).toBe('header');
    expect(header.text.text).toContain(name);
    expect(header.text.text).toContain(outcome === 'failure' ? 'failed' : '');
    const actions = slack.attachments[0].blocks.find((block: { type: string }) => block.type === 'actions');
    expect(actions.elements[0].url).toBe('https://ci.example.com/run/7');

    const teams = JSON.parse(posted[1]?.body ?? '{}');
    expect(teams.type).toBe('message');
    expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0].content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    expect(await adaptiveCardErrors(teams.attachments[0].content)).toEqual([]);
    expect(teams.attachments[0].content.body[0].color).toEqual(
      outcome === 'failure' ? 'Attention' : expect.stringMatching(/^(Good|Default)$/),
    );

    const generic = JSON.parse(posted[2]?.body ?? '{}');
    expect(generic).toMatchObject({ schema: 'aegis.notification/v1', stage: name, outcome, runUrl: 'https://ci.example.com/run/7' });
    if (name === 'gitops-bump' && outcome === 'success') {
      expect(generic).toMatchObject({ changed: true, service: 'api', environment: 'dev', version: '1.1.0', commit: repo.tip() });
    }
    if (name === 'promote' && outcome === 'success') {
      expect(generic).toMatchObject({ changed: true, service: 'api', environment: 'prod', version: '1.1.0' });
    }
    if (name === 'health-gate') expect(generic.outputs.verdict).toBe(outcome === 'failure' ? 'Failed' : 'Successful');
    if (name === 'release' && outcome === 'success') expect(generic).toMatchObject({ changed: true, version: '1.1.0' });
    if (name === 'detect') expect(generic.outputs).toMatchObject({ 'has-changes': 'false', api: 'false', web: 'false' });

    // The webhook URLs are secrets: registered, and nowhere in logs, outputs, summary or the failure.
    expect(run.secrets).toEqual(expect.arrayContaining(urls));
    const visible = [run.logs.join('\n'), JSON.stringify(run.outputs), run.summary, run.failure ?? '', ...posted.map((p) => p.body)].join(
      '\n',
    );
    expect(visible).not.toContain(SECRET);
  });

  test('a webhook that fails is a warning; the stage result stands; notify-on filters', async () => {
    const broken = `json+${server.url}/broken/${SECRET}`;
    const before = server.requests.length;
    const run = await runInMemory(
      'health-gate',
      {
        checks: `- name: up\n  http: {url: "${server.url}/healthy"}`,
        count: '1',
        interval: '100ms',
        rollback: 'none',
        notify: broken,
        'notify-on': 'always',
      },
      tempDir(),
    );
    expect(run.failure).toBeUndefined();
    expect(run.outputs.verdict).toBe('Successful');
    expect(run.logs.find((line) => line.startsWith('WARNING') && line.includes('HTTP 500'))).toContain('json notification 1 (127.0.0.1');
    expect(run.logs.join('\n')).not.toContain(SECRET);
    expect(server.requests.length).toBe(before + 2);

    // notify-on failure: a success says nothing.
    const quiet = await runInMemory(
      'health-gate',
      {
        checks: `- name: up\n  http: {url: "${server.url}/healthy"}`,
        count: '1',
        interval: '100ms',
        rollback: 'none',
        notify: urls[2] as string,
        'notify-on': 'failure',
      },
      tempDir(),
    );
    expect(quiet.failure).toBeUndefined();
    expect(server.requests.length).toBe(before + 3);
  });

  test("health-gate's deprecated notify-webhook still notifies, with a deprecation warning", async () => {
    const before = server.requests.length;
    const run = await runInMemory(
      'health-gate',
      {
        checks: `- name: up\n  http: {url: "${server.url}/down", json-path: $.status, success-condition: 'result == "UP"'}`,
        count: '1',
        interval: '100ms',
        rollback: 'none',
        'notify-webhook': `${server.url}/slack/${SECRET}`,
      },
      tempDir(),
    );
    expect(run.failure).toContain('Failed');
    expect(run.logs.some((line) => line.includes("'notify-webhook' is deprecated"))).toBe(true);
    const posted = server.requests.slice(before).filter((request) => request.path.startsWith('/slack/'));
    expect(posted).toHaveLength(1);
    const legacy = JSON.parse(posted[0]?.body ?? '{}');
    expect(checkBlockKit(legacy)).toEqual([]);
    // Slack-compatible receivers read the top-level text, as the old payload had it.
    expect(legacy.text).toBe('health-gate failed (Failed)');
  });

  test('a malformed notify URL is refused before the stage runs, without quoting it', async () => {
    const run = await runInMemory(
      'health-gate',
      { checks: `- name: up\n  http: {url: "${server.url}/healthy"}`, notify: 'hooks.slack.com/services/T/B/secretvalue' },
      tempDir(),
    );
    expect(run.failure).toContain("Input 'notify'");
    expect(run.failure).not.toContain('secretvalue');
    expect(run.outputs).toEqual({});
  });
});

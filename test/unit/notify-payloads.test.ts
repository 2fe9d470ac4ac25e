import { describe, expect, test } from 'vitest';
import { pushUrl } from '../../src/core/insight/pushgateway.js';
import { silentLog } from '../../src/core/log.js';
import { jsonPayload, type Notification, shouldNotify, webhookTarget } from '../../src/core/notify/notification.js';
import { sendNotification } from '../../src/core/notify/send.js';
import { slackEscape, slackPayload, truncate } from '../../src/core/notify/slack.js';
import { cardText, teamsPayload } from '../../src/core/notify/teams.js';
import { LocalPlatform } from '../../src/platform/local.js';
import { describeRun } from '../../src/stages/notify.js';
import { adaptiveCardErrors, checkBlockKit } from '../helpers/block-kit.js';

const base: Notification = {
  stage: 'promote',
  outcome: 'success',
  changed: true,
  title: 'promote changed in prod',
  text: 'changed: true',
  service: 'api',
  environment: 'prod',
  version: '1.2.3',
  commit: 'a'.repeat(40),
  runUrl: 'https://ci.example.com/run/1',
  outputs: { changed: 'true' },
  time: '2026-12-01T08:00:00.000Z',
};

describe('Slack Block Kit payload', () => {
  test('header, fields, text and a link button inside a coloured attachment', () => {
    const payload = slackPayload(base) as { text: string; attachments: Array<{ color: string; blocks: Array<Record<string, unknown>> }> };
    expect(payload.text).toBe('promote changed in prod');
    expect(payload.attachments[0]?.color).toBe('#2eb67d');
    expect(payload.attachments[0]?.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'actions']);
    expect(JSON.stringify(payload.attachments[0]?.blocks[1])).toContain('*Commit*\\naaaaaaaaaaaa');
    expect(JSON.stringify(payload.attachments[0]?.blocks[1])).toContain('*Run*\\n<https://ci.example.com/run/1|run>');
    expect(checkBlockKit(payload)).toEqual([]);
    expect((slackPayload({ ...base, outcome: 'failure' }) as { attachments: Array<{ color: string }> }).attachments[0]?.color).toBe(
      '#e01e5a',
    );
  });

  test('limits hold for oversized text: header 150, section 3,000, field 2,000; escapes never cut in half', () => {
    const huge = { ...base, title: 'x'.repeat(400), text: '<&>'.repeat(5000), service: 's'.repeat(5000) };
    const payload = slackPayload(huge);
    expect(checkBlockKit(payload)).toEqual([]);
    const section = JSON.stringify(payload);
    expect(section).not.toMatch(/&(a|am|l|g)?…/);
  });

  test('mrkdwn escaping of & < > so run text cannot mention or link', () => {
    expect(slackEscape('<!channel> & <http://x|y>')).toBe('&lt;!channel&gt; &amp; &lt;http://x|y&gt;');
    const payload = JSON.stringify(slackPayload({ ...base, text: '<!here> deploy' }));
    expect(payload).toContain('&lt;!here&gt; deploy');
    expect(payload).not.toContain('<!here>');
    expect(truncate('abcdef', 4)).toBe('abc…');
  });

  test('no button for a run URL that is not http(s)', () => {
    const payload = slackPayload({ ...base, runUrl: 'javascript:alert(1)' }) as { attachments: Array<{ blocks: Array<{ type: string }> }> };
    expect(payload.attachments[0]?.blocks.some((block) => block.type === 'actions')).toBe(false);
  });
});

describe('Teams and generic payloads', () => {
  test('Adaptive Card in the message attachments envelope', () => {
    const payload = teamsPayload({ ...base, outcome: 'failure', text: 'boom *bold* [link](x)' }) as {
      type: string;
      attachments: Array<{
        contentType: string;
        content: { type: string; body: Array<{ text?: string; color?: string }>; actions: unknown[] };
      }>;
    };
    expect(payload.type).toBe('message');
    expect(payload.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(payload.attachments[0]?.content.body[0]?.color).toBe('Attention');
    expect(payload.attachments[0]?.content.body[2]?.text).toBe('boom \\*bold\\* \\[link\\]\\(x\\)');
    expect(payload.attachments[0]?.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open run', url: 'https://ci.example.com/run/1' },
    ]);
    expect(cardText('a_b')).toBe('a\\_b');
  });

  test('the card validates against the Adaptive Card 1.4 schema; a broken one does not', async () => {
    const card = (teamsPayload(base) as { attachments: Array<{ content: unknown }> }).attachments[0]?.content;
    expect(await adaptiveCardErrors(card)).toEqual([]);
    expect(await adaptiveCardErrors({ ...(card as object), body: [{ type: 'FactSet', facts: [{ name: 'x' }] }] })).not.toEqual([]);
  });

  test('generic JSON schema v1', () => {
    expect(jsonPayload({ ...base, service: undefined })).toEqual({
      schema: 'aegis.notification/v1',
      stage: 'promote',
      outcome: 'success',
      changed: true,
      title: 'promote changed in prod',
      text: 'changed: true',
      service: null,
      environment: 'prod',
      version: '1.2.3',
      commit: 'a'.repeat(40),
      runUrl: 'https://ci.example.com/run/1',
      repository: null,
      outputs: { changed: 'true' },
      time: '2026-12-01T08:00:00.000Z',
    });
  });
});

describe('targets and when to notify', () => {
  test.each([
    ['https://hooks.slack.com/services/T/B/x', 'slack'],
    ['https://prod-12.westeurope.logic.azure.com/workflows/abc', 'teams'],
    ['https://default123.environment.api.powerplatform.com/powerautomate/x', 'teams'],
    ['https://example.com/hook', 'json'],
    ['teams+http://127.0.0.1:8080/x', 'teams'],
  ])('%s → %s', (url, kind) => {
    expect(webhookTarget(url)?.kind).toBe(kind);
  });
  test('refused: not a URL, other schemes', () => {
    expect(webhookTarget('hooks.slack.com/x')).toBeUndefined();
    expect(webhookTarget('ftp://example.com/x')).toBeUndefined();
  });
  test('notify-on', () => {
    expect(shouldNotify('failure', { outcome: 'success', changed: true })).toBe(false);
    expect(shouldNotify('failure', { outcome: 'failure', changed: false })).toBe(true);
    expect(shouldNotify('change', { outcome: 'success', changed: false })).toBe(false);
    expect(shouldNotify('change', { outcome: 'success', changed: true })).toBe(true);
    expect(shouldNotify('always', { outcome: 'success', changed: false })).toBe(true);
  });
});

describe('sending', () => {
  const url = 'https://hooks.slack.com/services/T1/B2/very-secret-token';
  const collect = () => {
    const warnings: string[] = [];
    return { warnings, log: { ...silentLog, warning: (message: string) => warnings.push(message) } };
  };

  test('a refusing or unreachable webhook is a warning naming kind and host, never the URL', async () => {
    const refused = collect();
    const answered = await sendNotification([{ kind: 'slack', url }], base, {
      log: refused.log,
      fetch: async () => new Response('no', { status: 404 }),
    });
    expect(answered).toBe(0);
    expect(refused.warnings).toEqual(['The slack notification 1 (hooks.slack.com) was answered with HTTP 404; the promote result stands.']);
    const unreachable = collect();
    await sendNotification([{ kind: 'slack', url }], base, {
      log: unreachable.log,
      fetch: async () => {
        throw new Error(`request to ${url} failed`);
      },
    });
    expect(unreachable.warnings).toHaveLength(1);
    expect(unreachable.warnings[0]).not.toContain('very-secret-token');
  });

  test('Pushgateway group URLs: plain values as path segments, values with / or empty in base64url', () => {
    expect(
      pushUrl('http://pg:9091/', 'aegis insight', [
        ['repository', 'shop/gitops'],
        ['env', ''],
      ]),
    ).toBe('http://pg:9091/metrics/job/aegis%20insight/repository@base64/c2hvcC9naXRvcHM/env@base64/=');
  });
});

describe("promote's plan output in a notification", () => {
  test('the service and version come from the written values (current/written, README: Inputs and outputs)', () => {
    const platform = new LocalPlatform('promote', { INPUT_TO: 'prod' });
    const plan = JSON.stringify([
      {
        image: 'registry.example.com/shop/api',
        file: 'overlays/prod/kustomization.yaml',
        from: 'x',
        current: 'old',
        written: 'registry.example.com/shop/api:1.4.3',
      },
    ]);
    const notification = describeRun('promote', platform, { plan, changed: 'true' }, undefined, (text) => text);
    expect(notification).toMatchObject({ service: 'api', version: '1.4.3', environment: 'prod' });
  });
});

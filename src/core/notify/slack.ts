/**
 * Slack incoming-webhook payload in Block Kit, inside one attachment so the bar left of it
 * shows the outcome's colour. Slack's documented limits are kept by construction: at most 50
 * blocks, a header's plain_text at most 150 characters, a section's text at most 3,000, at
 * most 10 fields of at most 2,000 each, a button's text at most 75 and its URL at most 3,000.
 * Everything from the run is mrkdwn-escaped (& < > as Slack requires).
 */
import { type Notification, notificationFacts } from './notification.js';

export const SLACK_LIMITS = { blocks: 50, header: 150, sectionText: 3000, fields: 10, fieldText: 2000, buttonText: 75, url: 3000 } as const;

const COLOR = { success: '#2eb67d', failure: '#e01e5a', unchanged: '#9e9e9e' } as const;

/** Slack's mrkdwn control characters, as its formatting docs say to escape them. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts to `limit` characters (code points), with an ellipsis when cut; never splits an escape like &amp;. */
export function truncate(text: string, limit: number): string {
  const chars = [...text];
  if (chars.length <= limit) return text;
  let cut = chars.slice(0, limit - 1).join('');
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}

/** `<url|run>`, Slack's link syntax, for an http(s) URL without the characters that would end it; undefined otherwise. */
function runLink(url: string | undefined): string | undefined {
  if (!url || url.length > SLACK_LIMITS.url - 10 || !/^https?:\/\/[^\s<>|]+$/.test(url)) return undefined;
  return `<${url.replace(/&/g, '&amp;')}|run>`;
}

export function slackPayload(notification: Notification): Record<string, unknown> {
  const fields = notificationFacts(notification).map(([label, value]) => ({
    type: 'mrkdwn',
    text: truncate(`*${label}*\n${slackEscape(String(value))}`, SLACK_LIMITS.fieldText),
  }));
  const run = runLink(notification.runUrl);
  if (run) fields.push({ type: 'mrkdwn', text: `*Run*\n${run}` });
  fields.splice(SLACK_LIMITS.fields);
  const blocks: Array<Record<string, unknown>> = [
    { type: 'header', text: { type: 'plain_text', text: truncate(notification.title, SLACK_LIMITS.header), emoji: true } },
  ];
  if (fields.length > 0) blocks.push({ type: 'section', fields });
  if (notification.text.trim()) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(slackEscape(notification.text), SLACK_LIMITS.sectionText) } });
  }
  if (notification.runUrl && notification.runUrl.length <= SLACK_LIMITS.url && /^https?:\/\//.test(notification.runUrl)) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open run', emoji: true }, url: notification.runUrl }],
    });
  }
  const color = notification.outcome === 'failure' ? COLOR.failure : notification.changed ? COLOR.success : COLOR.unchanged;
  return {
    // What notifications and clients without Block Kit show.
    text: truncate(slackEscape(notification.title), SLACK_LIMITS.sectionText),
    attachments: [{ color, blocks: blocks.slice(0, SLACK_LIMITS.blocks) }],
  };
}

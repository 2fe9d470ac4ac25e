/**
 * Posts a notification to every webhook. A notification is a courtesy: a failure is a
 * warning, never a failed stage, and the webhook URL (its own credential) never reaches a
 * log — messages name the kind and the host only.
 */
import { type Fetch, HttpUnreachableError, httpFetch } from '../http.js';
import type { Log } from '../log.js';
import { jsonPayload, type Notification, type WebhookTarget } from './notification.js';
import { slackPayload } from './slack.js';
import { teamsPayload } from './teams.js';

export function payloadFor(target: WebhookTarget, notification: Notification): Record<string, unknown> {
  if (target.kind === 'slack') return slackPayload(notification);
  if (target.kind === 'teams') return teamsPayload(notification);
  return jsonPayload(notification);
}

export interface SendOptions {
  log: Log;
  timeoutMs?: number;
  fetch?: Fetch;
}

/** Resolves to the number of webhooks that accepted the message. */
export async function sendNotification(
  targets: readonly WebhookTarget[],
  notification: Notification,
  options: SendOptions,
): Promise<number> {
  let delivered = 0;
  for (const [index, target] of targets.entries()) {
    const host = new URL(target.url).host;
    const name = `${target.kind} notification ${index + 1} (${host})`;
    const hide = (text: string) => text.split(target.url).join('***');
    try {
      // A POST is not safe to repeat (a second message), so no retries.
      const response = await httpFetch(
        target.url,
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payloadFor(target, notification)) },
        { timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch },
      );
      await response.body?.cancel();
      if (response.ok) delivered++;
      else options.log.warning(`The ${name} was answered with HTTP ${response.status}; the ${notification.stage} result stands.`);
    } catch (error) {
      const reason = error instanceof HttpUnreachableError ? error.reason : (error as Error).message;
      options.log.warning(hide(`The ${name} could not be sent (${reason}); the ${notification.stage} result stands.`));
    }
  }
  return delivered;
}

/**
 * Microsoft Teams workflow webhook ("Post to a channel when a webhook request is received"):
 * a message whose `attachments` hold one Adaptive Card (schema 1.4), the envelope Teams'
 * workflows document. The title's colour follows the outcome; facts carry the details.
 */
import { type Notification, notificationFacts } from './notification.js';

/** Adaptive Card TextBlocks render a markdown subset: escape its control characters so run text stays text. */
export function cardText(text: string): string {
  return text.replace(/([\\*_[\]()#`>~|-])/g, '\\$1');
}

export function teamsPayload(notification: Notification): Record<string, unknown> {
  const facts = notificationFacts(notification).map(([title, value]) => ({ title, value: cardText(String(value)) }));
  const card: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'TextBlock',
        text: cardText(notification.title),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        color: notification.outcome === 'failure' ? 'Attention' : notification.changed ? 'Good' : 'Default',
      },
      { type: 'FactSet', facts },
      ...(notification.text.trim() ? [{ type: 'TextBlock', text: cardText(notification.text.slice(0, 4000)), wrap: true }] : []),
    ],
  };
  if (notification.runUrl && /^https?:\/\//.test(notification.runUrl)) {
    card.actions = [{ type: 'Action.OpenUrl', title: 'Open run', url: notification.runUrl }];
  }
  return {
    type: 'message',
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
  };
}

/**
 * One notification about one stage run, and how each kind of webhook receives it. Pure: the
 * stage runner fills in the facts, `send.ts` posts the payloads.
 */

export type Outcome = 'success' | 'failure';
export type NotifyOn = 'failure' | 'change' | 'always';
export type WebhookKind = 'slack' | 'teams' | 'json';

export interface Notification {
  stage: string;
  outcome: Outcome;
  /** The run changed something (pushed, released, rolled back). */
  changed: boolean;
  /** One line, e.g. "gitops-bump changed dev". */
  title: string;
  /** What happened, or why it failed. */
  text: string;
  service?: string;
  environment?: string;
  version?: string;
  commit?: string;
  runUrl?: string;
  repository?: string;
  /** The stage's outputs (file paths and JSON included as they are). */
  outputs: Record<string, string>;
  /** ISO 8601. */
  time: string;
}

export interface WebhookTarget {
  kind: WebhookKind;
  /** The URL posted to: a secret (a webhook URL is its own credential). */
  url: string;
}

/** Whether this run is worth a message under `notify-on`. */
export function shouldNotify(on: NotifyOn, notification: Pick<Notification, 'outcome' | 'changed'>): boolean {
  if (on === 'always') return true;
  if (notification.outcome === 'failure') return true;
  return on === 'change' && notification.changed;
}

/**
 * The kind from the URL: Slack incoming webhooks live on hooks.slack.com, Teams workflow
 * webhooks on Power Automate / Logic Apps hosts (and the retired *.webhook.office.com).
 * `slack+`, `teams+` or `json+` before the scheme says it explicitly (a proxy, a test server).
 */
export function webhookTarget(value: string): WebhookTarget | undefined {
  const prefixed = /^(slack|teams|json)\+(https?:\/\/.+)$/.exec(value);
  const url = prefixed ? (prefixed[2] as string) : value;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (prefixed) return { kind: prefixed[1] as WebhookKind, url };
  const host = parsed.hostname.toLowerCase();
  if (host === 'hooks.slack.com') return { kind: 'slack', url };
  if (/(^|\.)(webhook\.office\.com|logic\.azure\.com|powerplatform\.com|powerautomate\.com)$/.test(host)) return { kind: 'teams', url };
  return { kind: 'json', url };
}

/** The documented generic payload (README "Notifications"); `schema` changes only with a new version. */
export function jsonPayload(notification: Notification): Record<string, unknown> {
  return {
    schema: 'aegis.notification/v1',
    stage: notification.stage,
    outcome: notification.outcome,
    changed: notification.changed,
    title: notification.title,
    text: notification.text,
    service: notification.service ?? null,
    environment: notification.environment ?? null,
    version: notification.version ?? null,
    commit: notification.commit ?? null,
    runUrl: notification.runUrl ?? null,
    repository: notification.repository ?? null,
    outputs: notification.outputs,
    time: notification.time,
  };
}

/** The labelled facts every chat message shows, in order; only those the stage knows. */
export function notificationFacts(notification: Notification): [string, string][] {
  const facts: [string, string | undefined][] = [
    ['Service', notification.service],
    ['Environment', notification.environment],
    ['Version', notification.version],
    ['Commit', notification.commit ? notification.commit.slice(0, 12) : undefined],
    ['Stage', notification.stage],
    ['Outcome', notification.outcome],
  ];
  return facts.filter((fact): fact is [string, string] => Boolean(fact[1]));
}

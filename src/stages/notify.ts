/**
 * Notifications for every stage: the common `notify` / `notify-on` inputs and the wrapper the
 * stage registry puts around each stage's run. The facts (service, environment, version,
 * commit) come from the stage's own inputs and outputs, so no stage needs code for it.
 */
import { InputError } from '../core/errors.js';
import { splitReference } from '../core/images/reference.js';
import { type Notification, type NotifyOn, shouldNotify, type WebhookTarget, webhookTarget } from '../core/notify/notification.js';
import { sendNotification } from '../core/notify/send.js';
import type { Platform } from '../platform/types.js';
import type { InputSpec, StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';

export const NOTIFY_INPUTS: Record<string, InputSpec> = {
  notify: {
    description:
      'Webhook URL(s) told the result, one per line or comma-separated: Slack incoming webhooks (hooks.slack.com), Teams workflow webhooks (Power Automate / Logic Apps hosts), any other URL gets the generic JSON; prefix slack+, teams+ or json+ to choose. Secrets: never logged.',
    secret: true,
  },
  'notify-on': {
    description: "When to notify: 'failure', 'change' (failures and runs that changed something) or 'always'.",
    default: 'change',
  },
};

/** A stage's deprecated input that used to take one Slack-compatible webhook. */
const DEPRECATED_WEBHOOK = 'notify-webhook';

export interface NotifyOptions {
  targets: WebhookTarget[];
  on: NotifyOn;
}

export function parseNotifyOptions(platform: Platform, stage: StageDefinition): NotifyOptions {
  const reader = new InputReader(platform, {
    ...NOTIFY_INPUTS,
    ...(stage.inputs[DEPRECATED_WEBHOOK] ? { [DEPRECATED_WEBHOOK]: stage.inputs[DEPRECATED_WEBHOOK] } : {}),
  });
  const values = reader.list('notify');
  const legacy = stage.inputs[DEPRECATED_WEBHOOK] ? reader.optional(DEPRECATED_WEBHOOK) : undefined;
  if (legacy) {
    platform.log.warning(`Input '${DEPRECATED_WEBHOOK}' is deprecated: use 'notify' (it takes Slack, Teams and generic webhooks).`);
  }
  const targets = [
    ...values.map((value) => ({ input: 'notify', value })),
    ...(legacy ? [{ input: DEPRECATED_WEBHOOK, value: legacy }] : []),
  ].map(({ input, value }) => {
    // The deprecated input took "Slack-compatible" webhooks (Mattermost, Rocket.Chat read `text` too): Slack's payload, unless prefixed.
    const target = webhookTarget(input === DEPRECATED_WEBHOOK && !/^[a-z]+\+/.test(value) ? `slack+${value}` : value);
    // The value is a secret: the message never quotes it.
    if (!target) throw new InputError(input, '***', 'http(s):// webhook URLs, optionally prefixed slack+, teams+ or json+');
    platform.secret(value);
    platform.secret(target.url);
    return target;
  });
  return { targets, on: reader.choice('notify-on', ['failure', 'change', 'always'] as const) };
}

const CHANGED_OUTPUTS = ['changed', 'released', 'rolled-back', 'has-changes'];

/** Image names (last segment) and tags of `images` lines in `kustomize edit set image` form. */
/** Service names (last path segment) and tags of references: `images` lines (`name[=newName][:tag][@digest]`) or promote's plan. */
function imagesOf(lines: readonly string[]): { services: string[]; versions: string[] } {
  const services = new Set<string>();
  const versions = new Set<string>();
  for (const line of lines) {
    const equals = line.indexOf('=');
    const reference = splitReference(equals < 0 ? line : line.slice(equals + 1));
    const name = equals < 0 ? reference?.name : line.slice(0, equals);
    if (name) services.add(name.slice(name.lastIndexOf('/') + 1));
    if (reference?.tag && reference.tag !== '*') versions.add(reference.tag);
  }
  return { services: [...services], versions: [...versions] };
}

/** `name=reference` lines of promote's `plan` output (`[{image, written}]`); none when it is not that. */
function planLines(plan: string | undefined): string[] {
  if (!plan?.startsWith('[')) return [];
  try {
    const entries = JSON.parse(plan) as Array<{ image?: unknown; written?: unknown }>;
    return entries.flatMap((entry) =>
      typeof entry.image === 'string' && typeof entry.written === 'string' ? [`${entry.image}=${entry.written}`] : [],
    );
  } catch {
    return [];
  }
}

export function describeRun(
  stage: string,
  platform: Platform,
  outputs: Record<string, string>,
  error: unknown,
  hide: (text: string) => string,
): Notification {
  const input = (name: string) => {
    try {
      return platform.input(name).trim();
    } catch {
      return '';
    }
  };
  const images = imagesOf([
    ...input('images')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
    ...planLines(outputs.plan),
  ]);
  const environment = input('environment') || input('to') || undefined;
  const service =
    input('services')
      .split(/[\s,]+/)
      .filter(Boolean)
      .join(', ') ||
    images.services.join(', ') ||
    undefined;
  const version = outputs.version || images.versions.join(', ') || outputs.tags?.split(/[\s,]+/)[0] || undefined;
  const commit = outputs['revert-sha'] || outputs['commit-sha'] || outputs.digest || undefined;
  const outcome = error === undefined ? 'success' : 'failure';
  const changed = CHANGED_OUTPUTS.some((name) => outputs[name] === 'true');
  const verb = outcome === 'failure' ? 'failed' : changed ? 'changed' : 'succeeded';
  const verdict = outputs.verdict ? ` (${outputs.verdict})` : '';
  const title = `${stage} ${verb}${environment ? ` in ${environment}` : ''}${verdict}`;
  const text =
    error !== undefined
      ? (error instanceof Error ? error.message : String(error)).slice(0, 2000)
      : Object.entries(outputs)
          .filter(([, value]) => value && value.length <= 200 && !value.startsWith('[') && !value.startsWith('{'))
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n');
  const event = (() => {
    try {
      return platform.event();
    } catch {
      return undefined;
    }
  })();
  const notification: Notification = {
    stage,
    outcome,
    changed,
    title: hide(title),
    text: hide(text),
    outputs: Object.fromEntries(Object.entries(outputs).map(([name, value]) => [name, hide(value)])),
    time: new Date().toISOString(),
  };
  if (service) notification.service = hide(service);
  if (environment) notification.environment = hide(environment);
  if (version) notification.version = hide(version);
  if (commit) notification.commit = commit;
  if (event?.runUrl) notification.runUrl = event.runUrl;
  if (event?.repositoryUrl) notification.repository = event.repositoryUrl;
  return notification;
}

const wrapped = new WeakSet<StageDefinition>();

/** The stage with the common notify inputs, telling the webhooks how each run went. Wrapping twice is wrapping once. */
export function withNotifications(stage: StageDefinition): StageDefinition {
  if (wrapped.has(stage)) return stage;
  const definition: StageDefinition = {
    ...stage,
    inputs: { ...stage.inputs, ...NOTIFY_INPUTS },
    run: async (platform: Platform) => {
      const options = parseNotifyOptions(platform, stage);
      if (options.targets.length === 0) return stage.run(platform);
      const outputs: Record<string, string> = {};
      const secrets: string[] = [...options.targets.map((target) => target.url)];
      // The platform as the stage sees it, with its outputs and secrets observed; everything else is the platform's own.
      const observed = new Proxy(platform, {
        get(target, property) {
          if (property === 'setOutput') {
            return (name: string, value: string) => {
              outputs[name] = value;
              target.setOutput(name, value);
            };
          }
          if (property === 'setOutputs') {
            return (pairs: readonly (readonly [string, string])[]) => {
              for (const [name, value] of pairs) outputs[name] = value;
              target.setOutputs(pairs);
            };
          }
          if (property === 'secret') {
            return (value: string) => {
              if (value) secrets.push(value);
              target.secret(value);
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const hide = (text: string) =>
        secrets.reduce((result, secret) => (secret.length >= 4 ? result.split(secret).join('***') : result), text);
      let failure: unknown;
      try {
        await stage.run(observed);
      } catch (error) {
        failure = error ?? new Error('failed');
        throw error;
      } finally {
        // Whatever happens here, the stage's own result stands.
        try {
          const notification = describeRun(stage.name, platform, outputs, failure, hide);
          if (shouldNotify(options.on, notification)) {
            const delivered = await sendNotification(options.targets, notification, { log: platform.log });
            platform.log.info(`Notified ${delivered} of ${options.targets.length} webhook(s).`);
          }
        } catch (error) {
          platform.log.warning(hide(`Notifications not sent: ${(error as Error).message}`));
        }
      }
    },
  };
  wrapped.add(definition);
  return definition;
}

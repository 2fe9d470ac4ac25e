import { inlineText, markdownTable } from '../../core/markdown.js';
import { type EnvironmentVersions, type Movement, promotionDiagram } from '../../core/promote/diagram.js';
import type { Environment } from '../../core/promote/environments.js';
import { type SourceImage, versionOf } from '../../core/promote/images.js';
import type { PlanEntry } from '../../core/promote/plan.js';
import type { Refusal } from '../../core/promote/refusal.js';
import type { Pinned } from '../../core/promote/registry.js';
import { readEnvironment } from '../../core/promote/source.js';
import { formatSoak, type SourceDeployment } from '../../core/promote/verified.js';
import type { ImageChange } from '../../core/yaml/kustomization.js';
import type { PromoteOptions } from './options.js';

export interface SummaryInput {
  options: Pick<PromoteOptions, 'route' | 'environments' | 'mode' | 'verified' | 'soakMs'>;
  sourceCommit: string;
  environments: EnvironmentVersions[];
  entries: PlanEntry[];
  changes: ImageChange[];
  pinned: Pinned[];
  /** Where and since when the source runs each value, with its verdict (verified, soak). */
  deployments: SourceDeployment[];
  status?: string;
  pullRequestUrl?: string;
  changed?: boolean;
  refusals?: readonly Refusal[];
  /** The Aegis-Approved-By values recorded (protected targets). */
  approvedBy?: readonly string[];
}

const short = (name: string) => name.split('/').pop() as string;

/** The version of each promoted image in every environment at the source commit (for the diagram). */
export function environmentVersions(
  root: string,
  environments: readonly Environment[],
  images: readonly SourceImage[],
): EnvironmentVersions[] {
  const names = new Set(images.map((image) => image.name));
  return environments.map((environment) => {
    try {
      const versions = new Map<string, string[]>();
      for (const overlay of readEnvironment(root, environment)) {
        for (const { name, ...value } of overlay.images) {
          if (!names.has(name)) continue;
          const list = versions.get(short(name)) ?? [];
          const version = versionOf(name, value);
          if (!list.includes(version)) list.push(version);
          versions.set(short(name), list);
        }
      }
      return { name: environment.name, versions };
    } catch {
      return { name: environment.name, versions: new Map(), note: '(overlays not found)' };
    }
  });
}

export function planTable(entries: readonly PlanEntry[]): string {
  if (entries.length === 0) return 'Nothing to promote: the target already runs these values.';
  return markdownTable(
    ['image', 'file', 'source value', 'target now', 'written'],
    entries.map((entry) => [entry.image, entry.file, entry.from, entry.current ?? '(none)', entry.written]),
  );
}

export function refusalTable(refusals: readonly Refusal[]): string {
  return markdownTable(
    ['subject', 'rule', 'detail'],
    refusals.map((refusal) => [`${refusal.kind} ${refusal.subject}`, refusal.rule, refusal.detail]),
  );
}

function movements(changes: readonly ImageChange[]): Movement[] {
  const seen = new Map<string, Movement>();
  for (const change of changes) {
    if (seen.has(change.name)) continue;
    seen.set(change.name, {
      image: short(change.name),
      before: change.previous ? versionOf(change.name, change.previous) : null,
      after: versionOf(change.name, change.next),
    });
  }
  return [...seen.values()];
}

/** The source's verification: the commit that set each value, its verdict and how long it has run. */
export function verificationTable(input: Pick<SummaryInput, 'options' | 'deployments'>, now: Date = new Date()): string {
  const { verified, soakMs, route } = input.options;
  const required = [verified ? 'a Successful health-gate verdict' : '', soakMs !== undefined ? `a soak of ${formatSoak(soakMs)}` : '']
    .filter(Boolean)
    .join(' and ');
  const rows = input.deployments.map((deployment) => [
    deployment.value,
    deployment.commit.slice(0, 12),
    deployment.verdict ? `${deployment.verdict.verdict} at ${deployment.verdict.checkedAt.toISOString()}` : '(none recorded)',
    `${formatSoak(Math.max(0, now.getTime() - deployment.committedAt.getTime()))} (since ${deployment.committedAt.toISOString()})`,
  ]);
  return `Required of ${route.from.name}: ${required}.\n\n${markdownTable(['value', 'set by commit', 'verdict', 'running for'], rows)}`;
}

export function summaryMarkdown(input: SummaryInput): string {
  const { route } = input.options;
  const parts = [
    `### aegis promote: ${route.from.name} → ${route.to.name}`,
    `${input.status ?? ''}${input.pullRequestUrl ? `\n\nPull request: ${input.pullRequestUrl}` : ''}`,
    `Source: \`${route.from.name}\` at \`${input.sourceCommit}\`; mode: ${input.options.mode}.`,
  ];
  if (input.approvedBy?.length) parts.push(`Approved by: ${input.approvedBy.map(inlineText).join('; ')}.`);
  if (input.refusals?.length) parts.push(`#### Refusals\n\n${refusalTable(input.refusals)}`);
  else parts.push(planTable(input.entries));
  if (input.options.verified || input.options.soakMs !== undefined) parts.push(verificationTable(input));
  if (input.pinned.length > 0) {
    parts.push(
      markdownTable(
        ['image', 'tag', 'pinned digest'],
        input.pinned.map((pin) => [pin.image, pin.reference, pin.digest]),
      ),
    );
  }
  if (input.environments.length > 0) {
    parts.push(promotionDiagram(input.environments, route, movements(input.changes), input.changes.length > 0));
  }
  return `${parts.join('\n\n')}\n`;
}

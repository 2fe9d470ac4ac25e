import { markdownTable } from '../../core/markdown.js';
import { type EnvironmentVersions, type Movement, promotionDiagram } from '../../core/promote/diagram.js';
import type { Environment } from '../../core/promote/environments.js';
import { type SourceImage, versionOf } from '../../core/promote/images.js';
import type { PlanEntry } from '../../core/promote/plan.js';
import type { Refusal } from '../../core/promote/refusal.js';
import type { Pinned } from '../../core/promote/registry.js';
import { readEnvironment } from '../../core/promote/source.js';
import type { ImageChange } from '../../core/yaml/kustomization.js';
import type { PromoteOptions } from '../promote.js';

export interface SummaryInput {
  options: Pick<PromoteOptions, 'route' | 'environments' | 'mode'>;
  sourceCommit: string;
  environments: EnvironmentVersions[];
  entries: PlanEntry[];
  changes: ImageChange[];
  pinned: Pinned[];
  status?: string;
  pullRequestUrl?: string;
  changed?: boolean;
  refusals?: readonly Refusal[];
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
    entries.map((entry) => [entry.image, entry.file, entry.from, entry.to ?? '(none)', entry.next]),
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

export function summaryMarkdown(input: SummaryInput): string {
  const { route } = input.options;
  const parts = [
    `### aegis promote: ${route.from.name} → ${route.to.name}`,
    `${input.status ?? ''}${input.pullRequestUrl ? `\n\nPull request: ${input.pullRequestUrl}` : ''}`,
    `Source: \`${route.from.name}\` at \`${input.sourceCommit}\`; mode: ${input.options.mode}.`,
  ];
  if (input.refusals?.length) parts.push(`#### Refusals\n\n${refusalTable(input.refusals)}`);
  else parts.push(planTable(input.entries));
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

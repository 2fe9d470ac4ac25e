/**
 * A mermaid flowchart of the environments in order with the version of each promoted image,
 * the target showing before → after. GitHub and GitLab both render it in markdown.
 */
import { mermaidText } from '../markdown.js';
import type { Route } from './environments.js';

export interface EnvironmentVersions {
  name: string;
  /** Short image name → version(s) there; several when overlays of one environment differ. */
  versions: ReadonlyMap<string, readonly string[]>;
  /** Shown instead of versions, e.g. when the overlays could not be read. */
  note?: string;
}

export interface Movement {
  image: string;
  before: string | null;
  after: string;
}

export function promotionDiagram(
  environments: readonly EnvironmentVersions[],
  route: Route,
  moved: readonly Movement[],
  changed: boolean,
): string {
  const lines = ['flowchart LR'];
  environments.forEach((environment, index) => {
    const rows: string[] = [];
    if (index === route.toIndex) {
      const images = new Set([...environment.versions.keys(), ...moved.map((movement) => movement.image)]);
      for (const image of [...images].sort()) {
        const movement = moved.find((candidate) => candidate.image === image);
        const now = (environment.versions.get(image) ?? []).join(' / ') || '—';
        rows.push(movement ? `${image}: ${movement.before ?? '—'} → ${movement.after}` : `${image}: ${now}`);
      }
    } else {
      for (const [image, versions] of [...environment.versions].sort(([a], [b]) => a.localeCompare(b))) {
        rows.push(`${image}: ${versions.join(' / ')}`);
      }
    }
    if (environment.note) rows.push(environment.note);
    const label = [`<b>${mermaidText(environment.name)}</b>`, ...rows.map(mermaidText)].join('<br/>');
    lines.push(`  env${index}["${label}"]`);
  });
  for (let index = 0; index + 1 < environments.length; index++) {
    if (index === route.fromIndex && route.toIndex === index + 1) continue;
    lines.push(`  env${index} --> env${index + 1}`);
  }
  const label = changed ? `promote ${moved.length}` : 'nothing to promote';
  lines.push(`  env${route.fromIndex} ==>|${mermaidText(label)}| env${route.toIndex}`);
  lines.push('  classDef target stroke-width:3px');
  lines.push(`  class env${route.toIndex} target`);
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\``;
}

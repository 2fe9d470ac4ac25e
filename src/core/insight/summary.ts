/**
 * The job summary: what runs where, the four keys per environment with their DORA band, and
 * a mermaid chart of deployments per week. Everything from the repository (image names,
 * references, environment names) is data: escaped for markdown and for mermaid.
 */
import { inlineText, markdownTable, markup, mermaidText } from '../markdown.js';
import { BANDS, type DoraReport, type FourKeys } from './dora.js';
import type { PipelineFigures } from './pipelines.js';
import type { StatusEntry } from './status.js';

/** Repository text in the summary goes through the one escaping layer (src/core/markdown.ts). */
export const markdownText = inlineText;
export { mermaidText };

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86_400).toFixed(1)} d`;
}

const isoDate = (time: number) => new Date(time * 1000).toISOString().slice(0, 10);
const isoTime = (time: number) => `${new Date(time * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** Cells here are already escaped (markdownText) or our own markup. */
function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return markdownTable(
    headers,
    rows.map((row) => row.map(markup)),
  );
}

/** A markdown link to an http(s) URL from the repository, with the characters that could end or break the link encoded; '' otherwise. */
export function markdownLink(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s]+$/.test(url)) return '';
  const safe = url.replace(/[()<>[\]\\`"'|]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${markdownText(text)}](${safe})`;
}

export function statusTable(status: readonly StatusEntry[]): string {
  if (status.length === 0) return 'No images in the overlays.';
  const rows = status.map((entry) => [
    markdownText(entry.environment),
    markdownText(entry.service),
    markdownText(entry.tag ?? entry.reference),
    entry.digest ? markdownText(entry.digest.slice(0, 19)) : '',
    entry.since === undefined ? '—' : isoTime(entry.since),
    entry.commit ? entry.commit.slice(0, 12) : '—',
    markdownLink('run', entry.run),
    entry.promotedFrom ? markdownText(`${entry.promotedFrom.environment}@${entry.promotedFrom.commit.slice(0, 12)}`) : '',
    entry.behind ? `${entry.behind.deployments} deployment(s), ${entry.behind.commits} commit(s), ${entry.behind.days.toFixed(1)} d` : '',
    entry.drift
      ? entry.drift.kind === 'hand-edit'
        ? `⚠️ edited by hand (trailers say ${markdownText(entry.drift.recorded)})`
        : `⚠️ overlays differ: ${entry.drift.references.map(markdownText).join(', ')}`
      : entry.untracked
        ? 'no Aegis trailer yet'
        : '',
  ]);
  return table(
    ['environment', 'service', 'version', 'digest', 'since', 'commit', 'run', 'promoted from', 'behind previous', 'drift'],
    rows,
  );
}

function band(value: string | null): string {
  return value ?? '—';
}

export function keysTable(keys: Record<string, FourKeys>): string {
  const rows = Object.entries(keys).map(([environment, k]) => [
    markdownText(environment),
    `${k.deploymentFrequency.perWeek.toFixed(2)}/week (${k.deployments}) · ${band(k.deploymentFrequency.band)}`,
    `${formatDuration(k.leadTime.medianSeconds)} · ${band(k.leadTime.band)}${k.leadTime.unknown ? ` (${k.leadTime.unknown} without source time)` : ''}`,
    `${k.changeFailure.rate === null ? '—' : `${(k.changeFailure.rate * 100).toFixed(1)} %`} (${k.changeFailure.failed}) · ${band(k.changeFailure.band)}`,
    `${formatDuration(k.timeToRestore.medianSeconds)} · ${band(k.timeToRestore.band)}`,
  ]);
  return rows.length === 0
    ? 'No deployments in the window.'
    : table(['environment', 'deployment frequency', 'lead time (median)', 'change failure rate', 'time to restore (median)'], rows);
}

/** One bar chart per environment (xychart has no legend), weeks on the x axis. */
export function weeklyChart(dora: DoraReport, environments: readonly string[]): string {
  const labels = dora.weekly.map((week) => `"${mermaidText(isoDate(week.week))}"`).join(', ');
  return environments
    .filter((environment) => dora.environments[environment])
    .map((environment) => {
      const counts = dora.weekly.map((week) => week.counts[environment] ?? 0);
      return [
        '```mermaid',
        'xychart-beta',
        `  title "Deployments per week: ${mermaidText(environment)}"`,
        `  x-axis [${labels}]`,
        `  y-axis "deployments" 0 --> ${Math.max(1, ...counts)}`,
        `  bar [${counts.join(', ')}]`,
        '```',
      ].join('\n');
    })
    .join('\n\n');
}

export function insightSummary(input: {
  repository: string;
  status: readonly StatusEntry[];
  dora: DoraReport;
  environments: readonly string[];
  pushed?: string;
  ci?: { project: string } & PipelineFigures;
}): string {
  const { dora } = input;
  const drift = input.status.filter((entry) => entry.drift).length;
  return [
    '### aegis insight',
    '',
    `${markdownText(input.repository)}: ${input.status.length} image(s) in ${input.environments.length} environment(s)${drift ? `, ⚠️ ${drift} drifted` : ''}.`,
    '',
    '#### What runs where',
    '',
    statusTable(input.status),
    '',
    `#### DORA four keys, ${isoDate(dora.window.from)} → ${isoDate(dora.window.to)}`,
    '',
    keysTable(dora.environments),
    '',
    `<sub>Bands: ${BANDS.source}. A failed deployment is one reverted by health-gate or followed by a fix-forward; see the README.</sub>`,
    '',
    ...(input.ci
      ? [
          `CI runs of ${markdownText(input.ci.project)}: ${input.ci.runs}, ${input.ci.succeeded} succeeded, ${input.ci.failed} failed` +
            `${input.ci.successRate === null ? '' : ` (success rate ${(input.ci.successRate * 100).toFixed(1)} %)`}, median duration ${formatDuration(input.ci.medianDurationSeconds)}.`,
          '',
        ]
      : []),
    weeklyChart(dora, input.environments),
    input.pushed ? `\nPushed to ${markdownText(input.pushed)}.` : '',
    '',
  ].join('\n');
}

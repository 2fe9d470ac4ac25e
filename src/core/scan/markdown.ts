import type { Disposition, GatedFinding, GateResult } from './gate.js';
import type { GateRules } from './policy.js';
import { SEVERITIES_DESCENDING, severityRank } from './severity.js';

export interface MarkdownOptions {
  /** What was scanned, as the heading shows it. */
  target: string;
  rules: GateRules;
  /** Where the rules came from, e.g. "policy environment 'prod'". */
  rulesSource: string;
  /** Rows of the findings table before it is cut (the full list is in the other renderings). */
  maxRows?: number;
}

const ICON: Record<Disposition, string> = {
  blocking: '⛔ blocking',
  warning: '⚠️ warning',
  allowed: 'allowed',
  ignored: '🔕 ignored',
  unfixed: 'unfixed (excused)',
  baseline: 'in baseline',
};
const ORDER: Disposition[] = ['blocking', 'warning', 'allowed', 'baseline', 'unfixed', 'ignored'];

/** The job summary: verdict, counts per severity, and the findings that matter first. */
export function renderMarkdown(gate: GateResult, options: MarkdownOptions): string {
  const maxRows = options.maxRows ?? 100;
  const verdict = gate.result === 'passed' ? '✅ passed' : '❌ failed';
  const lines = [
    `### aegis scan: ${verdict}`,
    '',
    `Target \`${cell(options.target)}\`: ${gate.gated.length} finding(s), ${gate.blocking} blocking, ${gate.warnings} warning(s). Rules from ${options.rulesSource}: fail-on \`${options.rules.failOn}\`, warn-on \`${options.rules.warnOn}\`, ignore-unfixed \`${options.rules.ignoreUnfixed}\`${maxText(options.rules)}.`,
    '',
    '| Severity | Found | Counted | Limit |',
    '| --- | ---: | ---: | ---: |',
    ...SEVERITIES_DESCENDING.map((severity) => {
      const exceeded = gate.exceeded.find((entry) => entry.severity === severity);
      const limit = options.rules.max[severity] ?? (exceeded ? exceeded.limit : undefined);
      return `| ${severity} | ${gate.counts[severity]} | ${gate.counted[severity]} | ${limit === undefined ? (reachesFailOn(severity, options.rules) ? '0' : '–') : limit}${exceeded ? ' ⛔' : ''} |`;
    }),
  ];
  if (gate.expiredIgnores.length > 0) {
    lines.push('', `**Expired ignore entries** (they no longer excuse anything):`, '');
    for (const entry of gate.expiredIgnores)
      lines.push(
        `- \`${cell(entry.id)}\`${entry.package ? ` in ${cell(entry.package)}` : ''}: expired ${entry.expires}, owner ${cell(entry.owner)}`,
      );
  }
  if (gate.expiringIgnores.length > 0) {
    lines.push('', '**Ignore entries about to expire:**', '');
    for (const { entry, daysLeft } of gate.expiringIgnores)
      lines.push(`- \`${cell(entry.id)}\`: expires ${entry.expires} (${daysLeft} day(s) left), owner ${cell(entry.owner)}`);
  }
  const sorted = [...gate.gated].sort(compare);
  if (sorted.length > 0) {
    lines.push(
      '',
      '| Status | Severity | Vulnerability | Package | Installed | Fixed | Target |',
      '| --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const item of sorted.slice(0, maxRows)) lines.push(row(item));
    if (sorted.length > maxRows) lines.push('', `…and ${sorted.length - maxRows} more; the SARIF and GitLab reports list every finding.`);
  }
  return `${lines.join('\n')}\n`;
}

function row({ finding, disposition, ignore }: GatedFinding): string {
  const url = finding.vulnerability.PrimaryURL;
  const id = url ? `[${cell(finding.id)}](${url})` : cell(finding.id);
  const status = ignore
    ? `${ICON[disposition]}: ${cell(ignore.reason)} (${cell(ignore.owner)}, until ${ignore.expires})`
    : ICON[disposition];
  return `| ${status} | ${finding.severity} | ${id} | ${cell(finding.pkgName)} | ${cell(finding.installedVersion)} | ${cell(finding.fixedVersion) || '–'} | ${cell(finding.target)} |`;
}

function compare(a: GatedFinding, b: GatedFinding): number {
  return (
    ORDER.indexOf(a.disposition) - ORDER.indexOf(b.disposition) ||
    severityRank(b.finding.severity) - severityRank(a.finding.severity) ||
    a.finding.id.localeCompare(b.finding.id) ||
    a.finding.pkgName.localeCompare(b.finding.pkgName)
  );
}

function reachesFailOn(severity: (typeof SEVERITIES_DESCENDING)[number], rules: GateRules): boolean {
  return rules.failOn !== 'none' && severityRank(severity) >= severityRank(rules.failOn);
}

function maxText(rules: GateRules): string {
  const entries = Object.entries(rules.max);
  return entries.length > 0 ? `, max ${entries.map(([severity, count]) => `${severity}=${count}`).join(' ')}` : '';
}

/** Table cells must not break the table: pipes escaped, newlines flattened. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replace(/\r?\n/g, ' ');
}

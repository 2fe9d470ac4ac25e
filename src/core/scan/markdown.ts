import { type Cell, code, inlineText, link, markdownTable } from '../markdown.js';
import type { Disposition, GatedFinding, GateResult } from './gate.js';
import type { GateRules } from './policy.js';
import { FINDING_CLASSES, type FindingClass } from './report.js';
import { SEVERITIES_DESCENDING, severityRank } from './severity.js';

export interface MarkdownOptions {
  /** What was scanned, as the heading shows it. */
  target: string;
  rules: GateRules;
  /** Where the rules came from, e.g. "policy environment 'prod'". */
  rulesSource: string;
  /** Rows of each findings table before it is cut (the full list is in the other renderings). */
  maxRows?: number;
  /** Set when the SBOM lists only what the report names (no package list): said in the summary too. */
  partialSbom?: string;
}

const CLASS_TITLE: Record<FindingClass, string> = {
  vulnerability: 'Vulnerabilities',
  misconfiguration: 'Misconfigurations',
  secret: 'Secrets',
  license: 'Licenses',
};

/** Per class: the table's columns after Status and Severity, and a row's cells for them. */
const COLUMNS: Record<FindingClass, { head: string[]; cells: (item: GatedFinding) => Cell[] }> = {
  vulnerability: {
    head: ['Vulnerability', 'Package', 'Installed', 'Fixed', 'Target'],
    cells: ({ finding }) => [
      linked(finding.id, finding.url),
      finding.pkgName,
      finding.installedVersion,
      finding.fixedVersion || '–',
      finding.target,
    ],
  },
  misconfiguration: {
    head: ['Check', 'Title', 'Target', 'Lines'],
    cells: ({ finding }) => [linked(finding.id, finding.url), finding.title, finding.target, lineText(finding)],
  },
  secret: {
    head: ['Rule', 'Title', 'Target', 'Lines'],
    cells: ({ finding }) => [finding.id, finding.title, finding.target, lineText(finding)],
  },
  license: {
    head: ['License', 'Package', 'Category', 'Target'],
    cells: ({ finding }) => [linked(finding.id, finding.url), finding.pkgName, finding.license?.Category ?? '', finding.target],
  },
};

const ICON: Record<Disposition, string> = {
  blocking: '⛔ blocking',
  warning: '⚠️ warning',
  allowed: 'allowed',
  ignored: '🔕 ignored',
  unfixed: 'unfixed (excused)',
  baseline: 'in baseline',
};
const ORDER: Disposition[] = ['blocking', 'warning', 'allowed', 'baseline', 'unfixed', 'ignored'];
/** Ranks by lookup, not by searching the lists: a table of 20,000 findings is sorted with them. */
const ORDER_RANK = Object.fromEntries(ORDER.map((disposition, index) => [disposition, index])) as Record<Disposition, number>;
const SEVERITY_RANK = Object.fromEntries(SEVERITIES_DESCENDING.map((severity) => [severity, severityRank(severity)])) as Record<
  (typeof SEVERITIES_DESCENDING)[number],
  number
>;

/** The job summary: verdict, counts per severity, and the findings that matter first. */
export function renderMarkdown(gate: GateResult, options: MarkdownOptions): string {
  const maxRows = options.maxRows ?? 100;
  const verdict = gate.result === 'passed' ? '✅ passed' : '❌ failed';
  const rulesText = `fail-on ${code(options.rules.failOn)}, warn-on ${code(options.rules.warnOn)}, ignore-unfixed ${code(String(options.rules.ignoreUnfixed))}`;
  const lines = [
    `### aegis scan: ${verdict}`,
    '',
    `Target ${code(options.target)}: ${gate.gated.length} finding(s), ${gate.blocking} blocking, ${gate.warnings} warning(s). Rules from ${inlineText(options.rulesSource)}: ${rulesText}${maxText(options.rules)}.`,
    '',
    markdownTable(
      ['Severity', 'Found', 'Counted', 'Limit'],
      SEVERITIES_DESCENDING.map((severity) => {
        const exceeded = gate.exceeded.find((entry) => entry.severity === severity);
        const limit = options.rules.max[severity] ?? (exceeded ? exceeded.limit : undefined);
        const shown = limit === undefined ? (reachesFailOn(severity, options.rules) ? '0' : '–') : Number.isFinite(limit) ? limit : '–';
        return [severity, String(gate.counts[severity]), String(gate.counted[severity]), `${shown}${exceeded ? ' ⛔' : ''}`];
      }),
      ['left', 'right', 'right', 'right'],
    ),
  ];
  const classRules = Object.entries(options.rules.classes ?? {});
  if (classRules.length > 0) {
    lines.push(
      '',
      `Class rules: ${classRules
        .map(
          ([cls, rules]) =>
            `${CLASS_TITLE[cls as FindingClass].toLowerCase()} fail-on ${code(rules.failOn ?? options.rules.failOn)}${maxText({ max: rules.max ?? {} })}`,
        )
        .join('; ')}.`,
    );
  }
  for (const entry of gate.exceeded.filter((item) => item.classes))
    lines.push(
      `- ⛔ ${entry.count} ${entry.severity} ${(entry.classes ?? []).map((cls) => CLASS_TITLE[cls].toLowerCase()).join('/')} (limit ${entry.limit})`,
    );
  if (gate.expiredIgnores.length > 0) {
    lines.push('', `**Expired ignore entries** (they no longer excuse anything):`, '');
    for (const entry of gate.expiredIgnores)
      lines.push(
        `- ${code(entry.id)}${entry.package ? ` in ${inlineText(entry.package)}` : ''}: expired ${inlineText(entry.expires ?? '')}${entry.owner ? `, owner ${inlineText(entry.owner)}` : ''}`,
      );
  }
  if (gate.expiringIgnores.length > 0) {
    lines.push('', '**Ignore entries about to expire:**', '');
    for (const { entry, daysLeft } of gate.expiringIgnores)
      lines.push(
        `- ${code(entry.id)}: expires ${inlineText(entry.expires ?? '')} (${daysLeft} day(s) left)${entry.owner ? `, owner ${inlineText(entry.owner)}` : ''}`,
      );
  }
  const present = FINDING_CLASSES.filter((cls) => gate.gated.some((item) => item.finding.class === cls));
  if (present.length > 1 || (present.length === 1 && present[0] !== 'vulnerability')) {
    lines.push(
      '',
      markdownTable(
        ['Class', ...SEVERITIES_DESCENDING, 'Counted'],
        FINDING_CLASSES.map((cls) => {
          const found = gate.countsByClass[cls];
          const counted = SEVERITIES_DESCENDING.reduce((sum, severity) => sum + gate.countedByClass[cls][severity], 0);
          return [CLASS_TITLE[cls], ...SEVERITIES_DESCENDING.map((severity) => String(found[severity])), String(counted)];
        }),
        ['left', ...SEVERITIES_DESCENDING.map(() => 'right' as const), 'right'],
      ),
    );
  }
  if (options.partialSbom) lines.push('', `⚠️ **Partial SBOM:** ${inlineText(options.partialSbom)}`);
  for (const cls of present) {
    const all = gate.gated.filter((item) => item.finding.class === cls);
    const shown = firstInOrder(all, maxRows, compare);
    const { head, cells } = COLUMNS[cls];
    lines.push(
      '',
      `#### ${CLASS_TITLE[cls]} (${all.length})`,
      '',
      markdownTable(
        ['Status', 'Severity', ...head],
        shown.map((item) => [status(item), item.finding.severity, ...cells(item)]),
      ),
    );
    if (all.length > maxRows) lines.push('', `…and ${all.length - maxRows} more; the SARIF and GitLab reports list every finding.`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `[...items].sort(order).slice(0, count)` without sorting all of them: the table shows the
 * first hundred of 20,000. Ties keep their order (an item goes after its equals), as a stable sort does.
 */
export function firstInOrder<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (count <= 0) return first;
  for (const item of items) {
    if (first.length === count && order(item, first[count - 1] as T) >= 0) continue;
    let low = 0;
    let high = first.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (order(item, first[middle] as T) < 0) high = middle;
      else low = middle + 1;
    }
    first.splice(low, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}

/** Plain text: the table escapes it (an ignore's reason and owner come from the repository). */
function status({ disposition, ignore }: GatedFinding): string {
  if (!ignore) return ICON[disposition];
  const details = [ignore.owner ?? '', ignore.expires ? `until ${ignore.expires}` : 'no expiry'].filter(Boolean);
  return `${ICON[disposition]}: ${ignore.reason} (${details.join(', ')})`;
}

/** The finding's advisory link; parentheses and spaces percent-encoded so a URL stays one link target. */
function linked(text: string, url: string): Cell {
  const target = url.replace(/[()\s]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return url ? link(text, target) : text;
}

function lineText(finding: GatedFinding['finding']): string {
  if (!finding.startLine) return '–';
  return finding.endLine > finding.startLine ? `${finding.startLine}–${finding.endLine}` : String(finding.startLine);
}

/** Code-unit order, not locale order: the same everywhere, and fast over 20,000 rows. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: GatedFinding, b: GatedFinding): number {
  return (
    ORDER_RANK[a.disposition] - ORDER_RANK[b.disposition] ||
    SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] ||
    byText(a.finding.id, b.finding.id) ||
    byText(a.finding.pkgName, b.finding.pkgName) ||
    byText(a.finding.target, b.finding.target)
  );
}

function reachesFailOn(severity: (typeof SEVERITIES_DESCENDING)[number], rules: GateRules): boolean {
  return rules.failOn !== 'none' && severityRank(severity) >= severityRank(rules.failOn);
}

function maxText(rules: Pick<GateRules, 'max'>): string {
  // An infinite limit is a severity left out of trivy-action's `severity` list: it never counts.
  const entries = Object.entries(rules.max).filter(([, count]) => Number.isFinite(count));
  return entries.length > 0 ? `, max ${entries.map(([severity, count]) => `${severity}=${count}`).join(' ')}` : '';
}

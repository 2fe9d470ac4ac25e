import { daysLeft, type IgnoreEntry } from './ignore.js';
import type { GateRules, Threshold } from './policy.js';
import type { Finding } from './report.js';
import { atLeast, SEVERITIES, type Severity, type SeverityCounts, zeroCounts } from './severity.js';

/** What the gate decided about one finding. Every finding gets one: nothing is dropped. */
export type Disposition =
  | 'blocking' // counts, and its severity is over the limit
  | 'warning' // counts, at or above warn-on, within limits
  | 'allowed' // counts, below any threshold or within `max`
  | 'ignored' // an unexpired ignore entry accepts it
  | 'unfixed' // no fixed version, and ignore-unfixed is on
  | 'baseline'; // already present in the baseline report

export interface GatedFinding {
  finding: Finding;
  disposition: Disposition;
  ignore?: IgnoreEntry;
}

export interface GateInput {
  findings: readonly Finding[];
  rules: GateRules;
  ignores: readonly IgnoreEntry[];
  /** Keys of the findings in the baseline report; only findings outside it can block. */
  baseline?: ReadonlySet<string>;
  now: Date;
  /** Ignore entries with this many days or fewer left are warned about. */
  expiryWarningDays: number;
}

export interface GateResult {
  result: 'passed' | 'failed';
  gated: GatedFinding[];
  /** Every finding, whatever the gate decided. */
  counts: SeverityCounts;
  /** Findings that count against the limits (not ignored, not unfixed-and-excused, not in the baseline). */
  counted: SeverityCounts;
  blocking: number;
  warnings: number;
  /** Severities whose limit was exceeded, with the limit. */
  exceeded: { severity: Severity; count: number; limit: number }[];
  expiredIgnores: IgnoreEntry[];
  expiringIgnores: { entry: IgnoreEntry; daysLeft: number }[];
  /** Active entries that matched nothing: candidates for removal. */
  unusedIgnores: IgnoreEntry[];
}

function matches(entry: IgnoreEntry, finding: Finding): boolean {
  return entry.id.toUpperCase() === finding.id.toUpperCase() && (entry.package === undefined || entry.package === finding.pkgName);
}

function limitFor(severity: Severity, rules: GateRules): number {
  const explicit = rules.max[severity];
  if (explicit !== undefined) return explicit;
  return reaches(severity, rules.failOn) ? 0 : Number.POSITIVE_INFINITY;
}

function reaches(severity: Severity, threshold: Threshold): boolean {
  return threshold !== 'none' && atLeast(severity, threshold);
}

/**
 * Decides pass or fail. Pure: the clock is an input. Excused findings (ignored, unfixed,
 * baseline) stay in the result with the reason, so every rendering still shows them.
 */
export function evaluateGate(input: GateInput): GateResult {
  const { rules, now } = input;
  const expiredIgnores = input.ignores.filter((entry) => daysLeft(entry, now) < 0);
  const active = input.ignores.filter((entry) => daysLeft(entry, now) >= 0);
  const used = new Set<IgnoreEntry>();

  const gated: GatedFinding[] = input.findings.map((finding) => {
    const ignore = active.find((entry) => matches(entry, finding));
    if (ignore) {
      used.add(ignore);
      return { finding, disposition: 'ignored', ignore };
    }
    if (rules.ignoreUnfixed && !finding.fixedVersion) return { finding, disposition: 'unfixed' };
    if (input.baseline?.has(finding.key)) return { finding, disposition: 'baseline' };
    return { finding, disposition: 'allowed' };
  });

  const counts = zeroCounts();
  const counted = zeroCounts();
  for (const { finding, disposition } of gated) {
    counts[finding.severity]++;
    if (disposition === 'allowed') counted[finding.severity]++;
  }
  const exceeded = SEVERITIES.filter((severity) => counted[severity] > limitFor(severity, rules))
    .map((severity) => ({ severity, count: counted[severity], limit: limitFor(severity, rules) }))
    .reverse();
  const over = new Set(exceeded.map((entry) => entry.severity));
  for (const item of gated) {
    if (item.disposition !== 'allowed') continue;
    if (over.has(item.finding.severity)) item.disposition = 'blocking';
    else if (reaches(item.finding.severity, rules.warnOn)) item.disposition = 'warning';
  }

  const blocking = gated.filter((item) => item.disposition === 'blocking').length;
  return {
    result: blocking > 0 ? 'failed' : 'passed',
    gated,
    counts,
    counted,
    blocking,
    warnings: gated.filter((item) => item.disposition === 'warning').length,
    exceeded,
    expiredIgnores,
    expiringIgnores: active
      .map((entry) => ({ entry, daysLeft: daysLeft(entry, now) }))
      .filter((item) => item.daysLeft <= input.expiryWarningDays),
    unusedIgnores: active.filter((entry) => !used.has(entry)),
  };
}

/** Ignore reasons by finding key, for renderers that mark accepted findings (SARIF suppressions). */
export function suppressions(result: GateResult): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of result.gated) {
    if (item.ignore) map.set(item.finding.key, `${item.ignore.reason} (owner: ${item.ignore.owner}, expires ${item.ignore.expires})`);
  }
  return map;
}

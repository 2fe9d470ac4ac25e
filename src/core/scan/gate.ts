import { daysLeft, type IgnoreEntry, ignoreMatches } from './ignore.js';
import type { GateRules, Threshold } from './policy.js';
import { FINDING_CLASSES, type Finding, type FindingClass } from './report.js';
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
  /** The findings of the baseline report; only findings outside it can block. */
  baseline?: Baseline;
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
  /** The same two, per class. */
  countsByClass: Record<FindingClass, SeverityCounts>;
  countedByClass: Record<FindingClass, SeverityCounts>;
  blocking: number;
  warnings: number;
  /** Severities whose limit was exceeded, with the limit, and the classes the limit applies to (all when absent). */
  exceeded: { severity: Severity; count: number; limit: number; classes?: FindingClass[] }[];
  expiredIgnores: IgnoreEntry[];
  expiringIgnores: { entry: IgnoreEntry; daysLeft: number }[];
  /** Active entries that matched nothing: candidates for removal. */
  unusedIgnores: IgnoreEntry[];
}

/** Keys of the baseline report's findings, at their place and anywhere. */
export interface Baseline {
  keys: ReadonlySet<string>;
  movableKeys: ReadonlySet<string>;
}

export function baselineOf(list: readonly Finding[]): Baseline {
  return { keys: new Set(list.map((f) => f.key)), movableKeys: new Set(list.map((f) => f.movableKey)) };
}

/**
 * The classes gated together: every class with rules of its own is a group, the rest share
 * the top-level `failOn`/`max` (so `max: {MEDIUM: 20}` still means twenty in all).
 */
function groups(rules: GateRules): { classes: FindingClass[]; own: boolean }[] {
  const own = FINDING_CLASSES.filter((cls) => rules.classes?.[cls] !== undefined);
  const shared = FINDING_CLASSES.filter((cls) => !own.includes(cls));
  return [...(shared.length > 0 ? [{ classes: shared, own: false }] : []), ...own.map((cls) => ({ classes: [cls], own: true }))];
}

export function limitFor(severity: Severity, rules: GateRules, cls?: FindingClass): number {
  const own = cls ? rules.classes?.[cls] : undefined;
  const explicit = own ? (own.max?.[severity] ?? (own.failOn === undefined ? rules.max[severity] : undefined)) : rules.max[severity];
  if (explicit !== undefined) return explicit;
  return reaches(severity, own?.failOn ?? rules.failOn) ? 0 : Number.POSITIVE_INFINITY;
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
    const ignore = active.find((entry) => ignoreMatches(entry, finding));
    if (ignore) {
      used.add(ignore);
      return { finding, disposition: 'ignored', ignore };
    }
    // Only a vulnerability can be fixed by an upgrade; a leaked key is never "unfixed".
    if (rules.ignoreUnfixed && finding.class === 'vulnerability' && !finding.fixedVersion) return { finding, disposition: 'unfixed' };
    const baseline = input.baseline;
    if (baseline && (rules.baselineMatch === 'id' ? baseline.movableKeys.has(finding.movableKey) : baseline.keys.has(finding.key)))
      return { finding, disposition: 'baseline' };
    return { finding, disposition: 'allowed' };
  });

  const counts = zeroCounts();
  const counted = zeroCounts();
  const countsByClass = Object.fromEntries(FINDING_CLASSES.map((cls) => [cls, zeroCounts()])) as Record<FindingClass, SeverityCounts>;
  const countedByClass = Object.fromEntries(FINDING_CLASSES.map((cls) => [cls, zeroCounts()])) as Record<FindingClass, SeverityCounts>;
  for (const { finding, disposition } of gated) {
    counts[finding.severity]++;
    countsByClass[finding.class][finding.severity]++;
    if (disposition === 'allowed') {
      counted[finding.severity]++;
      countedByClass[finding.class][finding.severity]++;
    }
  }
  const exceeded: GateResult['exceeded'] = [];
  const over = new Set<string>();
  for (const severity of [...SEVERITIES].reverse()) {
    for (const group of groups(rules)) {
      const count = group.classes.reduce((sum, cls) => sum + countedByClass[cls][severity], 0);
      const limit = limitFor(severity, rules, group.own ? group.classes[0] : undefined);
      if (count <= limit) continue;
      exceeded.push({ severity, count, limit, ...(rules.classes ? { classes: group.classes } : {}) });
      for (const cls of group.classes) over.add(`${cls}|${severity}`);
    }
  }
  for (const item of gated) {
    if (item.disposition !== 'allowed') continue;
    if (over.has(`${item.finding.class}|${item.finding.severity}`)) item.disposition = 'blocking';
    else if (reaches(item.finding.severity, rules.warnOn)) item.disposition = 'warning';
  }

  const blocking = gated.filter((item) => item.disposition === 'blocking').length;
  return {
    result: blocking > 0 ? 'failed' : 'passed',
    gated,
    counts,
    counted,
    countsByClass,
    countedByClass,
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
    if (item.ignore) map.set(item.finding.key, ignoreJustification(item.ignore));
  }
  return map;
}

/** The reason, and who and until when where the entry says. */
export function ignoreJustification(entry: IgnoreEntry): string {
  const details = [entry.owner ? `owner: ${entry.owner}` : '', entry.expires ? `expires ${entry.expires}` : 'no expiry'].filter(Boolean);
  return `${entry.reason} (${details.join(', ')})`;
}

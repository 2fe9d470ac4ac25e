/** Trivy's severities, lowest first; the order is what thresholds compare. */
export const SEVERITIES = ['UNKNOWN', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Highest first: the order people read tables in. */
export const SEVERITIES_DESCENDING: readonly Severity[] = [...SEVERITIES].reverse();

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Case-insensitive; undefined for anything that is not a Trivy severity. */
export function parseSeverity(value: string): Severity | undefined {
  const upper = value.trim().toUpperCase();
  return isSeverity(upper) ? upper : undefined;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) >= severityRank(threshold);
}

export type SeverityCounts = Record<Severity, number>;

export function zeroCounts(): SeverityCounts {
  return { UNKNOWN: 0, LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 };
}

/** `Critical`, `High`…: GitLab's spelling. */
export function titleCase(severity: Severity): 'Unknown' | 'Low' | 'Medium' | 'High' | 'Critical' {
  return `${severity[0]}${severity.slice(1).toLowerCase()}` as 'Unknown' | 'Low' | 'Medium' | 'High' | 'Critical';
}

import { escapeText } from './json-text.js';
import type { Finding } from './report.js';

/**
 * A finding's fields as escaped JSON text (`escapeText`), the ones SARIF, the GitLab report and
 * CycloneDX all quote: made once per finding and shared, so a description quoted in five places
 * of three files is scanned once. Title, description and URL are a vulnerability's own fields,
 * as Trivy writes them ('' for the other classes, whose writers quote their own fields).
 */
export interface FindingText {
  id: string;
  pkgName: string;
  installedVersion: string;
  fixedVersion: string;
  /** The vulnerability's Title ('' when it has none). */
  title: string;
  /** The vulnerability's Description ('' when it has none). */
  description: string;
  /** The vulnerability's PrimaryURL ('' when it has none). */
  primaryUrl: string;
  /** The severity as the report spells it. */
  severity: string;
}

const TEXTS = new WeakMap<Finding, FindingText>();

export function findingText(finding: Finding): FindingText {
  let text = TEXTS.get(finding);
  if (!text) {
    const v = finding.vulnerability;
    text = {
      id: escapeText(finding.id),
      pkgName: escapeText(finding.pkgName),
      installedVersion: escapeText(finding.installedVersion),
      fixedVersion: escapeText(finding.fixedVersion),
      title: escapeText(v?.Title),
      description: escapeText(v?.Description),
      primaryUrl: escapeText(v?.PrimaryURL),
      severity: escapeText(severityText(finding)),
    };
    TEXTS.set(finding, text);
  }
  return text;
}

/** The severity as the report spells it (Trivy writes it verbatim into tags and texts). */
function severityText(finding: Finding): string {
  return (
    finding.vulnerability?.Severity ??
    finding.misconfiguration?.Severity ??
    finding.secret?.Severity ??
    finding.license?.Severity ??
    finding.severity
  );
}

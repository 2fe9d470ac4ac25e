import { createHash } from 'node:crypto';
import type { Finding, TrivyReport } from './report.js';
import { findings as allFindings } from './report.js';
import { titleCase } from './severity.js';

/** GitLab container-scanning report, schema 15.x. 15.0.7 is what GitLab instances back to 15.0 accept. */
export const GITLAB_REPORT_VERSION = '15.0.7';

export interface GitLabReport {
  version: string;
  scan: {
    analyzer: GitLabTool;
    scanner: GitLabTool & { url: string };
    start_time: string;
    end_time: string;
    status: 'success' | 'failure';
    type: 'container_scanning';
  };
  vulnerabilities: GitLabVulnerability[];
  remediations: [];
}

interface GitLabTool {
  id: string;
  name: string;
  vendor: { name: string };
  version: string;
}

export interface GitLabVulnerability {
  id: string;
  name: string;
  description: string;
  severity: 'Unknown' | 'Low' | 'Medium' | 'High' | 'Critical';
  solution: string;
  location: {
    dependency: { package: { name: string }; version: string };
    operating_system: string;
    image: string;
  };
  identifiers: { type: string; name: string; value: string; url?: string }[];
  links: { url: string }[];
  cvss_vectors?: { vendor: string; vector: string }[];
}

export interface GitLabOptions {
  /** When the report has no CreatedAt (hand-written reports); tests pass a fixed one. */
  now?: Date;
}

const NAME_LIMIT = 255;
const DESCRIPTION_LIMIT = 1_048_576;
const LINK = /^(https?|ftp):\/\/.+/;
const CVSS3 = /^CVSS:3[.][01]\//;

/**
 * Renders the report in the shape of Trivy's contrib/gitlab.tpl, with two fixes GitLab
 * needs: ids are unique per finding (the template repeats the CVE id for every package,
 * which GitLab deduplicates away) and fields respect the schema's limits and patterns.
 */
export function renderGitLab(report: TrivyReport, options: GitLabOptions = {}): GitLabReport {
  const time = gitlabTime(report.CreatedAt, options.now);
  const version = report.Trivy?.Version || 'unknown';
  const vendor = { name: 'Aqua Security' };
  return {
    version: GITLAB_REPORT_VERSION,
    scan: {
      analyzer: { id: 'trivy', name: 'Trivy', vendor, version },
      scanner: { id: 'trivy', name: 'Trivy', url: 'https://github.com/aquasecurity/trivy/', vendor, version },
      start_time: time,
      end_time: time,
      status: 'success',
      type: 'container_scanning',
    },
    vulnerabilities: uniqueIds(allFindings(report).map(vulnerability)),
    remediations: [],
  };
}

function vulnerability(finding: Finding): GitLabVulnerability {
  const v = finding.vulnerability;
  const vectors = Object.entries(v.CVSS ?? {})
    .filter(([, cvss]) => cvss.V3Vector && CVSS3.test(cvss.V3Vector))
    .map(([vendor, cvss]) => ({ vendor, vector: cvss.V3Vector as string }))
    .slice(0, 10);
  const primaryUrl = v.PrimaryURL && LINK.test(v.PrimaryURL) ? { url: v.PrimaryURL } : {};
  return {
    id: findingUuid(finding),
    name: truncate(v.Title || finding.id, NAME_LIMIT),
    description: truncate(v.Description ?? '', DESCRIPTION_LIMIT),
    severity: titleCase(finding.severity),
    solution: finding.fixedVersion ? `Upgrade ${finding.pkgName} to ${finding.fixedVersion}` : 'No solution provided',
    location: {
      dependency: { package: { name: finding.pkgName }, version: finding.installedVersion },
      operating_system: operatingSystem(finding.target),
      image: finding.target.split(/\s/)[0] || finding.target,
    },
    identifiers: [{ type: identifierType(finding.id), name: finding.id, value: finding.id, ...primaryUrl }],
    links: (v.References ?? [])
      .map((reference) => reference.split(' ')[0] ?? '')
      .filter((url) => LINK.test(url))
      .map((url) => ({ url })),
    ...(vectors.length > 0 ? { cvss_vectors: vectors } : {}),
  };
}

/** A report that lists the very same finding twice still gets distinct ids (GitLab drops duplicates). */
function uniqueIds(vulnerabilities: GitLabVulnerability[]): GitLabVulnerability[] {
  const seen = new Map<string, number>();
  return vulnerabilities.map((v) => {
    const count = seen.get(v.id) ?? 0;
    seen.set(v.id, count + 1);
    return count === 0
      ? v
      : { ...v, id: `${v.id.slice(0, 24)}${createHash('sha256').update(`${v.id}#${count}`).digest('hex').slice(0, 12)}` };
  });
}

/** A UUID-shaped id derived from what makes a finding distinct, so it is stable across renders and unique within one. */
export function findingUuid(finding: Finding): string {
  const hex = createHash('sha256')
    .update([finding.target, finding.pkgName, finding.installedVersion, finding.vulnerability.PkgPath ?? '', finding.id].join('\0'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function operatingSystem(target: string): string {
  return /\(([^()]+)\)\s*$/.exec(target)?.[1] ?? 'Unknown';
}

function identifierType(id: string): string {
  const prefix = /^([A-Za-z]+)-/.exec(id)?.[1];
  return prefix ? prefix.toLowerCase() : 'trivy';
}

/** GitLab's `yyyy-mm-ddThh:mm:ss` in UTC. */
function gitlabTime(createdAt: string | undefined, now: Date | undefined): string {
  const parsed = createdAt ? new Date(createdAt) : undefined;
  const date = parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
  return date.toISOString().slice(0, 19);
}

function truncate(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

import { createHash } from 'node:crypto';
import { asObject, asText, collect, type ItemSink, listSlot, type TextSink, writeDocument } from './json-text.js';
import type { Finding, FindingClass, TrivyMisconfiguration, TrivyReport, TrivySecret, TrivyVulnerability } from './report.js';
import { findings as allFindings } from './report.js';
import { clearUri } from './sarif.js';
import { titleCase } from './severity.js';

/** GitLab container-scanning report, schema 15.x. 15.0.7 is what GitLab instances back to 15.0 accept. */
export const GITLAB_REPORT_VERSION = '15.0.7';

export type GitLabScanType = 'container_scanning' | 'secret_detection' | 'sast';

export interface GitLabReport {
  version: string;
  scan: {
    analyzer: GitLabTool;
    scanner: GitLabTool & { url: string };
    start_time: string;
    end_time: string;
    status: 'success' | 'failure';
    type: GitLabScanType;
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
  solution?: string;
  location: GitLabLocation;
  identifiers: { type: string; name: string; value: string; url?: string }[];
  links: { url: string }[];
  cvss_vectors?: { vendor: string; vector: string }[];
}

export type GitLabLocation =
  | { dependency: { package: { name: string }; version: string }; operating_system: string; image: string }
  | { file: string; start_line?: number; end_line?: number; commit?: { sha: string } };

export interface GitLabOptions {
  /** When the report has no CreatedAt (hand-written reports); tests pass a fixed one. */
  now?: Date;
  /** The scanned commit; GitLab's secret-detection schema requires one. */
  commitSha?: string;
}

/** What GitLab's own secrets analyzer writes when a finding is not tied to a commit of the history. */
export const NO_COMMIT = '0000000';

const NAME_LIMIT = 255;
const DESCRIPTION_LIMIT = 1_048_576;
const LINK = /^(https?|ftp):\/\/.+/;
const CVSS3 = /^CVSS:3[.][01]\//;
const BUILTIN_SECRET_RULES = 'https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go';

/** Which GitLab report each class goes to: licenses have none (GitLab reads them from the CycloneDX SBOM). */
export const GITLAB_REPORT_OF: Record<FindingClass, GitLabScanType | undefined> = {
  vulnerability: 'container_scanning',
  secret: 'secret_detection',
  misconfiguration: 'sast',
  license: undefined,
};

/**
 * The image and OS every container-scanning finding is filed under, chosen as Trivy's
 * contrib/gitlab.tpl chooses them: from the OS-packages result, for language packages too
 * (GitLab fingerprints a location by image and package, so a jar CVE in two images stays two).
 * Where the template has no OS-packages result it writes "Unknown"; we use the artifact name of
 * an image scan first. The OS is everything in the target's outer parentheses, so
 * `amazon 2 (Karoo)` stays whole (the template's last-"(" split leaves `Karoo)`).
 */
export function gitlabImageAndOs(report: TrivyReport): { image: string; operatingSystem: string } {
  const os = [...(report.Results ?? [])].reverse().find((result) => result.Class === 'os-pkgs');
  if (os) {
    const image = /[^\s]+/.exec(os.Target)?.[0] ?? 'Unknown';
    const open = os.Target.indexOf('(');
    const inside = open >= 0 ? os.Target.slice(open + 1).replace(/\)\s*$/, '') : '';
    return { image, operatingSystem: inside || metadataOs(report) || 'Unknown' };
  }
  if (report.ArtifactType === 'container_image') return { image: report.ArtifactName, operatingSystem: metadataOs(report) || 'Unknown' };
  return { image: 'Unknown', operatingSystem: 'Unknown' };
}

function metadataOs(report: TrivyReport): string {
  const os = report.Metadata?.OS;
  return [os?.Family, os?.Name].filter(Boolean).join(' ');
}

/**
 * Renders the report in the shape of Trivy's contrib/gitlab.tpl, with two fixes GitLab
 * needs: ids are unique per finding (the template repeats the CVE id for every package,
 * which GitLab deduplicates away) and fields respect the schema's limits and patterns.
 * `type` picks the report: vulnerabilities (container_scanning), secrets (secret_detection)
 * or misconfigurations (sast, where GitLab's own IaC scanning files them).
 */
export function renderGitLab(report: TrivyReport, options: GitLabOptions = {}, type: GitLabScanType = 'container_scanning'): GitLabReport {
  return gitlabEnvelope(report, options, type, [...gitlabList(report, options, type, asObject)] as GitLabVulnerability[]);
}

/** The same document as `renderGitLab`, written as JSON text vulnerability by vulnerability. */
export function writeGitLab(
  out: TextSink,
  report: TrivyReport,
  options: GitLabOptions = {},
  type: GitLabScanType = 'container_scanning',
): void {
  const vulnerabilities = gitlabList(report, options, type, asText);
  writeDocument(out, gitlabEnvelope(report, options, type, listSlot('vulnerabilities')), { vulnerabilities });
}

export function renderGitLabText(report: TrivyReport, options: GitLabOptions = {}, type: GitLabScanType = 'container_scanning'): string {
  return collect((out) => writeGitLab(out, report, options, type));
}

function gitlabEnvelope(
  report: TrivyReport,
  options: GitLabOptions,
  type: GitLabScanType,
  vulnerabilities: GitLabVulnerability[],
): GitLabReport {
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
      type,
    },
    vulnerabilities,
    remediations: [],
  };
}

/** Lazily: each vulnerability is made when the writer asks for it. */
function* gitlabList<T>(report: TrivyReport, options: GitLabOptions, type: GitLabScanType, sink: ItemSink<T>): Generator<T> {
  const place = gitlabImageAndOs(report);
  const seen = new Map<string, number>();
  for (const finding of allFindings(report)) {
    if (GITLAB_REPORT_OF[finding.class] !== type) continue;
    const v = finding.secret
      ? secretVulnerability(finding, options.commitSha || NO_COMMIT)
      : finding.misconfiguration
        ? misconfigurationVulnerability(finding)
        : vulnerability(finding, place);
    // A report that lists the very same finding twice still gets distinct ids (GitLab drops duplicates).
    const count = seen.get(v.id) ?? 0;
    seen.set(v.id, count + 1);
    if (count > 0) v.id = `${v.id.slice(0, 24)}${createHash('sha256').update(`${v.id}#${count}`).digest('hex').slice(0, 12)}`;
    yield sink(v);
  }
}

function vulnerability(finding: Finding, place: { image: string; operatingSystem: string }): GitLabVulnerability {
  const v = finding.vulnerability as TrivyVulnerability;
  const vectors = Object.entries(v.CVSS ?? {})
    .filter(([, cvss]) => cvss.V3Vector && CVSS3.test(cvss.V3Vector))
    .map(([vendor, cvss]) => ({ vendor, vector: cvss.V3Vector as string }))
    .slice(0, 10);
  const primaryUrl = v.PrimaryURL && LINK.test(v.PrimaryURL) ? { url: v.PrimaryURL } : {};
  return {
    id: findingUuid(finding, place.image),
    name: truncate(v.Title || finding.id, NAME_LIMIT),
    description: truncate(v.Description ?? '', DESCRIPTION_LIMIT),
    severity: titleCase(finding.severity),
    solution: finding.fixedVersion ? `Upgrade ${finding.pkgName} to ${finding.fixedVersion}` : 'No solution provided',
    location: {
      dependency: { package: { name: finding.pkgName }, version: finding.installedVersion },
      operating_system: place.operatingSystem,
      image: place.image,
    },
    identifiers: [{ type: identifierType(finding.id), name: finding.id, value: finding.id, ...primaryUrl }],
    links: links(v.References),
    ...(vectors.length > 0 ? { cvss_vectors: vectors } : {}),
  };
}

/** A secret: file and lines, the rule as identifier; never the matched text (Trivy masks it, and a report is no place for it anyway). */
function secretVulnerability(finding: Finding, sha: string): GitLabVulnerability {
  const s = finding.secret as TrivySecret;
  return {
    id: findingUuid(finding, ''),
    name: truncate(s.Title || s.RuleID, NAME_LIMIT),
    description: truncate(
      `${s.Title || s.RuleID}${s.Category ? ` (${s.Category})` : ''} found in ${finding.target}${finding.startLine ? ` at line ${finding.startLine}` : ''}.`,
      DESCRIPTION_LIMIT,
    ),
    severity: titleCase(finding.severity),
    solution: 'Revoke and rotate the secret, then remove it from the file and from the history.',
    location: { file: finding.target, ...lines(finding), commit: { sha } },
    identifiers: [{ type: 'trivy_secret_rule', name: `Trivy secret rule ${s.RuleID}`, value: s.RuleID, url: BUILTIN_SECRET_RULES }],
    links: [],
  };
}

function misconfigurationVulnerability(finding: Finding): GitLabVulnerability {
  const m = finding.misconfiguration as TrivyMisconfiguration;
  const url = m.PrimaryURL && LINK.test(m.PrimaryURL) ? { url: m.PrimaryURL } : {};
  return {
    id: findingUuid(finding, ''),
    name: truncate(m.Title || m.ID, NAME_LIMIT),
    description: truncate([m.Description, m.Message].filter(Boolean).join('\n\n'), DESCRIPTION_LIMIT),
    severity: titleCase(finding.severity),
    ...(m.Resolution ? { solution: m.Resolution } : {}),
    location: { file: clearUri(finding.target), ...lines(finding) },
    identifiers: [{ type: 'trivy', name: m.ID, value: m.ID, ...url }],
    links: links(m.References),
  };
}

function lines(finding: Finding): { start_line?: number; end_line?: number } {
  return finding.startLine > 0 ? { start_line: finding.startLine, end_line: Math.max(finding.endLine, finding.startLine) } : {};
}

function links(references: string[] | undefined): { url: string }[] {
  return (references ?? [])
    .map((reference) => reference.split(' ')[0] ?? '')
    .filter((url) => LINK.test(url))
    .map((url) => ({ url }));
}

/** A UUID-shaped id derived from what makes a finding distinct, so it is stable across renders and unique within one. */
export function findingUuid(finding: Finding, image: string): string {
  const hex = createHash('sha256')
    .update(
      [
        image,
        finding.class,
        finding.target,
        finding.pkgName,
        finding.installedVersion,
        finding.vulnerability?.PkgPath ?? '',
        finding.id,
        finding.startLine,
      ].join('\0'),
    )
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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

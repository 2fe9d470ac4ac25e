import { hash } from 'node:crypto';
import { findingText } from './finding-text.js';
import { collect, escapeText, json, listSlot, type TextSink, writeDocument } from './json-text.js';
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
 * or misconfigurations (sast, where GitLab's own IaC scanning files them). The document
 * `writeGitLab` writes, read back.
 */
export function renderGitLab(report: TrivyReport, options: GitLabOptions = {}, type: GitLabScanType = 'container_scanning'): GitLabReport {
  return JSON.parse(renderGitLabText(report, options, type)) as GitLabReport;
}

/** Writes the GitLab report as JSON text vulnerability by vulnerability (each composed as text, not stringified). */
export function writeGitLab(
  out: TextSink,
  report: TrivyReport,
  options: GitLabOptions = {},
  type: GitLabScanType = 'container_scanning',
): void {
  const vulnerabilities = gitlabList(report, options, type);
  writeDocument(out, gitlabEnvelope(report, options, type, listSlot('vulnerabilities')), { vulnerabilities });
}

export function renderGitLabText(report: TrivyReport, options: GitLabOptions = {}, type: GitLabScanType = 'container_scanning'): string {
  return collect((out) => writeGitLab(out, report, options, type));
}

function gitlabEnvelope(report: TrivyReport, options: GitLabOptions, type: GitLabScanType, vulnerabilities: never): GitLabReport {
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

/** Lazily: each vulnerability's text is made when the writer asks for it. */
function* gitlabList(report: TrivyReport, options: GitLabOptions, type: GitLabScanType): Generator<string> {
  const place = gitlabImageAndOs(report);
  // Every finding of a report has the same image and OS: escaped once.
  const placeText = `"operating_system":${json(place.operatingSystem)},"image":${json(place.image)}`;
  const imageOf = (finding: Finding) => (finding.class === 'vulnerability' ? place.image : '');
  const occurrences = idOccurrences(imageOf);
  for (const finding of allFindings(report)) {
    if (GITLAB_REPORT_OF[finding.class] !== type) continue;
    let id = findingUuid(finding, imageOf(finding));
    // A report that lists the very same finding twice still gets distinct ids (GitLab drops duplicates).
    const count = occurrences(finding, id);
    if (count > 0) id = `${id.slice(0, 24)}${hash('sha256', `${id}#${count}`).slice(0, 12)}`;
    if (finding.secret) yield json(secretVulnerability(finding, id, options.commitSha || NO_COMMIT));
    else if (finding.misconfiguration) yield json(misconfigurationVulnerability(finding, id));
    else yield vulnerabilityText(finding, id, placeText);
  }
}

/**
 * How often each id was seen before, exactly, without keeping 20,000 id strings alive (which
 * made V8 double its young generation): findings are remembered by the id's first 28 bits, and
 * only ids whose prefix is shared are counted by their text (the first one's id is made again).
 */
function idOccurrences(imageOf: (finding: Finding) => string): (finding: Finding, id: string) => number {
  const firstOfPrefix = new Map<number, Finding | undefined>();
  const exact = new Map<string, number>();
  return (finding, id) => {
    const prefix = Number.parseInt(id.slice(0, 7), 16);
    if (!firstOfPrefix.has(prefix)) {
      firstOfPrefix.set(prefix, finding);
      return 0;
    }
    const first = firstOfPrefix.get(prefix);
    if (first) {
      exact.set(findingUuid(first, imageOf(first)), 1);
      firstOfPrefix.set(prefix, undefined);
    }
    const count = exact.get(id) ?? 0;
    exact.set(id, count + 1);
    return count;
  };
}

/**
 * A container-scanning vulnerability (one per finding, the bulk of the report) as JSON text,
 * composed from the finding's escaped fields: `id`, name, description, severity, solution,
 * the package in the image and OS (`placeText`), the identifier, links and CVSS v3 vectors.
 */
function vulnerabilityText(finding: Finding, id: string, placeText: string): string {
  const v = finding.vulnerability as TrivyVulnerability;
  const t = findingText(finding);
  // The parser has made sure Title and Description are strings where present.
  const rawName = v.Title || finding.id;
  const name = rawName.length > NAME_LIMIT ? escapeText(truncate(rawName, NAME_LIMIT)) : v.Title ? t.title : t.id;
  const description =
    (v.Description?.length ?? 0) > DESCRIPTION_LIMIT ? escapeText(truncate(v.Description as string, DESCRIPTION_LIMIT)) : t.description;
  const solution = finding.fixedVersion ? `Upgrade ${t.pkgName} to ${t.fixedVersion}` : 'No solution provided';
  let vectors = '';
  let count = 0;
  for (const vendor in v.CVSS ?? {}) {
    const vector = v.CVSS?.[vendor]?.V3Vector;
    if (!vector || !CVSS3.test(vector) || count === 10) continue;
    vectors += `${count++ > 0 ? ',' : ''}{"vendor":${json(vendor)},"vector":${json(vector)}}`;
  }
  let links = '';
  for (const url of linkUrls(v.References)) links += `${links ? ',' : ''}{"url":${json(url)}}`;
  const url = v.PrimaryURL && isLink(v.PrimaryURL) ? `,"url":"${t.primaryUrl}"` : '';
  return `{"id":"${id}","name":"${name}","description":"${description}","severity":"${titleCase(finding.severity)}","solution":"${solution}","location":{"dependency":{"package":{"name":"${t.pkgName}"},"version":"${t.installedVersion}"},${placeText}},"identifiers":[{"type":"${identifierType(finding.id)}","name":"${t.id}","value":"${t.id}"${url}}],"links":[${links}]${vectors ? `,"cvss_vectors":[${vectors}]` : ''}}`;
}

/** A secret: file and lines, the rule as identifier; never the matched text (Trivy masks it, and a report is no place for it anyway). */
function secretVulnerability(finding: Finding, id: string, sha: string): GitLabVulnerability {
  const s = finding.secret as TrivySecret;
  return {
    id,
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

function misconfigurationVulnerability(finding: Finding, id: string): GitLabVulnerability {
  const m = finding.misconfiguration as TrivyMisconfiguration;
  const url = m.PrimaryURL && isLink(m.PrimaryURL) ? { url: m.PrimaryURL } : {};
  return {
    id,
    name: truncate(m.Title || m.ID, NAME_LIMIT),
    description: truncate([m.Description, m.Message].filter(Boolean).join('\n\n'), DESCRIPTION_LIMIT),
    severity: titleCase(finding.severity),
    ...(m.Resolution ? { solution: m.Resolution } : {}),
    location: { file: clearUri(finding.target), ...lines(finding) },
    identifiers: [{ type: 'trivy', name: m.ID, value: m.ID, ...url }],
    links: linkUrls(m.References).map((url) => ({ url })),
  };
}

function lines(finding: Finding): { start_line?: number; end_line?: number } {
  return finding.startLine > 0 ? { start_line: finding.startLine, end_line: Math.max(finding.endLine, finding.startLine) } : {};
}

/** The references that are links (a reference's first word), in order. */
function linkUrls(references: string[] | undefined): string[] {
  const out: string[] = [];
  for (const reference of references ?? []) {
    const space = reference.indexOf(' ');
    const url = space < 0 ? reference : reference.slice(0, space);
    if (isLink(url)) out.push(url);
  }
  return out;
}

/** The schema's link pattern, `^(https?|ftp)://.+`, without a regular expression per reference. */
function isLink(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  const scheme = text.startsWith('https://') ? 8 : text.startsWith('http://') ? 7 : text.startsWith('ftp://') ? 6 : 0;
  if (scheme === 0 || text.length <= scheme) return false;
  const next = text.charCodeAt(scheme);
  // `.` matches anything but a line terminator.
  return next !== 0x0a && next !== 0x0d && next !== 0x2028 && next !== 0x2029;
}

/** A UUID-shaped id derived from what makes a finding distinct, so it is stable across renders and unique within one. */
export function findingUuid(finding: Finding, image: string): string {
  const hex = hash(
    'sha256',
    `${image}\0${finding.class}\0${finding.target}\0${finding.pkgName}\0${finding.installedVersion}\0${finding.vulnerability?.PkgPath ?? ''}\0${finding.id}\0${finding.startLine}`,
  );
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id's leading letters before a dash (`^([A-Za-z]+)-`), lower-cased: `cve`, `ghsa`; else `trivy`. */
function identifierType(id: string): string {
  let end = 0;
  while (end < id.length && (id.charCodeAt(end) | 0x20) >= 0x61 && (id.charCodeAt(end) | 0x20) <= 0x7a) end++;
  return end > 0 && id.charCodeAt(end) === 0x2d ? id.slice(0, end).toLowerCase() : 'trivy';
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

import type { Finding, TrivyReport, TrivyVulnerability } from './report.js';
import { findings as allFindings } from './report.js';
import type { Severity } from './severity.js';

/** Minimal SARIF 2.1.0 shapes for what we write. */
export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; fullName: string; informationUri: string; version?: string; rules: SarifRule[] } };
  results: SarifResult[];
  columnKind: 'utf16CodeUnits';
  automationDetails?: { id: string };
  originalUriBaseIds?: Record<string, { uri: string }>;
  properties?: Record<string, unknown>;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  defaultConfiguration: { level: SarifLevel };
  helpUri?: string;
  help: { text: string; markdown: string };
  properties: Record<string, unknown>;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  suppressions?: { kind: 'external'; status: 'accepted'; justification: string }[];
}

interface SarifLocation {
  physicalLocation: {
    artifactLocation: { uri: string; uriBaseId: 'ROOTPATH' };
    region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  };
  message: { text: string };
}

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifOptions {
  /** Becomes `automationDetails.id` (`<category>/`): GitHub code scanning keeps one alert set per category. */
  category?: string;
  /** Filesystem scans: the scanned directory, written as the ROOTPATH base URI as Trivy does. */
  sourceRoot?: string;
  /** Findings accepted by an ignore entry, by finding key: kept in the log, marked as suppressed with the reason. */
  suppressed?: ReadonlyMap<string, string>;
}

export const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json';

const RULE_NAMES: Record<string, string> = {
  'os-pkgs': 'OsPackageVulnerability',
  'lang-pkgs': 'LanguageSpecificPackageVulnerability',
};

const SEVERITY_SCORE: Record<Severity, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', UNKNOWN: '0.0' };

/** Trivy's mapping: code scanning sorts and filters on this level. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'CRITICAL' || severity === 'HIGH') return 'error';
  if (severity === 'MEDIUM') return 'warning';
  return 'note';
}

/**
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` does (rules keyed by
 * vulnerability id, `security-severity` from the CVSS v3 score of the severity source,
 * locations on the image or lock file), so that switching to it loses nothing.
 */
export function renderSarif(report: TrivyReport, options: SarifOptions = {}): SarifLog {
  const rules = new Map<string, SarifRule>();
  const ruleIndexes = new Map<string, number>();
  const results: SarifResult[] = [];
  const packageLines = new Map<string, { startLine: number; endLine: number }[]>();

  for (const finding of allFindings(report)) {
    const vulnerability = finding.vulnerability;
    const targetPath = toPathUri(finding.target, finding.result.Class);
    const path = vulnerability.PkgPath ? toPathUri(vulnerability.PkgPath, finding.result.Class) : targetPath;
    const ruleIndex = ruleIndexes.get(finding.id) ?? ruleIndexes.size;
    ruleIndexes.set(finding.id, ruleIndex);
    // Like go-sarif's AddRule, a later occurrence of an id rewrites the rule (its help names that package).
    rules.set(finding.id, rule(finding));
    const reason = options.suppressed?.get(finding.key);
    results.push({
      ruleId: finding.id,
      ruleIndex,
      level: sarifLevel(finding.severity),
      message: { text: resultMessage(finding) },
      locations: locations(
        linesOf(finding, path, packageLines),
        uriString(path),
        `${path}: ${finding.pkgName}@${finding.installedVersion}`,
      ),
      ...(reason !== undefined
        ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: reason }] }
        : {}),
    });
  }

  const run: SarifRun = {
    tool: {
      driver: {
        name: 'Trivy',
        fullName: 'Trivy Vulnerability Scanner',
        informationUri: 'https://github.com/aquasecurity/trivy',
        ...(report.Trivy?.Version ? { version: report.Trivy.Version } : {}),
        rules: [...rules.values()],
      },
    },
    results,
    columnKind: 'utf16CodeUnits',
  };
  if (options.category) run.automationDetails = { id: `${options.category}/` };
  if (options.sourceRoot) run.originalUriBaseIds = { ROOTPATH: { uri: pathToFileUri(options.sourceRoot) } };
  if (report.ArtifactType === 'container_image') {
    run.properties = {
      imageName: report.ArtifactName,
      repoTags: report.Metadata?.RepoTags ?? null,
      repoDigests: report.Metadata?.RepoDigests ?? null,
      imageID: report.Metadata?.ImageID ?? '',
    };
  }
  return { version: '2.1.0', $schema: SARIF_SCHEMA_URI, runs: [run] };
}

function rule(finding: Finding): SarifRule {
  const v = finding.vulnerability;
  const { data, score } = cvssData(v, finding.severity);
  const description = v.Description ?? '';
  const link = `[${finding.id}](${v.PrimaryURL ?? ''})`;
  const helpUri = uriString(v.PrimaryURL ?? '');
  return {
    id: finding.id,
    name: RULE_NAMES[finding.result.Class ?? ''] ?? 'UnknownIssue',
    shortDescription: { text: v.Title ?? '' },
    fullDescription: { text: description || (v.Title ?? '') },
    defaultConfiguration: { level: sarifLevel(finding.severity) },
    ...(helpUri ? { helpUri } : {}),
    help: {
      text: `Vulnerability ${finding.id}\nSeverity: ${v.Severity}\nPackage: ${finding.pkgName}\nFixed Version: ${finding.fixedVersion}\nLink: ${link}\n${description}`,
      markdown: `**Vulnerability ${finding.id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${v.Severity}|${finding.pkgName}|${finding.fixedVersion}|${link}|\n\n${description}`,
    },
    properties: { tags: ['vulnerability', 'security', v.Severity], precision: 'very-high', 'security-severity': score, ...data },
  };
}

function resultMessage(finding: Finding): string {
  const v = finding.vulnerability;
  return `Package: ${finding.pkgName}\nInstalled Version: ${finding.installedVersion}\nVulnerability ${finding.id}\nSeverity: ${v.Severity}\nFixed Version: ${finding.fixedVersion}\nLink: [${finding.id}](${v.PrimaryURL ?? ''})`;
}

/** CVSS fields of the severity source, empty ones dropped; the score prefers CVSS v3 over the severity's nominal score. */
function cvssData(v: TrivyVulnerability, severity: Severity): { data: Record<string, string | number>; score: string } {
  const cvss = v.SeveritySource ? v.CVSS?.[v.SeveritySource] : undefined;
  if (!cvss) return { data: {}, score: SEVERITY_SCORE[severity] };
  const fields: Record<string, string | number | undefined> = {
    cvssv2_vector: cvss.V2Vector,
    cvssv2_score: cvss.V2Score,
    cvssv3_vector: cvss.V3Vector,
    cvssv3_baseScore: cvss.V3Score,
    cvssv40_vector: cvss.V40Vector,
    cvssv40_baseScore: cvss.V40Score,
  };
  const data: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(fields)) if (value) data[key] = value;
  return { data, score: cvss.V3Score ? cvss.V3Score.toFixed(1) : SEVERITY_SCORE[severity] };
}

function linesOf(finding: Finding, path: string, cache: Map<string, { startLine: number; endLine: number }[]>) {
  const id = `${path}@${finding.pkgName}@${finding.installedVersion}`;
  let lines = cache.get(id);
  if (!lines) {
    const pkg = finding.result.Packages?.find((p) => p.Name === finding.pkgName && p.Version === finding.installedVersion);
    lines = (pkg?.Locations ?? []).map((l) => ({ startLine: l.StartLine, endLine: l.EndLine }));
    cache.set(id, lines);
  }
  return lines;
}

function locations(lines: { startLine: number; endLine: number }[], uri: string, message: string): SarifLocation[] {
  const regions = lines.length > 0 ? lines : [{ startLine: 1, endLine: 1 }];
  return regions.map((line) => {
    const missing = line.startLine === 0 && line.endLine === 0;
    return {
      physicalLocation: {
        artifactLocation: { uri, uriBaseId: 'ROOTPATH' },
        region: { startLine: missing ? 1 : line.startLine, startColumn: 1, endLine: missing ? 1 : line.endLine, endColumn: 1 },
      },
      message: { text: message },
    };
  });
}

const DISTRO_SUFFIX = /^(.+?)(?:\s*\((?:.*?)\).*?)?$/s;
const REPOSITORY = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** OS package targets name an image (`repo:tag (alpine 3.10)`); Trivy reduces them to the repository path. */
export function toPathUri(input: string, resultClass: string | undefined): string {
  if (resultClass !== 'os-pkgs') return input;
  const path = DISTRO_SUFFIX.exec(input)?.[1] ?? input;
  return (imageRepository(path) ?? path).replaceAll('\\', '/');
}

/** go-containerregistry's `ParseReference(x).Context().RepositoryStr()`, undefined where it would not parse. */
export function imageRepository(reference: string): string | undefined {
  let rest = reference;
  const at = rest.indexOf('@');
  if (at >= 0) rest = rest.slice(0, at);
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon);
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? rest.slice(slash + 1) : rest;
  if (!REPOSITORY.test(repository)) return undefined;
  if (!hasRegistry && !repository.includes('/')) repository = `library/${repository}`;
  return repository;
}

/** Go's url.String() leaves ordinary paths alone; spaces are the common case it escapes. */
function uriString(value: string): string {
  return value.replaceAll(' ', '%20');
}

function pathToFileUri(path: string): string {
  const slashed = path.replaceAll('\\', '/');
  return `file://${slashed.startsWith('/') ? '' : '/'}${slashed.replace(/\/$/, '')}/`;
}

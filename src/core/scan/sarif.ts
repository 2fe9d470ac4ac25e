import { asObject, asText, collect, type ItemSink, listSlot, type TextSink, writeDocument } from './json-text.js';
import type { Finding, TrivyPackage, TrivyReport, TrivyResult, TrivyVulnerability } from './report.js';
import { findings as allFindings } from './report.js';
import type { Severity } from './severity.js';

/** Minimal SARIF 2.1.0 shapes for what we write. */
export interface SarifLog {
  version: '2.1.0';
  $schema: string;
  runs: SarifRun[];
}

export interface SarifRun {
  tool: { driver: { name: string; fullName: string; informationUri: string; version: string; rules: SarifRule[] } };
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
  /** trivy-action's `limit-severities-for-sarif`: only findings of these severities are written. */
  severities?: ReadonlySet<Severity>;
}

export const SARIF_SCHEMA_URI = 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json';

const RULE_NAMES: Record<string, string> = {
  'os-pkgs': 'OsPackageVulnerability',
  'lang-pkgs': 'LanguageSpecificPackageVulnerability',
  config: 'Misconfiguration',
  secret: 'Secret',
  license: 'License',
  'license-file': 'License',
};

/** Where Trivy's SARIF points secret rules, whichever rule it is. */
const BUILTIN_SECRET_RULES = 'https://github.com/aquasecurity/trivy/blob/main/pkg/fanal/secret/builtin-rules.go';

const SEVERITY_SCORE: Record<Severity, string> = { CRITICAL: '9.5', HIGH: '8.0', MEDIUM: '5.5', LOW: '2.0', UNKNOWN: '0.0' };

/** Trivy's mapping: code scanning sorts and filters on this level. */
export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'CRITICAL' || severity === 'HIGH') return 'error';
  if (severity === 'MEDIUM') return 'warning';
  return 'note';
}

/** What one finding contributes to the log: its rule, its message and where it is. */
interface SarifEntry {
  /** Made only for the occurrence whose rule is written (the last one of its id). */
  rule: () => SarifRule;
  message: string;
  uri: string;
  locationMessage: string;
  lines: { startLine: number; endLine: number }[];
}

/**
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` (pkg/report/sarif.go)
 * does, for all four classes: rules keyed by vulnerability, check, secret rule or
 * `package:license`, `security-severity` from the CVSS v3 score of the severity source or the
 * severity's nominal score, locations on the image, lock file, Dockerfile or secret's lines.
 */
export function renderSarif(report: TrivyReport, options: SarifOptions = {}): SarifLog {
  const { rules, results } = sarifLists(report, options, asObject);
  return sarifLog(report, options, [...rules] as SarifRule[], [...results] as SarifResult[]);
}

/** The same document as `renderSarif`, written as JSON text rule by rule and result by result. */
export function writeSarif(out: TextSink, report: TrivyReport, options: SarifOptions = {}): void {
  const { rules, results } = sarifLists(report, options, asText);
  writeDocument(out, sarifLog(report, options, listSlot('rules'), listSlot('results')), { rules, results });
}

export function renderSarifText(report: TrivyReport, options: SarifOptions = {}): string {
  return collect((out) => writeSarif(out, report, options));
}

/** The rule id Trivy gives a finding: the vulnerability, check or secret rule id; `package:license` for licenses. */
function ruleIdOf(finding: Finding): string {
  return finding.license ? `${finding.license.PkgName ?? ''}:${finding.license.Name}` : finding.id;
}

/**
 * Rules in the order their ids first occur, each made from the id's last occurrence (go-sarif's
 * AddRule rewrites a rule, so its help names the last package), then one result per finding.
 * Both lists are lazy: a writer turns each item into text and lets it go.
 */
function sarifLists<T>(report: TrivyReport, options: SarifOptions, sink: ItemSink<T>): { rules: Iterable<T>; results: Iterable<T> } {
  const packageLines = new Map<string, { startLine: number; endLine: number }[]>();
  const selected = allFindings(report, { includePassed: true }).filter(
    (finding) => !options.severities || options.severities.has(finding.severity),
  );
  const lastOfRule = new Map<string, Finding>();
  for (const finding of selected) lastOfRule.set(ruleIdOf(finding), finding);
  const ruleIndexes = new Map([...lastOfRule.keys()].map((id, index) => [id, index]));
  function* rules(): Generator<T> {
    for (const finding of lastOfRule.values()) yield sink(sarifEntry(finding, packageLines).rule());
  }
  function* results(): Generator<T> {
    for (const finding of selected) {
      const entry = sarifEntry(finding, packageLines);
      const ruleId = ruleIdOf(finding);
      const result: SarifResult = {
        ruleId,
        ruleIndex: ruleIndexes.get(ruleId) ?? 0,
        level: sarifLevel(finding.severity),
        message: { text: entry.message },
        locations: locations(entry.lines, uriString(entry.uri), entry.locationMessage),
      };
      const reason = options.suppressed?.get(finding.key);
      if (reason !== undefined) result.suppressions = [{ kind: 'external', status: 'accepted', justification: reason }];
      yield sink(result);
    }
  }
  return { rules: rules(), results: results() };
}

function sarifLog(report: TrivyReport, options: SarifOptions, rules: SarifRule[], results: SarifResult[]): SarifLog {
  const run: SarifRun = {
    tool: {
      driver: {
        name: 'Trivy',
        fullName: 'Trivy Vulnerability Scanner',
        informationUri: 'https://github.com/aquasecurity/trivy',
        // Trivy always writes the version, empty when it has none.
        version: report.Trivy?.Version ?? '',
        rules,
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

function sarifEntry(finding: Finding, packageLines: Map<string, { startLine: number; endLine: number }[]>): SarifEntry {
  const result = finding.result;
  const severity = finding.severity;
  const name = RULE_NAMES[result.Class ?? ''] ?? 'UnknownIssue';
  const nominal = SEVERITY_SCORE[severity];
  const baseRule = (id: string, kind: string, short: string, full: string, helpUri: string, help: SarifRule['help'], score: string) => {
    const shortDescription = { text: short };
    const fullDescription = { text: full };
    const defaultConfiguration = { level: sarifLevel(severity) };
    const properties = { tags: [kind, 'security', severityText(finding)], precision: 'very-high', 'security-severity': score };
    const uri = uriString(helpUri);
    // Two literals rather than a spread: the field order is Trivy's either way.
    return uri
      ? { id, name, shortDescription, fullDescription, defaultConfiguration, helpUri: uri, help, properties }
      : { id, name, shortDescription, fullDescription, defaultConfiguration, help, properties };
  };
  const lines = finding.startLine || finding.endLine ? [{ startLine: finding.startLine, endLine: finding.endLine }] : [];

  if (finding.misconfiguration) {
    const m = finding.misconfiguration;
    const uri = clearUri(result.Target);
    const link = `[${m.ID}](${m.PrimaryURL ?? ''})`;
    return {
      rule: () =>
        baseRule(
          m.ID,
          'misconfiguration',
          m.Title ?? '',
          m.Description ?? '',
          m.PrimaryURL ?? '',
          {
            text: `Misconfiguration ${m.ID}\nType: ${m.Type ?? ''}\nSeverity: ${m.Severity}\nCheck: ${m.Title ?? ''}\nMessage: ${m.Message ?? ''}\nLink: ${link}\n${m.Description ?? ''}`,
            markdown: `**Misconfiguration ${m.ID}**\n| Type | Severity | Check | Message | Link |\n| --- | --- | --- | --- | --- |\n|${m.Type ?? ''}|${m.Severity}|${m.Title ?? ''}|${m.Message ?? ''}|${link}|\n\n${m.Description ?? ''}`,
          },
          nominal,
        ),
      message: `Artifact: ${uri}\nType: ${result.Type ?? ''}\nVulnerability ${m.ID}\nSeverity: ${m.Severity}\nMessage: ${m.Message ?? ''}\nLink: ${link}`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.secret) {
    const s = finding.secret;
    const uri = toPathUri(result.Target, result.Class);
    const title = s.Title ?? '';
    const match = s.Match ?? '';
    return {
      rule: () =>
        baseRule(
          s.RuleID,
          'secret',
          title,
          match,
          BUILTIN_SECRET_RULES,
          {
            text: `Secret ${title}\nSeverity: ${s.Severity}\nMatch: ${match}`,
            markdown: `**Secret ${title}**\n| Severity | Match |\n| --- | --- |\n|${s.Severity}|${match}|`,
          },
          nominal,
        ),
      message: `Artifact: ${result.Target}\nType: ${result.Type ?? ''}\nSecret ${title}\nSeverity: ${s.Severity}\nMatch: ${match}`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.license) {
    const l = finding.license;
    const description = `${l.Name} in ${l.PkgName ?? ''}`;
    return {
      rule: () =>
        baseRule(
          `${l.PkgName ?? ''}:${l.Name}`,
          'license',
          description,
          description,
          l.Link ?? '',
          {
            text: `License ${l.Name}\nClassification: ${l.Category ?? ''}\nPkgName: ${l.PkgName ?? ''}\nPath: ${l.FilePath ?? ''}`,
            markdown: `**License ${l.Name}**\n| PkgName | Classification | Path |\n| --- | --- | --- |\n|${l.PkgName ?? ''}|${l.Category ?? ''}|${l.FilePath ?? ''}|`,
          },
          nominal,
        ),
      message: `Artifact: ${result.Target}\nLicense ${l.Name}\nPkgName: ${l.PkgName ?? ''}\n Classification: ${l.Category ?? ''}\n Path: ${l.FilePath ?? ''}`,
      uri: toPathUri(result.Target, result.Class),
      // Trivy gives license results no location message.
      locationMessage: '',
      lines,
    };
  }
  const v = finding.vulnerability as TrivyVulnerability;
  const targetPath = toPathUri(finding.target, result.Class);
  const path = v.PkgPath ? toPathUri(v.PkgPath, result.Class) : targetPath;
  const description = v.Description ?? '';
  const link = `[${finding.id}](${v.PrimaryURL ?? ''})`;
  const rule = () => {
    const { data, score } = cvssData(v, severity);
    const made = baseRule(
      finding.id,
      'vulnerability',
      v.Title ?? '',
      description || (v.Title ?? ''),
      v.PrimaryURL ?? '',
      {
        text: `Vulnerability ${finding.id}\nSeverity: ${v.Severity}\nPackage: ${finding.pkgName}\nFixed Version: ${finding.fixedVersion}\nLink: ${link}\n${description}`,
        markdown: `**Vulnerability ${finding.id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${v.Severity}|${finding.pkgName}|${finding.fixedVersion}|${link}|\n\n${description}`,
      },
      score,
    );
    made.properties = { ...made.properties, ...data };
    return made;
  };
  return {
    rule,
    message: `Package: ${finding.pkgName}\nInstalled Version: ${finding.installedVersion}\nVulnerability ${finding.id}\nSeverity: ${v.Severity}\nFixed Version: ${finding.fixedVersion}\nLink: ${link}`,
    uri: path,
    locationMessage: `${path}: ${finding.pkgName}@${finding.installedVersion}`,
    lines: linesOf(finding, path, packageLines),
  };
}

/** The severity as the report spells it (Trivy writes it verbatim into tags). */
function severityText(finding: Finding): string {
  return (
    finding.vulnerability?.Severity ??
    finding.misconfiguration?.Severity ??
    finding.secret?.Severity ??
    finding.license?.Severity ??
    finding.severity
  );
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

const PACKAGE_INDEXES = new WeakMap<TrivyResult, Map<string, TrivyPackage>>();

function packageIndex(result: TrivyResult): Map<string, TrivyPackage> {
  let index = PACKAGE_INDEXES.get(result);
  if (!index) {
    index = new Map();
    for (const pkg of result.Packages ?? []) {
      const key = `${pkg.Name}@${pkg.Version ?? ''}`;
      if (!index.has(key)) index.set(key, pkg);
    }
    PACKAGE_INDEXES.set(result, index);
  }
  return index;
}

function linesOf(finding: Finding, path: string, cache: Map<string, { startLine: number; endLine: number }[]>) {
  const id = `${path}@${finding.pkgName}@${finding.installedVersion}`;
  let lines = cache.get(id);
  if (!lines) {
    // Trivy takes the first package of that name and version; an index keeps that O(1) per finding.
    const pkg = packageIndex(finding.result).get(`${finding.pkgName}@${finding.installedVersion}`);
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
  // Every OS finding repeats the same target: the regular expressions run once per target.
  const known = PATH_URIS.get(input);
  if (known !== undefined) return known;
  const uri = osPathUri(input);
  if (PATH_URIS.size > 1000) PATH_URIS.clear();
  PATH_URIS.set(input, uri);
  return uri;
}

const PATH_URIS = new Map<string, string>();

function osPathUri(input: string): string {
  const path = DISTRO_SUFFIX.exec(input)?.[1] ?? input;
  return clearUri(imageRepository(path) ?? path);
}

/**
 * Trivy's clearURI: forward slashes, and Terraform module sources (`git::`, `git@github.com:`,
 * `hg::`, `s3::`, `gcs::`) written as the URL they name.
 */
export function clearUri(value: string): string {
  let s = value.replaceAll('\\', '/');
  if (s.startsWith('git@github.com:')) {
    s = s.replaceAll('git@github.com:', 'github.com/').replaceAll('.git', '').replaceAll('?ref=', '/tree/');
  } else if (s.startsWith('git::https:/') && !s.startsWith('git::https://')) {
    s = s.slice('git::https:/'.length).replaceAll('.git', '');
  } else if (s.startsWith('git::ssh://')) {
    const at = s.indexOf('@');
    if (at >= 0) s = s.slice(at + 1);
    s = s.replaceAll('.git', '');
  } else if (s.startsWith('git::')) {
    s = s.slice('git::'.length).replaceAll('.git', '');
  } else if (s.startsWith('hg::')) {
    s = s.slice('hg::'.length).replaceAll('.hg', '');
  } else if (s.startsWith('s3::')) {
    s = s.slice('s3::'.length);
  } else if (s.startsWith('gcs::')) {
    s = s.slice('gcs::'.length);
  }
  return s;
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

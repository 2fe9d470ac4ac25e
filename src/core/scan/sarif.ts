import { findingText } from './finding-text.js';
import { collect, escapeText, escapeTexts, json, listSlot, type TextSink, writeDocument } from './json-text.js';
import type { Finding, TrivyCvss, TrivyPackage, TrivyReport, TrivyResult, TrivyVulnerability } from './report.js';
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

/**
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` (pkg/report/sarif.go)
 * does, for all four classes: rules keyed by vulnerability, check, secret rule or
 * `package:license`, `security-severity` from the CVSS v3 score of the severity source or the
 * severity's nominal score, locations on the image, lock file, Dockerfile or secret's lines.
 * The document `writeSarif` writes, read back.
 */
export function renderSarif(report: TrivyReport, options: SarifOptions = {}): SarifLog {
  return JSON.parse(renderSarifText(report, options)) as SarifLog;
}

/**
 * Writes the SARIF log as JSON text rule by rule and result by result: each item's text is
 * composed from the finding's escaped fields directly (20,000 findings make 40,000 items;
 * an object tree to stringify cost most of the time, and the same description would be
 * escaped three times in a rule alone).
 */
export function writeSarif(out: TextSink, report: TrivyReport, options: SarifOptions = {}): void {
  const { rules, results } = sarifLists(report, options);
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
 * Both lists are lazy: the writer takes each item's text and lets it go.
 */
function sarifLists(report: TrivyReport, options: SarifOptions): { rules: Iterable<string>; results: Iterable<string> } {
  const packageLines = new Map<string, { startLine: number; endLine: number }[]>();
  const all = allFindings(report, { includePassed: true });
  const severities = options.severities;
  const selected = severities ? all.filter((finding) => severities.has(finding.severity)) : all;
  const lastOfRule = new Map<string, Finding>();
  for (const finding of selected) lastOfRule.set(ruleIdOf(finding), finding);
  // Most runs accept nothing: then no finding's key is looked up (each lookup flattens the key).
  const suppressed = options.suppressed?.size ? options.suppressed : undefined;
  const ruleIndexes = new Map<string, number>();
  for (const id of lastOfRule.keys()) ruleIndexes.set(id, ruleIndexes.size);
  function* rules(): Generator<string> {
    for (const finding of lastOfRule.values()) yield ruleText(finding);
  }
  function* results(): Generator<string> {
    for (const finding of selected) {
      const ruleId = ruleIdOf(finding);
      const reason = suppressed?.get(finding.key);
      yield resultText(finding, ruleIndexes.get(ruleId) ?? 0, packageLines, reason);
    }
  }
  return { rules: rules(), results: results() };
}

/** What distinguishes one class's rule; every text here is already escaped (`escapeText`). */
interface RuleParts {
  id: string;
  kind: string;
  short: string;
  full: string;
  /** Already as Go's url.String() writes it; '' means no helpUri. */
  helpUri: string;
  helpText: string;
  helpMarkdown: string;
  score: string;
  /** The CVSS properties of a vulnerability's severity source, as `,"name":value` text. */
  cvss: string;
}

/**
 * A rule as Trivy's SARIF writes it, as JSON text: made only for the occurrence whose rule is
 * written (the last of its id).
 */
function ruleText(finding: Finding): string {
  const parts = ruleParts(finding);
  const cls = finding.result.Class ?? '';
  const name = (Object.hasOwn(RULE_NAMES, cls) ? RULE_NAMES[cls] : undefined) ?? 'UnknownIssue';
  const helpUri = parts.helpUri ? `,"helpUri":"${parts.helpUri}"` : '';
  return `{"id":"${parts.id}","name":"${name}","shortDescription":{"text":"${parts.short}"},"fullDescription":{"text":"${parts.full}"},"defaultConfiguration":{"level":"${sarifLevel(finding.severity)}"}${helpUri},"help":{"text":"${parts.helpText}","markdown":"${parts.helpMarkdown}"},"properties":{"tags":["${parts.kind}","security","${findingText(finding).severity}"],"precision":"very-high","security-severity":"${parts.score}"${parts.cvss}}}`;
}

function ruleParts(finding: Finding): RuleParts {
  const nominal = SEVERITY_SCORE[finding.severity];
  const severity = findingText(finding).severity;
  if (finding.misconfiguration) {
    const m = finding.misconfiguration;
    const [id, type, title, message, url, description] = escapeTexts(m.ID, m.Type, m.Title, m.Message, m.PrimaryURL, m.Description);
    const link = `[${id}](${url})`;
    return {
      id,
      kind: 'misconfiguration',
      short: title,
      full: description,
      helpUri: uriString(url),
      helpText: `Misconfiguration ${id}\\nType: ${type}\\nSeverity: ${severity}\\nCheck: ${title}\\nMessage: ${message}\\nLink: ${link}\\n${description}`,
      helpMarkdown: `**Misconfiguration ${id}**\\n| Type | Severity | Check | Message | Link |\\n| --- | --- | --- | --- | --- |\\n|${type}|${severity}|${title}|${message}|${link}|\\n\\n${description}`,
      score: nominal,
      cvss: '',
    };
  }
  if (finding.secret) {
    const s = finding.secret;
    const [id, title, match] = escapeTexts(s.RuleID, s.Title, s.Match);
    return {
      id,
      kind: 'secret',
      short: title,
      full: match,
      helpUri: BUILTIN_SECRET_RULES,
      helpText: `Secret ${title}\\nSeverity: ${severity}\\nMatch: ${match}`,
      helpMarkdown: `**Secret ${title}**\\n| Severity | Match |\\n| --- | --- |\\n|${severity}|${match}|`,
      score: nominal,
      cvss: '',
    };
  }
  if (finding.license) {
    const l = finding.license;
    const [name, pkgName, category, path, link] = escapeTexts(l.Name, l.PkgName, l.Category, l.FilePath, l.Link);
    const description = `${name} in ${pkgName}`;
    return {
      id: escapeText(ruleIdOf(finding)),
      kind: 'license',
      short: description,
      full: description,
      helpUri: uriString(link),
      helpText: `License ${name}\\nClassification: ${category}\\nPkgName: ${pkgName}\\nPath: ${path}`,
      helpMarkdown: `**License ${name}**\\n| PkgName | Classification | Path |\\n| --- | --- | --- |\\n|${pkgName}|${category}|${path}|`,
      score: nominal,
      cvss: '',
    };
  }
  const v = finding.vulnerability as TrivyVulnerability;
  const t = findingText(finding);
  const link = `[${t.id}](${t.primaryUrl})`;
  const cvss = v.SeveritySource ? v.CVSS?.[v.SeveritySource] : undefined;
  return {
    id: t.id,
    kind: 'vulnerability',
    short: t.title,
    full: t.description || t.title,
    helpUri: uriString(t.primaryUrl),
    helpText: `Vulnerability ${t.id}\\nSeverity: ${t.severity}\\nPackage: ${t.pkgName}\\nFixed Version: ${t.fixedVersion}\\nLink: ${link}\\n${t.description}`,
    helpMarkdown: `**Vulnerability ${t.id}**\\n| Severity | Package | Fixed Version | Link |\\n| --- | --- | --- | --- |\\n|${t.severity}|${t.pkgName}|${t.fixedVersion}|${link}|\\n\\n${t.description}`,
    // The score prefers CVSS v3 of the severity source over the severity's nominal score.
    score: cvss?.V3Score ? cvss.V3Score.toFixed(1) : nominal,
    cvss: cvss ? cvssProperties(cvss) : '',
  };
}

/** The severity source's non-empty CVSS fields, as Trivy adds them to a rule's properties. */
function cvssProperties(cvss: TrivyCvss): string {
  let text = '';
  if (cvss.V2Vector) text += `,"cvssv2_vector":${json(cvss.V2Vector)}`;
  if (cvss.V2Score) text += `,"cvssv2_score":${json(cvss.V2Score)}`;
  if (cvss.V3Vector) text += `,"cvssv3_vector":${json(cvss.V3Vector)}`;
  if (cvss.V3Score) text += `,"cvssv3_baseScore":${json(cvss.V3Score)}`;
  if (cvss.V40Vector) text += `,"cvssv40_vector":${json(cvss.V40Vector)}`;
  if (cvss.V40Score) text += `,"cvssv40_baseScore":${json(cvss.V40Score)}`;
  return text;
}

const NO_LINES = [{ startLine: 1, endLine: 1 }];

/** One finding's result as JSON text: what it says, the lines it points at, and why it is accepted when it is. */
function resultText(
  finding: Finding,
  ruleIndex: number,
  packageLines: Map<string, { startLine: number; endLine: number }[]>,
  suppression: string | undefined,
): string {
  const where = resultParts(finding, packageLines);
  const lines = where.lines.length > 0 ? where.lines : NO_LINES;
  const head = `{"physicalLocation":{"artifactLocation":{"uri":"${uriString(where.uri)}","uriBaseId":"ROOTPATH"},"region":{"startLine":`;
  const tail = `}},"message":{"text":"${where.locationMessage}"}}`;
  let locations = '';
  for (const line of lines) {
    const missing = line.startLine === 0 && line.endLine === 0;
    locations += `${locations ? ',' : ''}${head}${missing ? 1 : json(line.startLine)},"startColumn":1,"endLine":${missing ? 1 : json(line.endLine)},"endColumn":1${tail}`;
  }
  const suppressions =
    suppression === undefined ? '' : `,"suppressions":[{"kind":"external","status":"accepted","justification":${json(suppression)}}]`;
  return `{"ruleId":"${where.ruleId}","ruleIndex":${ruleIndex},"level":"${sarifLevel(finding.severity)}","message":{"text":"${where.message}"},"locations":[${locations}]${suppressions}}`;
}

/** What one finding's result says and where it points, every text escaped. */
function resultParts(
  finding: Finding,
  packageLines: Map<string, { startLine: number; endLine: number }[]>,
): { ruleId: string; message: string; uri: string; locationMessage: string; lines: readonly { startLine: number; endLine: number }[] } {
  const result = finding.result;
  const severity = findingText(finding).severity;
  if (finding.misconfiguration) {
    const m = finding.misconfiguration;
    const uri = escapeText(clearUri(result.Target));
    const [id, message, url, type] = escapeTexts(m.ID, m.Message, m.PrimaryURL, result.Type);
    return {
      ruleId: id,
      message: `Artifact: ${uri}\\nType: ${type}\\nVulnerability ${id}\\nSeverity: ${severity}\\nMessage: ${message}\\nLink: [${id}](${url})`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.secret) {
    const s = finding.secret;
    const uri = escapeText(toPathUri(result.Target, result.Class));
    const [id, title, match, type] = escapeTexts(s.RuleID, s.Title, s.Match, result.Type);
    return {
      ruleId: id,
      message: `Artifact: ${escapeText(result.Target)}\\nType: ${type}\\nSecret ${title}\\nSeverity: ${severity}\\nMatch: ${match}`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.license) {
    const l = finding.license;
    const [name, pkgName, category, path] = escapeTexts(l.Name, l.PkgName, l.Category, l.FilePath);
    return {
      ruleId: escapeText(ruleIdOf(finding)),
      message: `Artifact: ${escapeText(result.Target)}\\nLicense ${name}\\nPkgName: ${pkgName}\\n Classification: ${category}\\n Path: ${path}`,
      uri: escapeText(toPathUri(result.Target, result.Class)),
      // Trivy gives license results no location message.
      locationMessage: '',
      lines: finding.startLine || finding.endLine ? [{ startLine: finding.startLine, endLine: finding.endLine }] : [],
    };
  }
  const v = finding.vulnerability as TrivyVulnerability;
  const t = findingText(finding);
  const rawPath = v.PkgPath ? toPathUri(v.PkgPath, result.Class) : toPathUri(finding.target, result.Class);
  const path = escapeText(rawPath);
  return {
    ruleId: t.id,
    message: `Package: ${t.pkgName}\\nInstalled Version: ${t.installedVersion}\\nVulnerability ${t.id}\\nSeverity: ${t.severity}\\nFixed Version: ${t.fixedVersion}\\nLink: [${t.id}](${t.primaryUrl})`,
    uri: path,
    locationMessage: `${path}: ${t.pkgName}@${t.installedVersion}`,
    lines: linesOf(finding, rawPath, packageLines),
  };
}

/** The log around its two lists, which `writeDocument` fills in (`listSlot`). */
function sarifLog(report: TrivyReport, options: SarifOptions, rules: never, results: never): SarifLog {
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

/** Per result: its packages by `name@version` (Trivy takes the first), or undefined when none has a location. */
const PACKAGE_INDEXES = new WeakMap<TrivyResult, Map<string, TrivyPackage> | undefined>();

function packageIndex(result: TrivyResult): Map<string, TrivyPackage> | undefined {
  if (PACKAGE_INDEXES.has(result)) return PACKAGE_INDEXES.get(result);
  let index: Map<string, TrivyPackage> | undefined;
  const packages = result.Packages ?? [];
  if (packages.some((pkg) => (pkg.Locations ?? []).length > 0)) {
    index = new Map();
    for (const pkg of packages) {
      const key = `${pkg.Name}@${pkg.Version ?? ''}`;
      if (!index.has(key)) index.set(key, pkg);
    }
  }
  PACKAGE_INDEXES.set(result, index);
  return index;
}

const NO_LOCATIONS: readonly { startLine: number; endLine: number }[] = [];

function linesOf(finding: Finding, path: string, cache: Map<string, { startLine: number; endLine: number }[]>) {
  // Most results (images, and every report without --list-all-pkgs) have no package locations at all.
  const index = packageIndex(finding.result);
  if (!index) return NO_LOCATIONS;
  const id = `${path}@${finding.pkgName}@${finding.installedVersion}`;
  let lines = cache.get(id);
  if (!lines) {
    // Trivy takes the first package of that name and version; an index keeps that O(1) per finding.
    const pkg = index.get(`${finding.pkgName}@${finding.installedVersion}`);
    // Trivy omits a zero line (omitempty): a missing line is 0, as Trivy reads it.
    lines = (pkg?.Locations ?? []).map((l) => ({ startLine: l.StartLine ?? 0, endLine: l.EndLine ?? 0 }));
    cache.set(id, lines);
  }
  return lines;
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

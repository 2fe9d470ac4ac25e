import { collect, json, listSlot, type TextSink, writeDocument } from './json-text.js';
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

/** A rule's content: written as an object by `renderSarif` and straight as text by `writeSarif`. */
interface SarifRuleContent {
  id: string;
  name: string;
  kind: string;
  short: string;
  full: string;
  /** Already as Go's url.String() writes it; '' means no helpUri. */
  helpUri: string;
  help: { text: string; markdown: string };
  level: SarifLevel;
  severityText: string;
  score: string;
  /** The severity source's CVSS, for vulnerabilities: its non-empty fields become properties. */
  cvss?: TrivyCvss;
}

/** One result's content, likewise written as an object or as text. */
interface SarifResultContent {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: string;
  uri: string;
  locationMessage: string;
  lines: readonly { startLine: number; endLine: number }[];
  suppression?: string;
}

/** What one finding's result says and where it points. */
interface SarifWhere {
  message: string;
  uri: string;
  locationMessage: string;
  lines: readonly { startLine: number; endLine: number }[];
}

/** How the lists' items are made: objects (`renderSarif`) or JSON text (`writeSarif`). */
interface SarifSerialiser<T> {
  rule(content: SarifRuleContent): T;
  result(content: SarifResultContent): T;
}

const AS_OBJECTS: SarifSerialiser<SarifRule | SarifResult> = { rule: ruleObject, result: resultObject };
const AS_TEXT: SarifSerialiser<string> = { rule: ruleText, result: resultText };

/**
 * Renders Trivy's JSON report as SARIF the way `trivy --format sarif` (pkg/report/sarif.go)
 * does, for all four classes: rules keyed by vulnerability, check, secret rule or
 * `package:license`, `security-severity` from the CVSS v3 score of the severity source or the
 * severity's nominal score, locations on the image, lock file, Dockerfile or secret's lines.
 */
export function renderSarif(report: TrivyReport, options: SarifOptions = {}): SarifLog {
  const { rules, results } = sarifLists(report, options, AS_OBJECTS);
  return sarifLog(report, options, [...rules] as SarifRule[], [...results] as SarifResult[]);
}

/**
 * The same document as `renderSarif`, written as JSON text rule by rule and result by result:
 * each item's text is built from its content directly (20,000 findings make 40,000 items, and
 * building an object tree for JSON.stringify cost most of the time).
 */
export function writeSarif(out: TextSink, report: TrivyReport, options: SarifOptions = {}): void {
  const { rules, results } = sarifLists(report, options, AS_TEXT);
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
function sarifLists<T>(
  report: TrivyReport,
  options: SarifOptions,
  serialise: SarifSerialiser<T>,
): { rules: Iterable<T>; results: Iterable<T> } {
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
  function* rules(): Generator<T> {
    for (const finding of lastOfRule.values()) yield serialise.rule(sarifRule(finding));
  }
  function* results(): Generator<T> {
    for (const finding of selected) {
      const entry = sarifWhere(finding, packageLines);
      const ruleId = ruleIdOf(finding);
      const content: SarifResultContent = {
        ruleId,
        ruleIndex: ruleIndexes.get(ruleId) ?? 0,
        level: sarifLevel(finding.severity),
        message: entry.message,
        uri: uriString(entry.uri),
        locationMessage: entry.locationMessage,
        lines: entry.lines,
      };
      const reason = suppressed?.get(finding.key);
      if (reason !== undefined) content.suppression = reason;
      yield serialise.result(content);
    }
  }
  return { rules: rules(), results: results() };
}

function ruleObject(c: SarifRuleContent): SarifRule {
  const shortDescription = { text: c.short };
  const fullDescription = { text: c.full };
  const defaultConfiguration = { level: c.level };
  const properties: Record<string, unknown> = {
    tags: [c.kind, 'security', c.severityText],
    precision: 'very-high',
    'security-severity': c.score,
  };
  const cvss = c.cvss;
  if (cvss) {
    if (cvss.V2Vector) properties.cvssv2_vector = cvss.V2Vector;
    if (cvss.V2Score) properties.cvssv2_score = cvss.V2Score;
    if (cvss.V3Vector) properties.cvssv3_vector = cvss.V3Vector;
    if (cvss.V3Score) properties.cvssv3_baseScore = cvss.V3Score;
    if (cvss.V40Vector) properties.cvssv40_vector = cvss.V40Vector;
    if (cvss.V40Score) properties.cvssv40_baseScore = cvss.V40Score;
  }
  const { id, name, help } = c;
  // Two literals rather than a spread: the field order is Trivy's either way.
  return c.helpUri
    ? { id, name, shortDescription, fullDescription, defaultConfiguration, helpUri: c.helpUri, help, properties }
    : { id, name, shortDescription, fullDescription, defaultConfiguration, help, properties };
}

/** `JSON.stringify(ruleObject(c))`, field for field. */
function ruleText(c: SarifRuleContent): string {
  const cvss = c.cvss;
  let extra = '';
  if (cvss) {
    if (cvss.V2Vector) extra += `,"cvssv2_vector":${json(cvss.V2Vector)}`;
    if (cvss.V2Score) extra += `,"cvssv2_score":${json(cvss.V2Score)}`;
    if (cvss.V3Vector) extra += `,"cvssv3_vector":${json(cvss.V3Vector)}`;
    if (cvss.V3Score) extra += `,"cvssv3_baseScore":${json(cvss.V3Score)}`;
    if (cvss.V40Vector) extra += `,"cvssv40_vector":${json(cvss.V40Vector)}`;
    if (cvss.V40Score) extra += `,"cvssv40_baseScore":${json(cvss.V40Score)}`;
  }
  return `{"id":${json(c.id)},"name":${json(c.name)},"shortDescription":{"text":${json(c.short)}},"fullDescription":{"text":${json(c.full)}},"defaultConfiguration":{"level":"${c.level}"}${c.helpUri ? `,"helpUri":${json(c.helpUri)}` : ''},"help":{"text":${json(c.help.text)},"markdown":${json(c.help.markdown)}},"properties":{"tags":[${json(c.kind)},"security",${json(c.severityText)}],"precision":"very-high","security-severity":${json(c.score)}${extra}}}`;
}

const NO_LINES = [{ startLine: 1, endLine: 1 }];

function resultObject(c: SarifResultContent): SarifResult {
  const result: SarifResult = {
    ruleId: c.ruleId,
    ruleIndex: c.ruleIndex,
    level: c.level,
    message: { text: c.message },
    locations: (c.lines.length > 0 ? c.lines : NO_LINES).map((line) => {
      const missing = line.startLine === 0 && line.endLine === 0;
      return {
        physicalLocation: {
          artifactLocation: { uri: c.uri, uriBaseId: 'ROOTPATH' },
          region: { startLine: missing ? 1 : line.startLine, startColumn: 1, endLine: missing ? 1 : line.endLine, endColumn: 1 },
        },
        message: { text: c.locationMessage },
      };
    }),
  };
  if (c.suppression !== undefined) result.suppressions = [{ kind: 'external', status: 'accepted', justification: c.suppression }];
  return result;
}

/** `JSON.stringify(resultObject(c))`, field for field. */
function resultText(c: SarifResultContent): string {
  const lines = c.lines.length > 0 ? c.lines : NO_LINES;
  const tail = `}},"message":{"text":${json(c.locationMessage)}}}`;
  const head = `{"physicalLocation":{"artifactLocation":{"uri":${json(c.uri)},"uriBaseId":"ROOTPATH"},"region":{"startLine":`;
  let locations = '';
  for (const line of lines) {
    const missing = line.startLine === 0 && line.endLine === 0;
    locations += `${locations ? ',' : ''}${head}${missing ? 1 : json(line.startLine)},"startColumn":1,"endLine":${missing ? 1 : json(line.endLine)},"endColumn":1${tail}`;
  }
  const suppressions =
    c.suppression === undefined ? '' : `,"suppressions":[{"kind":"external","status":"accepted","justification":${json(c.suppression)}}]`;
  return `{"ruleId":${json(c.ruleId)},"ruleIndex":${c.ruleIndex},"level":"${c.level}","message":{"text":${json(c.message)}},"locations":[${locations}]${suppressions}}`;
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

/** The rule of a finding: made only for the occurrence whose rule is written (the last of its id). */
function sarifRule(finding: Finding): SarifRuleContent {
  const result = finding.result;
  const severity = finding.severity;
  const nominal = SEVERITY_SCORE[severity];
  const rule = (
    id: string,
    kind: string,
    short: string,
    full: string,
    helpUri: string,
    help: SarifRuleContent['help'],
    score: string,
  ): SarifRuleContent => ({
    id,
    name: (Object.hasOwn(RULE_NAMES, result.Class ?? '') ? RULE_NAMES[result.Class ?? ''] : undefined) ?? 'UnknownIssue',
    kind,
    short,
    full,
    helpUri: uriString(helpUri),
    help,
    level: sarifLevel(severity),
    severityText: severityText(finding),
    score,
  });
  if (finding.misconfiguration) {
    const m = finding.misconfiguration;
    const link = `[${m.ID}](${m.PrimaryURL ?? ''})`;
    return rule(
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
    );
  }
  if (finding.secret) {
    const s = finding.secret;
    const title = s.Title ?? '';
    const match = s.Match ?? '';
    return rule(
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
    );
  }
  if (finding.license) {
    const l = finding.license;
    const description = `${l.Name} in ${l.PkgName ?? ''}`;
    return rule(
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
    );
  }
  const v = finding.vulnerability as TrivyVulnerability;
  const description = v.Description ?? '';
  const link = `[${finding.id}](${v.PrimaryURL ?? ''})`;
  const cvss = v.SeveritySource ? v.CVSS?.[v.SeveritySource] : undefined;
  const made = rule(
    finding.id,
    'vulnerability',
    v.Title ?? '',
    description || (v.Title ?? ''),
    v.PrimaryURL ?? '',
    {
      text: `Vulnerability ${finding.id}\nSeverity: ${v.Severity}\nPackage: ${finding.pkgName}\nFixed Version: ${finding.fixedVersion}\nLink: ${link}\n${description}`,
      markdown: `**Vulnerability ${finding.id}**\n| Severity | Package | Fixed Version | Link |\n| --- | --- | --- | --- |\n|${v.Severity}|${finding.pkgName}|${finding.fixedVersion}|${link}|\n\n${description}`,
    },
    // The score prefers CVSS v3 of the severity source over the severity's nominal score.
    cvss?.V3Score ? cvss.V3Score.toFixed(1) : nominal,
  );
  if (cvss) made.cvss = cvss;
  return made;
}

/** What one finding's result says and where it points. */
function sarifWhere(finding: Finding, packageLines: Map<string, { startLine: number; endLine: number }[]>): SarifWhere {
  const result = finding.result;
  if (finding.misconfiguration) {
    const m = finding.misconfiguration;
    const uri = clearUri(result.Target);
    const link = `[${m.ID}](${m.PrimaryURL ?? ''})`;
    return {
      message: `Artifact: ${uri}\nType: ${result.Type ?? ''}\nVulnerability ${m.ID}\nSeverity: ${m.Severity}\nMessage: ${m.Message ?? ''}\nLink: ${link}`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.secret) {
    const s = finding.secret;
    const uri = toPathUri(result.Target, result.Class);
    return {
      message: `Artifact: ${result.Target}\nType: ${result.Type ?? ''}\nSecret ${s.Title ?? ''}\nSeverity: ${s.Severity}\nMatch: ${s.Match ?? ''}`,
      uri,
      locationMessage: uri,
      lines: [{ startLine: finding.startLine, endLine: finding.endLine }],
    };
  }
  if (finding.license) {
    const l = finding.license;
    return {
      message: `Artifact: ${result.Target}\nLicense ${l.Name}\nPkgName: ${l.PkgName ?? ''}\n Classification: ${l.Category ?? ''}\n Path: ${l.FilePath ?? ''}`,
      uri: toPathUri(result.Target, result.Class),
      // Trivy gives license results no location message.
      locationMessage: '',
      lines: finding.startLine || finding.endLine ? [{ startLine: finding.startLine, endLine: finding.endLine }] : [],
    };
  }
  const v = finding.vulnerability as TrivyVulnerability;
  const path = v.PkgPath ? toPathUri(v.PkgPath, result.Class) : toPathUri(finding.target, result.Class);
  return {
    message: `Package: ${finding.pkgName}\nInstalled Version: ${finding.installedVersion}\nVulnerability ${finding.id}\nSeverity: ${v.Severity}\nFixed Version: ${finding.fixedVersion}\nLink: [${finding.id}](${v.PrimaryURL ?? ''})`,
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

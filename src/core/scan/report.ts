import { FileError } from '../errors.js';
import { type FieldSpec, fieldTypeError, LIST_FIELDS, REPORT_FIELDS, RESULT_FIELDS } from './report-fields.js';
import { parseSeverity, SEVERITIES, type Severity } from './severity.js';

/** The parts of Trivy's JSON report (SchemaVersion 2) that we read. Unknown fields are kept untouched. */
export interface TrivyCvss {
  V2Vector?: string;
  V3Vector?: string;
  V40Vector?: string;
  V2Score?: number;
  V3Score?: number;
  V40Score?: number;
}

export interface TrivyVulnerability {
  VulnerabilityID: string;
  PkgID?: string;
  PkgName: string;
  PkgPath?: string;
  PkgIdentifier?: { PURL?: string; UID?: string; BOMRef?: string };
  InstalledVersion: string;
  FixedVersion?: string;
  Status?: string;
  SeveritySource?: string;
  PrimaryURL?: string;
  Title?: string;
  Description?: string;
  Severity: string;
  CweIDs?: string[];
  CVSS?: Record<string, TrivyCvss>;
  /** Severity per source, 0 (unknown) to 4 (critical). */
  VendorSeverity?: Record<string, number>;
  DataSource?: { ID: string; Name?: string; URL?: string };
  References?: string[];
  PublishedDate?: string;
  LastModifiedDate?: string;
}

export interface TrivyPackage {
  ID?: string;
  Name: string;
  Version?: string;
  Identifier?: { PURL?: string; UID?: string; BOMRef?: string };
  Licenses?: string[];
  Locations?: { StartLine?: number; EndLine?: number }[];
  DependsOn?: string[];
  Relationship?: string;
}

export interface TrivyMisconfiguration {
  Type?: string;
  ID: string;
  AVDID?: string;
  Title?: string;
  Description?: string;
  Message?: string;
  Resolution?: string;
  Severity: string;
  PrimaryURL?: string;
  References?: string[];
  /** FAIL, PASS or EXCEPTION; only FAIL is a finding (as `trivy --exit-code` counts them). */
  Status?: string;
  CauseMetadata?: { Resource?: string; Provider?: string; Service?: string; StartLine?: number; EndLine?: number };
}

export interface TrivySecret {
  RuleID: string;
  Category?: string;
  Severity: string;
  Title?: string;
  StartLine?: number;
  EndLine?: number;
  /** Trivy masks the secret itself with asterisks; nothing here is the secret. */
  Match?: string;
}

export interface TrivyLicense {
  Severity: string;
  Category?: string;
  PkgName?: string;
  FilePath?: string;
  Name: string;
  Confidence?: number;
  Link?: string;
}

export interface TrivyResult {
  Target: string;
  Class?: string;
  Type?: string;
  Packages?: TrivyPackage[];
  Vulnerabilities?: TrivyVulnerability[];
  Misconfigurations?: TrivyMisconfiguration[];
  Secrets?: TrivySecret[];
  Licenses?: TrivyLicense[];
}

export interface TrivyReport {
  SchemaVersion: number;
  Trivy?: { Version?: string };
  CreatedAt?: string;
  ArtifactName: string;
  ArtifactType?: string;
  Metadata?: {
    OS?: { Family?: string; Name?: string };
    ImageID?: string;
    RepoTags?: string[] | null;
    RepoDigests?: string[] | null;
    [key: string]: unknown;
  };
  Results?: TrivyResult[];
}

/** The four kinds of finding Trivy reports; each is counted, gated and rendered. */
export const FINDING_CLASSES = ['vulnerability', 'misconfiguration', 'secret', 'license'] as const;
export type FindingClass = (typeof FINDING_CLASSES)[number];

/** One finding in one target (a vulnerability in a package, a failed check, a leaked secret, a license), severity validated. */
export interface Finding {
  /** Stable across scans of new builds, and includes where it is: what a baseline matches on. */
  key: string;
  /** The key without the target: a baseline matched this way lets a finding move (policy `baseline-match: id`). */
  movableKey: string;
  class: FindingClass;
  /** CVE/GHSA id, check id, secret rule id or license name. */
  id: string;
  /** Other ids an ignore entry may use (a check's AVD id). */
  aliases: string[];
  severity: Severity;
  /** The package (vulnerabilities, licenses); '' for checks and secrets. */
  pkgName: string;
  installedVersion: string;
  fixedVersion: string;
  target: string;
  title: string;
  url: string;
  /** 1-based lines in the target, where Trivy gives them (checks, secrets). */
  startLine: number;
  endLine: number;
  result: TrivyResult;
  vulnerability?: TrivyVulnerability;
  misconfiguration?: TrivyMisconfiguration;
  secret?: TrivySecret;
  license?: TrivyLicense;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const EXACT_SEVERITIES = new Set<string>(SEVERITIES);

/** Each list of findings in a result, with the fields a finding of it cannot do without. */
const LISTS: [string, string[]][] = [
  ['Vulnerabilities', ['VulnerabilityID', 'PkgName']],
  ['Misconfigurations', ['ID']],
  ['Secrets', ['RuleID']],
  ['Licenses', ['Name']],
];

/**
 * Parses and checks a Trivy JSON report. Anything else (a SARIF file, a CycloneDX SBOM, an
 * older schema, truncated JSON) is refused with a message that says what was found.
 */
export function parseTrivyReport(text: string, file: string): TrivyReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FileError(file, `is not JSON (${(error as Error).message}); expected a Trivy JSON report (trivy --format json)`);
  }
  if (!isObject(data) || !('SchemaVersion' in data)) {
    const hint =
      isObject(data) && ('runs' in data || 'bomFormat' in data || 'spdxVersion' in data) ? ' (it looks like SARIF or an SBOM)' : '';
    throw new FileError(file, `is not a Trivy JSON report${hint}: no SchemaVersion field; produce one with 'trivy --format json'`);
  }
  if (data.SchemaVersion !== 2) {
    throw new FileError(file, `has Trivy SchemaVersion ${JSON.stringify(data.SchemaVersion)}; only SchemaVersion 2 is supported`);
  }
  if (typeof data.ArtifactName !== 'string') {
    throw new FileError(file, 'is not a Trivy JSON report: ArtifactName is missing');
  }
  const results = data.Results ?? [];
  if (!Array.isArray(results)) throw new FileError(file, 'is not a Trivy JSON report: Results is not an array');
  // `where` is a function: its text is made only for the report that is refused.
  const typed = (where: () => string, item: Record<string, unknown>, spec: FieldSpec) => {
    const problem = fieldTypeError(item, spec);
    if (problem === undefined) return;
    const field = `${where()}${problem.path}`.replace(/^\./, '');
    throw new FileError(file, `${field} is ${problem.found}; expected ${problem.expected}, as Trivy writes it`);
  };
  typed(() => '', data, REPORT_FIELDS);
  results.forEach((result: unknown, index) => {
    if (!isObject(result) || typeof result.Target !== 'string') {
      throw new FileError(file, `Results[${index}] has no Target`);
    }
    typed(() => `Results[${index}]`, result, RESULT_FIELDS);
    for (const [field, required] of LISTS) {
      const list = result[field] ?? [];
      if (!Array.isArray(list)) throw new FileError(file, `Results[${index}].${field} is not an array`);
      const [first, second] = required as [string, string | undefined];
      for (let position = 0; position < list.length; position++) {
        const item: unknown = list[position];
        const where = () => `Results[${index}].${field}[${position}]`;
        if (!isObject(item) || typeof item[first] !== 'string' || (second !== undefined && typeof item[second] !== 'string')) {
          throw new FileError(file, `${where()} lacks ${required.join(' or ')}`);
        }
        const severity = item.Severity;
        // Exact spellings first: a report of 20,000 findings is checked on every run.
        if (typeof severity !== 'string' || (!EXACT_SEVERITIES.has(severity) && !parseSeverity(severity))) {
          throw new FileError(
            file,
            `${where()} (${String(item[first])}) has severity ${JSON.stringify(severity)}; expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL`,
          );
        }
        typed(where, item, LIST_FIELDS[field] as FieldSpec);
      }
    }
    // The package list (--list-all-pkgs) names what the SBOMs list: a package without a name is no component.
    const packages = result.Packages ?? [];
    if (!Array.isArray(packages)) throw new FileError(file, `Results[${index}].Packages is not an array`);
    for (let position = 0; position < packages.length; position++) {
      const pkg: unknown = packages[position];
      if (!isObject(pkg) || typeof pkg.Name !== 'string') throw new FileError(file, `Results[${index}].Packages[${position}] lacks Name`);
      typed(() => `Results[${index}].Packages[${position}]`, pkg, LIST_FIELDS.Packages as FieldSpec);
    }
  });
  return data as unknown as TrivyReport;
}

/**
 * Where a finding is, as far as a baseline cares: OS packages are one place whatever the image
 * is called this build (`repo:1.4.3 (debian 12)` becomes `os-pkgs`); a lock file, Dockerfile or
 * jar path is itself.
 */
export function findingPlace(result: TrivyResult): string {
  return result.Class === 'os-pkgs' ? 'os-pkgs' : result.Target;
}

/** The key a finding keeps while its image is rebuilt: the installed version and image name may change, the place may not. */
export function findingKey(place: string, id: string, pkgName: string, pkgPath = ''): string {
  // One flat string (a template makes a tree of concatenations): every finding keeps two keys.
  return [place, id, pkgName, pkgPath].join('|');
}

export interface FindingsOptions {
  /** Checks that passed (Trivy's `--include-non-failures`): rendered in SARIF as Trivy does, never counted. */
  includePassed?: boolean;
}

/**
 * Every finding of every result, in Trivy's order: per result its vulnerabilities, then checks,
 * secrets and licenses (the order `trivy --format sarif` writes them in).
 */
export function findings(report: TrivyReport, options: FindingsOptions = {}): Finding[] {
  // Every renderer asks; a report is read-only once parsed, so one list per report serves them all.
  const cache = options.includePassed ? WITH_PASSED : FAILED_ONLY;
  const cached = cache.get(report);
  if (cached) return cached;
  const list = collectFindings(report, options);
  cache.set(report, list);
  // Without passed checks both lists are the same: one list, not two copies of 20,000 findings.
  if (!(report.Results ?? []).some((result) => (result.Misconfigurations ?? []).some((m) => (m.Status ?? 'FAIL') !== 'FAIL')))
    (options.includePassed ? FAILED_ONLY : WITH_PASSED).set(report, list);
  return list;
}

const WITH_PASSED = new WeakMap<TrivyReport, Finding[]>();
const FAILED_ONLY = new WeakMap<TrivyReport, Finding[]>();

/** The report's spelling when exact (nearly always), else the normalised one. */
function severityOf(severity: string): Severity {
  return (EXACT_SEVERITIES.has(severity) ? severity : (parseSeverity(severity) ?? 'UNKNOWN')) as Severity;
}

/** Shared by every finding without other ids (never written to). */
// Shared by every finding without aliases: frozen, so a caller that pushed to it would fail loudly.
const NO_ALIASES = Object.freeze([]) as unknown as string[];

function collectFindings(report: TrivyReport, options: FindingsOptions): Finding[] {
  const out: Finding[] = [];
  // Built as literals with the fields in one order (no spread of a shared base): 20,000 of them per report.
  for (const result of report.Results ?? []) {
    const place = findingPlace(result);
    const target = result.Target;
    // The movable key is the key without its place: a slice of it, not a second string.
    const push = (finding: Finding) => {
      finding.movableKey = finding.key.slice(place.length);
      out.push(finding);
    };
    for (const vulnerability of result.Vulnerabilities ?? []) {
      const id = vulnerability.VulnerabilityID;
      const pkgName = vulnerability.PkgName;
      const pkgPath = vulnerability.PkgPath ?? '';
      push({
        key: findingKey(place, id, pkgName, pkgPath),
        movableKey: '',
        class: 'vulnerability',
        id,
        severity: severityOf(vulnerability.Severity),
        target,
        result,
        aliases: NO_ALIASES,
        pkgName,
        installedVersion: vulnerability.InstalledVersion ?? '',
        fixedVersion: vulnerability.FixedVersion ?? '',
        title: vulnerability.Title ?? '',
        url: vulnerability.PrimaryURL ?? '',
        startLine: 0,
        endLine: 0,
        vulnerability,
      });
    }
    for (const misconfiguration of result.Misconfigurations ?? []) {
      if (!options.includePassed && (misconfiguration.Status ?? 'FAIL') !== 'FAIL') continue;
      const id = misconfiguration.ID;
      push({
        key: findingKey(place, `misconfiguration:${id}`, '', ''),
        movableKey: '',
        class: 'misconfiguration',
        id,
        severity: severityOf(misconfiguration.Severity),
        target,
        result,
        aliases: misconfiguration.AVDID && misconfiguration.AVDID !== id ? [misconfiguration.AVDID] : [],
        pkgName: '',
        installedVersion: '',
        fixedVersion: '',
        title: misconfiguration.Title ?? '',
        url: misconfiguration.PrimaryURL ?? '',
        startLine: misconfiguration.CauseMetadata?.StartLine ?? 0,
        endLine: misconfiguration.CauseMetadata?.EndLine ?? 0,
        misconfiguration,
      });
    }
    for (const secret of result.Secrets ?? []) {
      const id = secret.RuleID;
      push({
        key: findingKey(place, `secret:${id}`, '', ''),
        movableKey: '',
        class: 'secret',
        id,
        severity: severityOf(secret.Severity),
        target,
        result,
        aliases: NO_ALIASES,
        pkgName: '',
        installedVersion: '',
        fixedVersion: '',
        title: secret.Title ?? id,
        url: '',
        startLine: secret.StartLine ?? 0,
        endLine: secret.EndLine ?? 0,
        secret,
      });
    }
    for (const license of result.Licenses ?? []) {
      const id = license.Name;
      const pkgName = license.PkgName ?? '';
      push({
        key: findingKey(place, `license:${id}`, pkgName, license.FilePath ?? ''),
        movableKey: '',
        class: 'license',
        id,
        severity: severityOf(license.Severity),
        target,
        result,
        aliases: NO_ALIASES,
        pkgName,
        installedVersion: '',
        fixedVersion: '',
        title: `${id} in ${pkgName}`,
        url: license.Link ?? '',
        startLine: 0,
        endLine: 0,
        license,
      });
    }
  }
  return out;
}

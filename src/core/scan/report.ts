import { FileError } from '../errors.js';
import { parseSeverity, type Severity } from './severity.js';

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
  Locations?: { StartLine: number; EndLine: number }[];
}

export interface TrivyResult {
  Target: string;
  Class?: string;
  Type?: string;
  Packages?: TrivyPackage[];
  Vulnerabilities?: TrivyVulnerability[];
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

/** One vulnerability in one package of one target, with the severity already validated. */
export interface Finding {
  /** Stable across scans of new builds: what a baseline and an ignore entry match on. */
  key: string;
  id: string;
  severity: Severity;
  pkgName: string;
  installedVersion: string;
  fixedVersion: string;
  target: string;
  vulnerability: TrivyVulnerability;
  result: TrivyResult;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
  results.forEach((result: unknown, index) => {
    if (!isObject(result) || typeof result.Target !== 'string') {
      throw new FileError(file, `Results[${index}] has no Target`);
    }
    const vulnerabilities = result.Vulnerabilities ?? [];
    if (!Array.isArray(vulnerabilities)) throw new FileError(file, `Results[${index}].Vulnerabilities is not an array`);
    vulnerabilities.forEach((vulnerability: unknown, position) => {
      const where = `Results[${index}].Vulnerabilities[${position}]`;
      if (!isObject(vulnerability) || typeof vulnerability.VulnerabilityID !== 'string' || typeof vulnerability.PkgName !== 'string') {
        throw new FileError(file, `${where} lacks VulnerabilityID or PkgName`);
      }
      if (typeof vulnerability.Severity !== 'string' || !parseSeverity(vulnerability.Severity)) {
        throw new FileError(
          file,
          `${where} (${vulnerability.VulnerabilityID}) has severity ${JSON.stringify(vulnerability.Severity)}; expected one of UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL`,
        );
      }
    });
  });
  return data as unknown as TrivyReport;
}

/** The key a finding keeps while its image is rebuilt: the installed version and target name may change. */
export function findingKey(id: string, pkgName: string, pkgPath = ''): string {
  return `${id}|${pkgName}|${pkgPath}`;
}

/** Every vulnerability of every result, in report order. */
export function findings(report: TrivyReport): Finding[] {
  const out: Finding[] = [];
  for (const result of report.Results ?? []) {
    for (const vulnerability of result.Vulnerabilities ?? []) {
      out.push({
        key: findingKey(vulnerability.VulnerabilityID, vulnerability.PkgName, vulnerability.PkgPath),
        id: vulnerability.VulnerabilityID,
        severity: parseSeverity(vulnerability.Severity) ?? 'UNKNOWN',
        pkgName: vulnerability.PkgName,
        installedVersion: vulnerability.InstalledVersion ?? '',
        fixedVersion: vulnerability.FixedVersion ?? '',
        target: result.Target,
        vulnerability,
        result,
      });
    }
  }
  return out;
}

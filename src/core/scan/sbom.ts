import { createHash } from 'node:crypto';
import type { TrivyReport } from './report.js';
import { findings as allFindings } from './report.js';

export type SbomFormat = 'cyclonedx' | 'spdx';

/** A package of the scanned artifact, whichever part of the report it came from. */
export interface SbomPackage {
  ref: string;
  name: string;
  version: string;
  purl?: string;
  licenses: string[];
  target: string;
}

/**
 * The packages of the report: Results[].Packages when Trivy listed them (`--list-all-pkgs`,
 * which our scan passes), otherwise the packages named by vulnerabilities. Deduplicated.
 */
export function sbomPackages(report: TrivyReport): SbomPackage[] {
  const byRef = new Map<string, SbomPackage>();
  const add = (target: string, name: string, version: string, purl: string | undefined, licenses: string[] = []) => {
    const ref = purl ?? `${target}:${name}@${version}`;
    if (!byRef.has(ref)) byRef.set(ref, { ref, name, version, ...(purl ? { purl } : {}), licenses, target });
  };
  for (const result of report.Results ?? []) {
    for (const pkg of result.Packages ?? []) add(result.Target, pkg.Name, pkg.Version ?? '', pkg.Identifier?.PURL, pkg.Licenses);
  }
  for (const finding of allFindings(report)) {
    add(finding.target, finding.pkgName, finding.installedVersion, finding.vulnerability.PkgIdentifier?.PURL);
  }
  return [...byRef.values()];
}

/** A UUID derived from the report, so rendering the same report twice gives the same document. */
function reportUuid(report: TrivyReport, salt: string): string {
  const hex = createHash('sha256')
    .update([salt, report.ArtifactName, report.CreatedAt ?? '', (report as { ReportID?: string }).ReportID ?? ''].join('\0'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function timestamp(report: TrivyReport, now: Date | undefined): string {
  const parsed = report.CreatedAt ? new Date(report.CreatedAt) : undefined;
  const date = parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** CycloneDX 1.5 JSON with components and the vulnerabilities that affect them (GitLab's `cyclonedx` report reads it). */
export function renderCycloneDx(report: TrivyReport, now?: Date): Record<string, unknown> {
  const packages = sbomPackages(report);
  const refs = new Map(packages.map((pkg) => [pkg.ref, pkg.ref]));
  const isImage = report.ArtifactType === 'container_image';
  const vulnerabilities = new Map<
    string,
    { id: string; source?: { url: string }; ratings: unknown[]; affects: { ref: string }[]; description?: string; recommendation?: string }
  >();
  for (const finding of allFindings(report)) {
    const purl = finding.vulnerability.PkgIdentifier?.PURL;
    const ref = refs.get(purl ?? `${finding.target}:${finding.pkgName}@${finding.installedVersion}`) ?? '';
    let entry = vulnerabilities.get(finding.id);
    if (!entry) {
      entry = {
        id: finding.id,
        ...(finding.vulnerability.PrimaryURL ? { source: { url: finding.vulnerability.PrimaryURL } } : {}),
        ratings: [
          {
            severity: finding.severity.toLowerCase(),
            method: 'other',
            ...(finding.vulnerability.SeveritySource ? { source: { name: finding.vulnerability.SeveritySource } } : {}),
          },
        ],
        affects: [],
        ...(finding.vulnerability.Description ? { description: finding.vulnerability.Description } : {}),
      };
      vulnerabilities.set(finding.id, entry);
    }
    if (!entry.affects.some((affect) => affect.ref === ref)) entry.affects.push({ ref });
  }
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${reportUuid(report, 'cyclonedx')}`,
    version: 1,
    metadata: {
      timestamp: timestamp(report, now),
      tools: { components: [{ type: 'application', group: 'aquasecurity', name: 'trivy', version: report.Trivy?.Version ?? 'unknown' }] },
      component: { 'bom-ref': 'root', type: isImage ? 'container' : 'application', name: report.ArtifactName },
    },
    components: packages.map((pkg) => ({
      'bom-ref': pkg.ref,
      type: 'library',
      name: pkg.name,
      version: pkg.version,
      ...(pkg.purl ? { purl: pkg.purl } : {}),
      ...(pkg.licenses.length > 0 ? { licenses: pkg.licenses.map((name) => ({ license: { name } })) } : {}),
    })),
    dependencies: [{ ref: 'root', dependsOn: packages.map((pkg) => pkg.ref) }],
    vulnerabilities: [...vulnerabilities.values()],
  };
}

/** SPDX 2.3 JSON: the artifact as the described package, each package contained in it. */
export function renderSpdx(report: TrivyReport, now?: Date): Record<string, unknown> {
  const packages = sbomPackages(report);
  const spdxId = (index: number) => `SPDXRef-Package-${index + 1}`;
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: report.ArtifactName,
    documentNamespace: `https://aegis-actions.invalid/spdx/${encodeURIComponent(report.ArtifactName)}-${reportUuid(report, 'spdx')}`,
    creationInfo: {
      created: timestamp(report, now),
      creators: [`Tool: trivy-${report.Trivy?.Version ?? 'unknown'}`, 'Tool: aegis-actions'],
    },
    packages: [
      {
        SPDXID: 'SPDXRef-Artifact',
        name: report.ArtifactName,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: report.ArtifactType === 'container_image' ? 'CONTAINER' : 'SOURCE',
      },
      ...packages.map((pkg, index) => ({
        SPDXID: spdxId(index),
        name: pkg.name,
        versionInfo: pkg.version,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        licenseConcluded: 'NOASSERTION',
        // Trivy's license names are not always SPDX expressions; they are recorded, not asserted.
        licenseDeclared: 'NOASSERTION',
        ...(pkg.licenses.length > 0 ? { licenseComments: `Reported by Trivy: ${pkg.licenses.join(', ')}` } : {}),
        ...(pkg.purl
          ? { externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: pkg.purl }] }
          : {}),
      })),
    ],
    relationships: [
      { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Artifact' },
      ...packages.map((_, index) => ({
        spdxElementId: 'SPDXRef-Artifact',
        relationshipType: 'CONTAINS',
        relatedSpdxElement: spdxId(index),
      })),
    ],
  };
}

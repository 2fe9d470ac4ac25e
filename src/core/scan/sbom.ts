import { createHash } from 'node:crypto';
import spdxLicenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import { findingText } from './finding-text.js';
import { collect, escapeText, json, listSlot, type TextSink, writeDocument } from './json-text.js';
import type { Finding, TrivyCvss, TrivyPackage, TrivyReport, TrivyResult, TrivyVulnerability } from './report.js';
import { findings as allFindings } from './report.js';

export type SbomFormat = 'cyclonedx' | 'spdx';

/** A package of the scanned artifact, whichever part of the report it came from. */
export interface SbomPackage {
  ref: string;
  name: string;
  version: string;
  purl?: string;
  /** Trivy's package id (`name@version`), what `DependsOn` names. */
  pkgId: string;
  licenses: string[];
  target: string;
  /** The ref of the target (lock file, OS) component the package belongs to. */
  targetRef: string;
  dependsOn: string[];
  /** Trivy's `Relationship` (direct, indirect…), where the report has it. */
  relationship?: string;
}

export interface SbomContent {
  packages: SbomPackage[];
  /** One component per result that lists packages: the OS or the lock file / language target. */
  targets: { ref: string; result: TrivyResult }[];
  /**
   * Set when the report carries no package list (Trivy's JSON without `--list-all-pkgs`):
   * only packages named by findings are known, so the SBOM is partial and says so.
   */
  partial?: string;
}

const SPDX_IDS = new Map((spdxLicenseIds as string[]).map((id) => [id.toLowerCase(), id]));
const TIME_LAYOUT = (date: Date) => `${date.toISOString().slice(0, 19)}+00:00`;

/** Why an SBOM from this report would be partial, or undefined when the report lists its packages. */
export function partialReason(report: TrivyReport): string | undefined {
  const results = report.Results ?? [];
  const withPackages = results.some((result) => (result.Packages ?? []).length > 0);
  const withVulnerabilities = results.some((result) => (result.Vulnerabilities ?? []).length > 0);
  if (withPackages || !withVulnerabilities) return undefined;
  return 'the Trivy report has no package list (it was made without --list-all-pkgs), so only the packages with vulnerabilities are listed';
}

/**
 * The packages of the report: Results[].Packages when Trivy listed them (`--list-all-pkgs`,
 * which our scan passes), otherwise the packages named by vulnerabilities. Deduplicated.
 */
export function sbomContent(report: TrivyReport): SbomContent {
  // Both SBOMs ask; a report is read-only once parsed, so one content per report serves them.
  let content = SBOM_CONTENTS.get(report);
  if (!content) {
    content = collectSbomContent(report);
    SBOM_CONTENTS.set(report, content);
  }
  return content;
}

const SBOM_CONTENTS = new WeakMap<TrivyReport, SbomContent>();
/** One empty list for every package without licenses or dependencies (20,000 arrays fewer). */
// Shared by every package without licenses or dependencies: frozen, so a caller that pushed to it would fail loudly.
const NONE = Object.freeze([]) as unknown as string[];

function collectSbomContent(report: TrivyReport): SbomContent {
  const byRef = new Map<string, SbomPackage>();
  const targets: SbomContent['targets'] = [];
  (report.Results ?? []).forEach((result, index) => {
    const listedPackages = result.Packages ?? [];
    const vulnerabilities = result.Vulnerabilities ?? [];
    if (listedPackages.length === 0 && vulnerabilities.length === 0) return;
    const targetRef = uuid(report, `target:${index}:${result.Target}`);
    targets.push({ ref: targetRef, result });
    const add = (pkg: TrivyPackage, purl: string | undefined) => {
      const version = pkg.Version ?? '';
      const ref = purl ?? `${result.Target}:${pkg.Name}@${version}`;
      if (byRef.has(ref)) return;
      const made: SbomPackage = {
        ref,
        name: pkg.Name,
        version,
        pkgId: pkg.ID ?? `${pkg.Name}@${version}`,
        licenses: pkg.Licenses ?? NONE,
        target: result.Target,
        targetRef,
        dependsOn: pkg.DependsOn ?? NONE,
      };
      if (purl) made.purl = purl;
      if (pkg.Relationship) made.relationship = pkg.Relationship;
      byRef.set(ref, made);
    };
    const listed = new Set<string>();
    for (const pkg of listedPackages) {
      listed.add(`${pkg.Name}@${pkg.Version ?? ''}`);
    }
    // The listed packages first, then those only vulnerabilities name (each once).
    for (const pkg of listedPackages) add(pkg, pkg.Identifier?.PURL || undefined);
    for (const vulnerability of vulnerabilities) {
      const id = `${vulnerability.PkgName}@${vulnerability.InstalledVersion}`;
      if (listed.has(id)) continue;
      listed.add(id);
      add(
        { ID: vulnerability.PkgID, Name: vulnerability.PkgName, Version: vulnerability.InstalledVersion } as TrivyPackage,
        vulnerability.PkgIdentifier?.PURL || undefined,
      );
    }
  });
  const partial = partialReason(report);
  return { packages: [...byRef.values()], targets, ...(partial ? { partial } : {}) };
}

/** A UUID derived from the report, so rendering the same report twice gives the same document. */
function uuid(report: TrivyReport, salt: string): string {
  const hex = createHash('sha256')
    .update([salt, report.ArtifactName, report.CreatedAt ?? '', (report as { ReportID?: string }).ReportID ?? ''].join('\0'))
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function reportDate(report: TrivyReport, now: Date | undefined): Date {
  const parsed = report.CreatedAt ? new Date(report.CreatedAt) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : (now ?? new Date());
}

/** An SPDX license id (`{id}`), an SPDX expression (`{expression}`), or a name as Trivy found it (`{name}`). */
export function cycloneDxLicense(name: string): Record<string, unknown> {
  const id = SPDX_IDS.get(name.trim().toLowerCase());
  if (id) return { license: { id } };
  const parts = name.split(/\s+(?:AND|OR|WITH)\s+/);
  if (parts.length > 1 && parts.every((part) => SPDX_IDS.has(part.replace(/[()]/g, '').trim().toLowerCase()) || /exception/i.test(part)))
    return { expression: name };
  return { license: { name } };
}

const VENDOR_SEVERITY = ['unknown', 'low', 'medium', 'high', 'critical'];

/** Trivy's CycloneDX ratings: per source, a rating per CVSS version it has, else one with the severity only; sorted by source and method. */
type CdxRating = { source: { name: string }; score?: number; severity: string; method?: string; vector?: string };

export function cycloneDxRatings(v: TrivyVulnerability): Record<string, unknown>[] {
  const ratings: CdxRating[] = [];
  const vendors = v.VendorSeverity;
  if (vendors) {
    for (const source in vendors) addRatings(ratings, v, source, VENDOR_SEVERITY[vendors[source] as number] ?? 'unknown');
  } else if (v.SeveritySource) {
    // No per-source severities: the severity source's, as Trivy reads it (no object to loop over for one source).
    addRatings(ratings, v, v.SeveritySource, VENDOR_SEVERITY[VENDOR_SEVERITY.indexOf(v.Severity.toLowerCase())] ?? 'unknown');
  }
  if (ratings.length > 1) ratings.sort(compareRatings);
  return ratings as unknown as Record<string, unknown>[];
}

/** One source's ratings: one per CVSS version it has, else one with the severity only. */
function addRatings(ratings: CdxRating[], v: TrivyVulnerability, source: string, severity: string): void {
  const cvss: TrivyCvss | undefined = v.CVSS?.[source];
  if (!cvss) {
    ratings.push({ source: { name: source }, severity });
    return;
  }
  // Trivy keeps NVD's v3 severity only; the v2 one follows from the v2 score.
  if (cvss.V2Score || cvss.V2Vector)
    ratings.push(scored(source, cvss.V2Score, source === 'nvd' ? nvdV2Severity(cvss.V2Score ?? 0) : severity, 'CVSSv2', cvss.V2Vector));
  if (cvss.V3Score || cvss.V3Vector)
    ratings.push(scored(source, cvss.V3Score, severity, cvss.V3Vector?.startsWith('CVSS:3.1') ? 'CVSSv31' : 'CVSSv3', cvss.V3Vector));
  if (cvss.V40Score || cvss.V40Vector) ratings.push(scored(source, cvss.V40Score, severity, 'CVSSv4', cvss.V40Vector));
}

function scored(source: string, score: number | undefined, severity: string, method: string, vector: string | undefined): CdxRating {
  const rating: CdxRating = { source: { name: source }, score: score ?? 0, severity, method };
  if (vector) rating.vector = vector;
  return rating;
}

/** Go's sort order of Trivy's: source name, method, score, vector (byte order, not locale). */
function compareRatings(a: { source: { name: string }; score?: number; method?: string; vector?: string }, b: typeof a): number {
  if (a.source.name !== b.source.name) return a.source.name < b.source.name ? -1 : 1;
  const am = a.method ?? '';
  const bm = b.method ?? '';
  if (am !== bm) return am < bm ? -1 : 1;
  if (a.score !== undefined && b.score !== undefined && a.score !== b.score) return a.score - b.score;
  const av = a.vector ?? '';
  const bv = b.vector ?? '';
  return av < bv ? -1 : av > bv ? 1 : 0;
}

function nvdV2Severity(score: number): string {
  if (score < 4) return 'info';
  return score < 7 ? 'medium' : 'high';
}

function cwes(ids: string[] | undefined): number[] | undefined {
  if (!ids) return undefined;
  const out: number[] = [];
  for (const id of ids) {
    // A few CWE ids recur across thousands of vulnerabilities: each is read once.
    let number = CWE_NUMBERS.get(id);
    if (number === undefined) {
      number = Number.parseInt(id.toLowerCase().replace(/^cwe-/, ''), 10);
      if (CWE_NUMBERS.size > 10_000) CWE_NUMBERS.clear();
      CWE_NUMBERS.set(id, number);
    }
    if (Number.isInteger(number)) out.push(number);
  }
  return out;
}

const CWE_NUMBERS = new Map<string, number>();

/** `^[a-z][a-z0-9+.-]*://[^/\s]` (case-insensitive), without a regular expression per reference. */
function isUrlLike(text: string): boolean {
  const scheme = text.indexOf('://');
  if (scheme < 1) return false;
  for (let at = 0; at < scheme; at++) {
    const code = text.charCodeAt(at) | 0x20;
    const letter = code >= 0x61 && code <= 0x7a;
    const other = text.charCodeAt(at);
    if (!(letter || (at > 0 && ((other >= 0x30 && other <= 0x39) || other === 0x2b || other === 0x2e || other === 0x2d)))) return false;
  }
  const next = text.charAt(scheme + 3);
  return next !== '' && next !== '/' && !WHITESPACE.test(next);
}

const WHITESPACE = /\s/;

/** Trivy's advisories: the primary URL and references, deduplicated, each reduced to its first URL-like word. */
function advisories(v: TrivyVulnerability): string[] | undefined {
  // A handful of references each: a list is cheaper than a set.
  const seen: string[] = [v.PrimaryURL ?? ''];
  const out: string[] = [];
  for (let index = -1; index < (v.References?.length ?? 0); index++) {
    const ref = index < 0 ? (seen[0] as string) : (v.References?.[index] as string);
    if (index >= 0) {
      if (seen.includes(ref)) continue;
      seen.push(ref);
    }
    const url = ref.includes(' ') ? ref.split(' ').find(isUrlLike) : isUrlLike(ref) ? ref : undefined;
    if (url) out.push(url);
  }
  return out.length > 0 ? out : undefined;
}

const UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

function cdxTime(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // Trivy's dates are almost always whole seconds in UTC; only the others go through Date.
  if (UTC_SECONDS.test(value)) return `${value.slice(0, 19)}+00:00`;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : TIME_LAYOUT(date);
}

/**
 * CycloneDX 1.5 JSON in the shape of Trivy's own (`trivy --format cyclonedx`): the artifact,
 * each OS and lock-file target as a component, the packages with purls and SPDX license ids,
 * the dependency graph where the report has `DependsOn`, and the vulnerabilities with every
 * rating Trivy has. GitLab's `cyclonedx` report reads it.
 */
export function renderCycloneDx(report: TrivyReport, now?: Date): Record<string, unknown> {
  return JSON.parse(renderCycloneDxText(report, now)) as Record<string, unknown>;
}

/**
 * Writes the BOM as JSON text item by item; each package and vulnerability's text is composed
 * from its escaped fields directly, without an object tree to stringify.
 */
export function writeCycloneDx(out: TextSink, report: TrivyReport, now?: Date): void {
  const { envelope, components, dependencies, vulnerabilities } = cycloneDxParts(report, now);
  const slots = {
    components: listSlot('components'),
    dependencies: listSlot('dependencies'),
    vulnerabilities: listSlot('vulnerabilities'),
  };
  writeDocument(out, { ...envelope, ...slots }, { components, dependencies, vulnerabilities });
}

export function renderCycloneDxText(report: TrivyReport, now?: Date): string {
  return collect((out) => writeCycloneDx(out, report, now));
}

function dependencyText(ref: string, dependsOn: readonly string[]): string {
  return `{"ref":${json(ref)},"dependsOn":${dependsOn.length > 0 ? json(dependsOn) : '[]'}}`;
}

function componentText(pkg: SbomPackage): string {
  const ref = json(pkg.ref);
  // The purl is usually the bom-ref too: escaped once.
  const purl = pkg.purl ? `,"purl":${pkg.purl === pkg.ref ? ref : json(pkg.purl)}` : '';
  return `{"bom-ref":${ref},"type":"library","name":${json(pkg.name)}${pkg.version ? `,"version":"${escapeText(pkg.version)}"` : ''}${pkg.licenses.length > 0 ? `,"licenses":${json(licenseChoices(pkg.licenses))}` : ''}${purl},"properties":[{"name":"aquasecurity:trivy:PkgID","value":${json(pkg.pkgId)}}]}`;
}

/**
 * A vulnerability of the BOM from the findings of one id, as JSON text in Trivy's field order:
 * the first finding gives the details, all give the affected packages.
 */
function vulnerabilityText(group: readonly Finding[]): string {
  const finding = group[0] as Finding;
  const v = finding.vulnerability as TrivyVulnerability;
  const t = findingText(finding);
  let text = `{"id":"${t.id}"`;
  if (v.DataSource)
    text += `,"source":${json(v.DataSource.URL ? { name: v.DataSource.ID, url: v.DataSource.URL } : { name: v.DataSource.ID })}`;
  let ratings = '';
  for (const rating of cycloneDxRatings(v) as CdxRating[]) {
    ratings += `${ratings ? ',' : ''}{"source":{"name":${json(rating.source.name)}}${rating.score === undefined ? '' : `,"score":${json(rating.score)}`},"severity":${json(rating.severity)}${rating.method === undefined ? '' : `,"method":${json(rating.method)}`}${rating.vector === undefined ? '' : `,"vector":${json(rating.vector)}`}}`;
  }
  text += `,"ratings":[${ratings}]`;
  const cwe = cwes(v.CweIDs);
  if (cwe) text += `,"cwes":[${cwe.join(',')}]`;
  if (v.Description) text += `,"description":"${t.description}"`;
  if (finding.fixedVersion) text += `,"recommendation":"Upgrade ${t.pkgName} to version ${t.fixedVersion}"`;
  const advisory = advisories(v);
  if (advisory) {
    let list = '';
    for (const url of advisory) list += `${list ? ',' : ''}{"url":${json(url)}}`;
    text += `,"advisories":[${list}]`;
  }
  const published = cdxTime(v.PublishedDate);
  if (published) text += `,"published":${json(published)}`;
  const updated = cdxTime(v.LastModifiedDate);
  if (updated) text += `,"updated":${json(updated)}`;
  let affects = '';
  const refs: string[] = [];
  for (const other of group) {
    const ref = other.vulnerability?.PkgIdentifier?.PURL ?? `${other.target}:${other.pkgName}@${other.installedVersion}`;
    if (group.length > 1 && refs.includes(ref)) continue;
    refs.push(ref);
    affects += `${affects ? ',' : ''}{"ref":${json(ref)},"versions":[{"version":"${findingText(other).installedVersion}","status":"affected"}]}`;
  }
  return `${text},"affects":[${affects}]}`;
}

function cycloneDxParts(
  report: TrivyReport,
  now: Date | undefined,
): { envelope: Record<string, unknown>; components: Iterable<string>; dependencies: Iterable<string>; vulnerabilities: Iterable<string> } {
  const { packages, targets, partial } = sbomContent(report);
  const isImage = report.ArtifactType === 'container_image';
  const rootRef = uuid(report, 'root');
  // Only a report with a dependency graph needs packages by id.
  const byPkgId = new Map<string, SbomPackage[]>();
  const withDependencies = packages.some((pkg) => pkg.dependsOn.length > 0);
  for (const pkg of withDependencies ? packages : []) {
    const key = `${pkg.targetRef}|${pkg.pkgId}`;
    const list = byPkgId.get(key);
    if (list) list.push(pkg);
    else byPkgId.set(key, [pkg]);
  }

  // Grouped by id first (references only); each vulnerability is made when the writer asks for it.
  // Most ids name one finding: that finding itself, an array only for ids shared by several.
  const byId = new Map<string, Finding | Finding[]>();
  for (const finding of allFindings(report)) {
    if (!finding.vulnerability) continue;
    const group = byId.get(finding.id);
    if (group === undefined) byId.set(finding.id, finding);
    else if (Array.isArray(group)) group.push(finding);
    else byId.set(finding.id, [group, finding]);
  }

  const targetComponents = targets.map(({ ref, result }) => {
    const os = result.Class === 'os-pkgs';
    return {
      'bom-ref': ref,
      type: os ? 'operating-system' : 'application',
      name: os ? (report.Metadata?.OS?.Family ?? result.Type ?? result.Target) : result.Target,
      ...(os && report.Metadata?.OS?.Name ? { version: report.Metadata.OS.Name } : {}),
      properties: [
        { name: 'aquasecurity:trivy:Class', value: result.Class ?? '' },
        { name: 'aquasecurity:trivy:Type', value: result.Type ?? '' },
      ],
    };
  });
  function* dependencies(): Generator<string> {
    yield json({ ref: rootRef, dependsOn: targets.map((target) => target.ref) });
    for (const { ref } of targets) {
      const own = packages.filter((pkg) => pkg.targetRef === ref);
      const hasGraph = own.some((pkg) => pkg.dependsOn.length > 0 || pkg.relationship);
      // With a graph, the target depends on its direct packages only; without one, on all of them.
      let direct = own;
      if (hasGraph) {
        const dependedOn = new Set(own.flatMap((pkg) => pkg.dependsOn));
        direct = own.filter((pkg) => pkg.relationship === 'direct' || (!pkg.relationship && !dependedOn.has(pkg.pkgId)));
      }
      yield dependencyText(ref, direct.map((pkg) => pkg.ref).sort());
    }
    const none: string[] = [];
    for (const pkg of packages) {
      if (!withDependencies || pkg.dependsOn.length === 0) {
        yield dependencyText(pkg.ref, none);
        continue;
      }
      const refs = pkg.dependsOn.flatMap((id) => (byPkgId.get(`${pkg.targetRef}|${id}`) ?? []).map((dep) => dep.ref));
      yield dependencyText(pkg.ref, refs.length > 1 ? [...new Set(refs)].sort() : refs);
    }
  }

  const metadataProperties = [
    { name: 'aquasecurity:trivy:SchemaVersion', value: String(report.SchemaVersion) },
    ...(isImage && report.Metadata?.ImageID ? [{ name: 'aquasecurity:trivy:ImageID', value: report.Metadata.ImageID }] : []),
    ...(isImage ? (report.Metadata?.RepoDigests ?? []).map((value) => ({ name: 'aquasecurity:trivy:RepoDigest', value })) : []),
    ...(isImage ? (report.Metadata?.RepoTags ?? []).map((value) => ({ name: 'aquasecurity:trivy:RepoTag', value })) : []),
  ];
  const envelope = {
    $schema: 'http://cyclonedx.org/schema/bom-1.5.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${uuid(report, 'cyclonedx')}`,
    version: 1,
    metadata: {
      timestamp: TIME_LAYOUT(reportDate(report, now)),
      tools: {
        components: [
          {
            type: 'application',
            // Trivy (CycloneDX 1.6) also writes `manufacturer`, which 1.5 does not have.
            group: 'aquasecurity',
            name: 'trivy',
            version: report.Trivy?.Version ?? 'unknown',
          },
        ],
      },
      component: {
        'bom-ref': rootRef,
        type: isImage ? 'container' : 'application',
        name: report.ArtifactName,
        properties: metadataProperties,
      },
      ...(partial ? { properties: [{ name: 'aegis:sbom:partial', value: partial }] } : {}),
    },
  };
  function* components(): Generator<string> {
    for (const target of targetComponents) yield json(target);
    for (const pkg of packages) yield componentText(pkg);
  }
  function* vulnerabilityItems(): Generator<string> {
    for (const group of byId.values()) yield vulnerabilityText(Array.isArray(group) ? group : [group]);
  }
  return { envelope, components: components(), dependencies: dependencies(), vulnerabilities: vulnerabilityItems() };
}

/** CycloneDX 1.5 allows several licenses or exactly one expression per component. */
function licenseChoices(licenses: string[]): Record<string, unknown>[] {
  const choices = licenses.map(cycloneDxLicense);
  const expression = choices.find((choice) => 'expression' in choice);
  return expression ? [expression] : choices;
}

/** SPDX license id, `LicenseRef-` for anything else (SPDX 2.3 requires an expression there). */
function spdxLicense(licenses: string[]): { declared: string; comment?: string } {
  if (licenses.length === 0) return { declared: 'NOASSERTION' };
  const ids = licenses.map((name) => SPDX_IDS.get(name.trim().toLowerCase()));
  if (ids.every(Boolean)) return { declared: ids.length === 1 ? (ids[0] as string) : `(${ids.join(' AND ')})` };
  return { declared: 'NOASSERTION', comment: `Reported by Trivy: ${licenses.join(', ')}` };
}

/** SPDX 2.3 JSON: the artifact as the described package, each package contained in it. The document `writeSpdx` writes, read back. */
export function renderSpdx(report: TrivyReport, now?: Date): Record<string, unknown> {
  return JSON.parse(collect((out) => writeSpdx(out, report, now))) as Record<string, unknown>;
}

/** Writes the SPDX document as JSON text package by package. */
export function writeSpdx(out: TextSink, report: TrivyReport, now?: Date): void {
  const { envelope, packages, relationships } = spdxParts(report, now);
  writeDocument(
    out,
    { ...envelope, packages: listSlot('packages'), relationships: listSlot('relationships') },
    { packages, relationships },
  );
}

function spdxPackageText(spdxId: string, pkg: SbomPackage): string {
  const license = spdxLicense(pkg.licenses);
  return `{"SPDXID":"${spdxId}","name":${json(pkg.name)}${pkg.version ? `,"versionInfo":"${escapeText(pkg.version)}"` : ''},"downloadLocation":"NOASSERTION","filesAnalyzed":false,"licenseConcluded":"NOASSERTION","licenseDeclared":${json(license.declared)}${license.comment ? `,"licenseComments":${json(license.comment)}` : ''}${pkg.purl ? `,"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER","referenceType":"purl","referenceLocator":${json(pkg.purl)}}]` : ''}}`;
}

function spdxParts(
  report: TrivyReport,
  now: Date | undefined,
): { envelope: Record<string, unknown>; packages: Iterable<string>; relationships: Iterable<string> } {
  const { packages, partial } = sbomContent(report);
  const spdxId = (index: number) => `SPDXRef-Package-${index + 1}`;
  const envelope = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: report.ArtifactName,
    documentNamespace: `https://aegis-actions.invalid/spdx/${encodeURIComponent(report.ArtifactName.toWellFormed())}-${uuid(report, 'spdx')}`,
    creationInfo: {
      created: `${reportDate(report, now).toISOString().slice(0, 19)}Z`,
      creators: [`Tool: trivy-${report.Trivy?.Version ?? 'unknown'}`, 'Tool: aegis-actions'],
      ...(partial ? { comment: `Partial SBOM: ${partial}.` } : {}),
    },
  };
  function* spdxPackages(): Generator<string> {
    yield json({
      SPDXID: 'SPDXRef-Artifact',
      name: report.ArtifactName,
      downloadLocation: 'NOASSERTION',
      filesAnalyzed: false,
      primaryPackagePurpose: report.ArtifactType === 'container_image' ? 'CONTAINER' : 'SOURCE',
    });
    for (let index = 0; index < packages.length; index++) yield spdxPackageText(spdxId(index), packages[index] as SbomPackage);
  }
  function* spdxRelationships(): Generator<string> {
    yield json({ spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Artifact' });
    for (let index = 0; index < packages.length; index++)
      yield `{"spdxElementId":"SPDXRef-Artifact","relationshipType":"CONTAINS","relatedSpdxElement":"${spdxId(index)}"}`;
  }
  return { envelope, packages: spdxPackages(), relationships: spdxRelationships() };
}

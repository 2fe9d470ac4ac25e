import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseDuration } from '../../core/duration.js';
import { InputError } from '../../core/errors.js';
import { displayPath, resolveInside } from '../../core/paths.js';
import { type Baseline, baselineOf } from '../../core/scan/gate.js';
import { type IgnoreEntry, parseAnyIgnoreFile } from '../../core/scan/ignore.js';
import { type GateRules, type Policy, parsePolicy, parseThreshold, type Threshold } from '../../core/scan/policy.js';
import { findings, parseTrivyReport } from '../../core/scan/report.js';
import type { SbomFormat } from '../../core/scan/sbom.js';
import { parseSeverity, SEVERITIES, type Severity, severityRank } from '../../core/scan/severity.js';
import { COMPROMISED_TRIVY_VERSIONS, type ScanTarget } from '../../core/scan/trivy.js';
import type { InputReader } from '../inputs.js';
import { assertForgeRepository } from '../shared.js';

export const FORMATS = ['sarif', 'gitlab', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

export interface TrivySetup {
  /** An existing Trivy executable; when set nothing is downloaded. */
  binary?: string;
  version: string;
  sha256?: string;
  releaseUrl: string;
  cacheDir: string;
  dbRepositories: string[];
  javaDbRepositories: string[];
  scanners: string[];
  timeout: string;
  platform?: string;
  skipDirs: string[];
  skipFiles: string[];
  pkgTypes: string[];
  configFile?: string;
}

/** trivy-action's `format` values we write to its `output` file, and the rendering each is. */
export const TRIVY_ACTION_FORMATS = {
  sarif: 'sarif',
  json: 'report',
  cyclonedx: 'cyclonedx',
  'spdx-json': 'spdx',
  table: undefined,
} as const;
export type TrivyActionFormat = keyof typeof TRIVY_ACTION_FORMATS;

export interface ScanOptions {
  /** Scan with Trivy, or re-gate and re-render an existing report. */
  source: { kind: 'scan'; target: ScanTarget } | { kind: 'report'; file: string; text: string };
  inputRules: GateRules;
  policy?: Policy;
  policyFile?: string;
  environment?: string;
  ignores: IgnoreEntry[];
  /** The ignore files read, as shown to people. */
  ignoreFiles: string[];
  /** Lines of Trivy ignore files that were skipped, as Trivy skips them. */
  warnings: string[];
  baseline?: Baseline;
  /** trivy-action's `limit-severities-for-sarif`: SARIF holds only these. */
  sarifSeverities?: Set<Severity>;
  /** trivy-action's `format` + `output`: one more copy of a rendering where the workflow expects it. */
  extraOutput?: { format: TrivyActionFormat; file: string };
  /** The `sbom` input was set explicitly: a partial SBOM is refused rather than written. */
  sbomExplicit: boolean;
  expiryWarningDays: number;
  formats: Set<Format>;
  sbom: SbomFormat | 'none';
  outputDir: string;
  /** Paths as shown to people and in outputs: relative to the workspace. */
  display: (path: string) => string;
  trivy: TrivySetup;
  upload?: { token: string; repository?: string; category?: string };
}

const IMAGE = /^[^\s]+$/;
const SCAN_TYPES = ['image', 'fs', 'filesystem', 'repo', 'repository', 'rootfs', 'config'] as const;

/** trivy-action's `severity` list, checked. */
function severityList(reader: InputReader): Severity[] | undefined {
  const items = reader.list('severity');
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const severity = parseSeverity(item);
    if (!severity) throw new InputError('severity', reader.string('severity'), `a comma-separated list of ${SEVERITIES.join(', ')}`);
    return severity;
  });
}

/** All validation happens here, before anything is downloaded, run or written. */
export function parseScanInputs(reader: InputReader, workspace: string, explicit: (name: string) => boolean = () => false): ScanOptions {
  const target = parseTarget(reader, workspace);
  const threshold = (name: string): Threshold => {
    const value = reader.string(name);
    const parsed = parseThreshold(value);
    if (!parsed) throw new InputError(name, value, `one of ${SEVERITIES.join(', ')} or none`);
    return parsed;
  };
  const inputRules: GateRules = {
    failOn: threshold('fail-on'),
    warnOn: threshold('warn-on'),
    ignoreUnfixed: reader.boolean('ignore-unfixed'),
    max: {},
  };
  // trivy-action's severity + exit-code: exit-code 0 never fails, another value fails on the
  // listed severities; severities not listed never count, whatever fail-on says.
  const severities = severityList(reader);
  const exitCode = reader.optional('exit-code');
  if (exitCode !== undefined) {
    if (!/^\d+$/.test(exitCode))
      throw new InputError('exit-code', exitCode, 'a whole number (0: never fail, anything else: fail on the listed severities)');
    if (explicit('fail-on')) throw new InputError('exit-code', exitCode, "either 'exit-code' (trivy-action) or 'fail-on', not both");
    const lowest = [...(severities ?? SEVERITIES)].sort((a, b) => severityRank(a) - severityRank(b))[0] as Severity;
    inputRules.failOn = Number(exitCode) === 0 ? 'none' : lowest;
  }
  if (severities)
    for (const severity of SEVERITIES) if (!severities.includes(severity)) inputRules.max[severity] = Number.POSITIVE_INFINITY;
  const sarifSeverities = reader.boolean('limit-severities-for-sarif') ? new Set(severities ?? SEVERITIES) : undefined;

  const readText = (input: string, file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new InputError(input, reader.string(input), 'a readable file', (error as Error).message);
    }
  };
  const display = (file: string) => displayPath(workspace, file);

  const policyFile = reader.path('policy', workspace);
  const policy = policyFile ? parsePolicy(readText('policy', policyFile), display(policyFile)) : undefined;
  const ignores: IgnoreEntry[] = [];
  const ignoreFiles: string[] = [];
  const warnings: string[] = [];
  for (const input of ['ignore-file', 'trivyignores'] as const) {
    for (const value of reader.list(input)) {
      const file = resolveInside(workspace, value, input);
      const parsed = parseAnyIgnoreFile(readText(input, file), display(file));
      ignores.push(...parsed.entries);
      warnings.push(...parsed.warnings);
      ignoreFiles.push(display(file));
    }
  }
  const baselineFile = reader.path('baseline', workspace);
  const baseline = baselineFile
    ? baselineOf(findings(parseTrivyReport(readText('baseline', baselineFile), display(baselineFile))))
    : undefined;

  const formats = new Set<Format>();
  for (const format of reader.list('formats')) {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new InputError('formats', reader.string('formats'), `a list of ${FORMATS.join(', ')}`, `unknown format '${format}'`);
    formats.add(format as Format);
  }

  const environment = reader.optional('environment');
  const outputDir = reader.outputPath('output-dir');
  // Beside the output directory: RUNNER_TEMP on GitHub, the excluded .aegis-out/ on GitLab (which a
  // GitLab cache: entry can keep), a temp dir locally; never in the checkout itself.
  const cacheDir = reader.path('cache-dir', workspace) ?? join(dirname(outputDir), 'aegis-trivy-cache');
  const sha256 = reader.optional('trivy-sha256');
  if (sha256 && !/^[0-9a-fA-F]{64}$/.test(sha256))
    throw new InputError('trivy-sha256', sha256, 'the SHA-256 of the Trivy release archive (64 hex digits)');
  const version = reader.string('trivy-version').replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new InputError('trivy-version', version, 'a Trivy release version such as 0.70.0');
  if (COMPROMISED_TRIVY_VERSIONS.includes(version)) {
    throw new InputError(
      'trivy-version',
      version,
      'a release other than 0.69.4–0.69.6',
      'those releases were compromised (GHSA-69fq-xp46-6x23)',
    );
  }
  const timeout = reader.string('timeout');
  if (parseDuration(timeout, { integer: true }) === undefined) throw new InputError('timeout', timeout, "a duration such as '10m'");
  const binary = reader.optional('trivy-binary');
  const platform = reader.optional('platform');

  let upload: ScanOptions['upload'];
  if (reader.boolean('upload-sarif')) {
    const token = reader.string('token');
    if (!token) throw new InputError('token', '', 'a token with security-events: write', "'upload-sarif' is true");
    const repository = reader.optional('repository');
    if (repository) assertForgeRepository('repository', repository);
    const category = reader.optional('sarif-category');
    upload = { token, ...(repository ? { repository } : {}), ...(category ? { category } : {}) };
    formats.add('sarif');
  }

  const source: ScanOptions['source'] =
    target.kind === 'report'
      ? { kind: 'report', file: display(target.file), text: readText('report', target.file) }
      : { kind: 'scan', target: target.target };
  const configFile = reader.path('trivy-config', workspace);
  if (configFile) readText('trivy-config', configFile);
  const format = reader.optional('format');
  if (format !== undefined && !(format in TRIVY_ACTION_FORMATS))
    throw new InputError(
      'format',
      format,
      `one of ${Object.keys(TRIVY_ACTION_FORMATS).join(', ')}`,
      'other Trivy formats are rendered by formats/sbom',
    );
  const output = reader.path('output', workspace);
  if (output && (format === undefined || format === 'table'))
    throw new InputError('output', reader.string('output'), "a file together with 'format' (sarif, json, cyclonedx or spdx-json)");
  // Fail on a report that is not Trivy's now, before anything is written.
  if (source.kind === 'report') parseTrivyReport(source.text, source.file);

  const days = reader.integer('expiry-warning-days', { min: 0, max: 3650 });
  return {
    source,
    inputRules,
    ...(policy ? { policy, policyFile: display(policyFile as string) } : {}),
    ...(environment ? { environment } : {}),
    ignores,
    ignoreFiles,
    warnings,
    ...(baseline ? { baseline } : {}),
    ...(sarifSeverities ? { sarifSeverities } : {}),
    ...(output && format ? { extraOutput: { format: format as TrivyActionFormat, file: output } } : {}),
    sbomExplicit: explicit('sbom'),
    expiryWarningDays: days,
    formats,
    sbom: reader.choice('sbom', ['cyclonedx', 'spdx', 'none'] as const),
    outputDir,
    display,
    trivy: {
      ...(binary ? { binary } : {}),
      version,
      ...(sha256 ? { sha256: sha256.toLowerCase() } : {}),
      releaseUrl: reader.string('trivy-release-url'),
      cacheDir,
      dbRepositories: reader.list('db-repository'),
      javaDbRepositories: reader.list('java-db-repository'),
      scanners: reader.list('scanners'),
      timeout,
      ...(platform ? { platform } : {}),
      skipDirs: reader.list('skip-dirs'),
      skipFiles: reader.list('skip-files'),
      pkgTypes: pkgTypes(reader),
      ...(configFile ? { configFile } : {}),
    },
    ...(upload ? { upload } : {}),
  };
}

function pkgTypes(reader: InputReader): string[] {
  const types = reader.list('pkg-types').length > 0 ? reader.list('pkg-types') : reader.list('vuln-type');
  const input = reader.list('pkg-types').length > 0 ? 'pkg-types' : 'vuln-type';
  for (const type of types)
    if (type !== 'os' && type !== 'library') throw new InputError(input, reader.string(input), 'a comma-separated list of os, library');
  return types;
}

type ParsedTarget = { kind: 'report'; file: string } | { kind: 'scan'; target: ScanTarget };

/**
 * What to scan: our `image` / `path` / `report`, or trivy-action's `image-ref`, `scan-type`
 * and `scan-ref` (scan-ref defaults to '.', as there). Exactly one target.
 */
function parseTarget(reader: InputReader, workspace: string): ParsedTarget {
  const imageInput = reader.optional('image');
  const imageRef = reader.optional('image-ref');
  if (imageInput && imageRef && imageInput !== imageRef)
    throw new InputError('image-ref', imageRef, "the same image as 'image', or only one of them", `'image' is ${imageInput}`);
  const image = imageInput ?? imageRef;
  const imageName = imageInput ? 'image' : 'image-ref';
  const path = reader.path('path', workspace);
  const reportPath = reader.path('report', workspace);
  const scanTypeValue = reader.optional('scan-type');
  const scanRef = reader.optional('scan-ref');
  const given = [image && imageName, path && 'path', reportPath && 'report'].filter(Boolean) as string[];
  if (given.length > 1 || (given.length === 0 && !scanTypeValue && !scanRef)) {
    throw new InputError(
      given.length === 0 ? 'image' : String(given[1]),
      given.length === 0 ? '' : 'several',
      "exactly one of 'image' (or 'image-ref'), 'path', 'report', or 'scan-type' with 'scan-ref'",
      given.length === 0 ? 'nothing to scan' : `got ${given.join(' and ')}`,
    );
  }
  if (image && !IMAGE.test(image)) throw new InputError(imageName, image, 'an image reference such as registry.example.com/team/app:1.2.3');
  if (reportPath) {
    if (scanTypeValue)
      throw new InputError('scan-type', scanTypeValue, "no scan-type with 'report' (the report is gated, nothing is scanned)");
    return { kind: 'report', file: reportPath };
  }
  const scanType = scanTypeValue ?? (image ? 'image' : 'fs');
  if (!(SCAN_TYPES as readonly string[]).includes(scanType)) {
    throw new InputError(
      'scan-type',
      scanType,
      `one of ${SCAN_TYPES.join(', ')}`,
      scanType === 'sbom' ? "to gate an existing report use 'report'" : undefined,
    );
  }
  if (scanType === 'image') {
    if (!image) throw new InputError('image-ref', '', "an image reference, with scan-type 'image'");
    return { kind: 'scan', target: { kind: 'image', image } };
  }
  if (image) throw new InputError('scan-type', scanType, "'image' when an image is given");
  const ref = scanRef ?? '.';
  if ((scanType === 'repo' || scanType === 'repository') && /^(https?|ssh|git):\/\//.test(ref)) {
    if (/\/\/[^/]*@/.test(ref))
      throw new InputError('scan-ref', '(redacted)', 'a repository URL without credentials (Trivy reads GITHUB_TOKEN / GITLAB_TOKEN)');
    return { kind: 'scan', target: { kind: 'repository', repository: ref } };
  }
  const where = path ?? resolveInside(workspace, ref, scanRef ? 'scan-ref' : 'path');
  if (scanType === 'repo' || scanType === 'repository') return { kind: 'scan', target: { kind: 'repository', repository: where } };
  if (scanType === 'rootfs') return { kind: 'scan', target: { kind: 'rootfs', path: where } };
  if (scanType === 'config') return { kind: 'scan', target: { kind: 'config', path: where } };
  return { kind: 'scan', target: { kind: 'path', path: where } };
}

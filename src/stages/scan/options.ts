import { readFileSync } from 'node:fs';
import { parseDuration } from '../../core/duration.js';
import { InputError } from '../../core/errors.js';
import { displayPath } from '../../core/paths.js';
import { type IgnoreEntry, parseIgnoreFile } from '../../core/scan/ignore.js';
import { type GateRules, type Policy, parsePolicy, parseThreshold, type Threshold } from '../../core/scan/policy.js';
import { findings, parseTrivyReport } from '../../core/scan/report.js';
import type { SbomFormat } from '../../core/scan/sbom.js';
import { SEVERITIES } from '../../core/scan/severity.js';
import { COMPROMISED_TRIVY_VERSIONS, type ScanTarget } from '../../core/scan/trivy.js';
import type { InputReader } from '../inputs.js';

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
}

export interface ScanOptions {
  /** Scan with Trivy, or re-gate and re-render an existing report. */
  source: { kind: 'scan'; target: ScanTarget } | { kind: 'report'; file: string; text: string };
  inputRules: GateRules;
  policy?: Policy;
  policyFile?: string;
  environment?: string;
  ignores: IgnoreEntry[];
  ignoreFile?: string;
  baseline?: Set<string>;
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

/** All validation happens here, before anything is downloaded, run or written. */
export function parseScanInputs(reader: InputReader, workspace: string): ScanOptions {
  const image = reader.optional('image');
  const path = reader.path('path', workspace);
  const reportPath = reader.path('report', workspace);
  const given = [image && 'image', path && 'path', reportPath && 'report'].filter(Boolean);
  if (given.length !== 1) {
    throw new InputError(
      given.length === 0 ? 'image' : String(given[1]),
      given.length === 0 ? '' : 'several',
      "exactly one of 'image', 'path' or 'report'",
      given.length === 0 ? 'nothing to scan' : `got ${given.join(' and ')}`,
    );
  }
  if (image && !IMAGE.test(image)) throw new InputError('image', image, 'an image reference such as registry.example.com/team/app:1.2.3');

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
  const ignoreFile = reader.path('ignore-file', workspace);
  const ignores = ignoreFile ? parseIgnoreFile(readText('ignore-file', ignoreFile), display(ignoreFile)) : [];
  const baselineFile = reader.path('baseline', workspace);
  const baseline = baselineFile
    ? new Set(findings(parseTrivyReport(readText('baseline', baselineFile), display(baselineFile))).map((f) => f.key))
    : undefined;

  const formats = new Set<Format>();
  for (const format of reader.list('formats')) {
    if (!(FORMATS as readonly string[]).includes(format))
      throw new InputError('formats', reader.string('formats'), `a list of ${FORMATS.join(', ')}`, `unknown format '${format}'`);
    formats.add(format as Format);
  }

  const environment = reader.optional('environment');
  const outputDir = reader.outputPath('output-dir');
  const cacheDir = reader.path('cache-dir', workspace) as string;
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
    if (repository && !/^[\w.-]+\/[\w.-]+$/.test(repository)) throw new InputError('repository', repository, 'owner/name');
    const category = reader.optional('sarif-category');
    upload = { token, ...(repository ? { repository } : {}), ...(category ? { category } : {}) };
    formats.add('sarif');
  }

  const source: ScanOptions['source'] = reportPath
    ? { kind: 'report', file: display(reportPath), text: readText('report', reportPath) }
    : { kind: 'scan', target: image ? { kind: 'image', image } : { kind: 'path', path: path as string } };
  // Fail on a report that is not Trivy's now, before anything is written.
  if (source.kind === 'report') parseTrivyReport(source.text, source.file);

  const days = reader.integer('expiry-warning-days', { min: 0, max: 3650 });
  return {
    source,
    inputRules,
    ...(policy ? { policy, policyFile: display(policyFile as string) } : {}),
    ...(environment ? { environment } : {}),
    ignores,
    ...(ignoreFile ? { ignoreFile: display(ignoreFile) } : {}),
    ...(baseline ? { baseline } : {}),
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
    },
    ...(upload ? { upload } : {}),
  };
}

import { copyFileSync, constants as fsConstants, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AegisError, InputError } from '../core/errors.js';
import { ensureDirectoryInside, writeFileSafely } from '../core/fs/safe-write.js';
import { forgeProjectPath } from '../core/git/remote.js';
import { evaluateGate, type GateResult } from '../core/scan/gate.js';
import type { IgnoreEntry } from '../core/scan/ignore.js';
import { renderMarkdown } from '../core/scan/markdown.js';
import { OUTPUT_FILES, type OutputKind, type OutputPlan, renderOutputs, writeOutputFile } from '../core/scan/outputs.js';
import { type GateRules, resolveRules } from '../core/scan/policy.js';
import { FINDING_CLASSES, type FindingClass, findings, parseTrivyReport, type TrivyReport } from '../core/scan/report.js';
import { partialReason, type SbomFormat } from '../core/scan/sbom.js';
import { SEVERITIES_DESCENDING } from '../core/scan/severity.js';
import {
  DEFAULT_DB_REPOSITORIES,
  DEFAULT_JAVA_DB_REPOSITORIES,
  DEFAULT_RELEASE_URL,
  DEFAULT_TRIVY_VERSION,
  installTrivy,
  runTrivy,
  TrivyError,
  trivyScanArgs,
} from '../core/scan/trivy.js';
import { sarifCategory, sarifUploadRequest } from '../core/scan/upload.js';
import { gitlabArtifacts } from '../platform/gitlab.js';
import type { Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import type { InputReader } from './inputs.js';
import { parseScanInputs, type ScanOptions, TRIVY_ACTION_FORMATS } from './scan/options.js';
import { writeRootFor } from './shared.js';

const FILES = OUTPUT_FILES;

const definition = {
  name: 'scan',
  title: 'Scan',
  description:
    'Scan an image or directory once with a pinned, checksum-verified Trivy (or re-gate an existing Trivy JSON report), gate vulnerabilities, secrets, misconfigurations and licenses by severity, policy, ignore file and baseline, and write SARIF, the GitLab container-scanning, secret-detection and SAST reports, a summary and an SBOM.',
  gitlab: {
    stage: 'test',
    defaults: { 'output-dir': gitlabArtifacts.stageDir('scan') },
    artifacts: {
      paths: ['$[[ inputs.output-dir ]]/'],
      reports: {
        container_scanning: '$[[ inputs.output-dir ]]/gl-container-scanning-report.json',
        secret_detection: '$[[ inputs.output-dir ]]/gl-secret-detection-report.json',
        sast: '$[[ inputs.output-dir ]]/gl-sast-report.json',
        cyclonedx: '$[[ inputs.output-dir ]]/sbom.cdx.json',
      },
    },
  },
  inputs: {
    image: { description: 'Image reference to scan (one of image, path, report; trivy-action: image-ref).' },
    'image-ref': { description: "trivy-action's name for 'image'." },
    'scan-type': {
      description:
        "trivy-action's scan type: image, fs, repo, rootfs or config (config: misconfigurations only). Defaults to image when an image is given, else fs.",
    },
    'scan-ref': {
      description:
        "trivy-action's target for fs, repo, rootfs and config scans: a path inside the workspace (default '.'), or a repository URL for repo.",
    },
    path: { description: 'Directory to scan, inside the workspace (one of image, path, report).' },
    report: { description: 'An existing Trivy JSON report to gate and render instead of scanning (one of image, path, report).' },
    'fail-on': { description: 'Lowest severity that fails the gate: CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN or none.', default: 'HIGH' },
    'warn-on': { description: 'Lowest severity reported as a warning when it does not fail the gate (or none).', default: 'MEDIUM' },
    'ignore-unfixed': { description: 'Findings with no fixed version do not fail the gate (they are still reported).', default: 'false' },
    policy: {
      description:
        'Policy file (YAML) with rules per environment: environments.<name>.{fail-on, warn-on, ignore-unfixed, max}, optional default.',
    },
    environment: { description: 'Environment whose policy rules apply (e.g. dev, prod).' },
    'ignore-file': {
      description:
        "Ignore files (comma-separated or one per line): ours (YAML with ignores[] of {id, package?, reason, owner, expires: YYYY-MM-DD}), Trivy's .trivyignore (id [exp:YYYY-MM-DD]) or .trivyignore.yaml (expired_at, paths, purls). Expired entries stop counting.",
    },
    trivyignores: { description: "trivy-action's name for 'ignore-file' (both are read)." },
    'expiry-warning-days': { description: 'Warn about ignore entries expiring within this many days.', default: '14' },
    baseline: { description: 'A previous Trivy JSON report; only findings not in it can fail the gate.' },
    formats: { description: 'Renderings to write: sarif, gitlab, markdown (comma-separated).', default: 'sarif,gitlab,markdown' },
    sbom: { description: "SBOM to write: 'cyclonedx', 'spdx' or 'none'.", default: 'cyclonedx' },
    'output-dir': {
      description:
        "Directory for the report and every rendering: in the workspace or the runner's temp directory; by default the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/scan on GitLab).",
    },
    'trivy-version': { description: 'Trivy release to download when trivy-binary is not set.', default: DEFAULT_TRIVY_VERSION },
    'trivy-sha256': {
      description: 'Optional SHA-256 of the Trivy release archive for this platform, checked in addition to the release checksums file.',
    },
    'trivy-binary': { description: 'Use this Trivy executable instead of downloading (the GitLab component image carries one).' },
    'trivy-release-url': { description: 'Base URL of Trivy release downloads (a mirror).', default: DEFAULT_RELEASE_URL },
    'cache-dir': {
      description:
        "Cache for the Trivy binary and vulnerability DB; by default beside the stage's output directory (RUNNER_TEMP on GitHub, .aegis-out/aegis-trivy-cache on GitLab, where a cache: entry can keep it), never in the checkout.",
    },
    'db-repository': {
      description: 'Vulnerability DB repositories, tried in order (comma-separated or one per line).',
      default: DEFAULT_DB_REPOSITORIES.join(','),
    },
    'java-db-repository': { description: 'Java DB repositories, tried in order.', default: DEFAULT_JAVA_DB_REPOSITORIES.join(',') },
    scanners: { description: 'Trivy scanners to run (vuln, secret, misconfig, license), as Trivy defaults.', default: 'vuln,secret' },
    severity: {
      description:
        "trivy-action's severity list: only these severities count towards the gate; with exit-code other than 0 the gate fails on them (default: every severity).",
    },
    'exit-code': {
      description:
        "trivy-action's exit-code: 0 reports without ever failing, another number fails on the listed severities (instead of fail-on).",
    },
    'limit-severities-for-sarif': { description: 'Write only findings of the severity list to SARIF (trivy-action).', default: 'false' },
    format: {
      description:
        "trivy-action's format for 'output': sarif, json, cyclonedx or spdx-json (table writes nothing: the summary is the table).",
    },
    output: { description: "trivy-action's output file (inside the workspace): a copy of the rendering named by 'format'." },
    'skip-dirs': { description: 'Directories Trivy does not traverse (comma-separated).' },
    'skip-files': { description: 'Files Trivy skips (comma-separated).' },
    'pkg-types': { description: 'Package types to scan: os, library (comma-separated; trivy-action: vuln-type).' },
    'vuln-type': { description: "trivy-action's older name for 'pkg-types'." },
    'trivy-config': {
      description: 'A trivy.yaml inside the workspace; the stage’s own flags (output, format, exit code) take precedence.',
    },
    'hide-progress': { description: 'Accepted for trivy-action workflows; progress output is always off.' },
    timeout: { description: 'Trivy timeout.', default: '10m' },
    platform: { description: 'Platform of a multi-arch image to scan, e.g. linux/arm64.' },
    'upload-sarif': { description: 'Upload the SARIF to GitHub code scanning (needs security-events: write).', default: 'false' },
    'sarif-category': { description: 'Code-scanning category; by default one per image repository, stable across tags.' },
    token: { description: 'Token for the SARIF upload.', secret: true },
    repository: { description: 'owner/name for the SARIF upload; defaults to the repository of the run.' },
  },
  outputs: {
    result: {
      kind: 'text',
      description: "'passed', 'failed' (the gate blocked) or 'error' (Trivy or the inputs failed: nothing was decided).",
    },
    critical: { kind: 'number', description: 'Number of CRITICAL findings of every class (all findings, whatever the gate decided).' },
    high: { kind: 'number', description: 'Number of HIGH findings.' },
    medium: { kind: 'number', description: 'Number of MEDIUM findings.' },
    low: { kind: 'number', description: 'Number of LOW findings.' },
    unknown: { kind: 'number', description: 'Number of UNKNOWN findings.' },
    total: { kind: 'number', description: 'Number of findings.' },
    vulnerabilities: { kind: 'number', description: 'Number of vulnerabilities.' },
    misconfigurations: { kind: 'number', description: 'Number of failed misconfiguration checks.' },
    secrets: { kind: 'number', description: 'Number of secrets.' },
    licenses: { kind: 'number', description: 'Number of license findings.' },
    counts: {
      kind: 'json',
      description:
        'JSON {"<class>": {"CRITICAL": n, …}} of every finding per class and severity, e.g. {"secret": {"CRITICAL": 1, "HIGH": 1, …}, …}.',
    },
    blocking: { kind: 'number', description: 'Number of findings that failed the gate.' },
    'report-file': { kind: 'path', description: 'Path of the Trivy JSON report (relative to the workspace when inside it).' },
    'sarif-file': {
      kind: 'path',
      description: 'Path of the SARIF 2.1.0 file (relative to the workspace when inside it); empty unless sarif is in formats.',
    },
    'gitlab-report': {
      kind: 'path',
      description:
        'Path of the GitLab container-scanning report (relative to the workspace when inside it); empty unless gitlab is in formats.',
    },
    'gitlab-secret-detection-report': {
      kind: 'path',
      description:
        'Path of the GitLab secret-detection report (relative to the workspace when inside it); empty unless gitlab is in formats.',
    },
    'gitlab-sast-report': {
      kind: 'path',
      description:
        'Path of the GitLab SAST report with the misconfigurations (relative to the workspace when inside it); empty unless gitlab is in formats.',
    },
    'summary-file': {
      kind: 'path',
      description: 'Path of the markdown summary (relative to the workspace when inside it); empty unless markdown is in formats.',
    },
    'sbom-file': {
      kind: 'path',
      description: 'Path of the SBOM file, CycloneDX or SPDX JSON (relative to the workspace when inside it); empty with sbom: none.',
    },
    'sbom-partial': {
      kind: 'boolean',
      description: "'true' when the report had no package list, so the SBOM lists only packages with findings.",
    },
    'sarif-id': { kind: 'text', description: 'Id of the code-scanning upload, when upload-sarif is true.' },
  },
} satisfies StageMetadata;

const CLASS_OUTPUT: Record<FindingClass, string> = {
  vulnerability: 'vulnerabilities',
  misconfiguration: 'misconfigurations',
  secret: 'secrets',
  license: 'licenses',
};

function total(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** The test seam of execute: the clock ignore expiry and the GitLab reports' times are read from. */
export interface ScanDependencies {
  now: () => Date;
}

export interface ScanPlan {
  options: ScanOptions;
  /** The gate's rules after the policy, and where they came from (for the summary and the failure). */
  rules: GateRules;
  rulesSource: string;
}

/**
 * What stopped the stage: Trivy (or its download) failing, an SBOM asked for that the report
 * cannot make complete, or the renderings that could not be written — each leaves no usable
 * verdict, so `result: error` — or the SARIF upload after the verdict.
 */
export interface ScanFailure {
  during: 'scan' | 'sbom' | 'write' | 'upload';
  error: unknown;
}

export interface ScanResult {
  plan: ScanPlan;
  /** The report gated and the gate's verdict; absent when the scan failed before it. */
  report?: TrivyReport;
  gate?: GateResult;
  /** Why the SBOM lists only packages with findings, when it does. */
  partialSbom?: string;
  /** The files written, displayed relative to the workspace. */
  files: Partial<Record<OutputKind, string>>;
  markdown?: string;
  sarifId?: string;
  failure?: ScanFailure;
}

/** A scan that cannot start (or cannot finish making its result) decides nothing: `result: error`, which a step condition tells from a failed gate. */
export function failed(_error: unknown, platform: Platform): void {
  platform.setOutput('result', 'error');
}

export function parse(reader: InputReader, platform: Platform): ScanOptions {
  return parseScanInputs(reader, platform.workspace, (name) => givenExplicitly(platform, name));
}

export function planScan(options: ScanOptions): ScanPlan {
  const { rules, source } = resolveRules(options.inputRules, options.policy, options.environment);
  return { options, rules, rulesSource: source };
}

/** Obtains the report, gates it, writes every rendering and uploads the SARIF; a failure is part of the result. */
export async function executeScan(
  plan: ScanPlan,
  platform: Platform,
  dependencies: ScanDependencies = { now: () => new Date() },
): Promise<ScanResult> {
  const { options, rules } = plan;
  const now = dependencies.now();
  let report: TrivyReport;
  try {
    report = await obtainReport(platform, options);
  } catch (error) {
    return { plan, files: {}, failure: { during: 'scan', error } };
  }
  const gate = evaluateGate({
    findings: findings(report),
    rules,
    ignores: options.ignores,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    now,
    expiryWarningDays: options.expiryWarningDays,
  });
  // An SBOM from a report without a package list names only what has findings: refused when
  // the SBOM was asked for explicitly (before anything is written), else written and marked partial.
  const partialSbom = options.sbom !== 'none' ? partialReason(report) : undefined;
  if (partialSbom && options.sbomExplicit) {
    const error = new InputError(
      'sbom',
      options.sbom,
      "a report with a package list (trivy --list-all-pkgs, which the stage's own scan passes), or sbom: none",
      partialSbom,
    );
    return { plan, report, gate, files: {}, failure: { during: 'sbom', error } };
  }
  const markdown = renderMarkdown(gate, {
    target: report.ArtifactName,
    rules,
    rulesSource: plan.rulesSource,
    ...(partialSbom ? { partialSbom } : {}),
  });
  let files: ScanResult['files'];
  try {
    files = writeRenderings(platform, options, report, gate, outputPlan(platform, options, report, markdown, now));
  } catch (error) {
    return { plan, report, gate, files: {}, failure: { during: 'write', error } };
  }
  const result: ScanResult = { plan, report, gate, files, markdown, ...(partialSbom ? { partialSbom } : {}) };
  if (options.upload && files.sarif) {
    try {
      const sarifText = readFileSync(join(options.outputDir, FILES.sarif), 'utf8');
      result.sarifId = await uploadSarif(platform, options.upload, sarifText);
    } catch (error) {
      result.failure = { during: 'upload', error };
    }
  }
  return result;
}

/** What to render: the formats asked for, trivy-action's `output`, and the SBOMs. */
function outputPlan(platform: Platform, options: ScanOptions, report: TrivyReport, markdown: string, now: Date): OutputPlan {
  const extraSbom =
    options.extraOutput?.format === 'cyclonedx' ? 'cyclonedx' : options.extraOutput?.format === 'spdx-json' ? 'spdx' : undefined;
  const head = platform.event().head;
  return {
    ...(options.source.kind === 'report' ? { reportText: options.source.text } : {}),
    ...(options.formats.has('sarif') || options.extraOutput?.format === 'sarif'
      ? {
          sarif: {
            category: options.upload?.category ?? sarifCategory(report.ArtifactName),
            ...(options.sarifSeverities ? { severities: options.sarifSeverities } : {}),
            ...(options.source.kind === 'scan' && 'path' in options.source.target ? { sourceRoot: options.source.target.path } : {}),
          },
        }
      : {}),
    ...(options.formats.has('gitlab') ? { gitlab: { now, ...(head ? { commitSha: head } : {}) } } : {}),
    sboms: [...(options.sbom !== 'none' ? [options.sbom] : []), ...(extraSbom ? [extraSbom] : [])] as SbomFormat[],
    ...(options.formats.has('markdown') ? { markdownText: markdown } : {}),
    now,
  };
}

/**
 * Each rendering goes to a temporary sibling as soon as it exists (one in memory at a time);
 * only when all are there do they replace the previous files, so a failure leaves none half-done.
 * Never through a symlinked directory planted by the repository.
 */
function writeRenderings(
  platform: Platform,
  options: ScanOptions,
  report: TrivyReport,
  gate: GateResult,
  plan: OutputPlan,
): ScanResult['files'] {
  ensureDirectoryInside(options.outputDir, writeRootFor(platform, options.outputDir));
  const files: ScanResult['files'] = { report: options.display(join(options.outputDir, FILES.report)) };
  const staged: [OutputKind, string, string][] = [];
  try {
    for (const [kind, write] of renderOutputs(report, gate, plan)) {
      const file = join(options.outputDir, FILES[kind]);
      const temporary = join(options.outputDir, `.${FILES[kind]}.${process.pid}.tmp`);
      staged.push([kind, file, temporary]);
      writeOutputFile(temporary, write);
    }
    if (options.extraOutput) {
      // trivy-action's `output`: the same bytes where the workflow's next step looks for them.
      const kind = TRIVY_ACTION_FORMATS[options.extraOutput.format];
      const from = staged.find(([k]) => k === kind)?.[2] ?? (kind === 'report' ? join(options.outputDir, FILES.report) : undefined);
      if (kind && from) {
        ensureDirectoryInside(dirname(options.extraOutput.file), writeRootFor(platform, options.extraOutput.file));
        const temporary = `${options.extraOutput.file}.${process.pid}.tmp`;
        rmSync(temporary, { force: true });
        copyFileSync(from, temporary, fsConstants.COPYFILE_EXCL);
        staged.push([kind, options.extraOutput.file, temporary]);
      }
    }
  } catch (error) {
    for (const [, , temporary] of staged) rmSync(temporary, { force: true });
    throw error;
  }
  for (const [kind, file, temporary] of staged) {
    renameSync(temporary, file);
    if (file.startsWith(options.outputDir)) files[kind] = options.display(file);
  }
  return files;
}

function warnAboutIgnores(platform: Platform, options: ScanOptions, gate: GateResult): void {
  const log = platform.log;
  for (const warning of options.warnings) log.warning(warning);
  const owner = (entry: IgnoreEntry) => (entry.owner ? ` of ${entry.owner}` : '');
  for (const entry of gate.expiredIgnores) {
    log.warning(
      `Ignore entry ${entry.id}${entry.package ? ` (${entry.package})` : ''}${owner(entry)} expired on ${entry.expires}; it no longer excuses anything.`,
      { file: entry.file ?? '', ...(entry.line ? { line: entry.line } : {}) },
    );
  }
  for (const { entry, daysLeft } of gate.expiringIgnores) {
    log.warning(`Ignore entry ${entry.id}${owner(entry)} expires on ${entry.expires} (${daysLeft} day(s) left).`, {
      file: entry.file ?? '',
      ...(entry.line ? { line: entry.line } : {}),
    });
  }
  for (const entry of gate.unusedIgnores) log.info(`Ignore entry ${entry.id} matched no finding; it can be removed.`);
}

function writeVerdict(platform: Platform, options: ScanOptions, gate: GateResult, files: ScanResult['files'], partial: boolean): void {
  platform.setOutput('result', gate.result);
  for (const severity of SEVERITIES_DESCENDING) platform.setOutput(severity.toLowerCase(), String(gate.counts[severity]));
  platform.setOutput('total', String(gate.gated.length));
  for (const cls of FINDING_CLASSES) platform.setOutput(CLASS_OUTPUT[cls], String(total(gate.countsByClass[cls])));
  platform.setOutput('counts', JSON.stringify(gate.countsByClass));
  platform.setOutput('blocking', String(gate.blocking));
  platform.setOutput('report-file', files.report ?? '');
  platform.setOutput('sarif-file', files.sarif ?? '');
  platform.setOutput('gitlab-report', files.gitlab ?? '');
  platform.setOutput('gitlab-secret-detection-report', files.gitlabSecrets ?? '');
  platform.setOutput('gitlab-sast-report', files.gitlabSast ?? '');
  platform.setOutput('summary-file', files.markdown ?? '');
  platform.setOutput(
    'sbom-file',
    (options.sbom === 'spdx' ? files.spdx : options.sbom === 'cyclonedx' ? files.cyclonedx : undefined) ?? '',
  );
  platform.setOutput('sbom-partial', String(partial && options.sbom !== 'none'));
}

function gateFailure(result: ScanResult, gate: GateResult, report: TrivyReport): AegisError {
  const over = gate.exceeded
    .map(
      (entry) =>
        `${entry.count} ${entry.severity}${entry.classes ? ` ${entry.classes.map((cls) => CLASS_OUTPUT[cls]).join('/')}` : ''} (limit ${entry.limit})`,
    )
    .join(', ');
  return new AegisError(
    `Scan gate failed for ${report.ArtifactName}: ${over}; ${gate.blocking} blocking finding(s). Rules from ${result.plan.rulesSource}. See ${result.files.markdown ?? 'the job summary'}.`,
  );
}

/** Outputs, warnings and the summary, once; then the stage's failure, if any, last. */
export async function reportScan(result: ScanResult, platform: Platform): Promise<void> {
  const { options } = result.plan;
  const { report, gate, failure } = result;
  if (gate) warnAboutIgnores(platform, options, gate);
  if (!report || !gate || (failure && failure.during !== 'upload')) {
    // Trivy (or its download) failing, a refused SBOM or unwritten renderings: `error`, never `failed`.
    platform.setOutput('result', 'error');
    if (failure?.during === 'scan') {
      const error = failure.error;
      await platform.summary(
        `### aegis scan: ⚠️ error\n\nNo verdict: ${error instanceof TrivyError ? 'Trivy failed' : 'the scan could not run'}.\n\n\`\`\`\n${(error as Error).message}\n\`\`\`\n`,
      );
    }
    throw failure?.error ?? new AegisError('The scan ended without a report.');
  }
  if (result.partialSbom) platform.log.warning(`The SBOM is partial: ${result.partialSbom}.`);
  writeVerdict(platform, options, gate, result.files, result.partialSbom !== undefined);
  await platform.summary(result.markdown ?? '');
  if (result.sarifId !== undefined) platform.setOutput('sarif-id', result.sarifId);
  if (failure) throw failure.error;
  if (gate.result === 'failed') throw gateFailure(result, gate, report);
}

async function obtainReport(platform: Platform, options: ScanOptions): Promise<TrivyReport> {
  if (options.source.kind === 'report') {
    platform.log.info(`Gating the existing report ${options.source.file}; Trivy is not run.`);
    return parseTrivyReport(options.source.text, options.source.file);
  }
  const trivy = options.trivy;
  const binary =
    trivy.binary ??
    (
      await installTrivy({
        version: trivy.version,
        releaseUrl: trivy.releaseUrl,
        cacheDir: trivy.cacheDir,
        ...(trivy.sha256 ? { sha256: trivy.sha256 } : {}),
        log: platform.log,
      })
    ).binary;
  // Never through a symlinked directory planted by the repository.
  ensureDirectoryInside(options.outputDir, writeRootFor(platform, options.outputDir));
  const output = join(options.outputDir, FILES.report);
  // A stale report from an earlier run must never pass for this scan's.
  writeFileSafely(output, '', { root: options.outputDir });
  const args = trivyScanArgs({
    target: options.source.target,
    output,
    cacheDir: join(trivy.cacheDir, 'db'),
    dbRepositories: trivy.dbRepositories,
    javaDbRepositories: trivy.javaDbRepositories,
    scanners: trivy.scanners,
    timeout: trivy.timeout,
    ...(trivy.platform ? { platform: trivy.platform } : {}),
    skipDirs: trivy.skipDirs,
    skipFiles: trivy.skipFiles,
    pkgTypes: trivy.pkgTypes,
    ...(trivy.configFile ? { configFile: trivy.configFile } : {}),
  });
  await platform.log.group('Trivy', () => runTrivy(binary, args, platform.log));
  try {
    return parseTrivyReport(readFileSync(output, 'utf8'), options.display(output));
  } catch (error) {
    throw new TrivyError(`Trivy exited 0 but its report is unusable: ${(error as Error).message}`);
  }
}

async function uploadSarif(platform: Platform, upload: NonNullable<ScanOptions['upload']>, sarif: string): Promise<string> {
  const event = platform.event();
  const repository = upload.repository ?? forgeProjectPath(event.repositoryUrl ?? '');
  if (!repository) throw new AegisError("SARIF upload needs the repository: set the 'repository' input (owner/name).");
  if (!event.head) throw new AegisError('SARIF upload needs the commit of the run, and the event has none.');
  const ref = platform.githubRef();
  const forge = await platform.forge({ token: upload.token, kind: 'github' });
  const { id } = await forge.uploadSarif(repository, sarifUploadRequest(sarif, event.head, ref));
  platform.log.info(`Uploaded SARIF to code scanning of ${repository} (${ref}); upload id ${id}.`);
  return id;
}

/**
 * An input the user set. GitHub passes action.yml defaults as INPUT_* too, so a value equal
 * to the default cannot be told from none: it counts as not given.
 */
function givenExplicitly(platform: Platform, name: string): boolean {
  const value = platform.input(name);
  const spec = (definition.inputs as Record<string, { default?: string }>)[name];
  return value !== '' && value !== (spec?.default ?? '');
}

// The module shape of every stage (src/stages/module.ts).
export { definition, executeScan as execute, planScan as plan, reportScan as report };

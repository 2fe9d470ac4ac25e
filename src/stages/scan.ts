import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AegisError } from '../core/errors.js';
import { writeFileSafely } from '../core/fs/safe-write.js';
import { forgeProjectPath } from '../core/git/remote.js';
import { evaluateGate, type GateResult, suppressions } from '../core/scan/gate.js';
import { renderGitLab } from '../core/scan/gitlab.js';
import { renderMarkdown } from '../core/scan/markdown.js';
import { resolveRules } from '../core/scan/policy.js';
import { findings, parseTrivyReport, type TrivyReport } from '../core/scan/report.js';
import { renderSarif } from '../core/scan/sarif.js';
import { renderCycloneDx, renderSpdx } from '../core/scan/sbom.js';
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
import type { StageDefinition } from './definition.js';
import { InputReader } from './inputs.js';
import { parseScanInputs, type ScanOptions } from './scan/options.js';

export const FILES = {
  report: 'trivy-report.json',
  sarif: 'trivy-results.sarif',
  gitlab: 'gl-container-scanning-report.json',
  markdown: 'scan-summary.md',
  cyclonedx: 'sbom.cdx.json',
  spdx: 'sbom.spdx.json',
} as const;

const definition = {
  name: 'scan',
  title: 'Scan',
  description:
    'Scan an image or directory once with a pinned, checksum-verified Trivy (or re-gate an existing Trivy JSON report), gate by severity, policy, ignore file and baseline, and write SARIF, the GitLab container-scanning report, a summary and an SBOM.',
  gitlab: {
    stage: 'test',
    defaults: { 'output-dir': gitlabArtifacts.stageDir('scan') },
    artifacts: {
      paths: ['$[[ inputs.output-dir ]]/'],
      reports: {
        container_scanning: '$[[ inputs.output-dir ]]/gl-container-scanning-report.json',
        cyclonedx: '$[[ inputs.output-dir ]]/sbom.cdx.json',
      },
    },
  },
  inputs: {
    image: { description: 'Image reference to scan (one of image, path, report).' },
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
      description: 'Ignore file (YAML): ignores[] of {id, package?, reason, owner, expires: YYYY-MM-DD}. Expired entries stop counting.',
    },
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
      description: 'Cache for the Trivy binary and vulnerability DB, inside the workspace so CI caches can keep it.',
      default: '.aegis-cache/trivy',
    },
    'db-repository': {
      description: 'Vulnerability DB repositories, tried in order (comma-separated or one per line).',
      default: DEFAULT_DB_REPOSITORIES.join(','),
    },
    'java-db-repository': { description: 'Java DB repositories, tried in order.', default: DEFAULT_JAVA_DB_REPOSITORIES.join(',') },
    scanners: { description: 'Trivy scanners to run.', default: 'vuln' },
    timeout: { description: 'Trivy timeout.', default: '10m' },
    platform: { description: 'Platform of a multi-arch image to scan, e.g. linux/arm64.' },
    'upload-sarif': { description: 'Upload the SARIF to GitHub code scanning (needs security-events: write).', default: 'false' },
    'sarif-category': { description: 'Code-scanning category; by default one per image repository, stable across tags.' },
    token: { description: 'Token for the SARIF upload.', secret: true },
    repository: { description: 'owner/name for the SARIF upload; defaults to the repository of the run.' },
  },
  outputs: {
    result: { description: "'passed', 'failed' (the gate blocked) or 'error' (Trivy or the inputs failed: nothing was decided)." },
    critical: { description: 'Number of CRITICAL findings (all findings, whatever the gate decided).' },
    high: { description: 'Number of HIGH findings.' },
    medium: { description: 'Number of MEDIUM findings.' },
    low: { description: 'Number of LOW findings.' },
    unknown: { description: 'Number of UNKNOWN findings.' },
    total: { description: 'Number of findings.' },
    blocking: { description: 'Number of findings that failed the gate.' },
    'report-file': { description: 'The Trivy JSON report.' },
    'sarif-file': { description: 'SARIF 2.1.0 file (when sarif is in formats).' },
    'gitlab-report': { description: 'GitLab container-scanning report (when gitlab is in formats).' },
    'summary-file': { description: 'Markdown summary (when markdown is in formats).' },
    'sbom-file': { description: 'SBOM file (CycloneDX or SPDX JSON).' },
    'sarif-id': { description: 'Id of the code-scanning upload, when upload-sarif is true.' },
  },
} satisfies Omit<StageDefinition, 'run'>;

export interface ScanDependencies {
  now: () => Date;
}

export interface ScanOutcome {
  report: TrivyReport;
  gate: GateResult;
  files: Partial<Record<keyof typeof FILES, string>>;
  markdown: string;
}

/** Runs the whole stage; `dependencies` lets tests fix the clock. */
export async function runScan(platform: Platform, dependencies: ScanDependencies = { now: () => new Date() }): Promise<ScanOutcome> {
  const log = platform.log;
  let options: ScanOptions;
  let resolved: ReturnType<typeof resolveRules>;
  try {
    options = parseScanInputs(new InputReader(platform, definition.inputs), platform.workspace);
    resolved = resolveRules(options.inputRules, options.policy, options.environment);
  } catch (error) {
    platform.setOutput('result', 'error');
    throw error;
  }
  const { rules, source } = resolved;
  const now = dependencies.now();

  let report: TrivyReport;
  try {
    report = await obtainReport(platform, options);
  } catch (error) {
    // Trivy (or its download) failing decides nothing: `error`, never `failed`.
    platform.setOutput('result', 'error');
    await platform.summary(
      `### aegis scan: ⚠️ error\n\nNo verdict: ${error instanceof TrivyError ? 'Trivy failed' : 'the scan could not run'}.\n\n\`\`\`\n${(error as Error).message}\n\`\`\`\n`,
    );
    throw error;
  }
  const gate = evaluateGate({
    findings: findings(report),
    rules,
    ignores: options.ignores,
    ...(options.baseline ? { baseline: options.baseline } : {}),
    now,
    expiryWarningDays: options.expiryWarningDays,
  });

  for (const entry of gate.expiredIgnores) {
    log.warning(
      `Ignore entry ${entry.id}${entry.package ? ` (${entry.package})` : ''} of ${entry.owner} expired on ${entry.expires}; it no longer excuses anything.`,
      { file: options.ignoreFile ?? '', ...(entry.line ? { line: entry.line } : {}) },
    );
  }
  for (const { entry, daysLeft } of gate.expiringIgnores) {
    log.warning(`Ignore entry ${entry.id} of ${entry.owner} expires on ${entry.expires} (${daysLeft} day(s) left).`, {
      file: options.ignoreFile ?? '',
      ...(entry.line ? { line: entry.line } : {}),
    });
  }
  for (const entry of gate.unusedIgnores) log.info(`Ignore entry ${entry.id} matched no finding; it can be removed.`);

  // Render everything before writing anything, then write.
  const category = options.upload?.category ?? sarifCategory(report.ArtifactName);
  const rendered: [keyof typeof FILES, string][] = [];
  if (options.source.kind === 'report') rendered.push(['report', `${JSON.stringify(report, null, 2)}\n`]);
  if (options.formats.has('sarif')) {
    const sarif = renderSarif(report, {
      category,
      suppressed: suppressions(gate),
      ...(options.source.kind === 'scan' && options.source.target.kind === 'path' ? { sourceRoot: options.source.target.path } : {}),
    });
    rendered.push(['sarif', `${JSON.stringify(sarif, null, 2)}\n`]);
  }
  if (options.formats.has('gitlab')) rendered.push(['gitlab', `${JSON.stringify(renderGitLab(report, { now }), null, 2)}\n`]);
  if (options.sbom !== 'none') {
    const sbom = options.sbom === 'spdx' ? renderSpdx(report, now) : renderCycloneDx(report, now);
    rendered.push([options.sbom, `${JSON.stringify(sbom, null, 2)}\n`]);
  }
  const markdown = renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: source });
  if (options.formats.has('markdown')) rendered.push(['markdown', markdown]);

  mkdirSync(options.outputDir, { recursive: true });
  const files: ScanOutcome['files'] = { report: options.display(join(options.outputDir, FILES.report)) };
  for (const [kind, content] of rendered) {
    const file = join(options.outputDir, FILES[kind]);
    writeFileSafely(file, content, { root: options.outputDir });
    files[kind] = options.display(file);
  }

  platform.setOutput('result', gate.result);
  for (const severity of SEVERITIES_DESCENDING) platform.setOutput(severity.toLowerCase(), String(gate.counts[severity]));
  platform.setOutput('total', String(gate.gated.length));
  platform.setOutput('blocking', String(gate.blocking));
  platform.setOutput('report-file', files.report ?? '');
  platform.setOutput('sarif-file', files.sarif ?? '');
  platform.setOutput('gitlab-report', files.gitlab ?? '');
  platform.setOutput('summary-file', files.markdown ?? '');
  platform.setOutput('sbom-file', files.cyclonedx ?? files.spdx ?? '');
  await platform.summary(markdown);

  if (options.upload && files.sarif) {
    const sarifText = rendered.find(([kind]) => kind === 'sarif')?.[1] ?? '';
    platform.setOutput('sarif-id', await uploadSarif(platform, options.upload, sarifText));
  }

  if (gate.result === 'failed') {
    const over = gate.exceeded.map((entry) => `${entry.count} ${entry.severity} (limit ${entry.limit})`).join(', ');
    throw new AegisError(
      `Scan gate failed for ${report.ArtifactName}: ${over}; ${gate.blocking} blocking finding(s). Rules from ${source}. See ${files.markdown ?? 'the job summary'}.`,
    );
  }
  return { report, gate, files, markdown };
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
  mkdirSync(options.outputDir, { recursive: true });
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

export const scan: StageDefinition = { ...definition, run: async (platform) => void (await runScan(platform)) };

// The module shape of every stage (src/stages/index.ts): definition, parse, run.
export { definition };
export const parse = (reader: InputReader, platform: Platform): ScanOptions => parseScanInputs(reader, platform.workspace);
export const run = scan.run;

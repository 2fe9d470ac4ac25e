import { type GateResult, suppressions } from './gate.js';
import { type GitLabOptions, renderGitLabText } from './gitlab.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import type { TrivyReport } from './report.js';
import { renderSarifText, type SarifOptions } from './sarif.js';
import { renderCycloneDxText, renderSpdx, type SbomFormat } from './sbom.js';

/** Every file the stage writes, by kind, and its name in the output directory. */
export const OUTPUT_FILES = {
  report: 'trivy-report.json',
  sarif: 'trivy-results.sarif',
  gitlab: 'gl-container-scanning-report.json',
  gitlabSecrets: 'gl-secret-detection-report.json',
  gitlabSast: 'gl-sast-report.json',
  markdown: 'scan-summary.md',
  cyclonedx: 'sbom.cdx.json',
  spdx: 'sbom.spdx.json',
} as const;
export type OutputKind = keyof typeof OUTPUT_FILES;

export interface OutputPlan {
  /** Report mode: the report's own text, written back byte for byte (Trivy did not write it here). */
  reportText?: string;
  /** SARIF options; absent means no SARIF. */
  sarif?: Omit<SarifOptions, 'suppressed'>;
  /** The three GitLab reports; absent means none. */
  gitlab?: GitLabOptions;
  sboms: readonly SbomFormat[];
  /** The summary is always rendered (it is the job summary); `markdownFile` also writes it. */
  markdown: MarkdownOptions;
  markdownFile: boolean;
  now: Date;
}

/**
 * Machine-read files are written compact: code scanning, GitLab and SBOM consumers parse them,
 * and V8 serialises without indentation about twice as fast. One trailing newline.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}

/**
 * Every output of one scan, rendered one at a time when asked for: the caller writes each
 * before the next is rendered, so only one rendering is in memory at once. The stage writes
 * exactly these strings, and bench/scan measures exactly this.
 */
export function* renderOutputs(report: TrivyReport, gate: GateResult, plan: OutputPlan): Generator<[OutputKind, string]> {
  if (plan.reportText !== undefined) yield ['report', plan.reportText.endsWith('\n') ? plan.reportText : `${plan.reportText}\n`];
  if (plan.sarif) yield ['sarif', `${renderSarifText(report, { ...plan.sarif, suppressed: suppressions(gate) })}\n`];
  if (plan.gitlab) {
    yield ['gitlab', `${renderGitLabText(report, plan.gitlab, 'container_scanning')}\n`];
    yield ['gitlabSecrets', `${renderGitLabText(report, plan.gitlab, 'secret_detection')}\n`];
    yield ['gitlabSast', `${renderGitLabText(report, plan.gitlab, 'sast')}\n`];
  }
  for (const kind of new Set(plan.sboms))
    yield [kind, kind === 'spdx' ? jsonText(renderSpdx(report, plan.now)) : `${renderCycloneDxText(report, plan.now)}\n`];
  if (plan.markdownFile) yield ['markdown', renderMarkdown(gate, plan.markdown)];
}

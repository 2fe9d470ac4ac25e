import { type GateResult, suppressions } from './gate.js';
import { type GitLabOptions, renderGitLab } from './gitlab.js';
import { type MarkdownOptions, renderMarkdown } from './markdown.js';
import type { TrivyReport } from './report.js';
import { renderSarif, type SarifOptions } from './sarif.js';
import { renderCycloneDx, renderSpdx, type SbomFormat } from './sbom.js';

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
  /** Write the report itself (report mode: Trivy did not write it). */
  report: boolean;
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

/** Indented, as people open these files; one trailing newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Renders every output of one scan to its final text, before anything is written: the
 * stage writes exactly these strings, and bench/scan measures exactly this.
 */
export function renderOutputs(
  report: TrivyReport,
  gate: GateResult,
  plan: OutputPlan,
): { files: Map<OutputKind, string>; markdown: string } {
  const files = new Map<OutputKind, string>();
  if (plan.report) files.set('report', jsonText(report));
  if (plan.sarif) files.set('sarif', jsonText(renderSarif(report, { ...plan.sarif, suppressed: suppressions(gate) })));
  if (plan.gitlab) {
    files.set('gitlab', jsonText(renderGitLab(report, plan.gitlab, 'container_scanning')));
    files.set('gitlabSecrets', jsonText(renderGitLab(report, plan.gitlab, 'secret_detection')));
    files.set('gitlabSast', jsonText(renderGitLab(report, plan.gitlab, 'sast')));
  }
  for (const kind of new Set(plan.sboms)) {
    files.set(kind, jsonText(kind === 'spdx' ? renderSpdx(report, plan.now) : renderCycloneDx(report, plan.now)));
  }
  const markdown = renderMarkdown(gate, plan.markdown);
  if (plan.markdownFile) files.set('markdown', markdown);
  return { files, markdown };
}

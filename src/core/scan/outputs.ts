import { closeSync, constants, openSync, rmSync, writeSync } from 'node:fs';
import { type GateResult, suppressions } from './gate.js';
import { type GitLabOptions, writeGitLab } from './gitlab.js';
import type { TextSink } from './json-text.js';
import type { TrivyReport } from './report.js';
import { type SarifOptions, writeSarif } from './sarif.js';
import { type SbomFormat, writeCycloneDx, writeSpdx } from './sbom.js';

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
  /** The summary (rendered once: it is also the job summary), written as a file when given. */
  markdownText?: string;
  now: Date;
}

/**
 * Every output of one scan, each written when asked for: the caller opens a sink, the output
 * is written to it, and only then is the next one made, so one output at a time is in memory
 * (and that one as pieces, never as a whole). Machine-read files (SARIF, GitLab, SBOMs) are
 * compact JSON: their consumers parse them, and V8 serialises without indentation about twice
 * as fast. The stage writes exactly this, and bench/scan measures exactly this.
 */
export function* renderOutputs(report: TrivyReport, gate: GateResult, plan: OutputPlan): Generator<[OutputKind, (out: TextSink) => void]> {
  const line = (write: (out: TextSink) => void) => (out: TextSink) => {
    write(out);
    out.write('\n');
  };
  if (plan.reportText !== undefined) {
    const text = plan.reportText;
    // Not `${text}\n`: that would flatten a copy of a report of tens of MB.
    yield [
      'report',
      (out) => {
        out.write(text);
        if (!text.endsWith('\n')) out.write('\n');
      },
    ];
  }
  if (plan.sarif) {
    const options = { ...plan.sarif, suppressed: suppressions(gate) };
    yield ['sarif', line((out) => writeSarif(out, report, options))];
  }
  const gitlab = plan.gitlab;
  if (gitlab) {
    yield ['gitlab', line((out) => writeGitLab(out, report, gitlab, 'container_scanning'))];
    yield ['gitlabSecrets', line((out) => writeGitLab(out, report, gitlab, 'secret_detection'))];
    yield ['gitlabSast', line((out) => writeGitLab(out, report, gitlab, 'sast'))];
  }
  for (const kind of new Set(plan.sboms)) {
    yield [kind, line((out) => (kind === 'spdx' ? writeSpdx(out, report, plan.now) : writeCycloneDx(out, report, plan.now)))];
  }
  const markdown = plan.markdownText;
  if (markdown !== undefined) yield ['markdown', (out) => out.write(markdown)];
}

const CHUNK = 1 << 20;
const PENDING = 1 << 16;

/**
 * Writes an output to a file through one reused MiB buffer: never the whole text in memory,
 * no joined copy of it, and one write per MiB rather than per item.
 */
export function writeOutputFile(path: string, write: (out: TextSink) => void): void {
  // A fresh file only: a stale temporary, or a link planted under its name, is removed and never followed.
  rmSync(path, { force: true });
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let used = 0;
    // Items arrive as many small strings: joined into one of about 64 KiB (V8 concatenates
    // without copying), each is flattened and encoded in one call instead of one per item.
    let pending = '';
    const flush = () => {
      if (used > 0) writeSync(fd, buffer, 0, used);
      used = 0;
    };
    // A large text (the report itself) is encoded slice by slice into the buffer, never into a copy of its size.
    const writeLarge = (text: string) => {
      for (let at = 0; at < text.length; ) {
        let end = Math.min(at + CHUNK / 4, text.length);
        // Never between the two halves of a surrogate pair.
        if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
        const part = text.slice(at, end);
        if (used + part.length * 3 > CHUNK) flush();
        used += buffer.write(part, used);
        at = end;
      }
    };
    const drain = () => {
      // A UTF-16 code unit is at most 3 UTF-8 bytes: that bound decides without measuring the text.
      const most = pending.length * 3;
      if (used + most > CHUNK) flush();
      if (most > CHUNK) writeLarge(pending);
      else used += buffer.write(pending, used);
      pending = '';
    };
    write({
      write: (text) => {
        pending += text;
        if (pending.length >= PENDING) drain();
      },
    });
    drain();
    flush();
  } finally {
    closeSync(fd);
  }
}

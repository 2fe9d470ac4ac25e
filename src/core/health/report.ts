import { formatSeconds } from '../duration.js';
import { inlineText, markdownTable, mermaidLabel, mermaidText } from '../markdown.js';
import { type CheckSpec, describeConditions } from './checks.js';
import type { MeasurementPhase } from './evaluator.js';
import type { MeasurementRecord, WatchResult } from './watch.js';

/** What the gate did about the verdict, for the summary, the file and the notification. */
export interface Decision {
  method: 'git-revert' | 'argocd' | 'kubectl' | 'none';
  /** Whether the verdict called for a rollback (rollback-on). */
  wanted: boolean;
  rolledBack: boolean;
  dryRun: boolean;
  /** One sentence: what happened. */
  text: string;
  revertSha?: string;
}

/** Score charted for checks whose measurements carry no number. */
const PHASE_SCORE: Record<MeasurementPhase, number> = { Successful: 1, Inconclusive: 0.5, Error: Number.NaN, Failed: 0 };
const ICON: Record<MeasurementPhase | 'Running', string> = {
  Successful: '✅',
  Failed: '❌',
  Inconclusive: '❔',
  Error: '⚠️',
  Running: '⏳',
};
const MAX_POINTS = 60;

/**
 * A mermaid xychart of one check's measurements over time: its value (query result,
 * latency, available replicas) when it has one, else a phase score. An Error measurement has
 * no value: it is left out of the line (a gap, never a 0 that would read as "0 % errors")
 * and listed under the chart. GitHub and GitLab both render mermaid in markdown.
 */
export function measurementChart(check: string, measurements: readonly MeasurementRecord[]): string | undefined {
  const completed = measurements.filter((m) => m.check === check && m.phase !== 'Running').slice(-MAX_POINTS);
  const errors = completed.filter((m) => m.phase === 'Error');
  const drawn = completed.filter((m) => m.phase !== 'Error');
  const numeric = drawn.length > 0 && drawn.every((m) => m.value !== undefined);
  const plotted = drawn;
  const lines: string[] = [];
  if (plotted.length > 0) {
    const points = plotted.map((m) => (numeric ? (m.value as number) : PHASE_SCORE[m.phase as MeasurementPhase]));
    const seconds = plotted.map((m) => `"${(m.elapsedMs / 1000).toFixed(1)}s"`);
    const round = (n: number) => Number(n.toPrecision(6));
    lines.push(
      '```mermaid',
      'xychart-beta',
      `  title "${mermaidText(check)}${numeric ? '' : ' (1 Successful, 0.5 Inconclusive, 0 Failed)'}"`,
      `  x-axis [${seconds.join(', ')}]`,
      `  y-axis "${numeric ? 'value' : 'phase'}"`,
      `  line [${points.map(round).join(', ')}]`,
      '```',
    );
  }
  if (errors.length > 0) {
    lines.push(
      `${plotted.length > 0 ? '\n' : ''}⚠️ ${errors.length} Error measurement(s) have no value and are not drawn (gaps): ${errors.map((m) => `${(m.elapsedMs / 1000).toFixed(1)}s`).join(', ')}`,
    );
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** A small flowchart: each check's phase into the verdict, the verdict into the decision. */
export function decisionDiagram(result: WatchResult, decision: Decision): string {
  const lines = ['```mermaid', 'flowchart LR'];
  for (const [index, check] of result.checks.entries()) {
    lines.push(`  c${index}[${mermaidLabel(`${check.name}: ${check.phase}`)}] --> v{"verdict ${result.verdict}"}`);
  }
  lines.push(`  v --> d[${mermaidLabel(decision.text)}]`);
  lines.push('```');
  return lines.join('\n');
}

export function renderSummary(result: WatchResult, specs: readonly CheckSpec[], decision: Decision): string {
  const out = [`### aegis health-gate: ${ICON[result.verdict]} ${result.verdict}`, ''];
  out.push(`Watched for ${formatSeconds(result.durationMs)}, ended: ${result.endedBy}. **Decision:** ${decision.text}`, '');
  out.push(decisionDiagram(result, decision), '');
  const checkRows = result.checks.map((check) => {
    const spec = specs.find((candidate) => candidate.name === check.name) as CheckSpec;
    const t = check.tally;
    return [
      `${check.name}${check.dryRun ? ' (dry-run)' : ''}`,
      spec.provider.type,
      `${ICON[check.phase]} ${check.phase}`,
      check.reason,
      `${t.successful}/${t.failed}/${t.inconclusive}/${t.error}`,
      describeConditions(spec),
    ];
  });
  out.push(markdownTable(['check', 'type', 'phase', 'why', 'measurements (✅/❌/❔/⚠️)', 'decides by'], checkRows));
  out.push('');
  for (const check of result.checks) {
    const chart = measurementChart(check.name, result.measurements);
    const rows = result.measurements.filter((m) => m.check === check.name);
    out.push(`<details><summary>${inlineText(check.name)}: ${rows.length} measurement(s)</summary>`, '');
    if (chart) out.push(chart, '');
    out.push(
      markdownTable(
        ['#', 'at', 'phase', 'value', 'message'],
        rows
          .slice(-100)
          .map((m) => [
            String(m.index),
            `${(m.elapsedMs / 1000).toFixed(1)}s`,
            `${ICON[m.phase]} ${m.phase}`,
            String(m.value ?? ''),
            m.message,
          ]),
      ),
    );
    out.push('', '</details>', '');
  }
  out.push(
    '<sub>Decisions follow Argo Rollouts analysis: limits count tolerated measurements (failure-limit 0: the first Failed measurement fails the check); errors are retried after error-retry-interval up to consecutive-error-limit; the verdict is the worst check that is not dry-run.</sub>',
  );
  return `${out.join('\n')}\n`;
}

/** The `measurements` output file: everything needed to audit the decision later. */
export function measurementsDocument(result: WatchResult, specs: readonly CheckSpec[], decision: Decision): unknown {
  return {
    verdict: result.verdict,
    endedBy: result.endedBy,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    decision,
    checks: result.checks.map((check) => {
      const spec = specs.find((candidate) => candidate.name === check.name) as CheckSpec;
      const { phase: _phase, reason: _reason, ...counts } = check.tally;
      return {
        name: check.name,
        type: spec.provider.type,
        phase: check.phase,
        dryRun: check.dryRun,
        reason: check.reason,
        conditions: describeConditions(spec),
        limits: spec.limits,
        intervalMs: spec.intervalMs,
        errorRetryIntervalMs: spec.errorRetryIntervalMs,
        counts,
      };
    }),
    measurements: result.measurements,
  };
}

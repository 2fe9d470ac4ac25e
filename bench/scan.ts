// Renders a synthetic 20,000-finding Trivy report to every format and compares each with
// JSON.parse of the same report text, measured in the same run on the same machine.
// Run: npx tsx bench/scan.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { evaluateGate } from '../src/core/scan/gate.js';
import { renderGitLab } from '../src/core/scan/gitlab.js';
import { renderMarkdown } from '../src/core/scan/markdown.js';
import type { GateRules } from '../src/core/scan/policy.js';
import { findings, parseTrivyReport, type TrivyReport } from '../src/core/scan/report.js';
import { renderSarif } from '../src/core/scan/sarif.js';
import { renderCycloneDx, renderSpdx } from '../src/core/scan/sbom.js';
import { syntheticReport } from '../test/fixtures/scan/synthetic.js';

const FINDINGS = 20_000;
const ROUNDS = 7;
const text = JSON.stringify(syntheticReport(FINDINGS, { seed: 2025 }));
const rules: GateRules = { failOn: 'HIGH', warnOn: 'MEDIUM', ignoreUnfixed: true, max: {} };
const now = new Date('2025-06-15T00:00:00Z');

/** Median wall time in ms over ROUNDS, after one warm-up. */
function measure(body: () => unknown): number {
  body();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    body();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const report: TrivyReport = parseTrivyReport(text, 'synthetic');
const gateOf = (r: TrivyReport) => evaluateGate({ findings: findings(r), rules, ignores: [], now, expiryWarningDays: 14 });
const cases: [string, () => unknown][] = [
  ['JSON.parse (baseline)', () => JSON.parse(text)],
  ['parse + validate report', () => parseTrivyReport(text, 'synthetic')],
  ['gate', () => gateOf(report)],
  ['SARIF (render + stringify)', () => JSON.stringify(renderSarif(report))],
  ['GitLab (render + stringify)', () => JSON.stringify(renderGitLab(report, { now }))],
  ['markdown (gate + render)', () => renderMarkdown(gateOf(report), { target: report.ArtifactName, rules, rulesSource: 'inputs' })],
  ['CycloneDX (render + stringify)', () => JSON.stringify(renderCycloneDx(report, now))],
  ['SPDX (render + stringify)', () => JSON.stringify(renderSpdx(report, now))],
  [
    'all formats from text (what the stage does)',
    () => {
      const r = parseTrivyReport(text, 'synthetic');
      const gate = gateOf(r);
      JSON.stringify(renderSarif(r));
      JSON.stringify(renderGitLab(r, { now }));
      renderMarkdown(gate, { target: r.ArtifactName, rules, rulesSource: 'inputs' });
      JSON.stringify(renderCycloneDx(r, now));
      JSON.stringify(renderSpdx(r, now));
    },
  ],
];

const baseline = measure(cases[0]?.[1] as () => unknown);
const rows = cases.map(([name, body], index) => {
  const ms = index === 0 ? baseline : measure(body);
  return { name, ms: Math.round(ms * 100) / 100, ratio: Math.round((ms / baseline) * 100) / 100 };
});

const result = {
  benchmark: 'scan renderers',
  findings: FINDINGS,
  reportBytes: text.length,
  rounds: ROUNDS,
  statistic: 'median',
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  date: new Date().toISOString(),
  rows,
};
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'scan.json'), `${JSON.stringify(result, null, 2)}\n`);
const markdown = [
  `# bench/scan: ${FINDINGS.toLocaleString('en')} findings (${(text.length / 1e6).toFixed(1)} MB report)`,
  '',
  `Median of ${ROUNDS} rounds after a warm-up; ratio is to \`JSON.parse\` of the same report text in the same run. Node ${process.version}, ${result.cpu}. Command: \`npx tsx bench/scan.ts\`.`,
  '',
  '| Step | ms | × JSON.parse |',
  '| --- | ---: | ---: |',
  ...rows.map((row) => `| ${row.name} | ${row.ms} | ${row.ratio} |`),
  '',
].join('\n');
writeFileSync(join(dir, 'scan.md'), markdown);
process.stdout.write(markdown);

// Renders a synthetic 20,000-finding Trivy report (indented, as Trivy writes it) to every output
// the stage writes (the same renderOutputs and writeOutputFile calls) and compares it with
// JSON.parse of the same report text, measured in the same run on the same machine: time
// in-process (median of rounds), memory as the peak RSS of each in a fresh process. Also the
// runtime's own floor for this much output: JSON.stringify of the same documents, already built
// as objects (no rendering at all), against the same parse.
// Run: npx tsx bench/scan.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateGate, type GateResult } from '../src/core/scan/gate.js';
import { renderGitLab } from '../src/core/scan/gitlab.js';
import { renderMarkdown } from '../src/core/scan/markdown.js';
import { OUTPUT_FILES, type OutputPlan, renderOutputs, writeOutputFile } from '../src/core/scan/outputs.js';
import type { GateRules } from '../src/core/scan/policy.js';
import { findings, parseTrivyReport, type TrivyReport } from '../src/core/scan/report.js';
import { renderSarif } from '../src/core/scan/sarif.js';
import { renderCycloneDx, renderSpdx } from '../src/core/scan/sbom.js';
import { syntheticReport } from '../test/fixtures/scan/synthetic.js';

const FINDINGS = 20_000;
const ROUNDS = 7;
const TIME_LIMIT = 3;
const MEMORY_LIMIT = 2;
const rules: GateRules = { failOn: 'HIGH', warnOn: 'MEDIUM', ignoreUnfixed: true, max: {} };
const now = new Date('2025-06-15T00:00:00Z');

/** The stage from the report text on: parse and check, gate, render and write out every output (both SBOMs). */
function stage(text: string, dir: string): number {
  const report = parseTrivyReport(text, 'synthetic');
  const gate = evaluateGate({ findings: findings(report), rules, ignores: [], now, expiryWarningDays: 14 });
  return render(report, gate, text, dir);
}

/** Milliseconds per output over the stage rounds, and its size: where the time goes. */
const perOutput = new Map<string, { ms: number[]; bytes: number }>();

/** Only the rendering and writing, from a parsed and gated report. */
function render(report: TrivyReport, gate: GateResult, text: string, dir: string): number {
  const plan: OutputPlan = {
    reportText: text,
    sarif: { category: 'aegis-scan/acme/api' },
    gitlab: { now, commitSha: '0'.repeat(40) },
    sboms: ['cyclonedx', 'spdx'],
    markdownText: renderMarkdown(gate, { target: report.ArtifactName, rules, rulesSource: 'inputs' }),
    now,
  };
  let bytes = 0;
  // As the stage: each output is written to a new file of its own before the next is made.
  for (const [kind, write] of renderOutputs(report, gate, plan)) {
    const file = join(dir, OUTPUT_FILES[kind]);
    const start = process.hrtime.bigint();
    writeOutputFile(file, write);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const size = statSync(file).size;
    bytes += size;
    const entry = perOutput.get(kind) ?? { ms: [], bytes: size };
    entry.ms.push(ms);
    perOutput.set(kind, entry);
  }
  return bytes;
}

const mode = process.argv[2];
if (mode === '--child') {
  // One measurement in a fresh process, without a forced collection (the stage never forces one,
  // and one after loading the text changes how V8 sizes its young generation: with it the
  // stage measured ~60 MB more): the peak RSS of the whole process, in bytes. Run from the
  // source under tsx, as the time rounds are, not from the bundle.
  const text = readFileSync(process.argv[4] as string, 'utf8');
  const before = 0;
  const keep = process.argv[3] === 'parse' ? JSON.parse(text) : stage(text, mkdtempSync(join(process.argv[5] as string, 'out-')));
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ extra: peak - before, keep: typeof keep }));
  process.exit(0);
}

/** Median wall time in ms over ROUNDS, after one warm-up; `prepare` runs untimed before each. */
function measure(body: () => unknown, prepare: () => void = () => {}): number {
  prepare();
  body();
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    prepare();
    const start = process.hrtime.bigint();
    body();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const loadBefore = loadavg()[0] as number;
const text = JSON.stringify(syntheticReport(FINDINGS, { seed: 2025 }), null, 2);
const parseMs = measure(() => JSON.parse(text));
let written = 0;
const sinkDir = mkdtempSync(join(tmpdir(), 'aegis-bench-scan-out-'));
// Each round writes into an empty directory, as the stage writes fresh files; the last round's are removed untimed.
let roundDir = '';
const freshDir = () => {
  if (roundDir) rmSync(roundDir, { recursive: true, force: true });
  roundDir = mkdtempSync(join(sinkDir, 'round-'));
};
const stageMs = measure(() => {
  written = stage(text, roundDir);
}, freshDir);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const outputs = [...perOutput].map(([kind, { ms, bytes }]) => ({
  kind,
  ms: Math.round(median(ms) * 10) / 10,
  bytes,
}));
perOutput.clear();
const parsed = parseTrivyReport(text, 'synthetic');
const gated = evaluateGate({ findings: findings(parsed), rules, ignores: [], now, expiryWarningDays: 14 });
// A fresh copy each round: findings are cached per report object.
const renderMs = measure(() => render(structuredClone(parsed), gated, text, roundDir), freshDir) - measure(() => structuredClone(parsed));
rmSync(sinkDir, { recursive: true, force: true });
// The floor: V8's JSON.stringify of the machine-read documents the stage writes (SARIF, the
// container-scanning report, both SBOMs), built as objects beforehand and untimed.
const documents = [
  renderSarif(parsed, { category: 'aegis-scan/acme/api' }),
  renderGitLab(parsed, { now, commitSha: '0'.repeat(40) }),
  renderCycloneDx(parsed, now),
  renderSpdx(parsed, now),
];
const stringifyMs = measure(() => documents.map((document) => JSON.stringify(document).length));

const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-scan-'));
const reportFile = join(dir, 'report.json');
writeFileSync(reportFile, text);
const child = (what: 'parse' | 'stage'): number =>
  (
    JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', what, reportFile, dir], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      }),
    ) as { extra: number }
  ).extra;
// Peak RSS of the whole process (runtime, text and work), median of three fresh processes each, to keep one noisy neighbour from deciding.
const median3 = (what: 'parse' | 'stage') => [child(what), child(what), child(what)].sort((a, b) => a - b)[1] as number;
const parseMemory = median3('parse');
const stageMemory = median3('stage');
rmSync(dir, { recursive: true, force: true });

const MiB = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const timeRatio = Math.round((stageMs / parseMs) * 100) / 100;
const memoryRatio = Math.round((stageMemory / parseMemory) * 100) / 100;
const result = {
  benchmark: 'scan: every output the stage writes vs JSON.parse of the report',
  findings: FINDINGS,
  reportBytes: text.length,
  writtenBytes: written,
  rounds: ROUNDS,
  statistic: 'median',
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  date: new Date().toISOString(),
  /** One-minute load average before and after: the machine is shared. */
  load: { before: Math.round(loadBefore * 100) / 100, after: Math.round((loadavg()[0] as number) * 100) / 100 },
  time: {
    parseMs: Math.round(parseMs),
    stageMs: Math.round(stageMs),
    ratio: timeRatio,
    renderMs: Math.round(renderMs),
    renderRatio: Math.round((renderMs / parseMs) * 100) / 100,
    /** JSON.stringify of the four documents, already built: what the runtime itself needs for this output. */
    stringifyDocumentsMs: Math.round(stringifyMs),
    stringifyRatio: Math.round((stringifyMs / parseMs) * 100) / 100,
    limit: TIME_LIMIT,
  },
  memory: { parseMiB: MiB(parseMemory), stageMiB: MiB(stageMemory), ratio: memoryRatio, limit: MEMORY_LIMIT },
  outputs,
};
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'scan.json'), `${JSON.stringify(result, null, 2)}\n`);
const markdown = [
  `# bench/scan: ${FINDINGS.toLocaleString('en')} findings (${(text.length / 1e6).toFixed(1)} MB report)`,
  '',
  `Parse, gate, render and write every output the stage writes (report, SARIF, three GitLab reports, markdown, CycloneDX and SPDX, ${(written / 1e6).toFixed(1)} MB in all, exactly as the stage writes them) from Trivy-style indented report text, against \`JSON.parse\` of the same text in the same run. Time: median of ${ROUNDS} rounds in-process, each writing its files anew into an empty directory as the stage does; memory: peak RSS of a fresh process that loads the text and does the one or the other (no forced collection, as in the stage), median of 3 each. Node ${process.version}, ${result.cpu}. Command: \`npx tsx bench/scan.ts\`.`,
  '',
  '| | JSON.parse | stage (parse, gate, render, write) | × JSON.parse | limit |',
  '| --- | ---: | ---: | ---: | ---: |',
  `| time | ${Math.round(parseMs)} ms | ${Math.round(stageMs)} ms | ${timeRatio} | ${TIME_LIMIT} |`,
  `| memory | ${MiB(parseMemory)} MiB | ${MiB(stageMemory)} MiB | ${memoryRatio} | ${MEMORY_LIMIT} |`,
  `| time, rendering and writing only (after parse and gate) | ${Math.round(parseMs)} ms | ${Math.round(renderMs)} ms | ${result.time.renderRatio} | ${TIME_LIMIT} |`,
  `| floor: JSON.stringify of the SARIF, GitLab, CycloneDX and SPDX documents, already built as objects (nothing rendered, nothing written) | ${Math.round(parseMs)} ms | ${Math.round(stringifyMs)} ms | ${result.time.stringifyRatio} | |`,
  '',
  `Per output (median ms of the stage rounds, making and writing each file): ${outputs.map((o) => `${o.kind} ${o.ms} ms (${o.bytes < 1e5 ? `${(o.bytes / 1e3).toFixed(1)} kB` : `${(o.bytes / 1e6).toFixed(1)} MB`})`).join(', ')}. Load average ${result.load.before} before, ${result.load.after} after.`,
  '',
].join('\n');
writeFileSync(join(results, 'scan.md'), markdown);
process.stdout.write(markdown);
if (timeRatio > TIME_LIMIT || memoryRatio > MEMORY_LIMIT) {
  process.stderr.write(`bench/scan: over the limit (time ${timeRatio}× > ${TIME_LIMIT}× or memory ${memoryRatio}× > ${MEMORY_LIMIT}×)\n`);
  process.exitCode = 1;
}

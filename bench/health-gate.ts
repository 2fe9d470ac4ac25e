// Benchmark of health-gate's reaction time: from the moment the watched service turns bad to
// the revert commit being pushed to the GitOps repository, with a real Prometheus scraping
// the service every second. Baseline in the same run: when Prometheus itself first shows the
// error rate over the threshold (polled every 50 ms) — the signal no gate can see earlier.
// The gate's own share (reaction − signal), and the time from the first bad (Failed)
// measurement to the revert being pushed, are compared with the target: one interval + 1 s.
// Run: npx tsx bench/health-gate.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHealthGate, runInMemory, startService } from '../test/fixtures/health-gate/harness.js';
import { startPrometheus, waitFor } from '../test/fixtures/health-gate/prometheus.js';
import { createBareRepo, tempDir } from '../test/helpers/git.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WINDOW = '5s';
const ERROR_RATE = `sum(rate(http_requests_total{code=~"5.."}[${WINDOW}])) / sum(rate(http_requests_total[${WINDOW}]))`;
const THRESHOLD = 0.05;
const INTERVALS_MS = [1000, 2000];
const RUNS = 3;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Sample {
  intervalMs: number;
  signalMs: number;
  revertPushedMs: number;
  gateShareMs: number;
  /** From the first Failed measurement landing to the revert pushed. */
  afterFirstBadMs: number;
  verdict: string;
  reverted: boolean;
}

const service = await startService();
const prometheus = await startPrometheus(`127.0.0.1:${service.port}`);
const workspace = tempDir('aegis-bench-health-');
const samples: Sample[] = [];
try {
  await waitFor(
    () => prometheus.query(ERROR_RATE),
    (value) => value === 0,
    30_000,
    'a zero error rate',
  );
  for (const intervalMs of INTERVALS_MS) {
    for (let run = 1; run <= RUNS; run++) {
      const repo = createBareRepo({
        'overlays/dev/kustomization.yaml': 'images:\n  - name: registry.example.com/aegis/api\n    newTag: "1.0.0"\n',
      });
      const bump = await runInMemory(
        'gitops-bump',
        { repository: repo.bare, paths: 'overlays/dev', images: 'registry.example.com/aegis/api:1.4.3', environment: 'dev' },
        workspace,
      );
      const gate = runHealthGate(
        {
          checks: `- name: error-rate\n  prometheus: {address: "${prometheus.url}", query: '${ERROR_RATE}', success-condition: 'len(result) == 0 || result[0] < ${THRESHOLD}'}`,
          interval: `${intervalMs}ms`,
          count: '0',
          timeout: '60s',
          'rollback-commit': bump.outputs['commit-sha'] as string,
          repository: repo.bare,
        },
        workspace,
      );
      // Turn bad at a random point of the interval, after a few good measurements.
      await sleep(2 * intervalMs + Math.round(Math.random() * intervalMs));
      const badSince = service.turnBad();
      const signal = waitFor(
        () => prometheus.query(ERROR_RATE),
        (value) => value !== undefined && value >= THRESHOLD,
        30_000,
        'the signal',
      ).then(() => Date.now() - badSince);
      const result = await gate;
      const pushedAt = Date.now();
      const revertPushedMs = pushedAt - badSince;
      const document = JSON.parse(readFileSync(result.outputs.measurements as string, 'utf8')) as {
        startedAt: string;
        measurements: Array<{ phase: string; elapsedMs: number }>;
      };
      const firstBad = document.measurements.find((m) => m.phase === 'Failed');
      const afterFirstBadMs = firstBad ? pushedAt - (Date.parse(document.startedAt) + firstBad.elapsedMs) : Number.NaN;
      const signalMs = await signal;
      samples.push({
        intervalMs,
        signalMs,
        revertPushedMs,
        gateShareMs: revertPushedMs - signalMs,
        afterFirstBadMs,
        verdict: result.outputs.verdict ?? 'none',
        reverted: result.outputs['revert-sha'] === repo.tip(),
      });
      console.log(JSON.stringify(samples.at(-1)));
      service.turnGood();
      repo.cleanup();
      await waitFor(
        () => prometheus.query(ERROR_RATE),
        (value) => value === 0,
        30_000,
        'the error rate back to zero',
      );
    }
  }
} finally {
  await service.stop();
  await prometheus.stop();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const rows = INTERVALS_MS.map((intervalMs) => {
  const group = samples.filter((sample) => sample.intervalMs === intervalMs);
  const target = intervalMs + 1000;
  const worstShare = Math.max(...group.map((sample) => sample.gateShareMs));
  return {
    intervalMs,
    runs: group.length,
    signalMedianMs: median(group.map((sample) => sample.signalMs)),
    revertPushedMedianMs: median(group.map((sample) => sample.revertPushedMs)),
    revertPushedMaxMs: Math.max(...group.map((sample) => sample.revertPushedMs)),
    gateShareMedianMs: median(group.map((sample) => sample.gateShareMs)),
    gateShareMaxMs: worstShare,
    afterFirstBadMedianMs: median(group.map((sample) => sample.afterFirstBadMs)),
    afterFirstBadMaxMs: Math.max(...group.map((sample) => sample.afterFirstBadMs)),
    targetMs: target,
    // The target is on the gate's own reaction: the first bad measurement to the revert pushed.
    withinTarget: Math.max(...group.map((sample) => sample.afterFirstBadMs)) <= target,
    allFailedAndReverted: group.every((sample) => sample.verdict === 'Failed' && sample.reverted),
  };
});

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(
  join(root, 'bench/results/health-gate.json'),
  `${JSON.stringify({ date: new Date().toISOString(), machine, query: ERROR_RATE, threshold: THRESHOLD, scrapeInterval: '1s', rows, samples }, null, 2)}\n`,
);
writeFileSync(
  join(root, 'bench/results/health-gate.md'),
  [
    '# health-gate benchmark',
    '',
    `\`npx tsx bench/health-gate.ts\` on ${machine}, ${new Date().toISOString()}.`,
    '',
    `Real Prometheus scraping the service every 1 s; the gate watches \`${ERROR_RATE}\` with \`success-condition: len(result) == 0 || result[0] < ${THRESHOLD}\`,`,
    'failure-limit 0, rollback git-revert to a bare repository on disk. The service turns bad (every other request 500) at a random',
    'point of an interval. *Signal*: Prometheus first answers the query over the threshold (polled every 50 ms): the baseline no gate can beat.',
    '*Revert pushed*: the stage has pushed the revert and returned. *Gate share* = revert pushed − signal. *After first bad*: from the first',
    'Failed measurement to the revert pushed; the target (one interval + 1 s) is on this one. The gate share adds the wait for the next',
    'measurement after Prometheus shows the failure (up to one interval).',
    '',
    '| interval | runs | signal (median) | revert pushed (median / max) | gate share (median / max) | after first bad (median / max) | target | within target | all Failed + reverted |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (row) =>
        `| ${row.intervalMs} ms | ${row.runs} | ${row.signalMedianMs} ms | ${row.revertPushedMedianMs} / ${row.revertPushedMaxMs} ms | ${row.gateShareMedianMs} / ${row.gateShareMaxMs} ms | ${row.afterFirstBadMedianMs} / ${row.afterFirstBadMaxMs} ms | ≤ ${row.targetMs} ms | ${row.withinTarget ? 'yes' : 'NO'} | ${row.allFailedAndReverted ? 'yes' : 'NO'} |`,
    ),
    '',
  ].join('\n'),
);
console.log(rows);

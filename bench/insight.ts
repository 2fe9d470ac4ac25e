// Benchmark of insight over a large GitOps history: 100,000 commits (made with
// `git fast-import`) over 200 services × 4 environments — bumps into dev with a source time,
// promotions dev → staging → prod-eu → prod carrying it, and health-gate reverts. Measures the
// status and DORA figures (one `git log` pass parsed into events, the overlays at the tip,
// the status, the four keys) against the floor in the same run: `git log
// --format=%(trailers)` over the same history, which only prints what we parse.
// Target: within 3× the floor. Run: npx tsx bench/insight.ts
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Git } from '../src/core/git/git.js';
import { computeDora } from '../src/core/insight/dora.js';
import { readRepository } from '../src/core/insight/repository.js';
import { computeStatus } from '../src/core/insight/status.js';
import { run } from '../src/core/process.js';
import { parseEnvironments } from '../src/core/promote/environments.js';

const COMMITS = Number(process.env.AEGIS_BENCH_COMMITS ?? 100_000);
const SERVICES = 200;
const ENVIRONMENTS = ['dev', 'staging', 'prod-eu', 'prod'];
const RUNS = 3;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const START = Date.parse('2026-06-01T00:00:00Z') / 1000;
const STEP = 60; // one commit a minute: 100,000 commits ≈ 69 days
const iso = (time: number) => new Date(time * 1000).toISOString().replace('.000', '');
const image = (service: number) => `registry.example.com/shop/svc-${service}`;
const overlay = (service: number, tag: string) => `images:\n  - name: ${image(service)}\n    newTag: "${tag}"\n`;

/** A deterministic history as a fast-import stream: what the stages would have written. */
function history(): string {
  const parts: string[] = [];
  const version: number[][] = ENVIRONMENTS.map(() => Array.from({ length: SERVICES }, () => 0));
  const sourceTime: number[][] = ENVIRONMENTS.map(() => Array.from({ length: SERVICES }, () => START));
  const lastCommit: Array<Array<string | undefined>> = ENVIRONMENTS.map(() => Array.from({ length: SERVICES }, () => undefined));
  let random = 42;
  const next = () => {
    random = (random * 1103515245 + 12345) % 2 ** 31;
    return random / 2 ** 31;
  };
  const files: string[] = [];
  for (let e = 0; e < ENVIRONMENTS.length; e++) {
    for (let s = 0; s < SERVICES; s++)
      files.push(`M 100644 inline overlays/${ENVIRONMENTS[e]}/svc-${s}/kustomization.yaml\n${data(overlay(s, '0'))}`);
  }
  const commit = (mark: number, time: number, message: string, changes: string[]) => {
    parts.push(
      `commit refs/heads/main\nmark :${mark}\ncommitter bench <bench@example.com> ${time} +0000\n${data(message)}${mark > 1 ? `from :${mark - 1}\n` : ''}${changes.join('')}\n`,
    );
  };
  commit(1, START, 'seed\n', files);
  for (let mark = 2; mark <= COMMITS; mark++) {
    const time = START + mark * STEP;
    const service = Math.floor(next() * SERVICES);
    const roll = next();
    const sha = `:${mark}`;
    if (roll < 0.02 && lastCommit[0]?.[service]) {
      // a health-gate revert of the service's last dev bump
      const v = (version[0]?.[service] ?? 1) - 1;
      (version[0] as number[])[service] = v;
      commit(
        mark,
        time,
        `Revert "bump"\n\nAegis-Reverts: ${'0'.repeat(40 - String(mark).length)}${mark}\nAegis-Image: ${image(service)}=${image(service)}:1.${v}.0\nAegis-Environment: dev\nAegis-Stage: health-gate\n`,
        [`M 100644 inline overlays/dev/svc-${service}/kustomization.yaml\n${data(overlay(service, `1.${v}.0`))}`],
      );
    } else if (roll < 0.7) {
      const v = (version[0]?.[service] ?? 0) + 1;
      (version[0] as number[])[service] = v;
      (sourceTime[0] as number[])[service] = time - 1800;
      (lastCommit[0] as Array<string | undefined>)[service] = sha;
      commit(
        mark,
        time,
        `chore(gitops): bump svc-${service} to 1.${v}.0\n\nFiles:\n- overlays/dev/svc-${service}/kustomization.yaml\n\nAegis-Image: ${image(service)}=${image(service)}:1.${v}.0\nAegis-Previous-Image: ${image(service)}=${image(service)}:1.${v - 1}.0\nAegis-Environment: dev\nAegis-Source-Commit: ${'a'.repeat(40)}\nAegis-Source-Run: https://ci.example.com/run/${mark}\nAegis-Source-Time: ${iso(time - 1800)}\nAegis-Stage: gitops-bump\n`,
        [`M 100644 inline overlays/dev/svc-${service}/kustomization.yaml\n${data(overlay(service, `1.${v}.0`))}`],
      );
    } else {
      const to = 1 + Math.floor(next() * 3);
      const from = to - 1;
      const v = version[from]?.[service] ?? 0;
      (version[to] as number[])[service] = v;
      (sourceTime[to] as number[])[service] = sourceTime[from]?.[service] ?? START;
      commit(
        mark,
        time,
        `chore(promote): ${ENVIRONMENTS[from]} → ${ENVIRONMENTS[to]}: svc-${service} 1.${v}.0\n\nPromote.\n\nAegis-Image: ${image(service)}=${image(service)}:1.${v}.0\nAegis-Environment: ${ENVIRONMENTS[to]}\nAegis-Promoted-From: ${ENVIRONMENTS[from]}@${'b'.repeat(40)}\nAegis-Source-Run: https://ci.example.com/run/${mark}\nAegis-Source-Time: ${image(service)}=${iso(sourceTime[to]?.[service] ?? START)}\nAegis-Stage: promote\n`,
        [`M 100644 inline overlays/${ENVIRONMENTS[to]}/svc-${service}/kustomization.yaml\n${data(overlay(service, `1.${v}.0`))}`],
      );
    }
  }
  return parts.join('');
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}`;
}

function median(samples: number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] as number;
}

const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-insight-'));
try {
  spawnSync('git', ['init', '--quiet', '--initial-branch=main', dir]);
  const generated = performance.now();
  const imported = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: history(), maxBuffer: 1 << 30 });
  if (imported.status !== 0) throw new Error(`fast-import failed: ${imported.stderr}`);
  spawnSync('git', ['checkout', '--quiet', '-f', 'main'], { cwd: dir });
  const importMs = performance.now() - generated;
  const git = new Git(dir);
  const environments = parseEnvironments(ENVIRONMENTS.map((name) => `${name}: overlays/${name}/*`).join('\n'));
  const clone = { dir, git, close() {} };
  const now = START + COMMITS * STEP;

  const floor: number[] = [];
  const insight: number[] = [];
  let figures = { events: 0, status: 0, deployments: 0 };
  for (let round = 0; round < RUNS; round++) {
    let start = performance.now();
    await run('git', ['log', '--format=%(trailers)', 'HEAD'], { cwd: dir });
    floor.push(performance.now() - start);
    start = performance.now();
    const { history, overlays, lastTouch } = await readRepository(clone, environments);
    const status = computeStatus(history, ENVIRONMENTS, overlays, lastTouch);
    const dora = computeDora(history, { now, windowSeconds: 30 * 86_400, fixWithinSeconds: 3600 });
    insight.push(performance.now() - start);
    figures = {
      events: history.events.length,
      status: status.length,
      deployments: Object.values(dora.environments).reduce((sum, keys) => sum + keys.deployments, 0),
    };
  }
  const floorMs = median(floor);
  const insightMs = median(insight);
  const ratio = insightMs / floorMs;
  const results = {
    commits: COMMITS,
    services: SERVICES,
    environments: ENVIRONMENTS.length,
    runs: RUNS,
    cpus: cpus().length,
    node: process.version,
    importMs: Math.round(importMs),
    floorMs: Math.round(floorMs),
    insightMs: Math.round(insightMs),
    ratio: Number(ratio.toFixed(2)),
    target: 3,
    ...figures,
  };
  console.log(results);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/insight.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    join(root, 'bench/results/insight.md'),
    [
      `# insight: status and DORA over ${COMMITS.toLocaleString('en')} commits × ${SERVICES} services × ${ENVIRONMENTS.length} environments (median of ${RUNS}, ${cpus().length} CPUs, Node ${process.version})`,
      '',
      '| floor: `git log --format=%(trailers)` | insight: one `git log` pass + parse, overlays at the tip, status, four keys | ratio (target ≤ 3) |',
      '|---|---|---|',
      `| ${Math.round(floorMs)} ms | ${Math.round(insightMs)} ms | ${ratio.toFixed(2)}× |`,
      '',
      `${figures.events.toLocaleString('en')} deployment events, ${figures.status} status rows, ${figures.deployments.toLocaleString('en')} deployments in the 30-day window. The history was made with \`git fast-import\` (${Math.round(importMs / 1000)} s); cloning is not included. Run: \`npx tsx bench/insight.ts\`.`,
      '',
    ].join('\n'),
  );
  if (ratio > 3) {
    console.error(`insight took ${ratio.toFixed(2)}× the floor (target ≤ 3×).`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

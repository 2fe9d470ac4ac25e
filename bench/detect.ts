// Benchmark of detect, three comparisons made in the same run:
// 1. matching only: detect's indexed matcher against a re-implementation, in this process,
//    of per-file × per-filter matching (every file tested against every service's picomatch
//    globs, the algorithm paths-filter uses). It is NOT paths-filter itself: no process
//    start, no git, no action runtime.
// 2. end to end: the detect stage as the GitHub runner starts it (`node dist/detect/index.js`,
//    outputs and files written) against `git diff --name-only` as a process on the same
//    repository: the floor no tool that asks git can beat. Target: ≤ 3× at 2,000 services ×
//    100,000 files.
// 3. shallow clones: what each way of finding a merge base fetches on a 20,000-commit history.
// Run: npm run build && npx tsx bench/detect.ts
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import picomatch from 'picomatch';
import type { ChangedPath } from '../src/core/detect/changes.js';
import { detect } from '../src/core/detect/detect.js';
import { type Manifest, parseManifest, parseYamlManifest } from '../src/core/detect/manifest.js';
import { ServiceSelector } from '../src/core/detect/select.js';
import { silentLog } from '../src/core/log.js';

const SERVICES = 2000;
const LIBRARIES = 50;
const SIZES = process.env.BENCH_DETECT_SIZES ? process.env.BENCH_DETECT_SIZES.split(',').map(Number) : [10_000, 50_000, 100_000];
const RUNS = 5;
/** End-to-end runs per size (floor, core in process and stage interleaved): the median of these is reported. */
const STAGE_RUNS = Number(process.env.BENCH_DETECT_STAGE_RUNS ?? 7);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Deterministic PRNG (mulberry32) so every run measures the same workload. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(4, '0');

/** A monorepo manifest in the shape DESIGN.md shows: default includes, extra includes, excludes, libraries. */
function manifestText(): string {
  const lines = ["global: ['.github/workflows/**', 'package-lock.json']", 'services:'];
  for (let index = 0; index < LIBRARIES; index++)
    lines.push(`  lib-${pad(index)}:`, `    path: libs/lib-${pad(index)}`, '    kind: library');
  for (let index = 0; index < SERVICES - LIBRARIES; index++) {
    const name = `svc-${pad(index)}`;
    lines.push(`  ${name}:`, `    path: services/${name}`);
    if (index % 4 === 0) lines.push(`    include: ['services/${name}/**', 'proto/${name}/**']`);
    if (index % 3 === 0) lines.push("    exclude: ['**/*.md', 'services/*/docs/**']");
    if (index % 5 === 0) lines.push(`    depends-on: [lib-${pad(index % LIBRARIES)}]`);
  }
  return `${lines.join('\n')}\n`;
}

function changedFiles(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = (n: number) => Math.floor(next() * n);
  const extensions = ['ts', 'go', 'py', 'md', 'json', 'yaml'];
  const files = new Set<string>();
  while (files.size < count) {
    const roll = next();
    const file = `f${pick(100_000)}.${extensions[pick(extensions.length)]}`;
    const depth = Array.from({ length: pick(4) }, () => ['src', 'lib', 'docs', 'test', 'internal'][pick(5)]).join('/');
    const nested = depth ? `${depth}/${file}` : file;
    if (roll < 0.85) files.add(`services/svc-${pad(pick(SERVICES - LIBRARIES))}/${nested}`);
    else if (roll < 0.9) files.add(`libs/lib-${pad(pick(LIBRARIES))}/${nested}`);
    else if (roll < 0.95) files.add(`proto/svc-${pad(pick(SERVICES - LIBRARIES))}/${file}`);
    else files.add(`docs/${nested}`);
  }
  return [...files];
}

/** paths-filter's approach: each service's patterns compiled once, every file tested against every service. */
function baseline(manifest: Manifest, files: readonly string[]): Set<string> {
  const matchers = manifest.services.map((service) => ({
    name: service.name,
    include: picomatch(service.include, { dot: true }),
    exclude: service.exclude.length > 0 ? picomatch(service.exclude, { dot: true }) : () => false,
  }));
  const changed = new Set<string>();
  for (const file of files) {
    for (const matcher of matchers) {
      if (matcher.include(file) && !matcher.exclude(file)) changed.add(matcher.name);
    }
  }
  return changed;
}

function ours(manifest: Manifest, changes: readonly ChangedPath[]): Set<string> {
  const selector = new ServiceSelector(manifest, [], ['added', 'modified', 'deleted', 'renamed']);
  const selection = selector.select(changes);
  return new Set(selection.selected.filter((service) => service.reason.kind === 'files').map((service) => service.name));
}

function time<T>(body: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = body();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

async function timeAsync<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await body();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** One repository: a base commit with the manifest, and per size a commit adding that many files (via fast-import). */
function buildRepository(manifest: string, sets: Map<number, string[]>): { dir: string; base: string; heads: Map<number, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-detect-'));
  execFileSync('git', ['init', '--quiet', '--initial-branch=main', dir]);
  const chunks: string[] = [];
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const commit = (ref: string, mark: number, from: number | undefined, files: [string, string][]) => {
    chunks.push(`commit ${ref}\nmark :${mark}\ncommitter bench <bench@example.com> 1700000000 +0000\n${data(`commit ${mark}`)}`);
    if (from) chunks.push(`from :${from}\n`);
    for (const [path, content] of files) chunks.push(`M 100644 inline ${path}\n${data(content)}`);
    chunks.push('\n');
  };
  commit('refs/heads/main', 1, undefined, [['.aegis/services.yaml', manifest]]);
  let mark = 2;
  const marks = new Map<number, number>();
  for (const [size, files] of sets) {
    commit(
      `refs/heads/size-${size}`,
      mark,
      1,
      files.map((file) => [file, `${file}\n`]),
    );
    marks.set(size, mark++);
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join(''), maxBuffer: 1 << 30 });
  // the stage reads the manifest from the checkout (fast-import leaves the work tree empty)
  mkdirSync(join(dir, '.aegis'));
  writeFileSync(join(dir, '.aegis/services.yaml'), manifest);
  const rev = (ref: string) => execFileSync('git', ['rev-parse', ref], { cwd: dir, encoding: 'utf8' }).trim();
  return { dir, base: rev('main'), heads: new Map([...sets.keys()].map((size) => [size, rev(`size-${size}`)])) };
}

const ENTRY = join(root, 'dist/detect/index.js');

/** The stage as the GitHub runner starts it: a node process with GITHUB_* and INPUT_* variables. */
function runStage(dir: string, base: string, head: string): void {
  const out = mkdtempSync(join(tmpdir(), 'aegis-bench-stage-'));
  try {
    const output = join(out, 'output');
    writeFileSync(output, '');
    writeFileSync(join(out, 'summary'), '');
    writeFileSync(join(out, 'event.json'), '{}');
    execFileSync(process.execPath, [ENTRY], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...(process.env.BENCH_STAGE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_STAGE_NODE_OPTIONS } : {}),
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_EVENT_PATH: join(out, 'event.json'),
        GITHUB_SHA: head,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_WORKSPACE: dir,
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: join(out, 'summary'),
        INPUT_BASE: base,
        INPUT_HEAD: head,
      },
    });
  } catch (error) {
    throw new Error(`the detect stage failed: ${String((error as { stdout?: Buffer }).stdout ?? error)}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const SHALLOW_HISTORY = 20_000;
const SHALLOW_FORK_AGE = 200;

/** Each strategy on a fresh depth-1 clone of the same server; fetched size from `count-objects`. */
function shallowFetchStrategies(): { strategy: string; fetches: number; commits: number; kib: number; ms: number }[] {
  const root = mkdtempSync(join(tmpdir(), 'aegis-bench-shallow-'));
  const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
  try {
    const server = join(root, 'server.git');
    run(root, 'init', '--quiet', '--bare', '--initial-branch=main', server);
    for (const key of ['uploadpack.allowReachableSHA1InWant', 'uploadpack.allowAnySHA1InWant', 'uploadpack.allowFilter'])
      run(server, 'config', key, 'true');
    const stream: string[] = [];
    for (let index = 1; index <= SHALLOW_HISTORY; index++) {
      const content = `${index}\n`;
      stream.push(`commit refs/heads/main\nmark :${index}\ncommitter b <b@example.com> ${1_600_000_000 + index * 3600} +0000\ndata 2\nc\n`);
      if (index > 1) stream.push(`from :${index - 1}\n`);
      stream.push(`M 100644 inline services/svc-${index % 50}/f${index % 7}.txt\ndata ${content.length}\n${content}\n`);
    }
    // the feature branch: three commits on top of the fork point
    const fork = SHALLOW_HISTORY - SHALLOW_FORK_AGE;
    for (let index = 1; index <= 3; index++) {
      stream.push(
        `commit refs/heads/feature\nmark :${SHALLOW_HISTORY + index}\ncommitter b <b@example.com> ${1_700_000_000 + index} +0000\ndata 2\nf\n`,
      );
      stream.push(`from :${index === 1 ? fork : SHALLOW_HISTORY + index - 1}\n`);
      stream.push(`M 100644 inline services/feature/f${index}.txt\ndata 2\nf\n\n`);
    }
    execFileSync('git', ['fast-import', '--quiet'], { cwd: server, input: stream.join(''), maxBuffer: 1 << 30 });
    const head = run(server, 'rev-parse', 'feature');
    const main = run(server, 'rev-parse', 'main');
    const expected = run(server, 'merge-base', main, head);
    const strategies: { strategy: string; steps: (clone: string) => string[][] }[] = [
      {
        strategy: 'detect: `--shallow-exclude=refs/heads/main` + the merge base at `--depth=1`',
        steps: () => [[`--shallow-exclude=refs/heads/main`, 'origin', head]],
      },
      { strategy: '`--filter=tree:0 --unshallow` (commits only)', steps: () => [['--filter=tree:0', '--unshallow', 'origin', head, main]] },
      {
        strategy: '`--filter=blob:none --unshallow` (commits and trees)',
        steps: () => [['--filter=blob:none', '--unshallow', 'origin', head, main]],
      },
      { strategy: '`--unshallow` (everything)', steps: () => [['--unshallow', 'origin', head, main]] },
    ];
    const rows: { strategy: string; fetches: number; commits: number; kib: number; ms: number }[] = [];
    const clone = (name: string) => {
      const dir = join(root, name);
      run(root, 'clone', '--quiet', '--no-tags', '--depth=1', '--branch', 'feature', `file://${server}`, dir);
      run(dir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', main);
      return dir;
    };
    // fetched by SHA, main has no ref in the clone: count commit objects, not refs' history
    const commitsIn = (dir: string) =>
      run(dir, 'cat-file', '--batch-all-objects', '--batch-check=%(objecttype)')
        .split('\n')
        .filter((type) => type === 'commit').length;
    const size = (dir: string) => {
      const counts = Object.fromEntries(
        run(dir, 'count-objects', '-v')
          .split('\n')
          .map((line) => line.split(': ')),
      );
      return Number(counts.size) + Number(counts['size-pack']);
    };
    strategies.forEach(({ strategy, steps }, index) => {
      const dir = clone(`s${index}`);
      const before = size(dir);
      let fetches = 0;
      const { ms } = time(() => {
        for (const args of steps(dir)) {
          run(dir, 'fetch', '--quiet', '--no-tags', ...args);
          fetches++;
        }
        if (index === 0) {
          // the exit from main is the shallow boundary's parent: fetched for its tree
          const boundary = run(dir, 'rev-list', '--parents', head)
            .split('\n')
            .find((line) => !line.includes(' ')) as string;
          const parent = /^parent (\S+)$/m.exec(run(dir, 'cat-file', 'commit', boundary))?.[1] as string;
          if (parent !== expected) throw new Error(`shallow-exclude found ${parent}, expected ${expected}`);
          run(dir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', parent);
          fetches++;
        } else if (run(dir, 'merge-base', main, head) !== expected) throw new Error(`${strategy}: wrong merge base`);
      });
      rows.push({ strategy, fetches, commits: commitsIn(dir), kib: size(dir) - before, ms: round(ms) });
    });
    // the old way: doubling --deepen from 32 until merge-base answers
    const dir = clone('deepen');
    const before = size(dir);
    let fetches = 0;
    const { ms } = time(() => {
      for (let step = 32; ; step *= 2) {
        try {
          if (execFileSync('git', ['merge-base', main, head], { cwd: dir, encoding: 'utf8' }).trim() === expected) break;
        } catch {}
        run(dir, 'fetch', '--quiet', '--no-tags', `--deepen=${step}`, 'origin', head, main);
        fetches++;
      }
    });
    rows.push({
      strategy: 'doubling `--deepen` from 32 (before this change)',
      fetches,
      commits: commitsIn(dir),
      kib: size(dir) - before,
      ms: round(ms),
    });
    return rows;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loadAtStart = round(loadavg()[0] ?? 0);
  const text = manifestText();
  const manifest = parseManifest(text, '.aegis/services.yaml');
  const sets = new Map(SIZES.map((size, index) => [size, changedFiles(size, 42 + index)]));
  const rows: Record<string, number | string | boolean>[] = [];

  for (const [size, files] of sets) {
    const changes: ChangedPath[] = files.map((path) => ({ path, type: 'modified' }));
    ours(manifest, changes); // warm up the JIT
    const oursRuns = Array.from({ length: RUNS }, () => time(() => ours(manifest, changes)));
    const baselineRun = process.env.BENCH_DETECT_SKIP_BASELINE
      ? { ms: Number.NaN, value: ours(manifest, changes) }
      : time(() => baseline(manifest, files));
    const oursSet = oursRuns[0]?.value as Set<string>;
    const same = oursSet.size === baselineRun.value.size && [...oursSet].every((name) => baselineRun.value.has(name));
    if (!same)
      throw new Error(
        `at ${size} files the indexed matcher and the baseline disagree (${oursSet.size} vs ${baselineRun.value.size} services)`,
      );
    const oursMs = median(oursRuns.map((run) => run.ms));
    rows.push({
      files: size,
      services: SERVICES,
      changedServices: oursSet.size,
      oursMs: round(oursMs),
      baselineMs: round(baselineRun.ms),
      speedup: round(baselineRun.ms / oursMs),
      sameResult: same,
    });
    console.log(
      `${size} files: ours ${round(oursMs)} ms, baseline ${round(baselineRun.ms)} ms (${round(baselineRun.ms / oursMs)}x), ${oursSet.size} services`,
    );
  }

  // the bench's manifest is in the plain subset; one outside it (anchors, numbers, a comment after a value) goes through yaml
  const reading = { plainMs: 0, yamlMs: 0 };
  {
    parseYamlManifest(text, '.aegis/services.yaml'); // warm up, as parseManifest was above
    const plainRuns = Array.from({ length: RUNS }, () => time(() => parseManifest(text, '.aegis/services.yaml')));
    const yamlRuns = Array.from({ length: RUNS }, () => time(() => parseYamlManifest(text, '.aegis/services.yaml')));
    if (JSON.stringify(plainRuns[0]?.value) !== JSON.stringify(yamlRuns[0]?.value)) throw new Error('the plain reader and yaml disagree');
    reading.plainMs = round(median(plainRuns.map((run) => run.ms)));
    reading.yamlMs = round(median(yamlRuns.map((run) => run.ms)));
    console.log(`manifest: plain reader ${reading.plainMs} ms, yaml ${reading.yamlMs} ms`);
  }

  console.log('building a git repository with the same changes (fast-import)…');
  const repo = buildRepository(text, sets);
  const gitRows: Record<string, number>[] = [];
  try {
    for (const size of SIZES) {
      const head = repo.heads.get(size) as string;
      const floor: number[] = [];
      const inProcess: number[] = [];
      const stage: number[] = [];
      for (let run = 0; run < STAGE_RUNS; run++) {
        floor.push(time(() => execFileSync('git', ['diff', '--name-only', repo.base, head], { cwd: repo.dir, maxBuffer: 1 << 30 })).ms);
        const result = await timeAsync(() =>
          detect(
            {
              directory: repo.dir,
              manifest,
              global: [],
              changeTypes: ['added', 'modified', 'deleted', 'renamed'],
              event: { kind: 'manual', source: 'bench' },
              base: repo.base,
              head,
              remote: 'origin',
              deepenStep: 32,
              maxDeepenRounds: 0,
            },
            silentLog,
          ),
        );
        if (result.value.changedFiles.length !== size)
          throw new Error(`expected ${size} changed files, got ${result.value.changedFiles.length}`);
        inProcess.push(result.ms);
        stage.push(time(() => runStage(repo.dir, repo.base, head)).ms);
      }
      const row = {
        files: size,
        gitDiffNameOnlyMs: round(median(floor)),
        detectInProcessMs: round(median(inProcess)),
        detectStageMs: round(median(stage)),
        stageVsFloor: round(median(stage) / median(floor)),
      };
      gitRows.push(row);
      console.log(
        `${size} files: git diff --name-only ${row.gitDiffNameOnlyMs} ms, detect in process ${row.detectInProcessMs} ms, detect stage process ${row.detectStageMs} ms (${row.stageVsFloor}× the floor)`,
      );
    }
  } finally {
    rmSync(repo.dir, { recursive: true, force: true });
  }

  console.log('shallow clones: what each way of finding the merge base fetches…');
  const fetchRows = shallowFetchStrategies();
  for (const row of fetchRows) console.log(`${row.strategy}: ${row.fetches} fetches, ${row.commits} commits, ${row.kib} KiB, ${row.ms} ms`);

  const environment = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    git: execFileSync('git', ['--version'], { encoding: 'utf8' }).trim(),
    // wall-time ratios are only comparable between runs on a quiet machine; say how busy it was
    loadAverageAtStart: loadAtStart,
    loadAverage: round(loadavg()[0] ?? 0),
  };
  const results = {
    date: new Date().toISOString(),
    environment,
    runs: RUNS,
    matching: rows,
    manifestReading: reading,
    git: gitRows,
    shallow: fetchRows,
  };
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'detect.json'), `${JSON.stringify(results, null, 2)}\n`);
  const md = [
    '# detect benchmark',
    '',
    `\`npm run build && npx tsx bench/detect.ts\` — ${environment.cpus} × ${environment.cpu}, Node ${environment.node}, ${environment.git}; load average ${environment.loadAverageAtStart} at the start, ${environment.loadAverage} at the end (the machine is shared); ${results.date}.`,
    '',
    `**End to end** on a real repository (${SERVICES} services; one commit adding N files), median of ${STAGE_RUNS} (floor, core and stage interleaved). The floor is \`git diff --name-only base head\` as a process;`,
    'the stage is `node dist/detect/index.js` started as the GitHub runner starts it (event, inputs `base`/`head`, the 2,000+ outputs in GITHUB_OUTPUT, changed-files, matrix and services files, summary).',
    '"in process" is the core alone (`git diff --name-status -z` + matching), without node start-up and writing outputs. With the default change-types git is asked for no rename detection (a rename is then a deletion plus an addition: the same paths, the same services).',
    '',
    '| changed files | `git diff --name-only` (floor, ms) | detect stage process (ms) | stage ÷ floor | detect core in process (ms) |',
    '|---:|---:|---:|---:|---:|',
    ...gitRows.map(
      (row) => `| ${row.files} | ${row.gitDiffNameOnlyMs} | ${row.detectStageMs} | ${row.stageVsFloor}× | ${row.detectInProcessMs} |`,
    ),
    '',
    `**Reading the manifest** (${SERVICES} services, ${text.split('\n').length} lines), in this process, median of ${RUNS} after the first (warm): the plain-subset reader detect uses for it ${reading.plainMs} ms; the \`yaml\` library, which detect falls back to for any manifest outside the subset, ${reading.yamlMs} ms. Cold, in the stage process, the difference is larger (yaml's first parse is not yet compiled).`,
    '',
    `**Matching only**, in this process: ${SERVICES} services (${LIBRARIES} libraries; a quarter with an extra include, a third with excludes) against N changed paths.`,
    `"indexed" = detect's matcher plus dependency closure and matrix (median of ${RUNS}, including compiling the manifest);`,
    '"per-file × per-filter" = a re-implementation here of the algorithm paths-filter uses (every path tested against every service\'s picomatch matchers; one run).',
    'It is not paths-filter itself: no process start, no git. Both select the same services (checked).',
    '',
    '| changed files | indexed (ms) | per-file × per-filter re-implementation (ms) | ratio | services changed |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map((row) => `| ${row.files} | ${row.oursMs} | ${row.baselineMs} | ${row.speedup}× | ${row.changedServices} |`),
    '',
    `**Shallow clones** (depth 1, ${SHALLOW_HISTORY} commits, a feature branch forked ${SHALLOW_FORK_AGE} commits back): what finding the merge base with the default branch fetches.`,
    '',
    '| strategy | fetches | commits in the clone after | fetched (KiB of objects) | wall (ms) |',
    '|---|---:|---:|---:|---:|',
    ...fetchRows.map((row) => `| ${row.strategy} | ${row.fetches} | ${row.commits} | ${row.kib} | ${row.ms} |`),
    '',
  ].join('\n');
  writeFileSync(join(dir, 'detect.md'), md);
  console.log(md);
}

await main();

/**
 * Wall time of the build stage with real buildah and a real docker-registry on 127.0.0.1:
 *   cold build (empty storage, empty cache)  vs  warm rebuild (same storage, layer cache)
 *                                            vs  CI-like rebuild (fresh storage, registry cache)
 *   full build                               vs  skip-existing (commit already in the registry)
 * Run: npx tsx bench/build.ts   (writes bench/results/build.json and build.md)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubEvent } from '../src/platform/event.js';
import * as buildStage from '../src/stages/build.js';
import { runStageModule } from '../src/stages/module.js';
import { fakePlatform } from '../test/fixtures/build/platform-fake.js';
import { startRegistry } from '../test/fixtures/build/registry.js';

const ROUNDS = 5;
const PAYLOAD_MB = 24;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function sha(round: number, kind: string): string {
  return `${kind}${round}`.padEnd(40, '0').replace(/[^0-9a-f]/g, 'a');
}

function event(head: string) {
  return githubEvent(
    { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: head, GITHUB_REPOSITORY: 'acme/shop' },
    { after: head, repository: { default_branch: 'main' } },
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function main(): Promise<void> {
  const registry = await startRegistry();
  const scratch = mkdtempSync(join(tmpdir(), 'aegis-bench-build-'));
  const workspace = join(scratch, 'ws');
  mkdirSync(join(workspace, 'app'), { recursive: true });
  // Several layers with real bytes, so caching and pushing have something to skip.
  writeFileSync(
    join(workspace, 'app/Dockerfile'),
    'FROM scratch\nCOPY vendor.bin /opt/vendor.bin\nCOPY assets.bin /opt/assets.bin\nCOPY app.txt /app.txt\n',
  );
  writeFileSync(join(workspace, 'app/vendor.bin'), randomBytes((PAYLOAD_MB / 2) * 1024 * 1024));
  writeFileSync(join(workspace, 'app/assets.bin'), randomBytes((PAYLOAD_MB / 2) * 1024 * 1024));
  writeFileSync(join(workspace, 'app/app.txt'), 'v1\n');
  let storageCount = 0;
  const storage = () => {
    const dir = join(scratch, `storage-${storageCount++}`);
    return { 'buildah-root': join(dir, 'root'), 'buildah-runroot': join(dir, 'run'), 'buildah-storage-driver': 'vfs', builder: 'buildah' };
  };
  const timed = async (inputs: Record<string, string>, head: string) => {
    const fake = fakePlatform(workspace, { context: 'app', ...inputs }, event(head));
    const started = performance.now();
    const result = await runStageModule(buildStage, fake.platform);
    return { ms: performance.now() - started, cacheHit: result.cacheHit, skipped: result.skipped };
  };

  const figures = { cold: [] as number[], warmLocal: [] as number[], warmRegistry: [] as number[], skip: [] as number[] };
  const checks: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const image = `${registry.host}/bench/app${round}`;
      const local = storage();
      const cold = await timed({ image, ...local }, sha(round, 'c'));
      const warmLocal = await timed({ image, ...local }, sha(round, 'd'));
      const warmRegistry = await timed({ image, ...storage() }, sha(round, 'e'));
      const skip = await timed({ image, ...storage(), 'skip-existing': 'true' }, sha(round, 'c'));
      if (cold.cacheHit || !warmLocal.cacheHit || !warmRegistry.cacheHit || !skip.skipped) {
        checks.push(
          `round ${round}: unexpected cold=${cold.cacheHit} warm=${warmLocal.cacheHit} registry=${warmRegistry.cacheHit} skip=${skip.skipped}`,
        );
      }
      figures.cold.push(cold.ms);
      figures.warmLocal.push(warmLocal.ms);
      figures.warmRegistry.push(warmRegistry.ms);
      figures.skip.push(skip.ms);
    }
  } finally {
    await registry.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  const m = Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, Math.round(median(values))])) as Record<
    keyof typeof figures,
    number
  >;
  const result = {
    date: new Date().toISOString(),
    rounds: ROUNDS,
    payloadMiB: PAYLOAD_MB,
    builder: 'buildah (vfs, chroot) + docker-registry on 127.0.0.1',
    medianMs: m,
    runsMs: Object.fromEntries(Object.entries(figures).map(([key, values]) => [key, values.map(Math.round)])),
    speedup: {
      warmLocalVsCold: +(m.cold / m.warmLocal).toFixed(2),
      warmRegistryVsCold: +(m.cold / m.warmRegistry).toFixed(2),
      skipExistingVsFullBuild: +(m.cold / m.skip).toFixed(1),
    },
    anomalies: checks,
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/build.json'), `${JSON.stringify(result, null, 2)}\n`);
  const md = [
    '# build: cached rebuilds and skip-existing',
    '',
    `\`npx tsx bench/build.ts\` — ${result.builder}; FROM scratch image with ${PAYLOAD_MB} MiB in 3 COPY layers; median of ${ROUNDS} rounds (${result.date}).`,
    '',
    '| run | median wall time | vs cold build |',
    '|---|---|---|',
    `| cold build + push (empty storage, empty registry cache) | ${m.cold} ms | 1× |`,
    `| warm rebuild (same storage: local layer cache) | ${m.warmLocal} ms | ${result.speedup.warmLocalVsCold}× faster |`,
    `| CI-like rebuild (fresh storage, registry cache \`<image>/cache/<service>-<platform>\`) | ${m.warmRegistry} ms | ${result.speedup.warmRegistryVsCold}× faster |`,
    `| skip-existing (commit tag already in the registry: one HEAD request) | ${m.skip} ms | ${result.speedup.skipExistingVsFullBuild}× faster |`,
    '',
    checks.length ? `Anomalies: ${checks.join('; ')}` : 'Every warm run reported cache-hit=true, every skip-existing run skipped=true.',
    '',
  ].join('\n');
  writeFileSync(join(root, 'bench/results/build.md'), md);
  process.stdout.write(md);
}

await main();

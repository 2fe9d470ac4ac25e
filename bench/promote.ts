// Benchmark of promote's planning on a large GitOps repository: 2,000 services, staging and
// prod overlays (one kustomization each, and the same split over 20 overlays per environment),
// every image differing. Measures promote's plan (read the source overlays, select, plan the
// byte-preserving edits of the target) against a baseline in the same run: the common
// script approach, parse each kustomization with `yaml`, set the values, re-serialise (which
// also loses formatting, so it is a speed floor, not an alternative).
// Run: npx tsx bench/promote.ts
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { parseEnvironments, resolveRoute } from '../src/core/promote/environments.js';
import { render, selectImages } from '../src/core/promote/images.js';
import { planTargets } from '../src/core/promote/plan.js';
import { readEnvironment } from '../src/core/promote/source.js';

const SERVICES = 2000;
const RUNS = 5;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function kustomization(environment: string, services: number[], version: (service: number) => string): string {
  const entries = services.map(
    (service) => `  - name: registry.example.com/shop/svc-${service} # owner: team-${service % 40}\n    newTag: "${version(service)}"\n`,
  );
  return `# ${environment}\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\nimages:\n${entries.join('')}`;
}

function repository(dir: string, overlaysPerEnvironment: number): string {
  const services = Array.from({ length: SERVICES }, (_, index) => index);
  const lines: string[] = [];
  for (const [environment, version] of [
    ['staging', (service: number) => `1.${service}.1`],
    ['prod', (service: number) => `1.${service}.0`],
  ] as const) {
    const paths: string[] = [];
    for (let part = 0; part < overlaysPerEnvironment; part++) {
      const path = `overlays/${environment}-${part}`;
      mkdirSync(join(dir, path), { recursive: true });
      const slice = services.filter((service) => service % overlaysPerEnvironment === part);
      writeFileSync(join(dir, path, 'kustomization.yaml'), kustomization(environment, slice, version));
      paths.push(path);
    }
    lines.push(`${environment}: [${paths.join(', ')}]`);
  }
  return lines.join('\n');
}

function time(fn: () => void): number {
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

const rows: { overlays: number; promoteMs: number; baselineMs: number; images: number }[] = [];
for (const overlays of [1, 20]) {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-bench-promote-'));
  try {
    const environments = parseEnvironments(repository(dir, overlays));
    const route = resolveRoute(environments, 'staging', 'prod');
    let images = 0;
    const promoteMs = time(() => {
      const selection = selectImages(readEnvironment(dir, route.from), route.from, []);
      const values = new Map(selection.images.map((image) => [image.name, render(image.name, image.value)]));
      images = planTargets(dir, route.to, selection.images, values, { addMissing: false }).entries.length;
    });
    const baselineMs = time(() => {
      const source = new Map<string, string>();
      for (const path of route.from.overlays) {
        const doc = parseDocument(readFileSync(join(dir, path, 'kustomization.yaml'), 'utf8'));
        for (const item of (doc.toJS() as { images: { name: string; newTag: string }[] }).images) source.set(item.name, item.newTag);
      }
      for (const path of route.to.overlays) {
        const doc = parseDocument(readFileSync(join(dir, path, 'kustomization.yaml'), 'utf8'));
        const list = doc.get('images') as { items: { get(key: string): string; set(key: string, value: string): void }[] };
        for (const item of list.items) {
          const tag = source.get(item.get('name'));
          if (tag) item.set('newTag', tag);
        }
        doc.toString();
      }
    });
    rows.push({ overlays, promoteMs, baselineMs, images });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results = { services: SERVICES, runs: RUNS, cpus: cpus().length, node: process.version, rows };
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/promote.json'), `${JSON.stringify(results, null, 2)}\n`);
const table = [
  `# promote: planning ${SERVICES} image promotions (median of ${RUNS}, ${cpus().length} CPUs, Node ${process.version})`,
  '',
  '| overlays per environment | images planned | promote plan (byte-preserving) | baseline: yaml parse/set/stringify |',
  '|---|---|---|---|',
  ...rows.map((row) => `| ${row.overlays} | ${row.images} | ${row.promoteMs.toFixed(0)} ms | ${row.baselineMs.toFixed(0)} ms |`),
  '',
  'Run: `npx tsx bench/promote.ts`. Git clone/push time is not included (see bench/gitops-bump.ts).',
  '',
].join('\n');
writeFileSync(join(root, 'bench/results/promote.md'), table);
console.log(table);

#!/usr/bin/env node
// `npm run bench [name…]`: runs the benchmarks in bench/ one after another (they measure wall
// time, so never in parallel) and leaves their figures in bench/results/. Needs `npm run build`
// first: some benchmarks run the bundled CLI.
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const benches = readdirSync(join(root, 'bench'))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();
let failed = 0;
for (const name of benches) {
  console.log(`\n=== bench/${name}.ts`);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'bench', `${name}.ts`)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) failed++;
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmarks finished; figures in bench/results/.`);
process.exitCode = failed > 0 ? 1 : 0;

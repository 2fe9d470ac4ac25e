// Stages the CLI npm package (@aegis-actions/cli, bin `aegis`) from the committed bundle and
// packs it: the same dist/aegis the actions and the runtime image run, plus the CLI shim.
//   node scripts/pack-cli.mjs [--out <dir>]     prints the path of the .tgz
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CLI_PACKAGE = '@aegis-actions/cli';
const ROOT = resolve(import.meta.dirname, '..');

/** The package.json the CLI is published with; its version is always the project's. */
export function cliManifest(root = ROOT) {
  const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return {
    name: CLI_PACKAGE,
    version: project.version,
    description: 'aegis GitOps delivery stages as a CLI: detect, build, scan, gitops-bump, promote, health-gate, release, insight',
    license: project.license,
    type: 'module',
    bin: { aegis: 'dist/cli/index.js' },
    files: ['dist/', 'README.md', 'LICENSE'],
    engines: project.engines,
    repository: { type: 'git', url: 'git+https://github.com/aegis-actions/aegis-actions.git', directory: 'packages/cli' },
    publishConfig: { access: 'public', provenance: true },
  };
}

export function packCli(out) {
  const stage = join(out, 'package');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(join(stage, 'dist'), { recursive: true });
  for (const part of ['aegis', 'cli', 'package.json', 'require-node.js'])
    cpSync(join(ROOT, 'dist', part), join(stage, 'dist', part), { recursive: true });
  cpSync(join(ROOT, 'packages/cli/README.md'), join(stage, 'README.md'));
  cpSync(join(ROOT, 'LICENSE'), join(stage, 'LICENSE'));
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(cliManifest(), null, 2)}\n`);
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8' }));
  return join(out, packed[0].filename);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const index = process.argv.indexOf('--out');
  const out = resolve(index > 0 ? process.argv[index + 1] : join(ROOT, 'build'));
  mkdirSync(out, { recursive: true });
  console.log(packCli(out));
}

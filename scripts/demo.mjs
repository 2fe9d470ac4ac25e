#!/usr/bin/env node
// `npm run demo`: the whole aegis pipeline on an embedded sample, on this machine.
// It creates a small monorepo (three services and a shared library), a GitOps repository
// with dev/staging/prod overlays and a local service to watch, runs every stage through the
// bundled `aegis` CLI (dist/cli, what users run), prints each stage's summary and the
// GitOps history, and removes everything it created. Tools it cannot find (buildah, a
// registry) are skipped with a message, never faked.
import './require-node.mjs';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// AEGIS_CLI: another build of the CLI (the tests run the source through test/helpers/source-dist.ts).
const cli = process.env.AEGIS_CLI || join(root, 'dist/cli/index.js');
const work = mkdtempSync(join(tmpdir(), 'aegis-demo-'));
const started = Date.now();
const results = [];
const cleanups = [() => rmSync(work, { recursive: true, force: true })];

const bold = (text) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);
const identity = {
  GIT_AUTHOR_NAME: 'demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...identity }, encoding: 'utf8' }).trim();
}

function writeFiles(dir, files) {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

function has(command, args = ['--version']) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** Runs the CLI without blocking this process, which also serves the health endpoint the stages watch. */
function runCli(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs `aegis <stage>` and prints its log and summary indented; returns its outputs. */
async function stage(title, name, inputs, { cwd = work, env = {}, expectFailure = false } = {}) {
  console.log(`\n${bold(`▶ ${title}`)}  (aegis ${name})`);
  const args = [cli, name, ...Object.entries(inputs).flatMap(([key, value]) => [`--${key}`, value])];
  const run = await runCli(args, { cwd, env: { ...process.env, GITHUB_ACTIONS: '', GITLAB_CI: '', ...env } });
  const outputs = Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((line) => /^[a-z][a-z-]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  console.log(stripVTControlCharacters(run.stderr).trimEnd().replace(/^/gm, '  │ '));
  const ok = expectFailure ? run.status !== 0 : run.status === 0;
  results.push({ title, name, status: run.status === 0 ? 'ok' : 'failed (expected)' });
  if (!ok) throw new Error(`aegis ${name} exited ${run.status}`);
  return outputs;
}

function skip(title, why) {
  console.log(`\n${bold(`▷ ${title}`)}  skipped: ${why}`);
  results.push({ title, name: '-', status: `skipped: ${why}` });
}

/** A service whose health the demo controls: /healthz answers 200 until `broken` is set. */
async function startService() {
  const state = { broken: false };
  const server = createServer((_request, response) => {
    const healthy = !state.broken;
    response.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: healthy ? 'ok' : 'failing' }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  return { url: `http://127.0.0.1:${server.address().port}/healthz`, state };
}

async function startRegistry() {
  const dir = join(work, 'registry');
  mkdirSync(dir);
  const port = await new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
  writeFileSync(
    join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
  );
  const child = spawn('docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
  cleanups.push(() => child.kill());
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v2/`)).ok) return `127.0.0.1:${port}`;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('docker-registry did not start');
}

function available() {
  const help = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout;
  return new Set((/Stages: (.*)/.exec(help)?.[1] ?? '').split(', '));
}

async function main() {
  const stages = available();
  const registryHost = 'registry.example.com/shop';

  // The monorepo: three services and a library two of them depend on.
  const mono = join(work, 'monorepo');
  mkdirSync(mono);
  git(mono, 'init', '--quiet', '--initial-branch', 'main');
  writeFiles(mono, {
    // Stage outputs (changed-file lists, summaries) stay out of the release's clean-tree check.
    '.gitignore': 'aegis-*/\naegis-*.env\n',
    '.aegis/services.yaml': `global: ['package-lock.json']\nservices:\n  api:\n    path: services/api\n    depends-on: [shared-lib]\n    image: ${registryHost}/api\n  worker:\n    path: services/worker\n    depends-on: [shared-lib]\n    image: ${registryHost}/worker\n  web:\n    path: services/web\n    image: ${registryHost}/web\n  shared-lib:\n    path: libs/shared\n    kind: library\n`,
    'services/api/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
    'services/api/app.txt': 'api 1\n',
    'services/worker/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
    'services/worker/app.txt': 'worker 1\n',
    'services/web/Dockerfile': 'FROM scratch\nCOPY app.txt /app.txt\n',
    'services/web/app.txt': 'web 1\n',
    'libs/shared/package.json': '{\n  "name": "@shop/shared",\n  "version": "1.4.0"\n}\n',
    'libs/shared/index.js': 'export const greet = () => "hi";\n',
  });
  git(mono, 'add', '-A');
  git(mono, 'commit', '--quiet', '-m', 'chore: initial import');
  git(mono, 'tag', 'shared-v1.4.0');
  writeFiles(mono, { 'libs/shared/index.js': 'export const greet = (name) => "hi " + name;\n' });
  git(mono, 'commit', '--quiet', '-am', 'feat(shared): greet by name');
  const sha = git(mono, 'rev-parse', 'HEAD');

  // The GitOps repository Argo CD would watch.
  const gitops = join(work, 'gitops.git');
  const seed = join(work, 'gitops-seed');
  git(work, 'init', '--quiet', '--bare', '--initial-branch', 'main', gitops);
  mkdirSync(seed);
  git(seed, 'init', '--quiet', '--initial-branch', 'main');
  const deployment = (name) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: ${name}\n          image: ${registryHost}/${name}:1.0.0\n`;
  const overlay = (env) =>
    `# ${env} overlay: aegis edits only the image values below\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-${env}\nresources:\n  - ../../base\nimages:\n  - name: ${registryHost}/api\n    newTag: "1.0.0"\n  - name: ${registryHost}/worker\n    newTag: "1.0.0"\n  - name: ${registryHost}/web\n    newTag: "1.0.0"\n`;
  writeFiles(seed, {
    'base/kustomization.yaml': 'resources:\n  - api.yaml\n  - worker.yaml\n  - web.yaml\n',
    'base/api.yaml': deployment('api'),
    'base/worker.yaml': deployment('worker'),
    'base/web.yaml': deployment('web'),
    'overlays/dev/kustomization.yaml': overlay('dev'),
    'overlays/staging/kustomization.yaml': overlay('staging'),
    'overlays/prod/kustomization.yaml': overlay('prod'),
  });
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '-m', 'chore: environments');
  git(seed, 'push', '--quiet', gitops, 'HEAD:refs/heads/main');

  console.log(bold('aegis demo'));
  console.log(`  monorepo:  ${mono}\n  gitops:    ${gitops}\n  commit:    ${sha.slice(0, 12)} (feat(shared): greet by name)`);

  // 1. detect
  const detected = await stage('Which services changed?', 'detect', { base: 'HEAD~1' }, { cwd: mono });
  const services = JSON.parse(detected.services ?? '[]');

  // 2. build
  const version = `1.1.0-${sha.slice(0, 7)}`;
  if (has('buildah') && has('docker-registry', ['--version'])) {
    const registry = await startRegistry();
    await stage(
      'Build and push the api image',
      'build',
      {
        context: 'services/api',
        image: `${registry}/shop/api`,
        service: 'api',
        tags: version,
        'buildah-storage-driver': 'vfs',
        'buildah-root': join(work, 'buildah/root'),
        'buildah-runroot': join(work, 'buildah/run'),
      },
      { cwd: mono },
    );
  } else {
    skip('Build and push the api image', 'buildah or docker-registry is not installed (apt-get install buildah docker-registry)');
  }

  // 3. scan (a bundled Trivy report: Trivy itself is not installed here)
  writeFileSync(join(work, 'trivy-report.json'), readFileSync(join(root, 'examples/demo/trivy-report.json')));
  await stage(
    'Scan: gate the api image on its Trivy report',
    'scan',
    {
      report: 'trivy-report.json',
      'fail-on': 'HIGH',
      'output-dir': 'aegis-scan',
    },
    { cwd: work },
  );

  // 4. gitops-bump dev
  const images = services
    .filter((name) => ['api', 'worker', 'web'].includes(name))
    .map((name) => `${registryHost}/${name}:${version}`)
    .join('\n');
  const bump = await stage('Deploy to dev: bump the changed images', 'gitops-bump', {
    repository: gitops,
    paths: 'overlays/dev',
    images,
    environment: 'dev',
    'source-commit': sha,
  });

  const service = await startService();
  const checks = (name) => `- name: ${name}\n  http: {url: "${service.url}", expect-status: 200}\n`;

  // 5. health-gate dev
  if (stages.has('health-gate')) {
    await stage('Watch dev', 'health-gate', {
      checks: checks('api-health'),
      interval: '200ms',
      count: '3',
      repository: gitops,
      'rollback-commit': bump['commit-sha'] ?? '',
    });
  } else skip('Watch dev', 'the health-gate stage is not in this build');

  // 6. promote dev → staging
  let promoted = {};
  if (stages.has('promote')) {
    promoted = await stage('Promote dev → staging', 'promote', {
      repository: gitops,
      from: 'dev',
      to: 'staging',
      environments: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod\n',
      'verify-images': 'false',
    });
  } else skip('Promote dev → staging', 'the promote stage is not in this build');

  // 7. staging turns bad: the gate fails and reverts the promotion in Git
  if (stages.has('health-gate') && promoted['commit-sha']) {
    service.state.broken = true;
    await stage(
      'Watch staging (the service now fails)',
      'health-gate',
      {
        checks: checks('api-health'),
        interval: '200ms',
        count: '3',
        repository: gitops,
        'rollback-commit': promoted['commit-sha'],
      },
      { expectFailure: true },
    );
  } else skip('Watch staging and roll back', 'needs health-gate and promote');

  // 8. release the shared library
  await stage(
    'Release the shared library',
    'release',
    {
      path: 'libs/shared',
      'tag-prefix': 'shared-v',
      publish: 'none',
      remote: 'none',
    },
    { cwd: mono },
  );

  console.log(`\n${bold('GitOps history')} (newest first):`);
  const log = git(
    gitops,
    'log',
    '--format=%h %s%x09%(trailers:key=Aegis-Environment,key=Aegis-Promoted-From,key=Aegis-Reverts,separator=%x2C )%x1e',
    'main',
  );
  for (const entry of log
    .split('\x1e')
    .map((line) => line.trim())
    .filter(Boolean)) {
    const [subject, trailers] = entry.split('\t');
    console.log(`  ${subject}${trailers ? `\n      ${trailers}` : ''}`);
  }
  console.log(`\n${bold('Summary')}`);
  for (const result of results)
    console.log(
      `  ${result.status.startsWith('ok') || result.status.startsWith('failed (expected)') ? '✔' : '–'} ${result.title}: ${result.status}`,
    );
  console.log(`\nFinished in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

try {
  await main();
} catch (error) {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) cleanup();
}

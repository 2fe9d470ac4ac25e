import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type AegisError, FileError, InputError } from '../../src/core/errors.js';
import { silentLog } from '../../src/core/log.js';
import { run } from '../../src/core/process.js';
import { installTrivy, trivyAsset } from '../../src/core/scan/trivy.js';
import { loadForge } from '../../src/platform/forge/load.js';
import type { CiEvent } from '../../src/platform/types.js';
import * as scanStage from '../../src/stages/scan.js';
import { validateGitLab, validateSarif } from '../fixtures/scan/schemas.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';
import { runStageWith } from '../helpers/stage-module.js';

const GOLDEN = join(TRIVY_GOLDENS, 'alpine-310.json.golden');
const FAKE_TRIVY = join(import.meta.dirname, '../fixtures/scan/fake-trivy.mjs');
const NOW = new Date('2025-06-15T12:00:00Z');
const temporary: string[] = [];
const servers: Server[] = [];

afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function recording(workspace: string, inputs: Record<string, string>, event: Partial<CiEvent> = {}): RecordingPlatform {
  // The stage's output directory inside the workspace, so the expectations read the files there.
  return new RecordingPlatform(workspace, inputs, { event, outputDir: join(workspace, 'aegis-scan') });
}

function workspace(files: Record<string, string> = {}): string {
  const dir = tempDir('aegis-scan-ws-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const golden = readFileSync(GOLDEN, 'utf8');
const deps = { now: () => NOW };

describe('report mode: re-gate and re-render a saved Trivy report', () => {
  test('passes under fail-on HIGH and writes every rendering, all valid', async () => {
    const ws = workspace({ 'scans/report.json': golden });
    const platform = recording(ws, { report: 'scans/report.json' });
    const outcome = await runStageWith(scanStage, platform, deps);
    expect(platform.outputs).toMatchObject({
      result: 'passed',
      critical: '0',
      high: '0',
      medium: '4',
      low: '0',
      unknown: '0',
      total: '4',
      blocking: '0',
      'report-file': 'aegis-scan/trivy-report.json',
      'sarif-file': 'aegis-scan/trivy-results.sarif',
      'gitlab-report': 'aegis-scan/gl-container-scanning-report.json',
      'summary-file': 'aegis-scan/scan-summary.md',
      'sbom-file': 'aegis-scan/sbom.cdx.json',
      // alpine-310.json.golden has no package list: the default SBOM is written, marked partial.
      'sbom-partial': 'true',
      secrets: '0',
      vulnerabilities: '4',
    });
    expect(platform.summaries[0]).toContain('Partial SBOM');
    expect(platform.warnings.join('\n')).toMatch(/The SBOM is partial/);
    const sarif = JSON.parse(readFileSync(join(ws, 'aegis-scan/trivy-results.sarif'), 'utf8'));
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0].automationDetails.id).toBe('aegis-scan/testdata/fixtures/images/alpine-310.tar.gz/');
    expect(validateGitLab(JSON.parse(readFileSync(join(ws, 'aegis-scan/gl-container-scanning-report.json'), 'utf8')))).toEqual([]);
    expect(JSON.parse(readFileSync(join(ws, 'aegis-scan/sbom.cdx.json'), 'utf8')).bomFormat).toBe('CycloneDX');
    expect(JSON.parse(readFileSync(join(ws, 'aegis-scan/trivy-report.json'), 'utf8'))).toEqual(JSON.parse(golden));
    expect(platform.summaries[0]).toBe(outcome.markdown);
    expect(readFileSync(join(ws, 'aegis-scan/scan-summary.md'), 'utf8')).toBe(outcome.markdown);
    // warn-on MEDIUM by default
    expect(outcome.markdown).toContain('⚠️ warning');
  });

  test('fail-on MEDIUM fails the job after writing everything; gating hides nothing', async () => {
    const ws = workspace({ 'r.json': golden });
    const platform = recording(ws, { report: 'r.json', 'fail-on': 'medium', sbom: 'spdx', formats: 'sarif,gitlab' });
    // alpine-310.json.golden has no package list: an SBOM asked for explicitly is refused, nothing written.
    await expect(runStageWith(scanStage, platform, deps)).rejects.toThrow(/Input 'sbom'.*package list/);
    expect(platform.outputs.result).toBe('error');
    expect(existsSync(join(ws, 'aegis-scan'))).toBe(false);
    const again = recording(ws, { report: 'r.json', 'fail-on': 'medium', sbom: 'none', formats: 'sarif,gitlab' });
    await expect(runStageWith(scanStage, again, deps)).rejects.toThrow(/Scan gate failed .*4 MEDIUM \(limit 0\); 4 blocking/);
    expect(again.outputs.result).toBe('failed');
    expect(again.outputs['sbom-file']).toBe('');
    const platform2 = again;
    expect(platform2.outputs['summary-file']).toBe('');
    const sarif = JSON.parse(readFileSync(join(ws, 'aegis-scan/trivy-results.sarif'), 'utf8'));
    expect(sarif.runs[0].results).toHaveLength(4);
  });

  test('policy per environment, ignore file with expired and expiring entries, baseline', async () => {
    const baseline = JSON.parse(golden);
    baseline.Results[0].Vulnerabilities = baseline.Results[0].Vulnerabilities.filter((v: { PkgName: string }) => v.PkgName === 'libssl1.1');
    const ws = workspace({
      'golden.json': golden,
      'baseline.json': JSON.stringify(baseline),
      '.aegis/scan-policy.yaml': 'environments:\n  dev: {fail-on: none, warn-on: MEDIUM}\n  prod: {fail-on: MEDIUM}\n',
      '.aegis/scan-ignore.yaml':
        'ignores:\n  - id: CVE-2019-1549\n    package: libcrypto1.1\n    reason: RNG fork issue, no fork() here\n    owner: team-crypto\n    expires: 2025-06-01\n  - id: CVE-2019-1551\n    package: libcrypto1.1\n    reason: RSAZ path unused\n    owner: team-crypto\n    expires: 2025-06-20\n',
    });
    const common = { report: 'golden.json', policy: '.aegis/scan-policy.yaml', 'ignore-file': '.aegis/scan-ignore.yaml' };

    const dev = recording(ws, { ...common, environment: 'dev' });
    await runStageWith(scanStage, dev, deps);
    expect(dev.outputs.result).toBe('passed');

    const prod = recording(ws, { ...common, environment: 'prod' });
    await expect(runStageWith(scanStage, prod, deps)).rejects.toThrow(/policy environment 'prod'/);
    expect(prod.outputs.result).toBe('failed');
    // CVE-2019-1549 in libcrypto: its entry expired, so it counts again and is reported.
    expect(prod.warnings.some((w) => w.includes('CVE-2019-1549') && w.includes('expired on 2025-06-01'))).toBe(true);
    expect(prod.warnings.some((w) => w.includes('CVE-2019-1551') && w.includes('5 day(s) left'))).toBe(true);
    expect(prod.outputs.blocking).toBe('3');
    expect(prod.outputs.medium).toBe('4');
    const sarif = JSON.parse(readFileSync(join(ws, 'aegis-scan/trivy-results.sarif'), 'utf8'));
    expect(sarif.runs[0].results.filter((r: { suppressions?: unknown }) => r.suppressions)).toHaveLength(1);

    // With the baseline, only the libcrypto finding whose ignore expired is new: still failing, one blocker.
    const withBaseline = recording(ws, { ...common, environment: 'prod', baseline: 'baseline.json' });
    await expect(runStageWith(scanStage, withBaseline, deps)).rejects.toThrow(/1 blocking/);
    expect(withBaseline.outputs.blocking).toBe('1');
  });
});

describe('bad input fails clearly, before anything is written', () => {
  test.each<[string, Record<string, string>, Record<string, string>, RegExp, abstract new (...args: never[]) => AegisError]>([
    ['no target', {}, {}, /Input 'image'.*exactly one of 'image' \(or 'image-ref'\), 'path', 'report'.*nothing to scan/, InputError],
    ['two targets', { image: 'alpine:3', report: 'r.json' }, { 'r.json': golden }, /exactly one of.*image and report/, InputError],
    [
      'unknown severity',
      { report: 'r.json', 'fail-on': 'SEVERE' },
      { 'r.json': golden },
      /Input 'fail-on'.*"SEVERE".*LOW, MEDIUM, HIGH, CRITICAL or none/,
      InputError,
    ],
    ['unreadable report', { report: 'missing.json' }, {}, /Input 'report'.*a readable file/, InputError],
    [
      'exit-code not a number',
      { report: 'r.json', 'exit-code': 'yes' },
      { 'r.json': golden },
      /Input 'exit-code'.*"yes".*whole number/,
      InputError,
    ],
    [
      // fail-on at its default (HIGH) cannot be told from unset on GitHub, which passes action.yml defaults: a non-default value.
      'exit-code and fail-on together',
      { report: 'r.json', 'exit-code': '1', 'fail-on': 'CRITICAL' },
      { 'r.json': golden },
      /Input 'exit-code'.*either 'exit-code' \(trivy-action\) or 'fail-on'/,
      InputError,
    ],
    [
      'severity list with a typo',
      { report: 'r.json', severity: 'CRITICAL,HIHG' },
      { 'r.json': golden },
      /Input 'severity'.*"CRITICAL,HIHG"/,
      InputError,
    ],
    [
      'scan-type sbom',
      { 'scan-type': 'sbom', 'scan-ref': 'bom.json' },
      {},
      /Input 'scan-type'.*"sbom".*to gate an existing report use 'report'/,
      InputError,
    ],
    ['image-ref and image disagree', { image: 'a:1', 'image-ref': 'b:1' }, {}, /Input 'image-ref'.*the same image as 'image'/, InputError],
    [
      'format trivy does not have here',
      { report: 'r.json', format: 'template' },
      { 'r.json': golden },
      /Input 'format'.*"template".*sarif, json, cyclonedx, spdx-json, table/,
      InputError,
    ],
    [
      'output without format',
      { report: 'r.json', output: 'x.sarif' },
      { 'r.json': golden },
      /Input 'output'.*together with 'format'/,
      InputError,
    ],
    ['pkg-types unknown', { path: '.', 'pkg-types': 'os,npm' }, {}, /Input 'pkg-types'.*os, library/, InputError],
    [
      'a .trivyignore.yaml with a misspelt key',
      { report: 'r.json', trivyignores: '.trivyignore.yaml' },
      { 'r.json': golden, '.trivyignore.yaml': 'vulnerabilities:\n  - id: CVE-1\n    expires_at: 2020-01-01\n' },
      /\.trivyignore\.yaml: vulnerabilities\[0\] has unknown key\(s\) expires_at/,
      FileError,
    ],
    [
      'repository URL with credentials',
      { 'scan-type': 'repo', 'scan-ref': 'https://user:pw@example.com/r.git' },
      {},
      /Input 'scan-ref'.*"\(redacted\)".*without credentials/,
      InputError,
    ],
    [
      'a compromised Trivy release',
      { path: '.', 'trivy-version': '0.69.4' },
      {},
      /Input 'trivy-version'.*"0.69.4".*compromised/,
      InputError,
    ],
    [
      'non-Trivy report',
      { report: 'r.sarif' },
      { 'r.sarif': '{"version":"2.1.0","runs":[]}' },
      /r.sarif: is not a Trivy JSON report/,
      FileError,
    ],
    [
      'malformed policy',
      { report: 'r.json', policy: 'p.yaml' },
      { 'r.json': golden, 'p.yaml': 'environments:\n  prod: {fail-on: SOMETIMES}\n' },
      /p.yaml: environments.prod.fail-on is "SOMETIMES"/,
      FileError,
    ],
    [
      'malformed ignore file',
      { report: 'r.json', 'ignore-file': 'i.yaml' },
      { 'r.json': golden, 'i.yaml': 'ignores:\n  - id: CVE-1\n' },
      /i.yaml: ignores\[0\] \(CVE-1\) has no 'reason'/,
      FileError,
    ],
    [
      'unknown environment',
      { report: 'r.json', policy: 'p.yaml', environment: 'qa' },
      { 'r.json': golden, 'p.yaml': 'environments:\n  prod: {}\n' },
      /Input 'environment'.*"qa"/,
      InputError,
    ],
    [
      'unknown format',
      { report: 'r.json', formats: 'sarif,html' },
      { 'r.json': golden },
      /Input 'formats'.*unknown format 'html'/,
      InputError,
    ],
    ['path escaping the workspace', { path: '../../etc' }, {}, /Input 'path'.*a path inside/, InputError],
    ['upload without token', { report: 'r.json', 'upload-sarif': 'true' }, { 'r.json': golden }, /Input 'token'/, InputError],
    ['bad pinned checksum', { image: 'alpine:3', 'trivy-sha256': 'abc' }, {}, /Input 'trivy-sha256'/, InputError],
  ])('%s', async (_name, inputs, files, message, type) => {
    const ws = workspace(files);
    const platform = recording(ws, inputs);
    const error = await runStageWith(scanStage, platform, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).message).toMatch(message);
    expect(platform.outputs.result).toBe('error');
    expect(existsSync(join(ws, 'aegis-scan'))).toBe(false);
  });
});

/** Copies the fake trivy script to `dir/trivy` with a config, as an executable. */
function installFake(dir: string, config: Record<string, unknown>): string {
  const binary = join(dir, 'trivy');
  copyFileSync(FAKE_TRIVY, binary);
  chmodSync(binary, 0o755);
  writeFileSync(`${binary}.json`, JSON.stringify(config));
  return binary;
}

describe('scanning with a FAKE trivy executable (no Trivy on this machine)', () => {
  test('image scan: the recorded invocation, then gate and render its report', async () => {
    const ws = workspace();
    const tools = tempDir('aegis-fake-trivy-');
    const argvLog = join(tools, 'argv.log');
    const binary = installFake(tools, { report: GOLDEN, argvLog });
    const platform = recording(ws, { image: 'ghcr.io/acme/api:1.4.3', 'trivy-binary': binary, 'fail-on': 'CRITICAL' });
    await runStageWith(scanStage, platform, deps);
    const argv = JSON.parse(readFileSync(argvLog, 'utf8').trim()) as string[];
    expect(argv[0]).toBe('image');
    expect(argv.slice(-2)).toEqual(['--', 'ghcr.io/acme/api:1.4.3']);
    expect(argv[argv.indexOf('--output') + 1]).toBe(join(ws, 'aegis-scan/trivy-report.json'));
    expect(argv[argv.indexOf('--cache-dir') + 1]).toBe(join(ws, 'aegis-trivy-cache/db'));
    expect(argv.filter((a) => a === '--db-repository')).toHaveLength(2);
    expect(platform.outputs.result).toBe('passed');
    expect(platform.outputs.medium).toBe('4');
  });

  test('Trivy failing is result=error, never failed', async () => {
    const ws = workspace();
    const binary = installFake(tempDir('aegis-fake-trivy-'), {
      exitCode: 1,
      stderr: 'FATAL TOOMANYREQUESTS: rate limit on ghcr.io/aquasecurity/trivy-db',
    });
    const platform = recording(ws, { image: 'alpine:3', 'trivy-binary': binary });
    await expect(runStageWith(scanStage, platform, deps)).rejects.toThrow(/Trivy exited with code 1:\nFATAL TOOMANYREQUESTS/);
    expect(platform.outputs.result).toBe('error');
    expect(platform.summaries[0]).toContain('No verdict: Trivy failed');
  });

  test('a missing binary is result=error too', async () => {
    const platform = recording(workspace(), { path: '.', 'trivy-binary': '/nonexistent/trivy' });
    await expect(runStageWith(scanStage, platform, deps)).rejects.toThrow(/Could not start Trivy/);
    expect(platform.outputs.result).toBe('error');
  });

  test('Trivy exiting 0 without a report is an error, not a pass on an empty report', async () => {
    const binary = installFake(tempDir('aegis-fake-trivy-'), { report: '/dev/null' });
    const platform = recording(workspace(), { path: '.', 'trivy-binary': binary });
    await expect(runStageWith(scanStage, platform, deps)).rejects.toThrow(/report is unusable/);
    expect(platform.outputs.result).toBe('error');
  });
});

describe('Trivy download from a local release server (archive + checksums file)', () => {
  let base = '';
  let archive: Buffer;
  const requests: string[] = [];
  const version = '9.9.9';
  const asset = trivyAsset(version, process.platform, process.arch);
  let checksums = '';

  beforeAll(async () => {
    const stage = tempDir('aegis-trivy-release-');
    installFake(stage, {});
    rmSync(join(stage, 'trivy.json'));
    await run('tar', ['-czf', join(stage, asset), '-C', stage, 'trivy']);
    archive = readFileSync(join(stage, asset));
    const sha = createHash('sha256').update(archive).digest('hex');
    checksums = `${'0'.repeat(64)}  trivy_${version}_Other-OS.tar.gz\n${sha}  ${asset}\n`;
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const routes: Record<string, Buffer | string> = {
        [`/good/v${version}/trivy_${version}_checksums.txt`]: checksums,
        [`/good/v${version}/${asset}`]: archive,
        [`/bad/v${version}/trivy_${version}_checksums.txt`]: `${'f'.repeat(64)}  ${asset}\n`,
        [`/bad/v${version}/${asset}`]: archive,
        [`/unlisted/v${version}/trivy_${version}_checksums.txt`]: `${'f'.repeat(64)}  something-else.tar.gz\n`,
      };
      const body = routes[request.url ?? ''];
      response.writeHead(body === undefined ? 404 : 200);
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test('downloads, verifies, unpacks into the cache, and reuses it the next time', async () => {
    const cacheDir = join(tempDir('aegis-trivy-cache-'), 'cache');
    const first = await installTrivy({ version, releaseUrl: `${base}/good`, cacheDir, log: silentLog });
    expect(first.cached).toBe(false);
    expect(first.binary).toBe(join(cacheDir, 'bin', version, 'trivy'));
    expect(first.sha256).toBe(createHash('sha256').update(archive).digest('hex'));
    const version_ = await run(first.binary, ['--version']);
    expect(version_.stdout).toContain('0.0.0-fake');
    // Reused from the cache, but verified again: only the small checksums file is fetched.
    const before = requests.length;
    const second = await installTrivy({ version, releaseUrl: `${base}/good`, cacheDir, log: silentLog });
    expect(second).toEqual({ ...first, cached: true });
    expect(requests.slice(before)).toEqual([expect.stringMatching(/checksums\.txt$/)]);
    // A binary swapped in the cache is not used: it is unpacked again from the verified archive.
    writeFileSync(first.binary, '#!/bin/sh\necho evil\n');
    const third = await installTrivy({ version, releaseUrl: `${base}/good`, cacheDir, log: silentLog, sha256: first.sha256 });
    expect((await run(third.binary, ['--version'])).stdout).toContain('0.0.0-fake');
    // A tampered archive in the cache is refused and downloaded again.
    writeFileSync(join(cacheDir, 'archives', readdirSync(join(cacheDir, 'archives'))[0] as string), 'tampered');
    const fourth = await installTrivy({ version, releaseUrl: `${base}/good`, cacheDir, log: silentLog });
    expect(fourth.cached).toBe(false);
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('.install-'))).toEqual([]);
  });

  test('a pinned SHA-256 that matches is accepted', async () => {
    const cacheDir = join(tempDir('aegis-trivy-cache-'), 'cache');
    const sha256 = createHash('sha256').update(archive).digest('hex');
    await expect(installTrivy({ version, releaseUrl: `${base}/good`, cacheDir, sha256, log: silentLog })).resolves.toMatchObject({
      sha256,
    });
  });

  test.each([
    ['a wrong checksum in the checksums file', 'bad', undefined, /Checksum mismatch for trivy_9.9.9_.*expected f{64}; refusing to install/],
    [
      'an asset missing from the checksums file',
      'unlisted',
      undefined,
      /lists no checksum for trivy_9.9.9_.*refusing to install an unverified binary/,
    ],
    ['a pin that disagrees with the checksums file', 'good', 'e'.repeat(64), /pinned SHA-256 e{64} .* differs/],
    ['a release that does not exist', 'missing', undefined, /HTTP 404/],
  ])('refuses %s and leaves nothing in the cache', async (_name, path, sha256, message) => {
    const cacheDir = join(tempDir('aegis-trivy-cache-'), 'cache');
    await expect(
      installTrivy({ version, releaseUrl: `${base}/${path}`, cacheDir, ...(sha256 ? { sha256 } : {}), log: silentLog }),
    ).rejects.toThrow(message);
    expect(existsSync(join(cacheDir, 'bin', version, 'trivy'))).toBe(false);
    expect(existsSync(cacheDir) ? readdirSync(cacheDir).filter((n) => n.startsWith('.install-')) : []).toEqual([]);
  });

  test('the stage downloads Trivy from the release URL, then scans with it', async () => {
    const ws = workspace();
    const config = join(tempDir('aegis-fake-cfg-'), 'config.json');
    writeFileSync(config, JSON.stringify({ report: GOLDEN }));
    process.env.FAKE_TRIVY_CONFIG = config;
    try {
      const platform = recording(ws, { path: '.', 'trivy-version': version, 'trivy-release-url': `${base}/good` });
      await runStageWith(scanStage, platform, deps);
      expect(platform.outputs.result).toBe('passed');
      expect(existsSync(join(ws, 'aegis-trivy-cache/bin', version, 'trivy'))).toBe(true);
    } finally {
      delete process.env.FAKE_TRIVY_CONFIG;
    }
  });

  test('a wrong checksum makes the stage end in error, not failed', async () => {
    const platform = recording(workspace(), {
      image: 'alpine:3',
      'trivy-version': version,
      'trivy-release-url': `${base}/bad`,
    });
    await expect(runStageWith(scanStage, platform, deps)).rejects.toThrow(/Checksum mismatch/);
    expect(platform.outputs.result).toBe('error');
  });
});

describe('SARIF upload through the platform forge to a FAKE GitHub code-scanning API', () => {
  test('posts gzip+base64 SARIF with the commit, ref and a stable category; token only in the header', async () => {
    const fake = await startFakeForge('github');
    try {
      const ws = workspace({ 'r.json': golden });
      const platform = new RecordingPlatform(
        ws,
        { report: 'r.json', 'upload-sarif': 'true', token: 'ghs_secret', formats: 'markdown' },
        {
          event: { kind: 'push', source: 'push', head: 'c'.repeat(40), branch: 'main', repositoryUrl: 'https://github.com/acme/api' },
          forge: () => loadForge({ kind: 'github', token: 'ghs_secret', apiUrl: fake.apiUrl }),
        },
      );
      await runStageWith(scanStage, platform, deps);
      expect(platform.outputs['sarif-id']).toBe('upload-1');
      expect(platform.secrets).toContain('ghs_secret');
      const [upload] = fake.sarifs;
      expect(upload?.project).toBe('acme/api');
      expect(upload?.body).toMatchObject({ commit_sha: 'c'.repeat(40), ref: 'refs/heads/main', tool_name: 'Trivy' });
      const sarif = JSON.parse(gunzipSync(Buffer.from(String(upload?.body.sarif ?? ''), 'base64')).toString('utf8'));
      expect(sarif.runs[0].automationDetails.id).toBe('aegis-scan/testdata/fixtures/images/alpine-310.tar.gz/');
      expect(fake.calls.every((call) => call.authorization?.includes('ghs_secret'))).toBe(true);
      expect(JSON.stringify(upload?.body)).not.toContain('ghs_secret');
    } finally {
      await fake.close();
    }
  });
});

test('the stage definition carries the contract inputs and outputs', () => {
  for (const input of ['image', 'path', 'report', 'fail-on', 'policy', 'ignore-file', 'sbom', 'formats', 'baseline', 'ignore-unfixed'])
    expect(scanStage.definition.inputs).toHaveProperty(input);
  for (const output of ['result', 'critical', 'high', 'medium', 'low', 'unknown', 'sarif-file', 'gitlab-report', 'sbom-file'])
    expect(scanStage.definition.outputs).toHaveProperty(output);
});

describe("trivy-action's README examples, with only the `uses:` line changed (FAKE trivy)", () => {
  const README = readFileSync(join(import.meta.dirname, '../fixtures/scan/trivy-action/README.md'), 'utf8');
  interface Step {
    uses?: string;
    with?: Record<string, string | boolean>;
  }
  /** The README's workflow under a heading: its trivy-action step and the steps after it. */
  function example(heading: string): { step: Step; after: Step[] } {
    const section = README.slice(README.indexOf(`### ${heading}`));
    const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const workflow = parseYaml(block) as { jobs: Record<string, { steps: Step[] }> };
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    const index = steps.findIndex((s) => s.uses?.startsWith('aquasecurity/trivy-action@'));
    const step = { ...steps[index], uses: 'aegis-actions/aegis-actions/actions/scan@v1' } as Step;
    return { step, after: steps.slice(index + 1) };
  }
  function inputs(step: Step, binary: string): Record<string, string> {
    const values = Object.fromEntries(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
      Object.entries(step.with ?? {}).map(([k, v]) => [k, String(v).replaceAll('${{ github.sha }}', '0123abc')]),
    );
    return { ...values, 'trivy-binary': binary };
  }
  async function runExample(heading: string, report: string, files: Record<string, string> = {}) {
    const { step, after } = example(heading);
    const ws = workspace(files);
    const tools = tempDir('aegis-fake-trivy-');
    const argvLog = join(tools, 'argv.log');
    const binary = installFake(tools, { report, argvLog });
    const platform = recording(ws, inputs(step, binary));
    const error = await runStageWith(scanStage, platform, deps).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    const argv = JSON.parse(readFileSync(argvLog, 'utf8').trim()) as string[];
    return { ws, platform, error, argv, after, step };
  }

  test('Scan CI Pipeline: image-ref, exit-code 1, severity CRITICAL,HIGH, vuln-type, ignore-unfixed', async () => {
    const { platform, error, argv, step } = await runExample('Scan CI Pipeline', GOLDEN);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template
    expect(step.with?.['image-ref']).toBe('docker.io/my-organization/my-app:${{ github.sha }}');
    expect(argv[0]).toBe('image');
    expect(argv.slice(-1)).toEqual(['docker.io/my-organization/my-app:0123abc']);
    expect(argv[argv.indexOf('--pkg-types') + 1]).toBe('os,library');
    // alpine-310 has 4 MEDIUM: trivy --exit-code 1 --severity CRITICAL,HIGH would exit 0, and so do we.
    expect(error).toBeUndefined();
    expect(platform.outputs.result).toBe('passed');
    expect(platform.outputs.medium).toBe('4');
  });

  test('Scan CI Pipeline (w/ Trivy Config): fs scan of ., trivy.yaml passed to Trivy', async () => {
    const { ws, platform, argv } = await runExample('Scan CI Pipeline (w/ Trivy Config)', join(TRIVY_GOLDENS, 'npm.json.golden'), {
      'trivy.yaml': 'format: json\nexit-code: 1\nseverity: CRITICAL\n',
    });
    expect(argv[0]).toBe('filesystem');
    expect(argv.slice(-2)).toEqual(['--', ws]);
    expect(argv[argv.indexOf('--config') + 1]).toBe(join(ws, 'trivy.yaml'));
    // Our own flags come first on the command line and win over the config file: JSON out, exit 0.
    expect(argv[argv.indexOf('--exit-code') + 1]).toBe('0');
    expect(platform.outputs.result).toMatch(/passed|failed/);
  });

  test('Using Trivy with GitHub Code Scanning: SARIF at `output` for the upload step', async () => {
    const { ws, platform, after } = await runExample('Using Trivy with GitHub Code Scanning', GOLDEN);
    const upload = after.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    const file = join(ws, String(upload?.with?.sarif_file));
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    expect(validateSarif(sarif)).toEqual([]);
    expect(sarif.runs[0].results).toHaveLength(4);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(ws, platform.outputs['sarif-file'] as string), 'utf8'));
  });

  test('Using Trivy to scan your Git repo: fs, severity CRITICAL only, SARIF output', async () => {
    const { ws, platform, error, argv } = await runExample('Using Trivy to scan your Git repo', join(TRIVY_GOLDENS, 'npm.json.golden'));
    expect(argv[0]).toBe('filesystem');
    // No exit-code in the example: our gate applies (fail-on HIGH), counting only the listed CRITICAL.
    expect(error).toBeUndefined();
    expect(platform.outputs.result).toBe('passed');
    expect(existsSync(join(ws, 'trivy-results.sarif'))).toBe(true);
  });

  test('Using Trivy to scan Infrastructure as Code: config scan, exit-code 1 on CRITICAL,HIGH fails, SARIF still written', async () => {
    const { ws, platform, error, argv, after } = await runExample(
      'Using Trivy to scan Infrastructure as Code',
      join(TRIVY_GOLDENS, 'dockerfile.json.golden'),
    );
    expect(argv[0]).toBe('config');
    expect(argv).not.toContain('--list-all-pkgs');
    expect(argv).not.toContain('--scanners');
    expect(error?.message).toMatch(/Scan gate failed .*1 HIGH/);
    expect(platform.outputs.result).toBe('failed');
    expect(platform.outputs.misconfigurations).toBe('1');
    // The README's upload step runs `if: always()`; the file it reads is there.
    expect(after[0]?.uses).toMatch(/upload-sarif/);
    const sarif = JSON.parse(readFileSync(join(ws, 'trivy-results.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].ruleId).toBe('DS-0002');
    expect(sarif.runs[0].tool.driver.rules[0].name).toBe('Misconfiguration');
  });
});

import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AegisError, FileError, InputError } from '../../src/core/errors.js';
import { silentLog } from '../../src/core/log.js';
import { run } from '../../src/core/process.js';
import { installTrivy, trivyAsset } from '../../src/core/scan/trivy.js';
import { loadForge } from '../../src/platform/forge/load.js';
import type { CiEvent } from '../../src/platform/types.js';
import { runScan, scan } from '../../src/stages/scan.js';
import { validateGitLab, validateSarif } from '../fixtures/scan/schemas.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';

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
    const outcome = await runScan(platform, deps);
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
    });
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
    await expect(runScan(platform, deps)).rejects.toThrow(/Scan gate failed .*4 MEDIUM \(limit 0\); 4 blocking/);
    expect(platform.outputs.result).toBe('failed');
    expect(platform.outputs['sbom-file']).toBe('aegis-scan/sbom.spdx.json');
    expect(platform.outputs['summary-file']).toBe('');
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
    await runScan(dev, deps);
    expect(dev.outputs.result).toBe('passed');

    const prod = recording(ws, { ...common, environment: 'prod' });
    await expect(runScan(prod, deps)).rejects.toThrow(/policy environment 'prod'/);
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
    await expect(runScan(withBaseline, deps)).rejects.toThrow(/1 blocking/);
    expect(withBaseline.outputs.blocking).toBe('1');
  });
});

describe('bad input fails clearly, before anything is written', () => {
  test.each<[string, Record<string, string>, Record<string, string>, RegExp, abstract new (...args: never[]) => AegisError]>([
    ['no target', {}, {}, /Input 'image'.*exactly one of 'image', 'path' or 'report'.*nothing to scan/, InputError],
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
    const error = await runScan(platform, deps).catch((e: unknown) => e);
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
    await runScan(platform, deps);
    const argv = JSON.parse(readFileSync(argvLog, 'utf8').trim()) as string[];
    expect(argv[0]).toBe('image');
    expect(argv.slice(-2)).toEqual(['--', 'ghcr.io/acme/api:1.4.3']);
    expect(argv[argv.indexOf('--output') + 1]).toBe(join(ws, 'aegis-scan/trivy-report.json'));
    expect(argv[argv.indexOf('--cache-dir') + 1]).toBe(join(ws, '.aegis-cache/trivy/db'));
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
    await expect(runScan(platform, deps)).rejects.toThrow(/Trivy exited with code 1:\nFATAL TOOMANYREQUESTS/);
    expect(platform.outputs.result).toBe('error');
    expect(platform.summaries[0]).toContain('No verdict: Trivy failed');
  });

  test('a missing binary is result=error too', async () => {
    const platform = recording(workspace(), { path: '.', 'trivy-binary': '/nonexistent/trivy' });
    await expect(runScan(platform, deps)).rejects.toThrow(/Could not start Trivy/);
    expect(platform.outputs.result).toBe('error');
  });

  test('Trivy exiting 0 without a report is an error, not a pass on an empty report', async () => {
    const binary = installFake(tempDir('aegis-fake-trivy-'), { report: '/dev/null' });
    const platform = recording(workspace(), { path: '.', 'trivy-binary': binary });
    await expect(runScan(platform, deps)).rejects.toThrow(/report is unusable/);
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
      await runScan(platform, deps);
      expect(platform.outputs.result).toBe('passed');
      expect(existsSync(join(ws, '.aegis-cache/trivy/bin', version, 'trivy'))).toBe(true);
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
    await expect(runScan(platform, deps)).rejects.toThrow(/Checksum mismatch/);
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
      await runScan(platform, deps);
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
    expect(scan.inputs).toHaveProperty(input);
  for (const output of ['result', 'critical', 'high', 'medium', 'low', 'unknown', 'sarif-file', 'gitlab-report', 'sbom-file'])
    expect(scan.outputs).toHaveProperty(output);
});

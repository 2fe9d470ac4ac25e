import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
  COMPROMISED_TRIVY_VERSIONS,
  DEFAULT_DB_REPOSITORIES,
  DEFAULT_TRIVY_VERSION,
  parseChecksums,
  trivyAsset,
  trivyScanArgs,
} from '../../src/core/scan/trivy.js';
import { sarifCategory, sarifUploadRequest } from '../../src/core/scan/upload.js';

describe('Trivy invocation', () => {
  const base = {
    output: 'out/trivy-report.json',
    cacheDir: '.cache/db',
    dbRepositories: DEFAULT_DB_REPOSITORIES,
    javaDbRepositories: [],
    scanners: ['vuln'],
    timeout: '10m',
  };

  test('an image scan: JSON out, all packages, no filtering, exit 0 on findings, DB fallbacks in order, target after --', () => {
    expect(trivyScanArgs({ ...base, target: { kind: 'image', image: 'ghcr.io/acme/api:1.2.3' } })).toEqual([
      'image',
      '--format',
      'json',
      '--output',
      'out/trivy-report.json',
      '--list-all-pkgs',
      '--exit-code',
      '0',
      '--no-progress',
      '--cache-dir',
      '.cache/db',
      '--timeout',
      '10m',
      '--scanners',
      'vuln',
      '--db-repository',
      'mirror.gcr.io/aquasec/trivy-db:2',
      '--db-repository',
      'ghcr.io/aquasecurity/trivy-db:2',
      '--',
      'ghcr.io/acme/api:1.2.3',
    ]);
  });

  test('a filesystem scan with java DB fallbacks; platform only applies to images', () => {
    const args = trivyScanArgs({
      ...base,
      javaDbRepositories: ['a/java:1', 'b/java:1'],
      scanners: ['vuln', 'secret'],
      platform: 'linux/arm64',
      target: { kind: 'path', path: '/w/app' },
    });
    expect(args[0]).toBe('filesystem');
    expect(args).toContain('vuln,secret');
    expect(args.join(' ')).toContain('--java-db-repository a/java:1 --java-db-repository b/java:1');
    expect(args).not.toContain('--platform');
    expect(args.slice(-2)).toEqual(['--', '/w/app']);
  });

  test('never filters by severity or fix status: the gate does, and renderings show everything', () => {
    const args = trivyScanArgs({ ...base, target: { kind: 'image', image: 'x' } });
    expect(args).not.toContain('--severity');
    expect(args).not.toContain('--ignore-unfixed');
  });

  test('a target that looks like a flag stays a target', () => {
    expect(trivyScanArgs({ ...base, target: { kind: 'image', image: '--help' } }).slice(-2)).toEqual(['--', '--help']);
  });

  test.each([
    ['linux', 'x64', 'trivy_0.58.1_Linux-64bit.tar.gz'],
    ['linux', 'arm64', 'trivy_0.58.1_Linux-ARM64.tar.gz'],
    ['darwin', 'arm64', 'trivy_0.58.1_macOS-ARM64.tar.gz'],
    ['darwin', 'x64', 'trivy_0.58.1_macOS-64bit.tar.gz'],
  ] as const)('release asset for %s/%s is %s', (platform, arch, asset) => {
    expect(trivyAsset('0.58.1', platform, arch)).toBe(asset);
  });

  test('the default is a release that exists and is not one of the compromised ones', () => {
    expect(DEFAULT_TRIVY_VERSION).toBe('0.70.0');
    expect(COMPROMISED_TRIVY_VERSIONS).not.toContain(DEFAULT_TRIVY_VERSION);
  });

  test.each([
    ['0.58', 'linux', 'x64', /not X.Y.Z/],
    ['0.58.1', 'win32', 'x64', /No Trivy release for win32\/x64/],
  ] as const)('refuses version %s on %s/%s', (version, platform, arch, message) => {
    expect(() => trivyAsset(version, platform, arch)).toThrow(message);
  });

  test('checksums file lines, lower-cased, binary-mode stars and junk tolerated', () => {
    const a = 'A'.repeat(64);
    const b = 'b'.repeat(64);
    expect(parseChecksums(`${a}  trivy_1.0.0_Linux-64bit.tar.gz\n${b} *trivy_1.0.0_macOS-ARM64.tar.gz\n\nnot a line\n`)).toEqual(
      new Map([
        ['trivy_1.0.0_Linux-64bit.tar.gz', 'a'.repeat(64)],
        ['trivy_1.0.0_macOS-ARM64.tar.gz', b],
      ]),
    );
  });
});

describe('SARIF upload request', () => {
  test.each([
    ['ghcr.io/acme/api:1.2.3', 'aegis-scan/ghcr.io/acme/api'],
    ['ghcr.io/acme/api:1.2.4@sha256:abc', 'aegis-scan/ghcr.io/acme/api'],
    ['localhost:5000/acme/api', 'aegis-scan/localhost:5000/acme/api'],
    ['services/api', 'aegis-scan/services/api'],
  ])('category of %s is %s, stable across tags and digests', (target, category) => {
    expect(sarifCategory(target)).toBe(category);
  });

  test('gzip + base64 payload that decodes back to the SARIF text', () => {
    const sarif = JSON.stringify({ version: '2.1.0', runs: [] });
    const request = sarifUploadRequest(sarif, 'a'.repeat(40), 'refs/heads/main');
    expect(request.commit_sha).toBe('a'.repeat(40));
    expect(request.ref).toBe('refs/heads/main');
    expect(gunzipSync(Buffer.from(request.sarif, 'base64')).toString('utf8')).toBe(sarif);
  });
});

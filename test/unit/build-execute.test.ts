/**
 * Builder selection and the buildx executor path with a fake `docker` runner (there is no
 * Docker engine here): what it is asked to run, how credentials reach it, what it reports.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { detectBuilder, executeBuild, type Runner } from '../../src/core/build/execute.js';
import type { BuildRequest } from '../../src/core/build/plan.js';
import { silentLog } from '../../src/core/log.js';

const PASSWORD = 'pa55-w0rd-never-in-argv';
const DIGEST = `sha256:${'c'.repeat(64)}`;

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    context: '/w',
    dockerfile: '/w/Dockerfile',
    image: { registry: 'ghcr.io', repository: 'acme/api' },
    service: 'api',
    tags: ['sha-1234567'],
    labels: {},
    commitTag: 'sha-1234567',
    platforms: ['linux/amd64', 'linux/arm64'],
    push: true,
    buildArgs: [],
    secrets: [],
    cache: 'gha',
    cacheRepository: 'ghcr.io/acme/api/cache',
    insecureRegistries: [],
    provenance: 'mode=max',
    sbom: false,
    skipExisting: false,
    credentials: new Map([['ghcr.io', { username: 'octocat', password: PASSWORD }]]),
    buildah: { isolation: 'chroot' },
    ...overrides,
  };
}

function fakeRunner(answers: Record<string, number>): { run: Runner; calls: string[][] } {
  const calls: string[][] = [];
  const run: Runner = async (command, args) => {
    calls.push([command, ...args]);
    const key = `${command} ${args[0]}`;
    const exitCode = answers[key] ?? answers[command] ?? 1;
    return { exitCode, stdout: '', stderr: '' };
  };
  return { run, calls };
}

describe('builder auto', () => {
  test.each([
    ['Docker engine with buildx', { 'docker version': 0, 'docker buildx': 0, buildah: 0 }, 'buildx'],
    ['no Docker engine', { 'docker version': 1, buildah: 0 }, 'buildah'],
    ['engine without buildx', { 'docker version': 0, 'docker buildx': 1, buildah: 0 }, 'buildah'],
  ] as const)('%s -> %s', async (_name, answers, expected) => {
    expect(await detectBuilder('auto', fakeRunner(answers).run)).toBe(expected);
  });

  test('neither is a clear error', async () => {
    await expect(detectBuilder('auto', fakeRunner({}).run)).rejects.toThrow(/neither a Docker engine with buildx nor buildah/);
  });

  test('an explicit builder is not probed', async () => {
    const fake = fakeRunner({});
    expect(await detectBuilder('buildah', fake.run)).toBe('buildah');
    expect(fake.calls).toEqual([]);
  });
});

describe('buildx executor with a fake docker', () => {
  test('logs in through DOCKER_CONFIG, reads the digest from the metadata file, parses cache hits', async () => {
    const calls: { args: string[]; env?: Record<string, string | undefined> }[] = [];
    let authFile = '';
    const run: Runner = async (command, args, options) => {
      calls.push({ args: [command, ...args], env: options?.env });
      const metadata = args[args.indexOf('--metadata-file') + 1] as string;
      authFile = readFileSync(`${options?.env?.DOCKER_CONFIG}/config.json`, 'utf8');
      writeFileSync(metadata, JSON.stringify({ 'containerimage.digest': DIGEST }));
      return { exitCode: 0, stdout: '', stderr: '#4 [1/2] FROM docker.io/library/alpine\n#5 [2/2] COPY . .\n#5 CACHED\n' };
    };
    const result = await executeBuild(request(), 'buildx', { log: silentLog, run });
    expect(result).toMatchObject({
      builder: 'buildx',
      digest: DIGEST,
      image: `ghcr.io/acme/api@${DIGEST}`,
      cacheHit: true,
      skipped: false,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args.join(' ')).not.toContain(PASSWORD);
    expect(calls[0]?.args).toContain('type=gha,scope=api-linux-amd64_linux-arm64,mode=max');
    expect(JSON.parse(authFile).auths['ghcr.io'].auth).toBe(Buffer.from(`octocat:${PASSWORD}`).toString('base64'));
    // the private directory holding the credentials is gone afterwards
    expect(existsSync(calls[0]?.env?.DOCKER_CONFIG as string)).toBe(false);
  });

  test('a buildx run that reports no digest fails', async () => {
    const run: Runner = async () => ({ exitCode: 0, stdout: '', stderr: '' });
    await expect(executeBuild(request(), 'buildx', { log: silentLog, run })).rejects.toThrow(/no containerimage.digest/);
  });

  test("cache 'gha' with buildah is refused before building", async () => {
    const fake = fakeRunner({});
    await expect(executeBuild(request(), 'buildah', { log: silentLog, run: fake.run })).rejects.toThrow(/only buildx/);
    expect(fake.calls).toEqual([]);
  });
});

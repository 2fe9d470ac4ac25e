/**
 * Cancelling a job (SIGINT: GitHub's cancel; SIGTERM: GitLab's timeout) while a stage holds
 * key material on disk leaves nothing behind. Each stage runs as its own process from src/
 * (node --import tsx), talks to a server on 127.0.0.1 that accepts connections and never
 * answers (ssh waits for the banner, HTTP for a response, buildah for the base image), and is
 * signalled once its key file exists under RUNNER_TEMP.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPrivateDir, livePrivateDirs, removeAllPrivateDirs } from '../../src/core/cleanup.js';
import { ROOT } from '../helpers/cli.js';
import { hasCommand, tempDir } from '../helpers/git.js';

const hasBuildah = hasCommand('buildah');
const hasSsh = hasCommand('ssh', ['-V']);

async function stallingServer() {
  const sockets: Socket[] = [];
  let open = 0;
  const server = createServer((socket) => {
    sockets.push(socket);
    open++;
    socket.on('close', () => open--);
    socket.on('error', () => {});
    // Read (and drop) what the client sends, so that its end is seen and the socket closes.
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    /** Connections still open: an ssh or buildah left running after the stage keeps its own. */
    open: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Every file below `dir` (relative paths). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

async function waitFor(check: () => boolean, child: ChildProcess, what: string, output: () => string, whileRunning = true): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (check()) return;
    if (whileRunning && child.exitCode !== null) throw new Error(`the stage exited (${child.exitCode}) before ${what}:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}:\n${output()}`);
}

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END OPENSSH PRIVATE KEY-----\n';

interface Case {
  stage: 'gitops-bump' | 'promote' | 'health-gate' | 'build';
  inputs: (port: number, workspace: string) => Record<string, string>;
  /** The key file the stage writes, relative to RUNNER_TEMP. */
  keyFile: RegExp;
  needs: boolean;
}

const ssh = (port: number) => `ssh://git@127.0.0.1:${port}/srv/gitops.git`;
// ssh's own ConnectTimeout (a quarter of this, twice) far beyond the test: only the stage's stop can end it.
const STALL = { 'remote-stall-timeout': '10m' };
const CASES: Case[] = [
  {
    stage: 'gitops-bump',
    inputs: (port) => ({
      repository: ssh(port),
      'ssh-key': KEY,
      paths: 'overlays/dev',
      images: 'registry.example.com/shop/api:1.2.3',
      ...STALL,
    }),
    keyFile: /^aegis-ssh-[^/]+\/key$/,
    needs: hasSsh,
  },
  {
    stage: 'promote',
    inputs: (port) => ({ repository: ssh(port), 'ssh-key': KEY, from: 'dev', to: 'staging', 'verify-images': 'false', ...STALL }),
    keyFile: /^aegis-ssh-[^/]+\/key$/,
    needs: hasSsh,
  },
  {
    stage: 'health-gate',
    inputs: (port) => ({
      repository: ssh(1),
      'ssh-key': KEY,
      checks: `- name: synced\n  argocd: {server: "http://127.0.0.1:${port}", application: api-dev, revision: ${'a'.repeat(40)}}`,
      rollback: 'none',
    }),
    keyFile: /^aegis-ssh-[^/]+\/key$/,
    needs: true,
  },
  {
    stage: 'build',
    inputs: (port, workspace) => {
      mkdirSync(join(workspace, 'app'), { recursive: true });
      writeFileSync(join(workspace, 'app', 'Containerfile'), `FROM 127.0.0.1:${port}/base/image:1\n`);
      return {
        context: 'app',
        dockerfile: 'app/Containerfile',
        image: `127.0.0.1:${port}/shop/api`,
        tags: '1.0.0',
        builder: 'buildah',
        cache: 'none',
        'registry-username': 'robot',
        'registry-password': 'robot-password-1234',
      };
    },
    keyFile: /^aegis-build-[^/]+\/auth\.json$/,
    needs: hasBuildah,
  },
];

describe('SIGINT and SIGTERM mid-run leave no key material on disk', () => {
  let server: Awaited<ReturnType<typeof stallingServer>>;
  beforeAll(async () => {
    server = await stallingServer();
  });
  afterAll(() => server.close());

  for (const { stage, inputs, keyFile, needs } of CASES) {
    for (const signals of [['SIGINT'], ['SIGTERM'], ['SIGINT', 'SIGTERM']] as const) {
      const signal = signals[0];
      test.skipIf(!needs)(`${stage} stopped by ${signals.join(' then ')}`, async () => {
        const root = tempDir('aegis-signal-');
        const runnerTemp = join(root, 'runner-temp');
        const osTemp = join(root, 'tmp');
        const workspace = join(root, 'workspace');
        for (const dir of [runnerTemp, osTemp, workspace]) mkdirSync(dir);
        const env: Record<string, string | undefined> = {
          ...process.env,
          GITHUB_ACTIONS: '',
          GITLAB_CI: '',
          CI_JOB_NAME: '',
          RUNNER_TEMP: runnerTemp,
          TMPDIR: osTemp,
          HOME: root,
        };
        for (const [name, value] of Object.entries(inputs(server.port, workspace))) env[`INPUT_${name.toUpperCase()}`] = value;
        const child = spawn(
          process.execPath,
          ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'src/entry', `${stage}.ts`)],
          {
            cwd: workspace,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let output = '';
        child.stdout?.on('data', (chunk) => {
          output += chunk;
        });
        child.stderr?.on('data', (chunk) => {
          output += chunk;
        });
        const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
        try {
          await waitFor(
            () => filesBelow(runnerTemp).some((file) => keyFile.test(file)),
            child,
            `${keyFile} under RUNNER_TEMP`,
            () => output,
          );
          // Two at once: GitHub's SIGTERM after its SIGINT, or a second Ctrl-C, ends the stop at once.
          for (const sent of signals) child.kill(sent);
          const code = await exited;
          expect(code, output).toEqual(signals.length === 1 ? (signal === 'SIGINT' ? 130 : 143) : expect.toBeOneOf([130, 143]));
          expect(filesBelow(runnerTemp)).toEqual([]);
          expect(filesBelow(osTemp).filter((file) => file.startsWith('aegis-'))).toEqual([]);
          // One failure, the signal's: a git the signal ended is not reported as the stage's own error.
          expect(
            output.split('\n').filter((line) => line.includes('ERROR')),
            output,
          ).toEqual([expect.stringContaining(`Stopped by ${signals.length === 1 ? signal : ''}`)]);
          expect(output).not.toContain('c2VjcmV0LWtleS1tYXRlcmlhbA');
          // Nothing the stage started outlives it (git's ssh included): every connection it made gets closed.
          await waitFor(
            () => server.open() === 0,
            child,
            'the stage’s connections to close',
            () => output,
            false,
          );
        } finally {
          if (child.exitCode === null) child.kill('SIGKILL');
          rmSync(root, { recursive: true, force: true });
        }
      });
    }
  }
});

test('private directories are readable by their owner only and removed by removeAllPrivateDirs', () => {
  const dir = tempDir();
  try {
    const created = createPrivateDir(dir, 'aegis-x-');
    expect(statSync(created).mode & 0o777).toBe(0o700);
    expect(livePrivateDirs()).toContain(created);
    removeAllPrivateDirs();
    expect(existsSync(created)).toBe(false);
    // A write after the removal (a git still running, a file written with its parent folders) puts it back;
    // the cancel's last pass removes it again.
    mkdirSync(join(created, '.git'), { recursive: true });
    writeFileSync(join(created, '.git', 'config'), '[core]\n');
    removeAllPrivateDirs();
    expect(existsSync(created)).toBe(true);
    removeAllPrivateDirs({ includingRemoved: true });
    expect(existsSync(created)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Remote faults against real git: smart HTTP (git http-backend behind test/helpers/git-http-server.ts)
 * reached through a TCP forwarder that is not listening for the first 3 s; a server that accepts
 * connections and never answers; a bare repository whose pre-receive hook rejects with a
 * message that contains "non-fast-forward".
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isRaceRejection } from '../../src/core/git/git.js';
import { isStalled, isTransientFailure } from '../../src/core/git/remote-failure.js';
import type { Platform } from '../../src/platform/types.js';
import * as gitopsBumpStage from '../../src/stages/gitops-bump.js';
import { runStageModule } from '../../src/stages/module.js';
import { createBareRepo } from '../helpers/git.js';
import { startGitHttpServer } from '../helpers/git-http-server.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runGitopsBump = (platform: Platform) => runStageModule(gitopsBumpStage, platform);

const OVERLAY =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: registry.example.com/shop/api\n    newTag: "1.0.0"\n';
const CREDENTIALS = { username: 'x-access-token', password: 'git-token-123456' };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

function close(server: Server, sockets: Socket[]): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function bump(repository: string, inputs: Record<string, string>) {
  return new RecordingPlatform(process.cwd(), {
    repository,
    token: CREDENTIALS.password,
    paths: 'overlays/dev',
    images: 'registry.example.com/shop/api:2.0.0',
    ...inputs,
  });
}

describe('a remote that is down, then back', () => {
  test('gitops-bump retries with backoff and succeeds', async () => {
    const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': OVERLAY });
    cleanups.push(() => repo.cleanup());
    const git = await startGitHttpServer(repo.root, CREDENTIALS);
    cleanups.push(() => git.close());
    const target = Number(new URL(git.url).port);
    const port = await freePort();
    const sockets: Socket[] = [];
    const forwarder = createServer((socket) => {
      const upstream = connect(target, '127.0.0.1');
      sockets.push(socket, upstream);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    // Nothing listens on the port for 3 s: every connection is refused.
    const comesBack = setTimeout(() => forwarder.listen(port, '127.0.0.1'), 3000);
    cleanups.push(() => {
      clearTimeout(comesBack);
      return forwarder.listening ? close(forwarder, sockets) : undefined;
    });

    const platform = bump(`http://127.0.0.1:${port}/gitops.git`, { 'remote-retries': '5' });
    await runGitopsBump(platform);
    expect(platform.outputs.changed).toBe('true');
    expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "2.0.0"');
    expect(platform.infos.some((line) => /did not answer \(.*(Failed to connect|Connection refused)/.test(line))).toBe(true);
  }, 60_000);
});

describe('a remote that accepts and never answers', () => {
  test('fails after remote-stall-timeout, says so, and is not retried', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => close(silent, sockets));
    const { port } = silent.address() as { port: number };

    const platform = bump(`http://127.0.0.1:${port}/gitops.git`, { 'remote-stall-timeout': '2s', 'remote-retries': '3' });
    // The test's own limit (30 s) is the bound; git's overall timeout would be 15 minutes.
    await expect(runGitopsBump(platform)).rejects.toThrow(/Could not clone.*Operation too slow/);
    expect(platform.infos.some((line) => line.includes('did not answer'))).toBe(false);
    expect(sockets).toHaveLength(1);
  }, 30_000);
});

describe('an ssh server that accepts and never answers', () => {
  test('fails after remote-stall-timeout instead of hanging', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => close(silent, sockets));
    const { port } = silent.address() as { port: number };
    const platform = bump(`ssh://git@127.0.0.1:${port}/srv/gitops.git`, { 'remote-stall-timeout': '4s', 'ssh-accept-new': 'true' });
    await expect(runGitopsBump(platform)).rejects.toThrow(/Could not clone.*(banner exchange|timed out)/);
    expect(platform.infos.some((line) => line.includes('did not answer'))).toBe(false);
  }, 30_000);
});

describe('a hook rejection that mentions non-fast-forward', () => {
  test('is shown in its own words and not retried as a race', async () => {
    const repo = createBareRepo({ 'overlays/dev/kustomization.yaml': OVERLAY });
    cleanups.push(() => repo.cleanup());
    const hook = join(repo.bare, 'hooks', 'pre-receive');
    writeFileSync(
      hook,
      '#!/bin/sh\necho "Policy: non-fast-forward and direct pushes to main are forbidden; open a merge request (ask #platform)." >&2\nexit 1\n',
    );
    chmodSync(hook, 0o755);
    const tip = repo.tip();
    const platform = bump(repo.bare, { 'max-attempts': '5' });
    await expect(runGitopsBump(platform)).rejects.toThrow(
      /Push to main failed: .*Policy: non-fast-forward and direct pushes to main are forbidden; open a merge request \(ask #platform\)\..*pre-receive hook declined/,
    );
    expect(platform.infos.some((line) => line.includes('lost a race'))).toBe(false);
    expect(repo.tip()).toBe(tip);
  });
});

describe('classification by the exact wording', () => {
  test.each([
    ['! refs/heads/main:refs/heads/main [rejected] (fetch first)', true],
    ['! refs/heads/main:refs/heads/main [rejected] (non-fast-forward)', true],
    ["! HEAD:refs/heads/main [remote rejected] (cannot lock ref 'refs/heads/main': is at 1a2b but expected 3c4d)", true],
    ['remote: non-fast-forward updates are not allowed here\n! HEAD:refs/heads/main [remote rejected] (pre-receive hook declined)', false],
    [
      'remote: GitLab: You are not allowed to push code to protected branches on this project.\n! HEAD:refs/heads/main [remote rejected] (pre-receive hook declined)',
      false,
    ],
  ])('race? %j → %s', (text, race) => {
    expect(isRaceRejection(text)).toBe(race);
  });

  test.each([
    ["fatal: unable to access 'http://127.0.0.1:1/x/': Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server", true],
    ['error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502', true],
    ['ssh: connect to host 127.0.0.1 port 2222: Connection refused\nfatal: Could not read from remote repository.', true],
    ["fatal: unable to access 'http://x/': Operation too slow. Less than 1000 bytes/sec transferred the last 2 seconds", false],
    ['fatal: Remote branch main not found in upstream origin', false],
    ["remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/g/p.git/'", false],
  ])('transient? %j → %s', (stderr, transient) => {
    expect(isTransientFailure(stderr)).toBe(transient);
  });

  test('a stalled transfer is recognised', () => {
    expect(isStalled('Operation too slow. Less than 1000 bytes/sec transferred the last 60 seconds')).toBe(true);
    expect(isStalled('Timeout, server 127.0.0.1 not responding.')).toBe(true);
  });
});

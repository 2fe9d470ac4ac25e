/**
 * A real OpenSSH server on 127.0.0.1 (test/helpers/ssh-server.ts): its host key is unknown
 * unless the job lists it, so the default refuses the connection; listing it or asking for
 * trust on first use lets the bump through. The key lives under RUNNER_TEMP, which a path
 * with a space and `$(…)` must not break.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Platform } from '../../src/platform/types.js';
import * as gitopsBumpStage from '../../src/stages/gitops-bump.js';
import { runStageModule } from '../../src/stages/module.js';
import { type BareRepo, createBareRepo, hasCommand, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { startSshServer } from '../helpers/ssh-server.js';

const runGitopsBump = (platform: Platform) => runStageModule(gitopsBumpStage, platform);

const available = hasCommand('/usr/sbin/sshd', ['-V']) || existsSync('/usr/sbin/sshd');
const OVERLAY =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: registry.example.com/shop/api\n    newTag: "1.0.0"\n';

describe.skipIf(!available)('ssh host keys', () => {
  let server: Awaited<ReturnType<typeof startSshServer>>;
  let repo: BareRepo;
  beforeAll(async () => {
    server = await startSshServer();
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': OVERLAY });
  });
  afterAll(async () => {
    repo?.cleanup();
    await server?.stop();
  });

  function bump(tag: string, extra: Record<string, string>) {
    const root = tempDir();
    const runnerTemp = join(root, 'runner temp $(touch pwned)');
    mkdirSync(runnerTemp);
    const platform = new RecordingPlatform(
      root,
      {
        repository: `ssh://${server.user}@127.0.0.1:${server.port}${repo.bare}`,
        'ssh-key': server.privateKey,
        paths: 'overlays/dev',
        images: `registry.example.com/shop/api:${tag}`,
        ...extra,
      },
      { tempDir: runnerTemp },
    );
    return { platform, runnerTemp, root };
  }

  test('an unknown host is refused by default and nothing is pushed', async () => {
    const tip = repo.tip();
    const { platform, runnerTemp } = bump('2.0.0', {});
    await expect(runGitopsBump(platform)).rejects.toThrow(/Host key verification failed|host key/i);
    expect(repo.tip()).toBe(tip);
    expect(readdirSync(runnerTemp)).toEqual([]);
  });

  test('a host listed in ssh-known-hosts is reached, from a temp dir with a space and $(…) in its path', async () => {
    const { platform, runnerTemp, root } = bump('2.0.0', { 'ssh-known-hosts': server.knownHosts });
    await runGitopsBump(platform);
    expect(platform.outputs.changed).toBe('true');
    expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "2.0.0"');
    expect(readdirSync(runnerTemp)).toEqual([]);
    expect(existsSync(join(root, 'pwned'))).toBe(false);
  });

  test('ssh-accept-new trusts the first key (TOFU), only when asked', async () => {
    const { platform } = bump('3.0.0', { 'ssh-accept-new': 'true' });
    await runGitopsBump(platform);
    expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "3.0.0"');
  });
});

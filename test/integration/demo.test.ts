import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { hasCommand } from '../helpers/git.js';
import { sourceDist } from '../helpers/source-dist.js';

test('npm run demo runs every stage on its embedded sample, including the rollback, and cleans up', async () => {
  const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.mjs')], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_ACTIONS: '', GITLAB_CI: '', AEGIS_CLI: join(sourceDist(), 'cli', 'index.js') },
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('close', (code) => resolve({ code, output }));
  });
  expect(code, output).toBe(0);
  for (const stage of ['detect', 'scan', 'gitops-bump', 'health-gate', 'promote', 'release']) expect(output).toContain(`(aegis ${stage})`);
  // With buildah and a registry installed (always in CI), the build runs for real.
  if (hasCommand('buildah') && hasCommand('docker-registry', ['--version'])) expect(output).toContain('(aegis build)');
  expect(output).toMatch(/Reverted [0-9a-f]{12} with [0-9a-f]{12} pushed to main/);
  expect(output).toMatch(/Aegis-Reverts: [0-9a-f]{40}/);
  expect(output).toContain('Watch staging (the service now fails): failed (expected)');
  expect(output).toMatch(/tag \| shared-v1\.5\.0/);
  const workdir = /monorepo: {2}(\/\S+)\/monorepo/.exec(output)?.[1];
  expect(workdir).toBeDefined();
  expect(await import('node:fs').then((fs) => fs.existsSync(workdir as string))).toBe(false);
});

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { createBareRepo, git, hasCommand, tempDir } from '../helpers/git.js';
import { runLocalAction } from '../helpers/local-action.js';
import { SCHEMAS } from '../helpers/schemas.js';

// Every action the example workflows use, run by GitHub's own @github/local-action (it reads
// actions/<stage>/action.yml, stubs @actions/core and runs the TypeScript entry), each on a
// small real scenario. gitops-bump has its own test in gitops-bump-platforms.test.ts.

function workspace(files: Record<string, string>, commits: { message: string; files: Record<string, string> }[] = []): string {
  const dir = tempDir('aegis-ws-');
  git(dir, 'init', '--quiet', '--initial-branch', 'main');
  for (const commit of [{ message: 'chore: initial', files }, ...commits]) {
    for (const [path, content] of Object.entries(commit.files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '--quiet', '-m', commit.message);
  }
  return dir;
}

describe('actions run by @github/local-action', () => {
  test('detect', async () => {
    const dir = workspace(
      {
        '.aegis/services.yaml': 'services:\n  api:\n    path: services/api\n  web:\n    path: services/web\n',
        'services/api/a.txt': '1\n',
        'services/web/w.txt': '1\n',
      },
      [{ message: 'fix(api): change', files: { 'services/api/a.txt': '2\n' } }],
    );
    const result = await runLocalAction('detect', { base: 'HEAD~1' }, { GITHUB_WORKSPACE: dir });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(JSON.parse(result.outputs.services ?? '')).toEqual(['api']);
    expect(JSON.parse(result.outputs.matrix ?? '').include[0]).toMatchObject({ service: 'api', path: 'services/api' });
  });

  test('scan (report mode)', async () => {
    const dir = tempDir('aegis-ws-');
    writeFileSync(join(dir, 'trivy.json'), readFileSync(join(SCHEMAS, '../trivy/alpine-310.json.golden')));
    const result = await runLocalAction('scan', { report: 'trivy.json', 'fail-on': 'CRITICAL' }, { GITHUB_WORKSPACE: dir });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.result).toBe('passed');
    expect(Number(result.outputs.medium)).toBeGreaterThan(0);
  });

  describe('build', () => {
    let registry: LocalRegistry | undefined;
    afterAll(async () => registry?.stop());
    const tools = hasCommand('buildah') && hasCommand('docker-registry', ['--version']) && hasCommand('skopeo');
    test.skipIf(!tools)(
      `buildah, pushed to a local registry${tools ? '' : ' (skipped: buildah, docker-registry or skopeo missing)'}`,
      async () => {
        registry = await startRegistry();
        const dir = tempDir('aegis-ws-');
        writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY hello.txt /hello.txt\n');
        writeFileSync(join(dir, 'hello.txt'), 'hello\n');
        const image = `${registry.host}/demo/app`;
        const result = await runLocalAction(
          'build',
          {
            image,
            service: 'app',
            tags: 'type=raw,value=1.0.0',
            'buildah-storage-driver': 'vfs',
            'buildah-root': join(dir, '.root'),
            'buildah-runroot': join(dir, '.run'),
          },
          { GITHUB_WORKSPACE: dir, GITHUB_SHA: 'a'.repeat(40), GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' },
        );
        expect(result.exitCode, result.stdout).toBe(0);
        expect((skopeoInspect(`${image}:1.0.0`) as { Digest: string }).Digest).toBe(result.outputs.digest);
      },
    );
  });

  test('promote', async () => {
    const overlay = (tag: string) => `images:\n  - name: registry.example.com/shop/api\n    newTag: "${tag}"\n`;
    const repo = createBareRepo({
      'overlays/dev/kustomization.yaml': overlay('1.1.0'),
      'overlays/staging/kustomization.yaml': overlay('1.0.0'),
      'overlays/prod/kustomization.yaml': overlay('1.0.0'),
    });
    try {
      const result = await runLocalAction('promote', { repository: repo.bare, from: 'dev', to: 'staging', 'verify-images': 'false' });
      expect(result.exitCode, result.stdout).toBe(0);
      expect(result.outputs.changed).toBe('true');
      expect(repo.show('overlays/staging/kustomization.yaml')).toContain('newTag: "1.1.0"');
      expect(repo.message()).toMatch(/Aegis-Promoted-From: dev@[0-9a-f]{40}/);
    } finally {
      repo.cleanup();
    }
  });

  test('release (dry run)', async () => {
    const dir = workspace({ 'lib/package.json': '{\n  "name": "lib",\n  "version": "1.0.0"\n}\n' }, [
      { message: 'feat(lib): something new', files: { 'lib/x.js': 'export {};\n' } },
    ]);
    git(dir, 'tag', 'lib-v1.0.0', 'HEAD~1');
    const result = await runLocalAction(
      'release',
      { path: 'lib', 'tag-prefix': 'lib-v', 'dry-run': 'true', remote: 'none' },
      { GITHUB_WORKSPACE: dir },
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.version).toBe('1.1.0');
    expect(result.outputs.released).toBe('false');
  });
});

import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { CLI_PACKAGE, cliManifest, packCli } from '../../scripts/pack-cli.mjs';
import { freePort, Verdaccio } from '../fixtures/release/verdaccio.js';
import { ROOT } from '../helpers/cli.js';
import { type BareRepo, createBareRepo, tempDir } from '../helpers/git.js';

// The CLI as users get it: packed from the committed bundle, published to a real Verdaccio,
// then run with `npx <scoped name>` from an empty directory with nothing of this checkout.
const root = tempDir('aegis-cli-package-');
let registry: Verdaccio;
let npmrc: string;
let repo: BareRepo;

function npm(args: readonly string[], cwd: string) {
  return spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NPM_CONFIG_USERCONFIG: npmrc, npm_config_cache: join(root, 'npm-cache'), npm_config_update_notifier: 'false' },
  });
}

beforeAll(async () => {
  registry = new Verdaccio(join(root, 'verdaccio'), await freePort());
  await registry.start();
  const token = await registry.addUser('publisher', 'publisher-password');
  npmrc = join(root, 'npmrc');
  const host = registry.url.replace(/^http:/, '');
  writeFileSync(npmrc, `registry=${registry.url}\n${host}:_authToken=${token}\n`);
  const tarball = packCli(join(root, 'pack'));
  // Provenance needs a CI identity (the release workflow's OIDC token); not available here.
  const published = npm(['publish', tarball, '--provenance=false'], root);
  expect(published.status, published.stderr).toBe(0);
  repo = createBareRepo({ 'overlays/dev/kustomization.yaml': 'images:\n  - name: registry.example.com/aegis/api\n    newTag: "1.0.0"\n' });
}, 120_000);

afterAll(async () => {
  await registry?.stop();
  repo?.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('the CLI npm package', () => {
  test('its manifest: scoped name, `aegis` bin, the project version, Node 24, provenance on publish', () => {
    const project = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(cliManifest()).toMatchObject({
      name: '@aegis-actions/cli',
      version: project.version,
      bin: { aegis: 'dist/cli/index.js' },
      engines: { node: '>=24' },
      publishConfig: { access: 'public', provenance: true },
    });
  });

  test('published to Verdaccio with the bundle and nothing of the checkout', async () => {
    const packument = await registry.packument(CLI_PACKAGE);
    expect(packument?.['dist-tags'].latest).toBe(cliManifest().version);
    const listing = execFileSync(
      'tar',
      ['tzf', join(root, 'pack', readdirSync(join(root, 'pack')).find((f) => f.endsWith('.tgz')) as string)],
      { encoding: 'utf8' },
    );
    expect(listing).toContain('package/dist/cli/index.js');
    expect(listing).toContain('package/dist/aegis/index.js');
    expect(listing).not.toMatch(/package\/(src|test|node_modules)\//);
  });

  test('`npx @aegis-actions/cli --help` runs from an empty directory', () => {
    const empty = tempDir('aegis-npx-');
    try {
      const result = spawnSync('npx', ['--yes', CLI_PACKAGE, '--help'], {
        cwd: empty,
        encoding: 'utf8',
        env: {
          ...process.env,
          NPM_CONFIG_USERCONFIG: npmrc,
          npm_config_cache: join(root, 'npm-cache'),
          npm_config_update_notifier: 'false',
        },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('Usage: aegis <stage>');
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('a real stage (gitops-bump) from a globally installed copy', () => {
    const prefix = join(root, 'global');
    const installed = npm(['install', '--global', '--prefix', prefix, CLI_PACKAGE], root);
    expect(installed.status, installed.stderr).toBe(0);
    const empty = tempDir('aegis-installed-');
    try {
      const result = spawnSync(
        join(prefix, 'bin/aegis'),
        ['gitops-bump', '--repository', repo.bare, '--paths', 'overlays/dev', '--images', 'registry.example.com/aegis/api:2.0.0'],
        {
          cwd: empty,
          encoding: 'utf8',
        },
      );
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('changed=true');
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "2.0.0"');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

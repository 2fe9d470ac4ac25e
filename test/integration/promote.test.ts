/**
 * promote against real git repositories on disk (and kubectl kustomize to render the result),
 * with documented-API FAKES for GitHub, GitLab and Argo CD. Registry checks are off here
 * (promote-registry.test.ts runs them against a real docker-registry).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeArgoCd } from '../fixtures/promote/fake-argocd.js';
import { gitopsFiles, overlay } from '../fixtures/promote/gitops.js';
import { runCli } from '../helpers/cli.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo, git, hasCommand, tempDir } from '../helpers/git.js';

const REGISTRY = 'registry.example.com';
const DIGEST = `sha256:${'a'.repeat(64)}`;
const VERSIONS = {
  dev: { api: '1.3.0', worker: '2.1.0', web: '3.0.1' },
  staging: { api: '1.2.0', worker: `2.0.5@${DIGEST}`, web: '3.0.0' },
  prod: { api: '1.1.0', worker: '2.0.0', web: '3.0.0' },
};
/** Registry checks off: this file is about Git; the registry has its own test file. */
const OFFLINE = ['--verify-images', 'false', '--pin-digest', 'false'];
const image = (service: string) => `${REGISTRY}/shop/${service}`;

function promote(repo: BareRepo, ...args: string[]) {
  return runCli(['promote', '--repository', repo.bare, ...OFFLINE, ...args]);
}

describe('staging → prod in a real GitOps repository', () => {
  let repo: BareRepo;
  beforeAll(() => {
    repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
  });
  afterAll(() => repo.cleanup());

  test('dry-run prints the plan and pushes nothing', async () => {
    const tip = repo.tip();
    const result = await promote(repo, '--from', 'staging', '--to', 'prod', '--mode', 'push', '--dry-run');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.outputs.changed).toBe('false');
    expect(JSON.parse(result.outputs.plan ?? '[]')).toHaveLength(2);
    expect(result.stderr).toContain('Dry run');
    expect(result.stderr).toContain(`${image('api')}:1.2.0`);
    expect(repo.tip()).toBe(tip);
  });

  test("moves exactly staging's images, byte-preserving, with provenance; kubectl renders them; twice is a no-op", async () => {
    const sourceCommit = repo.tip();
    const before = { dev: repo.show('overlays/dev/kustomization.yaml'), staging: repo.show('overlays/staging/kustomization.yaml') };
    const summaryFile = join(tempDir('aegis-promote-summary-'), 'summary.md');
    const args = ['--from', 'staging', '--to', 'prod', '--mode', 'push', '--summary-file', summaryFile];
    const first = await promote(repo, ...args);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.outputs.changed).toBe('true');
    expect(first.outputs['commit-sha']).toBe(repo.tip());
    expect(first.outputs['source-commit']).toBe(sourceCommit);
    const file = 'overlays/prod/kustomization.yaml';
    // current/written, and the same values under the deprecated names to/next (kept for one release).
    expect(JSON.parse(first.outputs.plan ?? '')).toEqual([
      {
        image: image('api'),
        file,
        from: `${image('api')}:1.2.0`,
        current: `${image('api')}:1.1.0`,
        written: `${image('api')}:1.2.0`,
        to: `${image('api')}:1.1.0`,
        next: `${image('api')}:1.2.0`,
      },
      {
        image: image('worker'),
        file,
        from: `${image('worker')}:2.0.5@${DIGEST}`,
        current: `${image('worker')}:2.0.0`,
        written: `${image('worker')}:2.0.5@${DIGEST}`,
        to: `${image('worker')}:2.0.0`,
        next: `${image('worker')}:2.0.5@${DIGEST}`,
      },
    ]);
    // prod now sets staging's values and every other byte is as it was.
    expect(`${repo.show(file)}\n`).toBe(overlay('prod', REGISTRY, { ...VERSIONS.prod, api: '1.2.0', worker: `2.0.5@${DIGEST}` }));
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(before.dev);
    expect(repo.show('overlays/staging/kustomization.yaml')).toBe(before.staging);
    expect(git(repo.bare, 'diff', '--name-only', `${sourceCommit}..main`)).toBe(file);

    const message = repo.message();
    expect(message).toContain(`Aegis-Promoted-From: staging@${sourceCommit}`);
    expect(message).toContain('Aegis-Environment: prod');
    expect(message).toContain(`Aegis-Image: ${image('api')}=${image('api')}:1.2.0`);
    expect(message).toContain(`Aegis-Previous-Image: ${image('api')}=${image('api')}:1.1.0`);
    expect(message).toContain(`Aegis-Image: ${image('worker')}=${image('worker')}:2.0.5@${DIGEST}`);
    expect(message).toContain(`Aegis-Previous-Image: ${image('worker')}=${image('worker')}:2.0.0`);
    expect(message).not.toContain('shop/web');
    expect(git(repo.bare, 'log', '-1', '--format=%(trailers:key=Aegis-Promoted-From,valueonly)').trim()).toBe(`staging@${sourceCommit}`);

    const { readFileSync } = await import('node:fs');
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('```mermaid');
    expect(summary).toContain('api: 1.1.0 → 1.2.0');
    expect(summary).toMatch(/env1 ==>\|promote 2\| env2/);

    if (hasCommand('kubectl', ['version', '--client'])) {
      const rendered = execFileSync('kubectl', ['kustomize', join(repo.checkout(), 'overlays/prod')], { encoding: 'utf8' });
      expect(rendered).toContain(`image: ${image('api')}:1.2.0\n`);
      expect(rendered).toContain(`image: ${image('worker')}:2.0.5@${DIGEST}\n`);
      expect(rendered).toContain(`image: ${image('web')}:3.0.0\n`);
      expect(rendered).toContain('namespace: shop-prod');
    }

    const commits = repo.count();
    const second = await promote(repo, ...args);
    expect(second.exitCode, second.stderr).toBe(0);
    expect(second.outputs.changed).toBe('false');
    expect(second.outputs.plan).toBe('[]');
    expect(second.outputs['commit-sha']).toBe(repo.tip());
    expect(repo.count()).toBe(commits);
  });
});

describe('what moves', () => {
  test('services limits the promotion; from-ref reads the source at an older commit', async () => {
    const repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    try {
      const old = repo.tip();
      // staging moves on after `old`; promoting from `old` must take the old values.
      const work = repo.checkout();
      writeFileSync(join(work, 'overlays/staging/kustomization.yaml'), overlay('staging', REGISTRY, { ...VERSIONS.staging, api: '1.2.9' }));
      git(work, 'commit', '-qam', 'staging: api 1.2.9');
      git(work, 'push', '-q', 'origin', 'main');

      const result = await promote(repo, '--from', 'staging', '--to', 'prod', '--mode', 'push', '--services', 'api', '--from-ref', old);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(JSON.parse(result.outputs.plan ?? '').map((entry: { image: string }) => entry.image)).toEqual([image('api')]);
      const prod = repo.show('overlays/prod/kustomization.yaml');
      expect(prod).toContain('newTag: "1.2.0"');
      expect(prod).toContain('newTag: "2.0.0"'); // worker untouched
      expect(repo.message()).toContain(`Aegis-Promoted-From: staging@${old}`);
    } finally {
      repo.cleanup();
    }
  });

  test('an environment with several overlays (several apps) gets the value in each', async () => {
    const files = gitopsFiles(REGISTRY, { dev: VERSIONS.dev, staging: VERSIONS.staging });
    files['overlays/prod-eu/kustomization.yaml'] = overlay('prod-eu', REGISTRY, VERSIONS.prod);
    files['overlays/prod-us/kustomization.yaml'] = overlay('prod-us', REGISTRY, { ...VERSIONS.prod, api: '1.0.0' });
    const repo = createBareRepo(files);
    try {
      const environments = 'dev: overlays/dev\nstaging: overlays/staging\nprod: [overlays/prod-eu, overlays/prod-us]';
      const result = await promote(
        repo,
        '--environments',
        environments,
        '--from',
        'staging',
        '--to',
        'prod',
        '--mode',
        'push',
        '--services',
        'api',
      );
      expect(result.exitCode, result.stderr).toBe(0);
      const plan = JSON.parse(result.outputs.plan ?? '') as { file: string; current: string }[];
      expect(plan.map((entry) => [entry.file, entry.current])).toEqual([
        ['overlays/prod-eu/kustomization.yaml', `${image('api')}:1.1.0`],
        ['overlays/prod-us/kustomization.yaml', `${image('api')}:1.0.0`],
      ]);
      for (const region of ['eu', 'us']) expect(repo.show(`overlays/prod-${region}/kustomization.yaml`)).toContain('newTag: "1.2.0"');
      expect(repo.count()).toBe(2);
    } finally {
      repo.cleanup();
    }
  });
});

describe('refusals name the image and the rule, and write nothing', () => {
  let repo: BareRepo;
  beforeAll(() => {
    const files = gitopsFiles(REGISTRY, {
      dev: { ...VERSIONS.dev, web: '3.0.0' },
      staging: { ...VERSIONS.staging, web: 'latest' },
      prod: { api: '1.1.0', worker: '2.0.0' },
    });
    repo = createBareRepo(files);
  });
  afterAll(() => repo.cleanup());

  test.each([
    [
      'latest into prod',
      ['--from', 'staging', '--to', 'prod', '--services', 'web', '--add-missing'],
      'web',
      'mutable-tag-in-protected-environment',
    ],
    ['skipping staging', ['--from', 'dev', '--to', 'prod', '--services', 'api'], 'api', 'environment-order'],
    [
      'source overlay without the service',
      ['--from', 'staging', '--to', 'prod', '--services', 'billing'],
      'billing',
      'service-not-in-source',
    ],
    [
      'target overlay without the image',
      ['--from', 'dev', '--to', 'staging', '--services', 'web', '--environments', 'dev: overlays/dev\nstaging: overlays/prod'],
      'web',
      'target-overlay-without-image',
    ],
  ])('%s', async (_name, args, subject, rule) => {
    const tip = repo.tip();
    const result = await promote(repo, '--mode', 'push', ...args);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.changed).toBe('false');
    const refusals = JSON.parse(result.outputs.refusals ?? '[]') as { subject: string; rule: string }[];
    expect(refusals.map((refusal) => [refusal.rule, refusal.subject.split('/').pop()])).toEqual([[rule, subject]]);
    expect(result.stderr).toContain(rule);
    expect(repo.tip()).toBe(tip);
  });

  test('skipping is allowed for a value the skipped environment already runs, and with allow-skip', async () => {
    const same = createBareRepo(gitopsFiles(REGISTRY, { dev: { api: '1.2.0' }, staging: { api: '1.2.0' }, prod: { api: '1.1.0' } }));
    try {
      const ok = await promote(same, '--mode', 'push', '--from', 'dev', '--to', 'prod');
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(same.show('overlays/prod/kustomization.yaml')).toContain('newTag: "1.2.0"');
    } finally {
      same.cleanup();
    }
    const skipped = await promote(
      repo,
      '--mode',
      'push',
      '--from',
      'dev',
      '--to',
      'prod',
      '--services',
      'api',
      '--allow-skip',
      '--dry-run',
    );
    expect(skipped.exitCode, skipped.stderr).toBe(0);
    expect(JSON.parse(skipped.outputs.plan ?? '')[0].written).toBe(`${image('api')}:1.3.0`);
  });

  test.each([
    [['--from', 'staging', '--to', 'qa'], "Input 'to'", 'unknown environment'],
    [['--from', 'uat', '--to', 'prod'], "Input 'from'", 'one of the environments: dev, staging, prod'],
    [['--from', 'prod', '--to', 'staging'], "Input 'to'", 'never goes backwards'],
    [['--from', 'dev', '--to', 'staging', '--environments', 'dev: ../../etc\nstaging: overlays/staging'], "Input 'environments'", ''],
    [['--from', 'dev', '--to', 'staging', '--environments', 'dev: [1, {a: b}]'], "Input 'environments'", ''],
    [['--from', 'dev', '--to', 'staging', '--from-ref', 'abc1234'], "Input 'from-ref'", 'full 40-character'],
    [['--from', 'dev', '--to', 'staging', '--pin-digest', 'maybe'], "Input 'pin-digest'", ''],
    [['--from', 'dev', '--to', 'staging', '--argocd-server', 'http://argo'], "Input 'argocd-applications'", ''],
  ])('bad input %j fails naming the input, before any write', async (args, input, detail) => {
    const tip = repo.tip();
    const result = await promote(repo, ...args);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(input);
    expect(result.stderr).toContain(detail);
    expect(repo.tip()).toBe(tip);
  });
});

describe.each(['github', 'gitlab'] as const)('approval through a pull request against a fake %s API', (kind) => {
  test('the last environment gets a PR/MR by default; the same promotion updates it, never duplicates', async () => {
    const repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    const forge = await startFakeForge(kind);
    try {
      const env = { INPUT_TOKEN: 'forge-token-123456', AEGIS_FORGE: kind, AEGIS_FORGE_URL: forge.apiUrl };
      const run = () =>
        runCli(['promote', '--repository', repo.bare, ...OFFLINE, '--forge-project', 'org/gitops', '--from', 'staging', '--to', 'prod'], {
          env,
        });
      const base = repo.tip();
      const first = await run();
      expect(first.exitCode, first.stderr).toBe(0);
      expect(first.outputs.changed).toBe('true');
      const branch = 'aegis/promote/main/prod';
      expect(repo.tip()).toBe(base); // nothing reaches main without approval
      expect(repo.show('overlays/prod/kustomization.yaml', branch)).toContain('newTag: "1.2.0"');
      expect(repo.message(branch)).toContain(`Aegis-Promoted-From: staging@${base}`);
      expect(forge.pulls).toHaveLength(1);
      expect(forge.pulls[0]).toMatchObject({ head: branch, base: 'main', project: 'org/gitops', state: 'open' });
      expect(forge.pulls[0]?.body).toContain('```mermaid');
      expect(forge.pulls[0]?.body).toContain(`${image('api')}:1.2.0`);
      expect(first.outputs['pull-request-url']).toMatch(
        kind === 'github' ? /\/org\/gitops\/pull\/1$/ : /\/org\/gitops\/-\/merge_requests\/1$/,
      );

      const second = await run();
      expect(second.exitCode, second.stderr).toBe(0);
      expect(second.outputs.changed).toBe('false');
      expect(forge.pulls).toHaveLength(1);
      expect(second.outputs['pull-request-url']).toBe(first.outputs['pull-request-url']);
      expect(`${first.stderr}${second.stderr}${first.stdout}`).not.toContain('forge-token-123456');
    } finally {
      await forge.close();
      repo.cleanup();
    }
  });
});

describe('Argo CD precondition against a fake Argo CD API', () => {
  test('promotes only when the source application is Synced at the source commit and Healthy', async () => {
    const repo = createBareRepo(gitopsFiles(REGISTRY, VERSIONS));
    const token = 'argocd-token-abcdef';
    const argo = await startFakeArgoCd(token, {
      'shop-staging': { sync: 'Synced', revision: 'f'.repeat(40), health: 'Healthy' },
    });
    try {
      const run = () =>
        runCli(
          [
            'promote',
            '--repository',
            repo.bare,
            ...OFFLINE,
            '--from',
            'staging',
            '--to',
            'prod',
            '--mode',
            'push',
            '--argocd-server',
            argo.url,
            '--argocd-applications',
            'shop-staging',
          ],
          { env: { INPUT_ARGOCD_TOKEN: token } },
        );
      const stale = await run();
      expect(stale.exitCode).toBe(1);
      const refusals = JSON.parse(stale.outputs.refusals ?? '[]') as { subject: string; rule: string; detail: string }[];
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatchObject({ subject: 'shop-staging', rule: 'argocd-source-not-synced-and-healthy' });
      expect(refusals[0]?.detail).toContain(`not the source commit ${repo.tip()}`);

      argo.applications['shop-staging'] = { sync: 'Synced', revision: repo.tip(), health: 'Degraded' };
      const degraded = await run();
      expect(degraded.exitCode).toBe(1);
      expect(degraded.stderr).toContain('health is Degraded, not Healthy');

      argo.applications['shop-staging'] = { sync: 'Synced', revision: repo.tip(), health: 'Healthy' };
      const ok = await run();
      expect(ok.exitCode, ok.stderr).toBe(0);
      expect(ok.outputs.changed).toBe('true');
      expect(argo.requests.every((request) => request.authorization === `Bearer ${token}`)).toBe(true);
      expect(`${ok.stderr}${stale.stderr}`).not.toContain(token);
    } finally {
      await argo.close();
      repo.cleanup();
    }
  });
});

describe('service manifest', () => {
  test("maps a service to its manifest image when the image's name does not say the service", async () => {
    const files = gitopsFiles(REGISTRY, { dev: { api: '1.3.0' }, staging: { api: '1.2.0' }, prod: { api: '1.1.0' } });
    const repo = createBareRepo(files);
    const workspace = tempDir('aegis-promote-ws-');
    try {
      mkdirSync(join(workspace, '.aegis'));
      writeFileSync(join(workspace, '.aegis/services.yaml'), `services:\n  backend:\n    path: services/api\n    image: ${image('api')}\n`);
      const result = await runCli(
        [
          'promote',
          '--repository',
          repo.bare,
          ...OFFLINE,
          '--from',
          'dev',
          '--to',
          'staging',
          '--services',
          'backend',
          '--service-manifest',
          '.aegis/services.yaml',
        ],
        { cwd: workspace },
      );
      expect(result.exitCode, result.stderr).toBe(0);
      expect(repo.show('overlays/staging/kustomization.yaml')).toContain('newTag: "1.3.0"');
    } finally {
      repo.cleanup();
    }
  });
});

/**
 * add-missing adds an images entry only to target overlays whose render uses the image. The
 * project's reading of a kustomization (rendered-images.ts) is checked against real
 * `kubectl kustomize` renders of the same trees; promote runs against a real bare repository.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { imageName, renderedImages } from '../../src/core/gitops/rendered-images.js';
import { resolveKustomizations } from '../../src/core/gitops/targets.js';
import type { Platform } from '../../src/platform/types.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { gitopsFiles, overlay } from '../fixtures/promote/gitops.js';
import { type BareRepo, createBareRepo, hasCommand, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);

const HAS_KUBECTL = hasCommand('kubectl', ['version', '--client']);
const REGISTRY = 'registry.example.com';

const deployment = (name: string, containers: Record<string, string>, init: Record<string, string> = {}) => {
  const list = (entries: Record<string, string>) =>
    Object.entries(entries)
      .map(([container, image]) => `        - name: ${container}\n          image: ${image}\n`)
      .join('');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n${Object.keys(init).length ? `      initContainers:\n${list(init)}` : ''}      containers:\n${list(containers)}`;
};

/** A repository of bases, a component, patches and overlays that use different parts of them. */
const TREE: Record<string, string> = {
  'base/api/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/api/deployment.yaml': deployment(
    'api',
    { api: 'r.example.com/shop/api:1.0', proxy: 'envoyproxy/envoy:v1.30' },
    { migrate: 'r.example.com/shop/migrate@sha256:' + 'a'.repeat(64) },
  ),
  'base/worker/kustomization.yaml': 'resources:\n  - cronjob.yaml\nimages:\n  - name: worker\n    newName: r.example.com/shop/worker\n',
  'base/worker/cronjob.yaml':
    'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: worker\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: worker\n              image: worker:2.0\n',
  'components/metrics/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n  - path: sidecar.yaml\n    target: {kind: Deployment}\n',
  'components/metrics/sidecar.yaml': deployment('any', { exporter: 'r.example.com/obs/exporter:0.9' }),
  'overlays/api-only/kustomization.yaml': 'resources:\n  - ../../base/api\n',
  'overlays/worker-only/kustomization.yaml': 'resources:\n  - ../../base/worker\n',
  'overlays/all/kustomization.yaml': 'resources:\n  - ../../base/api\n  - ../../base/worker\ncomponents:\n  - ../../components/metrics\n',
  'overlays/inline-patch/kustomization.yaml':
    'resources:\n  - ../../base/api\npatches:\n  - target: {kind: Deployment, name: api}\n    patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: api\n      spec:\n        template:\n          spec:\n            containers:\n              - name: debug\n                image: busybox:1.36\n',
};

function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** Image names in what `kubectl kustomize` renders. */
function kubectlImages(dir: string): string[] {
  const names = new Set<string>();
  const visit = (node: unknown, key?: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) {
        if (key && ['containers', 'initContainers'].includes(key) && item && typeof item.image === 'string')
          names.add(imageName(item.image));
        visit(item);
      }
    } else if (node && typeof node === 'object') for (const [child, value] of Object.entries(node)) visit(value, child);
  };
  for (const document of parseAllDocuments(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8' }))) visit(document.toJS());
  return [...names].sort();
}

describe('which images an overlay renders', () => {
  let root: string;
  beforeEach(() => {
    root = tempDir('aegis-rendered-');
    writeTree(root, TREE);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test.each(['api-only', 'worker-only', 'all', 'inline-patch'])('%s: the project reading agrees with kubectl kustomize', (name) => {
    const ours = renderedImages(root, `overlays/${name}/kustomization.yaml`);
    expect(ours.unreadable).toEqual([]);
    const expected = {
      'api-only': ['envoyproxy/envoy', 'r.example.com/shop/api', 'r.example.com/shop/migrate'],
      'worker-only': ['r.example.com/shop/worker'],
      all: [
        'envoyproxy/envoy',
        'r.example.com/obs/exporter',
        'r.example.com/shop/api',
        'r.example.com/shop/migrate',
        'r.example.com/shop/worker',
      ],
      'inline-patch': ['busybox', 'envoyproxy/envoy', 'r.example.com/shop/api', 'r.example.com/shop/migrate'],
    }[name];
    expect([...ours.names].sort()).toEqual(expected);
    if (HAS_KUBECTL) expect(kubectlImages(join(root, 'overlays', name))).toEqual(expected);
  });

  test('what only kustomize itself can render is reported, not guessed', () => {
    writeTree(root, {
      'overlays/remote/kustomization.yaml':
        'resources:\n  - https://github.com/acme/base//deploy?ref=v1\n  - ../../base/api\nhelmCharts:\n  - name: redis\n',
    });
    const ours = renderedImages(root, 'overlays/remote/kustomization.yaml');
    expect(ours.names.has('r.example.com/shop/api')).toBe(true);
    expect(ours.unreadable).toEqual([
      'overlays/remote/kustomization.yaml: resources https://github.com/acme/base//deploy?ref=v1 is remote',
      'overlays/remote/kustomization.yaml: helmCharts needs kustomize itself',
    ]);
  });

  test('two kustomization files in one directory are refused, as kustomize refuses to build it', () => {
    writeTree(root, { 'overlays/api-only/kustomization.yml': 'resources: []\n' });
    expect(() => resolveKustomizations(root, ['overlays/api-only'])).toThrow(
      'overlays/api-only: found multiple kustomization files (kustomization.yaml, kustomization.yml)',
    );
    expect(() => resolveKustomizations(root, ['overlays/api-only/kustomization.yaml'])).toThrow(/found multiple kustomization files/);
    expect(() => resolveKustomizations(root, ['overlays/*'])).toThrow(/found multiple kustomization files/);
    if (HAS_KUBECTL) {
      expect(() => execFileSync('kubectl', ['kustomize', join(root, 'overlays/api-only')], { stdio: 'pipe' })).toThrow(
        /Found multiple kustomization files/,
      );
    }
  });
});

describe('promote with add-missing', () => {
  let repo: BareRepo;
  const VERSIONS = {
    dev: { api: '1.3.0', worker: '2.1.0', web: '3.0.1' },
    staging: { api: '1.2.0', worker: '2.0.5', web: '3.1.0' },
  };
  beforeEach(() => {
    const files = gitopsFiles(REGISTRY, VERSIONS);
    // prod-eu renders the whole base (web included) but lists no web entry; prod-edge renders only a proxy.
    files['overlays/prod-eu/kustomization.yaml'] = overlay('prod', REGISTRY, { api: '1.1.0', worker: '2.0.0' });
    files['overlays/prod-edge/kustomization.yaml'] = 'resources:\n  - proxy.yaml\n';
    files['overlays/prod-edge/proxy.yaml'] = deployment('proxy', { proxy: 'envoyproxy/envoy:v1.30' });
    repo = createBareRepo(files);
  });
  afterEach(() => repo.cleanup());

  const run = (services: string) => {
    const fake = new RecordingPlatform(
      tempDir('aegis-promote-ws-'),
      {
        repository: repo.bare,
        from: 'staging',
        to: 'prod',
        environments: 'dev: overlays/dev\nstaging: overlays/staging\nprod: [overlays/prod-eu, overlays/prod-edge]',
        mode: 'push',
        services,
        'add-missing': 'true',
        'verify-images': 'false',
        'pin-digest': 'false',
      },
      { throwOnFail: true },
    );
    return { fake, done: runPromote(fake) };
  };

  test('the entry is added only to the overlay whose render uses the image; kubectl kustomize renders it', async () => {
    const { fake, done } = run('web');
    await done;
    expect(fake.outputs.changed).toBe('true');
    expect(JSON.parse(fake.outputs.plan as string)).toEqual([
      expect.objectContaining({ image: `${REGISTRY}/shop/web`, file: 'overlays/prod-eu/kustomization.yaml', current: null }),
    ]);
    expect(repo.show('overlays/prod-edge/kustomization.yaml')).toBe('resources:\n  - proxy.yaml');
    expect(repo.show('overlays/prod-eu/kustomization.yaml')).toContain(`  - name: ${REGISTRY}/shop/web\n    newTag: "3.1.0"`);
    if (HAS_KUBECTL) {
      const rendered = execFileSync('kubectl', ['kustomize', join(repo.checkout(), 'overlays/prod-eu')], { encoding: 'utf8' });
      expect(rendered).toContain(`image: ${REGISTRY}/shop/web:3.1.0`);
    }
  });

  test('an image no target overlay renders is refused by name, and nothing is written', async () => {
    const tip = repo.tip();
    // Only prod-edge is the target now: it renders no web.
    const fake = new RecordingPlatform(
      tempDir('aegis-promote-ws-'),
      {
        repository: repo.bare,
        from: 'staging',
        to: 'prod',
        environments: 'dev: overlays/dev\nstaging: overlays/staging\nprod: overlays/prod-edge',
        mode: 'push',
        services: 'web',
        'add-missing': 'true',
        'verify-images': 'false',
        'pin-digest': 'false',
      },
      { throwOnFail: true },
    );
    await expect(runPromote(fake)).rejects.toThrow(
      /add-missing-image-not-rendered: no prod overlay \(overlays\/prod-edge\/kustomization.yaml\) renders a workload using it/,
    );
    expect(repo.tip()).toBe(tip);
  });
});

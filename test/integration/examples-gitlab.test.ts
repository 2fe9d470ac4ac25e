import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { run } from '../../src/core/process.js';
import { type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { ROOT, runNode } from '../helpers/cli.js';
import { type BareRepo, createBareRepo, git, hasCommand, tempDir } from '../helpers/git.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';
import { schemaErrors } from '../helpers/schemas.js';
import { sourceDist } from '../helpers/source-dist.js';

// examples/gitlab/.gitlab-ci.yml, run END TO END by the real gitlab-ci-local (shell executor)
// against local stand-ins for everything it talks to: the catalog project (a bare repository
// of gitlab-components/), this project's origin and the GitOps repository (bare repositories
// reached through url.insteadOf in a throwaway HOME), a real docker-registry, a local HTTP
// service for the health checks, and a FAKE trivy (there is no Trivy here) that answers with
// a report Trivy recorded. The CI/CD variables the example documents are set the way a
// project sets them: gitlab-ci-local's variables file, which child pipelines see too.

const EXAMPLE = join(ROOT, 'examples/gitlab');
/** The delivery pipeline, its child pipeline template, and the GitOps project's own pipeline (insight; run end to end in insight-platforms.test.ts). */
const PIPELINE_FILES = ['.gitlab-ci.yml', '.aegis/child-pipeline.yml', 'gitops/.gitlab-ci.yml'];
const FAKE_TRIVY = join(ROOT, 'test/fixtures/scan/fake-trivy.mjs');
const RECORDED_TRIVY_REPORT = join(TRIVY_GOLDENS, 'alpine-310.json.golden');
const CATALOG_PROJECT = 'aegis-actions/aegis-actions';
const PROJECT_URL = 'https://gitlab.example.com/acme/shop.git';
const SERVICES = ['api', 'worker', 'web'] as const;

const MANIFEST = `global: ['package-lock.json']
services:
  api:
    path: services/api
    depends-on: [shared-lib]
  worker:
    path: services/worker
    depends-on: [shared-lib]
  web:
    path: services/web
  shared-lib:
    path: libs/shared
    kind: library
`;

function monorepoFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '.gitignore': '.gitlab-ci-local/\n.aegis-cache/\n',
    '.gitlab-ci.yml': readFileSync(join(EXAMPLE, '.gitlab-ci.yml'), 'utf8'),
    '.aegis/child-pipeline.yml': readFileSync(join(EXAMPLE, '.aegis/child-pipeline.yml'), 'utf8'),
    '.aegis/services.yaml': MANIFEST,
    'libs/shared/package.json': '{\n  "name": "@shop/shared",\n  "version": "1.4.0"\n}\n',
    'libs/shared/index.js': 'export const greet = () => "hi";\n',
  };
  for (const service of SERVICES) {
    files[`services/${service}/Dockerfile`] = 'FROM scratch\nCOPY app.txt /app.txt\n';
    files[`services/${service}/app.txt`] = `${service} 1\n`;
  }
  return files;
}

function gitopsFiles(imagePrefix: string): Record<string, string> {
  const overlay = (env: string) =>
    `# ${env}: aegis edits only the image values\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-${env}\nresources:\n  - ../../base\nimages:\n${SERVICES.map((s) => `  - name: ${imagePrefix}/${s}\n    newTag: "1.0.0"\n`).join('')}`;
  return {
    'base/kustomization.yaml': `resources:\n${SERVICES.map((s) => `  - ${s}.yaml\n`).join('')}`,
    ...Object.fromEntries(
      SERVICES.map((s) => [
        `base/${s}.yaml`,
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${s}\nspec:\n  template:\n    spec:\n      containers:\n        - name: ${s}\n          image: ${imagePrefix}/${s}:1.0.0\n`,
      ]),
    ),
    'overlays/dev/kustomization.yaml': overlay('dev'),
    'overlays/staging/kustomization.yaml': overlay('staging'),
    'overlays/prod/kustomization.yaml': overlay('prod'),
  };
}

function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A bare repository holding gitlab-components/ at its root, tagged 1.0.0: the catalog project. */
function publishComponents(root: string): string {
  const bare = join(root, 'components.git');
  const staging = join(root, 'components');
  git(root, 'init', '--quiet', '--bare', '--initial-branch', 'main', bare);
  git(root, 'init', '--quiet', '--initial-branch', 'main', staging);
  cpSync(join(ROOT, 'gitlab-components'), staging, { recursive: true });
  git(staging, 'add', '-A');
  git(staging, 'commit', '--quiet', '-m', 'components');
  git(staging, 'tag', '1.0.0');
  git(staging, 'push', '--quiet', bare, 'HEAD:refs/heads/main', '--tags');
  return bare;
}

/**
 * gitlab-ci-local 4.75.1 fetches a component once per include, concurrently, and two
 * includes of the same component (promote and health-gate are each included twice) race on
 * copying it into its include cache ("cp: … File exists"). It skips components already in
 * that cache, so put the catalog's templates there first, from the tag `@1` resolves to.
 */
function warmComponentCache(project: string, components: string, version: string): void {
  const clone = join(project, '.gitlab-ci-local/catalog-clone');
  git(project, 'clone', '--quiet', '--branch', version, components, clone);
  cpSync(join(clone, 'templates'), join(project, '.gitlab-ci-local/includes/gitlab.example.com', CATALOG_PROJECT, version, 'templates'), {
    recursive: true,
  });
  rmSync(clone, { recursive: true, force: true });
}

interface Pipeline {
  exitCode: number;
  output: string;
}

/**
 * gitlab-ci-local with `--manual`, which the shared helper does not pass, and with the
 * variables in the HOME variables file (the shared helper's --variable flags do not reach
 * child pipelines, project CI/CD variables do).
 */
async function runGitlabCiLocal(project: string, home: string, manual: string[]): Promise<Pipeline> {
  const args = [
    join(ROOT, 'node_modules/gitlab-ci-local/dist/index.js'),
    '--force-shell-executor',
    // Each job in its own copy of the project, artifacts only through needs, as on a runner.
    '--shell-isolation',
    '--no-artifacts-to-source',
    '--no-color',
    ...manual.flatMap((job) => ['--manual', job]),
  ];
  const result = await runNode(args, { cwd: project, env: { HOME: home } });
  return { exitCode: result.exitCode, output: result.stdout + result.stderr };
}

/** What ran before this pipeline: a minimal image (config blob, no layers) per service at 1.0.0. */
async function pushReleasedImage(registryHost: string, repository: string, tag: string): Promise<void> {
  const base = `http://${registryHost}/v2/${repository}`;
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  const upload = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
  const location = new URL(upload.headers.get('location') ?? '', base);
  location.searchParams.set('digest', configDigest);
  const put = await fetch(location, { method: 'PUT', body: config, headers: { 'content-type': 'application/octet-stream' } });
  if (put.status !== 201) throw new Error(`blob upload to ${registryHost}/${repository} failed: ${put.status}`);
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
    layers: [],
  });
  const response = await fetch(`${base}/manifests/${tag}`, {
    method: 'PUT',
    body: manifest,
    headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json' },
  });
  if (response.status !== 201) throw new Error(`manifest push to ${registryHost}/${repository}:${tag} failed: ${response.status}`);
}

function startHealthService(): Promise<{ server: Server; url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests })),
  );
}

describe('examples/gitlab/.gitlab-ci.yml', () => {
  test("validates against GitLab CI schema, as do the child pipeline template and the GitOps project's pipeline", () => {
    for (const file of PIPELINE_FILES) {
      const pipeline = parse(readFileSync(join(EXAMPLE, file), 'utf8'));
      expect(schemaErrors('gitlab-ci.json', pipeline), file).toEqual([]);
    }
  });

  test('includes every stage component, from the catalog, with the inputs each component declares', () => {
    const stages = new Set<string>();
    for (const file of PIPELINE_FILES) {
      const { include } = parse(readFileSync(join(EXAMPLE, file), 'utf8')) as {
        include: { component: string; inputs: Record<string, unknown> }[];
      };
      for (const { component, inputs } of include) {
        const match = /^\$CI_SERVER_FQDN\/aegis-actions\/aegis-actions\/([a-z-]+)@1$/.exec(component);
        expect(match, component).not.toBeNull();
        const stage = match?.[1] as string;
        stages.add(stage);
        const [spec] = parseAllDocuments(readFileSync(join(ROOT, 'gitlab-components/templates', `${stage}.yml`), 'utf8'));
        const declared = Object.keys((spec?.toJS() as { spec?: { inputs?: Record<string, unknown> } } | undefined)?.spec?.inputs ?? {});
        expect(
          Object.keys(inputs).filter((name) => !declared.includes(name)),
          `${file}: ${stage}`,
        ).toEqual([]);
      }
    }
    expect([...stages].sort()).toEqual(['build', 'detect', 'gitops-bump', 'health-gate', 'insight', 'promote', 'release', 'scan']);
  });

  test('prod is a manual, blocking job deploying to the production environment, after staging is watched', () => {
    const pipeline = parse(readFileSync(join(EXAMPLE, '.gitlab-ci.yml'), 'utf8')) as Record<string, Record<string, unknown>>;
    const prod = pipeline['promote-prod'] as {
      needs: string[];
      rules: { when?: string; allow_failure?: boolean }[];
      environment: { name: string };
    };
    expect(prod.environment.name).toBe('production');
    expect(prod.needs).toEqual(['watch-staging']);
    expect(prod.rules.every((rule) => rule.when === 'manual' && rule.allow_failure === false)).toBe(true);
    expect((pipeline['watch-prod'] as { needs: string[] }).needs).toEqual(['promote-prod']);
  });

  test('secrets come only from CI/CD variables, never literal values', () => {
    for (const file of PIPELINE_FILES) {
      const { include } = parse(readFileSync(join(EXAMPLE, file), 'utf8')) as { include: { inputs: Record<string, string> }[] };
      for (const { inputs } of include) {
        for (const name of [
          'token',
          'forge-token',
          'registry-password',
          'argocd-token',
          'dependents-token',
          'ssh-key',
          'pushgateway-password',
          'ci-token',
          'notify',
        ]) {
          if (inputs[name] !== undefined) expect(inputs[name], name).toMatch(/^\$\{?[A-Z][A-Z0-9_]*\}?$/);
        }
      }
    }
  });
});

describe('examples/gitlab/.gitlab-ci.yml end to end under gitlab-ci-local', () => {
  const present = hasCommand('buildah') && hasCommand('skopeo') && hasCommand('docker-registry', ['--version']) && hasCommand('rsync');
  let registry: LocalRegistry | undefined;
  let health: Awaited<ReturnType<typeof startHealthService>> | undefined;
  let root = '';
  let gitops: BareRepo | undefined;

  beforeAll(async () => {
    if (!present) return;
    registry = await startRegistry();
    health = await startHealthService();
    root = tempDir('aegis-example-gitlab-');
  });

  afterAll(async () => {
    await registry?.stop();
    gitops?.cleanup();
    health?.server.close();
    // buildah's vfs storage holds read-only directories; make them removable first.
    if (root) {
      await run('chmod', ['-R', 'u+w', root], { allowFailure: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Locally a missing tool skips (with the reason in the name); in CI hasCommand throws.
  test.skipIf(!present)(
    'detect → per-service lanes (build, scan, dev, watch) → staging → manual prod → watch, and the shared library released (needs buildah, skopeo, docker-registry, rsync)',
    async () => {
      if (!registry || !health) throw new Error('the registry or the health service did not start');
      const imagePrefix = `${registry.host}/shop`;
      gitops = createBareRepo(gitopsFiles(imagePrefix));
      for (const service of SERVICES) await pushReleasedImage(registry.host, `shop/${service}`, '1.0.0');
      const home = join(root, 'home');
      mkdirSync(join(home, '.gitlab-ci-local'), { recursive: true });
      const components = publishComponents(root);
      const origin = join(root, 'shop.git');
      git(root, 'init', '--quiet', '--bare', '--initial-branch', 'main', origin);
      writeFileSync(
        join(home, '.gitconfig'),
        [
          `[url "${components}"]`,
          `\tinsteadOf = https://gitlab.example.com/${CATALOG_PROJECT}.git`,
          // gitlab-ci-local lists the tags of a `@1` reference through an explicit port.
          `\tinsteadOf = https://gitlab.example.com:443/${CATALOG_PROJECT}.git`,
          '[user]',
          '\tname = ci',
          '\temail = ci@example.com',
          '',
        ].join('\n'),
      );

      // The FAKE trivy answers every scan with a report Trivy recorded (no HIGH or CRITICAL).
      const tools = join(root, 'tools');
      mkdirSync(tools);
      const trivy = join(tools, 'trivy');
      copyFileSync(FAKE_TRIVY, trivy);
      chmodSync(trivy, 0o755);
      writeFileSync(`${trivy}.json`, JSON.stringify({ report: RECORDED_TRIVY_REPORT, argvLog: join(tools, 'trivy-argv.log') }));

      // The monorepo: the shared library was released as 1.4.0; the pushed commit changes it,
      // so api and worker (which depend on it) are rebuilt, web is not.
      const project = join(root, 'project');
      mkdirSync(project);
      git(project, 'init', '--quiet', '--initial-branch', 'main');
      git(project, 'remote', 'add', 'origin', PROJECT_URL);
      writeFiles(project, monorepoFiles());
      git(project, 'add', '-A');
      git(project, 'commit', '--quiet', '-m', 'chore: initial import');
      git(project, 'tag', 'shared-v1.4.0');
      const before = git(project, 'rev-parse', 'HEAD');
      writeFiles(project, { 'libs/shared/index.js': 'export const greet = (name) => "hi " + name;\n' });
      git(project, 'commit', '--quiet', '-am', 'feat(shared): greet by name');
      const sha = git(project, 'rev-parse', 'HEAD');
      git(project, 'push', '--quiet', origin, 'main', '--tags');
      warmComponentCache(project, components, '1.0.0');

      // Jobs reach the project's origin through their own git config: gitlab-ci-local itself
      // must see the https URL, it derives CI_SERVER_FQDN and the project path from it.
      const jobGitConfig = join(root, 'job.gitconfig');
      writeFileSync(jobGitConfig, `${readFileSync(join(home, '.gitconfig'), 'utf8')}[url "${origin}"]\n\tinsteadOf = ${PROJECT_URL}\n`);

      // The project's CI/CD variables, as Settings → CI/CD → Variables would hold them.
      const variables: Record<string, string> = {
        AEGIS_DIST: sourceDist(),
        GIT_CONFIG_GLOBAL: jobGitConfig,
        CI_COMMIT_BEFORE_SHA: before, // what GitLab sets on a push; gitlab-ci-local has none
        REGISTRY: imagePrefix,
        GITOPS_REPOSITORY: gitops.bare,
        GITOPS_TOKEN: '',
        RELEASE_TOKEN: '',
        DEV_URL: `${health.url}/dev`,
        STAGING_URL: `${health.url}/staging`,
        PROD_URL: `${health.url}/prod`,
        WATCH_INTERVAL: '100ms',
        WATCH_COUNT: '2',
        SHARED_LIB_PUBLISH: 'none', // no npm registry here: tag and push only
        TRIVY_BINARY: trivy,
        BUILDAH_ROOT: join(root, 'buildah/root'),
        BUILDAH_RUNROOT: join(root, 'buildah/run'),
      };
      writeFileSync(
        join(home, '.gitlab-ci-local/variables.yml'),
        stringify({
          global: Object.fromEntries(
            Object.entries(variables).map(([name, value]) => [name, { type: 'variable', values: { '*': value } }]),
          ),
        }),
      );

      const started = Date.now();
      const result = await runGitlabCiLocal(project, home, ['promote-prod']);
      const seconds = (Date.now() - started) / 1000;
      expect(result.exitCode, result.output).toBe(0);

      // Every lane built its image into the registry; the overlays end with that digest.
      const digests: Record<string, string> = {};
      for (const service of ['api', 'worker']) {
        const inspected = skopeoInspect(`${imagePrefix}/${service}:sha-${sha}`) as { Digest: string };
        digests[service] = inspected.Digest;
        expect(inspected.Digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      }
      for (const env of ['dev', 'staging', 'prod']) {
        const overlay = gitops.show(`overlays/${env}/kustomization.yaml`);
        expect(overlay).toContain(`# ${env}: aegis edits only the image values`);
        for (const service of ['api', 'worker']) {
          expect(overlay, `${env} ${service}`).toContain(
            `  - name: ${imagePrefix}/${service}\n    newTag: "sha-${sha}"\n    digest: ${digests[service]}\n`,
          );
        }
        // web did not change: it keeps 1.0.0 everywhere.
        expect(overlay, `${env} web`).toMatch(new RegExp(`  - name: ${imagePrefix}/web\n    newTag: "1\\.0\\.0"(\n|$)`));
      }

      // Provenance: two dev bumps (one per lane, pushed in parallel), then the two promotions,
      // each carrying the trailers that say what runs where and why.
      const commits = gitops
        .log('main', '%H%n%(trailers:key=Aegis-Image,key=Aegis-Environment,key=Aegis-Source-Commit,key=Aegis-Promoted-From)%x1e')
        .join('\n')
        .split('\x1e')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => ({ sha: entry.split('\n')[0] as string, trailers: entry.split('\n').slice(1).join('\n') }));
      expect(commits).toHaveLength(5);
      const [toProd, toStaging, devBump1, devBump2, seed] = commits;
      expect(toProd?.trailers).toContain('Aegis-Environment: prod');
      expect(toProd?.trailers).toContain(`Aegis-Promoted-From: staging@${toStaging?.sha}`);
      expect(toStaging?.trailers).toContain('Aegis-Environment: staging');
      expect(toStaging?.trailers).toContain(`Aegis-Promoted-From: dev@${devBump1?.sha}`);
      const bumped = [devBump1, devBump2].map((bump) => bump?.trailers ?? '');
      for (const service of ['api', 'worker']) {
        const bump = bumped.find((trailers) => trailers.includes(`/${service}:sha-`));
        expect(bump, service).toContain(`Aegis-Image: ${imagePrefix}/${service}=${imagePrefix}/${service}:sha-${sha}@${digests[service]}`);
        expect(bump).toContain('Aegis-Environment: dev');
        expect(bump).toContain(`Aegis-Source-Commit: ${sha}`);
      }
      expect(seed?.trailers).toBe('');

      // The fake trivy scanned exactly the built images, by the build's image output (version tag and digest).
      const scanned = readFileSync(join(tools, 'trivy-argv.log'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as string[]).at(-1));
      expect(new Set(scanned)).toEqual(new Set(['api', 'worker'].map((s) => `${imagePrefix}/${s}:main@${digests[s]}`)));

      // Each environment was watched: dev per changed service, staging and prod for all.
      const paths = new Set(health.requests);
      for (const path of [
        '/dev/api/healthz',
        '/dev/worker/healthz',
        ...SERVICES.flatMap((s) => [`/staging/${s}/healthz`, `/prod/${s}/healthz`]),
      ])
        expect(paths, path).toContain(path);
      expect(paths).not.toContain('/dev/web/healthz');

      // The shared library: 1.4.0 + feat = 1.5.0, the release commit and tag pushed to origin.
      expect(git(origin, 'rev-parse', 'shared-v1.5.0^{commit}')).toBe(git(origin, 'rev-parse', 'main'));
      expect(git(origin, 'show', 'main:libs/shared/package.json')).toContain('"version": "1.5.0"');
      expect(git(origin, 'log', '-1', '--format=%s', 'main')).toBe('chore(release): shared-v1.5.0 [skip ci]');

      expect(seconds).toBeLessThan(60);
    },
    120_000,
  );
});

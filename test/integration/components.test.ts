import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LocalRegistry, skopeoInspect, startRegistry } from '../fixtures/build/registry.js';
import { createBareRepo, hasCommand } from '../helpers/git.js';
import { COMPONENT_PREFIX, runGitlabCiLocal } from '../helpers/gitlab-ci-local.js';
import { SCHEMAS } from '../helpers/schemas.js';

// Each stage's GitLab component, included the way users include it and run by the real
// gitlab-ci-local (shell executor). gitops-bump has its own file.

const include = (stage: string, inputs: Record<string, string>) =>
  `  - component: ${COMPONENT_PREFIX}/${stage}@1.0.0\n    inputs:\n${Object.entries(inputs)
    .map(([name, value]) => `      ${name}: ${JSON.stringify(value)}`)
    .join('\n')}\n`;

describe('detect component', () => {
  test('writes a child pipeline for the changed services and GitLab runs it (strategy: depend)', async () => {
    const manifest = `services:
  api:
    path: services/api
    depends-on: [shared-lib]
  worker:
    path: services/worker
  shared-lib:
    path: libs/shared
    kind: library
`;
    const template = `build-{{service}}:
  stage: build
  script:
    - echo "child builds {{service}} from {{path}}"
`;
    const result = await runGitlabCiLocal(
      `include:\n${include('detect', { base: 'HEAD~1', 'child-pipeline-template': '.aegis/child.yml' })}`,
      {
        history: [
          {
            message: 'initial',
            files: {
              '.aegis/services.yaml': manifest,
              '.aegis/child.yml': template,
              'services/api/main.go': 'package main\n',
              'services/worker/main.go': 'package main\n',
              'libs/shared/lib.go': 'package shared\n',
            },
          },
        ],
        files: { 'libs/shared/lib.go': 'package shared // changed\n' },
      },
    );
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain('child builds api from services/api');
      expect(result.output).not.toContain('child builds worker');
      expect(result.output).not.toContain('child builds shared-lib');
    } finally {
      result.cleanup();
    }
  });
});

describe('scan component in report mode', () => {
  test('re-gates a saved Trivy report and keeps the GitLab container-scanning report as an artifact', async () => {
    const report = readFileSync(join(SCHEMAS, '../trivy/alpine-310.json.golden'), 'utf8');
    const result = await runGitlabCiLocal(
      `include:\n${include('scan', { report: 'trivy.json', 'fail-on': 'none', formats: 'sarif,gitlab,markdown' })}
stages: [test, report]
show-result:
  stage: report
  needs: [aegis-scan]
  script:
    - echo "scan=$AEGIS_RESULT critical=$AEGIS_CRITICAL"
`,
      { files: { 'trivy.json': report } },
    );
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toMatch(/scan=passed critical=\d+/);
      const artifact = join(result.project, '.gitlab-ci-local/artifacts/aegis-scan/.aegis-out/scan/gl-container-scanning-report.json');
      expect(existsSync(artifact)).toBe(true);
      expect(JSON.parse(readFileSync(artifact, 'utf8')).vulnerabilities.length).toBeGreaterThan(0);
    } finally {
      result.cleanup();
    }
  });
});

describe('build component with buildah and a local registry', () => {
  let registry: LocalRegistry | undefined;
  const present = hasCommand('buildah') && hasCommand('docker-registry', ['--version']) && hasCommand('skopeo');
  beforeAll(async () => {
    if (present) registry = await startRegistry();
  });
  afterAll(async () => registry?.stop());

  test.skipIf(!present)(
    `builds FROM scratch, pushes, and reports the digest skopeo sees${present ? '' : ' (skipped: buildah, docker-registry or skopeo missing)'}`,
    async () => {
      if (!registry) throw new Error('the registry did not start');
      const image = `${registry.host}/demo/app`;
      const result = await runGitlabCiLocal(
        `include:\n${include('build', {
          context: 'app',
          image,
          service: 'app',
          'buildah-storage-driver': 'vfs',
          'buildah-root': '/tmp/aegis-glci-buildah/root',
          'buildah-runroot': '/tmp/aegis-glci-buildah/run',
        })}
stages: [build, report]
show-digest:
  stage: report
  needs: [aegis-build]
  script:
    - echo "built=$AEGIS_DIGEST"
`,
        { files: { 'app/Dockerfile': 'FROM scratch\nCOPY hello.txt /hello.txt\n', 'app/hello.txt': 'hello\n' } },
      );
      try {
        expect(result.exitCode, result.output).toBe(0);
        // No dependency cache configured: no cache: section, so no "no matching files" warning after the job.
        expect(result.output).not.toContain('no matching files');
        // type=sha follows CI_COMMIT_SHORT_SHA (8 hex digits), so a later job can write sha-$CI_COMMIT_SHORT_SHA itself.
        expect(result.output).toMatch(/:sha-[0-9a-f]{8}\b/);
        const digest = /built=(sha256:[0-9a-f]{64})/.exec(result.output)?.[1];
        expect(digest).toBeDefined();
        const inspected = skopeoInspect(`${image}@${digest}`) as { Digest?: string };
        expect(inspected.Digest).toBe(digest);
      } finally {
        result.cleanup();
      }
    },
  );
});

describe('release component', () => {
  test('computes the next version from conventional commits and tags it (publish: none, local remote)', async () => {
    const result = await runGitlabCiLocal(
      `include:\n${include('release', { path: 'lib', 'tag-prefix': 'lib-v', publish: 'none', remote: 'none' })}
stages: [deploy, report]
show-version:
  stage: report
  needs: [aegis-release]
  script:
    - echo "released=$AEGIS_RELEASED version=$AEGIS_VERSION tag=$AEGIS_TAG"
`,
      {
        history: [
          { message: 'chore: start lib', files: { 'lib/package.json': '{\n  "name": "lib",\n  "version": "1.2.0"\n}\n' } },
          { message: 'fix(lib): first fix', files: { 'lib/index.js': 'export const x = 1;\n' } },
        ],
        files: { 'lib/feature.js': 'export const y = 2;\n' },
        message: 'feat(lib): add y',
      },
    );
    try {
      expect(result.exitCode, result.output).toBe(0);
      // The first release takes the version the package file declares (see src/core/release).
      expect(result.output).toContain('released=true version=1.2.0 tag=lib-v1.2.0');
    } finally {
      result.cleanup();
    }
  });
});

describe('promote component', () => {
  test('promotes what dev runs into staging in a local GitOps repository', async () => {
    const overlay = (tag: string) => `# keep me\nimages:\n  - name: registry.example.com/shop/api\n    newTag: "${tag}"\n`;
    const repo = createBareRepo({
      'overlays/dev/kustomization.yaml': overlay('2.0.0'),
      'overlays/staging/kustomization.yaml': overlay('1.0.0'),
      'overlays/prod/kustomization.yaml': overlay('1.0.0'),
    });
    const result =
      await runGitlabCiLocal(`include:\n${include('promote', { repository: repo.bare, from: 'dev', to: 'staging', 'verify-images': 'false' })}
stages: [deploy, report]
show-promotion:
  stage: report
  needs: [aegis-promote]
  script:
    - echo "promoted=$AEGIS_CHANGED sha=$AEGIS_COMMIT_SHA"
`);
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(repo.show('overlays/staging/kustomization.yaml')).toBe(overlay('2.0.0').trimEnd());
      expect(repo.show('overlays/prod/kustomization.yaml')).toBe(overlay('1.0.0').trimEnd());
      expect(result.output).toContain(`promoted=true sha=${repo.tip()}`);
      expect(repo.message()).toMatch(/Aegis-Promoted-From: dev@[0-9a-f]{40}/);
    } finally {
      result.cleanup();
      repo.cleanup();
    }
  });
});

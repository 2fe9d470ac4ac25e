// insight as a GitHub Action (run by GitHub's @github/local-action from the TypeScript
// source) and as a GitLab component (run by gitlab-ci-local from the committed dist/), with
// a notification to a local webhook from the component run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type TestServer } from '../fixtures/health-gate/harness.js';
import { ROOT } from '../helpers/cli.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';
import { COMPONENT_PREFIX, runGitlabCiLocal } from '../helpers/gitlab-ci-local.js';
import { runLocalAction } from '../helpers/local-action.js';

const API = 'registry.example.com/shop/api';
const overlay = (tag: string) => `images:\n  - name: ${API}\n    newTag: "${tag}"\n`;
const SECRET = 'hook-secret-4711';

describe('insight on each platform', () => {
  let repo: BareRepo;
  let hooks: TestServer;
  beforeAll(async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': overlay('1.0.0'), 'overlays/prod/kustomization.yaml': overlay('1.0.0') });
    const dir = repo.checkout();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'overlays/dev/kustomization.yaml'), overlay('1.1.0'));
    git(
      dir,
      'commit',
      '--quiet',
      '-am',
      `bump\n\nAegis-Image: ${API}=${API}:1.1.0\nAegis-Environment: dev\nAegis-Source-Time: 2026-01-01T00:00:00Z\nAegis-Stage: gitops-bump`,
    );
    git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
    hooks = await startServer((_request, _body, response) => response.end('ok'));
  });
  afterAll(async () => {
    await hooks?.close();
    repo?.cleanup();
  });

  test('as a GitHub Action run by @github/local-action', async () => {
    const workspace = tempDir('aegis-insight-gh-');
    const result = await runLocalAction(
      'insight',
      { repository: repo.bare, environments: 'dev: overlays/dev\nprod: overlays/prod', since: '3650d' },
      { GITHUB_WORKSPACE: workspace },
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.deployments).toBe('1');
    expect(result.outputs.drift).toBe('false');
    const status = JSON.parse(readFileSync(result.outputs['status-file'] as string, 'utf8'));
    expect(status.status.map((row: { environment: string; tag: string }) => `${row.environment}=${row.tag}`)).toEqual([
      'dev=1.1.0',
      'prod=1.0.0',
    ]);
  });

  test('as a GitLab component run by gitlab-ci-local, notifying a webhook without printing it', async () => {
    const before = hooks.requests.length;
    const pipeline = `include:
  - component: ${COMPONENT_PREFIX}/insight@1.0.0
    inputs:
      job-stage: report
      repository: ${repo.bare}
      environments: |
        dev: overlays/dev
        prod: overlays/prod
      since: 3650d
      notify: json+${hooks.url}/hook/${SECRET}
      notify-on: always

stages: [report, verify]

after-insight:
  stage: verify
  needs: [aegis-insight]
  script:
    - echo "deployments=$AEGIS_DEPLOYMENTS drift=$AEGIS_DRIFT"
`;
    const result = await runGitlabCiLocal(pipeline);
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(result.output).toContain('deployments=1 drift=false');
      expect(result.output).not.toContain(SECRET);
      const posted = hooks.requests.slice(before);
      expect(posted).toHaveLength(1);
      expect(JSON.parse(posted[0]?.body ?? '{}')).toMatchObject({ schema: 'aegis.notification/v1', stage: 'insight', outcome: 'success' });
      expect(readFileSync(join(result.project, '.aegis-out/insight/metrics.txt'), 'utf8')).toContain(
        'aegis_deployments_total{environment="dev",service="api"} 1',
      );
    } finally {
      result.cleanup();
    }
  }, 180_000);

  test('examples/gitlab/gitops/.gitlab-ci.yml: a scheduled pipeline of the GitOps project reports, other pipelines run nothing', async () => {
    // The example as written, its catalog reference pointed at the local catalog. The job clones
    // its own project by the example's default URL ($CI_SERVER_URL/$CI_PROJECT_PATH.git, here
    // https://gitlab.example.com/demo/app.git) with the job token; git reaches the bare GitOps
    // repository through url.insteadOf, as the GitLab server would serve it.
    const example = readFileSync(join(ROOT, 'examples/gitlab/gitops/.gitlab-ci.yml'), 'utf8');
    const pipeline = example.replace('$CI_SERVER_FQDN/aegis-actions/aegis-actions/insight@1', `${COMPONENT_PREFIX}/insight@1.0.0`);
    expect(pipeline).not.toBe(example);
    const gitops = createBareRepo({
      'overlays/dev/kustomization.yaml': overlay('1.1.0'),
      'overlays/staging/kustomization.yaml': overlay('1.0.0'),
      'overlays/prod/kustomization.yaml': overlay('1.0.0'),
    });
    const checkout = gitops.checkout();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(checkout, 'overlays/staging/kustomization.yaml'), overlay('1.1.0'));
    git(
      checkout,
      'commit',
      '--quiet',
      '-am',
      `promote\n\nAegis-Image: ${API}=${API}:1.1.0\nAegis-Environment: staging\nAegis-Stage: promote`,
    );
    git(checkout, 'push', '--quiet', 'origin', 'HEAD:main');
    const jobGitConfig = `[url "${gitops.bare}"]\n\tinsteadOf = https://gitlab.example.com/demo/app.git\n`;
    const scheduled = await runGitlabCiLocal(pipeline, { jobGitConfig, variables: { CI_PIPELINE_SOURCE: 'schedule' } });
    try {
      expect(scheduled.exitCode, scheduled.output).toBe(0);
      expect(scheduled.output).toContain('Read the history of https://gitlab.example.com/demo/app.git (main)');
      const metrics = readFileSync(join(scheduled.project, '.aegis-out/insight/metrics.txt'), 'utf8');
      expect(metrics).toContain('aegis_deployments_total{environment="staging",service="api"} 1');
      const status = JSON.parse(readFileSync(join(scheduled.project, '.aegis-out/insight/status.json'), 'utf8'));
      expect(status.status.map((row: { environment: string; tag: string }) => `${row.environment}=${row.tag}`)).toEqual([
        'dev=1.1.0',
        'staging=1.1.0',
        'prod=1.0.0',
      ]);
    } finally {
      scheduled.cleanup();
    }
    // A push to the GitOps project (every delivery pipeline makes one) starts no report.
    const pushed = await runGitlabCiLocal(pipeline, { jobGitConfig, variables: { CI_PIPELINE_SOURCE: 'push' } });
    try {
      expect(pushed.exitCode, pushed.output).toBe(0);
      expect(pushed.output).not.toContain('aegis-insight >');
    } finally {
      pushed.cleanup();
      gitops.cleanup();
    }
  }, 180_000);
});

// insight's optional CI figures through the forge seam: the platform's own forge clients
// (Octokit, gitbeaker) against FAKE GitHub and GitLab APIs answering in their documented
// shapes (GitHub "List workflow runs for a repository", GitLab "List project pipelines").
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadForge } from '../../src/platform/forge/load.js';
import { loadStage } from '../../src/stages/index.js';
import { runStage } from '../../src/stages/runner.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo, git, tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const insight = await loadStage('insight');

const NOW = Date.parse('2026-11-30T00:00:00Z');
const at = (days: number, minutes = 0) => new Date(NOW - days * 86_400_000 + minutes * 60_000).toISOString();

const githubRun = (id: number, conclusion: string | null, created: string, minutes: number, branch = 'main') => ({
  id,
  name: 'ci',
  head_branch: branch,
  event: 'push',
  status: conclusion === null ? 'in_progress' : 'completed',
  conclusion,
  created_at: created,
  run_started_at: created,
  updated_at: new Date(Date.parse(created) + minutes * 60_000).toISOString(),
  html_url: `https://github.com/acme/app/actions/runs/${id}`,
});
const gitlabPipeline = (id: number, status: string, created: string, minutes: number, ref = 'main') => ({
  id,
  iid: id,
  project_id: 7,
  status,
  source: 'push',
  ref,
  sha: 'a'.repeat(40),
  created_at: created,
  updated_at: new Date(Date.parse(created) + minutes * 60_000).toISOString(),
  web_url: `https://gitlab.com/acme/app/-/pipelines/${id}`,
});

describe.each(['github', 'gitlab'] as const)('CI runs from %s', (kind) => {
  let fake: Awaited<ReturnType<typeof startFakeForge>>;
  let repo: BareRepo;
  const project = kind === 'github' ? 'acme/app' : 'acme/apps/app';
  beforeAll(async () => {
    fake = await startFakeForge(kind);
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': 'images:\n  - name: api\n    newTag: "1"\n' });
    const dir = repo.checkout();
    writeFileSync(join(dir, 'overlays/dev/kustomization.yaml'), 'images:\n  - name: api\n    newTag: "2"\n');
    git(dir, 'commit', '--quiet', '-am', 'bump\n\nAegis-Image: api=api:2\nAegis-Environment: dev');
    git(dir, 'push', '--quiet', 'origin', 'HEAD:main');
    // In the 30-day window: 3 succeeded (10, 20, 30 min), 1 failed (5 min), 1 running; one on another branch; one too old.
    const make = kind === 'github' ? githubRun : gitlabPipeline;
    const failed = kind === 'github' ? 'failure' : 'failed';
    const running = kind === 'github' ? null : 'running';
    const runs = [
      make(1, 'success', at(1), 10),
      make(2, 'success', at(2), 20),
      make(3, 'success', at(3), 30),
      make(4, failed, at(4), 5),
      make(5, running as never, at(0, -30), 1),
      make(6, 'success', at(5), 99, 'feature'),
      make(7, 'success', at(45), 1),
    ];
    fake.runs.push(...runs.map((run) => ({ project, run })));
  });
  afterAll(async () => {
    await fake.close();
    repo.cleanup();
  });

  test('counted, timed and exported for the window; the token goes only to the forge', async () => {
    const workspace = tempDir('aegis-insight-ci-');
    const platform = new RecordingPlatform(
      workspace,
      {
        repository: repo.bare,
        environments: 'dev: overlays/dev\nprod: overlays/dev',
        until: new Date(NOW).toISOString(),
        'ci-project': project,
        'ci-forge': kind,
        'ci-forge-url': fake.apiUrl,
        'ci-token': 'ci-token-42',
        'ci-branch': 'main',
      },
      { forge: () => loadForge({ kind, token: 'ci-token-42', apiUrl: fake.apiUrl }) },
    );
    await runStage(insight, platform);
    expect(platform.failures).toEqual([]);
    expect(platform.secrets).toContain('ci-token-42');
    const metrics = JSON.parse(readFileSync(platform.outputs['metrics-file'] as string, 'utf8'));
    // GitHub filters by creation time, GitLab by update time: run 7 (45 days old) is outside both.
    expect(metrics.ci).toEqual({ project, runs: 5, succeeded: 3, failed: 1, successRate: 0.75, medianDurationSeconds: 15 * 60 });
    const exposition = readFileSync(platform.outputs['openmetrics-file'] as string, 'utf8');
    expect(exposition).toContain(`aegis_ci_runs{project="${project}",result="success"} 3`);
    expect(exposition).toContain(`aegis_ci_success_ratio{project="${project}"} 0.75`);
    expect(platform.summaries.join('')).toContain('success rate 75.0 %');
    const call = fake.calls.find((c) => c.path.endsWith(kind === 'github' ? '/actions/runs' : '/pipelines'));
    expect(call?.authorization ?? call?.privateToken).toContain('ci-token-42');
  });
});

import { afterEach, describe, expect, test } from 'vitest';
import { type BareRepo, createBareRepo } from '../helpers/git.js';
import { COMPONENT_PREFIX, runGitlabCiLocal } from '../helpers/gitlab-ci-local.js';
import { runLocalAction } from '../helpers/local-action.js';

const KUSTOMIZATION = 'images:\n  - name: registry.example.com/aegis/api\n    newTag: "1.0.0" # keep me\n';

describe('gitops-bump on each platform', () => {
  let repo: BareRepo;
  afterEach(() => repo?.cleanup());

  test('as a GitHub Action run by @github/local-action', async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': KUSTOMIZATION });
    const result = await runLocalAction('gitops-bump', {
      repository: repo.bare,
      paths: 'overlays/dev',
      images: 'registry.example.com/aegis/api:1.1.0\n',
      environment: 'dev',
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.changed).toBe('true');
    expect(result.outputs['commit-sha']).toBe(repo.tip());
    expect(repo.show('overlays/dev/kustomization.yaml')).toBe(
      'images:\n  - name: registry.example.com/aegis/api\n    newTag: "1.1.0" # keep me',
    );
    expect(repo.message()).toContain('Aegis-Environment: dev');
  });

  test('as a GitLab component run by gitlab-ci-local, outputs passed on as dotenv variables', async () => {
    repo = createBareRepo({ 'overlays/dev/kustomization.yaml': KUSTOMIZATION });
    const pipeline = `include:
  - component: ${COMPONENT_PREFIX}/gitops-bump@1.0.0
    inputs:
      job-stage: deploy
      repository: ${repo.bare}
      paths: overlays/dev
      images: |
        registry.example.com/aegis/api:2.0.0
      environment: dev

stages: [deploy, verify]

after-bump:
  stage: verify
  needs: [aegis-gitops-bump]
  script:
    - echo "bumped=$AEGIS_CHANGED sha=$AEGIS_COMMIT_SHA"
`;
    const result = await runGitlabCiLocal(pipeline);
    try {
      expect(result.exitCode, result.output).toBe(0);
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "2.0.0" # keep me');
      expect(result.output).toContain(`bumped=true sha=${repo.tip()}`);
      expect(repo.message()).toMatch(/Aegis-Source-Run: \S+/);
    } finally {
      result.cleanup();
    }
  });
});

/**
 * Pull-request mode is idempotent in the safe direction: the branch is pushed, the forge (FAKE
 * GitHub/GitLab API, test/helpers/fake-forge.ts) answers 500 to the create call, the stage fails;
 * the rerun finds the pushed branch without a request and opens it; the run after that changes
 * nothing. Real git (a bare repository on disk).
 */
import { afterEach, describe, expect, test } from 'vitest';
import { loadForge } from '../../src/platform/forge/load.js';
import type { Platform } from '../../src/platform/types.js';
import * as gitopsBumpStage from '../../src/stages/gitops-bump.js';
import { runStageModule } from '../../src/stages/module.js';
import * as promoteStage from '../../src/stages/promote.js';
import { startFakeForge } from '../helpers/fake-forge.js';
import { type BareRepo, createBareRepo } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const runPromote = (platform: Platform) => runStageModule(promoteStage, platform);
const runGitopsBump = (platform: Platform) => runStageModule(gitopsBumpStage, platform);

const overlay = (tag: string) =>
  `apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nimages:\n  - name: registry.example.com/shop/api\n    newTag: "${tag}"\n`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

for (const kind of ['github', 'gitlab'] as const) {
  describe(`${kind}: a forge failure after the push`, () => {
    async function setup() {
      const forge = await startFakeForge(kind);
      const repo: BareRepo = createBareRepo({
        'overlays/dev/kustomization.yaml': overlay('1.0.0'),
        'overlays/staging/kustomization.yaml': overlay('0.9.0'),
        'overlays/prod/kustomization.yaml': overlay('0.9.0'),
      });
      cleanups.push(
        () => repo.cleanup(),
        () => forge.close(),
      );
      const platform = (inputs: Record<string, string>) =>
        new RecordingPlatform(
          repo.root,
          { repository: repo.bare, token: 'forge-token-123456', forge: kind, 'forge-project': 'org/gitops', ...inputs },
          { forge: () => loadForge({ kind, token: 'forge-token-123456', apiUrl: forge.apiUrl }) },
        );
      return { forge, repo, platform };
    }

    test('gitops-bump: the stage fails, the rerun opens the request, the next run changes nothing', async () => {
      const { forge, repo, platform } = await setup();
      const inputs = { mode: 'pull-request', paths: 'overlays/dev', images: 'registry.example.com/shop/api:2.0.0' };
      forge.failNext('POST');
      const first = platform(inputs);
      await expect(runGitopsBump(first)).rejects.toThrow(/refused the (pull|merge) request .* \(HTTP 500\).*rerun to open/);
      expect(forge.pulls).toHaveLength(0);
      const branch = repo
        .log('--branches', '%D')
        .join(' ')
        .match(/aegis\/gitops-bump\/[^\s,]+/)?.[0] as string;
      expect(repo.show('overlays/dev/kustomization.yaml', branch)).toContain('newTag: "2.0.0"');
      expect(repo.show('overlays/dev/kustomization.yaml')).toContain('newTag: "1.0.0"');

      const rerun = platform(inputs);
      await runGitopsBump(rerun);
      expect(forge.pulls).toHaveLength(1);
      expect(forge.pulls[0]).toMatchObject({ head: branch, base: 'main', state: 'open' });
      expect(forge.pulls[0]?.body).toContain('2.0.0');
      expect(rerun.outputs.changed).toBe('true');
      expect(rerun.outputs['pull-request-url']).toMatch(/\/org\/gitops\/(pull|-\/merge_requests)\/1$/);
      expect(rerun.summaries.join('\n')).toContain('pushed by an earlier run');
      expect(rerun.summaries.join('\n')).not.toMatch(/No change/);

      const third = platform(inputs);
      await runGitopsBump(third);
      expect(third.outputs.changed).toBe('false');
      expect(third.outputs['pull-request-url']).toBe(rerun.outputs['pull-request-url']);
      expect(forge.pulls).toHaveLength(1);
    });

    test('promote: the rerun opens the approval request; the summary never claims the target runs the values', async () => {
      const { forge, repo, platform } = await setup();
      const inputs = { from: 'staging', to: 'prod', 'verify-images': 'false', 'pin-digest': 'false' };
      const staged = platform({ from: 'dev', to: 'staging', mode: 'push', 'verify-images': 'false', 'pin-digest': 'false' });
      await runPromote(staged);
      forge.failNext('POST', 500);
      await expect(runPromote(platform(inputs))).rejects.toThrow(/HTTP 500/);
      expect(forge.pulls).toHaveLength(0);
      expect(repo.show('overlays/prod/kustomization.yaml', 'aegis/promote/main/prod')).toContain('newTag: "1.0.0"');

      const rerun = platform(inputs);
      await runPromote(rerun);
      expect(forge.pulls).toHaveLength(1);
      expect(forge.pulls[0]?.head).toBe('aegis/promote/main/prod');
      expect(rerun.outputs.changed).toBe('true');
      const summary = rerun.summaries.join('\n');
      expect(summary).not.toContain('already runs');
      expect(summary).toContain('does not run them yet');
      expect(JSON.parse(rerun.outputs.plan ?? '[]')).toEqual([expect.objectContaining({ written: 'registry.example.com/shop/api:1.0.0' })]);
    });
  });
}

/**
 * The release stage's plan(options) as a table, on real repositories: the next version, the tag,
 * what will be published and pushed, and what an unfinished release still needs. Then execute and
 * report of a dry run: nothing changes, the outputs and the summary name the planned release.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { InputReader } from '../../src/stages/inputs.js';
import { definition, execute, parse, plan, report } from '../../src/stages/release.js';
import { TestRepo } from '../fixtures/release/repo.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';

const root = tempDir('aegis-release-plan-');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A library released as v1.0.0, then `commits`; pushed to its origin unless `push` is false. */
function library(name: string, commits: string[], { push = true } = {}): TestRepo {
  const repo = new TestRepo(join(root, name));
  repo.write('package.json', '{ "name": "lib", "version": "1.0.0" }\n');
  repo.commit('chore: init');
  repo.tag('v1.0.0');
  for (const message of commits) repo.commit(message);
  if (push) repo.push();
  return repo;
}

async function planOf(repo: TestRepo, inputs: Record<string, string>) {
  const platform = new RecordingPlatform(repo.dir, { changelog: 'false', ...inputs }, { event: { branch: 'main' } });
  const options = parse(new InputReader(platform, definition.inputs), platform);
  return { platform, plan: await plan(options, platform) };
}

describe('plan', () => {
  let rows = 0;
  test.each([
    [
      'a feature after v1.0.0: a minor release, tagged and pushed, nothing published',
      ['feat: search'],
      {},
      { action: 'release', version: '1.1.0', previousVersion: '1.0.0', tag: 'v1.1.0', prerelease: false, distTag: 'latest' },
      { publish: 'skip', commitAndTag: 'todo', push: 'todo', forgeRelease: 'skip' },
    ],
    [
      'a fix: a patch release',
      ['fix: off by one'],
      {},
      { action: 'release', version: '1.0.1', tag: 'v1.0.1' },
      { commitAndTag: 'todo', push: 'todo' },
    ],
    [
      'a breaking change on a prerelease channel',
      ['feat!: new API'],
      { prerelease: 'rc' },
      { action: 'release', version: '2.0.0-rc.1', tag: 'v2.0.0-rc.1', prerelease: true, distTag: 'rc' },
      { commitAndTag: 'todo' },
    ],
    [
      'remote none: committed and tagged here, never pushed',
      ['feat: search'],
      { remote: 'none' },
      { action: 'release', version: '1.1.0' },
      { commitAndTag: 'todo', push: 'skip' },
    ],
    ['no releasable commit since the tag: nothing to do', ['chore: tidy', 'docs: typo'], {}, { action: 'none' }, {}],
  ])('%s', async (_description, commits, inputs, release, steps) => {
    const repo = library(`row-${++rows}`, commits);
    const { plan: planned } = await planOf(repo, inputs);
    expect(planned.release).toMatchObject({ ...release, steps });
    expect(planned.options.publisher.kind).toBe('none');
    expect(planned.options.name).toBe('lib');
    expect(planned.table).toContain('|');
  });

  test('a release tagged and pushed whose publish failed is resumed from its tag, not released again', async () => {
    const repo = library('resume', ['feat: search']);
    // A registry that holds 1.0.0 only, and a publish that fails.
    const inputs = { publish: 'command', 'publish-command': '["false"]', 'check-command': '["test", "{version}", "=", "1.0.0"]' };
    const first = await planOf(repo, inputs);
    expect(first.plan.release).toMatchObject({ action: 'release', version: '1.1.0', steps: { publish: 'todo', commitAndTag: 'todo' } });
    await expect(execute(first.plan, first.platform)).rejects.toThrow(/v1\.1\.0 is pushed but publishing 1\.1\.0 failed/);
    const again = await planOf(repo, inputs);
    expect(again.plan.release).toMatchObject({
      action: 'resume',
      version: '1.1.0',
      tag: 'v1.1.0',
      steps: { publish: 'todo', commitAndTag: 'done', push: 'done' },
    });
  });
});

describe('a dry run', () => {
  test('execute changes nothing; report writes the planned version and the plan to the summary', async () => {
    const repo = library('dry-run', ['feat: search']);
    const head = repo.git('rev-parse', 'HEAD');
    const { platform, plan: planned } = await planOf(repo, { 'dry-run': 'true' });
    const result = await execute(planned, platform);
    expect(result).toMatchObject({ acted: false, released: false, published: false, notified: [] });
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.tags()).toEqual(['v1.0.0']);
    await report(result, platform);
    expect(platform.outputs).toMatchObject({
      released: 'false',
      version: '1.1.0',
      tag: 'v1.1.0',
      'previous-version': '1.0.0',
      published: 'false',
    });
    expect(platform.summaries[0]).toMatch(/^## release \(dry run\)\n\n\|/);
  });
});

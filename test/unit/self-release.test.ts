import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { stages } from '../../src/stages/index.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { git, tempDir } from '../helpers/git.js';
import { schemaErrors } from '../helpers/schemas.js';
import { lintWorkflow } from '../helpers/workflow-lint.js';

const githubWorkflow = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
const catalogPipeline = readFileSync(join(ROOT, 'gitlab-components/.gitlab-ci.yml'), 'utf8');

test('the GitHub release workflow is valid, lint-clean, and uses this repository’s own release action', async () => {
  const workflow = parse(githubWorkflow) as { jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
  expect(schemaErrors('github-workflow.json', workflow)).toEqual([]);
  expect(await lintWorkflow(githubWorkflow, 'release.yml')).toEqual([]);
  const step = workflow.jobs.release?.steps.find((candidate) => candidate.uses === './actions/release');
  const release = await (stages.release as () => Promise<import('../../src/stages/definition.js').StageDefinition>)();
  for (const input of Object.keys(step?.with ?? {})) expect(Object.keys(release.inputs)).toContain(input);
  expect(githubWorkflow).toMatch(/git push --force origin "refs\/tags\/\$major"/);
});

test('the catalog project pipeline is valid GitLab CI and releases through its own component', () => {
  const pipeline = parse(catalogPipeline) as { include: { component: string }[] };
  expect(schemaErrors('gitlab-ci.json', pipeline)).toEqual([]);
  expect(pipeline.include[0]?.component).toBe('$CI_SERVER_FQDN/$CI_PROJECT_PATH/release@$CI_COMMIT_SHA');
});

test('the release stage plans this repository’s own next release (dry run on a clone)', async () => {
  const clone = join(tempDir('aegis-self-'), 'repo');
  git(ROOT, 'clone', '--quiet', ROOT, clone);
  // A conventional commit since the last release is what makes a release.
  writeFileSync(join(clone, 'NEW_FEATURE.md'), 'something users can use\n');
  git(clone, 'add', 'NEW_FEATURE.md');
  git(clone, 'commit', '--quiet', '-m', 'feat: something users can use');
  const version = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version as string;
  const result = await runCli(['release', '--path', '.', '--tag-prefix', 'v', '--dry-run', '--remote', 'none'], { cwd: clone });
  expect(result.exitCode, result.stderr).toBe(0);
  // Without a v* tag yet, the first release is the version package.json declares.
  expect(result.outputs.version).toBe(version);
  expect(result.outputs.tag).toBe(`v${version}`);
  expect(result.outputs.released).toBe('false');
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import * as detectStage from '../../src/stages/detect.js';
import { InputReader } from '../../src/stages/inputs.js';
import { removeScenarios, Scenario } from '../fixtures/detect/repo.js';
import { runEntry } from '../helpers/entry.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { REFERENCE_SCHEMAS } from '../helpers/reference.js';

afterAll(removeScenarios);

const CHILD_TEMPLATE = `stages: [build]
"build {{service}}":
  stage: build
  script: ['echo "build $AEGIS_SERVICE into $AEGIS_IMAGE"']
`;

/** GITHUB_OUTPUT as @actions/core writes it: name<<delimiter … delimiter. */
function readGithubOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[index] as string);
    if (!match) continue;
    const value: string[] = [];
    while (lines[++index] !== match[2]) value.push(lines[index] as string);
    outputs[match[1] as string] = value.join('\n');
  }
  return outputs;
}

function scenarioWithChange() {
  const s = new Scenario();
  const before = s.sha();
  const head = s.commit({ 'libs/shared/lib.ts': '2', 'services/web/index.js': '2', '.aegis/child.yml': CHILD_TEMPLATE });
  s.push('main');
  const workspace = s.clone({ depth: 1 });
  return { s, before, head, workspace };
}

describe('detect through the GitHub Actions contract', () => {
  test('push event: outputs, changed-files file and step summary', async () => {
    const { before, head, workspace } = scenarioWithChange();
    const outputFile = join(workspace, '..', 'github-output');
    const summaryFile = join(workspace, '..', 'step-summary');
    const eventFile = join(workspace, '..', 'event.json');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    writeFileSync(eventFile, JSON.stringify({ before, after: head, forced: false, repository: { default_branch: 'main' } }));
    const runnerTemp = tempDir('aegis-runner-temp-');
    const result = await runEntry('detect', {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: head,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
      'INPUT_IMAGE-PREFIX': 'registry.example.com/aegis',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const outputs = readGithubOutputs(outputFile);
    expect(JSON.parse(outputs.matrix as string)).toEqual({
      include: [
        {
          service: 'worker',
          path: 'services/worker',
          context: 'services/worker',
          dockerfile: 'services/worker/Dockerfile',
          image: 'registry.example.com/aegis/worker',
        },
        {
          service: 'web',
          path: 'services/web',
          context: 'services/web',
          dockerfile: 'services/web/Dockerfile',
          image: 'registry.example.com/aegis/web',
        },
      ],
    });
    expect(outputs).toMatchObject({
      services: '["worker","web"]',
      'has-changes': 'true',
      base: before,
      head,
      'base-reason': `push to main: previous tip ${before.slice(0, 12)}`,
      'child-pipeline': '',
      // paths-filter's per-filter booleans: one per service, libraries included
      api: 'false',
      worker: 'true',
      web: 'true',
      shared: 'true',
    });
    // The file is the runner's, not the checkout's: under RUNNER_TEMP (the helper checked git status).
    expect(outputs['changed-files']).toMatch(new RegExp(`^${runnerTemp}/aegis-detect-[^/]+/changed-files\\.txt$`));
    expect(outputs['matrix-file']).toMatch(new RegExp(`^${runnerTemp}/aegis-detect-[^/]+/matrix\\.json$`));
    expect(outputs['services-file']).toMatch(new RegExp(`^${runnerTemp}/aegis-detect-[^/]+/services\\.json$`));
    expect(readFileSync(outputs['changed-files'] as string, 'utf8')).toBe('.aegis/child.yml\nlibs/shared/lib.ts\nservices/web/index.js\n');
    expect(JSON.parse(readFileSync(outputs['matrix-file'] as string, 'utf8'))).toEqual(JSON.parse(outputs.matrix as string));
    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary).toContain('| `worker` | service | depends on shared (changed) |');
    expect(summary).toContain('| `web` | service | 1 file: `services/web/index.js` |');
    expect(summary).toContain('| `shared` | library | 1 file: `libs/shared/lib.ts` |');
  });

  test("a paths-filter step moved over by its uses: line: inline filters, per-filter booleans and 'changes'", async () => {
    const { before, head, workspace } = scenarioWithChange();
    const outputFile = join(workspace, '..', 'github-output-filters');
    const eventFile = join(workspace, '..', 'event-filters.json');
    writeFileSync(outputFile, '');
    writeFileSync(eventFile, JSON.stringify({ before, after: head, forced: false, repository: { default_branch: 'main' } }));
    // paths-filter's syntax as its users write it: an anchor, a status rule
    const filters =
      "shared: &shared\n  - 'libs/**'\nweb:\n  - *shared\n  - 'services/web/**'\napi:\n  - 'services/api/**'\ndocs:\n  - added|modified: '**/*.md'\n";
    const result = await runEntry('detect', {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: head,
      GITHUB_WORKSPACE: workspace,
      INPUT_FILTERS: filters,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const outputs = readGithubOutputs(outputFile);
    expect(outputs).toMatchObject({ shared: 'true', web: 'true', api: 'false', docs: 'false', changes: '["shared","web"]' });
    expect(outputs).toMatchObject({ shared_count: '1', web_count: '2', api_count: '0', docs_count: '0' });
    expect(outputs.base).toBe(before);
    expect(outputs.head).toBe(head);
  });

  test('bad input fails the step with a message naming it, before anything is written', async () => {
    const { head, workspace } = scenarioWithChange();
    const outputFile = join(workspace, '..', 'github-output-bad');
    writeFileSync(outputFile, '');
    const result = await runEntry('detect', {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: outputFile,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_SHA: head,
      GITHUB_WORKSPACE: workspace,
      INPUT_BASE: 'deadbeef'.repeat(5),
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`::error::Input 'base' has an invalid value "${'deadbeef'.repeat(5)}"`);
    expect(readFileSync(outputFile, 'utf8')).toBe('');
    expect(existsSync(join(workspace, '.aegis-out'))).toBe(false);
  });
});

describe('detect through the GitLab CI contract', () => {
  const schema = JSON.parse(readFileSync(join(REFERENCE_SCHEMAS, 'gitlab-ci.json'), 'utf8'));
  const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);

  test('merge request pipeline: dotenv outputs and a child pipeline valid against the GitLab CI schema', async () => {
    const { before, head, workspace } = scenarioWithChange();
    const result = await runEntry('detect', {
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: workspace,
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_IID: '12',
      CI_COMMIT_SHA: head,
      CI_MERGE_REQUEST_DIFF_BASE_SHA: before,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
      CI_DEFAULT_BRANCH: 'main',
      INPUT_CHILD_PIPELINE_TEMPLATE: '.aegis/child.yml',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const dotenv = readFileSync(join(workspace, '.aegis-out/aegis-detect.env'), 'utf8');
    // the lists that grow with the number of services are files, never dotenv values
    expect(dotenv).not.toContain('AEGIS_SERVICES=');
    expect(dotenv).not.toContain('AEGIS_MATRIX=');
    expect(dotenv).not.toMatch(/^AEGIS_WEB=/m);
    const servicesFile = /^AEGIS_SERVICES_FILE=(.+)$/m.exec(dotenv)?.[1] as string;
    expect(servicesFile).toBe('.aegis-out/detect/services.json');
    expect(JSON.parse(readFileSync(join(workspace, servicesFile), 'utf8'))).toEqual(['worker', 'web']);
    expect(dotenv).toContain('AEGIS_HAS_CHANGES=true\n');
    expect(dotenv).toContain('AEGIS_CHILD_PIPELINE=.aegis-out/detect/child-pipeline.yml\n');
    expect(dotenv).toContain('AEGIS_CHANGED_FILES=.aegis-out/detect/changed-files.txt\n');
    const child = parse(readFileSync(join(workspace, '.aegis-out/detect/child-pipeline.yml'), 'utf8'));
    expect(Object.keys(child)).toEqual(['stages', 'build worker', 'build web']);
    expect(validate(child), JSON.stringify(validate.errors)).toBe(true);
    expect(readFileSync(join(workspace, '.aegis-out/summary/detect.md'), 'utf8')).toContain('merge request !12 into main');
  });

  test('an output prefix that would push the dotenv report past 5,120 bytes is warned about', async () => {
    const { before, head, workspace } = scenarioWithChange();
    const result = await runEntry('detect', {
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: workspace,
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: before,
      CI_COMMIT_BRANCH: 'main',
      CI_DEFAULT_BRANCH: 'main',
      AEGIS_OUTPUT_PREFIX: `${'P'.repeat(1000)}_`,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toContain("passes GitLab's 5120-byte limit at output");
  });

  test('nothing changed: the child pipeline is a single no-op job', async () => {
    const s = new Scenario();
    const before = s.sha();
    const head = s.commit({ 'README.md': 'docs only', '.aegis/child.yml': CHILD_TEMPLATE });
    s.push('main');
    const workspace = s.clone();
    const result = await runEntry('detect', {
      GITLAB_CI: 'true',
      CI_PROJECT_DIR: workspace,
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_SHA: head,
      CI_COMMIT_BEFORE_SHA: before,
      CI_COMMIT_BRANCH: 'main',
      CI_DEFAULT_BRANCH: 'main',
      INPUT_CHILD_PIPELINE_TEMPLATE: '.aegis/child.yml',
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(join(workspace, '.aegis-out/aegis-detect.env'), 'utf8')).toContain('AEGIS_HAS_CHANGES=false\n');
    const child = parse(readFileSync(join(workspace, '.aegis-out/detect/child-pipeline.yml'), 'utf8'));
    expect(Object.keys(child)).toEqual(['aegis-no-changes']);
    expect(validate(child), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('detect as a stage module: parse → plan → execute → report', () => {
  test('the plan names every file before git is asked; execute writes them; report sets the outputs and the summary', async () => {
    const { before, workspace } = scenarioWithChange();
    const output = tempDir('aegis-detect-out-');
    const platform = new RecordingPlatform(
      workspace,
      { base: before, 'child-pipeline-template': '.aegis/child.yml' },
      { outputDir: output, throwOnFail: true },
    );
    const options = await detectStage.parse(new InputReader(platform, detectStage.definition.inputs), platform);
    const plan = detectStage.plan(options);
    expect(plan.files).toEqual(
      ['changed-files.txt', 'child-pipeline.yml', 'matrix.json', 'services.json'].map((file) => join(output, file)),
    );
    for (const file of plan.files) expect(existsSync(file), file).toBe(false);
    expect(platform.outputs).toEqual({});

    const run = await detectStage.execute(plan, platform);
    for (const file of plan.files) expect(existsSync(file), file).toBe(true);
    expect(run.detection.selection.services).toEqual(['worker', 'web']);
    expect(platform.outputs).toEqual({});

    await detectStage.report(run, platform);
    expect(platform.outputs).toMatchObject({
      services: '["worker","web"]',
      'has-changes': 'true',
      base: before,
      worker: 'true',
      api: 'false',
    });
    expect(platform.summaries).toHaveLength(1);
  });
});

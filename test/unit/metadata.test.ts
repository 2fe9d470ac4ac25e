import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { actionYaml, componentYaml } from '../../scripts/metadata.js';
import { stages } from '../../src/stages/index.js';
import { ROOT } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schemas.js';

const names = Object.keys(stages);

describe.each(names)('%s metadata', (name) => {
  test('action.yml is generated from the definition and valid for GitHub', async () => {
    const stage = await (stages[name] as () => Promise<import('../../src/stages/definition.js').StageDefinition>)();
    const committed = readFileSync(join(ROOT, 'actions', name, 'action.yml'), 'utf8');
    expect(committed).toBe(actionYaml(stage));
    expect(schemaErrors('github-action.json', parse(committed))).toEqual([]);
    expect(parse(committed).runs).toEqual({ using: 'node24', main: `../../dist/${name}/index.js` });
  });

  test('the GitLab component template is generated from the definition and valid for GitLab', async () => {
    const stage = await (stages[name] as () => Promise<import('../../src/stages/definition.js').StageDefinition>)();
    const committed = readFileSync(join(ROOT, 'gitlab-components', 'templates', `${name}.yml`), 'utf8');
    expect(committed).toBe(componentYaml(stage));
    const documents = parseAllDocuments(committed).map((document) => document.toJS());
    expect(documents).toHaveLength(2);
    for (const document of documents) expect(schemaErrors('gitlab-ci.json', document)).toEqual([]);
    // Every input reaches the job as INPUT_<NAME>, the variable the stage reads.
    const job = Object.values(documents[1] as Record<string, { variables: Record<string, string> }>)[0];
    for (const input of Object.keys(stage.inputs)) {
      expect(job?.variables[`INPUT_${input.toUpperCase().replace(/-/g, '_')}`]).toBe(`$[[ inputs.${input} ]]`);
    }
  });
});

test('the schema check rejects an invalid action', () => {
  expect(schemaErrors('github-action.json', { name: 'x', runs: { using: 'node8', main: 'a.js' } })).not.toEqual([]);
});

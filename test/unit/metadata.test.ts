import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { actionYaml, componentYaml, entryModule, generateReadme } from '../../scripts/metadata.js';
import { stages } from '../../src/stages/index.js';
import { ROOT } from '../helpers/cli.js';
import { schemaErrors } from '../helpers/schemas.js';

const names = Object.keys(stages);

describe.each(names)('%s metadata', (name) => {
  test('src/entry/<stage>.ts is generated from the registry', () => {
    expect(readFileSync(join(ROOT, 'src', 'entry', `${name}.ts`), 'utf8')).toBe(entryModule(name));
  });

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
    expect(schemaErrors('gitlab-ci.json', documents[0])).toEqual([]);
    // GitLab validates jobs after interpolating inputs into the parsed YAML's strings: fill each
    // input with its default (or a sample), as values, not as YAML text.
    const inputs = (documents[0] as { spec: { inputs: Record<string, { default?: unknown; type?: string }> } }).spec.inputs;
    const interpolated = JSON.parse(
      JSON.stringify(documents[1])
        // An array input is a whole value (GitLab's `cache: $[[ inputs.dependency-cache ]]`).
        .replace(/"\$\[\[ inputs\.([\w-]+) \]\]"/g, (whole, name: string) =>
          inputs[name]?.type === 'array' ? JSON.stringify(inputs[name]?.default) : whole,
        )
        .replace(/\$\[\[ inputs\.([\w-]+) \]\]/g, (_whole, name: string) =>
          JSON.stringify(inputs[name]?.default || `sample-${name}`).slice(1, -1),
        ),
    );
    expect(schemaErrors('gitlab-ci.json', interpolated)).toEqual([]);
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

describe('README stage tables', () => {
  test('are in sync with every definition, and drift is detected', async () => {
    const definitions = await Promise.all(Object.values(stages).map((load) => load()));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(generateReadme(readme, definitions)).toBe(readme);
    for (const stage of definitions) {
      for (const input of Object.keys(stage.inputs)) expect(readme).toContain(`| \`${input}\` |`);
    }
    // An input missing from the README (someone added it to a stage but not the docs) is drift.
    const [first] = definitions;
    const input = Object.keys(first?.inputs ?? {})[0] as string;
    const withoutRow = readme.replace(new RegExp(`\\| \`${input}\` \\|[^\\n]*\\n`), '');
    expect(withoutRow).not.toBe(readme);
    expect(generateReadme(withoutRow, definitions)).not.toBe(withoutRow);
  });
});

test('src/entry/ holds exactly the stages of the registry', () => {
  const entries = readdirSync(join(ROOT, 'src', 'entry')).map((file) => file.replace(/\.ts$/, ''));
  expect(entries.sort()).toEqual([...names].sort());
});

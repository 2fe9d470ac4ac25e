import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { StageDefinition } from '../../src/stages/definition.js';
import { stages } from '../../src/stages/index.js';
import { ROOT } from '../helpers/cli.js';

// examples/jenkins/Jenkinsfile cannot run here (no Jenkins): it is checked structurally
// against the stage definitions, the single source of every input name.

const JENKINSFILE = readFileSync(join(ROOT, 'examples/jenkins/Jenkinsfile'), 'utf8');
/** Flags the CLI itself takes besides the stage inputs (src/cli.ts). */
const CLI_FLAGS = new Set(['output-file', 'summary-file', 'output-dir', 'debug']);

interface AegisCall {
  stage: string;
  flags: string[];
  line: number;
}

/** Every `aegis <stage> --flag …` command in the file, shell line continuations joined; comments skipped. */
function aegisCalls(text: string): AegisCall[] {
  const calls: AegisCall[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let command = lines[index] as string;
    while (command.trimEnd().endsWith('\\') && index + 1 < lines.length) command = `${command.trimEnd().slice(0, -1)} ${lines[++index]}`;
    if (command.trim().startsWith('//')) continue;
    const match = /(?:^|[\s'"(])aegis\s+([a-z][a-z-]*)(.*)$/.exec(command);
    if (!match) continue;
    calls.push({
      stage: match[1] as string,
      flags: [...(match[2] as string).matchAll(/(?:^|\s)--([a-z][a-z0-9-]*)/g)].map((m) => m[1] as string),
      line: start + 1,
    });
  }
  return calls;
}

/** Problems with the calls: unknown stages, inputs a stage does not define, secrets passed as flags. */
function callProblems(calls: readonly AegisCall[], definitions: Record<string, StageDefinition>): string[] {
  const problems: string[] = [];
  for (const { stage, flags, line } of calls) {
    const definition = definitions[stage];
    if (!definition) {
      problems.push(`line ${line}: unknown stage '${stage}'`);
      continue;
    }
    for (const flag of flags) {
      if (CLI_FLAGS.has(flag)) continue;
      const input = definition.inputs[flag];
      if (!input) problems.push(`line ${line}: aegis ${stage} has no input '${flag}'`);
      else if (input.secret) problems.push(`line ${line}: secret input '${flag}' of ${stage} passed as a flag`);
    }
  }
  return problems;
}

/** INPUT_* variables bound by withCredentials (variable, usernameVariable, passwordVariable). */
function credentialVariables(text: string): string[] {
  return [...text.matchAll(/(?:variable|usernameVariable|passwordVariable):\s*'([A-Z0-9_]+)'/g)].map((m) => m[1] as string);
}

const envName = (input: string) => `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;

let definitions: Record<string, StageDefinition> = {};
beforeAll(async () => {
  definitions = Object.fromEntries(await Promise.all(Object.entries(stages).map(async ([name, load]) => [name, await load()] as const)));
});

describe('examples/jenkins/Jenkinsfile', () => {
  test('runs every stage through the aegis CLI', () => {
    expect(new Set(aegisCalls(JENKINSFILE).map((call) => call.stage))).toEqual(new Set(Object.keys(stages)));
  });

  test('every aegis call uses only inputs its stage defines, and no secret as a flag', () => {
    const calls = aegisCalls(JENKINSFILE);
    expect(calls.length).toBeGreaterThanOrEqual(Object.keys(stages).length);
    expect(callProblems(calls, definitions)).toEqual([]);
  });

  test('secrets arrive as INPUT_* from withCredentials, each one an input of a stage it runs', () => {
    const bound = credentialVariables(JENKINSFILE);
    expect(bound.length).toBeGreaterThan(0);
    const inputs = new Set(Object.values(definitions).flatMap((definition) => Object.keys(definition.inputs).map(envName)));
    for (const variable of bound) expect(inputs, variable).toContain(variable);
    const secrets = new Set(
      Object.values(definitions).flatMap((definition) =>
        Object.entries(definition.inputs)
          .filter(([, input]) => input.secret)
          .map(([name]) => envName(name)),
      ),
    );
    // Passwords and tokens are bound to secret inputs; only user names may be plain inputs.
    for (const variable of bound.filter((name) => !name.endsWith('_USERNAME'))) expect(secrets, variable).toContain(variable);
  });

  test('secrets are never interpolated by Groovy into a command', () => {
    expect(JENKINSFILE).not.toMatch(/"[^"\n]*\$\{?(env\.)?INPUT_[A-Z_]*(TOKEN|PASSWORD|KEY)/);
  });

  test('prod waits for an approval with the input directive before promoting to prod', () => {
    const production = JENKINSFILE.slice(JENKINSFILE.indexOf("stage('Production')"));
    expect(production).toMatch(/input\s*\{[^}]*message[^}]*submitter/);
    expect(production.indexOf('input {')).toBeLessThan(production.indexOf('--to prod'));
  });
});

describe('the Jenkinsfile checker itself', () => {
  test.each([
    ['aegis build --nope x', /aegis build has no input 'nope'/],
    ['aegis gitops-bump --token abc', /secret input 'token' of gitops-bump passed as a flag/],
    ['aegis release --forge-token abc --path x', /secret input 'forge-token'/],
    ["sh 'aegis deploy --x y'", /unknown stage 'deploy'/],
    ['aegis promote \\\n  --from dev \\\n  --registry-password hunter2', /secret input 'registry-password' of promote/],
  ])('flags %j', (snippet, problem) => {
    expect(callProblems(aegisCalls(snippet), definitions).join('\n')).toMatch(problem);
  });

  test('accepts the CLI flags and defined inputs, and ignores comments', () => {
    const snippet = '// aegis whatever --anything\naegis scan \\\n  --image "$IMAGE" \\\n  --output-file out.txt';
    const calls = aegisCalls(snippet);
    expect(calls).toEqual([{ stage: 'scan', flags: ['image', 'output-file'], line: 2 }]);
    expect(callProblems(calls, definitions)).toEqual([]);
  });
});

import { describe, expect, test } from 'vitest';
import { parseDuration } from '../../src/core/duration.js';
import type { StageMetadata } from '../../src/stages/definition.js';
import { stages } from '../../src/stages/index.js';

/**
 * The README's "Inputs and outputs" convention, checked on every stage definition of the
 * registry: what each rule says is in the README; here it is mechanical.
 */
const WHERE = 'relative to the workspace when inside it';
/** Field names that do not say what they hold (promote's old `to`/`next`): allowed only as deprecated names. */
const VAGUE_FIELDS = new Set(['to', 'next', 'previous', 'new', 'old', 'value', 'data']);
const SECRET_NAME = /(^|-)(token|password|ssh-key|secrets|webhook)$/;
const DURATION_NAME = /(^|-)(timeout|interval|delay|soak|since|within)$/;

/** The field names listed in `{…}` in a JSON output's description (before any "Deprecated:"). */
function jsonFields(description: string): string[] {
  const listed = description.split('Deprecated:')[0] as string;
  return [...listed.matchAll(/\{([^{}]*)/g)].flatMap((match) =>
    (match[1] as string).split(/[\s,:[\]"]+/).filter((word) => /^[a-z][\w-]*$/.test(word) && word !== 'or'),
  );
}

function conventionViolations(stage: Pick<StageMetadata, 'name' | 'inputs' | 'outputs'>): string[] {
  const violations: string[] = [];
  const fail = (subject: string, rule: string) => violations.push(`${stage.name} ${subject}: ${rule}`);
  for (const [name, output] of Object.entries(stage.outputs)) {
    const { kind, description } = output;
    const subject = `output ${name}`;
    if (/\b(comma|space)[- ]separated\b/i.test(description)) fail(subject, 'a list is one item per line (or JSON), never comma-separated');
    if (name.endsWith('-file') && kind !== 'path') fail(subject, 'an output named *-file is a path');
    if ((kind === 'path') !== description.startsWith('Path of'))
      fail(subject, "a path output's description starts with 'Path of', and only a path output's");
    if (kind === 'path' && !description.includes(WHERE)) fail(subject, `a path output says where it is (${WHERE})`);
    if (kind === 'boolean' && !description.startsWith("'true'")) fail(subject, "a boolean output says when it is 'true'");
    if (kind !== 'boolean' && /^'(true|false)'/.test(description)) fail(subject, "an output described by 'true' is a boolean");
    if (kind === 'json' && !description.startsWith('JSON')) fail(subject, "a JSON output's description starts with 'JSON'");
    if (kind === 'list' && !description.includes('one per line')) fail(subject, 'a list output says it is one per line');
    if (kind === 'number' && !description.startsWith('Number of')) fail(subject, "a number output's description starts with 'Number of'");
    if (kind === 'json') {
      const fields = jsonFields(description);
      for (const field of fields.filter((candidate) => VAGUE_FIELDS.has(candidate))) {
        fail(subject, `JSON field '${field}' does not say what it holds (current/written, as promote's plan)`);
      }
      const deprecated = description.split('Deprecated:')[1];
      for (const match of deprecated?.matchAll(/(\w+) \(= (\w+)\)/g) ?? []) {
        if (!fields.includes(match[2] as string))
          fail(subject, `deprecated field '${match[1]}' names '${match[2]}', which the output does not list`);
      }
    }
  }
  for (const [name, input] of Object.entries(stage.inputs)) {
    if (SECRET_NAME.test(name) && !input.secret) fail(`input ${name}`, 'a token, password, key or webhook is a secret (masked, env only)');
    if (DURATION_NAME.test(name) && input.default !== undefined && parseDuration(input.default, { days: true }) === undefined) {
      fail(
        `input ${name}`,
        `a duration default is written as src/core/duration.ts reads it (500ms, 10s, 5m, 1h, 30d), not '${input.default}'`,
      );
    }
  }
  return violations;
}

const names = Object.keys(stages);

describe('every stage keeps the inputs and outputs convention (README, Inputs and outputs)', () => {
  test.each(names)('%s', async (name) => {
    const stage = await (stages[name] as () => Promise<StageMetadata>)();
    expect(Object.keys(stage.outputs).length).toBeGreaterThan(0);
    expect(conventionViolations(stage)).toEqual([]);
  });

  test('path outputs are named so later steps find them: *-file, or a name kept from before the convention', async () => {
    const paths = await Promise.all(
      names.map(async (name) => {
        const stage = await (stages[name] as () => Promise<StageMetadata>)();
        return Object.entries(stage.outputs)
          .filter(([, output]) => output.kind === 'path')
          .map(([output]) => `${name}.${output}`);
      }),
    );
    expect(paths.flat().filter((name) => !name.endsWith('-file'))).toEqual([
      'detect.changed-files',
      'detect.child-pipeline',
      'scan.gitlab-report',
      'scan.gitlab-secret-detection-report',
      'scan.gitlab-sast-report',
      'health-gate.measurements',
    ]);
  });
});

// Each row is a definition that breaks one rule: the check must name it.
const good = { kind: 'text', description: 'The pushed commit.' } as const;
const bad: Array<[string, StageMetadata['outputs'], StageMetadata['inputs'], string]> = [
  ['a comma-separated list', { tags: { kind: 'list', description: 'Tags, comma-separated, one per line.' } }, {}, 'never comma-separated'],
  ['a list without "one per line"', { tags: { kind: 'list', description: 'The tags.' } }, {}, 'one per line'],
  ['a *-file output that is text', { 'report-file': { kind: 'text', description: 'The report.' } }, {}, 'named *-file is a path'],
  ['a path that does not say where', { report: { kind: 'path', description: 'Path of the report.' } }, {}, 'says where it is'],
  ['a path not described as one', { report: { kind: 'path', description: `The report (${WHERE}).` } }, {}, "starts with 'Path of'"],
  ['a boolean without its values', { pushed: { kind: 'boolean', description: 'Whether it pushed.' } }, {}, "when it is 'true'"],
  ['a boolean declared as text', { pushed: { kind: 'text', description: "'true' when it pushed." } }, {}, 'is a boolean'],
  ['JSON not said to be JSON', { plan: { kind: 'json', description: 'Array of {image, current, written}.' } }, {}, "starts with 'JSON'"],
  ['the old field name to', { plan: { kind: 'json', description: 'JSON array of {image, from, to, written}.' } }, {}, "JSON field 'to'"],
  [
    'a deprecated name for a field the output lacks',
    { plan: { kind: 'json', description: 'JSON array of {image, written}. Deprecated: to (= current).' } },
    {},
    "deprecated field 'to' names 'current'",
  ],
  ['a count not said to be one', { attempts: { kind: 'number', description: 'Push attempts used.' } }, {}, "starts with 'Number of'"],
  ['a token that is not secret', { commit: good }, { 'forge-token': { description: 'Token.' } }, 'is a secret'],
  ['a duration in bare seconds', { commit: good }, { timeout: { description: 'Limit.', default: '600' } }, 'a duration default'],
];

describe('the check catches a definition that breaks the convention', () => {
  test.each(bad)('%s', (_, outputs, inputs, message) => {
    const violations = conventionViolations({ name: 'bad', inputs, outputs });
    expect(violations).toHaveLength(1);
    expect(violations[0]).toContain(message);
  });

  test('the good rows of those definitions pass', () => {
    expect(
      conventionViolations({
        name: 'good',
        inputs: { token: { description: 'Token.', secret: true }, timeout: { description: 'Limit.', default: '10m' } },
        outputs: {
          commit: good,
          plan: { kind: 'json', description: 'JSON array of {image, current, written}. Deprecated: to (= current), next (= written).' },
          pushed: { kind: 'boolean', description: "'true' when it pushed." },
          'report-file': { kind: 'path', description: `Path of the report (${WHERE}).` },
        },
      }),
    ).toEqual([]);
  });
});

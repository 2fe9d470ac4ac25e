/**
 * A typo'd or foreign input is never silently ignored: the CLI refuses the flag naming the
 * nearest valid one; on GitHub and GitLab (where the runner hands it over as INPUT_*) every
 * stage warns once for it, naming the nearest valid one.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cli } from '../../src/cli.js';
import { editDistance, nearest } from '../../src/core/suggest.js';
import { createPlatform } from '../../src/platform/index.js';
import { loadStageModule, STAGE_NAMES, type StageName } from '../../src/stages/index.js';
import { unknownInputs } from '../../src/stages/inputs.js';
import { runStage } from '../../src/stages/runner.js';

/** Per stage: a typo of one of its inputs, and the input it must suggest. */
const TYPOS: Record<StageName, [typo: string, meant: string]> = {
  detect: ['confg', 'config'],
  build: ['dockerfiel', 'dockerfile'],
  scan: ['fial-on', 'fail-on'],
  'gitops-bump': ['imagse', 'images'],
  promote: ['enviroments', 'environments'],
  'health-gate': ['intervall', 'interval'],
  release: ['tag-prefx', 'tag-prefix'],
  insight: ['pushgatway-url', 'pushgateway-url'],
};
const FOREIGN = 'zzzqqq';

const PLATFORMS = {
  github: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '/tmp', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' },
  gitlab: { GITLAB_CI: 'true', CI_PROJECT_DIR: '/tmp', CI_JOB_NAME: 'job', CI_SERVER_URL: 'https://gitlab.example.com' },
};
/** How each runner names an input variable: GitHub keeps `-`, a GitLab component writes `_`. */
const envName = {
  github: (name: string) => `INPUT_${name.toUpperCase()}`,
  gitlab: (name: string) => `INPUT_${name.toUpperCase().replace(/-/g, '_')}`,
};

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

test('every stage of the registry has a typo here', () => {
  expect(Object.keys(TYPOS).sort()).toEqual([...STAGE_NAMES].sort());
});

describe.each(STAGE_NAMES)('%s: unknown inputs', (stage) => {
  const [typo, meant] = TYPOS[stage];

  test('the definition has the input the typo means', async () => {
    expect(Object.keys((await loadStageModule(stage)).definition.inputs)).toContain(meant);
  });

  test(`the CLI refuses --${typo}, suggesting --${meant}, before running anything`, async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    await cli([stage, `--${typo}`, 'value']);
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toContain(`unknown input --${typo} for ${stage}; did you mean --${meant}?`);
  });

  test('the CLI refuses a foreign flag, pointing at --help', async () => {
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    await cli([stage, `--${FOREIGN}`]);
    expect(process.exitCode).toBe(2);
    expect(errors.join('\n')).toContain(
      `unknown input --${FOREIGN} for ${stage}; it has no input of that name (see aegis ${stage} --help)`,
    );
  });

  test.each(['github', 'gitlab'] as const)('on %s it warns once per unknown INPUT_*, and not for declared ones', async (platformName) => {
    const module = await loadStageModule(stage);
    const env: Record<string, string> = {
      ...PLATFORMS[platformName],
      [envName[platformName](typo)]: 'x',
      [envName[platformName](FOREIGN)]: '',
      [envName[platformName](meant)]: 'declared',
      [envName.gitlab(meant)]: 'declared, written as GitLab does',
    };
    const platform = createPlatform(stage, env);
    const warnings: string[] = [];
    platform.log.warning = (message: string) => void warnings.push(message);
    let ran = false;
    const run = async () => {
      ran = true;
    };
    await runStage({ ...module.definition, run }, platform);
    expect(ran).toBe(true);
    expect(warnings).toEqual([
      `unknown input '${typo}' for ${stage}; did you mean '${meant}'?`,
      `unknown input '${FOREIGN}' for ${stage}; it has no input of that name (see aegis ${stage} --help)`,
    ]);
  });
});

test('the CLI suggests the stage a typo meant', async () => {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
  await cli(['biuld']);
  expect(process.exitCode).toBe(2);
  expect(errors.join('\n')).toContain('Unknown stage "biuld"; did you mean build?');
});

describe('nearest names', () => {
  test.each([
    ['fiel', 'file', 1],
    ['file', 'fiel', 1],
    ['dockerfile', 'dockerfiel', 1],
    ['tags', 'tag', 1],
    ['abc', 'xyz', 3],
  ])('editDistance(%s, %s) = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  test('suggests within a third of the name, ignoring case and _ for -', () => {
    expect(nearest('fiel', ['context', 'file', 'tags'])).toBe('file');
    expect(nearest('SKIP_EXISTNG', ['skip-existing', 'push'])).toBe('skip-existing');
    expect(nearest('zzzqqq', ['file', 'tags'])).toBeUndefined();
  });

  test('declared inputs in any spelling are known; each unknown one is reported once', () => {
    expect(unknownInputs(['skip_existing', 'SKIP-EXISTING', 'fiel', 'FIEL'], ['skip-existing', 'file'])).toEqual([
      { name: 'fiel', suggestion: 'file' },
    ]);
  });
});

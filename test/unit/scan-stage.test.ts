/**
 * The scan stage's steps on their own: plan(options) as a table (which gate rules apply and
 * where they come from), and report(result): everything written before the stage's failure
 * is thrown, `error` (never `failed`) when nothing was decided.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AegisError, InputError } from '../../src/core/errors.js';
import { TrivyError } from '../../src/core/scan/trivy.js';
import { InputReader } from '../../src/stages/inputs.js';
import { runStageModule } from '../../src/stages/module.js';
import * as scanStage from '../../src/stages/scan.js';
import { definition, execute, parse, plan, report, type ScanResult } from '../../src/stages/scan.js';
import { tempDir } from '../helpers/git.js';
import { RecordingPlatform } from '../helpers/recording-platform.js';
import { TRIVY_GOLDENS } from '../helpers/reference.js';

const NOW = new Date('2025-06-15T12:00:00Z');
const POLICY = 'environments:\n  dev: {fail-on: none}\n  prod: {fail-on: MEDIUM, max: {LOW: 3}}\n';
const POLICY_WITH_DEFAULT = `${POLICY}default: {fail-on: CRITICAL}\n`;

const workspace = tempDir('aegis-scan-stage-');
writeFileSync(join(workspace, 'report.json'), readFileSync(join(TRIVY_GOLDENS, 'alpine-310.json.golden'), 'utf8'));
writeFileSync(join(workspace, 'policy.yaml'), POLICY);
writeFileSync(join(workspace, 'policy-default.yaml'), POLICY_WITH_DEFAULT);

function platformWith(inputs: Record<string, string>, outputDir = tempDir('aegis-scan-stage-out-')): RecordingPlatform {
  return new RecordingPlatform(workspace, { report: 'report.json', ...inputs }, { event: { head: 'a'.repeat(40) }, outputDir });
}

function optionsOf(platform: RecordingPlatform) {
  return parse(new InputReader(platform, definition.inputs), platform);
}

describe('plan: the gate rules and their source', () => {
  test.each([
    ['inputs only', { 'fail-on': 'CRITICAL' }, { failOn: 'CRITICAL', warnOn: 'MEDIUM', ignoreUnfixed: false }, 'inputs'],
    [
      'a policy environment',
      { policy: 'policy.yaml', environment: 'prod' },
      { failOn: 'MEDIUM', max: { LOW: 3 } },
      "policy environment 'prod'",
    ],
    [
      'an environment that sets only fail-on keeps the inputs',
      { policy: 'policy.yaml', environment: 'dev', 'warn-on': 'LOW' },
      { failOn: 'none', warnOn: 'LOW' },
      "policy environment 'dev'",
    ],
    [
      'the policy default for an environment it does not list',
      { policy: 'policy-default.yaml', environment: 'qa' },
      { failOn: 'CRITICAL' },
      'policy default',
    ],
  ])('%s', (_description, inputs, rules, rulesSource) => {
    const platform = platformWith(inputs);
    const options = optionsOf(platform);
    expect(plan(options)).toMatchObject({ options, rules, rulesSource });
  });

  test('an environment the policy does not list, without a default, names the input; the stage says result: error', async () => {
    const platform = platformWith({ policy: 'policy.yaml', environment: 'qa' });
    expect(() => plan(optionsOf(platform))).toThrow(InputError);
    const error = await runStageModule(scanStage, platform).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).input).toBe('environment');
    expect(platform.outputs).toEqual({ result: 'error' });
  });

  test('an input error from parse: the stage says result: error too', async () => {
    const platform = platformWith({ 'fail-on': 'SEVERE' });
    expect(() => optionsOf(platform)).toThrow(/Input 'fail-on'/);
    expect(platform.outputs).toEqual({});
    await expect(runStageModule(scanStage, platform)).rejects.toThrow(/Input 'fail-on'/);
    expect(platform.outputs).toEqual({ result: 'error' });
  });
});

describe('report', () => {
  test('a failed gate: every output, the files and the summary are written, then the gate failure is thrown', async () => {
    const outputDir = tempDir('aegis-scan-stage-out-');
    const platform = platformWith({ 'fail-on': 'MEDIUM', sbom: 'none', formats: 'sarif,markdown' }, outputDir);
    const options = optionsOf(platform);
    const result = await execute(plan(options), platform, { now: () => NOW });
    // execute decides and writes the renderings, but sets no output and throws nothing.
    expect(result.gate?.result).toBe('failed');
    expect(result.failure).toBeUndefined();
    expect(platform.outputs).toEqual({});

    const thrown = await report(result, platform).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(AegisError);
    expect((thrown as Error).message).toMatch(
      /^Scan gate failed for .*: 4 MEDIUM \(limit 0\); 4 blocking finding\(s\)\. Rules from inputs\./,
    );
    expect(platform.outputs).toMatchObject({
      result: 'failed',
      medium: '4',
      blocking: '4',
      total: '4',
      vulnerabilities: '4',
      'sarif-file': join(outputDir, 'trivy-results.sarif'),
      'summary-file': join(outputDir, 'scan-summary.md'),
      'sbom-file': '',
      'sbom-partial': 'false',
    });
    expect(existsSync(join(outputDir, 'trivy-results.sarif'))).toBe(true);
    expect(platform.summaries).toEqual([result.markdown]);
  });

  test('Trivy failing: result error and a summary saying no verdict, then the error', async () => {
    const platform = platformWith({});
    const options = optionsOf(platform);
    const failure = new TrivyError('Trivy exited with code 1: FATAL');
    const result: ScanResult = { plan: plan(options), files: {}, failure: { during: 'scan', error: failure } };
    await expect(report(result, platform)).rejects.toBe(failure);
    expect(platform.outputs).toEqual({ result: 'error' });
    expect(platform.summaries[0]).toContain('No verdict: Trivy failed');
  });

  test('renderings that cannot be written: result error and the write error, after the warnings', async () => {
    const blocked = join(tempDir('aegis-scan-stage-out-'), 'not-a-directory');
    writeFileSync(blocked, 'a file where the output directory should be\n');
    const platform = platformWith({}, join(blocked, 'scan'));
    const options = optionsOf(platform);
    const result = await execute(plan(options), platform, { now: () => NOW });
    expect(result.failure?.during).toBe('write');
    expect(result.gate).toBeDefined();
    await expect(report(result, platform)).rejects.toBe(result.failure?.error);
    expect(platform.outputs).toEqual({ result: 'error' });
    expect(readFileSync(blocked, 'utf8')).toBe('a file where the output directory should be\n');
  });

  test('an SBOM asked for that cannot be complete: result error, nothing written, the input named', async () => {
    const outputDir = join(tempDir('aegis-scan-stage-out-'), 'scan');
    const platform = platformWith({ sbom: 'spdx' }, outputDir);
    const options = optionsOf(platform);
    const result = await execute(plan(options), platform, { now: () => NOW });
    expect(result.failure?.during).toBe('sbom');
    const error = await report(result, platform).catch((caught: unknown) => caught);
    expect((error as InputError).input).toBe('sbom');
    expect(platform.outputs).toEqual({ result: 'error' });
    expect(existsSync(outputDir)).toBe(false);
  });
});

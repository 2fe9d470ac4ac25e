import type { Platform } from '../platform/types.js';
import type { StageMetadata } from './definition.js';
import { InputReader } from './inputs.js';

/**
 * The shape of every module in src/stages/<stage>.ts, as the registry (src/stages/index.ts)
 * loads it. Each step has one job, so a dry run, a test or another front end can stop after
 * any of them:
 * - `parse`: the declared inputs → typed options; throws an InputError naming the input.
 * - `plan`: options → what will be done, with no side effects beyond reading.
 * - `execute`: does it and returns what happened; a failure the stage must still report
 *   (a failed gate, a refused promotion) is a result, not an exception.
 * - `report`: outputs, summary and annotations from the result; throws the stage's failure
 *   last, after everything a user needs to see is written.
 */
export interface StageModule<Options = unknown, Plan = unknown, Result = unknown> {
  definition: StageMetadata;
  parse(reader: InputReader, platform: Platform): Options | Promise<Options>;
  plan(options: Options, platform: Platform): Plan | Promise<Plan>;
  execute(plan: Plan, platform: Platform): Result | Promise<Result>;
  report(result: Result, platform: Platform): void | Promise<void>;
  /**
   * What the stage still says when a step throws before there is a result to report (bad
   * inputs, a plan that cannot be made), e.g. scan's `result: error`; the error is rethrown.
   */
  failed?(error: unknown, platform: Platform): void;
}

/** The one way every stage runs: parse → plan → execute → report, on the platform. */
export async function runStageModule<Options, Plan, Result>(
  stage: StageModule<Options, Plan, Result>,
  platform: Platform,
): Promise<Result> {
  let result: Result;
  try {
    const options = await stage.parse(new InputReader(platform, stage.definition.inputs), platform);
    const plan = await stage.plan(options, platform);
    result = await stage.execute(plan, platform);
  } catch (error) {
    stage.failed?.(error, platform);
    throw error;
  }
  await stage.report(result, platform);
  return result;
}

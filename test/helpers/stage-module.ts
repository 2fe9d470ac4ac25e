import type { Platform } from '../../src/platform/types.js';
import { runStageModule, type StageModule } from '../../src/stages/module.js';

/** A stage module whose execute takes a test seam (a fake runner, a clock) as its last parameter. */
type WithSeam<Options, Plan, Result, Seam> = Omit<StageModule<Options, Plan, Result>, 'execute'> & {
  execute(plan: Plan, platform: Platform, seam?: Seam): Result | Promise<Result>;
};

/** The stage's whole run (parse → plan → execute → report), with `seam` handed to execute. */
export function runStageWith<Options, Plan, Result, Seam>(
  stage: WithSeam<Options, Plan, Result, Seam>,
  platform: Platform,
  seam?: Seam,
): Promise<Result> {
  return runStageModule({ ...stage, execute: (plan, on) => stage.execute(plan, on, seam) }, platform);
}

import { AegisError } from '../core/errors.js';
import { createPlatform } from '../platform/index.js';
import type { Platform } from '../platform/types.js';
import type { StageDefinition } from './definition.js';

/** The one place failures become a failed job: typed errors carry their own message, others their stack. */
export async function runStage(stage: StageDefinition, platform: Platform): Promise<void> {
  try {
    await stage.run(platform);
  } catch (error) {
    if (error instanceof AegisError) {
      platform.fail(error.message);
    } else {
      platform.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
  }
}

/** Entry point of a bundled action: choose the platform from the environment and run. */
export function main(stage: StageDefinition): Promise<void> {
  return runStage(stage, createPlatform(stage.name));
}

import type { Platform } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { runStageModule, type StageModule } from './module.js';
import { withNotifications } from './notify.js';

/**
 * The stage registry: the one list every other list is derived from — the CLI, the metadata
 * (action.yml, GitLab templates, README), src/entry/ and the dist/ shims. In pipeline
 * order; each module is loaded on demand so `aegis <stage>` pays only for the stage it runs.
 */
export const STAGE_MODULES = {
  detect: () => import('./detect.js'),
  build: () => import('./build.js'),
  scan: () => import('./scan.js'),
  'gitops-bump': () => import('./gitops-bump.js'),
  promote: () => import('./promote.js'),
  'health-gate': () => import('./health-gate.js'),
  release: () => import('./release.js'),
  insight: () => import('./insight.js'),
} satisfies Record<string, () => Promise<StageModule>>;

export type StageName = keyof typeof STAGE_MODULES;

export const STAGE_NAMES = Object.keys(STAGE_MODULES) as StageName[];

/** The stage module of `name` (definition, parse, plan, execute, report). */
export async function loadStageModule(name: StageName): Promise<StageModule> {
  return STAGE_MODULES[name]();
}

/** The stage's whole run on a platform, composed from its steps. */
function runOf(stage: StageModule): (platform: Platform) => Promise<void> {
  return async (platform) => void (await runStageModule(stage, platform));
}

/** Every stage as a definition with its run, by name, with the inputs all stages share (notifications) added once. */
export const stages = Object.fromEntries(
  STAGE_NAMES.map((name) => [
    name,
    async (): Promise<StageDefinition> => {
      const stage = await loadStageModule(name);
      return withNotifications({ ...stage.definition, run: runOf(stage) });
    },
  ]),
) as Record<string, () => Promise<StageDefinition>>;

/** One stage as the CLI and the entries run it, by name. */
export function loadStage(name: StageName): Promise<StageDefinition> {
  return (stages[name] as () => Promise<StageDefinition>)();
}

import type { StageDefinition, StageModule } from './definition.js';
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

/** The stage module of `name` (definition, parse, run). */
export async function loadStageModule(name: StageName): Promise<StageModule> {
  return STAGE_MODULES[name]();
}

/** Every stage as a definition with its run, by name, with the inputs all stages share (notifications) added once. */
export const stages: Record<string, () => Promise<StageDefinition>> = Object.fromEntries(
  STAGE_NAMES.map((name) => [
    name,
    async (): Promise<StageDefinition> => {
      const stage = await loadStageModule(name);
      return withNotifications({ ...stage.definition, run: stage.run });
    },
  ]),
);

import type { StageDefinition } from './definition.js';

/** Every stage, loaded on demand so `aegis <stage>` pays only for the stage it runs. */
export const stages: Record<string, () => Promise<StageDefinition>> = {
  'gitops-bump': async () => (await import('./gitops-bump.js')).gitopsBump,
};

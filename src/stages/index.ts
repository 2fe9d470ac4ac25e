import type { StageDefinition } from './definition.js';
import { withNotifications } from './notify.js';

/** Every stage, loaded on demand so `aegis <stage>` pays only for the stage it runs. */
const definitions: Record<string, () => Promise<StageDefinition>> = {
  'gitops-bump': async () => (await import('./gitops-bump.js')).gitopsBump,
  build: async () => (await import('./build.js')).build,
  release: async () => (await import('./release.js')).release,
  detect: async () => (await import('./detect.js')).detectStage,
  scan: async () => (await import('./scan.js')).scan,
  promote: async () => (await import('./promote.js')).promote,
  'health-gate': async () => (await import('./health-gate.js')).healthGate,
  insight: async () => (await import('./insight.js')).insight,
};

/** Every stage with the inputs all stages share (notifications), added here once. */
export const stages: Record<string, () => Promise<StageDefinition>> = Object.fromEntries(
  Object.entries(definitions).map(([name, load]) => [name, async () => withNotifications(await load())]),
);

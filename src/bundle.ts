// The one ncc bundle every entry point shares (dist/aegis/): the CLI and a runner for each
// action. dist/<stage>/index.js and dist/cli/index.js are three-line files importing it, so
// the stages are bundled once instead of once per action; each stage is a lazy chunk.
import { AegisError } from './core/errors.js';
import { stages } from './stages/index.js';
import { main } from './stages/runner.js';

export { cli } from './cli.js';

/** What dist/<stage>/index.js calls: run the stage on the platform the environment describes. */
export async function runAction(name: string): Promise<void> {
  const load = stages[name];
  if (!load) throw new AegisError(`Unknown stage ${JSON.stringify(name)}.`);
  await main(await load());
}

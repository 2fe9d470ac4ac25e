// The one ncc bundle every entry point shares (dist/aegis/): the CLI and a runner for each
// action. dist/<stage>/index.js and dist/cli/index.js are three-line files importing it, so
// the stages are bundled once instead of once per action; each stage is a lazy chunk.
export { cli } from './cli.js';
// The git operations nearly every stage uses live in this shared chunk; otherwise each lazy
// stage chunk that needs them would carry its own copy.
export { Git } from './core/git/git.js';
export { runAction } from './stages/runner.js';

import { gitopsBump } from '../stages/gitops-bump.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(gitopsBump);
if (isEntryPoint(import.meta.url)) await run();

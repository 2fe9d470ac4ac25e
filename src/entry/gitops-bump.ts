import { gitopsBump } from '../stages/gitops-bump.js';
import { main } from '../stages/runner.js';

await main(gitopsBump);

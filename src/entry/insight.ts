import { insight } from '../stages/insight.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(insight);
if (isEntryPoint(import.meta.url)) await run();

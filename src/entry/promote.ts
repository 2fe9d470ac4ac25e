import { promote } from '../stages/promote.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(promote);
if (isEntryPoint(import.meta.url)) await run();

import { build } from '../stages/build.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(build);
if (isEntryPoint(import.meta.url)) await run();

import { release } from '../stages/release.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(release);
if (isEntryPoint(import.meta.url)) await run();

import { isEntryPoint, main } from '../stages/runner.js';
import { scan } from '../stages/scan.js';

export const run = () => main(scan);
if (isEntryPoint(import.meta.url)) await run();

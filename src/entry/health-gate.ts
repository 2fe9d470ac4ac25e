import { healthGate } from '../stages/health-gate.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(healthGate);
if (isEntryPoint(import.meta.url)) await run();

import { detectStage } from '../stages/detect.js';
import { isEntryPoint, main } from '../stages/runner.js';

export const run = () => main(detectStage);
if (isEntryPoint(import.meta.url)) await run();

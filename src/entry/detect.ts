// The Node check runs before the stage loads: on Node < 24 its imports would not even link.
import '../../scripts/require-node.mjs';

const { detectStage } = await import('../stages/detect.js');
const { isEntryPoint, main } = await import('../stages/runner.js');

export const run = () => main(detectStage);
if (isEntryPoint(import.meta.url)) await run();

// The Node check runs before the stage loads: on Node < 24 its imports would not even link.
import '../../scripts/require-node.mjs';

const { promote } = await import('../stages/promote.js');
const { isEntryPoint, main } = await import('../stages/runner.js');

export const run = () => main(promote);
if (isEntryPoint(import.meta.url)) await run();

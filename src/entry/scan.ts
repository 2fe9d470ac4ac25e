// The Node check runs before the stage loads: on Node < 24 its imports would not even link.
import '../../scripts/require-node.mjs';

const { isEntryPoint, main } = await import('../stages/runner.js');
const { scan } = await import('../stages/scan.js');

export const run = () => main(scan);
if (isEntryPoint(import.meta.url)) await run();

// The Node check runs before the stage loads: on Node < 24 its imports would not even link.
import '../../scripts/require-node.mjs';

const { build } = await import('../stages/build.js');
const { isEntryPoint, main } = await import('../stages/runner.js');

export const run = () => main(build);
if (isEntryPoint(import.meta.url)) await run();

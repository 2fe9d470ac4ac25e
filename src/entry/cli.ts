#!/usr/bin/env node
// The Node check runs before anything else loads: on Node < 24 those imports would not even link.
import '../../scripts/require-node.mjs';

const { cli } = await import('../cli.js');

cli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});

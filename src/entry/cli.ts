#!/usr/bin/env node
import { cli } from '../cli.js';

cli(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});

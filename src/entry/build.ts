import { build } from '../stages/build.js';
import { main } from '../stages/runner.js';

await main(build);

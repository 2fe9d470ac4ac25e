import { release } from '../stages/release.js';
import { main } from '../stages/runner.js';

await main(release);

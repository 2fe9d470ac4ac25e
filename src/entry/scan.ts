import { main } from '../stages/runner.js';
import { scan } from '../stages/scan.js';

await main(scan);

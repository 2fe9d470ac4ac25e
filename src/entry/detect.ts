import { detectStage } from '../stages/detect.js';
import { main } from '../stages/runner.js';

await main(detectStage);

import { nearest } from './core/suggest.js';
import { LocalPlatform } from './platform/local.js';
import type { StageDefinition } from './stages/definition.js';
import { stages } from './stages/index.js';
import { inputKey, unknownInputMessage, unknownInputs } from './stages/inputs.js';
import { runStage } from './stages/runner.js';

const USAGE = `Usage: aegis <stage> [--<input> <value>]... [--output-file <file>] [--summary-file <file>] [--output-dir <dir>] [--debug]

Runs one aegis stage on this machine. Inputs are the same kebab-case names as in the
GitHub action and the GitLab component; a flag without a value means 'true'.
Outputs are printed to stdout as name=value lines; logs go to stderr. Files a stage
writes (reports, lists, measurements) go to --output-dir, else to a new temporary directory.
--debug logs debug lines and, when a stage fails, the stack trace.

Stages: ${Object.keys(stages).join(', ')}
Help for one stage: aegis <stage> --help`;

/** Flags of the CLI itself, besides the stage's inputs. */
const CLI_FLAGS = ['output-file', 'summary-file', 'help'];

export interface ParsedArgs {
  stage?: string;
  inputs: Record<string, string>;
  outputFile?: string;
  summaryFile?: string;
  outputDir?: string;
  debug: boolean;
  help: boolean;
}

/** `--name value`, `--name=value`, or a bare `--flag` meaning true. Repeated inputs join with newlines. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { inputs: {}, help: false, debug: false };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '--help' || arg === '-h') {
      parsed.help = true;
      continue;
    }
    if (arg === '--debug') {
      parsed.debug = true;
      continue;
    }
    if (!arg.startsWith('--')) {
      if (parsed.stage) throw new Error(`Unexpected argument ${JSON.stringify(arg)}.\n\n${USAGE}`);
      parsed.stage = arg;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
    let value: string;
    if (equals !== -1) value = arg.slice(equals + 1);
    else if (index + 1 < argv.length && !(argv[index + 1] as string).startsWith('--')) value = argv[++index] as string;
    else value = 'true';
    if (name === 'output-file') parsed.outputFile = value;
    else if (name === 'summary-file') parsed.summaryFile = value;
    else if (name === 'output-dir') parsed.outputDir = value;
    else parsed.inputs[name] = parsed.inputs[name] === undefined ? value : `${parsed.inputs[name]}\n${value}`;
  }
  return parsed;
}

function stageHelp(stage: StageDefinition): string {
  const inputs = Object.entries(stage.inputs).map(
    ([name, spec]) => `  --${name.padEnd(24)} ${spec.description.split('\n')[0]}${spec.default ? ` (default: ${spec.default})` : ''}`,
  );
  const outputs = Object.entries(stage.outputs).map(([name, spec]) => `  ${name.padEnd(26)} ${spec.description.split('\n')[0]}`);
  return `aegis ${stage.name}: ${stage.description}\n\nInputs:\n${inputs.join('\n')}\n\nOutputs:\n${outputs.join('\n')}`;
}

export async function cli(argv: readonly string[]): Promise<void> {
  const args = parseArgs(argv);
  if (!args.stage) {
    console.log(USAGE);
    if (!args.help) process.exitCode = 2;
    return;
  }
  const load = stages[args.stage];
  if (!load) {
    const meant = nearest(args.stage, Object.keys(stages));
    console.error(`Unknown stage ${JSON.stringify(args.stage)}${meant ? `; did you mean ${meant}?` : '.'}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const stage = await load();
  if (args.help) {
    console.log(stageHelp(stage));
    return;
  }
  const [unknown] = unknownInputs(Object.keys(args.inputs), [...Object.keys(stage.inputs), ...CLI_FLAGS]);
  if (unknown) {
    console.error(`${unknownInputMessage(stage.name, unknown, (name) => `--${name}`)}\n\n${stageHelp(stage)}`);
    process.exitCode = 2;
    return;
  }
  const secrets = new Set(Object.entries(stage.inputs).flatMap(([name, spec]) => (spec.secret ? [inputKey(name)] : [])));
  for (const name of Object.keys(args.inputs)) {
    const problem = secrets.has(inputKey(name))
      ? `Pass the secret input '${name}' through the environment (INPUT_${name.toUpperCase().replace(/-/g, '_')}=… aegis ${stage.name} …), not as a flag: command-line arguments are visible to every process on the machine.`
      : undefined;
    if (problem) {
      console.error(problem);
      process.exitCode = 2;
      return;
    }
  }
  // Inputs travel as INPUT_* like on the runners, so the stage code path is identical.
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(args.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  if (args.debug) env.AEGIS_DEBUG = '1';
  // A stage with its own output-dir input (scan) takes --output-dir as that input too.
  if (args.outputDir !== undefined && stage.inputs['output-dir']) env.INPUT_OUTPUT_DIR = args.outputDir;
  const platform = new LocalPlatform(stage.name, env, {
    outputFile: args.outputFile,
    summaryFile: args.summaryFile,
    ...(args.outputDir !== undefined ? { outputDir: args.outputDir } : {}),
  });
  await runStage(stage, platform);
}

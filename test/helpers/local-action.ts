import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runNode } from './cli.js';
import { keepsCheckoutClean, tempDir } from './git.js';

export interface LocalActionResult {
  exitCode: number;
  stdout: string;
  outputs: Record<string, string>;
}

/**
 * Runs a stage as a GitHub Action through GitHub's own @github/local-action: it reads
 * actions/<stage>/action.yml, stubs @actions/core, imports src/entry/<stage>.ts (TypeScript
 * source, via tsx) and calls its run(). RUNNER_TEMP is a fresh directory (as on a runner)
 * unless `env` sets it. Fails when the stage left files in the workspace's checkout.
 */
export async function runLocalAction(
  stage: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<LocalActionResult> {
  const dir = tempDir('aegis-la-');
  const dotenv = join(dir, '.env');
  // No GITHUB_OUTPUT, as local-action sets none: outputs go through its @actions/core stub, which prints them.
  const lines = {
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: tempDir('aegis-runner-temp-'),
    ...env,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  // dotenv: double-quoted values keep newlines as \n escapes.
  writeFileSync(
    dotenv,
    Object.entries(lines)
      .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
      .join('\n'),
  );
  const args = [
    join(ROOT, 'node_modules/@github/local-action/bin/local-action.js'),
    'run',
    join(ROOT, 'actions', stage),
    join(ROOT, 'src/entry', `${stage}.ts`),
    dotenv,
  ];
  try {
    // Without GITHUB_WORKSPACE the workspace is this repository, which other tests share: not checked.
    const result = await keepsCheckoutClean(env.GITHUB_WORKSPACE, `aegis ${stage} (GitHub)`, () =>
      runNode(args, { cwd: ROOT, env: { NO_COLOR: '1' } }),
    );
    const stdout = result.stdout + result.stderr;
    const outputs = Object.fromEntries([...stdout.matchAll(/^::set-output name=([^:]+)::(.*)$/gm)].map((match) => [match[1], match[2]]));
    return { exitCode: result.exitCode, stdout, outputs: outputs as Record<string, string> };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

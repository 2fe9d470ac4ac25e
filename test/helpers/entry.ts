import { ROOT, runNode } from './cli.js';
import { keepsCheckoutClean } from './git.js';

export interface EntryResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs src/entry/<stage>.ts exactly as a runner runs an action or a GitLab job runs the
 * component's script: a process with only the GITHUB_*, CI_* and INPUT_* variables given
 * (the test machine's are dropped). Fails when the stage left files in the checkout it ran
 * in (GITHUB_WORKSPACE or CI_PROJECT_DIR).
 */
export async function runEntry(stage: string, env: Record<string, string>): Promise<EntryResult> {
  const clean = Object.fromEntries(
    Object.entries(process.env).map(([key, value]) => [
      key,
      /^(GITHUB_|INPUT_|RUNNER_|GITLAB_CI|CI_|ACTIONS_)/.test(key) ? undefined : value,
    ]),
  );
  const workspace = env.GITHUB_WORKSPACE ?? env.CI_PROJECT_DIR;
  const platform = env.GITHUB_ACTIONS === 'true' ? 'GitHub' : 'GitLab';
  const result = await keepsCheckoutClean(workspace, `aegis ${stage} (${platform})`, () =>
    runNode(['--import', 'tsx', `${ROOT}/src/entry/${stage}.ts`], { cwd: ROOT, env: { ...clean, ...env } }),
  );
  return { status: result.exitCode, stdout: result.stdout, stderr: result.stderr };
}

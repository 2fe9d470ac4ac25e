import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { removeAllPrivateDirs } from '../core/cleanup.js';
import { AegisError, CommandError, failureMessage, ToolNotFoundError } from '../core/errors.js';
import { killChildren, stopChildren } from '../core/process.js';
import { stoppingSignal } from '../core/stopping.js';
import { createPlatform } from '../platform/index.js';
import type { Platform } from '../platform/types.js';
import type { StageDefinition } from './definition.js';
import { stages } from './index.js';
import { unknownInputMessage, unknownInputs } from './inputs.js';
import { withNotifications } from './notify.js';

/** The input that picks each external program, for the "install it, or change …" advice. */
const TOOL_INPUTS: Record<string, string> = {
  buildah: "'builder' (buildx needs a Docker engine)",
  docker: "'builder' (buildah builds without a Docker engine)",
  trivy: "'trivy-binary' (or leave it empty to download Trivy)",
  kubectl: "'rollback' (git-revert and argocd need no kubectl)",
  npm: "'publish'",
  twine: "'publish'",
};

/**
 * The one place failures become a failed job: one message naming the input or host, what
 * happened and what to change. Stack traces and full command lines only at debug level
 * (ACTIONS_STEP_DEBUG / RUNNER_DEBUG on GitHub, CI_DEBUG_TRACE on GitLab, --debug locally).
 */
export async function runStage(definition: StageDefinition, platform: Platform): Promise<void> {
  const stage = withNotifications(definition);
  const release = removeSecretsOnSignal(platform);
  // The runner passes a typo'd or foreign `with:` key on as INPUT_*, and only warns; say what it was meant to be.
  for (const unknown of unknownInputs(platform.providedInputs(), Object.keys(stage.inputs))) {
    platform.log.warning(unknownInputMessage(stage.name, unknown, (name) => `'${name}'`));
  }
  try {
    await stage.run(platform);
  } catch (error) {
    if (error instanceof CommandError) platform.log.debug(`command: ${error.command} ${JSON.stringify(error.args)}`);
    if (error instanceof Error && error.stack) platform.log.debug(error.stack);
    // A git ended or refused by the signal is not the stage's failure: the signal handler fails the job,
    // and this says what was interrupted.
    if (stoppingSignal()) platform.log.warning(`Interrupted: ${stageFailure(stage.name, error)}`);
    else platform.fail(stageFailure(stage.name, error));
  } finally {
    removeAllPrivateDirs();
    release();
  }
}

/** `failureMessage`, plus which of this stage's inputs chooses a missing program. */
export function stageFailure(stage: string, error: unknown): string {
  const message = failureMessage(error);
  if (error instanceof ToolNotFoundError) {
    const input = TOOL_INPUTS[error.command];
    return `${stage}: ${message}${input ? `, or change the input ${input}` : ''}.`;
  }
  return message;
}

/** Runs a stage on the platform the environment describes (GitHub runner, GitLab job, or a shell). */
export function main(stage: StageDefinition): Promise<void> {
  return runStage(stage, createPlatform(stage.name));
}

/** What dist/<stage>/index.js and src/entry/<stage>.ts call: the named stage of the registry, on this platform. */
export async function runAction(name: string): Promise<void> {
  const load = stages[name];
  if (!load) throw new AegisError(`Unknown stage ${JSON.stringify(name)}.`);
  await main(await load());
}

/**
 * True when `moduleUrl` is the script node was started with: the bundle run by the runner
 * starts itself, while @github/local-action imports the entry and calls its `run()`.
 */
export function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Exit codes a shell reports for these signals (128 + number). */
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * SIGINT (GitHub's cancel) and SIGTERM (GitLab's timeout, `docker stop`) would end the process
 * without running `finally` blocks: stop the children, remove every private directory, then
 * exit as the signal would have. A second signal while that runs (a second Ctrl-C, GitHub's
 * SIGTERM after its SIGINT) ends it at once, children and directories included. Returns the
 * function that uninstalls the handlers; it leaves them in place once a stop has begun.
 */
function removeSecretsOnSignal(platform: Platform): () => void {
  const onExit = () => {
    killChildren();
    removeAllPrivateDirs({ includingRemoved: stoppingSignal() !== undefined });
  };
  const handlers = Object.entries(SIGNALS).map(([signal, code]) => {
    const handler = async () => {
      if (stoppingSignal()) {
        killChildren();
        removeAllPrivateDirs({ includingRemoved: true });
        platform.fail(`Stopped by ${signal} while stopping: children killed, secret files removed.`);
        process.exit(code);
      }
      // Children are signalled at once (stopChildren begins the stop before its first await), keys removed next,
      // and every temp dir again once git/ssh have stopped writing to them.
      const stopped = stopChildren(signal as NodeJS.Signals);
      removeAllPrivateDirs();
      await stopped;
      removeAllPrivateDirs({ includingRemoved: true });
      platform.fail(`Stopped by ${signal}: secret files were removed; whatever was already pushed stays, nothing more is.`);
      process.exit(code);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  process.on('exit', onExit);
  return () => {
    if (stoppingSignal()) return;
    for (const [signal, handler] of handlers) process.removeListener(signal, handler);
    process.removeListener('exit', onExit);
  };
}

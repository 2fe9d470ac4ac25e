import { AegisError } from '../errors.js';
import type { Log } from '../log.js';
import type { ArgoCdCheck, KubernetesCheck } from './checks.js';
import type { MeasurementPhase } from './evaluator.js';
import type { Decision } from './report.js';
import { type ArgoRollbackResult, argoRollback, type GitRevertResult, kubectlUndo, type RollbackMethod } from './rollback.js';
import type { WatchResult } from './watch.js';

/** What the gate does about a verdict: the method, when, and its targets. */
export interface RollbackOptions {
  method: RollbackMethod;
  /** Verdicts that call for the rollback (rollback-on). */
  on: readonly MeasurementPhase[];
  dryRun: boolean;
  /** git-revert: the commit reverted and the branch it is reverted on. */
  commit?: string;
  branch?: string;
  /** argocd: the applications of the argocd checks; kubectl: the deployments of the kubernetes checks. */
  argocd: readonly ArgoCdCheck[];
  kubernetes: readonly KubernetesCheck[];
  argocdHistoryId?: number;
  log: Log;
}

/**
 * How each method acts. git-revert is the stage's GitOps push (the reason goes into the
 * commit body); argocd and kubectl default to the Argo CD API and `kubectl rollout undo`.
 */
export interface RollbackActions {
  revert(reason: string): Promise<GitRevertResult>;
  argocd?(spec: ArgoCdCheck, options: { historyId?: number; dryRun: boolean; log: Log }): Promise<ArgoRollbackResult>;
  kubectl?(spec: KubernetesCheck, options: { dryRun: boolean; log: Log }): Promise<unknown>;
}

/** The decision, and the rollback's failure when it failed (what was done still counts). */
export interface RollbackOutcome {
  decision: Decision;
  error?: unknown;
}

type Done = Pick<Decision, 'rolledBack' | 'text' | 'revertSha'>;

/** A rollback of several targets where some failed: what was done still counts. */
export class PartialRollbackError extends AegisError {
  constructor(
    message: string,
    readonly done: Pick<Decision, 'rolledBack' | 'text'>,
  ) {
    super(message);
  }
}

/** The rollback as the plan states it: "git-revert of <commit> on <branch>", "argocd", "none". */
export function describeRollback(options: Pick<RollbackOptions, 'method' | 'commit' | 'branch'>): string {
  return options.method === 'git-revert' ? `git-revert of ${options.commit?.slice(0, 12)} on ${options.branch}` : options.method;
}

/** Why the gate rolls back: the verdict and each check that decided it, with its last measurement. */
export function verdictReason(result: WatchResult): string {
  const decisive = result.checks.filter((check) => check.phase === result.verdict && !check.dryRun);
  const lines = decisive.map((check) => {
    const last = [...result.measurements].reverse().find((m) => m.check === check.name && m.phase !== 'Running');
    return `- ${check.name}: ${check.phase} (${check.reason})${last ? `; last measurement: ${last.message}` : ''}`;
  });
  return `health-gate verdict: ${result.verdict}\n${lines.join('\n')}`;
}

/**
 * Decides on the verdict and, when it is in rollback-on, rolls back. Never throws for a failed
 * rollback: the error comes back with a decision that says what was done and what failed.
 */
export async function decideRollback(options: RollbackOptions, result: WatchResult, actions: RollbackActions): Promise<RollbackOutcome> {
  const wanted = options.on.includes(result.verdict);
  const decision: Decision = {
    method: options.method,
    wanted,
    rolledBack: false,
    dryRun: options.dryRun,
    text: `Verdict ${result.verdict}: no rollback needed.`,
  };
  if (!wanted) return { decision };
  try {
    const done = await options.log.group(`Rollback (${options.method})`, () => rollBack(options, result, actions));
    return { decision: { ...decision, ...done } };
  } catch (error) {
    const done = error instanceof PartialRollbackError ? error.done : { rolledBack: false, text: '' };
    return {
      decision: {
        ...decision,
        rolledBack: done.rolledBack,
        text: `${done.text} Rollback (${options.method}) FAILED: ${(error as Error).message}`.trim(),
      },
      error,
    };
  }
}

async function rollBack(options: RollbackOptions, result: WatchResult, actions: RollbackActions): Promise<Done> {
  const { log, dryRun } = options;
  const dry = dryRun ? 'Dry run: would ' : '';
  switch (options.method) {
    case 'none':
      return { rolledBack: false, text: `Verdict ${result.verdict}; rollback is 'none', nothing was rolled back.` };
    case 'git-revert':
      return revertText(await actions.revert(verdictReason(result)), options.branch as string, dryRun);
    case 'argocd': {
      const rollbackApp = actions.argocd ?? argoRollback;
      return rollBackEach(options.argocd, dryRun, async (spec) => {
        const done = await rollbackApp(spec, { historyId: options.argocdHistoryId, dryRun, log });
        return `${dry}roll back Argo CD application ${done.application} to history ${done.historyId}${done.autoSync ? ' (auto-sync is on: it may re-sync the bad commit)' : ''}.`;
      });
    }
    case 'kubectl': {
      const undo = actions.kubectl ?? kubectlUndo;
      return rollBackEach(options.kubernetes, dryRun, async (spec) => {
        await undo(spec, { dryRun, log });
        return `${dry}undo the rollout of deployment/${spec.deployment} in ${spec.namespace} (kubectl rollout undo; Git still holds the bad commit).`;
      });
    }
  }
}

function revertText(revert: GitRevertResult, branch: string, dryRun: boolean): Done {
  if (dryRun) {
    return { rolledBack: false, text: `Dry run: would revert ${revert.reverted.slice(0, 12)} on ${branch} (${revert.files.join(', ')}).` };
  }
  if (revert.alreadyRevertedBy) {
    return {
      rolledBack: false,
      text: `${revert.reverted.slice(0, 12)} was already reverted by ${revert.alreadyRevertedBy.slice(0, 12)}.`,
    };
  }
  if (!revert.changed) return { rolledBack: false, text: `${branch} already has the content from before ${revert.reverted.slice(0, 12)}.` };
  const again =
    revert.undoneReverts.length > 0
      ? ` again: its earlier revert ${revert.undoneReverts[0]?.slice(0, 12)} had been undone, so the change was live again`
      : '';
  return {
    rolledBack: true,
    revertSha: revert.sha,
    text: `Reverted ${revert.reverted.slice(0, 12)}${again} with ${revert.sha.slice(0, 12)} pushed to ${branch}${revert.attempts > 1 ? ` (attempt ${revert.attempts})` : ''}.`,
  };
}

/** Rolls back every target even when one fails, so the outputs say exactly what happened. */
async function rollBackEach<T>(targets: readonly T[], dryRun: boolean, rollBack: (target: T) => Promise<string>): Promise<Done> {
  const texts: string[] = [];
  const failures: string[] = [];
  for (const target of targets) {
    try {
      texts.push(await rollBack(target));
    } catch (error) {
      failures.push((error as Error).message);
    }
  }
  const done = { rolledBack: !dryRun && texts.length > 0, text: texts.join(' ') };
  if (failures.length > 0) {
    throw new PartialRollbackError(`${failures.length} of ${targets.length} rollbacks failed: ${failures.join('; ')}`, done);
  }
  return done;
}

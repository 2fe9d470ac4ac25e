/**
 * The health gate's rollback decision (src/core/health/decision.ts): verdict × rollback-on ×
 * method × dry run × failing targets → the decision text, rolled-back and the error. The
 * rollback actions are recorded stand-ins; the real ones are tested in the integration tests.
 */
import { describe, expect, test } from 'vitest';
import { AegisError } from '../../src/core/errors.js';
import type { ArgoCdCheck, KubernetesCheck } from '../../src/core/health/checks.js';
import {
  decideRollback,
  describeRollback,
  PartialRollbackError,
  type RollbackActions,
  type RollbackOptions,
  verdictReason,
} from '../../src/core/health/decision.js';
import type { MeasurementPhase } from '../../src/core/health/evaluator.js';
import type { GitRevertResult } from '../../src/core/health/rollback.js';
import type { WatchResult } from '../../src/core/health/watch.js';
import { silentLog } from '../../src/core/log.js';

const BAD = 'b'.repeat(40);
const REVERT = 'c'.repeat(40);

const argocd = (application: string): ArgoCdCheck => ({
  type: 'argocd',
  server: 'https://argocd.example.com',
  application,
  revision: BAD,
  waitTimeoutMs: 1000,
  timeoutMs: 1000,
});
const deployment = (name: string): KubernetesCheck => ({
  type: 'kubernetes',
  deployment: name,
  namespace: 'shop',
  waitTimeoutMs: 1000,
  timeoutMs: 1000,
});

function watched(verdict: MeasurementPhase): WatchResult {
  return {
    verdict,
    endedBy: 'completed',
    checks: [
      {
        name: 'api',
        phase: verdict,
        dryRun: false,
        reason: `the check was ${verdict}`,
        tally: {} as WatchResult['checks'][number]['tally'],
      },
    ],
    measurements: [
      { check: 'api', index: 1, time: '2026-12-01T10:00:00Z', elapsedMs: 10, phase: verdict, message: 'HTTP 500', checkPhase: verdict },
    ],
    startedAt: '2026-12-01T10:00:00Z',
    durationMs: 10,
  };
}

const reverted = (overrides: Partial<GitRevertResult> = {}): GitRevertResult => ({
  changed: true,
  sha: REVERT,
  reverted: BAD,
  undoneReverts: [],
  files: ['overlays/prod/kustomization.yaml'],
  attempts: 1,
  dryRun: false,
  message: 'Revert',
  ...overrides,
});

/** Stand-ins for the three methods; `failing` names the targets whose rollback fails. */
function actions(revert: GitRevertResult | Error, failing: readonly string[] = []): RollbackActions & { reasons: string[] } {
  const reasons: string[] = [];
  return {
    reasons,
    revert: async (reason) => {
      reasons.push(reason);
      if (revert instanceof Error) throw revert;
      return revert;
    },
    argocd: async (spec, options) => {
      if (failing.includes(spec.application)) throw new AegisError(`Argo CD refused ${spec.application}`);
      return { application: spec.application, historyId: 4, autoSync: spec.application === 'auto', dryRun: options.dryRun };
    },
    kubectl: async (spec) => {
      if (failing.includes(spec.deployment)) throw new AegisError(`kubectl could not undo ${spec.deployment}`);
      return '';
    },
  };
}

type Row = [
  description: string,
  verdict: MeasurementPhase,
  options: Partial<RollbackOptions>,
  act: { revert?: GitRevertResult | Error; failing?: string[] },
  expected: { wanted: boolean; rolledBack: boolean; text: string; revertSha?: string; error?: RegExp },
];

const GIT = { method: 'git-revert', commit: BAD, branch: 'main' } as const;
const ARGO = { method: 'argocd', argocd: [argocd('api'), argocd('auto')] } as const;
const KUBE = { method: 'kubectl', kubernetes: [deployment('api'), deployment('worker')] } as const;

const TABLE: Row[] = [
  [
    'Successful is not in rollback-on',
    'Successful',
    GIT,
    {},
    { wanted: false, rolledBack: false, text: 'Verdict Successful: no rollback needed.' },
  ],
  [
    'Inconclusive is not in the default rollback-on',
    'Inconclusive',
    GIT,
    {},
    { wanted: false, rolledBack: false, text: 'Verdict Inconclusive: no rollback needed.' },
  ],
  [
    'Inconclusive in rollback-on',
    'Inconclusive',
    { ...GIT, on: ['Inconclusive'] },
    {},
    { wanted: true, rolledBack: true, revertSha: REVERT, text: `Reverted ${BAD.slice(0, 12)} with ${REVERT.slice(0, 12)} pushed to main.` },
  ],
  [
    "rollback 'none'",
    'Failed',
    { method: 'none' },
    {},
    { wanted: true, rolledBack: false, text: "Verdict Failed; rollback is 'none', nothing was rolled back." },
  ],
  [
    'git-revert pushed',
    'Failed',
    GIT,
    {},
    { wanted: true, rolledBack: true, revertSha: REVERT, text: `Reverted ${BAD.slice(0, 12)} with ${REVERT.slice(0, 12)} pushed to main.` },
  ],
  [
    'git-revert after a race',
    'Error',
    GIT,
    { revert: reverted({ attempts: 3 }) },
    {
      wanted: true,
      rolledBack: true,
      revertSha: REVERT,
      text: `Reverted ${BAD.slice(0, 12)} with ${REVERT.slice(0, 12)} pushed to main (attempt 3).`,
    },
  ],
  [
    'git-revert of a change that came back',
    'Failed',
    GIT,
    { revert: reverted({ undoneReverts: ['d'.repeat(40), 'e'.repeat(40)] }) },
    {
      wanted: true,
      rolledBack: true,
      revertSha: REVERT,
      text: `Reverted ${BAD.slice(0, 12)} again: its earlier revert ${'d'.repeat(12)} had been undone, so the change was live again with ${REVERT.slice(0, 12)} pushed to main.`,
    },
  ],
  [
    'git-revert dry run',
    'Failed',
    { ...GIT, dryRun: true },
    { revert: reverted({ changed: false, dryRun: true }) },
    { wanted: true, rolledBack: false, text: `Dry run: would revert ${BAD.slice(0, 12)} on main (overlays/prod/kustomization.yaml).` },
  ],
  [
    'git-revert already reverted',
    'Failed',
    GIT,
    { revert: reverted({ changed: false, alreadyRevertedBy: REVERT }) },
    { wanted: true, rolledBack: false, text: `${BAD.slice(0, 12)} was already reverted by ${REVERT.slice(0, 12)}.` },
  ],
  [
    'git-revert with the content already back',
    'Failed',
    GIT,
    { revert: reverted({ changed: false }) },
    { wanted: true, rolledBack: false, text: `main already has the content from before ${BAD.slice(0, 12)}.` },
  ],
  [
    'git-revert fails',
    'Failed',
    GIT,
    { revert: new AegisError('Push to main failed: hook declined') },
    { wanted: true, rolledBack: false, text: 'Rollback (git-revert) FAILED: Push to main failed: hook declined', error: /hook declined/ },
  ],
  [
    'argocd, every application',
    'Failed',
    ARGO,
    {},
    {
      wanted: true,
      rolledBack: true,
      text: 'roll back Argo CD application api to history 4. roll back Argo CD application auto to history 4 (auto-sync is on: it may re-sync the bad commit).',
    },
  ],
  [
    'argocd dry run',
    'Error',
    { ...ARGO, argocd: [argocd('api')], dryRun: true },
    {},
    { wanted: true, rolledBack: false, text: 'Dry run: would roll back Argo CD application api to history 4.' },
  ],
  [
    'argocd, one of two fails: the other still counts',
    'Failed',
    ARGO,
    { failing: ['api'] },
    {
      wanted: true,
      rolledBack: true,
      text: 'roll back Argo CD application auto to history 4 (auto-sync is on: it may re-sync the bad commit). Rollback (argocd) FAILED: 1 of 2 rollbacks failed: Argo CD refused api',
      error: /1 of 2 rollbacks failed/,
    },
  ],
  [
    'argocd, all fail',
    'Failed',
    ARGO,
    { failing: ['api', 'auto'] },
    {
      wanted: true,
      rolledBack: false,
      text: 'Rollback (argocd) FAILED: 2 of 2 rollbacks failed: Argo CD refused api; Argo CD refused auto',
      error: /2 of 2/,
    },
  ],
  [
    'kubectl, every deployment',
    'Failed',
    KUBE,
    {},
    {
      wanted: true,
      rolledBack: true,
      text: 'undo the rollout of deployment/api in shop (kubectl rollout undo; Git still holds the bad commit). undo the rollout of deployment/worker in shop (kubectl rollout undo; Git still holds the bad commit).',
    },
  ],
  [
    'kubectl dry run with a failing target: nothing rolled back, the failure reported',
    'Failed',
    { ...KUBE, dryRun: true },
    { failing: ['worker'] },
    {
      wanted: true,
      rolledBack: false,
      text: 'Dry run: would undo the rollout of deployment/api in shop (kubectl rollout undo; Git still holds the bad commit). Rollback (kubectl) FAILED: 1 of 2 rollbacks failed: kubectl could not undo worker',
      error: /1 of 2/,
    },
  ],
];

describe('decideRollback', () => {
  test.each(TABLE)('%s', async (_description, verdict, overrides, act, expected) => {
    const options: RollbackOptions = {
      method: 'git-revert',
      on: ['Failed', 'Error'],
      dryRun: false,
      argocd: [],
      kubernetes: [],
      log: silentLog,
      ...overrides,
    };
    const outcome = await decideRollback(options, watched(verdict), actions(act.revert ?? reverted(), act.failing));
    expect(outcome.decision).toEqual({
      method: options.method,
      wanted: expected.wanted,
      rolledBack: expected.rolledBack,
      dryRun: options.dryRun,
      text: expected.text,
      ...(expected.revertSha ? { revertSha: expected.revertSha } : {}),
    });
    if (expected.error) expect((outcome.error as Error).message).toMatch(expected.error);
    else expect(outcome.error).toBeUndefined();
  });

  test('a partial failure carries what was done', async () => {
    const options: RollbackOptions = {
      ...ARGO,
      on: ['Failed'],
      dryRun: false,
      kubernetes: [],
      log: silentLog,
      argocd: [argocd('api'), argocd('web')],
    };
    const { error } = await decideRollback(options, watched('Failed'), actions(reverted(), ['web']));
    expect(error).toBeInstanceOf(PartialRollbackError);
    expect((error as PartialRollbackError).done).toEqual({ rolledBack: true, text: 'roll back Argo CD application api to history 4.' });
  });

  test('the revert is given the verdict and the deciding check with its last measurement', async () => {
    const act = actions(reverted());
    await decideRollback({ ...GIT, on: ['Failed'], dryRun: false, argocd: [], kubernetes: [], log: silentLog }, watched('Failed'), act);
    expect(act.reasons).toEqual(['health-gate verdict: Failed\n- api: Failed (the check was Failed); last measurement: HTTP 500']);
    expect(verdictReason(watched('Failed'))).toBe(act.reasons[0]);
  });

  test.each([
    [GIT, `git-revert of ${BAD.slice(0, 12)} on main`],
    [{ method: 'argocd' } as const, 'argocd'],
    [{ method: 'none' } as const, 'none'],
  ])('describeRollback(%o)', (options, text) => {
    expect(describeRollback(options)).toBe(text);
  });
});

import type { Fetch } from '../../http.js';
import type { MeasurementPhase } from '../evaluator.js';
import type { Fields } from '../fields.js';

/**
 * What every check type implements (one file per provider, listed in ../providers.ts): how its
 * YAML is read, how it says what decides, how one measurement is taken, and which of its
 * values are secrets. Adding a provider is one file here plus one line in the registry.
 */

/**
 * One measurement as a provider reports it. `Running` is Argo Rollouts' in-flight
 * measurement: the thing measured is not there yet (Argo CD still syncing, a rollout still
 * progressing); it is polled again after the interval and only counts once it completes.
 */
export interface Observation {
  phase: MeasurementPhase | 'Running';
  /** The number charted over time (a query result, a latency, available replicas). */
  value?: number;
  message: string;
}

export type { Fetch };

export interface MeasureContext {
  signal: AbortSignal;
  fetch?: Fetch;
  /**
   * Whether `revision` (what Argo CD synced) has `commit` in its history. Given when the GitOps
   * repository is known: then a later commit that other jobs pushed on top of ours counts as
   * ours being deployed. Without it only the exact commit does.
   */
  includesCommit?: (revision: string, commit: string) => Promise<boolean>;
}

/** Stage-wide settings a provider may need while parsing. */
export interface ProviderDefaults {
  /** Commit an argocd check expects when it names none (expected-revision, else rollback-commit). */
  expectedRevision?: string;
  /** Token for argocd checks that name none (the `argocd-token` input). */
  argocdToken?: string;
}

export interface Provider<Spec extends { type: string }> {
  type: Spec['type'];
  /** The keys its mapping may hold. */
  keys: readonly string[];
  parse(fields: Fields, defaults: ProviderDefaults): Spec;
  /** How a measurement decides, in words, for the plan and the summary. */
  describe(spec: Spec): string;
  measure(spec: Spec, context: MeasureContext): Promise<Observation>;
  /** Values that must never be written anywhere: header values, passwords, tokens. */
  secrets(spec: Spec): string[];
  /** How long an in-flight (`Running`) measurement may last before it is Failed. */
  waitTimeoutMs?(spec: Spec): number;
  /** Asked once before watching: throws InputError for bad input, returns a warning otherwise. */
  preflight?(check: string, spec: Spec, fetch?: Fetch): Promise<string | undefined>;
}

export function errorObservation(error: unknown): Observation {
  return { phase: 'Error', message: (error as Error).message };
}

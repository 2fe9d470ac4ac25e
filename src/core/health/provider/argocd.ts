import { type ArgoApplication, fetchArgoApplication, sameRevision, syncedRevisions } from '../../argocd.js';
import { InputError } from '../../errors.js';
import { CHECKS_INPUT, type Fields } from '../fields.js';
import { errorObservation, type MeasureContext, type Observation, type Provider } from './contract.js';

/**
 * `argocd`: the application is Synced AT the expected revision AND Healthy. "Synced" alone is
 * not the answer (Argo CD reports Synced for an application in sync with an older commit,
 * before it has even fetched the new one). Until then the measurement is in flight.
 */
export interface ArgoCdCheck {
  type: 'argocd';
  server: string;
  application: string;
  appNamespace?: string;
  token?: string;
  /** The commit the application must be synced to (the bump or promotion commit). */
  revision: string;
  /** How long a measurement may wait for Synced at `revision` and Healthy before it is Failed. */
  waitTimeoutMs: number;
  timeoutMs: number;
}

function parse(field: Fields, defaults: { expectedRevision?: string; argocdToken?: string }): ArgoCdCheck {
  const revision = field.string('revision') ?? defaults.expectedRevision;
  if (!revision) {
    throw new InputError(
      CHECKS_INPUT,
      '',
      'the commit the application must be synced to',
      `check '${field.check}': set argocd.revision, or the expected-revision or rollback-commit input`,
    );
  }
  return {
    type: 'argocd',
    server: field.url('server'),
    application: field.required('application', 'an Argo CD application name'),
    appNamespace: field.string('app-namespace'),
    token: field.string('token') ?? defaults.argocdToken,
    revision,
    waitTimeoutMs: field.duration('wait-timeout', 300_000),
    timeoutMs: field.duration('timeout', 10_000),
  };
}

/** `includedBy`: a synced revision found (by the caller, in Git) to contain `revision`, if any. */
export function assessArgoApplication(app: ArgoApplication, revision: string, includedBy?: string): Observation {
  const sync = app.status?.sync ?? {};
  const health = app.status?.health?.status ?? 'Unknown';
  const revisions = syncedRevisions(app);
  const atRevision = includedBy !== undefined || revisions.some((candidate) => sameRevision(candidate, revision));
  const shown = revisions.map((value) => value.slice(0, 12)).join(',') || 'no revision';
  const facts = `${sync.status ?? 'Unknown'} at ${shown}, ${health}`;
  const operation = app.status?.operationState;
  if (
    operation &&
    (operation.phase === 'Failed' || operation.phase === 'Error') &&
    sameRevision(operation.syncResult?.revision, revision)
  ) {
    return { phase: 'Failed', message: `${facts}; sync to ${revision.slice(0, 12)} ${operation.phase}: ${operation.message ?? ''}`.trim() };
  }
  if (!atRevision) return { phase: 'Running', message: `${facts}; waiting for ${revision.slice(0, 12)}` };
  if (sync.status === 'Synced' && health === 'Healthy') {
    return { phase: 'Successful', message: includedBy ? `${facts} (${includedBy.slice(0, 12)} includes ${revision.slice(0, 12)})` : facts };
  }
  if (sync.status === 'Synced' && (health === 'Degraded' || health === 'Missing')) {
    return { phase: 'Failed', message: `${facts}${app.status?.health?.message ? `: ${app.status.health.message}` : ''}` };
  }
  return { phase: 'Running', message: `${facts}; waiting for Synced and Healthy` };
}

async function measure(spec: ArgoCdCheck, context: MeasureContext): Promise<Observation> {
  let app: ArgoApplication;
  try {
    app = await fetchArgoApplication(spec, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error);
  }
  let includedBy: string | undefined;
  if (context.includesCommit && !syncedRevisions(app).some((candidate) => sameRevision(candidate, spec.revision))) {
    for (const candidate of syncedRevisions(app)) {
      if (await context.includesCommit(candidate, spec.revision)) {
        includedBy = candidate;
        break;
      }
    }
  }
  return assessArgoApplication(app, spec.revision, includedBy);
}

export const argocdProvider: Provider<ArgoCdCheck> = {
  type: 'argocd',
  keys: ['server', 'application', 'app-namespace', 'token', 'revision', 'wait-timeout', 'timeout'],
  parse,
  describe: (spec) =>
    `Successful when Synced at ${spec.revision.slice(0, 12)} and Healthy; Failed when Degraded/Missing there or not reached within ${spec.waitTimeoutMs / 1000}s`,
  measure,
  secrets: (spec) => (spec.token ? [spec.token] : []),
  waitTimeoutMs: (spec) => spec.waitTimeoutMs,
};

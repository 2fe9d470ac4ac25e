import { AegisError, InputError } from '../errors.js';
import { type Fetch, httpFetch } from '../http.js';
import { run } from '../process.js';
import type { ArgoCdCheck, HttpCheck, KubernetesCheck, PrometheusCheck, ProviderSpec } from './checks.js';
import { type MeasurementPhase, phaseFromConditions } from './evaluator.js';
import { type Expression, ExpressionError, type Value } from './expression.js';
import { selectJsonPath } from './json-path.js';

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

export function measure(spec: ProviderSpec, context: MeasureContext): Promise<Observation> {
  switch (spec.type) {
    case 'http':
      return measureHttp(spec, context);
    case 'prometheus':
      return measurePrometheus(spec, context);
    case 'argocd':
      return measureArgoCd(spec, context);
    case 'kubernetes':
      return measureKubernetes(spec);
  }
}

/** A request that can be abandoned (run terminated) or time out; network failures name the host only. */
async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  timeoutMs: number,
  context: MeasureContext,
): Promise<{ status: number; body: string; latencyMs: number }> {
  const started = performance.now();
  const response = await httpFetch(url, { ...init, redirect: 'manual' }, { timeoutMs, signal: context.signal, fetch: context.fetch });
  const body = await response.text();
  return { status: response.status, body, latencyMs: Math.round(performance.now() - started) };
}

function errorObservation(error: unknown): Observation {
  return { phase: 'Error', message: (error as Error).message };
}

/** Argo's EvaluateResult over the check's conditions; an expression that cannot be evaluated is an Error. */
function evaluateConditions(success: Expression | undefined, failure: Expression | undefined, variables: Record<string, Value>) {
  try {
    return { phase: phaseFromConditions(success?.test(variables), failure?.test(variables)) };
  } catch (error) {
    if (error instanceof ExpressionError) return { phase: 'Error' as const, message: `condition: ${error.message}` };
    throw error;
  }
}

async function measureHttp(spec: HttpCheck, context: MeasureContext): Promise<Observation> {
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(spec.url, { method: spec.method, headers: spec.headers, body: spec.body }, spec.timeoutMs, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error);
  }
  const { status, body, latencyMs } = response;
  const value = latencyMs;
  const facts = `HTTP ${status} in ${latencyMs} ms`;
  if (!spec.expectStatus.some(([lo, hi]) => status >= lo && status <= hi)) {
    return { phase: 'Failed', value, message: `${facts}: unexpected status` };
  }
  if (spec.maxLatencyMs !== undefined && latencyMs > spec.maxLatencyMs) {
    return { phase: 'Failed', value, message: `${facts}: slower than max-latency ${spec.maxLatencyMs} ms` };
  }
  if (spec.bodyContains !== undefined && !body.includes(spec.bodyContains)) {
    return { phase: 'Failed', value, message: `${facts}: body does not contain ${JSON.stringify(spec.bodyContains)}` };
  }
  if (!spec.success && !spec.failure) return { phase: 'Successful', value, message: facts };

  let result: Value = body;
  if (spec.jsonPath) {
    let document: Value;
    try {
      document = JSON.parse(body) as Value;
    } catch {
      return { phase: 'Error', value, message: `${facts}: body is not JSON, json-path cannot apply` };
    }
    result = selectJsonPath(document, spec.jsonPath);
  }
  const outcome = evaluateConditions(spec.success, spec.failure, { result, status, latency: latencyMs, body });
  return { phase: outcome.phase, value, message: `${facts}; result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}

interface PrometheusAnswer {
  status?: string;
  errorType?: string;
  error?: string;
  data?: { resultType?: string; result?: unknown };
}

function queryUrl(spec: PrometheusCheck): string {
  return `${spec.address}/api/v1/query?${new URLSearchParams({ query: spec.query }).toString()}`;
}

/** Prometheus writes sample values as strings, including NaN and ±Inf. */
function sampleValue(text: unknown): number {
  if (text === '+Inf' || text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}

async function measurePrometheus(spec: PrometheusCheck, context: MeasureContext): Promise<Observation> {
  let answer: PrometheusAnswer;
  let status: number;
  try {
    const response = await request(queryUrl(spec), { headers: spec.headers }, spec.timeoutMs, context);
    status = response.status;
    answer = JSON.parse(response.body) as PrometheusAnswer;
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error instanceof SyntaxError ? new Error('Prometheus answered with something that is not JSON') : error);
  }
  if (answer.status !== 'success' || !answer.data) {
    return { phase: 'Error', message: `Prometheus HTTP ${status}: ${answer.errorType ?? 'error'}: ${answer.error ?? 'no data'}` };
  }
  const { resultType, result: raw } = answer.data;
  let result: Value;
  if (resultType === 'vector' && Array.isArray(raw)) {
    result = raw.map((sample) => sampleValue((sample as { value?: unknown[] }).value?.[1]));
    if (result.length === 0) return { phase: spec.emptyResult, message: `no series (empty-result: ${spec.emptyResult})` };
  } else if (resultType === 'scalar' && Array.isArray(raw)) {
    result = sampleValue(raw[1]);
  } else {
    return { phase: 'Error', message: `a ${resultType} result cannot be evaluated: use an instant vector or scalar query` };
  }
  const first = Array.isArray(result) ? (result[0] as number) : result;
  const value = Number.isFinite(first) ? first : undefined;
  if (!spec.success && !spec.failure) return { phase: 'Successful', value, message: `result ${preview(result)} (no conditions)` };
  const outcome = evaluateConditions(spec.success, spec.failure, { result });
  return { phase: outcome.phase, value, message: `result ${preview(result)}${outcome.message ? `; ${outcome.message}` : ''}` };
}

/**
 * Asks Prometheus once before watching, so a query it rejects (HTTP 400, errorType bad_data)
 * fails the stage as bad input instead of as a run of Error measurements. An unreachable
 * server is not bad input (it may come up): the answer is a warning for the log.
 */
export async function validatePrometheusQuery(check: string, spec: PrometheusCheck, fetchImpl?: Fetch): Promise<string | undefined> {
  let answer: PrometheusAnswer;
  let status: number;
  try {
    const response = await request(queryUrl(spec), { headers: spec.headers }, spec.timeoutMs, {
      signal: new AbortController().signal,
      fetch: fetchImpl,
    });
    status = response.status;
    answer = JSON.parse(response.body) as PrometheusAnswer;
  } catch (error) {
    return `check '${check}': could not validate the query before watching: ${(error as Error).message}`;
  }
  if (status === 400 && answer.errorType === 'bad_data') {
    throw new InputError(
      'checks',
      spec.query,
      `a PromQL query Prometheus accepts (check '${check}')`,
      `Prometheus: ${answer.error ?? 'bad_data'}`,
    );
  }
  if (answer.status !== 'success')
    return `check '${check}': Prometheus answered HTTP ${status} ${answer.errorType ?? ''} ${answer.error ?? ''}`.trim();
  return undefined;
}

/** The fields of an Argo CD Application (GET /api/v1/applications/{name}) the gate reads. */
export interface ArgoApplication {
  metadata?: { name?: string; namespace?: string };
  spec?: { syncPolicy?: { automated?: unknown } };
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    health?: { status?: string; message?: string };
    operationState?: { phase?: string; message?: string; syncResult?: { revision?: string } };
    history?: Array<{ id?: number; revision?: string; revisions?: string[]; deployedAt?: string }>;
  };
}

export function argoApplicationUrl(spec: Pick<ArgoCdCheck, 'server' | 'application' | 'appNamespace'>, suffix = ''): string {
  const query = spec.appNamespace ? `?${new URLSearchParams({ appNamespace: spec.appNamespace }).toString()}` : '';
  return `${spec.server}/api/v1/applications/${encodeURIComponent(spec.application)}${suffix}${query}`;
}

export function argoHeaders(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' };
}

/** Full or abbreviated SHAs name the same commit when one starts with the other (7+ characters). */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || Math.min(a.length, b.length) < 7) return a === b && Boolean(a);
  return a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
}

export async function fetchArgoApplication(spec: ArgoCdCheck, context: MeasureContext): Promise<ArgoApplication> {
  const response = await request(argoApplicationUrl(spec), { headers: argoHeaders(spec.token) }, spec.timeoutMs, context);
  if (response.status === 401 || response.status === 403) {
    throw new AegisError(`Argo CD refused the request for '${spec.application}' (HTTP ${response.status}): check the token`);
  }
  if (response.status !== 200) {
    throw new AegisError(`Argo CD answered HTTP ${response.status} for '${spec.application}': ${response.body.slice(0, 200)}`);
  }
  return JSON.parse(response.body) as ArgoApplication;
}

/**
 * "Synced" alone is not the answer (Argo CD reports Synced for an application that is in sync
 * with an older commit, before it has even fetched the new one): the application must be
 * Synced AT the expected revision AND Healthy.
 */
export function syncedRevisions(app: ArgoApplication): string[] {
  const sync = app.status?.sync ?? {};
  return [sync.revision, ...(sync.revisions ?? [])].filter((value): value is string => Boolean(value));
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

async function measureArgoCd(spec: ArgoCdCheck, context: MeasureContext): Promise<Observation> {
  let app: ArgoApplication;
  try {
    app = await fetchArgoApplication(spec, context);
  } catch (error) {
    if (context.signal.aborted) throw error;
    return errorObservation(error instanceof SyntaxError ? new Error('Argo CD answered with something that is not JSON') : error);
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

/** `kubectl` arguments shared by the check and the rollback: where the cluster is. */
export function kubectlTarget(spec: Pick<KubernetesCheck, 'namespace' | 'context' | 'kubeconfig'>): string[] {
  const args = ['--namespace', spec.namespace];
  if (spec.context) args.push('--context', spec.context);
  if (spec.kubeconfig) args.push('--kubeconfig', spec.kubeconfig);
  return args;
}

/** The fields of an apps/v1 Deployment that say whether its rollout is complete. */
export interface DeploymentStatus {
  metadata?: { generation?: number };
  spec?: { replicas?: number };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
  };
}

/** The rules `kubectl rollout status` applies to a Deployment. */
export function assessDeployment(deployment: DeploymentStatus, name: string): Observation {
  const generation = deployment.metadata?.generation ?? 0;
  const status = deployment.status ?? {};
  const desired = deployment.spec?.replicas ?? 1;
  const updated = status.updatedReplicas ?? 0;
  const available = status.availableReplicas ?? 0;
  const total = status.replicas ?? 0;
  const facts = `${updated}/${desired} updated, ${available}/${desired} available`;
  if ((status.observedGeneration ?? 0) < generation) {
    return { phase: 'Running', value: available, message: `deployment/${name}: generation ${generation} not yet observed` };
  }
  const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return {
      phase: 'Failed',
      value: available,
      message: `deployment/${name}: ${facts}; ${progressing.message ?? 'progress deadline exceeded'}`,
    };
  }
  if (updated === desired && available === desired && total === desired) {
    return { phase: 'Successful', value: available, message: `deployment/${name}: rollout complete, ${facts}` };
  }
  return {
    phase: 'Running',
    value: available,
    message: `deployment/${name}: ${facts}${total > updated ? `, ${total - updated} old pending termination` : ''}`,
  };
}

async function measureKubernetes(spec: KubernetesCheck): Promise<Observation> {
  const args = [
    'get',
    'deployment',
    spec.deployment,
    ...kubectlTarget(spec),
    '--output',
    'json',
    '--request-timeout',
    `${Math.max(1, Math.ceil(spec.timeoutMs / 1000))}s`,
  ];
  const result = await run('kubectl', args, { allowFailure: true }).catch((error: Error) => ({
    exitCode: -1,
    stdout: '',
    stderr: error.message,
  }));
  if (result.exitCode !== 0)
    return { phase: 'Error', message: `kubectl get deployment/${spec.deployment}: ${result.stderr.trim().split('\n').pop()}` };
  try {
    return assessDeployment(JSON.parse(result.stdout) as DeploymentStatus, spec.deployment);
  } catch {
    return { phase: 'Error', message: 'kubectl printed something that is not JSON' };
  }
}

function preview(value: Value): string {
  const text =
    typeof value === 'string'
      ? JSON.stringify(value)
      : JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

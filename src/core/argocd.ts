/**
 * One small client for the documented Argo CD REST API, shared by promote (its "runs the
 * source" precondition) and health-gate (the argocd check and rollback):
 * `GET /api/v1/applications/{name}` and `POST /api/v1/applications/{name}/rollback`,
 * authenticated with a bearer token. Errors name the server and application, never the token.
 */
import { AegisError } from './errors.js';
import { type Fetch, HttpUnreachableError, httpFetch } from './http.js';

export type { Fetch };

export interface ArgoCdTarget {
  /** Base URL of the Argo CD server, e.g. https://argocd.example.com */
  server: string;
  application: string;
  appNamespace?: string;
  token?: string;
  timeoutMs?: number;
}

/** The fields of an Argo CD Application the stages read. */
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

export function argoApplicationUrl(target: Pick<ArgoCdTarget, 'server' | 'application' | 'appNamespace'>, suffix = ''): string {
  const query = target.appNamespace ? `?${new URLSearchParams({ appNamespace: target.appNamespace }).toString()}` : '';
  return `${target.server.replace(/\/+$/, '')}/api/v1/applications/${encodeURIComponent(target.application)}${suffix}${query}`;
}

export function argoHeaders(token: string | undefined): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' };
}

/** Full or abbreviated SHAs name the same commit when one starts with the other (7+ characters). */
export function sameRevision(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || Math.min(a.length, b.length) < 7) return a === b && Boolean(a);
  return a.toLowerCase().startsWith(b.toLowerCase()) || b.toLowerCase().startsWith(a.toLowerCase());
}

/** The revisions an application is synced at (one, or one per source of a multi-source app). */
export function syncedRevisions(app: ArgoApplication): string[] {
  const sync = app.status?.sync ?? {};
  return [sync.revision, ...(sync.revisions ?? [])].filter((value): value is string => Boolean(value));
}

async function send(target: ArgoCdTarget, init: RequestInit, suffix: string, options: { signal?: AbortSignal; fetch?: Fetch }) {
  try {
    return await httpFetch(argoApplicationUrl(target, suffix), init, {
      timeoutMs: target.timeoutMs ?? 30_000,
      signal: options.signal,
      fetch: options.fetch,
    });
  } catch (error) {
    if (error instanceof HttpUnreachableError) throw new AegisError(`Argo CD ${error.origin} unreachable: ${error.reason}`);
    throw error;
  }
}

/** GET the application; a refusal or a body that is not an Application is an AegisError saying which. */
export async function fetchArgoApplication(
  target: ArgoCdTarget,
  options: { signal?: AbortSignal; fetch?: Fetch } = {},
): Promise<ArgoApplication> {
  const response = await send(target, { headers: argoHeaders(target.token) }, '', options);
  const body = await response.text();
  if (response.status === 401 || response.status === 403) {
    throw new AegisError(
      `Argo CD refused the request for '${target.application}' (HTTP ${response.status}): check the token and its project permissions`,
    );
  }
  if (response.status === 404) throw new AegisError(`Argo CD has no application '${target.application}' (HTTP 404)`);
  if (!response.ok) throw new AegisError(`Argo CD answered HTTP ${response.status} for '${target.application}': ${body.slice(0, 200)}`);
  let app: unknown;
  try {
    app = JSON.parse(body);
  } catch {
    throw new AegisError(`Argo CD answered with something that is not JSON for '${target.application}'`);
  }
  if (typeof app !== 'object' || app === null || Array.isArray(app)) {
    throw new AegisError(`Argo CD answered with something that is not an Application for '${target.application}'`);
  }
  return app as ArgoApplication;
}

/** POST a history rollback (Argo CD refuses it while automated sync is on). */
export async function postArgoRollback(target: ArgoCdTarget, historyId: number, options: { fetch?: Fetch } = {}): Promise<void> {
  const body = JSON.stringify({
    name: target.application,
    id: historyId,
    prune: false,
    dryRun: false,
    ...(target.appNamespace ? { appNamespace: target.appNamespace } : {}),
  });
  const response = await send(
    target,
    { method: 'POST', headers: { ...argoHeaders(target.token), 'Content-Type': 'application/json' }, body },
    '/rollback',
    options,
  );
  if (!response.ok) {
    throw new AegisError(
      `Argo CD refused the rollback of '${target.application}' (HTTP ${response.status}): ${(await response.text()).slice(0, 300)}`,
    );
  }
}

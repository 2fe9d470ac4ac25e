/**
 * The optional precondition that Argo CD runs the source: each source application is Synced
 * at the source commit and Healthy. A small client for the documented Argo CD REST API,
 * `GET /api/v1/applications/{name}` (an Application: status.sync.status,
 * status.sync.revision — status.sync.revisions for multi-source apps — and status.health.status),
 * authenticated with a bearer token.
 */
import { AegisError } from '../errors.js';
import { type Fetch, httpFetch } from '../http.js';
import { type Refusal, RULE } from './refusal.js';

export interface ArgoCdAccess {
  /** Base URL of the Argo CD server, e.g. https://argocd.example.com */
  server: string;
  token?: string;
}

export interface ApplicationState {
  name: string;
  sync?: string;
  revisions: string[];
  health?: string;
}

interface ApplicationResponse {
  status?: {
    sync?: { status?: string; revision?: string; revisions?: string[] };
    health?: { status?: string };
  };
}

export class ArgoCdClient {
  private readonly base: string;

  constructor(
    private readonly access: ArgoCdAccess,
    private readonly fetchImpl?: Fetch,
  ) {
    this.base = access.server.replace(/\/+$/, '');
  }

  async application(name: string): Promise<ApplicationState> {
    const url = `${this.base}/api/v1/applications/${encodeURIComponent(name)}`;
    const response = await httpFetch(
      url,
      { headers: { Accept: 'application/json', ...(this.access.token ? { Authorization: `Bearer ${this.access.token}` } : {}) } },
      { timeoutMs: 30_000, fetch: this.fetchImpl },
    );
    if (!response.ok) {
      const hint =
        response.status === 401 || response.status === 403
          ? ' (check argocd-token and its project permissions)'
          : response.status === 404
            ? ' (no such application)'
            : '';
      throw new AegisError(
        `Argo CD ${this.base}: GET /api/v1/applications/${name} answered ${response.status} ${response.statusText}${hint}.`,
      );
    }
    const body = (await response.json()) as ApplicationResponse;
    const sync = body.status?.sync;
    const revisions = [...(sync?.revision ? [sync.revision] : []), ...(sync?.revisions ?? [])];
    return { name, sync: sync?.status, revisions, health: body.status?.health?.status };
  }
}

/** Synced, at `commit` (any of a multi-source app's revisions), and Healthy — or a refusal saying which is not. */
export function argoRefusal(state: ApplicationState, commit: string): Refusal | undefined {
  const problems: string[] = [];
  if (state.sync !== 'Synced') problems.push(`sync status is ${state.sync ?? 'unknown'}, not Synced`);
  if (!state.revisions.includes(commit)) {
    const synced = state.revisions.find((revision) => /^[0-9a-f]{40}$/.test(revision));
    problems.push(
      `synced revision is ${state.revisions.join(', ') || 'unknown'}, not the source commit ${commit}` +
        (synced ? ` (to promote exactly what it runs, set from-ref: ${synced})` : ''),
    );
  }
  if (state.health !== 'Healthy') problems.push(`health is ${state.health ?? 'unknown'}, not Healthy`);
  if (problems.length === 0) return undefined;
  return { subject: state.name, kind: 'application', rule: RULE.argocd, detail: problems.join('; ') };
}

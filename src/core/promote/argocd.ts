/**
 * The optional precondition that Argo CD runs the source: each source application is Synced
 * at the source commit and Healthy, read through the shared Argo CD client (../argocd.ts):
 * status.sync.status, status.sync.revision (status.sync.revisions for multi-source apps)
 * and status.health.status.
 */
import { type Fetch, fetchArgoApplication, syncedRevisions } from '../argocd.js';
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

export class ArgoCdClient {
  constructor(
    private readonly access: ArgoCdAccess,
    private readonly fetchImpl?: Fetch,
  ) {}

  async application(name: string): Promise<ApplicationState> {
    const app = await fetchArgoApplication(
      { server: this.access.server, token: this.access.token, application: name },
      { fetch: this.fetchImpl },
    );
    return { name, sync: app.status?.sync?.status, revisions: syncedRevisions(app), health: app.status?.health?.status };
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

import { InputError } from '../errors.js';
import type { Fetch } from '../http.js';
import type { ForgeApi } from './forge-release.js';
import type { HttpRequest } from './http.js';
import { send } from './http.js';

/** A repository/project told about a new version. */
export interface Dependent {
  kind: 'github' | 'gitlab';
  /** `owner/repo` or `group/sub/project`. */
  repository: string;
  /** Branch the GitLab pipeline runs on. */
  ref: string;
}

export interface ReleaseEvent {
  library: string;
  version: string;
  tag: string;
  prerelease: boolean;
}

const LINE = /^(?:(github|gitlab):)?([\w.-]+(?:\/[\w.-]+)+?)(?:@([\w./-]+))?$/;

/**
 * One dependent per line: `github:owner/repo`, `gitlab:group/project@main`, or a bare path
 * (the forge this runs on). `@ref` is the branch a GitLab pipeline runs on (default `main`).
 */
export function parseDependents(lines: readonly string[], defaultKind: 'github' | 'gitlab', input = 'dependents'): Dependent[] {
  return lines.map((line) => {
    const match = LINE.exec(line);
    if (!match) throw new InputError(input, line, "lines such as 'github:owner/repo' or 'gitlab:group/project@main'");
    const kind = (match[1] as 'github' | 'gitlab' | undefined) ?? defaultKind;
    const repository = match[2] as string;
    if (kind === 'github' && repository.split('/').length !== 2) throw new InputError(input, line, "a GitHub repository as 'owner/repo'");
    return { kind, repository, ref: match[3] ?? 'main' };
  });
}

/**
 * GitHub: `repository_dispatch` with event type `aegis-release` and the version in
 * client_payload (needs a token with contents:write on the target).
 * GitLab: the pipeline trigger API; the trigger token goes in the form body, never the URL.
 */
export function notificationRequest(dependent: Dependent, api: ForgeApi, event: ReleaseEvent): HttpRequest {
  const base = api.apiUrl.replace(/\/+$/, '');
  if (dependent.kind === 'github') {
    return {
      method: 'POST',
      url: `${base}/repos/${dependent.repository.split('/').map(encodeURIComponent).join('/')}/dispatches`,
      headers: {
        authorization: `Bearer ${api.token}`,
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ event_type: 'aegis-release', client_payload: event }),
    };
  }
  const form = new URLSearchParams({
    token: api.token,
    ref: dependent.ref,
    'variables[AEGIS_RELEASE_LIBRARY]': event.library,
    'variables[AEGIS_RELEASE_VERSION]': event.version,
    'variables[AEGIS_RELEASE_TAG]': event.tag,
    'variables[AEGIS_RELEASE_PRERELEASE]': String(event.prerelease),
  });
  return {
    method: 'POST',
    url: `${base}/projects/${encodeURIComponent(dependent.repository)}/trigger/pipeline`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: form.toString(),
  };
}

export interface NotificationResult {
  dependent: Dependent;
  ok: boolean;
  detail: string;
}

/** Sends every notification; one failure does not stop the others (the release itself is already done). */
export async function notifyDependents(
  dependents: readonly Dependent[],
  apiFor: (kind: 'github' | 'gitlab') => ForgeApi,
  event: ReleaseEvent,
  fetchImpl?: Fetch,
): Promise<NotificationResult[]> {
  const results: NotificationResult[] = [];
  for (const dependent of dependents) {
    try {
      const response = await send(notificationRequest(dependent, apiFor(dependent.kind), event), `${dependent.kind} API`, fetchImpl);
      const ok = response.status >= 200 && response.status < 300;
      results.push({ dependent, ok, detail: ok ? `HTTP ${response.status}` : `HTTP ${response.status}: ${response.body.slice(0, 200)}` });
    } catch (error) {
      results.push({ dependent, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}

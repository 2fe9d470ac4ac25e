import { InputError } from '../errors.js';

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

/** The `repository_dispatch` event type a GitHub dependent's workflow listens for (`on: repository_dispatch: types: [aegis-release]`). */
export const DISPATCH_EVENT_TYPE = 'aegis-release';

/** How long a dependent's forge may take to answer before the notification counts as failed. */
export const NOTIFY_TIMEOUT_MS = 30_000;

/**
 * Tells one dependent about a release. The platform's `Forge` provides it: GitHub sends a
 * `repository_dispatch` (event type `aegis-release`, the event as client_payload), GitLab runs the
 * pipeline trigger API on `ref` with the event as `AEGIS_RELEASE_*` variables, the trigger token
 * in the form body, never the URL. Declared here because the core never imports the platform.
 */
export interface DependentNotifier {
  /** Rejects when the forge refused or could not be reached. */
  notifyDependent(target: Dependent, event: ReleaseEvent): Promise<void>;
}

/** The pipeline variables a GitLab dependent receives, so both forges carry the same four facts. */
export function releaseVariables(event: ReleaseEvent): Record<string, string> {
  return {
    AEGIS_RELEASE_LIBRARY: event.library,
    AEGIS_RELEASE_VERSION: event.version,
    AEGIS_RELEASE_TAG: event.tag,
    AEGIS_RELEASE_PRERELEASE: String(event.prerelease),
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
  notifierFor: (kind: Dependent['kind']) => DependentNotifier | Promise<DependentNotifier>,
  event: ReleaseEvent,
): Promise<NotificationResult[]> {
  const results: NotificationResult[] = [];
  for (const dependent of dependents) {
    try {
      await (await notifierFor(dependent.kind)).notifyDependent(dependent, event);
      results.push({ dependent, ok: true, detail: 'notified' });
    } catch (error) {
      results.push({ dependent, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}

/**
 * Reading the GitOps repository for insight (and for promote's source times): one clone, one
 * `git log` pass over the branch, and — for the status — the overlays at the tip plus one
 * `git log -1` per environment for when its overlays were last touched.
 */
import { tmpdir } from 'node:os';
import { createPrivateDir, removePrivateDir } from '../cleanup.js';
import { AegisError } from '../errors.js';
import { Git, type GitOperations } from '../git/git.js';
import type { Remote } from '../git/remote.js';
import { resolveKustomizations } from '../gitops/targets.js';
import { formatImage } from '../images/image-line.js';
import type { Environment } from '../promote/environments.js';
import { readEnvironment } from '../promote/source.js';
import { buildHistory, HISTORY_FORMAT, type History, parseHistory } from './history.js';
import type { LastTouch, OverlayState } from './status.js';

export interface GitopsClone {
  dir: string;
  git: GitOperations;
  close(): void;
}

/**
 * Clones `branch`: with a work tree (blobs fetched for the tip only) when the overlays are
 * to be read, else bare and without trees (commits and their messages are all a log needs).
 */
export async function cloneGitops(remote: Remote, branch: string, mode: 'checkout' | 'log-only'): Promise<GitopsClone> {
  // A registered private dir: removed on exit, error, SIGINT and SIGTERM like every stage's temp files.
  const dir = createPrivateDir(tmpdir(), 'aegis-insight-');
  const close = () => removePrivateDir(dir);
  try {
    const git = new Git(dir, remote.env);
    const cloned = await git.clone(
      remote.url,
      mode === 'checkout' ? { branch, filter: 'blob:none' } : { branch, bare: true, filter: 'tree:0' },
    );
    if (!cloned.ok) {
      throw new AegisError(`Could not clone branch '${branch}' of ${remote.url}: ${cloned.stderr.trim().split('\n').slice(-2).join(' ')}`);
    }
    return { dir, git, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** The whole history of HEAD as deployment events, from one `git log`. */
export async function readHistory(git: GitOperations, revision = 'HEAD'): Promise<History> {
  return buildHistory(parseHistory(await git.formattedLog(HISTORY_FORMAT, revision)));
}

/** What each environment's overlays set at the checkout, and when they were last touched (for drift). */
export async function readOverlays(
  clone: GitopsClone,
  environments: readonly Environment[],
): Promise<{ overlays: Map<string, OverlayState>; lastTouch: Map<string, LastTouch | undefined> }> {
  const overlays = new Map<string, OverlayState>();
  const lastTouch = new Map<string, LastTouch | undefined>();
  for (const environment of environments) {
    const state: OverlayState = new Map();
    for (const overlay of readEnvironment(clone.dir, environment)) {
      for (const image of overlay.images) {
        const list = state.get(image.name) ?? [];
        list.push({ file: overlay.file, reference: formatImage(image) });
        state.set(image.name, list);
      }
    }
    overlays.set(environment.name, state);
    const files = resolveKustomizations(clone.dir, environment.overlays, 'environments');
    const touched = await clone.git.lastChange(files);
    lastTouch.set(environment.name, touched ? { commit: touched.sha, time: touched.time } : undefined);
  }
  return { overlays, lastTouch };
}

/** History and overlays together: the overlays are read and parsed while git prints the log. */
export async function readRepository(
  clone: GitopsClone,
  environments: readonly Environment[],
): Promise<{ history: History; overlays: Map<string, OverlayState>; lastTouch: Map<string, LastTouch | undefined> }> {
  const [history, state] = await Promise.all([readHistory(clone.git), readOverlays(clone, environments)]);
  return { history, ...state };
}

/**
 * Reading the source: the overlays of every environment at one commit of the GitOps
 * repository (`from-ref`, default the branch tip). Fetched once, before the write loop, so
 * a retried push re-applies the same source values, never newer ones.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AegisError } from '../errors.js';
import { Git } from '../git/git.js';
import type { Remote } from '../git/remote.js';
import { resolveKustomizations } from '../gitops/targets.js';
import { readImages } from '../yaml/kustomization.js';
import type { Environment } from './environments.js';
import type { OverlayImages } from './images.js';

export interface Snapshot {
  /** The commit the overlays were read at. */
  commit: string;
  /** The checkout's git, for reading the history behind the overlays. */
  git: Git;
  /** A checkout of that commit; removed by `close`. */
  dir: string;
  close(): void;
}

/**
 * Shallow-fetches `ref` (a branch, a tag or a full commit SHA) into a temporary checkout;
 * `depth` commits of history when the trailers behind the overlays are needed.
 */
export async function fetchSnapshot(remote: Remote, ref: string, depth = 1): Promise<Snapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'aegis-promote-source-'));
  const close = () => rmSync(dir, { recursive: true, force: true });
  try {
    const git = new Git(dir, remote.env);
    await git.init();
    const fetched = await git.fetch(remote.url, [ref], { depth });
    if (!fetched.ok) {
      throw new AegisError(
        `Could not fetch '${ref}' (from-ref) from ${remote.url}: ${fetched.stderr.trim().split('\n').slice(-2).join(' ')}. A commit must be given as a full SHA.`,
      );
    }
    await git.checkoutDetached('FETCH_HEAD');
    return { commit: await git.head(), git, dir, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** The `images[]` entries of an environment's overlays in a checkout. */
export function readEnvironment(root: string, environment: Environment): OverlayImages[] {
  return resolveKustomizations(root, environment.overlays, 'environments').map((file) => ({
    file,
    images: readImages(readFileSync(join(root, file), 'utf8'), file),
  }));
}

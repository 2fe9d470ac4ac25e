import { Git, type GitOperations } from '../git/git.js';
import type { Log } from '../log.js';
import { type ChangedPath, parseNameStatus, uniquePaths } from './changes.js';
import type { ChangeType, Manifest } from './manifest.js';
import { type RangeRequest, type ResolvedRange, resolveRange } from './range.js';
import { type FilterSet, type Selection, ServiceSelector } from './select.js';

export interface DetectRequest extends RangeRequest {
  /** The git checkout (its top level: manifest paths and diff paths are relative to it). */
  directory: string;
  manifest: Manifest;
  /** Checked globs from the `global` input, added to the manifest's. */
  global: readonly string[];
  changeTypes: readonly ChangeType[];
  imagePrefix?: string;
  /** paths-filter style `filters` (the manifest then holds one entry per filter). */
  filters?: FilterSet;
}

export interface DetectResult {
  range: ResolvedRange;
  /** Every changed path (both sides of a rename); every file at head when there is no base. */
  changedFiles: string[];
  selection: Selection;
}

/** Resolve the range, list what changed, select services. The manifest is checked before git is touched. */
export async function detect(request: DetectRequest, log: Log): Promise<DetectResult> {
  const selector = new ServiceSelector(request.manifest, request.global, request.changeTypes, request.filters);
  const git = new Git(request.directory);
  const range = await resolveRange(git, request, log);
  if (range.deleted) return { range, changedFiles: [], selection: selector.select([], request.imagePrefix) };
  if (!range.base) {
    const changedFiles = await filesAt(git, range.head);
    return { range, changedFiles, selection: selector.select({ all: range.reason }, request.imagePrefix) };
  }
  const listing = listChanges(git, range.base, range.head, selector.distinguishesRenames);
  // git works out the diff in its own process meanwhile (most of its time): the rules compile in this one.
  selector.prepare();
  const changes = await listing;
  return { range, changedFiles: uniquePaths(changes), selection: selector.select(changes, request.imagePrefix) };
}

/**
 * `git diff --name-status` between two commits. Both paths of a rename are reported either
 * way: as 'renamed' with `renames`, else as 'deleted' and 'added' (cheaper for git).
 */
export async function listChanges(git: GitOperations, base: string, head: string, renames = true): Promise<ChangedPath[]> {
  if (base === head) return [];
  return parseNameStatus(await git.nameStatus(base, head, { renames }));
}

async function filesAt(git: GitOperations, head: string): Promise<string[]> {
  return git.listFiles(head);
}

/**
 * "What runs where": per environment × service, the image the overlays set at the branch tip,
 * since when, the commit and run that put it there, where it was promoted from, and how far
 * the environment is behind the one before it. The overlays are the truth; the trailers are
 * the explanation. When they disagree, someone edited an overlay by hand: that is drift.
 */
import { type SplitReference, splitReference } from '../images/reference.js';
import type { DeploymentEvent, History } from './history.js';

/** The images one environment's overlays set at the tip: image name → the references (one per overlay file). */
export type OverlayState = Map<string, Array<{ file: string; reference: string }>>;

export interface LastTouch {
  commit: string;
  time: number;
}

export interface StatusEntry {
  environment: string;
  service: string;
  image: string;
  /** What the overlays set now (the first overlay's, when they differ). */
  reference: string;
  tag?: string;
  digest?: string;
  /** Seconds since the epoch this has been running. */
  since?: number;
  /** The GitOps commit that put it there. */
  commit?: string;
  run?: string;
  stage?: string;
  sourceCommit?: string;
  promotedFrom?: { environment: string; commit: string };
  /** Null when overlays and trailers agree. */
  /** Null when overlays and trailers agree (or no trailer ever named this image here: see `untracked`). */
  drift: null | { kind: 'hand-edit'; recorded: string } | { kind: 'overlays-differ'; references: string[] };
  /** No Aegis trailer ever set this image in this environment (it predates aegis, or was only ever edited by hand). */
  untracked?: true;
  /** Against the environment before this one (null: first environment, or it never ran what this one runs). */
  /**
   * Against the environment before this one: `deployments` of this service it has had since it
   * ran what this one runs, the GitOps `commits` between that and its newest one, and the `days`
   * between that and its current version. Null: first environment, or it never ran what this one runs.
   */
  behind: null | { environment: string; deployments: number; commits: number; days: number };
}

/** Tag and digest of `name[:tag][@digest]`, as the one reference module splits it; a malformed one is all name. */
export function referenceParts(reference: string): SplitReference {
  return splitReference(reference) ?? { name: reference };
}

/** Same image: equal digests when both have one (promote may pin a digest onto a tag), else equal name and tag. */
export function sameImage(a: string, b: string): boolean {
  if (a === b) return true;
  const x = referenceParts(a);
  const y = referenceParts(b);
  if (x.digest && y.digest) return x.digest === y.digest;
  return x.name === y.name && x.tag === y.tag && x.tag !== undefined;
}

/** Events grouped by `environment\0image`, oldest first. */
export function eventsByTarget(events: readonly DeploymentEvent[]): Map<string, DeploymentEvent[]> {
  const groups = new Map<string, DeploymentEvent[]>();
  for (const event of events) {
    const key = `${event.environment}\0${event.image}`;
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

export function computeStatus(
  history: History,
  environments: readonly string[],
  overlays: ReadonlyMap<string, OverlayState>,
  lastTouch: ReadonlyMap<string, LastTouch | undefined>,
): StatusEntry[] {
  const groups = eventsByTarget(history.events);
  const entries: StatusEntry[] = [];
  const byTarget = new Map<string, StatusEntry>();
  environments.forEach((environment) => {
    const state: OverlayState = overlays.get(environment) ?? new Map();
    for (const image of [...state.keys()].sort()) {
      const set = state.get(image) ?? [];
      const references = [...new Set(set.map((entry) => entry.reference))];
      const reference = references[0] as string;
      const last = groups.get(`${environment}\0${image}`)?.at(-1);
      const entry: StatusEntry = {
        environment,
        image,
        service: image.slice(image.lastIndexOf('/') + 1),
        reference,
        drift: null,
        behind: null,
      };
      const parts = referenceParts(reference);
      if (parts.tag) entry.tag = parts.tag;
      if (parts.digest) entry.digest = parts.digest;
      if (references.length > 1) entry.drift = { kind: 'overlays-differ', references };
      if (last && sameImage(last.reference, reference) && references.length === 1) {
        entry.since = last.time;
        entry.commit = last.commit;
        if (last.sourceRun) entry.run = last.sourceRun;
        if (last.stage) entry.stage = last.stage;
        if (last.sourceCommit) entry.sourceCommit = last.sourceCommit;
        if (last.promotedFrom) entry.promotedFrom = last.promotedFrom;
      } else {
        if (!entry.drift && last) entry.drift = { kind: 'hand-edit', recorded: last.reference };
        if (!last) entry.untracked = true;
        const touch = lastTouch.get(environment);
        if (touch) {
          entry.since = touch.time;
          entry.commit = touch.commit;
        }
      }
      entries.push(entry);
      byTarget.set(`${environment}\0${image}`, entry);
    }
  });
  for (let index = 1; index < environments.length; index++) {
    const previous = environments[index - 1] as string;
    for (const entry of entries) {
      if (entry.environment !== environments[index]) continue;
      const ahead = byTarget.get(`${previous}\0${entry.image}`);
      if (!ahead) continue;
      if (sameImage(ahead.reference, entry.reference)) {
        entry.behind = { environment: previous, deployments: 0, commits: 0, days: 0 };
        continue;
      }
      const history = groups.get(`${previous}\0${entry.image}`) ?? [];
      let matched = -1;
      for (let i = history.length - 1; i >= 0; i--) {
        if (sameImage((history[i] as DeploymentEvent).reference, entry.reference)) {
          matched = i;
          break;
        }
      }
      if (matched < 0) continue;
      const ranThere = history[matched] as DeploymentEvent;
      const newest = history.at(-1) as DeploymentEvent;
      const deployments = history.slice(matched + 1).filter((event) => !event.reverts).length;
      const commits = Math.max(0, (newest.ordinal ?? 0) - (ranThere.ordinal ?? 0));
      const aheadSince = ahead.since ?? newest.time;
      entry.behind = { environment: previous, deployments, commits, days: Math.max(0, (aheadSince - ranThere.time) / 86_400) };
    }
  }
  return entries;
}

/**
 * The GitOps history as deployment events, from ONE `git log` pass: every commit's hash,
 * committer time, subject and trailers in a record-separated format, parsed here. No process
 * per commit, so a history of 100,000 commits costs about what git itself needs to print it.
 *
 * A deployment event is one image set in one environment by one commit: gitops-bump and
 * promote write `Aegis-Image: <name>=<reference>` with `Aegis-Environment`; a health-gate
 * revert writes `Aegis-Reverts: <sha>` and the image that runs again as `Aegis-Image`.
 */
import { TRAILER } from '../gitops/commit-message.js';

/** Record separator (0x1e) before each commit, unit separator (0x1f) between its fields. */
export const HISTORY_FORMAT = '%x1e%H%x1f%ct%x1f%s%x1f%(trailers:only,unfold)';

export interface HistoryCommit {
  sha: string;
  /** Committer time, seconds since the epoch: when the change reached the branch. */
  time: number;
  subject: string;
  trailers: Array<{ key: string; value: string }>;
}

export interface DeploymentEvent {
  commit: string;
  /** Position of the commit in the branch's history, oldest 0 (set by buildHistory): commit distances. */
  ordinal?: number;
  /** Seconds since the epoch (committer time of the GitOps commit). */
  time: number;
  subject: string;
  environment: string;
  /** The kustomize image name (`images[].name`). */
  image: string;
  /** What a person calls the service: the last path segment of the image name. */
  service: string;
  /** The full reference now set, e.g. `registry/api:1.4.3@sha256:…`. */
  reference: string;
  previous?: string;
  /** The stage that wrote it (Aegis-Stage), when recorded. */
  stage?: string;
  sourceCommit?: string;
  sourceRun?: string;
  /** Seconds since the epoch of the source commit (Aegis-Source-Time), when recorded. */
  sourceTime?: number;
  promotedFrom?: { environment: string; commit: string };
  /** Set on a health-gate revert: the commit it reverts. */
  reverts?: string;
}

/** Splits `git log --format=HISTORY_FORMAT` output into commits, newest first as git printed them. */
export function parseHistory(output: string): HistoryCommit[] {
  const commits: HistoryCommit[] = [];
  let start = output.indexOf('\x1e');
  while (start !== -1) {
    const next = output.indexOf('\x1e', start + 1);
    const record = output.slice(start + 1, next === -1 ? undefined : next);
    start = next;
    const a = record.indexOf('\x1f');
    const b = record.indexOf('\x1f', a + 1);
    const c = record.indexOf('\x1f', b + 1);
    if (a < 0 || b < 0 || c < 0) continue;
    const trailers: HistoryCommit['trailers'] = [];
    for (const line of record.slice(c + 1).split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      trailers.push({ key: line.slice(0, colon), value: line.slice(colon + 1).trim() });
    }
    commits.push({ sha: record.slice(0, a), time: Number(record.slice(a + 1, b)), subject: record.slice(b + 1, c), trailers });
  }
  return commits;
}

/** `name=reference` (the first `=` separates, as in kustomize's syntax). */
function splitPair(value: string): [string, string] | undefined {
  const equals = value.indexOf('=');
  return equals > 0 ? [value.slice(0, equals), value.slice(equals + 1)] : undefined;
}

/** Seconds since the epoch from ISO 8601 (what the trailer holds), undefined when it is not a time. */
export function parseTime(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

export function serviceOf(image: string): string {
  return image.slice(image.lastIndexOf('/') + 1);
}

/**
 * The deployment events of one commit. `Aegis-Source-Time` is either one time for every
 * image of the commit (gitops-bump: one source commit) or `<image>=<time>` per image
 * (promote: each image may come from a different bump).
 */
export function eventsOf(commit: HistoryCommit): DeploymentEvent[] {
  let environment: string | undefined;
  let stage: string | undefined;
  let sourceCommit: string | undefined;
  let sourceRun: string | undefined;
  let commitSourceTime: number | undefined;
  let promotedFrom: DeploymentEvent['promotedFrom'];
  let reverts: string | undefined;
  const images: Array<[string, string]> = [];
  const previous = new Map<string, string>();
  const sourceTimes = new Map<string, number>();
  for (const { key, value } of commit.trailers) {
    switch (key) {
      case TRAILER.image: {
        const pair = splitPair(value);
        if (pair) images.push(pair);
        break;
      }
      case TRAILER.previousImage: {
        const pair = splitPair(value);
        if (pair) previous.set(pair[0], pair[1]);
        break;
      }
      case TRAILER.environment:
        environment = value;
        break;
      case TRAILER.stage:
        stage = value;
        break;
      case TRAILER.sourceCommit:
        sourceCommit = value;
        break;
      case TRAILER.sourceRun:
        sourceRun = value;
        break;
      case TRAILER.sourceTime: {
        const pair = /^\d{4}-/.test(value) ? undefined : splitPair(value);
        const time = parseTime(pair ? pair[1] : value);
        if (time === undefined) break;
        if (pair) sourceTimes.set(pair[0], time);
        else commitSourceTime = time;
        break;
      }
      case TRAILER.promotedFrom: {
        const at = value.lastIndexOf('@');
        if (at > 0) promotedFrom = { environment: value.slice(0, at), commit: value.slice(at + 1) };
        break;
      }
      case TRAILER.reverts:
        reverts = value;
        break;
    }
  }
  if (!environment || images.length === 0) return [];
  return images.map(([image, reference]) => {
    const event: DeploymentEvent = {
      commit: commit.sha,
      time: commit.time,
      subject: commit.subject,
      environment: environment as string,
      image,
      service: serviceOf(image),
      reference,
    };
    const before = previous.get(image);
    if (before !== undefined) event.previous = before;
    if (stage) event.stage = stage;
    if (sourceCommit) event.sourceCommit = sourceCommit;
    if (sourceRun) event.sourceRun = sourceRun;
    const sourceTime = sourceTimes.get(image) ?? commitSourceTime;
    if (sourceTime !== undefined) event.sourceTime = sourceTime;
    if (promotedFrom) event.promotedFrom = promotedFrom;
    if (reverts) event.reverts = reverts;
    return event;
  });
}

export interface History {
  /** Every deployment event, oldest first. */
  events: DeploymentEvent[];
  /** Commits read. */
  commits: number;
  /** Health-gate reverts (`Aegis-Reverts`), oldest first, also those that set no image back. */
  reverts: Array<{ commit: string; time: number; reverted: string; environment?: string }>;
  /** Commits with Aegis-Image trailers but no Aegis-Environment: they cannot be attributed. */
  unattributed: number;
  /** Commit time of the newest commit (the branch tip). */
  tipTime?: number;
  tip?: string;
}

export function buildHistory(commits: readonly HistoryCommit[]): History {
  const events: DeploymentEvent[] = [];
  const reverts: History['reverts'] = [];
  let unattributed = 0;
  for (let index = commits.length - 1; index >= 0; index--) {
    const commit = commits[index] as HistoryCommit;
    const reverted = commit.trailers.find((t) => t.key === TRAILER.reverts)?.value;
    if (reverted) {
      const environment = commit.trailers.find((t) => t.key === TRAILER.environment)?.value;
      reverts.push({ commit: commit.sha, time: commit.time, reverted, ...(environment ? { environment } : {}) });
    }
    const found = eventsOf(commit);
    const ordinal = commits.length - 1 - index;
    for (const event of found) {
      event.ordinal = ordinal;
      events.push(event);
    }
    if (found.length === 0 && commit.trailers.some((t) => t.key === TRAILER.image)) unattributed++;
  }
  return { events, reverts, commits: commits.length, unattributed, tipTime: commits[0]?.time, tip: commits[0]?.sha };
}

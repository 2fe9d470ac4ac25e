/**
 * DORA's four keys from the deployment events, over a window ending `now`.
 *
 * - Deployment frequency: forward deployments (gitops-bump, promote; not health-gate reverts,
 *   which are restorations) per day.
 * - Lead time for changes: source commit time → the GitOps commit that deployed it to this
 *   environment. The source time is the commit's `Aegis-Source-Time`; a promotion without one
 *   inherits it from the deployment of the same image in the environment it was promoted from.
 *   Deployments whose source time cannot be found (commits older than the trailer) are left
 *   out of the median and counted in `leadTime.unknown`.
 * - Change failure rate: failed deployments / deployments. A deployment failed when a
 *   health-gate revert names it (`Aegis-Reverts`), or when the next deployment of the same
 *   service to the same environment follows within `fixWithinSeconds` (a fix-forward).
 * - Time to restore (DORA's "failed deployment recovery time"): failed deployment → the revert,
 *   or → the fixing deployment.
 * Medians, as DORA's Four Keys project reports them. Bands: see BANDS.
 */
import type { DeploymentEvent, History } from './history.js';
import { eventsByTarget, sameImage } from './status.js';

export type Band = 'elite' | 'high' | 'medium' | 'low';

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/**
 * Thresholds of the software delivery performance clusters of DORA's Accelerate State of
 * DevOps Report 2023 (the last report giving all four keys for four clusters):
 * deployment frequency elite "on demand (multiple deploys per day)", high "between once per
 * day and once per week", medium "between once per week and once per month"; lead time elite
 * "less than one day", high "between one day and one week", medium "between one week and one
 * month"; change failure rate elite 5%, high 10%, medium 15%, low 64%; failed deployment
 * recovery time elite "less than one hour", high "less than one day", medium "between one day
 * and one week", low "between one month and six months". The report's low cluster overlaps
 * medium for frequency and lead time; here anything slower than medium is low.
 */
export const BANDS = {
  source: 'DORA, Accelerate State of DevOps Report 2023, software delivery performance clusters',
  deploymentFrequency: { elite: 1, high: 1 / 7, medium: 1 / 30 },
  leadTime: { elite: DAY, high: WEEK, medium: MONTH },
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  timeToRestore: { elite: HOUR, high: DAY, medium: WEEK },
} as const;

/** At or above the threshold is that band (frequency: deployments per day). */
export function frequencyBand(perDay: number): Band {
  const t = BANDS.deploymentFrequency;
  return perDay >= t.elite ? 'elite' : perDay >= t.high ? 'high' : perDay >= t.medium ? 'medium' : 'low';
}

/** Below the threshold is that band (durations in seconds, rates as fractions); at most for the failure rate. */
function lowerIsBetter(value: number, t: { elite: number; high: number; medium: number }, inclusive: boolean): Band {
  const under = (limit: number) => (inclusive ? value <= limit : value < limit);
  return under(t.elite) ? 'elite' : under(t.high) ? 'high' : under(t.medium) ? 'medium' : 'low';
}

export const leadTimeBand = (seconds: number) => lowerIsBetter(seconds, BANDS.leadTime, false);
export const failureRateBand = (rate: number) => lowerIsBetter(rate, BANDS.changeFailureRate, true);
export const restoreBand = (seconds: number) => lowerIsBetter(seconds, BANDS.timeToRestore, false);

export interface DoraOptions {
  now: number;
  /** Window length in seconds. */
  windowSeconds: number;
  /** A deployment followed by the next one of the same service and environment this soon was fixed forward: failed. 0: off. */
  fixWithinSeconds: number;
}

export interface FourKeys {
  deployments: number;
  deploymentFrequency: { perDay: number; perWeek: number; band: Band | null };
  leadTime: { medianSeconds: number | null; known: number; unknown: number; band: Band | null };
  changeFailure: { failed: number; reverted: number; fixed: number; rate: number | null; band: Band | null };
  timeToRestore: { medianSeconds: number | null; restored: number; band: Band | null };
}

export interface DeploymentOutcome {
  event: DeploymentEvent;
  leadTimeSeconds?: number;
  failure?: { by: 'revert' | 'fix'; restoredAt: number; commit: string };
}

export interface DoraReport {
  window: { from: number; to: number; seconds: number };
  bands: typeof BANDS;
  /** `environment` → four keys over all its services. */
  environments: Record<string, FourKeys>;
  /** `environment` → `service` → four keys. */
  services: Record<string, Record<string, FourKeys>>;
  /** Deployments per environment per week (Monday 00:00 UTC, seconds) over the window. */
  weekly: Array<{ week: number; counts: Record<string, number> }>;
  outcomes: DeploymentOutcome[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Source time of a deployment: its own trailer, else that of the deployment it was promoted from (recursively). */
export function sourceTimeResolver(groups: Map<string, DeploymentEvent[]>): (event: DeploymentEvent) => number | undefined {
  const cache = new Map<DeploymentEvent, number | undefined>();
  const resolve = (event: DeploymentEvent, depth: number): number | undefined => {
    if (event.sourceTime !== undefined) return event.sourceTime;
    if (!event.promotedFrom || depth > 16) return undefined;
    if (cache.has(event)) return cache.get(event);
    const from = groups.get(`${event.promotedFrom.environment}\0${event.image}`) ?? [];
    let found: number | undefined;
    for (let i = from.length - 1; i >= 0; i--) {
      const candidate = from[i] as DeploymentEvent;
      if (candidate.time > event.time || candidate.reverts) continue;
      if (sameImage(candidate.reference, event.reference)) {
        found = resolve(candidate, depth + 1);
        break;
      }
    }
    cache.set(event, found);
    return found;
  };
  return (event) => resolve(event, 0);
}

function fourKeys(outcomes: readonly DeploymentOutcome[], windowSeconds: number): FourKeys {
  const deployments = outcomes.length;
  const perDay = deployments / (windowSeconds / DAY);
  const leadTimes = outcomes.flatMap((o) => (o.leadTimeSeconds === undefined ? [] : [o.leadTimeSeconds]));
  const failures = outcomes.flatMap((o) => (o.failure ? [o.failure] : []));
  const restores = outcomes.flatMap((o) => (o.failure ? [o.failure.restoredAt - o.event.time] : []));
  const lead = median(leadTimes);
  const rate = deployments > 0 ? failures.length / deployments : null;
  const restore = median(restores);
  return {
    deployments,
    deploymentFrequency: { perDay, perWeek: perDay * 7, band: deployments > 0 ? frequencyBand(perDay) : null },
    leadTime: {
      medianSeconds: lead,
      known: leadTimes.length,
      unknown: deployments - leadTimes.length,
      band: lead === null ? null : leadTimeBand(lead),
    },
    changeFailure: {
      failed: failures.length,
      reverted: failures.filter((f) => f.by === 'revert').length,
      fixed: failures.filter((f) => f.by === 'fix').length,
      rate,
      band: rate === null ? null : failureRateBand(rate),
    },
    timeToRestore: { medianSeconds: restore, restored: restores.length, band: restore === null ? null : restoreBand(restore) },
  };
}

/** Monday 00:00 UTC of the week holding `time`. */
export function weekStart(time: number): number {
  const day = Math.floor(time / DAY);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 counting from Monday.
  return (day - ((day + 3) % 7)) * DAY;
}

export function computeDora(history: History, options: DoraOptions): DoraReport {
  const from = options.now - options.windowSeconds;
  const groups = eventsByTarget(history.events);
  const sourceTime = sourceTimeResolver(groups);
  const revertOf = new Map<string, { commit: string; time: number }>();
  for (const revert of history.reverts) {
    // A commit reverted twice (a revert of the revert aside) restored at the first revert.
    if (!revertOf.has(revert.reverted)) revertOf.set(revert.reverted, { commit: revert.commit, time: revert.time });
  }
  const outcomes: DeploymentOutcome[] = [];
  for (const group of groups.values()) {
    group.forEach((event, index) => {
      if (event.reverts || event.time < from || event.time > options.now) return;
      const outcome: DeploymentOutcome = { event };
      const source = sourceTime(event);
      if (source !== undefined) outcome.leadTimeSeconds = Math.max(0, event.time - source);
      const revert = revertOf.get(event.commit);
      const next = group.slice(index + 1).find((later) => !later.reverts);
      if (revert && revert.time >= event.time) outcome.failure = { by: 'revert', restoredAt: revert.time, commit: revert.commit };
      else if (next && options.fixWithinSeconds > 0 && next.time - event.time <= options.fixWithinSeconds) {
        outcome.failure = { by: 'fix', restoredAt: next.time, commit: next.commit };
      }
      outcomes.push(outcome);
    });
  }
  outcomes.sort((a, b) => a.event.time - b.event.time || a.event.commit.localeCompare(b.event.commit));

  const byEnvironment = new Map<string, DeploymentOutcome[]>();
  const byService = new Map<string, Map<string, DeploymentOutcome[]>>();
  for (const outcome of outcomes) {
    const { environment, service } = outcome.event;
    if (!byEnvironment.has(environment)) byEnvironment.set(environment, []);
    byEnvironment.get(environment)?.push(outcome);
    if (!byService.has(environment)) byService.set(environment, new Map());
    const services = byService.get(environment) as Map<string, DeploymentOutcome[]>;
    if (!services.has(service)) services.set(service, []);
    services.get(service)?.push(outcome);
  }
  const environments: Record<string, FourKeys> = {};
  for (const [environment, list] of byEnvironment) environments[environment] = fourKeys(list, options.windowSeconds);
  const services: Record<string, Record<string, FourKeys>> = {};
  for (const [environment, map] of byService) {
    services[environment] = {};
    for (const [service, list] of map) (services[environment] as Record<string, FourKeys>)[service] = fourKeys(list, options.windowSeconds);
  }
  const weeks = new Map<number, Record<string, number>>();
  for (let week = weekStart(from); week <= options.now; week += WEEK) weeks.set(week, {});
  for (const { event } of outcomes) {
    const counts = weeks.get(weekStart(event.time)) as Record<string, number>;
    counts[event.environment] = (counts[event.environment] ?? 0) + 1;
  }
  return {
    window: { from, to: options.now, seconds: options.windowSeconds },
    bands: BANDS,
    environments,
    services,
    weekly: [...weeks].map(([week, counts]) => ({ week, counts })),
    outcomes,
  };
}

/**
 * The CI runs behind the deployments, read through the forge seam (GitHub workflow runs,
 * GitLab pipelines): how many, how many succeeded, how long they took. Optional: insight asks
 * the forge only when `ci-project` is given.
 */
import { median } from './dora.js';

export interface PipelineRun {
  id: string;
  /** success, failure (failed, timed out), or other (cancelled, skipped, still running …). */
  result: 'success' | 'failure' | 'other';
  /** Seconds since the epoch. */
  createdAt: number;
  /**
   * Seconds from start to the last update: GitHub's `updated_at − run_started_at`, GitLab's
   * `updated_at − created_at` (the list API carries no `duration`); undefined when unknown.
   */
  durationSeconds?: number;
  url?: string;
}

export interface PipelineQuery {
  /** Runs created at or after this time (seconds since the epoch). */
  since: number;
  branch?: string;
  /** At most this many runs are read (pages of 100). */
  limit: number;
}

export interface PipelineFigures {
  runs: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed); null without finished runs. */
  successRate: number | null;
  medianDurationSeconds: number | null;
}

export function pipelineFigures(runs: readonly PipelineRun[], window: { from: number; to: number }): PipelineFigures {
  const inside = runs.filter((run) => run.createdAt >= window.from && run.createdAt <= window.to);
  const succeeded = inside.filter((run) => run.result === 'success').length;
  const failed = inside.filter((run) => run.result === 'failure').length;
  const durations = inside.flatMap((run) => (run.result !== 'other' && run.durationSeconds !== undefined ? [run.durationSeconds] : []));
  return {
    runs: inside.length,
    succeeded,
    failed,
    successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
    medianDurationSeconds: median(durations),
  };
}

const seconds = (iso: unknown) =>
  typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? Math.floor(Date.parse(iso) / 1000) : undefined;

/** A GitHub workflow run (REST "List workflow runs for a repository"). */
export function fromGitHubRun(run: Record<string, unknown>): PipelineRun {
  const conclusion = run.conclusion;
  const created = seconds(run.created_at) ?? 0;
  const started = seconds(run.run_started_at) ?? created;
  const updated = seconds(run.updated_at);
  return {
    id: String(run.id),
    result: conclusion === 'success' ? 'success' : conclusion === 'failure' || conclusion === 'timed_out' ? 'failure' : 'other',
    createdAt: created,
    ...(updated !== undefined && run.status === 'completed' ? { durationSeconds: Math.max(0, updated - started) } : {}),
    ...(typeof run.html_url === 'string' ? { url: run.html_url } : {}),
  };
}

/** A GitLab pipeline (REST "List project pipelines"). */
export function fromGitLabPipeline(pipeline: Record<string, unknown>): PipelineRun {
  const created = seconds(pipeline.created_at) ?? 0;
  const updated = seconds(pipeline.updated_at);
  const status = pipeline.status;
  return {
    id: String(pipeline.id),
    result: status === 'success' ? 'success' : status === 'failed' ? 'failure' : 'other',
    createdAt: created,
    ...(updated !== undefined && (status === 'success' || status === 'failed') ? { durationSeconds: Math.max(0, updated - created) } : {}),
    ...(typeof pipeline.web_url === 'string' ? { url: pipeline.web_url } : {}),
  };
}

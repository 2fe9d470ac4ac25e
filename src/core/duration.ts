/** Durations as users write them (`500ms`, `30s`, `5m`, `1h`) and as we print them. */

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** What an error message says a duration looks like. */
export const DURATION_EXPECTED = "a duration such as '500ms', '30s', '5m' or '1h'";

/** What an error message says a duration with days looks like (`days: true`). */
export const LONG_DURATION_EXPECTED = "a duration such as '30m', '12h', '30d' or '8w'";

/**
 * Milliseconds from `500ms`, `10s`, `1.5m`, `1h`; undefined when it is not one. `integer`
 * refuses fractions; `days` also takes `d` and `w` (reporting windows such as insight's `since`).
 */
export function parseDuration(value: string, options: { integer?: boolean; days?: boolean } = {}): number | undefined {
  const match = DURATION.exec(value.trim());
  if (!match || (options.integer && (match[1] as string).includes('.'))) return undefined;
  if (!options.days && (match[2] === 'd' || match[2] === 'w')) return undefined;
  return Number(match[1]) * (UNIT_MS[match[2] as string] as number);
}

/** `12.3 s`: seconds with one decimal, as summaries and logs show elapsed time. */
export function formatSeconds(ms: number, separator = ' '): string {
  return `${(ms / 1000).toFixed(1)}${separator}s`;
}

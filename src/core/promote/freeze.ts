/**
 * Promotion freezes per environment (gitops-promoter's deployment freeze, Kargo's promotion
 * windows): fixed intervals such as a year-end freeze, and weekly windows such as "no prod
 * changes from Friday 16:00 to Monday 08:00". Pure: the stage passes the clock.
 *
 *     prod:
 *       - 2026-12-20/2027-01-04                  # dates (UTC); the end date is excluded
 *       - 2026-11-26T18:00Z/2026-11-27T08:00Z     # instants
 *       - Fri 16:00 - Mon 08:00 Europe/Berlin     # weekly, in a time zone (UTC by default)
 */
import { parse } from 'yaml';
import { InputError } from '../errors.js';

const INPUT = 'freeze';
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const EXPECTED =
  "a YAML mapping of environment -> list of windows: 'YYYY-MM-DD/YYYY-MM-DD', 'YYYY-MM-DDTHH:MMZ/YYYY-MM-DDTHH:MMZ' or 'Fri 16:00 - Mon 08:00 [IANA zone]'";

export type FreezeWindow =
  | { kind: 'interval'; text: string; start: number; end: number }
  | { kind: 'weekly'; text: string; start: number; end: number; timeZone: string };

const WEEKLY =
  /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+(\d{1,2}):(\d{2})\s*-\s*(sun|mon|tue|wed|thu|fri|sat)[a-z]*\s+(\d{1,2}):(\d{2})(?:\s+([A-Za-z_]+(?:\/[A-Za-z_+-]+)*))?$/i;

function instant(text: string, window: string): number {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/.test(text) || Number.isNaN(time)) {
    throw new InputError(INPUT, window, EXPECTED, `'${text}' is not a date or an instant with a zone`);
  }
  return time;
}

function checkZone(timeZone: string, window: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new InputError(INPUT, window, EXPECTED, `'${timeZone}' is not an IANA time zone`);
  }
}

export function parseFreezeWindow(text: string): FreezeWindow {
  const trimmed = text.trim();
  const weekly = WEEKLY.exec(trimmed);
  if (weekly) {
    const minuteOfWeek = (day: string, hour: string, minute: string) => {
      if (Number(hour) > 23 || Number(minute) > 59)
        throw new InputError(INPUT, trimmed, EXPECTED, `${hour}:${minute} is not a time of day`);
      return DAYS.indexOf(day.toLowerCase().slice(0, 3)) * 1440 + Number(hour) * 60 + Number(minute);
    };
    const timeZone = weekly[7] ?? 'UTC';
    checkZone(timeZone, trimmed);
    const [, d1, h1, m1, d2, h2, m2] = weekly as unknown as string[];
    return {
      kind: 'weekly',
      text: trimmed,
      start: minuteOfWeek(d1 as string, h1 as string, m1 as string),
      end: minuteOfWeek(d2 as string, h2 as string, m2 as string),
      timeZone,
    };
  }
  const parts = trimmed.split('/');
  if (parts.length !== 2) throw new InputError(INPUT, trimmed, EXPECTED);
  const start = instant(parts[0] as string, trimmed);
  const end = instant(parts[1] as string, trimmed);
  if (end <= start) throw new InputError(INPUT, trimmed, EXPECTED, 'the window ends before it starts');
  return { kind: 'interval', text: trimmed, start, end };
}

/** environment -> windows; environments must be known names. */
export function parseFreeze(text: string, environments: readonly string[]): Map<string, FreezeWindow[]> {
  const windows = new Map<string, FreezeWindow[]>();
  if (text.trim() === '') return windows;
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch {
    throw new InputError(INPUT, text, EXPECTED, 'it is not valid YAML');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InputError(INPUT, text, EXPECTED);
  for (const [environment, list] of Object.entries(data as Record<string, unknown>)) {
    if (!environments.includes(environment)) {
      throw new InputError(INPUT, environment, `an environment from 'environments' (${environments.join(', ')})`);
    }
    const items = Array.isArray(list) ? list : [list];
    if (!items.every((item) => typeof item === 'string')) throw new InputError(INPUT, environment, EXPECTED);
    windows.set(environment, (items as string[]).map(parseFreezeWindow));
  }
  return windows;
}

/** Minute of the week (0 = Sunday 00:00) of `now` in `timeZone`. */
function minuteOfWeek(now: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  return DAYS.indexOf(String(parts.weekday).toLowerCase()) * 1440 + Number(parts.hour) * 60 + Number(parts.minute);
}

/** The window that freezes `environment` at `now`, if any. Weekly windows may wrap over the weekend. */
export function activeFreeze(
  windows: ReadonlyMap<string, readonly FreezeWindow[]>,
  environment: string,
  now: Date,
): FreezeWindow | undefined {
  return windows.get(environment)?.find((window) => {
    if (window.kind === 'interval') return now.getTime() >= window.start && now.getTime() < window.end;
    const minute = minuteOfWeek(now, window.timeZone);
    return window.start <= window.end ? minute >= window.start && minute < window.end : minute >= window.start || minute < window.end;
  });
}

/**
 * Moment.js format strings (what metadata-action's `{{date …}}` and `{{commit_date …}}`
 * take), rendered with the platform's time-zone database instead of moment-timezone's.
 */
import { InputError } from '../errors.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const TOKENS =
  /\[([^\]]*)\]|YYYYYY|YYYY|YY|Qo|Q|MMMM|MMM|MM|Mo|M|DDDD|DDDo|DDD|DD|Do|D|dddd|ddd|dd|do|d|E|e|HH|H|hh|h|kk|k|mm|m|ss|s|SSS|SS|S|A|a|ZZ|Z|X|x|WW|Wo|W|ww|wo|w/g;

interface Fields {
  year: number;
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
  offsetMinutes: number;
}

function fieldsIn(date: Date, timeZone: string, input: string): Fields {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new InputError(input, `tz='${timeZone}'`, "an IANA time zone such as 'UTC' or 'Asia/Tokyo'");
  }
  const parts = Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
  const fields = {
    year: Number(parts.year),
    month: Number(parts.month) - 1,
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: date.getUTCMilliseconds(),
  };
  const wall = Date.UTC(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, fields.millisecond);
  return { ...fields, weekday: new Date(wall).getUTCDay(), offsetMinutes: Math.round((wall - date.getTime()) / 60_000) };
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

function ordinal(value: number): string {
  const tens = value % 100;
  if (tens >= 11 && tens <= 13) return `${value}th`;
  return `${value}${['th', 'st', 'nd', 'rd'][value % 10] ?? 'th'}`;
}

function dayOfYear(f: Fields): number {
  return Math.round((Date.UTC(f.year, f.month, f.day) - Date.UTC(f.year, 0, 1)) / 86_400_000) + 1;
}

function isoWeek(f: Fields): number {
  const date = new Date(Date.UTC(f.year, f.month, f.day));
  const day = (f.weekday + 6) % 7;
  date.setUTCDate(date.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  return 1 + Math.round(((date.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7);
}

function offset(minutes: number, separator: string): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}${separator}${pad(Math.abs(minutes) % 60)}`;
}

/**
 * `date` formatted with a moment.js pattern in `timeZone`. Without a pattern, moment's default:
 * `YYYY-MM-DDTHH:mm:ss[Z]` in UTC, `YYYY-MM-DDTHH:mm:ssZ` elsewhere.
 */
export function formatDate(date: Date, pattern: string | undefined, timeZone = 'UTC', input = 'tags'): string {
  const f = fieldsIn(date, timeZone, input);
  const utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
  const format = pattern ?? (utc ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ');
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  return format.replace(TOKENS, (token, literal: string | undefined) => {
    if (literal !== undefined) return literal;
    switch (token) {
      case 'YYYYYY':
        return `${f.year < 0 ? '-' : '+'}${pad(f.year, 6)}`;
      case 'YYYY':
        return pad(f.year, 4);
      case 'YY':
        return pad(f.year % 100);
      case 'Q':
        return String(Math.floor(f.month / 3) + 1);
      case 'Qo':
        return ordinal(Math.floor(f.month / 3) + 1);
      case 'MMMM':
        return MONTHS[f.month] as string;
      case 'MMM':
        return (MONTHS[f.month] as string).slice(0, 3);
      case 'MM':
        return pad(f.month + 1);
      case 'Mo':
        return ordinal(f.month + 1);
      case 'M':
        return String(f.month + 1);
      case 'DDDD':
        return pad(dayOfYear(f), 3);
      case 'DDDo':
        return ordinal(dayOfYear(f));
      case 'DDD':
        return String(dayOfYear(f));
      case 'DD':
        return pad(f.day);
      case 'Do':
        return ordinal(f.day);
      case 'D':
        return String(f.day);
      case 'dddd':
        return DAYS[f.weekday] as string;
      case 'ddd':
        return (DAYS[f.weekday] as string).slice(0, 3);
      case 'dd':
        return (DAYS[f.weekday] as string).slice(0, 2);
      case 'do':
        return ordinal(f.weekday);
      case 'd':
      case 'e':
        return String(f.weekday);
      case 'E':
        return String(f.weekday === 0 ? 7 : f.weekday);
      case 'HH':
        return pad(f.hour);
      case 'H':
        return String(f.hour);
      case 'hh':
        return pad(hour12);
      case 'h':
        return String(hour12);
      case 'kk':
        return pad(f.hour === 0 ? 24 : f.hour);
      case 'k':
        return String(f.hour === 0 ? 24 : f.hour);
      case 'mm':
        return pad(f.minute);
      case 'm':
        return String(f.minute);
      case 'ss':
        return pad(f.second);
      case 's':
        return String(f.second);
      case 'SSS':
        return pad(f.millisecond, 3);
      case 'SS':
        return pad(Math.floor(f.millisecond / 10));
      case 'S':
        return String(Math.floor(f.millisecond / 100));
      case 'A':
        return f.hour < 12 ? 'AM' : 'PM';
      case 'a':
        return f.hour < 12 ? 'am' : 'pm';
      case 'Z':
        return offset(f.offsetMinutes, ':');
      case 'ZZ':
        return offset(f.offsetMinutes, '');
      case 'X':
        return String(Math.floor(date.getTime() / 1000));
      case 'x':
        return String(date.getTime());
      case 'WW':
      case 'ww':
        return pad(isoWeek(f));
      case 'Wo':
      case 'wo':
        return ordinal(isoWeek(f));
      default:
        return String(isoWeek(f));
    }
  });
}

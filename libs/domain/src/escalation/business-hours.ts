import { ValidationError } from '../errors';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When people answer: an IANA time zone, opening intervals per weekday (`"09:00"`-`"17:30"`,
 * local time; `"24:00"` ends a day), and closed dates (`YYYY-MM-DD`, local).
 */
export interface BusinessHours {
  timezone: string;
  weekly: Partial<Record<Weekday, Array<[string, string]>>>;
  holidays?: string[];
}

interface LocalTime {
  date: string;
  weekday: Weekday;
  minutes: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string): Intl.DateTimeFormat {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timezone, format);
  }
  return format;
}

function localTime(at: Date, timezone: string): LocalTime {
  const parts = Object.fromEntries(formatter(timezone).formatToParts(at).map((part) => [part.type, part.value]));
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: String(parts['weekday']).toLowerCase().slice(0, 3) as Weekday,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

function toMinutes(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Checks an admin's business hours, naming the bad path under `field`. */
export function validateBusinessHours(value: unknown, field = 'businessHours'): BusinessHours {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError(field, `${field} must be an object with timezone and weekly`);
  }
  const hours = value as Record<string, unknown>;
  const timezone = hours['timezone'];
  try {
    if (typeof timezone !== 'string') throw new Error('not a string');
    formatter(timezone);
  } catch {
    throw new ValidationError(`${field}.timezone`, `${field}.timezone must be an IANA time zone such as Europe/Paris`);
  }
  const weekly = hours['weekly'];
  if (typeof weekly !== 'object' || weekly === null || Array.isArray(weekly)) {
    throw new ValidationError(`${field}.weekly`, `${field}.weekly must map weekdays (mon..sun) to intervals`);
  }
  for (const [day, intervals] of Object.entries(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) {
      throw new ValidationError(`${field}.weekly.${day}`, `${field}.weekly.${day} is not a weekday (${WEEKDAYS.join(', ')})`);
    }
    if (!Array.isArray(intervals) || intervals.length > 10) {
      throw new ValidationError(`${field}.weekly.${day}`, `${field}.weekly.${day} must be a list of ["HH:MM","HH:MM"] intervals`);
    }
    intervals.forEach((interval: unknown, index) => {
      const path = `${field}.weekly.${day}.${index}`;
      if (
        !Array.isArray(interval) ||
        interval.length !== 2 ||
        !interval.every((time) => typeof time === 'string' && TIME.test(time)) ||
        toMinutes(interval[0] as string) >= toMinutes(interval[1] as string)
      ) {
        throw new ValidationError(path, `${path} must be ["HH:MM","HH:MM"] with the start before the end`);
      }
    });
  }
  const holidays = hours['holidays'] ?? [];
  if (!Array.isArray(holidays) || holidays.length > 366 || !holidays.every((day) => typeof day === 'string' && DATE.test(day))) {
    throw new ValidationError(`${field}.holidays`, `${field}.holidays must be a list of YYYY-MM-DD dates`);
  }
  for (const key of Object.keys(hours)) {
    if (!['timezone', 'weekly', 'holidays'].includes(key)) {
      throw new ValidationError(`${field}.${key}`, `${field}.${key} is not a business-hours field`);
    }
  }
  return { timezone: timezone as string, weekly: weekly as BusinessHours['weekly'], holidays: holidays as string[] };
}

function openAtLocal(hours: BusinessHours, local: LocalTime): boolean {
  if (hours.holidays?.includes(local.date)) return false;
  return (hours.weekly[local.weekday] ?? []).some(
    ([start, end]) => local.minutes >= toMinutes(start) && local.minutes < toMinutes(end),
  );
}

/** Whether people are at work at `at`. No business hours configured means always open. */
export function isOpen(hours: BusinessHours | null | undefined, at: Date): boolean {
  if (!hours) return true;
  return openAtLocal(hours, localTime(at, hours.timezone));
}

const STEP_MS = 15 * 60_000;
const HORIZON_MS = 21 * 24 * 3600_000;

/**
 * The next moment the inbox opens after `at` (`at` itself when open), or null when it never
 * opens in the next three weeks. Scans in 15-minute steps, then narrows to the minute, so
 * daylight-saving changes need no special case.
 */
export function nextOpening(hours: BusinessHours | null | undefined, at: Date): Date | null {
  if (isOpen(hours, at) || !hours) return at;
  const start = Math.ceil(at.getTime() / 60_000) * 60_000;
  for (let t = start; t <= at.getTime() + HORIZON_MS; t += STEP_MS) {
    if (isOpen(hours, new Date(t))) {
      let minute = t - STEP_MS + 60_000;
      while (minute < t && !isOpen(hours, new Date(minute))) minute += 60_000;
      return new Date(Math.max(minute, start));
    }
  }
  return null;
}

/** "Monday 09:00 (Europe/Paris)", as the visitor is told when to expect a reply. */
export function describeOpening(at: Date, timezone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timezone})`;
}

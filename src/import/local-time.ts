/**
 * Movable Type writes dates as the blog's local time without a zone: `10/16/2013 10:00:00 AM`, or in
 * 24-hour form, `10/16/2013 22:00:00`. These helpers read them and place them in an IANA time zone
 * with `Intl` alone, giving ISO 8601 dates with their offset (`2013-10-16T10:00:00+02:00`).
 */

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const MT_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}) +(\d{1,2}):(\d{2})(?::(\d{2}))? *([AaPp]\.?[Mm]\.?)?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads `MM/DD/YYYY hh:mm:ss AM|PM` or `MM/DD/YYYY HH:mm:ss` (seconds optional; a two-digit year
 * is 19xx from 70, else 20xx). Returns `undefined` for anything else, or for a date that does not
 * exist (`02/30/2013`, `13:00 PM`).
 */
export function parseMovableTypeDate(value: string): LocalDateTime | undefined {
  const match = MT_DATE.exec(value.trim());
  if (!match) return undefined;
  const [, mm, dd, yy, hh, mi, ss = '0', meridiem] = match;
  let year = Number(yy);
  if (yy.length === 2) year += year >= 70 ? 1900 : 2000;
  const month = Number(mm);
  const day = Number(dd);
  let hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = /^p/i.test(meridiem);
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  return { year, month, day, hour, minute, second };
}

/** One formatter per time zone: creating them is the slow part. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a `RangeError` for an unknown time zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in seconds (`7200` for `+02:00`), asked of `Intl`. */
function exactOffset(timeZone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 1000);
}

const DAY = 86_400_000;
/** Offsets at midnight UTC, by time zone and day number. */
const midnightOffsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset at an instant. Asking `Intl` is slow, and an export holds tens of thousands of
 * dates: when the offsets at the midnights (UTC) before and after the instant are equal, that is the
 * offset of the whole day (zones change their offset at most once a day); otherwise `Intl` is asked
 * for the instant itself.
 */
function offsetAt(timeZone: string, utcMs: number): number {
  let days = midnightOffsets.get(timeZone);
  if (!days) midnightOffsets.set(timeZone, (days = new Map<number, number>()));
  const day = Math.floor(utcMs / DAY);
  const atMidnight = (d: number) => {
    let offset = days.get(d);
    if (offset === undefined) days.set(d, (offset = exactOffset(timeZone, d * DAY)));
    return offset;
  };
  const start = atMidnight(day);
  return start === atMidnight(day + 1) ? start : exactOffset(timeZone, utcMs);
}

/** True when `timeZone` is a time zone `Intl` knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The time zone of the machine (or browser) running the code. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The instant a local date and time names in `timeZone`, as ISO 8601 with the offset in force then.
 * A time that happens twice (the hour repeated when clocks go back) is the first one; a time that
 * does not exist (skipped when clocks go forward) is moved forward by the length of the gap, as
 * `Temporal`'s `compatible` rule does: `2013-03-31 02:30` in Paris is `03:30+02:00`.
 */
export function localToIso(local: LocalDateTime, timeZone: string): string {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const candidates = [...new Set([before, after])].map((offset) => wall - offset * 1000).filter((utc) => offsetAt(timeZone, utc) === (wall - utc) / 1000);
  const utc = candidates.length ? Math.min(...candidates) : wall - before * 1000;
  const offset = offsetAt(timeZone, utc);
  if (offset % 60) return new Date(utc).toISOString().replace('.000Z', 'Z');
  const shown = new Date(utc + offset * 1000);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / 60;
  return (
    `${pad(shown.getUTCFullYear(), 4)}-${pad(shown.getUTCMonth() + 1)}-${pad(shown.getUTCDate())}` +
    `T${pad(shown.getUTCHours())}:${pad(shown.getUTCMinutes())}:${pad(shown.getUTCSeconds())}` +
    `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
  );
}

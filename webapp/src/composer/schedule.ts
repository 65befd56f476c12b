/**
 * When a post goes out: wall-clock time in a chosen IANA zone, as a creator thinks of it ("18:00 in Berlin"), turned
 * into the instant the API stores. The zone rules come from the browser's Intl data through @date-fns/tz; this file
 * only adds what a scheduler must say about them: a time that does not exist (clocks jump forward), a time that
 * exists twice (clocks go back), and a time already past.
 */
import { TZDate } from '@date-fns/tz';
import { addHours, format, startOfHour } from 'date-fns';

/** The value of an <input type="datetime-local">: yyyy-MM-ddTHH:mm. */
export type LocalDateTime = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The next full hour but one, in the zone: a sensible suggestion that is never in the past. */
export function suggestedTime(now: Date, zone: string): LocalDateTime {
  const inZone = new TZDate(now.getTime(), zone);
  return format(addHours(startOfHour(inZone), 2), "yyyy-MM-dd'T'HH:mm");
}

export type Resolution =
  | { ok: true; instant: Date; note: string | null }
  | { ok: false; problem: string };

/** Reads a wall-clock time in a zone; says plainly when the zone's clock skips or repeats it. */
export function resolveLocal(local: LocalDateTime, zone: string): Resolution {
  const parts = LOCAL.exec(local);
  if (!parts) {
    return { ok: false, problem: 'Enter a date and a time.' };
  }
  const [year, month, day, hour, minute] = parts.slice(1).map(Number);
  const date = new TZDate(year, month - 1, day, hour, minute, zone);
  if (Number.isNaN(date.getTime())) {
    return { ok: false, problem: 'Enter a date and a time.' };
  }
  const wall = format(date, "yyyy-MM-dd'T'HH:mm");
  if (wall !== local) {
    return {
      ok: false,
      problem: `${local.replace('T', ' ')} does not exist in ${zone}: the clocks skip it when summer time starts. Choose another time.`,
    };
  }
  // When the clocks go back the wall-clock time exists twice, an hour apart; TZDate picks the later, TikTimer the
  // first (as java.time does for a local time in an overlap), so the post goes out at the earliest reading.
  const earlier = new TZDate(date.getTime() - 3_600_000, zone);
  const later = new TZDate(date.getTime() + 3_600_000, zone);
  const first = format(earlier, "yyyy-MM-dd'T'HH:mm") === wall ? earlier : date;
  const repeated = first !== date || format(later, "yyyy-MM-dd'T'HH:mm") === wall;
  return {
    ok: true,
    instant: new Date(first.getTime()),
    note: repeated
      ? `${local.replace('T', ' ')} happens twice in ${zone} as the clocks go back; TikTimer posts at the first (UTC${format(first, 'xxx')}).`
      : null,
  };
}

/** Why a resolved time cannot be scheduled (the API allows a few minutes of slack; the screen asks for the future). */
export function pastProblem(instant: Date, now: Date): string | null {
  return instant.getTime() <= now.getTime() ? 'This time has passed. Choose a time in the future, or post now.' : null;
}

/** "Mon 7 Dec 2026, 18:00 (UTC+01:00)": the chosen time as the viewer reads it in another zone. */
export function inZone(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), "EEE d MMM yyyy, HH:mm '(UTC'xxx')'");
}

/** The zones the browser knows, with the chosen one guaranteed to be among them. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

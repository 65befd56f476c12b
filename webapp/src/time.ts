import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The browser's IANA time zone (e.g. Europe/Berlin); UTC where the browser does not say. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * An instant from the API (ISO 8601 with offset) as wall-clock time in the given IANA zone; with seconds for the steps
 * of a post's way to TikTok, which are seconds apart.
 */
export function formatInZone(instant: string, zone: string, withSeconds = false): string {
  return format(new TZDate(instant, zone), withSeconds ? 'EEE d MMM yyyy, HH:mm:ss' : 'EEE d MMM yyyy, HH:mm');
}

/** Machine-readable value for <time dateTime>, with the zone's offset at that instant. */
export function isoInZone(instant: string, zone: string): string {
  return format(new TZDate(instant, zone), "yyyy-MM-dd'T'HH:mmXXX");
}

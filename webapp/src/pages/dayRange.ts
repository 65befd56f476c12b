import { TZDate } from '@date-fns/tz';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The posts list's "From" and "To" days (inclusive, as people read a range) as the API's instants: from the start of
 * the first day to the start of the day after the last, in the viewer's zone, so a day of 23 or 25 hours (DST) is
 * covered exactly.
 */
export function dayRange(fromDay: string, toDay: string, zone: string): { from?: Date; to?: Date; problem?: string } {
  const from = startOf(fromDay, zone, 0);
  const to = startOf(toDay, zone, 1);
  if ((fromDay && !from) || (toDay && !to)) {
    return { problem: 'Enter days as dates, for example 2026-12-24.' };
  }
  if (from && to && from.getTime() >= to.getTime()) {
    return { problem: '"From" must not be after "To".' };
  }
  return { from: from ?? undefined, to: to ?? undefined };
}

function startOf(day: string, zone: string, plusDays: number): Date | null {
  const parts = DAY.exec(day);
  if (!parts) return null;
  const [year, month, date] = parts.slice(1).map(Number);
  const start = new TZDate(year, month - 1, date + plusDays, 0, 0, zone);
  return Number.isNaN(start.getTime()) ? null : new Date(start.getTime());
}

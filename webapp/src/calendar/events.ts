/**
 * What the calendar shows of a post, and what a click on an empty slot means, as plain functions (FullCalendar
 * renders; these decide). Times are instants from the API shown in the viewer's zone: FullCalendar's `timeZone:
 * 'local'` is the browser's IANA zone, DST included.
 */
import { TZDate } from '@date-fns/tz';
import { addHours, format, isSameDay, startOfHour } from 'date-fns';
import type { Post } from '../api/client';
import { editable } from '../pages/postStatus';

export interface CalendarEvent {
  id: string;
  title: string;
  start: string;
  url: string;
  classNames: string[];
  /** Only a post that has not gone out can be moved; the API has the last word (a queued one snaps back). */
  editable: boolean;
  extendedProps: { status: string; account: string | null; mediaType: string | null; thumbnail: string | null };
}

/**
 * A post as a calendar entry. Its thumbnail is the poster frame of its first video or photo (`posters`: media id to
 * poster address), null where that media has none.
 */
export function toEvent(post: Post, accountNames: Map<number, string>, posters: Map<number, string> = new Map()): CalendarEvent {
  const account = post.tiktok_account_id != null ? accountNames.get(post.tiktok_account_id) ?? null : null;
  return {
    id: String(post.id),
    title: post.content?.trim() || post.title?.trim() || `Post ${post.id}`,
    start: post.scheduled_time,
    url: `/app/posts/${post.id}`,
    classNames: [`status-${post.status}`],
    editable: editable(post.status) && post.status !== 'cancelled',
    extendedProps: {
      status: post.status,
      account,
      mediaType: post.media_type ?? null,
      thumbnail: post.media_ids?.length ? posters.get(post.media_ids[0]) ?? null : null,
    },
  };
}

/**
 * The composer's start time for a click on the calendar, as the datetime-local value in the viewer's zone: a slot of
 * the week view is taken as it is; a day of the month view means 09:00 that day, or the next full hour but one when
 * that is today and 09:00 has passed.
 */
export function composerTimeFor(clicked: Date, allDay: boolean, now: Date, zone: string): string {
  const day = new TZDate(clicked.getTime(), zone);
  if (!allDay) {
    return format(day, "yyyy-MM-dd'T'HH:mm");
  }
  const nine = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0, zone);
  const today = new TZDate(now.getTime(), zone);
  if (isSameDay(day, today) && nine.getTime() <= now.getTime()) {
    return format(addHours(startOfHour(today), 2), "yyyy-MM-dd'T'HH:mm");
  }
  return format(nine, "yyyy-MM-dd'T'HH:mm");
}

/** Whether a click on the calendar may start a post there: not in the past (the API would refuse it). */
export function canStartAt(clicked: Date, allDay: boolean, now: Date, zone: string): boolean {
  if (allDay) {
    const day = new TZDate(clicked.getTime(), zone);
    const today = new TZDate(now.getTime(), zone);
    return isSameDay(day, today) || day.getTime() > now.getTime();
  }
  return clicked.getTime() > now.getTime();
}

/** At most this many posts are drawn per day in the month view; the rest are one "+N more" entry. */
export const SHOWN_PER_DAY = 3;

/**
 * A busy month drawn in full makes FullCalendar lay out every post (a thousand took 0.4 s on this project's machines,
 * docs/benchmarks.md) only to hide most behind its own "+N more". So the month view gets, per day in the viewer's
 * zone, the first posts by time and one entry standing for the rest, which opens that day in the posts list.
 */
export function collapseByDay(events: CalendarEvent[], zone: string, perDay = SHOWN_PER_DAY): CalendarEvent[] {
  const days = new Map<string, CalendarEvent[]>();
  for (const event of [...events].sort((a, b) => a.start.localeCompare(b.start) || Number(a.id) - Number(b.id))) {
    const day = format(new TZDate(event.start, zone), 'yyyy-MM-dd');
    const list = days.get(day);
    if (list) list.push(event);
    else days.set(day, [event]);
  }
  const shown: CalendarEvent[] = [];
  for (const [day, list] of days) {
    shown.push(...list.slice(0, perDay));
    if (list.length > perDay) {
      const hidden = list.length - perDay;
      shown.push({
        id: `more-${day}`,
        title: `+${hidden} more`,
        start: list[perDay].start,
        url: `/app/posts?from=${day}&to=${day}`,
        classNames: ['more-posts'],
        editable: false,
        extendedProps: { status: 'more', account: null, mediaType: null, thumbnail: null },
      });
    }
  }
  return shown;
}

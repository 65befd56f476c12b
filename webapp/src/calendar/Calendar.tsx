import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import type { EventDropArg, EventInput, EventMountArg, EventSourceFuncArg } from '@fullcalendar/core';
import { listAccounts, listMedia, postsBetween, reschedulePost, type Media, type TikTokAccount } from '../api/client';
import { ApiError } from '../api/problem';
import { useTitle } from '../components/useTitle';
import { browserTimeZone, formatInZone } from '../time';
import { canStartAt, collapseByDay, composerTimeFor, toEvent, type CalendarEvent } from './events';

/**
 * The home page after sign-in: the user's posts on a month or week calendar in the browser's time zone. Dragging a
 * post that has not gone out moves it (PATCH); if post-service refuses (it went out meanwhile), it snaps back and the
 * API's reason is shown. A click on a post opens it; a click on an empty day or slot starts a post there. FullCalendar
 * draws the grid (month and week, DST-aware, dragging on mouse and touch); keyboard users open posts as links and
 * reschedule them on the post's page.
 */
export default function Calendar() {
  useTitle('Calendar');
  const navigate = useNavigate();
  const zone = browserTimeZone();
  const calendar = useRef<FullCalendar>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [loading, setLoading] = useState(false);
  const queryClient = useQueryClient();

  const events = useCallback(
    (range: EventSourceFuncArg, success: (events: EventInput[]) => void, failure: (error: Error) => void) => {
      // a month (or its list) spans weeks; the week view shows every post at its time
      const month = range.end.getTime() - range.start.getTime() > 8 * 86_400_000;
      // accounts and media asked in parallel with the posts (from the shared cache when it is fresh), so the posts are
      // drawn once, with their names and thumbnails; media uploaded elsewhere (another tab, the API) shows within 30 s
      const accounts = queryClient.fetchQuery({ queryKey: ['accounts'], queryFn: listAccounts, staleTime: 60_000 });
      const media = queryClient.fetchQuery({ queryKey: ['media'], queryFn: listMedia, staleTime: 30_000 });
      // without names or thumbnails the posts are still shown
      Promise.all([postsBetween(range.start, range.end), accounts.catch(() => []), media.catch(() => [] as Media[])])
        .then(([posts, accountList, mediaList]) => {
          const names = accountNames(accountList);
          const posters = posterAddresses(mediaList);
          const all = posts.filter((p) => p.scheduled_time).map((p) => toEvent(p, names, posters));
          success(month ? collapseByDay(all, zone) : all);
        })
        .catch((error: Error) => {
          setMessage({ ok: false, text: `Your posts could not be loaded: ${error.message}` });
          failure(error);
        });
    },
    [queryClient, zone],
  );

  async function moved(drop: EventDropArg) {
    const start = drop.event.start;
    if (!start) return drop.revert();
    try {
      await reschedulePost(Number(drop.event.id), start);
      setMessage({ ok: true, text: `“${drop.event.title}” moved to ${formatInZone(start.toISOString(), zone)}.` });
    } catch (error) {
      drop.revert();
      const reason = error instanceof ApiError ? error.detail ?? Object.values(error.fieldErrors)[0] ?? error.title : String(error);
      setMessage({ ok: false, text: `“${drop.event.title}” stays where it was: ${reason}` });
      calendar.current?.getApi().refetchEvents();
    }
  }

  function clicked(click: DateClickArg) {
    if (!canStartAt(click.date, click.allDay, new Date(), zone)) {
      setMessage({ ok: false, text: 'That time has passed: choose a later day or time for a new post.' });
      return;
    }
    navigate(`/posts/new?at=${encodeURIComponent(composerTimeFor(click.date, click.allDay, new Date(), zone))}`);
  }

  return (
    <div className="page calendar-page">
      <div className="page-head">
        <h1>Calendar</h1>
        <Link className="button primary" to="/posts/new">New post</Link>
      </div>
      <p className="hint">
        Times in {zone}. Drag a post to move it; click a day or a time to start a post there.
        {loading && <span role="status"> Loading posts…</span>}
      </p>
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'notice' : 'alert'}>
          {message.text}{' '}
          <button type="button" className="link" onClick={() => setMessage(null)}>Dismiss</button>
        </div>
      )}
      <FullCalendar
        ref={calendar}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
        // a month grid leaves a phone a few pixels per post: there the month starts as a list
        initialView={window.matchMedia('(max-width: 40rem)').matches ? 'listMonth' : 'dayGridMonth'}
        timeZone="local"
        firstDay={1}
        height="auto"
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' }}
        // text rather than FullCalendar's icon font, whose glyphs are role="img" without a name
        buttonIcons={false}
        buttonText={{ prev: '‹ Previous', next: 'Next ›', today: 'Today', month: 'Month', week: 'Week', list: 'List' }}
        buttonHints={{ prev: 'Previous $0', next: 'Next $0', today: 'This $0' }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        dayMaxEvents={4}
        eventDisplay="block"
        nowIndicator
        eventInteractive
        events={events}
        loading={setLoading}
        eventDidMount={describeEvent}
        eventDrop={moved}
        eventClick={(click) => {
          click.jsEvent.preventDefault();
          // the app's own address without its /app prefix (the router's basename)
          navigate(click.event.url.replace(/^\/app/, ''));
        }}
        dateClick={clicked}
        dayCellDidMount={unlabelDayCell}
      />
    </div>
  );
}

/**
 * FullCalendar names each month-view cell by its day number (aria-labelledby), so a cell holding posts has a name
 * that leaves their text out (WCAG 2.5.3, axe's label-content-name-mismatch). A grid cell needs no name of its own:
 * the day number inside it still reads as the full date.
 */
function unlabelDayCell(cell: { el: HTMLElement }) {
  cell.el.removeAttribute('aria-labelledby');
}

function posterAddresses(media: Media[]): Map<number, string> {
  return new Map(media.filter((m) => m.poster_url).map((m) => [m.id, m.poster_url as string]));
}

function accountNames(accounts: TikTokAccount[]): Map<number, string> {
  return new Map(accounts.map((a) => [a.id, a.display_name ?? a.username ?? `TikTok account ${a.id}`]));
}

/**
 * FullCalendar draws each post's time and caption itself; the status and account are added as text for screen
 * readers (the link's name stays its visible text plus this, WCAG 2.5.3) and as the tooltip. Not a React
 * eventContent: a React root per post made a busy month several times slower to draw (docs/benchmarks.md).
 */
function describeEvent(arg: EventMountArg) {
  const more = arg.event.id.startsWith('more-');
  const { status, account, mediaType, thumbnail } = arg.event.extendedProps as CalendarEvent['extendedProps'];
  const main = arg.el.querySelector('.fc-event-main, .fc-list-event-title') ?? arg.el;
  if (thumbnail) {
    // decorative: the entry's text already says what the post is
    const image = document.createElement('img');
    image.className = 'event-thumb';
    image.src = thumbnail;
    image.alt = '';
    // its size known up front, so the entry is laid out once; eager, as a month's entries are all on screen
    image.width = 20;
    image.height = 28;
    image.decoding = 'async';
    main.prepend(image);
  }
  const extra = more ? ' posts this day' : `, ${status}${account ? `, ${account}` : ''}${mediaType ? `, ${mediaType}` : ''}`;
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = extra;
  main.appendChild(hidden);
  arg.el.setAttribute('title', `${arg.timeText ? `${arg.timeText} ` : ''}${arg.event.title}${extra}`);
}

import { describe, expect, it } from 'vitest';
import { canStartAt, composerTimeFor, toEvent } from './events';
import type { Post } from '../api/client';

const post = (overrides: Partial<Post> = {}): Post => ({
  id: 7, content: 'Launch day', scheduled_time: '2027-03-28T08:00:00Z', status: 'scheduled', time_zone: 'Europe/Berlin',
  privacy_level: 'PUBLIC_TO_EVERYONE', share_url: null, error_message: null, tiktok_account_id: 3, media_type: 'video',
  ...overrides,
});

describe('posts on the calendar', () => {
  it('shows a post at its instant, with its status colour, account and a link to it', () => {
    const event = toEvent(post(), new Map([[3, 'Demo Creator']]));
    expect(event).toMatchObject({
      id: '7', title: 'Launch day', start: '2027-03-28T08:00:00Z', url: '/app/posts/7',
      classNames: ['status-scheduled'], editable: true,
      extendedProps: { status: 'scheduled', account: 'Demo Creator', mediaType: 'video' },
    });
  });

  it('lets only posts that have not gone out be dragged', () => {
    for (const status of ['scheduled', 'draft', 'failed']) expect(toEvent(post({ status }), new Map()).editable).toBe(true);
    for (const status of ['queued', 'publishing', 'published', 'unconfirmed', 'cancelled']) {
      expect(toEvent(post({ status }), new Map()).editable).toBe(false);
    }
  });

  it('shows the poster frame of the post’s first media, and none where that media has no poster', () => {
    const posters = new Map([[41, 'https://s3.example/poster-41.jpg'], [42, 'https://s3.example/poster-42.jpg']]);
    expect(toEvent(post({ media_ids: [41, 42] }), new Map(), posters).extendedProps.thumbnail)
      .toBe('https://s3.example/poster-41.jpg');
    expect(toEvent(post({ media_ids: [43, 42] }), new Map(), posters).extendedProps.thumbnail).toBeNull();
    expect(toEvent(post({ media_ids: [] }), new Map(), posters).extendedProps.thumbnail).toBeNull();
    expect(toEvent(post(), new Map()).extendedProps.thumbnail).toBeNull();
  });

  it('names a post without a caption by its number', () => {
    expect(toEvent(post({ content: '  ' }), new Map()).title).toBe('Post 7');
  });
});

describe('starting a post from the calendar', () => {
  const now = new Date('2027-03-27T12:30:00Z'); // 13:30 in Berlin, the day before summer time starts

  it('takes a week-view slot as it is, in the viewer\'s zone', () => {
    expect(composerTimeFor(new Date('2027-03-28T01:00:00Z'), false, now, 'Europe/Berlin')).toBe('2027-03-28T03:00');
  });

  it('starts a month-view day at 09:00 local time, also on the day the clocks change', () => {
    expect(composerTimeFor(new Date('2027-03-27T23:00:00Z'), true, now, 'Europe/Berlin')).toBe('2027-03-28T09:00');
    expect(composerTimeFor(new Date('2027-10-30T22:00:00Z'), true, now, 'Europe/Berlin')).toBe('2027-10-31T09:00');
  });

  it('starts today at the next full hour but one once 09:00 has passed', () => {
    expect(composerTimeFor(new Date('2027-03-26T23:00:00Z'), true, now, 'Europe/Berlin')).toBe('2027-03-27T15:00');
  });

  it('does not start a post in the past', () => {
    expect(canStartAt(new Date('2027-03-26T23:00:00Z'), true, now, 'Europe/Berlin')).toBe(true); // today
    expect(canStartAt(new Date('2027-03-25T23:00:00Z'), true, now, 'Europe/Berlin')).toBe(false); // yesterday
    expect(canStartAt(new Date('2027-03-27T12:00:00Z'), false, now, 'Europe/Berlin')).toBe(false);
    expect(canStartAt(new Date('2027-03-27T13:00:00Z'), false, now, 'Europe/Berlin')).toBe(true);
  });
});

describe('a busy month', () => {
  it('draws the first posts of each day and one entry for the rest, which opens that day\'s list', async () => {
    const { collapseByDay } = await import('./events');
    const events = Array.from({ length: 5 }, (_, i) =>
      toEvent(post({ id: 10 + i, scheduled_time: `2027-01-11T0${8 - i}:00:00Z` }), new Map()));
    events.push(toEvent(post({ id: 20, scheduled_time: '2027-01-11T23:30:00Z' }), new Map())); // 12 Jan in Berlin
    const shown = collapseByDay(events, 'Europe/Berlin');
    expect(shown.map((e) => e.id)).toEqual(['14', '13', '12', 'more-2027-01-11', '20']);
    expect(shown[3]).toMatchObject({ title: '+2 more', url: '/app/posts?from=2027-01-11&to=2027-01-11', editable: false });
    expect(shown[3].start).toBe('2027-01-11T07:00:00Z');
  });

  it('leaves a quiet day as it is', async () => {
    const { collapseByDay } = await import('./events');
    const events = [toEvent(post(), new Map())];
    expect(collapseByDay(events, 'Europe/Berlin')).toEqual(events);
  });
});

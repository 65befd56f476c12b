import { describe, expect, it } from 'vitest';
import { editable, pollInterval, STATUS_TEXT, timeline } from './postStatus';

describe('post states as the creator reads them', () => {
  it('explains every state post-service has', () => {
    for (const s of ['draft', 'scheduled', 'queued', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled']) {
      expect(STATUS_TEXT[s]).toBeTruthy();
    }
    expect(STATUS_TEXT.unconfirmed).toContain('before you post it again');
  });

  it('watches posts that are moving or about to, and a published one until TikTok reports its address', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const post = (status: string, scheduled_time: string, extra = {}) =>
      ({ status, scheduled_time, share_url: null, published_at: null, ...extra });
    expect(pollInterval(post('publishing', '2026-12-01T00:00:00Z'), now)).toBe(2000);
    expect(pollInterval(post('queued', '2026-12-01T00:00:00Z'), now)).toBe(2000);
    expect(pollInterval(post('scheduled', '2026-12-02T12:01:00Z'), now)).toBe(2000);
    expect(pollInterval(post('scheduled', '2026-12-03T12:00:00Z'), now)).toBe(false);
    expect(pollInterval(post('published', '2026-12-02T11:59:00Z', { published_at: '2026-12-02T11:59:30Z' }), now)).toBe(15_000);
    expect(pollInterval(post('published', '2026-12-02T11:00:00Z', { published_at: '2026-12-02T11:00:30Z' }), now)).toBe(false);
    expect(pollInterval(post('published', '2026-12-02T11:59:00Z', {
      published_at: '2026-12-02T11:59:30Z', share_url: 'https://www.tiktok.com/@a/video/1' }), now)).toBe(false);
    expect(pollInterval(post('failed', '2026-12-02T12:00:00Z'), now)).toBe(false);
  });

  it('allows edits only before the post may be at TikTok', () => {
    expect(editable('scheduled')).toBe(true);
    expect(editable('failed')).toBe(true);
    expect(editable('queued')).toBe(false);
    expect(editable('unconfirmed')).toBe(false);
  });
});

describe('the way to TikTok, step by step', () => {
  const base = { created_at: '2026-12-02T10:00:00Z', scheduled_time: '2026-12-02T12:00:00Z', attempt: 1,
    queued_at: '2026-12-02T12:00:00.2Z', publishing_at: '2026-12-02T12:00:03Z', published_at: '2026-12-02T12:00:40Z',
    updated_at: '2026-12-02T12:00:40Z' };

  it('shows every step with its time once published', () => {
    expect(timeline({ ...base, status: 'published' }).map((s) => [s.label, s.at, s.state])).toEqual([
      ['Created', base.created_at, 'done'],
      ['Scheduled for', base.scheduled_time, 'done'],
      ['Handed to the publisher', base.queued_at, 'done'],
      ['Sent to TikTok, processing', base.publishing_at, 'done'],
      ['Published', base.published_at, 'done'],
    ]);
  });

  it('marks where a post is now and hides an earlier attempt\'s times for steps not reached again', () => {
    const steps = timeline({ ...base, status: 'queued', attempt: 2, published_at: null });
    expect(steps[2]).toMatchObject({ label: 'Handed to the publisher (attempt 2)', state: 'now', at: base.queued_at });
    expect(steps[3]).toMatchObject({ state: 'next', at: null });
  });

  it('ends with the failure, or the unknown outcome, after the last step reached', () => {
    const failed = timeline({ ...base, status: 'failed', publishing_at: null, published_at: null });
    expect(failed.map((s) => s.label)).toEqual(['Created', 'Scheduled for', 'Handed to the publisher', 'Failed']);
    expect(failed[3].state).toBe('failed');
    const unknown = timeline({ ...base, status: 'unconfirmed', published_at: null });
    expect(unknown.at(-1)).toMatchObject({ label: 'Outcome unknown', state: 'failed' });
    expect(unknown.at(-2)?.label).toBe('Sent to TikTok, processing');
  });
});

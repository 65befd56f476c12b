import { describe, expect, it } from 'vitest';
import { editable, pollInterval, STATUS_TEXT } from './postStatus';

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

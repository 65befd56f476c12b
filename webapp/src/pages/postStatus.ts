/** What each state of a post (post-service's state machine) means to the creator, and whether it can still change. */
export const STATUS_TEXT: Record<string, string> = {
  draft: 'A draft: it is not scheduled and will not be published until you schedule it.',
  scheduled: 'Scheduled: TikTimer sends it to TikTok at the time below.',
  queued: 'Due: a publisher is about to send it to TikTok.',
  publishing: 'Sent to TikTok, which is processing it. This can take a few minutes.',
  published: 'Published on TikTok.',
  failed: 'Not published: TikTok or TikTimer refused it for the reason below. You can try again.',
  unconfirmed:
    'TikTimer lost track of this post while TikTok was handling it, so it may or may not be on TikTok. ' +
    'Look at your TikTok profile before you post it again, or it may appear twice.',
  cancelled: 'Cancelled: it will not be published.',
};

/**
 * How often the post's page asks again, or false: every 2 s while the post moves by itself (or is about to), then
 * every 15 s for a quarter of an hour after publishing while TikTok has not yet reported the public post (it does so
 * after moderation, and the link to the post appears then).
 */
export function pollInterval(
  post: { status: string; scheduled_time: string; share_url: string | null; published_at?: string | null },
  now: Date,
): number | false {
  if (post.status === 'queued' || post.status === 'publishing') return 2000;
  if (post.status === 'scheduled' && new Date(post.scheduled_time).getTime() - now.getTime() < 120_000) return 2000;
  if (post.status === 'published' && !post.share_url && post.published_at
    && now.getTime() - new Date(post.published_at).getTime() < 15 * 60_000) {
    return 15_000;
  }
  return false;
}

/** post-service refuses edits from "queued" on: the post may already be at TikTok. */
export function editable(status: string): boolean {
  return ['draft', 'scheduled', 'failed', 'cancelled'].includes(status);
}

export const PRIVACY_TEXT: Record<string, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

export interface TimelineStep {
  label: string;
  at: string | null;
  state: 'done' | 'now' | 'next' | 'failed';
}

const ORDER = ['scheduled', 'queued', 'publishing', 'published'];

/**
 * The way to TikTok as steps with their times: scheduled → queued → publishing → published, or where it stopped
 * (failed, unconfirmed). Times of a step not reached by the current attempt are not shown (an earlier attempt's
 * would mislead).
 */
export function timeline(post: {
  status: string; created_at?: string; scheduled_time: string; queued_at?: string | null;
  publishing_at?: string | null; published_at?: string | null; updated_at?: string; attempt?: number;
}): TimelineStep[] {
  const reached = ORDER.indexOf(post.status);
  const step = (i: number, label: string, at: string | null | undefined): TimelineStep => ({
    label,
    at: reached >= i || (post.status !== 'scheduled' && reached < 0) ? at ?? null : null,
    state: reached > i ? 'done' : reached === i ? (i === ORDER.length - 1 ? 'done' : 'now') : 'next',
  });
  const steps: TimelineStep[] = [
    { label: 'Created', at: post.created_at ?? null, state: 'done' },
    { label: `Scheduled for`, at: post.scheduled_time, state: reached >= 0 || post.status !== 'draft' ? 'done' : 'next' },
    step(1, `Handed to the publisher${(post.attempt ?? 0) > 1 ? ` (attempt ${post.attempt})` : ''}`, post.queued_at),
    step(2, 'Sent to TikTok, processing', post.publishing_at),
    step(3, 'Published', post.published_at),
  ];
  if (post.status === 'failed' || post.status === 'unconfirmed') {
    // where it stopped: the last step it reached, then the outcome
    const last = post.publishing_at ? 3 : post.queued_at ? 2 : 1;
    return [...steps.slice(0, last + 1).map((s) => ({ ...s, state: 'done' as const })),
      { label: post.status === 'failed' ? 'Failed' : 'Outcome unknown', at: post.updated_at ?? null, state: 'failed' }];
  }
  if (post.status === 'cancelled') {
    return [steps[0], { label: 'Cancelled', at: post.updated_at ?? null, state: 'failed' }];
  }
  return steps;
}

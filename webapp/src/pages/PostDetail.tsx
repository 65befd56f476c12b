import { useState } from 'react';
import { inZone, pastProblem, resolveLocal, timeZones } from '../composer/schedule';
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deletePost, getPost, listAccounts, retryPost, updatePost, type Post } from '../api/client';
import { ApiError } from '../api/problem';
import { useTitle } from '../components/useTitle';
import { TEXT } from '../composer/texts';
import { INBOX_FINISH, INBOX_NOTICE } from '../composer/rules';
import { browserTimeZone, formatInZone } from '../time';
import { editable, pollInterval, PRIVACY_TEXT, STATUS_TEXT, timeline } from './postStatus';

/**
 * One post and where it is on its way to TikTok (audit 5e): the page asks again every few seconds while the post is
 * moving, and offers what its state allows: try again after a failure, post again an unconfirmed one only once the
 * creator has looked at TikTok, cancel or delete one that has not gone out.
 */
export function PostDetail() {
  const { id } = useParams();
  const postId = Number(id);
  useTitle(`Post ${Number.isFinite(postId) ? postId : ''}`);
  const location = useLocation();
  const arrival = (location.state ?? {}) as { justSent?: boolean; justScheduled?: boolean; inbox?: boolean };
  const post = useQuery({
    queryKey: ['post', postId],
    queryFn: () => getPost(postId),
    enabled: Number.isInteger(postId) && postId > 0,
    refetchInterval: (query) => (query.state.data ? pollInterval(query.state.data, new Date()) : false),
  });

  if (!Number.isInteger(postId) || postId <= 0 || (post.error instanceof ApiError && post.error.status === 404)) {
    return (
      <div className="page">
        <h1>Post not found</h1>
        <p>There is no such post among yours. <Link to="/posts">Back to your posts</Link></p>
      </div>
    );
  }
  return (
    <div className="page">
      <p><Link to="/posts">← All posts</Link></p>
      <h1>Post {postId}</h1>
      {/* 5d */}
      {arrival.justSent && <p className="notice" role="status">{arrival.inbox ? `Sent. ${INBOX_NOTICE}` : TEXT.processing}</p>}
      {arrival.justScheduled && post.data?.status === 'scheduled' && (
        <p className="notice" role="status">
          Scheduled. TikTimer sends it to TikTok at the time below, and this page shows how it goes. Processing at
          TikTok may take a few minutes before it is visible on your profile.
        </p>
      )}
      {post.isPending && <p role="status">Loading…</p>}
      {post.isError && <p role="alert" className="alert">The post could not be loaded: {post.error.message}</p>}
      {post.data && <PostFacts post={post.data} />}
    </div>
  );
}

function PostFacts({ post }: { post: Post }) {
  const zone = browserTimeZone();
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: listAccounts });
  const account = accounts.data?.find((a) => a.id === post.tiktok_account_id);
  const shownIn = (instant: string) => formatInZone(instant, zone);
  return (
    <>
      {/* 5e: announced when it changes */}
      <section className="card status-card" aria-labelledby="status-title">
        <h2 id="status-title">Status</h2>
        <p aria-live="polite">
          <span className={`badge status-${post.status}`}>{post.status}</span>{' '}
          {post.publish_outcome === 'inbox_delivered'
            ? `Delivered to your TikTok inbox. ${INBOX_FINISH}`
            : STATUS_TEXT[post.status] ?? ''}
        </p>
        <ol className="timeline" aria-label="On its way to TikTok">
          {timeline(post).map((step) => (
            <li key={step.label} className={step.state} aria-current={step.state === 'now' ? 'step' : undefined}>
              <span className="step-label">{step.label}</span>{' '}
              {step.at ? <time dateTime={step.at}>{formatInZone(step.at, zone, true)}</time> : <span className="muted">not yet</span>}
            </li>
          ))}
        </ol>
        {post.error_message && (
          <p className="alert">
            {post.error_message}
            {post.error_code && <span className="small"> ({post.error_code})</span>}
          </p>
        )}
        {post.next_attempt_at && (
          <p className="small">
            TikTimer tries again at <time dateTime={post.next_attempt_at}>{shownIn(post.next_attempt_at)}</time>.
          </p>
        )}
        {post.share_url && (
          <p><a href={post.share_url} target="_blank" rel="noreferrer">View post {post.id} on TikTok</a></p>
        )}
        {post.status === 'published' && !post.share_url && post.publish_outcome !== 'inbox_delivered' && (
          <p className="small">TikTok has accepted it; its address appears here once TikTok reports it.</p>
        )}
        <PostActions post={post} />
      </section>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title">What is posted</h2>
        <dl className="facts">
          <dt>Account</dt>
          <dd>{account ? (account.display_name ?? account.username) : post.tiktok_account_id ?? 'none'}</dd>
          <dt>When</dt>
          <dd>
            <time dateTime={post.scheduled_time}>{shownIn(post.scheduled_time)}</time> ({zone})
            {post.time_zone && post.time_zone !== zone && <>; {formatInZone(post.scheduled_time, post.time_zone)} in {post.time_zone}</>}
          </dd>
          {post.title && (<><dt>Title</dt><dd>{post.title}</dd></>)}
          <dt>{post.media_type === 'photo' ? 'Description' : 'Caption'}</dt>
          <dd className="caption">{post.content || <span className="muted">(none)</span>}</dd>
          <dt>Who can view</dt>
          <dd>{post.privacy_level ? PRIVACY_TEXT[post.privacy_level] ?? post.privacy_level : 'chosen in the TikTok app'}</dd>
          <dt>Viewers may</dt>
          <dd>{interactions(post)}</dd>
          <dt>Disclosure</dt>
          <dd>{disclosure(post)}</dd>
          <dt>AI-generated label</dt>
          <dd>{post.is_aigc ? 'yes' : 'no'}</dd>
          <dt>Attempts</dt>
          <dd>{post.attempt ?? 0}</dd>
          {post.publish_id && (<><dt>TikTok publish id</dt><dd><code>{post.publish_id}</code></dd></>)}
          <dt>Your consent</dt>
          <dd>
            {post.consent_declaration && post.consented_at ? (
              <>“{post.consent_declaration}” agreed <time dateTime={post.consented_at}>{shownIn(post.consented_at)}</time></>
            ) : (
              'not recorded (scheduled without the posting screen, or its disclosure changed since)'
            )}
          </dd>
        </dl>
      </section>
    </>
  );
}

function interactions(post: Post): string {
  const on = [post.allow_comment && 'comment', post.media_type !== 'photo' && post.allow_duet && 'duet',
    post.media_type !== 'photo' && post.allow_stitch && 'stitch'].filter(Boolean);
  return on.length ? on.join(', ') : 'no comments, duets or stitches';
}

function disclosure(post: Post): string {
  if (post.brand_content_toggle) return post.brand_organic_toggle ? 'Your brand and branded content (Paid partnership)' : 'Branded content (Paid partnership)';
  if (post.brand_organic_toggle) return 'Your brand (Promotional content)';
  return 'none';
}

function PostActions({ post }: { post: Post }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [checked, setChecked] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const refresh = (updated: Post | null) => {
    if (updated) queryClient.setQueryData(['post', post.id], updated);
    queryClient.invalidateQueries({ queryKey: ['posts'] });
  };
  const retry = useMutation({ mutationFn: () => retryPost(post.id, post.status === 'unconfirmed'), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => updatePost(post.id, { status: 'cancelled' }), onSuccess: refresh });
  const remove = useMutation({
    mutationFn: () => deletePost(post.id),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['posts'] });
      navigate('/posts', { replace: true, state: { deleted: post.id } });
    },
  });
  const error = retry.error ?? cancel.error ?? remove.error;

  return (
    <div className="post-actions">
      {post.status === 'failed' && (
        <button type="button" onClick={() => retry.mutate()} disabled={retry.isPending}>
          {retry.isPending ? 'Scheduling…' : 'Try again now'}
        </button>
      )}
      {post.status === 'unconfirmed' && (
        <div role="group" aria-label="Post it again" className="confirm">
          <div className="choice">
            <input type="checkbox" id="not-on-tiktok" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            <label htmlFor="not-on-tiktok">I looked at my TikTok profile: this post is not there</label>
          </div>
          <button type="button" onClick={() => retry.mutate()} disabled={!checked || retry.isPending}>
            {retry.isPending ? 'Scheduling…' : 'Post it again'}
          </button>
        </div>
      )}
      {(post.status === 'scheduled' || post.status === 'draft' || post.status === 'failed') && (
        <button type="button" className="secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {cancel.isPending ? 'Cancelling…' : 'Cancel post'}
        </button>
      )}
      {editable(post.status) && <Reschedule post={post} onDone={refresh} />}
      {editable(post.status) && !confirmDelete && (
        <button type="button" className="secondary" onClick={() => setConfirmDelete(true)}>Delete post</button>
      )}
      {editable(post.status) && confirmDelete && (
        <div role="group" aria-label="Confirm deleting this post" className="confirm">
          <p className="small">Delete this post? This cannot be undone.</p>
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
            {remove.isPending ? 'Deleting…' : 'Yes, delete'}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>Keep it</button>
        </div>
      )}
      {error && <p role="alert" className="alert">{error.message}</p>}
    </div>
  );
}

/**
 * Moves the post to another time in a chosen zone: the calendar's drag for keyboard users, and the way to give a
 * failed or cancelled post a new time (post-service schedules it again).
 */
function Reschedule({ post, onDone }: { post: Post; onDone: (updated: Post) => void }) {
  const viewer = browserTimeZone();
  const [open, setOpen] = useState(false);
  const [zone, setZone] = useState(post.time_zone ?? viewer);
  const [local, setLocal] = useState(() => format(new TZDate(post.scheduled_time, post.time_zone ?? viewer), "yyyy-MM-dd'T'HH:mm"));
  const resolved = resolveLocal(local, zone);
  const problem = !resolved.ok ? resolved.problem : pastProblem(resolved.instant, new Date());
  const save = useMutation({
    mutationFn: () => updatePost(post.id, { scheduled_time: (resolved as { instant: Date }).instant.toISOString(), time_zone: zone }),
    onSuccess: (updated) => { onDone(updated); setOpen(false); },
  });
  if (!open) {
    return <button type="button" className="secondary" onClick={() => setOpen(true)}>Change time</button>;
  }
  return (
    <form className="reschedule" aria-label="Change the time" onSubmit={(e) => { e.preventDefault(); if (!problem) save.mutate(); }}>
      <div className="field">
        <label htmlFor="new-time">New date and time</label>
        <input id="new-time" type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)}
          aria-invalid={Boolean(problem) || undefined} aria-describedby="new-time-hint" />
      </div>
      <div className="field">
        <label htmlFor="new-zone">Time zone</label>
        <select id="new-zone" value={zone} onChange={(e) => setZone(e.target.value)}>
          {timeZones(zone).map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </div>
      <p id="new-time-hint" className={problem ? 'error' : 'hint'} aria-live="polite">
        {problem ?? (resolved.ok && (zone !== viewer ? `That is ${inZone(resolved.instant, viewer)} in ${viewer}.` : resolved.note))}
      </p>
      <div className="actions">
        <button type="submit" aria-disabled={Boolean(problem) || save.isPending}>{save.isPending ? 'Saving…' : 'Save the new time'}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Keep the time</button>
      </div>
      {save.isError && <p role="alert" className="alert">The time was not changed: {save.error.message}</p>}
    </form>
  );
}

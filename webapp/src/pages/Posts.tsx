import { Link, useLocation, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAccounts, listPostPage, postCounts } from '../api/client';
import { dayRange } from './dayRange';
import { useTitle } from '../components/useTitle';
import { browserTimeZone, formatInZone } from '../time';

const PAGE_SIZE = 25;
const STATUSES = ['scheduled', 'draft', 'queued', 'publishing', 'published', 'failed', 'unconfirmed', 'cancelled'];

/** The user's posts, filtered by state and account, a page at a time; the filter lives in the address. */
export function Posts() {
  useTitle('Posts');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const accountId = Number(params.get('account')) || undefined;
  const page = Math.max(0, Number(params.get('page')) || 0);
  const zone = browserTimeZone();
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const range = dayRange(fromDay, toDay, zone);
  const posts = useQuery({
    queryKey: ['posts', { status, accountId, page, fromDay, toDay }],
    queryFn: () => listPostPage({ status: status || undefined, accountId, ...range, page, size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
    enabled: !range.problem,
  });
  const counts = useQuery({
    queryKey: ['posts', 'counts', { accountId, fromDay, toDay }],
    queryFn: () => postCounts({ accountId, ...range }),
    placeholderData: keepPreviousData,
    enabled: !range.problem,
  });
  const accounts = useQuery({ queryKey: ['accounts'], queryFn: listAccounts });
  const deleted = (useLocation().state as { deleted?: number } | null)?.deleted;
  const total = posts.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = Boolean(status || accountId || fromDay || toDay);

  function update(change: Record<string, string | undefined>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in change)) next.delete('page');
    setParams(next);
  }

  return (
    <div className="page">
      <h1>Posts</h1>
      <p><Link className="button primary" to="/posts/new">New post</Link></p>
      {deleted && <p role="status" className="notice">Post {deleted} was deleted.</p>}
      <div className="filters" role="search" aria-label="Filter posts">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" value={status} onChange={(e) => update({ status: e.target.value || undefined })}>
            <option value="">All</option>
            {STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" type="date" value={fromDay} onChange={(e) => update({ from: e.target.value || undefined })}
            aria-invalid={Boolean(range.problem) || undefined} aria-describedby={range.problem ? 'filter-range-problem' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" type="date" value={toDay} onChange={(e) => update({ to: e.target.value || undefined })}
            aria-invalid={Boolean(range.problem) || undefined} aria-describedby={range.problem ? 'filter-range-problem' : undefined} />
        </div>
        {(accounts.data?.length ?? 0) > 1 && (
          <div className="field">
            <label htmlFor="filter-account">Account</label>
            <select id="filter-account" value={accountId ?? ''}
              onChange={(e) => update({ account: e.target.value || undefined })}>
              <option value="">All</option>
              {accounts.data!.map((a) => (
                <option key={a.id} value={a.id}>{a.display_name ?? a.username ?? `TikTok account ${a.id}`}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      {range.problem && <p id="filter-range-problem" role="alert" className="error">{range.problem}</p>}
      {counts.data && (
        <ul className="counts" aria-label="Posts per status">
          {STATUSES.map((s) => (
            <li key={s}>
              <button type="button" className="link" aria-pressed={status === s}
                onClick={() => update({ status: status === s ? undefined : s })}>
                <span className={`badge status-${s}`}>{s}</span> {counts.data.by_status[s] ?? 0}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="hint" aria-live="polite">
        {posts.data ? `${total} ${total === 1 ? 'post' : 'posts'}${filtered ? ' match' : ''}. ` : ''}Times in {zone}.
      </p>
      {posts.isPending && <p role="status">Loading…</p>}
      {posts.isError && <p role="alert" className="alert">Posts could not be loaded: {posts.error.message}</p>}
      {posts.data && total === 0 && <p>{filtered ? 'No post matches this filter.' : 'You have no posts yet.'}</p>}
      {posts.data && posts.data.items.length > 0 && (
        <div className="table-scroll" role="region" aria-label="Your posts" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Caption</th>
                <th scope="col">On TikTok</th>
              </tr>
            </thead>
            <tbody>
              {posts.data.items.map((post) => (
                <tr key={post.id}>
                  <td>
                    <time dateTime={post.scheduled_time}>{formatInZone(post.scheduled_time, zone)}</time>
                  </td>
                  <td>
                    <span className={`badge status-${post.status}`}>{post.status}</span>
                    {post.error_message && <div className="small">{post.error_message}</div>}
                  </td>
                  <td>
                    <Link to={`/posts/${post.id}`} aria-label={`Post ${post.id}: ${post.content || 'no caption'}`}>
                      {post.content || <span className="muted">(no caption)</span>}
                    </Link>
                  </td>
                  <td>
                    {post.share_url ? (
                      <a href={post.share_url} target="_blank" rel="noreferrer">
                        View post {post.id} on TikTok
                      </a>
                    ) : (
                      <span className="muted">not yet</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Pages of posts">
          <button type="button" className="secondary" disabled={page === 0} onClick={() => update({ page: String(page - 1) })}>
            Previous page
          </button>
          <span>Page {page + 1} of {pages}</span>
          <button type="button" className="secondary" disabled={page + 1 >= pages}
            onClick={() => update({ page: String(page + 1) })}>
            Next page
          </button>
        </nav>
      )}
    </div>
  );
}

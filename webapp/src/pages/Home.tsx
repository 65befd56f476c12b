import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { listPosts, me } from '../api/client';
import { useTitle } from '../components/useTitle';
import { browserTimeZone, formatInZone } from '../time';

const ORDER = ['scheduled', 'queued', 'publishing', 'published', 'failed', 'unconfirmed', 'draft', 'cancelled'];

export function Home() {
  useTitle('Home');
  const user = useQuery({ queryKey: ['me'], queryFn: me });
  const posts = useQuery({ queryKey: ['posts'], queryFn: listPosts });
  const zone = browserTimeZone();
  const counts = new Map<string, number>();
  for (const post of posts.data ?? []) counts.set(post.status, (counts.get(post.status) ?? 0) + 1);

  return (
    <div className="page">
      <h1>{user.data ? `Welcome, ${user.data.username}` : 'Welcome'}</h1>
      {user.isError && <p role="alert" className="alert">Your account could not be loaded: {user.error.message}</p>}
      <div className="grid">
        <section className="card" aria-labelledby="account-title">
          <h2 id="account-title">Your account</h2>
          {user.data ? (
            <dl className="facts">
              <dt>Username</dt>
              <dd>{user.data.username}</dd>
              <dt>Email</dt>
              <dd>{user.data.email}</dd>
              <dt>Member since</dt>
              <dd>
                <time dateTime={user.data.created_at}>{formatInZone(user.data.created_at, zone)}</time>
              </dd>
              <dt>Times shown in</dt>
              <dd>{zone} (this browser's time zone)</dd>
            </dl>
          ) : (
            <p role="status">Loading…</p>
          )}
        </section>
        <section className="card" aria-labelledby="posts-title">
          <h2 id="posts-title">Your posts</h2>
          {posts.isPending && <p role="status">Loading…</p>}
          {posts.isError && <p role="alert" className="alert">Posts could not be loaded: {posts.error.message}</p>}
          {posts.data && posts.data.length === 0 && <p>No posts yet.</p>}
          {posts.data && posts.data.length > 0 && (
            <ul className="counts">
              {ORDER.filter((s) => counts.has(s)).map((status) => (
                <li key={status}>
                  <span className={`badge status-${status}`}>{status}</span> {counts.get(status)}
                </li>
              ))}
            </ul>
          )}
          <p>
            <Link to="/posts">See all posts</Link>
          </p>
        </section>
      </div>
    </div>
  );
}

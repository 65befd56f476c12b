import { useQuery } from '@tanstack/react-query';
import { listPosts } from '../api/client';
import { useTitle } from '../components/useTitle';
import { browserTimeZone, formatInZone } from '../time';

export function Posts() {
  useTitle('Posts');
  const posts = useQuery({ queryKey: ['posts'], queryFn: listPosts });
  const zone = browserTimeZone();
  return (
    <div className="page">
      <h1>Posts</h1>
      <p className="hint">Times in {zone}.</p>
      {posts.isPending && <p role="status">Loading…</p>}
      {posts.isError && <p role="alert" className="alert">Posts could not be loaded: {posts.error.message}</p>}
      {posts.data && posts.data.length === 0 && <p>You have no posts yet.</p>}
      {posts.data && posts.data.length > 0 && (
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
              {posts.data.map((post) => (
                <tr key={post.id}>
                  <td>
                    <time dateTime={post.scheduled_time}>{formatInZone(post.scheduled_time, zone)}</time>
                  </td>
                  <td>
                    <span className={`badge status-${post.status}`}>{post.status}</span>
                    {post.error_message && <div className="small">{post.error_message}</div>}
                  </td>
                  <td>{post.content || <span className="muted">(no caption)</span>}</td>
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
    </div>
  );
}

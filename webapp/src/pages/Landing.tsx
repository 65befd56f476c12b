import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';

export function Landing() {
  useTitle('Schedule your TikToks');
  return (
    <div className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Schedule your TikToks. TikTimer posts them on time.</h1>
        <p className="lead">
          Connect your TikTok accounts, upload your videos and photos, pick a time in your own time zone. TikTimer
          publishes through TikTok's official Content Posting API, follows each post until TikTok confirms it, and
          never posts anything twice.
        </p>
        <p className="actions">
          <Link to="/sign-up" className="button primary">Create a free account</Link>
          <Link to="/sign-in" className="button">Sign in</Link>
        </p>
      </section>
      <section aria-labelledby="why-title" className="features">
        <h2 id="why-title">Why creators and agencies use TikTimer</h2>
        <ul>
          <li>
            <h3>Your choices, never ours</h3>
            <p>
              Who can watch, comments, duets, stitches and the commercial-content disclosure are yours to set for
              every post. Nothing is preset, as TikTok's rules require.
            </p>
          </li>
          <li>
            <h3>On time, exactly once</h3>
            <p>
              Posts go out at the minute you picked, even after an outage. A post whose outcome is unclear is shown
              to you, not silently posted again.
            </p>
          </li>
          <li>
            <h3>Several accounts</h3>
            <p>Run all your TikTok accounts, or your clients', from one place.</p>
          </li>
          <li>
            <h3>Your data stays yours</h3>
            <p>
              TikTok tokens are encrypted, your videos are stored only to publish them, and deleting your account
              deletes everything. Read the <Link to="/privacy">privacy policy</Link>.
            </p>
          </li>
        </ul>
      </section>
    </div>
  );
}

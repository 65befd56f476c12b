import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';

export default function Privacy() {
  useTitle('Privacy policy');
  return (
    <article className="legal" aria-labelledby="privacy-title">
      <h1 id="privacy-title">Privacy policy</h1>
      <p className="small">Applies to the TikTimer website, web app and API. Last updated: 2 December 2026.</p>

      <h2>What TikTimer is</h2>
      <p>
        TikTimer schedules posts to TikTok for creators and agencies. You connect your TikTok account, upload
        videos or photos, choose a time and the settings of each post, and TikTimer publishes it at that time
        through TikTok's Content Posting API.
      </p>

      <h2>What we store, and why</h2>
      <ul>
        <li>
          <strong>Your TikTimer account:</strong> username, email address, a one-way hash of your password (we
          cannot read your password), when the account was created, and your sign-in sessions (stored as hashes).
          We need these to let you sign in and to keep your data apart from other users'.
        </li>
        <li>
          <strong>Your connected TikTok accounts:</strong> TikTok's identifier for each account (open id), its
          nickname and avatar, the permissions (scopes) you granted, and the access and refresh tokens TikTok gives
          us. The tokens are <strong>encrypted</strong> (AES-GCM) before they are stored and are used only to post
          what you scheduled and to read the status of those posts.
        </li>
        <li>
          <strong>Your media:</strong> the videos and photos you upload are stored in Amazon S3 until they are
          published and for as long as a post of yours uses them, together with their type, size, duration and
          resolution. We add no watermark and do not change them.
        </li>
        <li>
          <strong>Your posts:</strong> caption, scheduled time and time zone, the privacy and interaction settings
          and commercial-content disclosure you chose, the declaration you agreed to and when, and what TikTok
          answered (publish id, post id and link, or the reason a post failed).
        </li>
        <li>
          <strong>Technical logs:</strong> requests and errors, with your network address, kept to run and secure
          the service. Logs never contain passwords, tokens or authorization codes.
        </li>
      </ul>
      <p>We do not sell your data, show you ads, or use your content to train anything.</p>

      <h2>Who receives it</h2>
      <ul>
        <li>
          <strong>TikTok</strong> receives the posts you schedule, with the settings you chose, when they are due,
          and only for the accounts you connected. TikTok's own privacy policy applies to what it receives.
        </li>
        <li>
          <strong>Amazon Web Services</strong> hosts TikTimer (servers, database, file storage) as our processor.
        </li>
      </ul>

      <h2>Cookies and browser storage</h2>
      <p>
        TikTimer uses no tracking or advertising cookies. Your sign-in is kept in the page's memory and, where
        enabled, in a single HttpOnly cookie that only TikTimer's sign-in service can read.
      </p>

      <h2>How long we keep it, and deleting it</h2>
      <p>
        You can disconnect a TikTok account at any time; its tokens are then deleted. When you{' '}
        <strong>delete your TikTimer account</strong>, we delete your account, your sessions, your posts, your
        uploaded media in S3 and the tokens of every connected TikTok account. Posts already published on TikTok
        stay on TikTok until you remove them there. Database backups roll over and are gone within 7 days.
      </p>

      <h2>Your rights</h2>
      <p>
        You can see, correct, export and delete your data, and object to its use. Most of this you can do yourself
        in TikTimer; for anything else, write to privacy@tiktimer.app. If you are in the EU or UK you may also
        complain to your data protection authority.
      </p>

      <h2>Security</h2>
      <p>
        Passwords are hashed, TikTok tokens are encrypted, all traffic is encrypted (HTTPS), and every request is
        checked so that you only ever see your own data.
      </p>

      <h2>Changes</h2>
      <p>
        If this policy changes in a way that matters, we will tell you by email before it applies. See also the{' '}
        <Link to="/terms">terms of service</Link>.
      </p>
    </article>
  );
}

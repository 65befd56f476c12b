import { Link } from 'react-router';
import { useTitle } from '../components/useTitle';

export default function Terms() {
  useTitle('Terms of service');
  return (
    <article className="legal" aria-labelledby="terms-title">
      <h1 id="terms-title">Terms of service</h1>
      <p className="small">Last updated: 2 December 2026.</p>

      <h2>1. The service</h2>
      <p>
        TikTimer lets you schedule and publish posts to TikTok accounts you are allowed to manage, through TikTok's
        official Content Posting API. TikTimer is an independent service, not affiliated with or endorsed by TikTok.
      </p>

      <h2>2. Your account</h2>
      <p>
        You must be old enough to use TikTok in your country and give a correct email address. Keep your password
        to yourself; you are responsible for what is done with your account. One person or organisation per
        account.
      </p>

      <h2>3. Your content and TikTok's rules</h2>
      <ul>
        <li>
          You keep all rights to what you upload. You allow TikTimer to store it and send it to TikTok for the sole
          purpose of publishing it as you scheduled.
        </li>
        <li>
          Only upload content you own or have the right to publish. Do not use TikTimer to copy other people's
          content from other platforms.
        </li>
        <li>
          Everything you publish must follow TikTok's Terms of Service, Community Guidelines, Music Usage
          Confirmation and, for branded content, TikTok's Branded Content Policy. Disclose commercial content
          truthfully when you compose a post.
        </li>
        <li>
          Connect only TikTok accounts you own or are authorised to manage (for example as an agency for a client).
        </li>
      </ul>

      <h2>4. Publishing</h2>
      <p>
        TikTimer sends a post only after you schedule or publish it, with exactly the settings you confirmed.
        TikTok decides whether and when a post appears: processing may take a few minutes, TikTok may refuse a post
        or limit how many posts an account may make per day, and posts from apps TikTok has not yet audited may be
        visible only to you. When TikTok's answer is lost, TikTimer marks the post as unconfirmed instead of posting
        it again.
      </p>

      <h2>5. Acceptable use</h2>
      <p>
        Do not attack, overload or probe TikTimer, work around its limits, or use it for spam, for content that is
        illegal, or to infringe anyone's rights. We may suspend accounts that do.
      </p>

      <h2>6. Availability and liability</h2>
      <p>
        We work to publish every post on time but cannot guarantee that TikTok or TikTimer is always available.
        To the extent the law allows, TikTimer is not liable for indirect losses, such as lost reach or revenue
        from a post published late or not at all. Nothing in these terms limits liability that cannot be limited by
        law.
      </p>

      <h2>7. Ending</h2>
      <p>
        You can delete your account at any time; your data is then deleted as described in the{' '}
        <Link to="/privacy">privacy policy</Link>. We may end the service with 30 days' notice by email.
      </p>

      <h2>8. Changes and contact</h2>
      <p>
        We will tell you about material changes to these terms by email before they apply. Questions:
        support@tiktimer.app.
      </p>
    </article>
  );
}

import { Link } from 'react-router';

export function Footer() {
  return (
    <footer className="footer">
      <nav aria-label="Legal">
        <Link to="/privacy">Privacy policy</Link>
        <Link to="/terms">Terms of service</Link>
      </nav>
      <p>TikTimer is not affiliated with or endorsed by TikTok.</p>
    </footer>
  );
}

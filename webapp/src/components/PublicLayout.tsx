import { BrandMark } from './BrandMark';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../auth/session';
import { Footer } from './Footer';

export function PublicLayout() {
  const { status } = useSession();
  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="TikTimer home">
          <BrandMark /> TikTimer
        </Link>
        <nav aria-label="Account">
          {status === 'signed-in' ? (
            <NavLink to="/home" className="button">Open TikTimer</NavLink>
          ) : (
            <>
              <NavLink to="/sign-in">Sign in</NavLink>
              <NavLink to="/sign-up" className="button">Sign up</NavLink>
            </>
          )}
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

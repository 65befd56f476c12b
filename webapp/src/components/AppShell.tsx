import { BrandMark } from './BrandMark';
import { useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { me } from '../api/client';
import { useSession } from '../auth/session';
import { Footer } from './Footer';

/** The signed-in frame: navigation to the pages that work today, who is signed in, and Sign out. */
export function AppShell() {
  const { signOut } = useSession();
  const user = useQuery({ queryKey: ['me'], queryFn: me });
  const [leaving, setLeaving] = useState(false);

  // Once the session is gone, RequireSession sends the browser to the sign-in page, which says why.
  async function leave() {
    setLeaving(true);
    await signOut();
  }

  return (
    <>
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <Link to="/home" className="brand" aria-label="TikTimer home">
          <BrandMark /> TikTimer
        </Link>
        <nav aria-label="Main" className="mainnav">
          <NavLink to="/home">Calendar</NavLink>
          <NavLink to="/posts" end>Posts</NavLink>
          <NavLink to="/posts/new">New post</NavLink>
          <NavLink to="/media">Media</NavLink>
          <NavLink to="/accounts">Accounts</NavLink>
          <NavLink to="/settings">Settings</NavLink>
        </nav>
        <div className="who">
          {user.data && (
            <span className="username" title={user.data.email}>
              {user.data.username}
            </span>
          )}
          <button type="button" onClick={leave} disabled={leaving}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

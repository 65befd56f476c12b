import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { PublicLayout } from './components/PublicLayout';
import { AppShell } from './components/AppShell';
import { Landing } from './pages/Landing';
import { SignIn } from './pages/SignIn';
import { SignUp } from './pages/SignUp';
import { Posts } from './pages/Posts';
import { PostDetail } from './pages/PostDetail';
import { Composer } from './composer/Composer';
import { Accounts } from './pages/Accounts';
import { MediaLibrary } from './pages/MediaLibrary';
import { Settings } from './pages/Settings';
import { NotFound } from './pages/NotFound';

// The legal pages are long and rarely read: they load on demand and stay out of the initial bundle.
const Privacy = lazy(() => import('./pages/Privacy'));
const Terms = lazy(() => import('./pages/Terms'));
// The calendar brings FullCalendar, the largest library here: it loads with the signed-in home, not with the landing
// page.
const Calendar = lazy(() => import('./calendar/Calendar'));

function RequireSession({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'checking') {
    return <p role="status" className="checking">Checking your session…</p>;
  }
  if (status === 'signed-out') {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

export function App() {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <Routes>
        <Route element={<PublicLayout />}>
          <Route index element={<Landing />} />
          <Route path="privacy" element={<Privacy />} />
          <Route path="terms" element={<Terms />} />
          <Route path="sign-in" element={<SignIn />} />
          <Route path="sign-up" element={<SignUp />} />
        </Route>
        <Route
          element={
            <RequireSession>
              <AppShell />
            </RequireSession>
          }
        >
          <Route path="home" element={<Calendar />} />
          <Route path="posts" element={<Posts />} />
          <Route path="posts/new" element={<Composer />} />
          <Route path="posts/:id" element={<PostDetail />} />
          <Route path="media" element={<MediaLibrary />} />
          <Route path="accounts" element={<Accounts />} />
          <Route path="settings" element={<Settings />} />
        </Route>
        <Route element={<PublicLayout />}>
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import * as client from '../api/client';

type Status = 'checking' | 'signed-in' | 'signed-out';
/** Why the last session ended, so the sign-in page can say so. */
type Ending = 'signed-out' | 'expired' | 'deleted' | null;

interface Session {
  status: Status;
  ending: Ending;
  signIn(username: string, password: string): Promise<void>;
  /** Ends the session; `deleted` after the account was deleted, so the sign-in page can say so. */
  signOut(reason?: 'signed-out' | 'deleted'): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Knows whether someone is signed in. On start it renews the session from auth-service's HttpOnly refresh cookie,
 * which is how a reload keeps the user signed in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('checking');
  const [ending, setEnding] = useState<Ending>(null);
  const queries = useQueryClient();

  useEffect(() => {
    client.onSessionEnded(() => {
      queries.clear();
      setEnding('expired');
      setStatus('signed-out');
    });
    let live = true;
    client.renewSession().then((renewed) => live && setStatus(renewed ? 'signed-in' : 'signed-out'));
    return () => {
      live = false;
    };
  }, [queries]);

  const signIn = useCallback(async (username: string, password: string) => {
    await client.signIn(username, password);
    setEnding(null);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async (reason: 'signed-out' | 'deleted' = 'signed-out') => {
    try {
      await client.signOut();
    } catch {
      // The server could not be told (offline, say); the tokens are forgotten here all the same.
    } finally {
      queries.clear();
      setEnding(reason);
      setStatus('signed-out');
    }
  }, [queries]);

  const value = useMemo(() => ({ status, ending, signIn, signOut }), [status, ending, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

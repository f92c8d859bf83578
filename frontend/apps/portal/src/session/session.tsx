import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Session } from '../api/types';

/** Who is signed in, as the gateway says (GET /auth/citizens/session); null until it has answered. */
const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    fetch('/auth/citizens/session', { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { signedIn: false, realm: 'citizens' }))
      .catch(() => ({ signedIn: false, realm: 'citizens' }))
      .then(setSession);
  }, []);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session | null {
  return useContext(SessionContext);
}

/**
 * Where to go to sign in with TaxisNet and come back to the page (with everything chosen so far, which lives in its
 * address). The gateway runs the sign-in; the page never sees a token.
 */
export function signInHref(returnTo: string = window.location.pathname + window.location.search): string {
  return `/auth/citizens/signin?return=${encodeURIComponent(returnTo)}`;
}

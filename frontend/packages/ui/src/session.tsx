import type { Session } from '@mydimos/api';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export type Realm = 'citizens' | 'employees';

/** Who is signed in, as the gateway says (GET /auth/<realm>/session); null until it has answered. */
const SessionContext = createContext<Session | null>(null);
const RealmContext = createContext<Realm>('citizens');

/** A front end's sign-in: the citizens' (TaxisNet) for the portal, the employees' for the back office. */
export function SessionProvider({ realm, children }: { realm: Realm; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    fetch(`/auth/${realm}/session`, { headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : { signedIn: false, realm }))
      .catch(() => ({ signedIn: false, realm }))
      .then(setSession);
  }, [realm]);
  return (
    <RealmContext.Provider value={realm}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </RealmContext.Provider>
  );
}

export function useSession(): Session | null {
  return useContext(SessionContext);
}

/**
 * Where to go to sign in and come back to the page (with everything chosen so far, which lives in its address). The
 * gateway runs the sign-in; the page never sees a token.
 */
export function useSignInHref(returnTo?: string): string {
  const realm = useContext(RealmContext);
  const back = returnTo ?? window.location.pathname + window.location.search;
  return `/auth/${realm}/signin?return=${encodeURIComponent(back)}`;
}

/** Signing out is a form posted to the gateway (it changes something), which ends the sign-in at Keycloak too. */
export function useSignOutAction(): string {
  return `/auth/${useContext(RealmContext)}/signout`;
}

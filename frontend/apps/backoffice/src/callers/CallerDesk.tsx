import type { Booking, Me } from '@mydimos/api';
import { useState } from 'react';
import { Outlet, useOutletContext } from 'react-router';

export type Channel = 'PHONE' | 'COUNTER';

/** The person being served: found by tax number, how they ask (on the phone or at the counter), their registry data. */
export interface Caller {
  taxId: string;
  channel: Channel;
  /** null: the registry holds no record; the clerk asks the person for their details. */
  record: Me | null;
  bookings: Booking[];
}

interface CallerContext {
  caller: Caller | null;
  setCaller: (caller: Caller | null) => void;
  /** What was just done for the caller, read out on the caller's page. */
  done: string;
  setDone: (done: string) => void;
}

/**
 * The call centre and the counter (seed 000, seed 004 Art.4): the person served stays chosen while the clerk books,
 * moves or cancels for them, across the pages of this part of the back office (never in the address: a tax number).
 */
export function CallerDesk() {
  const [caller, setCaller] = useState<Caller | null>(null);
  const [done, setDone] = useState('');
  return <Outlet context={{ caller, setCaller, done, setDone } satisfies CallerContext} />;
}

export function useCaller(): CallerContext {
  return useOutletContext<CallerContext>();
}

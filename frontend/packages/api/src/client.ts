// the front end's i18next instance (the default one, initialised by the app): the language asked for, and the words
import i18n from 'i18next';

/** A booked appointment a change would strand (schedule-conflict, employee-has-appointments), and why (AV-7). */
export interface StrandedAppointment {
  bookingReference: string;
  municipality?: string;
  service?: string;
  start?: string;
  end?: string;
  employee?: string;
  /** holiday, outside-opening-hours, closure, outside-employee-hours, employee-leave, work-positions, mode-withdrawn, unit-changed */
  reason?: string;
}

/** An RFC 9457 problem the API answered with (docs/problems.md), in the page's language. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly field?: string,
    readonly violations: { field: string; message: string }[] = [],
    readonly retryAfter?: number,
    /** The booked appointments a change would strand: schedule-conflict's `bookings` (each with why), employee-has-appointments' `appointments`. */
    readonly bookings: StrandedAppointment[] = [],
    /** The problem's other members (call-not-open's `reason` and `opensAt`, say). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    // what to show a person (message): the detail without the field name it starts with when it is about one field
    super(field && detail.startsWith(`${field}: `) ? detail.slice(field.length + 2) : detail);
  }
}

/** The municipality an employee of several acts for (seed 004 Art.4§3), named in every call; none otherwise. */
let actingMunicipality: string | undefined;

export function actFor(municipality: string | undefined) {
  actingMunicipality = municipality;
}

/**
 * Calls the API at the same origin, in the page's language. The sign-in, when there is one, travels as the
 * gateway's HttpOnly session cookie: page script never holds a token.
 */
export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json', 'Accept-Language': i18n.language,
      ...(actingMunicipality ? { 'Mydimos-Municipality': actingMunicipality } : {}), ...init.headers,
    },
  });
  if (response.ok) {
    // a 201 with only a Location, like a 204, has no body to read
    const json = (response.headers.get('Content-Type') ?? '').includes('json');
    return (response.status === 204 || !json ? undefined : await response.json()) as T;
  }
  const type = response.headers.get('Content-Type') ?? '';
  const retryAfter = seconds(response.headers.get('Retry-After'));
  if (type.startsWith('application/problem+json')) {
    const p = await response.json();
    const stranded = p.bookings ?? p.appointments;
    throw new Problem(p.status, p.type, p.title, p.detail, p.field, p.violations ?? [], retryAfter,
      Array.isArray(stranded) ? stranded.filter((b: unknown): b is StrandedAppointment => typeof b === 'object' && b !== null) : [], p);
  }
  throw new Problem(response.status, 'about:blank', response.statusText, i18n.t('errors.unexpected'), undefined, [], retryAfter);
}

/** Retry-After in seconds, whether the answer gave seconds or a date (RFC 9110). */
function seconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const value = /^\d+$/.test(header.trim()) ? Number(header) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
  return Number.isFinite(value) ? Math.max(1, value) : undefined;
}

/**
 * What to tell a person about a failed call, in the page's language: too many requests says when to try again; any
 * other problem the API's own words; no answer at all that the connection failed and what was typed is kept.
 */
export function problemText(failure: unknown): string {
  if (!(failure instanceof Problem)) return i18n.t('errors.network');
  if (failure.status === 429) return i18n.t('errors.retryAfter', { count: failure.retryAfter ?? 60 });
  return failure.message;
}

import { request, type APIRequestContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expect } from './fixtures';

// What the browser tests set up and check beside the browser, through the same running system: tokens from the real
// Keycloak for the people and staff who act "elsewhere" (a second citizen taking a time, an admin proposing a
// transfer), and the real mail server's API.

export const GATEWAY = process.env.PORTAL_URL ?? 'http://127.0.0.1:8080';
const KEYCLOAK = process.env.KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
const MAIL_API = process.env.GREENMAIL_API ?? 'http://127.0.0.1:8025';

async function api(): Promise<APIRequestContext> {
  return request.newContext();
}

/** A bearer token by the password grant of the demo realms' script clients (never a browser's way in). */
export async function token(realm: 'citizens' | 'employees', user: string): Promise<string> {
  const context = await api();
  const answer = await context.post(`${KEYCLOAK}/realms/${realm}/protocol/openid-connect/token`, {
    form: { grant_type: 'password', client_id: realm === 'citizens' ? 'portal' : 'backoffice', username: user, password: user },
  });
  expect(answer.status()).toBe(200);
  return (await answer.json()).access_token;
}

export async function call(bearer: string, method: string, path: string, body?: unknown) {
  const context = await api();
  const answer = await context.fetch(`${GATEWAY}${path}`, {
    method, data: body, headers: { Authorization: `Bearer ${bearer}`, 'Idempotency-Key': crypto.randomUUID() },
  });
  return { status: answer.status(), body: answer.headers()['content-type']?.includes('json') ? await answer.json() : null };
}

/**
 * The demo system keeps what earlier runs booked (a person may hold one coming booking per service): the
 * municipality's clerk cancels the person's coming bookings before a test.
 */
export async function cancelComing(user: string) {
  const mine = await call(await token('citizens', user), 'GET', '/api/bookings');
  const clerk = await token('employees', 'clerk-thessaloniki');
  for (const booking of mine.body as { reference: string; status: string; municipality: string }[]) {
    if (booking.status === 'CONFIRMED' && booking.municipality === 'thessaloniki') {
      expect((await call(clerk, 'POST', `/api/bookings/${booking.reference}/cancel`)).status).toBe(200);
    }
  }
}

/** The free times of a Thessaloniki service in the next two months. */
export async function freeTimes(service: string, mode: string): Promise<string[]> {
  const from = new Date().toISOString().slice(0, 10);
  const to = new Date(Date.now() + 59 * 86_400_000).toISOString().slice(0, 10);
  const context = await api();
  const answer = await context.get(`${GATEWAY}/api/availability/slots`, { params: { municipality: 'thessaloniki', service, mode, from, to } });
  return ((await answer.json()) as { start: string }[]).map((slot) => slot.start);
}

export interface Mail { subject: string; to: string; body: string }

/** The messages the mail server holds for an address, waiting until one matches. */
export async function mailTo(address: string, matching: (mail: Mail) => boolean): Promise<Mail> {
  const context = await api();
  let found: Mail | undefined;
  await expect.poll(async () => {
    const answer = await context.get(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/INBOX`);
    const mails = answer.ok() ? ((await answer.json()) as { subject: string; mimeMessage: string }[]) : [];
    found = mails.map((m) => ({ subject: m.subject, to: address, body: decode(m.mimeMessage) })).find(matching);
    return found !== undefined;
  }, { timeout: 30_000, message: `a mail to ${address}` }).toBe(true);
  return found!;
}

/** The readable text of a MIME message (quoted-printable or base64 parts decoded), enough to find a reference in. */
function decode(mime: string): string {
  const qp = mime.replace(/=\r?\n/g, '').replace(/(=[0-9A-F]{2})+/g, (run) =>
    Buffer.from(run.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
  const base64 = [...mime.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)]
    .map((m) => Buffer.from(m[1].replace(/\s/g, ''), 'base64').toString('utf8'));
  return [qp, ...base64].join('\n');
}

/**
 * Moves a booking to start soon (half an hour from now) in booking-service's database: the running system's clock
 * cannot be set, and no one can book that close (two hours' notice), so this is how a test reaches the cut-off.
 */
export function startSoon(reference: string) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'booking', '-d', 'booking', '-v', 'ON_ERROR_STOP=1', '-c',
    `UPDATE booking SET starts_at = now() + interval '30 minutes', ends_at = now() + interval '45 minutes' WHERE reference = '${reference.replace(/[^A-Z0-9-]/g, '')}'`],
  { env: { ...process.env, PGPASSWORD: 'booking' } });
}

/** Signs in on Keycloak's own login page (TaxisNet in the demo realm) and waits to be back on the portal. */
export async function signInOnKeycloak(page: Page, user: string) {
  await expect(page).toHaveURL(new RegExp(`^${KEYCLOAK}/`));
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(user);
  await page.locator('#kc-login').click();
  await expect(page).toHaveURL(new RegExp(`^${GATEWAY}/`));
}

/** Signs an employee in to the back office through Keycloak's login page. */
export async function signInToOffice(page: Page, user: string) {
  await page.goto('/office/');
  await page.getByRole('link', { name: 'Σύνδεση υπαλλήλου' }).click();
  await signInOnKeycloak(page, user);
}

/**
 * Moves a booking to have started a minute ago, today: the front desk marks arrivals on the day and completion once
 * started, and no one can book inside two hours' notice (as startSoon).
 */
export function startNow(reference: string) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'booking', '-d', 'booking', '-v', 'ON_ERROR_STOP=1', '-c',
    `UPDATE booking SET starts_at = now() - interval '1 minute', ends_at = now() + interval '14 minutes' WHERE reference = '${reference.replace(/[^A-Z0-9-]/g, '')}'`],
  { env: { ...process.env, PGPASSWORD: 'booking' } });
}

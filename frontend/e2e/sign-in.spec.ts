import { expect, expectAccessible, test } from './fixtures';
import { signInOnKeycloak } from './system';

/** A JSON Web Token, as any of Keycloak's tokens is written (header.payload.signature, base64url). */
const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]+/;

test.describe('signing in through the gateway (ID-1, FE-4)', () => {
  test('after signing in no token is in storage, a readable cookie or any answer the page sees; signing out ends the TaxisNet session', async ({ page }) => {
    const bodies: string[] = [];
    page.on('response', async (response) => {
      if (response.url().startsWith('http://127.0.0.1:8080/') && response.request().resourceType() !== 'font') {
        bodies.push(await response.text().catch(() => ''));
      }
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'Σύνδεση', exact: true }).click();
    await signInOnKeycloak(page, 'citizen-nikos');
    await expect(page.getByText('Νίκος Γεωργίου')).toBeVisible();
    await expectAccessible(page);

    // the API answers the page on the session cookie alone
    await page.getByRole('link', { name: 'Τα ραντεβού μου' }).click();
    await expect(page.getByRole('heading', { name: 'Επόμενα ραντεβού' })).toBeVisible();
    const seen = await page.evaluate(async () => ({
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
      api: await (await fetch('/api/bookings')).text(),
      who: await (await fetch('/auth/citizens/session')).text(),
    }));
    expect(seen.local).not.toMatch(JWT);
    expect(seen.session).not.toMatch(JWT);
    expect(seen.cookies).toBe(''); // the session cookie is HttpOnly: page script cannot see it at all
    expect(seen.api.startsWith('[')).toBe(true);
    expect(seen.who).toContain('"signedIn":true');
    for (const body of [...bodies, seen.api, seen.who]) expect(body).not.toMatch(JWT);
    const cookies = await page.context().cookies();
    const sessionCookies = cookies.filter((c) => c.name.startsWith('q_session_citizens-web'));
    expect(sessionCookies.length).toBeGreaterThan(0);
    for (const cookie of sessionCookies) {
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.secure).toBe(true);
      expect(cookie.sameSite).toBe('Lax');
    }

    await page.getByRole('button', { name: 'Αποσύνδεση' }).click();
    await expect(page.getByRole('link', { name: 'Σύνδεση', exact: true })).toBeVisible();
    expect((await page.context().cookies()).filter((c) => c.name.startsWith('q_session'))).toEqual([]);
    // TaxisNet (Keycloak) forgot her too: signing in again asks for the password
    await page.getByRole('link', { name: 'Σύνδεση', exact: true }).click();
    await expect(page.locator('#password')).toBeVisible();
  });
});

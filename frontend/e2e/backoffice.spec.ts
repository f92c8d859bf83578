import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInOnKeycloak, token } from './system';

/** A caller's booking that a Thessaloniki clerk made on the phone, with a special need. */
async function phoneBooking(): Promise<{ reference: string; start: string }> {
  const start = (await freeTimes('thessaloniki-male-registry', 'IN_PERSON'))[5];
  const booked = await call(await token('employees', 'clerk-thessaloniki'), 'POST', '/api/bookings', {
    municipality: 'thessaloniki', service: 'thessaloniki-male-registry', mode: 'IN_PERSON', start,
    person: { fullName: 'Γεώργιος Καλλέργης', email: 'caller@example.gr', phone: '6900000007', taxId: '102938470' },
    onBehalfOfOther: false, specialRequirements: { signLanguage: true }, declarationAccepted: true, language: 'el', channel: 'PHONE',
  });
  expect(booked.status).toBe(201);
  return { reference: booked.body.reference, start };
}

async function signIn(page: Page, user: string) {
  await page.goto('/office/');
  await page.getByRole('link', { name: 'Σύνδεση υπαλλήλου' }).click();
  await signInOnKeycloak(page, user);
  await expect(page.getByRole('heading', { level: 1, name: 'Πρόγραμμα ημέρας' })).toBeVisible();
}

test.describe('the back office: the day at the desk (FE-2, BK-8)', () => {
  test('a clerk signs in as an employee and finds a caller\'s appointment on its day, with who booked it and the special need', async ({ page }) => {
    const { reference, start } = await phoneBooking();
    try {
      await signIn(page, 'clerk-thessaloniki');
      await expect(page.getByText('Δήμος Θεσσαλονίκης')).toBeVisible();
      await page.getByLabel('Ημέρα').fill(start.slice(0, 10));
      const row = page.getByRole('row').filter({ hasText: reference });
      await expect(row).toContainText('Γεώργιος Καλλέργης');
      await expect(row).toContainText('ΑΦΜ 102938470');
      await expect(row).toContainText('Κλείστηκε από υπάλληλο, τηλεφωνικά');
      await expect(row).toContainText('Νοηματική');
      await expect(row.getByRole('cell').first()).toContainText(start.slice(11, 16)); // Athens time, in a New York browser
      await expectAccessible(page);
      // on a phone the table stacks: nothing runs off the screen
      await page.setViewportSize({ width: 360, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await expectAccessible(page);
    } finally {
      await call(await token('employees', 'clerk-thessaloniki'), 'POST', `/api/bookings/${reference}/cancel`);
    }
  });

  test('a clerk of another municipality never sees Thessaloniki\'s appointments', async ({ page }) => {
    const { reference, start } = await phoneBooking();
    try {
      await signIn(page, 'clerk-thermaikos');
      await expect(page.getByText('Δήμος Θερμαϊκού')).toBeVisible();
      await page.getByLabel('Ημέρα').fill(start.slice(0, 10));
      await expect(page.getByRole('status').or(page.getByRole('table'))).toBeVisible();
      await expect(page.getByText(reference)).toHaveCount(0);
    } finally {
      await call(await token('employees', 'clerk-thessaloniki'), 'POST', `/api/bookings/${reference}/cancel`);
    }
  });
});

import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInOnKeycloak, startNow, token } from './system';

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
      // a caller reads their reference out on the phone
      await page.getByLabel('Κωδικός ραντεβού').fill(reference.toLowerCase());
      await page.getByRole('button', { name: 'Εύρεση' }).click();
      const found = page.getByRole('region', { name: 'Εύρεση ραντεβού με τον κωδικό' });
      await expect(found.getByRole('definition').filter({ hasText: 'Γεώργιος Καλλέργης' })).toBeVisible();
      await expect(found).toContainText('Μητρώο αρρένων');
      // the caller says they got no mail: the clerk sees what was sent to whom
      await expect(found.getByRole('table', { name: 'Μηνύματα για το ραντεβού' })).toContainText('Επιβεβαίωση');
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
      await expect(page.getByText('Δεν υπάρχουν ραντεβού αυτή την ημέρα.').or(page.getByRole('table'))).toBeVisible();
      await expect(page.getByText(reference)).toHaveCount(0);
      // nor by its reference: the answer says why
      await page.getByLabel('Κωδικός ραντεβού').fill(reference);
      await page.getByRole('button', { name: 'Εύρεση' }).click();
      await expect(page.getByRole('alert')).toContainText('Το ραντεβού ανήκει σε άλλον δήμο.');
      await expectAccessible(page);
    } finally {
      await call(await token('employees', 'clerk-thessaloniki'), 'POST', `/api/bookings/${reference}/cancel`);
    }
  });

  test('the front desk by keyboard alone: today\'s caller arrives, then the appointment is completed', async ({ page }) => {
    const { reference } = await phoneBooking();
    startNow(reference);
    try {
      await signIn(page, 'clerk-thessaloniki'); // today's agenda by default
      const row = page.getByRole('row').filter({ hasText: reference });
      await expect(row).toContainText('Επιβεβαιωμένο');
      const arrived = row.getByRole('button', { name: 'Προσήλθε: Γεώργιος Καλλέργης', exact: true });
      // however many appointments today (the demo keeps those of earlier runs)
      for (let i = 0; i < 150 && !(await arrived.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
      await expect(arrived).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(row).toContainText('Προσήλθε');
      // the keyboard stays in the row, on its next action
      const completed = row.getByRole('button', { name: 'Ολοκληρώθηκε: Γεώργιος Καλλέργης', exact: true });
      await expect(completed).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('status').filter({ hasText: 'Καταγράφηκε «Ολοκληρώθηκε»: Γεώργιος Καλλέργης' })).toBeAttached();
      await expect(row.getByRole('cell').nth(5)).toHaveText('Ολοκληρώθηκε');
      await expectAccessible(page);
    } finally {
      const clerk = await token('employees', 'clerk-thessaloniki');
      const left = await call(clerk, 'GET', `/api/bookings/${reference}`);
      if (left.body.status === 'CONFIRMED') await call(clerk, 'POST', `/api/bookings/${reference}/cancel`);
    }
  });
});

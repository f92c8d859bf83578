import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { call, cancelComing, freeTimes, signInOnKeycloak, startSoon, token } from './system';

/** A booking made for the person through the API (the booking journey itself is booking.spec.ts). */
async function booked(user: string, fullName: string, service: string, which = 0): Promise<{ reference: string; start: string }> {
  const start = (await freeTimes(service, 'IN_PERSON'))[which];
  const answer = await call(await token('citizens', user), 'POST', '/api/bookings', {
    municipality: 'thessaloniki', service, mode: 'IN_PERSON', start,
    person: { fullName, email: `${user}@example.gr`, phone: '6900000009' },
    onBehalfOfOther: false, declarationAccepted: true, language: 'el',
  });
  expect(answer.status).toBe(201);
  return { reference: answer.body.reference, start: answer.body.start };
}

async function signIn(page: Page, user: string) {
  await page.goto('/bookings');
  await page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).click();
  await signInOnKeycloak(page, user);
  await expect(page.getByRole('heading', { level: 1, name: 'Τα ραντεβού μου' })).toBeVisible();
}

test.describe('my appointments (BK-6, BK-9, NT-3, X-1)', () => {
  test('reschedule to another time, then cancel; the messages sent are listed', async ({ page }) => {
    await cancelComing('citizen-petros');
    const { reference } = await booked('citizen-petros', 'Πέτρος Αλεξίου', 'thessaloniki-birth-registration');
    await signIn(page, 'citizen-petros');
    await expectAccessible(page);
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    await expect(page.getByText(/Μπορείτε να αλλάξετε ή να ακυρώσετε το ραντεβού έως/)).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Επιβεβαίωση' }).first()).toBeVisible(); // the confirmation mail, in the log
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Αλλαγή ημέρας ή ώρας' }).click();
    const time = page.getByRole('radio', { name: /\d\d:\d\d/ }).first();
    await time.check();
    await page.getByRole('button', { name: 'Αλλαγή ραντεβού' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Το ραντεβού άλλαξε' })).toBeVisible();

    await page.getByRole('button', { name: 'Ακύρωση ραντεβού' }).click();
    await expect(page.getByText('Θέλετε σίγουρα να ακυρώσετε')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ναι, ακύρωση' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Το ραντεβού ακυρώθηκε.' })).toBeVisible();
    await expect(page.getByText('Ακυρωμένο')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ακύρωση ραντεβού' })).toHaveCount(0);
    await expect.poll(async () => {
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Μηνύματα για το ραντεβού' })).toBeVisible();
      return page.getByRole('cell', { name: 'Ακύρωση', exact: true }).count();
    }, { timeout: 20_000 }).toBeGreaterThan(0);
  });

  test('after the cut-off the page says why it can no longer change, and the API refuses all the same', async ({ page }) => {
    await cancelComing('citizen-petros');
    const { reference } = await booked('citizen-petros', 'Πέτρος Αλεξίου', 'thessaloniki-death-registration');
    startSoon(reference);
    await signIn(page, 'citizen-petros');
    await page.goto(`/bookings/${reference}`);
    await expect(page.getByText(/δεν είναι πλέον δυνατή\. Για οποιαδήποτε αλλαγή, τηλεφωνήστε/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'Αλλαγή ημέρας ή ώρας' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Ακύρωση ραντεβού' })).toHaveCount(0);
    await expectAccessible(page);

    // the address of the change page typed in: the API refuses, and the page says so
    await page.goto(`/bookings/${reference}/reschedule`);
    await page.getByRole('radio', { name: /\d\d:\d\d/ }).first().check();
    await page.getByRole('button', { name: 'Αλλαγή ραντεβού' }).click();
    await expect(page.getByRole('alert')).toContainText('έως 60 λεπτά πριν');
    await expectAccessible(page);
    await cancelComing('citizen-petros');
  });

  test('a proposed transfer accepted, and another declined', async ({ page }) => {
    await cancelComing('citizen-nikos');
    const { reference, start } = await booked('citizen-nikos', 'Νίκος Γεωργίου', 'thessaloniki-protocol-filing');
    const admin = await token('employees', 'admin-thessaloniki');
    const later = (await freeTimes('thessaloniki-protocol-filing', 'IN_PERSON')).filter((t) => t > start);
    const proposed = await call(admin, 'POST', `/api/bookings/${reference}/transfer`, { start: later[0], reason: 'Απουσία υπαλλήλου' });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);

    await signIn(page, 'citizen-nikos');
    await expect(page.getByText('νέα ώρα προτείνεται')).toBeVisible();
    await page.getByRole('link', { name: new RegExp(reference) }).click();
    const proposal = page.getByRole('region', { name: 'Ο δήμος προτείνει νέα ώρα' });
    await expect(proposal).toContainText('Απουσία υπαλλήλου');
    await expectAccessible(page);
    await proposal.getByRole('button', { name: 'Αποδοχή νέας ώρας' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Δεχτήκατε τη νέα ώρα' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Ο δήμος προτείνει νέα ώρα' })).toHaveCount(0);
    const moved = await call(await token('citizens', 'citizen-nikos'), 'GET', `/api/bookings/${reference}`);
    expect(moved.body.start).toBe(later[0]);

    const again = (await freeTimes('thessaloniki-protocol-filing', 'IN_PERSON')).filter((t) => t > later[0]);
    expect((await call(admin, 'POST', `/api/bookings/${reference}/transfer`, { start: again[0], reason: 'Απεργία' })).status).toBe(201);
    await page.reload();
    await page.getByRole('region', { name: 'Ο δήμος προτείνει νέα ώρα' }).getByRole('button', { name: 'Απόρριψη' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Απορρίψατε τη νέα ώρα' })).toBeVisible();
    const kept = await call(await token('citizens', 'citizen-nikos'), 'GET', `/api/bookings/${reference}`);
    expect(kept.body.start).toBe(later[0]);
    await cancelComing('citizen-nikos');
  });

  test('a certificate requested and downloaded, and its public verification page', async ({ page }) => {
    await page.goto('/certificates');
    await page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).click();
    await signInOnKeycloak(page, 'citizen-maria');
    await page.getByRole('radio', { name: 'Πιστοποιητικό οικογενειακής κατάστασης' }).check();
    await page.getByRole('button', { name: 'Έκδοση' }).click();
    const issued = page.getByRole('status').filter({ hasText: 'Το πιστοποιητικό εκδόθηκε' });
    await expect(issued).toBeVisible();
    const code = (await issued.textContent())!.match(/κωδικός επαλήθευσης ([A-Za-z0-9-]+)/)![1];
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Πιστοποιητικό οικογενειακής κατάστασης, .* \(PDF\)/ }).first().click();
    const pdf = await (await download).createReadStream();
    const head = await new Promise<string>((resolve) => pdf.once('data', (chunk) => resolve(chunk.toString('latin1', 0, 5))));
    expect(head).toBe('%PDF-');

    // anyone, not signed in, who reads the code (or scans the QR code) sees whether it is genuine
    await page.context().clearCookies();
    await page.goto(`/certificates/verify/${code}`);
    await expect(page.getByText('Το πιστοποιητικό είναι γνήσιο και ισχύει.')).toBeVisible();
    await expect(page.getByText('Πιστοποιητικό οικογενειακής κατάστασης')).toBeVisible();
    await expectAccessible(page);
    await page.goto('/certificates/verify/AAAA-BBBB-CCCC');
    await expect(page.getByRole('alert')).toContainText('Δεν υπάρχει πιστοποιητικό με αυτόν τον κωδικό.');
  });
});

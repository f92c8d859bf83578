import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInToOffice, token } from './system';


test.describe('the back office: statistics (BK-9, seed 004 Art.5§4)', () => {
  test('a municipal admin reads a day\'s bookings as charts with their figures, and downloads them as CSV', async ({ page }) => {
    const start = (await freeTimes('thessaloniki-male-registry', 'IN_PERSON')).at(-1)!;
    const day = start.slice(0, 10);
    const clerk = await token('employees', 'clerk-thessaloniki');
    const booked = await call(clerk, 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: 'thessaloniki-male-registry', mode: 'IN_PERSON', start,
      person: { fullName: 'Στατιστική Δοκιμή', email: 'stats@example.gr', phone: '6900000001' },
      declarationAccepted: true, language: 'el', channel: 'COUNTER',
    });
    expect(booked.status).toBe(201);
    try {
      const expected = (await call(await token('employees', 'admin-thessaloniki'), 'GET', `/api/bookings/stats?from=${day}&to=${day}`)).body;
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Στατιστικά' }).click();
      await page.getByLabel('Από').fill(day);
      await page.getByLabel('Έως').fill(day);
      await page.getByRole('button', { name: 'Εμφάνιση' }).click();
      await expect(page.getByRole('status').filter({ hasText: `${expected.total} ραντεβού από` })).toBeVisible();
      const byService = page.getByRole('table', { name: 'Ανά υπηρεσία' });
      await expect(byService.getByRole('row', { name: /Μητρώο αρρένων/ }))
        .toHaveText(new RegExp(`Μητρώο αρρένων\\s*${expected.byService['thessaloniki-male-registry']}$`));
      await expect(page.getByRole('table', { name: 'Ανά τρόπο εξυπηρέτησης' })).toContainText('Με φυσική παρουσία');
      await expectAccessible(page);

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Λήψη σε CSV' }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      expect(csv.startsWith('\uFEFF"Διάσταση","Κωδικός","Στοιχείο","Ραντεβού"')).toBe(true);
      expect(csv).toContain(`"Ανά υπηρεσία","thessaloniki-male-registry","Μητρώο αρρένων","${expected.byService['thessaloniki-male-registry']}"`);
      expect(csv).toContain(`"Ανά ημέρα","${day}"`);
      // on a phone the chart and its table stack
      await page.setViewportSize({ width: 360, height: 640 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    } finally {
      await call(clerk, 'POST', `/api/bookings/${booked.body.reference}/cancel`);
    }
  });

  test('the central admin starts on the statistics of every municipality, and narrows to one', async ({ page }) => {
    await signInToOffice(page, 'central-admin');
    await expect(page.getByRole('heading', { level: 1, name: 'Στατιστικά ραντεβού' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link')).toHaveText(['Στατιστικά', 'Δήμοι', 'Αναγνώσεις δεδομένων', 'Εθνικά κλεισίματα']);
    await expect(page.getByRole('table', { name: 'Ανά δήμο' })).toContainText('Δήμος Θεσσαλονίκης');
    await expectAccessible(page);
    await page.getByLabel('Δήμος').selectOption({ label: 'Δήμος Θεσσαλονίκης' });
    await page.getByRole('button', { name: 'Εμφάνιση' }).click();
    await expect(page.getByRole('status')).toContainText('ραντεβού από');
    await expect(page.getByRole('table', { name: 'Ανά δήμο' })).toHaveCount(0);
    await expectAccessible(page);
  });
});

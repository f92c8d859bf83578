import { expect, expectAccessible, test } from './fixtures';
import { call, signInToOffice, token } from './system';

const PATH = '/api/registry/municipalities/thessaloniki';

test.describe('the back office: a municipality keeps its details current (issue 21, REG-1)', () => {
  test('a municipal admin changes a department\'s opening hours and phones, and the portal shows them at once', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const before = ((await call(admin, 'GET', PATH)).body.units as Record<string, unknown>[])
      .find((u) => u.id === 'thessaloniki-transparency')!;
    const hours = `Δευτέρα έως Παρασκευή 08:00–15:00· Τετάρτη έως 19:00 (${Date.now()})`;
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Στοιχεία δήμου' }).click();
      const unit = page.getByRole('form', { name: 'Τμήμα Διαφάνειας' });
      await expectAccessible(page);
      // a phone that is no phone: named, in Greek, beside the field
      await unit.getByLabel('Τηλέφωνα').fill('2313 317000, 12');
      await unit.getByRole('button', { name: 'Αποθήκευση: Τμήμα Διαφάνειας' }).click();
      await expect(unit.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Τηλέφωνα: αριθμός τηλεφώνου από 5 έως 20 ψηφία');
      await expectAccessible(page);
      await unit.getByLabel('Τηλέφωνα').fill('2313 317000');
      await unit.getByLabel('Ωράριο (ελληνικά)').fill(hours);
      await unit.getByRole('button', { name: 'Αποθήκευση: Τμήμα Διαφάνειας' }).click();
      await expect(unit.getByRole('status')).toHaveText('Αποθηκεύτηκαν τα στοιχεία: Τμήμα Διαφάνειας.');

      await page.goto('/municipalities/thessaloniki');
      await expect(page.getByText(hours)).toBeVisible();
      await expect(page.getByText('2313 317000')).toBeVisible();
    } finally {
      expect((await call(admin, 'PUT', `${PATH}/units/thessaloniki-transparency`, { ...before, phones: before.phones ?? [] })).status).toBe(204);
    }
  });

  test('a municipal admin adds a postal code, and a resident of it finds the municipality by it in the portal', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const before = (await call(admin, 'GET', `${PATH}/postal-areas`)).body as { postalCode: string; unitId?: string }[];
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Στοιχεία δήμου' }).click();
      const form = page.getByRole('form', { name: 'Ταχυδρομικοί κώδικες' });
      const codes = form.getByLabel('Ταχυδρομικοί κώδικες που εξυπηρετεί ο δήμος');
      await expect(codes).toHaveValue(/54640/);
      // a code Thermaikos serves is not Thessaloniki's to take, and is named
      await codes.fill(`${await codes.inputValue()}, 57019`);
      await form.getByRole('button', { name: 'Αποθήκευση: Ταχυδρομικοί κώδικες' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('57019');
      await expectAccessible(page);
      await codes.fill(before.map((a) => a.postalCode).concat('54699').join(', '));
      await form.getByRole('button', { name: 'Αποθήκευση: Ταχυδρομικοί κώδικες' }).click();
      await expect(form.getByRole('status')).toContainText(`Αποθηκεύτηκαν ${before.length + 1} ταχυδρομικοί κώδικες.`);

      await page.goto('/');
      await page.getByLabel('Ή ταχυδρομικός κώδικας').fill('546 99');
      await page.getByRole('button', { name: 'Αναζήτηση' }).click();
      await expect(page.getByRole('region', { name: /Βρέθηκε/ }).getByRole('link', { name: 'Δήμος Θεσσαλονίκης' })).toBeVisible();
    } finally {
      expect((await call(admin, 'PUT', `${PATH}/postal-areas`, before)).status).toBe(204);
    }
  });

  test('a municipal admin adds a department with its hours, which the portal lists and availability takes up', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const run = Date.now().toString(36);
    const name = `Τμήμα Κοινωνικής Πολιτικής ${run}`;
    await signInToOffice(page, 'admin-thessaloniki');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Στοιχεία δήμου' }).click();
    const form = page.getByRole('form', { name: 'Νέα μονάδα' });
    await form.getByRole('button', { name: 'Προσθήκη μονάδας' }).click();
    await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Συμπληρώστε τις ώρες τουλάχιστον μίας ημέρας');
    await expectAccessible(page);
    await form.getByLabel('Όνομα μονάδας (ελληνικά)').fill(name);
    await form.getByLabel('Όνομα μονάδας (αγγλικά)').fill(`Social Policy Department ${run}`);
    await form.getByLabel('Αναγνωριστικό').fill(`thessaloniki-social-${run}`);
    await form.getByLabel('Δευτέρα: ανοίγει').fill('08:00');
    await form.getByLabel('Δευτέρα: κλείνει').fill('14:00');
    await form.getByRole('button', { name: 'Προσθήκη μονάδας' }).click();
    await expect(form.getByRole('status')).toHaveText(`Προστέθηκε η μονάδα «${name}».`);
    // its own contact form appears, and availability has its hours from the registry's event
    await expect(page.getByRole('form', { name })).toBeVisible();
    await expect.poll(async () => ((await call(admin, 'GET', '/api/availability/municipalities/thessaloniki/schedule')).body
      .templates as { unitId: string; declaredByRegistry: boolean }[]).some((t) => t.unitId === `thessaloniki-social-${run}` && t.declaredByRegistry),
    { timeout: 20_000 }).toBe(true);
    await page.goto('/municipalities/thessaloniki');
    await expect(page.getByText(name)).toBeVisible();
  });
});

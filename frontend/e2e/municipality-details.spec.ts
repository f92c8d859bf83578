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

  test('a municipal admin changes the ways it serves, but not one its services still offer', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const before = (await call(admin, 'GET', PATH)).body as { modes: string[]; thirdPartyVideoAllowed: boolean };
    expect(before.thirdPartyVideoAllowed).toBe(true);
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Στοιχεία δήμου' }).click();
      const form = page.getByRole('form', { name: 'Τρόποι εξυπηρέτησης' });
      const video = form.getByRole('checkbox', { name: 'Με τηλεδιάσκεψη' });
      await expect(video).toBeChecked();
      // transparency information is still offered by video call: it is named, and nothing changes
      await video.uncheck();
      await expect(form.getByRole('checkbox', { name: /τρίτο πρόσωπο/ })).toBeHidden();
      await form.getByRole('button', { name: 'Αποθήκευση: Τρόποι εξυπηρέτησης' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Ενημέρωση για θέματα διαφάνειας');
      await expectAccessible(page);
      expect((await call(admin, 'GET', PATH)).body.modes).toContain('VIDEO');

      await video.check();
      await form.getByRole('checkbox', { name: /τρίτο πρόσωπο/ }).uncheck();
      await form.getByRole('button', { name: 'Αποθήκευση: Τρόποι εξυπηρέτησης' }).click();
      await expect(form.getByRole('status')).toHaveText('Αποθηκεύτηκαν οι τρόποι εξυπηρέτησης.');
      await expectAccessible(page);
      const after = (await call(admin, 'GET', PATH)).body as { modes: string[]; thirdPartyVideoAllowed: boolean };
      expect(after.modes).toEqual(['IN_PERSON', 'PHONE', 'VIDEO']);
      expect(after.thirdPartyVideoAllowed).toBe(false);
    } finally {
      expect((await call(admin, 'PUT', `${PATH}/modes`, { modes: before.modes, thirdPartyVideoAllowed: before.thirdPartyVideoAllowed })).status).toBe(204);
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
    // a day with only its opening time is named, not dropped
    await form.getByLabel('Τρίτη: ανοίγει').fill('09:00');
    await form.getByRole('button', { name: 'Προσθήκη μονάδας' }).click();
    const problem = form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' });
    await expect(problem).toHaveText(/Τρίτη: συμπληρώστε και την ώρα που κλείνει/);
    await problem.getByRole('link').click();
    await expect(form.getByLabel('Τρίτη: κλείνει')).toBeFocused();
    await form.getByLabel('Τρίτη: ανοίγει').fill('');
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

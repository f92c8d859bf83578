import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInToOffice, token } from './system';

const SERVICES = '/api/registry/municipalities/thessaloniki/services';
const ID = 'thessaloniki-transparency-information';

test.describe('the back office: the catalogue of services (issue 21 item 1, REG-4)', () => {
  test('a municipal admin changes how long a service takes and what to bring, and the portal shows it at once', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const before = ((await call(admin, 'GET', SERVICES)).body as { id: string }[]).find((s) => s.id === ID)!;
    const document = `Βεβαίωση εργοδότη (${Date.now()})`;
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Υπηρεσίες' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Υπηρεσίες' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Αλλαγή: Ενημέρωση για θέματα διαφάνειας' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Υπηρεσία: Ενημέρωση για θέματα διαφάνειας' })).toBeVisible();

      // a duration of no minutes is named by its way of service
      const inPerson = page.getByLabel('Με φυσική παρουσία: διάρκεια σε λεπτά');
      await inPerson.fill('0');
      await page.getByRole('button', { name: 'Αποθήκευση υπηρεσίας' }).click();
      const problem = page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' });
      await expect(problem).toContainText('Με φυσική παρουσία: διάρκεια σε λεπτά:');
      await expectAccessible(page);
      await problem.getByRole('link').click();
      await expect(inPerson).toBeFocused();

      await inPerson.fill('25');
      await page.getByRole('button', { name: 'Προσθήκη δικαιολογητικού' }).click();
      const added = page.getByRole('group', { name: /^Δικαιολογητικό \d+$/ }).last();
      await added.getByLabel('Όνομα (ελληνικά)').fill(document);
      await added.getByLabel('Όνομα (αγγλικά)').fill("Employer's certificate");
      await page.getByRole('button', { name: 'Αποθήκευση υπηρεσίας' }).click();
      await expect(page.getByText('Αποθηκεύτηκε η υπηρεσία «Ενημέρωση για θέματα διαφάνειας».')).toBeFocused();
      await expect(page.getByRole('row').filter({ hasText: 'Ενημέρωση για θέματα διαφάνειας' })).toContainText('Με φυσική παρουσία (25′)');
      await expectAccessible(page);

      await page.goto('/municipalities/thessaloniki');
      await expect(page.getByRole('region', { name: 'Ενημέρωση για θέματα διαφάνειας' })).toContainText(document);
    } finally {
      expect((await call(admin, 'PUT', `${SERVICES}/${ID}`, before)).status).toBe(200);
    }
  });

  test('a way of service with booked appointments is not taken away: they are listed', async ({ page }) => {
    // a caller booked by phone through a clerk
    const start = (await freeTimes(ID, 'PHONE'))[3];
    const booked = await call(await token('employees', 'clerk-thessaloniki'), 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: ID, mode: 'PHONE', start,
      person: { fullName: 'Ευάγγελος Μαργαρίτης', email: 'caller@example.gr', phone: '6900000011', taxId: '102938470' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el', channel: 'PHONE',
    });
    expect(booked.status).toBe(201);
    const reference: string = booked.body.reference;
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.goto('/office/services/thessaloniki-transparency-information');
      await expect(page.getByRole('heading', { level: 1, name: 'Υπηρεσία: Ενημέρωση για θέματα διαφάνειας' })).toBeVisible();
      await page.getByLabel('Τηλεφωνικά: διάρκεια σε λεπτά').fill('');
      await page.getByRole('button', { name: 'Αποθήκευση υπηρεσίας' }).click();
      await expect(page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toBeVisible();
      const stranded = page.locator('.govgr-warning-text');
      await expect(stranded).toContainText(reference);
      await expect(stranded).toContainText('η υπηρεσία δεν θα προσφερόταν πλέον με αυτόν τον τρόπο');
      await expectAccessible(page);
      // nothing changed: the portal still offers it by phone
      const terms = ((await call(await token('employees', 'admin-thessaloniki'), 'GET', SERVICES)).body as { id: string; modes: { mode: string }[] }[])
        .find((s) => s.id === ID)!;
      expect(terms.modes.map((m) => m.mode)).toContain('PHONE');
    } finally {
      expect((await call(await token('employees', 'clerk-thessaloniki'), 'POST', `/api/bookings/${reference}/cancel`)).status).toBe(200);
    }
  });
});

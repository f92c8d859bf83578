import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInToOffice, token } from './system';

const SERVICE = 'thessaloniki-registry-certificate';

test.describe('the back office: national closures (issue 21 item 7)', () => {
  test('the central admin is shown the booking a national closure would strand, then closes a day without bookings and withdraws it', async ({ page }) => {
    const central = await token('employees', 'central-admin');
    const clerk = await token('employees', 'clerk-thessaloniki');
    const free = await freeTimes(SERVICE, 'IN_PERSON');
    const start = free[Math.floor(free.length / 3)];
    const booked = await call(clerk, 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: SERVICE, mode: 'IN_PERSON', start,
      person: { fullName: 'Ζωή Μακρή', email: 'zoi@example.gr', phone: '6900000012' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el', channel: 'PHONE',
    });
    expect(booked.status).toBe(201);
    // a day beyond the booking horizon (nobody can have booked it) that is not closed already (a moved holiday)
    const closed = new Set(((await call(central, 'GET', '/api/availability/national-closures')).body as { day: string }[])
      .map((closure) => closure.day));
    let quiet = '';
    for (let days = 150; !quiet || closed.has(quiet); days++) {
      quiet = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    }
    const name = `Εθνικό πένθος (${Date.now()})`;
    try {
      await signInToOffice(page, 'central-admin');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Εθνικά κλεισίματα' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Εθνικά κλεισίματα' })).toBeVisible();
      await expectAccessible(page);

      const form = page.getByRole('form', { name: 'Νέο εθνικό κλείσιμο' });
      await form.getByLabel('Ημέρα').fill(start.slice(0, 10));
      await form.getByLabel('Αιτία (ελληνικά)').fill(name);
      await form.getByLabel('Αιτία (αγγλικά)').fill('National mourning');
      await form.getByRole('button', { name: 'Προσθήκη' }).click();
      await expect(form).toContainText(/Δεν έγινε: \d+ κλεισμέν/);
      await expect(form.getByRole('listitem').filter({ hasText: booked.body.reference })).toContainText('thessaloniki');
      await expectAccessible(page);

      await form.getByLabel('Ημέρα').fill(quiet);
      await form.getByRole('button', { name: 'Προσθήκη' }).click();
      await expect(page.getByRole('status').filter({ hasText: `Προστέθηκε: ${name}.` })).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: name });
      await expect(row).toBeVisible();
      await row.getByRole('button', { name: `Ανάκληση: ${name}` }).click();
      await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
    } finally {
      await call(clerk, 'POST', `/api/bookings/${booked.body.reference}/cancel`);
      for (const c of (await call(central, 'GET', '/api/availability/national-closures')).body as { id: number; nameEl: string }[]) {
        if (c.nameEl === name) await call(central, 'DELETE', `/api/availability/national-closures/${c.id}`);
      }
    }
  });
});

import { expect, expectAccessible, test } from './fixtures';
import type { Page } from '@playwright/test';
import { call, cancelComing, freeTimes, mailTo, signInOnKeycloak, token } from './system';

/** Chooses a way and the first free time on the booking page, continues, and signs in when asked to. */
async function chooseAndSignIn(page: Page, mode: RegExp, user: string): Promise<string> {
  await page.getByRole('radio', { name: mode }).check();
  const time = page.getByRole('radio', { name: /\d\d:\d\d/ }).first();
  const start = (await time.getAttribute('value'))!;
  await time.check();
  await page.getByRole('button', { name: 'Συνέχεια' }).click();
  await page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).click();
  await signInOnKeycloak(page, user);
  await expect(page.getByRole('heading', { name: 'Τα στοιχεία σας' })).toBeVisible();
  return start;
}

test.describe('booking an appointment (BK-1…5, FE-1)', () => {
  test('citizen-maria books in person from the home page, and the confirmation mail arrives', async ({ page }) => {
    await cancelComing('citizen-maria');
    await page.goto('/');
    await page.getByLabel('Όνομα δήμου').fill('Θεσσαλονίκη');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await page.getByRole('region', { name: /Βρέθηκε/ }).getByRole('link', { name: 'Δήμος Θεσσαλονίκης' }).click();
    const service = page.getByRole('region', { name: 'Έκδοση πιστοποιητικού δημοτολογίου' });
    await service.getByRole('link', { name: 'Κλείστε ραντεβού' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ραντεβού: Έκδοση πιστοποιητικού δημοτολογίου');
    await expect(page.getByRole('heading', { name: 'Τι χρειάζεστε' })).toBeVisible(); // documents and fees first
    // only the ways the service is offered in, each explained
    await expect(page.getByRole('radio')).toHaveCount(2);
    await expect(page.getByText('Χρειάζεστε συσκευή με κάμερα και μικρόφωνο')).toBeVisible();
    await page.getByRole('radio', { name: /Με φυσική παρουσία/ }).check();
    const day = page.getByLabel('Ημέρα');
    await expect(day.locator('option').first()).toContainText(/ελεύθερ/);
    const time = page.getByRole('radio', { name: /\d\d:\d\d/ }).first();
    const chosen = (await time.getAttribute('value'))!;
    await time.check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Συνέχεια' }).click();

    // not signed in yet: TaxisNet, and back with everything chosen
    await page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).click();
    await signInOnKeycloak(page, 'citizen-maria');
    await expect(page.getByRole('heading', { name: 'Τα στοιχεία σας' })).toBeVisible();
    await expect(page.getByText('Μαρία Παπαδοπούλου').first()).toBeVisible(); // the header greets her
    await expect(page.getByLabel('Ονοματεπώνυμο')).toHaveValue('Μαρία Παπαδοπούλου'); // from the registry (/me)
    await expect(page.getByLabel('Ονοματεπώνυμο')).toHaveAttribute('readonly', '');
    await expect(page.getByText('Έκδοση κειμένου: 2026-01')).toBeVisible();
    await expectAccessible(page);

    // the declaration is required: the error is shown by the field, and the summary takes focus
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click();
    await expect(page.getByRole('alert').first()).toBeFocused();
    await expect(page.locator('#declaration-error')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Έχω διαβάσει και αποδέχομαι τα παραπάνω').check();
    let posted = 0;
    page.on('request', (request) => { if (request.method() === 'POST' && request.url().endsWith('/api/bookings')) posted++; });
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).dblclick(); // one booking, whatever the clicks
    await expect(page.getByRole('heading', { name: 'Το ραντεβού σας κλείστηκε' })).toBeVisible();
    const reference = (await page.locator('.govgr-panel__body strong').textContent())!;
    expect(reference).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(posted, 'requests sent for a double click').toBe(1);
    // the time chosen, in Athens time, though this browser is set to New York's
    await expect(page.getByText(new RegExp(`, ${chosen.slice(11, 16)}–`))).toBeVisible();
    await expect(page.getByText('Βασιλέως Γεωργίου')).toBeVisible(); // where
    await expect(page.getByText('Αστυνομική ταυτότητα ή διαβατήριο')).toBeVisible(); // what to bring
    await expect(page.getByRole('link', { name: 'Προσθήκη στο ημερολόγιο (.ics)' })).toHaveAttribute('download', `${reference}.ics`);
    await expectAccessible(page);

    const mail = await mailTo('maria@example.gr', (m) => m.body.includes(reference));
    expect(mail.body).toContain('Έκδοση πιστοποιητικού δημοτολογίου');
    expect(mail.body).toContain(`${test.info().project.use.baseURL ?? 'http://127.0.0.1:8080'}/bookings/${reference}`);

    await page.getByRole('link', { name: 'Τα ραντεβού μου' }).first().click();
    await expect(page.getByRole('link', { name: new RegExp(reference) })).toHaveCount(1);
    // the declaration she was shown is the version the platform records as accepted
    const held = await page.evaluate(async () => (await fetch('/api/bookings/my-data')).json());
    expect(held.bookings.find((b: { reference: string }) => b.reference === reference).declarationVersion).toBe('2026-01');
    await cancelComing('citizen-maria');
  });

  test('a VIDEO booking with a third person: the link on the confirmation, an invitation to the third person', async ({ page }) => {
    await cancelComing('citizen-anna');
    await page.goto('/municipalities/thessaloniki/services/thessaloniki-transparency-information/book');
    await chooseAndSignIn(page, /Με τηλεδιάσκεψη/, 'citizen-anna');
    // no registry record for her: she declares her details
    await page.getByLabel('Ονοματεπώνυμο').fill('Άννα Νικολάου');
    await page.getByLabel('Email', { exact: true }).fill('anna@example.gr');
    await page.getByLabel('Κινητό τηλέφωνο').fill('6900000001');
    await page.getByLabel(/Email τρίτου προσώπου/).fill('friend-of-anna@example.gr');
    await page.getByLabel('Χειλεανάγνωση').check();
    await page.getByLabel('Έχω διαβάσει και αποδέχομαι τα παραπάνω').check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click();

    await expect(page.getByRole('heading', { name: 'Το ραντεβού σας κλείστηκε' })).toBeVisible();
    const reference = (await page.locator('.govgr-panel__body strong').textContent())!;
    await expect(page.getByRole('link', { name: /^https?:\/\/.*\/call\// })).toBeVisible();
    await expect(page.getByText('Χειλεανάγνωση; τρίτο πρόσωπο: friend-of-anna@example.gr')).toBeVisible();
    // the third person's own invitation: with a link of the call of their own, not the applicant's, nor the reference
    const link = (await page.getByRole('link', { name: /\/call\// }).textContent())!;
    // each link enters as whom it belongs to: the invited person's is in their invitation, never shown to the applicant
    expect((await call(await token('citizens', 'citizen-anna'), 'GET', `/api/bookings/${reference}`)).body.videoCall.thirdPartyLink).toBeFalsy();
    const invitation = await mailTo('friend-of-anna@example.gr', (m) => /\/call\/[A-Za-z0-9_-]{43}/.test(m.body) && m.body.includes('Άννα Νικολάου'));
    const own = invitation.body.match(/https?:\/\/[^\s<>"]*\/call\/[A-Za-z0-9_-]{43}/)![0];
    expect(own).not.toBe(link);
    expect(invitation.body).toContain('Άννα Νικολάου');
    expect(invitation.body).not.toContain(reference);
    expect(invitation.body).not.toContain(link);
    await mailTo('anna@example.gr', (m) => m.body.includes(reference));
    await expectAccessible(page);
    await cancelComing('citizen-anna');
  });

  test('a time taken between choosing and submitting: the next free times, and what was typed is kept', async ({ page }) => {
    await cancelComing('citizen-anna');
    await cancelComing('citizen-petros');
    await page.goto('/municipalities/thessaloniki/services/thessaloniki-registry-certificate/book');
    const start = await chooseAndSignIn(page, /Με φυσική παρουσία/, 'citizen-anna');
    await page.getByLabel('Ονοματεπώνυμο').fill('Άννα Νικολάου');
    await page.getByLabel('Email', { exact: true }).fill('anna@example.gr');
    await page.getByLabel('Κινητό τηλέφωνο').fill('6900000001');
    await page.getByLabel('Έχω διαβάσει και αποδέχομαι τα παραπάνω').check();

    // meanwhile someone else books that very time (every employee's, so it is gone whoever would have served her)
    const petros = await token('citizens', 'citizen-petros');
    const taken = await call(petros, 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: 'thessaloniki-registry-certificate', mode: 'IN_PERSON', start,
      person: { fullName: 'Πέτρος Αλεξίου', email: 'petros@example.gr', phone: '6900000002' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el',
    });
    expect(taken.status).toBe(201);
    const clerk = await token('employees', 'clerk-thessaloniki');
    const callers: string[] = [];
    while ((await freeTimes('thessaloniki-registry-certificate', 'IN_PERSON')).includes(start)) {
      const booked = await call(clerk, 'POST', '/api/bookings', {
        municipality: 'thessaloniki', service: 'thessaloniki-registry-certificate', mode: 'IN_PERSON', start,
        person: { fullName: 'Καλών στο τηλέφωνο', email: 'caller@example.gr', phone: '6900000003' },
        onBehalfOfOther: false, declarationAccepted: true, language: 'el', channel: 'PHONE',
      });
      expect(booked.status).toBe(201);
      callers.push(booked.body.reference);
    }

    const day = new Intl.DateTimeFormat('el-GR', { timeZone: 'Europe/Athens', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      .format(new Date(start));
    await expect(page.getByText(`${day}, ${start.slice(11, 16)}`)).toBeVisible();
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click();
    await expect(page.getByRole('alert').first()).toContainText('δεν είναι πλέον διαθέσιμη');
    await expect(page.getByRole('heading', { name: 'Επόμενες ελεύθερες ώρες' })).toBeVisible();
    await expect(page.getByLabel('Ονοματεπώνυμο')).toHaveValue('Άννα Νικολάου'); // kept
    // by day and time (as the chosen time was shown): the next free times may well hold the same time of another day
    await expect(page.getByRole('radio', { name: `${day}, ${start.slice(11, 16)}` })).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole('radio', { name: /\d\d:\d\d/ }).first().check();
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click();
    await expect(page.getByRole('heading', { name: 'Το ραντεβού σας κλείστηκε' })).toBeVisible();
    await cancelComing('citizen-anna');
    await cancelComing('citizen-petros');
    for (const reference of callers) await call(clerk, 'POST', `/api/bookings/${reference}/cancel`);
  });

  test('a network failure keeps what was typed, and sending again books once', async ({ page }) => {
    await cancelComing('citizen-petros');
    await page.goto('/municipalities/thessaloniki/services/thessaloniki-civil-marriage-licence/book');
    await chooseAndSignIn(page, /Με φυσική παρουσία/, 'citizen-petros');
    await page.getByLabel('Ονοματεπώνυμο').fill('Πέτρος Αλεξίου');
    await page.getByLabel('Email', { exact: true }).fill('petros@example.gr');
    await page.getByLabel('Κινητό τηλέφωνο').fill('6900000002');
    await page.getByLabel('Έχω διαβάσει και αποδέχομαι τα παραπάνω').check();

    // the booking reaches the platform, but its answer is lost on the way back
    let sent = 0;
    await page.route('**/api/bookings', async (route) => {
      if (route.request().method() !== 'POST' || sent++ > 0) return route.continue();
      await route.fetch(); // booked…
      await route.abort('connectionreset'); // …and the answer never arrives
    });
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click();
    await expect(page.getByRole('alert').first()).toContainText('ό,τι γράψατε κρατήθηκε');
    await expect(page.getByLabel('Ονοματεπώνυμο')).toHaveValue('Πέτρος Αλεξίου');
    await expect(page.getByLabel('Κινητό τηλέφωνο')).toHaveValue('6900000002');
    await page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }).click(); // the same request again
    await expect(page.getByRole('heading', { name: 'Το ραντεβού σας κλείστηκε' })).toBeVisible();
    const mine = await call(await token('citizens', 'citizen-petros'), 'GET', '/api/bookings');
    expect((mine.body as { service: string; status: string }[])
      .filter((b) => b.service === 'thessaloniki-civil-marriage-licence' && b.status === 'CONFIRMED')).toHaveLength(1);
    await cancelComing('citizen-petros');
  });

  test('too many requests: the page says when to try again, in words', async ({ page }) => {
    await page.route('**/api/availability/slots?**', (route) => route.fulfill({
      status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' },
      body: JSON.stringify({ type: 'https://mydimos.gov.gr/problems/too-many-requests', title: 'Πάρα πολλά αιτήματα', status: 429 }),
    }));
    await page.goto('/municipalities/thessaloniki/services/thessaloniki-registry-certificate/book');
    await page.getByRole('radio', { name: /Με φυσική παρουσία/ }).check();
    await expect(page.getByRole('alert')).toHaveText('Πάρα πολλά αιτήματα σε λίγο χρόνο. Δοκιμάστε ξανά σε 30 δευτερόλεπτα.');
    await expectAccessible(page);
  });
});

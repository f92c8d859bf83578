import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { call, cancelComing, freeTimes, mailTo, signInToOffice, token } from './system';

const MARIA = '094259216'; // citizen-maria, with a Citizen Registry record (maria@example.gr)


/** Presses Tab until the element has the keyboard's focus, as a person without a mouse would. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reached by Tab: ${target}`);
}

/** A booking a clerk made for Maria on the phone, through the API. */
async function bookForMaria(service: string, start: string): Promise<string> {
  const booked = await call(await token('employees', 'clerk-thessaloniki'), 'POST', '/api/bookings', {
    municipality: 'thessaloniki', service, mode: 'IN_PERSON', start,
    person: { fullName: 'Μαρία Παπαδοπούλου', email: 'maria@example.gr', phone: '+306912345678', taxId: MARIA },
    declarationAccepted: true, language: 'el', channel: 'PHONE',
  });
  expect(booked.status).toBe(201);
  return booked.body.reference;
}

test.describe('the back office: serving a person on the phone or at the counter (seed 000, seed 004 Art.4)', () => {
  test.beforeEach(() => cancelComing('citizen-maria'));
  test.afterEach(() => cancelComing('citizen-maria'));

  test('by keyboard alone, a clerk finds a caller by tax number and books a phone appointment for them; the caller gets the confirmation', async ({ page }) => {
    await signInToOffice(page, 'clerk-thessaloniki');
    await tabTo(page, page.getByRole('link', { name: 'Εξυπηρέτηση πολίτη' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Εξυπηρέτηση πολίτη' })).toBeVisible();
    await expectAccessible(page);

    await tabTo(page, page.getByLabel('ΑΦΜ του πολίτη'));
    await page.keyboard.type(MARIA);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('definition').filter({ hasText: 'Μαρία Παπαδοπούλου' })).toBeVisible();
    await expect(page.getByText('Η ανάγνωση καταγράφηκε με το όνομά σας')).toBeVisible();
    await expectAccessible(page);

    await tabTo(page, page.getByRole('link', { name: 'Νέο ραντεβού για τον πολίτη' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Νέο ραντεβού για τον πολίτη' })).toBeVisible();
    const service = page.getByLabel('Υπηρεσία');
    await tabTo(page, service);
    for (let i = 0; i < 10 && (await service.inputValue()) !== 'thessaloniki-death-registration'; i++) await page.keyboard.press('ArrowDown');
    await expect(service).toHaveValue('thessaloniki-death-registration');
    // the first of the ways, then the next one: on the phone
    await tabTo(page, page.getByRole('radio', { name: /^Με φυσική παρουσία/ }));
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: /^Τηλεφωνικά \(/ })).toBeChecked();
    const firstTime = page.getByRole('group', { name: /^Ώρα, / }).getByRole('radio').first();
    await tabTo(page, firstTime);
    await page.keyboard.press('Space');
    await expect(firstTime).toBeChecked();
    // the registry's details are there already
    await expect(page.getByLabel('Email')).toHaveValue('maria@example.gr');
    await expectAccessible(page);
    await tabTo(page, page.getByRole('checkbox', { name: /Ο πολίτης ενημερώθηκε/ }));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }));
    await page.keyboard.press('Enter');

    const done = page.getByText(/^Το ραντεβού κλείστηκε/);
    await expect(done).toContainText('maria@example.gr');
    await expect(done).toBeFocused(); // what was done is where the keyboard and a screen reader are
    const reference = (await done.textContent())!.match(/[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
    await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Τηλεφωνικά');
    await expectAccessible(page);

    // the caller receives the same confirmation as for an online booking, and the booking is theirs
    await mailTo('maria@example.gr', (mail) => mail.body.includes(reference));
    const booking = await call(await token('citizens', 'citizen-maria'), 'GET', `/api/bookings/${reference}`);
    expect(booking.body.bookedBy.staff).toBe(true);
    expect(booking.body.channel).toBe('PHONE');
  });

  test('a clerk moves and cancels a caller\'s appointment, and records their consent to a proposed transfer', async ({ page }) => {
    const maleRegistry = await freeTimes('thessaloniki-male-registry', 'IN_PERSON');
    const marriage = await freeTimes('thessaloniki-civil-marriage-licence', 'IN_PERSON');
    const moved = await bookForMaria('thessaloniki-male-registry', maleRegistry[3]);
    const transferred = await bookForMaria('thessaloniki-civil-marriage-licence', marriage[3]);
    const proposal = await call(await token('employees', 'admin-thessaloniki'), 'POST', `/api/bookings/${transferred}/transfer`,
      { start: marriage[8], reason: 'Στάση εργασίας του τμήματος' });
    expect(proposal.status).toBe(201);

    await signInToOffice(page, 'clerk-thessaloniki');
    await page.getByRole('link', { name: 'Εξυπηρέτηση πολίτη' }).click();
    await page.getByRole('radio', { name: 'Στο γκισέ' }).check();
    await page.getByLabel('ΑΦΜ του πολίτη').fill(MARIA);
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    const rowOf = (reference: string) => page.getByRole('row').filter({ hasText: reference });
    await expect(rowOf(transferred)).toContainText('Προτείνεται μεταφορά');
    await expect(rowOf(transferred)).toContainText('Στάση εργασίας του τμήματος');
    await expectAccessible(page);

    // a new time, as the person asks at the counter
    await rowOf(moved).getByRole('link', { name: /^Αλλαγή ώρας: Μητρώο αρρένων/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Αλλαγή ώρας ραντεβού' })).toBeVisible();
    await page.getByRole('group', { name: /^Ώρα, / }).getByRole('radio').first().check();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Αλλαγή ώρας' }).click();
    await expect(page.getByText(/^Η ώρα άλλαξε/)).toBeFocused();
    let booking = (await call(await token('citizens', 'citizen-maria'), 'GET', `/api/bookings/${moved}`)).body;
    expect(booking.start).not.toBe(maleRegistry[3]);
    expect(booking.lastChangedVia).toBe('COUNTER');

    // then cancelled: asked once more before it is done (and not done if the person changes their mind)
    await rowOf(moved).getByRole('button', { name: /^Ακύρωση: / }).click();
    await page.getByRole('button', { name: 'Να μην ακυρωθεί' }).click();
    await expect(rowOf(moved).getByRole('button', { name: /^Ακύρωση: / })).toBeFocused();
    await rowOf(moved).getByRole('button', { name: /^Ακύρωση: / }).click();
    await expect(page.getByRole('button', { name: /^Επιβεβαίωση ακύρωσης: / })).toBeFocused();
    await page.getByRole('button', { name: /^Επιβεβαίωση ακύρωσης: / }).click();
    await expect(page.getByText(/^Το ραντεβού ακυρώθηκε/)).toBeFocused();
    await page.getByText(/^Προηγούμενα και ακυρωμένα ραντεβού/).click();
    await expect(rowOf(moved)).toContainText('Ακυρωμένο');
    booking = (await call(await token('citizens', 'citizen-maria'), 'GET', `/api/bookings/${moved}`)).body;
    expect(booking.status).toBe('CANCELLED');
    expect(booking.lastChangedVia).toBe('COUNTER');

    // the person says yes to the proposed time: recorded as their consent, taken at the counter
    await rowOf(transferred).getByRole('button', { name: /^Ο πολίτης αποδέχεται τη μεταφορά/ }).click();
    await expect(page.getByText(/^Καταγράφηκε ότι ο πολίτης αποδέχθηκε τη μεταφορά/)).toBeFocused();
    booking = (await call(await token('citizens', 'citizen-maria'), 'GET', `/api/bookings/${transferred}`)).body;
    expect(booking.start).toBe(marriage[8]);
    expect(booking.proposedTransfer ?? null).toBeNull();
    expect(booking.lastChangedVia).toBe('COUNTER');
    await expectAccessible(page);

    // on its day the agenda shows it with what to bring, and the office's own documents ready in the registry
    await page.getByRole('link', { name: 'Πρόγραμμα ημέρας' }).click();
    await page.getByLabel('Ημέρα').fill(marriage[8].slice(0, 10));
    const row = rowOf(transferred);
    await row.getByText('Δικαιολογητικά (2)').click();
    await expect(row).toContainText('Πιστοποιητικά οικογενειακής κατάστασης — λαμβάνεται αυτεπαγγέλτως από το μητρώο');
    await row.getByRole('button', { name: 'Έλεγχος στο μητρώο: Μαρία Παπαδοπούλου' }).click();
    await expect(row).toContainText('Πιστοποιητικά οικογενειακής κατάστασης — έτοιμο στο μητρώο');
    // and by the employee who serves it
    const employee = booking.employee as string;
    await page.getByLabel('Υπάλληλος').selectOption(employee);
    await expect(rowOf(transferred)).toBeVisible();
    const colleague = await page.getByLabel('Υπάλληλος').locator('option')
      .evaluateAll((options, serving) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v && v !== serving), employee);
    await page.getByLabel('Υπάλληλος').selectOption(colleague!);
    await expect(rowOf(transferred)).toHaveCount(0);
    await expectAccessible(page);
  });

  test('an employee of two municipalities chooses one after signing in, and sees no registry screen without the duty', async ({ page }) => {
    const start = (await freeTimes('thessaloniki-male-registry', 'IN_PERSON'))[6];
    const reference = await bookForMaria('thessaloniki-male-registry', start);
    await signInToOffice(page, 'clerk-call-centre');
    await expect(page.getByRole('heading', { level: 1, name: 'Σε ποιον δήμο εργάζεστε τώρα;' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Συνέχεια' }).click();
    await expect(page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toBeFocused();
    await expect(page.getByRole('link', { name: 'Επιλέξτε τον δήμο για τον οποίο εργάζεστε.' })).toBeVisible();
    await page.getByRole('radio', { name: 'Δήμος Θερμαϊκού' }).check();
    await page.getByRole('button', { name: 'Συνέχεια' }).click();
    await expect(page.getByText('Δήμος εργασίας: Δήμος Θερμαϊκού.')).toBeVisible();
    await page.getByLabel('Ημέρα').fill(start.slice(0, 10));
    await expect(page.getByText('Δεν υπάρχουν ραντεβού αυτή την ημέρα.').or(page.getByRole('table'))).toBeVisible();
    await expect(page.getByText(reference)).toHaveCount(0);
    // no registry duty: no registry screen offered, and none by its address
    const menu = page.getByRole('navigation', { name: 'Εργασίες' });
    await expect(menu.getByRole('link')).toHaveText(['Πρόγραμμα ημέρας', 'Εξυπηρέτηση πολίτη']);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Αλλαγή δήμου' }).click();
    await page.getByRole('radio', { name: 'Δήμος Θεσσαλονίκης' }).check();
    await page.getByRole('button', { name: 'Συνέχεια' }).click();
    await page.getByLabel('Ημέρα').fill(start.slice(0, 10));
    await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Μαρία Παπαδοπούλου');
    // the choice holds for the tab, across a reload
    await page.reload();
    await expect(page.getByText('Δήμος εργασίας: Δήμος Θεσσαλονίκης.')).toBeVisible();
    await page.goto('/office/registry/civil-acts');
    await expect(page.getByRole('heading', { level: 1, name: 'Η οθόνη δεν είναι διαθέσιμη για τον ρόλο σας' })).toBeVisible();
  });

  test('past the per-person limit only with the reason the clerk records, and in English', async ({ page }) => {
    const times = await freeTimes('thessaloniki-male-registry', 'IN_PERSON');
    await bookForMaria('thessaloniki-male-registry', times[2]);
    await signInToOffice(page, 'clerk-thessaloniki');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Serve a person' }).click();
    await page.getByLabel("The person's tax number (ΑΦΜ)").fill(MARIA);
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('link', { name: 'New appointment for the person' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New appointment for the person' })).toBeVisible();
    await page.getByLabel('Service', { exact: true }).selectOption('thessaloniki-male-registry');
    await page.getByRole('radio', { name: /^In person/ }).check();
    await page.getByRole('group', { name: /^Time, / }).getByRole('radio').first().check();
    await page.getByRole('checkbox', { name: /The person was told the terms/ }).check();
    await page.getByRole('button', { name: 'Book the appointment' }).click();
    // one coming appointment per service: the answer says so, and asks why this one should be booked all the same
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toBeFocused();
    await expect(page.getByLabel('Reason for going over the limit')).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Reason for going over the limit').fill('Second appointment for the family\'s two sons');
    await page.getByRole('button', { name: 'Book the appointment' }).click();
    await expect(page.getByText(/^The appointment is booked/)).toBeFocused();
    await expectAccessible(page);
  });
});

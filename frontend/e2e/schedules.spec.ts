import { expect, expectAccessible, test } from './fixtures';
import { call, freeTimes, signInToOffice, token } from './system';

const SERVICE = 'thessaloniki-registry-certificate';

test.describe('the back office: schedules on screen (issue 21 item 3, AV-1, AV-7)', () => {
  test('an admin sees the schedule, is shown the booking a leave would strand, and adds and removes a local holiday', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const clerk = await token('employees', 'clerk-thessaloniki');
    const free = await freeTimes(SERVICE, 'IN_PERSON');
    const start = free[Math.floor(free.length / 2)];
    const booked = await call(clerk, 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: SERVICE, mode: 'IN_PERSON', start,
      person: { fullName: 'Στέλιος Ραφαηλίδης', email: 'stelios@example.gr', phone: '6900000011' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el', channel: 'PHONE',
    });
    expect(booked.status).toBe(201);
    const staff = (await call(admin, 'GET', '/api/registry/municipalities/thessaloniki/employees')).body as { id: string; displayName: string }[];
    const employee = staff.find((e) => e.id === booked.body.employee)!;
    // a day of the year beyond the booking horizon, where no test has bookings
    const holiday = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Ωράρια' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Ωράρια' })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Εβδομαδιαία ωράρια' })).toContainText('Τμήμα Δημοτολογίου');
      await expectAccessible(page);

      // a leave over the booked appointment is refused, naming it and why
      const leave = page.getByRole('form', { name: 'Νέο κλείσιμο ή άδεια' });
      await leave.getByLabel('Είδος').selectOption({ label: 'Άδεια υπαλλήλου' });
      await leave.getByLabel('Υπάλληλος').selectOption({ label: employee.displayName });
      await leave.getByLabel('Από (ημερομηνία)').fill(start.slice(0, 10));
      await leave.getByLabel('Από (ώρα)').fill('07:00');
      await leave.getByLabel('Έως (ημερομηνία)').fill(start.slice(0, 10));
      await leave.getByLabel('Έως (ώρα)').fill('20:00');
      await leave.getByLabel('Αιτία').fill('Κανονική άδεια');
      await leave.getByRole('button', { name: 'Προσθήκη' }).click();
      await expect(leave).toContainText(/Δεν έγινε: \d+ κλεισμέν/);
      await expect(leave.getByRole('listitem').filter({ hasText: booked.body.reference })).toContainText('άδεια του υπαλλήλου');
      await expectAccessible(page);

      // a limit of service positions from a day nobody has booked, then removed again
      const positions = page.getByRole('form', { name: 'Νέο όριο θέσεων εξυπηρέτησης' });
      await positions.getByLabel('Μονάδα').selectOption({ label: 'Τμήμα Διαφάνειας' });
      await positions.getByLabel('Πόσοι εξυπηρετούνται ταυτόχρονα με φυσική παρουσία').fill('0');
      await positions.getByRole('button', { name: 'Προσθήκη ορίου' }).click();
      await expect(positions.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Γράψτε έναν θετικό ακέραιο αριθμό θέσεων');
      await positions.getByLabel('Πόσοι εξυπηρετούνται ταυτόχρονα με φυσική παρουσία').fill('2');
      await positions.getByLabel('Ισχύει από (προαιρετικό)').fill(holiday);
      await positions.getByRole('button', { name: 'Προσθήκη ορίου' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Το όριο θέσεων προστέθηκε.' })).toBeVisible();
      const limits = page.getByRole('table', { name: 'Θέσεις εξυπηρέτησης' });
      const since = new Intl.DateTimeFormat('el-GR', { timeZone: 'Europe/Athens', day: 'numeric', month: 'long', year: 'numeric' })
        .format(new Date(`${holiday}T12:00:00+02:00`));
      await limits.getByRole('row').filter({ hasText: 'Τμήμα Διαφάνειας' }).filter({ hasText: since }).getByRole('button').click();
      await expect(page.getByRole('status').filter({ hasText: 'Αφαιρέθηκε' })).toBeVisible();

      // a local holiday, every year on that day, then removed again
      const form = page.getByRole('form', { name: 'Νέα τοπική αργία' });
      await form.getByRole('button', { name: 'Προσθήκη αργίας' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Συμπληρώστε την ημερομηνία');
      await form.getByLabel('Ημερομηνία', { exact: true }).fill(holiday);
      await form.getByLabel('Όνομα (ελληνικά)').fill('Εορτή της πόλης (δοκιμή)');
      await form.getByRole('button', { name: 'Προσθήκη αργίας' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Η αργία προστέθηκε.' })).toBeVisible();
      const holidays = page.getByRole('table', { name: 'Τοπικές αργίες' });
      await expect(holidays).toContainText('Εορτή της πόλης (δοκιμή)');
      await expectAccessible(page);
      await holidays.getByRole('button', { name: 'Αφαίρεση: Εορτή της πόλης (δοκιμή)' }).click();
      await expect(holidays).not.toContainText('Εορτή της πόλης (δοκιμή)');

      // a movable feast: Whit Monday, fifty days after Orthodox Easter, every year
      await form.getByRole('radio', { name: 'Κινητή εορτή, σε σχέση με το Πάσχα' }).check();
      await form.getByLabel('Ημέρες από το Πάσχα').fill('πενήντα');
      await form.getByLabel('Όνομα (ελληνικά)').fill('Αγίου Πνεύματος (δοκιμή)');
      await form.getByRole('button', { name: 'Προσθήκη αργίας' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Γράψτε τις ημέρες από το Πάσχα');
      await form.getByLabel('Ημέρες από το Πάσχα').fill('50');
      await form.getByRole('button', { name: 'Προσθήκη αργίας' }).click();
      await expect(holidays.getByRole('row').filter({ hasText: 'Αγίου Πνεύματος (δοκιμή)' })).toContainText('50 ημέρες από το Πάσχα');
      await expectAccessible(page);

      // one service's booking window, then back to the municipality's
      const window = page.getByRole('form', { name: 'Χρονικά όρια μιας υπηρεσίας' });
      await window.getByLabel('Υπηρεσία').selectOption({ label: 'Ενημέρωση για θέματα διαφάνειας' });
      await window.getByLabel('Ορίζοντας κρατήσεων (ημέρες)').fill('14');
      await window.getByRole('button', { name: 'Αποθήκευση για την υπηρεσία' }).click();
      const windows = page.getByRole('table', { name: 'Χρονικά όρια ανά υπηρεσία' });
      await expect(windows.getByRole('row').filter({ hasText: 'Ενημέρωση για θέματα διαφάνειας' })).toContainText('14 ημέρες');
      await expectAccessible(page);
      await windows.getByRole('button', { name: /Αφαίρεση: χρονικά όρια της υπηρεσίας/ }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Αφαιρέθηκε: χρονικά όρια της υπηρεσίας' })).toBeVisible();
      await expect(windows.getByRole('row').filter({ hasText: 'Ενημέρωση για θέματα διαφάνειας' })).toHaveCount(0);
    } finally {
      await call(clerk, 'POST', `/api/bookings/${booked.body.reference}/cancel`);
      await call(admin, 'DELETE', '/api/availability/municipalities/thessaloniki/services/thessaloniki-transparency-information/policy');
      const schedule = await call(admin, 'GET', '/api/availability/municipalities/thessaloniki/schedule');
      for (const h of schedule.body.localHolidays as { id: number; nameEl: string }[]) {
        if (h.nameEl.endsWith('(δοκιμή)')) await call(admin, 'DELETE', `/api/availability/municipalities/thessaloniki/local-holidays/${h.id}`);
      }
    }
  });
});

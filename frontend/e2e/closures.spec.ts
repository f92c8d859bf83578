import { execFileSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { call, cancelComing, freeTimes, mailTo, signInOnKeycloak, signInToOffice, token } from './system';

const SERVICE = 'thessaloniki-registry-certificate';

/** Each citizen books one time of the day; answers the booking's reference and end. */
async function book(user: string, email: string, start: string) {
  const booked = await call(await token('citizens', user), 'POST', '/api/bookings', {
    municipality: 'thessaloniki', service: SERVICE, mode: 'IN_PERSON', start,
    person: { fullName: user, email, phone: '6900000010' }, onBehalfOfOther: false, declarationAccepted: true, language: 'el',
  });
  expect(booked.status).toBe(201);
  return { reference: booked.body.reference as string, end: booked.body.end as string };
}

/**
 * The answer a proposal waits for is due now, in booking-service's database: the running system's clock cannot be set
 * (as startSoon in system.ts); its expiry job then cancels the booking as at the admin's deadline.
 */
function answerDueNow(reference: string) {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'booking', '-d', 'booking', '-v', 'ON_ERROR_STOP=1', '-c',
    `UPDATE transfer SET expires_at = now() - interval '1 second' WHERE status = 'PROPOSED' AND booking_id =
       (SELECT id FROM booking WHERE reference = '${reference.replace(/[^A-Z0-9-]/g, '')}')`],
  { env: { ...process.env, PGPASSWORD: 'booking' } });
}

/** A citizen in a browser of their own accepts the proposed time on the booking's page in the portal. */
async function acceptInPortal(browser: Browser, user: string, reference: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/bookings/${reference}`);
  await page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).first().click();
  await signInOnKeycloak(page, user);
  const proposal = page.getByRole('region', { name: 'Ο δήμος προτείνει νέα ώρα' });
  await expect(proposal).toContainText('Την ώρα του ραντεβού σας η υπηρεσία δεν θα λειτουργεί');
  await expect(proposal.getByRole('button', { name: 'Απόρριψη και ακύρωση του ραντεβού' })).toBeVisible();
  await expectAccessible(page);
  await proposal.getByRole('button', { name: 'Αποδοχή νέας ώρας' }).click();
  await expect(page.getByRole('status')).toContainText('Δεχτήκατε τη νέα ώρα');
  await context.close();
}

test.describe('the back office: an emergency closure relocates instead of refusing (issue 21 item 4)', () => {
  test('a strike closes the registry for three bookings: two people accept new times in the portal, the third is cancelled at the deadline', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const people = [['citizen-maria', 'maria.closure@example.gr'], ['citizen-nikos', 'nikos.closure@example.gr'],
      ['citizen-anna', 'anna.closure@example.gr']] as const;
    for (const [user] of people) await cancelComing(user);
    // three times of one day far ahead, away from the other tests' days
    const free = await freeTimes(SERVICE, 'IN_PERSON');
    const day = free[free.length - 1].slice(0, 10);
    const starts = free.filter((start) => start.startsWith(day)).slice(0, 3);
    expect(starts).toHaveLength(3);
    const booked = [];
    for (let i = 0; i < 3; i++) booked.push({ ...(await book(people[i][0], people[i][1], starts[i])), email: people[i][1] });
    const reason = `Στάση εργασίας (${Date.now()})`;
    const admin = await token('employees', 'admin-thessaloniki');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Έκτακτα κλεισίματα' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Έκτακτα κλεισίματα' })).toBeVisible();
      await expectAccessible(page);

      const form = page.getByRole('form', { name: 'Νέο κλείσιμο' });
      await form.getByRole('button', { name: 'Δείτε ποια ραντεβού επηρεάζονται' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Επιλέξτε τη μονάδα που κλείνει');
      await expectAccessible(page);

      await form.getByLabel('Μονάδα', { exact: true }).selectOption({ label: 'Τμήμα Δημοτολογίου' });
      const from = form.getByRole('group', { name: 'Από' });
      await from.getByLabel('Ημερομηνία').fill(day);
      await from.getByLabel('Ώρα').fill(starts[0].slice(11, 16));
      const until = form.getByRole('group', { name: 'Έως' });
      await until.getByLabel('Ημερομηνία').fill(day);
      await until.getByLabel('Ώρα').fill(booked[2].end.slice(11, 16));
      await form.getByRole('button', { name: 'Δείτε ποια ραντεβού επηρεάζονται' }).click();
      const affected = form.getByRole('table', { name: /Επηρεάζονται \d+ ραντεβού/ });
      for (const b of booked) await expect(affected).toContainText(b.reference);
      await expectAccessible(page);

      // nothing decided yet: the reason and what becomes of the bookings are asked for
      await form.getByRole('button', { name: 'Κλείσιμο' }).click();
      await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Γράψτε την αιτία του κλεισίματος');
      await form.getByRole('textbox', { name: 'Αιτία' }).fill(reason);
      await form.getByRole('radio', { name: 'Πρόταση νέας ώρας σε όλους' }).check();
      const answerBy = form.getByRole('group', { name: 'Προθεσμία απάντησης' });
      await answerBy.getByLabel('Ημερομηνία').fill(tomorrow);
      await answerBy.getByLabel('Ώρα').fill('12:00');
      await expectAccessible(page);
      await form.getByRole('button', { name: /^Κλείσιμο και πρόταση νέας ώρας σε \d+ ραντεβού$/ }).click();
      await expect(form.getByRole('status')).toContainText('Το κλείσιμο ισχύει. Στάλθηκαν προτάσεις νέας ώρας');

      const closure = page.getByRole('region', { name: /^Τμήμα Δημοτολογίου:/ }).filter({ hasText: reason });
      for (const b of booked) {
        await expect(closure.getByRole('row', { name: new RegExp(b.reference) })).toContainText('Αναμένεται απάντηση');
        const proposal = await mailTo(b.email, (mail) => mail.subject === `Πρόταση μεταφοράς ραντεβού ${b.reference}`);
        expect(proposal.body).toContain(`Λόγος: ${reason}`);
        expect(proposal.body).toContain('το ραντεβού σας ακυρώνεται');
      }
      // the closed time is offered to nobody
      const stillFree = await freeTimes(SERVICE, 'IN_PERSON');
      for (const start of starts) expect(stillFree).not.toContain(start);

      // two accept in the portal, each by their own sign-in
      await acceptInPortal(browser, 'citizen-maria', booked[0].reference);
      await acceptInPortal(browser, 'citizen-nikos', booked[1].reference);
      for (const b of booked.slice(0, 2)) {
        await mailTo(b.email, (mail) => mail.subject.startsWith(`Μεταφορά ραντεβού ${b.reference}`));
      }

      // the third does not answer: at the deadline it is cancelled with the reason, and told where to book again
      answerDueNow(booked[2].reference);
      const anna = await token('citizens', 'citizen-anna');
      await expect.poll(async () => (await call(anna, 'GET', `/api/bookings/${booked[2].reference}`)).body.status,
        { timeout: 90_000, intervals: [2_000] }).toBe('CANCELLED');
      const cancelled = await mailTo(booked[2].email, (mail) => mail.subject === `Ακύρωση ραντεβού ${booked[2].reference}`);
      expect(cancelled.body).toContain(`Ο δήμος ακύρωσε το ραντεβού σας για τον εξής λόγο: ${reason}`);
      expect(cancelled.body).toContain('/municipalities/thessaloniki');

      // the admin sees who answered, how, and what became of each
      await page.reload();
      await expect(closure.getByRole('row', { name: new RegExp(booked[0].reference) })).toContainText('Αποδέχθηκε τη νέα ώρα (στην πύλη');
      await expect(closure.getByRole('row', { name: new RegExp(booked[1].reference) })).toContainText('Αποδέχθηκε τη νέα ώρα (στην πύλη');
      await expect(closure.getByRole('row', { name: new RegExp(booked[2].reference) })).toContainText('Δεν απάντησε· ακυρώθηκε');
      await expectAccessible(page);
    } finally {
      for (const [user] of people) await cancelComing(user);
      // the strike is called off: the closure is lifted, the day bookable again for the next run
      const schedule = await call(admin, 'GET', '/api/availability/municipalities/thessaloniki/schedule');
      for (const e of schedule.body.exceptions as { id: number; reason: string }[]) {
        if (e.reason === reason) expect((await call(admin, 'DELETE', `/api/availability/municipalities/thessaloniki/exceptions/${e.id}`)).status).toBe(204);
      }
    }
  });
});

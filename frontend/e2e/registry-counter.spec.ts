import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';
import { call, signInToOffice, token } from './system';


test.describe('the back office: the registry counter (seed 002, REG-6)', () => {
  test('a clerk of the registry office enters a birth act and corrects it by a marginal note', async ({ page }) => {
    await signInToOffice(page, 'clerk-thessaloniki');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Ληξιαρχείο' }).click();
    await page.getByRole('link', { name: 'Καταχώριση νέας πράξης' }).click();
    // nothing filled in: every missing detail named, each linked to its input
    await page.getByRole('button', { name: 'Καταχώριση πράξης' }).click();
    await expect(page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toBeFocused();
    await expect(page.getByRole('link', { name: /^Τόπος γεγονότος: / })).toBeVisible();
    await expectAccessible(page);

    const number = String(Date.now() % 1_000_000);
    await page.getByLabel('Έτος').fill('2026');
    await page.getByLabel('Τόμος').fill('7');
    await page.getByLabel('Αριθμός πράξης').fill(number);
    await page.getByLabel('Ημερομηνία γεγονότος').fill('2026-11-20');
    await page.getByLabel('Τόπος γεγονότος').fill('Θεσσαλονίκη');
    const child = page.getByRole('group', { name: 'Πρόσωπο 1' });
    await child.getByLabel('Επώνυμο').fill('Παπαδάκης');
    await child.getByLabel('Όνομα', { exact: true }).fill('Ανδρέας');
    await page.getByRole('button', { name: 'Προσθήκη προσώπου' }).click();
    const mother = page.getByRole('group', { name: 'Πρόσωπο 2' });
    await mother.getByLabel('Ιδιότητα').selectOption('MOTHER');
    await mother.getByLabel('Επώνυμο').fill('Παπαδάκη');
    await mother.getByLabel('Όνομα', { exact: true }).fill('Ιωάννα');
    await page.getByRole('button', { name: 'Καταχώριση πράξης' }).click();

    await expect(page.getByRole('heading', { level: 1, name: `Πράξη γέννησης ${number}/7/2026` })).toBeVisible();
    await expect(page.getByText('Η εγγραφή δεν έχει διορθωθεί.')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Τι διορθώνεται').selectOption({ label: 'Πρόσωπο 1 (Τέκνο): Ανδρέας Παπαδάκης' });
    await page.getByLabel('Στοιχείο', { exact: true }).selectOption({ label: 'Επώνυμο' });
    await page.getByLabel('Νέα τιμή').fill('Παπαδάκις');
    await page.getByLabel('Λόγος της διόρθωσης').fill('Σφάλμα κατά την καταχώριση (αίτηση 12/2026)');
    await page.getByRole('button', { name: 'Καταχώριση διόρθωσης' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Η διόρθωση καταχωρίστηκε με παράθεμα· η εγγραφή είναι τώρα στην έκδοση 2.' })).toBeVisible();
    const notes = page.getByRole('region', { name: 'Παραθέματα (διορθώσεις)' });
    await expect(notes.getByRole('listitem')).toHaveCount(1);
    await expect(notes).toContainText('Πρόσωπο 1 (Τέκνο): Επώνυμο: «Παπαδάκης» → «Παπαδάκις». Λόγος: Σφάλμα κατά την καταχώριση (αίτηση 12/2026). clerk-thessaloniki');
    await expect(page.getByRole('table', { name: 'Πρόσωπα' })).toContainText('Παπαδάκις');
    await expect(page.getByRole('definition').filter({ hasText: /^2$/ })).toBeVisible(); // the record's version went up
    await expectAccessible(page);

    // another municipality's registry office reads the act but may not correct it: the page says why
    const act = page.url();
    await page.getByRole('button', { name: 'Αποσύνδεση' }).click();
    await signInToOffice(page, 'clerk-thermaikos');
    await page.goto(act);
    await expect(page.getByRole('table', { name: 'Πρόσωπα' })).toContainText('Παπαδάκις');
    await page.getByLabel('Νέα τιμή').fill('Παπαδόπουλος');
    await page.getByLabel('Λόγος της διόρθωσης').fill('Δοκιμή');
    await page.getByRole('button', { name: 'Καταχώριση διόρθωσης' }).click();
    await expect(page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' }))
      .toContainText('Μόνο οι υπάλληλοι του δήμου thessaloniki, ο οποίος τηρεί την εγγραφή, μπορούν να την αλλάξουν.');
    await expect(page.getByRole('region', { name: 'Παραθέματα (διορθώσεις)' }).getByRole('listitem')).toHaveCount(1);
    await expectAccessible(page);
  });

  test('a certificate issued at the counter for the person in front of the clerk, theirs as if asked online', async ({ page }) => {
    await signInToOffice(page, 'clerk-thessaloniki');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Πιστοποιητικά στο γκισέ' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Πιστοποιητικό στο γκισέ' })).toBeVisible();
    await page.getByRole('radio', { name: 'Πιστοποιητικό οικογενειακής κατάστασης' }).check();
    await page.getByLabel('ΑΦΜ του προσώπου στο γκισέ').fill('094259216');
    await page.getByRole('button', { name: 'Έκδοση' }).click();
    const code = page.getByRole('heading', { name: 'Το πιστοποιητικό εκδόθηκε' }).locator('xpath=following-sibling::*[1]');
    await expect(code).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expectAccessible(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Λήψη για εκτύπωση (PDF)' }).click();
    expect(readFileSync((await (await download).path())!).subarray(0, 5).toString()).toBe('%PDF-');
    const issued = (await code.textContent())!;
    const maria = await call(await token('citizens', 'citizen-maria'), 'GET', '/api/registry/certificates');
    expect((maria.body as { code: string }[]).map((c) => c.code)).toContain(issued);

    // someone else's child: refused, and the page says why in Greek
    await page.getByRole('radio', { name: 'Πιστοποιητικό οικογενειακής κατάστασης' }).check();
    await page.getByLabel('ΑΦΜ του προσώπου στο γκισέ').fill('112233441');
    await page.getByLabel(/^ΑΦΜ ανηλίκου τέκνου/).fill('164820946');
    await page.getByRole('button', { name: 'Έκδοση' }).click();
    await expect(page.getByRole('link', { name: /μόνο ο ίδιος ο ενδιαφερόμενος ή γονέας/ })).toBeVisible();
    await expectAccessible(page);
  });

  test('a clerk of the municipal registry finds a family record by a member\'s tax number, every record shown logged as read', async ({ page }) => {
    await signInToOffice(page, 'clerk-thermaikos');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Δημοτολόγιο' }).click();
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await expect(page.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Δώστε ΑΦΜ ή αριθμό μερίδας του δήμου σας.');
    await page.getByLabel('ΑΦΜ').fill('094259216');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await page.getByRole('link', { name: 'Μερίδα 4821' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Μερίδα 4821' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Μέλη της μερίδας' })).toContainText('Παπαδοπούλου');
    await expectAccessible(page);
    const record = page.url().split('/').pop();
    const reads = await call(await token('employees', 'central-admin'), 'GET', `/api/registry/record-reads?recordId=${record}`);
    expect(reads.body[0].reader).toBe('clerk-thermaikos');
  });
});

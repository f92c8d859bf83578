import { expect, expectAccessible, test } from './fixtures';
import { GATEWAY, mailTo, signInToOffice } from './system';

/** A tax number no other run uses, with its check digit right. */
function taxNumber(): string {
  const digits = String(Math.floor(Math.random() * 100_000_000)).padStart(8, '0');
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * 2 ** (8 - i), 0);
  return digits + String((sum % 11) % 10);
}

test.describe('the back office: staff tied to their sign-in (issue 21 item 2)', () => {
  test('an admin adds an employee who sets a password from the mail and signs in, and once removed no longer can', async ({ page, browser }) => {
    const run = Date.now().toString(36);
    const id = `thessaloniki-emp-${run}`;
    const email = `${id}@example.gr`;
    await signInToOffice(page, 'admin-thessaloniki');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Προσωπικό' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Προσωπικό' })).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole('form', { name: 'Νέος υπάλληλος' });
    await form.getByRole('button', { name: 'Προσθήκη υπαλλήλου' }).click();
    await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('Συμπληρώστε το ονοματεπώνυμο');
    await expectAccessible(page);
    await form.getByLabel('Ονοματεπώνυμο').fill('Αθηνά Παππά');
    await form.getByLabel('Αναγνωριστικό').fill(id);
    await form.getByLabel('Μονάδα').selectOption({ label: 'Τμήμα Ληξιαρχείου' });
    await form.getByRole('group', { name: 'Υπηρεσίες που εξυπηρετεί' }).getByRole('checkbox').first().check();
    await form.getByLabel('ΑΦΜ').fill('123456789');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Προσθήκη υπαλλήλου' }).click();
    // a tax number whose check digit is wrong is named, in Greek
    await expect(form.getByRole('alert', { name: 'Υπάρχει πρόβλημα' })).toContainText('ΑΦΜ:');
    await form.getByLabel('ΑΦΜ').fill(taxNumber());
    await form.getByRole('button', { name: 'Προσθήκη υπαλλήλου' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Προστέθηκε ο/η Αθηνά Παππά' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'Αθηνά Παππά' });
    await expect(row).toContainText('Λογαριασμός: Εξυπηρέτηση πολιτών');
    await expectAccessible(page);

    // the new employee sets a password from the link Keycloak mailed, then signs in to the back office
    const mail = await mailTo(email, () => true);
    const link = mail.body.match(/http:\/\/127\.0\.0\.1:8180\/realms\/employees\/login-actions\/action-token\?key=[\w.-]+/)?.[0];
    expect(link, 'the link to set a password').toBeDefined();
    const context = await browser.newContext({ baseURL: GATEWAY });
    const employee = await context.newPage();
    await employee.goto(link!);
    const proceed = employee.getByRole('link', { name: /Πατήστε εδώ|Click here/ });
    if (await proceed.isVisible()) await proceed.click();
    await employee.locator('#password-new').fill('Thessaloniki-2026!');
    await employee.locator('#password-confirm').fill('Thessaloniki-2026!');
    await employee.locator('[type=submit]').click();
    await employee.goto('/office/');
    await employee.getByRole('link', { name: 'Σύνδεση υπαλλήλου' }).click();
    await employee.locator('#username').fill(id);
    await employee.locator('#password').fill('Thessaloniki-2026!');
    await employee.locator('#kc-login').click();
    await expect(employee.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link'))
      .toHaveText(['Πρόγραμμα ημέρας', 'Εξυπηρέτηση πολίτη']);

    // changed — a desk, and the civil registry's role too — the account follows: their next sign-in has its screens
    await row.getByRole('button', { name: 'Αλλαγή: Αθηνά Παππά' }).click();
    const change = page.getByRole('form', { name: 'Αλλαγή: Αθηνά Παππά' });
    await expect(change.getByRole('heading', { name: 'Αλλαγή: Αθηνά Παππά' })).toBeFocused();
    await expect(change.getByLabel('Ονοματεπώνυμο')).toHaveValue('Αθηνά Παππά');
    await change.getByLabel('Γραφείο ή θυρίδα (προαιρετικό)').fill('Γκισέ 4');
    await change.getByRole('group', { name: 'Ρόλοι' }).getByRole('checkbox', { name: 'Ληξιαρχείο' }).check();
    await expectAccessible(page);
    await change.getByRole('button', { name: 'Αποθήκευση: Αθηνά Παππά' }).click();
    await expect(page.getByText('Αποθηκεύτηκαν οι αλλαγές: Αθηνά Παππά.')).toBeFocused();
    await expect(row).toContainText('Γκισέ 4');
    await expect(row).toContainText('Λογαριασμός: Εξυπηρέτηση πολιτών, Ληξιαρχείο');
    await employee.context().clearCookies();
    await employee.goto('/office/');
    await employee.getByRole('link', { name: 'Σύνδεση υπαλλήλου' }).click();
    // both sessions (the gateway's and Keycloak's) were cleared: a new sign-in, with the roles the account has now
    await employee.locator('#username').fill(id);
    await employee.locator('#password').fill('Thessaloniki-2026!');
    await employee.locator('#kc-login').click();
    await expect(employee.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Ληξιαρχείο' })).toBeVisible();
    await context.close();

    // removed, the account no longer signs in for the municipality
    await row.getByRole('button', { name: 'Αφαίρεση: Αθηνά Παππά' }).click();
    await row.getByRole('button', { name: 'Ναι, αφαίρεση' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Αφαιρέθηκε ο/η Αθηνά Παππά' })).toBeVisible();
    const again = await browser.newContext({ baseURL: GATEWAY });
    const refused = await again.newPage();
    await refused.goto('/office/');
    await refused.getByRole('link', { name: 'Σύνδεση υπαλλήλου' }).click();
    await refused.locator('#username').fill(id);
    await refused.locator('#password').fill('Thessaloniki-2026!');
    await refused.locator('#kc-login').click();
    await expect(refused.locator('#input-error, .kc-feedback-text, [role=alert]').first()).toBeVisible();
    await expect(refused).not.toHaveURL(new RegExp(`^${GATEWAY}/office`));
    await again.close();
  });
});

import { expect, expectAccessible, test } from './fixtures';
import { call, signInToOffice, token } from './system';


test.describe('the back office: who read personal data (ID-3, seed 004 Art.5§3)', () => {
  test('a municipal admin sees which of their staff read whose data, and another municipality\'s staff not at all', async ({ page }) => {
    const reason = `Τηλεφωνικό ραντεβού ${Date.now()}`;
    const ours = await call(await token('employees', 'clerk-thessaloniki'), 'GET', `/api/registry/people/094259216?reason=${encodeURIComponent(reason)}`);
    const theirs = await call(await token('employees', 'clerk-thermaikos'), 'GET', `/api/registry/people/094259216?reason=${encodeURIComponent(`${reason} Θερμαϊκός`)}`);
    expect([ours.status, theirs.status]).toEqual([200, 200]);

    await signInToOffice(page, 'admin-thessaloniki');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Αναγνώσεις δεδομένων' }).click();
    const registry = page.getByRole('table', { name: 'Μητρώο Πολιτών: εγγραφές και πρόσωπα που είδαν υπάλληλοι' });
    const read = registry.getByRole('row').filter({ hasText: reason }).first();
    await expect(read).toContainText('clerk-thessaloniki');
    await expect(read).toContainText('Στοιχεία προσώπου, ΑΦΜ 094259216');
    await expect(registry).not.toContainText(`${reason} Θερμαϊκός`);
    // the gateway's trail of the same request, their staff's only
    const trail = page.getByRole('table', { name: 'Ημερολόγιο ελέγχου: όλα τα αιτήματα' });
    await expect(trail.getByRole('row').filter({ hasText: '/api/registry/people/094259216' }).first()).toContainText('clerk-thessaloniki');
    await expect(trail).not.toContainText('clerk-thermaikos');
    await expect(page.getByRole('button', { name: 'Έλεγχος ακεραιότητας' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('the central admin sees every municipality\'s reads and checks that the trail is intact', async ({ page }) => {
    await call(await token('employees', 'clerk-thermaikos'), 'GET', '/api/registry/people/094259216?reason=Εξυπηρέτηση%20στο%20γκισέ');
    await signInToOffice(page, 'central-admin');
    await page.getByRole('navigation', { name: 'Εργασίες' }).getByRole('link', { name: 'Αναγνώσεις δεδομένων' }).click();
    await expect(page.getByRole('table', { name: 'Μητρώο Πολιτών: εγγραφές και πρόσωπα που είδαν υπάλληλοι' })).toContainText('thermaikos');
    await page.getByRole('button', { name: 'Έλεγχος ακεραιότητας' }).click();
    await expect(page.getByRole('status').filter({ hasText: /^Το ημερολόγιο είναι ακέραιο: ελέγχθηκαν \d+ εγγραφές\.$/ })).toBeVisible();
    await expectAccessible(page);
  });
});

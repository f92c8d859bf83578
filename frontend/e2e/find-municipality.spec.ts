import { expect, expectAccessible, test } from './fixtures';

test.describe('finding one\'s municipality (FE-1, REG-6)', () => {
  test('in Greek: by a name typed without accents, then the municipality with its services and what each needs', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Κλείστε ραντεβού με τον δήμο σας');
    await expect(page.getByRole('heading', { name: 'Πώς λειτουργεί' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Όνομα δήμου').fill('θεσσαλονικη');
    await page.getByRole('button', { name: 'Αναζήτηση' }).click();
    await expect(page.getByRole('heading', { name: /Βρέθηκε 1 δήμος/ })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('region', { name: /Βρέθηκε/ }).getByRole('link', { name: 'Δήμος Θεσσαλονίκης' }).click();

    await expect(page).toHaveURL(/\/municipalities\/thessaloniki$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Δήμος Θεσσαλονίκης');
    await expect(page.locator('#main')).toBeFocused(); // a screen reader starts at the new page
    const certificate = page.getByRole('region', { name: 'Έκδοση πιστοποιητικού δημοτολογίου' });
    await expect(certificate).toContainText('Με φυσική παρουσία');
    await expect(certificate).toContainText('Τι να φέρετε');
    await expect(certificate).toContainText('Τέλη: Χωρίς τέλος');
    await expectAccessible(page);
    // a service with fees says how much, in euros
    await page.goto('/municipalities/thermaikos');
    await expect(page.getByRole('region', { name: /Πολιτογράφηση/ })).toContainText('Αρχική αίτηση πολιτογράφησης: 700,00 €');
  });

  test('in English: by postal code, and a wrong one is an error by the field, in English', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Book an appointment with your municipality');

    await page.getByLabel('Or postal code').fill('12');
    await page.getByRole('button', { name: 'Search' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('a Greek postal code has five digits, e.g. 546 40');
    await expect(page.locator('#postal-code-error')).toContainText('five digits');
    await expect(page.getByLabel('Or postal code')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page);

    await page.getByLabel('Or postal code').fill('546 40');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('region', { name: /found/ }).getByRole('link', { name: 'Municipality of Thessaloniki' })).toBeVisible();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en'); // the choice is kept
  });

  test('by keyboard alone: the skip link, the search and the result', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // the page has rendered
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Μετάβαση στο κύριο περιεχόμενο' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
    const name = page.getByLabel('Όνομα δήμου');
    for (let i = 0; i < 5 && !(await name.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(name).toBeFocused(); // a few steps from the main content
    await page.keyboard.type('Θεσσαλονίκη');
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: /Βρέθηκε/ }).getByRole('link', { name: 'Δήμος Θεσσαλονίκης' });
    await expect(result).toBeVisible();
    for (let i = 0; i < 10 && !(await result.evaluate((e) => e === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(result).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Δήμος Θεσσαλονίκης');
  });

  test('on a 360×640 phone nothing scrolls sideways', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 640 });
    for (const path of ['/', '/municipalities/thessaloniki']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
      await expectAccessible(page);
    }
  });

  test('the user manual, from the home page, in Greek and in English (seed 004 Art.2§10)', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Διαβάστε τον πλήρη οδηγό χρήσης' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Οδηγός χρήσης');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Για τους πολίτες');
    await expect(page.getByText('Κλείσιμο ραντεβού.')).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'Επιλέξτε ημέρα και ώρα' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('User guide');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('Citizens');
    await expectAccessible(page);
  });
});

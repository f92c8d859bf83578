import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { cancelComing } from './system';

/** Presses Tab until the element has the focus (failing if it cannot be reached), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Fills a field by keyboard when the registry left it empty. */
async function typeIfEmpty(page: Page, field: Locator, text: string) {
  if ((await field.inputValue()) === '') {
    await tabTo(page, field);
    await page.keyboard.type(text);
  }
}

test.describe('the booking journey for everyone (law 4727/2020, WCAG 2.1 AA)', () => {
  test('by keyboard alone, from the home page to the confirmation, with the focus always visible', async ({ page }) => {
    await cancelComing('citizen-nikos');
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await tabTo(page, page.getByLabel('Όνομα δήμου'));
    await page.keyboard.type('θεσσαλονικη');
    await page.keyboard.press('Enter');
    const result = page.getByRole('region', { name: /Βρέθηκε/ }).getByRole('link', { name: 'Δήμος Θεσσαλονίκης' });
    await tabTo(page, result);
    await page.keyboard.press('Enter');

    const book = page.getByRole('region', { name: 'Μητρώο αρρένων' }).getByRole('link', { name: 'Κλείστε ραντεβού' });
    await tabTo(page, book);
    const focus = await book.evaluate((element) => {
      const style = getComputedStyle(element);
      return { outline: style.outlineStyle, width: style.outlineWidth, shadow: style.boxShadow, background: style.backgroundColor };
    });
    expect(focus.outline !== 'none' && focus.width !== '0px' || focus.shadow !== 'none', `a visible focus: ${JSON.stringify(focus)}`).toBe(true);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ραντεβού: Μητρώο αρρένων');
    const inPerson = page.getByRole('radio', { name: /Με φυσική παρουσία/ });
    await tabTo(page, inPerson);
    await page.keyboard.press('Space');
    await expect(inPerson).toBeChecked();
    await expect(inPerson).toBeFocused(); // a choice does not throw the keyboard back to the top of the page
    await tabTo(page, page.getByLabel('Ημέρα'));
    await page.keyboard.press('ArrowDown'); // the next day with free times
    const firstTime = page.getByRole('radio', { name: /\d\d:\d\d/ }).first();
    await tabTo(page, firstTime);
    await page.keyboard.press('Space');
    await expect(firstTime).toBeChecked();
    await expect(firstTime).toBeFocused();
    await page.keyboard.press('ArrowRight'); // the next time, as a radio group moves
    await expect(page.getByRole('radio', { name: /\d\d:\d\d/ }).nth(1)).toBeChecked();
    await expect(page.getByRole('radio', { name: /\d\d:\d\d/ }).nth(1)).toBeFocused();
    await tabTo(page, page.getByRole('button', { name: 'Συνέχεια' }));
    await page.keyboard.press('Enter');

    await tabTo(page, page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.locator('#username'));
    await page.keyboard.type('citizen-nikos');
    await tabTo(page, page.locator('#password'));
    await page.keyboard.type('citizen-nikos');
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { name: 'Τα στοιχεία σας' })).toBeVisible();
    await typeIfEmpty(page, page.getByLabel('Ονοματεπώνυμο'), 'Νικόλαος Αντωνίου');
    await typeIfEmpty(page, page.getByLabel('Email', { exact: true }), 'nikos@example.gr');
    await typeIfEmpty(page, page.getByLabel('Κινητό τηλέφωνο'), '6900000004');
    await tabTo(page, page.getByLabel('Έχω διαβάσει και αποδέχομαι τα παραπάνω'));
    await page.keyboard.press('Space');
    await tabTo(page, page.getByRole('button', { name: 'Κλείσιμο ραντεβού' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Το ραντεβού σας κλείστηκε' })).toBeVisible();
    await expectAccessible(page);
    await cancelComing('citizen-nikos');
  });

  test('in English on a 360×640 phone: a business\'s representative books, nothing wider than the screen', async ({ page }) => {
    await cancelComing('business-eleni');
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto('/municipalities/thessaloniki');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fits()).toBe(true);
    await page.getByRole('region', { name: 'Municipal registry certificate' }).getByRole('link', { name: 'Book an appointment' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appointment: Municipal registry certificate');
    await page.getByRole('radio', { name: /In person/ }).check();
    await expect(page.getByText('All times are Greek time (Athens).')).toBeVisible();
    await page.getByRole('radio', { name: /\d\d:\d\d/ }).first().check();
    expect(await fits()).toBe(true);
    await expectAccessible(page);
    // at 320 px (and so at 400 % zoom of 1280) nothing runs off the screen either, the day's times included
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await fits()).toBe(true);
    const overlaps = await page.locator('.mydimos-times .govgr-radios__item').evaluateAll((items) => {
      const boxes = items.map((item) => item.getBoundingClientRect());
      return boxes.some((a, i) => boxes.some((b, j) => i < j && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom));
    });
    expect(overlaps, 'two times drawn over each other').toBe(false);
    await page.setViewportSize({ width: 360, height: 640 });
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('link', { name: 'Sign in with Taxisnet' }).click();
    await page.locator('#username').fill('business-eleni');
    await page.locator('#password').fill('business-eleni');
    await page.locator('#kc-login').click();

    await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
    await expect(page.getByText('You are booking as the representative of the business with tax number 996423102.')).toBeVisible();
    for (const [label, text] of [['Full name', 'Ελένη Κωνσταντίνου'], ['Mobile phone', '6900000005']] as const) {
      const field = page.getByLabel(label, { exact: true });
      if ((await field.inputValue()) === '' && !(await field.getAttribute('readonly'))) await field.fill(text);
    }
    const email = page.getByLabel('Email', { exact: true });
    if ((await email.inputValue()) === '') await email.fill('eleni@example.gr');
    await page.getByLabel('I have read and accept the above').check();
    expect(await fits()).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Book the appointment' }).click();

    await expect(page.getByRole('heading', { name: 'Your appointment is booked' })).toBeVisible();
    await expect(page.getByText('Business tax number')).toBeVisible();
    await expect(page.getByText(/Monday|Tuesday|Wednesday|Thursday|Friday/).first()).toBeVisible();
    expect(await fits()).toBe(true);
    await expectAccessible(page);
    await cancelComing('business-eleni');
  });
});

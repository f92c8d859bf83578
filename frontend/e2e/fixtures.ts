import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/**
 * Every test fails on a browser console error or an uncaught page error, and can ask axe-core for the WCAG 2.1 A and
 * AA violations of the page as it is (law 4727/2020). Chromium's own line for an API answer of 4xx, or for an API call
 * a test cuts off ("Failed to load resource"), is not an error of the page: the page shows that problem to the
 * person, which the tests check.
 */
export const test = base.extend<{ errors: string[]; shownOnFailure: void }>({
  errors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        const apiProblem = /status of 4\d\d|net::ERR_/.test(message.text()) && message.location().url.includes('/api/');
        if (message.type() === 'error' && !apiProblem) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'browser console errors').toEqual([]);
    },
    { auto: true },
  ],
  // CI prints only the log: a failed test's page as a screen reader would read it is what tells why
  shownOnFailure: [
    async ({ page }, use, testInfo) => {
      await use();
      if (testInfo.status !== testInfo.expectedStatus && !page.isClosed()) {
        const shown = await page.locator('body').ariaSnapshot({ timeout: 5_000 }).catch((error) => `${error}`);
        console.log(`the page at ${page.url()} when "${testInfo.title}" failed:\n${shown.slice(0, 6_000)}`);
      }
    },
    { auto: true },
  ],
});

export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export { expect };

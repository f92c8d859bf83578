import { defineConfig } from '@playwright/test';

// Browser tests against the running system (deploy/local/test starts it): the real gateway serving the portal and
// the API, the real services. Debian's Chromium: Playwright's own browser download is not reachable here.
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: process.env.PORTAL_URL ?? 'http://127.0.0.1:8080',
    locale: 'el-GR',
    timezoneId: 'America/New_York', // the portal shows Athens time whatever the browser's zone
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
  },
});

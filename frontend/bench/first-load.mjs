// The portal's first load as a person on a slow phone gets it: for each page, the bytes transferred (compressed, as
// sent) and the Largest Contentful Paint, in Debian's Chromium with the CPU throttled 4×, a fresh cache each time.
// Not a test: it prints its figures (docs/performance.md). Run against the running system: npm run bench.
import { chromium } from '@playwright/test';

const base = process.env.PORTAL_URL ?? 'http://127.0.0.1:8080';
// the home page, a municipality, and the slot picker (its two months of free times are one search)
const pages = (process.env.BENCH_PAGES
  ?? '/,/municipalities/thessaloniki,/municipalities/thessaloniki/services/thessaloniki-registry-certificate/book?mode=IN_PERSON')
  .split(',');
const runs = Number(process.env.BENCH_RUNS ?? 5);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic'],
});

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

console.log(`first load of the portal at ${base}: CPU 4× slower, fresh cache, median of ${runs} runs`);
for (const path of pages) {
  const bytes = [];
  const lcps = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const lcp = await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1].startTime);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    }));
    bytes.push(transferred);
    lcps.push(lcp);
    await context.close();
  }
  console.log(`${path.padEnd(36)} ${(median(bytes) / 1024).toFixed(1).padStart(7)} KB transferred   LCP ${median(lcps).toFixed(0).padStart(5)} ms`);
}
await browser.close();

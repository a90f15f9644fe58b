// Takes a screenshot of a page in headless Chromium, to look at what a learner sees.
// Usage: node scripts/screenshot.mjs URL OUT.png [width=1280] [light|dark] [full|viewport]
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';

const [url, out, width = '1280', scheme = 'light', extent = 'full'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [width] [light|dark] [full|viewport]');
  process.exit(2);
}
const found = await findChromium();
const browser = await chromium.launch({ ...(found ? { executablePath: found.path } : {}), args: CHROMIUM_ARGS });
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: extent === 'full' });
await browser.close();

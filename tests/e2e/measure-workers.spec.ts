/**
 * The make-up gain lesson's whole-clip measures, taken in Workers (src/widgets/shared/measure-client.ts), in real
 * Chromium: while the measures of a new setting are on their way the clipping view and the output meter say
 * "Measuring…", mark their plots busy and show no number of the old setting; a measure Worker whose script cannot be
 * loaded hands its job to the main thread, and the view shows the numbers the lesson quotes.
 */
import { test, expect } from '@playwright/test';

const MEASURE_WORKERS = /\/(clipping|output)\.worker-[^/]*\.js$/;

test('while a new setting is measured the views say so and show no number of the old one', async ({ page }) => {
  // The measure Workers answer their first job and keep every later answer to themselves.
  await page.route(MEASURE_WORKERS, async (route) => {
    const response = await route.fetch();
    const keep =
      'const post = self.postMessage.bind(self); let answers = 0; ' +
      'self.postMessage = (m, t) => { if (++answers === 1) post(m, t); };\n';
    await route.fulfill({ response, body: keep + (await response.text()) });
  });
  await page.goto('make-up-gain/');
  const meter = page.locator('.cl-output-meter');
  const clipping = page.locator('.cl-clipping');
  await meter.scrollIntoViewIfNeeded();
  await expect(meter.locator('.cl-readout')).toContainText('Whole clip: peak −6.8 dBFS', { timeout: 30_000 });
  await clipping.scrollIntoViewIfNeeded();
  const desc = clipping.locator('.cl-desc');
  await expect(desc).toContainText('87 samples over 0 dBFS, in 2 places', { timeout: 30_000 });
  await expect(clipping.locator('[aria-busy="true"]')).toHaveCount(0);

  const field = page.getByRole('textbox', { name: /^Make-up in dB/ });
  await field.nth(3).fill('18');
  await field.nth(3).press('Enter');
  await expect(desc).toHaveText('Measuring both versions…', { timeout: 30_000 });
  await expect(clipping.locator('[aria-busy="true"]')).toHaveCount(1);
  await expect(clipping.getByText(/over 0 dBFS$/)).toHaveCount(0);
  await expect(clipping.locator('svg')).toHaveCount(2);

  await field.nth(0).fill('5');
  await field.nth(0).press('Enter');
  await expect(meter.locator('.cl-readout')).toHaveText('Measuring the output…', { timeout: 30_000 });
  await expect(meter.locator('[aria-busy="true"]')).toHaveCount(1);
});

test('a measure Worker that cannot be loaded hands its job to the main thread', async ({ page }) => {
  await page.route(MEASURE_WORKERS, (route) => route.abort());
  await page.goto('make-up-gain/');
  const meter = page.locator('.cl-output-meter');
  await meter.scrollIntoViewIfNeeded();
  await expect(meter.locator('.cl-readout')).toContainText(
    'Whole clip: peak −6.8 dBFS (no sample over 0 dBFS), loudest short-term −23.5 LUFS.',
    { timeout: 30_000 },
  );
  const clipping = page.locator('.cl-clipping');
  await clipping.scrollIntoViewIfNeeded();
  await expect(clipping.locator('.cl-desc')).toContainText(
    'Raised by the same 4.2 dB with plain gain, the original peaks at +2.3 dBFS: 87 samples over 0 dBFS, in 2 places (at 11.4 s and 12.5 s).',
    { timeout: 30_000 },
  );
});

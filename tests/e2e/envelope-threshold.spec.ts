/**
 * The envelope's threshold line and the words under it describe one render: while the Threshold slider moves, every
 * state the page shows has the line's label and the description on the same threshold (the line used to follow the
 * slider at once while the target reduction and the words waited for the next render).
 */
import { test, expect } from '@playwright/test';

/** Every (line label, description) pair the envelope showed, one per DOM change, as the page recorded them. */
declare global {
  interface Window {
    __clPairs?: { line: string; desc: string }[];
  }
}

test('the threshold line and the description change together, from the render drawn', async ({ page }) => {
  await page.goto('embed/workbench/?clip=drums&panels=controls,envelope');
  const envelope = page.locator('.cl-envelope');
  await envelope.scrollIntoViewIfNeeded();
  const label = envelope.locator('.cl-overlay-threshold-label');
  await expect(label).toHaveText('Threshold −20 dB', { timeout: 30_000 });
  await expect(envelope.locator('.cl-desc')).toContainText('the threshold of −20 dB');
  await envelope.evaluate((figure) => {
    const pairs: { line: string; desc: string }[] = [];
    window.__clPairs = pairs;
    const note = () =>
      pairs.push({
        line: figure.querySelector('.cl-overlay-threshold-label')?.textContent ?? '',
        desc: figure.querySelector('.cl-desc')?.textContent ?? '',
      });
    new MutationObserver(note).observe(figure, { subtree: true, childList: true, characterData: true });
  });
  const slider = page.getByRole('slider', { name: 'Threshold' }).first();
  await slider.focus();
  // Quick steps: several land before the render of the one before has arrived.
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '−24 dB');
  await expect(label).toHaveText('Threshold −24 dB', { timeout: 15_000 });
  await expect(envelope.locator('.cl-desc')).toContainText('the threshold of −24 dB');
  const pairs = (await page.evaluate(() => window.__clPairs)) ?? [];
  const shown = pairs.filter((p) => p.line !== '');
  expect(shown.length).toBeGreaterThan(0);
  for (const { line, desc } of shown) {
    const db = line.replace('Threshold ', '');
    expect(desc, `line at ${db}`).toContain(`the threshold of ${db}`);
  }
});

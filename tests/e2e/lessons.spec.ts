/**
 * The Threshold and Ratio lessons in real Chromium: the Threshold slider moves the curve, the readouts, the
 * description and the page URL; the exercise gives feedback from the real render; no axe violations once the
 * widgets have drawn; and the whole thing works from the keyboard alone.
 */
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { watchPage } from './support/site';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const LESSONS = [
  { path: 'threshold/', startDb: -20, nextText: '−20.5 dB', urlValue: 'threshold=-20.5' },
  { path: 'ratio/', startDb: -25, nextText: '−25.5 dB', urlValue: 'threshold=-25.5' },
];

/** The first workbench's transfer curve, once the render of the clip has arrived. */
async function firstCurve(page: Page) {
  const curve = page.locator('.cl-transfer').first();
  await curve.scrollIntoViewIfNeeded();
  await expect(curve.locator('.cl-desc')).toContainText('On this clip', { timeout: 30_000 });
  return curve;
}

const curvePath = (page: Page) =>
  page.locator('.cl-transfer').first().locator('g[stroke="var(--cl-c-curve)"] path').first().getAttribute('d');

for (const lesson of LESSONS) {
  test.describe(`/${lesson.path}`, () => {
    test('ArrowLeft on the Threshold slider changes the curve, the readouts, the description and the URL', async ({
      page,
      baseURL,
    }) => {
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      await page.goto(lesson.path);
      const curve = await firstCurve(page);
      const slider = page.getByRole('slider', { name: 'Threshold' }).first();
      await expect(slider).toHaveAttribute(
        'aria-valuetext',
        `${lesson.startDb < 0 ? '−' : ''}${Math.abs(lesson.startDb)} dB`,
      );
      const before = {
        path: await curvePath(page),
        readout: await curve.locator('.cl-readout').textContent(),
        description: await curve.locator('.cl-desc').textContent(),
        field: await page
          .getByRole('textbox', { name: /^Threshold in dB/ })
          .first()
          .inputValue(),
      };
      await slider.focus();
      await page.keyboard.press('ArrowLeft');
      await expect(slider).toHaveAttribute('aria-valuetext', lesson.nextText);
      await expect(page.locator('.cl-control', { has: slider }).locator('output')).toHaveText(lesson.nextText);
      await expect.poll(() => curvePath(page)).not.toBe(before.path);
      await expect(curve.locator('.cl-readout')).not.toHaveText(before.readout ?? '');
      await expect(curve.locator('.cl-desc')).not.toHaveText(before.description ?? '');
      await expect(curve.locator('.cl-desc')).toContainText(`Above ${lesson.nextText}`);
      expect(
        await page
          .getByRole('textbox', { name: /^Threshold in dB/ })
          .first()
          .inputValue(),
      ).not.toBe(before.field);
      await expect(page).toHaveURL(new RegExp(lesson.urlValue));
      expect(problems.consoleErrors).toEqual([]);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`has no axe violations once every widget has drawn (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lesson.path);
        await firstCurve(page);
        for (const figure of await page.locator('.cl-envelope, .cl-waveform').all()) {
          await figure.scrollIntoViewIfNeeded();
          await expect(figure.locator('svg').first()).toBeVisible({ timeout: 30_000 });
        }
        await page.locator('.cl-exercise').scrollIntoViewIfNeeded();
        await expect(page.getByRole('button', { name: 'Check my setting' })).toBeVisible();
        const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
        expect(violations).toEqual([]);
      });
    }
  });
}

test('Threshold exercise, from the keyboard alone: feedback comes from the render', async ({ page }) => {
  await page.goto('threshold/');
  await firstCurve(page);
  await page.locator('.cl-exercise').scrollIntoViewIfNeeded();
  await expect(page.locator('.cl-envelope svg').first()).toBeVisible({ timeout: 30_000 });
  await page.locator('body').focus();
  // Tab from the top of the page to the first Threshold slider.
  const slider = page.getByRole('slider', { name: 'Threshold' }).first();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await slider.evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuetext', '0 dB');
  // Type a value into the number field beside it: Tab, type, Enter.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('-7');
  await page.keyboard.press('Enter');
  await expect(slider).toHaveAttribute('aria-valuetext', '−7 dB');
  // Wait for the render of −7 dB (the envelope reports the level going over it only from that render), then check.
  await expect(page.locator('.cl-envelope .cl-desc')).toContainText('goes above the threshold of −7 dB', {
    timeout: 15_000,
  });
  const check = page.getByRole('button', { name: 'Check my setting' });
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cl-exercise [role="status"]')).toContainText(
    'over the threshold; the quieter hits pass untouched',
  );
  // The default −20 dB catches far too many hits.
  await slider.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuetext', '−18 dB');
  // At −7 dB the drums are turned down by a fraction of a dB; the −18 dB render brings several dB.
  await expect(page.locator('.cl-gain-meter .cl-readout').nth(1)).toContainText(/most anywhere in this clip is [1-9]/, {
    timeout: 15_000,
  });
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cl-exercise [role="status"]')).toContainText('Raise the threshold');
});

test('the lesson quotes what the widgets show: 5.3 dB on the drums at −20 dB and 4 to 1', async ({ page }) => {
  await page.goto('threshold/');
  const curve = await firstCurve(page);
  await expect(curve.locator('.cl-desc')).toContainText('the loudest hit is reduced by 5.3 dB');
  await expect(page.locator('.cl-gain-meter .cl-readout').first()).toContainText(
    'the most anywhere in this clip is 5.3 dB',
  );
  await expect(page.locator('main')).toContainText('the loudest hit is reduced by 5.3 dB, while the curve alone would');
});

test('during playback the transfer curve shows the live operating point and the views follow the playhead', async ({
  page,
}) => {
  await page.goto('ratio/');
  await firstCurve(page);
  await expect(page.locator('.cl-transfer .cl-overlay-dot')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).first().click();
  await expect(page.locator('.cl-transfer .cl-overlay-dot').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('.cl-envelope .cl-overlay-line').first()).toBeAttached();
  await page.getByRole('button', { name: 'Pause' }).first().click();
});

test('the waveform zooms to a single transient and back, from the keyboard', async ({ page }) => {
  await page.goto('ratio/');
  await firstCurve(page);
  const waveform = page.locator('.cl-waveform');
  await waveform.scrollIntoViewIfNeeded();
  await expect(waveform.locator('.cl-plot svg')).toBeVisible({ timeout: 30_000 });
  const range = waveform.locator('[role="toolbar"] .cl-status');
  await expect(range).toHaveText('0 ms – 19.2 s');
  await waveform.getByRole('button', { name: 'Zoom to loudest hit' }).focus();
  await page.keyboard.press('Enter');
  await expect(range).toHaveText(/^\d+(\.\d+)? s – \d+(\.\d+)? s$/);
  await expect(waveform.locator('.cl-desc')).toContainText('the original peaks at −3.5 dBFS');
  await waveform.getByRole('button', { name: 'Stacked' }).focus();
  await page.keyboard.press('Enter');
  await expect(waveform.getByRole('button', { name: 'Stacked' })).toHaveAttribute('aria-pressed', 'true');
  await waveform.getByRole('button', { name: 'Show all' }).focus();
  await page.keyboard.press('Space');
  await expect(range).toHaveText('0 ms – 19.2 s');
});

/**
 * The Threshold and Ratio lessons in real Chromium: the Threshold slider moves the curve, the readouts, the
 * description and the page URL; the exercise gives feedback from the real render; no axe violations once the
 * widgets have drawn; and the whole thing works from the keyboard alone.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site';
import { a11yProblems } from './support/a11y';

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
      const control = page.locator('.cl-control', { has: page.getByRole('slider', { name: 'Threshold' }) }).first();
      await expect(control.locator('output')).toHaveText(lesson.nextText);
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
      test(`has no axe violations and no duplicate ids once every widget has drawn (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(lesson.path);
        await firstCurve(page);
        for (const figure of await page.locator('.cl-envelope, .cl-waveform').all()) {
          await figure.scrollIntoViewIfNeeded();
          await expect(figure.locator('svg').first()).toBeVisible({ timeout: 30_000 });
        }
        await page.locator('.cl-exercise').scrollIntoViewIfNeeded();
        await expect(page.getByRole('button', { name: 'Check my setting' })).toBeVisible();
        expect(await a11yProblems(page)).toEqual([]);
        // Every slider has its own name: the second workbench's labels point at its own sliders.
        for (const slider of await page.getByRole('slider').all()) {
          expect(['Threshold', 'Ratio', 'Position']).toContain(
            await slider.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? el.ariaLabel),
          );
        }
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
  // The envelope describes a render once it comes near the viewport.
  await page.locator('.cl-envelope').scrollIntoViewIfNeeded();
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
  await expect(page.locator('.cl-gain-meter .cl-readout').nth(1)).toContainText(
    /most gain reduction in this clip is [1-9]/,
    {
      timeout: 15_000,
    },
  );
  await check.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.cl-exercise [role="status"]')).toContainText('Raise the threshold');
});

test('the lesson quotes what the widgets show: 5.3 dB on the drums at −20 dB and 4 to 1', async ({ page }) => {
  await page.goto('threshold/');
  const curve = await firstCurve(page);
  await expect(curve.locator('.cl-desc')).toContainText('the most gain reduction is 5.3 dB');
  await expect(page.locator('.cl-gain-meter .cl-readout').first()).toContainText(
    'the most gain reduction in this clip is 5.3 dB',
  );
  await expect(page.locator('main')).toContainText(
    'the most gain reduction on the clip is 5.3 dB, while the curve alone would',
  );
});

test('Ratio at 2 to 1 on the drums: curve, meter and envelope quote one number; the waveform says it is the peak change', async ({
  page,
}) => {
  await page.goto('ratio/');
  await firstCurve(page);
  const bench = page.locator('.cl-workbench').nth(1);
  await bench.locator('.cl-waveform').scrollIntoViewIfNeeded();
  await expect(bench.locator('.cl-waveform .cl-desc')).toContainText('Over the whole clip', { timeout: 30_000 });
  await expect(page.locator('.cl-transfer .cl-desc').first()).toContainText('the most gain reduction is 5.8 dB');
  await expect(bench.locator('.cl-gain-meter .cl-readout')).toContainText(
    'the most gain reduction in this clip is 5.8 dB',
  );
  await expect(bench.locator('.cl-envelope .cl-desc')).toContainText('the most gain reduction is 5.8 dB');
  const waveform = bench.locator('.cl-waveform .cl-desc');
  await expect(waveform).toContainText('the highest peak comes out 1.2 dB lower (the peak change');
  await expect(waveform).not.toContainText('the most gain reduction');
  await bench.locator('.cl-waveform').getByRole('button', { name: 'Zoom to loudest hit' }).click();
  await expect(waveform).toContainText('In the visible span only');
});

test('a verdict clears when the setting or the clip changes, and the drum exercise checks only the drums', async ({
  page,
}) => {
  await page.goto('threshold/');
  await firstCurve(page);
  const bench = page.locator('.cl-workbench').nth(1);
  await bench.locator('.cl-envelope').scrollIntoViewIfNeeded();
  await expect(bench.locator('.cl-envelope svg').first()).toBeVisible({ timeout: 30_000 });
  const slider = bench.getByRole('slider', { name: 'Threshold' });
  const status = page.locator('.cl-exercise [role="status"]');
  const check = page.getByRole('button', { name: 'Check my setting' });
  await slider.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown'); // −6 dB
  await expect(slider).toHaveAttribute('aria-valuetext', '−6 dB');
  await check.click();
  await expect(status).toContainText('✓', { timeout: 15_000 });
  await slider.focus();
  await page.keyboard.press('Home'); // −60 dB: the ✓ was about −6 dB
  await expect(status).toHaveText('');
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await check.click();
  await expect(status).toContainText('✓', { timeout: 15_000 });
  // The talker: the verdict clears, and a check says this exercise is about the drum groove.
  await bench.getByRole('combobox', { name: 'Clip' }).selectOption('vocal');
  await expect(status).toHaveText('');
  await check.click();
  await expect(status).toContainText('This exercise is about the Drum groove, and the player has the Dynamic talker');
  await page.getByRole('button', { name: 'Switch to the Drum groove' }).click();
  await expect(bench.getByRole('combobox', { name: 'Clip' })).toHaveValue('drums');
  await check.click();
  await expect(status).toContainText('✓', { timeout: 15_000 });
  // Just under the loudest hit (−3.5 dBFS) that hit is over the threshold, and the verdict says so.
  const field = bench.getByRole('textbox', { name: /^Threshold in dB/ });
  await field.fill('-3.6');
  await field.press('Enter');
  await expect(slider).toHaveAttribute('aria-valuetext', '−3.6 dB');
  await check.click();
  await expect(status).toContainText('only the loudest of the 78 hits goes over the threshold', { timeout: 15_000 });
});

test('Reset returns to the lesson’s own starting settings', async ({ page }) => {
  await page.goto('ratio/');
  await firstCurve(page);
  const threshold = page.getByRole('slider', { name: 'Threshold' }).first();
  const ratio = page.getByRole('slider', { name: 'Ratio' }).first();
  await threshold.focus();
  await page.keyboard.press('PageDown');
  await ratio.focus();
  await page.keyboard.press('End');
  await expect(ratio).toHaveAttribute('aria-valuetext', '∞ to 1');
  await page.getByRole('button', { name: 'Reset settings' }).first().click();
  await expect(threshold).toHaveAttribute('aria-valuetext', '−25 dB');
  await expect(ratio).toHaveAttribute('aria-valuetext', '2 to 1');
});

test('Space plays and pauses, and on a focused switch the hint says it toggles the switch instead', async ({
  page,
}) => {
  await page.goto('threshold/');
  await firstCurve(page);
  const hint = page.locator('.cl-player-keys');
  await expect(hint).toContainText('on a focused button, switch, box or field, Space works that control instead');
  const match = page.getByRole('switch', { name: 'Match loudness' });
  await match.focus();
  await expect(match).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Space');
  await expect(match).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'not matched, so you hear the difference' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  // B still switches Original and Compressed while the switch has focus, as the hint says.
  await page.keyboard.press('b');
  await expect(page.getByRole('radio', { name: 'Original' })).toBeChecked();
  // Away from any control, Space plays.
  await page.locator('main h1').click();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('“On this page” wraps long headings instead of cutting them at 1280 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('threshold/');
  const link = page.locator('starlight-toc').getByRole('link', { name: 'Exercise: catch only the loudest hits' });
  await expect(link).toBeVisible();
  const box = await link.boundingBox();
  const aside = await page.locator('.right-sidebar-container').boundingBox();
  expect(box && aside).toBeTruthy();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual((aside?.x ?? 0) + (aside?.width ?? 0));
  expect(await link.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('during playback the transfer curve shows the live operating point and the views follow the playhead', async ({
  page,
}) => {
  await page.goto('ratio/');
  await firstCurve(page);
  await expect(page.locator('.cl-transfer .cl-overlay-dot')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play', exact: true }).first().click();
  await expect(page.locator('.cl-transfer .cl-overlay-dot').first()).toBeVisible({ timeout: 15_000 });
  // A plot's code loads as the plot comes near the viewport.
  await page.locator('.cl-envelope').first().scrollIntoViewIfNeeded();
  await expect(page.locator('.cl-envelope .cl-overlay-line').first()).toBeAttached();
  await page.getByRole('button', { name: 'Pause', exact: true }).first().click();
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
  await expect(waveform.locator('.cl-desc')).toContainText('the original’s highest peak is −3.5 dBFS');
  await waveform.getByRole('button', { name: 'Stacked' }).focus();
  await page.keyboard.press('Enter');
  await expect(waveform.getByRole('button', { name: 'Stacked' })).toHaveAttribute('aria-pressed', 'true');
  await waveform.getByRole('button', { name: 'Show all' }).focus();
  await page.keyboard.press('Space');
  await expect(range).toHaveText('0 ms – 19.2 s');
});

/**
 * The Knee and Make-up gain lessons in real Chromium: the Knee and Make-up sliders move from the keyboard and change
 * the plots and their descriptions; the two exercises answer "not yet" and "yes" from the real render; with Match
 * loudness off the player shows ΔLU and it follows the make-up gain; the clipping view quotes what the lesson
 * quotes; no console error and no axe violation, light and dark.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site';
import { axeViolations } from './support/axe';

/** The first transfer curve, once the render of the clip has arrived. */
async function firstCurve(page: Page) {
  const curve = page.locator('.cl-transfer').first();
  await curve.scrollIntoViewIfNeeded();
  await expect(curve.locator('.cl-desc')).toContainText('On this clip', { timeout: 30_000 });
  return curve;
}

const curvePath = (page: Page) =>
  page.locator('.cl-transfer').first().locator('g[stroke="var(--cl-c-curve)"] path').first().getAttribute('d');

/** Types a value into a control's number field (found by its accessible name) and commits it. */
async function typeInto(page: Page, name: RegExp, value: string, nth = 0) {
  const field = page.getByRole('textbox', { name }).nth(nth);
  await field.fill(value);
  await field.press('Enter');
}

test.describe('/knee/', () => {
  test('the Knee slider moves from the keyboard and changes the curve, the knee zone and their descriptions', async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('knee/');
    const curve = await firstCurve(page);
    const zone = page.locator('.cl-knee-zone');
    await expect(zone.locator('.cl-desc')).toContainText('Hard knee: the compression starts all at once at −27 dB', {
      timeout: 30_000,
    });
    const slider = page.getByRole('slider', { name: 'Knee' }).first();
    await expect(slider).toHaveAttribute('aria-valuetext', '0 dB');
    // A plot's code loads as the plot comes near the viewport.
    await zone.scrollIntoViewIfNeeded();
    const before = { path: await curvePath(page), zone: await zone.locator('svg').first().innerHTML() };
    await slider.focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuetext', '10 dB');
    await expect.poll(() => curvePath(page)).not.toBe(before.path);
    await expect(curve.locator('.cl-desc')).toContainText(
      'A 10 dB soft knee eases the compression in between −32 dB and −22 dB.',
    );
    await expect(zone.locator('.cl-desc')).toContainText(
      'A 10 dB soft knee eases the compression in between −32 dB and −22 dB.',
      {
        timeout: 15_000,
      },
    );
    await expect(zone.locator('.cl-desc')).toContainText('The 19 syllables (of 58) within 3 dB of the threshold');
    expect(await zone.locator('svg').first().innerHTML()).not.toBe(before.zone);
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '10.5 dB');
    await expect(page).toHaveURL(/knee=10\.5/);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('during playback the operating point moves on the transfer curve that shows the knee band', async ({ page }) => {
    await page.goto('knee/?knee=12');
    const curve = await firstCurve(page);
    await expect(curve.locator('.cl-desc')).toContainText(
      'A 12 dB soft knee eases the compression in between −33 dB and −21 dB.',
    );
    // The knee band: a shaded rectangle from −33 dB to −21 dB behind the curve.
    await expect(curve.locator('svg g[fill-opacity="0.1"] rect').first()).toBeAttached();
    await expect(curve.locator('.cl-overlay-dot')).toHaveCount(0);
    await page.getByRole('button', { name: 'Play' }).first().click();
    const dot = curve.locator('.cl-overlay-dot').first();
    await expect(dot).toBeVisible({ timeout: 15_000 });
    const first = await dot.getAttribute('style');
    await expect.poll(() => dot.getAttribute('style'), { timeout: 15_000 }).not.toBe(first);
    await page.getByRole('button', { name: 'Pause' }).first().click();
  });

  test('the knee exercise: “not yet” with a hard knee, “yes” at 18 dB, cleared when the knee moves', async ({
    page,
  }) => {
    await page.goto('knee/');
    await firstCurve(page);
    const exercise = page.locator('.cl-exercise');
    await exercise.scrollIntoViewIfNeeded();
    const status = exercise.getByRole('status');
    const check = exercise.getByRole('button', { name: 'Check my setting' });
    await check.click();
    await expect(status).toContainText('Not yet.', { timeout: 30_000 });
    await expect(status).toContainText(
      'On “Dynamic talker” the 19 syllables within 3 dB of the threshold are turned down by 0.2 dB',
    );
    await expect(status).toContainText('Widen the knee');
    await typeInto(page, /^Knee in dB/, '18');
    await expect(page.getByRole('slider', { name: 'Knee' }).first()).toHaveAttribute('aria-valuetext', '18 dB');
    await expect(status).toBeEmpty();
    await check.click();
    await expect(status).toContainText('✓ Yes: on “Dynamic talker” the 19 syllables', { timeout: 30_000 });
    await expect(status).toContainText('turned down by 1.6 dB (median), inside the goal of 1 to 2 dB');
    const slider = page.getByRole('slider', { name: 'Knee' }).first();
    await slider.focus();
    await page.keyboard.press('End');
    await expect(status).toBeEmpty();
    await check.click();
    await expect(status).toContainText('Not yet.', { timeout: 30_000 });
    await expect(status).toContainText('Narrow the knee');
  });
});

test.describe('/make-up-gain/', () => {
  test('the Make-up slider moves from the keyboard and changes the curve, its description and the output meter', async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto('make-up-gain/');
    const curve = await firstCurve(page);
    const meter = page.locator('.cl-output-meter').first();
    await meter.scrollIntoViewIfNeeded();
    await expect(meter.locator('.cl-readout')).toContainText(
      'Whole clip: peak −6.8 dBFS (no sample over 0 dBFS), loudest short-term −23.5 LUFS.',
      {
        timeout: 30_000,
      },
    );
    const before = { path: await curvePath(page), meter: await meter.locator('.cl-readout').textContent() };
    const slider = page.getByRole('slider', { name: 'Make-up' }).first();
    await expect(slider).toHaveAttribute('aria-valuetext', '0 dB');
    await slider.focus();
    await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuetext', '5 dB');
    await expect.poll(() => curvePath(page)).not.toBe(before.path);
    await expect(curve.locator('.cl-desc')).toContainText('Make-up gain then raises everything by 5 dB.');
    await expect(curve.locator('.cl-readout')).toContainText('comes out at −10 dBFS, reduced by 15 dB');
    await expect(meter.locator('.cl-readout')).not.toHaveText(before.meter ?? '', { timeout: 15_000 });
    await expect(meter.locator('.cl-readout')).toContainText('Whole clip: peak −1.8 dBFS');
    // Automatic make-up, typed: +15 dB here, and the output clips.
    await typeInto(page, /^Make-up in dB/, 'auto');
    await expect(slider).toHaveAttribute('aria-valuetext', 'auto');
    await expect(curve.locator('.cl-desc')).toContainText('Make-up gain then raises everything by 15 dB.');
    await expect(meter.locator('.cl-readout')).toContainText(
      /peak \+8\.2 dBFS \(5\d{3} samples over 0 dBFS: it clips\)/,
      {
        timeout: 15_000,
      },
    );
    expect(problems.consoleErrors).toEqual([]);
  });

  test('with Match loudness off the player shows ΔLU, and it changes with the make-up gain', async ({ page }) => {
    await page.goto('make-up-gain/');
    await firstCurve(page);
    const player = page.locator('.cl-player').first();
    await player.scrollIntoViewIfNeeded();
    const match = player.getByRole('switch', { name: 'Match loudness' });
    await expect(match).toHaveAttribute('aria-checked', 'true');
    await match.click();
    await expect(match).toHaveAttribute('aria-checked', 'false');
    const note = player.locator('.cl-player-note').last();
    await expect(note).toHaveText(
      'Compressed is 3.1 LU quieter than the original (ΔLU −3.1); not matched, so you hear the difference.',
      { timeout: 30_000 },
    );
    await typeInto(page, /^Make-up in dB/, '6', 1);
    await expect(note).toHaveText(
      'Compressed is 2.9 LU louder than the original (ΔLU +2.9); not matched, so you hear the difference.',
      { timeout: 30_000 },
    );
  });

  test('the loudness-match exercise hides ΔLU, then reveals it: “not yet” at 0 dB, “yes” at 9 dB', async ({ page }) => {
    await page.goto('make-up-gain/');
    await firstCurve(page);
    const exercise = page.getByRole('region', { name: 'Exercise: match the loudness by ear' });
    await exercise.scrollIntoViewIfNeeded();
    await expect(exercise.getByRole('switch', { name: 'Match loudness' })).toHaveAttribute('aria-checked', 'false');
    await expect(exercise).toContainText('The measured difference stays hidden until you check your setting.');
    await expect(exercise).not.toContainText('ΔLU');
    const status = exercise.getByRole('status').last();
    const check = exercise.getByRole('button', { name: 'Check my setting' });
    await check.click();
    await expect(status).toContainText('Not yet.', { timeout: 30_000 });
    await expect(status).toContainText('With 0 dB of make-up gain, the compressed “Dynamic talker” measures ΔLU −');
    await expect(status).toContainText('Raise the make-up gain');
    const slider = exercise.getByRole('slider', { name: 'Make-up' });
    await slider.focus();
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveAttribute('aria-valuetext', '9 dB');
    await expect(status).toBeEmpty();
    await check.click();
    await expect(status).toContainText(
      '✓ Yes: With 9 dB of make-up gain, the compressed “Dynamic talker” measures ΔLU',
      {
        timeout: 30_000,
      },
    );
  });

  test('the clipping view counts and marks the overs the lesson quotes', async ({ page }) => {
    await page.goto('make-up-gain/');
    await firstCurve(page);
    const view = page.locator('.cl-clipping');
    await view.scrollIntoViewIfNeeded();
    const desc = view.locator('.cl-desc');
    await expect(desc).toContainText(
      'Raised by the same 4.2 dB with plain gain, the original peaks at +2.3 dBFS: 87 samples over 0 dBFS, in 2 places (at 11.4 s and 12.5 s).',
      { timeout: 30_000 },
    );
    await expect(desc).toContainText('peaks at −1.5 dBFS: no sample over 0 dBFS.');
    await expect(page.locator('main')).toContainText('87 samples over 0 dBFS, in 2 places (at 11.4 s and 12.5 s)');
    await typeInto(page, /^Make-up in dB/, '18', 3);
    await expect(desc).toContainText('with 18 dB of make-up gain, peaks at +1 dBFS: 10 samples over 0 dBFS', {
      timeout: 30_000,
    });
  });
});

for (const path of ['knee/', 'make-up-gain/']) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`/${path} has no axe violations once every widget has drawn (${scheme})`, async ({ page, baseURL }) => {
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await firstCurve(page);
      for (const figure of await page.locator('.cl-envelope, .cl-knee-zone, .cl-output-meter, .cl-clipping').all()) {
        await figure.scrollIntoViewIfNeeded();
        await expect(figure.locator('svg').first()).toBeVisible({ timeout: 30_000 });
      }
      expect(await axeViolations(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }
}

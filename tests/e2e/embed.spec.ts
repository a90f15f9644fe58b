/**
 * /embed/<widget> pages: chrome-free, state from the URL (validated and clamped), hostile parameters harmless,
 * settings written back to the URL without a reload, and "Copy embed code" reproducing the lesson's state.
 */
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site';
import { a11yProblems } from './support/a11y';

const WIDGETS = ['transfer-curve', 'envelope', 'waveform', 'gain-meter', 'controls', 'workbench'];

function noDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

for (const widget of WIDGETS) {
  test(`/embed/${widget}/ shows the widget alone, without site chrome or axe violations`, async ({ page, baseURL }) => {
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(`embed/${widget}/?clip=vocal&threshold=-30&ratio=3`, { waitUntil: 'networkidle' });
    await expect(page.getByRole('slider', { name: 'Threshold' }).first()).toHaveAttribute('aria-valuetext', '−30 dB');
    await expect(page.locator('.sidebar-pane, header.header, nav[aria-label="Main"]')).toHaveCount(0);
    if (widget !== 'controls' && widget !== 'gain-meter') {
      await expect(page.locator('.cl-plot svg').first()).toBeVisible({ timeout: 30_000 });
    }
    expect(await a11yProblems(page)).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    // The iframe-sized page does not scroll sideways at a narrow width (once the plots have redrawn for it).
    await page.setViewportSize({ width: 390, height: 800 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}

test('an embed URL reproduces its state: clip, threshold, ratio and the controls shown', async ({ page }) => {
  await page.goto('embed/transfer-curve/?clip=vocal&threshold=-30&ratio=inf&controls=threshold,ratio');
  await expect(page.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect(page.getByRole('slider', { name: 'Ratio' })).toHaveAttribute('aria-valuetext', '∞ to 1');
  await expect(page.getByRole('slider')).toHaveCount(3); // threshold, ratio and the player's timeline
  const desc = page.locator('.cl-transfer .cl-desc');
  await expect(desc).toContainText('Above −30 dB the output stays at −30 dB however loud the input gets (limiting).');
  await expect(desc).toContainText('On this clip', { timeout: 30_000 });
  await expect(page.locator('.cl-player select')).toHaveValue('vocal');

  await page.goto('embed/controls/?controls=knee,attack');
  await expect(page.getByRole('slider')).toHaveCount(2);
  await expect(page.getByRole('slider', { name: 'Knee' })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Attack' })).toHaveAttribute('aria-valuetext', '10 ms');
});

for (const query of [
  'threshold=abc',
  'threshold=999',
  `clip=${encodeURIComponent('<script>alert(1)</script>')}&threshold=${encodeURIComponent('<img src=x onerror=alert(2)>')}`,
  `controls=${encodeURIComponent('"><script>alert(3)</script>')}&ratio=-1e999&knee=NaN`,
]) {
  test(`hostile parameters (${decodeURIComponent(query).slice(0, 40)}) still give a working widget`, async ({
    page,
    baseURL,
  }) => {
    const dialogs = noDialogs(page);
    const problems = watchPage(page, new URL(baseURL ?? '').origin);
    await page.goto(`embed/transfer-curve/?${query}`, { waitUntil: 'networkidle' });
    const slider = page.getByRole('slider', { name: 'Threshold' });
    await expect(slider).toHaveAttribute('aria-valuetext', query === 'threshold=999' ? '0 dB' : '−20 dB');
    await expect(page.locator('.cl-transfer .cl-desc')).toContainText('On this clip', { timeout: 30_000 });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.locator('.cl-transfer .cl-desc')).toContainText('Above −');
    expect(
      await page
        .locator('script:not([type]), script[type="module"]')
        .evaluateAll((s) => s.map((e) => e.textContent ?? '').join('')),
    ).not.toContain('alert(');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // The learner is told, in plain text, what the link asked for that could not be used.
    const notice = page.getByRole('status').filter({ hasText: 'This link’s settings were adjusted' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem').first()).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
}

test('a link whose settings are all usable shows no notice', async ({ page }) => {
  await page.goto('embed/transfer-curve/?clip=vocal&threshold=-30&ratio=inf');
  await expect(page.getByRole('slider', { name: 'Ratio' })).toHaveAttribute('aria-valuetext', '∞ to 1');
  await expect(page.locator('.cl-transfer .cl-desc')).toContainText('On this clip', { timeout: 30_000 });
  await expect(page.getByText('This link’s settings were adjusted')).toHaveCount(0);
});

test('changing a setting rewrites the URL without reloading the page', async ({ page }) => {
  await page.goto('embed/workbench/?clip=drums&threshold=-24');
  await page.evaluate(() => Object.assign(window, { clMarker: 'still here' }));
  const slider = page.getByRole('slider', { name: 'Threshold' });
  await expect(slider).toHaveAttribute('aria-valuetext', '−24 dB');
  await slider.focus();
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect(page).toHaveURL(/threshold=-30(&|$)/);
  await expect(page).toHaveURL(/clip=drums/);
  expect(await page.evaluate(() => (window as unknown as { clMarker?: string }).clMarker)).toBe('still here');
  await page.reload();
  await expect(page.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−30 dB');
});

test('"Copy embed code" on a lesson gives an iframe that reproduces the lesson state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('ratio/');
  const slider = page.getByRole('slider', { name: 'Ratio' }).first();
  await expect(slider).toHaveAttribute('aria-valuetext', '2 to 1');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '2.5 to 1');
  await page.getByRole('button', { name: 'Copy embed code' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Embed code copied' })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toMatch(
    /^<iframe src="[^"]+\/embed\/workbench\/\?[^"]+" title="Compressor workbench · Compressor Lab"/,
  );
  const src = /src="([^"]+)"/.exec(snippet)?.[1]?.replace(/&amp;/g, '&') ?? '';
  expect(src).toContain('threshold=-25');
  expect(src).toContain('ratio=2.5');
  await page.goto(src);
  await expect(page.getByRole('slider', { name: 'Ratio' })).toHaveAttribute('aria-valuetext', '2.5 to 1');
  await expect(page.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−25 dB');
  await expect(page.locator('.cl-transfer')).toHaveCount(1);
  await expect(page.locator('.cl-envelope')).toHaveCount(0); // the first workbench: controls, curve and meter only
});

test('Reset in an embed returns to the settings the embed was given, not the site defaults', async ({ page }) => {
  await page.goto('embed/workbench/?clip=vocal&threshold=-30&ratio=3&panels=controls,transfer');
  const threshold = page.getByRole('slider', { name: 'Threshold' });
  const ratio = page.getByRole('slider', { name: 'Ratio' });
  await expect(threshold).toHaveAttribute('aria-valuetext', '−30 dB');
  await threshold.focus();
  await page.keyboard.press('PageUp');
  await ratio.focus();
  await page.keyboard.press('End');
  await expect(ratio).toHaveAttribute('aria-valuetext', '∞ to 1');
  await page.getByRole('button', { name: 'Reset settings' }).click();
  await expect(threshold).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect(ratio).toHaveAttribute('aria-valuetext', '3 to 1');

  await page.goto('embed/controls/?threshold=-12&controls=threshold');
  const only = page.getByRole('slider', { name: 'Threshold' });
  await only.focus();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Reset threshold' }).click();
  await expect(only).toHaveAttribute('aria-valuetext', '−12 dB');
});

test('when the clip cannot be loaded, the plots say why instead of loading forever', async ({ page }) => {
  await page.route(/\/audio\/[^/]+\.(opus|m4a|mp3)$/, (route) => route.fulfill({ status: 404, body: 'missing' }));
  await page.goto('embed/workbench/?panels=controls,envelope,waveform');
  await expect(page.locator('.cl-envelope p.cl-status')).toContainText('could not be loaded', { timeout: 20_000 });
  await expect(page.locator('.cl-waveform p.cl-status')).toContainText('could not be loaded');
  // The rest of the page keeps working.
  const slider = page.getByRole('slider', { name: 'Threshold' });
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuetext', '−20.5 dB');
});

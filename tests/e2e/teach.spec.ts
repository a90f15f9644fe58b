/**
 * Teachers: embeds on a page of another origin (a host served here on a second local port) size themselves and
 * tell the host what happens; theme, hide and lock do what they say; Reset returns to the embed's settings. The
 * player, the practice embeds and the demo host page: teach-messages.spec.ts; the builder, offline use and
 * installability: teach-app.spec.ts.
 */
import { test, expect } from '@playwright/test';
import { EMBED_NAMES, EMBEDS } from '../../src/lib/embed';
import { watchPage } from './support/site';
import { events, fit, frameOf, useHost } from './support/host';

const host = useHost();
const hostPage = host.page;

for (const width of [1280, 390]) {
  test(`at ${width} px, each embed takes the height of its content, from its resize messages`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, host.origin);
    await page.setViewportSize({ width, height: 900 });
    const site = baseURL ?? '';
    const url = hostPage(`fit-${width}`, [
      { widget: 'transfer-curve', src: `${site}embed/transfer-curve/?clip=vocal&threshold=-30` },
    ]);
    await page.goto(url);
    const frame = await frameOf(page, 0);
    await expect(frame.locator('.cl-transfer .cl-desc')).toContainText('On this clip', { timeout: 30_000 });
    await expect
      .poll(async () => {
        const f = await fit(page, 0);
        return Math.abs(f.iframe - f.content) <= 4 && Math.abs(f.reported - f.content) <= 4 && !f.scrolls;
      })
      .toBe(true);
    const f = await fit(page, 0);
    test.info().annotations.push({ type: 'fit', description: JSON.stringify({ width, ...f }) });
    expect(problems.consoleErrors).toEqual([]);
  });
}

for (const widget of EMBED_NAMES) {
  test(`${widget}: sizes itself, and its default snippet height is its measured height`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const url = hostPage(`default-${widget}`, [{ widget, src: `${baseURL ?? ''}embed/${widget}/?clip=vocal` }]);
    await page.goto(url);
    await expect(page.locator('iframe')).toHaveAttribute('height', String(EMBEDS[widget].heightPx));
    await expect
      .poll(
        async () => {
          const f = await fit(page, 0);
          return (
            Math.abs(f.iframe - f.content) <= 4 && Math.abs(EMBEDS[widget].heightPx - f.content) <= 4 && !f.scrolls
          );
        },
        { timeout: 30_000 },
      )
      .toBe(true);
  });
}

test('a settingchange arrives after a slider moves, and Reset returns to the embed’s own settings', async ({
  page,
  baseURL,
}) => {
  const problems = watchPage(page, host.origin);
  const url = hostPage('events', [
    {
      widget: 'workbench',
      src: `${baseURL ?? ''}embed/workbench/?clip=vocal&threshold=-30&ratio=3&panels=controls,transfer`,
    },
  ]);
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  const threshold = frame.getByRole('slider', { name: 'Threshold' });
  const ratio = frame.getByRole('slider', { name: 'Ratio' });
  await expect(threshold).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect.poll(async () => (await events(page)).some((m) => m['type'] === 'ready')).toBe(true);
  await threshold.focus();
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(async () =>
      (await events(page)).some(
        (m) => m['type'] === 'settingchange' && (m['params'] as Record<string, unknown>)['threshold'] === -30.5,
      ),
    )
    .toBe(true);
  await ratio.focus();
  await page.keyboard.press('End');
  await expect(ratio).toHaveAttribute('aria-valuetext', '∞ to 1');
  await frame.getByRole('button', { name: 'Reset settings' }).click();
  await expect(threshold).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect(ratio).toHaveAttribute('aria-valuetext', '3 to 1');
  await expect
    .poll(async () => {
      const last = (await events(page)).filter((m) => m['type'] === 'settingchange').at(-1);
      const params = (last?.['params'] ?? {}) as Record<string, unknown>;
      return [params['threshold'], params['ratio']];
    })
    .toEqual([-30, 3]);
  expect(problems.consoleErrors).toEqual([]);
});

test('play and pause reach the host page', async ({ page, baseURL }) => {
  const url = hostPage('play', [{ widget: 'gain-meter', src: `${baseURL ?? ''}embed/gain-meter/?clip=drums` }]);
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  const play = frame.getByRole('button', { name: 'Play' });
  await expect(frame.getByRole('slider', { name: 'Position' })).toBeEnabled({ timeout: 30_000 });
  await play.click();
  await expect
    .poll(async () => (await events(page)).some((m) => m['type'] === 'play' && m['clip'] === 'drums'))
    .toBe(true);
  await frame.getByRole('button', { name: 'Pause' }).click();
  await expect.poll(async () => (await events(page)).some((m) => m['type'] === 'pause')).toBe(true);
});

test('theme follows the embed’s address, not the reader’s system', async ({ page, baseURL }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const site = baseURL ?? '';
  const url = hostPage('theme', [
    { widget: 'controls', src: `${site}embed/controls/?theme=dark` },
    { widget: 'controls', src: `${site}embed/controls/?THEME=Light` },
    { widget: 'controls', src: `${site}embed/controls/?theme=auto` },
  ]);
  await page.goto(url);
  const bg = async (i: number) =>
    // No body while the frame is still loading: an empty answer, and the poll tries again.
    (await frameOf(page, i)).evaluate(() => (document.body ? getComputedStyle(document.body).backgroundColor : ''));
  await expect.poll(() => bg(0)).toBe('rgb(23, 24, 28)');
  await expect.poll(() => bg(1)).toBe('rgb(255, 255, 255)');
  await expect.poll(() => bg(2)).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bg(1)).toBe('rgb(255, 255, 255)');
  await expect.poll(() => bg(2)).toBe('rgb(23, 24, 28)');
});

test('lock keeps a setting fixed and hide leaves out the clip menu, the listen modes and reset', async ({
  page,
  baseURL,
}) => {
  const url = hostPage('lock', [
    {
      widget: 'workbench',
      src: `${baseURL ?? ''}embed/workbench/?clip=vocal&ratio=3&controls=threshold,ratio&lock=ratio&hide=clip,listen,reset&panels=player,controls`,
    },
  ]);
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('slider', { name: 'Threshold' })).toBeEnabled();
  await expect(frame.getByRole('slider', { name: 'Ratio' })).toBeDisabled();
  await expect(frame.getByRole('slider', { name: 'Ratio' })).toHaveAttribute('aria-valuetext', '3 to 1');
  await expect(frame.getByText('(locked)')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(frame.getByRole('combobox')).toHaveCount(0);
  await expect(frame.getByRole('radiogroup')).toHaveCount(0);
  await expect(frame.getByText('switch between Original and Compressed')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: /Reset/ })).toHaveCount(0);
  await expect(frame.getByRole('link', { name: 'Open in Compressor Lab' })).toBeVisible();
  await expect(frame.getByRole('link', { name: 'Credits and licences' })).toBeVisible();
});

test('a hand-typed address is understood: &amp;, any case, and a panel name it does not know', async ({ page }) => {
  await page.goto('embed/workbench/?clip=Vocal&amp;Threshold=-30&amp;panels=Transfer,Controls');
  await expect(page.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−30 dB');
  await expect(page.locator('.cl-transfer')).toHaveCount(1);
  await expect(page.locator('.cl-player select')).toHaveCount(0);
  await page.goto('embed/workbench/?panels=spectrum');
  const notice = page.getByRole('status').filter({ hasText: 'This link’s settings were adjusted' });
  await expect(notice).toContainText('aren’t ones this workbench has');
  await expect(page.locator('.cl-transfer')).toHaveCount(1);
  await page.goto('embed/exercise/?task=compress-everything');
  await expect(page.getByRole('status').filter({ hasText: 'There is no exercise called' })).toBeVisible();
  await expect(page.getByText('On the drum groove, set the threshold so that only the loudest hits')).toBeVisible();
  await page.goto('embed/');
  await expect(page.getByRole('link', { name: 'Compressor workbench' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'embed builder' })).toBeVisible();
});

test('an embed address with an unknown widget lists the widgets; one that differs only in case opens it', async ({
  page,
}) => {
  const response = await page.goto('embed/spectrum/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Opening an embed?' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'transfer-curve' })).toBeVisible();
  await page.goto('embed/Transfer-Curve/?clip=vocal&threshold=-30');
  await expect(page).toHaveURL(/\/embed\/transfer-curve\/\?clip=vocal&threshold=-30$/);
  await expect(page.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−30 dB');
});

test('under a strict sandbox the embed says why it cannot run', async ({ page, baseURL }) => {
  const url = hostPage('sandbox', [
    { widget: 'workbench', src: `${baseURL ?? ''}embed/workbench/`, attrs: 'sandbox="allow-scripts"' },
    { widget: 'workbench', src: `${baseURL ?? ''}embed/workbench/`, attrs: 'sandbox=""' },
  ]);
  await page.goto(url);
  for (const i of [0, 1]) {
    await expect(page.frameLocator('iframe').nth(i).getByText('This figure can’t run inside this page')).toBeVisible();
  }
});

test('an exercise embed sends its verdict to the host page as a result with a score', async ({ page, baseURL }) => {
  const url = hostPage('result', [
    { widget: 'exercise', src: `${baseURL ?? ''}embed/exercise/?clip=drums&threshold=-40` },
  ]);
  await page.goto(url);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('button', { name: 'Check my setting' }).click();
  await expect
    .poll(async () => (await events(page)).find((m) => m['type'] === 'result'), { timeout: 30_000 })
    .toMatchObject({ clip: 'drums', passed: false, score: 0, params: { threshold: -40 } });
  const result = (await events(page)).find((m) => m['type'] === 'result') ?? {};
  await expect(frame.getByText(String(result['message']).slice(0, 40))).toBeVisible();
});

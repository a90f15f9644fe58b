/**
 * Teachers, the app around the embeds: the builder (/teach/) offers widgets, exercises and practice drills,
 * presets and settings, measures its live preview and lists its sections under "On this page", with no axe
 * violation; after one visit the site works offline (a visited lesson reloads and plays, an unvisited one opens
 * and loads its clip); Chromium finds the site installable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';
import { BUILDER_SECTIONS } from '../../src/widgets/Builder/model';

const code = (page: Page) => page.getByRole('textbox', { name: 'Embed code' });

/**
 * The height the snippet gives is the preview's content height, to within 4 px. The preview reloads whenever a
 * choice changes the address: a frame that navigates while it is read counts as "not yet" and the poll asks again.
 */
async function snippetFits(page: Page): Promise<boolean> {
  const frame = page.frame({ url: /\/embed\// });
  if (!frame) return false;
  const given = Number(/height="(\d+)"/.exec(await code(page).inputValue())?.[1]);
  const content = await frame
    .evaluate(() => document.body?.getBoundingClientRect().height ?? 0)
    .catch((e: unknown) => {
      if (e instanceof Error && /context was destroyed|detached/i.test(e.message)) return 0;
      throw e;
    });
  return content > 0 && Math.abs(given - content) <= 4;
}

test('the builder offers presets, exercises and drills, measures its preview and has no axe violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems = watchPage(page, 'http://127.0.0.1');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('teach/');
  await islandsMounted(page);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  for (const { text } of BUILDER_SECTIONS)
    await expect(toc.getByRole('link', { name: text, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Preview', exact: true })).toBeVisible();

  const embed = page.getByRole('combobox', { name: 'Embed' });
  const preview = page.frameLocator('iframe[title="Preview of the embed"]');
  await embed.selectOption('transfer-curve');
  await expect(page.getByText(/Height measured from the preview at \d+ px wide/)).toBeVisible({ timeout: 30_000 });
  await expect(preview.locator('.cl-transfer .cl-desc')).toContainText('On this clip', { timeout: 30_000 });
  await expect.poll(() => snippetFits(page)).toBe(true);
  await page.getByRole('checkbox', { name: 'Ratio' }).nth(1).check();
  await expect(code(page)).toHaveValue(/lock=ratio/);

  // A preset sets every value; the address names it and the preview opens with its threshold.
  await page.getByRole('combobox', { name: 'Start from' }).selectOption('vocal');
  await expect(code(page)).toHaveValue(/preset=vocal/);
  await expect(preview.getByRole('slider', { name: 'Threshold' })).toHaveAttribute('aria-valuetext', '−30 dB', {
    timeout: 30_000,
  });
  expect(await a11yProblems(page)).toEqual([]);

  await embed.selectOption('exercise');
  await page.getByRole('combobox', { name: 'Task' }).selectOption('loudest-reduction');
  await expect(code(page)).toHaveValue(/embed\/exercise\/\?task=loudest-reduction&.*threshold=-25/);
  await expect(preview.getByText('choose a ratio at which the most gain reduction is 6 to 8 dB')).toBeVisible({
    timeout: 30_000,
  });

  await page.getByRole('radio', { name: 'Dark' }).check();
  await embed.selectOption('practice-questions');
  await expect(code(page)).toHaveValue(/embed\/practice-questions\/\?theme=dark"/);
  await page.getByRole('textbox', { name: /Seed/ }).fill('42');
  await expect(code(page)).toHaveValue(/embed\/practice-questions\/\?seed=42&amp;theme=dark"/);
  await expect(page.getByRole('combobox', { name: 'Clip' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Starting settings' })).toHaveCount(0);
  await expect(preview.getByRole('button', { name: 'Check my answer' }).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => snippetFits(page), { timeout: 30_000 }).toBe(true);
  await expect(page.getByRole('list', { name: 'Last messages from the preview' })).toContainText('ready');
  expect(await a11yProblems(page)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test.describe('offline and installable', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit, a lesson reloads and plays with no network, another clip loads, an unvisited lesson opens', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const problems = watchPage(page, 'http://127.0.0.1');
    await page.goto('threshold/');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    await page.reload();
    const play = page.getByRole('button', { name: 'Play' }).first();
    await expect(page.getByRole('slider', { name: 'Position' }).first()).toBeEnabled({ timeout: 30_000 });
    await play.click();
    await expect(page.getByRole('button', { name: 'Pause' }).first()).toBeVisible();
    await expect
      .poll(() => page.getByRole('slider', { name: 'Position' }).first().getAttribute('aria-valuetext'))
      .not.toMatch(/^0:00/);
    await page.getByRole('button', { name: 'Pause' }).first().click();
    const clip = page.getByRole('combobox', { name: 'Clip' }).first();
    const other = await clip.locator('option:not(:checked)').first().getAttribute('value');
    await clip.selectOption(other ?? '');
    await expect(page.getByRole('slider', { name: 'Position' }).first()).toBeEnabled({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Never opened before: the page, its scripts and its clip all come from the service worker's cache.
    await page.goto('vocals/');
    await expect(page.getByRole('heading', { level: 1, name: 'Vocals' })).toBeVisible();
    await expect(page.getByRole('slider', { name: 'Position' }).first()).toBeEnabled({ timeout: 30_000 });
    await page.goto('embed/workbench/?clip=guitar');
    await expect(page.locator('.cl-waveform svg').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('Chromium finds the site installable: a manifest with PNG icons of 192 and 512 px', async ({
    playwright,
    launchOptions,
    baseURL,
  }) => {
    // A normal (not incognito) profile: Chromium never offers to install from an incognito window.
    const profile = await mkdtemp(join(tmpdir(), 'cl-install-'));
    const context = await playwright.chromium.launchPersistentContext(profile, {
      ...launchOptions,
      baseURL: baseURL ?? '',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await page.context().newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; data?: string };
    expect(manifest.errors).toEqual([]);
    const icons = (JSON.parse(manifest.data ?? '{}') as { icons?: { sizes: string; purpose?: string }[] }).icons ?? [];
    expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`)).toEqual(
      expect.arrayContaining(['192x192 any', '512x512 any', '192x192 maskable', '512x512 maskable']),
    );
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    for (const size of [192, 512]) {
      const response = await page.request.get(`icons/maskable-${size}.png`);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    await context.close();
    await rm(profile, { recursive: true, force: true });
  });
});

/**
 * Teachers: embeds on a page of another origin (a host served here on a second local port) size themselves and
 * tell the host what happens; theme, hide and lock do what they say; the builder measures its preview; after one
 * visit the site works offline.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { test, expect, type Frame, type Page } from '@playwright/test';
import { EMBED_WIDGETS, iframeSnippet, type EmbedWidget } from '../../src/lib/embed';
import { watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';

const DEMO = readFileSync(new URL('./fixtures/host-demo.html', import.meta.url), 'utf8');
const pages = new Map<string, string>();
let server: Server;
let hostOrigin = '';

test.beforeAll(async () => {
  // Port 0: the system picks a free port, so parallel workers each get their own host.
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const body = path === '/demo' ? DEMO : pages.get(path);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A host page holding exactly the snippets a teacher copies (iframe + resizing lines), plus a message recorder. */
function hostPage(name: string, embeds: { widget: EmbedWidget; src: string; attrs?: string }[]): string {
  const snippets = embeds.map(({ widget, src, attrs }) => {
    const html = iframeSnippet(src, widget);
    return attrs ? html.replace('<iframe ', `<iframe ${attrs} `) : html;
  });
  pages.set(
    `/${name}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Host</title></head><body style="margin:0;padding:8px">` +
      `<h1>Course page</h1>${snippets.join('\n')}` +
      `<script>window.clEvents=[];addEventListener('message',function(e){if(e.data&&e.data.source==='compressor-lab')window.clEvents.push(e.data);});</script>` +
      `</body></html>`,
  );
  return `${hostOrigin}/${name}`;
}

async function frameOf(page: Page, index: number): Promise<Frame> {
  const handle = await page.locator('iframe').nth(index).elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`no frame ${index}`);
  return frame;
}

interface Fit {
  iframe: number;
  content: number;
  reported: number;
  scrolls: boolean;
}

async function fit(page: Page, index: number): Promise<Fit> {
  const frame = await frameOf(page, index);
  // While the frame is still parsing there is no body yet: that reads as height 0, and the poll tries again.
  const content = await frame.evaluate(() => document.body?.getBoundingClientRect().height ?? 0);
  const scrolls = await frame.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
  const iframe = await page
    .locator('iframe')
    .nth(index)
    .evaluate((el) => el.getBoundingClientRect().height);
  const reported = await page.evaluate((i) => {
    const frameWindow = document.querySelectorAll('iframe')[i]?.contentWindow;
    void frameWindow;
    const all = (window as unknown as { clEvents: { type: string; widget: string; height?: number }[] }).clEvents;
    return all.filter((m) => m.type === 'resize').map((m) => m.height ?? 0);
  }, index);
  return { iframe, content, reported: reported.at(-1) ?? -1, scrolls };
}

function events(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(() => (window as unknown as { clEvents: Record<string, unknown>[] }).clEvents);
}

for (const width of [1280, 390]) {
  test(`at ${width} px, each embed takes the height of its content, from its resize messages`, async ({
    page,
    baseURL,
  }) => {
    const problems = watchPage(page, hostOrigin);
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

for (const widget of Object.keys(EMBED_WIDGETS) as EmbedWidget[]) {
  test(`${widget}: sizes itself, and its default snippet height is its measured height`, async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    const url = hostPage(`default-${widget}`, [{ widget, src: `${baseURL ?? ''}embed/${widget}/?clip=vocal` }]);
    await page.goto(url);
    await expect(page.locator('iframe')).toHaveAttribute('height', String(EMBED_WIDGETS[widget].heightPx));
    await expect
      .poll(
        async () => {
          const f = await fit(page, 0);
          return (
            Math.abs(f.iframe - f.content) <= 4 &&
            Math.abs(EMBED_WIDGETS[widget].heightPx - f.content) <= 4 &&
            !f.scrolls
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
  const problems = watchPage(page, hostOrigin);
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
    (await frameOf(page, i)).evaluate(() => getComputedStyle(document.body).backgroundColor);
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

test('the builder measures its preview, gives that height, and has no axe violations', async ({ page }) => {
  const problems = watchPage(page, 'http://127.0.0.1');
  await page.goto('teach/');
  await islandsMounted(page);
  await page.getByRole('combobox', { name: 'Widget' }).selectOption('transfer-curve');
  await expect(page.getByText(/Height measured from the preview at \d+ px wide/)).toBeVisible({ timeout: 30_000 });
  const preview = page.frameLocator('iframe[title="Preview of the embed"]');
  await expect(preview.locator('.cl-transfer .cl-desc')).toContainText('On this clip', { timeout: 30_000 });
  const frame = await frameOf(page, 0);
  await expect
    .poll(async () => {
      const code = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
      const given = Number(/height="(\d+)"/.exec(code)?.[1]);
      const content = await frame.evaluate(() => document.body?.getBoundingClientRect().height ?? 0);
      return Math.abs(given - content) <= 4;
    })
    .toBe(true);
  await page.getByRole('checkbox', { name: 'Ratio' }).nth(1).check();
  await expect(page.getByRole('textbox', { name: 'Embed code' })).toHaveValue(/lock=ratio/);
  expect(await a11yProblems(page)).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });
  test('after one visit, a lesson reloads and plays with no network, and another clip loads', async ({
    page,
    context,
  }) => {
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
    await page.goto('embed/workbench/?clip=guitar');
    await expect(page.locator('.cl-waveform svg').first()).toBeVisible({ timeout: 30_000 });
    expect(problems.consoleErrors).toEqual([]);
  });
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

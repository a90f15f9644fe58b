// How much JavaScript a page loads, and when (part of `npm run bench:ui`). Every .js response, gzip -9 of its body
// (what a host that compresses would send; the preview server sends it uncompressed), sorted by the moment it
// arrived:
// - before the first interaction: from navigation until the page has loaded, the network has been quiet and the
//   browser idle for a while, with no scrolling, click or key: split into the page's own (main thread) code and
//   the scripts of the Workers it starts (the offline render runs in one from the start);
// - on first use, each step in turn: scrolling through the page (plot code loads as a plot comes near), opening
//   the search dialog and searching, pressing Play (the AudioWorklet).
// Service workers are blocked here: the offline cache fills itself after the first visit, from every file of
// the site, and would otherwise be counted too.
import { gzipSync } from 'node:zlib';

/** @param {string} url */
const isJs = (url) => /\.m?js(\?|$)/.test(url);
/** @param {string} url */
const short = (url) => url.split('/').pop()?.split('?')[0] ?? url;
/** @param {number} bytes */
const kb = (bytes) => (bytes / 1024).toFixed(1);

/**
 * @param {import('@playwright/test').Page} page
 */
async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        const idle = window.requestIdleCallback ?? ((cb) => setTimeout(cb, 50));
        idle(() => setTimeout(resolve, 1500), { timeout: 3000 });
      }),
  );
  await page.waitForLoadState('networkidle');
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{ width: number, height: number }} viewport
 */
export async function measureWeight(browser, url, viewport) {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  /** @type {Set<string>} */
  const workerUrls = new Set();
  page.on('worker', (worker) => workerUrls.add(worker.url()));
  let phase = 'before';
  /** @type {Map<string, { bytes: number, phase: string }>} */
  const files = new Map();
  /** @type {Promise<void>[]} */
  const reading = [];
  page.on('response', (response) => {
    const at = response.url();
    if (!isJs(at) || files.has(at)) return;
    const seen = phase;
    reading.push(
      response.body().then(
        (body) => void files.set(at, { bytes: gzipSync(body, { level: 9 }).length, phase: seen }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);

  phase = 'scroll';
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 120));
    }
  });
  await settle(page);

  phase = 'search';
  const searchButton = page.getByRole('button', { name: 'Search' }).first();
  let searched = 'no search button';
  if (await searchButton.count()) {
    await searchButton.click();
    const field = page.locator('#starlight__search input').first();
    await field.waitFor({ timeout: 15_000 });
    await field.fill('threshold');
    await page.locator('.pagefind-ui__result').first().waitFor({ timeout: 15_000 });
    searched = 'results shown';
    await page.keyboard.press('Escape');
  }
  await settle(page);

  phase = 'play';
  const play = page.getByRole('button', { name: /^Play/ }).first();
  let played = 'no Play button';
  if (await play.count()) {
    await play.scrollIntoViewIfNeeded();
    await play.click();
    played = 'played';
    await page.waitForTimeout(1500);
  }
  await settle(page);
  await Promise.all(reading);
  await context.close();

  const sum = (/** @type {(f: { url: string, phase: string }) => boolean} */ keep) =>
    [...files.entries()].filter(([u, f]) => keep({ url: u, phase: f.phase })).reduce((a, [, f]) => a + f.bytes, 0);
  const isWorker = (/** @type {string} */ u) => workerUrls.has(u) || /\.(worker|worklet)[-.]/.test(short(u));
  const before = [...files.entries()].filter(([u, f]) => f.phase === 'before' && !isWorker(u));
  return {
    beforeMain: sum((f) => f.phase === 'before' && !isWorker(f.url)),
    beforeMainFiles: before.length,
    beforeWorkers: sum((f) => f.phase === 'before' && isWorker(f.url)),
    scroll: sum((f) => f.phase === 'scroll'),
    search: sum((f) => f.phase === 'search'),
    play: sum((f) => f.phase === 'play'),
    searched,
    played,
    largest: before
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .slice(0, 4)
      .map(([u, f]) => `${short(u)} ${kb(f.bytes)}`)
      .join(', '),
    /** @param {string} p */
    list: (p) =>
      [...files.entries()]
        .filter(([, f]) => f.phase === p)
        .map(([u, f]) => `${short(u)} ${kb(f.bytes)}`)
        .join(', '),
  };
}

/**
 * One line per page and build.
 * @param {string} label
 * @param {Awaited<ReturnType<typeof measureWeight>>} w
 * @param {number} budgetKb
 */
export function weightLine(label, w, budgetKb) {
  const verdict = w.beforeMain / 1024 <= budgetKb ? 'within' : 'OVER';
  return (
    `${label}: before the first interaction ${kb(w.beforeMain)} KB in ${w.beforeMainFiles} files ` +
    `(budget ≤ ${budgetKb} KB: ${verdict}) + Worker scripts ${kb(w.beforeWorkers)} KB; on first use: ` +
    `scrolling +${kb(w.scroll)} KB, search (${w.searched}) +${kb(w.search)} KB, Play (${w.played}) +${kb(w.play)} KB` +
    `\n    largest before: ${w.largest}`
  );
}

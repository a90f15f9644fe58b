// npm run bench:ui — prints (does not test) how much JavaScript the lesson pages load and when, and how fast the
// plots redraw after each kind of change, measured in headless Chromium against the built site:
// - JavaScript per lesson page, at 1280 × 900 and 412 × 823 (a phone): before the first interaction (page code;
//   the Worker scripts it starts listed apart) against the 110 KB budget, then what scrolling, the search dialog
//   and Play add when first used (scripts/lib/ui-weight.mjs);
// - the transfer curve (Threshold lesson) after arrow keys, PageUp/PageDown and a mouse drag of the Threshold
//   slider, against 8 ms at p95; the envelope + waveform of the 19.2 s stereo drum clip (/embed/workbench/) after
//   arrow keys, PageUp/PageDown, a mix no render made ahead matches, a drag and clip switches, the offline render
//   in the Worker included, against 33 ms at p95 (scripts/lib/ui-redraw.mjs says how a redraw is timed).
// Needs `npm run build` first. Serves dist/ with astro preview on 127.0.0.1:BENCH_PORT (default 4331).
// BENCH_BEFORE=<folder> also measures an earlier build kept in that folder (served on BENCH_PORT + 1) and prints
// its figures beside these, in the same run. BENCH_RUNS sets the changes per measurement (default 40);
// BENCH_PARTS=weight or BENCH_PARTS=redraw runs one half.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { previewSite } from './lib/preview-site.mjs';
import { measureWeight, weightLine } from './lib/ui-weight.mjs';
import { collect, traceRenders, watchSvg } from './lib/ui-redraw.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const PARTS = (process.env.BENCH_PARTS ?? 'weight,redraw').split(',');
const BUDGET_KB = 110;
const LESSONS = ['threshold/', 'ratio/', 'attack/', 'knee/', 'what-a-compressor-does/'];
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 412, height: 823 },
];
const builds = [
  ...(process.env.BENCH_BEFORE ? [{ label: 'before', dist: process.env.BENCH_BEFORE }] : []),
  { label: 'now', dist: undefined },
];

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
/** @param {number[]} xs @param {number} budgetMs */
function stats(xs, budgetMs) {
  const p50 = quantile(xs, 0.5);
  const p95 = quantile(xs, 0.95);
  const verdict = p95 <= budgetMs ? 'within' : 'OVER';
  return {
    p50,
    p95,
    text: `p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n = ${xs.length}; budget p95 ≤ ${budgetMs} ms: ${verdict})`,
  };
}

/** @param {import('@playwright/test').Page} page */
const pause = (page, ms = 250) => page.waitForTimeout(ms);

/**
 * Presses `keys` in turn on the focused slider, or drags it, with the page watching `selector`.
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} slider
 * @param {string} selector
 * @param {'render' | 'first'} how
 * @param {string[] | 'drag'} keys
 */
async function timeChanges(page, slider, selector, how, keys) {
  await slider.focus();
  await page.evaluate(watchSvg, selector);
  if (keys === 'drag') {
    const box = await slider.boundingBox();
    if (!box) throw new Error('slider not on screen');
    const y = box.y + box.height / 2;
    const value = await slider.evaluate((el) => (el.valueAsNumber - el.min) / (el.max - el.min));
    let x = box.x + 8 + value * (box.width - 16);
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let i = 0; i < RUNS; i++) {
      x += i < RUNS / 2 ? -3 : 3;
      await page.mouse.move(x, y);
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    await pause(page, 600);
  } else {
    for (let i = 0; i < RUNS; i++) {
      await page.keyboard.press(/** @type {string} */ (keys[i % keys.length]));
      await pause(page);
    }
  }
  return page.evaluate(collect, how);
}

/** @param {import('@playwright/test').Browser} browser @param {string} origin */
async function transferTimes(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${origin}threshold/`, { waitUntil: 'networkidle' });
  const figure = page.locator('.cl-transfer').first();
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('.cl-desc', { hasText: 'On this clip' }).waitFor({ timeout: 30_000 });
  await figure.locator('.cl-plot svg').first().waitFor({ timeout: 30_000 });
  const slider = page.getByRole('slider', { name: /threshold/i }).first();
  const out = {
    arrows: await timeChanges(page, slider, '.cl-transfer .cl-plot', 'first', ['ArrowLeft', 'ArrowRight']),
    pages: await timeChanges(page, slider, '.cl-transfer .cl-plot', 'first', ['PageDown', 'PageUp']),
    drag: await timeChanges(page, slider, '.cl-transfer .cl-plot', 'first', 'drag'),
  };
  await page.close();
  return out;
}

/** @param {import('@playwright/test').Browser} browser @param {string} origin */
async function timeViewTimes(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(traceRenders);
  await page.goto(`${origin}embed/workbench/?clip=drums`, { waitUntil: 'networkidle' });
  const views = '.cl-envelope, .cl-waveform';
  await page.locator('.cl-envelope').first().scrollIntoViewIfNeeded();
  await page.locator('.cl-envelope .cl-plot svg').first().waitFor({ timeout: 30_000 });
  await page.locator('.cl-waveform .cl-plot svg').first().waitFor({ timeout: 30_000 });
  await pause(page, 1000);
  const slider = page.getByRole('slider', { name: /threshold/i }).first();
  const out = {
    arrows: await timeChanges(page, slider, views, 'render', ['ArrowLeft', 'ArrowRight']),
    pages: await timeChanges(page, slider, views, 'render', ['PageDown', 'PageUp']),
    mixed: await timeChanges(page, slider, views, 'render', ['ArrowLeft', 'PageDown', 'ArrowRight', 'PageUp']),
    drag: await timeChanges(page, slider, views, 'render', 'drag'),
  };
  // Clip switches between two 19.2 s stereo clips, both decoded once beforehand.
  const menu = page.getByRole('combobox', { name: 'Clip' }).first();
  for (const id of ['bass', 'drums']) {
    await menu.selectOption(id);
    await pause(page, 1500);
  }
  await page.evaluate(watchSvg, views);
  for (let i = 0; i < Math.min(RUNS, 16); i++) {
    await menu.selectOption(i % 2 ? 'drums' : 'bass');
    await pause(page, 600);
  }
  out.clips = await page.evaluate(collect, 'render');
  await page.close();
  return out;
}

const found = await findChromium();
// A browser of its own per build, so that neither build is measured in a browser the other has used (its Workers,
// caches and service worker, its processes' heaps). On this shared machine the same build measured twice in one
// run has read 30 and 90 ms drag p95: compare several runs, and BENCH_RUNS=80 narrows a p95.
const launch = () => chromium.launch({ ...(found ? { executablePath: found.path } : {}), args: CHROMIUM_ARGS });
/** @type {Record<string, Record<string, unknown>>} */
const summary = {};
/** @type {Map<string, string[]>} lines per measurement, one per build */
const lines = new Map();
const add = (/** @type {string} */ key, /** @type {string} */ line) =>
  lines.set(key, [...(lines.get(key) ?? []), line]);
const probe = await launch();
console.log(
  `Chromium ${probe.version()}; ${RUNS} changes per measurement; builds: ${builds.map((b) => `${b.label} (${b.dist ?? 'dist/'})`).join(', ')}`,
);
await probe.close();
for (const build of builds) {
  const browser = await launch();
  const server = await previewSite(
    'bench:ui',
    ['threshold/', 'embed/workbench/'],
    build.dist ? { dist: build.dist } : {},
  );
  const s = (summary[build.label] = {});
  try {
    for (const viewport of PARTS.includes('weight') ? VIEWPORTS : []) {
      for (const path of LESSONS) {
        const w = await measureWeight(browser, `${server.origin}${path}`, viewport);
        const key = `/${path} at ${viewport.width} × ${viewport.height}`;
        add(key, weightLine(`  ${build.label.padEnd(6)}`, w, BUDGET_KB));
        s[`js ${key}`] = Math.round((w.beforeMain / 1024) * 10) / 10;
      }
    }
    if (!PARTS.includes('redraw')) continue;
    const transfer = await transferTimes(browser, server.origin);
    for (const [kind, { times: xs }] of Object.entries(transfer)) {
      const r = stats(xs, 8);
      add(`Transfer curve redrawn after ${kind} (Threshold lesson)`, `  ${build.label.padEnd(6)} ${r.text}`);
      s[`transfer ${kind}`] = { p50: r.p50, p95: r.p95 };
    }
    const views = await timeViewTimes(browser, server.origin);
    for (const [kind, { times: xs, waits }] of Object.entries(views)) {
      const r = stats(xs, 33);
      const w = stats(waits, Infinity);
      add(
        `Envelope + waveform redrawn after ${kind}, render included (19.2 s stereo)`,
        `  ${build.label.padEnd(6)} ${r.text}\n           of which waiting for the Worker's render: p50 ${w.p50.toFixed(1)} ms, p95 ${w.p95.toFixed(1)} ms`,
      );
      s[`views ${kind}`] = { p50: r.p50, p95: r.p95 };
    }
  } finally {
    await server.close();
    await browser.close();
  }
}
console.log('JavaScript gzip per lesson page (before the first interaction; Worker scripts and first use apart):');
for (const [key, ls] of lines) {
  console.log(key.startsWith('/') ? key : `${key}:`);
  for (const l of ls) console.log(l);
}
console.log(JSON.stringify(summary));

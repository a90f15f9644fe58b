// npm run bench:ui — prints (does not test) how fast the plots repaint and how much JavaScript a lesson ships,
// measured in headless Chromium against the built site:
// - transfer curve: Threshold key press -> new curve SVG in the DOM, on the Threshold lesson;
// - envelope + waveform: Threshold key press -> both views redrawn, the offline render in the Worker included,
//   for the 19.2 s stereo drum clip on /embed/workbench/ (judged against 50 ms p95), with its parts (Worker time,
//   redraw after arrival) as detail; first for arrow-key steps (the Worker renders the likely next step ahead),
//   then for changes no render made ahead matches (the compressor runs after every press), also against 50 ms;
// - JavaScript per lesson page: every .js response (page, islands, workers), gzip -9, summed.
// Needs `npm run build` first. Serves dist/ with astro preview on 127.0.0.1:BENCH_PORT (default 4331) and closes
// everything it started.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { previewSite } from './lib/preview-site.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const server = await previewSite('bench:ui', ['threshold/', 'embed/workbench/']);
const { origin } = server;

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
/** @param {string} name @param {number[]} xs @param {number} budgetMs */
function report(name, xs, budgetMs) {
  const p50 = quantile(xs, 0.5);
  const p95 = quantile(xs, 0.95);
  const verdict = p95 <= budgetMs ? 'within' : 'OVER';
  console.log(
    `${name}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n = ${xs.length}; budget p95 ≤ ${budgetMs} ms: ${verdict})`,
  );
  return { p50, p95 };
}

const found = await findChromium();
const browser = await chromium.launch({ ...(found ? { executablePath: found.path } : {}), args: CHROMIUM_ARGS });
const summary = {};
try {
  console.log(`Chromium ${browser.version()}, viewport 1280 × 900, ${RUNS} changes per measurement`);

  // JavaScript shipped per lesson page.
  for (const path of ['threshold/', 'ratio/', 'what-a-compressor-does/']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    /** @type {Map<string, number>} */
    const files = new Map();
    page.on('response', async (response) => {
      const url = response.url();
      if (!url.endsWith('.js') && !url.includes('.js?')) return;
      try {
        files.set(url, gzipSync(await response.body(), { level: 9 }).length);
      } catch {
        /* a response without a body (redirect) */
      }
    });
    await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(2000);
    const total = [...files.values()].reduce((a, b) => a + b, 0) / 1024;
    const biggest = [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([url, size]) => `${url.split('/').pop()} ${(size / 1024).toFixed(1)}`)
      .join(', ');
    console.log(
      `/${path}: ${total.toFixed(1)} KB of JavaScript gzip in ${files.size} files (budget 150 KB) — largest: ${biggest}`,
    );
    summary[`js:${path}`] = total;
    await page.close();
  }

  // Transfer curve: key press -> new SVG.
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}threshold/`, { waitUntil: 'networkidle' });
    await page.locator('.cl-transfer .cl-plot svg').first().waitFor();
    await page.locator('.cl-transfer .cl-desc', { hasText: 'On this clip' }).first().waitFor({ timeout: 30_000 });
    const times = await page.evaluate(async (runs) => {
      const slider = document.querySelector('.cl-control input[type="range"]');
      const host = document.querySelector('.cl-transfer .cl-plot');
      if (!slider || !host) throw new Error('no transfer curve on the page');
      const out = [];
      for (let i = 0; i < runs; i++) {
        const changed = new Promise((resolve) => {
          const mo = new MutationObserver(() => {
            mo.disconnect();
            resolve(performance.now());
          });
          mo.observe(host, { childList: true, subtree: true });
        });
        const t0 = performance.now();
        slider.dispatchEvent(new KeyboardEvent('keydown', { key: i % 2 ? 'ArrowRight' : 'ArrowLeft', bubbles: true }));
        const t1 = await changed;
        out.push(t1 - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
      }
      return out;
    }, RUNS);
    summary.transfer = report('Transfer curve repaint after a Threshold change', times, 16);
    await page.close();
  }

  // Envelope + waveform: key press -> both views redrawn, the offline render in the Worker included (judged), and
  // its parts: the Worker's render, and the redraw once the render has arrived.
  {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const Native = window.Worker;
      const arrivals = [];
      Object.assign(window, { __clArrivals: arrivals });
      window.Worker = class extends Native {
        constructor(url, options) {
          super(url, options);
          this.addEventListener('message', (event) => {
            if (event.data && event.data.type === 'render') {
              arrivals.push({ t: performance.now(), workMs: event.data.workMs, renderMs: event.data.renderMs });
            }
          });
        }
      };
    });
    await page.goto(`${origin}embed/workbench/?clip=drums`, { waitUntil: 'networkidle' });
    await page.locator('.cl-envelope .cl-plot svg').first().waitFor({ timeout: 30_000 });
    await page.locator('.cl-waveform .cl-plot svg').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    const runs = Math.min(RUNS, 40);
    /** @param {string[]} keys pressed in turn */
    const measure = (keys) =>
      page.evaluate(
        async ({ n, keys }) => {
          const arrivals = window.__clArrivals;
          const slider = document.querySelector('.cl-control input[type="range"]');
          const views = [...document.querySelectorAll('.cl-envelope, .cl-waveform')];
          if (!slider || views.length !== 2) throw new Error('workbench without envelope and waveform');
          let lastMutation = 0;
          const mo = new MutationObserver(() => {
            lastMutation = performance.now();
          });
          for (const v of views) mo.observe(v, { childList: true, subtree: true });
          const total = [];
          const work = [];
          const compressor = [];
          const repaint = [];
          for (let i = 0; i < n; i++) {
            const seen = arrivals.length;
            const t0 = performance.now();
            slider.dispatchEvent(new KeyboardEvent('keydown', { key: keys[i % keys.length], bubbles: true }));
            while (arrivals.length === seen) await new Promise((r) => setTimeout(r, 2));
            const arrived = arrivals[arrivals.length - 1];
            // Let the redraw happen and settle: two frames and a pause with no further mutation.
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150))));
            total.push(lastMutation - t0);
            work.push(arrived.workMs);
            compressor.push(arrived.renderMs);
            repaint.push(lastMutation - arrived.t);
          }
          mo.disconnect();
          return { total, work, compressor, repaint };
        },
        { n: runs, keys },
      );
    const steps = await measure(['ArrowLeft', 'ArrowRight']);
    summary.views = report(
      'Envelope + waveform: key press -> both views redrawn, render included (19.2 s stereo, ArrowLeft/ArrowRight)',
      steps.total,
      50,
    );
    report('  of which the Worker answering the render request (work inside the Worker)', steps.work, Infinity);
    report('  (the compressor + summaries took, ahead of the request)', steps.compressor, Infinity);
    report('  of which the redraw after the render has arrived', steps.repaint, Infinity);
    // Every change a step of another size, so no render made ahead applies: the compressor runs on every press.
    const cold = await measure(['ArrowLeft', 'PageDown', 'ArrowRight', 'PageUp']);
    summary.viewsUnpredicted = report(
      'Envelope + waveform: key press -> redrawn when no render made ahead applies (ArrowLeft, PageDown, ArrowRight, PageUp)',
      cold.total,
      50,
    );
    report('  of which the Worker rendering (work inside the Worker)', cold.work, Infinity);
    report('  of which the redraw after the render has arrived', cold.repaint, Infinity);
    await page.close();
  }
  console.log(JSON.stringify(summary));
} finally {
  await browser.close();
  await server.close();
}

// npm run bench:own-audio — prints (does not test) how the page fares while a learner's 10-minute stereo file is
// opened, decoded, rendered and measured, and then re-rendered after a settings change, on /embed/workbench/ in
// headless Chromium: the longest main-thread task (PerformanceObserver 'longtask', tasks over 50 ms) in each phase,
// how many long tasks there were, and how long each phase took. The file (48 kHz, 16-bit stereo, 10:00) is made
// here from src/dsp test signals. Needs `npm run build` first; serves dist/ on 127.0.0.1:BENCH_PORT (default 4331).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { previewSite } from './lib/preview-site.mjs';

const RATE = 48000;
const SECONDS = 600;

/** 10 minutes of two-level tone bursts (different rhythms left and right) as a 16-bit stereo WAV. */
function tenMinuteWav() {
  const frames = RATE * SECONDS;
  const bytes = new Uint8Array(44 + frames * 4);
  const v = new DataView(bytes.buffer);
  const ascii = (at, s) => [...s].forEach((c, i) => v.setUint8(at + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  v.setUint32(4, 36 + frames * 4, true);
  ascii(8, 'WAVEfmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 2, true);
  v.setUint32(24, RATE, true);
  v.setUint32(28, RATE * 4, true);
  v.setUint16(32, 4, true);
  v.setUint16(34, 16, true);
  ascii(36, 'data');
  v.setUint32(40, frames * 4, true);
  for (let i = 0, p = 44; i < frames; i++, p += 4) {
    const l = (i % 48000 < 33600 ? 0.03 : 0.5) * Math.sin((2 * Math.PI * 220 * i) / RATE);
    const r = (i % 36000 < 14400 ? 0.05 : 0.6) * Math.sin((2 * Math.PI * 330 * i) / RATE);
    v.setInt16(p, Math.round(l * 32767), true);
    v.setInt16(p + 2, Math.round(r * 32767), true);
  }
  return bytes;
}

const dir = join(tmpdir(), 'compressor-lab-bench');
mkdirSync(dir, { recursive: true });
const file = join(dir, 'ten-minutes.wav');
if (!existsSync(file)) writeFileSync(file, tenMinuteWav());

const server = await previewSite('bench:own-audio', ['embed/workbench/']);
const found = await findChromium();
const browser = await chromium.launch({ ...(found ? { executablePath: found.path } : {}), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    const w = /** @type {any} */ (window);
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.origin}embed/workbench/?clip=drums`);
  await page.getByText(/^0:00 \/ 0:1\d$/).waitFor();
  await page.waitForTimeout(1500);

  /** Runs `act`, waits for `done`, returns the long tasks of that span. */
  async function phase(name, act, done) {
    const t0 = await page.evaluate(() => performance.now());
    const wall = Date.now();
    await act();
    await done();
    const tasks = await page.evaluate((from) => window.__longTasks.filter((t) => t.start >= from), t0);
    const longest = tasks.reduce((m, t) => Math.max(m, t.ms), 0);
    console.log(
      `${name}: longest main-thread task ${longest.toFixed(0)} ms, ${tasks.length} task(s) over 50 ms, ` +
        `${((Date.now() - wall) / 1000).toFixed(1)} s in all`,
    );
    return longest;
  }

  console.log(`Chromium ${browser.version()}, 10:00 stereo 48 kHz 16-bit WAV (${(RATE * SECONDS * 4) / 1e6} MB)`);
  await phase(
    'open → decoded, rendered, plotted, loudness measured',
    () => page.getByLabel('Your own audio file').setInputFiles(file),
    async () => {
      await page.getByText('0:00 / 10:00').waitFor({ timeout: 120_000 });
      await page.getByText(/^From 0 ms to 600 s/).waitFor({ timeout: 120_000 });
      await page.getByText(/Compressed is .* (quieter|louder|as loud)/).waitFor({ timeout: 120_000 });
    },
  );
  await phase(
    'threshold −20 → −30 dB → re-rendered and re-plotted',
    async () => {
      const field = page.getByRole('textbox', { name: 'Threshold in dB, type a value' });
      await field.fill('-30');
      await field.press('Enter');
    },
    () =>
      page.getByText(/^From 0 ms to 600 s the level goes above the threshold of −30 dB/).waitFor({ timeout: 120_000 }),
  );
} finally {
  await browser.close();
  await server.close();
}

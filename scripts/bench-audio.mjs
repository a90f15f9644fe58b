// npm run bench:audio — prints (does not test) the listening path's speed in real Chromium, from the built site:
// - the worklet's own work per 128-frame block (StreamingCompressor + A/B mixer, stereo), µs;
// - each clip rendered offline through our worklet in an OfflineAudioContext, beside the browser's native
//   DynamicsCompressorNode rendering the same clip, and their ratio, measured interleaved in the same run;
// - the plain JavaScript renderOffline of each clip (what the plots use).
// Needs `npm run build:test` first (the test build's player page carries the hook, tests/hooks/). Serves
// dist-test/ with astro preview on 127.0.0.1:BENCH_PORT (default 4331) and closes everything it started.
import { chromium } from '@playwright/test';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { previewSite } from './lib/preview-site.mjs';

const server = await previewSite('bench:audio', ['test-hooks/player/'], { testHooks: true });

const found = await findChromium();
const browser = await chromium.launch({ ...(found ? { executablePath: found.path } : {}), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}test-hooks/player/`);
  const results = await page.evaluate(async () => {
    const entry = window.__compressorLab;
    if (!entry) throw new Error('the test hook is missing on /test-hooks/player/');
    return (await entry.load()).bench();
  });
  const rows = Object.entries(results).map(([id, r]) => ({
    clip: id,
    s: r.durationS.toFixed(1),
    'worklet work µs/block': r.workletBlockUs.toFixed(2),
    'worklet in graph µs/block': r.workletGraphBlockUs.toFixed(2),
    'ours (worklet) offline ms': r.oursOfflineMs.toFixed(1),
    'native offline ms': r.nativeOfflineMs.toFixed(1),
    'ours / native': r.ratioOursToNative.toFixed(2),
    'JS renderOffline ms': r.jsRenderOfflineMs.toFixed(1),
    'JS / native': r.ratioJsToNative.toFixed(2),
  }));
  console.log(`Chromium ${browser.version()}, default settings (−20 dB, 4:1, 10/100 ms), stereo, median of 3 runs`);
  console.log('native = DynamicsCompressorNode in an OfflineAudioContext (speed reference only; never used for sound)');
  console.table(rows);
  const block = 128 / 48000;
  const worst = Math.max(...Object.values(results).map((r) => r.workletBlockUs));
  console.log(
    `Real-time budget per 128-frame block at 48 kHz: ${(block * 1e6).toFixed(0)} µs; the worklet's work uses at most ${((worst / (block * 1e6)) * 100).toFixed(2)} % of it.`,
  );
  console.log(JSON.stringify(results));
} finally {
  await browser.close();
  await server.close();
}

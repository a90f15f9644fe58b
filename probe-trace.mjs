import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://127.0.0.1:4405/embed/workbench/?clip=drums');
await page.getByText(/^0:00 \/ 0:1\d$/).waitFor();
await page.waitForTimeout(1000);
await page.getByLabel('Your own audio file').setInputFiles('/tmp/compressor-lab-bench/ten-minutes.wav');
await page.getByText(/^From 0 ms to 600 s/).waitFor({ timeout: 120000 });
await page.getByText(/Compressed is .* (quieter|louder|as loud)/).waitFor({ timeout: 120_000 });
await page.waitForTimeout(1000);
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'disabled-by-default-v8.gc', 'toplevel'] });
const field = page.getByRole('textbox', { name: 'Threshold in dB, type a value' });
await field.fill('-30');
await field.press('Enter');
await page.getByText(/^From 0 ms to 600 s the level goes above the threshold of −30 dB/).waitFor({ timeout: 120_000 });
await page.waitForTimeout(1500);
const buf = await browser.stopTracing();
const { traceEvents } = JSON.parse(buf.toString());
const main = traceEvents.filter((e) => e.name === 'RunTask' && e.dur > 50000);
// main renderer thread: find thread name CrRendererMain
const names = new Map(traceEvents.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
for (const t of main) {
  const th = names.get(`${t.pid}:${t.tid}`);
  if (th !== 'CrRendererMain') continue;
  const inside = traceEvents.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts < t.ts + t.dur && e.dur > 3000 && e !== t);
  console.log(`TASK ${(t.dur / 1000).toFixed(0)} ms`);
  for (const e of inside.slice(0, 40)) console.log(`   ${e.name} ${(e.dur / 1000).toFixed(0)} ms ${JSON.stringify(e.args?.data ?? {}).slice(0, 140)}`);
}
await browser.close();

import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://127.0.0.1:4405/embed/workbench/?clip=drums');
await page.getByText(/^0:00 \/ 0:1\d$/).waitFor();
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
await cdp.send('Profiler.start');
await page.getByLabel('Your own audio file').setInputFiles('/tmp/compressor-lab-bench/ten-minutes.wav');
await page.getByText(/^From 0 ms to 600 s/).waitFor({ timeout: 120000 });
await page.getByText(/Compressed is .* (quieter|louder|as loud)/).waitFor({ timeout: 120_000 });
const { profile } = await cdp.send('Profiler.stop');
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; 
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) { const n = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`; self.set(k, (self.get(k) ?? 0) + us); }
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
for (const [id, us] of counts) { const n = byId.get(id); if (n.callFrame.functionName === 'fe' || n.callFrame.functionName === 'post') { let p = parent.get(id); const chain = []; while (p && chain.length < 6) { const q = byId.get(p); chain.push(q.callFrame.functionName + ':' + q.callFrame.url.split('/').pop() + ':' + q.callFrame.columnNumber); p = parent.get(p); } console.log((us/1000).toFixed(0), n.callFrame.functionName, chain.join(' < ')); } }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, us]) => `${(us / 1000).toFixed(0)} ms ${k}`).join('\n'));
await browser.close();

// npm run bench:lighthouse — prints (does not test) Lighthouse's mobile performance audit of lesson pages:
// the performance score (budget ≥ 95), LCP (budget < 2 s), FCP, TBT, CLS and Speed Index, the LCP element and
// what Lighthouse says would save the most. Lighthouse 12.8 with its default (mobile, simulated slow 4G and 4×
// CPU slowdown) settings, in the system's Chromium (scripts/find-chromium.mjs) started by chrome-launcher.
// Needs `npm run build` first. Serves dist/ with astro preview on 127.0.0.1:BENCH_PORT (default 4331);
// BENCH_BEFORE=<folder> also audits an earlier build kept in that folder (served on BENCH_PORT + 1) and prints
// it beside this one. LIGHTHOUSE_RUNS runs per page (default 3; the median run by score is shown). Audits every
// lesson page (content/lessons, in sidebar order); LIGHTHOUSE_PAGES=threshold/,ratio/ audits just those.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { previewSite } from './lib/preview-site.mjs';
import { lessonSidebar } from './lesson-sidebar.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = process.env.LIGHTHOUSE_PAGES
  ? process.env.LIGHTHOUSE_PAGES.split(',').map((p) => p.trim().replace(/^\/?(.*?)\/?$/, '$1/'))
  : lessonSidebar(new URL('../content/lessons', import.meta.url).pathname).map(({ slug }) => `${slug}/`);
const builds = [
  ...(process.env.BENCH_BEFORE ? [{ label: 'before', dist: process.env.BENCH_BEFORE }] : []),
  { label: 'now', dist: undefined },
];

const found = await findChromium();
if (!found) {
  console.error('bench:lighthouse: no Chromium found (set CHROMIUM_PATH).');
  process.exit(1);
}

/** @param {number} ms */
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** @param {import('lighthouse').Result} lhr */
function line(lhr) {
  const a = lhr.audits;
  const score = Math.round((lhr.categories.performance?.score ?? 0) * 100);
  const lcp = a['largest-contentful-paint']?.numericValue ?? NaN;
  const verdict = `${score >= 95 ? 'within' : 'OVER'} / ${lcp < 2000 ? 'within' : 'OVER'}`;
  return (
    `performance ${score}, LCP ${s(lcp)} (budgets ≥ 95, < 2 s: ${verdict}), FCP ` +
    `${s(a['first-contentful-paint']?.numericValue ?? NaN)}, TBT ${Math.round(a['total-blocking-time']?.numericValue ?? NaN)} ms, ` +
    `CLS ${(a['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)}, Speed Index ${s(a['speed-index']?.numericValue ?? NaN)}`
  );
}

/** @param {import('lighthouse').Result} lhr */
function details(lhr) {
  const a = lhr.audits;
  /** @type {string[]} */
  const out = [];
  const lcpEl = /** @type {{ items?: { items?: { node?: { snippet?: string } }[] }[] } | undefined} */ (
    a['largest-contentful-paint-element']?.details
  );
  const snippet = lcpEl?.items?.[0]?.items?.[0]?.node?.snippet;
  if (snippet) out.push(`LCP element: ${snippet.slice(0, 120)}`);
  const savings = Object.values(a)
    .map((x) => ({ title: x.title, ms: Number(/** @type {any} */ (x.details)?.overallSavingsMs ?? 0) }))
    .filter((x) => x.ms > 0)
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 3)
    .map((x) => `${x.title} (${Math.round(x.ms)} ms)`);
  if (savings.length > 0) out.push(`would save most: ${savings.join('; ')}`);
  const tasks = /** @type {{ items?: { url?: string, duration?: number }[] } | undefined} */ (a['long-tasks']?.details);
  const long = (tasks?.items ?? [])
    .slice(0, 4)
    .map((t) => `${(t.url ?? '').split('/').pop() || 'page'} ${Math.round(t.duration ?? 0)} ms`);
  if (long.length > 0) out.push(`longest main-thread tasks (4× CPU slowdown): ${long.join(', ')}`);
  return out.map((l) => `           ${l}`).join('\n');
}

const chrome = await chromeLauncher.launch({
  chromePath: found.path,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
/** @type {Map<string, string[]>} */
const lines = new Map();
try {
  for (const build of builds) {
    const server = await previewSite('bench:lighthouse', PAGES, build.dist ? { dist: build.dist } : {});
    try {
      for (const path of PAGES) {
        /** @type {import('lighthouse').Result[]} */
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await lighthouse(`${server.origin}${path}`, {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance'],
          });
          if (result) runs.push(result.lhr);
        }
        runs.sort((x, y) => (x.categories.performance?.score ?? 0) - (y.categories.performance?.score ?? 0));
        const median = runs[Math.floor(runs.length / 2)];
        if (!median) continue;
        const scores = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join(', ');
        lines.set(path, [
          ...(lines.get(path) ?? []),
          `  ${build.label.padEnd(6)} ${line(median)} (scores of ${runs.length} runs: ${scores})\n${details(median)}`,
        ]);
      }
    } finally {
      await server.close();
    }
  }
  console.log(
    `Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile defaults, ${found.path}; median of ${RUNS} runs by score`,
  );
  for (const [path, ls] of lines) {
    console.log(`/${path}`);
    for (const l of ls) console.log(l);
  }
} finally {
  chrome.kill();
}

// Serves the built site for the benchmarks with Astro's own preview server (as `npm run preview` does), on
// 127.0.0.1 at BENCH_PORT (default 4331). `testHooks` serves the test build (dist-test/, `npm run build:test`)
// instead of dist/; `dist` serves another build folder (e.g. a copy of an earlier build, to compare).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview } from 'astro';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Exits with a one-line message unless every page exists in the build; otherwise starts the preview server.
 * @param {string} name the benchmark, for the message
 * @param {string[]} pages site-relative folders, e.g. 'threshold/'
 * @param {{ testHooks?: boolean, dist?: string }} [options]
 */
export async function previewSite(name, pages, { testHooks = false, dist } = {}) {
  // astro.config.mjs reads this flag: the test build and its outDir.
  if (testHooks) process.env.COMPRESSOR_LAB_TEST_HOOKS = '1';
  const outDir = dist ?? join(root, testHooks ? 'dist-test' : 'dist');
  const missing = pages.filter((page) => !existsSync(join(outDir, page, 'index.html')));
  if (missing.length > 0) {
    const build = testHooks ? 'npm run build:test' : 'npm run build';
    console.error(`${name}: ${missing.join(', ')} missing from ${outDir}; run \`${build}\` first.`);
    process.exit(1);
  }
  const host = '127.0.0.1';
  const port = Number(process.env.BENCH_PORT ?? 4331) + (dist ? 1 : 0);
  const server = await preview({ root, outDir, logLevel: 'warn', server: { host, port } });
  const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
  return { origin: `http://${host}:${server.port}${base}`, close: () => server.stop() };
}

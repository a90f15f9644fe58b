// Offline classrooms: an Astro integration that, on `astro build` only, writes a Workbox service worker
// (dist/sw.js, via workbox-build's generateSW) precaching every page, script, style, icon, the search index and
// both encodings of every example clip, and puts a few lines in each page's head that register it. After one
// visit, every lesson, embed and clip works without a network. `astro dev` gets neither, so hot reload and the
// dev server's own module requests are never served from a cache.
import { fileURLToPath } from 'node:url';
import { generateSW } from 'workbox-build';

/** @param {string} base the site's base path, e.g. "/" or "/compressor-lab/" */
export function offline(base) {
  const root = base.replace(/\/?$/, '/');
  return {
    name: 'compressor-lab-offline',
    hooks: {
      /** @param {{ command: string, injectScript: (stage: 'head-inline', content: string) => void }} options */
      'astro:config:setup': ({ command, injectScript }) => {
        if (command !== 'build') return;
        injectScript(
          'head-inline',
          `if ('serviceWorker' in navigator && self.origin !== 'null') addEventListener('load', () => ` +
            `navigator.serviceWorker.register(${JSON.stringify(`${root}sw.js`)}, { scope: ${JSON.stringify(root)} })` +
            `.catch(() => undefined));`,
        );
      },
      /** @param {{ dir: URL, logger: { info: (m: string) => void } }} options */
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          globDirectory: out,
          globPatterns: ['**/*.{html,js,mjs,css,svg,png,json,webmanifest,woff2,opus,m4a,pf_meta,pf_index,pf_fragment}'],
          globIgnores: ['sw.js', 'workbox-*.js', '404.html'],
          swDest: `${out}/sw.js`,
          modifyURLPrefix: { '': root },
          // Embed and lesson addresses carry their settings in the query; the page itself is the same file.
          ignoreURLParametersMatching: [/.*/],
          directoryIndex: 'index.html',
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          skipWaiting: true,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
          sourcemap: false,
          mode: 'production',
        });
        for (const warning of warnings) logger.info(`service worker: ${warning}`);
        logger.info(`service worker: precaches ${count} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}

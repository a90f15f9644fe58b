// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import starlight from '@astrojs/starlight';
import { lessonSidebar } from './scripts/lesson-sidebar.mjs';
import { clipManifest } from './scripts/build/clip-manifest.mjs';
import { distHygiene } from './scripts/build/dist-hygiene.mjs';
import { plotStubAliases } from './src/widgets/shared/plot-stubs/aliases.mjs';
import { offline } from './scripts/build/offline.mjs';

const lazyPagefindUi = fileURLToPath(new URL('./src/components/lazy-pagefind-ui.ts', import.meta.url));

// Deploying under a sub-path (e.g. https://example.org/compressor-lab/) needs BASE_PATH=/compressor-lab/ at build
// time; SITE_URL sets the canonical origin used in the sitemap.
const base = process.env.BASE_PATH ?? '/';
const site = process.env.SITE_URL ?? 'https://compressor-lab.example';
// COMPRESSOR_LAB_TEST_HOOKS=1 (npm run build:test) builds the site plus the test-only pages of tests/hooks/ into
// dist-test/ for the browser tests and bench:audio; `npm run build` (dist/) never contains them.
const testHooks = process.env.COMPRESSOR_LAB_TEST_HOOKS === '1';
const testIntegrations = testHooks ? [(await import('./tests/hooks/integration.mjs')).testHooks()] : [];

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: testHooks ? './dist-test' : './dist',
  integrations: [
    starlight({
      title: 'Compressor Lab',
      description: 'Learn audio dynamic range compression by ear and by eye, with a real compressor on real audio.',
      logo: { src: './src/assets/logo.svg', alt: 'Compressor Lab' },
      favicon: '/favicon.svg',
      // Installable for offline classrooms (scripts/offline.mjs writes the service worker).
      // src/pages/404.astro: Starlight's "not found" text plus the list of embeddable widgets.
      disable404Route: true,
      head: [{ tag: 'link', attrs: { rel: 'manifest', href: `${base.replace(/\/?$/, '/')}manifest.webmanifest` } }],
      sidebar: [
        { label: 'Lessons', items: lessonSidebar('./content/lessons') },
        { label: 'Practice by ear', link: '/practice/' },
      ],
      customCss: ['./src/styles/site.css'],
      components: { PageTitle: './src/components/LessonTitle.astro', Footer: './src/components/LessonFooter.astro' },
      pagination: true,
      lastUpdated: false,
    }),
    mdx(),
    // JSX (and Preact's hot-reload code) only in .tsx files: plain .ts modules also run in the AudioWorklet,
    // whose global scope has no `self` or `window` for that code to use.
    preact({ include: ['**/*.tsx'] }),
    clipManifest(),
    ...testIntegrations,
    distHygiene({ testHooks }),
    // Last: the service worker precaches the files the integrations above leave in the build.
    offline(base),
  ],
  vite: {
    resolve: {
      alias: [
        // Observable Plot imports d3's map projections and colour schemes; the plots never use them (~17 KB gzip).
        ...Object.entries(plotStubAliases).map(([find, replacement]) => ({ find, replacement })),
        // Starlight's search UI loads when the search dialog first opens, not on every page (27 KB gzip).
        { find: /^@pagefind\/default-ui$/, replacement: lazyPagefindUi },
      ],
    },
  },
});

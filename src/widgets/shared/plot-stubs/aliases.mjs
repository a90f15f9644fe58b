// Vite aliases that keep two d3 modules Observable Plot imports but Compressor Lab never uses (map projections and
// colour schemes, ~17 KB gzip) out of the site's JavaScript, so a lesson page stays within its 150 KB budget.
// Used by astro.config.mjs (vite.resolve.alias). Unit tests and Node scripts use the real modules.
import { fileURLToPath } from 'node:url';

export const plotStubAliases = {
  'd3-geo': fileURLToPath(new URL('./d3-geo.js', import.meta.url)),
  'd3-scale-chromatic': fileURLToPath(new URL('./d3-scale-chromatic.js', import.meta.url)),
};

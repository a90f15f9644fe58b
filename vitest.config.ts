import { defineConfig } from 'vitest/config';
import { plotStubAliases } from './src/widgets/shared/plot-stubs/aliases.mjs';

// Unit tests only (Node). Playwright specs live in tests/e2e and are run by `npm run test:e2e`.
export default defineConfig({
  // The plots render with the same d3 stand-ins the site ships (astro.config.mjs): Observable Plot is inlined so
  // Vite resolves its imports through these aliases instead of Node loading the real modules.
  resolve: { alias: plotStubAliases },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**', 'dist-test/**'],
    environment: 'node',
    testTimeout: 60_000,
    server: { deps: { inline: ['@observablehq/plot'] } },
  },
});

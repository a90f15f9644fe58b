// Astro integration for the test build only (astro.config.mjs adds it when COMPRESSOR_LAB_TEST_HOOKS=1, which
// also sends the build to dist-test/): adds /test-hooks/player/, the player page with the test hook installed, for
// tests/e2e/listening*.spec.ts and scripts/bench-audio.mjs. `npm run build` (dist/) never contains it.

/** @returns {import('astro').AstroIntegration} */
export function testHooks() {
  return {
    name: 'compressor-lab-test-hooks',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({
          pattern: '/test-hooks/player',
          entrypoint: new URL('./player.astro', import.meta.url),
          prerender: true,
        });
      },
    },
  };
}

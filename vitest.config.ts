import { defineConfig } from 'vitest/config';

// Unit tests only (Node). Playwright specs live in tests/e2e and are run by `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'node',
    testTimeout: 60_000,
  },
});

import { test, expect } from '@playwright/test';
import { sitemapPaths, watchPage } from './support/site';
import { a11yProblems, islandsMounted } from './support/a11y';

const paths = sitemapPaths();

test('the sitemap lists the home page, at least one lesson and the glossary', () => {
  expect(paths).toContain('');
  expect(paths).toContain('what-a-compressor-does/');
  expect(paths).toContain('glossary/');
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of paths) {
    test(`/${path} (${scheme}) loads cleanly, stays on this host, has no axe violations and no duplicate ids`, async ({
      page,
      baseURL,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first()).toBeVisible();
      await islandsMounted(page);

      expect(await a11yProblems(page)).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }
}

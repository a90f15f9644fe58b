import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { sitemapPaths, watchPage } from './support/site';

const paths = sitemapPaths();
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the sitemap lists the home page and at least one lesson', () => {
  expect(paths).toContain('');
  expect(paths).toContain('what-a-compressor-does/');
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of paths) {
    test(`/${path} (${scheme}) loads cleanly, stays on this host and has no axe violations`, async ({
      page,
      baseURL,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const problems = watchPage(page, new URL(baseURL ?? '').origin);
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1').first()).toBeVisible();

      const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
      const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
      expect(violations).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);
    });
  }
}

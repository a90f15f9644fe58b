import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Every id used by more than one element on the page, with how many use it (shadow roots included). */
export function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const counts = new Map<string, number>();
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('[id]')) counts.set(el.id, (counts.get(el.id) ?? 0) + 1);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return [...counts].filter(([, n]) => n > 1).map(([id, n]) => `duplicate id "${id}" on ${n} elements`);
  });
}

/** Waits until every Astro island on the page has mounted (client:only islands render nothing before). */
export async function islandsMounted(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll('astro-island')].every((island) => !island.hasAttribute('ssr')),
  );
}

/**
 * What is wrong with the page's accessibility now: axe's WCAG violations, the duplicate-id rules axe leaves as
 * "incomplete" (needs review), and a direct check of the DOM for ids used twice, which break every label,
 * description and reference that points at them.
 */
export async function a11yProblems(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const where = (nodes: { target: unknown }[]) => nodes.map((n) => String(n.target)).join(', ');
  const violations = axe.violations.map((v) => `${v.id}: ${v.help} (${where(v.nodes)})`);
  const incomplete = axe.incomplete
    .filter((r) => r.id.startsWith('duplicate-id'))
    .map((r) => `${r.id} (needs review): ${r.help} (${where(r.nodes)})`);
  return [...violations, ...incomplete, ...(await duplicateIds(page))];
}

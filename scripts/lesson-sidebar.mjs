// Builds the Starlight sidebar from the lessons' own `order` frontmatter, so the order lives in one place.
// Runs at config time, before content collections exist, so it reads the frontmatter directly.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @param {string} text */
function frontmatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return match?.[1] ?? '';
}

/** @param {string} block @param {string} key */
function field(block, key) {
  const match = new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(block);
  return match?.[1]?.trim().replace(/^['"]|['"]$/g, '');
}

/**
 * @param {string} dir folder holding the lesson .md/.mdx files
 * @returns {{ label: string; slug: string }[]}
 */
export function lessonSidebar(dir) {
  return readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => {
      const block = frontmatter(readFileSync(join(dir, name), 'utf8'));
      const order = Number(field(block, 'order'));
      const title = field(block, 'title');
      if (!Number.isFinite(order) || !title) {
        throw new Error(`${name}: lesson frontmatter needs a title and a numeric order`);
      }
      const label = field(block, 'sidebarLabel') ?? title;
      return { label, slug: name.replace(/\.mdx?$/, ''), order };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ label, slug }) => ({ label, slug }));
}

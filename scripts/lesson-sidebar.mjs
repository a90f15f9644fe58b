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
 * The lessons in `order`, then the site pages kept beside them (`kind: page`, e.g. the glossary) by title.
 * @param {string} dir folder holding the lesson .md/.mdx files
 * @returns {{ label: string; slug: string }[]}
 */
export function lessonSidebar(dir) {
  const entries = readdirSync(dir)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => {
      const block = frontmatter(readFileSync(join(dir, name), 'utf8'));
      const page = field(block, 'kind') === 'page';
      const order = page ? Infinity : Number(field(block, 'order'));
      const title = field(block, 'title');
      if ((!page && !Number.isFinite(order)) || !title) {
        throw new Error(`${name}: lesson frontmatter needs a title and a numeric order (or kind: page)`);
      }
      const label = field(block, 'sidebarLabel') ?? title;
      return { label, slug: name.replace(/\.mdx?$/, ''), order };
    });
  return entries
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ label, slug }) => ({ label, slug }));
}

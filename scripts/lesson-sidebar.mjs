// Builds the Starlight sidebar from the lessons' own `order` frontmatter, so the order lives in one place.
// Runs at config time, before content collections exist, so it reads the frontmatter itself: the block between
// the opening `---` fences, parsed by the `yaml` library (the full schema is checked later by src/content.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The frontmatter of a Markdown/MDX file as an object ({} when there is none).
 * @param {string} text
 * @returns {Record<string, unknown>}
 */
export function frontmatter(text) {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  const data = match?.[1] ? parse(match[1]) : null;
  return data && typeof data === 'object' && !Array.isArray(data) ? data : {};
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
      const data = frontmatter(readFileSync(join(dir, name), 'utf8'));
      const { title, sidebarLabel } = data;
      const page = data.kind === 'page';
      const order = page ? Infinity : data.order;
      if ((!page && (typeof order !== 'number' || !Number.isFinite(order))) || typeof title !== 'string' || !title) {
        throw new Error(`${name}: lesson frontmatter needs a title and a numeric order (or kind: page)`);
      }
      const label = typeof sidebarLabel === 'string' && sidebarLabel ? sidebarLabel : title;
      return { label, slug: name.replace(/\.mdx?$/, ''), order };
    });
  return entries
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ label, slug }) => ({ label, slug }));
}

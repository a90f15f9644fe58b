import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frontmatter, lessonSidebar } from '../../../scripts/lesson-sidebar.mjs';

const dir = mkdtempSync(join(tmpdir(), 'lessons-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lessonSidebar', () => {
  it('reads YAML frontmatter (quotes, colons, comments) and orders by `order`', () => {
    writeFileSync(join(dir, 'b.mdx'), '---\ntitle: "Knee: soft or hard"\norder: 2 # second\n---\n\nText: not: yaml\n');
    writeFileSync(join(dir, 'a.md'), "---\ntitle: 'Threshold'\nsidebarLabel: Where it starts\norder: 1\n---\n");
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(lessonSidebar(dir)).toEqual([
      { label: 'Where it starts', slug: 'a' },
      { label: 'Knee: soft or hard', slug: 'b' },
    ]);
  });

  it('refuses a lesson without a numeric order', () => {
    expect(frontmatter('---\ntitle: X\norder: "3"\n---\n')).toEqual({ title: 'X', order: '3' });
    writeFileSync(join(dir, 'c.mdx'), '---\ntitle: X\norder: "3"\n---\n');
    expect(() => lessonSidebar(dir)).toThrow(/c\.mdx: lesson frontmatter needs a title and a numeric order/);
  });

  it('gives {} for a file without frontmatter', () => {
    expect(frontmatter('# Just Markdown\n')).toEqual({});
  });
});

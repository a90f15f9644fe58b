/**
 * Terms a learner meets before they are explained (issue 9, item 9): each lesson explains LU and ΔLU, detector
 * level, transient and lookahead where it first uses them, with a link to the glossary entry, and the glossary
 * has an entry (a heading, and so an anchor) for every one of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every lesson (not the site pages kept beside them, such as the glossary itself). */
const LESSONS = readdirSync('content/lessons')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.replace(/\.mdx$/, ''))
  .filter((name) => !/^kind: page$/m.test(readFileSync(`content/lessons/${name}.mdx`, 'utf8')));

/** Term, how to find it in prose, and the glossary anchor its first use must link to. */
const TERMS = [
  { term: 'LU', pattern: /(?<![\wΔ])LU\b/, anchor: 'loudness-units-lu' },
  { term: 'ΔLU', pattern: /ΔLU/, anchor: 'loudness-units-lu' },
  { term: 'detector level', pattern: /detector/i, anchor: 'detector-level' },
  { term: 'transient', pattern: /transient/i, anchor: 'transient' },
  { term: 'lookahead', pattern: /lookahead/i, anchor: 'lookahead' },
];

/** How far after a term's first use the link to its explanation may come, characters. */
const NEAR = 320;

/** The prose of an .mdx file: no frontmatter, no import lines, no JSX tags. */
function prose(name: string): string {
  return readFileSync(`content/lessons/${name}.mdx`, 'utf8')
    .replace(/^---[\s\S]*?\n---\n/, '')
    .replace(/^import .*$/gm, '')
    .replace(/<[A-Z][\s\S]*?\/>/g, '')
    .replace(/\s+/g, ' ');
}

/** GitHub-style anchor of an ASCII heading, as Starlight makes it. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .trim()
    .replace(/ /g, '-');
}

describe('glossary', () => {
  const glossary = readFileSync('content/lessons/glossary.mdx', 'utf8');
  const anchors = [...glossary.matchAll(/^## (.+)$/gm)].map((m) => anchorOf(m[1] ?? ''));

  it('is a site page, not a numbered lesson, with an entry for every term', () => {
    expect(glossary).toMatch(/^kind: page$/m);
    expect(glossary).not.toMatch(/^order:/m);
    for (const { anchor } of TERMS) expect(anchors).toContain(anchor);
  });

  for (const lesson of LESSONS) {
    it(`${lesson}: every term is explained where it is first used`, () => {
      const text = prose(lesson);
      for (const { term, pattern, anchor } of TERMS) {
        const at = text.search(pattern);
        if (at < 0) continue;
        const after = text.slice(at, at + NEAR);
        expect(after, `first use of “${term}” in ${lesson}.mdx links to the glossary`).toContain(
          `](../glossary/#${anchor})`,
        );
      }
    });
  }
});

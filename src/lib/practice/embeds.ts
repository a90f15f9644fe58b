/**
 * The practice drills a teacher can embed: /embed/practice-<name>/ (an <iframe> of one drill, no site chrome).
 * `?seed=<digits>` makes the odd positions and hidden settings repeatable (the same run for a whole class).
 * `clips`: the clips the drill offers, the first chosen when it opens (null: every clip; empty: it plays none).
 * `heightPx`: the embed's content height before it starts, in an iframe 1264 px wide — measured;
 * tests/e2e/teach.spec.ts checks each to within 4 px, as for the widgets (src/lib/embed.ts).
 */
export const PRACTICE_EMBEDS = {
  reduction: { title: 'Which one is compressed?', heightPx: 239, clips: null },
  attack: {
    title: 'Which one has the faster attack?',
    heightPx: 255,
    clips: ['drums', 'bass', 'guitar', 'piano', 'mix'],
  },
  match: { title: 'Match the compressor', heightPx: 255, clips: null },
  questions: { title: 'Quick questions on compression', heightPx: 678, clips: [] },
} as const satisfies Record<string, { title: string; heightPx: number; clips: readonly string[] | null }>;

export type PracticeEmbed = keyof typeof PRACTICE_EMBEDS;

/**
 * The practice drills a teacher can embed: /embed/practice-<name>/ (an <iframe> of one drill, no site chrome).
 * `?seed=<digits>` makes the odd positions and hidden settings repeatable (the same run for a whole class).
 */
export const PRACTICE_EMBEDS = {
  reduction: { title: 'Which one is compressed?', heightPx: 900 },
  attack: { title: 'Which one has the faster attack?', heightPx: 900 },
  match: { title: 'Match the compressor', heightPx: 640 },
  questions: { title: 'Quick questions on compression', heightPx: 1100 },
} as const;

export type PracticeEmbed = keyof typeof PRACTICE_EMBEDS;

import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/** Lesson frontmatter: Starlight's fields plus what the home page and the lesson header need. */
const lessonFields = z.object({
  description: z.string().min(20, 'Give each lesson a one-sentence description.'),
  order: z.number().int().positive(),
  sidebarLabel: z.string().optional(),
  learn: z.array(z.string().min(3)).min(1, 'List at least one thing the learner will learn.'),
});

/** Site pages built with <StarlightPage> (home, credits) say so, and are not lessons. */
const pageFields = z.object({
  kind: z.literal('page'),
  learn: z.array(z.string().min(3)).optional(),
});

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/lessons' }),
    schema: docsSchema({ extend: z.union([lessonFields, pageFields]) }),
  }),
};

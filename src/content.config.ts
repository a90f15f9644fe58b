import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

/** Lesson frontmatter: Starlight's fields plus what the home page and lesson header need. */
const lessonFields = z.object({
  description: z.string().min(20, 'Give each lesson a one-sentence description.'),
  order: z.number().int().nonnegative(),
  sidebarLabel: z.string().optional(),
  learn: z.array(z.string().min(3)).min(1, 'List at least one thing the learner will learn.'),
});

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/*.{md,mdx}', base: './content/lessons' }),
    schema: docsSchema({ extend: lessonFields }),
  }),
};

import { getCollection, type CollectionEntry } from 'astro:content';

export type Lesson = CollectionEntry<'docs'> & { data: { order: number; learn: string[]; description: string } };

function isLesson(entry: CollectionEntry<'docs'>): entry is Lesson {
  return 'order' in entry.data;
}

/** All lessons, in the order their frontmatter gives. */
export async function lessonsInOrder(): Promise<Lesson[]> {
  const lessons = (await getCollection('docs')).filter(isLesson);
  return lessons.sort((a, b) => a.data.order - b.data.order);
}

/** A site-relative URL that respects the configured base path. */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}/${path.replace(/^\//, '')}`;
}

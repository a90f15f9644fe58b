/**
 * An id prefix unique on the page for one widget instance, stable for its lifetime. Two workbenches on one lesson
 * share a lab (group) but must not share element ids, or the second one's labels would name the first one's
 * sliders. Preact's useId is unique only within one render root, and every Astro island is its own root, so two
 * islands would both get "P0-0"; a page-wide counter is not.
 */
import { useState } from 'preact/hooks';

let next = 0;

/** "cl-<name>-<n>": unique per mounted instance on this page. */
export function useInstanceId(name: string): string {
  const [id] = useState(() => `cl-${name}-${++next}`);
  return id;
}

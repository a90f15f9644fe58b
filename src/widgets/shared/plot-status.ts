import type { Lab } from '../../state/lab';

/**
 * What an audio plot shows before it can draw: the download, the render, or — when the clip could not be
 * loaded — the reason, so the learner is not left watching "Loading…" forever.
 */
export function plotStatusText(lab: Lab): string {
  if (lab.loading.value) return 'Loading the clip…';
  const error = lab.error.value;
  if (!lab.clip.value && error) return `Nothing to plot: ${error}`;
  return 'Rendering…';
}

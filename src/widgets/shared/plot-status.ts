import type { Lab } from '../../state/lab';

/**
 * What an audio plot shows before it can draw: the download, the render, the view still far down the page (its
 * model is made as it comes near: use-near.ts), or — when the clip could not be loaded — the reason, so the learner
 * is not left watching "Loading…" forever. `near`: whether the view has come near the viewport.
 */
export function plotStatusText(lab: Lab, near = true): string {
  if (lab.loading.value) return 'Loading the clip…';
  const error = lab.error.value;
  if (!lab.clip.value && error) return `Nothing to plot: ${error}`;
  if (!near && lab.render.value) return 'The plot is drawn as it comes into view.';
  return 'Rendering…';
}

/** The words under a plot that cannot draw yet (they describe the plot once it can). */
export function pendingDescription(lab: Lab, near = true): string {
  if (lab.loading.value || !lab.clip.value) return 'The plot appears once the clip is loaded.';
  if (!near && lab.render.value) return 'The plot and its description appear as it comes into view.';
  return 'The plot appears once the clip is rendered.';
}

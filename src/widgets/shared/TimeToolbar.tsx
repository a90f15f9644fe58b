/**
 * Zoom, pan and follow controls shared by the time views; every action is a plain button (keyboard-ready).
 * "Follow playhead" is a toggle (aria-pressed): while pressed and playing, the view turns a page whenever the
 * playhead leaves it; release it to pause the scrolling.
 */
import type { TimeView } from './use-time-window';
import { formatTime } from './describe';

export function TimeToolbar({ view, label }: { view: TimeView; label: string }) {
  const { window } = view;
  return (
    <div class="cl-toolbar" role="toolbar" aria-label={`${label}: zoom and scroll`}>
      <button type="button" onClick={view.zoomIn}>
        Zoom in
      </button>
      <button type="button" onClick={view.zoomOut}>
        Zoom out
      </button>
      <button type="button" onClick={view.showAll}>
        Show all
      </button>
      <button type="button" onClick={view.zoomToLoudest}>
        Zoom to loudest hit
      </button>
      <button type="button" onClick={() => view.pan(-0.5)} aria-label="Scroll earlier">
        ←
      </button>
      <button type="button" onClick={() => view.pan(0.5)} aria-label="Scroll later">
        →
      </button>
      <button type="button" aria-pressed={view.follow} onClick={() => view.setFollow(!view.follow)}>
        Follow playhead
      </button>
      <span class="cl-status">
        {formatTime(window.startS)} – {formatTime(window.endS)}
      </span>
    </div>
  );
}

/**
 * Keeps `lab.render` and `lab.loudness` current from `lab.clip` + `lab.params`.
 *
 *   params/clip ──► render queue ──► Worker A: renderOffline ──► lab.render ──► loudness queue
 *                                                                 └──► Worker B: BS.1770 of compressed + removed ──► lab.loudness
 *
 * Both queues coalesce (while one job runs only the newest waits), so a slider drag never piles up work and the
 * plots refresh as soon as the compressor has run; loudness is measured once renders pause for LOUDNESS_DELAY_MS. Several widgets may call
 * connectRender(lab); they share one connection (reference counted). Where Workers are unavailable the same jobs
 * run on the main thread, one task later. Worker A sends block summaries with each render (attached for the
 * views' scans, render-summary.ts) and, while idle, renders ahead the settings a keyboard step would ask for next
 * (render-prediction.ts), so such a step is answered without waiting for the compressor, then the clips heard
 * before at the current settings, so switching back to one is too. The Workers and the inline fallback are in
 * render-client.ts. A render two renders back (or of a clip closed) is retired: once nothing holds it, its arrays go
 * back to Worker A, which writes the next renders into them instead of fresh memory (render-loans.ts, render-pool.ts).
 */
import { batch, effect } from '@preact/signals';
import type { CompressorParams, OfflineRender } from '../dsp/types';
import type { ClipLoudness } from '../audio/matching';
import type { LoadedClip } from '../audio/clips';
import type { Lab } from './lab';
import { RenderQueue } from './render-queue';
import { ensureSummary } from './block-summary';
import { aheadCount, aheadList, clipFitsAhead, otherClipsAhead } from './render-prediction';
import { makeRunners, type Runners } from './render-client';
import { holdRender, renderGivenBack, retireRender } from './render-loans';

/** Quiet time after the last render before its loudness is measured, ms. */
const LOUDNESS_DELAY_MS = 80;
/**
 * Quiet time after a render is shown before the rest of the work ahead starts, ms (the other likely settings, then
 * the clips heard before at the shown ones): longer than the gap between a drag's steps (one per frame, 16 ms), far
 * shorter than a learner takes to press another key or pick a clip.
 */
const AHEAD_CLIPS_DELAY_MS = 80;
/**
 * Renders ahead asked for as soon as a render is shown while the settings change rapidly (a drag, a held key: the
 * change before came less than AHEAD_CLIPS_DELAY_MS earlier): the likeliest next settings alone, one more step the
 * same way (render-prediction.ts orders the list). The step back and the control's other keys wait for the pause:
 * during a drag they are stale a frame later, and each would take the render Worker ~15 ms of a core the page and
 * the drag's own renders need. After a single change (a key pressed on its own) the whole list is asked for at once.
 */
const AHEAD_WHILE_RAPID = 1;

/** Clips heard before that are rendered ahead at the current settings (render-prediction.ts caps their memory). */
const HEARD_CLIPS = 3;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const connections = new WeakMap<Lab, { count: number; dispose: () => void }>();

function connect(lab: Lab): () => void {
  const runners: Runners = makeRunners();
  const fail = (error: unknown): void => {
    if (message(error) === 'disconnected') return;
    lab.error.value = `The compressor could not render this clip: ${message(error)}.`;
  };
  /** The render waiting for its loudness job, held until the job has its copy (render-loans.ts). */
  let loudnessWaiting: { render: OfflineRender; release: () => void } | null = null;
  const loudnessQueue = new RenderQueue<LoadedClip, OfflineRender, ClipLoudness>(
    ({ clip, params: render }) => {
      const waiting = loudnessWaiting?.render === render ? loudnessWaiting : null;
      if (waiting) loudnessWaiting = null;
      return runners.loudness(clip, render).finally(() => waiting?.release());
    },
    (loudness, { params: render }) => {
      batch(() => {
        lab.loudness.value = loudness;
        lab.loudnessOf.value = render;
      });
    },
    fail,
  );
  /** Queue `render` for its loudness job (a request still waiting is dropped: only the newest waits). */
  const measureLoudnessOf = (clip: LoadedClip, render: OfflineRender): void => {
    loudnessWaiting?.release();
    loudnessWaiting = { render, release: holdRender(render) };
    loudnessQueue.request(clip, render);
  };
  /** The render shown before the current one: retired when the next is shown (render-loans.ts). */
  let recent: OfflineRender | null = null;
  const retire = (render: OfflineRender | null): void => {
    if (render) retireRender(render, () => runners.giveBack(render));
  };
  let loudnessTimer: ReturnType<typeof setTimeout> | undefined;
  let aheadTimer: ReturnType<typeof setTimeout> | undefined;
  const renderQueue = new RenderQueue<LoadedClip, CompressorParams, OfflineRender>(
    ({ clip, params }) => runners.render(clip, params),
    (render, { clip, params }) => {
      const shown = lab.render.peek();
      batch(() => {
        lab.render.value = render;
        lab.renderParams.value = params;
      });
      // Two renders back is drawn nowhere now (every view has drawn the one before this at least): its arrays go
      // back to the render Worker once nothing holds them, for the next renders to be written into.
      retire(recent);
      recent = shown;
      // Once no newer request waits, render the likeliest next settings ahead (render-prediction.ts); the other
      // likely ones and the clips heard before only once the renders pause: during a drag each step's settings are
      // gone a frame later, and renders at them would only take a core from the page and the drag's own renders.
      previousParams = shownParams;
      shownParams = params;
      const rapid = changedAt - changedBefore < AHEAD_CLIPS_DELAY_MS;
      queueMicrotask(() => renderAhead(clip, rapid ? AHEAD_WHILE_RAPID : Infinity));
      clearTimeout(aheadTimer);
      aheadTimer = setTimeout(() => {
        renderAhead(clip);
        renderOthersAhead(clip);
      }, AHEAD_CLIPS_DELAY_MS);
      // Measure once the renders pause (a drag has stopped), so the two jobs do not share the CPU meanwhile.
      clearTimeout(loudnessTimer);
      loudnessTimer = setTimeout(() => {
        if (!renderQueue.busy && !renderGivenBack(render)) measureLoudnessOf(clip, render);
      }, LOUDNESS_DELAY_MS);
    },
    fail,
  );
  let lastClip: LoadedClip | null = null;
  /** When the settings last changed and the time before, ms (Date.now: a drag's pace is all that is read). */
  let changedAt = -Infinity;
  let changedBefore = -Infinity;
  let shownParams: CompressorParams | null = null;
  let previousParams: CompressorParams | null = null;
  /** Clips shown before the current one, most recent first (at most HEARD_CLIPS, none of them long). */
  let heard: LoadedClip[] = [];
  /** Whether work ahead for `clip` makes sense now: nothing renders and its render is on screen. */
  const idleOn = (clip: LoadedClip): boolean => !renderQueue.busy && lab.clip.peek() === clip && shownParams !== null;
  const renderAhead = (clip: LoadedClip, most = Infinity): void => {
    if (!idleOn(clip) || !shownParams) return;
    const limit = Math.min(most, aheadCount(clip.channels[0]?.length ?? 0, clip.channels.length));
    if (limit > 0) runners.ahead(clip, aheadList(previousParams, shownParams, lab.nextParams.peek(), limit));
  };
  /** The clips heard before at the shown settings, so switching back is answered at once (memory-capped). */
  const renderOthersAhead = (clip: LoadedClip): void => {
    if (!idleOn(clip) || !shownParams) return;
    const sized = heard.map((c) => ({ clip: c, frames: c.channels[0]?.length ?? 0, channels: c.channels.length }));
    runners.aheadClips(
      otherClipsAhead(sized).map((c) => c.clip),
      shownParams,
    );
  };
  // A control's hints (lab.nextParams) can arrive while nothing renders: render them ahead then too.
  const stopHints = effect(() => {
    const hints = lab.nextParams.value;
    const clip = lab.clip.peek();
    if (clip && hints.length > 0) queueMicrotask(() => renderAhead(clip));
  });
  let summarizedClip: LoadedClip | null = null;
  const stop = effect(() => {
    const clip = lab.clip.value;
    const params = lab.params.value;
    if (clip !== lastClip) {
      // A render of the previous clip must never be drawn over the new one.
      const previous = lastClip;
      const small = previous && clipFitsAhead(previous.channels[0]?.length ?? 0, previous.channels.length);
      heard = [...(small ? [previous] : []), ...heard.filter((c) => c !== previous)]
        .filter((c) => c !== clip)
        .slice(0, HEARD_CLIPS);
      lastClip = clip;
      shownParams = null;
      previousParams = null;
      clearTimeout(loudnessTimer);
      clearTimeout(aheadTimer);
      renderQueue.clear();
      loudnessQueue.clear();
      loudnessWaiting?.release();
      loudnessWaiting = null;
      retire(recent);
      retire(lab.render.peek());
      recent = null;
      lab.render.value = null;
      lab.renderParams.value = null;
      lab.loudness.value = null;
      lab.loudnessOf.value = null;
    }
    if (clip) {
      // Once per clip: block summaries of the original, so zooming re-reads whole blocks (block-summary.ts).
      if (clip !== summarizedClip && !runners.summarizesClip) for (const ch of clip.channels) ensureSummary(ch);
      summarizedClip = clip;
      clearTimeout(aheadTimer);
      changedBefore = changedAt;
      changedAt = Date.now();
      renderQueue.request(clip, params);
    }
  });
  return () => {
    stop();
    stopHints();
    clearTimeout(loudnessTimer);
    clearTimeout(aheadTimer);
    renderQueue.dispose();
    loudnessQueue.dispose();
    loudnessWaiting?.release();
    runners.dispose();
  };
}

/** Start keeping lab.render / lab.loudness current. Returns a disposer. */
export function connectRender(lab: Lab): () => void {
  let entry = connections.get(lab);
  if (!entry) {
    entry = { count: 0, dispose: connect(lab) };
    connections.set(lab, entry);
  }
  entry.count++;
  const held = entry;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.count--;
    if (held.count <= 0) {
      held.dispose();
      connections.delete(lab);
    }
  };
}

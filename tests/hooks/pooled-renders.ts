/**
 * Test hook (test build only): a drag's worth of settings changes on a real page's render pipeline, checking the
 * render arrays the page gives back to the render Worker (src/state/render-loans.ts, render-pool.ts):
 * - every render shown equals renderOffline of its settings made on the page's thread, bit for bit (a render
 *   written into given-back arrays is the same render);
 * - the render shown and the one before it are intact when the next arrives (nothing the views may still read
 *   was given back), while renders two back are given back (their arrays emptied) and reused by the Worker;
 * - the loudness measured once the changes stop equals measureLoudness of the render shown.
 * Returns counts and flags, no timings.
 */
import { effect } from '@preact/signals';
import { renderOffline } from '../../src/dsp/compressor';
import type { CompressorParams, OfflineRender } from '../../src/dsp/types';
import type { LoadedClip } from '../../src/audio/clips';
import type { Lab } from '../../src/state/lab';
import { connectRender } from '../../src/state/render';
import { measureLoudness } from '../../src/state/render-job';
import { renderGivenBack } from '../../src/state/render-loans';

const arraysOf = (r: OfflineRender): Float32Array[] => [
  ...r.output,
  r.detectorDb,
  r.targetReductionDb,
  r.appliedReductionDb,
];

function sameBits(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** connectRender(lab), counting the 'reuse' messages (buffers given back) posted to its Workers. */
function connectCounting(lab: Lab): { disconnect: () => void; reused: () => number } {
  let reused = 0;
  const PageWorker = globalThis.Worker;
  class CountingWorker extends PageWorker {
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      if ((message as { type?: string }).type === 'reuse') reused++;
      super.postMessage(message, transfer as never);
    }
  }
  globalThis.Worker = CountingWorker;
  try {
    return { disconnect: connectRender(lab), reused: () => reused };
  } finally {
    globalThis.Worker = PageWorker;
  }
}

export async function pooledRenders(lab: Lab, clip: LoadedClip, changes: number) {
  const { disconnect, reused } = connectCounting(lab);
  const waitFor = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const stop = effect(() => {
        if (test()) {
          queueMicrotask(() => stop());
          resolve();
        }
      });
    });
  try {
    lab.clip.value = clip;
    await waitFor(() => lab.render.value !== null);
    const shown: OfflineRender[] = [lab.render.peek() as OfflineRender];
    let mismatches = 0;
    let intactBroken = 0;
    for (let i = 1; i <= changes; i++) {
      const previous = lab.render.peek();
      lab.params.value = { ...lab.params.value, thresholdDb: -20 - 0.5 * i };
      await waitFor(() => lab.render.value !== previous && lab.renderParams.value?.thresholdDb === -20 - 0.5 * i);
      const render = lab.render.peek() as OfflineRender;
      const params = lab.renderParams.peek() as CompressorParams;
      const fresh = renderOffline(clip.channels, clip.sampleRate, params);
      if (!arraysOf(render).every((a, k) => sameBits(a, arraysOf(fresh)[k] ?? new Float32Array()))) mismatches++;
      // The render before this one is still whole: a view may still be drawing it.
      const before = shown.at(-1);
      if (before && (renderGivenBack(before) || arraysOf(before).some((a) => a.length !== clip.channels[0]?.length)))
        intactBroken++;
      shown.push(render);
    }
    const givenBack = shown.slice(0, -2).filter((r) => renderGivenBack(r)).length;
    const emptied = shown.slice(0, -2).filter((r) => arraysOf(r).every((a) => a.length === 0)).length;
    // The loudness of the last render (measured once the changes stop; an older one may be on screen till then).
    const earlier = lab.loudness.peek();
    await waitFor(() => lab.loudness.value !== null && lab.loudness.value !== earlier);
    const last = lab.render.peek() as OfflineRender;
    const expected = measureLoudness(clip.channels, last.output, clip.sampleRate, last.makeupDb);
    return {
      renders: shown.length,
      mismatches,
      intactBroken,
      givenBack,
      emptied,
      reuseMessages: reused(),
      loudnessEqual: JSON.stringify(lab.loudness.peek()) === JSON.stringify(expected),
    };
  } finally {
    disconnect();
  }
}

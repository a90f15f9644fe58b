/**
 * What a plot that cannot draw yet says (src/widgets/shared/plot-status.ts): true in each state, including a view
 * far down the page whose model waits until it comes near.
 */
import { describe, expect, it } from 'vitest';
import { getLab } from '../../../src/state/lab';
import { pendingDescription, plotStatusText } from '../../../src/widgets/shared/plot-status';
import type { OfflineRender } from '../../../src/dsp/types';
import type { LoadedClip } from '../../../src/audio/clips';

let n = 0;
const lab = () => getLab(`plot-status-test-${n++}`);
const clip: LoadedClip = { id: 'c', title: 'c', sampleRate: 48_000, channels: [new Float32Array(4)], durationS: 0 };
const render = { output: [new Float32Array(4)] } as unknown as OfflineRender;

describe('plotStatusText and pendingDescription', () => {
  it('while the clip loads', () => {
    const l = lab();
    l.loading.value = { id: 'c', progress: 0.5 };
    expect(plotStatusText(l, false)).toBe('Loading the clip…');
    expect(pendingDescription(l, false)).toBe('The plot appears once the clip is loaded.');
  });

  it('when the clip could not be loaded', () => {
    const l = lab();
    l.error.value = 'the file is not audio';
    expect(plotStatusText(l)).toBe('Nothing to plot: the file is not audio');
    expect(pendingDescription(l)).toBe('The plot appears once the clip is loaded.');
  });

  it('while the clip renders, near or not', () => {
    const l = lab();
    l.clip.value = clip;
    for (const near of [true, false]) {
      expect(plotStatusText(l, near)).toBe('Rendering…');
      expect(pendingDescription(l, near)).toBe('The plot appears once the clip is rendered.');
    }
  });

  it('rendered, far down the page: drawn as it comes into view (not "Rendering…")', () => {
    const l = lab();
    l.clip.value = clip;
    l.render.value = render;
    expect(plotStatusText(l, false)).toBe('The plot is drawn as it comes into view.');
    expect(pendingDescription(l, false)).toBe('The plot and its description appear as it comes into view.');
  });
});

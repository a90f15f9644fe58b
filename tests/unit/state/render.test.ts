/**
 * connectRender (src/state/render.ts) in Node, where there is no Worker: the same jobs run on the main thread one
 * task later (its inline runners). Timers are faked, so each step is driven explicitly.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedClip } from '../../../src/audio/clips';
import { renderOffline } from '../../../src/dsp/compressor';
import { sine } from '../../../src/dsp/signals';
import { getLab, type Lab } from '../../../src/state/lab';
import { connectRender } from '../../../src/state/render';
import { measureLoudness } from '../../../src/state/render-job';

const FS = 48_000;

function clip(id: string, frequencyHz: number): LoadedClip {
  const channels = [sine({ sampleRate: FS, frequencyHz, peakDb: -6, durationS: 0.5 })];
  return { id, title: id, sampleRate: FS, channels, durationS: 0.5 };
}

let lab: Lab;
let group = 0;

beforeEach(() => {
  vi.useFakeTimers();
  // A lab of its own per test: labs live as long as the page (the module).
  lab = getLab(`render-test-${group++}`);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('connectRender', () => {
  it('renders the clip with the params, then measures its loudness once renders pause', async () => {
    const disconnect = connectRender(lab);
    const drums = clip('drums', 100);
    lab.clip.value = drums;
    expect(lab.render.value).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    const params = lab.params.value;
    expect(lab.render.value?.output).toEqual(renderOffline(drums.channels, FS, params).output);
    expect(lab.renderParams.value).toEqual(params);
    expect(lab.loudness.value).toBeNull();
    await vi.advanceTimersByTimeAsync(100);
    const render = renderOffline(drums.channels, FS, params);
    expect(lab.loudness.value).toEqual(measureLoudness(drums.channels, render.output, FS, render.makeupDb));
    disconnect();
  });

  it('follows params changes; while a new render is on its way renderParams still names the shown one', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('bass', 60);
    await vi.advanceTimersByTimeAsync(0);
    const first = lab.params.value;
    lab.params.value = { ...first, thresholdDb: -40, ratio: 8 };
    expect(lab.renderParams.value).toEqual(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(lab.renderParams.value).toEqual(lab.params.value);
    expect(lab.render.value?.output).toEqual(
      renderOffline(lab.clip.value?.channels ?? [], FS, lab.params.value).output,
    );
    disconnect();
  });

  it('clears the render and the loudness at once when the clip changes', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('vocal', 200);
    await vi.advanceTimersByTimeAsync(200);
    expect(lab.render.value).not.toBeNull();
    expect(lab.loudness.value).not.toBeNull();
    const piano = clip('piano', 440);
    lab.clip.value = piano;
    expect(lab.render.value).toBeNull();
    expect(lab.renderParams.value).toBeNull();
    expect(lab.loudness.value).toBeNull();
    await vi.advanceTimersByTimeAsync(0);
    expect(lab.render.value?.output).toEqual(renderOffline(piano.channels, FS, lab.params.value).output);
    disconnect();
  });

  it('is shared by every caller and stops when the last one disconnects', async () => {
    const a = connectRender(lab);
    const b = connectRender(lab);
    lab.clip.value = clip('mix', 300);
    await vi.advanceTimersByTimeAsync(0);
    a();
    a(); // a second call of the same disconnect changes nothing
    lab.params.value = { ...lab.params.value, ratio: 2 };
    await vi.advanceTimersByTimeAsync(0);
    expect(lab.renderParams.value?.ratio).toBe(2);
    b();
    const shown = lab.render.value;
    lab.params.value = { ...lab.params.value, ratio: 3 };
    await vi.advanceTimersByTimeAsync(200);
    expect(lab.render.value).toBe(shown);
    expect(lab.renderParams.value?.ratio).toBe(2);
  });
});

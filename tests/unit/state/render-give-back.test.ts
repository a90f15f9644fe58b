/**
 * Which renders connectRender (src/state/render.ts) gives back to the render Worker (render-loans.ts): only one
 * shown two renders back or of a closed clip, never the one on screen or the one before it, and never while its
 * loudness job or a measure job holds it. The runners are a fake that answers each render when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedClip } from '../../../src/audio/clips';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';
import type { Runners } from '../../../src/state/render-client';
import { getLab, type Lab } from '../../../src/state/lab';
import { holdRender, renderGivenBack } from '../../../src/state/render-loans';
import { silentRender } from '../support/silent-render';

interface Fake {
  given: OfflineRender[];
  /** Renders asked for and not yet answered. */
  waiting: { params: CompressorParams; resolve: (r: OfflineRender) => void }[];
  /** Renders the loudness job was given, with whether each was given back at that moment. */
  measured: { render: OfflineRender; givenBack: boolean }[];
  /** Work ahead asked for: the shown clip's next settings (their thresholds, per request); the clips heard before. */
  ahead: number[][];
  others: number;
}
let fake: Fake;

vi.mock('../../../src/state/render-client', () => ({
  makeRunners: (): Runners => ({
    summarizesClip: true,
    render: (_clip, params) =>
      new Promise((resolve) => {
        fake.waiting.push({ params, resolve });
      }),
    ahead: (_clip, params) => {
      fake.ahead.push(params.map((p) => p.thresholdDb));
    },
    aheadClips: () => {
      fake.others++;
    },
    loudness: (_clip, render) => {
      fake.measured.push({ render, givenBack: renderGivenBack(render) });
      return Promise.resolve({ originalLufs: -20, compressedLufs: -18, removedLufs: -30 });
    },
    giveBack: (render) => fake.given.push(render),
    dispose: () => undefined,
  }),
}));

const { connectRender } = await import('../../../src/state/render');

function clip(id: string): LoadedClip {
  const channels = [new Float32Array(480), new Float32Array(480)];
  return { id, title: id, sampleRate: 48_000, channels, durationS: 0.01 };
}

let lab: Lab;
let group = 0;

beforeEach(() => {
  vi.useFakeTimers();
  fake = { given: [], waiting: [], measured: [], ahead: [], others: 0 };
  lab = getLab(`give-back-test-${group++}`);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Answer the oldest waiting render with a new render, and let the page take it. */
async function answer(): Promise<OfflineRender> {
  const job = fake.waiting.shift();
  if (!job) throw new Error('no render waiting');
  const render = silentRender(480);
  job.resolve(render);
  await vi.advanceTimersByTimeAsync(0);
  return render;
}

/** Change the threshold (a drag's step) so that a new render is asked for. */
function step(db: number): void {
  lab.params.value = { ...DEFAULT_PARAMS, thresholdDb: db };
}

describe('connectRender gives renders back', () => {
  it('only the render two back, once the next is on screen', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('drums');
    const r1 = await answer();
    step(-21);
    const r2 = await answer();
    expect(fake.given).toEqual([]);
    step(-22);
    const r3 = await answer();
    expect(lab.render.value).toBe(r3);
    expect(fake.given).toEqual([r1]);
    expect(renderGivenBack(r1)).toBe(true);
    expect(renderGivenBack(r2)).toBe(false);
    step(-23);
    await answer();
    expect(fake.given).toEqual([r1, r2]);
    expect(renderGivenBack(r3)).toBe(false);
    disconnect();
  });

  it('a held render only when released; the loudness job never measures a render given back', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('bass');
    const r1 = await answer();
    // Renders pause: r1's loudness is measured (held until the job has its copy).
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.measured.map((m) => m.render)).toEqual([r1]);
    const release = holdRender(r1); // e.g. a measure Worker's job still waiting to copy it
    step(-30);
    await answer();
    step(-31);
    const r3 = await answer();
    expect(fake.given).toEqual([]);
    release();
    expect(fake.given).toEqual([r1]);
    await vi.advanceTimersByTimeAsync(100);
    expect(fake.measured.at(-1)?.render).toBe(r3);
    expect(fake.measured.every((m) => !m.givenBack)).toBe(true);
    disconnect();
  });

  it('the renders of a closed clip, once its next clip is chosen', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('drums');
    const r1 = await answer();
    step(-25);
    const r2 = await answer();
    lab.clip.value = clip('bass');
    expect(lab.render.value).toBeNull();
    expect(new Set(fake.given)).toEqual(new Set([r1, r2]));
    disconnect();
  });
});

describe('connectRender says which render the loudness belongs to', () => {
  it('loudnessOf is the render measured, so a readout of an older one can tell it is not the one shown', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('vocal');
    const r1 = await answer();
    expect(lab.loudness.value).toBeNull();
    expect(lab.loudnessOf.value).toBeNull();
    await vi.advanceTimersByTimeAsync(100); // renders pause: r1 is measured
    expect(lab.loudness.value).not.toBeNull();
    expect(lab.loudnessOf.value).toBe(r1);
    // A drag: new renders are shown at once, their loudness only once they pause.
    step(-28);
    const r2 = await answer();
    expect(lab.render.value).toBe(r2);
    expect(lab.loudnessOf.value).toBe(r1);
    await vi.advanceTimersByTimeAsync(100);
    expect(lab.loudnessOf.value).toBe(r2);
    // Another clip: nothing measured belongs to it yet.
    lab.clip.value = clip('bass');
    expect(lab.loudness.value).toBeNull();
    expect(lab.loudnessOf.value).toBeNull();
    disconnect();
  });
});

describe('connectRender renders ahead', () => {
  it("the shown clip's next step after every render; the step back and the clips heard before once the renders pause", async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('drums');
    await answer();
    // A drag: the next step comes a frame after each render is shown.
    for (let k = 0; k < 10; k++) {
      await vi.advanceTimersByTimeAsync(16);
      step(-21 - k);
      await answer();
    }
    // After each step's render, one more step the same way alone (the first render has no step before it).
    expect(fake.ahead).toEqual([[], [-22], ...Array.from({ length: 9 }, (_, k) => [-23 - k])]);
    expect(fake.others).toBe(0);
    await vi.advanceTimersByTimeAsync(100);
    // The pause: the next step and the step back, then the clips heard before.
    expect(fake.ahead.at(-1)).toEqual([-31, -29]);
    expect(fake.ahead).toHaveLength(12);
    expect(fake.others).toBe(1);
    disconnect();
  });

  it('after a change on its own (a key pressed once), the next step and the step back at once', async () => {
    const disconnect = connectRender(lab);
    lab.clip.value = clip('drums');
    await answer();
    await vi.advanceTimersByTimeAsync(300);
    step(-21);
    await answer();
    expect(fake.ahead.at(-1)).toEqual([-22, -20]);
    disconnect();
  });
});

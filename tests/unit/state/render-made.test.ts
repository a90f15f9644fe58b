/**
 * What the render Worker holds ahead (src/state/render-made.ts): a render made ahead and dropped unsent — no longer
 * wanted, forgotten with its clip, or stopped part way — gives its arrays back (render.worker.ts puts them in its
 * pool, render-pool.ts); a render taken for a request does not.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';
import { job, MadeAhead, type Made } from '../../../src/state/render-made';
import { summarizeRender } from '../../../src/state/render-summary';

const at = (thresholdDb: number): CompressorParams => ({ ...DEFAULT_PARAMS, thresholdDb });

function madeOf(withCopy: boolean): Made {
  const render = renderOffline([new Float32Array(8), new Float32Array(8)], 48_000, DEFAULT_PARAMS);
  const made: Made = { render, summaries: summarizeRender(render), renderMs: 1 };
  if (withCopy) made.meterCopy = render.output.map((ch) => ch.slice());
  return made;
}

const arrays = (m: Made): Float32Array[] => [
  ...m.render.output,
  m.render.detectorDb,
  m.render.targetReductionDb,
  m.render.appliedReductionDb,
  ...(m.meterCopy ?? []),
];

describe('MadeAhead gives back the arrays of renders dropped unsent', () => {
  it('of a render no longer wanted (its loudness copy included), not of one taken', () => {
    const dropped: Float32Array[][] = [];
    const ahead = new MadeAhead((a) => dropped.push(a));
    ahead.wantOwn(1, [at(-20), at(-21)]);
    const kept = madeOf(true);
    const taken = madeOf(false);
    ahead.add(job(1, at(-20)), kept);
    ahead.add(job(1, at(-21)), taken);
    expect(ahead.take(job(1, at(-21)).key)?.render).toBe(taken.render);
    ahead.wantOwn(1, [at(-22)]);
    expect(dropped).toEqual([arrays(kept)]);
    expect(dropped[0]?.[0]).toBe(kept.render.output[0]);
  });

  it('of a render finished after it stopped being wanted, and of the renders of a clip forgotten', () => {
    const dropped: Float32Array[][] = [];
    const ahead = new MadeAhead((a) => dropped.push(a));
    const late = madeOf(false);
    ahead.add(job(1, at(-20)), late);
    expect(dropped).toEqual([arrays(late)]);
    ahead.wantOthers(1, [job(2, at(-20))]);
    const other = madeOf(false);
    ahead.add(job(2, at(-20)), other);
    ahead.forget(2);
    expect(dropped).toEqual([arrays(late), arrays(other)]);
  });

  it('of the render being made when it is stopped part way', () => {
    const dropped: Float32Array[][] = [];
    const ahead = new MadeAhead((a) => dropped.push(a));
    ahead.wantOwn(1, [at(-20)]);
    const written = [new Float32Array(8), new Float32Array(8)];
    const steps = (function* (): Generator<void, Made, void> {
      yield;
      return madeOf(false);
    })();
    ahead.making = { ...job(1, at(-20)), steps, arrays: written };
    ahead.wantOwn(1, [at(-25)]);
    expect(ahead.making).toBeNull();
    expect(dropped).toEqual([written]);
  });
});

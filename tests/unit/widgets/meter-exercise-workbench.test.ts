import { describe, expect, it } from 'vitest';
import type { OfflineRender } from '../../../src/dsp/types';
import { dbToGain } from '../../../src/dsp/levels';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { staticReductionDb } from '../../../src/dsp/gain-computer';
import { describeGainMeter, gainMeterModel, reductionAt } from '../../../src/widgets/GainMeter/model';
import { mostGainReductionDb } from '../../../src/widgets/shared/measures';
import { gainMeterPlot, gainMeterSeries } from '../../../src/widgets/GainMeter/plot';
import {
  checkLoudestHitsOnly,
  checkMostReduction,
  clipProblem,
  exerciseKey,
  findHits,
  requireThreshold,
} from '../../../src/widgets/Exercise/model';
import { choosePanels } from '../../../src/widgets/Workbench/model';
import { normaliseSvg, svgWithSeries } from './svg-snapshot';

const fs = 1000;

/** Clicks of given peak levels, one every 0.5 s; applied reduction = static reduction of each sample (instant). */
function clicks(levelsDb: readonly number[], thresholdDb: number): { input: Float32Array[]; render: OfflineRender } {
  const x = new Float32Array(levelsDb.length * 500);
  levelsDb.forEach((db, k) => {
    for (let i = 0; i < 20; i++) x[k * 500 + 100 + i] = dbToGain(db) * (1 - i / 20);
  });
  const params = { ...DEFAULT_PARAMS, thresholdDb };
  const detectorDb = x.map((v) => 20 * Math.log10(Math.max(Math.abs(v), 1e-6)));
  const reduction = detectorDb.map((d) => staticReductionDb(d, params));
  return {
    input: [x],
    render: {
      output: [x],
      detectorDb,
      targetReductionDb: reduction,
      appliedReductionDb: reduction,
      makeupDb: 0,
      latencySamples: 0,
      sampleRate: fs,
    },
  };
}

describe('gain meter', () => {
  it('chooses the smallest scale that fits and reads the reduction at a time', () => {
    expect(gainMeterModel(2, 5).rangeDb).toBe(6);
    expect(gainMeterModel(2, 7.5).rangeDb).toBe(12);
    expect(gainMeterModel(30, null)).toEqual({ nowDb: 24, maxDb: null, rangeDb: 24 });
    const { render } = clicks([-6], -20);
    expect(mostGainReductionDb(render)).toBeCloseTo(10.5, 4); // 14 dB over at 4:1 -> 14·3/4
    expect(reductionAt(render, 0.1)).toBeCloseTo(10.5, 4);
    expect(reductionAt(render, 5)).toBe(0);
    expect(describeGainMeter(gainMeterModel(3.2, 7.5), true)).toBe(
      'Now: 3.2 dB of gain reduction; the most gain reduction in this clip is 7.5 dB.',
    );
  });

  it('plots a bar and a max tick (snapshot)', () => {
    const m = gainMeterModel(3, 7.5);
    const el = svgWithSeries(gainMeterPlot(m, { width: 300 }), gainMeterSeries(m));
    // The track (the frame's) and the reading's bar, from 0 to 3 dB of the 12 dB scale.
    expect(el.querySelectorAll('g[aria-label="rect"] rect')).toHaveLength(1);
    const x = (db: number) => 12 + (db / 12) * (300 - 12 - 16);
    const bar = el.querySelector('g.cl-series rect');
    expect(Number(bar?.getAttribute('x'))).toBeCloseTo(x(0), 1);
    expect(Number(bar?.getAttribute('width'))).toBeCloseTo(x(3) - x(0), 1);
    // The tick at the clip's most gain reduction, the frame's full height (72 px less 18 above and 34 below).
    expect(el.querySelector('g.cl-series path')?.getAttribute('d')).toBe(`M${Math.round(x(7.5) * 10) / 10},38V18`);
    expect(el.textContent).toContain('max');
    expect(normaliseSvg(el)).toMatchSnapshot();
  });
});

describe('exercises', () => {
  const levels = [-6, -18, -24, -12, -30, -20, -27, -15];
  it('finds one hit per click', () => {
    const { input, render } = clicks(levels, -20);
    const hits = findHits(input, render);
    expect(hits.map((h) => Math.round(h.peakDb))).toEqual(levels);
    expect(hits.map((h) => h.timeS)).toEqual([0.1, 0.6, 1.1, 1.6, 2.1, 2.6, 3.1, 3.6]);
  });

  it('reads the same hits for a clip seen before, and for a new clip its own (hit frames are kept per clip)', () => {
    const { input, render } = clicks(levels, -20);
    const first = findHits(input, render);
    // Again on the same arrays (kept), on copies (found afresh), and with another detector trace: the positions
    // and peaks are the input's, the levels the render's.
    expect(findHits(input, render)).toEqual(first);
    expect(
      findHits(
        input.map((ch) => ch.slice()),
        render,
      ),
    ).toEqual(first);
    const quieter = { ...render, detectorDb: render.detectorDb.map((d) => d - 6) };
    findHits(input, quieter).forEach((h, k) => expect(h.levelDb).toBeCloseTo((first[k]?.levelDb ?? NaN) - 6, 5));
    expect(findHits(input, quieter).map((h) => h.timeS)).toEqual(first.map((h) => h.timeS));
    // A different clip in the same arrays' place is never answered from the cache: other arrays, other hits.
    const other = clicks([-9, -9, -9], -20);
    expect(findHits(other.input, other.render).map((h) => Math.round(h.peakDb))).toEqual([-9, -9, -9]);
    // A shorter render reads only its own length.
    const short = { ...render, detectorDb: render.detectorDb.subarray(0, 1000) };
    expect(findHits(input, short).map((h) => h.timeS)).toEqual([0.1, 0.6]);
  });

  it('threshold: only the loudest hits', () => {
    const check = (t: number) =>
      checkLoudestHitsOnly(findHits(...(Object.values(clicks(levels, t)) as [Float32Array[], OfflineRender])), t);
    expect(check(-3).verdict).toBe('too-little'); // nothing crosses −3 dB
    expect(check(-10).verdict).toBe('good'); // only the −6 dB hit: 1 of 8
    expect(check(-10).message).toBe(
      'Yes: only the loudest of the 8 hits goes over the threshold; the quieter hits pass untouched.',
    );
    expect(check(-19).verdict).toBe('close'); // −6, −12, −15, −18: 4 of 8
    expect(check(-29).verdict).toBe('too-many'); // 7 of 8
  });

  it('a hit just over the threshold counts as over, and the message never contradicts the verdict (item 3)', () => {
    // The loudest click peaks at −3.5 dBFS: 0.5 dB over a −4 dB threshold (0.375 dB of target reduction at 4:1).
    const near = [-3.5, -18, -24, -12, -30, -20, -27, -15];
    for (const t of [-4, -3.8, -3.6]) {
      const { input, render } = clicks(near, t);
      const feedback = checkLoudestHitsOnly(findHits(input, render), t);
      expect(feedback.verdict, `threshold ${t} dB`).toBe('good');
    }
    const { input, render } = clicks(near, -3.4);
    const under = checkLoudestHitsOnly(findHits(input, render), -3.4);
    expect(under.verdict).toBe('too-little');
    expect(under.message).toBe(
      'No hit goes over the threshold of −3.4 dB yet: the loudest reaches −3.5 dBFS. Lower the threshold until it just catches that hit.',
    );
    // Equal after rounding: say which side of the line it is on.
    const { input: i2, render: r2 } = clicks(near, -3.5);
    expect(checkLoudestHitsOnly(findHits(i2, r2), -3.49).message).toContain('the loudest reaches −3.50 dBFS');
  });

  it('ratio: the most gain reduction against the goal range, on the named clip', () => {
    // The loudest click: 14 dB over, reduced by 10.5 dB at 4:1.
    expect(checkMostReduction(10.5, 6, 10, 'Drum groove').verdict).toBe('too-much');
    expect(checkMostReduction(10.5, 6, 12, 'Drum groove').message).toBe(
      'Yes: on the Drum groove the most gain reduction is 10.5 dB, inside the goal of 6 to 12 dB.',
    );
    expect(checkMostReduction(10.5, 11, 12, 'Drum groove').verdict).toBe('too-little');
    expect(requireThreshold(-25, -25, 'ratio')).toBeNull();
    expect(requireThreshold(-20, -25, 'ratio')?.message).toBe(
      'This exercise needs the threshold at −25 dB (it is at −20 dB). Set it back, then try the ratio again.',
    );
  });
});

describe('exercise verdicts belong to one setting and one clip (item 4)', () => {
  it('a verdict is keyed by every setting and the clip', () => {
    const key = exerciseKey(DEFAULT_PARAMS, 'drums');
    expect(exerciseKey({ ...DEFAULT_PARAMS }, 'drums')).toBe(key);
    expect(exerciseKey({ ...DEFAULT_PARAMS, thresholdDb: -40 }, 'drums')).not.toBe(key);
    expect(exerciseKey({ ...DEFAULT_PARAMS, ratio: Infinity }, 'drums')).not.toBe(key);
    expect(exerciseKey(DEFAULT_PARAMS, 'vocal')).not.toBe(key);
  });

  it('an exercise checks only its own clips and names them', () => {
    const titles = { drums: 'Drum groove', vocal: 'Dynamic talker' };
    expect(clipProblem('drums', ['drums'], titles)).toBeNull();
    expect(clipProblem('vocal', ['drums', 'vocal'], titles)).toBeNull();
    const wrong = clipProblem('vocal', ['drums'], titles);
    expect(wrong?.verdict).toBe('none');
    expect(wrong?.message).toBe(
      'This exercise is about the Drum groove, and the player has the Dynamic talker. Switch to the Drum groove, then check again.',
    );
  });
});

describe('workbench panels', () => {
  it('keeps known panels in a fixed order', () => {
    expect(choosePanels(['waveform', 'Transfer-Curve', 'nonsense', 'controls'])).toEqual([
      'controls',
      'transfer',
      'waveform',
    ]);
    expect(choosePanels(undefined)).toHaveLength(7);
  });
});

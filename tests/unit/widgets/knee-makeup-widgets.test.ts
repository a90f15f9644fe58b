/**
 * The pure parts behind the Knee and Make-up gain lessons: the near-threshold measure and the knee exercise, the
 * knee-zone model and plot, overs (samples over 0 dBFS), the output meter, the clipping view and the loudness-match
 * exercise. Expected values are worked out from the definitions, not read back from the code.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { dbToGain } from '../../../src/dsp/levels';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { dcSteps, sine } from '../../../src/dsp/signals';
import type { CompressorParams, OfflineRender } from '../../../src/dsp/types';
import { findHits } from '../../../src/widgets/Exercise/model';
import {
  NEAR_DB,
  checkNearThreshold,
  hitNoun,
  levelHits,
  median,
  nearThreshold,
} from '../../../src/widgets/Exercise/near-threshold';
import { checkLoudnessMatch, measuredDeltaLu, renderDeltaLu } from '../../../src/widgets/Exercise/loudness-match';
import { measureLoudness } from '../../../src/state/render-job';
import { describeKneeZone, indefiniteArticle, kneeZoneModel, levelDomain } from '../../../src/widgets/KneeZone/model';
import { kneeZonePlot } from '../../../src/widgets/KneeZone/plot';
import { findOvers } from '../../../src/widgets/shared/overs';
import {
  describeOutputMeter,
  levelText,
  outputMeasures,
  outputMeterModel,
  peakAt,
  shortTermAt,
} from '../../../src/widgets/OutputMeter/model';
import { outputMeterPlot } from '../../../src/widgets/OutputMeter/plot';
import { clippingModel, describeClipping } from '../../../src/widgets/Clipping/model';
import { clipPanelPlot } from '../../../src/widgets/Clipping/plot';
import { svgOf } from './svg-snapshot';

const FS = 8000;
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

/** Fake render: output = input × gain, no reduction. */
function passThrough(input: Float32Array[], gain = 1, makeupDb = 0, sampleRate = FS): OfflineRender {
  const n = input[0]?.length ?? 0;
  return {
    output: input.map((ch) => ch.map((v) => v * gain)),
    detectorDb: new Float32Array(n),
    targetReductionDb: new Float32Array(n),
    appliedReductionDb: new Float32Array(n),
    makeupDb,
    latencySamples: 0,
    sampleRate,
  };
}

/** Five DC bursts, 0.2 s each with 0.3 s of silence between, at T − 6, T − 2, T, T + 2 and T + 8 dB. */
function bursts(thresholdDb: number): Float32Array[] {
  const steps = [-6, -2, 0, 2, 8].flatMap((o) => [
    { levelDb: -Infinity, durationS: 0.3 },
    { levelDb: thresholdDb + o, durationS: 0.2 },
  ]);
  return [dcSteps(FS, [...steps, { levelDb: -Infinity, durationS: 0.3 }])];
}

describe('near-threshold measure', () => {
  it('median: the middle value, the lower middle for an even count, null for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2);
    expect(median([])).toBeNull();
  });

  it('hard knee: the bursts at T − 2, T and T + 2 are near; median reduction 0 dB (0, 0 and 1.5 dB)', () => {
    const T = -30;
    const x = bursts(T);
    const params = p({ thresholdDb: T, attackMs: 0.1, releaseMs: 5 });
    const render = renderOffline(x, FS, params);
    const hits = levelHits(findHits(x, render), render);
    expect(hits.map((h) => Math.round(h.spanLevelDb))).toEqual([-36, -32, -30, -28, -22]);
    const s = nearThreshold(hits, T);
    expect([s.near, s.total]).toEqual([3, 5]);
    expect(s.medianReductionDb).toBeCloseTo(0, 2);
    // Source: above the knee, reduction = (1 − 1/R)(x − T) = 0.75 · 2 dB.
    expect(hits[3]?.reductionDb).toBeCloseTo(1.5, 2);
  });

  it('12 dB knee: the same bursts get 0.5, 1.125 and 2 dB; median 1.125 dB', () => {
    const T = -30;
    const x = bursts(T);
    const render = renderOffline(x, FS, p({ thresholdDb: T, kneeDb: 12, attackMs: 0.1, releaseMs: 5 }));
    const hits = levelHits(findHits(x, render), render);
    // Source: in the knee, reduction = (1 − 1/R)(x − T + W/2)² / (2W): 0.75·4²/24, 0.75·6²/24, 0.75·8²/24.
    expect(hits.slice(1, 4).map((h) => h.reductionDb)).toEqual([
      expect.closeTo(0.5, 2),
      expect.closeTo(1.125, 2),
      expect.closeTo(2, 2),
    ]);
    expect(nearThreshold(hits, T).medianReductionDb).toBeCloseTo(1.125, 2);
  });

  it('the knee exercise answers too little, yes and too much, naming the clip', () => {
    const clip = { id: 'vocal', title: 'Dynamic talker' };
    const at = (medianReductionDb: number | null) =>
      checkNearThreshold({ near: 4, total: 10, medianReductionDb }, 1, 2, clip);
    expect(at(0.2).verdict).toBe('too-little');
    expect(at(0.2).message).toContain('Widen the knee');
    expect(at(1.5).verdict).toBe('good');
    expect(at(1.5).message).toBe(
      `Yes: on “Dynamic talker” the 4 syllables within ${NEAR_DB} dB of the threshold are turned down by 1.5 dB (median), inside the goal of 1 to 2 dB.`,
    );
    expect(at(2.5).verdict).toBe('too-much');
    expect(at(null).verdict).toBe('none');
    expect(checkNearThreshold({ near: 0, total: 0, medianReductionDb: null }, 1, 2, clip).verdict).toBe('none');
  });

  it('names hits by what the clip is', () => {
    expect([hitNoun('vocal'), hitNoun('piano'), hitNoun('drums'), hitNoun('mix')]).toEqual([
      'syllables',
      'notes',
      'hits',
      'notes',
    ]);
  });
});

describe('knee zone', () => {
  it('says "an" before 8, 11 and 18 (and 8.5, 80), "a" before the others', () => {
    expect([8, 8.5, 11, 18, 18.5, 80, 1, 6, 12, 24, 110].map(indefiniteArticle)).toEqual([
      'An',
      'An',
      'An',
      'An',
      'An',
      'An',
      'A',
      'A',
      'A',
      'A',
      'A',
    ]);
  });

  it('the level axis is 24 dB wide (the widest knee), centred on the threshold inside −60..0 dBFS', () => {
    expect(levelDomain(-27)).toEqual([-39, -15]);
    expect(levelDomain(-5)).toEqual([-24, 0]);
    expect(levelDomain(-55)).toEqual([-60, -36]);
  });

  it('describes a hard and a soft knee, and the plot labels the knee band only when there is one', () => {
    const T = -30;
    const x = bursts(T);
    const zone = (kneeDb: number) => {
      const params = p({ thresholdDb: T, kneeDb, attackMs: 0.1, releaseMs: 5 });
      return kneeZoneModel(x, renderOffline(x, FS, params), params);
    };
    const hard = zone(0);
    const soft = zone(12);
    expect(describeKneeZone(hard, 'piano')).toBe(
      'Hard knee: the compression starts all at once at −30 dB. The 3 notes (of 5) within 3 dB of the threshold are turned down by 0 dB (median).',
    );
    expect(describeKneeZone(soft, 'piano')).toContain(
      'A 12 dB soft knee eases the compression in between −36 dB and −24 dB. The 3 notes (of 5) within 3 dB of the threshold are turned down by 1.1 dB (median).',
    );
    expect([soft.kneeLowDb, soft.kneeHighDb]).toEqual([-36, -24]);
    const texts = (m: typeof hard) =>
      Array.from(svgOf(kneeZonePlot(m, { width: 500 })).querySelectorAll('text')).map((t) => t.textContent);
    expect(texts(soft)).toContain('knee');
    expect(texts(hard)).not.toContain('knee');
    // Filled diamonds for the near hits, hollow circles for the others (shape, not colour).
    const svg = svgOf(kneeZonePlot(soft, { width: 500 }));
    expect(svg.querySelectorAll('g[fill="none"] circle').length).toBe(2);
  });
});

describe('overs', () => {
  it('counts samples with |x| > 1 (exactly 1 is full scale, not over) and groups them into places', () => {
    const x = new Float32Array(1000);
    x[10] = 1;
    x[20] = 1.2;
    x[30] = -1.1;
    x[900] = 1.01;
    const o = findOvers([x], 1000);
    expect(o.samples).toBe(3);
    expect(o.places).toEqual([
      { startS: 0.02, endS: 0.03, samples: 2 },
      { startS: 0.9, endS: 0.9, samples: 1 },
    ]);
    // Raised by 6 dB (× 1.995), the full-scale sample and a 0.6 one go over too: 3 + 2.
    x[500] = 0.6;
    expect(findOvers([x], 1000, dbToGain(6)).samples).toBe(5);
  });

  it('a sine peaking at +2 dBFS has 1 − (2/π)·asin(10^(−2/20)) of its samples over 0 dBFS', () => {
    const s = sine({ sampleRate: 48000, frequencyHz: 997, peakDb: 2, durationS: 1 });
    const expected = 48000 * (1 - (2 / Math.PI) * Math.asin(dbToGain(-2)));
    expect(findOvers([s], 48000).samples / expected).toBeCloseTo(1, 2);
  });
});

describe('output meter', () => {
  it('a stereo 1 kHz sine at −20 dBFS peak reads −20 LUFS short-term and −20 dBFS peak', () => {
    // Source: EBU Tech 3341 — a stereo 1 kHz sine at −23 dBFS reads −23 LUFS, so −20 dBFS reads −20 LUFS.
    const tone = sine({ sampleRate: 48000, frequencyHz: 1000, peakDb: -20, durationS: 5 });
    const m = outputMeasures(passThrough([tone, tone], 1, 0, 48000));
    expect(m.maxShortTermLufs).toBeCloseTo(-20, 1);
    expect(m.peakDb).toBeCloseTo(-20, 2);
    expect(m.overs.samples).toBe(0);
    expect(m.shortTermLufs.length).toBe(21);
  });

  it('short-term at the playhead is the 3 s block ending there (the first block before 3 s)', () => {
    const blocks = Float32Array.from({ length: 21 }, (_, k) => -k);
    expect(shortTermAt(blocks, 1)).toBe(-0);
    expect(shortTermAt(blocks, 3)).toBe(-0);
    expect(shortTermAt(blocks, 4)).toBe(-10);
    expect(shortTermAt(blocks, 4.05)).toBe(-10);
    expect(shortTermAt(blocks, 60)).toBe(-20);
  });

  it('peak at the playhead covers the 100 ms before it', () => {
    const x = new Float32Array(FS * 3);
    x[Math.round(2.05 * FS)] = 0.5;
    const render = passThrough([x]);
    expect(peakAt(render, 2.1)).toBeCloseTo(-6.02, 2);
    expect(peakAt(render, 2.2)).toBeLessThan(-100);
  });

  it('reads in words: signed levels, the floor, and the overs', () => {
    expect(levelText(8.2, 'dBFS')).toBe('+8.2 dBFS');
    expect(levelText(-17.94, 'dBFS')).toBe('−17.9 dBFS');
    expect(levelText(-673, 'dBFS')).toBe('below −48 dBFS');
    const text = describeOutputMeter(
      { peakNowDb: -3, shortTermNowLufs: -14, peakMaxDb: 2, shortTermMaxLufs: -9, overs: 12, domainDb: [-48, 6] },
      true,
    );
    expect(text).toBe(
      'Now: peak −3 dBFS, short-term loudness −14 LUFS. Whole clip: peak +2 dBFS (12 samples over 0 dBFS: it clips), loudest short-term −9 LUFS.',
    );
    const tone = sine({ sampleRate: 48000, frequencyHz: 1000, peakDb: 3, durationS: 4 });
    const model = outputMeterModel(outputMeasures(passThrough([tone], 1, 0, 48000)), 3.5, 3);
    expect(model.domainDb).toEqual([-48, 6]);
    const labels = Array.from(svgOf(outputMeterPlot(model, { width: 400 })).querySelectorAll('text')).map(
      (t) => t.textContent,
    );
    expect(labels).toContain('Peak (dBFS)');
    expect(labels).toContain('Short-term (LUFS)');
  });
});

describe('clipping view and the loudness-match exercise', () => {
  const tone = sine({ sampleRate: 48000, frequencyHz: 997, peakDb: -3, durationS: 2 });

  it('ΔLU of a render 6 dB louder is +6 LU (BS.1770 loudness moves 1 LU per dB)', () => {
    expect(measuredDeltaLu([tone], passThrough([tone], dbToGain(6), 6, 48000))).toBeCloseTo(6, 6);
  });

  it('the check reads the Worker’s loudness of the render it judges, equal to measuring it here; another render’s is measured anew', () => {
    const render = passThrough([tone], dbToGain(6), 6, 48000);
    const worker = measureLoudness([tone], render.output, 48000, 6);
    expect(renderDeltaLu([tone], render, { loudness: worker, of: render })).toBe(measuredDeltaLu([tone], render));
    // Figures of this render are read, not re-measured (made-up numbers show which path answered).
    const madeUp = { originalLufs: -20, compressedLufs: -17.5, removedLufs: Number.NaN };
    expect(renderDeltaLu([tone], render, { loudness: madeUp, of: render })).toBe(2.5);
    const older = passThrough([tone], dbToGain(3), 3, 48000);
    expect(renderDeltaLu([tone], render, { loudness: madeUp, of: older })).toBeCloseTo(6, 6);
    expect(renderDeltaLu([tone], render, { loudness: null, of: null })).toBeCloseTo(6, 6);
  });

  it('raised by ΔLU = 5 dB, a −3 dBFS sine peaks at +2 dBFS and clips; the compressed one at −1 dBFS does not', () => {
    const render = passThrough([tone], dbToGain(2), 2, 48000);
    const m = clippingModel([tone], render, 5);
    expect(m.raised.peakDb).toBeCloseTo(2, 2);
    expect(m.compressed.peakDb).toBeCloseTo(-1, 2);
    expect(m.compressed.overs.samples).toBe(0);
    const expected = 2 * 48000 * (1 - (2 / Math.PI) * Math.asin(dbToGain(-2)));
    expect(m.raised.overs.samples / expected).toBeCloseTo(1, 2);
    expect(m.raised.overs.places).toHaveLength(1);
    expect(describeClipping(m, 'Tone')).toContain(
      'Raised by the same 5 dB with plain gain, the original peaks at +2 dBFS',
    );
    expect(describeClipping(m, 'Tone')).toContain(
      'with 2 dB of make-up gain, peaks at −1 dBFS: no sample over 0 dBFS.',
    );
    const svg = svgOf(clipPanelPlot(m.raised, { width: 500, durationS: 2, extent: 1.3, color: 'gray' }));
    expect(Array.from(svg.querySelectorAll('text')).map((t) => t.textContent)).toContain('0 dBFS');
  });

  it('a quieter compressed version raises nothing', () => {
    const m = clippingModel([tone], passThrough([tone], 0.5, 0, 48000), -6);
    expect(m.raised.peakDb).toBeCloseTo(-3, 2);
    expect(describeClipping(m, 'Tone')).toContain('6.0 LU quieter than the original (ΔLU −6.0)');
  });

  it('match by ear: within ±1 LU is a match, the message reveals the measured ΔLU', () => {
    expect(checkLoudnessMatch(-3.04, 0, 'Dynamic talker')).toEqual({
      verdict: 'too-little',
      message:
        'With 0 dB of make-up gain, the compressed “Dynamic talker” measures ΔLU −3.0: still 3.0 LU quieter than the original. Raise the make-up gain and listen again.',
    });
    expect(checkLoudnessMatch(0.6, 8.5, 'x').verdict).toBe('good');
    expect(checkLoudnessMatch(-1, 8, 'x').verdict).toBe('good');
    expect(checkLoudnessMatch(1.4, 10, 'x').verdict).toBe('too-much');
    expect(checkLoudnessMatch(null, 0, 'x').verdict).toBe('none');
  });
});

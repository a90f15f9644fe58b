/**
 * The four reasons' measures (src/widgets/shared/reasons.ts) on signals whose answers can be worked out by hand,
 * and the readout's sentences (src/widgets/Reasons/model.ts) following the sign of each change.
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit, sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import {
  measureReasons,
  quietLevelDb,
  reasonsBeforeAfter,
  REASON_NAMES,
  type ReasonMeasures,
} from '../../../src/widgets/shared/reasons';
import { reasonRows } from '../../../src/widgets/Reasons/model';

const fs = 48000;
const p = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

/** 1 kHz tone: `levels` dBFS peak, each for `seconds`. */
function toneSteps(levels: number[], seconds: number): Float32Array[] {
  const parts = levels.map((peakDb) => sine({ sampleRate: fs, frequencyHz: 1000, peakDb, durationS: seconds }));
  const out = new Float32Array(parts.reduce((n, x) => n + x.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return [out];
}

/** Eight drum hits at −6 dBFS, 250 ms apart. */
function hits(): Float32Array[] {
  const x = new Float32Array(2 * fs);
  for (let k = 0; k < 8; k++)
    x.set(drumHit({ sampleRate: fs, peakDb: -6, durationS: 0.24, seed: k + 1 }), k * 0.25 * fs);
  return [x];
}

describe('the four measures', () => {
  it('none changes when the whole clip is turned up or down (they compare at the same loudness)', () => {
    const input = hits();
    const render = renderOffline(input, fs, p({ thresholdDb: -30, attackMs: 20 }));
    const { before } = reasonsBeforeAfter(input, render);
    const louder = [input[0]?.map((v) => v * 0.5) ?? new Float32Array()];
    const half = measureReasons(louder, fs, reasonsBeforeAfter(input, render).onsets);
    for (const key of ['loudnessRangeLu', 'transientOverSustainDb', 'peakToLoudnessDb', 'quietBelowPeakDb'] as const) {
      expect(half[key], key).toBeCloseTo(before[key], 1);
    }
  });

  it('steadier level: a tone at −30 and −10 dBFS has a 20 LU loudness range, and 4:1 over −30 dB narrows it', () => {
    const input = toneSteps([-30, -10, -30, -10], 5);
    const render = renderOffline(input, fs, p({ thresholdDb: -30, ratio: 4, detector: 'rms' }));
    const { before, after } = reasonsBeforeAfter(input, render);
    expect(before.loudnessRangeLu).toBeCloseTo(20, 0);
    // The RMS detector reads a sine 3 dB under its peak: the quiet part (−33 dB) stays under the threshold, the loud
    // one (−13 dB) is 17 dB over it and comes out 17/4 dB over, 12.75 dB down: 20 − 12.75 = 7.25 LU.
    expect(after.loudnessRangeLu).toBeCloseTo(7.25, 1);
  });

  it('punch: a 20 ms attack raises transient over sustain by over 6 dB; an instant attack leaves it within 1 dB', () => {
    const input = hits();
    const slow = reasonsBeforeAfter(input, renderOffline(input, fs, p({ thresholdDb: -30, ratio: 6, attackMs: 20 })));
    const fast = reasonsBeforeAfter(
      input,
      renderOffline(input, fs, p({ thresholdDb: -30, ratio: 6, attackMs: 0.1, releaseMs: 20 })),
    );
    expect(slow.onsets).toHaveLength(8);
    expect(slow.after.transientOverSustainDb - slow.before.transientOverSustainDb).toBeGreaterThan(6);
    expect(Math.abs(fast.after.transientOverSustainDb - fast.before.transientOverSustainDb)).toBeLessThan(1);
  });

  it('no clipping: peak to loudness ratio is the highest peak minus the integrated loudness', () => {
    const input = toneSteps([-20], 3);
    const m = measureReasons(input, fs, []);
    expect(m.peakDb).toBeCloseTo(-20, 2);
    expect(m.loudnessLufs).toBeCloseTo(integratedLoudness(input, fs), 6);
    expect(m.peakToLoudnessDb).toBeCloseTo(m.peakDb - m.loudnessLufs, 9);
    expect(Number.isNaN(m.transientOverSustainDb)).toBe(true);
  });

  it('space and depth: the quiet level is the 10th percentile of 50 ms blocks, silence left out', () => {
    // 1 s at −50 dBFS peak (−53 dB RMS), 9 s at −10 dBFS peak, 5 s of silence: the quiet blocks are 10 % of the
    // blocks that are not silent, so the 10th percentile is the last quiet one.
    const tone = toneSteps([-50, -10], 1)[0] as Float32Array;
    const x = new Float32Array(15 * fs);
    x.set(tone.subarray(0, fs));
    x.set(toneSteps([-10], 9)[0] as Float32Array, fs);
    expect(quietLevelDb([x], fs)).toBeCloseTo(-53.01, 1);
    const m = measureReasons([x], fs, []);
    expect(m.quietBelowPeakDb).toBeCloseTo(-10 + 53.01, 1);
  });
});

describe('the readout', () => {
  const base: ReasonMeasures = {
    loudnessRangeLu: 10,
    transientOverSustainDb: 12,
    peakDb: -3,
    loudnessLufs: -24,
    peakToLoudnessDb: 21,
    quietBelowPeakDb: 40,
  };

  it('names each measure as the module does and says which way each went', () => {
    const rows = reasonRows({
      before: base,
      after: { ...base, loudnessRangeLu: 6, transientOverSustainDb: 15, peakToLoudnessDb: 18, quietBelowPeakDb: 34 },
    });
    expect(rows.map((r) => r.measure)).toEqual(Object.values(REASON_NAMES));
    expect(rows.map((r) => [r.before, r.after])).toEqual([
      ['10.0 LU', '6.0 LU'],
      ['12.0 dB', '15.0 dB'],
      ['21.0 dB', '18.0 dB'],
      ['40.0 dB', '34.0 dB'],
    ]);
    expect(rows.map((r) => r.sentence)).toEqual([
      'Steadier level: the loudness range is 4.0 LU narrower, so the level wanders less.',
      'Punch: each hit’s transient stands 3.0 dB further above its sustain, so the hits sound sharper.',
      'No clipping: at the same loudness the highest peak sits 3.0 dB further below 0 dBFS.',
      'Space and depth: the quiet moments between events come 6.0 dB closer to the peaks.',
    ]);
  });

  it('says so when a change goes the other way, is too small to matter, or the compressed clip clips', () => {
    const rows = reasonRows({
      before: base,
      after: {
        ...base,
        loudnessRangeLu: 10.1,
        transientOverSustainDb: 10,
        peakDb: 1.5,
        peakToLoudnessDb: 23,
        quietBelowPeakDb: 41,
      },
    });
    expect(rows.map((r) => r.sentence)).toEqual([
      'Steadier level: the loudness range is about the same (10.1 LU).',
      'Punch: each hit’s transient stands 2.0 dB less above its sustain, so the hits sound flatter.',
      'No clipping: at the same loudness the highest peak comes 2.0 dB closer to 0 dBFS (the compressor let it through). The compressed clip itself peaks at 1.5 dBFS and would clip: lower the make-up.',
      'Space and depth: the quiet moments sit 1.0 dB further below the peaks.',
    ]);
  });
});

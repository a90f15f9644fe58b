import { describe, expect, it } from 'vitest';
import { StreamingCompressor, renderOffline } from '../../../src/dsp/compressor';
import { gainToDb } from '../../../src/dsp/levels';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { dcSteps, sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';

const P = (over: Partial<CompressorParams>): CompressorParams => ({ ...DEFAULT_PARAMS, ...over });

describe('ballistics: attack and release are time constants', () => {
  for (const fs of [44100, 48000]) {
    it(`63.2 % of the reduction after attackMs, 36.8 % left after releaseMs (${fs} Hz)`, () => {
      // −40 dBFS (below T = −20) for 1 s, −10 dBFS for 1 s, back to −40 dBFS: target reduction (1 − 1/4)·10 = 7.5 dB.
      const x = dcSteps(fs, [
        { levelDb: -40, durationS: 1 },
        { levelDb: -10, durationS: 1 },
        { levelDb: -40, durationS: 1 },
      ]);
      const attackMs = 10;
      const releaseMs = 100;
      const r = renderOffline([x], fs, P({ attackMs, releaseMs }));
      const up = fs;
      const down = 2 * fs;
      expect(r.targetReductionDb[up]).toBeCloseTo(7.5, 5);
      expect(r.appliedReductionDb[up - 1]).toBe(0);
      // y after N samples of a step = X(1 − α^N) with α = exp(−1/(τ·fs)); N = τ·fs → 1 − 1/e.
      const nA = Math.round((attackMs / 1000) * fs);
      expect((r.appliedReductionDb[up + nA - 1] as number) / 7.5).toBeCloseTo(1 - Math.exp(-1), 4);
      expect(r.appliedReductionDb[down - 1]).toBeCloseTo(7.5, 5);
      const nR = Math.round((releaseMs / 1000) * fs);
      expect((r.appliedReductionDb[down + nR - 1] as number) / 7.5).toBeCloseTo(Math.exp(-1), 4);
    });
  }
});

describe('steady state follows the static curve', () => {
  it('DC at several levels: output level = y_G + make-up', () => {
    const fs = 48000;
    const params = P({ thresholdDb: -24, ratio: 3, kneeDb: 6, makeupDb: 2 });
    for (const levelDb of [-40, -27, -24, -22, -10, 0]) {
      const x = dcSteps(fs, [{ levelDb, durationS: 0.5 }]);
      const r = renderOffline([x], fs, params);
      const over = levelDb + 24;
      const reduction = 2 * over <= -6 ? 0 : 2 * over < 6 ? ((1 - 1 / 3) * (over + 3) ** 2) / 12 : (1 - 1 / 3) * over;
      expect(gainToDb(r.output[0]?.at(-1) as number)).toBeCloseTo(levelDb - reduction + 2, 4);
    }
  });
  it('auto make-up: +15 dB at T = −20, R = 4, so full scale comes out at full scale', () => {
    const x = dcSteps(48000, [{ levelDb: 0, durationS: 0.5 }]);
    const r = renderOffline([x], 48000, P({ makeupDb: 'auto' }));
    expect(r.makeupDb).toBe(15);
    expect(r.output[0]?.at(-1)).toBeCloseTo(1, 5);
  });
});

describe('mix (parallel compression)', () => {
  const fs = 48000;
  const x = sine({ sampleRate: fs, frequencyHz: 220, peakDb: -6, durationS: 0.5 });
  it('mix 0 returns the input exactly; mix 0.5 is the average of wet and dry', () => {
    const dry = renderOffline([x], fs, P({ mix: 0, lookaheadMs: 3 }));
    expect(dry.output[0]).toEqual(x);
    const wet = renderOffline([x], fs, P({ mix: 1 }));
    const half = renderOffline([x], fs, P({ mix: 0.5 }));
    let worst = 0;
    for (let i = 0; i < x.length; i++) {
      const expected = 0.5 * (wet.output[0]?.[i] as number) + 0.5 * (x[i] as number);
      worst = Math.max(worst, Math.abs((half.output[0]?.[i] as number) - expected));
    }
    expect(worst).toBeLessThan(1e-6);
  });
});

describe('stereo link', () => {
  // Left: DC at −10 dBFS (7.5 dB over-threshold reduction); right: DC at −40 dBFS (below threshold).
  const fs = 48000;
  const left = dcSteps(fs, [{ levelDb: -10, durationS: 0.5 }]);
  const right = dcSteps(fs, [{ levelDb: -40, durationS: 0.5 }]);
  const reductionOf = (out: Float32Array | undefined, input: Float32Array): number =>
    gainToDb(input.at(-1) as number) - gainToDb(out?.at(-1) as number);
  for (const [link, expectedRight] of [
    [1, 7.5],
    [0.5, 3.75],
    [0, 0],
  ] as const) {
    it(`link ${link}: the quiet channel is reduced by ${expectedRight} dB, the loud one by 7.5 dB`, () => {
      const r = renderOffline([left, right], fs, P({ link }));
      expect(reductionOf(r.output[0], left)).toBeCloseTo(7.5, 4);
      expect(reductionOf(r.output[1], right)).toBeCloseTo(expectedRight, 4);
      expect(r.appliedReductionDb.at(-1)).toBeCloseTo(7.5, 4);
      expect(r.detectorDb.at(-1)).toBeCloseTo(-10, 4);
    });
  }
});

describe('lookahead', () => {
  const fs = 48000;
  const x = dcSteps(fs, [
    { levelDb: -40, durationS: 0.1 },
    { levelDb: -6, durationS: 0.1 },
  ]);
  const step = Math.round(0.1 * fs);
  it('offline output is time-aligned and gain reduction starts before the step', () => {
    const r = renderOffline([x], fs, P({ lookaheadMs: 5, attackMs: 1 }));
    expect(r.latencySamples).toBe(240);
    // Before the step: the input level passes unchanged until the detector sees the step 240 samples early.
    expect(r.output[0]?.[step - 241]).toBeCloseTo(x[step - 241] as number, 6);
    expect(r.appliedReductionDb[step - 241]).toBe(0);
    expect(r.appliedReductionDb[step - 1]).toBeGreaterThan(0.9 * 10.5);
    // The detector and target curves describe the input at the same index.
    expect(r.detectorDb[step - 1]).toBeCloseTo(-40, 4);
    expect(r.detectorDb[step]).toBeCloseTo(-6, 4);
    // Without lookahead the first loud sample gets almost no reduction; with 5 ms it is nearly settled.
    const plain = renderOffline([x], fs, P({ attackMs: 1 }));
    expect(plain.appliedReductionDb[step]).toBeLessThan(0.5);
    expect(r.appliedReductionDb[step]).toBeGreaterThan(10);
  });
  it('the streaming processor reports the latency and delays the dry path equally', () => {
    const s = new StreamingCompressor({ sampleRate: fs, channelCount: 1, params: P({ lookaheadMs: 5, mix: 0.5 }) });
    expect(s.latencySamples).toBe(240);
    const wet = new Float32Array(x.length);
    const dry = new Float32Array(x.length);
    for (let i = 0; i < x.length; i += 128) {
      const n = Math.min(128, x.length - i);
      s.processWithDry([x.subarray(i, i + n)], [wet.subarray(i, i + n)], [dry.subarray(i, i + n)], n);
    }
    for (let i = 0; i + 240 < x.length; i += 97) expect(dry[i + 240]).toBe(x[i]);
    const offline = renderOffline([x], fs, P({ lookaheadMs: 5, mix: 0.5 }));
    for (let i = 0; i + 240 < x.length; i += 31) expect(wet[i + 240]).toBeCloseTo(offline.output[0]?.[i] as number, 6);
  });
});

describe('streaming meter and robustness', () => {
  it('meters a −10 dBFS DC block: input −10, reduction 7.5, output −17.5', () => {
    const s = new StreamingCompressor({ sampleRate: 48000, channelCount: 2, params: DEFAULT_PARAMS });
    const block = new Float32Array(128).fill(Math.pow(10, -10 / 20));
    const out = [new Float32Array(128), new Float32Array(128)];
    for (let k = 0; k < 100; k++) s.process([block, block], out, 128);
    expect(s.meter.inputPeakDb).toBeCloseTo(-10, 4);
    expect(s.meter.reductionDb).toBeCloseTo(7.5, 4);
    expect(s.meter.outputPeakDb).toBeCloseTo(-17.5, 4);
    s.reset();
    expect(s.meter.reductionDb).toBe(0);
  });
  it('NaN and ±Infinity are silence and do not poison the state', () => {
    const fs = 48000;
    const x = sine({ sampleRate: fs, frequencyHz: 440, peakDb: 0, durationS: 0.2 });
    const bad = x.slice();
    const clean = x.slice();
    for (const [i, v] of [
      [100, NaN],
      [2000, Infinity],
      [5000, -Infinity],
    ] as const) {
      bad[i] = v;
      clean[i] = 0;
    }
    const a = renderOffline([bad], fs, P({ detector: 'rms' }));
    const b = renderOffline([clean], fs, P({ detector: 'rms' }));
    expect(a.output[0]).toEqual(b.output[0]);
    expect(a.output[0]?.every(Number.isFinite)).toBe(true);
  });
  it('missing input channels read as silence in the streaming processor', () => {
    const s = new StreamingCompressor({ sampleRate: 48000, channelCount: 2, params: DEFAULT_PARAMS });
    const out = [new Float32Array(128).fill(9), new Float32Array(128).fill(9)];
    s.process([], out, 128);
    expect(out[0]?.every((v) => v === 0)).toBe(true);
    expect(out[1]?.every((v) => v === 0)).toBe(true);
  });
  it('rejects an empty channel list and unequal channel lengths', () => {
    expect(() => renderOffline([], 48000, DEFAULT_PARAMS)).toThrow(RangeError);
    expect(() => renderOffline([new Float32Array(3), new Float32Array(4)], 48000, DEFAULT_PARAMS)).toThrow(RangeError);
  });
});

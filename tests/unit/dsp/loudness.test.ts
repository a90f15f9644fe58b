import { describe, expect, it } from 'vitest';
import {
  integratedLoudness,
  kWeightingCoefficients,
  loudnessRange,
  momentaryLoudness,
  shortTermLoudness,
} from '../../../src/dsp/loudness';
import { dbToGain } from '../../../src/dsp/levels';

/** 1 kHz sine segments, peak level per segment in dBFS, continuous phase. */
function segments(sampleRate: number, parts: readonly [number, number][]): Float32Array {
  const total = parts.reduce((n, [, s]) => n + Math.round(s * sampleRate), 0);
  const out = new Float32Array(total);
  let i = 0;
  for (const [db, seconds] of parts) {
    const amp = dbToGain(db);
    const end = i + Math.round(seconds * sampleRate);
    for (; i < end; i++) out[i] = amp * Math.sin((2 * Math.PI * 1000 * i) / sampleRate);
  }
  return out;
}

describe('K-weighting', () => {
  it('reproduces the BS.1770-4 48 kHz coefficient table', () => {
    const { shelf, highPass } = kWeightingCoefficients(48000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 8);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 8);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 8);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 8);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 8);
    expect([highPass.b0, highPass.b1, highPass.b2]).toEqual([1, -2, 1]);
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 8);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 8);
  });
});

describe('EBU Tech 3341 minimum requirements', () => {
  for (const fs of [44100, 48000]) {
    it(`case 1: stereo 1 kHz at −23 dBFS reads −23.0 LUFS (${fs} Hz)`, () => {
      const tone = segments(fs, [[-23, 20]]);
      expect(integratedLoudness([tone, tone], fs)).toBeCloseTo(-23, 1);
    });
  }
  it('case 2: −33 dBFS reads −33.0 LUFS', () => {
    const tone = segments(48000, [[-33, 20]]);
    expect(integratedLoudness([tone, tone], 48000)).toBeCloseTo(-33, 1);
  });
  it('case 3: −36/−23/−36 dBFS for 10/60/10 s reads −23.0 (relative gate)', () => {
    const x = segments(48000, [
      [-36, 10],
      [-23, 60],
      [-36, 10],
    ]);
    expect(Math.abs(integratedLoudness([x, x], 48000) + 23)).toBeLessThanOrEqual(0.1);
  });
  it('case 4: −72/−36/−23/−36/−72 dBFS reads −23.0 (absolute gate)', () => {
    const x = segments(48000, [
      [-72, 10],
      [-36, 10],
      [-23, 60],
      [-36, 10],
      [-72, 10],
    ]);
    expect(Math.abs(integratedLoudness([x, x], 48000) + 23)).toBeLessThanOrEqual(0.1);
  });
  it('case 5: −26/−20/−26 dBFS for 20/20.1/20 s reads −23.0', () => {
    const x = segments(48000, [
      [-26, 20],
      [-20, 20.1],
      [-26, 20],
    ]);
    expect(Math.abs(integratedLoudness([x, x], 48000) + 23)).toBeLessThanOrEqual(0.1);
  });
  it('case 6: 5.0 channels at −28/−28/−24/−30/−30 dBFS read −23.0 (surround weights 1.41)', () => {
    const fs = 48000;
    const chans = [-28, -28, -24, -30, -30].map((db) => segments(fs, [[db, 20]]));
    expect(Math.abs(integratedLoudness(chans, fs) + 23)).toBeLessThanOrEqual(0.1);
  });
  it('the same tone on one channel only reads −26.0', () => {
    const tone = segments(48000, [[-23, 20]]);
    expect(integratedLoudness([tone, new Float32Array(tone.length)], 48000)).toBeCloseTo(-26, 1);
    expect(integratedLoudness([tone], 48000)).toBeCloseTo(-26, 1);
  });
  it('momentary and short-term of a steady −23 dBFS stereo tone stay at −23.0 ±0.1', () => {
    const tone = segments(48000, [[-23, 5]]);
    const m = momentaryLoudness([tone, tone], 48000);
    const s = shortTermLoudness([tone, tone], 48000);
    expect(m.length).toBe(50 - 3);
    expect(s.length).toBe(50 - 29);
    for (const v of [...m.slice(1), ...s]) expect(Math.abs(v + 23)).toBeLessThanOrEqual(0.1);
  });
  it('works at 8, 11.025 and 192 kHz', () => {
    for (const fs of [8000, 11025, 192000]) {
      const tone = segments(fs, [[-23, 5]]);
      expect(Math.abs(integratedLoudness([tone, tone], fs) + 23)).toBeLessThanOrEqual(0.1);
    }
  });
  it('silence and clips shorter than one 400 ms block are −Infinity', () => {
    expect(integratedLoudness([new Float32Array(48000)], 48000)).toBe(-Infinity);
    expect(integratedLoudness([segments(48000, [[-23, 0.3]])], 48000)).toBe(-Infinity);
  });
});

describe('EBU Tech 3342 loudness range', () => {
  it('20 s at −20 dBFS then 20 s at −30 dBFS: LRA 10 ±1 LU', () => {
    const x = segments(48000, [
      [-20, 20],
      [-30, 20],
    ]);
    expect(Math.abs(loudnessRange([x, x], 48000) - 10)).toBeLessThanOrEqual(1);
  });
  it('20 s at −20 dBFS then 20 s at −15 dBFS: LRA 5 ±1 LU', () => {
    const x = segments(48000, [
      [-20, 20],
      [-15, 20],
    ]);
    expect(Math.abs(loudnessRange([x, x], 48000) - 5)).toBeLessThanOrEqual(1);
  });
  it('a steady tone has LRA 0', () => {
    const x = segments(48000, [[-20, 10]]);
    expect(loudnessRange([x, x], 48000)).toBeCloseTo(0, 1);
  });
});

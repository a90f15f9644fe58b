import { describe, expect, it } from 'vitest';
import { crestFactorDb, dbToGain, gainToDb, peakDb, rmsDb } from '../../../src/dsp/levels';
import { sine } from '../../../src/dsp/signals';

describe('dB conversions', () => {
  it('round-trips and hits the textbook points', () => {
    expect(dbToGain(-6.0206)).toBeCloseTo(0.5, 5);
    expect(dbToGain(20)).toBeCloseTo(10, 10);
    expect(gainToDb(0.1)).toBeCloseTo(-20, 10);
    expect(gainToDb(0)).toBe(-Infinity);
    for (const db of [-120, -23, 0, 12.5]) expect(gainToDb(dbToGain(db))).toBeCloseTo(db, 10);
  });
});

describe('levels', () => {
  // 1 kHz at 48 kHz: 48 samples per period, 1 s = whole periods.
  const tone = sine({ sampleRate: 48000, frequencyHz: 1000, peakDb: 0, durationS: 1, phaseRad: Math.PI / 2 });
  it("a full-scale sine's RMS is −3.01 dB and its crest factor 3.01 dB", () => {
    expect(peakDb([tone])).toBeCloseTo(0, 6);
    expect(rmsDb([tone])).toBeCloseTo(-3.0103, 3);
    expect(crestFactorDb([tone])).toBeCloseTo(3.0103, 3);
  });
  it('a square wave has 0 dB crest factor; DC at 0.5 is −6.02 dB', () => {
    const square = Float32Array.from({ length: 1000 }, (_, i) => (i % 2 ? 0.5 : -0.5));
    expect(crestFactorDb([square])).toBeCloseTo(0, 6);
    expect(rmsDb([new Float32Array(100).fill(0.5)])).toBeCloseTo(-6.0206, 3);
  });
  it('silence is −Infinity, non-finite samples are skipped', () => {
    expect(peakDb([new Float32Array(10)])).toBe(-Infinity);
    expect(rmsDb([new Float32Array(10)])).toBe(-Infinity);
    expect(crestFactorDb([new Float32Array(10)])).toBe(0);
    expect(peakDb([Float32Array.from([NaN, Infinity, 0.1])])).toBeCloseTo(-20, 5);
  });
  it('pools all channels', () => {
    expect(rmsDb([new Float32Array(4).fill(1), new Float32Array(4)])).toBeCloseTo(-3.0103, 3);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StreamingCompressor, renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS, PARAM_SPECS } from '../../../src/dsp/params';
import type { CompressorParams } from '../../../src/dsp/types';

const range = (key: keyof typeof PARAM_SPECS) =>
  fc.double({ min: PARAM_SPECS[key].min, max: PARAM_SPECS[key].max, noNaN: true });

const paramsArb: fc.Arbitrary<CompressorParams> = fc.record({
  thresholdDb: range('thresholdDb'),
  ratio: fc.oneof(range('ratio'), fc.constant(Infinity)),
  kneeDb: fc.oneof(fc.constant(0), range('kneeDb')),
  attackMs: range('attackMs'),
  releaseMs: range('releaseMs'),
  makeupDb: fc.oneof(range('makeupDb'), fc.constant('auto' as const)),
  detector: fc.constantFrom('peak' as const, 'rms' as const),
  rmsWindowMs: range('rmsWindowMs'),
  lookaheadMs: fc.oneof(fc.constant(0), range('lookaheadMs')),
  link: fc.oneof(fc.constant(1), fc.constant(0), range('link')),
  mix: fc.oneof(fc.constant(1), range('mix')),
});

const sampleArb = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: -1, max: 1, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, -1, 4, -4) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
);

/** A signal: channels × frames, runs of repeated samples so DC and silence occur as well as noise. */
const signalArb = fc
  .record({
    channels: fc.integer({ min: 1, max: 8 }),
    frames: fc.integer({ min: 1, max: 1500 }),
    seedSamples: fc.array(sampleArb, { minLength: 1, maxLength: 64 }),
    runLength: fc.integer({ min: 1, max: 200 }),
  })
  .map(({ channels, frames, seedSamples, runLength }) =>
    Array.from({ length: channels }, (_, c) =>
      Float32Array.from(
        { length: frames },
        (_, i) => seedSamples[(Math.floor(i / runLength) + c * 7 + (i % 3)) % seedSamples.length] as number,
      ),
    ),
  );

const rateArb = fc.constantFrom(8000, 11025, 22050, 44100, 48000, 88200, 96000, 192000);

describe('compressor properties (fast-check)', () => {
  it('finite output, reduction never negative, applied never above the largest target', () => {
    fc.assert(
      fc.property(paramsArb, signalArb, rateArb, (params, channels, fs) => {
        const r = renderOffline(channels, fs, params);
        expect(r.output).toHaveLength(channels.length);
        let maxTarget = 0;
        for (const t of r.targetReductionDb) maxTarget = Math.max(maxTarget, t);
        expect(Math.min(...r.targetReductionDb)).toBeGreaterThanOrEqual(0);
        expect(Math.min(...r.appliedReductionDb)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...r.appliedReductionDb)).toBeLessThanOrEqual(maxTarget * (1 + 1e-6) + 1e-6);
        expect(Math.min(...r.detectorDb)).toBeGreaterThanOrEqual(-120 - 1e-9);
        for (const ch of r.output) {
          expect(ch.length).toBe(channels[0]?.length);
          expect(ch.every(Number.isFinite)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('block-size invariance: 128-frame blocks (and random blocks) = whole-buffer render, within 1e-6', () => {
    fc.assert(
      fc.property(
        paramsArb,
        signalArb,
        rateArb,
        fc.integer({ min: 1, max: 300 }),
        (params, channels, fs, randomBlock) => {
          const offline = renderOffline(channels, fs, params);
          const d = offline.latencySamples;
          const frames = channels[0]?.length ?? 0;
          for (const block of [128, randomBlock]) {
            const s = new StreamingCompressor({ sampleRate: fs, channelCount: channels.length, params });
            expect(s.latencySamples).toBe(d);
            const out = channels.map(() => new Float32Array(frames));
            for (let i = 0; i < frames; i += block) {
              const n = Math.min(block, frames - i);
              s.process(
                channels.map((ch) => ch.subarray(i, i + n)),
                out.map((ch) => ch.subarray(i, i + n)),
                n,
              );
            }
            let worst = 0;
            for (let c = 0; c < channels.length; c++) {
              const o = offline.output[c] as Float32Array;
              const st = out[c] as Float32Array;
              for (let i = 0; i + d < frames; i++)
                worst = Math.max(worst, Math.abs((st[i + d] as number) - (o[i] as number)));
            }
            expect(worst).toBeLessThanOrEqual(1e-6);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('every rate from 8 to 192 kHz, 1 to 8 channels, awkward signals', () => {
  const signals: [string, (n: number) => number][] = [
    ['silence', () => 0],
    ['DC at full scale', () => 1],
    ['full-scale square', (i) => (i % 2 ? 1 : -1)],
    ['one-sample clip', (i) => (i === 100 ? 1 : 0)],
    ['overs beyond full scale', (i) => (i % 50 < 25 ? 8 : -8)],
  ];
  for (const fs of [8000, 44100, 192000]) {
    for (const channels of [1, 2, 8]) {
      it(`${fs} Hz × ${channels} channels`, () => {
        for (const [, gen] of signals) {
          const x = Array.from({ length: channels }, () => Float32Array.from({ length: 1000 }, (_, i) => gen(i)));
          for (const params of [
            { lookaheadMs: 10, link: 0.3, detector: 'rms', ratio: Infinity, makeupDb: 'auto' },
            { attackMs: 0.1, releaseMs: 5, kneeDb: 24, thresholdDb: -60, lookaheadMs: 0 },
          ] as const) {
            const r = renderOffline(x, fs, { ...DEFAULT_PARAMS, ...params });
            // Source: D = round(lookaheadMs · fs / 1000).
            expect(r.latencySamples).toBe(Math.round((params.lookaheadMs * fs) / 1000));
            for (const ch of r.output) expect(ch.every(Number.isFinite)).toBe(true);
            expect(Math.min(...r.appliedReductionDb)).toBeGreaterThanOrEqual(0);
          }
        }
      });
    }
  }
});

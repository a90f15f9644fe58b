import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { peakDb, rmsDb } from '../../../src/dsp/levels';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit, mulberry32, sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import { decodeWav, encodeWavFloat32 } from '../../../src/io/wav';
import { FileError, compressFile } from '../../../scripts/lib/compress-file';

const dir = mkdtempSync(join(tmpdir(), 'compress-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `channels` channels of 0.6 s at 48 kHz: drum hits, a sine and seeded noise, different on every channel. */
function signal(channels: number, seed: number): Float32Array[] {
  const fs = 48000;
  const rand = mulberry32(seed);
  const hit = drumHit({ sampleRate: fs, peakDb: -2, durationS: 0.15, seed });
  return Array.from({ length: channels }, (_, c) => {
    const x = sine({ sampleRate: fs, frequencyHz: 110 * (c + 1), peakDb: -24 + 6 * c, durationS: 0.6 });
    for (let at = 2000 * c; at + hit.length <= x.length; at += 9000) {
      for (let i = 0; i < hit.length; i++) x[at + i] = (x[at + i] as number) + (hit[i] as number) * (1 - 0.3 * c);
    }
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + 0.003 * (2 * rand() - 1);
    return x;
  });
}

const settings: [string, Partial<CompressorParams>][] = [
  ['defaults', {}],
  ['lookahead 5 ms, auto make-up, soft knee', { lookaheadMs: 5, makeupDb: 'auto', kneeDb: 12, thresholdDb: -30 }],
  ['RMS detector, link 0.4, mix 0.7, ratio ∞', { detector: 'rms', link: 0.4, mix: 0.7, ratio: Infinity }],
  ['lookahead 10 ms, link 0, fast times', { lookaheadMs: 10, link: 0, attackMs: 0.1, releaseMs: 5 }],
];

describe('compressFile: streaming in chunks gives renderOffline', () => {
  for (const [name, partial] of settings) {
    for (const channels of [1, 2, 3]) {
      // Chunks smaller than the lookahead, odd-sized ones, and the default; each splits the kernel calls at
      // different places, so this also checks the kernel's state carries over exactly.
      for (const chunkFrames of [97, 1000, 16384]) {
        it(`${name}, ${channels} ch, chunks of ${chunkFrames}`, () => {
          const params = { ...DEFAULT_PARAMS, ...partial };
          const input = signal(channels, 7 + channels);
          const inPath = join(dir, `in-${channels}.wav`);
          writeFileSync(inPath, encodeWavFloat32(input, 48000));
          const outPath = join(dir, `out-${channels}-${chunkFrames}.wav`);
          const summary = compressFile(inPath, outPath, params, { chunkFrames, loudness: true });
          const expected = renderOffline(input, 48000, params);
          const out = decodeWav(readFileSync(outPath));
          expect(out.channels).toHaveLength(channels);
          let worst = 0;
          out.channels.forEach((ch, c) => {
            expect(ch.length).toBe(input[0]?.length);
            const e = expected.output[c] as Float32Array;
            for (let i = 0; i < ch.length; i++) worst = Math.max(worst, Math.abs((ch[i] as number) - (e[i] as number)));
          });
          expect(worst).toBe(0); // bit for bit: the same kernel, fed the same samples
          expect(summary.latencySamples).toBe(expected.latencySamples);
          expect(summary.input.peakDb).toBeCloseTo(peakDb(input), 9);
          expect(summary.input.rmsDb).toBeCloseTo(rmsDb(input), 9);
          expect(summary.input.lufs).toBeCloseTo(integratedLoudness(input, 48000), 9);
          expect(summary.output.peakDb).toBeCloseTo(peakDb(expected.output), 6);
          expect(summary.output.rmsDb).toBeCloseTo(rmsDb(expected.output), 6);
          expect(summary.output.lufs).toBeCloseTo(integratedLoudness(expected.output, 48000), 6);
          // The trace is stored as float32: 7 significant digits.
          expect(summary.maxGainReductionDb).toBeCloseTo(Math.max(...expected.appliedReductionDb), 5);
        });
      }
    }
  }

  it('a file shorter than the lookahead, and an empty one', () => {
    const params = { ...DEFAULT_PARAMS, lookaheadMs: 10 };
    for (const frames of [0, 1, 100]) {
      const input = [new Float32Array(frames).fill(0.9), new Float32Array(frames).fill(-0.5)];
      const inPath = join(dir, `tiny-${frames}.wav`);
      writeFileSync(inPath, encodeWavFloat32(input, 48000));
      const outPath = join(dir, `tiny-out-${frames}.wav`);
      const summary = compressFile(inPath, outPath, params, { chunkFrames: 64 });
      const out = decodeWav(readFileSync(outPath));
      expect(out.channels.map((ch) => Array.from(ch))).toEqual(
        renderOffline(input, 48000, params).output.map((ch) => Array.from(ch)),
      );
      expect(summary.frames).toBe(frames);
    }
  });

  it('a failure leaves neither the output nor a temporary file', () => {
    const inPath = join(dir, 'in-2.wav');
    expect(() => compressFile(inPath, join(dir, 'missing-dir', 'x.wav'), DEFAULT_PARAMS)).toThrow(FileError);
    expect(() => compressFile(join(dir, 'nope.wav'), join(dir, 'y.wav'), DEFAULT_PARAMS)).toThrow(
      /cannot read .*nope.wav: ENOENT/,
    );
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f === 'y.wav')).toEqual([]);
  });
});

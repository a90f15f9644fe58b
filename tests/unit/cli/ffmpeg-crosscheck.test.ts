/**
 * Cross-check against an independent implementation: FFmpeg's acompressor. On long DC steps both compressors
 * settle on their static curves; those must agree within 0.05 dB (acompressor's knee option k is a width of
 * W = 20·log10(k) dB centred on the threshold; its threshold is linear). Skips where ffmpeg is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staticOutputDb } from '../../../src/dsp/gain-computer';
import { dbToGain, gainToDb } from '../../../src/dsp/levels';
import { dcSteps } from '../../../src/dsp/signals';
import { decodeWav, encodeWavFloat32 } from '../../../src/io/wav';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
if (!hasFfmpeg) console.warn('ffmpeg not found: skipping the acompressor cross-check (apt-get install ffmpeg)');

const fs = 48000;
const STEP_S = 0.2;
const levelsDb = Array.from({ length: 51 }, (_, k) => -50 + k);
const dir = mkdtempSync(join(tmpdir(), 'acompressor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inPath = join(dir, 'staircase.wav');
writeFileSync(
  inPath,
  encodeWavFloat32(
    [
      dcSteps(
        fs,
        levelsDb.map((levelDb) => ({ levelDb, durationS: STEP_S })),
      ),
    ],
    fs,
  ),
);

/** Gain in dB at the last sample of every step: the settled static curve. */
function settledGainsDb(path: string): number[] {
  const out = decodeWav(readFileSync(path)).channels[0] as Float32Array;
  const stepLength = Math.round(STEP_S * fs);
  return levelsDb.map((levelDb, k) => gainToDb(out[(k + 1) * stepLength - 1] as number) - levelDb);
}

describe.skipIf(!hasFfmpeg)('static curve vs ffmpeg acompressor on a DC staircase (−50 … 0 dBFS)', () => {
  for (const { thresholdDb, ratio, kneeDb } of [
    { thresholdDb: -20, ratio: 4, kneeDb: 0 },
    { thresholdDb: -30, ratio: 2, kneeDb: 6 },
    { thresholdDb: -12, ratio: 20, kneeDb: 12 },
    { thresholdDb: -40, ratio: 8, kneeDb: 18 },
  ]) {
    it(`T = ${thresholdDb} dB, R = ${ratio}, W = ${kneeDb} dB`, () => {
      const ours = join(dir, `ours${thresholdDb}.wav`);
      const theirs = join(dir, `ffmpeg${thresholdDb}.wav`);
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'scripts/compress.ts',
          inPath,
          ours,
          `--threshold=${thresholdDb}`,
          `--ratio=${ratio}`,
        ].concat([`--knee=${kneeDb}`, '--attack=0.1', '--release=5']),
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      // attack/release 0.01 ms: acompressor's coefficient min(1, 4000/(t·fs)) is 1, so its detector is |x| itself.
      const filter =
        `acompressor=level_in=1:mode=downward:threshold=${dbToGain(thresholdDb)}:ratio=${ratio}` +
        `:knee=${dbToGain(kneeDb)}:attack=0.01:release=0.01:makeup=1:detection=peak:link=maximum:mix=1`;
      const f = spawnSync(
        'ffmpeg',
        ['-hide_banner', '-loglevel', 'error', '-y', '-i', inPath, '-af', filter].concat(['-c:a', 'pcm_f32le', theirs]),
      );
      expect(f.status, f.stderr.toString()).toBe(0);
      const a = settledGainsDb(ours);
      const b = settledGainsDb(theirs);
      const params = { thresholdDb, ratio, kneeDb };
      levelsDb.forEach((x, k) => {
        const expected = staticOutputDb(x, params) - x;
        expect(Math.abs((a[k] as number) - expected), `ours at ${x} dBFS`).toBeLessThanOrEqual(1e-3);
        expect(Math.abs((a[k] as number) - (b[k] as number)), `vs ffmpeg at ${x} dBFS`).toBeLessThanOrEqual(0.05);
      });
    });
  }
});

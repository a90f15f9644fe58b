/**
 * The shipped clip manifest against the shipped files: it parses, every file exists within the size budget,
 * decodes (FFmpeg) to the duration and loudness the manifest states, peaks at or below −1 dBFS, and the clips
 * do what the lessons need (drums crest factor ≥ 15 dB, vocal loudness range ≥ 5 LU, a guitar with real dynamics).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../../src/clips/manifest';
import { parseManifest } from '../../../src/clips/manifest-schema';
import { validateParams } from '../../../src/dsp/params';
import { integratedLoudness, loudnessRange } from '../../../src/dsp/loudness';
import { crestFactorDb, peakDb } from '../../../src/dsp/levels';
import { decodeFile } from '../../../scripts/audio/pcm';
import { SKIP_CLIP_TESTS, requireFfmpeg } from '../support/clip-audio';
import { MAX_FILE_BYTES, TARGET_LUFS } from '../../../scripts/audio/master';

const AUDIO_DIR = join(import.meta.dirname, '../../../public/audio');
const MAX_TOTAL_BYTES = 6 * 1024 * 1024;

const raw: unknown = JSON.parse(readFileSync(join(AUDIO_DIR, 'manifest.json'), 'utf8'));
const manifest = parseManifest(raw);
const clip = (id: string): Clip => {
  const found = manifest.clips.find((c) => c.id === id);
  if (!found) throw new Error(`no clip ${id} in the manifest`);
  return found;
};

describe('the shipped manifest', () => {
  it('lists two voices, drums, bass, a full mix, piano and guitar, each in two formats (Opus first)', () => {
    const ids = manifest.clips.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['vocal', 'narrator', 'drums', 'bass', 'mix', 'piano', 'guitar']));
    for (const c of manifest.clips) {
      expect(c.files.map((f) => f.type)).toEqual(['audio/ogg; codecs=opus', 'audio/mp4; codecs="mp4a.40.2"']);
    }
  });

  it('gives every clip a 10–20 s duration at 48 kHz and a suggested setting the compressor accepts', () => {
    for (const c of manifest.clips) {
      expect(c.durationS, c.id).toBeGreaterThanOrEqual(10);
      expect(c.durationS, c.id).toBeLessThanOrEqual(20);
      expect(c.sampleRate, c.id).toBe(48_000);
      expect(validateParams(c.suggested, 'strict').ok, c.id).toBe(true);
    }
  });

  it('states levels normalised the same way: every clip within 0.2 LU of −24 LUFS, peaks ≤ −1 dBFS', () => {
    for (const c of manifest.clips) {
      expect(Math.abs(c.lufs - TARGET_LUFS), c.id).toBeLessThanOrEqual(0.2);
      expect(c.peakDb, c.id).toBeLessThanOrEqual(-1);
    }
  });

  it('states a drum crest factor of at least 15 dB and a vocal loudness range of at least 5 LU', () => {
    expect(clip('drums').crestDb).toBeGreaterThanOrEqual(15);
    expect(clip('vocal').loudnessRangeLu).toBeGreaterThanOrEqual(5);
  });

  it('states a guitar with real dynamics (loudness range ≥ 8 LU) and a second voice steadier than the first', () => {
    expect(clip('guitar').loudnessRangeLu).toBeGreaterThanOrEqual(8);
    expect(clip('narrator').loudnessRangeLu).toBeLessThan(clip('vocal').loudnessRangeLu);
    expect(clip('narrator').role).toBe(clip('vocal').role);
  });

  it('points at files that exist, each at most 350 KB, all together at most 6 MB', () => {
    let total = 0;
    for (const c of manifest.clips) {
      for (const file of c.files) {
        const bytes = statSync(join(AUDIO_DIR, file.src)).size;
        expect(bytes, file.src).toBeLessThanOrEqual(MAX_FILE_BYTES);
        total += bytes;
      }
    }
    expect(total).toBeLessThanOrEqual(MAX_TOTAL_BYTES);
  });
});

const ffmpeg = !SKIP_CLIP_TESTS;
const SKIP_NOTE =
  'SKIPPED: ffmpeg is not on the PATH, so the clips were not decoded; install it (apt-get install ffmpeg)';
if (!ffmpeg) console.warn(`tests/unit/clips/manifest.test.ts: ${SKIP_NOTE}`);
const decodeTitle = ffmpeg ? 'the shipped files, decoded with FFmpeg' : `the shipped files, decoded (${SKIP_NOTE})`;

describe.skipIf(!ffmpeg)(decodeTitle, () => {
  beforeAll(requireFfmpeg);
  for (const c of manifest.clips) {
    for (const file of c.files) {
      it(`${file.src}: duration ±0.05 s, loudness ±0.3 LU of the manifest, peak ≤ −1 dBFS`, () => {
        const pcm = decodeFile(join(AUDIO_DIR, file.src), c.sampleRate);
        const durationS = (pcm.channels[0]?.length ?? 0) / pcm.sampleRate;
        expect(pcm.channels.length).toBe(c.channels);
        expect(Math.abs(durationS - c.durationS)).toBeLessThanOrEqual(0.05);
        expect(Math.abs(integratedLoudness(pcm.channels, pcm.sampleRate) - c.lufs)).toBeLessThanOrEqual(0.3);
        expect(peakDb(pcm.channels)).toBeLessThanOrEqual(-1);
        if (c.id === 'drums') expect(crestFactorDb(pcm.channels)).toBeGreaterThanOrEqual(15);
        if (c.id === 'vocal') expect(loudnessRange(pcm.channels, pcm.sampleRate)).toBeGreaterThanOrEqual(5);
        if (c.id === 'guitar') expect(loudnessRange(pcm.channels, pcm.sampleRate)).toBeGreaterThanOrEqual(8);
      });
    }
  }
});

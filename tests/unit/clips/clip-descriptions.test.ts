/**
 * The numbers the guitar and narrator descriptions quote (learners read them in clip menus), derived here from the
 * shipped Opus files with the project's own compressor and meters, and the settings they name checked against
 * each clip's suggested setting.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Clip } from '../../../src/clips/manifest';
import { parseManifest } from '../../../src/clips/manifest-schema';
import { renderOffline } from '../../../src/dsp/compressor';
import { integratedLoudness, loudnessRange } from '../../../src/dsp/loudness';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { decodeFile } from '../../../scripts/audio/pcm';
import { SKIP_CLIP_TESTS, requireFfmpeg } from '../support/clip-audio';
import { BARS, BEATS_PER_MINUTE } from '../../../scripts/audio/groove';

const AUDIO_DIR = join(import.meta.dirname, '../../../public/audio');
const manifest = parseManifest(JSON.parse(readFileSync(join(AUDIO_DIR, 'manifest.json'), 'utf8')));
const clip = (id: string): Clip => {
  const found = manifest.clips.find((c) => c.id === id);
  if (!found) throw new Error(`no clip ${id} in the manifest`);
  return found;
};
const text = (id: string) => clip(id).description.replace(/\s+/g, ' ');
const oneDecimal = (x: number) => x.toFixed(1);

function decodeAndCompress(id: string): { input: Float32Array[]; output: Float32Array[]; rate: number } {
  const c = clip(id);
  const pcm = decodeFile(join(AUDIO_DIR, `${id}.opus`), c.sampleRate);
  const render = renderOffline(pcm.channels, pcm.sampleRate, { ...DEFAULT_PARAMS, ...c.suggested });
  return { input: pcm.channels, output: render.output, rate: pcm.sampleRate };
}

/** Integrated loudness of the loud half (bars 5–8) minus that of the quiet half (bars 1–4), LU. */
function halvesGap(channels: readonly Float32Array[], rate: number): number {
  // Source: 4 beats per bar at BEATS_PER_MINUTE, so BARS / 2 bars last BARS / 2 · 4 · 60 / BPM seconds.
  const half = Math.round(((BARS / 2) * 4 * 60 * rate) / BEATS_PER_MINUTE);
  const quiet = integratedLoudness(
    channels.map((ch) => ch.subarray(0, half)),
    rate,
  );
  const loud = integratedLoudness(
    channels.map((ch) => ch.subarray(half, 2 * half)),
    rate,
  );
  return loud - quiet;
}

describe('the settings the descriptions name', () => {
  it('are the suggested ones', () => {
    const g = clip('guitar').suggested;
    expect(text('guitar')).toContain(`${g.ratio}:1 on an RMS detector with a ${g.attackMs} ms attack`);
    expect(g.detector).toBe('rms');
    expect(text('guitar')).toContain(`a ${g.releaseMs} ms release`);
    const n = clip('narrator').suggested;
    expect(text('narrator')).toContain(
      `${n.ratio}:1 from −${Math.abs(n.thresholdDb ?? 0)} dB with a ${n.attackMs} ms attack and a ${n.releaseMs} ms release`,
    );
  });
});

const ffmpeg = !SKIP_CLIP_TESTS;
const SKIP_NOTE = 'SKIPPED: ffmpeg is not on the PATH, so the clips were not decoded (apt-get install ffmpeg)';
if (!ffmpeg) console.warn(`tests/unit/clips/clip-descriptions.test.ts: ${SKIP_NOTE}`);

describe.skipIf(!ffmpeg)(`the measured numbers${ffmpeg ? '' : ` (${SKIP_NOTE})`}`, () => {
  beforeAll(requireFfmpeg);
  it('guitar: the quiet half sits 8 dB below the loud half, 4 dB after the suggested setting', () => {
    const { input, output, rate } = decodeAndCompress('guitar');
    const before = halvesGap(input, rate);
    const after = halvesGap(output, rate);
    expect(after).toBeLessThan(before);
    expect(text('guitar')).toContain(`the quiet half sits ${Math.round(before)} dB below the loud half`);
    expect(text('guitar')).toContain(`closes that gap to ${Math.round(after)} dB`);
  });

  it('narrator: the loudness range narrows from 5.7 LU to 2.7 LU with the suggested setting', () => {
    const { input, output, rate } = decodeAndCompress('narrator');
    const before = loudnessRange(input, rate);
    const after = loudnessRange(output, rate);
    expect(after).toBeLessThan(before);
    expect(oneDecimal(before)).toBe(oneDecimal(clip('narrator').loudnessRangeLu));
    expect(text('narrator')).toContain(
      `narrows its loudness range from ${oneDecimal(before)} LU to ${oneDecimal(after)} LU`,
    );
  });
});

/**
 * Measures the shipped clips with the project's own meters (src/dsp) and writes public/audio/manifest.json.
 * Each clip's first file (Opus) is decoded with FFmpeg to 32-bit float at 48 kHz and measured; the manifest
 * test checks every other file against the same numbers.
 *
 * Usage: npx tsx scripts/audio/measure.ts [audioDir=public/audio]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLIP_INFO, clipFiles } from './clip-info';
import { decodeFile, type Pcm } from './pcm';
import { integratedLoudness, loudnessRange } from '../../src/dsp/loudness';
import { crestFactorDb, peakDb } from '../../src/dsp/levels';
import type { Clip, ClipManifest } from '../../src/clips/manifest';
import { parseManifest } from '../../src/clips/manifest-schema';

export type Measurements = Pick<
  Clip,
  'durationS' | 'sampleRate' | 'channels' | 'lufs' | 'peakDb' | 'crestDb' | 'loudnessRangeLu'
>;

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/** Duration, loudness (BS.1770-4), loudness range (EBU Tech 3342), sample peak and crest factor. */
export function measure(pcm: Pcm): Measurements {
  const frames = pcm.channels[0]?.length ?? 0;
  return {
    durationS: round(frames / pcm.sampleRate, 4),
    sampleRate: pcm.sampleRate,
    channels: pcm.channels.length,
    lufs: round(integratedLoudness(pcm.channels, pcm.sampleRate), 2),
    peakDb: round(peakDb(pcm.channels), 2),
    crestDb: round(crestFactorDb(pcm.channels), 2),
    loudnessRangeLu: round(loudnessRange(pcm.channels, pcm.sampleRate), 2),
  };
}

export function buildManifest(audioDir: string): ClipManifest {
  const clips = CLIP_INFO.map((info): Clip => {
    const files = clipFiles(info.id);
    const first = files[0];
    if (!first) throw new Error(`${info.id}: no files`);
    const measured = measure(decodeFile(join(audioDir, first.src), 48_000));
    return { ...info, ...measured, files };
  });
  // Round-trip through the validator so the script never writes a manifest the site would reject.
  return parseManifest(JSON.parse(JSON.stringify({ clips })));
}

function main(): void {
  const audioDir = process.argv[2] ?? 'public/audio';
  const manifest = buildManifest(audioDir);
  writeFileSync(join(audioDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const c of manifest.clips) {
    console.log(
      `${c.id.padEnd(6)} ${c.durationS.toFixed(2)} s  ${c.lufs.toFixed(2)} LUFS  peak ${c.peakDb.toFixed(2)} dBFS  ` +
        `crest ${c.crestDb.toFixed(2)} dB  LRA ${c.loudnessRangeLu.toFixed(2)} LU`,
    );
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

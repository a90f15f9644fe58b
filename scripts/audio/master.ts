/**
 * Turns the raw renders into the shipped clips: cut the music to its loop, assemble the vocal, normalise every
 * clip to the same integrated loudness (the project's own BS.1770 meter), encode Opus and AAC, then decode the
 * encodes again and refuse any whose peak is above −1 dBFS (lossy codecs overshoot).
 *
 * Usage: npx tsx scripts/audio/master.ts <workDir> <outDir>
 * Reads <workDir>/{drums,bass,mix,piano,guitar}.wav (fluidsynth), <workDir>/vocal-N.wav (festival) and the
 * LibriVox recordings that pocketsphinx-testdata installs (narrator.ts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BARS, BEATS_PER_MINUTE, PRE_ROLL_BARS } from './groove';
import { decodeFile, encodeFile, type Pcm } from './pcm';
import { VOCAL_LINES, assembleVocal } from './vocal';
import { assembleNarrator, narratorFiles } from './narrator';
import { integratedLoudness } from '../../src/dsp/loudness';
import { dbToGain, peakDb } from '../../src/dsp/levels';

export const SAMPLE_RATE = 48_000;
/**
 * Every clip's integrated loudness, LUFS: ATSC A/85's −24 LKFS, quiet enough that the clip with the highest
 * peak-to-loudness ratio (the vocal, about 22 dB) still peaks below −1.5 dBFS.
 */
export const TARGET_LUFS = -24;
/** Highest peak allowed before encoding (margin for codec overshoot), and after decoding the encodes, dBFS. */
const MAX_PEAK_BEFORE_DB = -1.5;
const MAX_PEAK_DECODED_DB = -1;
/** Size budget per shipped file, bytes. */
export const MAX_FILE_BYTES = 350 * 1024;

export const MUSIC_IDS = ['drums', 'bass', 'mix', 'piano', 'guitar'] as const;

/** Codec settings: Opus for every browser that has it, AAC in MP4 (.m4a) for the rest (older Safari). */
export function encodings(channels: number): { ext: string; args: string[] }[] {
  const opusKbps = channels === 1 ? 48 : 96;
  const aacKbps = channels === 1 ? 64 : 128;
  // bitexact: no random Ogg serial number or encoder version tag, so a rerun writes identical files.
  const bitexact = ['-fflags', '+bitexact', '-flags:a', '+bitexact'];
  return [
    {
      ext: 'opus',
      args: ['-c:a', 'libopus', '-b:a', `${opusKbps}k`, '-vbr', 'on', '-application', 'audio', ...bitexact],
    },
    { ext: 'm4a', args: ['-c:a', 'aac', '-b:a', `${aacKbps}k`, '-movflags', '+faststart', ...bitexact] },
  ];
}

function samplesPerBar(): number {
  // Source: 4 beats per bar, 60 / BPM seconds per beat (100 BPM → 2.4 s per bar, 115 200 samples at 48 kHz).
  return Math.round((4 * 60 * SAMPLE_RATE) / BEATS_PER_MINUTE);
}

/** Cuts the second pass of the song out of a render (see write-midi.ts for the layout). */
function cutLoop(render: Pcm, id: string): Pcm {
  const bar = samplesPerBar();
  const first = render.channels[0] ?? new Float32Array(0);
  const markerOnset = first.findIndex((x) => Math.abs(x) > 1e-3);
  // The marker sits on tick 0; fluidsynth starts it within a few ms. Anything else means a shifted render.
  if (markerOnset < 0 || markerOnset > SAMPLE_RATE / 100) {
    throw new Error(`${id}: alignment marker not found within 10 ms (onset ${markerOnset})`);
  }
  const start = (PRE_ROLL_BARS + BARS) * bar;
  const end = start + BARS * bar;
  if (first.length < end) throw new Error(`${id}: render too short (${first.length} < ${end} samples)`);
  return { sampleRate: render.sampleRate, channels: render.channels.map((c) => c.slice(start, end)) };
}

function normalise(pcm: Pcm, id: string): Pcm {
  const lufs = integratedLoudness(pcm.channels, pcm.sampleRate);
  const gain = dbToGain(TARGET_LUFS - lufs);
  const channels = pcm.channels.map((c) => c.map((x) => x * gain));
  const peak = peakDb(channels);
  console.log(
    `${id}: ${lufs.toFixed(2)} LUFS raw, gain ${(TARGET_LUFS - lufs).toFixed(2)} dB, peak ${peak.toFixed(2)} dBFS`,
  );
  if (peak > MAX_PEAK_BEFORE_DB) {
    throw new Error(`${id}: peak ${peak.toFixed(2)} dBFS at ${TARGET_LUFS} LUFS exceeds ${MAX_PEAK_BEFORE_DB} dBFS`);
  }
  return { sampleRate: pcm.sampleRate, channels };
}

function encodeAndVerify(pcm: Pcm, id: string, outDir: string): void {
  for (const { ext, args } of encodings(pcm.channels.length)) {
    const path = join(outDir, `${id}.${ext}`);
    encodeFile(pcm, path, args);
    const decoded = decodeFile(path, SAMPLE_RATE);
    const peak = peakDb(decoded.channels);
    const frames = decoded.channels[0]?.length ?? 0;
    console.log(
      `  ${id}.${ext}: decoded ${frames} frames (source ${pcm.channels[0]?.length}), peak ${peak.toFixed(2)} dBFS, ${statSync(path).size} bytes`,
    );
    if (peak > MAX_PEAK_DECODED_DB) throw new Error(`${path}: decoded peak ${peak.toFixed(2)} dBFS > −1 dBFS`);
    const bytes = statSync(path).size;
    if (bytes > MAX_FILE_BYTES) throw new Error(`${path}: ${bytes} bytes exceeds the ${MAX_FILE_BYTES}-byte budget`);
  }
}

function vocal(workDir: string): Pcm {
  const lines = VOCAL_LINES.map((_, i) => {
    const line = decodeFile(join(workDir, `vocal-${i + 1}.wav`), SAMPLE_RATE).channels[0];
    if (!line) throw new Error(`vocal-${i + 1}.wav has no audio`);
    return line;
  });
  return { sampleRate: SAMPLE_RATE, channels: [assembleVocal(lines, SAMPLE_RATE)] };
}

function narrator(): Pcm {
  const lines = narratorFiles().map((path) => {
    const line = decodeFile(path, SAMPLE_RATE).channels[0];
    if (!line) throw new Error(`${path} has no audio`);
    return line;
  });
  return assembleNarrator(lines, SAMPLE_RATE);
}

function main(): void {
  const [workDir, outDir] = process.argv.slice(2);
  if (!workDir || !outDir) throw new Error('usage: master.ts <workDir> <outDir>');
  for (const id of MUSIC_IDS) {
    const render = decodeFile(join(workDir, `${id}.wav`), SAMPLE_RATE);
    encodeAndVerify(normalise(cutLoop(render, id), id), id, outDir);
  }
  encodeAndVerify(normalise(vocal(workDir), 'vocal'), 'vocal', outDir);
  encodeAndVerify(normalise(narrator(), 'narrator'), 'narrator', outDir);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

/**
 * Writes the MIDI files that fluidsynth renders into the music clips.
 * Usage: npx tsx scripts/audio/write-midi.ts <outDir>
 *
 * Each file holds: a one-bar pre-roll with a side-stick "marker" on beat 1 (the render script finds it to
 * align the cut to the sample), then the 8-bar song twice, then one more marker after the end so fluidsynth
 * keeps rendering past the cut point. The clip is cut from the second pass: its first beat already contains
 * the reverb and ringing notes of the first pass, exactly as when the clip loops, so the loop is seamless.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeMidi, type Note, type Part } from './midi';
import { BARS, BAR_TICKS, BEATS_PER_MINUTE, PRE_ROLL_BARS, TICKS_PER_QUARTER, bass, drums, keys, pad } from './groove';
import { piano } from './piano';
import { guitar } from './guitar';

const SIDE_STICK = 37;

function twice(notes: Note[]): Note[] {
  const shifted = (offsetBars: number) => notes.map((note) => ({ ...note, tick: note.tick + offsetBars * BAR_TICKS }));
  return [...shifted(PRE_ROLL_BARS), ...shifted(PRE_ROLL_BARS + BARS)];
}

function marker(): Part {
  const end = (PRE_ROLL_BARS + 2 * BARS + 1) * BAR_TICKS;
  return {
    name: 'marker',
    channel: 9,
    program: 0,
    volume: 112,
    pan: 64,
    notes: [
      { tick: 0, durationTicks: 60, key: SIDE_STICK, velocity: 127 },
      { tick: end, durationTicks: 60, key: SIDE_STICK, velocity: 1 },
    ],
  };
}

const drumPart = (): Part => ({ name: 'drums', channel: 9, program: 0, volume: 112, pan: 64, notes: twice(drums()) });
const bassPart = (): Part => ({ name: 'bass', channel: 1, program: 33, volume: 108, pan: 64, notes: twice(bass()) });
const keysPart = (): Part => ({ name: 'keys', channel: 2, program: 4, volume: 92, pan: 50, notes: twice(keys()) });
const padPart = (): Part => ({ name: 'pad', channel: 3, program: 89, volume: 100, pan: 76, notes: twice(pad()) });
const pianoPart = (): Part => ({ name: 'piano', channel: 0, program: 0, volume: 110, pan: 64, notes: twice(piano()) });
/** General MIDI program 26, "Acoustic Guitar (steel)", is 25 counted from 0. */
const guitarPart = (): Part => ({
  name: 'guitar',
  channel: 0,
  program: 25,
  volume: 110,
  pan: 64,
  notes: twice(guitar()),
});

/** One MIDI file per music clip; the marker shares channel 9 with the drums where both are present. */
export const SONGS: Record<string, () => Part[]> = {
  drums: () => [marker(), drumPart()],
  bass: () => [marker(), bassPart()],
  mix: () => [marker(), drumPart(), bassPart(), keysPart(), padPart()],
  piano: () => [marker(), pianoPart()],
  guitar: () => [marker(), guitarPart()],
};

function main(): void {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: write-midi.ts <outDir>');
  mkdirSync(outDir, { recursive: true });
  for (const [id, parts] of Object.entries(SONGS)) {
    const bytes = writeMidi({ ticksPerQuarter: TICKS_PER_QUARTER, beatsPerMinute: BEATS_PER_MINUTE, parts: parts() });
    writeFileSync(join(outDir, `${id}.mid`), bytes);
    console.log(`wrote ${id}.mid (${bytes.length} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();

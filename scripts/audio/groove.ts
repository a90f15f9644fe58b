/**
 * The example band's song, written note by note: an 8-bar R&B groove in A minor at 100 BPM,
 * | Am9 | Dm9 | Fmaj9 | E7(b9) | Am9 | Dm9 | Fmaj9 G7 | E7sus4 E7 |, with a tom fill in bar 8 that leads back
 * to bar 1 so the clip loops. Parts: drums (GM kit), finger bass, electric-piano comping, warm pad.
 * Everything sits on a 16th-note grid (16 steps per bar); `humanise` adds small, seeded velocity and timing
 * variation so the parts do not sound like a drum machine.
 */
import type { Note } from './midi';

export const TICKS_PER_QUARTER = 480;
export const BEATS_PER_MINUTE = 100;
export const BARS = 8;
export const STEP_TICKS = TICKS_PER_QUARTER / 4;
export const BAR_TICKS = STEP_TICKS * 16;
/** Bars before the first pass in the rendered MIDI (the alignment marker's bar, see write-midi.ts). */
export const PRE_ROLL_BARS = 1;

/** Deterministic PRNG (mulberry32) so every regeneration writes the same MIDI. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [step, key, velocity, lengthSteps] on the 16-step grid of one bar. */
export type Hit = readonly [step: number, key: number, velocity: number, lengthSteps: number];

export function placeBar(bar: number, hits: readonly Hit[], gate = 0.9): Note[] {
  return hits.map(([step, key, velocity, lengthSteps]) => ({
    tick: bar * BAR_TICKS + step * STEP_TICKS,
    durationTicks: lengthSteps * STEP_TICKS * gate,
    key,
    velocity,
  }));
}

/**
 * Velocity ± velocitySpread, uniformly, and a slight lay-back of 0..lateTicks, from a seeded generator. Notes are
 * only ever late, never early, so nothing starts before the bar line where the clip is cut.
 */
export function humanise(notes: Note[], seed: number, velocitySpread: number, lateTicks: number): Note[] {
  const random = seededRandom(seed);
  return notes.map((note) => ({
    ...note,
    tick: note.tick + Math.round(random() * lateTicks),
    velocity: Math.min(127, Math.max(1, Math.round(note.velocity + (random() * 2 - 1) * velocitySpread))),
  }));
}

// General MIDI percussion keys.
const KICK = 36;
const SNARE = 38;
const CLOSED_HAT = 42;
const OPEN_HAT = 46;
const CRASH = 49;
const HIGH_TOM = 50;
const MID_TOM = 47;
const FLOOR_TOM = 43;

function drumBar(bar: number): Hit[] {
  const last = bar === BARS - 1;
  const hits: Hit[] = [];
  // 16th hi-hats: accented quarters, medium 8ths, soft 16ths; none under the fill, open hat on the "and" of 4.
  for (let step = 0; step < 16; step++) {
    if (last && step >= 12) break;
    const openHat = step === 14 && bar % 2 === 1;
    const velocity = step % 4 === 0 ? 92 : step % 2 === 0 ? 72 : 44;
    hits.push([step, openHat ? OPEN_HAT : CLOSED_HAT, openHat ? 80 : velocity, 1]);
  }
  if (bar === 0) hits.push([0, CRASH, 100, 4]);
  if (bar === 4) hits.push([0, CRASH, 84, 4]);
  // Kick: 1, the "and" of 2, the "and" of 3; a pickup on the last 16th of every other bar.
  hits.push([0, KICK, 112, 1], [6, KICK, 96, 1], [10, KICK, 104, 1]);
  if (bar % 2 === 1 && !last) hits.push([15, KICK, 78, 1]);
  // Snare backbeat on 2 and 4, ghost notes around it.
  hits.push([4, SNARE, 118, 1], [7, SNARE, 34, 1], [9, SNARE, 30, 1]);
  if (!last) hits.push([12, SNARE, 120, 1], [14, SNARE, 28, 1]);
  else hits.push([12, SNARE, 110, 1], [13, HIGH_TOM, 92, 1], [14, MID_TOM, 100, 1], [15, FLOOR_TOM, 110, 1]);
  return hits;
}

export function drums(): Note[] {
  const notes = Array.from({ length: BARS }, (_, bar) => placeBar(bar, drumBar(bar), 0.5)).flat();
  return humanise(notes, 11, 7, 4);
}

// Bass (finger bass), keys in MIDI numbers: E1 = 28, A1 = 33, D2 = 38.
const E1 = 28, F1 = 29, G1 = 31, GS1 = 32, A1 = 33, B1 = 35, C2 = 36, CS2 = 37, D2 = 38, E2 = 40, F2 = 41, G2 = 43, A2 = 45; // prettier-ignore

const BASS_BARS: readonly (readonly Hit[])[] = [
  // Am9: root, octave on the kick's "and" of 2, fifth, chromatic walk C–C# up to D.
  [[0, A1, 104, 3], [3, A1, 66, 1], [6, A2, 92, 2], [8, E2, 86, 2], [10, A1, 98, 3], [14, C2, 80, 1], [15, CS2, 86, 1]],
  // Dm9: root, fifth below, minor third, walk up to F through E.
  [[0, D2, 104, 3], [3, D2, 64, 1], [6, A1, 90, 2], [8, C2, 84, 2], [10, D2, 96, 3], [14, E2, 84, 2]],
  // Fmaj9: root, octave, fifth, step down G–F towards E.
  [[0, F1, 104, 3], [3, F1, 66, 1], [6, F2, 90, 2], [8, C2, 84, 2], [10, F1, 96, 3], [14, G1, 80, 1], [15, F1, 82, 1]],
  // E7(b9): root, octave, fifth, third; leading tone G# back to A.
  [[0, E1, 108, 3], [3, E1, 64, 1], [6, E2, 90, 2], [8, B1, 84, 2], [10, E1, 96, 2], [12, GS1, 86, 2], [14, B1, 80, 1], [15, GS1, 88, 1]],
  [[0, A1, 104, 3], [3, A1, 66, 1], [6, A2, 92, 2], [8, E2, 86, 2], [10, A1, 98, 3], [14, C2, 80, 1], [15, CS2, 86, 1]],
  [[0, D2, 104, 3], [3, D2, 64, 1], [6, A1, 90, 2], [8, C2, 84, 2], [10, D2, 96, 3], [14, E2, 84, 2]],
  // Fmaj9 for two beats, G7 for two.
  [[0, F1, 104, 3], [3, F1, 66, 1], [6, F2, 90, 2], [8, G1, 100, 3], [11, G1, 62, 1], [12, G2, 88, 2], [14, G1, 80, 1], [15, F1, 82, 1]],
  // E7sus4 to E7 under the fill: a run down to the G# that leads back to A.
  [[0, E1, 108, 3], [3, E1, 64, 1], [6, E2, 90, 2], [8, B1, 84, 2], [10, D2, 92, 2], [12, E2, 96, 1], [13, D2, 88, 1], [14, B1, 90, 1], [15, GS1, 94, 1]],
]; // prettier-ignore

export function bass(): Note[] {
  const notes = BASS_BARS.map((hits, bar) => placeBar(bar, hits, 0.92)).flat();
  return humanise(notes, 23, 5, 3);
}

/** Rootless voicings (the bass plays the roots), close to middle C so the comping voice-leads smoothly. */
const VOICINGS = {
  Am9: [55, 59, 60, 64], // G3 B3 C4 E4
  Dm9: [53, 57, 60, 64], // F3 A3 C4 E4
  Fmaj9: [52, 55, 57, 60], // E3 G3 A3 C4
  G7: [53, 55, 59, 62], // F3 G3 B3 D4
  E7sus4: [52, 57, 59, 62], // E3 A3 B3 D4
  E7b9: [56, 59, 62, 65], // G#3 B3 D4 F4
} as const;
type ChordName = keyof typeof VOICINGS;

/** Each bar's chords as [startStep, chord, lengthSteps]. */
const CHART: readonly (readonly [number, ChordName, number][])[] = [
  [[0, 'Am9', 16]],
  [[0, 'Dm9', 16]],
  [[0, 'Fmaj9', 16]],
  [[0, 'E7b9', 16]],
  [[0, 'Am9', 16]],
  [[0, 'Dm9', 16]],
  [[0, 'Fmaj9', 8], [8, 'G7', 8]],
  [[0, 'E7sus4', 8], [8, 'E7b9', 8]],
]; // prettier-ignore

/** Electric-piano comping: a long chord on 1, a push on the "and" of 2, a short stab on 4. */
const COMP_RHYTHM: readonly [step: number, velocity: number, lengthSteps: number][] = [
  [0, 74, 5],
  [6, 64, 2],
  [12, 68, 2],
];

function chordAt(bar: number, step: number): ChordName {
  const entries = CHART[bar] ?? [];
  let name: ChordName = 'Am9';
  for (const [start, chord] of entries) if (start <= step) name = chord;
  return name;
}

export function keys(): Note[] {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    const rhythm = bar === 6 || bar === 7 ? [...COMP_RHYTHM, [8, 70, 3] as const] : COMP_RHYTHM;
    for (const [step, velocity, length] of rhythm) {
      const hits: Hit[] = VOICINGS[chordAt(bar, step)].map((key) => [step, key, velocity, length]);
      notes.push(...placeBar(bar, hits, 0.85));
    }
  }
  return humanise(notes, 37, 6, 3);
}

/** Warm pad: one sustained triad per chord, an octave above the comping. */
const PAD_TRIADS: Record<ChordName, readonly number[]> = {
  Am9: [69, 72, 76], // A4 C5 E5
  Dm9: [69, 74, 77], // A4 D5 F5
  Fmaj9: [69, 72, 77], // A4 C5 F5
  G7: [71, 74, 79], // B4 D5 G5
  E7sus4: [69, 71, 76], // A4 B4 E5
  E7b9: [68, 71, 76], // G#4 B4 E5
};

export function pad(): Note[] {
  return CHART.flatMap((entries, bar) =>
    entries.flatMap(([start, chord, length]) =>
      placeBar(
        bar,
        PAD_TRIADS[chord].map((key) => [start, key, 64, length] as const),
        0.98,
      ),
    ),
  );
}

export { chordAt, VOICINGS, CHART };
export type { ChordName };

/**
 * Strummed steel-string acoustic guitar (General MIDI program 26, 0-based 25) over the groove's chart as open
 * chords: | Am | Dm | F | E | Am | Dm | F G | Esus4 E |. Three levels, so a compressor has work to do:
 * bars 1–2 palm-muted eighths on the low strings (quiet, short notes), bars 3–4 a soft open strum, bars 5–8 a
 * loud sixteenth-note strum with accented down-strokes on the backbeat (2 and 4).
 *
 * Each strum is six (or fewer) notes, one per string, a few milliseconds apart: a down-stroke sounds the low
 * string first, an up-stroke the high string first and only the top strings. Harder strokes are faster (a
 * shorter spread across the strings). A string rings until it is struck again; a chord change damps every
 * string at the change (the fretting hand lifts); palm-muted notes stop after about a tenth of a second.
 */
import type { Note } from './midi';
import { BARS, BAR_TICKS, BEATS_PER_MINUTE, STEP_TICKS, TICKS_PER_QUARTER, seededRandom } from './groove';

/** Open strings, low to high: E2 A2 D3 G3 B3 E4. */
export const OPEN_STRINGS = [40, 45, 50, 55, 59, 64] as const;

/** Fret per string, low E first; null = not played. Standard open shapes. */
const SHAPES = {
  Am: [null, 0, 2, 2, 1, 0],
  Dm: [null, null, 0, 2, 3, 1],
  F: [1, 3, 3, 2, 1, 1],
  E: [0, 2, 2, 1, 0, 0],
  G: [3, 2, 0, 0, 3, 3],
  Esus4: [0, 2, 2, 2, 0, 0],
} as const satisfies Record<string, readonly (number | null)[]>;
export type GuitarChord = keyof typeof SHAPES;

/** Each bar's chords as [startStep, chord], on the 16-step grid. */
const CHART: readonly (readonly (readonly [number, GuitarChord])[])[] = [
  [[0, 'Am']],
  [[0, 'Dm']],
  [[0, 'F']],
  [[0, 'E']],
  [[0, 'Am']],
  [[0, 'Dm']],
  [[0, 'F'], [8, 'G']],
  [[0, 'Esus4'], [8, 'E']],
]; // prettier-ignore

type Feel = 'muted' | 'soft' | 'loud';
/** The feel of each bar: the quiet passage, the softer build, then the loud half. */
export const BAR_FEEL: readonly Feel[] = ['muted', 'muted', 'soft', 'soft', 'loud', 'loud', 'loud', 'loud'];

/** [step, direction, velocity]: one stroke of the strumming hand. */
type Stroke = readonly [step: number, direction: 'down' | 'up', velocity: number];

const PATTERNS: Record<Feel, readonly Stroke[]> = {
  // Eighth-note down-strokes, palm-muted, a little accent on 1 and 3.
  muted: [[0, 'down', 74], [2, 'down', 60], [4, 'down', 66], [6, 'down', 58], [8, 'down', 70], [10, 'down', 58], [12, 'down', 66], [14, 'down', 60]],
  // The common "down, down-up, up-down-up" strum, played lightly.
  soft: [[0, 'down', 76], [4, 'down', 70], [6, 'up', 58], [10, 'up', 60], [12, 'down', 72], [14, 'up', 58]],
  // Sixteenth-note strum, down-strokes on 2 and 4 accented hard.
  loud: [[0, 'down', 104], [2, 'down', 84], [3, 'up', 70], [4, 'down', 122], [6, 'up', 80], [7, 'up', 66], [8, 'down', 98], [10, 'down', 84], [11, 'up', 70], [12, 'down', 124], [14, 'up', 82], [15, 'up', 72]],
}; // prettier-ignore

/** Milliseconds per tick: 60 000 / (BPM × ticks per quarter), 1.25 ms at 100 BPM and 480 ticks. */
const MS_PER_TICK = 60_000 / (BEATS_PER_MINUTE * TICKS_PER_QUARTER);
/** Palm-muted notes sound this long, ms. */
const MUTED_MS = 110;
/** An up-stroke catches this many of the highest strings. */
const UP_STROKE_STRINGS = 4;
/** A palm-muted down-stroke catches this many of the lowest sounding strings. */
const MUTED_STRINGS = 3;

/**
 * Time from the first to the last string of a stroke, ms: 44 ms at velocity 0 down to 20 ms at 127.
 * Source: a choice made by ear for this clip, not a measured law: a strum that spreads over a few tens of
 * milliseconds sounds like one stroke rather than an arpeggio or a block chord, and a harder stroke is quicker.
 */
export function strokeSpreadMs(velocity: number): number {
  return 44 - (velocity / 127) * 24;
}

/** One struck string: which string (0 = low E), when, how hard, and whether the palm mutes it. */
export interface StringHit {
  string: number;
  tick: number;
  key: number;
  velocity: number;
  muted: boolean;
  /** The chord the hit belongs to; a change of chord damps every string. */
  chord: GuitarChord;
  /** Which stroke of the hand (counting from 0) sounded it, and that stroke's direction. */
  stroke: number;
  direction: 'down' | 'up';
}

/** The strings a stroke sounds, in the order the pick meets them. */
export function strokeOrder(chord: GuitarChord, direction: 'down' | 'up', muted: boolean): number[] {
  const sounding = SHAPES[chord].flatMap((fret, string) => (fret === null ? [] : [string]));
  if (muted) return sounding.slice(0, MUTED_STRINGS);
  if (direction === 'down') return sounding;
  return sounding.slice(-UP_STROKE_STRINGS).reverse();
}

function chordAt(bar: number, step: number): GuitarChord {
  let chord: GuitarChord = 'Am';
  for (const [start, name] of CHART[bar] ?? []) if (start <= step) chord = name;
  return chord;
}

/** Every string hit of the 8 bars, before durations are known. Seeded, so every run writes the same MIDI. */
export function strum(): StringHit[] {
  const random = seededRandom(61);
  const hits: StringHit[] = [];
  let strokes = 0;
  for (let bar = 0; bar < BARS; bar++) {
    const feel = BAR_FEEL[bar] ?? 'soft';
    for (const [step, direction, velocity] of PATTERNS[feel]) {
      const chord = chordAt(bar, step);
      const muted = feel === 'muted';
      // The hand is never early: a stroke lands 0–5 ticks (0–6 ms) after the grid, its velocity ±5.
      const start = bar * BAR_TICKS + step * STEP_TICKS + Math.round(random() * 5);
      const strokeVelocity = velocity + Math.round((random() * 2 - 1) * 5);
      const order = strokeOrder(chord, direction, muted);
      const stroke = strokes++;
      const gapTicks = strokeSpreadMs(strokeVelocity) / MS_PER_TICK / Math.max(1, order.length - 1);
      order.forEach((string, i) => {
        const fret = SHAPES[chord][string] ?? 0;
        // The first string the pick meets sounds loudest; each later one a little softer, with some scatter.
        const scatter = Math.round((random() * 2 - 1) * 4);
        hits.push({
          string,
          tick: start + Math.round(i * gapTicks),
          key: (OPEN_STRINGS[string] ?? 40) + fret,
          velocity: Math.min(127, Math.max(1, strokeVelocity - 2 * i + scatter)),
          muted,
          chord,
          stroke,
          direction,
        });
      });
    }
  }
  return hits.sort((a, b) => a.tick - b.tick || a.string - b.string);
}

/**
 * Notes from string hits: a note lasts until its string is struck again, or until the chord changes (the first
 * hit of a new chord damps everything still ringing), or MUTED_MS for a palm-muted hit. The last chord rings
 * to the end of bar 8, where the loop starts again.
 */
export function guitar(): Note[] {
  const hits = strum();
  const end = BARS * BAR_TICKS;
  return hits.map((hit, i) => {
    let stop = end;
    for (let j = i + 1; j < hits.length; j++) {
      const later = hits[j];
      if (later && (later.chord !== hit.chord || later.string === hit.string)) {
        stop = later.tick;
        break;
      }
    }
    const length = hit.muted ? Math.min(stop - hit.tick, Math.round(MUTED_MS / MS_PER_TICK)) : stop - hit.tick;
    return { tick: hit.tick, durationTicks: Math.max(1, length - 1), key: hit.key, velocity: hit.velocity };
  });
}

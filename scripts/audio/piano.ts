/**
 * Solo piano over the groove's chords (groove.ts), written to have a wide dynamic range: bars 1–4 are soft
 * broken chords (velocities 26–46), bars 5–8 loud block chords with left-hand octaves (velocities 92–118).
 * A compressor's job on such a part is to narrow that gap, which is easy to hear.
 */
import type { Note } from './midi';
import { BARS, CHART, VOICINGS, humanise, placeBar, type ChordName, type Hit } from './groove';

/** Left-hand roots, octave 2–3. */
const ROOTS: Record<ChordName, number> = {
  Am9: 45, // A2
  Dm9: 50, // D3
  Fmaj9: 41, // F2
  G7: 43, // G2
  E7sus4: 40, // E2
  E7b9: 40, // E2
};

/** Right-hand melody note on top of each chord in the loud half. */
const TOPS: Record<ChordName, number> = {
  Am9: 83, // B5 (the ninth)
  Dm9: 81, // A5
  Fmaj9: 79, // G5
  G7: 77, // F5
  E7sus4: 81, // A5
  E7b9: 80, // G#5
};

function softBar(bar: number): Hit[] {
  const hits: Hit[] = [];
  for (const [start, chord, length] of CHART[bar] ?? []) {
    const root = ROOTS[chord];
    hits.push([start, root, 54, length], [start + Math.min(8, length / 2), root + 7, 48, length / 2]);
    // Broken chord in 8ths, an octave above the comping voicing, up then back down.
    const voicing = VOICINGS[chord].map((key) => key + 12);
    const order = [0, 1, 2, 3, 2, 1, 2, 3];
    for (let i = 0; i < length / 2; i++) {
      const key = voicing[order[i % order.length] ?? 0] ?? 72;
      const velocity = 44 + (i % 4 === 0 ? 12 : i % 2 === 0 ? 6 : 0) + bar * 2;
      hits.push([start + i * 2, key, velocity, 4]);
    }
  }
  return hits;
}

function loudBar(bar: number): Hit[] {
  const hits: Hit[] = [];
  for (const [start, chord, length] of CHART[bar] ?? []) {
    const root = ROOTS[chord];
    const voicing = VOICINGS[chord].map((key) => key + 12);
    const stabs = length === 16 ? ([[0, 112, 6], [6, 98, 2], [8, 104, 4], [12, 100, 4]] as const) : ([[0, 110, 6], [6, 96, 2]] as const); // prettier-ignore
    for (const [offset, velocity, len] of stabs) {
      hits.push([start + offset, root - 12, velocity, len], [start + offset, root, velocity - 4, len]);
      for (const key of voicing) hits.push([start + offset, key, velocity - 10, len]);
      hits.push([start + offset, TOPS[chord], velocity + 4, len]);
    }
  }
  return hits;
}

export function piano(): Note[] {
  const notes: Note[] = [];
  for (let bar = 0; bar < BARS; bar++) {
    notes.push(...placeBar(bar, bar < BARS / 2 ? softBar(bar) : loudBar(bar), 0.95));
  }
  return humanise(notes, 53, 4, 4);
}

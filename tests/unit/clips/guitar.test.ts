/** The strummed guitar part (scripts/audio/guitar.ts): strokes that sound like a hand, and the dynamics it claims. */
import { describe, expect, it } from 'vitest';
import { BARS, BAR_TICKS, BEATS_PER_MINUTE, STEP_TICKS, TICKS_PER_QUARTER } from '../../../scripts/audio/groove';
import { BAR_FEEL, OPEN_STRINGS, guitar, strokeSpreadMs, strum, type StringHit } from '../../../scripts/audio/guitar';

const msPerTick = 60_000 / (BEATS_PER_MINUTE * TICKS_PER_QUARTER);
const hits = strum();
const notes = guitar();

function strokes(): StringHit[][] {
  const byStroke = new Map<number, StringHit[]>();
  for (const hit of hits) byStroke.set(hit.stroke, [...(byStroke.get(hit.stroke) ?? []), hit]);
  return [...byStroke.values()];
}
const barOf = (tick: number) => Math.floor(tick / BAR_TICKS);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('the strum', () => {
  it('is the same on every run', () => {
    expect(strum()).toEqual(hits);
    expect(guitar()).toEqual(notes);
  });

  it('sounds a down-stroke from the low string up and an up-stroke from the high string down', () => {
    let down = 0;
    let up = 0;
    for (const stroke of strokes()) {
      const inTime = [...stroke].sort((a, b) => a.tick - b.tick || a.string - b.string);
      const strings = inTime.map((h) => h.string);
      const direction = stroke[0]?.direction;
      if (direction === 'down') {
        down++;
        expect(strings).toEqual([...strings].sort((a, b) => a - b));
      } else {
        up++;
        expect(strings).toEqual([...strings].sort((a, b) => b - a));
        expect(strings[0]).toBe(5); // the high E string first
      }
    }
    expect(down).toBeGreaterThan(0);
    expect(up).toBeGreaterThan(0);
  });

  it('spreads each stroke over a few tens of milliseconds, faster when harder', () => {
    for (const stroke of strokes()) {
      if (stroke.length < 2) continue;
      const ticks = stroke.map((h) => h.tick);
      const spreadMs = (Math.max(...ticks) - Math.min(...ticks)) * msPerTick;
      expect(spreadMs).toBeGreaterThanOrEqual(15);
      expect(spreadMs).toBeLessThanOrEqual(45);
    }
    expect(strokeSpreadMs(127)).toBeLessThan(strokeSpreadMs(40));
  });

  it('never starts a stroke before its grid step (the clip is cut on the bar line)', () => {
    for (const stroke of strokes()) {
      const first = Math.min(...stroke.map((h) => h.tick));
      const step = Math.round(first / STEP_TICKS) * STEP_TICKS;
      expect(first - step).toBeGreaterThanOrEqual(0);
      expect((first - step) * msPerTick).toBeLessThanOrEqual(7);
    }
  });
});

describe('the guitar notes', () => {
  it('stay inside the 8 bars, on the guitar (E2 = 40 up to G4 = 67), velocities 1..127', () => {
    for (const note of notes) {
      expect(note.tick).toBeGreaterThanOrEqual(0);
      expect(note.tick + note.durationTicks).toBeLessThanOrEqual(BARS * BAR_TICKS);
      expect(note.key).toBeGreaterThanOrEqual(OPEN_STRINGS[0]);
      expect(note.key).toBeLessThanOrEqual(67);
      expect(note.velocity).toBeGreaterThanOrEqual(1);
      expect(note.velocity).toBeLessThanOrEqual(127);
    }
  });

  it('never overlap on the same key (MIDI could not tell the two notes apart)', () => {
    const byKey = new Map<number, { tick: number; end: number }[]>();
    for (const n of notes) byKey.set(n.key, [...(byKey.get(n.key) ?? []), { tick: n.tick, end: n.tick + n.durationTicks }]); // prettier-ignore
    for (const list of byKey.values()) {
      list.sort((a, b) => a.tick - b.tick);
      for (let i = 1; i < list.length; i++) expect(list[i]?.tick).toBeGreaterThanOrEqual(list[i - 1]?.end ?? 0);
    }
  });

  it('stop at a chord change (the fretting hand lifts), so no string of the old chord rings into the new one', () => {
    expect(notes).toHaveLength(hits.length);
    hits.forEach((hit, i) => {
      const change = hits.find((later) => later.tick >= hit.tick && later.chord !== hit.chord);
      const note = notes[i];
      if (change && note) expect(note.tick + note.durationTicks).toBeLessThanOrEqual(change.tick);
    });
  });

  it('are short (at most 110 ms) in the palm-muted bars and ring in the others', () => {
    const mutedBars = BAR_FEEL.flatMap((feel, bar) => (feel === 'muted' ? [bar] : []));
    expect(mutedBars.length).toBeGreaterThan(0);
    const inMuted = notes.filter((n) => mutedBars.includes(barOf(n.tick)));
    for (const n of inMuted) expect(n.durationTicks * msPerTick).toBeLessThanOrEqual(110);
    const open = notes.filter((n) => !mutedBars.includes(barOf(n.tick)));
    expect(mean(open.map((n) => n.durationTicks * msPerTick))).toBeGreaterThan(200);
  });

  it('play the first half softer than the second, with the backbeat accented in the loud bars', () => {
    const first = notes.filter((n) => barOf(n.tick) < BARS / 2).map((n) => n.velocity);
    const second = notes.filter((n) => barOf(n.tick) >= BARS / 2).map((n) => n.velocity);
    expect(mean(second) - mean(first)).toBeGreaterThanOrEqual(20);
    for (let bar = 0; bar < BARS; bar++) {
      if (BAR_FEEL[bar] !== 'loud') continue;
      const inBar = strokes().filter((s) => barOf(s[0]?.tick ?? 0) === bar);
      const loudest = inBar.reduce((a, b) => (mean(b.map((h) => h.velocity)) > mean(a.map((h) => h.velocity)) ? b : a));
      const beat = Math.round(((loudest[0]?.tick ?? 0) - bar * BAR_TICKS) / STEP_TICKS);
      expect([4, 12], `bar ${bar + 1}`).toContain(beat);
    }
  });
});

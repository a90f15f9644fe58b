/** Joining spoken lines (scripts/audio/speech.ts), as the dynamic talker and the narrator clips do. */
import { describe, expect, it } from 'vitest';
import { assembleLines, fadeGain, type SpokenLine } from '../../../scripts/audio/speech';
import { NARRATOR_LAYOUT, NARRATOR_LINES, assembleNarrator } from '../../../scripts/audio/narrator';
import { LEAD_IN_S, TAIL_S, VOCAL_LINES, assembleVocal } from '../../../scripts/audio/vocal';

const RATE = 1000;
const ones = (n: number) => new Float32Array(n).fill(1);
const line = (over: Partial<SpokenLine>): SpokenLine => ({ text: 'x', startDb: 0, endDb: 0, pauseS: 0, ...over });

describe('fadeGain', () => {
  it('rises from near 0 to 1 as the first half of a Hann window, and is 1 after the fade', () => {
    expect(fadeGain(0, 20)).toBeCloseTo(0.5 - 0.5 * Math.cos(Math.PI / 40), 12);
    expect(fadeGain(9.5, 20)).toBeCloseTo(0.5, 12);
    expect(fadeGain(19, 20)).toBeGreaterThan(0.99);
    expect(fadeGain(20, 20)).toBe(1);
    for (let n = 1; n < 20; n++) expect(fadeGain(n, 20)).toBeGreaterThan(fadeGain(n - 1, 20));
  });
});

describe('assembleLines', () => {
  it('places silence, lines and pauses end to end, with each line at its own gain', () => {
    const out = assembleLines(
      [line({ pauseS: 0.05 }), line({ startDb: -20, endDb: -20 })],
      [ones(100), ones(100)],
      RATE,
      {
        leadInS: 0.01,
        tailS: 0.02,
        fadeS: 0,
      },
    );
    expect(out.length).toBe(10 + 100 + 50 + 100 + 20);
    expect(out[9]).toBe(0);
    expect(out[10]).toBe(1);
    expect(out[109]).toBe(1);
    expect(out[110]).toBe(0);
    expect(out[160]).toBeCloseTo(0.1, 6);
    expect(out[260]).toBe(0);
  });

  it('fades both ends of every line when asked, leaving the middle untouched', () => {
    const out = assembleLines([line({})], [ones(200)], RATE, { leadInS: 0, tailS: 0, fadeS: 0.02 });
    expect(out[0]).toBeLessThan(0.01);
    expect(out[199]).toBeLessThan(0.01);
    expect(out[10]).toBeCloseTo(0.5 - 0.5 * Math.cos((Math.PI * 10.5) / 20), 6);
    expect(out[100]).toBe(1);
  });

  it('refuses a missing line', () => {
    expect(() => assembleLines([line({}), line({})], [ones(10)], RATE, { leadInS: 0, tailS: 0, fadeS: 0 })).toThrow(
      'missing audio for spoken line 2',
    );
  });
});

describe('the two speech clips', () => {
  it('the dynamic talker keeps its level changes and no fades', () => {
    const lines = VOCAL_LINES.map(() => ones(100));
    const out = assembleVocal(lines, RATE);
    const start = Math.round(LEAD_IN_S * RATE);
    expect(out[start]).toBe(1); // line 1 at 0 dB, no fade-in
    const pauses = VOCAL_LINES.reduce((sum, l) => sum + Math.round(l.pauseS * RATE), 0);
    expect(out.length).toBe(start + 400 + pauses + Math.round(TAIL_S * RATE));
  });

  it('the narrator keeps the reader’s own levels (0 dB on every line) and fades each join', () => {
    expect(NARRATOR_LINES.every((l) => l.startDb === 0 && l.endDb === 0)).toBe(true);
    expect(NARRATOR_LAYOUT.fadeS).toBeGreaterThan(0);
    const pcm = assembleNarrator(
      NARRATOR_LINES.map(() => ones(100)),
      RATE,
    );
    const out = pcm.channels[0] ?? new Float32Array(0);
    const start = Math.round(NARRATOR_LAYOUT.leadInS * RATE);
    expect(out[start]).toBeLessThan(0.01);
    expect(out[start + 50]).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { dcSteps } from '../../../src/dsp/signals';
import { ATTACK_SHARE, QUESTIONS } from '../../../src/lib/practice/misconceptions';

describe('misconception checks', () => {
  it('each question has exactly one right option and distinct feedback for every option', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([
      'attack-is-a-delay',
      'higher-ratio-louder',
      'makeup-changes-compression',
    ]);
    for (const q of QUESTIONS) {
      expect(q.options.filter((o) => o.right)).toHaveLength(1);
      expect(new Set(q.options.map((o) => o.feedback)).size).toBe(q.options.length);
    }
  });

  it('quotes the DSP: 63 % after one attack time, −13 and −18.25 dBFS for the ratio question', () => {
    const fs = 48000;
    const step = dcSteps(fs, [
      { levelDb: -40, durationS: 0.05 },
      { levelDb: 0, durationS: 0.1 },
    ]);
    const r = renderOffline([step], fs, { ...DEFAULT_PARAMS, thresholdDb: -20, ratio: 4, attackMs: 10, makeupDb: 0 });
    const at = (s: number) => r.appliedReductionDb[Math.round(s * fs)] ?? NaN;
    const final = at(0.149);
    expect(at(0.05 + 0.01) / final).toBeCloseTo(ATTACK_SHARE, 2);
    expect(QUESTIONS[0]?.options[1]?.text).toContain('63 %');
    const ratio = QUESTIONS[1];
    expect(ratio?.options.find((o) => o.right)?.feedback).toBe(
      'Right: \u221213 dBFS at 2 to 1, \u221218.25 dBFS at 8 to 1. Only make-up gain makes it louder.',
    );
  });

  it('make-up gain leaves the gain reduction unchanged (the third question’s right answer)', () => {
    const fs = 48000;
    const step = dcSteps(fs, [{ levelDb: -6, durationS: 0.1 }]);
    const base = { ...DEFAULT_PARAMS, thresholdDb: -20, ratio: 4 };
    const a = renderOffline([step], fs, { ...base, makeupDb: 0 });
    const b = renderOffline([step], fs, { ...base, makeupDb: 6 });
    expect(b.appliedReductionDb).toEqual(a.appliedReductionDb);
    expect(20 * Math.log10((b.output[0]?.[4000] ?? 0) / (a.output[0]?.[4000] ?? 1))).toBeCloseTo(6, 4);
  });
});

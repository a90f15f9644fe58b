import { beforeAll, describe, expect, it } from 'vitest';
import { peakDb } from '../../../src/dsp/levels';
import { FIXED_TIMES, MATCH_START, matchParams, type MatchSetting } from '../../../src/lib/practice/match-targets';
import { excerpt } from '../../../src/widgets/Practice/alternatives';
import { SKIP_CLIP_TESTS, decode, requireFfmpeg } from '../support/clip-audio';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { dbToGain } from '../../../src/dsp/levels';
import { dcSteps, sine } from '../../../src/dsp/signals';
import {
  BLOCK_MS,
  describeMatch,
  matchCredit,
  matchErrorDb,
  shortTermLevelsDb,
} from '../../../src/lib/practice/match-score';

const fs = 48000;
const scaled = (x: Float32Array, db: number) => x.map((v) => v * dbToGain(db));

describe('match scorer', () => {
  it('reads a full-scale sine block at −3.01 dB and a DC step at its own level', () => {
    const tone = sine({ sampleRate: fs, frequencyHz: 1000, durationS: 0.2, peakDb: 0 });
    const levels = shortTermLevelsDb([tone], fs);
    expect(levels.length).toBe(Math.floor(0.2 / (BLOCK_MS / 1000)));
    for (const l of levels) expect(l).toBeCloseTo(-3.01, 2);
    const steps = dcSteps(fs, [
      { levelDb: -20, durationS: 0.1 },
      { levelDb: -6, durationS: 0.1 },
    ]);
    expect([...shortTermLevelsDb([steps], fs)].map((l) => Math.round(l * 100) / 100)).toEqual([-20, -20, -6, -6]);
  });

  it('is zero for identical outputs and equals a constant level offset', () => {
    const tone = sine({ sampleRate: fs, frequencyHz: 440, durationS: 1, peakDb: -6 });
    expect(matchErrorDb([tone], [tone], fs)).toBe(0);
    expect(matchErrorDb([scaled(tone, 2)], [tone], fs)).toBeCloseTo(2, 6);
    expect(matchErrorDb([scaled(tone, -3)], [tone], fs)).toBeCloseTo(3, 6);
  });

  it('is the RMS of the per-block differences: +3 dB on half the blocks gives 3/√2 dB', () => {
    const hidden = dcSteps(fs, [{ levelDb: -20, durationS: 0.2 }]);
    const learner = dcSteps(fs, [
      { levelDb: -17, durationS: 0.1 },
      { levelDb: -20, durationS: 0.1 },
    ]);
    expect(matchErrorDb([learner], [hidden], fs)).toBeCloseTo(3 / Math.SQRT2, 6);
  });

  it('ignores blocks more than 20 dB below the hidden output’s loudest (quiet passages do not count)', () => {
    const hidden = dcSteps(fs, [
      { levelDb: -10, durationS: 0.1 },
      { levelDb: -31, durationS: 0.1 },
    ]);
    const learner = dcSteps(fs, [
      { levelDb: -10, durationS: 0.1 },
      { levelDb: -60, durationS: 0.1 },
    ]);
    expect(matchErrorDb([learner], [hidden], fs)).toBe(0);
  });

  it('gives full credit up to 0.25 dB, none from 3 dB, linearly in between', () => {
    expect(matchCredit(0)).toBe(1);
    expect(matchCredit(0.25)).toBe(1);
    expect(matchCredit(1.625)).toBeCloseTo(0.5, 10);
    expect(matchCredit(3)).toBe(0);
    expect(matchCredit(9)).toBe(0);
    expect(describeMatch(1.625)).toBe(
      'Your version differs from the hidden one by 1.6 dB on average (RMS of the level difference): partly there. Score 50 %.',
    );
  });

  it('scores a compressor against itself 100 %, a nearby setting with partial credit, a far one with none', () => {
    const tone = dcSteps(fs, [
      { levelDb: -30, durationS: 0.5 },
      { levelDb: -6, durationS: 0.5 },
      { levelDb: -30, durationS: 0.5 },
    ]);
    const hiddenParams = { ...DEFAULT_PARAMS, thresholdDb: -24, ratio: 4, makeupDb: 0 };
    const hidden = renderOffline([tone], fs, hiddenParams).output;
    const err = (p: Partial<typeof hiddenParams>) =>
      matchErrorDb(renderOffline([tone], fs, { ...hiddenParams, ...p }).output, hidden, fs);
    expect(err({})).toBe(0);
    // Static check: −6 dBFS in, T = −24, R = 4 → −19.5 out; R = 3 → −18: 1.5 dB louder on that third.
    const near = err({ ratio: 3 });
    expect(near).toBeGreaterThan(0.5);
    expect(near).toBeLessThan(1.5);
    expect(matchCredit(near)).toBeGreaterThan(0);
    expect(matchCredit(near)).toBeLessThan(1);
    expect(matchCredit(err({ thresholdDb: -50, ratio: 20 }))).toBe(0);
  });
});

describe('match targets', () => {
  it('are reproducible, on the controls’ steps, and vary attack and release only when asked', async () => {
    const t = await import('../../../src/lib/practice/match-targets');
    const seen = new Set<string>();
    for (let round = 0; round < 200; round++) {
      const s = t.hiddenSetting(9, round, true, -4.3);
      expect(t.hiddenSetting(9, round, true, -4.3)).toEqual(s);
      expect(Number.isInteger(s.thresholdDb / t.MATCH_THRESHOLD_RANGE.step)).toBe(true);
      expect(s.thresholdDb).toBeGreaterThanOrEqual(-4 - 24);
      expect(s.thresholdDb).toBeLessThanOrEqual(-4 - 12);
      expect((s.ratio - 1) / t.MATCH_RATIO_RANGE.step).toBe(Math.round((s.ratio - 1) / t.MATCH_RATIO_RANGE.step));
      expect(t.ATTACK_STEPS_MS).toContain(s.attackMs);
      expect(t.RELEASE_STEPS_MS).toContain(s.releaseMs);
      expect(t.hiddenSetting(9, round, false, -4.3)).toMatchObject({ ...t.FIXED_TIMES, thresholdDb: s.thresholdDb });
      seen.add(JSON.stringify(s));
    }
    expect(seen.size).toBeGreaterThan(50);
    expect(t.matchParams(t.MATCH_START)).toMatchObject({ ratio: 1, makeupDb: 0 });
  });
});

describe.skipIf(SKIP_CLIP_TESTS)('match scores on the shipped clips', () => {
  beforeAll(requireFfmpeg);
  for (const clipId of ['drums', 'vocal', 'bass']) {
    it(`${clipId}: the further a setting is from the hidden one, the lower its score`, () => {
      const x = excerpt(decode(clipId), fs);
      const hidden = { thresholdDb: Math.round(peakDb(x)) - 18, ratio: 4, ...FIXED_TIMES };
      const hiddenOut = renderOffline(x, fs, matchParams(hidden)).output;
      const err = (s: MatchSetting) => matchErrorDb(renderOffline(x, fs, matchParams(s)).output, hiddenOut, fs);
      expect(err(hidden)).toBe(0);
      const off1 = err({ ...hidden, thresholdDb: hidden.thresholdDb + 1 });
      const off3 = err({ ...hidden, thresholdDb: hidden.thresholdDb + 3 });
      const nothing = err(MATCH_START);
      expect(0).toBeLessThan(off1);
      expect(off1).toBeLessThan(off3);
      expect(off3).toBeLessThan(nothing);
      expect(matchCredit(off1)).toBeGreaterThan(0.7);
      expect(matchCredit(nothing)).toBeLessThan(0.5);
    });
  }
});

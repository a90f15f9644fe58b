import { beforeAll, describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { dbToGain } from '../../../src/dsp/levels';
import { DRILLS, fastAttackMs, oddPosition, ATTACK_REFERENCE_MS } from '../../../src/lib/practice/drills';
import { mostGainReductionDb } from '../../../src/widgets/shared/measures';
import {
  attackDrillThreshold,
  buildTrial,
  excerpt,
  excerptProblem,
  searchThreshold,
} from '../../../src/widgets/Practice/alternatives';
import { sine, toneBursts } from '../../../src/dsp/signals';
import { DRILL_BASE } from '../../../src/lib/practice/drills';
import { SKIP_CLIP_TESTS, decode, requireFfmpeg } from '../support/clip-audio';

const fs = 48000;
const matchedLufs = (channels: Float32Array[], gainDb: number, rate = fs) =>
  integratedLoudness(
    channels.map((ch) => ch.map((x) => x * dbToGain(gainDb))),
    rate,
  );

describe.skipIf(SKIP_CLIP_TESTS)('drill alternatives on the shipped clips', () => {
  beforeAll(requireFfmpeg);
  for (const clipId of ['drums', 'vocal']) {
    const input = () => excerpt(decode(clipId), fs);

    it(`${clipId}: the threshold search reaches the asked-for gain reduction within 0.01 dB`, () => {
      for (const goal of [0.5, 2.5, 8]) {
        const found = searchThreshold(input(), fs, DRILL_BASE, goal);
        expect(Math.abs(mostGainReductionDb(found.render) - goal)).toBeLessThanOrEqual(0.01);
      }
    });

    it(`${clipId}: every alternative of a reduction trial plays within 0.1 LU of the original`, () => {
      const x = input();
      const trial = buildTrial('reduction', x, fs, 4, 1);
      expect(trial.alternatives).toHaveLength(DRILLS.reduction.alternatives);
      expect(trial.alternatives[1]?.params?.thresholdDb).toBeLessThan(0);
      expect(trial.alternatives[0]?.params).toBeNull();
      const reference = integratedLoudness(x, fs);
      for (const alt of trial.alternatives) {
        expect(Math.abs(matchedLufs(alt.channels, alt.gainDb) - reference)).toBeLessThanOrEqual(0.1);
      }
      // Unmatched, the compressed one would be quieter by more than the tolerance: the matching matters.
      expect(reference - (trial.alternatives[1]?.lufs ?? 0)).toBeGreaterThan(0.1);
    });

    it(`${clipId}: an attack trial compares the reference attack with the faster one, both matched`, () => {
      const x = input();
      const t = attackDrillThreshold(x, fs);
      const trial = buildTrial('attack', x, fs, 2, 0, t);
      expect(trial.alternatives[0]?.params?.attackMs).toBe(fastAttackMs(2));
      expect(trial.alternatives[1]?.params?.attackMs).toBe(ATTACK_REFERENCE_MS);
      const reference = integratedLoudness(x, fs);
      for (const alt of trial.alternatives) {
        expect(Math.abs(matchedLufs(alt.channels, alt.gainDb) - reference)).toBeLessThanOrEqual(0.1);
      }
    });
  }
});

describe('odd position', () => {
  it('is reproducible and roughly uniform over the alternatives', () => {
    expect(oddPosition(7, 3, 3)).toBe(oddPosition(7, 3, 3));
    const counts = [0, 0, 0];
    for (let t = 0; t < 3000; t++) counts[oddPosition(12345, t, 3)] = (counts[oddPosition(12345, t, 3)] ?? 0) + 1;
    for (const c of counts) expect(c).toBeGreaterThan(900);
  });
});

describe('a learner’s own file (any rate, any length)', () => {
  const rate = 44100;
  const burstsAt = (lowS: number) =>
    toneBursts({ sampleRate: rate, frequencyHz: 220, lowDb: -30, highDb: -6, lowS, highS: 1 - lowS, cycles: 6 });

  it('is matched in loudness by the same measure as the shipped clips, at its own sample rate', () => {
    const x = excerpt([burstsAt(0.7), burstsAt(0.5)], rate);
    expect(x[0]?.length).toBe(4 * rate);
    const trial = buildTrial('reduction', x, rate, 4, 2);
    const reference = integratedLoudness(x, rate);
    expect(Number.isFinite(reference)).toBe(true);
    for (const alt of trial.alternatives) {
      expect(Math.abs(matchedLufs(alt.channels, alt.gainDb, rate) - reference)).toBeLessThanOrEqual(0.1);
    }
    expect(excerptProblem('bursts.wav', x, rate)).toBeNull();
  });

  it('is refused for the drills when the excerpt they play is silent or too short to measure', () => {
    const late = new Float32Array(6 * rate);
    late.set(sine({ sampleRate: rate, frequencyHz: 440, peakDb: -6, durationS: 1 }), 5 * rate);
    expect(excerptProblem('late.wav', [late], rate)).toBe(
      'The drills play the first 4 seconds of a file, and in “late.wav” they are silent (or too short or too quiet ' +
        'to measure), so there is nothing to compare. Choose a file whose sound starts at once.',
    );
    const blip = sine({ sampleRate: rate, frequencyHz: 440, peakDb: -6, durationS: 0.2 });
    expect(excerptProblem('blip.wav', [blip], rate)).toContain('“blip.wav”');
    // Audible from the first second: taken.
    expect(excerptProblem('tone.wav', [late.slice(5 * rate)], rate)).toBeNull();
  });
});

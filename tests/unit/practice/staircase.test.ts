import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/dsp/signals';
import {
  answer,
  startStaircase,
  stepSize,
  targetProbability,
  threshold,
  type StaircaseConfig,
} from '../../../src/lib/practice/staircase';
import { DRILLS } from '../../../src/lib/practice/drills';

/**
 * A simulated listener: with `alternatives` choices it is right by chance 1/alternatives of the time, and above
 * that by a logistic psychometric function of the stimulus, slope `spread`. Its threshold for probability p is
 * where γ + (1 − γ)·F(x) = p: x = mid + spread·ln(q / (1 − q)), q = (p − γ)/(1 − γ).
 */
function listener(alternatives: number, thresholdAtTarget: number, down: number, spread: number) {
  const gamma = 1 / alternatives;
  const q = (targetProbability(down) - gamma) / (1 - gamma);
  const mid = thresholdAtTarget - spread * Math.log(q / (1 - q));
  return (x: number) => gamma + (1 - gamma) / (1 + Math.exp(-(x - mid) / spread));
}

function run(config: StaircaseConfig, pCorrect: (x: number) => number, seed: number) {
  const rng = mulberry32(seed);
  let s = startStaircase(config);
  while (!s.done && s.trials.length < 1000) s = answer(s, rng() < pCorrect(s.stimulus));
  return s;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('transformed up-down staircase', () => {
  it('targets 70.7 % with 1-up-2-down and 79.4 % with 1-up-3-down (Levitt 1971)', () => {
    expect(targetProbability(2)).toBeCloseTo(0.7071, 4);
    expect(targetProbability(3)).toBeCloseTo(0.7937, 4);
  });

  it('steps down only after `down` correct answers in a row, up after any wrong one, and counts reversals', () => {
    const config: StaircaseConfig = {
      start: 8,
      steps: [2, 1],
      down: 3,
      min: 0,
      max: 12,
      reversalsToStop: 3,
      reversalsToAverage: 2,
    };
    let s = startStaircase(config);
    s = answer(answer(s, true), true);
    expect(s.stimulus).toBe(8);
    s = answer(s, true); // third in a row: down by 2
    expect(s.stimulus).toBe(6);
    s = answer(s, false); // reversal at 6, then up by the second step (1)
    expect(s.reversals).toEqual([6]);
    expect(s.stimulus).toBe(7);
    s = answer(answer(answer(s, true), true), true); // reversal at 7, down by 1
    expect(s.reversals).toEqual([6, 7]);
    expect(s.stimulus).toBe(6);
    expect(threshold(s)).toBe(6.5);
    s = answer(s, false);
    expect(s.done).toBe(true);
    expect(answer(s, true)).toBe(s);
  });

  it('never leaves its range', () => {
    const config: StaircaseConfig = {
      start: 2,
      steps: [4],
      down: 1,
      min: 0.5,
      max: 6,
      reversalsToStop: 99,
      reversalsToAverage: 2,
    };
    let s = startStaircase(config);
    for (let i = 0; i < 5; i++) s = answer(s, true);
    expect(s.stimulus).toBe(0.5);
    for (let i = 0; i < 5; i++) s = answer(s, false);
    expect(s.stimulus).toBe(6);
  });

  for (const drill of Object.values(DRILLS)) {
    const config = drill.staircase;
    const finalStep = stepSize(config, config.reversalsToStop);
    for (const known of [drill.exampleThreshold * 0.6, drill.exampleThreshold, drill.exampleThreshold * 1.4]) {
      it(`${drill.id}: a simulated listener whose ${(targetProbability(config.down) * 100).toFixed(1)} % point is ${known.toFixed(2)} is found within one step (${finalStep})`, () => {
        const p = listener(drill.alternatives, known, config.down, finalStep);
        const estimates = Array.from({ length: 400 }, (_, seed) => threshold(run(config, p, seed + 1)) ?? NaN);
        expect(estimates.every(Number.isFinite)).toBe(true);
        expect(Math.abs(mean(estimates) - known)).toBeLessThanOrEqual(finalStep);
        // Most single runs land within two steps of it too (a run has only a few reversals to average).
        const near = estimates.filter((e) => Math.abs(e - known) <= 2 * finalStep).length / estimates.length;
        expect(near).toBeGreaterThan(0.6);
      });
    }
  }
});

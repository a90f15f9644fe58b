/**
 * The two "which one?" drills (pure definitions): what the staircase varies, how a stimulus becomes compressor
 * settings, and how a threshold is said in words. Settings outside the varied one follow the hearing study the
 * issue cites: trained listeners hear ratio 2.5 with a 3 ms attack only when the release is under about 120 ms
 * (JSHR 27(4), 1984), so the drills use a short release that makes compression audible.
 */
import { DEFAULT_PARAMS } from '../../dsp/params';
import { mulberry32 } from '../../dsp/signals';
import type { CompressorParams } from '../../dsp/types';
import type { StaircaseConfig } from './staircase';

export type DrillId = 'reduction' | 'attack';

export interface DrillDefinition {
  id: DrillId;
  title: string;
  /** The question asked on every trial. */
  question: string;
  /** How many alternatives are offered; exactly one is the odd one. */
  alternatives: number;
  staircase: StaircaseConfig;
  /** A typical listener's threshold, for the simulated-listener tests (the drill's unit). */
  exampleThreshold: number;
  /** The stimulus as a learner reads it on one trial. */
  describeStimulus: (stimulus: number) => string;
  /** What the finished drill's threshold measures, and its unit (as a result message to a host page names it). */
  measures: { name: string; unit: string };
  /** The finished drill's threshold in words. */
  /** `clip` names what it was measured on, as clipPhrase() words it. */
  describeThreshold: (value: number, clip: string) => string;
}

/** Settings shared by every drill render; the drill sets the threshold (searched) and what it varies. */
export const DRILL_BASE: Readonly<CompressorParams> = Object.freeze({
  ...DEFAULT_PARAMS,
  ratio: 4,
  kneeDb: 0,
  attackMs: 3,
  releaseMs: 100,
  makeupDb: 0,
  detector: 'peak',
  lookaheadMs: 0,
  link: 1,
  mix: 1,
});

/** The attack drill compares against this slow attack, ms. */
export const ATTACK_REFERENCE_MS = 60;
/** The attack drill's threshold is set so that the curve asks for this much reduction at most, dB. */
export const ATTACK_DRILL_TARGET_DB = 10;

/** Attack time of the fast alternative, `octaves` below the reference: 60 ms / 2^octaves. */
export function fastAttackMs(octaves: number): number {
  return ATTACK_REFERENCE_MS / 2 ** octaves;
}

const ms = (x: number) => (x < 10 ? x.toFixed(1) : String(Math.round(x)));
const db = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

export const DRILLS: Readonly<Record<DrillId, DrillDefinition>> = {
  reduction: {
    id: 'reduction',
    title: 'Which one is compressed?',
    question: 'One of these is compressed, the others are the original. All three play at the same loudness.',
    alternatives: 3,
    // 1-up-3-down with three alternatives: converges on 79.4 % correct (chance is 33 %).
    staircase: { start: 8, steps: [2, 1, 0.5], down: 3, min: 0.5, max: 12, reversalsToStop: 10, reversalsToAverage: 6 },
    exampleThreshold: 2.5,
    measures: { name: 'gain reduction heard', unit: 'dB' },
    describeStimulus: (x) => `${db(x)} dB of gain reduction at most`,
    describeThreshold: (x, clip) =>
      `You reliably hear about ${db(x)} dB of gain reduction on ${clip} ` +
      `(right about 4 times in 5, where guessing is right 1 time in 3).`,
  },
  attack: {
    id: 'attack',
    title: 'Which one has the faster attack?',
    question: `Both are compressed with the same threshold and ratio; one has a ${ATTACK_REFERENCE_MS} ms attack, the other a faster one. Both play at the same loudness.`,
    alternatives: 2,
    // 1-up-2-down with two alternatives: converges on 70.7 % correct (chance is 50 %).
    staircase: {
      start: 4,
      steps: [1, 0.5, 0.25],
      down: 2,
      min: 0.25,
      max: 6,
      reversalsToStop: 10,
      reversalsToAverage: 6,
    },
    exampleThreshold: 2,
    measures: { name: `attack heard as faster than ${ATTACK_REFERENCE_MS} ms`, unit: 'octaves' },
    describeStimulus: (x) => `${ATTACK_REFERENCE_MS} ms against ${ms(fastAttackMs(x))} ms`,
    describeThreshold: (x, clip) =>
      `You reliably tell a ${ATTACK_REFERENCE_MS} ms attack from a ${ms(fastAttackMs(x))} ms one ` +
      `(${(2 ** x).toFixed(1)} times faster) on ${clip} ` +
      `(right about 7 times in 10, where guessing is right 1 time in 2).`,
  },
};

/**
 * How the practice texts name a clip: "the drum groove" for one of the site's clips (its title in lower case),
 * "your file “take 3.wav”" for the learner's own file (its name as it is).
 */
export function clipPhrase(title: string, own = false): string {
  return own ? `your file “${title}”` : `the ${title.toLowerCase()}`;
}

export function isDrillId(x: string): x is DrillId {
  return x === 'reduction' || x === 'attack';
}

/**
 * Where the odd alternative sits on trial `trial` (0-based) of a run seeded with `seed`: uniform over
 * 0..alternatives−1, reproducible (so a test can replay a run), independent from trial to trial.
 */
export function oddPosition(seed: number, trial: number, alternatives: number): number {
  const rng = mulberry32((seed ^ Math.imul(trial + 1, 0x9e3779b9)) >>> 0);
  return Math.min(alternatives - 1, Math.floor(rng() * alternatives));
}

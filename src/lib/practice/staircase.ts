/**
 * A transformed up-down staircase (pure). The stimulus is a number where larger is easier to hear (dB of gain
 * reduction, octaves between two attack times). After `down` correct answers in a row the stimulus steps down
 * (harder); after any wrong answer it steps up (easier). Such a rule converges on the stimulus the listener gets
 * right with probability p = 0.5^(1/down): 1-up-2-down → 70.7 %, 1-up-3-down → 79.4 %.
 * Source: H. Levitt, "Transformed up-down methods in psychoacoustics", J. Acoust. Soc. Am. 49(2B), 1971, Table I.
 *
 * The step size shrinks as reversals accumulate (large steps find the region fast, small ones settle in it). The
 * run stops after `reversalsToStop` reversals; the threshold is the mean stimulus at the last
 * `reversalsToAverage` reversals (Levitt's estimate: the mid-points of the runs).
 */

export interface StaircaseConfig {
  /** First stimulus (easy), in the drill's unit. */
  start: number;
  /** Step size after 0, 1, 2, … reversals; the last one repeats. */
  steps: readonly number[];
  /** Correct answers in a row needed to step down (2 or 3). */
  down: number;
  min: number;
  max: number;
  reversalsToStop: number;
  reversalsToAverage: number;
}

export interface Trial {
  stimulus: number;
  correct: boolean;
}

export interface StaircaseState {
  readonly config: StaircaseConfig;
  /** The stimulus of the next trial. */
  readonly stimulus: number;
  /** Correct answers in a row at the current stimulus. */
  readonly run: number;
  /** Direction of the last step: −1 down (harder), +1 up (easier), 0 none yet. */
  readonly direction: -1 | 0 | 1;
  /** Stimulus at each reversal, in order. */
  readonly reversals: readonly number[];
  readonly trials: readonly Trial[];
  readonly done: boolean;
}

/** Probability of a correct answer that the rule converges on: 0.5^(1/down). Source: Levitt 1971, Table I. */
export function targetProbability(down: number): number {
  return 0.5 ** (1 / down);
}

export function startStaircase(config: StaircaseConfig): StaircaseState {
  return {
    config,
    stimulus: clamp(config.start, config),
    run: 0,
    direction: 0,
    reversals: [],
    trials: [],
    done: false,
  };
}

function clamp(x: number, c: StaircaseConfig): number {
  return Math.min(c.max, Math.max(c.min, x));
}

/** The step size in use after `reversals` reversals. */
export function stepSize(config: StaircaseConfig, reversals: number): number {
  const { steps } = config;
  return steps[Math.min(reversals, steps.length - 1)] ?? 1;
}

/** The state after one answer at the current stimulus. A finished staircase does not change. */
export function answer(state: StaircaseState, correct: boolean): StaircaseState {
  if (state.done) return state;
  const { config } = state;
  const trials = [...state.trials, { stimulus: state.stimulus, correct }];
  const run = correct ? state.run + 1 : 0;
  const move: -1 | 0 | 1 = !correct ? 1 : run >= config.down ? -1 : 0;
  if (move === 0) return { ...state, trials, run };
  const reversed = state.direction !== 0 && move !== state.direction;
  const reversals = reversed ? [...state.reversals, state.stimulus] : state.reversals;
  const stimulus = clamp(state.stimulus + move * stepSize(config, reversals.length), config);
  return {
    config,
    stimulus,
    run: 0,
    direction: move,
    reversals,
    trials,
    done: reversals.length >= config.reversalsToStop,
  };
}

/** Mean stimulus at the last `reversalsToAverage` reversals; null before there are any. */
export function threshold(state: StaircaseState): number | null {
  const last = state.reversals.slice(-state.config.reversalsToAverage);
  if (last.length === 0) return null;
  return last.reduce((a, b) => a + b, 0) / last.length;
}

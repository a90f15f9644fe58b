/**
 * Misconception checks (pure): short questions that catch three common wrong ideas, each wrong option with the
 * feedback that explains it, and the lesson that teaches it. The numbers in the texts are computed from the
 * compressor's own definitions (src/dsp), not typed in.
 */
import { staticOutputDb } from '../../dsp/gain-computer';

export interface Option {
  text: string;
  right: boolean;
  /** Shown after this option is chosen. */
  feedback: string;
}

export interface Question {
  id: string;
  prompt: string;
  options: Option[];
  /** Lesson slug and its title, for "read more". */
  lesson: { slug: string; title: string };
}

const fmt = (x: number) => (Math.round(x * 100) / 100).toString().replace('-', '\u2212');

/** Share of a step's reduction reached after one attack time: 1 − 1/e. Source: DESIGN.md §2 step 3. */
export const ATTACK_SHARE = 1 - Math.exp(-1);

// The ratio question: a −6 dBFS peak, threshold −20 dBFS, hard knee. Source: y_G = T + (x_G − T)/R (DESIGN.md §2).
const RATIO_INPUT_DB = -6;
const RATIO_THRESHOLD_DB = -20;
const outAt = (ratio: number) => staticOutputDb(RATIO_INPUT_DB, { thresholdDb: RATIO_THRESHOLD_DB, ratio, kneeDb: 0 });

const pct = Math.round(ATTACK_SHARE * 100);

export const QUESTIONS: readonly Question[] = [
  {
    id: 'attack-is-a-delay',
    prompt: 'A compressor has a 10 ms attack. A loud drum hit arrives. What does the compressor do?',
    options: [
      {
        text: 'Nothing for 10 ms, then it turns the gain down all at once.',
        right: false,
        feedback:
          'Attack is not a delay. The gain starts to move the moment the level goes over the threshold; the attack ' +
          `time says how fast it moves: ${pct} % of the way in 10 ms, most of the rest in the next 20 ms.`,
      },
      {
        text: `It starts turning the gain down at once and is ${pct} % of the way there after 10 ms.`,
        right: true,
        feedback: `Right: attack is a time constant. After one attack time the reduction has covered ${pct} % (1 − 1/e) of its change.`,
      },
      {
        text: 'It holds the hit back by 10 ms so that it can catch it.',
        right: false,
        feedback:
          'That is lookahead, a separate setting that delays the audio. The attack time only sets how fast the gain ' +
          `moves: ${pct} % of the way in one attack time.`,
      },
    ],
    lesson: { slug: 'attack', title: 'Attack' },
  },
  {
    id: 'higher-ratio-louder',
    prompt:
      `The threshold stays at ${fmt(RATIO_THRESHOLD_DB)} dBFS and there is no make-up gain. You raise the ratio ` +
      `from 2 to 1 up to 8 to 1. A peak at ${fmt(RATIO_INPUT_DB)} dBFS comes out…`,
    options: [
      {
        text: 'louder, because the compressor is working harder.',
        right: false,
        feedback:
          'A higher ratio turns loud parts down more, so they come out quieter: ' +
          `${fmt(outAt(2))} dBFS at 2 to 1, ${fmt(outAt(8))} dBFS at 8 to 1. Compressed music often sounds louder only ` +
          'after make-up gain lifts it.',
      },
      {
        text: 'quieter: more of the part above the threshold is taken away.',
        right: true,
        feedback: `Right: ${fmt(outAt(2))} dBFS at 2 to 1, ${fmt(outAt(8))} dBFS at 8 to 1. Only make-up gain makes it louder.`,
      },
      {
        text: 'at the same level: the ratio changes the tone, not the level.',
        right: false,
        feedback: `The ratio sets how much of the level above the threshold is kept: ${fmt(outAt(2))} dBFS at 2 to 1, ${fmt(outAt(8))} dBFS at 8 to 1.`,
      },
    ],
    lesson: { slug: 'ratio', title: 'Ratio' },
  },
  {
    id: 'makeup-changes-compression',
    prompt: 'You add 6 dB of make-up gain. What happens to the gain reduction on the loud parts?',
    options: [
      {
        text: 'It grows: the signal is louder now, so more of it is over the threshold.',
        right: false,
        feedback:
          'Make-up gain is applied after the compressor has decided how much to turn down, so the detector never ' +
          'hears it: the gain reduction stays exactly the same, and the whole output is 6 dB louder.',
      },
      {
        text: 'It stays the same; the whole output is 6 dB louder.',
        right: true,
        feedback: 'Right: make-up gain comes after the gain computer. It changes the level, not the compression.',
      },
      {
        text: 'It shrinks, because make-up gain undoes the compression.',
        right: false,
        feedback:
          'Make-up gain lifts everything by the same amount, loud and quiet parts alike, so the differences the ' +
          'compressor narrowed stay narrowed; the gain reduction does not change.',
      },
    ],
    lesson: { slug: 'make-up-gain', title: 'Make-up gain' },
  },
];

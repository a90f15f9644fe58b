/**
 * Test signals a learner can pick in the close-up view: a level step (a constant level that jumps up and back
 * down, so the target reduction is a clean step) and a tone burst (a 1 kHz tone that does the same, as you would
 * hear it). Pure: built from src/dsp/signals, returned as clip-like objects the lab can hold like a loaded clip.
 */
import { dcSteps } from '../../dsp/signals';

export const TEST_SIGNAL_RATE = 48000;
/** Levels and lengths of both signals: quiet (below the default threshold), loud, quiet again. */
export const STEP_LOW_DB = -40;
export const STEP_HIGH_DB = -8;
export const STEP_LEAD_S = 0.25;
/** Long enough for the slowest attack (200 ms) to settle and the slowest release (2000 ms) to pass its mark. */
export const STEP_HIGH_S = 1.5;
export const STEP_TAIL_S = 4.5;
export const TONE_HZ = 1000;

export const TEST_SIGNALS = {
  'test-step': { title: 'Level step' },
  'test-burst': { title: 'Tone burst' },
} as const;

export type TestSignalId = keyof typeof TEST_SIGNALS;

export function isTestSignal(id: string): id is TestSignalId {
  return Object.hasOwn(TEST_SIGNALS, id);
}

export interface TestClip {
  id: TestSignalId;
  title: string;
  sampleRate: number;
  channels: Float32Array[];
  durationS: number;
}

/** The samples of one test signal (mono): STEP_LEAD_S quiet, STEP_HIGH_S loud, STEP_TAIL_S quiet. */
export function testSignal(id: TestSignalId, sampleRate = TEST_SIGNAL_RATE): TestClip {
  const segments = [
    { levelDb: STEP_LOW_DB, durationS: STEP_LEAD_S },
    { levelDb: STEP_HIGH_DB, durationS: STEP_HIGH_S },
    { levelDb: STEP_LOW_DB, durationS: STEP_TAIL_S },
  ];
  // The level step is the envelope itself (a constant level); the tone burst is a 1 kHz sine under that envelope,
  // its phase running on across the steps so the level is the only thing that changes.
  const channel = dcSteps(sampleRate, segments);
  if (id === 'test-burst') {
    const w = (2 * Math.PI * TONE_HZ) / sampleRate;
    for (let i = 0; i < channel.length; i++) channel[i] = (channel[i] as number) * Math.sin(w * i);
  }
  return { id, title: TEST_SIGNALS[id].title, sampleRate, channels: [channel], durationS: channel.length / sampleRate };
}

/** Samples where a test signal steps up and back down, and where it ends. */
export function testSignalSteps(sampleRate: number, length: number): { up: number; down: number; end: number } {
  const up = Math.round(STEP_LEAD_S * sampleRate);
  return { up, down: up + Math.round(STEP_HIGH_S * sampleRate), end: length };
}

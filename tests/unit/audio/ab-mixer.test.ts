import { describe, expect, it } from 'vitest';
import { AbMixer, equalPowerGain, GAIN_SMOOTHING_MS } from '../../../src/audio/ab-mixer';

const FS = 48_000;

function constant(value: number, frames = 128): Float32Array {
  return new Float32Array(frames).fill(value);
}

/** Runs the mixer on constant dry/wet levels (stereo), returns channel 0 of every block concatenated. */
function run(mixer: AbMixer, dry: number, wet: number, blocks: number): Float32Array {
  const out = new Float32Array(blocks * 128);
  const o = [new Float32Array(128), new Float32Array(128)];
  for (let b = 0; b < blocks; b++) {
    mixer.process([constant(dry), constant(dry)], [constant(wet), constant(wet)], o, 128);
    out.set(o[0] as Float32Array, b * 128);
  }
  return out;
}

describe('equalPowerGain', () => {
  it('follows cos/sin: half-way through, both paths are at 1/√2 (−3.01 dB)', () => {
    expect(equalPowerGain(1, 0, 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(equalPowerGain(0, 1, 0.5)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(equalPowerGain(1, 0, 0)).toBe(1);
    expect(equalPowerGain(1, 0, 1)).toBeCloseTo(0, 12);
    expect(equalPowerGain(0, 1, 1 / 3)).toBeCloseTo(Math.sin(Math.PI / 6), 12); // 0.5
  });

  it('keeps the summed power at 1 through a fade between one-hot gain sets', () => {
    for (let i = 0; i <= 20; i++) {
      const u = i / 20;
      const g = [equalPowerGain(1, 0, u), equalPowerGain(0, 1, u), equalPowerGain(0, 0, u)];
      expect(g.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('AbMixer', () => {
  it('passes the compressed path through exactly when settled on it', () => {
    const mixer = new AbMixer({ sampleRate: FS, crossfadeMs: 30, listenTo: 'compressed' });
    const wet = [Float32Array.from({ length: 128 }, (_, n) => Math.sin(n / 7) * 0.37)];
    const out = [new Float32Array(128)];
    mixer.process([constant(0.9)], wet, out, 128);
    expect(Array.from(out[0] as Float32Array)).toEqual(Array.from(wet[0] as Float32Array));
  });

  it('forms removed = dry − wet·10^(−makeup/20)', () => {
    // dry 0.5, wet 0.4 with +6 dB make-up: removed = 0.5 − 0.4 / 1.9953 = 0.29953.
    const mixer = new AbMixer({ sampleRate: FS, crossfadeMs: 30, listenTo: 'removed', makeupDb: 6 });
    const out = run(mixer, 0.5, 0.4, 1);
    expect(out[127]).toBeCloseTo(0.5 - 0.4 / Math.pow(10, 6 / 20), 6);
  });

  it('crossfades over exactly crossfadeMs with the equal-power law, then settles', () => {
    // Original path = 1, compressed path = 0: the output is the original path's gain.
    const mixer = new AbMixer({ sampleRate: FS, crossfadeMs: 10, listenTo: 'original' });
    mixer.setListenTo('compressed');
    expect(mixer.isFading).toBe(true);
    const out = run(mixer, 1, 0, 5);
    const fadeFrames = 480; // 10 ms at 48 kHz
    expect(out[0]).toBeCloseTo(Math.cos((Math.PI / 2) * (1 / fadeFrames)), 6);
    expect(out[239]).toBeCloseTo(Math.SQRT1_2, 6); // frame 240 of 480: half-way
    expect(out[fadeFrames - 1]).toBeCloseTo(0, 6);
    expect(out[600]).toBe(0);
    expect(mixer.isFading).toBe(false);
    expect(mixer.currentGains()).toEqual([0, 1, 0]);
  });

  it('a switch in the middle of a fade continues from the gains in effect (no jump)', () => {
    const mixer = new AbMixer({ sampleRate: FS, crossfadeMs: 30, listenTo: 'original' });
    mixer.setListenTo('compressed');
    const first = run(mixer, 1, 0, 2); // 256 of 1440 frames into the fade
    const before = mixer.currentGains();
    mixer.setListenTo('original');
    const second = run(mixer, 1, 0, 12);
    // Largest per-sample change of the gain: the equal-power slope bound (π/2)/fadeFrames.
    const joined = Float32Array.from([...first, ...second]);
    let step = 0;
    for (let n = 1; n < joined.length; n++) step = Math.max(step, Math.abs((joined[n] ?? 0) - (joined[n - 1] ?? 0)));
    expect(step).toBeLessThanOrEqual(Math.PI / 2 / 1440 + 1e-6);
    expect(second[0]).toBeCloseTo(before[0] ?? 0, 3);
    expect(second[second.length - 1]).toBeCloseTo(1, 6);
  });

  it('moves a matching gain with a 20 ms time constant (63.2 % after 20 ms)', () => {
    const mixer = new AbMixer({ sampleRate: FS, crossfadeMs: 30, listenTo: 'compressed' });
    mixer.setMatchDb(20 * Math.log10(2), 0); // gain 1 → 2
    const out = run(mixer, 0, 1, 20);
    const at = Math.round((GAIN_SMOOTHING_MS / 1000) * FS) - 1;
    expect(out[at]).toBeCloseTo(1 + (1 - Math.exp(-1)), 3);
    expect(out[out.length - 1]).toBeCloseTo(2 - Math.exp(-2560 / 960), 3);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { renderOffline } from '../../../src/dsp/compressor';
import { sine } from '../../../src/dsp/signals';
import { measureLoudness, removedSignal, transferablesOf } from '../../../src/state/render-job';

const FS = 48_000;

describe('removedSignal', () => {
  it('is dry − compressed·10^(−makeup/20)', () => {
    const dry = [Float32Array.from([0.5, -0.5, 0])];
    const wet = [Float32Array.from([0.2, -0.8, 0.1])];
    const [r] = removedSignal(dry, wet, 20 * Math.log10(2)); // make-up ×2 undone: wet / 2
    [0.4, -0.1, -0.05].forEach((v, n) => expect(r?.[n]).toBeCloseTo(v, 6));
  });
});

describe('measureLoudness', () => {
  const tone = sine({ sampleRate: FS, frequencyHz: 1000, peakDb: -10, durationS: 3 });

  it('a plain gain of g dB moves the compressed loudness by g LU and leaves nothing removed', () => {
    const half = [tone.map((x) => x * 0.5)];
    const l = measureLoudness([tone], half, FS, 0);
    expect(l.compressedLufs - l.originalLufs).toBeCloseTo(20 * Math.log10(0.5), 2); // −6.02 LU
    // removed = x − 0.5x = 0.5x: as loud as the compressed signal.
    expect(l.removedLufs).toBeCloseTo(l.compressedLufs, 6);
  });

  it('an RMS-detected −10 dBFS tone at −20 dB, 4:1 comes out 5.24 LU quieter', () => {
    // Sine RMS = peak − 3.01 dB = −13.01 dBFS; reduction = (1 − 1/R)(x − T) = 0.75 · 6.99 = 5.24 dB.
    const render = renderOffline([tone], FS, { ...DEFAULT_PARAMS, detector: 'rms' });
    const loudness = measureLoudness([tone], render.output, FS, render.makeupDb);
    expect(render.output[0]?.length).toBe(tone.length);
    expect(loudness.compressedLufs - loudness.originalLufs).toBeCloseTo(-0.75 * (-10 - 3.0103 + 20), 1);
    expect(transferablesOf(render).length).toBeGreaterThanOrEqual(4);
  });
});

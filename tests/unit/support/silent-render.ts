/** A stereo render of silence `frames` long at 48 kHz (zeros everywhere), for tests of the render pipeline's plumbing. */
import type { OfflineRender } from '../../../src/dsp/types';

export function silentRender(frames: number): OfflineRender {
  const a = () => new Float32Array(frames);
  return {
    output: [a(), a()],
    detectorDb: a(),
    targetReductionDb: a(),
    appliedReductionDb: a(),
    makeupDb: 0,
    latencySamples: 0,
    sampleRate: 48_000,
  };
}

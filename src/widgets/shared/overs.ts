/**
 * Pure: samples over 0 dBFS ("overs"), the ones a fixed-point file or a sound card cannot hold and clips.
 *
 * Source: full scale is |x| = 1 (0 dBFS, AES17); a sample with |x · gain| > 1 is over it. Overs within
 * PLACE_GAP_S of each other are one place, so a clipped drum hit counts once however many samples it clips.
 */

/** Overs closer together than this belong to one place, s. */
export const PLACE_GAP_S = 0.05;

export interface OverPlace {
  /** First over of the place, s. */
  startS: number;
  /** Last over of the place, s. */
  endS: number;
  /** Samples over 0 dBFS in the place, all channels. */
  samples: number;
}

export interface Overs {
  /** Samples over 0 dBFS, all channels counted. */
  samples: number;
  places: OverPlace[];
}

/** The samples of `channels`, scaled by `gain`, that go over 0 dBFS, and where they are. */
export function findOvers(channels: readonly Float32Array[], sampleRate: number, gain = 1): Overs {
  const length = channels[0]?.length ?? 0;
  const limit = 1 / gain;
  const gap = Math.round(PLACE_GAP_S * sampleRate);
  const places: OverPlace[] = [];
  let samples = 0;
  let current: { start: number; end: number; samples: number } | null = null;
  for (let i = 0; i < length; i++) {
    let here = 0;
    for (const ch of channels) if (Math.abs(ch[i] ?? 0) > limit) here++;
    if (here === 0) continue;
    samples += here;
    if (current && i - current.end <= gap) {
      current.end = i;
      current.samples += here;
    } else {
      if (current) places.push(toPlace(current, sampleRate));
      current = { start: i, end: i, samples: here };
    }
  }
  if (current) places.push(toPlace(current, sampleRate));
  return { samples, places };
}

function toPlace(p: { start: number; end: number; samples: number }, sampleRate: number): OverPlace {
  return { startS: p.start / sampleRate, endS: p.end / sampleRate, samples: p.samples };
}

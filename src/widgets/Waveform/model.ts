/**
 * Pure model of the before/after waveform: min/max decimation of the original and the compressed audio to one
 * column per pixel over the visible window, all channels together (each column holds the lowest and the highest
 * sample of any channel), so a 20 s stereo clip becomes ~800 columns in one pass.
 *
 * Source: the min/max ("peaks") decimation used by audio editors and wavesurfer.js: drawing each pixel column
 * from its extreme samples keeps every transient visible at any zoom.
 */
import { sampleRange, type TimeWindow } from '../shared/time-window';
import { formatDbShort, formatTime } from '../shared/describe';

export interface WaveColumn {
  /** Column start time, s. */
  t: number;
  beforeMin: number;
  beforeMax: number;
  afterMin: number;
  afterMax: number;
}

export interface WaveformModel {
  window: TimeWindow;
  columns: WaveColumn[];
  /** Largest |sample| in the window, before and after. */
  beforePeak: number;
  afterPeak: number;
}

function extremes(channels: readonly Float32Array[], from: number, to: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const ch of channels) {
    for (let i = from; i < to; i++) {
      const v = ch[i] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [0, 0];
}

/** Min/max columns for `before` and `after` over `window`, at most `columns` of them (fewer if fewer samples). */
export function waveformModel(
  before: readonly Float32Array[],
  after: readonly Float32Array[],
  sampleRate: number,
  window: TimeWindow,
  columns: number,
): WaveformModel {
  const length = Math.min(before[0]?.length ?? 0, after[0]?.length ?? 0);
  const [from, to] = sampleRange(window, sampleRate, length);
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  const out: WaveColumn[] = [];
  let beforePeak = 0;
  let afterPeak = 0;
  for (let c = 0; c < count; c++) {
    const a = from + Math.floor(((to - from) * c) / count);
    const b = Math.max(a + 1, from + Math.floor(((to - from) * (c + 1)) / count));
    const [bMin, bMax] = extremes(before, a, b);
    const [aMin, aMax] = extremes(after, a, b);
    beforePeak = Math.max(beforePeak, -bMin, bMax);
    afterPeak = Math.max(afterPeak, -aMin, aMax);
    out.push({ t: a / sampleRate, beforeMin: bMin, beforeMax: bMax, afterMin: aMin, afterMax: aMax });
  }
  return { window, columns: to > from ? out : [], beforePeak, afterPeak };
}

/** One sentence about the visible waveforms. */
export function describeWaveform(m: WaveformModel, toDb: (gain: number) => number): string {
  if (m.columns.length === 0) return 'No audio loaded yet.';
  const span = `${formatTime(m.window.startS)} to ${formatTime(m.window.endS)}`;
  const b = toDb(m.beforePeak);
  const a = toDb(m.afterPeak);
  const change = b - a;
  const what =
    Math.abs(change) < 0.05
      ? 'the compressor leaves the peaks unchanged'
      : change > 0
        ? `the compressor takes ${formatDbShort(change)} off the highest peak`
        : `the highest peak comes out ${formatDbShort(-change)} higher (make-up gain)`;
  return `From ${span}, the original peaks at ${formatDbShort(b, 'dBFS')} and the compressed audio at ${formatDbShort(a, 'dBFS')}: ${what}.`;
}

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
import { cachedColumns, columnExtremes, columnStart } from '../shared/scan';

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
  if (to <= from) return { window, columns: [], beforePeak: 0, afterPeak: 0 };
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  // The original's columns depend only on the clip and the view: computed once per view, not per setting.
  const b = cachedColumns(before, `x${from}:${to}:${count}`, () => columnExtremes(before, from, to, count));
  const a = columnExtremes(after, from, to, count);
  const out: WaveColumn[] = new Array<WaveColumn>(count);
  let beforePeak = 0;
  let afterPeak = 0;
  for (let c = 0; c < count; c++) {
    const col = {
      t: columnStart(from, to, count, c) / sampleRate,
      beforeMin: b.min[c] as number,
      beforeMax: b.max[c] as number,
      afterMin: a.min[c] as number,
      afterMax: a.max[c] as number,
    };
    beforePeak = Math.max(beforePeak, -col.beforeMin, col.beforeMax);
    afterPeak = Math.max(afterPeak, -col.afterMin, col.afterMax);
    out[c] = col;
  }
  return { window, columns: out, beforePeak, afterPeak };
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

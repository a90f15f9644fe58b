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
import { MEASURE_NAMES, peakChange } from '../shared/measures';

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
  /** Whether the window shows the whole clip (else the numbers are about the visible span only). */
  whole: boolean;
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
  const whole = from === 0 && to === length;
  if (to <= from) return { window, columns: [], beforePeak: 0, afterPeak: 0, whole };
  const count = Math.max(1, Math.min(Math.floor(columns), to - from));
  // The original’s columns depend only on the clip and the view: computed once per view, not per setting.
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
  return { window, columns: out, beforePeak, afterPeak, whole };
}

/**
 * What the visible waveforms show: the peak change (shared/measures.ts) over the whole clip or, when zoomed, over
 * the visible span only. It is not the gain reduction: a peak that passes before the compressor reacts is barely
 * lowered, and the two highest peaks need not be at the same moment.
 */
export function describeWaveform(m: WaveformModel): string {
  if (m.columns.length === 0) return 'No audio loaded yet.';
  const where = m.whole
    ? 'Over the whole clip'
    : `In the visible span only, ${formatTime(m.window.startS)} to ${formatTime(m.window.endS)}`;
  const { beforeDb, afterDb, changeDb } = peakChange(m.beforePeak, m.afterPeak);
  const what =
    Math.abs(changeDb) < 0.05
      ? 'the highest peak comes out unchanged'
      : changeDb > 0
        ? `the highest peak comes out ${formatDbShort(changeDb)} lower`
        : `the highest peak comes out ${formatDbShort(-changeDb)} higher (make-up gain)`;
  return (
    `${where}, the original’s highest peak is ${formatDbShort(beforeDb, 'dBFS')} and the compressed audio’s ` +
    `${formatDbShort(afterDb, 'dBFS')}: ${what} (the ${MEASURE_NAMES.peakChange}; a peak that passes before the ` +
    `compressor reacts is barely lowered, so this can be less than the gain reduction).`
  );
}

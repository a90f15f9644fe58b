/**
 * Pure: the four reasons readout. One row per reason with its measure (shared/reasons.ts) for the original and
 * the compressed clip, and one sentence per reason saying what changed, in words a learner can check on the table.
 */
import { formatDb, formatNumber } from '../shared/describe';
import { REASON_NAMES } from '../shared/reason-names';
import type { ReasonMeasures, ReasonsBeforeAfter } from '../shared/reasons';

export type ReasonId = 'level' | 'punch' | 'clipping' | 'space';

export interface ReasonRow {
  id: ReasonId;
  reason: string;
  /** The measure's on-screen name. */
  measure: string;
  /** Which way is "more of this reason". */
  hint: string;
  before: string;
  after: string;
  sentence: string;
}

/** Changes smaller than this (in the unit shown) are "about the same". */
export const SAME_WITHIN = 0.2;

const lu = (v: number): string => `${formatNumber(v, 1)} LU`;
const db = (v: number): string => formatDb(v, 1);

/** after − before as the table shows them (each rounded to 0.1 first), so the sentence agrees with the table. */
function change(before: number, after: number): number {
  return Math.round(after * 10) / 10 - Math.round(before * 10) / 10;
}

function levelSentence(b: ReasonMeasures, a: ReasonMeasures): string {
  const d = change(b.loudnessRangeLu, a.loudnessRangeLu);
  if (Math.abs(d) < SAME_WITHIN)
    return `Steadier level: the ${REASON_NAMES.loudnessRange} is about the same (${lu(a.loudnessRangeLu)}).`;
  return d < 0
    ? `Steadier level: the ${REASON_NAMES.loudnessRange} is ${lu(-d)} narrower, so the level wanders less.`
    : `Steadier level: the ${REASON_NAMES.loudnessRange} is ${lu(d)} wider, so the level wanders more.`;
}

function punchSentence(b: ReasonMeasures, a: ReasonMeasures): string {
  if (!Number.isFinite(b.transientOverSustainDb) || !Number.isFinite(a.transientOverSustainDb)) {
    return 'Punch: this clip has no hits to measure.';
  }
  const d = change(b.transientOverSustainDb, a.transientOverSustainDb);
  if (Math.abs(d) < SAME_WITHIN) return `Punch: the ${REASON_NAMES.transientOverSustain} is about the same.`;
  return d > 0
    ? `Punch: each hit’s transient stands ${db(d)} further above its sustain, so the hits sound sharper.`
    : `Punch: each hit’s transient stands ${db(-d)} less above its sustain, so the hits sound flatter.`;
}

function clippingSentence(b: ReasonMeasures, a: ReasonMeasures): string {
  const d = change(b.peakToLoudnessDb, a.peakToLoudnessDb);
  const own =
    a.peakDb > 0
      ? ` The compressed clip itself peaks at ${formatDb(a.peakDb, 1, 'dBFS')} and would clip: lower the make-up.`
      : '';
  if (Math.abs(d) < SAME_WITHIN)
    return `No clipping: at the same loudness the peaks are about as close to clipping as before.${own}`;
  return d < 0
    ? `No clipping: at the same loudness the highest peak sits ${db(-d)} further below 0 dBFS.${own}`
    : `No clipping: at the same loudness the highest peak comes ${db(d)} closer to 0 dBFS (the compressor let it through).${own}`;
}

function spaceSentence(b: ReasonMeasures, a: ReasonMeasures): string {
  const d = change(b.quietBelowPeakDb, a.quietBelowPeakDb);
  if (Math.abs(d) < SAME_WITHIN)
    return `Space and depth: the quiet moments sit about as far below the peaks as before.`;
  return d < 0
    ? `Space and depth: the quiet moments between events come ${db(-d)} closer to the peaks.`
    : `Space and depth: the quiet moments sit ${db(d)} further below the peaks.`;
}

export function reasonRows({ before: b, after: a }: Pick<ReasonsBeforeAfter, 'before' | 'after'>): ReasonRow[] {
  return [
    {
      id: 'level',
      reason: 'Steadier level',
      measure: REASON_NAMES.loudnessRange,
      hint: 'lower is steadier',
      before: lu(b.loudnessRangeLu),
      after: lu(a.loudnessRangeLu),
      sentence: levelSentence(b, a),
    },
    {
      id: 'punch',
      reason: 'Punch',
      measure: REASON_NAMES.transientOverSustain,
      hint: 'higher is punchier',
      before: Number.isFinite(b.transientOverSustainDb) ? db(b.transientOverSustainDb) : 'no hits',
      after: Number.isFinite(a.transientOverSustainDb) ? db(a.transientOverSustainDb) : 'no hits',
      sentence: punchSentence(b, a),
    },
    {
      id: 'clipping',
      reason: 'No clipping',
      measure: REASON_NAMES.peakToLoudness,
      hint: 'lower leaves more room',
      before: db(b.peakToLoudnessDb),
      after: db(a.peakToLoudnessDb),
      sentence: clippingSentence(b, a),
    },
    {
      id: 'space',
      reason: 'Space and depth',
      measure: REASON_NAMES.quietBelowPeak,
      hint: 'lower brings detail up',
      before: db(b.quietBelowPeakDb),
      after: db(a.quietBelowPeakDb),
      sentence: spaceSentence(b, a),
    },
  ];
}

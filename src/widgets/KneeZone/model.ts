/**
 * Pure model of the knee-zone plot: for every syllable or note of the clip (findHits), the level the detector
 * saw against the reduction the compressor applied, beside the static reduction the gain computer asks for at
 * each level, with the knee region T ± W/2 and the hits near the threshold marked.
 *
 * Source: static reduction from src/dsp/gain-computer (Giannoulis, Massberg & Reiss 2012, eq. 4); hits and their
 * levels from src/widgets/Exercise (model.ts, near-threshold.ts), so plot, text and exercise share one definition.
 */
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { staticReductionDb } from '../../dsp/gain-computer';
import { findHits } from '../Exercise/model';
import { NEAR_DB, hitNoun, isNear, levelHits, nearThreshold, type NearSummary } from '../Exercise/near-threshold';
import { formatDbShort } from '../shared/describe';

export interface KneePoint {
  levelDb: number;
  reductionDb: number;
  near: boolean;
}

export interface KneeZoneModel {
  points: KneePoint[];
  /** Static (target) reduction against level, dB. */
  curve: { levelDb: number; reductionDb: number }[];
  thresholdDb: number;
  kneeDb: number;
  kneeLowDb: number;
  kneeHighDb: number;
  /** Level axis, dBFS (the points outside it are counted in the text but not drawn). */
  domainDb: [number, number];
  topDb: number;
  summary: NearSummary;
}

export const FLOOR_DB = -60;
/** Width of the level axis, dB: the knee's neighbourhood, as wide as the widest knee (24 dB). */
export const SPAN_DB = 24;

/** The level axis: SPAN_DB wide, centred on the threshold where the range −60..0 dBFS allows. */
export function levelDomain(thresholdDb: number): [number, number] {
  const lo = Math.min(-SPAN_DB, Math.max(FLOOR_DB, thresholdDb - SPAN_DB / 2));
  return [lo, lo + SPAN_DB];
}

export function kneeZoneModel(
  input: readonly Float32Array[],
  render: OfflineRender,
  params: CompressorParams,
): KneeZoneModel {
  const hits = levelHits(findHits(input, render), render).filter((h) => h.spanLevelDb >= FLOOR_DB);
  const points = hits.map((h) => ({
    levelDb: h.spanLevelDb,
    reductionDb: h.reductionDb,
    near: isNear(h, params.thresholdDb),
  }));
  const curve: { levelDb: number; reductionDb: number }[] = [];
  const half = params.kneeDb / 2;
  const xs = new Set<number>([params.thresholdDb - half, params.thresholdDb, params.thresholdDb + half]);
  for (let x = FLOOR_DB; x <= 0; x += 0.5) xs.add(x);
  for (const x of [...xs].filter((v) => v >= FLOOR_DB && v <= 0).sort((a, b) => a - b)) {
    curve.push({ levelDb: x, reductionDb: staticReductionDb(x, params) });
  }
  const domainDb = levelDomain(params.thresholdDb);
  const inside = (x: number) => x >= domainDb[0] && x <= domainDb[1];
  const most = Math.max(
    1,
    ...points.filter((p) => inside(p.levelDb)).map((p) => p.reductionDb),
    ...curve.filter((c) => inside(c.levelDb)).map((c) => c.reductionDb),
  );
  return {
    points,
    curve,
    thresholdDb: params.thresholdDb,
    kneeDb: params.kneeDb,
    kneeLowDb: Math.max(FLOOR_DB, params.thresholdDb - half),
    kneeHighDb: Math.min(0, params.thresholdDb + half),
    domainDb,
    topDb: Math.ceil(most / 3) * 3,
    summary: nearThreshold(hits, params.thresholdDb),
  };
}

/** "A" or "An" before a number said aloud: an 8, an 11, an 18, an 80 … dB knee. */
export function indefiniteArticle(value: number): 'A' | 'An' {
  const digits = String(Math.round(Math.abs(value) * 10) / 10);
  return /^(8|11(\D|$)|18(\D|$)|11\.|18\.)/.test(digits) ? 'An' : 'A';
}

/** The sentence under the plot: the knee, and what the hits near the threshold get. */
export function describeKneeZone(m: KneeZoneModel, clipId: string): string {
  const noun = hitNoun(clipId);
  const t = formatDbShort(m.thresholdDb);
  const knee =
    m.kneeDb === 0
      ? `Hard knee: the compression starts all at once at ${t}.`
      : `${indefiniteArticle(m.kneeDb)} ${formatDbShort(m.kneeDb)} soft knee eases the compression in between ${formatDbShort(m.kneeLowDb)} and ${formatDbShort(m.kneeHighDb)}.`;
  const { near, total, medianReductionDb } = m.summary;
  const nearText =
    medianReductionDb === null
      ? `None of the clip’s ${total} ${noun} comes within ${NEAR_DB} dB of the threshold.`
      : `The ${near} ${noun} (of ${total}) within ${NEAR_DB} dB of the threshold are turned down by ${formatDbShort(medianReductionDb)} (median).`;
  return `${knee} ${nearText}`;
}

/**
 * Pure model of the transfer curve: compressor settings (and, when there is one, the offline render of the
 * current clip) -> the arrays and numbers the plot draws and the sentence that describes it.
 *
 * The static curve comes from the one gain computer in src/dsp, so the drawn curve is the compressor's own.
 * The "measured" overlay is taken from the audio: in 10 ms blocks, the input's peak level against the
 * compressed output's peak level, gathered into 1 dB input bins (spread = the effect of attack and release).
 */
import type { CompressorParams, OfflineRender } from '../../dsp/types';
import { resolveMakeupDb, staticOutputDb } from '../../dsp/gain-computer';
import { gainToDb } from '../../dsp/levels';
import { formatDbShort, formatRatioNumber } from '../shared/describe';
import { MEASURE_NAMES } from '../shared/measures';
import { peakBlockSize } from '../../state/block-peaks';
import { TRANSFER_FLOOR_DB, type MeasuredBin } from '../../state/measured-transfer';

export { measuredTransfer, type MeasuredBin } from '../../state/measured-transfer';

export interface CurvePoint {
  inDb: number;
  outDb: number;
}

export interface TransferModel {
  inDomainDb: [number, number];
  outDomainDb: [number, number];
  curve: CurvePoint[];
  thresholdDb: number;
  /** Knee region edges, dBFS (equal to the threshold for a hard knee). */
  kneeLowDb: number;
  kneeHighDb: number;
  ratio: number;
  makeupDb: number;
  measured: MeasuredBin[];
}

export const FLOOR_DB = TRANSFER_FLOOR_DB;

/** Output level for an input level on the static curve, make-up included. Source: docs/compressor.md §2 and §4. */
export function staticTransferDb(inDb: number, params: CompressorParams): number {
  return staticOutputDb(inDb, params) + resolveMakeupDb(params);
}

/** The static curve sampled every `stepDb`, plus exact points at the threshold and both knee edges. */
export function staticCurve(params: CompressorParams, minDb = FLOOR_DB, maxDb = 0, stepDb = 0.5): CurvePoint[] {
  const xs = new Set<number>();
  for (let x = minDb; x <= maxDb + 1e-9; x += stepDb) xs.add(Math.round(x * 1000) / 1000);
  const half = params.kneeDb / 2;
  for (const x of [params.thresholdDb - half, params.thresholdDb, params.thresholdDb + half]) {
    if (x >= minDb && x <= maxDb) xs.add(x);
  }
  return [...xs].sort((a, b) => a - b).map((inDb) => ({ inDb, outDb: staticTransferDb(inDb, params) }));
}

export function transferModel(params: CompressorParams, measured: MeasuredBin[] = []): TransferModel {
  const curve = staticCurve(params);
  const makeupDb = resolveMakeupDb(params);
  const topDb = Math.max(0, ...curve.map((p) => p.outDb));
  const half = params.kneeDb / 2;
  return {
    inDomainDb: [FLOOR_DB, 0],
    outDomainDb: [FLOOR_DB, Math.ceil(topDb / 6) * 6],
    curve,
    thresholdDb: params.thresholdDb,
    kneeLowDb: Math.max(FLOOR_DB, params.thresholdDb - half),
    kneeHighDb: Math.min(0, params.thresholdDb + half),
    ratio: params.ratio,
    makeupDb,
    measured: measured.filter((b) => Number.isFinite(b.minOutDb)),
  };
}

/** How far under the static curve a measured point may sit before the description explains it, dB. */
export const HELD_DOWN_DB = 1;

/**
 * The deepest a measured point below the knee sits under the static curve (there, the diagonal plus make-up), dB;
 * 0 when none does by more than HELD_DOWN_DB. Such a 10 ms block is quiet itself but follows a loud moment: the
 * release is still holding the gain down. Source: docs/compressor.md §3 (the release branch of the smoother).
 */
export function heldDownBelowThresholdDb(params: CompressorParams, measured: readonly MeasuredBin[]): number {
  const kneeLowDb = params.thresholdDb - params.kneeDb / 2;
  let deepest = 0;
  for (const bin of measured) {
    if (bin.inDb + 0.5 > kneeLowDb) continue;
    const under = staticTransferDb(bin.inDb, params) - bin.minOutDb;
    if (under > HELD_DOWN_DB && under > deepest) deepest = under;
  }
  return deepest;
}

/**
 * What the curve says, in a few sentences. `mostReductionDb` is the render's most gain reduction
 * (shared/measures.ts), `measured` the measured overlay. Source: docs/compressor.md §2, y_G = T + (x_G − T)/R above the knee.
 */
export function describeTransfer(
  params: CompressorParams,
  mostReductionDb: number | null,
  measured: readonly MeasuredBin[] = [],
): string {
  const t = formatDbShort(params.thresholdDb);
  const parts: string[] = [];
  if (params.ratio === 1) {
    parts.push(`At a ratio of 1 to 1 the output follows the input everywhere: nothing is compressed.`);
  } else if (!Number.isFinite(params.ratio)) {
    parts.push(`Above ${t} the output stays at ${t} however loud the input gets (limiting).`);
  } else {
    parts.push(`Above ${t} the output rises 1 dB for every ${formatRatioNumber(params.ratio)} dB in.`);
  }
  if (params.kneeDb > 0 && params.ratio !== 1) {
    const lo = formatDbShort(params.thresholdDb - params.kneeDb / 2);
    const hi = formatDbShort(params.thresholdDb + params.kneeDb / 2);
    parts.push(`A ${formatDbShort(params.kneeDb)} soft knee eases the compression in between ${lo} and ${hi}.`);
  }
  const makeupDb = resolveMakeupDb(params);
  if (makeupDb !== 0) parts.push(`Make-up gain then raises everything by ${formatDbShort(makeupDb)}.`);
  if (mostReductionDb !== null) {
    parts.push(
      mostReductionDb < 0.05
        ? `On this clip nothing is turned down by as much as 0.1 dB.`
        : `On this clip ${MEASURE_NAMES.mostGainReduction} is ${formatDbShort(mostReductionDb)}.`,
    );
  }
  if (heldDownBelowThresholdDb(params, measured) > 0) {
    const line = makeupDb === 0 ? 'the diagonal' : 'the curve';
    parts.push(
      `Measured points below the threshold sit under ${line}: they are quiet moments just after a loud hit, ` +
        'when the release is still holding the gain down.',
    );
  }
  return parts.join(' ');
}

/** Readout: where 0 dBFS in comes out, and how much that is reduced (before make-up). */
export function fullScaleReadout(params: CompressorParams): { outDb: number; reductionDb: number } {
  const y = staticOutputDb(0, params);
  return { outDb: y + resolveMakeupDb(params), reductionDb: 0 - y };
}

/** The full-scale readout in words, as shown under the curve. */
export function describeFullScale(params: CompressorParams): string {
  const full = fullScaleReadout(params);
  return `A full-scale peak (0 dBFS) comes out at ${formatDbShort(full.outDb, 'dBFS')}, reduced by ${formatDbShort(full.reductionDb)}.`;
}

/**
 * The live operating point at the playhead: input peak and output peak over the 10 ms block ending there,
 * taken from the same render the plots show (what is heard is what is rendered).
 */
export function operatingPoint(
  input: readonly Float32Array[],
  render: OfflineRender,
  playheadS: number,
): CurvePoint | null {
  const blockSize = peakBlockSize(render.sampleRate);
  const length = Math.min(input[0]?.length ?? 0, render.output[0]?.length ?? 0);
  const end = Math.min(length, Math.max(blockSize, Math.round(playheadS * render.sampleRate)));
  if (end <= 0) return null;
  let inPeak = 0;
  let outPeak = 0;
  for (let c = 0; c < input.length; c++) {
    const a = input[c];
    const b = render.output[c];
    if (!a || !b) continue;
    for (let i = end - blockSize; i < end; i++) {
      inPeak = Math.max(inPeak, Math.abs(a[i] ?? 0));
      outPeak = Math.max(outPeak, Math.abs(b[i] ?? 0));
    }
  }
  const inDb = gainToDb(inPeak);
  if (!(inDb >= FLOOR_DB)) return null;
  return { inDb, outDb: gainToDb(outPeak) };
}

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
import { blockPeaks, maxOf } from '../shared/scan';

export interface CurvePoint {
  inDb: number;
  outDb: number;
}

export interface MeasuredBin {
  /** Centre of the 1 dB input bin, dBFS. */
  inDb: number;
  minOutDb: number;
  medianOutDb: number;
  maxOutDb: number;
  blocks: number;
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

export const FLOOR_DB = -60;
const BLOCK_S = 0.01;

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

/**
 * The measured transfer: input block peak (dBFS) against output block peak, binned by 1 dB of input.
 * Blocks quieter than `minDb` are skipped.
 */
export function measuredTransfer(
  input: readonly Float32Array[],
  render: OfflineRender,
  minDb = FLOOR_DB,
): MeasuredBin[] {
  const length = Math.min(input[0]?.length ?? 0, render.output[0]?.length ?? 0);
  const blockSize = Math.max(1, Math.round(BLOCK_S * render.sampleRate));
  const ins = blockPeaks(input, length, blockSize);
  const outs = blockPeaks(render.output, length, blockSize);
  const bins = new Map<number, number[]>();
  for (let b = 0; b < ins.length; b++) {
    const x = gainToDb(ins[b] ?? 0);
    if (!(x >= minDb)) continue;
    const key = Math.min(Math.floor(x), -1);
    const list = bins.get(key) ?? [];
    list.push(gainToDb(outs[b] ?? 0));
    bins.set(key, list);
  }
  return [...bins.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([key, list]) => {
      const sorted = list.sort((a, b) => a - b);
      return {
        inDb: key + 0.5,
        minOutDb: sorted[0] ?? -Infinity,
        medianOutDb: sorted[Math.floor((sorted.length - 1) / 2)] ?? -Infinity,
        maxOutDb: sorted[sorted.length - 1] ?? -Infinity,
        blocks: sorted.length,
      };
    });
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

/** The largest gain reduction the compressor applies anywhere in the render, dB (0 when none). */
export function maxAppliedReductionDb(render: OfflineRender): number {
  return maxOf(render.appliedReductionDb);
}

/** What the curve says, in one or two sentences. Source: docs/compressor.md §2, y_G = T + (x_G − T)/R above the knee. */
export function describeTransfer(params: CompressorParams, loudestReductionDb: number | null): string {
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
  if (loudestReductionDb !== null) {
    parts.push(
      loudestReductionDb < 0.05
        ? `On this clip nothing is turned down by as much as 0.1 dB.`
        : `On this clip the loudest hit is reduced by ${formatDbShort(loudestReductionDb)}.`,
    );
  }
  return parts.join(' ');
}

/** Readout: where 0 dBFS in comes out, and how much that is reduced (before make-up). */
export function fullScaleReadout(params: CompressorParams): { outDb: number; reductionDb: number } {
  const y = staticOutputDb(0, params);
  return { outDb: y + resolveMakeupDb(params), reductionDb: 0 - y };
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
  const blockSize = Math.max(1, Math.round(BLOCK_S * render.sampleRate));
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

/**
 * The measured transfer (pure, no DOM): input block peak (dBFS) against output block peak, in 10 ms blocks
 * (block-peaks.ts), gathered into 1 dB input bins; the spread within a bin is the effect of attack and release.
 * The render Worker computes it for every render and sends it with the render (render.ts attaches it here), so the
 * transfer curve does not read a long file's every sample on the main thread; computed on first use otherwise.
 */
import type { OfflineRender } from '../dsp/types';
import { gainToDb } from '../dsp/levels';
import { blockPeaks, peakBlockSize } from './block-peaks';

/** Blocks quieter than this are left out, dBFS (the transfer plot's floor). */
export const TRANSFER_FLOOR_DB = -60;

export interface MeasuredBin {
  /** Centre of the 1 dB input bin, dBFS. */
  inDb: number;
  minOutDb: number;
  medianOutDb: number;
  maxOutDb: number;
  blocks: number;
}

const attached = new WeakMap<OfflineRender, { input: Float32Array | undefined; bins: MeasuredBin[] }>();

/** Remember `bins` as measuredTransfer(input, render) with the default floor. */
export function attachMeasuredTransfer(
  input: readonly Float32Array[],
  render: OfflineRender,
  bins: MeasuredBin[],
): void {
  attached.set(render, { input: input[0], bins });
}

/** The measured transfer of `render` against its `input`; blocks quieter than `minDb` are skipped. */
export function measuredTransfer(
  input: readonly Float32Array[],
  render: OfflineRender,
  minDb = TRANSFER_FLOOR_DB,
): MeasuredBin[] {
  const known = attached.get(render);
  if (known && known.input === input[0] && minDb === TRANSFER_FLOOR_DB) return known.bins;
  const length = Math.min(input[0]?.length ?? 0, render.output[0]?.length ?? 0);
  const blockSize = peakBlockSize(render.sampleRate);
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

/**
 * The kernel block's first pass (kernel-block.ts): sanitise, remember for the delay, detect.
 *
 *   per channel:  x (NaN/±Inf → 0) ─► delay ring;  x², mean square ─► detector power ─► rows[c][i]
 *   per frame:    loudest[i] = max over channels
 */
import { detectorPower, meanSquare } from './formulas';
import type { KernelState } from './kernel-state';
import { RMS } from './param-ramp';

/**
 * Detect: sanitise, remember for the delay, each channel's detector power into rows[c], the largest into loudest.
 * Channels go two at a time (detectPair) so that their mean-square recursions, each a serial chain, overlap.
 */
export function detect(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  frames: number,
  linked: boolean,
): void {
  const n = s.channelCount;
  const loudest = s.loudest;
  if (n === 1) {
    detectOne(s, ins[0] as Float32Array, inStart, frames, 0);
    loudest.set(s.rows[0] as Float64Array);
    return;
  }
  // A linked stereo block needs only the larger power of each frame: the pair writes it, and no rows.
  const pairOnly = linked && n === 2;
  detectPair(s, ins, inStart, frames, 0, pairOnly ? loudest : null);
  if (pairOnly) return;
  let c = 2;
  for (; c + 1 < n; c += 2) detectPair(s, ins, inStart, frames, c, null);
  if (c < n) detectOne(s, ins[c] as Float32Array, inStart, frames, c);
  loudest.set(s.rows[0] as Float64Array);
  for (c = 1; c < n; c++) largest(loudest, s.rows[c] as Float64Array, frames);
}

function detectOne(s: KernelState, x0: Float32Array, inStart: number, frames: number, c: number): void {
  const rms = s.ramp.rows[RMS] as Float64Array;
  const aRms = s.rmsCoef;
  const bRms = 1 - aRms;
  const dl = s.delay;
  const cap = dl.capacity;
  const buf = dl.buffers[c] as Float32Array;
  const row = s.rows[c] as Float64Array;
  let inPeakSq = s.inputPeakSq;
  let m = s.meanSquare[c] as number;
  let w = dl.write;
  for (let i = 0; i < frames; i++) {
    let x = x0[inStart + i] as number;
    if (!(x - x === 0)) x = 0; // NaN and ±Infinity are silence
    const sq = x * x;
    if (sq > inPeakSq) inPeakSq = sq;
    m = meanSquare(m, sq, aRms, bRms);
    // Exactly x² (rms 0) or ms (rms 1) when settled: (1 − 0)·x² + 0·ms, (1 − 1)·x² + 1·ms.
    row[i] = detectorPower(sq, m, rms[i] as number);
    buf[w] = x;
    if (++w === cap) w = 0;
  }
  s.meanSquare[c] = m;
  s.inputPeakSq = inPeakSq;
}

/**
 * detectOne for channels c and c + 1 in one loop (the same formulas, the two recursions independent); with
 * `loudest` given, the larger of the two powers goes there in place of the two rows.
 */
function detectPair(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  frames: number,
  c: number,
  loudest: Float64Array | null,
): void {
  const rms = s.ramp.rows[RMS] as Float64Array;
  const aRms = s.rmsCoef;
  const bRms = 1 - aRms;
  const dl = s.delay;
  const cap = dl.capacity;
  const xa0 = ins[c] as Float32Array;
  const xb0 = ins[c + 1] as Float32Array;
  const bufA = dl.buffers[c] as Float32Array;
  const bufB = dl.buffers[c + 1] as Float32Array;
  const rowA = s.rows[c] as Float64Array;
  const rowB = s.rows[c + 1] as Float64Array;
  let inPeakSq = s.inputPeakSq;
  let ma = s.meanSquare[c] as number;
  let mb = s.meanSquare[c + 1] as number;
  let w = dl.write;
  for (let i = 0; i < frames; i++) {
    let xa = xa0[inStart + i] as number;
    if (!(xa - xa === 0)) xa = 0;
    let xb = xb0[inStart + i] as number;
    if (!(xb - xb === 0)) xb = 0;
    const sqa = xa * xa;
    const sqb = xb * xb;
    if (sqa > inPeakSq) inPeakSq = sqa;
    if (sqb > inPeakSq) inPeakSq = sqb;
    ma = meanSquare(ma, sqa, aRms, bRms);
    mb = meanSquare(mb, sqb, aRms, bRms);
    const r = rms[i] as number;
    const pa = detectorPower(sqa, ma, r);
    const pb = detectorPower(sqb, mb, r);
    if (loudest === null) {
      rowA[i] = pa;
      rowB[i] = pb;
    } else loudest[i] = larger(pa, pb);
    bufA[w] = xa;
    bufB[w] = xb;
    if (++w === cap) w = 0;
  }
  s.meanSquare[c] = ma;
  s.meanSquare[c + 1] = mb;
  s.inputPeakSq = inPeakSq;
}

/**
 * The larger of p and q without a data-dependent branch (x² of noise-like channels would mispredict it half the
 * time; V8 compiles Math.max with branches): k·p + (1 − k)·q with k = [p > q] is exactly p or q.
 */
export function larger(p: number, q: number): number {
  const k = +(p > q);
  return k * p + (1 - k) * q;
}

/** into[i] = larger(from[i], into[i]) for every frame. */
export function largest(into: Float64Array, from: Float64Array, frames: number): void {
  for (let i = 0; i < frames; i++) into[i] = larger(from[i] as number, into[i] as number);
}

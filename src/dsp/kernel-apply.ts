/**
 * The kernel block's last pass (kernel-block.ts): the gains times the delayed audio.
 *
 *   per channel:  delayed x × gain ─► out (and delayed x ─► dry)
 */
import type { KernelState } from './kernel-state';

/**
 * Apply: the gains times the delayed audio (the dry path gets the same delay). Channels go two at a time
 * (applyPair), so that the two running sums of squares overlap.
 */
export function apply(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  linked: boolean,
): void {
  const dl = s.delay;
  const n = s.channelCount;
  // No delay: the delayed sample is this block's own input (sanitised as the ring holds it).
  const direct = dl.delay === 0 && dl.fadeLeft === 0;
  let c = 0;
  if (direct) for (; c + 1 < n; c += 2) applyPair(s, ins, inStart, outs, outStart, drys, frames, linked, c);
  for (; c < n; c++) {
    const gain = linked ? s.loudest : (s.rows[c] as Float64Array);
    const dry = drys ? (drys[c] as Float32Array) : null;
    if (direct) applyOne(s, ins[c] as Float32Array, inStart, gain, outs[c] as Float32Array, outStart, dry, frames);
    else applyDelayed(s, c, gain, outs[c] as Float32Array, outStart, dry, frames);
  }
  dl.write = (dl.write + frames) % dl.capacity;
  dl.fadeLeft = Math.max(0, dl.fadeLeft - frames);
}

/** One channel without delay: out = x × gain. */
function applyOne(
  s: KernelState,
  x0: Float32Array,
  inStart: number,
  gain: Float64Array,
  out: Float32Array,
  outStart: number,
  dry: Float32Array | null,
  frames: number,
): void {
  let outPeak = s.outputPeak;
  let outSumSq = 0;
  for (let i = 0; i < frames; i++) {
    let d = x0[inStart + i] as number;
    if (!(d - d === 0)) d = 0;
    const o = d * (gain[i] as number);
    out[outStart + i] = o;
    outSumSq += o * o;
    const a = Math.abs(o);
    if (a > outPeak) outPeak = a;
    if (dry !== null) dry[outStart + i] = d;
  }
  s.outputPeak = outPeak;
  s.outputSumSq += outSumSq;
}

/** applyOne for channels c and c + 1 in one loop. */
function applyPair(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  linked: boolean,
  c: number,
): void {
  const xa0 = ins[c] as Float32Array;
  const xb0 = ins[c + 1] as Float32Array;
  const ga = linked ? s.loudest : (s.rows[c] as Float64Array);
  const gb = linked ? s.loudest : (s.rows[c + 1] as Float64Array);
  const outA = outs[c] as Float32Array;
  const outB = outs[c + 1] as Float32Array;
  const dryA = drys ? (drys[c] as Float32Array) : null;
  const dryB = drys ? (drys[c + 1] as Float32Array) : null;
  let outPeak = s.outputPeak;
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < frames; i++) {
    let da = xa0[inStart + i] as number;
    if (!(da - da === 0)) da = 0;
    let db = xb0[inStart + i] as number;
    if (!(db - db === 0)) db = 0;
    const oa = da * (ga[i] as number);
    const ob = db * (gb[i] as number);
    outA[outStart + i] = oa;
    outB[outStart + i] = ob;
    sumA += oa * oa;
    sumB += ob * ob;
    const a = Math.abs(oa);
    if (a > outPeak) outPeak = a;
    const b = Math.abs(ob);
    if (b > outPeak) outPeak = b;
    if (dryA !== null && dryB !== null) {
      dryA[outStart + i] = da;
      dryB[outStart + i] = db;
    }
  }
  s.outputPeak = outPeak;
  s.outputSumSq += sumA + sumB;
}

/** One channel through the delay ring, cross-fading from the old tap to the new one after a lookahead change. */
function applyDelayed(
  s: KernelState,
  c: number,
  gain: Float64Array,
  out: Float32Array,
  outStart: number,
  dry: Float32Array | null,
  frames: number,
): void {
  const dl = s.delay;
  const cap = dl.capacity;
  const buf = dl.buffers[c] as Float32Array;
  const fade0 = dl.fadeLeft;
  const fadeLength = dl.fadeLength;
  let rd = dl.write - dl.delay;
  if (rd < 0) rd += cap;
  let rdOld = dl.write - dl.previousDelay;
  if (rdOld < 0) rdOld += cap;
  let outPeak = s.outputPeak;
  let outSumSq = 0;
  for (let i = 0; i < frames; i++) {
    let d = buf[rd] as number;
    if (i < fade0) d += ((buf[rdOld] as number) - d) * ((fade0 - i) / fadeLength);
    const o = d * (gain[i] as number);
    out[outStart + i] = o;
    outSumSq += o * o;
    const a = Math.abs(o);
    if (a > outPeak) outPeak = a;
    if (dry !== null) dry[outStart + i] = d;
    if (++rd === cap) rd = 0;
    if (++rdOld === cap) rdOld = 0;
  }
  s.outputPeak = outPeak;
  s.outputSumSq += outSumSq;
}

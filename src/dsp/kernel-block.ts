/**
 * The kernel's loop over one block of ≤ BLOCK_FRAMES frames, in three passes; every formula it applies comes from
 * formulas.ts and gain-computer.ts.
 *
 *   pass 1, per channel: x (NaN/±Inf → 0) ─► delay ring;  x², mean square ─► detector power ─► rows[c][i];
 *                        loudest[i] = max over channels
 *   pass 2, per frame:   loudest ─► x_G ─► gain computer ─► x_L of the loudest channel
 *                        linked block:  x_L ─► ballistics (one state) ─► y_L ─► one gain for every channel
 *                        otherwise:     rows[c] ─► own x_L ─► link blend ─► ballistics per channel ─► gain per channel
 *   pass 3, per channel: delayed x × gain ─► out (and delayed x ─► dry)
 *
 * A block is linked when link is 1 on every frame and every channel's applied reduction is the same (then all
 * channels would compute the same numbers: the linked block computes them once, one log and one exp per frame).
 * Channels that were unlinked converge once link reaches 1; they are merged when they agree within FLUSH_DB.
 */
import { reductionDb } from './gain-computer';
import { FLUSH_DB, ballistics, detectorPower, levelDb, linkedReductionDb, meanSquare, outputGain } from './formulas';
import type { KernelState, KernelTrace } from './kernel-state';
import { KNEE, LINK, MAKEUP, MIX, RMS, SLOPE, THRESHOLD } from './param-ramp';

export function processBlock(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  trace: KernelTrace | null,
  traceStart: number,
): void {
  s.ramp.advance(frames);
  const linked = linkedBlock(s, frames);
  detect(s, ins, inStart, frames, linked);
  reduce(s, frames, linked, trace, traceStart);
  apply(s, outs, outStart, drys, frames, linked);
}

/** Pass 1: sanitise, remember for the delay, detect (per-channel powers only when the block is not linked). */
function detect(s: KernelState, ins: readonly Float32Array[], inStart: number, frames: number, linked: boolean): void {
  const rms = s.ramp.rows[RMS] as Float64Array;
  const fixed = s.ramp.constant ? (rms[0] as number) : -1;
  const aRms = s.rmsCoef;
  const loudest = s.loudest;
  const dl = s.delay;
  const cap = dl.capacity;
  let inPeakSq = s.inputPeakSq;
  for (let c = 0; c < s.channelCount; c++) {
    const x0 = ins[c] as Float32Array;
    const buf = dl.buffers[c] as Float32Array;
    const row = s.rows[c] as Float64Array;
    let m = s.meanSquare[c] as number;
    let w = dl.write;
    for (let i = 0; i < frames; i++) {
      let x = x0[inStart + i] as number;
      if (!(x - x === 0)) x = 0; // NaN and ±Infinity are silence
      const sq = x * x;
      if (sq > inPeakSq) inPeakSq = sq;
      m = meanSquare(m, sq, aRms);
      // Settled on peak (0) or RMS (1), detectorPower is exactly x² or ms: skip its arithmetic.
      const p = fixed === 0 ? sq : fixed === 1 ? m : detectorPower(sq, m, rms[i] as number);
      if (!linked) row[i] = p;
      if (c === 0) loudest[i] = p;
      else if (p > (loudest[i] as number)) loudest[i] = p;
      buf[w] = x;
      if (++w === cap) w = 0;
    }
    s.meanSquare[c] = m;
  }
  s.inputPeakSq = inPeakSq;
}

/** Whether this block can run linked (see the file comment); merges channel states that agree within FLUSH_DB. */
function linkedBlock(s: KernelState, frames: number): boolean {
  const link = s.ramp.rows[LINK] as Float64Array;
  if (link[0] !== 1) return false;
  if (!s.ramp.constant) for (let i = 1; i < frames; i++) if (link[i] !== 1) return false;
  const applied = s.applied;
  const n = s.channelCount;
  let lo = applied[0] as number;
  let hi = lo;
  for (let c = 1; c < n; c++) {
    const y = applied[c] as number;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  if (hi - lo > FLUSH_DB) return false;
  if (lo !== hi) for (let c = 0; c < n; c++) applied[c] = hi;
  return true;
}

/** Pass 2: gain computer, link, ballistics and output gain; rows (or loudest, when linked) end as gains. */
function reduce(s: KernelState, frames: number, linked: boolean, trace: KernelTrace | null, traceStart: number): void {
  const r = s.ramp.rows;
  const threshold = r[THRESHOLD] as Float64Array;
  const knee = r[KNEE] as Float64Array;
  const slope = r[SLOPE] as Float64Array;
  const link = r[LINK] as Float64Array;
  const loudest = s.loudest;
  // Settled: every frame holds the same values; read them once.
  const settled = s.ramp.constant;
  const t0 = threshold[0] as number;
  const w0 = knee[0] as number;
  const s0 = slope[0] as number;
  // Powers at or below the knee's lower edge T − W/2 give no reduction: with settled settings and no trace wanted,
  // skip their log. Source: 10·log10(p) ≤ T − W/2 ⇔ p ≤ 10^((T − W/2)/10) (less 1e-9 for rounding).
  const quiet =
    trace === null && s.ramp.constant
      ? Math.pow(10, ((threshold[0] as number) - 0.5 * (knee[0] as number)) / 10) * (1 - 1e-9)
      : -1;
  // 2a: the loudest channel's level and target reduction.
  for (let i = 0; i < frames; i++) {
    const p = loudest[i] as number;
    if (p <= quiet) {
      loudest[i] = 0;
      continue;
    }
    const xG = levelDb(p);
    const xL = settled
      ? reductionDb(xG, t0, w0, s0)
      : reductionDb(xG, threshold[i] as number, knee[i] as number, slope[i] as number);
    loudest[i] = xL;
    if (trace) {
      trace.detectorDb[traceStart + i] = xG;
      trace.targetReductionDb[traceStart + i] = xL;
    }
  }
  let maxReduction = s.maxReductionDb;
  if (linked) {
    const y = smoothRow(s, loudest, s.applied[0] as number, frames);
    for (let c = 0; c < s.channelCount; c++) s.applied[c] = y;
    for (let i = 0; i < frames; i++) {
      const yi = loudest[i] as number;
      if (yi > maxReduction) maxReduction = yi;
      if (trace) trace.appliedReductionDb[traceStart + i] = yi;
    }
    gainRow(s, loudest, frames);
  } else {
    const appliedMax = s.appliedMax;
    // 2b: each channel's own target, blended toward the loudest channel's (link = 1: the loudest's exactly).
    for (let c = 0; c < s.channelCount; c++) {
      const row = s.rows[c] as Float64Array;
      for (let i = 0; i < frames; i++) {
        const l = link[i] as number;
        const toward = loudest[i] as number;
        const p = row[i] as number;
        const own =
          l === 1
            ? toward
            : p <= quiet
              ? 0
              : reductionDb(levelDb(p), threshold[i] as number, knee[i] as number, slope[i] as number);
        row[i] = linkedReductionDb(own, toward, l);
      }
    }
    // 2c: ballistics and gain per channel.
    for (let c = 0; c < s.channelCount; c++) {
      const row = s.rows[c] as Float64Array;
      s.applied[c] = smoothRow(s, row, s.applied[c] as number, frames);
      for (let i = 0; i < frames; i++) {
        const y = row[i] as number;
        if (c === 0 || y > (appliedMax[i] as number)) appliedMax[i] = y;
      }
      gainRow(s, row, frames);
    }
    for (let i = 0; i < frames; i++)
      if ((appliedMax[i] as number) > maxReduction) maxReduction = appliedMax[i] as number;
    if (trace) trace.appliedReductionDb.set(appliedMax.subarray(0, frames), traceStart);
  }
  s.maxReductionDb = maxReduction;
}

/** Ballistics over a row of target reductions from the applied reduction y: the row becomes y_L. Returns the last. */
function smoothRow(s: KernelState, row: Float64Array, y: number, frames: number): number {
  const aA = s.attackCoef;
  const bA = 1 - aA;
  const aR = s.releaseCoef;
  const bR = 1 - aR;
  for (let i = 0; i < frames; i++) {
    y = ballistics(y, row[i] as number, aA, bA, aR, bR);
    row[i] = y;
  }
  return y;
}

/** A row of applied reductions becomes the row of output gains. */
function gainRow(s: KernelState, row: Float64Array, frames: number): void {
  const makeup = s.ramp.rows[MAKEUP] as Float64Array;
  const mix = s.ramp.rows[MIX] as Float64Array;
  // Settled: the same value on every frame, read once (saves two bounds-checked loads per frame).
  if (s.ramp.constant) {
    const m0 = makeup[0] as number;
    const x0 = mix[0] as number;
    for (let i = 0; i < frames; i++) row[i] = outputGain(m0, row[i] as number, x0);
  } else {
    for (let i = 0; i < frames; i++) row[i] = outputGain(makeup[i] as number, row[i] as number, mix[i] as number);
  }
}

/** Pass 3: apply the gains to the delayed audio (the dry path gets the same delay). */
function apply(
  s: KernelState,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  linked: boolean,
): void {
  const dl = s.delay;
  const cap = dl.capacity;
  const w0 = dl.write;
  const fade0 = dl.fadeLeft;
  const fadeLength = dl.fadeLength;
  let outPeak = s.outputPeak;
  let outSumSq = s.outputSumSq;
  for (let c = 0; c < s.channelCount; c++) {
    const out = outs[c] as Float32Array;
    const dry = drys ? (drys[c] as Float32Array) : null;
    const gain = linked ? s.loudest : (s.rows[c] as Float64Array);
    const buf = dl.buffers[c] as Float32Array;
    let rd = w0 - dl.delay;
    if (rd < 0) rd += cap;
    let rdOld = w0 - dl.previousDelay;
    if (rdOld < 0) rdOld += cap;
    for (let i = 0; i < frames; i++) {
      let d = buf[rd] as number;
      // Cross-fade from the old delay tap to the new one after a lookahead change.
      if (i < fade0) d += ((buf[rdOld] as number) - d) * ((fade0 - i) / fadeLength);
      const o = d * (gain[i] as number);
      out[outStart + i] = o;
      outSumSq += o * o;
      const a = Math.abs(o);
      if (a > outPeak) outPeak = a;
      if (dry) dry[outStart + i] = d;
      if (++rd === cap) rd = 0;
      if (++rdOld === cap) rdOld = 0;
    }
  }
  s.outputPeak = outPeak;
  s.outputSumSq = outSumSq;
  dl.write = (w0 + frames) % cap;
  dl.fadeLeft = Math.max(0, fade0 - frames);
}

/**
 * The kernel's loop for link < 1 (and while link glides): per frame, every channel gets its own reduction,
 * blended toward the loudest channel's.
 *
 *   x[c] ─► delay ring;  x[c]² or RMS ─► x_G[c] ─► gain computer ─► x_L[c]
 *   x_L'[c] = x_L[c] + link·(max_c x_L − x_L[c]) ─► ballistics ─► y_L[c] ─► g[c] ─► delayed x[c] × (mix·g + 1 − mix)
 *
 * Same formulas, in the same order, as kernel-linked.ts, so a switch between the loops is seamless.
 */
import { fastExp, fastLn } from './fast-math';
import { reductionDb } from './gain-computer';
import { FLUSH_DB, LN_POWER_TO_DB, POWER_FLOOR, POWER_FLUSH, type KernelState, type KernelTrace } from './kernel-state';
import { DB_TO_NEPER } from './levels';
import { KNEE, LINK, MAKEUP, MIX, SLOPE, THRESHOLD } from './param-ramp';

export function generalBlock(
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
  const lnPowerToDb = LN_POWER_TO_DB;
  const powerFloor = POWER_FLOOR;
  const powerFlush = POWER_FLUSH;
  const flushDb = FLUSH_DB;
  const dbToNeper = DB_TO_NEPER;
  const n = s.channelCount;
  const ramp = s.ramp;
  const cur = ramp.current;
  const step = ramp.step;
  const tgt = ramp.target;
  let left = ramp.left;
  let thresholdDb = cur[THRESHOLD] as number;
  let slope = cur[SLOPE] as number;
  let kneeDb = cur[KNEE] as number;
  let makeupDb = cur[MAKEUP] as number;
  let mix = cur[MIX] as number;
  let link = cur[LINK] as number;
  const aA = s.attackCoef;
  const bA = 1 - aA;
  const aR = s.releaseCoef;
  const bR = 1 - aR;
  const aRms = s.rmsCoef;
  const bRms = 1 - aRms;
  const rms = s.rms;
  const dl = s.delay;
  const bufs = dl.buffers;
  const cap = dl.capacity;
  const delay = dl.delay;
  const oldDelay = dl.previousDelay;
  const fadeLength = dl.fadeLength;
  let fadeLeft = dl.fadeLeft;
  let w = dl.write;
  const ms = s.meanSquare;
  const applied = s.applied;
  const chTarget = s.channelTarget;
  let inPeakSq = s.inputPeakSq;
  let outPeak = s.outputPeak;
  let outSumSq = s.outputSumSq;
  let maxReduction = s.maxReductionDb;

  for (let i = 0; i < frames; i++) {
    if (left > 0) {
      thresholdDb += step[THRESHOLD] as number;
      slope += step[SLOPE] as number;
      kneeDb += step[KNEE] as number;
      makeupDb += step[MAKEUP] as number;
      mix += step[MIX] as number;
      link += step[LINK] as number;
      if (--left === 0) {
        thresholdDb = tgt[THRESHOLD] as number;
        slope = tgt[SLOPE] as number;
        kneeDb = tgt[KNEE] as number;
        makeupDb = tgt[MAKEUP] as number;
        mix = tgt[MIX] as number;
        link = tgt[LINK] as number;
      }
    }
    let rd = w - delay;
    if (rd < 0) rd += cap;
    let fade = 0;
    let rdOld = 0;
    if (fadeLeft > 0) {
      fade = fadeLeft / fadeLength;
      rdOld = w - oldDelay;
      if (rdOld < 0) rdOld += cap;
      fadeLeft--;
    }
    let detectorDb = -Infinity;
    let targetDb = 0;
    for (let c = 0; c < n; c++) {
      let x = (ins[c] as Float32Array)[inStart + i] as number;
      if (!(x - x === 0)) x = 0; // NaN and ±Infinity are silence
      const sq = x * x;
      if (sq > inPeakSq) inPeakSq = sq;
      let l = sq;
      if (rms) {
        // Source: RMS detector, one-pole mean square ms = α·ms + (1 − α)·x² (DESIGN.md §2.1).
        let m = aRms * (ms[c] as number) + bRms * sq;
        if (m < powerFlush) m = 0;
        l = m;
        ms[c] = m;
      } else {
        ms[c] = sq; // a switch to RMS starts from the current level (as in kernel-linked.ts)
      }
      (bufs[c] as Float32Array)[w] = x;
      // Source: x_G = 10·log10(max(level, 1e-12)).
      const xDb = lnPowerToDb * fastLn(l > powerFloor ? l : powerFloor);
      const xL = reductionDb(xDb, thresholdDb, kneeDb, slope);
      chTarget[c] = xL;
      if (xDb > detectorDb) detectorDb = xDb;
      if (xL > targetDb) targetDb = xL;
    }
    let appliedDb = 0;
    for (let c = 0; c < n; c++) {
      // Source: DESIGN.md §2.1, link blends each channel's reduction toward the loudest channel's.
      const own = chTarget[c] as number;
      const xL = own + link * (targetDb - own);
      let y = applied[c] as number;
      // Source: Giannoulis et al. 2012 eq. 17 (smooth branching ballistics in the log domain).
      y = xL > y ? aA * y + bA * xL : aR * y + bR * xL;
      if (y < flushDb) y = 0;
      applied[c] = y;
      if (y > appliedDb) appliedDb = y;
      // Source: c_dB = M − y_L; out = d·(mix·10^(c/20) + 1 − mix).
      const gm = mix * fastExp((makeupDb - y) * dbToNeper) + (1 - mix);
      const buf = bufs[c] as Float32Array;
      let d = buf[rd] as number;
      if (fade > 0) d += ((buf[rdOld] as number) - d) * fade;
      const o = d * gm;
      (outs[c] as Float32Array)[outStart + i] = o;
      outSumSq += o * o;
      const a = Math.abs(o);
      if (a > outPeak) outPeak = a;
      if (drys) (drys[c] as Float32Array)[outStart + i] = d;
    }
    if (appliedDb > maxReduction) maxReduction = appliedDb;
    if (trace) {
      trace.detectorDb[traceStart + i] = detectorDb;
      trace.targetReductionDb[traceStart + i] = targetDb;
      trace.appliedReductionDb[traceStart + i] = appliedDb;
    }
    if (++w === cap) w = 0;
  }

  cur[THRESHOLD] = thresholdDb;
  cur[SLOPE] = slope;
  cur[KNEE] = kneeDb;
  cur[MAKEUP] = makeupDb;
  cur[MIX] = mix;
  cur[LINK] = link;
  ramp.left = left;
  dl.write = w;
  dl.fadeLeft = fadeLeft;
  s.inputPeakSq = inPeakSq;
  s.outputPeak = outPeak;
  s.outputSumSq = outSumSq;
  s.maxReductionDb = maxReduction;
}

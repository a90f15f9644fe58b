/**
 * The kernel's loop for link = 1 (identical gain on every channel): three passes over a block of ≤ 256 frames.
 *
 *   pass 1, per channel:  x (NaN/±Inf → 0) ─► delay ring;  x² or RMS mean square ─► level[i] = max over channels
 *   pass 2, per frame:    level ─► x_G = 10·log10(level) ─► gain computer ─► x_L ─► ballistics ─► y_L
 *                         ─► gain[i] = mix·10^((M − y_L)/20) + 1 − mix
 *   pass 3, per channel:  delayed x × gain[i] ─► out (and delayed x ─► dry)
 *
 * One log and one exp per frame whatever the channel count; both are skipped when they cannot change the result
 * (level below the knee and no trace wanted; y_L, make-up and mix unchanged since the previous frame).
 */
import { fastExp, fastLn } from './fast-math';
import { reductionDb } from './gain-computer';
import { FLUSH_DB, LN_POWER_TO_DB, POWER_FLOOR, POWER_FLUSH, type KernelState, type KernelTrace } from './kernel-state';
import { DB_TO_NEPER } from './levels';
import { KNEE, LINK, MAKEUP, MIX, SLOPE, THRESHOLD } from './param-ramp';

export function linkedBlock(
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
  const powerFlush = POWER_FLUSH;
  const channels = s.channelCount;
  const level = s.level;
  const gain = s.gain;
  const dl = s.delay;
  const bufs = dl.buffers;
  const cap = dl.capacity;
  const w0 = dl.write;

  // Pass 1: sanitise, remember for the delay, detect.
  const aRms = s.rmsCoef;
  const bRms = 1 - aRms;
  const rms = s.rms;
  let inPeakSq = s.inputPeakSq;
  for (let c = 0; c < channels; c++) {
    const x0 = ins[c] as Float32Array;
    const buf = bufs[c] as Float32Array;
    let m = s.meanSquare[c] as number;
    let wi = w0;
    for (let i = 0; i < frames; i++) {
      let x = x0[inStart + i] as number;
      if (!(x - x === 0)) x = 0; // NaN and ±Infinity are silence
      const sq = x * x;
      if (sq > inPeakSq) inPeakSq = sq;
      let l = sq;
      if (rms) {
        // Source: RMS detector, one-pole mean square ms = α·ms + (1 − α)·x² (DESIGN.md §2.1).
        m = aRms * m + bRms * sq;
        if (m < powerFlush) m = 0;
        l = m;
      } else {
        // Peak detector: no smoothing chain to run; keep x² so a switch to RMS starts from the current level.
        m = sq;
      }
      if (c === 0) {
        level[i] = l;
      } else {
        // max(p, l) without a data-dependent branch (noise would mispredict half the time).
        const p = level[i] as number;
        level[i] = 0.5 * (p + l + Math.abs(p - l));
      }
      buf[wi] = x;
      if (++wi === cap) wi = 0;
    }
    s.meanSquare[c] = m;
  }
  s.inputPeakSq = inPeakSq;

  // Pass 2: gain computer and ballistics, one value per frame.
  if (s.ramp.left === 0) steadyGains(s, frames, trace, traceStart);
  else rampingGains(s, frames, trace, traceStart);

  // Pass 3: apply the gain to the delayed audio (the dry path gets the same delay).
  const delay = dl.delay;
  const oldDelay = dl.previousDelay;
  const fadeLength = dl.fadeLength;
  const fade0 = dl.fadeLeft;
  const direct = delay === 0 && fade0 === 0;
  let outPeak = s.outputPeak;
  let outSumSq = s.outputSumSq;
  for (let c = 0; c < channels; c++) {
    const out = outs[c] as Float32Array;
    const dry = drys ? (drys[c] as Float32Array) : null;
    if (direct) {
      const x0 = ins[c] as Float32Array;
      for (let i = 0; i < frames; i++) {
        let d = x0[inStart + i] as number;
        if (!(d - d === 0)) d = 0;
        const o = d * (gain[i] as number);
        out[outStart + i] = o;
        outSumSq += o * o;
        const a = Math.abs(o);
        if (a > outPeak) outPeak = a;
        if (dry) dry[outStart + i] = d;
      }
    } else {
      const buf = bufs[c] as Float32Array;
      let rd = w0 - delay;
      if (rd < 0) rd += cap;
      let rdOld = w0 - oldDelay;
      if (rdOld < 0) rdOld += cap;
      for (let i = 0; i < frames; i++) {
        let d = buf[rd] as number;
        const fl = fade0 - i;
        // Cross-fade from the old delay tap to the new one after a lookahead change.
        if (fl > 0) d += ((buf[rdOld] as number) - d) * (fl / fadeLength);
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
  }
  s.outputPeak = outPeak;
  s.outputSumSq = outSumSq;
  dl.write = (w0 + frames) % cap;
  dl.fadeLeft = Math.max(0, fade0 - frames);
}

/**
 * Pass 2 while the settings are steady, split into three loops so the independent work (log, gain computer,
 * exp) pipelines and only the ballistics run as a serial chain. Same formulas, same order as rampingGains.
 */
function steadyGains(s: KernelState, frames: number, trace: KernelTrace | null, traceStart: number): void {
  const lnPowerToDb = LN_POWER_TO_DB;
  const powerFloor = POWER_FLOOR;
  const flushDb = FLUSH_DB;
  const dbToNeper = DB_TO_NEPER;
  const work = s.level;
  const gain = s.gain;
  const cur = s.ramp.current;
  const thresholdDb = cur[THRESHOLD] as number;
  const slope = cur[SLOPE] as number;
  const kneeDb = cur[KNEE] as number;
  const makeupDb = cur[MAKEUP] as number;
  const mix = cur[MIX] as number;
  // Levels at or below the knee's lower edge T − W/2 need no reduction: skip the log there when no per-sample
  // trace is wanted. Source: 10·log10(p) ≤ T − W/2 ⇔ p ≤ 10^((T − W/2)/10).
  const skipQuiet = trace === null;
  const quietPower = skipQuiet ? Math.pow(10, (thresholdDb - 0.5 * kneeDb) / 10) * (1 - 1e-9) : 0;
  // 2a: level → x_G → x_L (work[i] becomes the target reduction).
  for (let i = 0; i < frames; i++) {
    const p = work[i] as number;
    let targetDb = 0;
    if (!skipQuiet || p > quietPower) {
      // Source: x_G = 10·log10(max(level, 1e-12)) (= 20·log10(max(|x|, 1e-6)) for the peak detector).
      const detectorDb = lnPowerToDb * fastLn(p > powerFloor ? p : powerFloor);
      targetDb = reductionDb(detectorDb, thresholdDb, kneeDb, slope);
      if (trace) trace.detectorDb[traceStart + i] = detectorDb;
    }
    work[i] = targetDb;
    if (trace) trace.targetReductionDb[traceStart + i] = targetDb;
  }
  // 2b: ballistics (work[i] becomes y_L). Source: Giannoulis et al. 2012 eq. 17 (smooth branching, log domain).
  const aA = s.attackCoef;
  const bA = 1 - aA;
  const aR = s.releaseCoef;
  const bR = 1 - aR;
  let y = s.applied[0] as number;
  let maxReduction = s.maxReductionDb;
  for (let i = 0; i < frames; i++) {
    const targetDb = work[i] as number;
    y = targetDb > y ? aA * y + bA * targetDb : aR * y + bR * targetDb;
    if (y < flushDb) y = 0;
    work[i] = y;
    if (y > maxReduction) maxReduction = y;
    if (trace) trace.appliedReductionDb[traceStart + i] = y;
  }
  for (let c = 0; c < s.channelCount; c++) s.applied[c] = y;
  s.maxReductionDb = maxReduction;
  // 2c: gain, recomputed only when y_L moved. Source: c_dB = M − y_L; out = d·(mix·10^(c/20) + 1 − mix).
  let lastY = -1;
  let gm = 1;
  for (let i = 0; i < frames; i++) {
    const yi = work[i] as number;
    if (yi !== lastY) {
      gm = mix * fastExp((makeupDb - yi) * dbToNeper) + (1 - mix);
      lastY = yi;
    }
    gain[i] = gm;
  }
}

/** Pass 2 while a parameter ramp runs: the control values step every frame. */
function rampingGains(s: KernelState, frames: number, trace: KernelTrace | null, traceStart: number): void {
  const lnPowerToDb = LN_POWER_TO_DB;
  const powerFloor = POWER_FLOOR;
  const flushDb = FLUSH_DB;
  const dbToNeper = DB_TO_NEPER;
  const level = s.level;
  const gain = s.gain;
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
  const aA = s.attackCoef;
  const bA = 1 - aA;
  const aR = s.releaseCoef;
  const bR = 1 - aR;
  let y = s.applied[0] as number;
  let maxReduction = s.maxReductionDb;
  for (let i = 0; i < frames; i++) {
    if (left > 0) {
      thresholdDb += step[THRESHOLD] as number;
      slope += step[SLOPE] as number;
      kneeDb += step[KNEE] as number;
      makeupDb += step[MAKEUP] as number;
      mix += step[MIX] as number;
      if (--left === 0) {
        thresholdDb = tgt[THRESHOLD] as number;
        slope = tgt[SLOPE] as number;
        kneeDb = tgt[KNEE] as number;
        makeupDb = tgt[MAKEUP] as number;
        mix = tgt[MIX] as number;
      }
    }
    const p = level[i] as number;
    const detectorDb = lnPowerToDb * fastLn(p > powerFloor ? p : powerFloor);
    const targetDb = reductionDb(detectorDb, thresholdDb, kneeDb, slope);
    y = targetDb > y ? aA * y + bA * targetDb : aR * y + bR * targetDb;
    if (y < flushDb) y = 0;
    gain[i] = mix * fastExp((makeupDb - y) * dbToNeper) + (1 - mix);
    if (y > maxReduction) maxReduction = y;
    if (trace) {
      trace.detectorDb[traceStart + i] = detectorDb;
      trace.targetReductionDb[traceStart + i] = targetDb;
      trace.appliedReductionDb[traceStart + i] = y;
    }
  }
  for (let c = 0; c < s.channelCount; c++) s.applied[c] = y;
  s.maxReductionDb = maxReduction;
  cur[THRESHOLD] = thresholdDb;
  cur[SLOPE] = slope;
  cur[KNEE] = kneeDb;
  cur[MAKEUP] = makeupDb;
  cur[MIX] = mix;
  cur[LINK] = tgt[LINK] as number;
  ramp.left = left;
}

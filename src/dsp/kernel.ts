/**
 * THE compressor kernel: one per-sample loop shared by the offline render (plots, command line) and the streaming
 * processor (AudioWorklet). It allocates nothing while processing.
 *
 *            ┌──────────────► delay D (lookahead) ───────────────┬──► × (mix·g + 1 − mix) ──► out
 *   in[c] ───┤                                                   └──► dry (delayed, for the player)
 *            └─► level (peak x² or RMS mean square) ─► x_G dB ─► gain computer ─► x_L ─► link blend
 *                 ─► smooth-branching ballistics ─► y_L ─► g = 10^((M − y_L)/20)
 *
 * link = 1 takes the loudest channel's level: one log and one exp per frame for any channel count.
 * link < 1 computes every channel's reduction and blends each toward the loudest channel's.
 */
import { DelayLine } from './delay-line';
import { fastExp, fastLn } from './fast-math';
import { reductionDb, resolveMakeupDb, slopeOfRatio } from './gain-computer';
import { DB_TO_NEPER } from './levels';
import { DEFAULT_PARAMS, PARAM_SPECS, type NumericParamKey } from './params';
import { KNEE, LINK, MAKEUP, MIX, ParamRamp, SLOPE, SLOT_COUNT, THRESHOLD } from './param-ramp';
import type { CompressorParams } from './types';

/** 10/ln(10): ln(power) → dB. */
const LN_POWER_TO_DB = 10 / Math.LN10;
/** Detector floor: 1e-12 in power = 1e-6 in amplitude = −120 dBFS. Source: DESIGN.md §2.1. */
const POWER_FLOOR = 1e-12;
/** Decaying state below these values is set to 0, so long silences never reach slow subnormal numbers. */
const POWER_FLUSH = 1e-30;
const FLUSH_DB = 1e-9;

/** Per-sample curves the offline render records (indexed by kernel time, i.e. before latency removal). */
export interface KernelTrace {
  detectorDb: Float32Array;
  targetReductionDb: Float32Array;
  appliedReductionDb: Float32Array;
}

/** One-pole coefficient for a time constant. Source: α = exp(−1/(τ·fs)) (Giannoulis et al. 2012 eq. 7). */
export function onePoleCoefficient(timeMs: number, sampleRate: number): number {
  return Math.exp(-1000 / (timeMs * sampleRate));
}

function clampNumber(key: NumericParamKey, value: number): number {
  const spec = PARAM_SPECS[key];
  if (Number.isNaN(value)) return DEFAULT_PARAMS[key] as number;
  if (value === Infinity && spec.allowInfinity) return value;
  return Math.min(spec.max, Math.max(spec.min, value));
}

export class CompressorKernel {
  readonly ramp: ParamRamp;
  readonly delay: DelayLine;
  /** Largest input x², output |y| and applied reduction (dB) of the last process() call. */
  blockInputPeakSq = 0;
  blockOutputPeak = 0;
  blockMaxReductionDb = 0;
  private readonly meanSquare: Float64Array;
  private readonly applied: Float64Array;
  private readonly channelTarget: Float64Array;
  private readonly values = new Float64Array(SLOT_COUNT);
  private readonly inViews: Float32Array[];
  private readonly outViews: Float32Array[];
  private readonly dryViews: Float32Array[];
  private silence = new Float32Array(128);
  private sink = new Float32Array(128);
  private attackCoef = 0;
  private releaseCoef = 0;
  private rmsCoef = 0;
  private rms = false;
  private current: CompressorParams = { ...DEFAULT_PARAMS };

  constructor(
    readonly sampleRate: number,
    readonly channelCount: number,
    params: CompressorParams,
  ) {
    if (!(sampleRate > 0 && Number.isFinite(sampleRate))) throw new RangeError(`sampleRate ${sampleRate} is invalid`);
    if (!(Number.isInteger(channelCount) && channelCount >= 1)) {
      throw new RangeError(`channelCount ${channelCount} is invalid (1 or more)`);
    }
    this.ramp = new ParamRamp(sampleRate);
    this.delay = new DelayLine(sampleRate, channelCount, this.ramp.length);
    this.meanSquare = new Float64Array(channelCount);
    this.applied = new Float64Array(channelCount);
    this.channelTarget = new Float64Array(channelCount);
    this.inViews = new Array<Float32Array>(channelCount).fill(this.silence);
    this.outViews = new Array<Float32Array>(channelCount).fill(this.sink);
    this.dryViews = new Array<Float32Array>(channelCount).fill(this.sink);
    this.setParams(params, false);
  }

  /** The parameters in force (clamped into range; NaN replaced by the default). */
  get params(): CompressorParams {
    return this.current;
  }

  get latencySamples(): number {
    return this.delay.delay;
  }

  /** Make-up gain in dB the settings resolve to ('auto' included). */
  get makeupDb(): number {
    return this.ramp.target[MAKEUP] as number;
  }

  /** New settings. smooth: ramp the control values over RAMP_MS (streaming); otherwise jump (start-up). */
  setParams(p: CompressorParams, smooth: boolean): void {
    const c: CompressorParams = {
      thresholdDb: clampNumber('thresholdDb', p.thresholdDb),
      ratio: clampNumber('ratio', p.ratio),
      kneeDb: clampNumber('kneeDb', p.kneeDb),
      attackMs: clampNumber('attackMs', p.attackMs),
      releaseMs: clampNumber('releaseMs', p.releaseMs),
      makeupDb: p.makeupDb === 'auto' ? 'auto' : clampNumber('makeupDb', p.makeupDb),
      detector: p.detector === 'rms' ? 'rms' : 'peak',
      rmsWindowMs: clampNumber('rmsWindowMs', p.rmsWindowMs),
      lookaheadMs: clampNumber('lookaheadMs', p.lookaheadMs),
      link: clampNumber('link', p.link),
      mix: clampNumber('mix', p.mix),
    };
    this.current = c;
    const fs = this.sampleRate;
    this.attackCoef = onePoleCoefficient(c.attackMs, fs);
    this.releaseCoef = onePoleCoefficient(c.releaseMs, fs);
    this.rmsCoef = onePoleCoefficient(c.rmsWindowMs, fs);
    this.rms = c.detector === 'rms';
    const v = this.values;
    v[THRESHOLD] = c.thresholdDb;
    v[SLOPE] = slopeOfRatio(c.ratio);
    v[KNEE] = c.kneeDb;
    v[MAKEUP] = resolveMakeupDb(c);
    v[MIX] = c.mix;
    v[LINK] = c.link;
    if (smooth) this.ramp.rampTo(v);
    else this.ramp.jumpTo(v);
    this.delay.setDelay(DelayLine.samplesFor(c.lookaheadMs, fs), smooth);
  }

  /** Forgets all signal history (detector, ballistics, delay line) and finishes any running ramp. */
  reset(): void {
    this.meanSquare.fill(0);
    this.applied.fill(0);
    this.delay.clear();
    this.ramp.jumpTo(this.ramp.target);
  }

  private bind(views: Float32Array[], arrays: readonly Float32Array[], end: number, input: boolean): void {
    for (let c = 0; c < this.channelCount; c++) {
      const a = arrays[c];
      if (a && a.length >= end) {
        views[c] = a;
        continue;
      }
      // Missing or short channel: read silence / write into a scratch sink (grown only when needed).
      if (end > this.silence.length) {
        this.silence = new Float32Array(end);
        this.sink = new Float32Array(end);
      }
      views[c] = input ? this.silence : this.sink;
    }
  }

  /**
   * Processes `frames` frames: reads inputs[c][inStart + i], writes outputs[c][outStart + i] (and the delayed dry
   * signal to dry[c] when given). Missing or short channels read as silence / are not written. `trace` receives
   * the detector level, target and applied reduction at trace[traceStart + i].
   */
  process(
    inputs: readonly Float32Array[],
    inStart: number,
    outputs: readonly Float32Array[],
    outStart: number,
    dry: readonly Float32Array[] | null,
    frames: number,
    trace: KernelTrace | null,
    traceStart: number,
  ): void {
    const n = this.channelCount;
    const ins = this.inViews;
    const outs = this.outViews;
    const drys = this.dryViews;
    this.bind(ins, inputs, inStart + frames, true);
    this.bind(outs, outputs, outStart + frames, false);
    const writeDry = dry !== null;
    if (dry) this.bind(drys, dry, outStart + frames, false);
    const ramp = this.ramp;
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
    const dT = step[THRESHOLD] as number;
    const dS = step[SLOPE] as number;
    const dW = step[KNEE] as number;
    const dM = step[MAKEUP] as number;
    const dMix = step[MIX] as number;
    const dLink = step[LINK] as number;
    const aA = this.attackCoef;
    const bA = 1 - aA;
    const aR = this.releaseCoef;
    const bR = 1 - aR;
    const aRms = this.rmsCoef;
    const bRms = 1 - aRms;
    const rms = this.rms;
    const dl = this.delay;
    const bufs = dl.buffers;
    const cap = dl.capacity;
    const delay = dl.delay;
    const oldDelay = dl.previousDelay;
    const fadeLength = dl.fadeLength;
    let fadeLeft = dl.fadeLeft;
    let w = dl.write;
    const ms = this.meanSquare;
    const applied = this.applied;
    const chTarget = this.channelTarget;
    const tDet = trace ? trace.detectorDb : this.sink;
    const tTgt = trace ? trace.targetReductionDb : this.sink;
    const tApp = trace ? trace.appliedReductionDb : this.sink;
    let inPeakSq = 0;
    let outPeak = 0;
    let maxReduction = 0;
    // Linked path: the gain is recomputed only when y_L, make-up or mix moved since the previous frame.
    let gainDirty = true;
    let lastApplied = 0;
    let gm = 1;

    for (let i = 0; i < frames; i++) {
      // Control values: linear ramps, exact targets at the end (see param-ramp.ts).
      if (left > 0) {
        gainDirty = true;
        thresholdDb += dT;
        slope += dS;
        kneeDb += dW;
        makeupDb += dM;
        mix += dMix;
        link += dLink;
        if (--left === 0) {
          thresholdDb = tgt[THRESHOLD] as number;
          slope = tgt[SLOPE] as number;
          kneeDb = tgt[KNEE] as number;
          makeupDb = tgt[MAKEUP] as number;
          mix = tgt[MIX] as number;
          link = tgt[LINK] as number;
        }
      }
      const inAt = inStart + i;
      // Delay taps: read position D samples behind the write position (after writing, so D = 0 passes through).
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
      let detectorDb: number;
      let targetDb: number;
      let appliedDb: number;
      // Source: Giannoulis et al. 2012 eq. 17 (smooth branching peak detector in the log domain):
      //   y_L = α_A·y_L + (1 − α_A)·x_L if x_L > y_L, else α_R·y_L + (1 − α_R)·x_L.
      if (link === 1) {
        let level = 0;
        for (let c = 0; c < n; c++) {
          let x = (ins[c] as Float32Array)[inAt] as number;
          if (!(x - x === 0)) x = 0; // NaN and ±Infinity are silence
          const sq = x * x;
          if (sq > inPeakSq) inPeakSq = sq;
          // Source: RMS detector, one-pole mean square ms = α·ms + (1 − α)·x² (DESIGN.md §2.1).
          let m = aRms * (ms[c] as number) + bRms * sq;
          if (m < POWER_FLUSH) m = 0;
          ms[c] = m;
          const l = rms ? m : sq;
          if (l > level) level = l;
          (bufs[c] as Float32Array)[w] = x;
        }
        // Source: x_G = 10·log10(max(level, 1e-12)) (= 20·log10(max(|x|, 1e-6)) for the peak detector).
        detectorDb = LN_POWER_TO_DB * fastLn(level > POWER_FLOOR ? level : POWER_FLOOR);
        targetDb = reductionDb(detectorDb, thresholdDb, kneeDb, slope);
        let y = applied[0] as number;
        y = targetDb > y ? aA * y + bA * targetDb : aR * y + bR * targetDb;
        if (y < FLUSH_DB) y = 0;
        for (let c = 0; c < n; c++) applied[c] = y;
        appliedDb = y;
        if (gainDirty || y !== lastApplied) {
          // Source: c_dB = M − y_L; out = mix·wet + (1 − mix)·dry = d·(mix·10^(c/20) + 1 − mix).
          gm = mix * fastExp((makeupDb - y) * DB_TO_NEPER) + (1 - mix);
          lastApplied = y;
          gainDirty = false;
        }
        for (let c = 0; c < n; c++) {
          const buf = bufs[c] as Float32Array;
          let d = buf[rd] as number;
          if (fade > 0) d += ((buf[rdOld] as number) - d) * fade;
          const o = d * gm;
          (outs[c] as Float32Array)[outStart + i] = o;
          const a = o < 0 ? -o : o;
          if (a > outPeak) outPeak = a;
          if (writeDry) (drys[c] as Float32Array)[outStart + i] = d;
        }
      } else {
        detectorDb = -Infinity;
        targetDb = 0;
        for (let c = 0; c < n; c++) {
          let x = (ins[c] as Float32Array)[inAt] as number;
          if (!(x - x === 0)) x = 0;
          const sq = x * x;
          if (sq > inPeakSq) inPeakSq = sq;
          let m = aRms * (ms[c] as number) + bRms * sq;
          if (m < POWER_FLUSH) m = 0;
          ms[c] = m;
          const l = rms ? m : sq;
          (bufs[c] as Float32Array)[w] = x;
          const xDb = LN_POWER_TO_DB * fastLn(l > POWER_FLOOR ? l : POWER_FLOOR);
          const xL = reductionDb(xDb, thresholdDb, kneeDb, slope);
          chTarget[c] = xL;
          if (xDb > detectorDb) detectorDb = xDb;
          if (xL > targetDb) targetDb = xL;
        }
        appliedDb = 0;
        for (let c = 0; c < n; c++) {
          // Source: DESIGN.md §2.1, link blends each channel's reduction toward the loudest channel's.
          const own = chTarget[c] as number;
          const xL = own + link * (targetDb - own);
          let y = applied[c] as number;
          y = xL > y ? aA * y + bA * xL : aR * y + bR * xL;
          if (y < FLUSH_DB) y = 0;
          applied[c] = y;
          if (y > appliedDb) appliedDb = y;
          const gm = mix * fastExp((makeupDb - y) * DB_TO_NEPER) + (1 - mix);
          const buf = bufs[c] as Float32Array;
          let d = buf[rd] as number;
          if (fade > 0) d += ((buf[rdOld] as number) - d) * fade;
          const o = d * gm;
          (outs[c] as Float32Array)[outStart + i] = o;
          const a = o < 0 ? -o : o;
          if (a > outPeak) outPeak = a;
          if (writeDry) (drys[c] as Float32Array)[outStart + i] = d;
        }
      }
      if (appliedDb > maxReduction) maxReduction = appliedDb;
      if (trace) {
        tDet[traceStart + i] = detectorDb;
        tTgt[traceStart + i] = targetDb;
        tApp[traceStart + i] = appliedDb;
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
    this.blockInputPeakSq = inPeakSq;
    this.blockOutputPeak = outPeak;
    this.blockMaxReductionDb = maxReduction;
  }
}

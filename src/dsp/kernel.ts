/**
 * THE compressor kernel shared by the offline render (plots, command line) and the streaming processor
 * (AudioWorklet). It allocates nothing while processing.
 *
 *            ┌──────────────► delay D (lookahead) ───────────────┬──► × (mix·g + 1 − mix) ──► out
 *   in[c] ───┤                                                   └──► dry (delayed, for the player)
 *            └─► level (peak x² or RMS mean square) ─► x_G dB ─► gain computer ─► x_L ─► link blend
 *                 ─► smooth-branching ballistics ─► y_L ─► g = 10^((M − y_L)/20)
 *
 * Requests are worked through in blocks of ≤ BLOCK_FRAMES frames by one loop (kernel-block.ts) over the formulas
 * of formulas.ts and gain-computer.ts. Definitions and sources: docs/compressor.md.
 */
import { DelayLine } from './delay-line';
import { resolveMakeupDb, slopeOfRatio } from './gain-computer';
import { onePoleCoefficient } from './formulas';
import { processBlock } from './kernel-block';
import { processWasm, summarizeWritten } from './kernel-block-wasm';
import type { RenderSummaries } from './block-extremes';
import { BLOCK_FRAMES, KernelState, type KernelTrace } from './kernel-state';
import { DEFAULT_PARAMS, PARAM_SPECS, type NumericParamKey } from './params';
import { KNEE, LINK, MAKEUP, MIX, RMS, SLOPE, SLOT_COUNT, THRESHOLD } from './param-ramp';
import type { CompressorParams } from './types';

export type { KernelTrace } from './kernel-state';

function clampNumber(key: NumericParamKey, value: number): number {
  const spec = PARAM_SPECS[key];
  if (Number.isNaN(value)) return DEFAULT_PARAMS[key] as number;
  if (value === Infinity && spec.allowInfinity) return value;
  return Math.min(spec.max, Math.max(spec.min, value));
}

export class CompressorKernel {
  private readonly s: KernelState;
  private readonly values = new Float64Array(SLOT_COUNT);
  private readonly inViews: Float32Array[];
  private readonly outViews: Float32Array[];
  private readonly dryViews: Float32Array[];
  private silence = new Float32Array(128);
  private sink = new Float32Array(128);
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
    this.s = new KernelState(sampleRate, channelCount);
    this.inViews = new Array<Float32Array>(channelCount).fill(this.silence);
    this.outViews = new Array<Float32Array>(channelCount).fill(this.sink);
    this.dryViews = new Array<Float32Array>(channelCount).fill(this.sink);
    this.setParams(params, false);
  }

  /** The parameters in force (clamped into range; NaN replaced by the default). */
  get params(): CompressorParams {
    return this.current;
  }

  /** Whether linked stereo blocks run in WebAssembly (kernel-wasm.ts) or every block in the JS passes. */
  get engine(): 'wasm' | 'js' {
    return this.s.wasm === null ? 'js' : 'wasm';
  }

  get latencySamples(): number {
    return this.s.delay.delay;
  }

  /** Make-up gain in dB the settings resolve to ('auto' included). */
  get makeupDb(): number {
    return this.s.ramp.target[MAKEUP] as number;
  }

  /** Meters of the last process() call: largest input x², largest |output|, Σ output², largest y_L (dB). */
  get blockInputPeakSq(): number {
    return this.s.inputPeakSq;
  }
  get blockOutputPeak(): number {
    return this.s.outputPeak;
  }
  get blockOutputSumSq(): number {
    return this.s.outputSumSq;
  }
  get blockMaxReductionDb(): number {
    return this.s.maxReductionDb;
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
    const s = this.s;
    const fs = this.sampleRate;
    s.attackCoef = onePoleCoefficient(c.attackMs, fs);
    s.releaseCoef = onePoleCoefficient(c.releaseMs, fs);
    s.rmsCoef = onePoleCoefficient(c.rmsWindowMs, fs);
    const v = this.values;
    v[THRESHOLD] = c.thresholdDb;
    v[SLOPE] = slopeOfRatio(c.ratio);
    v[KNEE] = c.kneeDb;
    v[MAKEUP] = resolveMakeupDb(c);
    v[MIX] = c.mix;
    v[LINK] = c.link;
    v[RMS] = c.detector === 'rms' ? 1 : 0;
    if (smooth) s.ramp.rampTo(v);
    else s.ramp.jumpTo(v);
    s.delay.setDelay(DelayLine.samplesFor(c.lookaheadMs, fs), smooth);
  }

  /** Forgets all signal history (detector, ballistics, delay line) and finishes any running ramp. */
  reset(): void {
    const s = this.s;
    s.meanSquare.fill(0);
    s.applied.fill(0);
    s.delay.clear();
    s.ramp.jumpTo(s.ramp.target);
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
   * the detector level, target and applied reduction at trace[traceStart + i]. `sums`, when given, receives the
   * block summaries of what was written to outputs[c] and to the trace (block-extremes.ts summarizeRange: both
   * ranges must start on a block boundary and end on one or at their array's end).
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
    sums: RenderSummaries | null = null,
  ): void {
    const s = this.s;
    this.bind(this.inViews, inputs, inStart + frames, true);
    this.bind(this.outViews, outputs, outStart + frames, false);
    if (dry) this.bind(this.dryViews, dry, outStart + frames, false);
    const drys = dry ? this.dryViews : null;
    s.inputPeakSq = 0;
    s.outputPeak = 0;
    s.outputSumSq = 0;
    s.maxReductionDb = 0;
    if (s.wasm !== null) {
      processWasm(s, s.wasm, this.inViews, inStart, this.outViews, outStart, drys, frames, trace, traceStart, sums);
      return;
    }
    for (let done = 0; done < frames;) {
      const n = Math.min(BLOCK_FRAMES, frames - done);
      processBlock(s, this.inViews, inStart + done, this.outViews, outStart + done, drys, n, trace, traceStart + done);
      done += n;
    }
    if (sums !== null) summarizeWritten(sums, this.outViews, trace, outStart, traceStart, frames);
  }
}

/**
 * The kernel's loop over one block of ≤ BLOCK_FRAMES frames, in passes (detect: kernel-detect.ts, reduce: here,
 * apply: kernel-apply.ts); every formula it applies comes from formulas.ts and gain-computer.ts.
 *
 *   detect, per channel:  x (NaN/±Inf → 0) ─► delay ring;  x², mean square ─► detector power ─► rows[c][i]
 *           per frame:    loudest[i] = max over channels
 *   reduce, linked:       loudest ─► x_G ─► gain computer ─► x_L ─► ballistics (one state) ─► y_L ─► one gain
 *           otherwise:    rows[c] ─► own x_L (loudest's = the largest) ─► link blend ─► ballistics ─► gain per channel
 *   apply, per channel:   delayed x × gain ─► out (and delayed x ─► dry)
 *
 * Each pass is a loop of its own: the independent work (log, gain computer, exp) pipelines, and only the
 * ballistics run as a serial chain. Settled parameters are read once per block, not per frame. What the passes
 * cost above the least a compressor of this design does per frame: `npm run bench` (its "floor" rows).
 *
 * A block is linked when link is 1 on every frame and every channel's applied reduction is the same (then all
 * channels would compute the same numbers: the linked block computes them once, one log and one exp per frame).
 * Channels that were unlinked converge once link reaches 1; they are merged when they agree within FLUSH_DB.
 */
import { reductionDb } from './gain-computer';
import { FLUSH_DB, ballistics, levelDb, linkedReductionDb, outputGain } from './formulas';
import { apply } from './kernel-apply';
import { detect, largest } from './kernel-detect';
import type { KernelState, KernelTrace } from './kernel-state';
import { KNEE, LINK, MAKEUP, MIX, SLOPE, THRESHOLD } from './param-ramp';

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
  passes(s, ins, inStart, outs, outStart, drys, frames, trace, traceStart, linkedBlock(s, frames));
}

/** The three passes over one block, whose ramp has been advanced (processBlock, kernel-block-wasm.ts). */
export function passes(
  s: KernelState,
  ins: readonly Float32Array[],
  inStart: number,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  trace: KernelTrace | null,
  traceStart: number,
  linked: boolean,
): void {
  detect(s, ins, inStart, frames, linked);
  if (linked) reduceLinked(s, frames, trace, traceStart);
  else reduceUnlinked(s, frames, trace, traceStart);
  apply(s, ins, inStart, outs, outStart, drys, frames, linked);
}

/** Whether this block can run linked (see the file comment); merges channel states that agree within FLUSH_DB. */
export function linkedBlock(s: KernelState, frames: number): boolean {
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

/**
 * Powers at or below this give no reduction (the knee's lower edge T − W/2), so their log is not needed; −1 when
 * a ramp runs (the edge moves) or a trace wants every level. Source: 10·log10(p) ≤ T − W/2 ⇔ p ≤ 10^((T − W/2)/10)
 * (less 1e-9 for rounding). Cached: computed again only when the settled threshold or knee changes.
 */
export function quietPower(s: KernelState, trace: KernelTrace | null): number {
  if (trace !== null || !s.ramp.constant) return -1;
  const t = s.ramp.target[THRESHOLD] as number;
  const w = s.ramp.target[KNEE] as number;
  if (t !== s.quietFor[0] || w !== s.quietFor[1]) {
    s.quietFor[0] = t;
    s.quietFor[1] = w;
    s.quietPower = Math.pow(10, (t - 0.5 * w) / 10) * (1 - 1e-9);
  }
  return s.quietPower;
}

/**
 * Target reduction x_L of each power of `powers` into `into` (the same array allowed); with a trace, also the
 * level x_G and x_L at trace[traceStart + i].
 */
function targets(
  s: KernelState,
  powers: Float64Array,
  into: Float64Array,
  frames: number,
  trace: KernelTrace | null,
  traceStart: number,
): void {
  const r = s.ramp.rows;
  const quiet = quietPower(s, trace);
  if (s.ramp.constant) {
    // Settled: every frame holds the same values; read them once.
    const t0 = s.ramp.target[THRESHOLD] as number;
    const w0 = s.ramp.target[KNEE] as number;
    const s0 = s.ramp.target[SLOPE] as number;
    if (trace !== null) {
      const levels = trace.detectorDb;
      const targetRow = trace.targetReductionDb;
      for (let i = 0; i < frames; i++) {
        const xG = levelDb(powers[i] as number);
        const xL = reductionDb(xG, t0, w0, s0);
        into[i] = xL;
        levels[traceStart + i] = xG;
        targetRow[traceStart + i] = xL;
      }
    } else {
      for (let i = 0; i < frames; i++) {
        const p = powers[i] as number;
        into[i] = p <= quiet ? 0 : reductionDb(levelDb(p), t0, w0, s0);
      }
    }
    return;
  }
  const threshold = r[THRESHOLD] as Float64Array;
  const knee = r[KNEE] as Float64Array;
  const slope = r[SLOPE] as Float64Array;
  for (let i = 0; i < frames; i++) {
    const xG = levelDb(powers[i] as number);
    const xL = reductionDb(xG, threshold[i] as number, knee[i] as number, slope[i] as number);
    into[i] = xL;
    if (trace !== null) {
      trace.detectorDb[traceStart + i] = xG;
      trace.targetReductionDb[traceStart + i] = xL;
    }
  }
}

/** Reduce, linked block: one target, one ballistics state and one gain row (loudest) for every channel. */
function reduceLinked(s: KernelState, frames: number, trace: KernelTrace | null, traceStart: number): void {
  const loudest = s.loudest;
  targets(s, loudest, loudest, frames, trace, traceStart);
  const y = smoothRow(s, loudest, s.applied[0] as number, frames);
  for (let c = 0; c < s.channelCount; c++) s.applied[c] = y;
  s.maxReductionDb = maxOf(loudest, frames, s.maxReductionDb);
  if (trace) copyRow(loudest, trace.appliedReductionDb, traceStart, frames);
  gainRow(s, loudest, frames);
}

/**
 * Reduce, unlinked block: each channel's own target; the loudest channel's target is the largest of them (x_L never
 * falls as the power rises), blended in by link; ballistics and gain per channel.
 */
function reduceUnlinked(s: KernelState, frames: number, trace: KernelTrace | null, traceStart: number): void {
  const n = s.channelCount;
  const link = s.ramp.rows[LINK] as Float64Array;
  const toward = s.appliedMax;
  for (let c = 0; c < n; c++) {
    const row = s.rows[c] as Float64Array;
    targets(s, row, row, frames, null, 0);
    if (c === 0) toward.set(row);
    else largest(toward, row, frames);
  }
  if (trace) {
    for (let i = 0; i < frames; i++) {
      trace.detectorDb[traceStart + i] = levelDb(s.loudest[i] as number);
      trace.targetReductionDb[traceStart + i] = toward[i] as number;
    }
  }
  for (let c = 0; c < n; c++) {
    const row = s.rows[c] as Float64Array;
    for (let i = 0; i < frames; i++)
      row[i] = linkedReductionDb(row[i] as number, toward[i] as number, link[i] as number);
  }
  // appliedMax (free again) becomes the largest applied reduction over the channels.
  const appliedMax = s.appliedMax;
  for (let c = 0; c < n; c++) {
    const row = s.rows[c] as Float64Array;
    s.applied[c] = smoothRow(s, row, s.applied[c] as number, frames);
    if (c === 0) appliedMax.set(row);
    else largest(appliedMax, row, frames);
    gainRow(s, row, frames);
  }
  s.maxReductionDb = maxOf(appliedMax, frames, s.maxReductionDb);
  if (trace) copyRow(appliedMax, trace.appliedReductionDb, traceStart, frames);
}

function maxOf(row: Float64Array, frames: number, start: number): number {
  let m = start;
  for (let i = 0; i < frames; i++) if ((row[i] as number) > m) m = row[i] as number;
  return m;
}

function copyRow(row: Float64Array, into: Float32Array, at: number, frames: number): void {
  for (let i = 0; i < frames; i++) into[at + i] = row[i] as number;
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
  if (s.ramp.constant) {
    // Settled: the same make-up and mix on every frame, so the gain changes only when y_L does (it holds still
    // through silence and at a constant reduction): the exp is taken only then.
    const m0 = makeup[0] as number;
    const x0 = mix[0] as number;
    let lastY = -1;
    let g = 1;
    for (let i = 0; i < frames; i++) {
      const y = row[i] as number;
      if (y !== lastY) {
        g = outputGain(m0, y, x0);
        lastY = y;
      }
      row[i] = g;
    }
  } else {
    for (let i = 0; i < frames; i++) row[i] = outputGain(makeup[i] as number, row[i] as number, mix[i] as number);
  }
}

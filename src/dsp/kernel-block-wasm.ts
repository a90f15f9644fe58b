/**
 * A request through the WebAssembly block (kernel-wasm.ts, assembly/kernel.ts), for a stereo kernel that has it:
 *
 *   per piece of ≤ WASM_CHUNK_FRAMES:  inputs ─► the block's memory ─► blocks of ≤ BLOCK_FRAMES ─► outputs, dry, traces
 *   per block:  settled, linked, no delay cross-fade ─► the WebAssembly block, for the rest of the piece at once
 *               otherwise                            ─► the JS passes (kernel-block.ts) on the same memory
 *   per piece, when summaries are asked for (an offline render's: compressor.ts): each output and trace row's block
 *               extremes (block-extremes.ts) made on the row in the block's memory, before it is copied out, into
 *               the summaries' blocks at the piece's place: the rows are read while in the cache, and only once
 *
 * The same numbers as kernel.ts's loop over processBlock, bit for bit: the same blocks (from the request's first
 * frame), the same formulas in the same order (tests/unit/dsp/kernel-wasm.test.ts); the summaries are those of
 * block-extremes.ts's summarizeRange over the arrays written (tests/unit/dsp/kernel-summaries.test.ts).
 */
import { summarizeRange, summaryList, type BlockSummary, type RenderSummaries } from './block-extremes';
import { linkedBlock, passes, quietPower } from './kernel-block';
import { BLOCK_FRAMES, type KernelState, type KernelTrace } from './kernel-state';
import {
  STATE_IN_PEAK,
  STATE_MA,
  STATE_MAX_RED,
  STATE_MB,
  STATE_OUT_PEAK,
  STATE_OUT_SUM,
  STATE_Y,
  type WasmBlock,
  type WasmRows,
} from './kernel-wasm';
import { KNEE, MAKEUP, MIX, RMS, SLOPE, THRESHOLD } from './param-ramp';

export function processWasm(
  s: KernelState,
  w: WasmBlock,
  ins: readonly Float32Array[],
  inStart: number,
  outs: readonly Float32Array[],
  outStart: number,
  drys: readonly Float32Array[] | null,
  frames: number,
  trace: KernelTrace | null,
  traceStart: number,
  sums: RenderSummaries | null,
): void {
  const inRows = sums !== null && summariesFitRows(w, sums);
  for (let done = 0; done < frames;) {
    const n = Math.min(w.chunk, frames - done);
    const r = w.exact(n);
    copyIn(ins[0] as Float32Array, inStart + done, r.inA);
    copyIn(ins[1] as Float32Array, inStart + done, r.inB);
    for (let k = 0; k < n;) {
      const m = Math.min(BLOCK_FRAMES, n - k);
      s.ramp.advance(m);
      const linked = linkedBlock(s, m);
      if (linked && s.ramp.constant && s.delay.fadeLeft === 0) {
        // Settled and linked: so are the rest of this piece's blocks (nothing changes settings within a request).
        run(s, w, k, n - k, drys !== null, trace !== null);
        k = n;
      } else {
        passes(s, w.ins, k, w.outs, k, drys ? w.drys : null, m, trace ? w.traces : null, k, linked);
        k += m;
      }
    }
    if (inRows) summarizeRows(w, sums, n, outStart + done, trace === null ? -1 : traceStart + done);
    copyOut(r, outs, drys, trace, outStart + done, traceStart + done);
    done += n;
  }
  if (sums !== null && !inRows) summarizeWritten(sums, outs, trace, outStart, traceStart, frames);
}

/**
 * Fill the blocks of what a request wrote into `sums` from the arrays (kernel.ts's JS loop; blocks that do not fit
 * the pieces): each of outs[c][outStart, + frames) into sums.output[c], each trace's [traceStart, + frames) into
 * its summary. Each range must start on a block boundary and end on one or at the array's end.
 */
export function summarizeWritten(
  sums: RenderSummaries,
  outs: readonly Float32Array[],
  trace: KernelTrace | null,
  outStart: number,
  traceStart: number,
  frames: number,
): void {
  sums.output.forEach((s, c) => {
    const out = outs[c];
    if (out) summarizeRange(out, outStart, outStart + frames, s);
  });
  if (trace === null) return;
  summarizeRange(trace.detectorDb, traceStart, traceStart + frames, sums.detectorDb);
  summarizeRange(trace.targetReductionDb, traceStart, traceStart + frames, sums.targetReductionDb);
  summarizeRange(trace.appliedReductionDb, traceStart, traceStart + frames, sums.appliedReductionDb);
}

/** Whether every summary's block suits the rows: a multiple of 4 (the WebAssembly's vectors) dividing a piece. */
function summariesFitRows(w: WasmBlock, sums: RenderSummaries): boolean {
  return summaryList(sums).every((s) => s.block % 4 === 0 && w.chunk % s.block === 0);
}

/** The blocks of this piece's output rows (at `at`) and trace rows (at `traceAt`, −1: none) into `sums`. */
function summarizeRows(w: WasmBlock, sums: RenderSummaries, n: number, at: number, traceAt: number): void {
  const o = w.offsets;
  fromRow(w, o.outA, n, at, sums.output[0]);
  fromRow(w, o.outB, n, at, sums.output[1]);
  if (traceAt < 0) return;
  fromRow(w, o.traceX, n, traceAt, sums.detectorDb);
  fromRow(w, o.traceT, n, traceAt, sums.targetReductionDb);
  fromRow(w, o.traceY, n, traceAt, sums.appliedReductionDb);
}

/** The extremes of the row at byte offset `row`'s first `n` values, the array's [at, at + n), into `s`. */
function fromRow(w: WasmBlock, row: number, n: number, at: number, s: BlockSummary | undefined): void {
  if (s === undefined) return;
  const b = s.block;
  if (at % b !== 0 || ((at + n) % b !== 0 && at + n !== s.length)) throw new RangeError('not on block boundaries');
  w.extremes(row, n, b);
  const lows = w.lows;
  const highs = w.highs;
  const min = s.min;
  const max = s.max;
  const first = at / b;
  const count = Math.ceil(n / b);
  for (let k = 0; k < count; k++) {
    min[first + k] = lows[k] as number;
    max[first + k] = highs[k] as number;
  }
}

/** The WebAssembly block over `frames` frames from row position `at`. */
function run(s: KernelState, w: WasmBlock, at: number, frames: number, dry: boolean, trace: boolean): void {
  const st = w.state;
  st[STATE_MA] = s.meanSquare[0] as number;
  st[STATE_MB] = s.meanSquare[1] as number;
  st[STATE_Y] = s.applied[0] as number;
  st[STATE_IN_PEAK] = s.inputPeakSq;
  st[STATE_OUT_PEAK] = s.outputPeak;
  st[STATE_OUT_SUM] = s.outputSumSq;
  st[STATE_MAX_RED] = s.maxReductionDb;
  const dl = s.delay;
  const target = s.ramp.target;
  const o = w.offsets;
  const f = 4 * at;
  w.run(
    o.state,
    o.inA + f,
    o.inB + f,
    o.bufA,
    o.bufB,
    dl.capacity,
    dl.write,
    dl.delay,
    o.outA + f,
    o.outB + f,
    dry ? 1 : 0,
    o.dryA + f,
    o.dryB + f,
    trace ? 1 : 0,
    o.traceX + f,
    o.traceT + f,
    o.traceY + f,
    o.scratch,
    frames,
    target[RMS] as number,
    s.rmsCoef,
    quietPower(s, null),
    target[THRESHOLD] as number,
    target[KNEE] as number,
    target[SLOPE] as number,
    s.attackCoef,
    s.releaseCoef,
    target[MAKEUP] as number,
    target[MIX] as number,
  );
  s.meanSquare[0] = st[STATE_MA];
  s.meanSquare[1] = st[STATE_MB];
  const y = st[STATE_Y];
  s.applied[0] = y;
  s.applied[1] = y;
  s.inputPeakSq = st[STATE_IN_PEAK];
  s.outputPeak = st[STATE_OUT_PEAK];
  s.outputSumSq = st[STATE_OUT_SUM];
  s.maxReductionDb = st[STATE_MAX_RED];
  dl.write = (dl.write + frames) % dl.capacity;
}

/** into ← from[at … at + into.length): one copy, with no new view when `from` is exactly that (the worklet). */
function copyIn(from: Float32Array, at: number, into: Float32Array): void {
  into.set(at === 0 && from.length === into.length ? from : from.subarray(at, at + into.length));
}

/** The rows' samples to the caller's outputs, dry outputs and traces at `at` / `traceAt`. */
function copyOut(
  r: WasmRows,
  outs: readonly Float32Array[],
  drys: readonly Float32Array[] | null,
  trace: KernelTrace | null,
  at: number,
  traceAt: number,
): void {
  (outs[0] as Float32Array).set(r.outA, at);
  (outs[1] as Float32Array).set(r.outB, at);
  if (drys !== null) {
    (drys[0] as Float32Array).set(r.dryA, at);
    (drys[1] as Float32Array).set(r.dryB, at);
  }
  if (trace !== null) {
    trace.detectorDb.set(r.traceX, traceAt);
    trace.targetReductionDb.set(r.traceT, traceAt);
    trace.appliedReductionDb.set(r.traceY, traceAt);
  }
}

/**
 * A request through the WebAssembly block (kernel-wasm.ts, assembly/kernel.ts), for a stereo kernel that has it:
 *
 *   per piece of ≤ WASM_CHUNK_FRAMES:  inputs ─► the block's memory ─► blocks of ≤ BLOCK_FRAMES ─► outputs, dry, traces
 *   per block:  settled, linked, no delay cross-fade ─► the WebAssembly block, for the rest of the piece at once
 *               otherwise                            ─► the JS passes (kernel-block.ts) on the same memory
 *
 * The same numbers as kernel.ts's loop over processBlock, bit for bit: the same blocks (from the request's first
 * frame), the same formulas in the same order (tests/unit/dsp/kernel-wasm.test.ts).
 */
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
): void {
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
    copyOut(r, outs, drys, trace, outStart + done, traceStart + done);
    done += n;
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

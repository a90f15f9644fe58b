/**
 * The kernel's WebAssembly block (assembly/kernel.ts, built into kernel-wasm-bytes.ts by `npm run wasm`): linked
 * stereo blocks with settled parameters, in passes over 64-frame tiles, bit-identical to the JS passes
 * (kernel-block.ts), which stay the reference and the fallback.
 *
 *   module: compiled once per realm, synchronously (Node, Workers, the AudioWorklet; Chromium refuses a synchronous
 *           compile over 4 KB on a page's main thread, the block is smaller) ──► null where it throws
 *   per kernel: an Instance on its own Memory: fast-math tables │ constants │ state │ scratch │ in, out, dry,
 *               trace rows │ delay rings │ block extremes of a row (a render's summaries, kernel-block-wasm.ts)
 *
 * Source: WebAssembly JS API (WebAssembly.Module, Instance, Memory), https://webassembly.github.io/spec/js-api/.
 */
import { FAST_MATH_TABLES } from './fast-math';
import { KERNEL_WASM_BASE64 } from './kernel-wasm-bytes';

// The WebAssembly JS API, declared here as far as used (src/dsp's lib is ES2022 only, which does not describe it).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
      Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
    }
  | undefined;

/** assembly/kernel.ts blocksLinked2: see there for the arguments. */
export type BlocksLinked2 = (
  state: number,
  inA: number,
  inB: number,
  bufA: number,
  bufB: number,
  cap: number,
  write: number,
  delay: number,
  outA: number,
  outB: number,
  dry: number,
  dryA: number,
  dryB: number,
  trace: number,
  traceX: number,
  traceT: number,
  traceY: number,
  row: number,
  frames: number,
  rms: number,
  aRms: number,
  quiet: number,
  threshold: number,
  knee: number,
  slope: number,
  aA: number,
  aR: number,
  makeup: number,
  mix: number,
) => void;

/** assembly/block-extremes.ts blockExtremes: the extremes of each `b` of the `n` f32 at `src` into `lo` and `hi`. */
type BlockExtremes = (src: number, n: number, b: number, lo: number, hi: number) => void;

/** Indices of the state doubles (assembly/kernel.ts MA … MAX_RED, in bytes there). */
export const STATE_MA = 0;
export const STATE_MB = 1;
export const STATE_Y = 2;
export const STATE_IN_PEAK = 3;
export const STATE_OUT_PEAK = 4;
export const STATE_OUT_SUM = 5;
export const STATE_MAX_RED = 6;

/** Rows of the block's memory that a request's samples pass through (inputs, outputs, dry outputs, traces). */
export interface WasmRows {
  readonly inA: Float32Array;
  readonly inB: Float32Array;
  readonly outA: Float32Array;
  readonly outB: Float32Array;
  readonly dryA: Float32Array;
  readonly dryB: Float32Array;
  readonly traceX: Float32Array;
  readonly traceT: Float32Array;
  readonly traceY: Float32Array;
}

/**
 * Byte offsets in the block's memory: the state doubles, the rows (WasmRows), the two delay rings and the scratch
 * room (BLOCK_FRAMES doubles). Kept as numbers: a typed array's byteOffset getter costs more than the block's
 * whole call (measured: ~100 of ~130 ns per call with all twelve read, Node 20).
 */
export interface WasmOffsets {
  readonly state: number;
  readonly inA: number;
  readonly inB: number;
  readonly bufA: number;
  readonly bufB: number;
  readonly outA: number;
  readonly outB: number;
  readonly dryA: number;
  readonly dryB: number;
  readonly traceX: number;
  readonly traceT: number;
  readonly traceY: number;
  readonly scratch: number;
}

/** One kernel's instance of the block and the views on its memory. */
export interface WasmBlock extends WasmRows {
  readonly run: BlocksLinked2;
  readonly state: Float64Array;
  /** Frames of each row: a request is worked through in pieces of at most this many. */
  readonly chunk: number;
  readonly offsets: WasmOffsets;
  /** Two delay rings of `ringLength` samples. */
  readonly rings: [Float32Array, Float32Array];
  /** The rows as the JS passes take them (kernel-block.ts passes). */
  readonly ins: readonly Float32Array[];
  readonly outs: readonly Float32Array[];
  readonly drys: readonly Float32Array[];
  readonly traces: { detectorDb: Float32Array; targetReductionDb: Float32Array; appliedReductionDb: Float32Array };
  /** The rows cut to `frames` (kept for the last length asked, so that equal requests allocate nothing). */
  exact(frames: number): WasmRows;
  /**
   * The extremes of each `block` values (a multiple of 4 dividing `chunk`) of the first `n` of the row at byte
   * offset `row` (one of `offsets`' rows) into lows[0, ceil(n / block)) and highs (assembly/block-extremes.ts).
   */
  extremes(row: number, n: number, block: number): void;
  readonly lows: Float32Array;
  readonly highs: Float32Array;
}

let enabled = true;

/** Whether new kernels use the WebAssembly block where they can (the bench and tests time and compare both). */
export function useWasmBlock(on: boolean): void {
  enabled = on;
}

let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly is missing, refuses the synchronous compile or fast-math is off. */
function module(): object | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  if (FAST_MATH_TABLES !== null && typeof WebAssembly !== 'undefined') {
    try {
      compiled = new WebAssembly.Module(decodeBase64(KERNEL_WASM_BASE64));
    } catch {
      compiled = null; // e.g. a Content-Security-Policy without 'wasm-unsafe-eval'
    }
  }
  return compiled;
}

const PAGE = 65536;
/** Room the block keeps its constants in, right after the tables (assembly/kernel.ts CONSTANTS). */
const CONSTANTS_BYTES = 1024;
const ALIGN = 16;

/**
 * A new instance with rows of `chunk` frames (even), scratch room of `blockFrames` doubles (the block's two tiles and their delayed samples)
 * and two rings of `ringLength`; null where the block is not available.
 */
export function createWasmBlock(chunk: number, blockFrames: number, ringLength: number): WasmBlock | null {
  const m = enabled ? module() : null;
  const tables = FAST_MATH_TABLES;
  if (m === null || tables === null || typeof WebAssembly === 'undefined') return null;
  const tableBytes = tables.reduce((sum, t) => sum + t.byteLength, 0);
  const total =
    roundUp(tableBytes) +
    CONSTANTS_BYTES +
    64 +
    9 * roundUp(4 * chunk) +
    8 * blockFrames +
    2 * roundUp(4 * ringLength) +
    2 * roundUp(chunk);
  const pages = Math.ceil(total / PAGE);
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(m, { env: { memory } });
    const buffer = memory.buffer;
    let at = 0;
    for (const t of tables) {
      new Float64Array(buffer, at, t.length).set(t);
      at += t.byteLength;
    }
    // The block's constants (assembly/kernel.ts CONSTANTS), after the tables.
    at = roundUp(at) + CONSTANTS_BYTES;
    const state = new Float64Array(buffer, at, 8);
    at += 64;
    const scratch = at;
    at += roundUp(8 * blockFrames);
    const row = (length: number): Float32Array => {
      const view = new Float32Array(buffer, at, length);
      at += roundUp(4 * length);
      return view;
    };
    const rows: WasmRows = {
      inA: row(chunk),
      inB: row(chunk),
      outA: row(chunk),
      outB: row(chunk),
      dryA: row(chunk),
      dryB: row(chunk),
      traceX: row(chunk),
      traceT: row(chunk),
      traceY: row(chunk),
    };
    const rings: [Float32Array, Float32Array] = [row(ringLength), row(ringLength)];
    const lows = row(chunk / 4);
    const highs = row(chunk / 4);
    const loAt = lows.byteOffset;
    const hiAt = highs.byteOffset;
    const blockExtremes = instance.exports['blockExtremes'] as BlockExtremes;
    const offsets: WasmOffsets = {
      state: state.byteOffset,
      inA: rows.inA.byteOffset,
      inB: rows.inB.byteOffset,
      bufA: rings[0].byteOffset,
      bufB: rings[1].byteOffset,
      outA: rows.outA.byteOffset,
      outB: rows.outB.byteOffset,
      dryA: rows.dryA.byteOffset,
      dryB: rows.dryB.byteOffset,
      traceX: rows.traceX.byteOffset,
      traceT: rows.traceT.byteOffset,
      traceY: rows.traceY.byteOffset,
      scratch,
    };
    let cut = rows;
    return {
      ...rows,
      run: instance.exports['blocksLinked2'] as BlocksLinked2,
      state,
      chunk,
      offsets,
      rings,
      ins: [rows.inA, rows.inB],
      outs: [rows.outA, rows.outB],
      drys: [rows.dryA, rows.dryB],
      traces: { detectorDb: rows.traceX, targetReductionDb: rows.traceT, appliedReductionDb: rows.traceY },
      lows,
      highs,
      extremes: (at, n, block) => blockExtremes(at, n, block, loAt, hiAt),
      exact(frames: number): WasmRows {
        if (cut.inA.length !== frames) {
          const to = (r: Float32Array): Float32Array => new Float32Array(buffer, r.byteOffset, frames);
          cut = {
            inA: to(rows.inA),
            inB: to(rows.inB),
            outA: to(rows.outA),
            outB: to(rows.outB),
            dryA: to(rows.dryA),
            dryB: to(rows.dryB),
            traceX: to(rows.traceX),
            traceT: to(rows.traceT),
            traceY: to(rows.traceY),
          };
        }
        return cut;
      },
    };
  } catch {
    return null;
  }
}

/** assembly/kernel.ts blockExtremes, on rows of a memory of its own (src/dsp/block-extremes.ts). */
export interface WasmExtremes {
  /** The values to summarise are copied in here, at most `chunk` at a time. */
  readonly src: Float32Array;
  /** Per block, the lowest and the highest (`chunk / 4` rows: blocks of at least 4 values). */
  readonly lo: Float32Array;
  readonly hi: Float32Array;
  readonly chunk: number;
  /** Summarise src[0, n) in blocks of `block` (a multiple of 4) into lo and hi. */
  run(n: number, block: number): void;
}

/** An instance for block extremes over `chunk` values at a time (a multiple of 4); null where not available. */
export function createWasmExtremes(chunk: number): WasmExtremes | null {
  const m = module();
  if (m === null || typeof WebAssembly === 'undefined') return null;
  const rows = chunk / 4;
  const pages = Math.ceil((4 * chunk + 8 * rows) / PAGE);
  try {
    const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    const instance = new WebAssembly.Instance(m, { env: { memory } });
    const run = instance.exports['blockExtremes'] as BlockExtremes;
    const buffer = memory.buffer;
    const src = new Float32Array(buffer, 0, chunk);
    const lo = new Float32Array(buffer, 4 * chunk, rows);
    const hi = new Float32Array(buffer, 4 * chunk + 4 * rows, rows);
    const loAt = lo.byteOffset;
    const hiAt = hi.byteOffset;
    return { src, lo, hi, chunk, run: (n, block) => run(0, n, block, loAt, hiAt) };
  } catch {
    return null;
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}

/** Bytes of a base64 string (the AudioWorkletGlobalScope has no atob). Source: RFC 4648 §4. */
export function decodeBase64(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let count = 0;
  let k = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = alphabet.indexOf(clean.charAt(i));
    if (v < 0) throw new RangeError(`not base64 at ${i}`);
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      bytes[k++] = (bits >> count) & 255;
    }
  }
  return bytes;
}

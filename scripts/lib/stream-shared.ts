/**
 * What the command line's two threads share: two rings of audio in shared memory and a few counters.
 *
 *   worker: file ─► decode ─► input ring ──────► main: kernel ─► output ring ──────► worker: measure, write
 *                                  (IN_READY / IN_USED)                (OUT_READY / OUT_USED)
 *
 * Counters are frame counts since the start of the file (outputs: of the time-aligned output). A ring holds
 * `ringFrames` frames per channel; frame f lives at f % ringFrames. A writer may fill frame f only once the reader
 * has used frame f − ringFrames. Each side bumps its sequence number and notifies after publishing, and waits on
 * the other's (Atomics.wait), so neither spins.
 */
import type { WavLayout } from './wav-reader';

export const IN_READY = 0;
export const IN_USED = 1;
export const OUT_READY = 2;
export const OUT_USED = 3;
export const MAIN_SEQ = 4;
export const WORKER_SEQ = 5;
/** Set to 1 by a side that failed; the other stops waiting. */
export const FAILED = 6;
const CONTROL_SLOTS = 8;

export interface StreamSetup {
  layout: WavLayout;
  inFd: number;
  outFd: number;
  inPath: string;
  outPath: string;
  chunkFrames: number;
  ringFrames: number;
  control: SharedArrayBuffer;
  input: SharedArrayBuffer[];
  output: SharedArrayBuffer[];
}

export interface LevelSummary {
  peakDb: number;
  rmsDb: number;
  lufs: number;
}

/** The worker's measurements (the input peak comes from the kernel's block meters on the main thread). */
export type FromWorker =
  { type: 'done'; input: Omit<LevelSummary, 'peakDb'>; outputLufs: number } | { type: 'error'; message: string };

export function createSetup(
  layout: WavLayout,
  files: { inFd: number; outFd: number; inPath: string; outPath: string },
  chunkFrames: number,
  ringChunks: number,
): StreamSetup {
  const ringFrames = chunkFrames * ringChunks;
  const ring = (): SharedArrayBuffer[] =>
    Array.from({ length: layout.channelCount }, () => new SharedArrayBuffer(ringFrames * 4));
  return {
    layout,
    ...files,
    chunkFrames,
    ringFrames,
    control: new SharedArrayBuffer(CONTROL_SLOTS * 4),
    input: ring(),
    output: ring(),
  };
}

export function views(buffers: readonly SharedArrayBuffer[]): Float32Array[] {
  return buffers.map((b) => new Float32Array(b));
}

/** Publishes a counter and wakes the other side. */
export function publish(control: Int32Array, slot: number, value: number, seqSlot: number): void {
  Atomics.store(control, slot, value);
  Atomics.add(control, seqSlot, 1);
  Atomics.notify(control, seqSlot);
}

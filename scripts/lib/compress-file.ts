/**
 * Compresses a WAV file with the project's compressor, streaming, on two threads (see stream-shared.ts):
 *
 *   main:    IN.wav header ─► OUT.wav.<pid>.tmp + header ─► worker ─► CompressorKernel over the input ring in
 *            kernel time t = 0 … frames + latency (the last `latency` frames are zeros that flush the lookahead);
 *            output t − latency goes to the output ring (the first `latency` outputs, the delay line's initial
 *            silence, are dropped), so OUT.wav is time-aligned with IN.wav ─► rename the temp file to OUT.wav
 *   worker:  reads and decodes IN.wav, measures input and output, writes the temp file (stream-worker.ts)
 *
 * The kernel is the one renderOffline and the AudioWorklet run, fed the same samples, so the output equals
 * renderOffline's (tests/unit/cli/compress-file.test.ts). Any error leaves no OUT.wav behind.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CompressorKernel } from '../../src/dsp/kernel';
import { gainToDb, powerToDb } from '../../src/dsp/levels';
import type { CompressorParams } from '../../src/dsp/types';
import { wavFloat32Header } from '../../src/io/wav';
import {
  FAILED,
  IN_READY,
  IN_USED,
  MAIN_SEQ,
  OUT_READY,
  OUT_USED,
  WORKER_SEQ,
  createSetup,
  publish,
  views,
  type FromWorker,
  type LevelSummary,
} from './stream-shared';
import { readWavLayout, type WavLayout } from './wav-reader';

export type { LevelSummary } from './stream-shared';

export interface CompressSummary {
  input: LevelSummary;
  output: LevelSummary;
  maxGainReductionDb: number;
  latencySamples: number;
  makeupDb: number;
  sampleRate: number;
  channels: number;
  frames: number;
  durationS: number;
  params: CompressorParams;
}

/** A failure to read or write a file: the message is one line for the person running the command. */
export class FileError extends Error {
  override name = 'FileError';
}

export interface StreamOptions {
  /** Frames per read, kernel call and write (default 16384). */
  chunkFrames?: number;
  /** Chunks each ring holds (default 16). */
  ringChunks?: number;
}

function reason(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}

/** The worker's entry: the bundled .js next to this file, or under tsx the TypeScript source via a loader. */
function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./stream-worker-boot.mjs', here) : new URL('./compress-worker.js', here);
}

/**
 * Runs a scratch kernel with the same settings on a level ramp (silence to full scale, so every branch is taken)
 * until `stop()` says the real input is there, at most 8 × 4096 frames: V8 optimises the kernel's loops while the
 * worker thread starts, instead of on the first chunks of the file (measured: ~15 ms of first-chunk slowness).
 */
function warmUp(sampleRate: number, channels: number, params: CompressorParams, stop: () => boolean): void {
  const frames = 4096;
  const kernel = new CompressorKernel(sampleRate, channels, params);
  const ramp = new Float32Array(frames);
  for (let i = 0; i < frames; i++) ramp[i] = Math.sin(0.05 * i) * (i / frames);
  const ins = Array.from({ length: channels }, () => ramp);
  const outs = Array.from({ length: channels }, () => new Float32Array(frames));
  for (let k = 0; k < 8 && !stop(); k++) kernel.process(ins, 0, outs, 0, null, frames, null, 0);
}

function openInput(inPath: string): { fd: number; layout: WavLayout } {
  let fd = -1;
  try {
    fd = openSync(inPath, 'r');
    return { fd, layout: readWavLayout(fd) };
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
  }
}

export async function compressFile(
  inPath: string,
  outPath: string,
  params: CompressorParams,
  options: StreamOptions = {},
): Promise<CompressSummary> {
  const { fd: inFd, layout } = openInput(inPath);
  const { frames, channelCount: n, sampleRate } = layout;
  const tmpPath = `${outPath}.${process.pid}.tmp`;
  let outFd = -1;
  let worker: Worker | null = null;
  try {
    try {
      outFd = openSync(tmpPath, 'w');
      writeSync(outFd, wavFloat32Header(n, sampleRate, frames));
    } catch (e) {
      throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
    }
    const chunkFrames = Math.max(1, options.chunkFrames ?? 16384);
    const setup = createSetup(layout, { inFd, outFd, inPath, outPath }, chunkFrames, options.ringChunks ?? 16);
    worker = new Worker(workerUrl(), { workerData: setup });
    let failure: string | null = null;
    const result = new Promise<FromWorker>((resolve) => {
      worker?.on('message', resolve);
      worker?.on('error', (e) => {
        failure = reason(e);
        resolve({ type: 'error', message: failure });
      });
      worker?.on('exit', (code) => {
        failure ??= `worker exited (${code})`;
        resolve({ type: 'error', message: failure });
      });
    });
    const control = new Int32Array(setup.control);
    // Waits until `ready()` holds, sleeping on the worker's sequence number; yields to the event loop now and then
    // so a worker that died without a word ('error' event) is noticed.
    const waitFor = async (ready: () => boolean): Promise<void> => {
      while (!ready()) {
        const seq = Atomics.load(control, WORKER_SEQ);
        if (ready()) return;
        if (Atomics.load(control, FAILED) || failure !== null) throw new Error('worker stopped');
        if (Atomics.wait(control, WORKER_SEQ, seq, 200) === 'timed-out') {
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    };

    warmUp(sampleRate, n, params, () => Atomics.load(control, IN_READY) > 0);
    const kernel = new CompressorKernel(sampleRate, n, params);
    const latency = kernel.latencySamples;
    const input = views(setup.input);
    const output = views(setup.output);
    const ring = setup.ringFrames;
    const zeros = input.map(() => new Float32Array(Math.max(1, latency)));
    const sink = input.map(() => new Float32Array(Math.max(1, latency)));
    let inPeakSq = 0;
    let outPeak = 0;
    let outSumSq = 0;
    let maxReduction = 0;
    const end = frames + latency;
    try {
      for (let t = 0; t < end;) {
        let src: Float32Array[] = zeros;
        let inStart = 0;
        let count = Math.min(end - t, zeros[0]?.length ?? 1);
        if (t < frames) {
          await waitFor(() => Atomics.load(control, IN_READY) > t);
          src = input;
          inStart = t % ring;
          count = Math.min(Atomics.load(control, IN_READY) - t, ring - inStart, chunkFrames);
        }
        const j = t - latency;
        if (j < 0) {
          count = Math.min(count, -j);
          kernel.process(src, inStart, sink, 0, null, count, null, 0);
          inPeakSq = Math.max(inPeakSq, kernel.blockInputPeakSq);
        } else {
          const outStart = j % ring;
          count = Math.min(count, ring - outStart);
          await waitFor(() => j + count - ring <= Atomics.load(control, OUT_USED));
          kernel.process(src, inStart, output, outStart, null, count, null, 0);
          inPeakSq = Math.max(inPeakSq, kernel.blockInputPeakSq);
          maxReduction = Math.max(maxReduction, kernel.blockMaxReductionDb);
          outPeak = Math.max(outPeak, kernel.blockOutputPeak);
          outSumSq += kernel.blockOutputSumSq;
        }
        t += count;
        if (src === input) Atomics.store(control, IN_USED, t);
        publish(control, OUT_READY, Math.max(0, t - latency), MAIN_SEQ);
      }
    } catch (e) {
      const workerFailed = Atomics.load(control, FAILED) === 1 || failure !== null;
      publish(control, FAILED, 1, MAIN_SEQ);
      const reply = await result;
      throw new FileError(workerFailed && reply.type === 'error' ? reply.message : reason(e));
    }
    const reply = await result;
    if (reply.type === 'error') throw new FileError(reply.message);
    try {
      closeSync(outFd);
      outFd = -1;
      renameSync(tmpPath, outPath);
    } catch (e) {
      throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
    }
    return {
      // √(largest x²) is the largest |x| exactly (a float32 squared is exact in a double).
      input: { peakDb: gainToDb(Math.sqrt(inPeakSq)), ...reply.input },
      output: {
        peakDb: gainToDb(outPeak),
        rmsDb: frames === 0 ? -Infinity : powerToDb(outSumSq / (frames * n)),
        lufs: reply.outputLufs,
      },
      maxGainReductionDb: maxReduction,
      latencySamples: latency,
      makeupDb: kernel.makeupDb,
      sampleRate,
      channels: n,
      frames,
      durationS: frames / sampleRate,
      params: kernel.params,
    };
  } catch (e) {
    if (outFd >= 0) closeSync(outFd);
    rmSync(tmpPath, { force: true });
    throw e instanceof FileError ? e : new FileError(`cannot write ${outPath}: ${reason(e)}`);
  } finally {
    closeSync(inFd);
    await worker?.terminate();
  }
}

/** Numbers rounded to 1e-3 for reading; −Infinity (silence) becomes null, as JSON has no infinities. */
export function summaryJson(summary: CompressSummary): string {
  return JSON.stringify(summary, (_key, value: unknown) => {
    if (typeof value !== 'number') return value;
    if (!Number.isFinite(value)) return value === Infinity ? 'inf' : null;
    return Math.round(value * 1000) / 1000;
  });
}

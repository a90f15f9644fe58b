/**
 * Compresses a WAV file with the project's compressor and measures both sides, on two threads.
 *
 *   main thread:  IN.wav ─► decodeWav (into shared memory) ─► compressor kernel in 64k-frame chunks
 *                 (+ lookahead flush, first `latency` outputs dropped) ─► chunks to the worker
 *   worker:       input peak/RMS/LUFS; per chunk: output LUFS, interleave to float32, write OUT.wav.<pid>.tmp
 *   main thread:  rename the temp file to OUT.wav (an error on the way leaves no OUT.wav behind)
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CompressorKernel } from '../../src/dsp/kernel';
import { gainToDb, powerToDb } from '../../src/dsp/levels';
import type { CompressorParams } from '../../src/dsp/types';
import { decodeWav, wavFloat32Header } from '../../src/io/wav';
import type { FromWorker, ToWorker } from './measure-worker';

export interface LevelSummary {
  peakDb: number;
  rmsDb: number;
  lufs: number;
}

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

const CHUNK_FRAMES = 65536;

function reason(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}

function sharedFloat32(frames: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(frames * 4));
}

export async function compressFile(
  inPath: string,
  outPath: string,
  params: CompressorParams,
): Promise<CompressSummary> {
  let decoded;
  try {
    decoded = decodeWav(readFileSync(inPath), sharedFloat32);
  } catch (e) {
    throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
  }
  const { sampleRate, channels } = decoded;
  const frames = channels[0]?.length ?? 0;
  const n = channels.length;
  const tmpPath = `${outPath}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmpPath, 'w');
    writeSync(fd, wavFloat32Header(n, sampleRate, frames));
  } catch (e) {
    throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
  }

  const worker = new Worker(new URL('./measure-worker-boot.mjs', import.meta.url));
  const result = new Promise<FromWorker>((resolve, reject) => {
    worker.on('message', resolve);
    worker.on('error', reject);
  });
  const send = (msg: ToWorker, transfer: ArrayBuffer[] = []): void => worker.postMessage(msg, transfer);
  try {
    send({ type: 'input', channels, sampleRate, fd });
    // The kernel the StreamingCompressor wraps, driven directly so its output sums come for free.
    const kernel = new CompressorKernel(sampleRate, n, params);
    const latency = kernel.latencySamples;
    const zeros = channels.map(() => new Float32Array(CHUNK_FRAMES));
    let outPeak = 0;
    let outSumSq = 0;
    let maxReduction = 0;
    // Kernel time k runs over the input plus `latency` zeros; output sample k − latency is the aligned one. The
    // first `latency` outputs are the delay line's initial silence, so the output sums need no correction.
    for (let k = 0; k < frames + latency;) {
      const count = Math.min(CHUNK_FRAMES, frames + latency - k);
      const fromInput = Math.max(0, Math.min(count, frames - k));
      const out = channels.map(() => new Float32Array(count));
      if (fromInput === count) {
        kernel.process(channels, k, out, 0, null, count, null, 0);
      } else {
        for (let c = 0; c < n; c++) {
          (zeros[c] as Float32Array).fill(0);
          (zeros[c] as Float32Array).set((channels[c] as Float32Array).subarray(k, k + fromInput));
        }
        kernel.process(zeros, 0, out, 0, null, count, null, 0);
      }
      maxReduction = Math.max(maxReduction, kernel.blockMaxReductionDb);
      outPeak = Math.max(outPeak, kernel.blockOutputPeak);
      outSumSq += kernel.blockOutputSumSq;
      const skip = Math.max(0, latency - k);
      if (count > skip) {
        const kept = out.map((ch) => (skip > 0 ? ch.slice(skip) : ch));
        send(
          { type: 'chunk', channels: kept, frames: count - skip },
          kept.map((ch) => ch.buffer as ArrayBuffer),
        );
      }
      k += count;
    }
    send({ type: 'end' });
    const reply = await result;
    if (reply.type === 'error') throw new Error(reply.message);
    closeSync(fd);
    renameSync(tmpPath, outPath);
    return {
      input: reply.input,
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
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmpPath, { force: true });
    throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
  } finally {
    await worker.terminate();
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

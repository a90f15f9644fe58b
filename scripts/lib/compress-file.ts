/**
 * Compresses a WAV file with the project's compressor and measures both sides.
 *
 *   IN.wav ─► decodeWav ─► compressor kernel in 64k-frame chunks (+ lookahead flush) ─► float32 WAV chunks
 *          ─► OUT.wav.<pid>.tmp ─► rename to OUT.wav     (an error on the way leaves no OUT.wav behind)
 *
 * Input and output are measured on the way: peak, RMS (levels.ts) and integrated loudness (loudness.ts).
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CompressorKernel } from '../../src/dsp/kernel';
import { gainToDb, peakDb, powerToDb, rmsDb } from '../../src/dsp/levels';
import { LoudnessMeter } from '../../src/dsp/loudness';
import type { CompressorParams } from '../../src/dsp/types';
import { decodeWav, interleaveFloat32, wavFloat32Header } from '../../src/io/wav';

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

function measure(channels: readonly Float32Array[], sampleRate: number): LevelSummary {
  const meter = new LoudnessMeter(sampleRate, channels.length);
  meter.push(channels);
  return { peakDb: peakDb(channels), rmsDb: rmsDb(channels), lufs: meter.integrated() };
}

export function compressFile(inPath: string, outPath: string, params: CompressorParams): CompressSummary {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(inPath);
  } catch (e) {
    throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
  }
  let decoded;
  try {
    decoded = decodeWav(bytes);
  } catch (e) {
    throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
  }
  const { sampleRate, channels } = decoded;
  const frames = channels[0]?.length ?? 0;
  const n = channels.length;
  const input = measure(channels, sampleRate);

  // The kernel the StreamingCompressor wraps, driven directly so its output sums come for free.
  const kernel = new CompressorKernel(sampleRate, n, params);
  const latency = kernel.latencySamples;
  const out = channels.map(() => new Float32Array(CHUNK_FRAMES));
  const zeros = channels.map(() => new Float32Array(CHUNK_FRAMES));
  const block = new Uint8Array(CHUNK_FRAMES * n * 4);
  const outMeter = new LoudnessMeter(sampleRate, n);
  let outPeak = 0;
  let outSumSq = 0;
  let maxReduction = 0;

  const tmpPath = `${outPath}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmpPath, 'w');
  } catch (e) {
    throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
  }
  try {
    writeSync(fd, wavFloat32Header(n, sampleRate, frames));
    // Kernel time k runs over the input plus `latency` zeros; output sample k − latency is the aligned one. The
    // first `latency` outputs are the delay line's initial silence, so the output sums need no correction.
    for (let k = 0; k < frames + latency;) {
      const count = Math.min(CHUNK_FRAMES, frames + latency - k);
      const fromInput = Math.max(0, Math.min(count, frames - k));
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
      const keep = count - skip;
      if (keep > 0) {
        outMeter.push(out, skip, keep);
        interleaveFloat32(out, skip, keep, block, 0);
        writeSync(fd, block, 0, keep * n * 4);
      }
      k += count;
    }
    closeSync(fd);
    renameSync(tmpPath, outPath);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmpPath, { force: true });
    throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
  }
  return {
    input,
    output: {
      peakDb: gainToDb(outPeak),
      rmsDb: frames === 0 ? -Infinity : powerToDb(outSumSq / (frames * n)),
      lufs: outMeter.integrated(),
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
}

/** Numbers rounded to 1e-3 for reading; −Infinity (silence) becomes null, as JSON has no infinities. */
export function summaryJson(summary: CompressSummary): string {
  return JSON.stringify(summary, (_key, value: unknown) => {
    if (typeof value !== 'number') return value;
    if (!Number.isFinite(value)) return value === Infinity ? 'inf' : null;
    return Math.round(value * 1000) / 1000;
  });
}

/**
 * Compresses a WAV file with the project's compressor, streaming chunk by chunk on one thread, so a long file is
 * never held in memory whole:
 *
 *   IN.wav ─► readWavLayout ─► per chunk: read ─► decodeFrames (+ Σx²; input LUFS if asked) ─► CompressorKernel
 *     ─► (output LUFS if asked) ─► interleaveFloat32 ─► OUT.wav.<pid>.tmp ─► rename to OUT.wav
 *
 * The kernel runs in kernel time t = 0 … frames + latency (the last `latency` frames are zeros that flush the
 * lookahead); its first `latency` outputs, the delay line's initial silence, are dropped, so OUT.wav is
 * time-aligned with IN.wav. It is the kernel renderOffline and the AudioWorklet run, fed the same samples, so
 * the output equals renderOffline's (tests/unit/cli/compress-file.test.ts). Any error leaves no OUT.wav behind.
 */
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { CompressorKernel } from '../../src/dsp/kernel';
import { gainToDb, powerToDb } from '../../src/dsp/levels';
import { LoudnessMeter } from '../../src/dsp/loudness';
import type { CompressorParams } from '../../src/dsp/types';
import {
  decodeFrames,
  interleaveFloat32,
  readWavLayout,
  wavFloat32Header,
  type ByteReader,
  type WavLayout,
} from '../../src/io/wav';

export interface LevelSummary {
  peakDb: number;
  rmsDb: number;
  /** Integrated loudness, measured only when asked for (StreamOptions.loudness, the CLI's --loudness). */
  lufs?: number;
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

export const PHASES = ['read', 'decode', 'inputLoudness', 'kernel', 'outputLoudness', 'write'] as const;

/**
 * Where compressFile's time goes: per phase, wall and processor seconds (npm run bench prints them beside ffmpeg's
 * time).
 */
export type PhaseTimes = Record<(typeof PHASES)[number], { wallS: number; cpuS: number }>;

export interface StreamOptions {
  /** Frames per read, kernel call and write (default 16384). */
  chunkFrames?: number;
  /** When given, receives the time spent in each phase (added to what it holds). */
  times?: PhaseTimes;
  /** Also measure input and output integrated loudness (BS.1770-4) for the summary (default false). */
  loudness?: boolean;
}

function reason(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}

/** readWavLayout's view of an open file. */
export function fileReader(fd: number): ByteReader {
  return (at, length) => {
    const bytes = new Uint8Array(length);
    const got = readSync(fd, bytes, 0, length, at);
    return new DataView(bytes.buffer, 0, got);
  };
}

function openInput(inPath: string): { fd: number; layout: WavLayout } {
  let fd = -1;
  try {
    fd = openSync(inPath, 'r');
    return { fd, layout: readWavLayout(fileReader(fd), fstatSync(fd).size) };
  } catch (e) {
    if (fd >= 0) closeSync(fd);
    throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
  }
}

/** Fills `bytes` from the file at `position`; a file that ends early is an error. */
function readFully(fd: number, bytes: Uint8Array, length: number, position: number): void {
  for (let got = 0; got < length;) {
    const r = readSync(fd, bytes, got, length - got, position + got);
    if (r === 0) throw new Error('file ended early');
    got += r;
  }
}

export function compressFile(
  inPath: string,
  outPath: string,
  params: CompressorParams,
  options: StreamOptions = {},
): CompressSummary {
  const { fd: inFd, layout } = openInput(inPath);
  const { frames, channelCount: n, sampleRate, blockAlign } = layout;
  const tmpPath = `${outPath}.${process.pid}.tmp`;
  let outFd = -1;
  try {
    try {
      outFd = openSync(tmpPath, 'w');
      writeSync(outFd, wavFloat32Header(n, sampleRate, frames));
    } catch (e) {
      throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
    }
    const chunk = Math.max(1, options.chunkFrames ?? 16384);
    const kernel = new CompressorKernel(sampleRate, n, params);
    const latency = kernel.latencySamples;
    const raw = new Uint8Array(chunk * blockAlign);
    const block = new Uint8Array(chunk * n * 4);
    const input = Array.from({ length: n }, () => new Float32Array(chunk));
    const zeros = Array.from({ length: n }, () => new Float32Array(chunk));
    const output = Array.from({ length: n }, () => new Float32Array(chunk));
    const inMeter = options.loudness ? new LoudnessMeter(sampleRate, n) : null;
    const outMeter = options.loudness ? new LoudnessMeter(sampleRate, n) : null;
    let inSumSq = 0;
    let inPeakSq = 0;
    let outPeak = 0;
    let outSumSq = 0;
    let maxReduction = 0;
    const end = frames + latency;
    const times = options.times;
    let last = times ? performance.now() : 0;
    let lastCpu = times ? process.cpuUsage() : null;
    /** Adds the time since the previous mark to `phase` (only when timings are wanted). */
    const mark = (phase: keyof PhaseTimes): void => {
      if (!times) return;
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu ?? undefined);
      times[phase].wallS += (now - last) / 1000;
      times[phase].cpuS += (cpu.user + cpu.system) / 1e6;
      last = now;
      lastCpu = process.cpuUsage();
    };
    for (let t = 0; t < end;) {
      let count = Math.min(chunk, end - t);
      // The first `latency` outputs are dropped: stop a call there, so the block meters see only kept frames.
      if (t < latency) count = Math.min(count, latency - t);
      let src = zeros;
      if (t < frames) {
        count = Math.min(count, frames - t);
        try {
          readFully(inFd, raw, count * blockAlign, layout.dataOffset + t * blockAlign);
        } catch (e) {
          throw new FileError(`cannot read ${inPath}: ${reason(e)}`);
        }
        mark('read');
        inSumSq += decodeFrames(layout, raw, count, input, 0);
        mark('decode');
        if (inMeter) {
          inMeter.push(input, 0, count);
          mark('inputLoudness');
        }
        src = input;
      }
      kernel.process(src, 0, output, 0, null, count, null, 0);
      mark('kernel');
      inPeakSq = Math.max(inPeakSq, kernel.blockInputPeakSq);
      if (t >= latency) {
        maxReduction = Math.max(maxReduction, kernel.blockMaxReductionDb);
        outPeak = Math.max(outPeak, kernel.blockOutputPeak);
        outSumSq += kernel.blockOutputSumSq;
        if (outMeter) {
          outMeter.push(output, 0, count);
          mark('outputLoudness');
        }
        interleaveFloat32(output, 0, count, block, 0);
        try {
          writeSync(outFd, block, 0, count * n * 4);
        } catch (e) {
          throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
        }
        mark('write');
      }
      t += count;
    }
    try {
      closeSync(outFd);
      outFd = -1;
      renameSync(tmpPath, outPath);
      mark('write');
    } catch (e) {
      throw new FileError(`cannot write ${outPath}: ${reason(e)}`);
    }
    const samples = frames * n;
    return {
      // √(largest x²) is the largest |x| exactly (a float32 squared is exact in a double).
      input: {
        peakDb: gainToDb(Math.sqrt(inPeakSq)),
        rmsDb: samples === 0 ? -Infinity : powerToDb(inSumSq / samples),
        ...(inMeter && { lufs: inMeter.integrated() }),
      },
      output: {
        peakDb: gainToDb(outPeak),
        rmsDb: samples === 0 ? -Infinity : powerToDb(outSumSq / samples),
        ...(outMeter && { lufs: outMeter.integrated() }),
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

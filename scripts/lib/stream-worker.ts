/**
 * The command line's second thread: everything but the compressor, so the main thread runs only the kernel.
 *
 *   read a chunk of IN.wav ─► decode into the input ring (+ Σx²) ─► input LUFS ─► IN_READY
 *   output ring (OUT_READY) ─► output LUFS ─► interleave to float32 ─► write OUT.wav.<pid>.tmp ─► OUT_USED
 *
 * It decodes ahead while the main thread has less than half the input ring to work on, and writes otherwise; when
 * it can do neither it sleeps on the main thread's sequence number.
 */
import { readSync, writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { powerToDb } from '../../src/dsp/levels';
import { LoudnessMeter } from '../../src/dsp/loudness';
import { interleaveFloat32 } from '../../src/io/wav';
import { decodeFrames } from './wav-reader';
import {
  FAILED,
  IN_READY,
  IN_USED,
  MAIN_SEQ,
  OUT_READY,
  OUT_USED,
  WORKER_SEQ,
  publish,
  views,
  type FromWorker,
  type StreamSetup,
} from './stream-shared';

function reason(e: unknown): string {
  return e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
}

function run(setup: StreamSetup): FromWorker {
  const { layout, chunkFrames, ringFrames } = setup;
  const { frames, channelCount: n, sampleRate, blockAlign } = layout;
  const control = new Int32Array(setup.control);
  const input = views(setup.input);
  const output = views(setup.output);
  const inMeter = new LoudnessMeter(sampleRate, n);
  const outMeter = new LoudnessMeter(sampleRate, n);
  const raw = new Uint8Array(chunkFrames * blockAlign);
  const block = new Uint8Array(chunkFrames * n * 4);
  let inSumSq = 0;
  let decoded = 0;
  let written = 0;

  const decodeNext = (): void => {
    const count = Math.min(chunkFrames, frames - decoded, ringFrames - (decoded % ringFrames));
    const bytes = count * blockAlign;
    let got = 0;
    try {
      while (got < bytes) {
        const r = readSync(setup.inFd, raw, got, bytes - got, layout.dataOffset + decoded * blockAlign + got);
        if (r === 0) throw new Error('file ended early');
        got += r;
      }
    } catch (e) {
      throw new Error(`cannot read ${setup.inPath}: ${reason(e)}`);
    }
    const at = decoded % ringFrames;
    inSumSq += decodeFrames(layout, raw, count, input, at);
    inMeter.push(input, at, count);
    decoded += count;
    publish(control, IN_READY, decoded, WORKER_SEQ);
  };

  const writeNext = (ready: number): void => {
    const at = written % ringFrames;
    const count = Math.min(ready - written, chunkFrames, ringFrames - at);
    outMeter.push(output, at, count);
    interleaveFloat32(output, at, count, block, 0);
    try {
      writeSync(setup.outFd, block, 0, count * n * 4);
    } catch (e) {
      throw new Error(`cannot write ${setup.outPath}: ${reason(e)}`);
    }
    written += count;
    publish(control, OUT_USED, written, WORKER_SEQ);
  };

  while (written < frames) {
    const seq = Atomics.load(control, MAIN_SEQ);
    if (Atomics.load(control, FAILED)) return { type: 'error', message: 'stopped' };
    const used = Atomics.load(control, IN_USED);
    const ready = Atomics.load(control, OUT_READY);
    const canDecode = decoded < frames && decoded + Math.min(chunkFrames, frames - decoded) - ringFrames <= used;
    const canWrite = ready > written;
    if (canDecode && (!canWrite || decoded - used < ringFrames / 2)) decodeNext();
    else if (canWrite) writeNext(ready);
    else Atomics.wait(control, MAIN_SEQ, seq);
  }
  const samples = frames * n;
  return {
    type: 'done',
    input: { rmsDb: samples === 0 ? -Infinity : powerToDb(inSumSq / samples), lufs: inMeter.integrated() },
    outputLufs: outMeter.integrated(),
  };
}

const port = parentPort;
if (!port) throw new Error('stream-worker runs as a worker thread');
const setup = workerData as StreamSetup;
let result: FromWorker;
try {
  result = run(setup);
} catch (e) {
  result = { type: 'error', message: reason(e) };
  const control = new Int32Array(setup.control);
  publish(control, FAILED, 1, WORKER_SEQ);
}
port.postMessage(result);

/**
 * Worker thread of the command line: measures the input while the main thread compresses, then measures,
 * interleaves and writes the output chunks the main thread sends, so both processor cores are busy.
 *
 *   main:   decode ─► (input, shared) ─────────────► kernel chunk ─► chunk ─► kernel chunk ─► chunk … ─► end
 *   worker:           input peak/RMS/LUFS ─► output chunk: LUFS meter, interleave, write ─► … ─► summary
 */
import { writeSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { peakDb, rmsDb } from '../../src/dsp/levels';
import { LoudnessMeter } from '../../src/dsp/loudness';
import { interleaveFloat32 } from '../../src/io/wav';

export type ToWorker =
  | { type: 'input'; channels: Float32Array[]; sampleRate: number; fd: number }
  | { type: 'chunk'; channels: Float32Array[]; frames: number }
  | { type: 'end' };

export type FromWorker =
  | { type: 'done'; input: { peakDb: number; rmsDb: number; lufs: number }; outputLufs: number }
  | { type: 'error'; message: string };

const port = parentPort;
if (!port) throw new Error('measure-worker.ts runs as a worker thread');

let fd = -1;
let outMeter: LoudnessMeter | null = null;
let block = new Uint8Array(0);
let input = { peakDb: -Infinity, rmsDb: -Infinity, lufs: -Infinity };
let failed = false;

port.on('message', (msg: ToWorker) => {
  if (failed) return;
  try {
    if (msg.type === 'input') {
      fd = msg.fd;
      const meter = new LoudnessMeter(msg.sampleRate, msg.channels.length);
      meter.push(msg.channels);
      input = { peakDb: peakDb(msg.channels), rmsDb: rmsDb(msg.channels), lufs: meter.integrated() };
      outMeter = new LoudnessMeter(msg.sampleRate, msg.channels.length);
    } else if (msg.type === 'chunk') {
      const bytes = msg.frames * msg.channels.length * 4;
      if (block.length < bytes) block = new Uint8Array(bytes);
      outMeter?.push(msg.channels, 0, msg.frames);
      interleaveFloat32(msg.channels, 0, msg.frames, block, 0);
      writeSync(fd, block, 0, bytes);
    } else {
      const done: FromWorker = { type: 'done', input, outputLufs: outMeter?.integrated() ?? -Infinity };
      port.postMessage(done);
    }
  } catch (e) {
    failed = true;
    const error: FromWorker = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(error);
  }
});

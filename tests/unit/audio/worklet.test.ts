import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit, sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import type { FromProcessor, ProcessorOptions, ToProcessor } from '../../../src/audio/worklet-protocol';

// Runs the real compressor.worklet.ts in Node with a minimal AudioWorkletGlobalScope.

const FS = 48_000;
interface Processor {
  port: { onmessage: ((e: { data: ToProcessor }) => void) | null; postMessage(m: FromProcessor): void };
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean;
}
type ProcessorCtor = new (options: { processorOptions: ProcessorOptions }) => Processor;

const scope = globalThis as unknown as Record<string, unknown>;
let Ctor: ProcessorCtor;
const posted: FromProcessor[] = [];

beforeAll(async () => {
  scope.sampleRate = FS;
  scope.currentFrame = 0;
  scope.AudioWorkletProcessor = class {
    port = { onmessage: null, postMessage: (m: FromProcessor) => posted.push(structuredClone(m)) };
  };
  scope.registerProcessor = (_name: string, ctor: ProcessorCtor) => {
    Ctor = ctor;
  };
  await import('../../../src/audio/compressor.worklet');
});

afterAll(() => {
  delete scope.sampleRate;
  delete scope.currentFrame;
  delete scope.AudioWorkletProcessor;
  delete scope.registerProcessor;
});

function make(params: CompressorParams, listenTo: ProcessorOptions['listenTo'] = 'compressed'): Processor {
  return new Ctor({
    processorOptions: { params, channelCount: 2, listenTo, compressedMatchDb: 0, removedMatchDb: 0, crossfadeMs: 30 },
  });
}

/** Feeds `channels` through the processor in 128-frame blocks, like the audio thread. */
function stream(proc: Processor, channels: Float32Array[], extraFrames = 0): Float32Array[] {
  const frames = (channels[0]?.length ?? 0) + extraFrames;
  const out = [new Float32Array(frames), new Float32Array(frames)];
  const block = [new Float32Array(128), new Float32Array(128)];
  for (let at = 0; at < frames; at += 128) {
    const n = Math.min(128, frames - at);
    const inputs = channels.map((ch) => {
      const b = new Float32Array(n);
      b.set(ch.subarray(Math.min(at, ch.length), Math.min(at + n, ch.length)));
      return b;
    });
    const outs = block.map((b) => b.subarray(0, n));
    scope.currentFrame = at;
    proc.process([inputs], [outs]);
    out.forEach((o, ch) => o.set(outs[ch] as Float32Array, at));
  }
  return out;
}

describe('compressor.worklet.ts', () => {
  const hit = drumHit({ sampleRate: FS, peakDb: -3, durationS: 0.5 });
  const left = Float32Array.from({ length: FS }, (_, n) => hit[n % hit.length] ?? 0);
  const right = sine({ sampleRate: FS, frequencyHz: 220, peakDb: -12, durationS: 1 });

  it('streams in 128-frame blocks exactly what renderOffline gives, delayed by the lookahead latency', () => {
    const params = { ...DEFAULT_PARAMS, lookaheadMs: 2, makeupDb: 'auto' as const, link: 0.5 };
    const offline = renderOffline([left, right], FS, params);
    expect(offline.latencySamples).toBe(96); // 2 ms at 48 kHz
    const out = stream(make(params), [left, right], offline.latencySamples);
    for (let ch = 0; ch < 2; ch++) {
      const ref = offline.output[ch] as Float32Array;
      const got = (out[ch] as Float32Array).subarray(offline.latencySamples);
      let worst = 0;
      for (let n = 0; n < ref.length; n++) worst = Math.max(worst, Math.abs((got[n] ?? 0) - (ref[n] ?? 0)));
      expect(worst).toBeLessThanOrEqual(1e-6);
    }
  });

  it('plays the latency-aligned dry signal on "original" (the delay only)', () => {
    const params = { ...DEFAULT_PARAMS, lookaheadMs: 1 };
    const out = stream(make(params, 'original'), [left, right], 48);
    expect(Array.from((out[1] as Float32Array).subarray(48, 48 + 500))).toEqual(Array.from(right.subarray(0, 500)));
  });

  it('meters at about 30 Hz with gain reduction from the compressor', () => {
    posted.length = 0;
    stream(make({ ...DEFAULT_PARAMS }), [left, right]);
    const meters = posted.filter((m) => m.type === 'meter');
    // 1 s at 48 kHz, one message per 1600 frames (rounded up to whole 128-frame blocks: 1664) → 28 messages.
    expect(meters.length).toBe(Math.floor(FS / 1664));
    const worst = Math.max(...meters.map((m) => (m.type === 'meter' ? m.reductionDb : 0)));
    expect(worst).toBeGreaterThan(5); // −3 dBFS hits against a −20 dB threshold at 4:1
  });

  it('acknowledges a switch with the frame at which the crossfade starts', () => {
    posted.length = 0;
    const proc = make({ ...DEFAULT_PARAMS });
    scope.currentFrame = 1280;
    proc.port.onmessage?.({ data: { type: 'listen', listenTo: 'removed' } });
    expect(posted).toEqual([{ type: 'listened', listenTo: 'removed', frame: 1280 }]);
  });
});

/**
 * In-browser benchmark (run by scripts/bench-audio.mjs through the test page's hook, hook.ts): our compressor in an
 * OfflineAudioContext beside the browser's DynamicsCompressorNode on the same clip, in the same run. The native
 * node is created here ONLY as the speed reference; it is never used to make sound on the site.
 */
import { renderOffline, StreamingCompressor } from '../../src/dsp/compressor';
import type { CompressorParams } from '../../src/dsp/types';
import { AbMixer } from '../../src/audio/ab-mixer';
import { CROSSFADE_MS } from '../../src/audio/worklet-protocol';
import { renderThroughWorklet } from './offline-checks';
import { median } from './signal-measures';

const BLOCK = 128;

async function medianOf(run: () => Promise<number> | number, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(await run());
  return median(times);
}

function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Renders the clip through the native node; returns the wall time of startRendering(), ms. */
async function renderNative(channels: readonly Float32Array[], sampleRate: number, params: CompressorParams) {
  const frames = channels[0]?.length ?? 0;
  const ctx = new OfflineAudioContext(2, frames, sampleRate);
  const buffer = new AudioBuffer({ numberOfChannels: channels.length, length: frames, sampleRate });
  channels.forEach((data, ch) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, ch));
  const source = new AudioBufferSourceNode(ctx, { buffer });
  const native = new DynamicsCompressorNode(ctx, {
    threshold: params.thresholdDb,
    ratio: Number.isFinite(params.ratio) ? params.ratio : 20,
    knee: params.kneeDb,
    attack: params.attackMs / 1000,
    release: Math.min(1, params.releaseMs / 1000),
  });
  source.connect(native).connect(ctx.destination);
  source.start(0);
  const start = performance.now();
  await ctx.startRendering();
  return performance.now() - start;
}

/** µs per 128-frame block of the worklet's own work (StreamingCompressor + A/B mixer), stereo. */
function blockCostUs(channels: readonly Float32Array[], sampleRate: number, params: CompressorParams): number {
  const stereo = [channels[0] ?? new Float32Array(0), channels[1] ?? channels[0] ?? new Float32Array(0)];
  const frames = stereo[0]?.length ?? 0;
  const comp = new StreamingCompressor({ sampleRate, channelCount: 2, params });
  const mixer = new AbMixer({ sampleRate, crossfadeMs: CROSSFADE_MS, listenTo: 'compressed' });
  const wet = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const dry = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const out = [new Float32Array(BLOCK), new Float32Array(BLOCK)];
  const blocks = Math.floor(frames / BLOCK);
  const views = Array.from({ length: blocks }, (_, b) => stereo.map((ch) => ch.subarray(b * BLOCK, (b + 1) * BLOCK)));
  const start = performance.now();
  for (const input of views) {
    comp.processWithDry(input, wet, dry, BLOCK);
    mixer.process(dry, wet, out, BLOCK);
  }
  return ((performance.now() - start) * 1000) / Math.max(1, blocks);
}

export interface ClipBench {
  frames: number;
  durationS: number;
  /** The processor's own work per 128-frame block (compressor + mixer), measured on the page's thread. */
  workletBlockUs: number;
  /** Whole offline render through the worklet divided by its 128-frame blocks (graph and source included). */
  workletGraphBlockUs: number;
  oursOfflineMs: number;
  nativeOfflineMs: number;
  ratioOursToNative: number;
  /** renderOffline (what the plots use) on the page's thread. */
  jsRenderOfflineMs: number;
  ratioJsToNative: number;
}

export async function benchClip(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  repeats = 3,
): Promise<ClipBench> {
  const frames = channels[0]?.length ?? 0;
  blockCostUs(channels, sampleRate, params); // warm-up (JIT)
  const workletBlockUs = median([0, 1, 2].map(() => blockCostUs(channels, sampleRate, params)));
  const ours = async () =>
    (await renderThroughWorklet({ channels, sampleRate, params, listenTo: 'compressed', settleMs: 0 })).renderMs;
  await ours();
  await renderNative(channels, sampleRate, params);
  // Interleaved, so both see the same machine load.
  const oursTimes: number[] = [];
  const nativeTimes: number[] = [];
  for (let i = 0; i < repeats; i++) {
    oursTimes.push(await ours());
    nativeTimes.push(await renderNative(channels, sampleRate, params));
  }
  const oursOfflineMs = median(oursTimes);
  const nativeOfflineMs = median(nativeTimes);
  const jsRenderOfflineMs = await medianOf(() => timed(() => renderOffline(channels, sampleRate, params)), repeats);
  return {
    frames,
    durationS: frames / sampleRate,
    workletBlockUs,
    workletGraphBlockUs: (oursOfflineMs * 1000) / Math.ceil(frames / BLOCK),
    oursOfflineMs,
    nativeOfflineMs,
    ratioOursToNative: oursOfflineMs / nativeOfflineMs,
    jsRenderOfflineMs,
    ratioJsToNative: jsRenderOfflineMs / nativeOfflineMs,
  };
}

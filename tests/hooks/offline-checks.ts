/**
 * In-browser checks of the listening path, rendered through an OfflineAudioContext with the real worklet (used by
 * tests/e2e/listening*.spec.ts through the test page's hook, hook.ts). Each returns plain numbers.
 */
import { renderOffline } from '../../src/dsp/compressor';
import { integratedLoudness } from '../../src/dsp/loudness';
import { sine } from '../../src/dsp/signals';
import type { CompressorParams } from '../../src/dsp/types';
import { measureLoudness } from '../../src/state/render-job';
import { createCompressorNode } from '../../src/audio/compressor-node';
import { matchGainsDb } from '../../src/audio/matching';
import {
  CROSSFADE_MS,
  type ListenedMessage,
  type ListenPath,
  type ToProcessor,
} from '../../src/audio/worklet-protocol';
import { maxAbsDiff, maxLocalStepRatio, maxStep, peakAbs } from './signal-measures';

/** The loudness figures the site's render pipeline gives the player for these settings (render.ts, render.worker.ts). */
function renderedLoudness(channels: readonly Float32Array[], sampleRate: number, params: CompressorParams) {
  const render = renderOffline(channels, sampleRate, params);
  return measureLoudness(channels, render.output, sampleRate, render.makeupDb);
}

export interface WorkletRender {
  output: Float32Array[];
  listened: ListenedMessage[];
  latencySamples: number;
  /** Wall time of startRendering() alone, ms. */
  renderMs: number;
}

export interface ScheduledMessage {
  atS: number;
  message: ToProcessor;
}

/** Render `channels` through source → compressor worklet → destination in an OfflineAudioContext. */
export async function renderThroughWorklet(opts: {
  channels: readonly Float32Array[];
  sampleRate: number;
  params: CompressorParams;
  listenTo: ListenPath;
  compressedMatchDb?: number;
  removedMatchDb?: number;
  events?: readonly ScheduledMessage[];
  /** Wait after rendering for the processor's last port messages, ms. */
  settleMs?: number;
}): Promise<WorkletRender> {
  const frames = opts.channels[0]?.length ?? 0;
  const latencySamples = renderOffline([new Float32Array(1)], opts.sampleRate, opts.params).latencySamples;
  const ctx = new OfflineAudioContext(2, frames + latencySamples + 128, opts.sampleRate);
  const buffer = new AudioBuffer({
    numberOfChannels: opts.channels.length,
    length: frames,
    sampleRate: opts.sampleRate,
  });
  opts.channels.forEach((data, ch) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, ch));
  const listened: ListenedMessage[] = [];
  const handle = await createCompressorNode(ctx, {
    params: opts.params,
    listenTo: opts.listenTo,
    compressedMatchDb: opts.compressedMatchDb ?? 0,
    removedMatchDb: opts.removedMatchDb ?? 0,
    onListened: (m) => listened.push(m),
  });
  const source = new AudioBufferSourceNode(ctx, { buffer });
  source.connect(handle.node).connect(ctx.destination);
  source.start(0);
  for (const event of opts.events ?? []) {
    void ctx.suspend(event.atS).then(() => {
      handle.post(event.message);
      void ctx.resume();
    });
  }
  const start = performance.now();
  const rendered = await ctx.startRendering();
  const renderMs = performance.now() - start;
  const settleMs = opts.settleMs ?? 50;
  if (settleMs > 0) await new Promise((resolve) => setTimeout(resolve, settleMs));
  handle.dispose();
  const output = Array.from({ length: rendered.numberOfChannels }, (_, ch) => rendered.getChannelData(ch));
  return { output, listened, latencySamples, renderMs };
}

/** Worklet (128-frame blocks, real Web Audio graph) against renderOffline of the same clip and settings. */
export async function workletVsOffline(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
) {
  const offline = renderOffline(channels, sampleRate, params);
  const live = await renderThroughWorklet({ channels, sampleRate, params, listenTo: 'compressed' });
  let maxDiff = 0;
  let misalignedDiff = 0;
  live.output.forEach((out, ch) => {
    const ref = offline.output[Math.min(ch, offline.output.length - 1)];
    if (!ref) return;
    maxDiff = Math.max(maxDiff, maxAbsDiff(out, ref, offline.latencySamples));
    misalignedDiff = Math.max(misalignedDiff, maxAbsDiff(out, ref, offline.latencySamples + 1));
  });
  return {
    maxDiff,
    /** The same comparison one sample off: shows the check can fail. */
    misalignedDiff,
    latencySamples: offline.latencySamples,
    frames: channels[0]?.length ?? 0,
    outputPeak: Math.max(...offline.output.map(peakAbs)),
  };
}

/** A/B switches scheduled during an offline render: the largest step around each switch vs. the clip's own. */
export async function switchSteps(
  channels: readonly Float32Array[],
  sampleRate: number,
  params: CompressorParams,
  switches: readonly { atS: number; listenTo: ListenPath }[],
  startWith: ListenPath = 'compressed',
) {
  const loudness = renderedLoudness(channels, sampleRate, params);
  const gains = matchGainsDb(loudness, true);
  const base = { channels, sampleRate, params, compressedMatchDb: gains.compressedDb, removedMatchDb: gains.removedDb };
  const switched = await renderThroughWorklet({
    ...base,
    listenTo: startWith,
    events: switches.map((s) => ({ atS: s.atS, message: { type: 'listen', listenTo: s.listenTo } })),
  });
  const paths = new Set<ListenPath>([startWith, ...switches.map((s) => s.listenTo)]);
  const pathRenders = new Map<ListenPath, Float32Array[]>();
  for (const path of paths) pathRenders.set(path, (await renderThroughWorklet({ ...base, listenTo: path })).output);
  let clipMaxStep = 0;
  for (const out of pathRenders.values()) for (const ch of out) clipMaxStep = Math.max(clipMaxStep, maxStep(ch));
  const fadeFrames = Math.round((CROSSFADE_MS * sampleRate) / 1000);
  const margin = Math.round(0.01 * sampleRate);
  let previous: ListenPath = startWith;
  const results = switched.listened.map((ack) => {
    const from = ack.frame - margin;
    const to = ack.frame + 128 + fadeFrames + margin;
    const localMaxStep = Math.max(...switched.output.map((ch) => maxStep(ch, from, to)));
    // The same window in the two unswitched paths: an equal-power fade of two correlated signals can reach
    // √2 × their steps, a click would go past it.
    const pathsLocalMaxStep = Math.max(
      ...[previous, ack.listenTo].flatMap((path) => (pathRenders.get(path) ?? []).map((ch) => maxStep(ch, from, to))),
    );
    previous = ack.listenTo;
    return { listenTo: ack.listenTo, frame: ack.frame, localMaxStep, pathsLocalMaxStep };
  });
  return { clipMaxStep, matchDb: gains, switches: results };
}

/** Integrated loudness of the worklet's Original and Compressed outputs, with matching on and off. */
export async function loudnessMatch(channels: readonly Float32Array[], sampleRate: number, params: CompressorParams) {
  const loudness = renderedLoudness(channels, sampleRate, params);
  const gains = matchGainsDb(loudness, true);
  const lufsOf = async (listenTo: ListenPath, compressedMatchDb: number): Promise<number> => {
    const r = await renderThroughWorklet({ channels, sampleRate, params, listenTo, compressedMatchDb });
    const frames = channels[0]?.length ?? 0;
    return integratedLoudness(
      r.output.map((ch) => ch.subarray(r.latencySamples, r.latencySamples + frames)),
      sampleRate,
    );
  };
  const originalLufs = await lufsOf('original', gains.compressedDb);
  const compressedMatchedLufs = await lufsOf('compressed', gains.compressedDb);
  const compressedUnmatchedLufs = await lufsOf('compressed', 0);
  return {
    originalLufs,
    compressedMatchedLufs,
    compressedUnmatchedLufs,
    impliedDeltaLu: loudness.compressedLufs - loudness.originalLufs,
    matchGainDb: gains.compressedDb,
  };
}

/**
 * Zipper check: a 1 kHz sine at −6 dBFS while threshold, ratio and make-up are swept by port messages every
 * 50 ms (as a slider drag would), measured in 10 ms windows by maxLocalStepRatio (1 for a clean glide), beside
 * the same measure of a render that holds the final settings throughout.
 */
export async function zipperSweep(sampleRate: number) {
  const durationS = 3;
  const tone = sine({ sampleRate, frequencyHz: 1000, peakDb: -6, durationS });
  const channels = [tone, tone.slice()];
  const params: CompressorParams = {
    thresholdDb: -10,
    ratio: 2,
    kneeDb: 0,
    attackMs: 20,
    releaseMs: 200,
    makeupDb: 0,
    detector: 'rms',
    rmsWindowMs: 10,
    lookaheadMs: 0,
    link: 1,
    mix: 1,
  };
  const events: ScheduledMessage[] = [];
  const steps = 50;
  for (let i = 1; i <= steps; i++) {
    const u = i / steps;
    events.push({
      atS: 0.3 + u * 2.2,
      message: {
        type: 'params',
        params: { ...params, thresholdDb: -10 - 30 * u, ratio: 2 + 8 * u, makeupDb: 12 * u },
      },
    });
  }
  const sineStep = maxStep(tone);
  const settle = Math.round(0.2 * sampleRate);
  const windowFrames = Math.round(0.01 * sampleRate);
  const measure = (out: Float32Array | undefined) => {
    const usable = (out ?? new Float32Array(0)).subarray(settle, tone.length);
    return {
      outputPeakStart: peakAbs(usable.subarray(0, windowFrames)),
      outputPeakEnd: peakAbs(usable.subarray(usable.length - windowFrames)),
      stepRatio: maxLocalStepRatio(usable, sineStep, peakAbs(tone), windowFrames),
    };
  };
  const swept = await renderThroughWorklet({ channels, sampleRate, params, listenTo: 'compressed', events });
  const last = events[events.length - 1]?.message;
  const endParams = last && last.type === 'params' ? last.params : params;
  const steady = await renderThroughWorklet({ channels, sampleRate, params: endParams, listenTo: 'compressed' });
  return { sineStep, swept: measure(swept.output[0]), steady: measure(steady.output[0]) };
}

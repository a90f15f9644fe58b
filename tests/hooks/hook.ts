/**
 * Test hook for the browser tests and the benchmark, installed only on the test build's /test-hooks/player/ page
 * (player.astro, install.ts; never in the production build). `window.__compressorLab.load()` resolves to this
 * object:
 *
 * - state(): the page's default lab and AudioContext state (did anything start before a gesture?).
 * - recordPlayhead() / playheadWrites(): every write the engine makes to the shared playhead, with its time.
 * - setParams(partial): change the default lab's settings like the Controls widget.
 * - simulateSuspend(): suspends the AudioContext as the OS would, to check the engine's recovery.
 * - workletVsOffline / switchSteps / loudnessMatch / zipperSweep: offline renders through the real worklet
 *   (offline-checks.ts), returning numbers only.
 * - renderLatency(n): time from a params change to a fresh lab.render for a 20 s stereo clip.
 * - pooledRenders(n): n changes on a 20 s stereo clip, checking the render arrays given back (pooled-renders.ts).
 * - bench(): benchmark figures for every clip (bench.ts).
 */
import { effect } from '@preact/signals';
import { DEFAULT_PARAMS } from '../../src/dsp/params';
import type { CompressorParams } from '../../src/dsp/types';
import { loadClip, loadManifest, type LoadedClip } from '../../src/audio/clips';
import { peekAudioContext } from '../../src/audio/context';
import type { ListenPath } from '../../src/audio/worklet-protocol';
import { getLab } from '../../src/state/lab';
import { connectRender } from '../../src/state/render';
import type { FromRenderWorker } from '../../src/state/render-protocol';
import { benchClip } from './bench';
import { pooledRenders } from './pooled-renders';
import { loudnessMatch, switchSteps, workletVsOffline, zipperSweep } from './offline-checks';
import { percentile } from './signal-measures';

function withDefaults(params?: Partial<CompressorParams>): CompressorParams {
  return { ...DEFAULT_PARAMS, ...params };
}

async function clipChannels(clipId: string): Promise<LoadedClip> {
  return loadClip(clipId);
}

/** A stereo clip of exactly `durationS`, made by repeating a decoded clip. */
function repeatTo(clip: LoadedClip, durationS: number): LoadedClip {
  const frames = Math.round(durationS * clip.sampleRate);
  const channels = [0, 1].map((ch) => {
    const src = clip.channels[Math.min(ch, clip.channels.length - 1)] ?? new Float32Array(1);
    const out = new Float32Array(frames);
    for (let n = 0; n < frames; n++) out[n] = src[n % src.length] ?? 0;
    return out;
  });
  return { id: `${clip.id}-x${durationS}s`, title: clip.title, sampleRate: clip.sampleRate, channels, durationS };
}

/** Work times the render Workers report with their replies, ms (renderMs of the last render, workMs of the last loudness). */
interface WorkerTimings {
  renderWorkMs: number;
  loudnessWorkMs: number;
}

/** connectRender(lab), with the replies of the Workers it starts read as they arrive (without changing them). */
function connectObserved(lab: ReturnType<typeof getLab>): { disconnect: () => void; timings: WorkerTimings } {
  const timings: WorkerTimings = { renderWorkMs: NaN, loudnessWorkMs: NaN };
  const PageWorker = globalThis.Worker;
  class ObservedWorker extends PageWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (event: MessageEvent<FromRenderWorker>) => {
        if (event.data.type === 'render') timings.renderWorkMs = event.data.renderMs;
        if (event.data.type === 'loudness') timings.loudnessWorkMs = event.data.workMs;
      });
    }
  }
  globalThis.Worker = ObservedWorker;
  try {
    // connectRender starts its Workers synchronously.
    return { disconnect: connectRender(lab), timings };
  } finally {
    globalThis.Worker = PageWorker;
  }
}

/** Each write to the default lab's playhead since recordPlayhead(): when (performance.now(), ms) and where (s). */
const playheadWrites: { atMs: number; s: number }[] = [];
let stopRecording: (() => void) | null = null;

export const hook = {
  /** Start recording every write to the default lab's playhead (playheadWrites() returns them). */
  recordPlayhead(): void {
    stopRecording?.();
    playheadWrites.length = 0;
    let first = true;
    stopRecording = effect(() => {
      const s = getLab().playheadS.value;
      if (first) first = false;
      else playheadWrites.push({ atMs: performance.now(), s });
    });
  },
  playheadWrites(): { atMs: number; s: number }[] {
    return [...playheadWrites];
  },
  state() {
    const lab = getLab();
    return {
      contextState: peekAudioContext()?.state ?? 'none',
      playing: lab.playing.value,
      playheadS: lab.playheadS.value,
      clipId: lab.clipId.value,
      clipLoaded: lab.clip.value !== null,
      listenTo: lab.listenTo.value,
      matchLoudness: lab.matchLoudness.value,
      loudness: lab.loudness.value,
      meter: lab.meter.value,
      error: lab.error.value,
    };
  },
  /** Change the page's compressor settings, as the Controls widget would. */
  setParams(params: Partial<CompressorParams>): void {
    const lab = getLab();
    lab.params.value = { ...lab.params.value, ...params };
  },
  /** Suspend the AudioContext from outside, as a browser or OS does (the engine should resume it while playing). */
  async simulateSuspend(): Promise<void> {
    await peekAudioContext()?.suspend();
  },
  async clipIds(): Promise<string[]> {
    return (await loadManifest()).clips.map((c) => c.id);
  },
  async workletVsOffline(clipId: string, params?: Partial<CompressorParams>) {
    const clip = await clipChannels(clipId);
    return workletVsOffline(clip.channels, clip.sampleRate, withDefaults(params));
  },
  async switchSteps(
    clipId: string,
    switches: { atS: number; listenTo: ListenPath }[],
    params?: Partial<CompressorParams>,
  ) {
    const clip = await clipChannels(clipId);
    return switchSteps(clip.channels, clip.sampleRate, withDefaults(params), switches);
  },
  async loudnessMatch(clipId: string, params?: Partial<CompressorParams>) {
    const clip = await clipChannels(clipId);
    return loudnessMatch(clip.channels, clip.sampleRate, withDefaults(params));
  },
  zipperSweep(sampleRate = 48000) {
    return zipperSweep(sampleRate);
  },
  /** Params changes on a 20 s stereo clip: ms until lab.render reflects each change (p50, p95, all). */
  async renderLatency(clipId: string, changes = 20) {
    const source = await clipChannels(clipId);
    const lab = getLab('render-latency');
    const { disconnect, timings } = connectObserved(lab);
    try {
      lab.clip.value = repeatTo(source, 20);
      // Resolves in the same task that delivers the new render (a signal subscription, no polling delay).
      const waitForRender = (previous: unknown) =>
        new Promise<void>((resolve) => {
          const stop = effect(() => {
            if (lab.render.value && lab.render.value !== previous && lab.loudness.value) {
              queueMicrotask(() => stop());
              resolve();
            }
          });
        });
      await waitForRender(null);
      const times: number[] = [];
      const work: number[] = [];
      for (let i = 0; i < changes; i++) {
        const previous = lab.render.value;
        const start = performance.now();
        lab.params.value = { ...lab.params.value, thresholdDb: -30 + (i % 10) * 2 };
        await waitForRender(previous);
        times.push(performance.now() - start);
        work.push(timings.renderWorkMs);
      }
      return {
        p50Ms: percentile(times, 50),
        p95Ms: percentile(times, 95),
        workerRenderP50Ms: percentile(work, 50),
        loudnessWorkMs: timings.loudnessWorkMs,
        timesMs: times,
      };
    } finally {
      disconnect();
    }
  },
  /** `changes` settings changes on a 20 s stereo clip: every render equals a fresh one, arrays given back safely. */
  async pooledRenders(clipId: string, changes = 12) {
    return pooledRenders(getLab('pooled-renders'), repeatTo(await clipChannels(clipId), 20), changes);
  },
  async bench(params?: Partial<CompressorParams>) {
    const out: Record<string, Awaited<ReturnType<typeof benchClip>>> = {};
    for (const id of await hook.clipIds()) {
      const clip = await clipChannels(id);
      out[id] = await benchClip(clip.channels, clip.sampleRate, withDefaults(params));
    }
    return out;
  },
};

export type CompressorLabHook = typeof hook;

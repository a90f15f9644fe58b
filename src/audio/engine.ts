/**
 * The player engine for one lab: one AudioBufferSource → compressor worklet (which also does the A/B crossfade)
 * → master gain → speakers. One engine per lab, shared by every Player island in the group (reference counted).
 *
 * - The shared playhead is lab.playheadS: the engine writes it while playing (every frame, or 4 × a second when
 *   the learner prefers reduced motion) and treats any other write as a seek.
 * - Switching Original/Compressed/Removed only sends a message: the worklet crossfades on the running playhead,
 *   so nothing restarts. Play, pause and seek ramp the master gain over 10 ms, so they do not click either.
 * - Nothing is created before the first Play (a user gesture).
 */
import { effect, type Signal } from '@preact/signals';
import type { CompressorParams } from '../dsp/types';
import { ensureClip, type ClipSlot, type LoadedClip } from './clips';
import { createCompressorNode, type CompressorNodeHandle } from './compressor-node';
import { audioWorkletSupported, getAudioContext, resumeInGesture, suspendQuietly } from './context';
import { matchGainsDb, type ClipLoudness } from './matching';
import { clampSeek, positionAt } from './playhead';
import type { ListenPath } from './worklet-protocol';

/** Live metering from the worklet, in dB, updated at display rate while playing. */
export interface Meter {
  inputDb: number;
  outputDb: number;
  reductionDb: number;
}

/** The signals the engine reads and writes (a page's lab, src/state/lab.ts, has them). */
export interface PlayerLab extends ClipSlot {
  params: Signal<CompressorParams>;
  /** Integrated loudness of the original, the compressed and the removed signal, LUFS (null until measured). */
  loudness: Signal<ClipLoudness | null>;
  /** Shared playhead, seconds from the start of the clip. */
  playheadS: Signal<number>;
  playing: Signal<boolean>;
  loop: Signal<boolean>;
  listenTo: Signal<ListenPath>;
  matchLoudness: Signal<boolean>;
  meter: Signal<Meter | null>;
}

const FADE_S = 0.01;
const REDUCED_MOTION_INTERVAL_MS = 250;

export const NO_WORKLET_MESSAGE =
  'This browser cannot run the compressor (it has no AudioWorklet), so the examples cannot play here. ' +
  'Everything else on the page still works; a current Firefox, Chrome or Safari can play them.';

export interface PlayerEngine {
  /** Call from the click/key handler itself: the AudioContext is resumed inside the gesture. */
  play(): Promise<void>;
  pause(): void;
  toggle(): Promise<void>;
  seek(positionS: number): void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

class Engine implements PlayerEngine {
  private ctx: AudioContext | null = null;
  private handle: CompressorNodeHandle | null = null;
  private master: GainNode | null = null;
  private source: AudioBufferSourceNode | null = null;
  private sourceClip: LoadedClip | null = null;
  private buffers = new WeakMap<LoadedClip, AudioBuffer>();
  private startedAtS = 0;
  private startOffsetS = 0;
  private lastWrittenS = 0;
  private lastWriteMs = 0;
  private frame = 0;
  private readonly stops: (() => void)[] = [];
  private graphPromise: Promise<void> | null = null;

  constructor(private readonly lab: PlayerLab) {
    this.lastWrittenS = lab.playheadS.value;
    this.stops.push(
      effect(() => {
        const params = lab.params.value;
        this.handle?.post({ type: 'params', params });
      }),
      effect(() => {
        const listenTo = lab.listenTo.value;
        this.handle?.post({ type: 'listen', listenTo });
      }),
      effect(() => {
        const gains = matchGainsDb(lab.loudness.value, lab.matchLoudness.value);
        this.handle?.post({ type: 'match', compressedDb: gains.compressedDb, removedDb: gains.removedDb });
      }),
      effect(() => {
        const loop = lab.loop.value;
        if (this.source && this.ctx) {
          this.reanchor();
          this.source.loop = loop;
        }
      }),
      effect(() => {
        const clip = lab.clip.value;
        if (this.source && clip && clip !== this.sourceClip)
          this.restartAt(clampSeek(lab.playheadS.peek(), clip.durationS));
        if (!clip && this.source) this.pause();
      }),
      effect(() => {
        const s = lab.playheadS.value;
        if (s !== this.lastWrittenS) {
          this.lastWrittenS = s;
          if (this.source) this.restartAt(s);
        }
      }),
    );
  }

  private writePlayhead(s: number): void {
    this.lastWrittenS = s;
    this.lab.playheadS.value = s;
  }

  private position(): number {
    const ctx = this.ctx;
    const clip = this.sourceClip;
    if (!ctx || !clip || !this.source) return this.lab.playheadS.peek();
    return positionAt(this.startOffsetS, ctx.currentTime - this.startedAtS, clip.durationS, this.source.loop);
  }

  private reanchor(): void {
    if (!this.ctx) return;
    this.startOffsetS = this.position();
    this.startedAtS = this.ctx.currentTime;
  }

  private ensureGraph(ctx: AudioContext): Promise<void> {
    if (!this.graphPromise) {
      const lab = this.lab;
      const gains = matchGainsDb(lab.loudness.peek(), lab.matchLoudness.peek());
      this.graphPromise = createCompressorNode(ctx, {
        params: lab.params.peek(),
        listenTo: lab.listenTo.peek(),
        compressedMatchDb: gains.compressedDb,
        removedMatchDb: gains.removedDb,
        onMeter: (m) => {
          if (this.source) lab.meter.value = { inputDb: m.inputDb, outputDb: m.outputDb, reductionDb: m.reductionDb };
        },
      }).then((handle) => {
        // iOS interrupts audio for calls and Siri: show "Play" again; the next Play (a gesture) resumes.
        ctx.addEventListener('statechange', () => {
          if ((ctx.state as string) === 'interrupted' && this.source) this.pause();
        });
        this.handle = handle;
        this.master = new GainNode(ctx, { gain: 0 });
        handle.node.connect(this.master).connect(ctx.destination);
      });
      this.graphPromise.catch(() => {
        this.graphPromise = null;
      });
    }
    return this.graphPromise;
  }

  private bufferOf(clip: LoadedClip): AudioBuffer {
    let buffer = this.buffers.get(clip);
    if (!buffer) {
      const frames = clip.channels[0]?.length ?? 0;
      buffer = new AudioBuffer({
        numberOfChannels: clip.channels.length,
        length: Math.max(1, frames),
        sampleRate: clip.sampleRate,
      });
      clip.channels.forEach((data, ch) => buffer?.copyToChannel(data as Float32Array<ArrayBuffer>, ch));
      this.buffers.set(clip, buffer);
    }
    return buffer;
  }

  async play(): Promise<void> {
    const lab = this.lab;
    if (this.source) return;
    if (!audioWorkletSupported()) {
      lab.error.value = NO_WORKLET_MESSAGE;
      return;
    }
    lab.playing.value = true;
    try {
      // Create and resume synchronously inside the gesture, before any await.
      const sampleRate = lab.clip.peek()?.sampleRate;
      const ctx = (this.ctx = getAudioContext(sampleRate));
      const resumed = resumeInGesture(sampleRate);
      const graph = this.ensureGraph(ctx);
      if (!(await resumed)) throw new Error('the browser did not allow audio to start');
      await graph;
      const clip = lab.clip.peek() ?? (await ensureClip(lab, lab.clipId.peek()));
      if (!clip || !lab.playing.peek() || this.source) {
        if (!clip) lab.playing.value = false;
        return;
      }
      this.startSource(ctx, clip, clampSeek(lab.playheadS.peek(), clip.durationS), ctx.currentTime);
    } catch (error) {
      lab.playing.value = false;
      lab.error.value = `Audio could not start: ${error instanceof Error ? error.message : String(error)}.`;
    }
  }

  private startSource(ctx: AudioContext, clip: LoadedClip, offsetS: number, whenS: number): void {
    const handle = this.handle;
    const master = this.master;
    if (!handle || !master) return;
    const source = new AudioBufferSourceNode(ctx, { buffer: this.bufferOf(clip), loop: this.lab.loop.peek() });
    source.connect(handle.node);
    source.start(whenS, offsetS);
    master.gain.cancelScheduledValues(whenS);
    master.gain.setValueAtTime(0, whenS);
    master.gain.linearRampToValueAtTime(1, whenS + FADE_S);
    source.onended = () => {
      source.disconnect();
      if (this.source !== source) return;
      this.source = null;
      this.lab.playing.value = false;
      this.writePlayhead(0);
      this.lab.meter.value = null;
    };
    this.source = source;
    this.sourceClip = clip;
    this.startedAtS = whenS;
    this.startOffsetS = offsetS;
    this.writePlayhead(offsetS);
    this.tick();
  }

  /** Fade out and stop the current source; returns the time at which silence is reached. */
  private stopSource(): number {
    const ctx = this.ctx;
    const source = this.source;
    const master = this.master;
    if (!ctx || !source || !master) return ctx?.currentTime ?? 0;
    this.source = null;
    const now = ctx.currentTime;
    master.gain.cancelScheduledValues(now);
    master.gain.setValueAtTime(master.gain.value, now);
    master.gain.linearRampToValueAtTime(0, now + FADE_S);
    source.stop(now + FADE_S + 0.002);
    return now + FADE_S + 0.002;
  }

  private restartAt(positionS: number): void {
    const ctx = this.ctx;
    const clip = this.lab.clip.peek();
    if (!ctx || !clip) return;
    const at = this.stopSource();
    this.startSource(ctx, clip, clampSeek(positionS, clip.durationS), at);
  }

  pause(): void {
    const lab = this.lab;
    lab.playing.value = false;
    if (!this.source) return;
    const position = this.position();
    this.stopSource();
    cancelAnimationFrame(this.frame);
    this.writePlayhead(position);
    lab.meter.value = null;
    setTimeout(() => {
      if (!this.lab.playing.peek()) void suspendQuietly();
    }, 60);
  }

  async toggle(): Promise<void> {
    if (this.lab.playing.peek()) this.pause();
    else await this.play();
  }

  seek(positionS: number): void {
    const clip = this.lab.clip.peek();
    const target = clip ? clampSeek(positionS, clip.durationS) : 0;
    if (this.source) this.restartAt(target);
    else this.writePlayhead(target);
  }

  private tick = (): void => {
    cancelAnimationFrame(this.frame);
    if (!this.source) return;
    const now = performance.now();
    if (!prefersReducedMotion() || now - this.lastWriteMs >= REDUCED_MOTION_INTERVAL_MS) {
      this.lastWriteMs = now;
      this.writePlayhead(this.position());
    }
    this.frame = requestAnimationFrame(this.tick);
  };

  dispose(): void {
    this.pause();
    for (const stop of this.stops) stop();
    this.handle?.dispose();
    this.master?.disconnect();
    this.handle = null;
    this.master = null;
    this.graphPromise = null;
  }
}

const engines = new WeakMap<PlayerLab, { engine: Engine; count: number }>();

/** The lab's player engine; call the returned release() on unmount. */
export function acquireEngine(lab: PlayerLab): { engine: PlayerEngine; release: () => void } {
  let entry = engines.get(lab);
  if (!entry) {
    entry = { engine: new Engine(lab), count: 0 };
    engines.set(lab, entry);
  }
  entry.count++;
  const held = entry;
  let released = false;
  return {
    engine: held.engine,
    release: () => {
      if (released) return;
      released = true;
      held.count--;
      if (held.count <= 0) {
        held.engine.dispose();
        engines.delete(lab);
      }
    },
  };
}

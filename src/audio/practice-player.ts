/**
 * Blind A/B/C playback for the practice drills: every alternative is a prepared buffer (an offline render of the
 * same excerpt), all started together on one clock and looped, each through its own gain. Only the chosen one is
 * audible; switching crossfades over 20 ms on the shared playhead, so the learner compares the same moment and
 * nothing clicks. Each alternative's loudness-matching gain is applied in its gain node.
 *
 *   buffer 0 ─► source ─► gain (match · selected) ─┐
 *   buffer 1 ─► source ─► gain (match · selected) ─┼─► master (10 ms fade in/out) ─► speakers
 *   buffer 2 ─► source ─► gain (match · selected) ─┘
 *
 * Nothing is created before the first play (a user gesture).
 */
import { dbToGain } from '../dsp/levels';
import { getAudioContext, resumeInGesture, suspendQuietly } from './context';

const CROSSFADE_S = 0.02;
const FADE_S = 0.01;

export interface PracticeTrack {
  channels: readonly Float32Array[];
  gainDb: number;
}

/** Every practice player on the page: starting one stops the others (one sound at a time). */
const players = new Set<PracticePlayer>();

export class PracticePlayer {
  private ctx: AudioContext | null = null;
  private master: GainNode | null = null;
  private sources: AudioBufferSourceNode[] = [];
  private gains: GainNode[] = [];
  private tracks: readonly PracticeTrack[] = [];
  private sampleRate = 48000;
  private selected = 0;

  /** `onPlaying` hears when playback starts and when it stops. */
  constructor(private readonly onPlaying?: (playing: boolean) => void) {}

  /** The alternatives to play from now on; stops whatever is playing. */
  load(tracks: readonly PracticeTrack[], sampleRate: number): void {
    this.stop();
    this.tracks = tracks;
    this.sampleRate = sampleRate;
  }

  get playing(): boolean {
    return this.sources.length > 0;
  }

  /** Plays alternative `index` (from a user gesture): starts all of them if stopped, else crossfades to it. */
  async play(index: number): Promise<void> {
    this.selected = index;
    if (this.playing) {
      this.crossfade();
      return;
    }
    players.add(this);
    for (const other of players) if (other !== this) other.stop();
    const ctx = (this.ctx = getAudioContext(this.sampleRate));
    if (!(await resumeInGesture(this.sampleRate))) throw new Error('the browser did not allow audio to start');
    if (this.playing || this.tracks.length === 0) return;
    const master = (this.master ??= new GainNode(ctx, { gain: 0 }));
    master.connect(ctx.destination);
    const when = ctx.currentTime + 0.005;
    this.gains = this.tracks.map((track, i) => {
      const g = new GainNode(ctx, { gain: i === this.selected ? dbToGain(track.gainDb) : 0 });
      g.connect(master);
      return g;
    });
    this.sources = this.tracks.map((track, i) => {
      const frames = Math.max(1, track.channels[0]?.length ?? 0);
      const buffer = new AudioBuffer({
        numberOfChannels: track.channels.length,
        length: frames,
        sampleRate: this.sampleRate,
      });
      track.channels.forEach((data, ch) => buffer.copyToChannel(data as Float32Array<ArrayBuffer>, ch));
      const source = new AudioBufferSourceNode(ctx, { buffer, loop: true });
      source.connect(this.gains[i] as GainNode);
      source.start(when);
      return source;
    });
    master.gain.cancelScheduledValues(when);
    master.gain.setValueAtTime(0, when);
    master.gain.linearRampToValueAtTime(1, when + FADE_S);
    this.onPlaying?.(true);
  }

  private crossfade(): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const now = ctx.currentTime;
    this.gains.forEach((g, i) => {
      const target = i === this.selected ? dbToGain(this.tracks[i]?.gainDb ?? 0) : 0;
      g.gain.cancelScheduledValues(now);
      g.gain.setValueAtTime(g.gain.value, now);
      // Equal-gain (linear) crossfade: the alternatives are the same excerpt, strongly correlated.
      g.gain.linearRampToValueAtTime(target, now + CROSSFADE_S);
    });
  }

  /** Which alternative is audible (meaningful while playing). */
  get current(): number {
    return this.selected;
  }

  stop(): void {
    const ctx = this.ctx;
    const master = this.master;
    if (!ctx || !master || !this.playing) return;
    const now = ctx.currentTime;
    master.gain.cancelScheduledValues(now);
    master.gain.setValueAtTime(master.gain.value, now);
    master.gain.linearRampToValueAtTime(0, now + FADE_S);
    const sources = this.sources;
    const gains = this.gains;
    this.sources = [];
    this.gains = [];
    this.onPlaying?.(false);
    for (const s of sources) {
      s.stop(now + FADE_S + 0.002);
      s.onended = () => s.disconnect();
    }
    setTimeout(() => {
      for (const g of gains) g.disconnect();
      if (![...players].some((p) => p.playing)) void suspendQuietly();
    }, 60);
  }

  dispose(): void {
    this.stop();
    this.master?.disconnect();
    this.master = null;
    players.delete(this);
  }
}

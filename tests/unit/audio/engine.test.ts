/**
 * The player engine (src/audio/engine.ts) in Node with fakes for what the browser provides: the AudioContext and
 * the compressor worklet node are replaced by recording stand-ins, the Web Audio node constructors by small
 * classes. What is checked is what the engine does with the lab's signals, not how a browser sounds.
 */
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LoadedClip } from '../../../src/audio/clips';
import type { CompressorNodeOptions } from '../../../src/audio/compressor-node';
import type { PlayerLab } from '../../../src/audio/engine';
import { matchGainsDb } from '../../../src/audio/matching';
import type { ToProcessor } from '../../../src/audio/worklet-protocol';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';

const fake = vi.hoisted(() => ({
  workletSupported: true,
  ctx: { currentTime: 0, state: 'running', destination: {}, addEventListener: () => undefined },
  created: [] as unknown[],
  posted: [] as unknown[],
  disposed: 0,
}));

vi.mock('../../../src/audio/context', () => ({
  audioWorkletSupported: () => fake.workletSupported,
  getAudioContext: () => fake.ctx,
  resumeInGesture: () => Promise.resolve(true),
  suspendQuietly: () => Promise.resolve(),
}));

vi.mock('../../../src/audio/compressor-node', () => ({
  createCompressorNode: (_ctx: unknown, options: unknown) => {
    fake.created.push(options);
    return Promise.resolve({
      node: { connect: (next: unknown) => next },
      post: (message: unknown) => fake.posted.push(message),
      dispose: () => fake.disposed++,
    });
  },
}));

class FakeParam {
  value: number;
  readonly events: [string, number, number][] = [];
  constructor(value: number) {
    this.value = value;
  }
  cancelScheduledValues(at: number): void {
    this.events.push(['cancel', this.value, at]);
  }
  setValueAtTime(value: number, at: number): void {
    this.events.push(['set', value, at]);
  }
  linearRampToValueAtTime(value: number, at: number): void {
    this.events.push(['ramp', value, at]);
  }
}

const gains: FakeGain[] = [];
class FakeGain {
  readonly gain: FakeParam;
  constructor(_ctx: unknown, options?: { gain?: number }) {
    this.gain = new FakeParam(options?.gain ?? 1);
    gains.push(this);
  }
  connect<T>(next: T): T {
    return next;
  }
  connected = true;
  disconnect(): void {
    this.connected = false;
  }
}

const sources: FakeSource[] = [];
class FakeSource {
  readonly buffer: FakeBuffer;
  loop: boolean;
  started: { when: number; offset: number } | null = null;
  stoppedAt: number | null = null;
  onended: (() => void) | null = null;
  constructor(_ctx: unknown, options: { buffer: FakeBuffer; loop: boolean }) {
    this.buffer = options.buffer;
    this.loop = options.loop;
    sources.push(this);
  }
  connected = false;
  connect(): void {
    this.connected = true;
  }
  disconnect(): void {
    this.connected = false;
  }
  start(when: number, offset: number): void {
    this.started = { when, offset };
  }
  stop(when: number): void {
    this.stoppedAt = when;
  }
}

class FakeBuffer {
  readonly numberOfChannels: number;
  readonly length: number;
  readonly sampleRate: number;
  constructor(options: { numberOfChannels: number; length: number; sampleRate: number }) {
    ({ numberOfChannels: this.numberOfChannels, length: this.length, sampleRate: this.sampleRate } = options);
  }
  readonly copied: number[] = [];
  copyToChannel(_data: Float32Array, channel: number): void {
    this.copied.push(channel);
  }
}

const { acquireEngine, NO_WORKLET_MESSAGE } = await import('../../../src/audio/engine');

function clip(durationS: number): LoadedClip {
  const channels = [new Float32Array(durationS * 1000), new Float32Array(durationS * 1000)];
  return { id: 'drums', title: 'Drums', sampleRate: 1000, channels, durationS };
}

function playerLab(): PlayerLab {
  return {
    clipId: signal('drums'),
    clip: signal<LoadedClip | null>(clip(10)),
    loading: signal(null),
    error: signal<string | null>(null),
    params: signal({ ...DEFAULT_PARAMS }),
    loudness: signal(null),
    playheadS: signal(0),
    playing: signal(false),
    loop: signal(true),
    listenTo: signal('compressed' as const),
    matchLoudness: signal(true),
    meter: signal(null),
  };
}

const messages = (type: ToProcessor['type']) =>
  (fake.posted as ToProcessor[]).filter((message) => message.type === type);

beforeEach(() => {
  fake.workletSupported = true;
  fake.ctx.currentTime = 0;
  fake.created.length = 0;
  fake.posted.length = 0;
  fake.disposed = 0;
  sources.length = 0;
  gains.length = 0;
  vi.stubGlobal('GainNode', FakeGain);
  vi.stubGlobal('AudioBufferSourceNode', FakeSource);
  vi.stubGlobal('AudioBuffer', FakeBuffer);
  vi.stubGlobal('requestAnimationFrame', () => 1);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('player engine', () => {
  it('creates nothing before Play, and says so when the browser has no AudioWorklet', async () => {
    const lab = playerLab();
    const { engine, release } = acquireEngine(lab);
    lab.params.value = { ...lab.params.value, ratio: 8 };
    expect(fake.created).toEqual([]);
    fake.workletSupported = false;
    await engine.play();
    expect(lab.error.value).toBe(NO_WORKLET_MESSAGE);
    expect(lab.playing.value).toBe(false);
    expect(fake.created).toEqual([]);
    release();
  });

  it('plays from the shared playhead through a worklet made with the lab’s settings, fading in', async () => {
    const lab = playerLab();
    lab.playheadS.value = 1.5;
    lab.listenTo.value = 'removed';
    lab.loudness.value = { originalLufs: -24, compressedLufs: -28, removedLufs: -40 };
    const { engine, release } = acquireEngine(lab);
    await engine.play();
    expect(lab.playing.value).toBe(true);
    const [options] = fake.created as CompressorNodeOptions[];
    const expected = matchGainsDb(lab.loudness.value, true);
    expect(options).toMatchObject({
      params: lab.params.value,
      listenTo: 'removed',
      compressedMatchDb: expected.compressedDb,
      removedMatchDb: expected.removedDb,
    });
    expect(sources).toHaveLength(1);
    expect(sources[0]?.started).toEqual({ when: 0, offset: 1.5 });
    expect(sources[0]?.loop).toBe(true);
    expect(sources[0]?.buffer.numberOfChannels).toBe(2);
    expect(sources[0]?.buffer.copied).toEqual([0, 1]);
    expect(sources[0]?.connected).toBe(true);
    expect(gains[0]?.gain.events).toEqual([
      ['cancel', 0, 0],
      ['set', 0, 0],
      ['ramp', 1, 0.01],
    ]);
    release();
  });

  it('sends setting, listening and matching changes to the playing worklet without restarting the sound', async () => {
    const lab = playerLab();
    const { engine, release } = acquireEngine(lab);
    await engine.play();
    fake.posted.length = 0;
    lab.params.value = { ...lab.params.value, thresholdDb: -33 };
    lab.listenTo.value = 'original';
    lab.loudness.value = { originalLufs: -20, compressedLufs: -26, removedLufs: -35 };
    lab.matchLoudness.value = false;
    expect(messages('params')).toEqual([{ type: 'params', params: lab.params.value }]);
    expect(messages('listen')).toEqual([{ type: 'listen', listenTo: 'original' }]);
    expect(messages('match')).toEqual([
      { type: 'match', compressedDb: 6, removedDb: 15 },
      { type: 'match', compressedDb: 0, removedDb: 0 },
    ]);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.stoppedAt).toBeNull();
    release();
  });

  it('seeks by restarting at the new place, and pauses where the audio clock says', async () => {
    const lab = playerLab();
    const { engine, release } = acquireEngine(lab);
    await engine.play();
    fake.ctx.currentTime = 2;
    engine.seek(7);
    expect(sources[0]?.stoppedAt).toBeCloseTo(2.012, 9); // after the 10 ms fade out
    expect(sources[1]?.started).toEqual({ when: sources[0]?.stoppedAt, offset: 7 });
    expect(lab.playheadS.value).toBe(7);
    // A write to the shared playhead by anyone else (a plot, the keyboard) is a seek too.
    lab.playheadS.value = 3;
    expect(sources[2]?.started?.offset).toBe(3);
    fake.ctx.currentTime = 2.012 + 0.5;
    engine.pause();
    expect(lab.playing.value).toBe(false);
    expect(lab.playheadS.value).toBeCloseTo(3.5, 9);
    expect(sources[2]?.stoppedAt).not.toBeNull();
    engine.seek(-4);
    expect(lab.playheadS.value).toBe(0); // clamped into the clip while paused, nothing started
    engine.seek(99);
    expect(lab.playheadS.value).toBe(0); // past the end: from the start (clampSeek)
    expect(sources).toHaveLength(3);
    release();
  });

  it('shows the meter only while playing and resets when the clip ends', async () => {
    const lab = playerLab();
    const { engine, release } = acquireEngine(lab);
    await engine.play();
    const [options] = fake.created as CompressorNodeOptions[];
    options?.onMeter?.({ type: 'meter', inputDb: -12, outputDb: -15, reductionDb: 3, frame: 4800 });
    expect(lab.meter.value).toEqual({ inputDb: -12, outputDb: -15, reductionDb: 3 });
    lab.loop.value = false;
    sources[0]?.onended?.();
    expect(sources[0]?.connected).toBe(false);
    expect(lab.playing.value).toBe(false);
    expect(lab.playheadS.value).toBe(0);
    expect(lab.meter.value).toBeNull();
    release();
  });

  it('is one engine per lab, disposed with the last release', async () => {
    const lab = playerLab();
    const a = acquireEngine(lab);
    const b = acquireEngine(lab);
    expect(b.engine).toBe(a.engine);
    await a.engine.play();
    a.release();
    expect(fake.disposed).toBe(0);
    b.release();
    expect(fake.disposed).toBe(1);
    expect(gains[0]?.connected).toBe(false);
    expect(acquireEngine(lab).engine).not.toBe(a.engine);
  });
});

/**
 * The page's side of the render Workers (src/state/render-client.ts) with a fake Worker: a clip's first render
 * asks the render Worker for what the page would otherwise make on its main thread (the measured transfer, the
 * loudness Worker's copy of the output and of the clip), the loudness job then transfers those copies instead of
 * copying, and later renders of the clip ask for none of it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addSpareCopies, hasSpareCopy, type LoadedClip } from '../../../src/audio/clips';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import type { FromRenderWorker, ToRenderWorker } from '../../../src/state/render-protocol';
import type { MeasuredBin } from '../../../src/state/measured-transfer';
import type { BlockSummary } from '../../../src/state/block-summary';
import { silentRender } from '../support/silent-render';

interface Posted {
  worker: string;
  message: ToRenderWorker;
  transfer: Transferable[];
}

let posted: Posted[];
let workers: FakeWorker[];

class FakeWorker {
  onmessage: ((event: MessageEvent<FromRenderWorker>) => void) | null = null;
  readonly name: string;
  constructor(_url: string, options: { name: string }) {
    this.name = options.name;
    workers.push(this);
  }
  postMessage(message: ToRenderWorker, transfer: Transferable[] = []): void {
    posted.push({ worker: this.name, message, transfer });
  }
  reply(message: FromRenderWorker): void {
    this.onmessage?.({ data: message } as MessageEvent<FromRenderWorker>);
  }
  terminate(): void {
    this.onmessage = null;
  }
}

const FRAMES = 480;

function clip(id: string): LoadedClip {
  const channels = [new Float32Array(FRAMES).fill(0.5), new Float32Array(FRAMES).fill(-0.25)];
  return { id, title: id, sampleRate: 48_000, channels, durationS: FRAMES / 48_000 };
}

const summary = (): BlockSummary => ({ block: 64, length: FRAMES, min: new Float32Array(8), max: new Float32Array(8) });
const summaries = () => ({
  output: [summary(), summary()],
  detectorDb: summary(),
  targetReductionDb: summary(),
  appliedReductionDb: summary(),
});

const renderer = () => workers.find((w) => w.name === 'compressor-lab-render') as FakeWorker;
const meter = () => workers.find((w) => w.name === 'compressor-lab-loudness') as FakeWorker;
const sentTo = (name: string) => posted.filter((p) => p.worker === name);
const lastRequest = () => {
  const request = sentTo('compressor-lab-render').findLast((p) => p.message.type === 'render')?.message;
  if (request?.type !== 'render') throw new Error('no render request');
  return request;
};

beforeEach(() => {
  posted = [];
  workers = [];
  vi.stubGlobal('Worker', FakeWorker);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('render client', () => {
  it("a clip's first render asks the render Worker for its transfer and the loudness copies; the loudness job transfers them", async () => {
    const { makeRunners } = await import('../../../src/state/render-client');
    const runners = makeRunners();
    const drums = clip('drums');
    const pending = runners.render(drums, DEFAULT_PARAMS);
    const first = lastRequest();
    expect(first).toMatchObject({ transfer: true, meterCopy: true, clipCopy: true });
    // The clip itself went over once, as a copy (the page keeps its own arrays).
    const clipMessage = sentTo('compressor-lab-render').find((p) => p.message.type === 'clip')?.message;
    if (clipMessage?.type !== 'clip') throw new Error('no clip sent');
    expect(clipMessage.channels).toEqual(drums.channels);
    expect(clipMessage.channels[0]).not.toBe(drums.channels[0]);

    const render = silentRender(FRAMES);
    const meterCopy = render.output.map((ch) => ch.slice());
    const clipCopy = drums.channels.map((ch) => ch.slice());
    const transfer: MeasuredBin[] = [{ inDb: -6.5, minOutDb: -9, medianOutDb: -8, maxOutDb: -7, blocks: 3 }];
    renderer().reply({
      type: 'render',
      seq: first.seq,
      render,
      summaries: summaries(),
      workMs: 1,
      renderMs: 1,
      transfer,
      meterCopy,
      clipCopy,
    });
    expect(await pending).toBe(render);
    expect(hasSpareCopy(drums)).toBe(true);
    // The loudness Worker starts with the first loudness job, not with the page.
    expect(workers.map((w) => w.name)).toEqual(['compressor-lab-render']);

    const loudness = runners.loudness(drums, render);
    const toMeter = sentTo('compressor-lab-loudness');
    const sentClip = toMeter.find((p) => p.message.type === 'clip');
    const job = toMeter.find((p) => p.message.type === 'loudness');
    if (sentClip?.message.type !== 'clip' || job?.message.type !== 'loudness') throw new Error('no loudness job');
    // The copies made in the render Worker, transferred as they are: the page copied nothing.
    expect(sentClip.message.channels).toBe(clipCopy);
    expect(sentClip.transfer).toEqual(clipCopy.map((c) => c.buffer));
    expect(job.message.compressed).toBe(meterCopy);
    expect(job.transfer).toEqual(meterCopy.map((c) => c.buffer));
    expect(hasSpareCopy(drums)).toBe(false);
    meter().reply({
      type: 'loudness',
      seq: job.message.seq,
      loudness: { originalLufs: -24, compressedLufs: -26, removedLufs: -35 },
      workMs: 1,
    });
    await expect(loudness).resolves.toEqual({ originalLufs: -24, compressedLufs: -26, removedLufs: -35 });

    // The next render of the clip (a drag's step) asks for none of it.
    const unanswered = runners.render(drums, { ...DEFAULT_PARAMS, thresholdDb: -30 });
    const next = lastRequest();
    expect(next.transfer).toBeUndefined();
    expect(next.meterCopy).toBeUndefined();
    expect(next.clipCopy).toBeUndefined();
    runners.dispose();
    await expect(unanswered).rejects.toThrow('disconnected');
  });

  it('a clip that brought spare copies (a learner’s file) is not copied again for the loudness Worker', async () => {
    const { makeRunners } = await import('../../../src/state/render-client');
    const runners = makeRunners();
    const own = clip('own');
    addSpareCopies(own, [own.channels.map((ch) => ch.slice()), own.channels.map((ch) => ch.slice())]);
    const unanswered = runners.render(own, DEFAULT_PARAMS);
    const first = lastRequest();
    expect(first).toMatchObject({ transfer: true, meterCopy: true });
    expect(first.clipCopy).toBeUndefined();
    // The render Worker took one spare; the other waits for the loudness Worker.
    expect(hasSpareCopy(own)).toBe(true);
    runners.dispose();
    await expect(unanswered).rejects.toThrow('disconnected');
  });
});

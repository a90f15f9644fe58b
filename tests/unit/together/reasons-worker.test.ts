/**
 * The Reasons Worker's pure side (src/widgets/Reasons/reasons-protocol.ts, reasons-client.ts): the handler gives
 * the same four measures as shared/reasons.ts on the main thread; the client sends the original once per clip,
 * transfers copies (never the page's own arrays), runs one job at a time, keeps only the newest waiting, and drops
 * the answers of stale jobs (their promises resolve with null).
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit } from '../../../src/dsp/signals';
import type { OfflineRender } from '../../../src/dsp/types';
import { reasonsBeforeAfter } from '../../../src/widgets/shared/reasons';
import {
  reasonsHandler,
  type FromReasonsWorker,
  type ToReasonsWorker,
} from '../../../src/widgets/Reasons/reasons-protocol';
import { inlinePort, ReasonsClient, type ReasonsPort } from '../../../src/widgets/Reasons/reasons-client';

const fs = 48000;

function hits(seed: number): Float32Array[] {
  const x = new Float32Array(fs);
  for (let k = 0; k < 4; k++)
    x.set(drumHit({ sampleRate: fs, peakDb: -6, durationS: 0.2, seed: seed + k }), k * 0.25 * fs);
  return [x];
}

function clipOf(seed: number) {
  return { channels: hits(seed), sampleRate: fs };
}

function renderOf(channels: Float32Array[], ratio: number): OfflineRender {
  return renderOffline(channels, fs, { ...DEFAULT_PARAMS, thresholdDb: -30, ratio });
}

/** A Worker stand-in: keeps what was posted, answers when told, through the real handler. */
class FakePort implements ReasonsPort {
  onmessage: ((event: MessageEvent<FromReasonsWorker>) => void) | null = null;
  readonly posted: { message: ToReasonsWorker; transfer: Transferable[] }[] = [];
  private readonly handle = reasonsHandler();
  private answered = 0;
  terminated = false;
  postMessage(message: ToReasonsWorker, transfer: Transferable[]): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Handles every message not handled yet and posts the replies back. */
  answerAll(): void {
    while (this.answered < this.posted.length) {
      const { message } = this.posted[this.answered++] as { message: ToReasonsWorker };
      const reply = this.handle(message);
      if (reply) this.onmessage?.({ data: reply } as MessageEvent<FromReasonsWorker>);
    }
  }
  types(): string[] {
    return this.posted.map((p) => p.message.type);
  }
}

describe('reasonsHandler', () => {
  it('measures as shared/reasons.ts does on the main thread', () => {
    const clip = clipOf(1);
    const render = renderOf(clip.channels, 4);
    const handle = reasonsHandler();
    const clipMsg = {
      type: 'clip',
      clipKey: 7,
      sampleRate: fs,
      channels: clip.channels.map((c) => c.slice()),
      detectorDb: render.detectorDb.slice(),
    } as const;
    expect(handle(clipMsg)).toBeNull();
    const reply = handle({ type: 'measure', seq: 3, clipKey: 7, output: render.output.map((c) => c.slice()) });
    expect(reply).toEqual({ type: 'measured', seq: 3, result: reasonsBeforeAfter(clip.channels, render) });
  });

  it('answers a measure for a clip it was not sent with an error', () => {
    const reply = reasonsHandler()({ type: 'measure', seq: 1, clipKey: 2, output: [new Float32Array(8)] });
    expect(reply).toEqual({ type: 'error', seq: 1, message: 'the clip to measure against was not sent' });
  });
});

describe('ReasonsClient', () => {
  it('sends the clip once, transfers copies, and resolves with the measures', async () => {
    const port = new FakePort();
    const client = new ReasonsClient(port);
    const clip = clipOf(2);
    const a = renderOf(clip.channels, 2);
    const first = client.measure(clip, a);
    expect(port.types()).toEqual(['clip', 'measure']);
    const sent = port.posted.flatMap((p) => p.transfer);
    for (const own of [...clip.channels, ...a.output, a.detectorDb]) expect(sent).not.toContain(own.buffer);
    expect(sent).toHaveLength(clip.channels.length + 1 + a.output.length);
    port.answerAll();
    expect(await first).toEqual(reasonsBeforeAfter(clip.channels, a));

    const b = renderOf(clip.channels, 8);
    const second = client.measure(clip, b);
    expect(port.types()).toEqual(['clip', 'measure', 'measure']);
    port.answerAll();
    expect(await second).toEqual(reasonsBeforeAfter(clip.channels, b));

    const other = clipOf(9);
    void client.measure(other, renderOf(other.channels, 4));
    expect(port.types().slice(3)).toEqual(['clip', 'measure']);
  });

  it('runs one job at a time, keeps only the newest waiting and drops stale answers', async () => {
    const port = new FakePort();
    const client = new ReasonsClient(port);
    const clip = clipOf(3);
    const renders = [2, 4, 8].map((r) => renderOf(clip.channels, r));
    const [r0, r1, r2] = renders as [OfflineRender, OfflineRender, OfflineRender];
    const running = client.measure(clip, r0);
    const waiting = client.measure(clip, r1);
    const newest = client.measure(clip, r2);
    // Only the first job went to the Worker; the two later calls made the ones before them stale.
    expect(port.types()).toEqual(['clip', 'measure']);
    expect(await running).toBeNull();
    expect(await waiting).toBeNull();
    port.answerAll();
    // The stale answer came back; the newest job is sent only now.
    expect(port.types()).toEqual(['clip', 'measure', 'measure']);
    port.answerAll();
    expect(await newest).toEqual(reasonsBeforeAfter(clip.channels, r2));
  });

  it('cancel() makes the running job stale; an error reply rejects', async () => {
    const port = new FakePort();
    const client = new ReasonsClient(port);
    const clip = clipOf(4);
    const job = client.measure(clip, renderOf(clip.channels, 4));
    client.cancel();
    expect(await job).toBeNull();
    port.answerAll();
    const failing = client.measure(clip, renderOf(clip.channels, 4));
    const last = port.posted[port.posted.length - 1]?.message;
    if (last?.type !== 'measure') throw new Error('expected a measure job');
    port.onmessage?.({
      data: { type: 'error', seq: last.seq, message: 'out of memory' },
    } as MessageEvent<FromReasonsWorker>);
    await expect(failing).rejects.toThrow('out of memory');
    client.dispose();
    expect(port.terminated).toBe(true);
  });

  it('gives the same measures through the inline port (no Workers)', async () => {
    const clip = clipOf(5);
    const render = renderOf(clip.channels, 6);
    const client = new ReasonsClient(inlinePort());
    expect(await client.measure(clip, render)).toEqual(reasonsBeforeAfter(clip.channels, render));
    client.dispose();
  });
});

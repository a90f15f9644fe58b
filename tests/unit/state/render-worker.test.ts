/**
 * The render Worker's message handling (src/state/render.worker.ts), run in Node: the module is loaded with a fake
 * worker scope as `self`, messages go in through its onmessage and replies are collected from its postMessage.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { sine } from '../../../src/dsp/signals';
import type { CompressorParams } from '../../../src/dsp/types';
import { measureLoudness } from '../../../src/state/render-job';
import { summarize } from '../../../src/state/block-summary';
import { attachMeasuredTransfer, measuredTransfer } from '../../../src/state/measured-transfer';
import type * as RenderSteps from '../../../src/state/render-steps';
import type { FromRenderWorker, ToRenderWorker } from '../../../src/state/render-protocol';

const FS = 48_000;

interface FakeScope {
  onmessage: ((event: { data: ToRenderWorker }) => void) | null;
  postMessage(message: FromRenderWorker, transfer?: Transferable[]): void;
}

let replies: { message: FromRenderWorker; transfer: Transferable[] }[];
let scope: FakeScope;
/** Every render the worker starts (render-steps.ts's summarizedSteps, observed). */
let rendersStarted: CompressorParams[];

function send(message: ToRenderWorker): void {
  if (!scope.onmessage) throw new Error('the worker did not install onmessage');
  scope.onmessage({ data: message });
}

/** Channels of a fresh stereo test clip (the worker takes ownership of what it is sent). */
function clipChannels(): Float32Array[] {
  const left = sine({ sampleRate: FS, frequencyHz: 220, peakDb: -6, durationS: 0.25 });
  const right = sine({ sampleRate: FS, frequencyHz: 330, peakDb: -12, durationS: 0.25 });
  return [left, right];
}

/**
 * A MessageChannel whose messages are delivered only by run(n) (for a worker imported after this): the render
 * Worker's work ahead then advances one step per tick, by hand.
 */
function manualTicks(): { run(n: number): void } {
  let pending = 0;
  const port1: { onmessage: ((event: { data: null }) => void) | null } = { onmessage: null };
  class ManualChannel {
    port1 = port1;
    port2 = { postMessage: () => void pending++ };
  }
  vi.stubGlobal('MessageChannel', ManualChannel);
  return {
    run(n: number) {
      for (let i = 0; i < n && pending > 0; i++) {
        pending--;
        port1.onmessage?.({ data: null });
      }
    },
  };
}

/** Lets the worker's MessageChannel ticks (its work ahead) run. */
async function idle(tasks = 200): Promise<void> {
  for (let i = 0; i < tasks; i++) await new Promise((resolve) => setImmediate(resolve));
}

beforeEach(async () => {
  replies = [];
  scope = {
    onmessage: null,
    postMessage: (message, transfer = []) => replies.push({ message, transfer }),
  };
  rendersStarted = [];
  vi.stubGlobal('self', scope);
  vi.resetModules();
  vi.doMock('../../../src/state/render-steps', async (importOriginal) => {
    const actual = await importOriginal<typeof RenderSteps>();
    return {
      ...actual,
      summarizedSteps: (...args: Parameters<typeof actual.summarizedSteps>) => {
        rendersStarted.push(args[2]);
        return actual.summarizedSteps(...args);
      },
    };
  });
  await import('../../../src/state/render.worker');
});

afterEach(async () => {
  // Let work ahead still queued finish, so it is not counted in the next test.
  await idle();
  scope.onmessage = null;
  vi.doUnmock('../../../src/state/render-steps');
  vi.unstubAllGlobals();
});

describe('render worker', () => {
  const params: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -24, ratio: 6, attackMs: 2 };

  it('answers a render request with the render renderOffline makes, its summaries, and transfers the buffers', () => {
    send({ type: 'clip', clipKey: 1, sampleRate: FS, channels: clipChannels() });
    send({ type: 'render', seq: 7, clipKey: 1, params });
    expect(replies).toHaveLength(1);
    const [{ message, transfer }] = replies as [(typeof replies)[number]];
    if (message.type !== 'render') throw new Error(`expected a render, got ${message.type}`);
    expect(message.seq).toBe(7);
    const expected = renderOffline(clipChannels(), FS, params);
    expect(message.render.output).toEqual(expected.output);
    expect(message.render.appliedReductionDb).toEqual(expected.appliedReductionDb);
    expect(message.summaries.output).toHaveLength(2);
    expect(message.summaries.appliedReductionDb.length).toBe(expected.appliedReductionDb.length);
    expect(transfer).toContain(message.render.output[0]?.buffer);
    expect(transfer).toContain(message.summaries.detectorDb.min.buffer);
    // Rendered on request, a short clip's measured transfer is left to the main thread (a few ms there, and the
    // render arrives sooner); one made ahead brings it (below).
    expect(message.transfer).toBeUndefined();
  });

  it('writes the next render into buffers the page gave back, with the same values as fresh ones', () => {
    send({ type: 'clip', clipKey: 1, sampleRate: FS, channels: clipChannels() });
    send({ type: 'render', seq: 1, clipKey: 1, params });
    const first = replies[0]?.message;
    if (first?.type !== 'render') throw new Error('expected a render');
    const r = first.render;
    const buffers = [...r.output, r.detectorDb, r.targetReductionDb, r.appliedReductionDb].map(
      (a) => a.buffer as ArrayBuffer,
    );
    send({ type: 'reuse', buffers });
    const next = { ...params, thresholdDb: -40 };
    send({ type: 'render', seq: 2, clipKey: 1, params: next });
    const second = replies[1]?.message;
    if (second?.type !== 'render') throw new Error('expected a render');
    const s2 = second.render;
    const arrays = [...s2.output, s2.detectorDb, s2.targetReductionDb, s2.appliedReductionDb];
    expect(new Set(arrays.map((a) => a.buffer))).toEqual(new Set(buffers));
    const expected = renderOffline(clipChannels(), FS, next);
    expect(s2.output).toEqual(expected.output);
    expect(s2.detectorDb).toEqual(expected.detectorDb);
    expect(s2.targetReductionDb).toEqual(expected.targetReductionDb);
    expect(s2.appliedReductionDb).toEqual(expected.appliedReductionDb);
  });

  it('sends the measured transfer of a long clip with the render, computed by the function the curve would call', () => {
    // 46 s of stereo: just over the worker's long-render size.
    const long = (): Float32Array[] =>
      [220, 330].map((frequencyHz) => sine({ sampleRate: FS, frequencyHz, peakDb: -6, durationS: 46 }));
    send({ type: 'clip', clipKey: 5, sampleRate: FS, channels: long() });
    send({ type: 'render', seq: 1, clipKey: 5, params });
    const [{ message }] = replies as [(typeof replies)[number]];
    if (message.type !== 'render') throw new Error(`expected a render, got ${message.type}`);
    expect(message.transfer?.length).toBeGreaterThan(0);
    expect(message.transfer).toEqual(measuredTransfer(long(), renderOffline(long(), FS, params)));
  });

  it('measures loudness of a render against the clip it holds', () => {
    send({ type: 'clip', clipKey: 2, sampleRate: FS, channels: clipChannels() });
    const compressed = renderOffline(clipChannels(), FS, params).output;
    send({ type: 'loudness', seq: 3, clipKey: 2, compressed, makeupDb: 0 });
    const [{ message }] = replies as [(typeof replies)[number]];
    if (message.type !== 'loudness') throw new Error(`expected loudness, got ${message.type}`);
    expect(message.seq).toBe(3);
    const channels = clipChannels();
    expect(message.loudness).toEqual(measureLoudness(channels, compressed, FS, 0, integratedLoudness(channels, FS)));
  });

  it('reports a request for a clip it no longer holds as an error with the same seq', () => {
    send({ type: 'clip', clipKey: 1, sampleRate: FS, channels: clipChannels() });
    send({ type: 'clip', clipKey: 2, sampleRate: FS, channels: clipChannels() });
    send({ type: 'forget', clipKey: 1 });
    send({ type: 'render', seq: 4, clipKey: 1, params });
    expect(replies.map((r) => r.message)).toEqual([
      { type: 'error', seq: 4, message: 'the clip changed before it could be rendered' },
    ]);
    // Work ahead for a stale clip is dropped silently: nobody waits for it.
    send({ type: 'ahead', clipKey: 1, params: [params] });
    expect(replies).toHaveLength(1);
  });

  it('renders predicted settings ahead while idle; asking for them gives the same render', async () => {
    send({ type: 'clip', clipKey: 5, sampleRate: FS, channels: clipChannels() });
    const next = { ...params, thresholdDb: -25 };
    send({ type: 'ahead', clipKey: 5, params: [next] });
    expect(replies).toHaveLength(0);
    await idle();
    expect(rendersStarted).toEqual([next]);
    send({ type: 'render', seq: 1, clipKey: 5, params: next });
    // Answered with the render made ahead: no new render started.
    expect(rendersStarted).toEqual([next]);
    const [{ message }] = replies as [(typeof replies)[number]];
    if (message.type !== 'render') throw new Error(`expected a render, got ${message.type}`);
    expect(message.render.output).toEqual(renderOffline(clipChannels(), FS, next).output);
    // The render ahead was handed over (its arrays transferred): a second request renders afresh, equally.
    send({ type: 'render', seq: 2, clipKey: 5, params: next });
    expect(rendersStarted).toEqual([next, next]);
    const second = replies[1]?.message;
    if (second?.type !== 'render') throw new Error('expected a second render');
    expect(second.render.output).toEqual(message.render.output);
  });
});

describe('render worker, work ahead', () => {
  const params: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -24, ratio: 6, attackMs: 2 };
  const step = (thresholdDb: number): CompressorParams => ({ ...params, thresholdDb });

  function renderReply(i: number): Extract<FromRenderWorker, { type: 'render' }> {
    const message = replies[i]?.message;
    if (message?.type !== 'render') throw new Error(`expected a render, got ${message?.type}`);
    return message;
  }

  it('keeps every clip it is sent until told to forget it; a request names the clip it renders', () => {
    const other = (): Float32Array[] => clipChannels().map((ch) => ch.map((x) => x * 0.25));
    send({ type: 'clip', clipKey: 1, sampleRate: FS, channels: clipChannels() });
    send({ type: 'clip', clipKey: 2, sampleRate: FS, channels: other() });
    send({ type: 'render', seq: 1, clipKey: 1, params });
    send({ type: 'render', seq: 2, clipKey: 2, params });
    expect(renderReply(0).render.output).toEqual(renderOffline(clipChannels(), FS, params).output);
    expect(renderReply(1).render.output).toEqual(renderOffline(other(), FS, params).output);
  });

  it('a render made ahead brings its measured transfer and the loudness copy; a request drops stale work', async () => {
    send({ type: 'clip', clipKey: 3, sampleRate: FS, channels: clipChannels() });
    send({ type: 'render', seq: 1, clipKey: 3, params: step(-21) });
    send({ type: 'ahead', clipKey: 3, params: [step(-22), step(-20)] });
    await idle();
    expect(rendersStarted.map((p) => p.thresholdDb)).toEqual([-21, -22, -20]);
    send({ type: 'render', seq: 2, clipKey: 3, params: step(-22) });
    expect(rendersStarted).toHaveLength(3);
    const expected = renderOffline(clipChannels(), FS, step(-22));
    expect(renderReply(1).render.output).toEqual(expected.output);
    expect(renderReply(1).transfer).toEqual(measuredTransfer(clipChannels(), expected));
    // A short clip's render made ahead brings the loudness Worker's copy of its output, transferred.
    expect(renderReply(1).meterCopy).toEqual(expected.output);
    expect(renderReply(1).meterCopy?.[0]).not.toBe(renderReply(1).render.output[0]);
    expect(replies[1]?.transfer).toContain(renderReply(1).meterCopy?.[0]?.buffer);
    // One made on request does not (the main thread measures and copies it).
    expect(renderReply(0).meterCopy).toBeUndefined();
    // The other render ahead (−20 dB) was dropped with the request: asking for it renders it again.
    send({ type: 'render', seq: 3, clipKey: 3, params: step(-20) });
    expect(rendersStarted.map((p) => p.thresholdDb)).toEqual([-21, -22, -20, -20]);
  });

  it("makes what a request asks for with it (a clip's first render): its measured transfer, the loudness copies", () => {
    send({ type: 'clip', clipKey: 6, sampleRate: FS, channels: clipChannels() });
    send({ type: 'render', seq: 1, clipKey: 6, params, transfer: true, meterCopy: true, clipCopy: true });
    send({ type: 'render', seq: 2, clipKey: 6, params: { ...params, thresholdDb: -30 } });
    const first = renderReply(0);
    expect(first.meterCopy).toEqual(first.render.output);
    expect(first.meterCopy?.[0]).not.toBe(first.render.output[0]);
    expect(first.clipCopy).toEqual(clipChannels());
    expect(first.transfer).toEqual(measuredTransfer(clipChannels(), renderOffline(clipChannels(), FS, params)));
    for (const ch of [...(first.meterCopy ?? []), ...(first.clipCopy ?? [])]) {
      expect(replies[0]?.transfer).toContain(ch.buffer);
    }
    // The clip's own channels stay with the worker for the next render.
    expect(renderReply(1).render.output).toEqual(
      renderOffline(clipChannels(), FS, { ...params, thresholdDb: -30 }).output,
    );
    // Not asked for, a short clip's render comes without any of them.
    expect(renderReply(1).transfer).toBeUndefined();
    expect(renderReply(1).meterCopy).toBeUndefined();
    expect(renderReply(1).clipCopy).toBeUndefined();
  });

  it('brings what renders ahead bring along right after the two likeliest, after all renders for the rest', async () => {
    const ticks = manualTicks();
    vi.resetModules();
    await import('../../../src/state/render.worker');
    send({ type: 'clip', clipKey: 7, sampleRate: FS, channels: clipChannels() });
    const until = (n: number): void => {
      for (let i = 0; i < 100 && rendersStarted.length < n; i++) ticks.run(1);
    };
    // Four wanted: once the fourth has started, the third is made, its measured transfer and copy not yet.
    send({ type: 'ahead', clipKey: 7, params: [step(-30), step(-31), step(-32), step(-33)] });
    until(4);
    expect(rendersStarted).toEqual([step(-30), step(-31), step(-32), step(-33)]);
    send({ type: 'render', seq: 1, clipKey: 7, params: step(-32) });
    expect(rendersStarted).toHaveLength(4);
    expect(renderReply(0).render.output).toEqual(renderOffline(clipChannels(), FS, step(-32)).output);
    expect(renderReply(0).transfer).toBeUndefined();
    expect(renderReply(0).meterCopy).toBeUndefined();
    // Three wanted: once the third has started, the first has them (made before the second render).
    send({ type: 'ahead', clipKey: 7, params: [step(-40), step(-41), step(-42)] });
    until(7);
    expect(rendersStarted.slice(4)).toEqual([step(-40), step(-41), step(-42)]);
    send({ type: 'render', seq: 2, clipKey: 7, params: step(-40) });
    expect(rendersStarted).toHaveLength(7);
    const expected = renderOffline(clipChannels(), FS, step(-40));
    expect(renderReply(1).render.output).toEqual(expected.output);
    expect(renderReply(1).transfer).toEqual(measuredTransfer(clipChannels(), expected));
    expect(renderReply(1).meterCopy).toEqual(expected.output);
    vi.unstubAllGlobals();
    vi.stubGlobal('self', scope);
  });

  it('finishes a render ahead it has started when that very render is asked for, without what only helps ahead', async () => {
    // The worker's ticks (one step of work ahead each) are run by hand here, so the render ahead is caught after
    // exactly one of its steps (render-steps.ts's 32 768 frames; the 2 s clip takes three).
    const ticks = manualTicks();
    vi.resetModules();
    await import('../../../src/state/render.worker');
    const long = (): Float32Array[] =>
      [220, 330].map((frequencyHz) => sine({ sampleRate: FS, frequencyHz, peakDb: -6, durationS: 2 }));
    send({ type: 'clip', clipKey: 4, sampleRate: FS, channels: long() });
    send({ type: 'ahead', clipKey: 4, params: [step(-30)] });
    ticks.run(1);
    expect(rendersStarted).toEqual([step(-30)]);
    send({ type: 'render', seq: 1, clipKey: 4, params: step(-30) });
    expect(rendersStarted).toEqual([step(-30)]);
    const expected = renderOffline(long(), FS, step(-30));
    expect(renderReply(0).render.output).toEqual(expected.output);
    expect(renderReply(0).render.appliedReductionDb).toEqual(expected.appliedReductionDb);
    // A request waits for it now: like a render made on request, it leaves the measured transfer and the loudness
    // copy of a short clip to the main thread.
    expect(renderReply(0).transfer).toBeUndefined();
    expect(renderReply(0).meterCopy).toBeUndefined();
    expect(renderReply(0).summaries.appliedReductionDb).toEqual(summarize(expected.appliedReductionDb));
    vi.unstubAllGlobals();
    vi.stubGlobal('self', scope);
  });

  it('renders other clips it holds at the settings given, after the current clip, and answers a switch with them', async () => {
    const other = (): Float32Array[] => clipChannels().map((ch) => ch.map((x) => x * 0.5));
    send({ type: 'clip', clipKey: 5, sampleRate: FS, channels: other() });
    send({ type: 'clip', clipKey: 6, sampleRate: FS, channels: clipChannels() });
    send({ type: 'render', seq: 1, clipKey: 6, params });
    send({ type: 'ahead', clipKey: 6, params: [] });
    // Clip 9 is not held: left out.
    send({
      type: 'aheadClips',
      jobs: [
        { clipKey: 5, params },
        { clipKey: 9, params },
      ],
    });
    await idle();
    expect(rendersStarted).toEqual([params, params]);
    send({ type: 'render', seq: 2, clipKey: 5, params });
    expect(rendersStarted).toHaveLength(2);
    expect(renderReply(1).render.output).toEqual(renderOffline(other(), FS, params).output);
    // Forgetting a clip drops its renders ahead: asked again, clip 6 is rendered afresh.
    send({ type: 'aheadClips', jobs: [{ clipKey: 6, params }] });
    await idle();
    send({ type: 'forget', clipKey: 6 });
    send({ type: 'render', seq: 3, clipKey: 6, params });
    expect(replies[2]?.message).toEqual({
      type: 'error',
      seq: 3,
      message: 'the clip changed before it could be rendered',
    });
  });
});

describe('attached measured transfer', () => {
  const params: CompressorParams = { ...DEFAULT_PARAMS, thresholdDb: -24, ratio: 6, attackMs: 2 };

  it('is returned for the render and input it was attached with, and recomputed for any other input', () => {
    const input = clipChannels();
    const render = renderOffline(clipChannels(), FS, params);
    const computed = measuredTransfer(input, render);
    const sent = structuredClone(computed);
    attachMeasuredTransfer(input, render, sent);
    expect(measuredTransfer(input, render)).toBe(sent);
    const other = clipChannels();
    expect(measuredTransfer(other, render)).not.toBe(sent);
    expect(measuredTransfer(other, render)).toEqual(computed);
  });
});

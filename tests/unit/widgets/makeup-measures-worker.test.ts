/**
 * The output meter's and the clipping view's Workers, their pure side (OutputMeter/output-protocol.ts,
 * output-client.ts, Clipping/clipping-protocol.ts, clipping-client.ts): each handler answers with exactly what the
 * widget's model computes on the main thread; the clients send what their handler needs (the output meter nothing
 * of the original), as copies, and resolve through the inline port (no Workers, or a Worker that fails) with the
 * same result. The client's
 * one-job-at-a-time and stale-answer rules are shared/measure-client.ts's, tested with the Reasons panel
 * (tests/unit/together/reasons-worker.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { renderOffline } from '../../../src/dsp/compressor';
import { DEFAULT_PARAMS } from '../../../src/dsp/params';
import { drumHit } from '../../../src/dsp/signals';
import type { OfflineRender } from '../../../src/dsp/types';
import { inlineMeasurePort, MeasureClient, type MeasurePort } from '../../../src/widgets/shared/measure-client';
import type { FromMeasureWorker, ToMeasureWorker } from '../../../src/widgets/shared/measure-protocol';
import { outputMeasures, type OutputMeasures } from '../../../src/widgets/OutputMeter/model';
import {
  outputHandler,
  type OutputClipFields,
  type OutputMeasureFields,
} from '../../../src/widgets/OutputMeter/output-protocol';
import { outputSpec } from '../../../src/widgets/OutputMeter/output-client';
import { clippingModel } from '../../../src/widgets/Clipping/model';
import { measuredDeltaLu } from '../../../src/widgets/Exercise/loudness-match';
import {
  clippingHandler,
  type ClippingClipFields,
  type ClippingMeasureFields,
  type ClippingResult,
} from '../../../src/widgets/Clipping/clipping-protocol';
import { clippingSpec } from '../../../src/widgets/Clipping/clipping-client';

const fs = 48000;

/** Four drum hits peaking at −2 dBFS in one second: made 12 dB louder by make-up gain, the output clips. */
function clipOf(seed: number) {
  const x = new Float32Array(fs);
  for (let k = 0; k < 4; k++)
    x.set(drumHit({ sampleRate: fs, peakDb: -2, durationS: 0.2, seed: seed + k }), k * 0.25 * fs);
  return { channels: [x], sampleRate: fs };
}

function renderOf(channels: Float32Array[], makeupDb: number): OfflineRender {
  return renderOffline(channels, fs, { ...DEFAULT_PARAMS, thresholdDb: -30, ratio: 4, attackMs: 10, makeupDb });
}

/** A Worker stand-in that records what was posted and answers every message through `handle` at once. */
function recordingPort<C extends object, M extends object, R>(handle: (m: ToMeasureWorker<C, M>) => unknown) {
  const posted: { message: ToMeasureWorker<C, M>; transfer: Transferable[] }[] = [];
  const port: MeasurePort<C, M, R> = {
    onmessage: null,
    postMessage(message, transfer) {
      posted.push({ message, transfer });
      const reply = handle(message) as FromMeasureWorker<R> | null;
      if (reply) queueMicrotask(() => port.onmessage?.({ data: reply } as MessageEvent<FromMeasureWorker<R>>));
    },
    terminate: () => undefined,
  };
  return { port, posted };
}

describe('output meter Worker', () => {
  it('measures as model.ts outputMeasures does on the main thread, clipping included', async () => {
    const clip = clipOf(1);
    const render = renderOf(clip.channels, 12);
    const { port, posted } = recordingPort<OutputClipFields, OutputMeasureFields, OutputMeasures>(outputHandler());
    const client = new MeasureClient(port, outputSpec);
    const result = await client.measure(clip, render);
    expect(result).toEqual(outputMeasures(render));
    expect(result?.overs.samples).toBeGreaterThan(0);
    // The clip message carries no audio; the output goes as a transferred copy, never the render's own arrays.
    expect(posted.map((p) => p.message.type)).toEqual(['clip', 'measure']);
    expect(posted[0]?.transfer).toEqual([]);
    const sent = posted.flatMap((p) => p.transfer);
    expect(sent).toHaveLength(render.output.length);
    for (const own of render.output) expect(sent).not.toContain(own.buffer);
  });

  it('gives the same measures through the inline port (no Workers)', async () => {
    const clip = clipOf(2);
    const render = renderOf(clip.channels, 0);
    const client = new MeasureClient(inlineMeasurePort(outputHandler()), outputSpec);
    expect(await client.measure(clip, render)).toEqual(outputMeasures(render));
    client.dispose();
  });
});

describe('a measure client whose Worker fails', () => {
  it('runs the job again on the main thread (inline port) and resolves with the same result', async () => {
    const clip = clipOf(5);
    const render = renderOf(clip.channels, 6);
    let terminated = false;
    const dead: MeasurePort<OutputClipFields, OutputMeasureFields, OutputMeasures> = {
      onmessage: null,
      onerror: null,
      postMessage: () => undefined,
      terminate: () => {
        terminated = true;
      },
    };
    const client = new MeasureClient(dead, outputSpec, () => inlineMeasurePort(outputHandler()));
    const job = client.measure(clip, render);
    dead.onerror?.(new Event('error') as ErrorEvent);
    expect(await job).toEqual(outputMeasures(render));
    expect(terminated).toBe(true);
  });
});

describe('clipping view Worker', () => {
  it('measures ΔLU and both panels as the main thread does, sending the original once per clip', async () => {
    const clip = clipOf(3);
    const { port, posted } = recordingPort<ClippingClipFields, ClippingMeasureFields, ClippingResult>(
      clippingHandler(),
    );
    const client = new MeasureClient(port, clippingSpec);
    for (const makeupDb of [6, 14]) {
      const render = renderOf(clip.channels, makeupDb);
      const delta = measuredDeltaLu(clip.channels, render);
      if (delta === null) throw new Error('expected a measurable clip');
      expect(await client.measure(clip, render)).toEqual({ model: clippingModel(clip.channels, render, delta) });
    }
    expect(posted.map((p) => p.message.type)).toEqual(['clip', 'measure', 'measure']);
    const sent = posted.flatMap((p) => p.transfer);
    expect(sent).toHaveLength(3);
    for (const own of clip.channels) expect(sent).not.toContain(own.buffer);
  });

  it('answers a silent render with no model (no loudness to match)', async () => {
    const clip = clipOf(4);
    const silent = { ...renderOf(clip.channels, 0), output: [new Float32Array(fs)] };
    const client = new MeasureClient(inlineMeasurePort(clippingHandler()), clippingSpec);
    expect(await client.measure(clip, silent)).toEqual({ model: null });
    client.dispose();
  });
});

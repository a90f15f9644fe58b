/**
 * A measure Worker's job holds its render (shared/measure-client.ts, state/render-loans.ts): from measure() until
 * the job is answered or made stale, the render's arrays cannot go back to the render Worker, so the copy the job
 * sends (made when it starts, perhaps after an earlier job's answer) is never of emptied arrays; a render already
 * given back is not measured at all.
 */
import { describe, expect, it } from 'vitest';
import { MeasureClient, type MeasurePort } from '../../../src/widgets/shared/measure-client';
import type { FromMeasureWorker, ToMeasureWorker } from '../../../src/widgets/shared/measure-protocol';
import { holdRender, renderGivenBack, retireRender } from '../../../src/state/render-loans';

interface Render {
  output: Float32Array[];
}
interface C {
  n: number;
}
interface M {
  copy: Float32Array;
}

/** A Worker stand-in that answers only when the test says so. */
function manualPort() {
  const posted: ToMeasureWorker<C, M>[] = [];
  const port: MeasurePort<C, M, number> = {
    onmessage: null,
    postMessage: (message) => posted.push(message),
    terminate: () => undefined,
  };
  const answer = (seq: number, result: number) =>
    port.onmessage?.({ data: { type: 'measured', seq, result } } as MessageEvent<FromMeasureWorker<number>>);
  return { port, posted, answer };
}

const spec = {
  clip: () => ({ body: { n: 1 }, transfer: [] }),
  measure: (render: Render) => ({ body: { copy: render.output[0]?.slice() ?? new Float32Array() }, transfer: [] }),
};

const renderOf = (value: number): Render => ({ output: [new Float32Array(8).fill(value)] });
const clip = { channels: [new Float32Array(8)], sampleRate: 48_000 };

describe('measure jobs hold their renders', () => {
  it('a waiting job holds its render until it has sent its copy and been answered', async () => {
    const { port, posted, answer } = manualPort();
    const client = new MeasureClient<Render, C, M, number>(port, spec);
    const a = renderOf(1);
    const b = renderOf(2);
    const first = client.measure(clip, a);
    // The second job waits for the first one's answer: the client's cancel makes the first stale, and b is held.
    const second = client.measure(clip, b);
    expect(await first).toBeNull();
    let given = false;
    retireRender(b, () => {
      given = true;
    });
    expect(given).toBe(false);
    const running = posted.filter((m) => m.type === 'measure');
    answer(running.length, 0); // the stale first job's answer: b's job starts now and copies b
    const sent = posted.filter((m) => m.type === 'measure').at(-1);
    expect(sent?.type === 'measure' && Array.from(sent.copy)).toEqual(Array.from(b.output[0] ?? []));
    expect(given).toBe(false);
    answer(posted.filter((m) => m.type === 'measure').length, 42);
    expect(await second).toBe(42);
    expect(given).toBe(true);
    client.dispose();
  });

  it('a cancelled job lets its render go', () => {
    const { port } = manualPort();
    const client = new MeasureClient<Render, C, M, number>(port, spec);
    const r = renderOf(3);
    void client.measure(clip, r);
    let given = false;
    retireRender(r, () => {
      given = true;
    });
    expect(given).toBe(false);
    client.cancel();
    expect(given).toBe(true);
    expect(renderGivenBack(r)).toBe(true);
    client.dispose();
  });

  it('does not measure a render already given back (a late effect)', async () => {
    const { port, posted } = manualPort();
    const client = new MeasureClient<Render, C, M, number>(port, spec);
    const r = renderOf(4);
    retireRender(r, () => undefined);
    expect(await client.measure(clip, r)).toBeNull();
    expect(posted).toEqual([]);
    // A render still shown (not retired) is measured as before, hold or not.
    const shown = renderOf(5);
    const release = holdRender(shown);
    void client.measure(clip, shown);
    expect(posted.map((m) => m.type)).toEqual(['clip', 'measure']);
    release();
    client.dispose();
  });
});

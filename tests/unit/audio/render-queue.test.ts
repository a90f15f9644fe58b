import { describe, expect, it } from 'vitest';
import { RenderQueue } from '../../../src/state/render-queue';

/** A job runner whose jobs finish when the test says so. */
function manualRunner() {
  const started: number[] = [];
  const finishers: (() => void)[] = [];
  const run = ({ params }: { clip: string; params: number }) =>
    new Promise<number>((resolve) => {
      started.push(params);
      finishers.push(() => resolve(params * 10));
    });
  return { run, started, finish: () => finishers.shift()?.() };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('RenderQueue', () => {
  it('runs one job at a time and keeps only the newest waiting request', async () => {
    const runner = manualRunner();
    const delivered: number[] = [];
    const queue = new RenderQueue<string, number, number>(runner.run, (r) => delivered.push(r));
    queue.request('clip', 1);
    queue.request('clip', 2);
    queue.request('clip', 3);
    queue.request('clip', 4);
    expect(runner.started).toEqual([1]);
    runner.finish();
    await tick();
    expect(delivered).toEqual([10]);
    expect(runner.started).toEqual([1, 4]); // 2 and 3 were coalesced away
    runner.finish();
    await tick();
    expect(delivered).toEqual([10, 40]);
    expect(queue.busy).toBe(false);
    expect(queue.started).toBe(2);
  });

  it('drops a result for a clip that is no longer current', async () => {
    const runner = manualRunner();
    const delivered: number[] = [];
    const queue = new RenderQueue<string, number, number>(runner.run, (r) => delivered.push(r));
    queue.request('a', 1);
    queue.clear();
    runner.finish();
    await tick();
    expect(delivered).toEqual([]);
  });

  it('reports a failed job and carries on with the next', async () => {
    const errors: unknown[] = [];
    const delivered: number[] = [];
    let calls = 0;
    const queue = new RenderQueue<string, number, number>(
      ({ params }) => {
        calls++;
        return params < 0 ? Promise.reject(new Error('bad')) : Promise.resolve(params);
      },
      (r) => delivered.push(r),
      (e) => errors.push(e),
    );
    queue.request('a', -1);
    await tick();
    queue.request('a', 5);
    await tick();
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
    expect(delivered).toEqual([5]);
  });
});

import { describe, expect, it } from 'vitest';
import { readWithProgress } from '../../../src/audio/fetch-progress';

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
      controller.close();
    },
  });
}

describe('readWithProgress', () => {
  it('reports fractions of Content-Length and returns every byte', async () => {
    const chunks = [new Uint8Array([1, 2, 3, 4]), new Uint8Array([5, 6, 7, 8]), new Uint8Array([9, 10])];
    const response = new Response(streamOf(chunks), { headers: { 'content-length': '10' } });
    const seen: (number | null)[] = [];
    const buffer = await readWithProgress(response, (f) => seen.push(f));
    expect(Array.from(new Uint8Array(buffer))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(seen).toEqual([0, 0.4, 0.8, 1, 1]);
  });

  it('reports null (unknown) without a length, then 1 at the end', async () => {
    const response = new Response(streamOf([new Uint8Array(3), new Uint8Array(2)]));
    const seen: (number | null)[] = [];
    const buffer = await readWithProgress(response, (f) => seen.push(f));
    expect(buffer.byteLength).toBe(5);
    expect(seen).toEqual([null, null, null, 1]);
  });

  it('rejects an HTTP error with its status', async () => {
    await expect(
      readWithProgress(new Response('x', { status: 404, statusText: 'Not Found' }), () => undefined),
    ).rejects.toThrow('HTTP 404 Not Found');
  });
});

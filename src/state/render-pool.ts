/**
 * The render Worker's pool of arrays given back by the page (render-loans.ts says when): a render is written into
 * them instead of fresh ones (pure, no DOM). A fresh array costs the system mapping and zeroing its pages on first
 * write (for a 20 s stereo render ~18 MB, a third of the Worker's job); a given-back one is mapped already. Every
 * value of a pooled array is overwritten by the render (renderOfflineSteps writes each frame of each array it is
 * handed; tests/unit/state/render-pool.test.ts checks a render into arrays full of garbage equals a fresh one).
 */

/** Floats the pool keeps at most (40 MB: two sets of a 20 s stereo render's arrays; none of ten minutes). */
export const POOL_FLOATS = 10_000_000;

/** Whether arrays of `floats` floats in all are worth giving back (the pool would keep them). */
export function fitsPool(floats: number): boolean {
  return floats <= POOL_FLOATS;
}

export class ArrayPool {
  /** Kept buffers, oldest first. */
  private readonly free: ArrayBuffer[] = [];

  constructor(private readonly maxFloats = POOL_FLOATS) {}

  /** Floats kept. */
  get floats(): number {
    return this.free.reduce((n, b) => n + b.byteLength / 4, 0);
  }

  /** Keep these buffers for later renders; the oldest beyond the limit are dropped. */
  add(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength > 0 && b.byteLength % 4 === 0) this.free.push(b);
    let floats = this.floats;
    while (floats > this.maxFloats && this.free.length > 0) floats -= (this.free.shift()?.byteLength ?? 0) / 4;
  }

  /** An array of `length` floats: a kept one of exactly that size (old values still in it), else a new one. */
  take(length: number): Float32Array {
    const at = this.free.findIndex((b) => b.byteLength === length * 4);
    const buffer = at >= 0 ? this.free.splice(at, 1)[0] : undefined;
    return buffer ? new Float32Array(buffer) : new Float32Array(length);
  }
}

/**
 * Block extremes (src/dsp/block-extremes.ts): the WebAssembly rows equal the JS rows, value for value (NaN as NaN,
 * −0 told from +0, though neither stores one), on arrays with NaN, ±0 and ±Infinity, of lengths that end mid-block and span several copies into the
 * module's memory; and the JS rows are each block's smallest and largest value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extremes, extremesJs } from '../../../src/dsp/block-extremes';
import { createWasmExtremes } from '../../../src/dsp/kernel-wasm';
import { mulberry32 } from '../../../src/dsp/signals';

/** A value as a comparable token: NaN and −0 named, others as they are. */
const token = (v: number): number | string => (Number.isNaN(v) ? 'NaN' : Object.is(v, -0) ? '-0' : v);

function rows(values: Float32Array, block: number, how: typeof extremes): [(number | string)[], (number | string)[]] {
  const n = Math.ceil(values.length / block);
  const lo = new Float32Array(n).fill(7);
  const hi = new Float32Array(n).fill(7);
  how(values, block, lo, hi);
  return [Array.from(lo, token), Array.from(hi, token)];
}

const SPECIAL = [NaN, 0, -0, Infinity, -Infinity, 1, -1];

function values(seed: number, length: number, specials: number): Float32Array {
  const rand = mulberry32(seed);
  const a = new Float32Array(length);
  for (let i = 0; i < length; i++) a[i] = Math.sin(i / 37 + seed) * (2 * rand() - 1);
  for (let s = 0; s < specials && length > 0; s++) {
    a[Math.floor(rand() * length)] = SPECIAL[Math.floor(rand() * SPECIAL.length)] as number;
  }
  return a;
}

describe('block extremes', () => {
  it('runs in WebAssembly here (Node has WebAssembly with SIMD)', () => {
    expect(createWasmExtremes(1024)).not.toBeNull();
  });

  it('gives the JS rows in WebAssembly, NaN, −0 and ±Infinity included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom(4, 8, 64, 256),
        fc.integer({ min: 0, max: 12 }),
        (seed, length, block, specials) => {
          const a = values(seed, length, specials);
          expect(rows(a, block, extremes)).toEqual(rows(a, block, extremesJs));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('gives the JS rows over several copies into the module (a 20 s stereo channel)', () => {
    const a = values(11, 921_600 + 17, 40);
    for (const block of [64, 256]) expect(rows(a, block, extremes)).toEqual(rows(a, block, extremesJs));
  });

  it('in JS, each block is its smallest and largest value; a NaN makes both NaN; a zero extreme is +0', () => {
    const a = new Float32Array([
      3,
      -2,
      0.5,
      1,
      /* block 2 */ 0,
      -0,
      0,
      0,
      /* block 3 */ 4,
      NaN,
      -9,
      2,
      /* 4 */ -Infinity,
      5,
      /* 5 */ -0,
      -0,
      -0,
      -0,
    ]);
    for (const how of [extremesJs, extremes]) {
      expect(rows(a, 4, how)).toEqual([
        [-2, 0, 'NaN', -Infinity, 0],
        [3, 0, 'NaN', 5, 0],
      ]);
    }
    // ±0 in either order, and a NaN among the first eight values of a block (the two running pairs) or after them.
    const zeros = new Float32Array(64).fill(0);
    zeros[5] = -0;
    zeros[40] = -0;
    const late = new Float32Array(12).fill(1);
    late[10] = NaN;
    for (const how of [extremesJs, extremes]) {
      expect(rows(zeros, 8, how)).toEqual([Array(8).fill(0), Array(8).fill(0)]);
      expect(rows(late, 4, how)).toEqual([
        [1, 1, 'NaN'],
        [1, 1, 'NaN'],
      ]);
    }
  });
});

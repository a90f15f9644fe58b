import { describe, expect, it } from 'vitest';
import { fastExp, fastLn } from '../../../src/dsp/fast-math';
import { mulberry32 } from '../../../src/dsp/signals';

describe('fast ln and exp', () => {
  it('match Math.log to 1e-9 relative over 1e-12 … 1e6', () => {
    const rand = mulberry32(7);
    for (let k = 0; k < 100000; k++) {
      const p = Math.pow(10, -12 + 18 * rand());
      const exact = Math.log(p);
      expect(Math.abs(fastLn(p) - exact)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(exact)));
    }
    expect(fastLn(1)).toBe(0);
    expect(fastLn(2)).toBeCloseTo(Math.LN2, 15);
  });
  it('match Math.exp to 1e-9 relative over −30 … 30', () => {
    const rand = mulberry32(8);
    for (let k = 0; k < 100000; k++) {
      const x = -30 + 60 * rand();
      const exact = Math.exp(x);
      expect(Math.abs(fastExp(x) - exact) / exact).toBeLessThanOrEqual(1e-9);
    }
    expect(fastExp(0)).toBe(1);
  });
});

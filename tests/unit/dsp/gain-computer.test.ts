import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { autoMakeupDb, resolveMakeupDb, staticOutputDb, staticReductionDb } from '../../../src/dsp/gain-computer';

const hard = { thresholdDb: -20, ratio: 4, kneeDb: 0 };
const soft = { thresholdDb: -20, ratio: 4, kneeDb: 10 };

describe('static curve (Giannoulis et al. 2012 eq. 4)', () => {
  it('hard knee: unity below T, T + (x − T)/R above, exactly T at the threshold', () => {
    expect(staticOutputDb(-30, hard)).toBe(-30);
    expect(staticOutputDb(-20, hard)).toBe(-20);
    expect(staticOutputDb(-10, hard)).toBe(-17.5);
    expect(staticOutputDb(0, hard)).toBe(-15);
    expect(staticOutputDb(-20.000001, hard)).toBeCloseTo(-20.000001, 9);
    expect(staticOutputDb(-19.999999, hard)).toBeCloseTo(-20 + 0.000001 / 4, 9);
  });
  it('soft knee W = 10: knee edges at T ± 5, quadratic inside', () => {
    expect(staticOutputDb(-25, soft)).toBe(-25);
    // y = x + (1/R − 1)(x − T + W/2)²/(2W) = −20 − 0.75·25/20 = −20.9375 at x = T.
    expect(staticOutputDb(-20, soft)).toBeCloseTo(-20.9375, 12);
    expect(staticOutputDb(-15, soft)).toBeCloseTo(-18.75, 12);
    expect(staticOutputDb(-10, soft)).toBeCloseTo(-17.5, 12);
  });
  it('value and slope are continuous at both knee edges', () => {
    const e = 1e-6;
    for (const edge of [-25, -15]) {
      const below = staticOutputDb(edge - e, soft);
      const at = staticOutputDb(edge, soft);
      const above = staticOutputDb(edge + e, soft);
      expect(Math.abs(above - at)).toBeLessThan(2 * e);
      expect(Math.abs(at - below)).toBeLessThan(2 * e);
      expect((above - at) / e).toBeCloseTo((at - below) / e, 4);
    }
    // Slopes: 1 below the knee, 1/R above it.
    expect((staticOutputDb(-25 + e, soft) - staticOutputDb(-25, soft)) / e).toBeCloseTo(1, 4);
    expect((staticOutputDb(-15 + e, soft) - staticOutputDb(-15, soft)) / e).toBeCloseTo(0.25, 4);
  });
  it('ratio ∞ limits at the threshold; ratio 1 does nothing', () => {
    expect(staticOutputDb(-3, { thresholdDb: -12, ratio: Infinity, kneeDb: 0 })).toBe(-12);
    expect(staticReductionDb(-3, { thresholdDb: -12, ratio: 1, kneeDb: 6 })).toBe(0);
  });
});

describe('auto make-up', () => {
  it('gives back the reduction at 0 dBFS: +15 dB at T = −20, R = 4', () => {
    expect(autoMakeupDb(hard)).toBe(15);
    expect(autoMakeupDb(soft)).toBe(15);
    expect(autoMakeupDb({ thresholdDb: -6, ratio: Infinity, kneeDb: 0 })).toBe(6);
    expect(resolveMakeupDb({ ...hard, makeupDb: 'auto' })).toBe(15);
    expect(resolveMakeupDb({ ...hard, makeupDb: 3 })).toBe(3);
  });
  it('knee wider than twice the headroom: 0 dBFS inside the knee', () => {
    // T = −4, W = 12: 0 dBFS is inside the knee; reduction (1 − 1/R)(x − T + W/2)²/(2W) = 0.75·100/24.
    expect(autoMakeupDb({ thresholdDb: -4, ratio: 4, kneeDb: 12 })).toBeCloseTo(3.125, 12);
  });
});

describe('static curve properties', () => {
  const curve = fc.record({
    thresholdDb: fc.double({ min: -60, max: 0, noNaN: true }),
    ratio: fc.oneof(fc.double({ min: 1, max: 20, noNaN: true }), fc.constant(Infinity)),
    kneeDb: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 24, noNaN: true })),
  });
  const level = fc.double({ min: -140, max: 20, noNaN: true });
  it('monotone, continuous (slope ≤ 1), reduction ≥ 0 and never above the input', () => {
    fc.assert(
      fc.property(curve, level, fc.double({ min: 0, max: 5, noNaN: true }), (p, x, dx) => {
        const y0 = staticOutputDb(x, p);
        const y1 = staticOutputDb(x + dx, p);
        expect(y1).toBeGreaterThanOrEqual(y0 - 1e-9);
        expect(y1 - y0).toBeLessThanOrEqual(dx + 1e-9);
        expect(staticReductionDb(x, p)).toBeGreaterThanOrEqual(0);
        expect(y0).toBeLessThanOrEqual(x + 1e-12);
      }),
      { numRuns: 2000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fastExp, fastLn } from '../../../src/dsp/fast-math';
import {
  FLUSH_DB,
  LN_POWER_TO_DB,
  POWER_FLOOR,
  POWER_FLUSH,
  ballistics,
  detectorPower,
  levelDb,
  linkedReductionDb,
  meanSquare,
  outputGain,
} from '../../../src/dsp/formulas';
import { DB_TO_NEPER } from '../../../src/dsp/levels';

describe('formulas.ts: the literals in the hot functions are the named constants', () => {
  it('levelDb: 10/ln(10) and the 1e-12 floor', () => {
    expect(LN_POWER_TO_DB).toBe(10 / Math.LN10);
    for (const p of [1, 0.5, 1e-3, 2e-12]) expect(levelDb(p)).toBe(LN_POWER_TO_DB * fastLn(p));
    expect(levelDb(0)).toBe(LN_POWER_TO_DB * fastLn(POWER_FLOOR));
    expect(levelDb(0)).toBeCloseTo(-120, 9);
  });
  it('meanSquare and ballistics flush below POWER_FLUSH and FLUSH_DB', () => {
    expect(meanSquare(0, POWER_FLUSH * 0.99, 0, 1)).toBe(0);
    expect(meanSquare(0, POWER_FLUSH, 0, 1)).toBe(POWER_FLUSH);
    expect(ballistics(0, FLUSH_DB * 0.99, 0, 1, 0, 1)).toBe(0);
    expect(ballistics(0, FLUSH_DB, 0, 1, 0, 1)).toBe(FLUSH_DB);
  });
  it('outputGain: ln(10)/20 per dB, mixed with the dry signal', () => {
    expect(DB_TO_NEPER).toBe(Math.LN10 / 20);
    for (const db of [-12, 0, 6, 24]) expect(outputGain(db, 0, 1)).toBe(fastExp(db * DB_TO_NEPER));
    expect(outputGain(20, 0, 0.5)).toBeCloseTo(0.5 * 10 + 0.5, 9);
  });
  it('detectorPower and linkedReductionDb are exact at their ends', () => {
    expect(detectorPower(0.3, 0.7, 0)).toBe(0.3);
    expect(detectorPower(0.3, 0.7, 1)).toBe(0.7);
    expect(linkedReductionDb(2.5, 7.5, 0)).toBe(2.5);
    expect(linkedReductionDb(7.5, 7.5, 0.3)).toBe(7.5);
  });
});

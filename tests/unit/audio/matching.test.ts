import { describe, expect, it } from 'vitest';
import { deltaLu, matchGainsDb, MAX_REMOVED_BOOST_DB } from '../../../src/audio/matching';

describe('matchGainsDb', () => {
  const loudness = { originalLufs: -24, compressedLufs: -27.5, removedLufs: -40 };

  it('turns each path by its loudness difference to the original', () => {
    expect(matchGainsDb(loudness, true)).toEqual({ compressedDb: 3.5, removedDb: 16 });
  });

  it('does nothing when switched off or not yet measured', () => {
    expect(matchGainsDb(loudness, false)).toEqual({ compressedDb: 0, removedDb: 0 });
    expect(matchGainsDb(null, true)).toEqual({ compressedDb: 0, removedDb: 0 });
  });

  it('caps the boost of a nearly silent removed signal, and ignores silence', () => {
    expect(matchGainsDb({ ...loudness, removedLufs: -90 }, true).removedDb).toBe(MAX_REMOVED_BOOST_DB);
    expect(matchGainsDb({ ...loudness, removedLufs: -Infinity }, true).removedDb).toBe(0);
  });
});

describe('deltaLu', () => {
  it('is compressed minus original, null until measured', () => {
    expect(deltaLu({ originalLufs: -24, compressedLufs: -20, removedLufs: -40 })).toBe(4);
    expect(deltaLu(null)).toBeNull();
    expect(deltaLu({ originalLufs: -Infinity, compressedLufs: -Infinity, removedLufs: -Infinity })).toBeNull();
  });
});

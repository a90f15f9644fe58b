import { describe, expect, it } from 'vitest';
import { clampSeek, positionAt } from '../../../src/audio/playhead';

describe('positionAt', () => {
  it('adds elapsed time to the start offset', () => {
    expect(positionAt(2, 1.5, 10, true)).toBe(3.5);
  });
  it('wraps when looping and stops at the end when not', () => {
    expect(positionAt(8, 5, 10, true)).toBe(3);
    expect(positionAt(8, 5, 10, false)).toBe(10);
  });
  it('is 0 for an empty clip and ignores negative elapsed time', () => {
    expect(positionAt(1, 1, 0, true)).toBe(0);
    expect(positionAt(2, -1, 10, false)).toBe(2);
  });
});

describe('clampSeek', () => {
  it('keeps targets inside the clip and restarts from the end', () => {
    expect(clampSeek(4.2, 10)).toBe(4.2);
    expect(clampSeek(-1, 10)).toBe(0);
    expect(clampSeek(10, 10)).toBe(0);
    expect(clampSeek(Number.NaN, 10)).toBe(0);
  });
});

/** The attack and release sliders (log scales rounded to two digits): every arrow key press changes the value. */
import { describe, expect, it } from 'vitest';
import { PARAM_SPECS, formatParamValue } from '../../../src/dsp/params';
import { likelyNextPositions, positionAfterKey, sliderScale } from '../../../src/widgets/Controls/model';

describe('log sliders never get stuck', () => {
  for (const key of ['attackMs', 'releaseMs', 'rmsWindowMs'] as const) {
    it(`${key}: ArrowRight and ArrowLeft from every reachable value move to a different value`, () => {
      const s = sliderScale(PARAM_SPECS[key]);
      const values = new Set(Array.from({ length: s.last + 1 }, (_, p) => s.fromPosition(p)));
      for (const v of values) {
        const step = (k: string) => s.fromPosition(positionAfterKey(s, s.toPosition(v), k) ?? 0);
        if (v < PARAM_SPECS[key].max) expect(step('ArrowRight')).toBeGreaterThan(v);
        if (v > PARAM_SPECS[key].min) expect(step('ArrowLeft')).toBeLessThan(v);
      }
    });
  }

  it('the lessons’ starting values step as the Playwright spec expects, with aria-valuetext like "10 ms"', () => {
    const attack = sliderScale(PARAM_SPECS.attackMs);
    const release = sliderScale(PARAM_SPECS.releaseMs);
    const right = (s: typeof attack, v: number) =>
      s.fromPosition(positionAfterKey(s, s.toPosition(v), 'ArrowRight') ?? 0);
    expect(formatParamValue('attackMs', right(attack, 10))).toBe('11 ms');
    expect(formatParamValue('attackMs', right(attack, 1))).toBe('1.1 ms');
    expect(formatParamValue('releaseMs', right(release, 100))).toBe('110 ms');
    expect(formatParamValue('releaseMs', right(release, 1000))).toBe('1100 ms');
  });
});

describe('likely next key presses (rendered ahead)', () => {
  const s = sliderScale(PARAM_SPECS.thresholdDb);
  const value = (p: number) => s.fromPosition(p);
  const at = s.toPosition(-20);
  it('after ArrowLeft: the same key, the reverse, then PageUp and PageDown', () => {
    expect(likelyNextPositions(s, at, 'ArrowLeft').map(value)).toEqual([-20.5, -19.5, -14, -26]);
  });
  it('after PageUp: PageUp again, PageDown, then the arrows; nothing past the end of the scale', () => {
    expect(likelyNextPositions(s, at, 'PageUp').map(value)).toEqual([-14, -26, -19.5, -20.5]);
    expect(likelyNextPositions(s, s.last, 'PageUp').map(value)).toEqual([-6, -0.5]);
  });
});

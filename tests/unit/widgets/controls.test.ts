import { describe, expect, it } from 'vitest';
import { PARAM_SPECS } from '../../../src/dsp/params';
import { RATIO_STOPS, fieldText, parseTyped, positionAfterKey, sliderScale } from '../../../src/widgets/Controls/model';

describe('slider scales', () => {
  it('threshold: linear in 0.5 dB steps over −60..0 dB', () => {
    const s = sliderScale(PARAM_SPECS.thresholdDb);
    expect(s.last).toBe(120);
    expect(s.toPosition(-20)).toBe(80);
    expect(s.fromPosition(79)).toBe(-20.5);
    expect(s.fromPosition(-5)).toBe(-60);
    expect(s.fromPosition(500)).toBe(0);
    expect(s.pageStep).toBe(12); // 6 dB = a tenth of the range
  });

  it('ratio: musicians’ stops ending in ∞', () => {
    const s = sliderScale(PARAM_SPECS.ratio);
    expect(s.last).toBe(RATIO_STOPS.length - 1);
    expect(s.fromPosition(s.toPosition(4))).toBe(4);
    expect(s.fromPosition(s.last)).toBe(Infinity);
    expect(s.toPosition(Infinity)).toBe(s.last);
    expect(s.fromPosition(s.toPosition(4.2))).toBe(4); // a typed 4.2 sits on the nearest stop
  });

  it('attack: logarithmic from 0.1 to 200 ms', () => {
    const s = sliderScale(PARAM_SPECS.attackMs);
    expect(s.fromPosition(0)).toBe(0.1);
    expect(s.fromPosition(100)).toBe(200);
    // Source: 0.1·2000^(p/100); p = 50 -> 0.1·√2000 = 4.47 -> two significant digits 4.5.
    expect(s.fromPosition(50)).toBe(4.5);
    expect(s.toPosition(10)).toBe(61); // log(100)/log(2000) = 0.606
  });
});

describe('slider keys (WAI-ARIA slider pattern)', () => {
  const s = sliderScale(PARAM_SPECS.thresholdDb);
  it('moves one step with arrows, a page with PageUp/PageDown, to the ends with Home/End', () => {
    expect(positionAfterKey(s, 80, 'ArrowLeft')).toBe(79);
    expect(positionAfterKey(s, 80, 'ArrowDown')).toBe(79);
    expect(positionAfterKey(s, 80, 'ArrowRight')).toBe(81);
    expect(positionAfterKey(s, 80, 'ArrowUp')).toBe(81);
    expect(positionAfterKey(s, 80, 'PageDown')).toBe(68);
    expect(positionAfterKey(s, 80, 'PageUp')).toBe(92);
    expect(positionAfterKey(s, 80, 'Home')).toBe(0);
    expect(positionAfterKey(s, 80, 'End')).toBe(120);
    expect(positionAfterKey(s, 0, 'ArrowLeft')).toBe(0);
    expect(positionAfterKey(s, 80, 'Tab')).toBeNull();
  });
});

describe('typed values', () => {
  it('accepts numbers, typographic minus and ∞, clamps out-of-range, rejects text', () => {
    expect(parseTyped('thresholdDb', '−24')).toEqual({ value: -24, note: null });
    expect(parseTyped('ratio', '∞')).toEqual({ value: Infinity, note: null });
    expect(parseTyped('ratio', 'inf')).toEqual({ value: Infinity, note: null });
    expect(parseTyped('thresholdDb', '999')).toEqual({ value: 0, note: 'Kept within -60 to 0.' });
    expect(parseTyped('thresholdDb', 'abc')).toEqual({ error: 'Type a number from -60 to 0.' });
  });

  it('shows editable text in the field', () => {
    expect(fieldText(-20)).toBe('-20');
    expect(fieldText(2.5)).toBe('2.5');
    expect(fieldText(Infinity)).toBe('∞');
    expect(fieldText('auto')).toBe('auto');
  });
});
